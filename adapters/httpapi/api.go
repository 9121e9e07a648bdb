package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"path"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/registry"
)

// Options configures the handler. A nil *Options means the defaults.
type Options struct {
	// Authenticate finds the principal of a request; nil treats every
	// request as anonymous, which may only read public data.
	Authenticate Authenticator
	// Catalogue decides eligibility; nil means programs.Default().
	Catalogue *programs.Catalogue
	// Now is the clock (default time.Now); only default dates use it.
	Now func() time.Time
	// MaxBodyBytes bounds request bodies (default 1 MiB).
	MaxBodyBytes int64
	// MaxRegisterBytes bounds a register imported as CSV (default 64 MiB,
	// about 400,000 members).
	MaxRegisterBytes int64
	// RequestTimeout bounds the work of one request (default 30 s).
	RequestTimeout time.Duration
	// Logger receives internal errors (default: discarded), and the access
	// log when AccessLog is set.
	Logger *slog.Logger
	// AccessLog logs every request at Info: method, path, query, status,
	// bytes, duration and the principal's subject. Queries carry no
	// personal data: members are never looked up by name, CIN or birth date.
	AccessLog bool
	// Ready, when set, tells whether the registry is ready to serve (loaded
	// at start, its read model built): until it is, /readyz and every /v1
	// route answer 503 with Retry-After. /healthz answers 200 as soon as the
	// handler serves. /readyz also asks the store (registry.Registry.Ping)
	// and answers 503 while it cannot be reached.
	Ready func() bool
	// Metrics, when set, counts every request by route pattern and status
	// with its duration, and is served at GET /metrics in the Prometheus
	// text format with the gauges the caller added.
	Metrics *Metrics
}

type api struct {
	reg     *registry.Registry
	cat     *programs.Catalogue
	now     func() time.Time
	auth    Authenticator
	maxBody int64
	maxCSV  int64
	timeout time.Duration
	log     *slog.Logger
	mux     *http.ServeMux
	agg     aggregates
	access  bool
	ready   func() bool
	metrics *Metrics
}

// NewHandler returns the /v1 JSON API over reg: name approvals,
// cooperatives and their members, governance and life events, the Law
// 112-12 check, eligibility and screening, statistics, and the OpenAPI 3.1
// document at /v1/openapi.json. The caller owns the server, TLS and any
// further middleware.
func NewHandler(reg *registry.Registry, opts *Options) http.Handler {
	o := Options{}
	if opts != nil {
		o = *opts
	}
	a := &api{reg: reg, cat: o.Catalogue, now: o.Now, auth: o.Authenticate, maxBody: o.MaxBodyBytes,
		maxCSV: o.MaxRegisterBytes, timeout: o.RequestTimeout, log: o.Logger, access: o.AccessLog, ready: o.Ready, metrics: o.Metrics}
	if a.cat == nil {
		a.cat = programs.Default()
	}
	if a.now == nil {
		a.now = time.Now
	}
	if a.auth == nil {
		a.auth = func(*http.Request) (*Principal, error) { return nil, nil }
	}
	if a.maxBody <= 0 {
		a.maxBody = 1 << 20
	}
	if a.maxCSV <= 0 {
		a.maxCSV = 64 << 20
	}
	if a.timeout <= 0 {
		a.timeout = 30 * time.Second
	}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	a.mux = http.NewServeMux()
	for _, rt := range routes() {
		a.mux.Handle(rt.Method+" "+rt.Path, a.serve(rt))
	}
	return a
}

// readyPing is how long /readyz waits for the store to answer.
const readyPing = 2 * time.Second

