package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// httpProblem carries a problem that is not a coop error (401, 403, 412,
// 413, 415).
type httpProblem struct{ p Problem }

func (e *httpProblem) Error() string { return e.p.Detail }

func problem(status int, code, detail string) error {
	return &httpProblem{Problem{Status: status, Code: code, Detail: detail}}
}

// fileBody returns the body of a route that takes a register file, as a
// stream bounded by Options.MaxRegisterBytes, and the name its problems
// give it: a CSV file (text/csv) or a workbook (registry.WorkbookType).
func (c *call) fileBody() (io.Reader, string, error) {
	mt, _, err := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	var name string
	switch {
	case err == nil && mt == "text/csv":
		name = "register.csv"
	case err == nil && mt == registry.WorkbookType:
		name = "register.xlsx"
	default:
		return nil, "", problem(http.StatusUnsupportedMediaType, codeUnsupportedMedia, "send text/csv or "+registry.WorkbookType)
	}
	if c.r.ContentLength == 0 || c.r.Body == nil || c.r.Body == http.NoBody {
		return nil, "", coop.Fieldf(bodyField, "required", "a register file is required")
	}
	if c.r.ContentLength > c.a.maxCSV {
		return nil, "", c.tooLarge()
	}
	return http.MaxBytesReader(c.w, c.r.Body, c.a.maxCSV), name, nil
}

// tooLarge is the problem of a register file beyond Options.MaxRegisterBytes.
func (c *call) tooLarge() error {
	return problem(http.StatusRequestEntityTooLarge, codeTooLarge, "the body is larger than "+strconv.FormatInt(c.a.maxCSV, 10)+" bytes")
}

// readBody reads a bounded JSON body. A register file is not read here:
// its handler streams it (fileBody).
func (c *call) readBody() bool {
	if c.r.ContentLength == 0 && c.r.Body == http.NoBody {
		c.body = nil
		return true
	}
	want, limit := "application/json", c.a.maxBody
	if ct := c.r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != want {
			writeProblem(c.w, c.r, Problem{Status: http.StatusUnsupportedMediaType, Code: codeUnsupportedMedia, Detail: "send " + want})
			return false
		}
	}
	b, err := io.ReadAll(http.MaxBytesReader(c.w, c.r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeProblem(c.w, c.r, Problem{Status: http.StatusRequestEntityTooLarge, Code: codeTooLarge,
				Detail: "the body is larger than " + strconv.FormatInt(limit, 10) + " bytes"})
			return false
		}
		writeProblem(c.w, c.r, Problem{Status: http.StatusBadRequest, Code: string(coop.Invalid), Detail: "the body could not be read"})
		return false
	}
	c.body = b
	return true
}

// decode reads the JSON body into v: one object, no unknown field.
func (c *call) decode(v any) error {
	if len(bytes.TrimSpace(c.body)) == 0 {
		return coop.Fieldf(bodyField, "required", "a JSON body is required")
	}
	if !utf8.Valid(c.body) {
		return coop.Fieldf(bodyField, "utf-8", "the body is not valid UTF-8 (RFC 8259)")
	}
	if err := strictJSON(c.body, reflect.TypeOf(v).Elem()); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(c.body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return coop.Fieldf(bodyField, "json", "the body holds more than one JSON value")
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); err != io.EOF {
		return coop.Fieldf(bodyField, "json", "the body holds more than one JSON value")
	}
	return nil
}

// jsonError turns a decoding error into an Invalid error naming the field.
func jsonError(err error) error {
	var e *coop.Error
	if errors.As(err, &e) {
		return e
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return coop.Fieldf(te.Field, "type", "expected %s", te.Type.String())
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return coop.Fieldf(bodyField, "json", "malformed JSON at byte %d", se.Offset)
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return coop.Fieldf(strings.Trim(f, `"`), "unknown-field", "unknown field")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return coop.Fieldf(bodyField, "json", "the JSON body is cut short")
	}
	return coop.Fieldf(bodyField, "json", "the body is not valid JSON")
}

// pathID parses the path value name as a UUID.
func (c *call) pathID(name string) (uuid.UUID, error) {
	id, err := uuid.Parse(c.r.PathValue(name))
	if err != nil {
		return uuid.Nil, coop.Fieldf(name, "uuid", "%q is not an ID", coop.Excerpt(c.r.PathValue(name)))
	}
	return id, nil
}

// expect reads If-Match: the version the client read, as an ETag.
func (c *call) expect() (int64, error) {
	h := strings.TrimSpace(c.r.Header.Get("If-Match"))
	if h == "" || h == "*" {
		return 0, nil
	}
	v, err := strconv.ParseInt(strings.Trim(strings.TrimPrefix(h, "W/"), `"`), 10, 64)
	if err != nil || v <= 0 {
		return 0, problem(http.StatusBadRequest, string(coop.Invalid), "If-Match is not an ETag of this API")
	}
	return v, nil
}

// scoped checks that the principal covers province: 401 for anonymous, 403
// otherwise.
func (c *call) scoped(province coop.ProvinceCode) error {
	if c.who == nil {
		c.w.Header().Set("WWW-Authenticate", `Bearer realm="taawun"`)
		return problem(http.StatusUnauthorized, codeUnauthenticated, "this needs a bearer token")
	}
	if !c.who.Covers(province) {
		return problem(http.StatusForbidden, string(coop.Forbidden), "your scope does not cover "+string(province))
	}
	return nil
}

// checkQuery refuses a malformed query string, parameters the route does
// not take, a parameter given twice and values that are not clean text.
func checkQuery(r *http.Request, allowed []param) error {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return coop.Fieldf("query", "query", "the query string is malformed: write it with percent-encoding (RFC 3986)")
	}
	var fs coop.Fields
	for k, vs := range q {
		known := false
		for _, p := range allowed {
			known = known || p.Name == k
		}
		switch {
		case !known:
			fs.Add(coop.Excerpt(k), "unknown-parameter", "", "unknown query parameter")
			continue
		case len(vs) > 1:
			fs.Add(k, "duplicate", "", "given %d times", len(vs))
		}
		for _, v := range vs {
			fs.Merge(k, coop.CheckText(v, 500))
		}
	}
	return fs.Err("httpapi", "invalid query")
}

// declaredParams holds the name of every query parameter a route declares.
// None of them carries personal data: members are never looked up by
// name, CIN or birth date.
var declaredParams = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	for _, rt := range routes() {
		for _, p := range rt.Query {
			names[p.Name] = true
		}
	}
	return names
})
