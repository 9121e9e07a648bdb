package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// Store is a registry.Store on PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
}

var _ registry.Store = (*Store)(nil)

// New returns a Store over the caller's pool, on a database migrated with
// Migrate.
func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

const coopColumns = `id, version, kind, name, name_ar, registration_number, court, ice, sector, branch, province, commune, address,
	registered_on, status, status_since, status_reason, liquidator, founded_under, conformed_on, duration_years, share_nominal,
	min_shares_per_member, purpose, statutes_adopted_on, member_count, last_year_end_members, auditor, turnover, declared, approval_id,
	supports, selections, labels, groupings`

func scanCoop(row pgx.Row) (coop.Cooperative, error) {
	var c coop.Cooperative
	var ice pgtype.Text
	var registered, since, conformed, adopted pgtype.Date
	var nominal pgtype.Numeric
	var memberCount, lastYear pgtype.Int4
	var auditor, turnover, declared, supports, selections, labels, groupings []byte
	var approval pgtype.UUID
	var kind, status, law, sector, branch, province string
	err := row.Scan(&c.ID, &c.Version, &kind, &c.Name, &c.NameAR, &c.RegistrationNumber, &c.Court, &ice, &sector, &branch, &province,
		&c.Commune, &c.Address, &registered, &status, &since, &c.StatusReason, &c.Liquidator, &law, &conformed,
		&c.Statutes.DurationYears, &nominal, &c.Statutes.MinSharesPerMember, &c.Statutes.Purpose, &adopted,
		&memberCount, &lastYear, &auditor, &turnover, &declared, &approval, &supports, &selections, &labels, &groupings)
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
	if turnover != nil {
		if err := json.Unmarshal(turnover, &c.Turnover); err != nil {
			return c, err
		}
	}
	if declared != nil {
		if err := json.Unmarshal(declared, &c.Declared); err != nil {
			return c, err
		}
	}
	for _, x := range []struct {
		b   []byte
		dst any
	}{{supports, &c.Supports}, {selections, &c.Selections}, {labels, &c.Labels}, {groupings, &c.Groupings}} {
		if x.b != nil {
			if err := json.Unmarshal(x.b, x.dst); err != nil {
				return c, err
			}
		}
	}
	return c, nil
}

