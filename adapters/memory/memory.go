package memory

import (
	"bytes"
	"context"
	"iter"
	"reflect"
	"slices"

	"sync"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// Store is an in-memory registry.Store. The zero value is not usable; call
// New.
type Store struct {
	mu        sync.RWMutex
	coops     map[uuid.UUID]*record
	byNumber  map[string]uuid.UUID
	order     []key // sorted by (registered_on, id)
	approvals map[uuid.UUID]registry.NameApproval
	names     map[string]uuid.UUID // name key -> approval holding it
	seqs      map[seqKey]int
}

// record is a cooperative's current state and its journal. Neither is
// changed in place: Update replaces c with a new copy, and the journal only
// grows, so the first entry's state may be c itself (see firstEntry).
type record struct {
	c       *coop.Cooperative
	journal []registry.Entry
	// firstVersion is the version of the first entry's state when that
	// state is the record's first c, whose version is 1.
	firstVersion int64
}

type key struct {
	reg coop.Date
	id  uuid.UUID
}

type seqKey struct {
	court string
	year  int
}

var _ registry.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	return &Store{
		coops:     map[uuid.UUID]*record{},
		byNumber:  map[string]uuid.UUID{},
		approvals: map[uuid.UUID]registry.NameApproval{},
		names:     map[string]uuid.UUID{},
		seqs:      map[seqKey]int{},
	}
}

func keyOf(c *coop.Cooperative) key { return key{c.RegisteredOn, c.ID} }

// compareKeys orders by registration date, then by ID; the bytes of a UUID
// sort like its text, which is the order registry.EncodeCursor uses.
func compareKeys(a, b key) int {
	if c := a.reg.Compare(b.reg); c != 0 {
		return c
	}
	return bytes.Compare(a.id[:], b.id[:])
}

func notFound(what string) error { return coop.Errorf(coop.NotFound, "%s not found", what) }

