package postgres

import (
	"context"
	"fmt"
	"slices"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// Write implements registry.Store: fn runs in one database transaction at
// READ COMMITTED, whose row locks (Tx.Lock, Tx.LockApproval) keep other
// writers out of what it reads. The states it wrote go to the cache as it
// commits.
func (s *Store) Write(ctx context.Context, fn func(registry.Tx) error) error {
	const op = "postgres.Write"
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return s.fail(ctx, op, err)
	}
	done := false
	defer func() {
		if !done {
			_ = tx.Rollback(context.WithoutCancel(ctx)) // after a panic of fn too
		}
	}()
	t := &pgTx{s: s, ctx: ctx, tx: tx, locked: map[uuid.UUID]coop.Cooperative{}}
	if err := fn(t); err != nil {
		return err // fn's own, or a Tx method's already mapped
	}
	if ids := t.changed(); len(ids) > 0 {
		if err := s.recordCommit(ctx, tx, ids); err != nil {
			return s.fail(ctx, op, err)
		}
	}
	token := s.cache.stage(t.written)
	done = true
	if err := tx.Commit(ctx); err != nil {
		s.cache.withdraw(token)
		return s.fail(ctx, op, err)
	}
	return nil
}

// pgTx is a registry.Tx over a database transaction. It keeps the state of
// each cooperative it locked, so that Put writes only the rows a change
// touched.
type pgTx struct {
	s       *Store
	ctx     context.Context
	tx      pgx.Tx
	locked  map[uuid.UUID]coop.Cooperative
	written []coop.Cooperative
}