// ServeHTTP answers /healthz and /readyz, logs the request when asked, and
// routes it, answering unknown paths and wrong methods with problems too.
func (a *api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/healthz":
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = io.WriteString(w, `{"status":"ok"}`+"\n")
		return
	case "/readyz":
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		if a.ready != nil && !a.ready() {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"status":"loading"}`+"\n")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), readyPing)
		defer cancel()
		if err := a.reg.Ping(ctx); err != nil {
			a.log.WarnContext(r.Context(), "not ready: the store does not answer", slog.Any("error", err))
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"status":"unavailable"}`+"\n")
			return
		}
		_, _ = io.WriteString(w, `{"status":"ready"}`+"\n")
		return
	case "/metrics":
		if a.metrics != nil && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			a.metrics.ServeHTTP(w, r)
			return
		}
	}
	if a.access || a.metrics != nil {
		start, info := time.Now(), &requestInfo{route: "unmatched"}
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		r = r.WithContext(context.WithValue(r.Context(), infoKey{}, info))
		defer func() {
			took := time.Since(start)
			if a.metrics != nil {
				a.metrics.observe(info.route, sw.status, took)
			}
			if a.access {
				a.log.Info("request", slog.String("method", r.Method), slog.String("path", r.URL.Path),
					slog.String("query", loggedQuery(r.URL.RawQuery)), slog.Int("status", sw.status), slog.Int64("bytes", sw.bytes),
					slog.String("took", took.Round(time.Microsecond).String()), slog.String("subject", info.subject))
			}
		}()
		w = sw
	}
	if a.ready != nil && !a.ready() {
		w.Header().Set("Retry-After", "1")
		writeProblem(w, r, Problem{Status: http.StatusServiceUnavailable, Code: string(coop.Unavailable),
			Detail: "the registry is loading; try again shortly"})
		return
	}
	a.route(w, r)
}

// requestInfo is what the access log and the metrics learn of a request
// while it is served: its principal and its route pattern.
type requestInfo struct{ subject, route string }

type infoKey struct{}

// statusWriter records the status and size of a response, and flushes
// through to the connection for a stream.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (w *statusWriter) WriteHeader(s int) {
	if !w.wrote {
		w.status, w.wrote = s, true
	}
	w.ResponseWriter.WriteHeader(s)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Flush sends what was written to the client.
func (w *statusWriter) Flush() { http.NewResponseController(w.ResponseWriter).Flush() }

// Unwrap gives http.ResponseController the connection's writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// route routes the request.
func (a *api) route(w http.ResponseWriter, r *http.Request) {
	if p := r.URL.Path; p == "" || path.Clean(p) != p {
		// No redirects to cleaned paths: an API answers the path it is given.
		writeProblem(w, r, Problem{Status: http.StatusNotFound, Code: string(coop.NotFound), Detail: "no such resource"})
		return
	}
	h, pattern := a.mux.Handler(r)
	if pattern != "" {
		a.mux.ServeHTTP(w, r) // sets the path values that Handler does not
		return
	}
	rec := &capture{header: http.Header{}}
	h.ServeHTTP(rec, r)
	if allow := rec.header.Get("Allow"); allow != "" {
		w.Header().Set("Allow", allow)
	}
	switch rec.status {
	case http.StatusMethodNotAllowed:
		writeProblem(w, r, Problem{Status: rec.status, Code: codeMethodNotAllowed, Detail: r.Method + " is not allowed on " + r.URL.Path})
	default:
		writeProblem(w, r, Problem{Status: http.StatusNotFound, Code: string(coop.NotFound), Detail: "no such resource"})
	}
}

// capture records what the mux's own 404 and 405 handlers write.
type capture struct {
	header http.Header
	status int
}

func (c *capture) Header() http.Header         { return c.header }
func (c *capture) Write(b []byte) (int, error) { return len(b), nil }
func (c *capture) WriteHeader(s int)           { c.status = s }

// call is one request being served.
type call struct {
	a    *api
	rt   route
	w    http.ResponseWriter
	r    *http.Request
	ctx  context.Context
	who  *Principal
	body []byte
	// once completes the request's idempotency key in the transaction of
	// its write, when the request has one.
	once *registry.Guard
	// model is the read model an aggregate route answers from, read once
	// so that its figures and its ETag name one version.
	model *readmodel.Model
}

