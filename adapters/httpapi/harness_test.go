package httpapi_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/httpapi"
	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

const (
	nationalToken   = "national-token-0123456789"
	meknesToken     = "meknes-delegation-token-01"
	casablancaToken = "casablanca-delegation-tok"
)

var today = coop.MustParseDate("2024-06-30")

type env struct {
	t   *testing.T
	h   http.Handler
	reg *registry.Registry
	doc map[string]any
}

// newEnv serves the API over an empty memory store.
func newEnv(t *testing.T) *env {
	t.Helper()
	return newEnvOn(t, memory.New())
}

// clock is the registry's and the handler's clock in the tests: 10:00 UTC
// today.
func clock() time.Time { return today.Time().Add(10 * time.Hour) }

// newEnvOn serves the API over store.
func newEnvOn(t *testing.T, store registry.Store) *env {
	t.Helper()
	auth, err := httpapi.BearerTokens([]httpapi.TokenScope{
		{Token: nationalToken, Principal: httpapi.Principal{Subject: "ministry", National: true}},
		{Token: meknesToken, Principal: httpapi.Principal{Subject: "odco-meknes"}, Delegation: "meknes"},
		{Token: casablancaToken, Principal: httpapi.Principal{Subject: "odco-casablanca"}, Delegation: "casablanca"},
	})
	require.NoError(t, err)
	reg := registry.New(store, &registry.Options{Now: clock})
	e := &env{t: t, reg: reg, h: httpapi.NewHandler(reg, &httpapi.Options{Authenticate: auth, Now: clock, MaxBodyBytes: 64 << 10})}
	res := e.do("GET", "/v1/openapi.json", "", nil, nil)
	require.Equal(t, 200, res.Code)
	require.NoError(t, json.Unmarshal(res.Body.Bytes(), &e.doc))
	return e
}

// do sends a request and checks the response against the OpenAPI document.
func (e *env) do(method, path, token string, body any, header map[string]string) *httptest.ResponseRecorder {
	e.t.Helper()
	req := e.request(method, path, token, body, header)
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	if e.doc != nil {
		e.conforms(method, req.URL.EscapedPath(), rec)
	}
	return rec
}

// request makes a request: a body given as a string or bytes is sent as
// it is, any other value as JSON.
func (e *env) request(method, path, token string, body any, header map[string]string) *http.Request {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		require.NoError(e.t, err)
		rd = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, rd)
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return req
}

// conforms checks a response against the OpenAPI document.
func (e *env) conforms(method, path string, rec *httptest.ResponseRecorder) {
	e.t.Helper()
	ct := rec.Header().Get("Content-Type")
	if rec.Code >= 400 {
		require.Equal(e.t, "application/problem+json", ct, "%s %s: %d %s", method, path, rec.Code, rec.Body.String())
	}
	op := e.operation(method, path)
	if op == nil {
		// Unknown paths and methods are answered with problems only.
		require.GreaterOrEqual(e.t, rec.Code, 400, "%s %s is not in the document", method, path)
		e.validate(e.componentRef("Problem"), rec.Body.Bytes(), method+" "+path)
		return
	}
	responses := op["responses"].(map[string]any)
	resp, ok := responses[fmt.Sprint(rec.Code)].(map[string]any)
	if !ok {
		require.GreaterOrEqual(e.t, rec.Code, 400, "%s %s answered %d, not documented", method, path, rec.Code)
		resp = responses["default"].(map[string]any)
	}
	if rec.Header().Get("Preference-Applied") == "return=minimal" {
		// RFC 7240: no body, which the document says it may leave out.
		require.Empty(e.t, rec.Body.String(), "%s %s: a minimal reply has no body", method, path)
		headers, _ := resp["headers"].(map[string]any)
		require.Contains(e.t, headers, "Preference-Applied", "%s %s: return=minimal is not documented", method, path)
		return
	}
	content, _ := resp["content"].(map[string]any)
	if content == nil {
		return
	}
	mt, _, _ := strings.Cut(ct, ";")
	media, ok := content[mt].(map[string]any)
	require.True(e.t, ok, "%s %s: %s is not documented for %d", method, path, ct, rec.Code)
	if mt == "text/csv" {
		return
	}
	if mt == registry.WorkbookType {
		// A workbook: a zip archive.
		require.True(e.t, bytes.HasPrefix(rec.Body.Bytes(), []byte("PK\x03\x04")), "%s %s: not a workbook", method, path)
		return
	}
	if mt == "application/x-ndjson" {
		// A stream: each line is JSON.
		for _, line := range strings.Split(strings.TrimSpace(rec.Body.String()), "\n") {
			require.True(e.t, json.Valid([]byte(line)), "%s %s: a line is not JSON: %s", method, path, line)
		}
		return
	}
	e.validate(media["schema"].(map[string]any), rec.Body.Bytes(), method+" "+path)
}

