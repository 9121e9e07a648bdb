package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/google/uuid"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

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
	rep := reply{status: sr.Status, etag: sr.ETag, location: sr.Location}
	switch {
	case sr.Action != nil:
		rep.value = c.result(sr.Status, registry.RecordedAction{ActionID: *sr.Action, Cooperatives: states}).value
	case len(states) == 1:
		rep.value = c.result(sr.Status, states[0]).value
	default:
		rep.raw, rep.contentType = append(sr.Body, '\n'), "application/json"
	}
	c.w.Header().Set("Idempotent-Replayed", "true")
	a.write(c, rep)
}

// keyGuards are the guards of the request's idempotency key, if any.
func (c *call) keyGuards(gs ...registry.Guard) []registry.Guard {
	if c.once != nil {
		gs = append(gs, *c.once)
	}
	return gs
}