// readModel returns the call's read model: the one the aggregate route
// read, or the registry's current one.
func (c *call) readModel() (*readmodel.Model, error) {
	if c.model != nil {
		return c.model, nil
	}
	m, err := c.a.reg.ReadModel(c.ctx)
	if err != nil {
		return nil, err
	}
	c.model = m
	return m, nil
}

// reply is what a handler answers: a status and a value to encode as JSON,
// or raw bytes with a content type.
type reply struct {
	status      int
	value       any
	raw         []byte
	contentType string
	// etag and location set the headers of the same names.
	etag, location string
	// streamed is set when the handler wrote the response itself.
	streamed bool
}

func ok(v any) reply { return reply{status: http.StatusOK, value: v} }

// serve wraps a route: authentication, body limits, the request timeout,
// idempotent POSTs and the encoding of the reply.
func (a *api) serve(rt route) http.Handler {
	route := rt.Method + " " + openAPIPath(rt.Path)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		info, _ := r.Context().Value(infoKey{}).(*requestInfo)
		if info != nil {
			info.route = route
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		if len(r.Header.Values("Authorization")) > 1 {
			writeProblem(w, r, Problem{Status: http.StatusBadRequest, Code: string(coop.Invalid),
				Detail: "the request has more than one Authorization header", Errors: []coop.FieldError{
					{Field: "Authorization", Rule: "single", Message: "give one Authorization header"}}})
			return
		}
		who, err := a.auth(r)
		if info != nil && who != nil {
			info.subject = who.Subject
		}
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="taawun"`)
			writeProblem(w, r, Problem{Status: http.StatusUnauthorized, Code: codeUnauthenticated, Detail: coop.ErrorMessage(err)})
			return
		}
		if rt.Auth != public && who == nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="taawun"`)
			writeProblem(w, r, Problem{Status: http.StatusUnauthorized, Code: codeUnauthenticated, Detail: "this resource needs a bearer token"})
			return
		}
		if err := checkQuery(r, rt.Query); err != nil {
			a.writeError(w, r, err)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), a.timeout)
		defer cancel()
		c := &call{a: a, rt: rt, w: w, r: r, ctx: ctx, who: who}
		if r.Method == http.MethodPost || r.Method == http.MethodPut || r.Method == http.MethodPatch {
			if !c.readBody() {
				return
			}
		}
		if key := r.Header.Get("Idempotency-Key"); key != "" && rt.Auth == scopedWrite {
			a.keyed(c, key)
			return
		}
		a.respond(c)
	})
}

// keyed serves a write made with an Idempotency-Key: done once, its outcome
// kept by the registry's store with the change, replayed to a retry by the
// same principal once authorized again.
func (a *api) keyed(c *call, key string) {
	if len(key) > 200 || strings.IndexFunc(key, func(r rune) bool { return r < 0x21 || r > 0x7e }) >= 0 {
		writeProblem(c.w, c.r, Problem{Status: http.StatusBadRequest, Code: string(coop.Invalid),
			Detail: "an Idempotency-Key has 1 to 200 visible ASCII characters",
			Errors: []coop.FieldError{{Field: "Idempotency-Key", Rule: "key", Message: "1 to 200 visible ASCII characters"}}})
		return
	}
	// A principal's keys are its own, for this operation.
	scope := sha256.Sum256([]byte(c.who.Subject + "\x00" + c.r.Method + "\x00" + c.r.URL.Path + "\x00" + key))
	body := sha256.Sum256(c.body)
	rec, res, err := a.reg.BeginKey(c.ctx, hex.EncodeToString(scope[:]), hex.EncodeToString(body[:]))
	if err != nil {
		var e *coop.Error
		if errors.As(err, &e) && e.Code == coop.Conflict && len(e.Fields) > 0 {
			switch e.Fields[0].Rule {
			case registry.KeyReused:
				writeProblem(c.w, c.r, Problem{Status: http.StatusUnprocessableEntity, Code: codeIdempotency, Detail: e.Message})
				return
			case registry.KeyInProgress:
				c.w.Header().Set("Retry-After", "1")
				writeProblem(c.w, c.r, Problem{Status: http.StatusConflict, Code: codeKeyInUse, Detail: e.Message})
				return
			}
		}
		a.writeError(c.w, c.r, err)
		return
	}
	if rec.Done {
		a.replay(c, rec)
		return
	}
	g := registry.Once(res, c.envelope)
	c.once = &g
	if !a.respond(c) {
		// Refused, failed or cancelled before it committed: the key is free
		// for a retry.
		if err := a.reg.Release(context.WithoutCancel(c.ctx), res); err != nil {
			a.log.WarnContext(c.ctx, "releasing an idempotency key", slog.Any("error", err))
		}
	}
}

