package httpapi

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"path"
	"time"

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
	// MaxImports bounds the register imports served at once (default 2):
	// each reads its file as a stream, so that the memory imports hold is
	// bounded by their number; one beyond is answered 503 (code "busy")
	// with Retry-After.
	MaxImports int
	// RequestTimeout bounds the work of one request (default 30 s), but
	// for a register import.
	RequestTimeout time.Duration
	// ImportTimeout bounds a register import, the reading of its file
	// included (default 10 minutes): the read deadline the server set for
	// every request is pushed back to it.
	ImportTimeout time.Duration
	// Logger receives internal errors (default: slog.Default(), so that an
	// internal error is never lost), and the access log when AccessLog is
	// set.
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
	// Lang is the language of replies to requests whose Accept-Language
	// names none of French, Arabic and English (default French).
	Lang coop.Lang
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
	imports chan struct{}
	timeout time.Duration
	// importTimeout bounds a register import.
	importTimeout time.Duration
	log           *slog.Logger
	lang          coop.Lang
	mux           *http.ServeMux
	agg           aggregates
	access        bool
	ready         func() bool
	metrics       *Metrics
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
	a.importTimeout = o.ImportTimeout
	if a.importTimeout <= 0 {
		a.importTimeout = 10 * time.Minute
	}
	if o.MaxImports <= 0 {
		o.MaxImports = 2
	}
	a.imports = make(chan struct{}, o.MaxImports)
	if a.log == nil {
		a.log = slog.Default()
	}
	a.lang = coop.FR
	if o.Lang == coop.AR || o.Lang == coop.EN {
		a.lang = o.Lang
	}
	a.mux = http.NewServeMux()
	for _, rt := range routes() {
		a.mux.Handle(rt.Method+" "+rt.Path, a.serve(rt))
	}
	return a
}

// ServeHTTP answers /healthz and /readyz, logs the request when asked, and
// routes it, answering unknown paths and wrong methods with problems too.
func (a *api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r = withLang(w, r, a.lang)
	switch r.URL.Path {
	case "/healthz":
		a.healthz(w)
		return
	case "/readyz":
		a.readyz(w, r)
		return
	case "/metrics":
		if a.metrics != nil && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			a.metrics.ServeHTTP(w, r)
			return
		}
	}
	if a.access || a.metrics != nil {
		var done func()
		w, r, done = a.observe(w, r)
		defer done()
	}
	if a.ready != nil && !a.ready() {
		w.Header().Set("Retry-After", "1")
		writeProblem(w, r, Problem{Status: http.StatusServiceUnavailable, Code: string(coop.Unavailable),
			Detail: "the registry is loading; try again shortly"})
		return
	}
	a.route(w, r)
}

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
		timeout := a.timeout
		if rt.CSVBody {
			// A register file is read as its import runs: both get the
			// import's time, the server's read deadline included.
			timeout = a.importTimeout
			_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(timeout))
			_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(timeout + 10*time.Second))
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		c := &call{a: a, rt: rt, w: w, r: r, ctx: ctx, who: who}
		if (r.Method == http.MethodPost || r.Method == http.MethodPut || r.Method == http.MethodPatch) && !rt.CSVBody {
			// A register file is read as a stream by its handler.
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
