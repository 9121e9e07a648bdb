package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// Store is a registry.Store on PostgreSQL.
type Store struct {
	pool      *pgxpool.Pool
	cache     *cache
	listen    listener
	retention int64
	poll      time.Duration
}

var (
	_ registry.Store    = (*Store)(nil)
	_ registry.Notifier = (*Store)(nil)
	_ registry.Pinger   = (*Store)(nil)
)

// Options configures a Store. A nil *Options means the defaults.
type Options struct {
	// CacheSize is how many cooperatives' latest states the store keeps in
	// memory (default 4096; negative keeps none). A read or a write of a
	// cooperative whose stored version is the one kept reads its row only,
	// not its members, share movements, officers and assemblies. The
	// database must then be written only through stores of this package
	// (the registry's versions make every other process's writes visible).
	CacheSize int
	// LogRetention is how many commits the commit log keeps (default
	// DefaultLogRetention). A server whose read model is further behind
	// than that rebuilds it from the tables instead of applying the log.
	LogRetention int64
	// PollInterval is how often a server waiting for commits reads the
	// commit position when no notification comes (default
	// DefaultPollInterval): the bound on how late a server sees another's
	// commit should notifications be lost.
	PollInterval time.Duration
}

// DefaultCacheSize is the number of cooperatives a Store keeps by default.
const DefaultCacheSize = 4096

// New returns a Store over the caller's pool, on a database migrated with
// Migrate.
func New(pool *pgxpool.Pool, opts *Options) *Store {
	s := &Store{pool: pool, cache: newCache(DefaultCacheSize), retention: DefaultLogRetention, poll: DefaultPollInterval}
	if opts != nil {
		if opts.CacheSize != 0 {
			s.cache = newCache(opts.CacheSize)
		}
		if opts.LogRetention > 0 {
			s.retention = opts.LogRetention
		}
		if opts.PollInterval > 0 {
			s.poll = opts.PollInterval
		}
	}
	return s
}

// fail maps a driver error of op, or returns the context's error when the
// caller gave up: a request whose client left is not a database fault.
func (s *Store) fail(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return mapErr(op, err)
}

// querier is what reads need of a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// scanCoop reads a cooperative's row, without its members, share
// movements, officers and assemblies.
func scanCoop(row pgx.Row) (coop.Cooperative, error) {
	var c coop.Cooperative
	var ice pgtype.Text
	var registered, since, conformed, adopted pgtype.Date
	var nominal pgtype.Numeric
	var memberCount, lastYear pgtype.Int4
	var auditor, turnover, declared, supports, selections, labels, groupings, seats []byte
	var approval pgtype.UUID
	var kind, status, law, sector, branch, province string
	err := row.Scan(&c.ID, &c.Version, &kind, &c.Name, &c.NameAR, &c.RegistrationNumber, &c.Court, &ice, &sector, &branch, &province,
		&c.Commune, &c.Address, &registered, &status, &since, &c.StatusReason, &c.Liquidator, &law, &conformed,
		&c.Statutes.DurationYears, &nominal, &c.Statutes.MinSharesPerMember, &c.Statutes.Purpose, &adopted,
		&memberCount, &lastYear, &auditor, &turnover, &declared, &approval, &supports, &selections, &labels, &groupings, &seats)
	if err != nil {
		return c, err
	}
	c.Kind, c.Status, c.FoundedUnder = coop.Kind(kind), coop.Status(status), coop.Law(law)
	c.Sector, c.Branch, c.Province = coop.Sector(sector), coop.Branch(branch), coop.ProvinceCode(province)
	if ice.Valid {
		if err := c.ICE.UnmarshalText([]byte(ice.String)); err != nil {
			return c, err
		}
	}
	c.RegisteredOn, c.StatusSince, c.ConformedOn, c.Statutes.AdoptedOn = fromDate(registered), fromDate(since), fromDate(conformed), fromDate(adopted)
	c.Statutes.ShareNominal = fromNumeric(nominal)
	c.MemberCount, c.LastYearEndMembers = fromInt(memberCount), fromInt(lastYear)
	c.ApprovalID = fromUUID(approval)
	if auditor != nil {
		c.Governance.Auditor = &coop.Auditor{}
		if err := json.Unmarshal(auditor, c.Governance.Auditor); err != nil {
			return c, err
		}
	}
	for _, x := range []struct {
		b   []byte
		dst any
	}{{turnover, &c.Turnover}, {declared, &c.Declared}, {supports, &c.Supports}, {selections, &c.Selections},
		{labels, &c.Labels}, {groupings, &c.Groupings}, {seats, &c.PreviousSeats}} {
		if x.b != nil {
			if err := json.Unmarshal(x.b, x.dst); err != nil {
				return c, err
			}
		}
	}
	return c, nil
}

