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
	"github.com/shopspring/decimal"

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
}

// Registry is the registry of cooperatives kept by the courts' local
// registers and ODCO's central register (Law 112-12 arts. 9-13, Decree
// 2-15-617), over a Store. It owns every rule: name approval, registration,
// the member register, governance and life events, the journal and the
// state at any past date.
//
// Every refusal is a *coop.Error with a code, a message citing the article
// and the fields concerned, and leaves the registry exactly as it was.
type Registry struct {
	store Store
	now   func() time.Time
	newID func() uuid.UUID
}

// New returns a Registry over store.
func New(store Store, opts *Options) *Registry {
	r := &Registry{store: store, now: time.Now, newID: uuid.New}
	if opts != nil && opts.Now != nil {
		r.now = opts.Now
	}
	if opts != nil && opts.NewID != nil {
		r.newID = opts.NewID
	}
	return r
}

// Store returns the store beneath the registry.
func (r *Registry) Store() Store { return r.store }

func (r *Registry) today() coop.Date { return coop.DateOf(r.now()) }

func (r *Registry) recorded() time.Time { return r.now().UTC().Truncate(time.Microsecond) }

// NameKey normalises a cooperative's name for uniqueness: case, accents and
// punctuation are ignored, and so are the words "coopérative",
// "cooperative", "coopératives" and "تعاونية" (D 13: ODCO's alphabetical
// index). "Coopérative Al Amal" and "AL-AMAL" have the same key.
func NameKey(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !isWordRune(r) }) {
		f := coop.Fold(w)
		switch f {
		case "cooperative", "cooperatives", "تعاونيه", "التعاونيه", "coop":
			continue
		}
		b.WriteString(f)
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return r == '\'' || r == '’' || !strings.ContainsRune(" \t\n-_.,;:/()[]\"«»!?&+", r)
}

// NameRequest asks ODCO to approve a name (art. 7, D 3).
type NameRequest struct {
	// Names are the proposed names in order of preference, 1 to 3.
	Names []string `json:"names"`
	// Signatories are the future founders; at least 5 (D 3).
	Signatories []Signatory       `json:"signatories"`
	Province    coop.ProvinceCode `json:"province,omitempty"`
	RequestedOn coop.Date         `json:"requested_on"`
	// DecidedOn records a decision ODCO already made, within 2 days of the
	// request (art. 7); zero means today.
	DecidedOn coop.Date `json:"decided_on,omitzero"`
}

// The numbers of name approval (art. 7, Decree 2-15-617 art. 4).
const (
	MaxProposedNames  = 3
	MinSignatories    = 5
	DecisionDays      = 2
	ApprovalValidDays = 60
	RenewalGraceDays  = 7
)

