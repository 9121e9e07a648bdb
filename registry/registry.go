package registry

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// Options configures a Registry. A nil *Options means the defaults.
type Options struct {
	// Now returns the current time; the registry reads the clock only
	// through it (default time.Now). Today's date is Now's date in Now's
	// location.
	Now func() time.Time
	// NewID returns the ID of a new cooperative, member or approval
	// (default uuid.New).
	NewID func() uuid.UUID
	// KeyTTL is how long the outcome of a request made with an idempotency
	// key is kept for its retries (default DefaultKeyTTL, 24 hours).
	KeyTTL time.Duration
	// KeyLease is how long a request holds its idempotency key before the
	// key is free for a retry, should the request die without releasing it
	// (default DefaultKeyLease); longer than any request runs.
	KeyLease time.Duration
}

// Registry is the registry of cooperatives kept by the courts' local
// registers and ODCO's central register (Law 112-12 arts. 9-13, Decree
// 2-15-617), over a Store. It owns every rule: name approval, registration,
// the member register, governance and life events, the journal and the
// state at any past date.
//
// Every refusal is a *coop.Error with a code, a message citing the article
// and the fields concerned, and leaves the registry exactly as it was.
//
// The cooperatives and journal entries it returns, read or just written,
// are immutable snapshots shared with the store and with every other
// reader: a later write never changes them, and they must not be changed
// either. Clone a cooperative (or an entry) to change the copy. Nothing is
// copied for a reader, so reading the whole registry costs no copy of it.
type Registry struct {
	store    Store
	now      func() time.Time
	newID    func() uuid.UUID
	keyTTL   time.Duration
	keyLease time.Duration
	model    readModel
}

// New returns a Registry over store.
func New(store Store, opts *Options) *Registry {
	r := &Registry{store: store, now: time.Now, newID: uuid.New, keyTTL: DefaultKeyTTL, keyLease: DefaultKeyLease}
	if opts != nil && opts.Now != nil {
		r.now = opts.Now
	}
	if opts != nil && opts.NewID != nil {
		r.newID = opts.NewID
	}
	if opts != nil && opts.KeyTTL > 0 {
		r.keyTTL = opts.KeyTTL
	}
	if opts != nil && opts.KeyLease > 0 {
		r.keyLease = opts.KeyLease
	}
	return r
}

func (r *Registry) today() coop.Date { return coop.DateOf(r.now()) }

func (r *Registry) recorded() time.Time { return r.now().UTC().Truncate(time.Microsecond) }

// Get returns the cooperative with the given ID, or NotFound.
func (r *Registry) Get(ctx context.Context, id uuid.UUID) (coop.Cooperative, error) {
	c, err := r.store.Get(ctx, id)
	if err != nil {
		return coop.Cooperative{}, wrap("registry.Get", err)
	}
	return c, nil
}

// GetByNumber returns the cooperative with the given registration number,
// or NotFound.
func (r *Registry) GetByNumber(ctx context.Context, number string) (coop.Cooperative, error) {
	const op = "registry.GetByNumber"
	if err := coop.CheckText(number, 64); err != nil {
		// Refused before any store, the same on every store.
		var fs coop.Fields
		fs.Merge("number", err)
		return coop.Cooperative{}, fs.Err(op, "invalid registration number")
	}
	c, err := r.store.GetByNumber(ctx, strings.TrimSpace(number))
	if err != nil {
		return coop.Cooperative{}, wrap("registry.GetByNumber", err)
	}
	return c, nil
}

// Validate checks the filter: Invalid for an unknown kind, region,
// province, delegation, sector or status, a limit outside 0 to 1000, an
// inverted date range or a cursor that was not issued by a listing, with
// every problem at once.
func (f *Filter) Validate() error {
	const op = "registry.Filter"
	var fs coop.Fields
	fs.Merge("", coop.CheckInput(f))
	if f.Limit < 0 || f.Limit > MaxLimit {
		fs.Add("limit", "range", "0-1000", "must be between 0 and %d", MaxLimit)
	}
	if !f.RegisteredFrom.IsZero() && !f.RegisteredTo.IsZero() && f.RegisteredTo.Before(f.RegisteredFrom) {
		fs.Add("registered_to", "after", "registered_from", "ends before it starts")
	}
	if f.Cursor != "" {
		if _, _, err := DecodeCursor(f.Cursor); err != nil {
			fs.Add("cursor", "cursor", "", "not a cursor issued by a listing")
		}
	}
	return fs.Err(op, "invalid filter")
}

// List returns a page of cooperatives matching f, ordered by registration
// date then ID. Invalid for an unknown region, province, delegation, sector
// or status, a limit outside 0 to 1000, an inverted date range or a cursor
// that was not issued by a listing.
func (r *Registry) List(ctx context.Context, f Filter) (Page, error) {
	const op = "registry.List"
	if err := f.Validate(); err != nil {
		return Page{}, err
	}
	if f.Limit == 0 {
		f.Limit = DefaultLimit
	}
	p, err := r.store.List(ctx, f)
	if err != nil {
		return Page{}, wrap(op, err)
	}
	return p, nil
}

// All iterates the whole registry, ordered by registration date then ID.
func (r *Registry) All(ctx context.Context) iter.Seq2[coop.Cooperative, error] {
	return func(yield func(coop.Cooperative, error) bool) {
		for c, err := range r.store.All(ctx) {
			if !yield(c, wrap("registry.All", err)) {
				return
			}
		}
	}
}