func scanCoops(rows pgx.Rows) ([]coop.Cooperative, error) {
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (coop.Cooperative, error) { return scanCoop(r) })
}

// complete gives each cooperative read as a row its members, share
// movements, officers and assemblies: from the cache when it keeps that
// version, from the database otherwise, which q must read in the snapshot
// of the rows.
func (s *Store) complete(ctx context.Context, q querier, cs []coop.Cooperative) error {
	var missing []coop.Cooperative
	at := map[uuid.UUID]int{}
	for i := range cs {
		if c, ok := s.cache.get(cs[i].ID, cs[i].Version); ok {
			cs[i] = c
			continue
		}
		at[cs[i].ID] = i
		missing = append(missing, cs[i])
	}
	if len(missing) == 0 {
		return nil
	}
	if err := loadChildren(ctx, q, missing); err != nil {
		return err
	}
	for _, c := range missing {
		cs[at[c.ID]] = c
		s.cache.put(c)
	}
	return nil
}

// loadChildren reads the members, share movements, officers and assemblies
// of the cooperatives, in place.
func loadChildren(ctx context.Context, q querier, cs []coop.Cooperative) error {
	if len(cs) == 0 {
		return nil
	}
	ids := make([]uuid.UUID, len(cs))
	at := make(map[uuid.UUID]int, len(cs))
	for i := range cs {
		ids[i], at[cs[i].ID] = cs[i].ID, i
	}
	type mkey struct{ c, m uuid.UUID }
	mpos := map[mkey]int{}
	readers := []struct {
		sql  string
		read func(pgx.Rows) error
	}{
		{`SELECT cooperative_id, id, number, type, name, cin, ice, member_cooperative_id, gender, birth_date, phone,
			address, occupation, joined_on, admitted_by, left_on, exit_reason, withdrawal
			FROM members WHERE cooperative_id = ANY($1) ORDER BY cooperative_id, position`, func(rows pgx.Rows) error {
			cid, m, err := scanMember(rows)
			if err != nil {
				return err
			}
			c := &cs[at[cid]]
			mpos[mkey{cid, m.ID}] = len(c.Members)
			c.Members = append(c.Members, m)
			return nil
		}},
		{`SELECT cooperative_id, member_id, kind, on_date, shares, amount, paid, in_kind, counterparty
			FROM share_movements WHERE cooperative_id = ANY($1) ORDER BY cooperative_id, member_id, position`, func(rows pgx.Rows) error {
			cid, mid, mv, err := scanMovement(rows)
			if err != nil {
				return err
			}
			m := &cs[at[cid]].Members[mpos[mkey{cid, mid}]]
			m.Shares = append(m.Shares, mv)
			return nil
		}},
		{`SELECT cooperative_id, body, name, member_id, role, since, until
			FROM officers WHERE cooperative_id = ANY($1) ORDER BY cooperative_id, body, position`, func(rows pgx.Rows) error {
			cid, body, o, err := scanOfficer(rows)
			if err != nil {
				return err
			}
			g := &cs[at[cid]].Governance
			if body == boardBody {
				g.Directors = append(g.Directors, o)
			} else {
				g.Managers = append(g.Managers, o)
			}
			return nil
		}},
		{`SELECT cooperative_id, kind, held_on, call, members, present, resolutions
			FROM assemblies WHERE cooperative_id = ANY($1) ORDER BY cooperative_id, position`, func(rows pgx.Rows) error {
			cid, a, err := scanAssembly(rows)
			if err != nil {
				return err
			}
			c := &cs[at[cid]]
			c.Assemblies = append(c.Assemblies, a)
			return nil
		}},
	}
	for _, r := range readers {
		if err := eachRow(ctx, q, r.sql, ids, r.read); err != nil {
			return err
		}
	}
	return nil
}

