package registry

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// A Guard is a condition a write checks inside its transaction, on the
// state of each cooperative it is about to change, before any rule of the
// law: the version the caller read (IfVersion), or the caller's right to
// change that cooperative (Authorize). A refused guard changes nothing.
// Guards are given to a verb after its input:
//
//	reg.PayShares(ctx, id, member, in, registry.IfVersion(7), registry.Authorize(scope))
type Guard struct {
	version int64
	allow   func(*coop.Cooperative) error
	once    *once
}

// IfVersion guards the cooperative a verb names by its ID: the write
// happens only if the cooperative is still at version v, and is otherwise a
// Conflict on the field "version". A v of 0 or less checks nothing, so that
// an absent If-Match can pass through. Verbs that name no cooperative
// (RecordSupport) refuse a version guard.
func IfVersion(v int64) Guard { return Guard{version: v} }

// Authorize guards every cooperative a verb changes: allow is called with
// each one's state inside the transaction, before it is changed, and an
// error refuses the whole verb. A *coop.Error is returned as it is; any
// other error as Forbidden, its text kept out of the message.
func Authorize(allow func(c *coop.Cooperative) error) Guard { return Guard{allow: allow} }

type guards []Guard

func (gs guards) version() int64 {
	var v int64
	for _, g := range gs {
		if g.version > 0 {
			v = g.version
		}
	}
	return v
}

func (gs guards) once() *once {
	for _, g := range gs {
		if g.once != nil {
			return g.once
		}
	}
	return nil
}

// ErrStaleVersion is wrapped by the Conflict of a write whose IfVersion
// guard named a version the cooperative has left: errors.Is tells it from
// other conflicts (an HTTP adapter answers it 412 Precondition Failed).
var ErrStaleVersion = errors.New("registry: the cooperative changed since the version read")

// check runs the guards on c; target is true for the cooperative the verb
// names, to which a version guard applies.
func (gs guards) check(op string, c *coop.Cooperative, target bool) error {
	if v := gs.version(); target && v > 0 && c.Version != v {
		return &coop.Error{Code: coop.Conflict, Op: op, Err: ErrStaleVersion,
			Message: "the cooperative changed: it is at version " + strconv.FormatInt(c.Version, 10) + ", not " + strconv.FormatInt(v, 10),
			Fields:  []coop.FieldError{{Field: "version", Rule: "version", Param: strconv.FormatInt(c.Version, 10), Message: "stale: the cooperative changed since it was read"}}}
	}
	for _, g := range gs {
		if g.allow == nil {
			continue
		}
		if err := g.allow(c); err != nil {
			var e *coop.Error
			if errors.As(err, &e) {
				return err
			}
			return &coop.Error{Code: coop.Forbidden, Op: op, Message: "not allowed to change " + describe(c), Err: err}
		}
	}
	return nil
}

func describe(c *coop.Cooperative) string {
	if c.RegistrationNumber != "" {
		return fmt.Sprintf("%s (%s)", c.Name, c.RegistrationNumber)
	}
	return c.Name
}

// writer is one write of the registry: a store transaction, the
// cooperatives it locked and the guards it checks on them.
type writer struct {
	r      *Registry
	tx     Tx
	op     string
	guards guards
	today  coop.Date
	target uuid.UUID
	locked map[uuid.UUID]coop.Cooperative
	put    map[uuid.UUID]coop.Cooperative
	// result is what the verb returns, which a Once guard keeps.
	result any
}

// write runs fn in one store transaction; target is the cooperative a
// version guard applies to (uuid.Nil for none).
func (r *Registry) write(ctx context.Context, op string, target uuid.UUID, gs []Guard, fn func(w *writer) error) error {
	if target == uuid.Nil && guards(gs).version() > 0 {
		return &coop.Error{Code: coop.Invalid, Op: op, Message: "a version guard needs a verb that names one cooperative",
			Fields: []coop.FieldError{{Field: "version", Rule: "target", Message: "this verb names no single cooperative"}}}
	}
	today := r.today()
	// After the commit, or a failure that may have followed it (a lost
	// connection), the read model catches up before it is read again.
	defer r.staleModel()
	return wrap(op, r.store.Write(ctx, func(tx Tx) error {
		w := &writer{r: r, tx: tx, op: op, guards: gs, today: today, target: target,
			locked: map[uuid.UUID]coop.Cooperative{}, put: map[uuid.UUID]coop.Cooperative{}}
		if err := fn(w); err != nil {
			return err
		}
		if o := guards(gs).once(); o != nil {
			return w.complete(o)
		}
		return nil
	}))
}

// lock locks the cooperatives and checks the guards on each.
func (w *writer) lock(ids ...uuid.UUID) ([]coop.Cooperative, error) {
	cs, err := w.tx.Lock(ids...)
	if err != nil {
		return nil, err
	}
	for i := range cs {
		c := &cs[i]
		if err := w.guards.check(w.op, c, c.ID == w.target); err != nil {
			return nil, err
		}
		w.locked[c.ID] = *c
	}
	return cs, nil
}