// storedReply is the outcome of a keyed request as the registry keeps it:
// its status and headers, and what its body showed named by reference (the
// cooperatives at the versions the write made, the support action's ID),
// so that a key costs a few hundred bytes whatever the size of the
// cooperative. Only a small outcome that no version names (a name
// approval) is kept whole.
type storedReply struct {
	Status   int           `json:"status"`
	ETag     string        `json:"etag,omitempty"`
	Location string        `json:"location,omitempty"`
	States   []storedState `json:"states,omitempty"`
	// Action is the ID of a recorded support action, whose body lists
	// States.
	Action *uuid.UUID      `json:"action,omitempty"`
	Body   json.RawMessage `json:"body,omitempty"`
}

// storedState names a cooperative at a version.
type storedState struct {
	ID      uuid.UUID `json:"id"`
	Version int64     `json:"version"`
}

// envelope records the outcome of a write, inside the write's
// transaction.
func (c *call) envelope(v any) ([]byte, error) {
	rep := c.result(c.rt.OK, v)
	sr := storedReply{Status: rep.status, ETag: rep.etag, Location: rep.location}
	switch x := v.(type) {
	case coop.Cooperative:
		sr.States = []storedState{{ID: x.ID, Version: x.Version}}
	case registry.RecordedAction:
		id := x.ActionID
		sr.Action = &id
		sr.States = make([]storedState, len(x.Cooperatives))
		for i, co := range x.Cooperatives {
			sr.States[i] = storedState{ID: co.ID, Version: co.Version}
		}
	default:
		body, err := encodeJSON(nil, rep.value)
		if err != nil {
			return nil, err
		}
		sr.Body = body
	}
	return json.Marshal(sr)
}

// replay answers a retry with the outcome of the first request, once the
// principal is authorized again on every cooperative it changed: the same
// status and headers, and the cooperatives as the first request left them
// (registry.Registry.AtVersion), redacted for the principal as they were.
func (a *api) replay(c *call, rec registry.KeyRecord) {
	for _, id := range rec.Cooperatives {
		co, err := a.reg.Get(c.ctx, id)
		if err != nil {
			a.writeError(c.w, c.r, err)
			return
		}
		if !c.who.Covers(co.Province) {
			writeProblem(c.w, c.r, Problem{Status: http.StatusForbidden, Code: string(coop.Forbidden),
				Detail: "your scope does not cover " + co.Name + " (" + string(co.Province) + ")"})
			return
		}
	}
	var sr storedReply
	if err := json.Unmarshal(rec.Result, &sr); err != nil {
		a.writeError(c.w, c.r, err)
		return
	}
	states := make([]coop.Cooperative, len(sr.States))
	for i, st := range sr.States {
		co, err := a.reg.AtVersion(c.ctx, st.ID, st.Version)
		if err != nil {
			a.fail(c, err)
			return
		}
		states[i] = co
	}
	rep := reply{status: sr.Status, etag: sr.ETag, location: sr.Location, raw: sr.Body, contentType: "application/json"}
	switch {
	case sr.Action != nil:
		rep.raw, rep.value = nil, c.result(sr.Status, registry.RecordedAction{ActionID: *sr.Action, Cooperatives: states}).value
	case len(states) == 1:
		rep.raw, rep.value = nil, c.result(sr.Status, states[0]).value
	case sr.Body != nil:
		rep.raw = append(sr.Body, '\n')
	}
	c.w.Header().Set("Idempotent-Replayed", "true")
	a.write(c, rep)
}

