package httpapi

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// readyPing is how long /readyz waits for the store to answer.
const readyPing = 2 * time.Second

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

// healthz answers that the handler runs.
func (a *api) healthz(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.WriteString(w, `{"status":"ok"}`+"\n")
}

// readyz answers 200 once the registry is ready (Options.Ready) and while
// its store answers, 503 with Retry-After otherwise.
func (a *api) readyz(w http.ResponseWriter, r *http.Request) {
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
}

// observe wraps w to learn the request's status and size, and returns the
// function that, once the request is served, counts it in the metrics and
// logs it in the access log.
func (a *api) observe(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, *http.Request, func()) {
	start, info := time.Now(), &requestInfo{route: "unmatched"}
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	r = r.WithContext(context.WithValue(r.Context(), infoKey{}, info))
	return sw, r, func() {
		took := time.Since(start)
		if a.metrics != nil {
			a.metrics.observe(info.route, sw.status, took)
		}
		if a.access {
			a.log.Info("request", slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.String("query", loggedQuery(r.URL.RawQuery)), slog.Int("status", sw.status), slog.Int64("bytes", sw.bytes),
				slog.String("took", took.Round(time.Microsecond).String()), slog.String("subject", info.subject))
		}
	}
}
