// Package postgres is a registry.Store on PostgreSQL through
// github.com/jackc/pgx/v5.
//
// The caller owns the *pgxpool.Pool and runs Migrate once, which applies
// the embedded, versioned migrations idempotently. The schema is
// normalised: cooperatives, members, share movements, officers, general
// assemblies, the journal, name approvals and registration sequences, with
// the constraints the database can guard (unique registration numbers,
// unique held names, foreign keys, checks on kinds, statuses, amounts and
// dates). Money is NUMERIC(14,2) and dates are date.
//
// Every operation is one transaction: a cooperative's state and its journal
// entry commit together or not at all; Update locks the row and checks the
// version. Database errors become coop errors (a unique violation a
// Conflict naming the field, no rows NotFound) and no driver text reaches a
// message. All streams the registry in batches, and Load imports a whole
// registry with COPY.
//
// Its tests run the registrytest conformance suite, each subtest in a fresh
// schema, when COOP_TEST_DATABASE_URL is set.
package postgres
