package registry

import (
	"context"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// Idempotency keys let a client retry a write without doing it twice: a
// request made with a key is done once, and a retry with the same key gets
// the first outcome. The store keeps the keys, so that they survive a
// restart, and a key's outcome is written in the same transaction as the
// change it guards: a change is never committed without it, nor it without
// the change.
//
//	rec, res, err := reg.BeginKey(ctx, key, fingerprint)
//	// rec.Done: replay rec.Result. Otherwise run the verb with the key:
//	c, err := reg.PayShares(ctx, id, member, in, registry.Once(res, encode))
//	// and if it failed, give the key back:
//	reg.Release(ctx, res)
//
// A key is reserved while its request runs (another request with it gets a
// Conflict, "in-progress"), kept for Options.KeyTTL once the request is done
// (never evicted before), and free again if the request failed or was
// cancelled before it committed. The caller chooses the key: it should name
// who asks (one principal's keys are not another's), what (the operation)
// and the client's own key.

// KeyRecord is what a store keeps under an idempotency key.
type KeyRecord struct {
	// Key is the caller's key, at most MaxKeyBytes long.
	Key string `json:"key"`
	// Fingerprint tells the request the key was first used for; the key
	// cannot be used for another.
	Fingerprint string `json:"fingerprint"`
	// Owner is the reservation of the request that holds the key.
	Owner string `json:"owner"`
	// Done is set once the request has committed its change.
	Done bool `json:"done"`
	// Cooperatives are the cooperatives the request changed, so that a
	// replay can be authorized like the request.
	Cooperatives []uuid.UUID `json:"cooperatives,omitempty"`
	// Result is the caller's record of the outcome, replayed to a retry.
	Result []byte `json:"result,omitempty"`
	// Created is when the key was reserved.
	Created time.Time `json:"created"`
	// Until is when a reservation lapses (the request is taken for dead) or,
	// once Done, when the record expires.
	Until time.Time `json:"until"`
}

// MaxKeyBytes bounds an idempotency key.
const MaxKeyBytes = 512

// The defaults of Options.KeyTTL and Options.KeyLease.
const (
	DefaultKeyTTL   = 24 * time.Hour
	DefaultKeyLease = 2 * time.Minute
)

// Reservation is a key reserved by BeginKey for one request.
type Reservation struct {
	key, owner string
}

// Key returns the reserved key.
func (r *Reservation) Key() string { return r.key }

// The rules of a Conflict about an idempotency key.
const (
	// KeyReused: the key was used for another request.
	KeyReused = "key-reused"
	// KeyInProgress: a request with the key is running.
	KeyInProgress = "key-in-progress"
)

func keyConflict(op, rule, msg string) *coop.Error {
	return &coop.Error{Code: coop.Conflict, Op: op, Message: msg,
		Fields: []coop.FieldError{{Field: "Idempotency-Key", Rule: rule, Message: msg}}}
}

// BeginKey starts a request made with an idempotency key. When the key's
// request is done, it returns its record (Done), to replay. Otherwise it
// reserves the key for this request and returns the reservation, which the
// request's write completes with the Once guard or gives back with Release.
// Conflict (rule KeyReused) when the key was used with another fingerprint;
// Conflict (rule KeyInProgress) while another request holds it.
func (r *Registry) BeginKey(ctx context.Context, key, fingerprint string) (KeyRecord, *Reservation, error) {
	const op = "registry.BeginKey"
	switch {
	case key == "" || len(key) > MaxKeyBytes:
		return KeyRecord{}, nil, refuse(coop.Invalid, op, noRule, "Idempotency-Key", "length", "a key has 1 to %d bytes", MaxKeyBytes)
	case coop.CheckText(key, MaxKeyBytes) != nil || coop.CheckText(fingerprint, MaxKeyBytes) != nil:
		return KeyRecord{}, nil, refuse(coop.Invalid, op, noRule, "Idempotency-Key", "text", "a key is text without control characters")
	}
	now := r.now().UTC()
	res := &Reservation{key: key, owner: r.newID().String()}
	var done KeyRecord
	err := r.store.Write(ctx, func(tx Tx) error {
		fresh := KeyRecord{Key: key, Fingerprint: fingerprint, Owner: res.owner, Created: now, Until: now.Add(r.keyLease)}
		rec, err := tx.Key(key)
		switch {
		case coop.ErrorCode(err) == coop.NotFound:
			if err := tx.AddKey(fresh); isTaken(err, "key") {
				return keyConflict(op, KeyInProgress, "a request with this Idempotency-Key is being processed; retry shortly")
			} else if err != nil {
				return err
			}
			return nil
		case err != nil:
			return err
		case rec.Until.Before(now):
			// An expired record, or a reservation whose request died.
			return tx.PutKey(fresh)
		case rec.Fingerprint != fingerprint:
			return keyConflict(op, KeyReused, "the Idempotency-Key was used for another request")
		case !rec.Done:
			return keyConflict(op, KeyInProgress, "a request with this Idempotency-Key is being processed; retry shortly")
		}
		done = rec
		return nil
	})
	if err != nil {
		return KeyRecord{}, nil, wrap(op, err)
	}
	if done.Done {
		return done, nil, nil
	}
	return KeyRecord{}, res, nil
}

// Release gives back a reservation whose request did not commit (refused,
// failed or cancelled): the key may be used again. A key already done is
// kept.
func (r *Registry) Release(ctx context.Context, res *Reservation) error {
	if res == nil {
		return nil
	}
	return wrap("registry.Release", r.store.Write(ctx, func(tx Tx) error {
		rec, err := tx.Key(res.key)
		if coop.ErrorCode(err) == coop.NotFound {
			return nil
		}
		if err != nil {
			return err
		}
		if rec.Owner != res.owner || rec.Done {
			return nil
		}
		return tx.DeleteKey(res.key)
	}))
}

// Once is the guard that completes a reservation of BeginKey inside the
// write's transaction: result encodes the verb's outcome (what the verb
// returns: a coop.Cooperative, a RecordedAction, a NameApproval), which is
// kept under the key with the cooperatives the write changed. If the
// reservation lapsed and another request took the key, the write is a
// Conflict and changes nothing.
func Once(res *Reservation, result func(v any) ([]byte, error)) Guard {
	return Guard{once: &once{res: res, result: result}}
}

type once struct {
	res    *Reservation
	result func(v any) ([]byte, error)
}

// complete writes the outcome of the write under its reserved key.
func (w *writer) complete(o *once) error {
	const msg = "the reservation of the Idempotency-Key lapsed and another request took it"
	rec, err := w.tx.Key(o.res.key)
	if coop.ErrorCode(err) == coop.NotFound {
		return keyConflict(w.op, KeyInProgress, msg)
	}
	if err != nil {
		return err
	}
	if rec.Owner != o.res.owner || rec.Done {
		return keyConflict(w.op, KeyInProgress, msg)
	}
	result, err := o.result(w.result)
	if err != nil {
		return err
	}
	rec.Done, rec.Result, rec.Until = true, result, w.r.now().UTC().Add(w.r.keyTTL)
	rec.Cooperatives = nil
	for id := range w.put {
		rec.Cooperatives = append(rec.Cooperatives, id)
	}
	slices.SortFunc(rec.Cooperatives, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	return w.tx.PutKey(rec)
}

// PurgeKeys removes the records of idempotency keys that have expired, and
// the reservations that lapsed, and returns how many it removed. A service
// calls it from time to time; a key is never removed before it expires.
func (r *Registry) PurgeKeys(ctx context.Context) (int, error) {
	var n int
	err := r.store.Write(ctx, func(tx Tx) error {
		var err error
		n, err = tx.PurgeKeys(r.now().UTC())
		return err
	})
	return n, wrap("registry.PurgeKeys", err)
}