// loadChildren reads the members, share movements, officers and assemblies
// of the cooperatives, in place.
func loadChildren(ctx context.Context, q pgx.Tx, cs []coop.Cooperative) error {
	if len(cs) == 0 {
		return nil
	}
	ids := make([]uuid.UUID, len(cs))
	at := make(map[uuid.UUID]int, len(cs))
	for i := range cs {
		ids[i], at[cs[i].ID] = cs[i].ID, i
	}
	rows, err := q.Query(ctx, `SELECT cooperative_id, id, number, type, name, cin, ice, member_cooperative_id, gender, birth_date, phone,
		address, occupation, joined_on, admitted_by, left_on, exit_reason, withdrawal
		FROM members WHERE cooperative_id = ANY($1) ORDER BY cooperative_id, position`, ids)
	if err != nil {
		return err
	}
	type mkey struct{ c, m uuid.UUID }
	mpos := map[mkey]int{}
	for rows.Next() {
		var cid uuid.UUID
		var m coop.Member
		var typ, gender, exit string
		var cin, ice, phone pgtype.Text
		var memberCoop pgtype.UUID
		var birth, joined, left pgtype.Date
		var withdrawal []byte
		if err := rows.Scan(&cid, &m.ID, &m.Number, &typ, &m.Name, &cin, &ice, &memberCoop, &gender, &birth, &phone,
			&m.Address, &m.Occupation, &joined, &m.AdmittedBy, &left, &exit, &withdrawal); err != nil {
			rows.Close()
			return err
		}
		m.Type, m.Gender, m.ExitReason = coop.MemberType(typ), coop.Gender(gender), coop.ExitReason(exit)
		for _, x := range []struct {
			t   pgtype.Text
			dst interface{ UnmarshalText([]byte) error }
		}{{cin, &m.CIN}, {ice, &m.ICE}, {phone, &m.Phone}} {
			if x.t.Valid {
				if err := x.dst.UnmarshalText([]byte(x.t.String)); err != nil {
					rows.Close()
					return err
				}
			}
		}
		m.CooperativeID = fromUUID(memberCoop)
		m.BirthDate, m.JoinedOn, m.LeftOn = fromDate(birth), fromDate(joined), fromDate(left)
		if withdrawal != nil {
			m.Withdrawal = &coop.WithdrawalRequest{}
			if err := json.Unmarshal(withdrawal, m.Withdrawal); err != nil {
				rows.Close()
				return err
			}
		}
		c := &cs[at[cid]]
		mpos[mkey{cid, m.ID}] = len(c.Members)
		c.Members = append(c.Members, m)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = q.Query(ctx, `SELECT cooperative_id, member_id, kind, on_date, shares, amount, paid, in_kind, counterparty
		FROM share_movements WHERE cooperative_id = ANY($1) ORDER BY cooperative_id, member_id, position`, ids)
	if err != nil {
		return err
	}
	for rows.Next() {
		var cid, mid uuid.UUID
		var mv coop.ShareMovement
		var kind string
		var on pgtype.Date
		var amount, paid pgtype.Numeric
		var counterparty pgtype.UUID
		if err := rows.Scan(&cid, &mid, &kind, &on, &mv.Shares, &amount, &paid, &mv.InKind, &counterparty); err != nil {
			rows.Close()
			return err
		}
		mv.Kind, mv.On, mv.Amount, mv.Paid, mv.Counterparty = coop.MovementKind(kind), fromDate(on), fromNumeric(amount), fromNullNumeric(paid), fromUUID(counterparty)
		m := &cs[at[cid]].Members[mpos[mkey{cid, mid}]]
		m.Shares = append(m.Shares, mv)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = q.Query(ctx, `SELECT cooperative_id, body, name, member_id, role, since, until
		FROM officers WHERE cooperative_id = ANY($1) ORDER BY cooperative_id, body, position`, ids)
	if err != nil {
		return err
	}
	for rows.Next() {
		var cid uuid.UUID
		var body string
		var o coop.Officer
		var member pgtype.UUID
		var since, until pgtype.Date
		if err := rows.Scan(&cid, &body, &o.Name, &member, &o.Role, &since, &until); err != nil {
			rows.Close()
			return err
		}
		o.MemberID, o.Since, o.Until = fromUUID(member), fromDate(since), fromDate(until)
		g := &cs[at[cid]].Governance
		if body == "board" {
			g.Directors = append(g.Directors, o)
		} else {
			g.Managers = append(g.Managers, o)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = q.Query(ctx, `SELECT cooperative_id, kind, held_on, call, members, present, resolutions
		FROM assemblies WHERE cooperative_id = ANY($1) ORDER BY cooperative_id, position`, ids)
	if err != nil {
		return err
	}
	for rows.Next() {
		var cid uuid.UUID
		var a coop.Assembly
		var kind string
		var held pgtype.Date
		var res []byte
		if err := rows.Scan(&cid, &kind, &held, &a.Call, &a.Members, &a.Present, &res); err != nil {
			rows.Close()
			return err
		}
		a.Kind, a.Date = coop.AssemblyKind(kind), fromDate(held)
		if err := json.Unmarshal(res, &a.Resolutions); err != nil {
			rows.Close()
			return err
		}
		c := &cs[at[cid]]
		c.Assemblies = append(c.Assemblies, a)
	}
	return rows.Err()
}

// readOnly runs fn in a read-only transaction, so that a cooperative and
// its children are read from one snapshot.
func (s *Store) readOnly(ctx context.Context, fn func(pgx.Tx) error) error {
	return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, fn)
}

func (s *Store) getWhere(ctx context.Context, op, where string, arg any, what string) (coop.Cooperative, error) {
	var c coop.Cooperative
	err := s.readOnly(ctx, func(tx pgx.Tx) error {
		var err error
		c, err = scanCoop(tx.QueryRow(ctx, `SELECT `+coopColumns+` FROM cooperatives WHERE `+where, arg))
		if err != nil {
			return err
		}
		cs := []coop.Cooperative{c}
		err = loadChildren(ctx, tx, cs)
		c = cs[0]
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return coop.Cooperative{}, &coop.Error{Code: coop.NotFound, Op: op, Message: what + " not found"}
	}
	return c, mapErr(op, err)
}

// Get implements registry.Store.
func (s *Store) Get(ctx context.Context, id uuid.UUID) (coop.Cooperative, error) {
	return s.getWhere(ctx, "postgres.Get", "id = $1", id, "cooperative "+id.String())
}

// GetByNumber implements registry.Store.
func (s *Store) GetByNumber(ctx context.Context, number string) (coop.Cooperative, error) {
	return s.getWhere(ctx, "postgres.GetByNumber", "registration_number = $1", number, "registration number "+number)
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
		rows, err := tx.Query(ctx, `SELECT `+coopColumns+` FROM cooperatives WHERE `+pageCond+
			` ORDER BY registered_on, id LIMIT $`+strconv.Itoa(len(pageArgs)), pageArgs...)
		if err != nil {
			return err
		}
		items, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (coop.Cooperative, error) { return scanCoop(r) })
		if err != nil {
			return err
		}
		if len(items) > limit {
			items = items[:limit]
			last := items[limit-1]
			p.Next = registry.EncodeCursor(last.RegisteredOn, last.ID)
		}
		if err := loadChildren(ctx, tx, items); err != nil {
			return err
		}
		p.Items = append(p.Items, items...)
		return nil
	})
	if err != nil {
		return registry.Page{}, mapErr(op, err)
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
					rows, err = tx.Query(ctx, `SELECT `+coopColumns+` FROM cooperatives ORDER BY registered_on, id LIMIT $1`, AllBatch)
				} else {
					rows, err = tx.Query(ctx, `SELECT `+coopColumns+` FROM cooperatives WHERE (registered_on, id) > ($1, $2)
						ORDER BY registered_on, id LIMIT $3`, pgDate(after.RegisteredOn), after.ID, AllBatch)
				}
				if err != nil {
					return err
				}
				batch, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (coop.Cooperative, error) { return scanCoop(r) })
				if err != nil {
					return err
				}
				return loadChildren(ctx, tx, batch)
			})
			if err != nil {
				yield(coop.Cooperative{}, mapErr("postgres.All", err))
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

// writeCoop inserts or updates the cooperative's row and rewrites its
// members, share movements, officers and assemblies.
func writeCoop(ctx context.Context, tx pgx.Tx, c *coop.Cooperative, insert bool) error {
	auditor := jsonOrNull(c.Governance.Auditor, c.Governance.Auditor == nil)
	turnover := jsonOrNull(c.Turnover, c.Turnover == nil)
	declared := jsonOrNull(c.Declared, c.Declared == nil)
	folded := coop.Fold(c.Name) + "|" + coop.Fold(c.NameAR)
	args := []any{c.ID, c.Version, string(c.Kind), c.Name, c.NameAR, folded, c.RegistrationNumber, c.Court, pgText(c.ICE.String()),
		string(c.Sector), string(c.Branch), string(c.Province), string(c.Province.Region()), string(c.Province.Delegation()),
		c.Commune, c.Address, pgDate(c.RegisteredOn), string(c.Status), pgDate(c.StatusSince), c.StatusReason, c.Liquidator,
		string(c.FoundedUnder), pgDate(c.ConformedOn), c.Statutes.DurationYears, pgNumeric(c.Statutes.ShareNominal),
		c.Statutes.MinSharesPerMember, c.Statutes.Purpose, pgDate(c.Statutes.AdoptedOn), pgInt(c.MemberCount),
		pgInt(c.LastYearEndMembers), auditor, turnover, declared, pgUUID(c.ApprovalID)}
	args = append(args, recordsOf(c)...)
	var err error
	if insert {
		_, err = tx.Exec(ctx, `INSERT INTO cooperatives (id, version, kind, name, name_ar, name_folded, registration_number, court, ice,
			sector, branch, province, region, delegation, commune, address, registered_on, status, status_since, status_reason,
			liquidator, founded_under, conformed_on, duration_years, share_nominal, min_shares_per_member, purpose,
			statutes_adopted_on, member_count, last_year_end_members, auditor, turnover, declared, approval_id,
			supports, selections, labels, groupings)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$31,$32,$33,$34,$35,$36,$37,$38)`, args...)
	} else {
		_, err = tx.Exec(ctx, `UPDATE cooperatives SET version=$2, kind=$3, name=$4, name_ar=$5, name_folded=$6,
			registration_number=$7, court=$8, ice=$9, sector=$10, branch=$11, province=$12, region=$13, delegation=$14,
			commune=$15, address=$16, registered_on=$17, status=$18, status_since=$19, status_reason=$20, liquidator=$21,
			founded_under=$22, conformed_on=$23, duration_years=$24, share_nominal=$25, min_shares_per_member=$26,
			purpose=$27, statutes_adopted_on=$28, member_count=$29, last_year_end_members=$30, auditor=$31, turnover=$32,
			declared=$33, approval_id=$34, supports=$35, selections=$36, labels=$37, groupings=$38 WHERE id=$1`, args...)
		if err == nil {
			for _, t := range []string{"members", "officers", "assemblies"} {
				if _, err = tx.Exec(ctx, `DELETE FROM `+t+` WHERE cooperative_id = $1`, c.ID); err != nil {
					break
				}
			}
		}
	}
	if err != nil {
		return err
	}
	return copyChildren(ctx, tx, []*coop.Cooperative{c})
}

// copyChildren writes the members, share movements, officers and
// assemblies of the cooperatives with COPY.
func copyChildren(ctx context.Context, tx pgx.Tx, cs []*coop.Cooperative) error {
	var members, moves, officers, assemblies [][]any
	for _, c := range cs {
		for i := range c.Members {
			m := &c.Members[i]
			members = append(members, []any{c.ID, m.ID, m.Number, string(m.Type), m.Name, pgText(m.CIN.String()), pgText(m.ICE.String()),
				pgUUID(m.CooperativeID), string(m.Gender), pgDate(m.BirthDate), pgText(m.Phone.String()), m.Address, m.Occupation,
				pgDate(m.JoinedOn), m.AdmittedBy, pgDate(m.LeftOn), string(m.ExitReason), jsonOrNull(m.Withdrawal, m.Withdrawal == nil), i})
			for j := range m.Shares {
				mv := &m.Shares[j]
				moves = append(moves, []any{c.ID, m.ID, j, string(mv.Kind), pgDate(mv.On), mv.Shares, pgNumeric(mv.Amount),
					pgNullNumeric(mv.Paid), mv.InKind, pgUUID(mv.Counterparty)})
			}
		}
		for body, os := range map[string][]coop.Officer{"board": c.Governance.Directors, "managers": c.Governance.Managers} {
			for i, o := range os {
				officers = append(officers, []any{c.ID, body, i, o.Name, pgUUID(o.MemberID), o.Role, pgDate(o.Since), pgDate(o.Until)})
			}
		}
		for i, a := range c.Assemblies {
			res := a.Resolutions
			if res == nil {
				res = []coop.Resolution{}
			}
			assemblies = append(assemblies, []any{c.ID, i, string(a.Kind), pgDate(a.Date), a.Call, a.Members, a.Present, jsonOrNull(res, false)})
		}
	}
	copies := []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"members", []string{"cooperative_id", "id", "number", "type", "name", "cin", "ice", "member_cooperative_id", "gender", "birth_date",
			"phone", "address", "occupation", "joined_on", "admitted_by", "left_on", "exit_reason", "withdrawal", "position"}, members},
		{"share_movements", []string{"cooperative_id", "member_id", "position", "kind", "on_date", "shares", "amount", "paid", "in_kind", "counterparty"}, moves},
		{"officers", []string{"cooperative_id", "body", "position", "name", "member_id", "role", "since", "until"}, officers},
		{"assemblies", []string{"cooperative_id", "position", "kind", "held_on", "call", "members", "present", "resolutions"}, assemblies},
	}
	for _, cp := range copies {
		if len(cp.rows) == 0 {
			continue
		}
		if len(cp.rows) < 8 {
			// A few rows go faster as one INSERT than as a COPY.
			if err := insertRows(ctx, tx, cp.table, cp.cols, cp.rows); err != nil {
				return err
			}
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{cp.table}, cp.cols, pgx.CopyFromRows(cp.rows)); err != nil {
			return err
		}
	}
	return nil
}

