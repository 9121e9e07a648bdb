package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

var selectApproval = strings.Join(approvalColumns, ", ")

func scanApproval(row pgx.Row) (registry.NameApproval, error) {
	var a registry.NameApproval
	var status, province string
	var proposed, signatories []byte
	var requested, decided, valid pgtype.Date
	var coopID pgtype.UUID
	if err := row.Scan(&a.ID, &a.Version, &a.Name, &a.NameKey, &status, &proposed, &signatories, &province,
		&requested, &decided, &valid, &a.Renewed, &coopID); err != nil {
		return a, err
	}
	a.Status, a.Province = registry.ApprovalStatus(status), coop.ProvinceCode(province)
	a.RequestedOn, a.DecidedOn, a.ValidUntil, a.CooperativeID = fromDate(requested), fromDate(decided), fromDate(valid), fromUUID(coopID)
	if err := json.Unmarshal(proposed, &a.Proposed); err != nil {
		return a, err
	}
	return a, json.Unmarshal(signatories, &a.Signatories)
}

// approval reads one approval, or NotFound as what.
func approval(ctx context.Context, q querier, op, what, sql string, arg any) (registry.NameApproval, error) {
	a, err := scanApproval(q.QueryRow(ctx, sql, arg))
	if errors.Is(err, pgx.ErrNoRows) {
		return registry.NameApproval{}, registry.NotFound(what)
	}
	if err != nil {
		return registry.NameApproval{}, mapErr(op, errors.Join(ctx.Err(), err))
	}
	return a, nil
}

// GetApproval implements registry.Store.
func (s *Store) GetApproval(ctx context.Context, id uuid.UUID) (registry.NameApproval, error) {
	return approval(ctx, s.pool, "postgres.GetApproval", "name approval "+id.String(),
		`SELECT `+selectApproval+` FROM name_approvals WHERE id = $1`, id)
}

// ApprovalHolding implements registry.Store.
func (s *Store) ApprovalHolding(ctx context.Context, key string) (registry.NameApproval, error) {
	return approval(ctx, s.pool, "postgres.ApprovalHolding", "holder of the name",
		`SELECT `+selectApproval+` FROM name_approvals WHERE name_key = $1 AND status IN ('approved', 'used')`, key)
}

// LockApproval implements registry.Tx.
func (t *pgTx) LockApproval(id uuid.UUID) (registry.NameApproval, error) {
	return approval(t.ctx, t.tx, "postgres.LockApproval", "name approval "+id.String(),
		`SELECT `+selectApproval+` FROM name_approvals WHERE id = $1 FOR UPDATE`, id)
}

// ApprovalHolding implements registry.Tx.
func (t *pgTx) ApprovalHolding(key string) (registry.NameApproval, error) {
	return approval(t.ctx, t.tx, "postgres.ApprovalHolding", "holder of the name",
		`SELECT `+selectApproval+` FROM name_approvals WHERE name_key = $1 AND status IN ('approved', 'used') FOR UPDATE`, key)
}

// PutApproval implements registry.Tx: the partial unique index on held
// names refuses a second holder.
func (t *pgTx) PutApproval(a registry.NameApproval) error {
	if _, err := t.tx.Exec(t.ctx, upsertApproval, approvalRow(&a)...); err != nil {
		return t.fail("postgres.PutApproval", err)
	}
	return nil
}
