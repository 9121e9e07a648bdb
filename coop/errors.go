package coop

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Code classifies an error. The list is append-only: codes are stored and
// matched by callers, so a code never changes meaning once shipped.
type Code string

// The error codes. Adapters map them to their own vocabulary (HTTP status,
// gRPC code); the HTTP adapter uses 400, 403, 404, 409, 422, 500 and 503.
const (
	// Invalid: the input is malformed or breaks a rule; the fields say which.
	Invalid Code = "invalid"
	// NotFound: the thing asked for does not exist.
	NotFound Code = "not_found"
	// Conflict: the input clashes with what exists (a name already held, a
	// stale version).
	Conflict Code = "conflict"
	// FailedPrecondition: the request is well formed but the state forbids it
	// now (a withdrawal that would leave fewer than 5 members, a dissolved
	// cooperative admitting a member).
	FailedPrecondition Code = "failed_precondition"
	// Internal: anything else; its message is never shown to users.
	Internal Code = "internal"
	// Forbidden: the caller may not make this change to this cooperative
	// (its scope does not cover it).
	Forbidden Code = "forbidden"
	// Unavailable: the storage cannot be reached now; the same request may
	// succeed later.
	Unavailable Code = "unavailable"
)

// Sentinels, one per code. Every *Error matches the sentinel of its code, so
// callers can test errors with errors.Is:
//
//	if errors.Is(err, coop.ErrNotFound) { ... }
var (
	ErrInvalid            = errors.New("invalid")
	ErrNotFound           = errors.New("not found")
	ErrConflict           = errors.New("conflict")
	ErrFailedPrecondition = errors.New("failed precondition")
	ErrInternal           = errors.New("internal error")
	ErrForbidden          = errors.New("forbidden")
	ErrUnavailable        = errors.New("unavailable")
)

var sentinels = map[Code]error{
	Invalid:            ErrInvalid,
	NotFound:           ErrNotFound,
	Conflict:           ErrConflict,
	FailedPrecondition: ErrFailedPrecondition,
	Internal:           ErrInternal,
	Forbidden:          ErrForbidden,
	Unavailable:        ErrUnavailable,
}

// FieldError reports one problem with one field of an input.
type FieldError struct {
	// Field is the JSON path of the field, e.g. "members[2].birth_date".
	Field string `json:"field"`
	// Rule is the rule that failed: a validator tag ("required", "ma_ice"),
	// or a law check ID ("members-min").
	Rule string `json:"rule"`
	// Param is the rule's parameter, if any ("5", "1000.00").
	Param string `json:"param,omitempty"`
	// Message says what is wrong in plain English.
	Message string `json:"message"`
	// Source locates the field in a document that was read, as
	// "file:line" ("regional.yaml:12"), when the input came from one.
	Source string `json:"source,omitempty"`
}

// Error is the error type of Taawun. Its Message is safe to show to users:
// it never contains driver or system text, which stays in Err.
type Error struct {
	// Code classifies the error.
	Code Code
	// Op names the operation that failed, e.g. "registry.Register".
	Op string
	// Message describes the problem for a user.
	Message string
	// Rule is the ID of the rule of the law that refused the input (one of
	// Rules: "members-min", "two-thirds"), when one did.
	Rule string
	// Article cites that rule's source, e.g. "Law 112-12 art. 19".
	Article string
	// Fields lists every field problem at once.
	Fields []FieldError
	// Err is the underlying error, if any. It is not shown to users.
	Err error
}

// Error formats the error as "op: message (article): source: field:
// message; ...".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	msg := e.Message
	if msg == "" {
		msg = string(e.Code)
	}
	b.WriteString(msg)
	if e.Article != "" {
		b.WriteString(" (")
		b.WriteString(e.Article)
		b.WriteString(")")
	}
	first := true
	for _, f := range e.Fields {
		if f.Message == msg {
			continue // already said
		}
		if first {
			b.WriteString(": ")
			first = false
		} else {
			b.WriteString("; ")
		}
		if f.Source != "" {
			b.WriteString(f.Source)
			b.WriteString(": ")
		}
		if f.Field != "" {
			b.WriteString(f.Field)
			b.WriteString(": ")
		}
		b.WriteString(f.Message)
	}
	if e.Err != nil && e.Code == Internal {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is the sentinel of e's code.
func (e *Error) Is(target error) bool {
	s, ok := sentinels[e.Code]
	return ok && s == target
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Fieldf returns an Invalid error about a single field.
func Fieldf(field, rule, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return &Error{
		Code:    Invalid,
		Message: "invalid input",
		Fields:  []FieldError{{Field: field, Rule: rule, Message: msg}},
	}
}

// AtField returns err with every field path prefixed by field: a parse
// error from ParseDate becomes an error about "registered_on", and an error
// about "birth_date" becomes one about "members[2].birth_date". Errors that
// are not *Error are returned as an Invalid error about the field.
func AtField(field string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if !errors.As(err, &e) {
		return &Error{Code: Invalid, Message: "invalid input",
			Fields: []FieldError{{Field: field, Rule: "format", Message: err.Error()}}}
	}
	if field == "" {
		return e
	}
	out := *e
	out.Fields = make([]FieldError, len(e.Fields))
	for i, f := range e.Fields {
		switch {
		case f.Field == "":
			f.Field = field
		case strings.HasPrefix(f.Field, "["):
			f.Field = field + f.Field
		default:
			f.Field = field + "." + f.Field
		}
		out.Fields[i] = f
	}
	if len(out.Fields) == 0 {
		out.Fields = []FieldError{{Field: field, Rule: "format", Message: e.Message}}
	}
	return &out
}

// Fields collects field errors so that every problem of an input is
// reported at once.
type Fields []FieldError

// Add records a field problem.
func (fs *Fields) Add(field, rule, param, format string, args ...any) {
	*fs = append(*fs, FieldError{Field: field, Rule: rule, Param: param, Message: fmt.Sprintf(format, args...)})
}

// Merge adds the field errors of err, which must be an *Error (other errors
// are recorded against field with the rule "format").
func (fs *Fields) Merge(field string, err error) {
	if err == nil {
		return
	}
	var e *Error
	if errors.As(AtField(field, err), &e) {
		*fs = append(*fs, e.Fields...)
	}
}

// Err returns an Invalid *Error with op and message carrying the collected
// fields, or nil when there are none.
func (fs Fields) Err(op, message string) error {
	if len(fs) == 0 {
		return nil
	}
	return &Error{Code: Invalid, Op: op, Message: message, Fields: append([]FieldError(nil), fs...)}
}

// ErrorCode returns the code of err: "" for nil, the code of an *Error found
// in err's chain, and Internal for anything else. Context cancellation and
// deadline errors are reported as Internal too; callers that care test them
// with errors.Is.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// ErrorMessage returns a message that is safe to show to users: the Message
// of an *Error, or "internal error" for anything else.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Code != Internal {
		return e.Message
	}
	if errors.Is(err, context.Canceled) {
		return "request cancelled"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "deadline exceeded"
	}
	return "internal error"
}
