package postgres

import (
	"context"
	"iter"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// LoadBatch is the number of cooperatives Load writes per round of COPY:
// what a load holds in memory beside the database, a few megabytes, so that
// several loads at once stay small.
const LoadBatch = 500

// Load implements registry.Store: the records are written with COPY in
// batches of LoadBatch, in one transaction, so that the registry is never
// all in memory and a clash (a unique ID, number or held name) or an error
// of the sequence stores nothing.
func (s *Store) Load(ctx context.Context, records iter.Seq2[registry.Record, error]) (int, error) {
	const op = "postgres.Load"
	n := 0
	var seqErr error
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		batch := make([]*registry.Record, 0, LoadBatch)
		var ids []uuid.UUID
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			for _, r := range batch {
				ids = append(ids, r.Cooperative.ID)
			}
			err := copyBatch(ctx, tx, batch)
			batch = batch[:0]
			return err
		}
		for rec, err := range records {
			if err != nil {
				seqErr = err
				return err
			}
			batch = append(batch, &rec)
			n++
			if len(batch) == LoadBatch {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		return s.recordCommit(ctx, tx, ids)
	})
	if err != nil {
		if seqErr != nil && err == seqErr {
			return 0, err
		}
		return 0, s.fail(ctx, op, err)
	}
	return n, nil
}

func copyBatch(ctx context.Context, tx pgx.Tx, recs []*registry.Record) error {
	var approvals, coops, members, moves, officers, assemblies, journal [][]any
	for _, r := range recs {
		c := &r.Cooperative
		approvals = append(approvals, approvalRow(&r.Approval))
		coops = append(coops, coopRow(c))
		for i := range c.Members {
			m := &c.Members[i]
			members = append(members, memberRow(c.ID, m, i))
			for j := range m.Shares {
				moves = append(moves, movementRow(c.ID, m.ID, &m.Shares[j], j))
			}
		}
		for body, os := range map[string][]coop.Officer{boardBody: c.Governance.Directors, managersBody: c.Governance.Managers} {
			for i := range os {
				officers = append(officers, officerRow(c.ID, body, &os[i], i))
			}
		}
		for i := range c.Assemblies {
			assemblies = append(assemblies, assemblyRow(c.ID, &c.Assemblies[i], i))
		}
		j, err := journalRow(c.ID, &r.First)
		if err != nil {
			return err
		}
		journal = append(journal, j)
	}
	for _, cp := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"name_approvals", approvalColumns, approvals},
		{"cooperatives", coopColumns, coops},
		{"members", memberColumns, members},
		{"share_movements", movementColumns, moves},
		{"officers", officerColumns, officers},
		{"assemblies", assemblyColumns, assemblies},
		{"journal", journalColumns, journal},
	} {
		if len(cp.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{cp.table}, cp.cols, pgx.CopyFromRows(cp.rows)); err != nil {
			return err
		}
	}
	return nil
}