// eachRow runs a query of the rows of the cooperatives ids and gives each
// row to read, stopping at the first error.
func eachRow(ctx context.Context, q querier, sql string, ids []uuid.UUID, read func(pgx.Rows) error) error {
	rows, err := q.Query(ctx, sql, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := read(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scanMember reads a member's row and the ID of its cooperative.
func scanMember(rows pgx.Rows) (uuid.UUID, coop.Member, error) {
	var cid uuid.UUID
	var m coop.Member
	var typ, gender, exit string
	var cin, ice, phone pgtype.Text
	var memberCoop pgtype.UUID
	var birth, joined, left pgtype.Date
	var withdrawal []byte
	if err := rows.Scan(&cid, &m.ID, &m.Number, &typ, &m.Name, &cin, &ice, &memberCoop, &gender, &birth, &phone,
		&m.Address, &m.Occupation, &joined, &m.AdmittedBy, &left, &exit, &withdrawal); err != nil {
		return cid, m, err
	}
	m.Type, m.Gender, m.ExitReason = coop.MemberType(typ), coop.Gender(gender), coop.ExitReason(exit)
	for _, x := range []struct {
		t   pgtype.Text
		dst interface{ UnmarshalText([]byte) error }
	}{{cin, &m.CIN}, {ice, &m.ICE}, {phone, &m.Phone}} {
		if x.t.Valid {
			if err := x.dst.UnmarshalText([]byte(x.t.String)); err != nil {
				return cid, m, err
			}
		}
	}
	m.CooperativeID = fromUUID(memberCoop)
	m.BirthDate, m.JoinedOn, m.LeftOn = fromDate(birth), fromDate(joined), fromDate(left)
	if withdrawal != nil {
		m.Withdrawal = &coop.WithdrawalRequest{}
		if err := json.Unmarshal(withdrawal, m.Withdrawal); err != nil {
			return cid, m, err
		}
	}
	return cid, m, nil
}

// scanMovement reads a share movement's row and the IDs of its
// cooperative and member.
func scanMovement(rows pgx.Rows) (uuid.UUID, uuid.UUID, coop.ShareMovement, error) {
	var cid, mid uuid.UUID
	var mv coop.ShareMovement
	var kind string
	var on pgtype.Date
	var amount, paid pgtype.Numeric
	var counterparty pgtype.UUID
	if err := rows.Scan(&cid, &mid, &kind, &on, &mv.Shares, &amount, &paid, &mv.InKind, &counterparty); err != nil {
		return cid, mid, mv, err
	}
	mv.Kind, mv.On, mv.Amount, mv.Paid, mv.Counterparty = coop.MovementKind(kind), fromDate(on), fromNumeric(amount), fromNullNumeric(paid), fromUUID(counterparty)
	return cid, mid, mv, nil
}

// scanOfficer reads an officer's row, the ID of its cooperative and its
// body.
func scanOfficer(rows pgx.Rows) (uuid.UUID, string, coop.Officer, error) {
	var cid uuid.UUID
	var body string
	var o coop.Officer
	var member pgtype.UUID
	var since, until pgtype.Date
	if err := rows.Scan(&cid, &body, &o.Name, &member, &o.Role, &since, &until); err != nil {
		return cid, body, o, err
	}
	o.MemberID, o.Since, o.Until = fromUUID(member), fromDate(since), fromDate(until)
	return cid, body, o, nil
}

// scanAssembly reads an assembly's row and the ID of its cooperative.
func scanAssembly(rows pgx.Rows) (uuid.UUID, coop.Assembly, error) {
	var cid uuid.UUID
	var a coop.Assembly
	var kind string
	var held pgtype.Date
	var res []byte
	if err := rows.Scan(&cid, &kind, &held, &a.Call, &a.Members, &a.Present, &res); err != nil {
		return cid, a, err
	}
	a.Kind, a.Date = coop.AssemblyKind(kind), fromDate(held)
	return cid, a, json.Unmarshal(res, &a.Resolutions)
}

// The bodies of officers.
const (
	boardBody    = "board"
	managersBody = "managers"
)

// readOnly runs fn in a read-only transaction, so that a cooperative and
// its children are read from one snapshot.
func (s *Store) readOnly(ctx context.Context, fn func(pgx.Tx) error) error {
	return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, fn)
}

// getWhere reads one cooperative: its row, then its children from the
// cache or, in one snapshot with the row, from the database.
func (s *Store) getWhere(ctx context.Context, op, where string, arg any, what string) (coop.Cooperative, error) {
	c, err := scanCoop(s.pool.QueryRow(ctx, `SELECT `+selectCoop+` FROM cooperatives WHERE `+where, arg))
	if err == nil {
		if cached, ok := s.cache.get(c.ID, c.Version); ok {
			return cached, nil
		}
		err = s.readOnly(ctx, func(tx pgx.Tx) error {
			var err error
			if c, err = scanCoop(tx.QueryRow(ctx, `SELECT `+selectCoop+` FROM cooperatives WHERE `+where, arg)); err != nil {
				return err
			}
			cs := []coop.Cooperative{c}
			err = s.complete(ctx, tx, cs)
			c = cs[0]
			return err
		})
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return coop.Cooperative{}, registry.NotFound(what)
	}
	if err != nil {
		return coop.Cooperative{}, s.fail(ctx, op, err)
	}
	return c, nil
}

// Get implements registry.Store.
func (s *Store) Get(ctx context.Context, id uuid.UUID) (coop.Cooperative, error) {
	return s.getWhere(ctx, "postgres.Get", "id = $1", id, "cooperative "+id.String())
}

// GetByNumber implements registry.Store.
func (s *Store) GetByNumber(ctx context.Context, number string) (coop.Cooperative, error) {
	return s.getWhere(ctx, "postgres.GetByNumber", "registration_number = $1", number, "registration number "+number)
}

// FindNumbers implements registry.NumberFinder: one query per 10,000
// numbers, on the unique index of registration numbers.
func (s *Store) FindNumbers(ctx context.Context, numbers []string) (map[string]uuid.UUID, error) {
	const op, chunk = "postgres.FindNumbers", 10000
	out := map[string]uuid.UUID{}
	for part := range slices.Chunk(numbers, chunk) {
		rows, err := s.pool.Query(ctx, `SELECT registration_number, id FROM cooperatives WHERE registration_number = ANY($1)`, part)
		if err != nil {
			return nil, s.fail(ctx, op, err)
		}
		for rows.Next() {
			var n string
			var id uuid.UUID
			if err := rows.Scan(&n, &id); err != nil {
				rows.Close()
				return nil, s.fail(ctx, op, err)
			}
			out[n] = id
		}
		if err := rows.Err(); err != nil {
			return nil, s.fail(ctx, op, err)
		}
	}
	return out, nil
}

// where builds the WHERE clause of a filter.
func where(f registry.Filter) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if f.Kind != "" {
		add("kind = ?", string(f.Kind))
	}
	if f.Region != "" {
		add("region = ?", string(f.Region))
	}
	if f.Province != "" {
		add("province = ?", string(f.Province))
	}
	if f.Delegation != "" {
		add("delegation = ?", string(f.Delegation))
	}
	if f.Sector != "" {
		add("sector = ?", string(f.Sector))
	}
	if f.Status != "" {
		add("status = ?", string(f.Status))
	}
	if !f.RegisteredFrom.IsZero() {
		add("registered_on >= ?", pgDate(f.RegisteredFrom))
	}
	if !f.RegisteredTo.IsZero() {
		add("registered_on <= ?", pgDate(f.RegisteredTo))
	}
	if f.Name != "" {
		// name_folded holds only letters and digits, so the folded search
		// term needs no escaping.
		add("name_folded LIKE '%' || ? || '%'", coop.Fold(f.Name))
	}
	if len(conds) == 0 {
		return "TRUE", args
	}
	return strings.Join(conds, " AND "), args
}

// List implements registry.Store.
func (s *Store) List(ctx context.Context, f registry.Filter) (registry.Page, error) {
	const op = "postgres.List"
	limit := f.Limit
	if limit <= 0 {
		limit = registry.DefaultLimit
	}
	cond, args := where(f)
	p := registry.Page{Items: []coop.Cooperative{}}
	err := s.readOnly(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM cooperatives WHERE `+cond, args...).Scan(&p.Total); err != nil {
			return err
		}
		pageCond, pageArgs := cond, slices.Clone(args)
		if f.Cursor != "" {
			d, id, err := registry.DecodeCursor(f.Cursor)
			if err != nil {
				return err
			}
			pageArgs = append(pageArgs, pgDate(d), id)
			pageCond += " AND (registered_on, id) > ($" + strconv.Itoa(len(pageArgs)-1) + ", $" + strconv.Itoa(len(pageArgs)) + ")"
		}
		pageArgs = append(pageArgs, limit+1)
		rows, err := tx.Query(ctx, `SELECT `+selectCoop+` FROM cooperatives WHERE `+pageCond+
			` ORDER BY registered_on, id LIMIT $`+strconv.Itoa(len(pageArgs)), pageArgs...)
		if err != nil {
			return err
		}
		items, err := scanCoops(rows)
		if err != nil {
			return err
		}
		if len(items) > limit {
			items = items[:limit]
			last := items[limit-1]
			p.Next = registry.EncodeCursor(last.RegisteredOn, last.ID)
		}
		if err := s.complete(ctx, tx, items); err != nil {
			return err
		}
		p.Items = append(p.Items, items...)
		return nil
	})
	if err != nil {
		return registry.Page{}, s.fail(ctx, op, err)
	}
	return p, nil
}

// AllBatch is the number of cooperatives All reads at a time.
const AllBatch = 500

// All implements registry.Store: it streams the registry in batches of
// AllBatch cooperatives in (registered_on, id) order, each batch read in
// its own transaction, so the whole registry is never in memory at once.
func (s *Store) All(ctx context.Context) iter.Seq2[coop.Cooperative, error] {
	return func(yield func(coop.Cooperative, error) bool) {
		var after *coop.Cooperative
		for {
			var batch []coop.Cooperative
			err := s.readOnly(ctx, func(tx pgx.Tx) error {
				var rows pgx.Rows
				var err error
				if after == nil {
					rows, err = tx.Query(ctx, `SELECT `+selectCoop+` FROM cooperatives ORDER BY registered_on, id LIMIT $1`, AllBatch)
				} else {
					rows, err = tx.Query(ctx, `SELECT `+selectCoop+` FROM cooperatives WHERE (registered_on, id) > ($1, $2)
						ORDER BY registered_on, id LIMIT $3`, pgDate(after.RegisteredOn), after.ID, AllBatch)
				}
				if err != nil {
					return err
				}
				if batch, err = scanCoops(rows); err != nil {
					return err
				}
				return loadChildren(ctx, tx, batch)
			})
			if err != nil {
				yield(coop.Cooperative{}, s.fail(ctx, "postgres.All", err))
				return
			}
			for _, c := range batch {
				if !yield(c, nil) {
					return
				}
			}
			if len(batch) < AllBatch {
				return
			}
			last := batch[len(batch)-1]
			after = &last
		}
	}
}

// Journal implements registry.Store.
func (s *Store) Journal(ctx context.Context, id uuid.UUID) ([]registry.Entry, error) {
	const op = "postgres.Journal"
	var out []registry.Entry
	err := s.readOnly(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT seq, kind, effective, recorded, late, change FROM journal WHERE cooperative_id = $1 ORDER BY seq`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var e registry.Entry
			var kind string
			var eff pgtype.Date
			var change []byte
			if err := rows.Scan(&e.Seq, &kind, &eff, &e.Recorded, &e.Late, &change); err != nil {
				rows.Close()
				return err
			}
			e.Kind, e.Effective, e.Recorded = registry.EntryKind(kind), fromDate(eff), e.Recorded.UTC()
			if e.Change, err = registry.DecodeChange(change); err != nil {
				rows.Close()
				return err
			}
			out = append(out, e)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(out) == 0 {
			return registry.NotFound("cooperative " + id.String())
		}
		return nil
	})
	if err != nil {
		return nil, s.fail(ctx, op, err)
	}
	return out, nil
}
