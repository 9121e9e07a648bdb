package postgres

import (
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// A table's columns are listed once, beside the function that gives a
// row's values in the same order; INSERT, UPDATE, COPY and SELECT are all
// built from them.

// coopColumns are the columns of a cooperative's row, in the order of
// coopRow. name_folded, region and delegation are derived from the name
// and the province, for filtering; they are written, never read back.
var coopColumns = []string{"id", "version", "kind", "name", "name_ar", "name_folded", "registration_number", "court", "ice",
	"sector", "branch", "province", "region", "delegation", "commune", "address", "registered_on", "status", "status_since",
	"status_reason", "liquidator", "founded_under", "conformed_on", "duration_years", "share_nominal", "min_shares_per_member",
	"purpose", "statutes_adopted_on", "member_count", "last_year_end_members", "auditor", "turnover", "declared", "approval_id",
	"supports", "selections", "labels", "groupings", "previous_seats"}

var derivedColumns = map[string]bool{"name_folded": true, "region": true, "delegation": true}

func coopRow(c *coop.Cooperative) []any {
	return []any{c.ID, c.Version, string(c.Kind), c.Name, c.NameAR, coop.Fold(c.Name) + "|" + coop.Fold(c.NameAR), c.RegistrationNumber,
		c.Court, pgText(c.ICE.String()), string(c.Sector), string(c.Branch), string(c.Province), string(c.Province.Region()),
		string(c.Province.Delegation()), c.Commune, c.Address, pgDate(c.RegisteredOn), string(c.Status), pgDate(c.StatusSince),
		c.StatusReason, c.Liquidator, string(c.FoundedUnder), pgDate(c.ConformedOn), c.Statutes.DurationYears,
		pgNumeric(c.Statutes.ShareNominal), c.Statutes.MinSharesPerMember, c.Statutes.Purpose, pgDate(c.Statutes.AdoptedOn),
		pgInt(c.MemberCount), pgInt(c.LastYearEndMembers), jsonOrNull(c.Governance.Auditor, c.Governance.Auditor == nil),
		jsonOrNull(c.Turnover, c.Turnover == nil), jsonOrNull(c.Declared, c.Declared == nil), pgUUID(c.ApprovalID),
		jsonOrNull(c.Supports, len(c.Supports) == 0), jsonOrNull(c.Selections, len(c.Selections) == 0),
		jsonOrNull(c.Labels, len(c.Labels) == 0), jsonOrNull(c.Groupings, len(c.Groupings) == 0),
		jsonOrNull(c.PreviousSeats, len(c.PreviousSeats) == 0)}
}

// selectCoop is the column list scanCoop reads: coopColumns less the
// derived ones.
var selectCoop = func() string {
	var cols []string
	for _, c := range coopColumns {
		if !derivedColumns[c] {
			cols = append(cols, c)
		}
	}
	return strings.Join(cols, ", ")
}()

var memberColumns = []string{"cooperative_id", "id", "number", "type", "name", "cin", "ice", "member_cooperative_id", "gender",
	"birth_date", "phone", "address", "occupation", "joined_on", "admitted_by", "left_on", "exit_reason", "withdrawal", "position"}

func memberRow(cid uuid.UUID, m *coop.Member, position int) []any {
	return []any{cid, m.ID, m.Number, string(m.Type), m.Name, pgText(m.CIN.String()), pgText(m.ICE.String()),
		pgUUID(m.CooperativeID), string(m.Gender), pgDate(m.BirthDate), pgText(m.Phone.String()), m.Address, m.Occupation,
		pgDate(m.JoinedOn), m.AdmittedBy, pgDate(m.LeftOn), string(m.ExitReason), jsonOrNull(m.Withdrawal, m.Withdrawal == nil), position}
}

var movementColumns = []string{"cooperative_id", "member_id", "position", "kind", "on_date", "shares", "amount", "paid", "in_kind", "counterparty"}

func movementRow(cid, mid uuid.UUID, mv *coop.ShareMovement, position int) []any {
	return []any{cid, mid, position, string(mv.Kind), pgDate(mv.On), mv.Shares, pgNumeric(mv.Amount),
		pgNullNumeric(mv.Paid), mv.InKind, pgUUID(mv.Counterparty)}
}

var officerColumns = []string{"cooperative_id", "body", "position", "name", "member_id", "role", "since", "until"}

func officerRow(cid uuid.UUID, body string, o *coop.Officer, position int) []any {
	return []any{cid, body, position, o.Name, pgUUID(o.MemberID), o.Role, pgDate(o.Since), pgDate(o.Until)}
}

var assemblyColumns = []string{"cooperative_id", "position", "kind", "held_on", "call", "members", "present", "resolutions"}

func assemblyRow(cid uuid.UUID, a *coop.Assembly, position int) []any {
	res := a.Resolutions
	if res == nil {
		res = []coop.Resolution{}
	}
	return []any{cid, position, string(a.Kind), pgDate(a.Date), a.Call, a.Members, a.Present, jsonOrNull(res, false)}
}

var journalColumns = []string{"cooperative_id", "seq", "kind", "effective", "recorded", "late", "change"}

func journalRow(cid uuid.UUID, e *registry.Entry) ([]any, error) {
	change, err := registry.EncodeChange(e.Change)
	if err != nil {
		return nil, err
	}
	return []any{cid, e.Seq, string(e.Kind), pgDate(e.Effective), e.Recorded, e.Late, change}, nil
}

var approvalColumns = []string{"id", "version", "name", "name_key", "status", "proposed", "signatories", "province",
	"requested_on", "decided_on", "valid_until", "renewed", "cooperative_id"}

func approvalRow(a *registry.NameApproval) []any {
	proposed := a.Proposed
	if proposed == nil {
		proposed = []string{}
	}
	signatories := a.Signatories
	if signatories == nil {
		signatories = []registry.Signatory{}
	}
	return []any{a.ID, a.Version, a.Name, a.NameKey, string(a.Status), jsonOrNull(proposed, false), jsonOrNull(signatories, false),
		string(a.Province), pgDate(a.RequestedOn), pgDate(a.DecidedOn), pgDate(a.ValidUntil), a.Renewed, pgUUID(a.CooperativeID)}
}

// insertSQL returns an INSERT of rows rows into table.
func insertSQL(table string, cols []string, rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
	n := 0
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range cols {
			if c > 0 {
				b.WriteString(", ")
			}
			n++
			b.WriteString("$" + strconv.Itoa(n))
		}
		b.WriteByte(')')
	}
	return b.String()
}

