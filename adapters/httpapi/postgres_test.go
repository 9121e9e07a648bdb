package httpapi_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/postgres"
)

// pgPool returns a pool working in a fresh, migrated schema of
// COOP_TEST_DATABASE_URL, dropped when the test ends, and ok false when no
// database is configured.
func pgPool(t *testing.T) (*pgxpool.Pool, bool) {
	t.Helper()
	url := os.Getenv("COOP_TEST_DATABASE_URL")
	if url == "" {
		return nil, false
	}
	ctx := context.Background()
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "taawun_http_" + hex.EncodeToString(b[:])
	admin, err := pgxpool.New(ctx, url)
	require.NoError(t, err)
	_, err = admin.Exec(ctx, "CREATE SCHEMA "+schema)
	require.NoError(t, err)
	t.Cleanup(func() {
		_, _ = admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	pool := schemaPool(t, url, schema)
	require.NoError(t, postgres.Migrate(ctx, pool))
	return pool, true
}

// schemaPool opens a pool whose connections work in schema: a new process
// on the same database.
func schemaPool(t *testing.T, url, schema string) *pgxpool.Pool {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(url)
	require.NoError(t, err)
	cfg.ConnConfig.RuntimeParams["search_path"] = schema
	cfg.MaxConns = 8
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	return pool
}

// stores returns the stores a test runs on: memory, and PostgreSQL when
// COOP_TEST_DATABASE_URL is set (the test logs that it is not otherwise).
func stores(t *testing.T) map[string]func(t *testing.T) *env {
	out := map[string]func(t *testing.T) *env{"memory": newEnv}
	if os.Getenv("COOP_TEST_DATABASE_URL") == "" {
		t.Log("PostgreSQL not tried: set COOP_TEST_DATABASE_URL to run these tests on it too")
		return out
	}
	out["postgres"] = func(t *testing.T) *env {
		pool, _ := pgPool(t)
		return newEnvOn(t, postgres.New(pool, nil))
	}
	return out
}

// TestUnavailable: when the database cannot be reached, reads and writes
// are answered 503 with Retry-After, not 500, and no driver text leaks.
func TestUnavailable(t *testing.T) {
	cfg, err := pgxpool.ParseConfig("postgres://taawun@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	require.NoError(t, err)
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	e := newEnvOn(t, postgres.New(pool, nil))
	for _, tt := range []struct{ method, path, token string }{
		{"GET", "/v1/cooperatives", ""},
		{"GET", "/v1/cooperatives/6f1c2a6e-0000-4000-8000-000000000001", ""},
		{"GET", "/v1/stats?by=region", ""},
		{"POST", "/v1/cooperatives/6f1c2a6e-0000-4000-8000-000000000001/members", meknesToken},
	} {
		var body any
		if tt.method == "POST" {
			body = admission("Nadia")
		}
		res := e.do(tt.method, tt.path, tt.token, body, nil)
		require.Equal(t, 503, res.Code, "%s %s: %s", tt.method, tt.path, res.Body.String())
		require.NotEmpty(t, res.Header().Get("Retry-After"))
		require.Contains(t, res.Body.String(), `"code":"unavailable"`)
		require.NotContains(t, res.Body.String(), "127.0.0.1")
		require.NotContains(t, res.Body.String(), "connect")
	}
	// Not ready while the database refuses connections.
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	require.Equal(t, 503, rec.Code)
	require.NotEmpty(t, rec.Header().Get("Retry-After"))
	require.JSONEq(t, `{"status":"unavailable"}`, rec.Body.String())
}