func (e *env) componentRef(name string) map[string]any {
	return map[string]any{"$ref": "#/components/schemas/" + name}
}

// operation finds the documented operation for a method and a concrete path.
func (e *env) operation(method, path string) map[string]any {
	for tmpl, item := range e.doc["paths"].(map[string]any) {
		var parts []string
		for _, seg := range strings.Split(tmpl, "/") {
			switch {
			case strings.HasPrefix(seg, "{"):
				parts = append(parts, "[^/]+")
			default:
				parts = append(parts, regexp.QuoteMeta(seg))
			}
		}
		re := "^" + strings.Join(parts, "/") + "$"
		if ok, _ := regexp.MatchString(re, path); ok {
			if op, ok := item.(map[string]any)[strings.ToLower(method)].(map[string]any); ok {
				return op
			}
		}
	}
	return nil
}

func (e *env) validate(schema map[string]any, body []byte, where string) {
	e.t.Helper()
	var v any
	require.NoError(e.t, json.Unmarshal(body, &v), "%s: body is not JSON: %s", where, body)
	if err := e.check(schema, v, "$"); err != "" {
		e.t.Fatalf("%s: the response does not match the OpenAPI document: %s\n%s", where, err, body)
	}
}

// check is a small JSON Schema validator for what the document uses: $ref,
// type (one or several), properties, required, additionalProperties,
// propertyNames, items, anyOf, enum, pattern, minimum, maximum and
// maxLength.
func (e *env) check(s map[string]any, v any, at string) string {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		comp := e.doc["components"].(map[string]any)["schemas"].(map[string]any)[name]
		if comp == nil {
			return at + ": unknown schema " + name
		}
		return e.check(comp.(map[string]any), v, at)
	}
	if alts, ok := s["anyOf"].([]any); ok {
		var errs []string
		for _, alt := range alts {
			if err := e.check(alt.(map[string]any), v, at); err == "" {
				return ""
			} else {
				errs = append(errs, err)
			}
		}
		return strings.Join(errs, " | ")
	}
	if t, ok := s["type"]; ok {
		types := []string{}
		switch tt := t.(type) {
		case string:
			types = append(types, tt)
		case []any:
			for _, x := range tt {
				types = append(types, x.(string))
			}
		}
		if !typeMatches(types, v) {
			return fmt.Sprintf("%s: %T is not %v", at, v, types)
		}
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, v) {
		return fmt.Sprintf("%s: %v is not one of %v", at, v, enum)
	}
	switch x := v.(type) {
	case map[string]any:
		for _, r := range asList(s["required"]) {
			if _, ok := x[r]; !ok {
				return fmt.Sprintf("%s: the required property %s is missing", at, r)
			}
		}
		if names, ok := s["propertyNames"].(map[string]any); ok {
			for k := range x {
				if err := e.check(names, k, at+" key "+k); err != "" {
					return err
				}
			}
		}
		props, _ := s["properties"].(map[string]any)
		for k, val := range x {
			if ps, ok := props[k].(map[string]any); ok {
				if err := e.check(ps, val, at+"."+k); err != "" {
					return err
				}
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap && props != nil {
					return at + ": property " + k + " is not documented"
				}
			case map[string]any:
				if err := e.check(ap, val, at+"."+k); err != "" {
					return err
				}
			}
		}
	case []any:
		if items, ok := s["items"].(map[string]any); ok {
			for i, it := range x {
				if err := e.check(items, it, fmt.Sprintf("%s[%d]", at, i)); err != "" {
					return err
				}
			}
		}
	case string:
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(x) {
			return fmt.Sprintf("%s: %q does not match %s", at, x, p)
		}
		if n, ok := s["maxLength"].(float64); ok && float64(utf8.RuneCountInString(x)) > n {
			return fmt.Sprintf("%s: longer than %v characters", at, n)
		}
	case float64:
		if n, ok := s["minimum"].(float64); ok && x < n {
			return fmt.Sprintf("%s: %v is below %v", at, x, n)
		}
		if n, ok := s["maximum"].(float64); ok && x > n {
			return fmt.Sprintf("%s: %v is above %v", at, x, n)
		}
	}
	return ""
}