// Get implements registry.Store.
func (s *Store) Get(ctx context.Context, id uuid.UUID) (coop.Cooperative, error) {
	if err := ctx.Err(); err != nil {
		return coop.Cooperative{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r, ok := s.coops[id]
	if !ok {
		return coop.Cooperative{}, notFound("cooperative " + id.String())
	}
	return r.c.Clone(), nil
}

// GetByNumber implements registry.Store.
func (s *Store) GetByNumber(ctx context.Context, number string) (coop.Cooperative, error) {
	if err := ctx.Err(); err != nil {
		return coop.Cooperative{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	id, ok := s.byNumber[number]
	if !ok {
		return coop.Cooperative{}, notFound("registration number " + number)
	}
	return s.coops[id].c.Clone(), nil
}

// List implements registry.Store.
func (s *Store) List(ctx context.Context, f registry.Filter) (registry.Page, error) {
	if err := ctx.Err(); err != nil {
		return registry.Page{}, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = registry.DefaultLimit
	}
	start := 0
	var cd coop.Date
	var cid uuid.UUID
	if f.Cursor != "" {
		var err error
		if cd, cid, err = registry.DecodeCursor(f.Cursor); err != nil {
			return registry.Page{}, err
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if f.Cursor != "" {
		ck := key{cd, cid}
		start, _ = slices.BinarySearchFunc(s.order, ck, compareKeys)
		if start < len(s.order) && compareKeys(s.order[start], ck) == 0 {
			start++
		}
	}
	p := registry.Page{Items: []coop.Cooperative{}}
	for i, k := range s.order {
		r := s.coops[k.id]
		if !f.Matches(r.c) {
			continue
		}
		p.Total++
		if i < start {
			continue
		}
		if len(p.Items) < limit {
			p.Items = append(p.Items, r.c.Clone())
		} else if p.Next == "" {
			last := p.Items[len(p.Items)-1]
			p.Next = registry.EncodeCursor(last.RegisteredOn, last.ID)
		}
	}
	return p, nil
}

// All implements registry.Store. It reads the registry in batches, so that
// writers are not held up for the whole iteration; a cooperative created
// during the iteration may or may not be seen.
func (s *Store) All(ctx context.Context) iter.Seq2[coop.Cooperative, error] {
	return func(yield func(coop.Cooperative, error) bool) {
		const batch = 512
		var after *key
		for {
			if err := ctx.Err(); err != nil {
				yield(coop.Cooperative{}, err)
				return
			}
			s.mu.RLock()
			start := 0
			if after != nil {
				start, _ = slices.BinarySearchFunc(s.order, *after, compareKeys)
				if start < len(s.order) && compareKeys(s.order[start], *after) == 0 {
					start++
				}
			}
			end := min(start+batch, len(s.order))
			items := make([]coop.Cooperative, 0, end-start)
			for _, k := range s.order[start:end] {
				items = append(items, s.coops[k.id].c.Clone())
			}
			s.mu.RUnlock()
			for _, c := range items {
				if !yield(c, nil) {
					return
				}
			}
			if len(items) < batch {
				return
			}
			k := keyOf(&items[len(items)-1])
			after = &k
		}
	}
}

// Create implements registry.Store.
func (s *Store) Create(ctx context.Context, c coop.Cooperative, first registry.Entry, number func(int) string) (coop.Cooperative, error) {
	if err := ctx.Err(); err != nil {
		return coop.Cooperative{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.coops[c.ID]; dup {
		return coop.Cooperative{}, &coop.Error{Code: coop.Conflict, Message: "a cooperative with this ID exists",
			Fields: []coop.FieldError{{Field: "id", Rule: "unique", Message: "taken"}}}
	}
	var approval registry.NameApproval
	if c.ApprovalID != uuid.Nil {
		a, ok := s.approvals[c.ApprovalID]
		if !ok {
			return coop.Cooperative{}, notFound("name approval " + c.ApprovalID.String())
		}
		if a.Status != registry.ApprovalApproved {
			return coop.Cooperative{}, &coop.Error{Code: coop.Conflict, Message: "the name approval is " + string(a.Status),
				Fields: []coop.FieldError{{Field: "approval_id", Rule: "unique", Message: "already " + string(a.Status)}}}
		}
		approval = a
	}
	sk := seqKey{c.Court, c.RegisteredOn.Year()}
	seq := 0
	if c.RegistrationNumber == "" && number != nil {
		// The next free number of the court and year: numbers taken over
		// from an imported register are skipped.
		for seq = s.seqs[sk] + 1; ; seq++ {
			if _, taken := s.byNumber[number(seq)]; !taken {
				break
			}
		}
		c.RegistrationNumber = number(seq)
	}
	if _, dup := s.byNumber[c.RegistrationNumber]; dup || c.RegistrationNumber == "" {
		return coop.Cooperative{}, &coop.Error{Code: coop.Conflict, Message: "registration number " + c.RegistrationNumber + " is taken",
			Fields: []coop.FieldError{{Field: "registration_number", Rule: "unique", Message: "taken"}}}
	}
	c.Version = 1
	stored := c.Clone()
	rec := &record{c: &stored}
	rec.journal = []registry.Entry{firstEntry(first, rec)}
	s.coops[c.ID] = rec
	s.byNumber[c.RegistrationNumber] = c.ID
	k := keyOf(&c)
	i, _ := slices.BinarySearchFunc(s.order, k, compareKeys)
	s.order = slices.Insert(s.order, i, k)
	if seq > 0 {
		s.seqs[sk] = seq
	}
	if c.ApprovalID != uuid.Nil {
		approval.Status, approval.CooperativeID = registry.ApprovalUsed, c.ID
		approval.Version++
		s.approvals[approval.ID] = approval
	}
	return c.Clone(), nil
}

// firstEntry returns the journal's first entry, numbered 1, its state
// carrying the registration number given. A registration's state is the
// cooperative as created but for its version: then the entry's state is the
// record's first state itself, the version the entry gave kept aside,
// instead of a second copy of the cooperative, its members and their
// shares. This halves the memory a registry takes. It is safe because
// neither is ever changed in place, and everything read is copied on the
// way out (Journal restores the version).
func firstEntry(first registry.Entry, rec *record) registry.Entry {
	state := first.Change.State
	first.Change.State = nil
	e := first.Clone()
	e.Seq = 1
	if state == nil {
		return e
	}
	s := *rec.c
	s.Version, s.RegistrationNumber = state.Version, state.RegistrationNumber
	if reflect.DeepEqual(&s, state) {
		e.Change.State, rec.firstVersion = rec.c, state.Version
		return e
	}
	own := state.Clone()
	own.RegistrationNumber = rec.c.RegistrationNumber
	e.Change.State, rec.firstVersion = &own, own.Version
	return e
}

// Update implements registry.Store.
func (s *Store) Update(ctx context.Context, id uuid.UUID, expect int64, fn func(*coop.Cooperative) (registry.Entry, error)) (coop.Cooperative, error) {
	if err := ctx.Err(); err != nil {
		return coop.Cooperative{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.coops[id]
	if !ok {
		return coop.Cooperative{}, notFound("cooperative " + id.String())
	}
	if expect != 0 && r.c.Version != expect {
		return coop.Cooperative{}, &coop.Error{Code: coop.Conflict, Message: "the cooperative changed: version " + itoa(r.c.Version) + ", not " + itoa(expect),
			Fields: []coop.FieldError{{Field: "version", Rule: "version", Message: "stale"}}}
	}
	c := r.c.Clone()
	e, err := fn(&c)
	if err != nil {
		return coop.Cooperative{}, err
	}
	c.ID, c.RegistrationNumber, c.RegisteredOn, c.ApprovalID = r.c.ID, r.c.RegistrationNumber, r.c.RegisteredOn, r.c.ApprovalID
	c.Version = r.c.Version + 1
	e = e.Clone()
	e.Seq = len(r.journal) + 1
	next := c.Clone()
	r.c = &next
	r.journal = append(r.journal, e)
	return c, nil
}

// Journal implements registry.Store.
func (s *Store) Journal(ctx context.Context, id uuid.UUID) ([]registry.Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r, ok := s.coops[id]
	if !ok {
		return nil, notFound("cooperative " + id.String())
	}
	out := make([]registry.Entry, len(r.journal))
	for i, e := range r.journal {
		out[i] = e.Clone()
	}
	if len(out) > 0 && out[0].Change.State != nil {
		out[0].Change.State.Version = r.firstVersion
	}
	return out, nil
}

// CreateApproval implements registry.Store.
func (s *Store) CreateApproval(ctx context.Context, a registry.NameApproval) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.approvals[a.ID]; dup {
		return &coop.Error{Code: coop.Conflict, Message: "an approval with this ID exists", Fields: []coop.FieldError{{Field: "id", Rule: "unique", Message: "taken"}}}
	}
	if a.Status.HoldsName() {
		if err := s.nameFree(a.NameKey, a.ID); err != nil {
			return err
		}
		s.names[a.NameKey] = a.ID
	}
	s.approvals[a.ID] = a.Clone()
	return nil
}

func (s *Store) nameFree(key string, id uuid.UUID) error {
	if holder, ok := s.names[key]; ok && holder != id {
		h := s.approvals[holder]
		return &coop.Error{Code: coop.Conflict, Message: "the name \"" + h.Name + "\" is held by approval " + holder.String(),
			Fields: []coop.FieldError{{Field: "name", Rule: "unique", Message: "held by " + holder.String()}}}
	}
	return nil
}

// GetApproval implements registry.Store.
func (s *Store) GetApproval(ctx context.Context, id uuid.UUID) (registry.NameApproval, error) {
	if err := ctx.Err(); err != nil {
		return registry.NameApproval{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	a, ok := s.approvals[id]
	if !ok {
		return registry.NameApproval{}, notFound("name approval " + id.String())
	}
	return a.Clone(), nil
}

// ApprovalHolding implements registry.Store.
func (s *Store) ApprovalHolding(ctx context.Context, key string) (registry.NameApproval, error) {
	if err := ctx.Err(); err != nil {
		return registry.NameApproval{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	id, ok := s.names[key]
	if !ok {
		return registry.NameApproval{}, notFound("holder of the name")
	}
	return s.approvals[id].Clone(), nil
}

// UpdateApproval implements registry.Store.
func (s *Store) UpdateApproval(ctx context.Context, id uuid.UUID, fn func(*registry.NameApproval) error) (registry.NameApproval, error) {
	if err := ctx.Err(); err != nil {
		return registry.NameApproval{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, ok := s.approvals[id]
	if !ok {
		return registry.NameApproval{}, notFound("name approval " + id.String())
	}
	a := cur.Clone()
	if err := fn(&a); err != nil {
		return registry.NameApproval{}, err
	}
	a.ID = cur.ID
	if a.Status.HoldsName() {
		if err := s.nameFree(a.NameKey, a.ID); err != nil {
			return registry.NameApproval{}, err
		}
	}
	if cur.Status.HoldsName() && s.names[cur.NameKey] == id {
		delete(s.names, cur.NameKey)
	}
	if a.Status.HoldsName() {
		s.names[a.NameKey] = a.ID
	}
	a.Version = cur.Version + 1
	s.approvals[id] = a.Clone()
	return a, nil
}

func itoa(n int64) string {
	if n < 10 && n >= 0 {
		return string(rune('0' + n))
	}
	if n < 0 {
		return "-" + itoa(-n)
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