func insertRows(ctx context.Context, tx pgx.Tx, table string, cols []string, rows [][]any) error {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
	var args []any
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(")
		for j := range r {
			if j > 0 {
				b.WriteString(", ")
			}
			args = append(args, r[j])
			b.WriteString("$" + strconv.Itoa(len(args)))
		}
		b.WriteString(")")
	}
	_, err := tx.Exec(ctx, b.String(), args...)
	return err
}

func insertEntry(ctx context.Context, tx pgx.Tx, id uuid.UUID, e *registry.Entry) error {
	change, err := json.Marshal(e.Change)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO journal (cooperative_id, seq, kind, effective, recorded, late, change) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
		id, e.Seq, string(e.Kind), pgDate(e.Effective), e.Recorded, e.Late, change)
	return err
}

// Create implements registry.Store.
func (s *Store) Create(ctx context.Context, c coop.Cooperative, first registry.Entry, number func(int) string) (coop.Cooperative, error) {
	const op = "postgres.Create"
	c = c.Clone()
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if c.ApprovalID != uuid.Nil {
			var status string
			err := tx.QueryRow(ctx, `SELECT status FROM name_approvals WHERE id = $1 FOR UPDATE`, c.ApprovalID).Scan(&status)
			if errors.Is(err, pgx.ErrNoRows) {
				return coop.Errorf(coop.NotFound, "name approval %s not found", c.ApprovalID)
			}
			if err != nil {
				return err
			}
			if status != string(registry.ApprovalApproved) {
				return &coop.Error{Code: coop.Conflict, Message: "the name approval is " + status,
					Fields: []coop.FieldError{{Field: "approval_id", Rule: "unique", Message: "already " + status}}}
			}
		}
		if c.RegistrationNumber == "" && number != nil {
			for {
				var seq int
				if err := tx.QueryRow(ctx, `INSERT INTO registration_sequences (court, year, last) VALUES ($1, $2, 1)
					ON CONFLICT (court, year) DO UPDATE SET last = registration_sequences.last + 1 RETURNING last`,
					c.Court, c.RegisteredOn.Year()).Scan(&seq); err != nil {
					return err
				}
				var taken bool
				if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM cooperatives WHERE registration_number = $1)`, number(seq)).Scan(&taken); err != nil {
					return err
				}
				if !taken {
					c.RegistrationNumber = number(seq)
					break
				}
			}
		}
		if c.RegistrationNumber == "" {
			return &coop.Error{Code: coop.Invalid, Message: "a registration number is required",
				Fields: []coop.FieldError{{Field: "registration_number", Rule: "required", Message: "is required"}}}
		}
		c.Version = 1
		if err := writeCoop(ctx, tx, &c, true); err != nil {
			return err
		}
		e := first.Clone()
		e.Seq = 1
		if e.Change.State != nil {
			e.Change.State.RegistrationNumber = c.RegistrationNumber
		}
		if err := insertEntry(ctx, tx, c.ID, &e); err != nil {
			return err
		}
		if c.ApprovalID != uuid.Nil {
			_, err := tx.Exec(ctx, `UPDATE name_approvals SET status = 'used', cooperative_id = $2, version = version + 1 WHERE id = $1`, c.ApprovalID, c.ID)
			return err
		}
		return nil
	})
	if err != nil {
		return coop.Cooperative{}, mapErr(op, err)
	}
	return c, nil
}

// Update implements registry.Store. The cooperative's row is locked for the
// transaction, so concurrent updates queue and none is lost; the journal
// entry's sequence is the new version.
func (s *Store) Update(ctx context.Context, id uuid.UUID, expect int64, fn func(*coop.Cooperative) (registry.Entry, error)) (coop.Cooperative, error) {
	const op = "postgres.Update"
	var out coop.Cooperative
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		cur, err := scanCoop(tx.QueryRow(ctx, `SELECT `+coopColumns+` FROM cooperatives WHERE id = $1 FOR UPDATE`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return coop.Errorf(coop.NotFound, "cooperative %s not found", id)
		}
		if err != nil {
			return err
		}
		if expect != 0 && cur.Version != expect {
			return &coop.Error{Code: coop.Conflict, Message: "the cooperative changed: version " + strconv.FormatInt(cur.Version, 10) +
				", not " + strconv.FormatInt(expect, 10), Fields: []coop.FieldError{{Field: "version", Rule: "version", Message: "stale"}}}
		}
		cs := []coop.Cooperative{cur}
		if err := loadChildren(ctx, tx, cs); err != nil {
			return err
		}
		c := cs[0].Clone()
		e, err := fn(&c)
		if err != nil {
			return err
		}
		c.ID, c.RegistrationNumber, c.RegisteredOn, c.ApprovalID = cur.ID, cur.RegistrationNumber, cur.RegisteredOn, cur.ApprovalID
		c.Version = cur.Version + 1
		if err := writeCoop(ctx, tx, &c, false); err != nil {
			return err
		}
		e = e.Clone()
		e.Seq = int(c.Version)
		if err := insertEntry(ctx, tx, c.ID, &e); err != nil {
			return err
		}
		out = c
		return nil
	})
	if err != nil {
		return coop.Cooperative{}, mapErr(op, err)
	}
	return out, nil
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
			if err := json.Unmarshal(change, &e.Change); err != nil {
				rows.Close()
				return err
			}
			out = append(out, e)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(out) == 0 {
			return coop.Errorf(coop.NotFound, "cooperative %s not found", id)
		}
		return nil
	})
	if err != nil {
		return nil, mapErr(op, err)
	}
	return out, nil
}

// recordsOf returns the JSON of the cooperative's supports, selections,
// labels and groupings, NULL for none.
func recordsOf(c *coop.Cooperative) []any {
	return []any{jsonOrNull(c.Supports, len(c.Supports) == 0), jsonOrNull(c.Selections, len(c.Selections) == 0),
		jsonOrNull(c.Labels, len(c.Labels) == 0), jsonOrNull(c.Groupings, len(c.Groupings) == 0)}
}
