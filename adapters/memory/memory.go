package memory

import (
	"bytes"
	"context"
	"iter"
	"maps"
	"reflect"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// Store is an in-memory registry.Store. The zero value is not usable; call
// New.
//
// Committed values are immutable: a write stores new ones and never changes
// what a reader holds, so reads share them instead of copying (see the
// Sharing section of registry.Store). A transaction holds the store's write
// lock while it runs, stages its writes and applies them when it commits.
type Store struct {
	mu        sync.RWMutex
	coops     map[uuid.UUID]*record
	byNumber  map[string]uuid.UUID
	order     []key // sorted by (registered_on, id)
	approvals map[uuid.UUID]registry.NameApproval
	names     map[string]uuid.UUID // name key -> approval holding it
	seqs      map[seqKey]int
	keys      map[string]registry.KeyRecord

	// position is the position of the last commit; log holds what the
	// last commits changed, oldest first, from the one after forgotten.
	position  uint64
	log       []commit
	logIDs    int
	forgotten uint64
	// committed is closed, and replaced, at every commit.
	committed chan struct{}
}

// commit is what one commit changed: the cooperatives it put or created.
type commit struct {
	position uint64
	ids      []uuid.UUID
}

// maxLogIDs bounds the cooperatives the log of commits remembers; a reader
// further behind reads the registry whole (registry.ChangeSet.Gone).
const maxLogIDs = 1 << 18

// record is a cooperative's current state and its journal. The state is
// replaced, never changed; the journal only grows, and its entries never
// change. The state of an import, which the first entry records whole, is
// kept once, compacted, in imported: that entry's change is nil in the
// journal and made again when the journal is read. While the cooperative
// has not changed since, imported is its state.
type record struct {
	c        *compacted
	journal  []registry.Entry
	imported *compacted
}

// newRecord returns the record of a new cooperative c with its first
// entries.
func newRecord(c coop.Cooperative, entries []registry.Entry) *record {
	r := &record{c: compact(c), journal: entries}
	if imp, ok := entries[0].Change.(registry.Imported); ok {
		r.imported = r.c
		if !reflect.DeepEqual(imp.State, c) {
			r.imported = compact(imp.State)
		}
		r.journal[0].Change = nil
	}
	return r
}

type key struct {
	reg coop.Date
	id  uuid.UUID
}

type seqKey struct {
	court string
	year  int
}

var (
	_ registry.Store    = (*Store)(nil)
	_ registry.Notifier = (*Store)(nil)
)

// New returns an empty store.
func New() *Store {
	return &Store{
		coops:     map[uuid.UUID]*record{},
		byNumber:  map[string]uuid.UUID{},
		approvals: map[uuid.UUID]registry.NameApproval{},
		names:     map[string]uuid.UUID{},
		seqs:      map[seqKey]int{},
		keys:      map[string]registry.KeyRecord{},
		committed: make(chan struct{}),
	}
}

// record logs a commit that changed the cooperatives ids and wakes those
// who wait for one. The write lock is held.
func (s *Store) record(ids []uuid.UUID) {
	s.position++
	s.log = append(s.log, commit{position: s.position, ids: ids})
	s.logIDs += len(ids)
	for len(s.log) > 1 && s.logIDs > maxLogIDs {
		s.forgotten = s.log[0].position
		s.logIDs -= len(s.log[0].ids)
		s.log[0] = commit{}
		s.log = s.log[1:]
	}
	close(s.committed)
	s.committed = make(chan struct{})
}

// Position implements registry.Store.
func (s *Store) Position(ctx context.Context) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.position, nil
}