// ApproveName decides a name request: the first proposed name that no live
// approval or registered cooperative holds is approved, valid 60 days.
// Invalid for a malformed request (fewer than 5 signatories, no name or more
// than 3, a decision more than 2 days after the request); Conflict, naming
// the holders, when every proposed name is taken.
func (r *Registry) ApproveName(ctx context.Context, req NameRequest) (NameApproval, error) {
	const op = "registry.ApproveName"
	var fs coop.Fields
	if len(req.Names) == 0 || len(req.Names) > MaxProposedNames {
		fs.Add("names", "count", "1-3", "propose 1 to %d names (Decree 2-15-617 art. 3)", MaxProposedNames)
	}
	for i, n := range req.Names {
		if k := NameKey(n); len(k) < 2 || len(n) > 120 {
			fs.Add(fmt.Sprintf("names[%d]", i), "name", "", "%q is not a usable name: 2 to 120 characters besides the word cooperative", clip(n))
		}
	}
	if len(req.Signatories) < MinSignatories {
		fs.Add("signatories", "min", "5", "%d signatories; the request needs at least %d (Decree 2-15-617 art. 3)", len(req.Signatories), MinSignatories)
	}
	for i, s := range req.Signatories {
		if strings.TrimSpace(s.Name) == "" {
			fs.Add(fmt.Sprintf("signatories[%d].name", i), "required", "", "is required")
		}
	}
	if req.Province != "" && !req.Province.Valid() {
		fs.Add("province", "province", "", "%q is not a province code", req.Province)
	}
	today := r.today()
	decided := req.DecidedOn
	if decided.IsZero() {
		decided = today
	}
	switch {
	case req.RequestedOn.IsZero():
		fs.Add("requested_on", "required", "", "is required")
	case req.RequestedOn.After(today):
		fs.Add("requested_on", "not-future", "", "%s is after today", req.RequestedOn)
	case decided.Before(req.RequestedOn) || decided.After(req.RequestedOn.AddDays(DecisionDays)):
		fs.Add("decided_on", "within", "2 days", "ODCO decides within %d days of the request (art. 7); decided %s on a request of %s", DecisionDays, decided, req.RequestedOn)
	}
	if err := fs.Err(op, "invalid name request"); err != nil {
		return NameApproval{}, withArticle(err, "Law 112-12 art. 7; Decree 2-15-617 art. 3")
	}

	var taken []string
	for _, name := range req.Names {
		key := NameKey(name)
		holder, err := r.freeName(ctx, key, today)
		if err != nil {
			return NameApproval{}, err
		}
		if holder != "" {
			taken = append(taken, fmt.Sprintf("%q is held by %s", name, holder))
			continue
		}
		a := NameApproval{ID: r.newID(), Version: 1, Proposed: slices.Clone(req.Names), Name: strings.TrimSpace(name), NameKey: key,
			Status: ApprovalApproved, Signatories: slices.Clone(req.Signatories), Province: req.Province,
			RequestedOn: req.RequestedOn, DecidedOn: decided, ValidUntil: decided.AddDays(ApprovalValidDays)}
		err = r.store.CreateApproval(ctx, a)
		if coop.ErrorCode(err) == coop.Conflict {
			taken = append(taken, fmt.Sprintf("%q: %s", name, coop.ErrorMessage(err)))
			continue
		}
		if err != nil {
			return NameApproval{}, wrap(op, err)
		}
		return a, nil
	}
	return NameApproval{}, &coop.Error{Code: coop.Conflict, Op: op, Article: "Decree 2-15-617 art. 13",
		Message: "every proposed name is taken: " + strings.Join(taken, "; "),
		Fields:  []coop.FieldError{{Field: "names", Rule: "unique", Message: strings.Join(taken, "; ")}}}
}

