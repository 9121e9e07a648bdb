// Package postgres is a registry.Store on PostgreSQL through
// github.com/jackc/pgx/v5.
//
// The caller owns the *pgxpool.Pool and runs Migrate once, which applies
// the embedded, versioned migrations idempotently. The schema is
// normalised: cooperatives, members, share movements, officers, general
// assemblies, the journal, name approvals and registration sequences, with
// the constraints the database can guard (unique registration numbers,
// unique held names, foreign keys, checks on kinds, statuses, amounts and
// dates). Money is NUMERIC(14,2) and dates are date. Each table's columns
// are listed once (tables.go), beside the function that gives a row.
//
// # Writes
//
// A registry verb is one database transaction (Write): the cooperatives it
// changes are locked with SELECT ... FOR UPDATE in the order of their IDs,
// so that two transactions never deadlock, and their new states and
// journal entries commit together. A write costs the rows it changes, not
// the cooperative: Put compares the new state with the one it locked and
// sends, in one round trip, the cooperative's row, the member rows that
// differ, the share movements appended and the journal entry. A payment
// into a cooperative of 2,000 members writes 3 rows, as it does into one of
// 10 (BenchmarkUpdate).
//
// The store keeps the latest state of the cooperatives it read or wrote
// (Options.CacheSize), keyed by version: a write locks and reads one row
// and uses the kept state when the row's version is the one kept, since a
// version is committed once with one state. Write to the database only
// through this package, so that versions mean that; restore a backup only
// with the services stopped.
//
// Database errors become coop errors: a unique violation is registry.Taken
// naming the field, no rows NotFound, a connection refused or cut
// Unavailable; no driver text reaches a message. All streams the registry
// in batches, and Load stores a bulk import with COPY in one transaction.
//
// Its tests run the registrytest conformance suite, with and without the
// cache, each subtest in a fresh schema, when COOP_TEST_DATABASE_URL is
// set.
package postgres