// result is the reply of a write's outcome v, with status: a cooperative
// with its version as ETag, redacted unless the principal's scope covers
// it, and its Location when it was just registered; the cooperatives of a
// support action redacted alike.
func (c *call) result(status int, v any) reply {
	switch x := v.(type) {
	case coop.Cooperative:
		rep := c.cooperative(status, x)
		if c.rt.Location {
			rep.location = "/v1/cooperatives/" + x.ID.String()
		}
		return rep
	case registry.RecordedAction:
		out := x
		out.Cooperatives = make([]coop.Cooperative, len(x.Cooperatives))
		for i := range x.Cooperatives {
			out.Cooperatives[i] = x.Cooperatives[i]
			c.redact(&out.Cooperatives[i])
		}
		return reply{status: status, value: out}
	}
	return reply{status: status, value: v}
}

// keyGuards are the guards of the request's idempotency key, if any.
func (c *call) keyGuards(gs ...registry.Guard) []registry.Guard {
	if c.once != nil {
		gs = append(gs, *c.once)
	}
	return gs
}

// respond runs the route's handler and writes its reply, or its error as a
// problem. It reports whether the handler succeeded.
func (a *api) respond(c *call) bool {
	if c.rt.Aggregate {
		return a.aggregate(c)
	}
	rep, err := c.rt.Handle(c)
	if err != nil {
		a.fail(c, err)
		return false
	}
	return a.write(c, rep)
}

// fail writes the problem of a handler's error.
func (a *api) fail(c *call, err error) {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		writeProblem(c.w, c.r, Problem{Status: http.StatusServiceUnavailable, Code: codeTimeout, Detail: "the request took too long"})
	case errors.Is(err, context.Canceled):
		clientLeft(a, c.w, c.r)
	default:
		var hp *httpProblem
		if errors.As(err, &hp) {
			writeProblem(c.w, c.r, hp.p)
		} else {
			a.writeError(c.w, c.r, err)
		}
	}
}

// write writes a reply.
func (a *api) write(c *call, rep reply) bool {
	if rep.streamed {
		return true
	}
	if rep.etag != "" {
		c.w.Header().Set("ETag", rep.etag)
	}
	if rep.location != "" {
		c.w.Header().Set("Location", rep.location)
	}
	if c.rt.Auth == scopedWrite && (rep.status == http.StatusOK || rep.status == http.StatusCreated) && preferMinimal(c.r) {
		// RFC 7240: the client needs only the status and headers.
		c.w.Header().Set("Preference-Applied", "return=minimal")
		c.w.Header().Add("Vary", "Prefer")
		c.w.Header().Set("Content-Length", "0")
		c.w.WriteHeader(rep.status)
		return true
	}
	if rep.raw != nil {
		c.w.Header().Set("Content-Type", rep.contentType)
		c.w.WriteHeader(rep.status)
		_, _ = c.w.Write(rep.raw)
		return true
	}
	buf := buffers.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= maxPooledBuffer {
			buffers.Put(buf)
		}
	}()
	b, err := encodeJSON((*buf)[:0], rep.value)
	*buf = b
	if err != nil {
		a.writeError(c.w, c.r, err)
		return false
	}
	c.w.Header().Set("Content-Type", "application/json")
	c.w.WriteHeader(rep.status)
	b = append(b, '\n')
	*buf = b
	_, _ = c.w.Write(b)
	return true
}

// buffers are the buffers replies are encoded in, reused so that a reply of
// a large register does not allocate its megabytes each time.
var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// maxPooledBuffer bounds the buffers kept for reuse.
const maxPooledBuffer = 16 << 20