// changed returns the IDs of the cooperatives the transaction wrote, each
// once.
func (t *pgTx) changed() []uuid.UUID {
	ids := make([]uuid.UUID, 0, len(t.written))
	for _, c := range t.written {
		if !slices.Contains(ids, c.ID) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// fail maps a driver error.
func (t *pgTx) fail(op string, err error) error { return t.s.fail(t.ctx, op, err) }

// Lock implements registry.Tx: the rows are locked in the order of their
// IDs, whatever the order asked.
func (t *pgTx) Lock(ids ...uuid.UUID) ([]coop.Cooperative, error) {
	const op = "postgres.Lock"
	rows, err := t.tx.Query(t.ctx, `SELECT `+selectCoop+` FROM cooperatives WHERE id = ANY($1) ORDER BY id FOR UPDATE`, ids)
	if err != nil {
		return nil, t.fail(op, err)
	}
	cs, err := scanCoops(rows)
	if err != nil {
		return nil, t.fail(op, err)
	}
	if err := t.s.complete(t.ctx, t.tx, cs); err != nil {
		return nil, t.fail(op, err)
	}
	byID := make(map[uuid.UUID]coop.Cooperative, len(cs))
	for _, c := range cs {
		byID[c.ID] = c
	}
	out := make([]coop.Cooperative, len(ids))
	for i, id := range ids {
		c, ok := byID[id]
		if !ok {
			return nil, registry.NotFound("cooperative " + id.String())
		}
		if cur, ok := t.locked[id]; ok {
			c = cur // what this transaction wrote
		}
		t.locked[id] = c
		out[i] = c
	}
	return out, nil
}

// Put implements registry.Tx: it writes the cooperative's row, the rows of
// its members, share movements, officers and assemblies that differ from
// the state it locked, and the journal entry, in one round trip.
func (t *pgTx) Put(c coop.Cooperative, e registry.Entry) error {
	const op = "postgres.Put"
	old, ok := t.locked[c.ID]
	if !ok {
		return &coop.Error{Code: coop.Internal, Op: op, Message: "internal error", Err: fmt.Errorf("put of cooperative %s, which the transaction did not lock", c.ID)}
	}
	var b pgx.Batch
	b.Queue(updateCoop, coopRow(&c)...)
	var writes []uuid.UUID
	if mw, ok := e.Change.(registry.MemberWriter); ok {
		writes = mw.WritesMembers()
		if writes == nil {
			writes = []uuid.UUID{}
		}
	}
	queueDiff(&b, &old, &c, writes)
	j, err := journalRow(c.ID, &e)
	if err != nil {
		return t.fail(op, err)
	}
	b.Queue(insertJournal, j...)
	if err := t.tx.SendBatch(t.ctx, &b).Close(); err != nil {
		return t.fail(op, err)
	}
	t.locked[c.ID] = c
	t.written = append(t.written, c)
	return nil
}

// Create implements registry.Tx.
func (t *pgTx) Create(c coop.Cooperative, first registry.Entry) error {
	const op = "postgres.Create"
	var b pgx.Batch
	b.Queue(insertCoop, coopRow(&c)...)
	queueDiff(&b, &coop.Cooperative{ID: c.ID}, &c, nil)
	j, err := journalRow(c.ID, &first)
	if err != nil {
		return t.fail(op, err)
	}
	b.Queue(insertJournal, j...)
	if err := t.tx.SendBatch(t.ctx, &b).Close(); err != nil {
		return t.fail(op, err)
	}
	t.locked[c.ID] = c
	t.written = append(t.written, c)
	return nil
}

// Sequence implements registry.Tx.
func (t *pgTx) Sequence(court string, year int) (int, error) {
	var seq int
	err := t.tx.QueryRow(t.ctx, `INSERT INTO registration_sequences (court, year, last) VALUES ($1, $2, 1)
		ON CONFLICT (court, year) DO UPDATE SET last = registration_sequences.last + 1 RETURNING last`, court, year).Scan(&seq)
	if err != nil {
		return 0, t.fail("postgres.Sequence", err)
	}
	return seq, nil
}

// NumberTaken implements registry.Tx.
func (t *pgTx) NumberTaken(number string) (bool, error) {
	var taken bool
	err := t.tx.QueryRow(t.ctx, `SELECT EXISTS (SELECT 1 FROM cooperatives WHERE registration_number = $1)`, number).Scan(&taken)
	if err != nil {
		return false, t.fail("postgres.NumberTaken", err)
	}
	return taken, nil
}

// maxParams bounds the parameters of one statement (PostgreSQL's limit is
// 65,535).
const maxParams = 60000

// queueInsert queues multi-row INSERTs of rows into table.
func queueInsert(b *pgx.Batch, table string, cols []string, rows [][]any) {
	per := max(1, maxParams/len(cols))
	for len(rows) > 0 {
		n := min(per, len(rows))
		var args []any
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		b.Queue(insertSQL(table, cols, n), args...)
		rows = rows[n:]
	}
}

// queueDiff queues the writes that take the child rows of old to those of
// c: members changed, added or gone; share movements appended (or, when an
// account was rewritten, the account); officers and assemblies that differ
// by position. A non-nil writes names the only members the change wrote
// (registry.MemberWriter): the others, found at their places, are not
// compared.
func queueDiff(b *pgx.Batch, old, c *coop.Cooperative, writes []uuid.UUID) {
	queueMembers(b, old, c, writes)
	queueOfficers(b, c.ID, boardBody, old.Governance.Directors, c.Governance.Directors)
	queueOfficers(b, c.ID, managersBody, old.Governance.Managers, c.Governance.Managers)
	queueAssemblies(b, old, c)
}

// queueMembers queues the writes of the members and share movements: each
// member found at its own position first, and by ID only when the register
// was reordered; a non-nil writes names the only members that may differ.
func queueMembers(b *pgx.Batch, old, c *coop.Cooperative, writes []uuid.UUID) {
	var before map[uuid.UUID]int
	find := func(i int, id uuid.UUID) (int, bool) {
		if i < len(old.Members) && old.Members[i].ID == id {
			return i, true
		}
		if before == nil {
			before = make(map[uuid.UUID]int, len(old.Members))
			for k := range old.Members {
				before[old.Members[k].ID] = k
			}
		}
		k, ok := before[id]
		return k, ok
	}
	var members, moves [][]any
	matched := 0
	for i := range c.Members {
		m := &c.Members[i]
		j, ok := find(i, m.ID)
		if !ok {
			members = append(members, memberRow(c.ID, m, i))
			for k := range m.Shares {
				moves = append(moves, movementRow(c.ID, m.ID, &m.Shares[k], k))
			}
			continue
		}
		matched++
		if writes != nil && i == j && !slices.Contains(writes, m.ID) {
			continue
		}
		moves = queueMember(b, c.ID, &old.Members[j], m, i, j, moves)
	}
	if matched < len(old.Members) {
		queueGone(b, old, c)
	}
	if len(members) > 0 {
		queueInsert(b, "members", memberColumns, members)
	}
	if len(moves) > 0 {
		queueInsert(b, "share_movements", movementColumns, moves)
	}
}

// queueMember queues the update of member m, at i, once o at j, and adds
// to moves the movements appended to its account (or the whole account,
// deleted first, when it was rewritten).
func queueMember(b *pgx.Batch, cid uuid.UUID, o, m *coop.Member, i, j int, moves [][]any) [][]any {
	if i != j || !sameMember(o, m) {
		b.Queue(updateMember, memberRow(cid, m, i)...)
	}
	from := len(o.Shares)
	if len(m.Shares) < from || !slices.EqualFunc(o.Shares, m.Shares[:from], sameMovement) {
		b.Queue(`DELETE FROM share_movements WHERE cooperative_id = $1 AND member_id = $2`, cid, m.ID)
		from = 0
	}
	for k := from; k < len(m.Shares); k++ {
		moves = append(moves, movementRow(cid, m.ID, &m.Shares[k], k))
	}
	return moves
}

// queueGone queues the deletion of the members of old that c no longer
// has.
func queueGone(b *pgx.Batch, old, c *coop.Cooperative) {
	kept := make(map[uuid.UUID]bool, len(c.Members))
	for i := range c.Members {
		kept[c.Members[i].ID] = true
	}
	for i := range old.Members {
		if id := old.Members[i].ID; !kept[id] {
			b.Queue(`DELETE FROM members WHERE cooperative_id = $1 AND id = $2`, c.ID, id)
		}
	}
}

// queueAssemblies queues the writes of the assemblies that differ by
// position.
func queueAssemblies(b *pgx.Batch, old, c *coop.Cooperative) {
	var assemblies [][]any
	for i := range c.Assemblies {
		a := &c.Assemblies[i]
		switch {
		case i >= len(old.Assemblies):
			assemblies = append(assemblies, assemblyRow(c.ID, a, i))
		case !sameAssembly(&old.Assemblies[i], a):
			b.Queue(updateSQL("assemblies", assemblyColumns, "cooperative_id", "position"), assemblyRow(c.ID, a, i)...)
		}
	}
	if n := len(c.Assemblies); len(old.Assemblies) > n {
		b.Queue(`DELETE FROM assemblies WHERE cooperative_id = $1 AND position >= $2`, c.ID, n)
	}
	if len(assemblies) > 0 {
		queueInsert(b, "assemblies", assemblyColumns, assemblies)
	}
}

// queueOfficers queues the writes of one body's officers, by position.
func queueOfficers(b *pgx.Batch, cid uuid.UUID, body string, old, cur []coop.Officer) {
	var rows [][]any
	for i := range cur {
		switch {
		case i >= len(old):
			rows = append(rows, officerRow(cid, body, &cur[i], i))
		case old[i] != cur[i]:
			b.Queue(updateSQL("officers", officerColumns, "cooperative_id", "body", "position"), officerRow(cid, body, &cur[i], i)...)
		}
	}
	if len(old) > len(cur) {
		b.Queue(`DELETE FROM officers WHERE cooperative_id = $1 AND body = $2 AND position >= $3`, cid, body, len(cur))
	}
	if len(rows) > 0 {
		queueInsert(b, "officers", officerColumns, rows)
	}
}

// sameMember reports whether a and b have the same member row (their share
// accounts aside).
func sameMember(a, b *coop.Member) bool {
	if (a.Withdrawal == nil) != (b.Withdrawal == nil) || a.Withdrawal != nil && *a.Withdrawal != *b.Withdrawal {
		return false
	}
	return memberFieldsOf(a) == memberFieldsOf(b)
}

// memberFields is what a member's row holds of it, but its withdrawal: a
// value compared with ==.
type memberFields struct {
	id, cooperative               uuid.UUID
	number                        int
	typ                           coop.MemberType
	name, address, occupation, by string
	cin                           coop.CIN
	ice                           coop.ICE
	gender                        coop.Gender
	birth, joined, left           coop.Date
	phone                         coop.Phone
	exit                          coop.ExitReason
}

func memberFieldsOf(m *coop.Member) memberFields {
	return memberFields{id: m.ID, cooperative: m.CooperativeID, number: m.Number, typ: m.Type, name: m.Name, address: m.Address,
		occupation: m.Occupation, by: m.AdmittedBy, cin: m.CIN, ice: m.ICE, gender: m.Gender, birth: m.BirthDate, joined: m.JoinedOn,
		left: m.LeftOn, phone: m.Phone, exit: m.ExitReason}
}

func sameMovement(a, b coop.ShareMovement) bool {
	return a.Kind == b.Kind && a.On == b.On && a.Shares == b.Shares && a.Amount.Equal(b.Amount) && a.Paid.Valid == b.Paid.Valid &&
		(!a.Paid.Valid || a.Paid.Decimal.Equal(b.Paid.Decimal)) && a.InKind == b.InKind && a.Counterparty == b.Counterparty
}

func sameAssembly(a, b *coop.Assembly) bool {
	return a.Kind == b.Kind && a.Date == b.Date && a.Call == b.Call && a.Members == b.Members && a.Present == b.Present &&
		slices.Equal(a.Resolutions, b.Resolutions)
}