// change builds a change with check on a copy of the locked cooperative
// id, applies it as of on and stores the result with its journal entry of
// the given kind. It returns the new state.
func (w *writer) change(id uuid.UUID, on coop.Date, kind EntryKind, check func(c *coop.Cooperative) (Change, error)) (coop.Cooperative, error) {
	old, ok := w.locked[id]
	if !ok {
		return coop.Cooperative{}, &coop.Error{Code: coop.Internal, Op: w.op, Message: "internal error", Err: fmt.Errorf("change to cooperative %s, which the write did not lock", id)}
	}
	if cur, ok := w.put[id]; ok {
		old = cur
	}
	if on.Before(old.RegisteredOn) {
		return coop.Cooperative{}, refuse(coop.Invalid, w.op, noRule, "on", "after-registration", "%s is before the registration on %s", on, old.RegisteredOn)
	}
	c := forChange(old)
	ch, err := check(&c)
	if err != nil {
		return coop.Cooperative{}, err
	}
	if !appendsOnly(&old, ch) {
		c.Members = ownMembers(old.Members)
	}
	ch.Apply(&c, on)
	// What identifies a cooperative never changes after registration.
	c.ID, c.RegistrationNumber, c.RegisteredOn, c.ApprovalID = old.ID, old.RegistrationNumber, old.RegisteredOn, old.ApprovalID
	c.Version = old.Version + 1
	e := Entry{Seq: int(c.Version), Kind: kind, Effective: on, Recorded: w.r.recorded(), Change: ch}
	e.Late = kind != EntryRegistration && coop.ModifyingEntryLate(on, w.today)
	if err := w.tx.Put(c, e); err != nil {
		return coop.Cooperative{}, err
	}
	w.put[id] = c
	return c, nil
}

// checkDate refuses a missing or future effective date before any store
// is read.
func (r *Registry) checkDate(op string, on coop.Date) error {
	switch {
	case on.IsZero():
		return refuse(coop.Invalid, op, noRule, "on", "required", "the date the change takes effect is required")
	case on.After(r.today()):
		return refuse(coop.Invalid, op, noRule, "on", "not-future", "%s is after today: record a change once it has taken effect", on)
	}
	return nil
}

// update runs one change to one cooperative: it checks the date, locks the
// cooperative, checks the guards, calls check on a copy of the stored
// state to validate the request and build the change, applies it and
// journals it, all in one store transaction. kind is the kind of register
// entry. It returns the new state, a snapshot shared with the store.
func (r *Registry) update(ctx context.Context, op string, id uuid.UUID, gs []Guard, on coop.Date, kind EntryKind,
	check func(c *coop.Cooperative) (Change, error)) (coop.Cooperative, error) {
	if err := r.checkDate(op, on); err != nil {
		return coop.Cooperative{}, err
	}
	var out coop.Cooperative
	err := r.write(ctx, op, id, gs, func(w *writer) error {
		if _, err := w.lock(id); err != nil {
			return err
		}
		c, err := w.change(id, on, kind, check)
		out, w.result = c, c
		return err
	})
	if err != nil {
		return coop.Cooperative{}, err
	}
	return out, nil
}

// lockOrder returns ids without duplicates, in a stable order.
func lockOrder(ids []uuid.UUID) []uuid.UUID {
	out := slices.Clone(ids)
	slices.SortFunc(out, func(a, b uuid.UUID) int { return slices.Compare(a[:], b[:]) })
	return slices.Compact(out)
}

// forChange returns a copy of a stored state that a check may read and a
// change may apply to without touching the stored state: the cooperative,
// its labels, groupings, officers and maps are copied; the assemblies,
// supports and selections are shared but clipped, so that appending to one
// makes a new one. The member register is shared as it is, for a check
// only reads it: change gives it a copy of its own (ownMembers) before a
// change that rewrites members is applied, and shares it with a change
// that only appends members (appendsOnly), which then appends into the
// register's spare room, that no committed state reads. Changes follow
// the rule of Change.Apply: they set fields of c and of its members, and
// append, but never write into a shared element.
func forChange(old coop.Cooperative) coop.Cooperative {
	c := old
	c.Governance = old.Governance.Clone()
	c.Assemblies = slices.Clip(old.Assemblies)
	c.Supports = slices.Clip(old.Supports)
	c.Selections = slices.Clip(old.Selections)
	c.Labels = slices.Clone(old.Labels)
	c.Groupings = slices.Clone(old.Groupings)
	c.Turnover = maps.Clone(old.Turnover)
	c.Declared = maps.Clone(old.Declared)
	if old.MemberCount != nil {
		n := *old.MemberCount
		c.MemberCount = &n
	}
	if old.LastYearEndMembers != nil {
		n := *old.LastYearEndMembers
		c.LastYearEndMembers = &n
	}
	return c
}

// ownMembers returns a copy of a member register that a change may write
// into, its share accounts shared but clipped so that appending to one
// makes a new one. A write thus costs one copy of the member list, not a
// copy of every member's account.
func ownMembers(ms []coop.Member) []coop.Member {
	if ms == nil {
		return nil
	}
	// Room to grow: the admissions that follow append without copying.
	out := make([]coop.Member, len(ms), len(ms)+len(ms)/4+1)
	copy(out, ms)
	for i := range out {
		out[i].Shares = slices.Clip(out[i].Shares)
	}
	return out
}

// appendsOnly reports whether ch writes no member of old's register, only
// members it adds at its end (a MemberWriter naming members old does not
// have): the register can then be shared.
func appendsOnly(old *coop.Cooperative, ch Change) bool {
	mw, ok := ch.(MemberWriter)
	if !ok {
		return false
	}
	for _, id := range mw.WritesMembers() {
		if _, found := old.Member(id); found {
			return false
		}
	}
	return true
}
