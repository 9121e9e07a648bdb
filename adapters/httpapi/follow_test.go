package httpapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/postgres"
)

// TestTwoServers runs two handlers, each with its own registry and pool, on
// one PostgreSQL database, as two servers behind a load balancer: after
// writes through A, every read surface of B shows them once B's read model
// holds A's last commit, which Follow brings within the bound the test
// allows (2 s), and the aggregate ETags differ whenever the bodies do.
func TestTwoServers(t *testing.T) {
	url := os.Getenv("COOP_TEST_DATABASE_URL")
	if url == "" {
		t.Skip("two servers need one PostgreSQL database: set COOP_TEST_DATABASE_URL")
	}
	pool, _ := pgPool(t)
	var schema string
	require.NoError(t, pool.QueryRow(context.Background(), `SELECT current_schema()`).Scan(&schema))
	a := newEnvOn(t, postgres.New(pool, nil))
	storeB := postgres.New(schemaPool(t, url, schema), &postgres.Options{PollInterval: 200 * time.Millisecond})
	t.Cleanup(storeB.Close)
	b := newEnvOn(t, storeB)

	ctx, cancel := context.WithCancel(context.Background())
	followed := make(chan error, 1)
	go func() { followed <- b.reg.Follow(ctx, nil) }()
	t.Cleanup(func() {
		cancel()
		if err := <-followed; !errors.Is(err, context.Canceled) {
			t.Errorf("Follow ended with %v", err)
		}
	})

	c := a.registerIn("Coopérative Partagée", "MA-MEK", meknesToken)
	caught := func() {
		t.Helper()
		pos, err := a.reg.Position(t.Context())
		require.NoError(t, err)
		wait, stop := context.WithTimeout(t.Context(), 2*time.Second)
		defer stop()
		m, err := b.reg.WaitModel(wait, pos)
		require.NoError(t, err, "B holds A's commit %d within 2 s", pos)
		assert.GreaterOrEqual(t, m.Version(), pos)
	}
	caught()

	reads := []struct {
		name, method, path string
		body               any
		header             map[string]string
	}{
		{"cooperative", "GET", "/v1/cooperatives/" + c.ID.String(), nil, nil},
		{"listing", "GET", "/v1/cooperatives?province=MA-MEK", nil, nil},
		{"stats", "GET", "/v1/stats?by=region,sector&as_of=" + today.String(), nil, nil},
		{"national", "GET", "/v1/stats/national?as_of=" + today.String(), nil, nil},
		{"screening", "POST", "/v1/screenings", map[string]any{"as_of": today.String()}, nil},
		{"screening-ndjson", "POST", "/v1/screenings", map[string]any{"as_of": today.String()}, map[string]string{"Accept": "application/x-ndjson"}},
		{"state", "GET", "/v1/cooperatives/" + c.ID.String() + "/state?date=" + today.String(), nil, nil},
		{"journal", "GET", "/v1/cooperatives/" + c.ID.String() + "/journal", nil, nil},
		{"register", "GET", "/v1/register?province=MA-MEK&as_of=" + today.String(), nil, map[string]string{"Accept": "text/csv"}},
	}
	read := func(e *env) map[string]*httptest.ResponseRecorder {
		out := map[string]*httptest.ResponseRecorder{}
		for _, r := range reads {
			res := e.do(r.method, r.path, nationalToken, r.body, r.header)
			require.Equal(t, 200, res.Code, "%s: %s", r.name, res.Body.String())
			out[r.name] = res
		}
		return out
	}
	before := read(b)
	for _, r := range reads {
		assert.Equal(t, before[r.name].Body.String(), read(a)[r.name].Body.String(), "%s: A and B agree before the writes", r.name)
	}

	// Writes through A: admissions, a payment and a second cooperative.
	path := fmt.Sprintf("/v1/cooperatives/%s/members", c.ID)
	for _, name := range []string{"Nadia", "Houda", "Samira"} {
		res := a.do("POST", path, nationalToken, admission(name), nil)
		require.Equal(t, 201, res.Code, res.Body.String())
	}
	a.registerIn("Coopérative Seconde", "MA-MEK", meknesToken)
	caught()

	after, fromA := read(b), read(a)
	for _, r := range reads {
		assert.Equal(t, fromA[r.name].Body.String(), after[r.name].Body.String(), "%s: B shows A's writes", r.name)
		assert.NotEqual(t, before[r.name].Body.String(), after[r.name].Body.String(), "%s: the writes show", r.name)
		if etag := after[r.name].Header().Get("ETag"); etag != "" && r.method == "GET" && r.name != "cooperative" {
			assert.Equal(t, fromA[r.name].Header().Get("ETag"), etag, "%s: one state, one ETag on both servers", r.name)
			assert.NotEqual(t, before[r.name].Header().Get("ETag"), etag, "%s: another body, another ETag", r.name)
			// The old ETag is not answered 304 any more.
			res := b.do("GET", r.path, nationalToken, nil, map[string]string{"If-None-Match": before[r.name].Header().Get("ETag")})
			assert.Equal(t, 200, res.Code, "%s", r.name)
		}
	}
	assert.Equal(t, fromA["cooperative"].Header().Get("ETag"), after["cooperative"].Header().Get("ETag"))

	// A write through B is read by B at once, and followed by A's model.
	res := b.do("POST", path, nationalToken, admission("Amal"), nil)
	require.Equal(t, 201, res.Code, res.Body.String())
	res = b.do("GET", "/v1/stats?by=region,sector&as_of="+today.String(), nationalToken, nil, nil)
	require.Equal(t, 200, res.Code)
	assert.NotEqual(t, after["stats"].Body.String(), res.Body.String(), "a writer reads its own write")
	assert.NotEqual(t, after["stats"].Header().Get("ETag"), res.Header().Get("ETag"))
}