// Cooperatives iterates the whole registry for statistics and screening;
// it stops at the first error, which it reports through errp when errp is
// not nil.
func (r *Registry) Cooperatives(ctx context.Context, errp *error) iter.Seq[coop.Cooperative] {
	return func(yield func(coop.Cooperative) bool) {
		for c, err := range r.store.All(ctx) {
			if err != nil {
				if errp != nil {
					*errp = wrap("registry.Cooperatives", err)
				}
				return
			}
			if !yield(c) {
				return
			}
		}
	}
}

// Journal returns the cooperative's journal in sequence order.
func (r *Registry) Journal(ctx context.Context, id uuid.UUID) ([]Entry, error) {
	j, err := r.store.Journal(ctx, id)
	if err != nil {
		return nil, wrap("registry.Journal", err)
	}
	return j, nil
}

// StateAt rebuilds the cooperative as it stood at the end of date: the
// changes of its journal effective on or before date, applied in order of
// effective date (then of recording). NotFound when the cooperative is
// unknown or was not yet registered on date.
func (r *Registry) StateAt(ctx context.Context, id uuid.UUID, date coop.Date) (coop.Cooperative, error) {
	const op = "registry.StateAt"
	cur, err := r.store.Get(ctx, id)
	if err != nil {
		return coop.Cooperative{}, wrap(op, err)
	}
	journal, err := r.store.Journal(ctx, id)
	if err != nil {
		return coop.Cooperative{}, wrap(op, err)
	}
	return stateAt(cur, journal, date, op)
}

// AtVersion returns the cooperative as its write of version left it (the
// version its ETag named): the current state when it is still at that
// version, otherwise the state its journal's first version entries
// rebuild, in the order they were recorded. It is how an idempotency key
// that kept only the version it made answers a retry with the same
// representation. NotFound when the cooperative does not exist or never
// had that version.
func (r *Registry) AtVersion(ctx context.Context, id uuid.UUID, version int64) (coop.Cooperative, error) {
	const op = "registry.AtVersion"
	cur, err := r.store.Get(ctx, id)
	if err != nil {
		return coop.Cooperative{}, wrap(op, err)
	}
	if cur.Version == version {
		return cur, nil
	}
	if version < 1 || version > cur.Version {
		return coop.Cooperative{}, &coop.Error{Code: coop.NotFound, Op: op,
			Message: fmt.Sprintf("cooperative %s has no version %d", cur.ID, version)}
	}
	journal, err := r.store.Journal(ctx, id)
	if err != nil {
		return coop.Cooperative{}, wrap(op, err)
	}
	entries := slices.Clone(journal)
	slices.SortFunc(entries, func(a, b Entry) int { return a.Seq - b.Seq })
	var c coop.Cooperative
	for i := range entries {
		if int64(entries[i].Seq) > version {
			break
		}
		entries[i].Change.Apply(&c, entries[i].Effective)
	}
	c.ID, c.RegistrationNumber, c.ApprovalID, c.Version = cur.ID, cur.RegistrationNumber, cur.ApprovalID, version
	return c, nil
}

func stateAt(cur coop.Cooperative, journal []Entry, date coop.Date, op string) (coop.Cooperative, error) {
	entries := slices.Clone(journal)
	slices.SortStableFunc(entries, func(a, b Entry) int {
		if c := a.Effective.Compare(b.Effective); c != 0 {
			return c
		}
		return a.Seq - b.Seq
	})
	var c coop.Cooperative
	applied := 0
	for i := range entries {
		e := &entries[i]
		if e.Effective.After(date) {
			break
		}
		e.Change.Apply(&c, e.Effective)
		applied++
	}
	if applied == 0 {
		return coop.Cooperative{}, &coop.Error{Code: coop.NotFound, Op: op,
			Message: fmt.Sprintf("cooperative %s was not registered on %s", cur.ID, date)}
	}
	c.ID, c.RegistrationNumber, c.ApprovalID, c.Version = cur.ID, cur.RegistrationNumber, cur.ApprovalID, int64(applied)
	return trimTo(c, date), nil
}

// trimTo removes from c what had not yet happened at date: members who
// joined later, later share movements and officers, later departures.
func trimTo(c coop.Cooperative, date coop.Date) coop.Cooperative {
	members := c.Members[:0:0]
	for _, m := range c.Members {
		if m.JoinedOn.After(date) {
			continue
		}
		var mv []coop.ShareMovement
		for _, s := range m.Shares {
			if !s.On.After(date) {
				mv = append(mv, s)
			}
		}
		m.Shares = mv
		members = append(members, m)
	}
	c.Members = members
	return c
}

// wrap gives err the operation's name when it is a *coop.Error without one,
// and turns a foreign error into Internal, keeping context errors as they
// are.
func wrap(op string, err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var e *coop.Error
	if errors.As(err, &e) {
		if e.Op == "" {
			out := *e
			out.Op = op
			return &out
		}
		return err
	}
	return &coop.Error{Code: coop.Internal, Op: op, Message: "internal error", Err: err}
}

// withRule names the rule of the law that refused err, and cites its
// article, unless err names one already.
func withRule(err error, r coop.Rule) error {
	var e *coop.Error
	if errors.As(err, &e) && e.Rule == "" && e.Article == "" {
		out := *e
		out.Rule, out.Article = r.ID, r.Article
		return &out
	}
	return err
}