// updateSQL returns an UPDATE of every column of table but the key ones,
// for a row whose values are in the order of cols, where the key columns
// match.
func updateSQL(table string, cols []string, key ...string) string {
	isKey := map[string]bool{}
	for _, k := range key {
		isKey[k] = true
	}
	var set, where []string
	for i, c := range cols {
		p := "$" + strconv.Itoa(i+1)
		if isKey[c] {
			where = append(where, c+" = "+p)
		} else {
			set = append(set, c+" = "+p)
		}
	}
	return "UPDATE " + table + " SET " + strings.Join(set, ", ") + " WHERE " + strings.Join(where, " AND ")
}

// upsertSQL returns an INSERT of one row that updates every other column
// when a row with the same key exists.
func upsertSQL(table string, cols []string, key ...string) string {
	isKey := map[string]bool{}
	for _, k := range key {
		isKey[k] = true
	}
	var set []string
	for _, c := range cols {
		if !isKey[c] {
			set = append(set, c+" = EXCLUDED."+c)
		}
	}
	return insertSQL(table, cols, 1) + " ON CONFLICT (" + strings.Join(key, ", ") + ") DO UPDATE SET " + strings.Join(set, ", ")
}

var (
	insertCoop     = insertSQL("cooperatives", coopColumns, 1)
	updateCoop     = updateSQL("cooperatives", coopColumns, "id")
	updateMember   = updateSQL("members", memberColumns, "cooperative_id", "id")
	insertJournal  = insertSQL("journal", journalColumns, 1)
	upsertApproval = upsertSQL("name_approvals", approvalColumns, "id")
)