// asList reads a JSON array of strings.
func asList(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			out = append(out, x.(string))
		}
	}
	return out
}

func typeMatches(types []string, v any) bool {
	for _, t := range types {
		switch t {
		case "null":
			if v == nil {
				return true
			}
		case "object":
			if _, ok := v.(map[string]any); ok {
				return true
			}
		case "array":
			if _, ok := v.([]any); ok {
				return true
			}
		case "string", "date":
			if _, ok := v.(string); ok {
				return true
			}
		case "boolean":
			if _, ok := v.(bool); ok {
				return true
			}
		case "integer":
			if f, ok := v.(float64); ok && f == float64(int64(f)) {
				return true
			}
		case "number":
			if _, ok := v.(float64); ok {
				return true
			}
		}
	}
	return false
}

func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &v), rec.Body.String())
	return v
}

// registerIn approves a name and registers a cooperative of 6 founders in
// province with token, returning it.
func (e *env) registerIn(name string, province coop.ProvinceCode, token string) coop.Cooperative {
	e.t.Helper()
	return e.registerAt(name, province, token, today)
}

// registerAt is registerIn with the name approved and the cooperative
// registered on a past date.
func (e *env) registerAt(name string, province coop.ProvinceCode, token string, on coop.Date) coop.Cooperative {
	e.t.Helper()
	res := e.do("POST", "/v1/name-approvals", token, map[string]any{"names": []string{name},
		"signatories": []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, {"name": "E"}},
		"province":    province, "requested_on": on, "decided_on": on}, nil)
	require.Equal(e.t, 201, res.Code, res.Body.String())
	a := decode[registry.NameApproval](e.t, res)
	founders := []map[string]any{}
	for i := 0; i < 6; i++ {
		founders = append(founders, map[string]any{"member": map[string]any{"type": "natural", "name": fmt.Sprintf("Founder %d", i+1),
			"gender": "female", "cin": fmt.Sprintf("D%06d", 100000+i), "birth_date": "1990-05-0" + fmt.Sprint(i+1)},
			"shares": 5, "amount": "500", "paid": "500"})
	}
	res = e.do("POST", "/v1/cooperatives", token, map[string]any{"approval_id": a.ID, "kind": "cooperative", "registered_on": on,
		"sector": "agriculture", "province": province, "statutes": map[string]any{"duration_years": 99, "share_nominal": "100"},
		"founders": founders, "governance": map[string]any{"managers": []map[string]any{{"name": "Amina"}}}}, nil)
	require.Equal(e.t, 201, res.Code, res.Body.String())
	return decode[coop.Cooperative](e.t, res)
}