// httpProblem carries a problem that is not a coop error (401, 403, 412,
// 413, 415).
type httpProblem struct{ p Problem }

func (e *httpProblem) Error() string { return e.p.Detail }

func problem(status int, code, detail string) error {
	return &httpProblem{Problem{Status: status, Code: code, Detail: detail}}
}

// readBody reads a bounded JSON body.
func (c *call) readBody() bool {
	if c.r.ContentLength == 0 && c.r.Body == http.NoBody {
		c.body = nil
		return true
	}
	want, limit := "application/json", c.a.maxBody
	if c.rt.CSVBody {
		want, limit = "text/csv", c.a.maxCSV
	}
	if ct := c.r.Header.Get("Content-Type"); ct != "" || c.rt.CSVBody {
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
		return coop.Fieldf("", "required", "a JSON body is required")
	}
	if !utf8.Valid(c.body) {
		return coop.Fieldf("", "utf-8", "the body is not valid UTF-8 (RFC 8259)")
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
		return coop.Fieldf("", "json", "the body holds more than one JSON value")
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); err != io.EOF {
		return coop.Fieldf("", "json", "the body holds more than one JSON value")
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
		return coop.Fieldf("", "json", "malformed JSON at byte %d", se.Offset)
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return coop.Fieldf(strings.Trim(f, `"`), "unknown-field", "unknown field")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return coop.Fieldf("", "json", "the JSON body is cut short")
	}
	return coop.Fieldf("", "json", "the body is not valid JSON")
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

func etag(version int64) string { return `"` + strconv.FormatInt(version, 10) + `"` }

// checkQuery refuses a malformed query string, parameters the route does
// not take, a parameter given twice and values that are not clean text.
func checkQuery(r *http.Request, allowed []param) error {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return coop.Fieldf("", "query", "the query string is malformed: write it with percent-encoding (RFC 3986)")
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

// encodeJSON appends v to b as json.Marshal writes it; cooperatives and
// pages of them, whose member registers can hold thousands of members,
// through coop.Cooperative.AppendJSON.
func encodeJSON(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case coop.Cooperative:
		return x.AppendJSON(b), nil
	case registry.Page:
		if x.Items == nil {
			break
		}
		b = append(b, `{"items":[`...)
		for i := range x.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = x.Items[i].AppendJSON(b)
		}
		b = append(b, `],"total":`...)
		b = strconv.AppendInt(b, int64(x.Total), 10)
		if x.Next != "" {
			next, err := json.Marshal(x.Next)
			if err != nil {
				return b, err
			}
			b = append(append(b, `,"next":`...), next...)
		}
		return append(b, '}'), nil
	}
	j, err := json.Marshal(v)
	return append(b, j...), err
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

// loggedQuery is the query string as the access log writes it: the values
// of parameters no route declares are replaced by "redacted", since
// nothing says what a client put in them.
func loggedQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var b strings.Builder
	for part := range strings.SplitSeq(raw, "&") {
		key, _, hasValue := strings.Cut(part, "=")
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		name, err := url.QueryUnescape(key)
		if err != nil || !declaredParams()[name] {
			if hasValue {
				part = key + "=redacted"
			}
		}
		b.WriteString(part)
	}
	return b.String()
}

// preferMinimal reports whether the request asks, in its Prefer headers
// (RFC 7240), for return=minimal: the status and headers of a write,
// without the representation it made.
func preferMinimal(r *http.Request) bool {
	for _, line := range r.Header.Values("Prefer") {
		for _, pref := range strings.Split(line, ",") {
			name, value, _ := strings.Cut(strings.TrimSpace(pref), "=")
			value, _, _ = strings.Cut(value, ";")
			if strings.EqualFold(strings.TrimSpace(name), "return") && strings.EqualFold(strings.Trim(strings.TrimSpace(value), `"`), "minimal") {
				return true
			}
		}
	}
	return false
}