// freeName returns "" when key is free, expiring on the way an approval
// that lapsed (60 days, plus the 7 days in which it could still be renewed),
// or a description of its holder.
func (r *Registry) freeName(ctx context.Context, key string, today coop.Date) (string, error) {
	a, err := r.store.ApprovalHolding(ctx, key)
	if coop.ErrorCode(err) == coop.NotFound {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if a.Status == ApprovalApproved && lapsed(a, today) {
		_, err := r.store.UpdateApproval(ctx, a.ID, func(x *NameApproval) error {
			if x.Status != ApprovalApproved || !lapsed(*x, today) {
				return coop.Errorf(coop.Conflict, "the approval changed")
			}
			x.Status = ApprovalExpired
			return nil
		})
		if err != nil && coop.ErrorCode(err) != coop.Conflict {
			return "", err
		}
		return r.freeName(ctx, key, today)
	}
	if a.Status == ApprovalUsed && a.CooperativeID != uuid.Nil {
		if c, err := r.store.Get(ctx, a.CooperativeID); err == nil {
			return fmt.Sprintf("cooperative %q (%s)", c.Name, c.RegistrationNumber), nil
		}
	}
	return fmt.Sprintf("name approval %s of %s, valid until %s", a.ID, a.DecidedOn, a.ValidUntil), nil
}

// lapsed reports whether an approved name can no longer be used or renewed
// at today.
func lapsed(a NameApproval, today coop.Date) bool {
	limit := a.ValidUntil
	if !a.Renewed {
		limit = limit.AddDays(RenewalGraceDays)
	}
	return today.After(limit)
}

// RenewApproval extends an approval once by 60 days, when asked within 7
// days after it expired (Decree 2-15-617 art. 4). FailedPrecondition
// otherwise; NotFound for an unknown approval.
func (r *Registry) RenewApproval(ctx context.Context, id uuid.UUID, askedOn coop.Date) (NameApproval, error) {
	const op, art = "registry.RenewApproval", "Decree 2-15-617 art. 4"
	if askedOn.IsZero() || askedOn.After(r.today()) {
		return NameApproval{}, &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid renewal",
			Fields: []coop.FieldError{{Field: "asked_on", Rule: "date", Message: "a date on or before today is required"}}}
	}
	a, err := r.store.UpdateApproval(ctx, id, func(a *NameApproval) error {
		switch {
		case a.Status != ApprovalApproved:
			return &coop.Error{Code: coop.FailedPrecondition, Op: op, Article: art, Message: "only an approved, unused name can be renewed; this one is " + string(a.Status)}
		case a.Renewed:
			return &coop.Error{Code: coop.FailedPrecondition, Op: op, Article: art, Message: "an approval is renewed only once"}
		case !askedOn.After(a.ValidUntil):
			return &coop.Error{Code: coop.FailedPrecondition, Op: op, Article: art,
				Message: fmt.Sprintf("the approval is valid until %s; renewal is asked within %d days after that", a.ValidUntil, RenewalGraceDays)}
		case askedOn.After(a.ValidUntil.AddDays(RenewalGraceDays)):
			return &coop.Error{Code: coop.FailedPrecondition, Op: op, Article: art,
				Message: fmt.Sprintf("the approval expired on %s; renewal had to be asked by %s", a.ValidUntil, a.ValidUntil.AddDays(RenewalGraceDays))}
		}
		a.ValidUntil = a.ValidUntil.AddDays(ApprovalValidDays)
		a.Renewed = true
		return nil
	})
	if err != nil {
		return NameApproval{}, wrap(op, err)
	}
	return a, nil
}

// GetApproval returns a name approval, or NotFound.
func (r *Registry) GetApproval(ctx context.Context, id uuid.UUID) (NameApproval, error) {
	a, err := r.store.GetApproval(ctx, id)
	return a, wrap("registry.GetApproval", err)
}

// Get returns the cooperative with the given ID, or NotFound.
func (r *Registry) Get(ctx context.Context, id uuid.UUID) (coop.Cooperative, error) {
	c, err := r.store.Get(ctx, id)
	return c, wrap("registry.Get", err)
}

// GetByNumber returns the cooperative with the given registration number,
// or NotFound.
func (r *Registry) GetByNumber(ctx context.Context, number string) (coop.Cooperative, error) {
	c, err := r.store.GetByNumber(ctx, strings.TrimSpace(number))
	return c, wrap("registry.GetByNumber", err)
}

// List returns a page of cooperatives matching f, ordered by registration
// date then ID. Invalid for an unknown region, province, delegation, sector
// or status, a limit outside 0 to 1000, an inverted date range or a cursor
// that was not issued by a listing.
func (r *Registry) List(ctx context.Context, f Filter) (Page, error) {
	const op = "registry.List"
	var fs coop.Fields
	if f.Kind != "" && !f.Kind.Valid() {
		fs.Add("kind", "enum", "", "%q is not a kind", f.Kind)
	}
	if f.Region != "" && !f.Region.Valid() {
		fs.Add("region", "region", "", "%q is not a region code", f.Region)
	}
	if f.Province != "" && !f.Province.Valid() {
		fs.Add("province", "province", "", "%q is not a province code", f.Province)
	}
	if f.Delegation != "" && !f.Delegation.Valid() {
		fs.Add("delegation", "delegation", "", "%q is not a delegation", f.Delegation)
	}
	if f.Sector != "" && !f.Sector.Valid() {
		fs.Add("sector", "sector", "", "%q is not a sector", f.Sector)
	}
	if f.Status != "" && !f.Status.Valid() {
		fs.Add("status", "enum", "", "%q is not a status", f.Status)
	}
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
	if err := fs.Err(op, "invalid filter"); err != nil {
		return Page{}, err
	}
	if f.Limit == 0 {
		f.Limit = DefaultLimit
	}
	p, err := r.store.List(ctx, f)
	return p, wrap(op, err)
}

