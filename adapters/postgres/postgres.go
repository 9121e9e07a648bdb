package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrate applies the embedded migrations that the database has not yet
// applied, in order, each in its own transaction, and records them in
// schema_migrations. It is idempotent and safe to run from several
// processes at once (an advisory lock serialises them). It works in the
// pool's search_path.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return mapErr("postgres.Migrate", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(74616177)`); err != nil {
		return mapErr("postgres.Migrate", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(74616177)`) //nolint:errcheck
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return mapErr("postgres.Migrate", err)
	}
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("postgres: migration %s has no version number", base)
		}
		var done bool
		if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`, v).Scan(&done); err != nil {
			return mapErr("postgres.Migrate", err)
		}
		if done {
			continue
		}
		sql, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, string(sql)); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, v, base)
			return err
		})
		if err != nil {
			return &coop.Error{Code: coop.Internal, Op: "postgres.Migrate", Message: "internal error", Err: fmt.Errorf("migration %s: %w", base, err)}
		}
	}
	return nil
}

// constraintFields names the field behind each unique constraint.
var constraintFields = map[string]string{
	"cooperatives_pkey":                    "id",
	"cooperatives_registration_number_key": "registration_number",
	"cooperatives_approval_key":            "approval_id",
	"name_approvals_pkey":                  "id",
	"name_approvals_name_held":             "name",
	"members_pkey":                         "id",
	"journal_pkey":                         "id",
	"cooperatives_approval_id_fkey":        "approval_id",
	"idempotency_keys_pkey":                "key",
}

// mapErr turns a driver error into a coop error whose message says nothing
// of the driver: a unique violation is registry.Taken naming the field, no
// rows NotFound, a check or foreign-key violation Invalid, a connection
// refused, lost or cut Unavailable. A *coop.Error (a refusal of the
// registry's rules) and context errors pass through.
func mapErr(op string, err error) error {
	if err == nil {
		return nil
	}
	var ce *coop.Error
	if errors.As(err, &ce) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return &coop.Error{Code: coop.NotFound, Op: op, Message: "not found"}
	}
	if unavailable(err) {
		return &coop.Error{Code: coop.Unavailable, Op: op, Message: "the registry's database cannot be reached; try again shortly", Err: err}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		field := constraintFields[pe.ConstraintName]
		switch pe.Code {
		case "23505":
			if field == "" {
				field = "id"
			}
			e := registry.Taken(field)
			e.Op, e.Err = op, err
			return e
		case "23503":
			return &coop.Error{Code: coop.NotFound, Op: op, Message: "a record it refers to does not exist",
				Fields: []coop.FieldError{{Field: field, Rule: "exists", Message: "does not exist"}}, Err: err}
		case "23514", "23502", "22001", "22003", "22007", "22008", "22021", "22P05":
			return &coop.Error{Code: coop.Invalid, Op: op, Message: "the value breaks a rule of the registry",
				Fields: []coop.FieldError{{Field: pe.ColumnName, Rule: pe.ConstraintName, Message: "breaks a rule of the registry"}}, Err: err}
		}
	}
	return &coop.Error{Code: coop.Internal, Op: op, Message: "internal error", Err: err}
}

// unavailable reports whether err says that the database cannot serve the
// request now but may shortly: a connection refused, closed or cut (the
// server shutting down or terminating the backend, class 08 and 57P0x), no
// connection or resource to be had (class 53), the database not in a state
// to answer (55000), a lock not granted or a statement cancelled by a
// timeout (55P03, 57014), or a transaction that lost a serialization race
// or a deadlock (40001, 40P01).
func unavailable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "55000", "55P03", "57014", "57P01", "57P02", "57P03", "40001", "40P01":
			return true
		}
		return strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "53")
	}
	var connect *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &connect) || errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, io.EOF) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) || errors.As(err, &ne) || pgconn.SafeToRetry(err)
}
