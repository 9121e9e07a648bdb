package postgres

import (
	"context"
	"encoding/json"
	"iter"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// LoadBatch is the number of cooperatives Load writes per round of COPY.
const LoadBatch = 2000

// Load imports a whole registry with COPY, in one transaction: every
// cooperative as registry.Import would store it (its registration number
// and dates kept, a used name approval holding its name, one "imported"
// journal entry effective on its registration date, recorded at recorded),
// without replaying anything. IDs are assigned with newID where missing.
// Cooperatives are read from seq and written in batches of LoadBatch, so
// the registry is never all in memory. It returns how many were loaded; on
// any error (an invalid cooperative, a name or number already taken) nothing
// is loaded.
func (s *Store) Load(ctx context.Context, seq iter.Seq[coop.Cooperative], recorded time.Time, newID func() uuid.UUID) (int, error) {
	const op = "postgres.Load"
	if newID == nil {
		newID = uuid.New
	}
	recorded = recorded.UTC().Truncate(time.Microsecond)
	n := 0
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		batch := make([]*coop.Cooperative, 0, LoadBatch)
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			err := copyBatch(ctx, tx, batch, recorded, newID)
			batch = batch[:0]
			return err
		}
		for c := range seq {
			c := c.Clone()
			if err := c.Validate(); err != nil {
				return coop.AtField("cooperatives["+itoa(n)+"]", err)
			}
			if c.ID == uuid.Nil {
				c.ID = newID()
			}
			for i := range c.Members {
				if c.Members[i].ID == uuid.Nil {
					c.Members[i].ID = newID()
				}
			}
			c.Version = 1
			batch = append(batch, &c)
			n++
			if len(batch) == LoadBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return flush()
	})
	if err != nil {
		return 0, mapErr(op, err)
	}
	return n, nil
}

func copyBatch(ctx context.Context, tx pgx.Tx, cs []*coop.Cooperative, recorded time.Time, newID func() uuid.UUID) error {
	approvals := make([][]any, 0, len(cs))
	coops := make([][]any, 0, len(cs))
	journal := make([][]any, 0, len(cs))
	for _, c := range cs {
		key := registry.NameKey(c.Name)
		if key == "" {
			return &coop.Error{Code: coop.Invalid, Message: "a cooperative has no usable name",
				Fields: []coop.FieldError{{Field: "name", Rule: "required", Message: c.RegistrationNumber + " has no usable name"}}}
		}
		a := registry.NameApproval{ID: newID(), Version: 1, Proposed: []string{c.Name}, Name: c.Name, NameKey: key, Status: registry.ApprovalUsed,
			Province: c.Province, RequestedOn: c.RegisteredOn, DecidedOn: c.RegisteredOn, ValidUntil: c.RegisteredOn, CooperativeID: c.ID}
		c.ApprovalID = a.ID
		approvals = append(approvals, approvalArgs(&a))
		state := c.Clone()
		change, err := json.Marshal(registry.Change{Kind: registry.ChangeImported, State: &state})
		if err != nil {
			return err
		}
		journal = append(journal, []any{c.ID, 1, string(registry.EntryRegistration), pgDate(c.RegisteredOn), recorded, false, change})
		coops = append(coops, []any{c.ID, c.Version, string(c.Kind), c.Name, c.NameAR, coop.Fold(c.Name) + "|" + coop.Fold(c.NameAR),
			c.RegistrationNumber, c.Court, pgText(c.ICE.String()), string(c.Sector), string(c.Branch), string(c.Province),
			string(c.Province.Region()), string(c.Province.Delegation()), c.Commune, c.Address, pgDate(c.RegisteredOn), string(c.Status),
			pgDate(c.StatusSince), c.StatusReason, c.Liquidator, string(c.FoundedUnder), pgDate(c.ConformedOn), c.Statutes.DurationYears,
			pgNumeric(c.Statutes.ShareNominal), c.Statutes.MinSharesPerMember, c.Statutes.Purpose, pgDate(c.Statutes.AdoptedOn),
			pgInt(c.MemberCount), pgInt(c.LastYearEndMembers), jsonOrNull(c.Governance.Auditor, c.Governance.Auditor == nil),
			jsonOrNull(c.Turnover, c.Turnover == nil), jsonOrNull(c.Declared, c.Declared == nil), pgUUID(c.ApprovalID)})
		coops[len(coops)-1] = append(coops[len(coops)-1], recordsOf(c)...)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"name_approvals"}, []string{"id", "version", "name", "name_key", "status", "proposed",
		"signatories", "province", "requested_on", "decided_on", "valid_until", "renewed", "cooperative_id"}, pgx.CopyFromRows(approvals)); err != nil {
		return err
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"cooperatives"}, []string{"id", "version", "kind", "name", "name_ar", "name_folded",
		"registration_number", "court", "ice", "sector", "branch", "province", "region", "delegation", "commune", "address", "registered_on",
		"status", "status_since", "status_reason", "liquidator", "founded_under", "conformed_on", "duration_years", "share_nominal",
		"min_shares_per_member", "purpose", "statutes_adopted_on", "member_count", "last_year_end_members", "auditor", "turnover",
		"declared", "approval_id", "supports", "selections", "labels", "groupings"}, pgx.CopyFromRows(coops)); err != nil {
		return err
	}
	if err := copyChildren(ctx, tx, cs); err != nil {
		return err
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"journal"}, []string{"cooperative_id", "seq", "kind", "effective", "recorded", "late", "change"},
		pgx.CopyFromRows(journal))
	return err
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
