package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/postgres"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/registry/registrytest"
)

// databaseURL returns COOP_TEST_DATABASE_URL, or skips the test saying so.
func databaseURL(t testing.TB) string {
	url := os.Getenv("COOP_TEST_DATABASE_URL")
	if url == "" {
		t.Skip("PostgreSQL tests skipped: set COOP_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable) to run them")
	}
	return url
}

// freshPool returns a pool whose connections work in a new schema, migrated,
// and drops the schema when the test ends.
func freshPool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	ctx := context.Background()
	url := databaseURL(t)
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "taawun_test_" + hex.EncodeToString(b[:])

	admin, err := pgxpool.New(ctx, url)
	require.NoError(t, err)
	_, err = admin.Exec(ctx, "CREATE SCHEMA "+schema)
	require.NoError(t, err)

	cfg, err := pgxpool.ParseConfig(url)
	require.NoError(t, err)
	cfg.ConnConfig.RuntimeParams["search_path"] = schema
	cfg.MaxConns = 8
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	require.NoError(t, err)
	t.Cleanup(func() {
		pool.Close()
		_, _ = admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	require.NoError(t, postgres.Migrate(ctx, pool))
	require.NoError(t, postgres.Migrate(ctx, pool), "Migrate is idempotent")
	return pool
}

func TestConformance(t *testing.T) {
	databaseURL(t)
	registrytest.Run(t, func(t *testing.T) registry.Store { return postgres.New(freshPool(t), nil) })
}

// TestConformance_NoCache runs the suite with the cache of states turned
// off, so that every read and write reads a cooperative's rows.
func TestConformance_NoCache(t *testing.T) {
	databaseURL(t)
	registrytest.Run(t, func(t *testing.T) registry.Store { return postgres.New(freshPool(t), &postgres.Options{CacheSize: -1}) })
}