// All iterates the whole registry, ordered by registration date then ID.
func (r *Registry) All(ctx context.Context) iter.Seq2[coop.Cooperative, error] {
	return r.store.All(ctx)
}

// Cooperatives iterates the whole registry for statistics and screening;
// it stops at the first error, which it reports through errp when errp is
// not nil.
func (r *Registry) Cooperatives(ctx context.Context, errp *error) iter.Seq[coop.Cooperative] {
	return func(yield func(coop.Cooperative) bool) {
		for c, err := range r.store.All(ctx) {
			if err != nil {
				if errp != nil {
					*errp = err
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
	return j, wrap("registry.Journal", err)
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
		e.Change.apply(&c, e.Effective)
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

// Import stores a cooperative from a historical register as it stands,
// keeping its registration number and dates: nothing is replayed. Its name
// is claimed like an approved name, and its journal starts with one
// "imported" entry effective on its registration date. Invalid for
// inconsistent data or a missing name, number or registration date;
// Conflict when the ID, the number or the name is taken.
func (r *Registry) Import(ctx context.Context, c coop.Cooperative) (coop.Cooperative, error) {
	const op = "registry.Import"
	var fs coop.Fields
	if NameKey(c.Name) == "" {
		fs.Add("name", "required", "", "is required")
	}
	if strings.TrimSpace(c.RegistrationNumber) == "" {
		fs.Add("registration_number", "required", "", "is required")
	}
	if c.RegisteredOn.IsZero() {
		fs.Add("registered_on", "required", "", "is required")
	}
	fs.Merge("", c.Validate())
	if err := fs.Err(op, "invalid cooperative"); err != nil {
		return coop.Cooperative{}, err
	}
	c = c.Clone()
	if c.ID == uuid.Nil {
		c.ID = r.newID()
	}
	for i := range c.Members {
		if c.Members[i].ID == uuid.Nil {
			c.Members[i].ID = r.newID()
		}
	}
	a := NameApproval{ID: r.newID(), Version: 1, Proposed: []string{c.Name}, Name: c.Name, NameKey: NameKey(c.Name),
		Status: ApprovalApproved, Province: c.Province, RequestedOn: c.RegisteredOn, DecidedOn: c.RegisteredOn, ValidUntil: c.RegisteredOn}
	if err := r.store.CreateApproval(ctx, a); err != nil {
		return coop.Cooperative{}, wrap(op, err)
	}
	c.ApprovalID = a.ID
	c.Version = 0
	state := c.Clone()
	entry := Entry{Kind: EntryRegistration, Effective: c.RegisteredOn, Recorded: r.recorded(), Change: Change{Kind: ChangeImported, State: &state}}
	out, err := r.store.Create(ctx, c, entry, nil)
	if err != nil {
		// Give the name back: the cooperative was not stored.
		_, _ = r.store.UpdateApproval(context.WithoutCancel(ctx), a.ID, func(x *NameApproval) error { x.Status = ApprovalRefused; return nil })
		return coop.Cooperative{}, wrap(op, err)
	}
	return out, nil
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

func withArticle(err error, article string) error {
	var e *coop.Error
	if errors.As(err, &e) && e.Article == "" {
		out := *e
		out.Article = article
		return &out
	}
	return err
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

var quarter = decimal.RequireFromString("0.25")