// Changed implements registry.Store.
func (s *Store) Changed(ctx context.Context, after uint64, limit int) (registry.ChangeSet, error) {
	if err := ctx.Err(); err != nil {
		return registry.ChangeSet{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	set := registry.ChangeSet{Position: s.position}
	if after > s.position || after < s.forgotten {
		set.Gone = true
		return set, nil
	}
	seen := map[uuid.UUID]bool{}
	for i := len(s.log) - 1; i >= 0 && s.log[i].position > after; i-- {
		for _, id := range s.log[i].ids {
			if seen[id] {
				continue
			}
			if seen[id] = true; len(seen) > limit {
				return registry.ChangeSet{Position: s.position, Gone: true}, nil
			}
			set.Cooperatives = append(set.Cooperatives, s.coops[id].c.cooperative())
		}
	}
	return set, nil
}

// Snapshot implements registry.Store: the store is read under its read
// lock, which holds writers back until add has seen every cooperative.
// Each member register is rebuilt in the same two buffers, which add does
// not keep: a national snapshot allocates nothing per cooperative.
func (s *Store) Snapshot(ctx context.Context, add func(*coop.Cooperative) error) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var (
		c       coop.Cooperative
		members []coop.Member
		moves   []coop.ShareMovement
	)
	for _, k := range s.order {
		c, members, moves = s.coops[k.id].c.expand(members, moves)
		if err := add(&c); err != nil {
			return 0, err
		}
	}
	return s.position, nil
}

// WaitCommit implements registry.Notifier, for registries that share the
// store: it returns once a commit is beyond after.
func (s *Store) WaitCommit(ctx context.Context, after uint64) error {
	for {
		s.mu.RLock()
		pos, ch := s.position, s.committed
		s.mu.RUnlock()
		if pos > after {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
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

func noCooperative(id uuid.UUID) error { return registry.NotFound("cooperative " + id.String()) }

// Get implements registry.Store.
func (s *Store) Get(ctx context.Context, id uuid.UUID) (coop.Cooperative, error) {
	if err := ctx.Err(); err != nil {
		return coop.Cooperative{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r, ok := s.coops[id]
	if !ok {
		return coop.Cooperative{}, noCooperative(id)
	}
	return r.c.cooperative(), nil
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
		return coop.Cooperative{}, registry.NotFound("registration number " + number)
	}
	return s.coops[id].c.cooperative(), nil
}

// FindNumbers implements registry.NumberFinder.
func (s *Store) FindNumbers(ctx context.Context, numbers []string) (map[string]uuid.UUID, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := map[string]uuid.UUID{}
	for _, n := range numbers {
		if id, ok := s.byNumber[n]; ok {
			out[n] = id
		}
	}
	return out, nil
}

// after returns the index in s.order of the first key after k.
func (s *Store) after(k key) int {
	i, found := slices.BinarySearchFunc(s.order, k, compareKeys)
	if found {
		i++
	}
	return i
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
	var ck *key
	if f.Cursor != "" {
		cd, cid, err := registry.DecodeCursor(f.Cursor)
		if err != nil {
			return registry.Page{}, err
		}
		ck = &key{cd, cid}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	start := 0
	if ck != nil {
		start = s.after(*ck)
	}
	p := registry.Page{Items: []coop.Cooperative{}}
	for i, k := range s.order {
		r := s.coops[k.id]
		if !f.Matches(&r.c.c) {
			continue
		}
		p.Total++
		if i < start {
			continue
		}
		if len(p.Items) < limit {
			p.Items = append(p.Items, r.c.cooperative())
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
		const batch = 1024
		var last *key
		items := make([]*compacted, 0, batch)
		for {
			if err := ctx.Err(); err != nil {
				yield(coop.Cooperative{}, err)
				return
			}
			clear(items)
			items = items[:0]
			s.mu.RLock()
			start := 0
			if last != nil {
				start = s.after(*last)
			}
			end := min(start+batch, len(s.order))
			for _, k := range s.order[start:end] {
				items = append(items, s.coops[k.id].c)
			}
			s.mu.RUnlock()
			for _, p := range items {
				if !yield(p.cooperative(), nil) {
					return
				}
			}
			if len(items) < batch {
				return
			}
			k := keyOf(&items[len(items)-1].c)
			last = &k
		}
	}
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
		return nil, noCooperative(id)
	}
	if r.imported == nil {
		return slices.Clip(r.journal), nil
	}
	j := slices.Clone(r.journal)
	j[0].Change = registry.Imported{State: r.imported.cooperative()}
	return j, nil
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
		return registry.NameApproval{}, registry.NotFound("name approval " + id.String())
	}
	return a, nil
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
		return registry.NameApproval{}, registry.NotFound("holder of the name")
	}
	return s.approvals[id], nil
}

// Write implements registry.Store: fn runs under the store's write lock,
// and what it staged is applied when it returns nil and the context is
// not done.
func (s *Store) Write(ctx context.Context, fn func(registry.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := &tx{s: s, coops: map[uuid.UUID]*staged{}, locked: map[uuid.UUID]bool{}, numbers: map[string]uuid.UUID{},
		approvals: map[uuid.UUID]registry.NameApproval{}, names: map[string]uuid.UUID{}, seqs: map[seqKey]int{},
		keys: map[string]*registry.KeyRecord{}}
	if err := fn(t); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	t.commit()
	return nil
}

// staged is what a transaction wrote to one cooperative.
type staged struct {
	c       coop.Cooperative
	entries []registry.Entry
	created bool
}

// tx is a transaction of the memory store: its writes are staged in its
// own maps, read before the store's, and applied by commit.
type tx struct {
	s         *Store
	coops     map[uuid.UUID]*staged
	created   []uuid.UUID
	locked    map[uuid.UUID]bool
	numbers   map[string]uuid.UUID
	approvals map[uuid.UUID]registry.NameApproval
	names     map[string]uuid.UUID // uuid.Nil: released
	seqs      map[seqKey]int
	keys      map[string]*registry.KeyRecord // nil: deleted
}

func (t *tx) current(id uuid.UUID) (coop.Cooperative, bool) {
	if st, ok := t.coops[id]; ok {
		return st.c, true
	}
	if r, ok := t.s.coops[id]; ok {
		return r.c.cooperative(), true
	}
	return coop.Cooperative{}, false
}

// exists reports whether the cooperative id is stored or created.
func (t *tx) exists(id uuid.UUID) bool {
	if _, ok := t.coops[id]; ok {
		return true
	}
	_, ok := t.s.coops[id]
	return ok
}

// Lock implements registry.Tx. The whole store is locked already.
func (t *tx) Lock(ids ...uuid.UUID) ([]coop.Cooperative, error) {
	out := make([]coop.Cooperative, len(ids))
	for i, id := range ids {
		c, ok := t.current(id)
		if !ok {
			return nil, noCooperative(id)
		}
		out[i] = c
		t.locked[id] = true
	}
	return out, nil
}

// Put implements registry.Tx.
func (t *tx) Put(c coop.Cooperative, e registry.Entry) error {
	if !t.locked[c.ID] {
		return &coop.Error{Code: coop.Internal, Message: "internal error"}
	}
	st, ok := t.coops[c.ID]
	if !ok {
		st = &staged{}
		t.coops[c.ID] = st
	}
	st.c = c
	st.entries = append(st.entries, e)
	return nil
}

// Create implements registry.Tx.
func (t *tx) Create(c coop.Cooperative, first registry.Entry) error {
	if t.exists(c.ID) {
		return registry.Taken("id")
	}
	if t.numberTaken(c.RegistrationNumber) {
		return registry.Taken("registration_number")
	}
	t.coops[c.ID] = &staged{c: c, entries: []registry.Entry{first}, created: true}
	t.created = append(t.created, c.ID)
	t.numbers[c.RegistrationNumber] = c.ID
	t.locked[c.ID] = true
	return nil
}

func (t *tx) numberTaken(n string) bool {
	if _, ok := t.numbers[n]; ok {
		return true
	}
	_, ok := t.s.byNumber[n]
	return ok
}

// Sequence implements registry.Tx.
func (t *tx) Sequence(court string, year int) (int, error) {
	k := seqKey{court, year}
	n, ok := t.seqs[k]
	if !ok {
		n = t.s.seqs[k]
	}
	n++
	t.seqs[k] = n
	return n, nil
}

// NumberTaken implements registry.Tx.
func (t *tx) NumberTaken(number string) (bool, error) { return t.numberTaken(number), nil }

func (t *tx) approval(id uuid.UUID) (registry.NameApproval, bool) {
	if a, ok := t.approvals[id]; ok {
		return a, true
	}
	a, ok := t.s.approvals[id]
	return a, ok
}

func (t *tx) holder(key string) (uuid.UUID, bool) {
	if id, ok := t.names[key]; ok {
		return id, id != uuid.Nil
	}
	id, ok := t.s.names[key]
	return id, ok
}

// LockApproval implements registry.Tx.
func (t *tx) LockApproval(id uuid.UUID) (registry.NameApproval, error) {
	a, ok := t.approval(id)
	if !ok {
		return registry.NameApproval{}, registry.NotFound("name approval " + id.String())
	}
	return a, nil
}

// ApprovalHolding implements registry.Tx.
func (t *tx) ApprovalHolding(key string) (registry.NameApproval, error) {
	id, ok := t.holder(key)
	if !ok {
		return registry.NameApproval{}, registry.NotFound("holder of the name")
	}
	a, _ := t.approval(id)
	return a, nil
}

// PutApproval implements registry.Tx.
func (t *tx) PutApproval(a registry.NameApproval) error {
	if a.Status.HoldsName() {
		if h, ok := t.holder(a.NameKey); ok && h != a.ID {
			return registry.Taken("name")
		}
	}
	if prev, ok := t.approval(a.ID); ok && prev.Status.HoldsName() {
		if h, ok := t.holder(prev.NameKey); ok && h == a.ID {
			t.names[prev.NameKey] = uuid.Nil
		}
	}
	if a.Status.HoldsName() {
		t.names[a.NameKey] = a.ID
	}
	t.approvals[a.ID] = a
	return nil
}

func (t *tx) key(key string) (registry.KeyRecord, bool) {
	if k, ok := t.keys[key]; ok {
		if k == nil {
			return registry.KeyRecord{}, false
		}
		return *k, true
	}
	k, ok := t.s.keys[key]
	return k, ok
}

// Key implements registry.Tx.
func (t *tx) Key(key string) (registry.KeyRecord, error) {
	k, ok := t.key(key)
	if !ok {
		return registry.KeyRecord{}, registry.NotFound("idempotency key")
	}
	return k, nil
}

// AddKey implements registry.Tx.
func (t *tx) AddKey(k registry.KeyRecord) error {
	if _, ok := t.key(k.Key); ok {
		return registry.Taken("key")
	}
	t.keys[k.Key] = &k
	return nil
}

// PutKey implements registry.Tx.
func (t *tx) PutKey(k registry.KeyRecord) error {
	t.keys[k.Key] = &k
	return nil
}

// DeleteKey implements registry.Tx.
func (t *tx) DeleteKey(key string) error {
	t.keys[key] = nil
	return nil
}

// PurgeKeys implements registry.Tx.
func (t *tx) PurgeKeys(before time.Time) (int, error) {
	n := 0
	for key := range t.s.keys {
		if k, ok := t.key(key); ok && k.Until.Before(before) {
			t.keys[key] = nil
			n++
		}
	}
	for key, k := range t.keys {
		if k != nil && k.Until.Before(before) {
			if _, committed := t.s.keys[key]; !committed {
				t.keys[key] = nil
				n++
			}
		}
	}
	return n, nil
}

// commit applies the staged writes to the store, whose write lock is held.
func (t *tx) commit() {
	s := t.s
	for key, k := range t.keys {
		if k == nil {
			delete(s.keys, key)
		} else {
			s.keys[key] = *k
		}
	}
	for k, n := range t.seqs {
		s.seqs[k] = n
	}
	for id, a := range t.approvals {
		s.approvals[id] = a
	}
	for k, id := range t.names {
		if id == uuid.Nil {
			delete(s.names, k)
		} else {
			s.names[k] = id
		}
	}
	for id, st := range t.coops {
		if st.created {
			continue
		}
		r := s.coops[id]
		r.c = compact(st.c)
		r.journal = append(r.journal, st.entries...)
	}
	for _, id := range t.created {
		st := t.coops[id]
		s.insert(newRecord(st.c, st.entries))
	}
	if len(t.coops) > 0 {
		ids := make([]uuid.UUID, 0, len(t.coops))
		for id := range t.coops {
			ids = append(ids, id)
		}
		s.record(ids)
	}
}

// insert adds a new record to the store's indexes.
func (s *Store) insert(r *record) {
	c := &r.c.c
	s.coops[c.ID] = r
	s.byNumber[c.RegistrationNumber] = c.ID
	k := keyOf(c)
	i, _ := slices.BinarySearchFunc(s.order, k, compareKeys)
	s.order = slices.Insert(s.order, i, k)
}

// Load implements registry.Store. The records are read and checked before
// the store is locked, then stored at once.
func (s *Store) Load(ctx context.Context, records iter.Seq2[registry.Record, error]) (int, error) {
	var recs loadedRecords
	if err := recs.read(ctx, records); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := s.clashes(&recs); err != nil {
		return 0, err
	}
	start := len(s.order)
	if len(s.coops) == 0 {
		// An empty store takes the load at once: its maps are made at
		// their size rather than grown.
		s.coops = make(map[uuid.UUID]*record, recs.n)
		s.byNumber = make(map[string]uuid.UUID, recs.n)
		approvals := make(map[uuid.UUID]registry.NameApproval, recs.n+len(s.approvals))
		maps.Copy(approvals, s.approvals) // name approvals not yet used
		s.approvals = approvals
		s.order = slices.Grow(s.order, recs.n)
	}
	loaded := make([]uuid.UUID, 0, recs.n)
	for rec := range recs.all {
		c := &rec.r.c.c
		s.coops[c.ID] = rec.r
		s.byNumber[c.RegistrationNumber] = c.ID
		s.order = append(s.order, keyOf(c))
		s.approvals[rec.approval.ID] = rec.approval
		if rec.approval.Status.HoldsName() {
			s.names[rec.approval.NameKey] = rec.approval.ID
		}
		loaded = append(loaded, c.ID)
	}
	if start > 0 || !slices.IsSortedFunc(s.order, compareKeys) {
		slices.SortFunc(s.order, compareKeys)
	}
	s.record(loaded)
	return recs.n, nil
}

// loadedRecords are the records of a load, kept in chunks, so that a large
// load never copies them to grow one slice, and compacted as they are
// read, so that a national load never holds its registers whole.
type loadedRecords struct {
	chunks [][]loadedRecord
	n      int
}

// loadedRecord is a record of a load as the store will keep it, with its
// name approval.
type loadedRecord struct {
	r        *record
	approval registry.NameApproval
}

// read reads the records, refusing one that clashes with another of the
// load: an ID, a registration number or a held name given twice.
func (l *loadedRecords) read(ctx context.Context, records iter.Seq2[registry.Record, error]) error {
	ids := map[uuid.UUID]bool{}
	numbers := map[string]bool{}
	names := map[string]bool{}
	for rec, err := range records {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		c := &rec.Cooperative
		holds := rec.Approval.Status.HoldsName()
		switch {
		case ids[c.ID]:
			return registry.Taken("id")
		case numbers[c.RegistrationNumber]:
			return registry.Taken("registration_number")
		case holds && names[rec.Approval.NameKey]:
			return registry.Taken("name")
		}
		ids[c.ID], numbers[c.RegistrationNumber] = true, true
		if holds {
			names[rec.Approval.NameKey] = true
		}
		if len(l.chunks) == 0 || len(l.chunks[len(l.chunks)-1]) == cap(l.chunks[len(l.chunks)-1]) {
			l.chunks = append(l.chunks, make([]loadedRecord, 0, 1024))
		}
		l.chunks[len(l.chunks)-1] = append(l.chunks[len(l.chunks)-1],
			loadedRecord{r: newRecord(rec.Cooperative, []registry.Entry{rec.First}), approval: rec.Approval})
		l.n++
	}
	return nil
}

// all yields every record of the load, in order.
func (l *loadedRecords) all(yield func(*loadedRecord) bool) {
	for _, chunk := range l.chunks {
		for i := range chunk {
			if !yield(&chunk[i]) {
				return
			}
		}
	}
}

// clashes refuses a load a record of which clashes with the store: an ID,
// a registration number or a name held already. s.mu is held.
func (s *Store) clashes(recs *loadedRecords) error {
	for rec := range recs.all {
		c := &rec.r.c.c
		if _, dup := s.coops[c.ID]; dup {
			return registry.Taken("id")
		}
		if _, dup := s.byNumber[c.RegistrationNumber]; dup {
			return registry.Taken("registration_number")
		}
		if _, dup := s.approvals[rec.approval.ID]; dup {
			return registry.Taken("id")
		}
		if _, held := s.names[rec.approval.NameKey]; held && rec.approval.Status.HoldsName() {
			return registry.Taken("name")
		}
	}
	return nil
}
