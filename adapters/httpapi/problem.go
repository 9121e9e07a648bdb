package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/taawun/taawun/coop"
)

// Problem is an RFC 9457 problem details object, with the error code, the
// article that refused the request and every invalid field.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	Code     string `json:"code"`
	// Rule is the ID of the rule of the law that refused the request
	// (coop.Rules), and Article cites its source.
	Rule    string            `json:"rule,omitempty"`
	Article string            `json:"article,omitempty"`
	Errors  []coop.FieldError `json:"errors,omitempty"`
	// err is the library's error, written in the reader's language.
	err *coop.Error
}

// statusOf maps a coop error code to an HTTP status: one table for the
// whole adapter.
var statusOf = map[coop.Code]int{
	coop.Invalid:            http.StatusBadRequest,
	coop.NotFound:           http.StatusNotFound,
	coop.Conflict:           http.StatusConflict,
	coop.FailedPrecondition: http.StatusUnprocessableEntity,
	coop.Internal:           http.StatusInternalServerError,
	coop.Forbidden:          http.StatusForbidden,
	coop.Unavailable:        http.StatusServiceUnavailable,
}

// Codes the adapter adds for HTTP's own refusals.
const (
	codeUnauthenticated    = "unauthenticated"
	codeMethodNotAllowed   = "method_not_allowed"
	codeTooLarge           = "too_large"
	codeUnsupportedMedia   = "unsupported_media_type"
	codePreconditionFailed = "precondition_failed"
	codeIdempotency        = "idempotency_key_reused"
	codeKeyInUse           = "idempotency_key_in_use"
	codeTimeout            = "timeout"
	codeBusy               = "busy"
)

func problemType(code string) string { return "urn:taawun:problem:" + code }

// writeProblem writes p as application/problem+json, in the language of
// the reply.
func writeProblem(w http.ResponseWriter, r *http.Request, p Problem) {
	p.Type = problemType(p.Code)
	if p.Title == "" {
		p.Title = http.StatusText(p.Status)
	}
	localize(&p, langOf(r))
	p.Instance = r.URL.Path
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// writeError writes err as a problem: a *coop.Error with its code,
// message, article and fields; anything else as an internal error whose
// detail goes to the log, never to the client.
func (a *api) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) || errors.Is(r.Context().Err(), context.Canceled) {
		clientLeft(a, w, r)
		return
	}
	var e *coop.Error
	if !errors.As(err, &e) {
		e = &coop.Error{Code: coop.Internal, Err: err}
	}
	status, ok := statusOf[e.Code]
	if !ok {
		status = http.StatusInternalServerError
	}
	p := Problem{Status: status, Code: string(e.Code), Detail: e.Message, Rule: e.Rule, Article: e.Article, Errors: e.Fields, err: e}
	if e.Code == coop.Unavailable {
		// The storage is away: the same request may succeed shortly.
		w.Header().Set("Retry-After", "2")
		a.log.WarnContext(r.Context(), "storage unavailable", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("error", err))
	}
	if e.Code == coop.Internal || status == http.StatusInternalServerError {
		a.log.ErrorContext(r.Context(), "internal error", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("error", err))
		p = Problem{Status: http.StatusInternalServerError, Code: string(coop.Internal), Detail: "internal error",
			err: &coop.Error{Code: coop.Internal, Message: "internal error"}}
	}
	writeProblem(w, r, p)
}

// StatusClientClosed is the status the access log and the metrics record
// for a request whose client hung up before the answer (as nginx logs
// it): nothing is sent, and it is not counted as an error of the server.
const StatusClientClosed = 499

// clientLeft records that the client of r hung up.
func clientLeft(a *api, w http.ResponseWriter, r *http.Request) {
	a.log.InfoContext(r.Context(), "client left before the answer", slog.String("method", r.Method), slog.String("path", r.URL.Path))
	w.WriteHeader(StatusClientClosed)
}
