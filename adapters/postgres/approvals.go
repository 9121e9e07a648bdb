package postgres

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

const approvalColumns = `id, version, name, name_key, status, proposed, signatories, province, requested_on, decided_on, valid_until, renewed, cooperative_id`

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

func approvalArgs(a *registry.NameApproval) []any {
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

// holderConflict turns a clash on the held-name index into a Conflict that
// names the approval holding the name.
func (s *Store) holderConflict(ctx context.Context, op string, err error, key string) error {
	mapped := mapErr(op, err)
	var e *coop.Error
	if !errors.As(mapped, &e) || e.Code != coop.Conflict || len(e.Fields) == 0 || e.Fields[0].Field != "name" {
		return mapped
	}
	h, herr := s.ApprovalHolding(context.WithoutCancel(ctx), key)
	if herr != nil {
		return mapped
	}
	return &coop.Error{Code: coop.Conflict, Op: op, Message: "the name \"" + h.Name + "\" is held by approval " + h.ID.String(),
		Fields: []coop.FieldError{{Field: "name", Rule: "unique", Message: "held by " + h.ID.String()}}}
}

// CreateApproval implements registry.Store.
func (s *Store) CreateApproval(ctx context.Context, a registry.NameApproval) error {
	const op = "postgres.CreateApproval"
	_, err := s.pool.Exec(ctx, `INSERT INTO name_approvals (`+approvalColumns+`) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`, approvalArgs(&a)...)
	if err != nil {
		return s.holderConflict(ctx, op, err, a.NameKey)
	}
	return nil
}

// GetApproval implements registry.Store.
func (s *Store) GetApproval(ctx context.Context, id uuid.UUID) (registry.NameApproval, error) {
	a, err := scanApproval(s.pool.QueryRow(ctx, `SELECT `+approvalColumns+` FROM name_approvals WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return registry.NameApproval{}, coop.Errorf(coop.NotFound, "name approval %s not found", id)
	}
	return a, mapErr("postgres.GetApproval", err)
}

// ApprovalHolding implements registry.Store.
func (s *Store) ApprovalHolding(ctx context.Context, key string) (registry.NameApproval, error) {
	a, err := scanApproval(s.pool.QueryRow(ctx, `SELECT `+approvalColumns+` FROM name_approvals WHERE name_key = $1 AND status IN ('approved', 'used')`, key))
	if errors.Is(err, pgx.ErrNoRows) {
		return registry.NameApproval{}, coop.Errorf(coop.NotFound, "no approval holds the name")
	}
	return a, mapErr("postgres.ApprovalHolding", err)
}

// UpdateApproval implements registry.Store.
func (s *Store) UpdateApproval(ctx context.Context, id uuid.UUID, fn func(*registry.NameApproval) error) (registry.NameApproval, error) {
	const op = "postgres.UpdateApproval"
	var out registry.NameApproval
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		cur, err := scanApproval(tx.QueryRow(ctx, `SELECT `+approvalColumns+` FROM name_approvals WHERE id = $1 FOR UPDATE`, id))
		if errors.Is(err, pgx.ErrNoRows) {
			return coop.Errorf(coop.NotFound, "name approval %s not found", id)
		}
		if err != nil {
			return err
		}
		a := cur.Clone()
		if err := fn(&a); err != nil {
			return err
		}
		a.ID, a.Version = cur.ID, cur.Version+1
		args := approvalArgs(&a)
		if _, err := tx.Exec(ctx, `UPDATE name_approvals SET version=$2, name=$3, name_key=$4, status=$5, proposed=$6, signatories=$7,
			province=$8, requested_on=$9, decided_on=$10, valid_until=$11, renewed=$12, cooperative_id=$13 WHERE id=$1`, args...); err != nil {
			return s.holderConflict(ctx, op, err, a.NameKey)
		}
		out = a
		return nil
	})
	if err != nil {
		return registry.NameApproval{}, mapErr(op, err)
	}
	return out, nil
}
