package httpapi_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/adapters/postgres"
	"github.com/taawun/taawun/registry"
)

// admission is a valid admission of a member, as a JSON body.
func admission(name string) map[string]any {
	return map[string]any{"on": today, "admitted_by": "OGM 2024-06-30", "member": map[string]any{"type": "natural", "name": name},
		"shares": 1, "amount": "100", "paid": "100"}
}

func (e *env) members(id uuid.UUID) int {
	e.t.Helper()
	c, err := e.reg.Get(e.t.Context(), id)
	require.NoError(e.t, err)
	return len(c.Members)
}

func TestIdempotencyKeys(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			e := open(t)
			c := e.registerIn("Coopérative Reprise", "MA-MEK", meknesToken)
			path := fmt.Sprintf("/v1/cooperatives/%s/members", c.ID)
			key := map[string]string{"Idempotency-Key": "admit-nadia-1"}

			first := e.do("POST", path, nationalToken, admission("Nadia"), key)
			require.Equal(t, 201, first.Code, first.Body.String())
			again := e.do("POST", path, nationalToken, admission("Nadia"), key)
			require.Equal(t, 201, again.Code)
			assert.Equal(t, "true", again.Header().Get("Idempotent-Replayed"))
			assert.Equal(t, first.Body.String(), again.Body.String())
			assert.Equal(t, first.Header().Get("ETag"), again.Header().Get("ETag"))
			assert.Equal(t, 7, e.members(c.ID), "one admission")
			// Written since, the cooperative has moved on; the retry still
			// gets the reply of its version, rebuilt from the journal.
			other := e.do("POST", path, nationalToken, admission("Houda"), nil)
			require.Equal(t, 201, other.Code, other.Body.String())
			again = e.do("POST", path, nationalToken, admission("Nadia"), key)
			require.Equal(t, 201, again.Code)
			assert.Equal(t, first.Body.String(), again.Body.String())
			assert.Equal(t, first.Header().Get("ETag"), again.Header().Get("ETag"))
			assert.NotEqual(t, other.Header().Get("ETag"), again.Header().Get("ETag"))
			// Asked for no body, the retry gets the headers alone.
			minimal := e.do("POST", path, nationalToken, admission("Nadia"), map[string]string{"Idempotency-Key": "admit-nadia-1", "Prefer": "return=minimal"})
			require.Equal(t, 201, minimal.Code)
			assert.Empty(t, minimal.Body.String())
			assert.Equal(t, first.Header().Get("ETag"), minimal.Header().Get("ETag"))
			assert.Equal(t, "return=minimal", minimal.Header().Get("Preference-Applied"))
			assert.Equal(t, 8, e.members(c.ID), "one admission each")

			// Another principal with the same key is another request: its own
			// scope decides, and it replays nothing.
			res := e.do("POST", path, casablancaToken, admission("Nadia"), key)
			assert.Equal(t, 403, res.Code, res.Body.String())
			assert.Empty(t, res.Header().Get("Idempotent-Replayed"))
			assert.Equal(t, 8, e.members(c.ID))

			// A replay is authorized again: once the cooperative has moved out
			// of Meknès, the Meknès token's retry is refused.
			mine := map[string]string{"Idempotency-Key": "admit-amal-1"}
			res = e.do("POST", path, meknesToken, admission("Amal"), mine)
			require.Equal(t, 201, res.Code, res.Body.String())
			res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/seat", c.ID), nationalToken,
				map[string]any{"on": today, "province": "MA-ESI", "votes": map[string]any{"for": 6}}, nil)
			require.Equal(t, 200, res.Code, res.Body.String())
			res = e.do("POST", path, meknesToken, admission("Amal"), mine)
			assert.Equal(t, 403, res.Code, res.Body.String())
			assert.Equal(t, 9, e.members(c.ID))

			// The key cannot serve another body.
			res = e.do("POST", path, nationalToken, admission("Autre"), key)
			assert.Equal(t, 422, res.Code)
			// A refused request leaves its key free.
			bad := admission("Saida")
			bad["paid"] = "1"
			bad2 := map[string]string{"Idempotency-Key": "admit-saida-1"}
			res = e.do("POST", path, nationalToken, bad, bad2)
			require.Equal(t, 400, res.Code, res.Body.String())
			res = e.do("POST", path, nationalToken, admission("Saida"), bad2)
			require.Equal(t, 201, res.Code, "the key of a refused request is free: %s", res.Body.String())
			assert.Equal(t, 10, e.members(c.ID))
		})
	}
}

// TestIdempotencyKeys_EveryWrite retries every write route with its key and
// gets the first reply back, the write done once.
func TestIdempotencyKeys_EveryWrite(t *testing.T) {
	for id, cases := range scopeWrites() {
		for i, w := range cases {
			if id == "joinUnion" && i == 1 {
				continue // refused by the law
			}
			if id == "importRegister" {
				continue // takes no key: a retried import is refused (TestRegisterOverHTTP)
			}
			t.Run(fmt.Sprintf("%s/%d", id, i), func(t *testing.T) {
				f := newScopeFixture(t)
				key := map[string]string{"Idempotency-Key": "retry-" + id}
				first := f.e.do("POST", w.path(f), nationalToken, w.body(f), key)
				require.Less(t, first.Code, 300, first.Body.String())
				after := f.state(t)
				again := f.e.do("POST", w.path(f), nationalToken, w.body(f), key)
				require.Equal(t, first.Code, again.Code, again.Body.String())
				assert.Equal(t, "true", again.Header().Get("Idempotent-Replayed"))
				assert.Equal(t, first.Body.String(), again.Body.String())
				assert.Equal(t, after, f.state(t), "the retry did nothing")
			})
		}
	}
}

// TestIdempotencyKeys_NoEviction: thousands of other callers' keys do not
// push a key out before it expires.
func TestIdempotencyKeys_NoEviction(t *testing.T) {
	e := newEnv(t)
	c := e.registerIn("Coopérative Mémoire", "MA-MEK", meknesToken)
	path := fmt.Sprintf("/v1/cooperatives/%s/members", c.ID)
	key := map[string]string{"Idempotency-Key": "national-admission"}
	first := e.do("POST", path, nationalToken, admission("Nadia"), key)
	require.Equal(t, 201, first.Code)

	const others = 10050
	signatories := []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, {"name": "E"}}
	for i := range others {
		res := e.serve("POST", "/v1/name-approvals", casablancaToken, map[string]any{"names": []string{fmt.Sprintf("Coopérative Casa %d", i)},
			"signatories": signatories, "province": "MA-CAS", "requested_on": today}, map[string]string{"Idempotency-Key": fmt.Sprintf("casa-%d", i)})
		require.Equal(t, 201, res.Code, res.Body.String())
		anon := e.serve("POST", "/v1/programs/mourafaka/eligibility", "", map[string]any{"as_of": "2024-06-30",
			"cooperative": map[string]any{"registered_on": "2023-01-01"}}, map[string]string{"Idempotency-Key": fmt.Sprintf("anon-%d", i)})
		require.Equal(t, 200, anon.Code, anon.Body.String())
	}
	again := e.do("POST", path, nationalToken, admission("Nadia"), key)
	require.Equal(t, 201, again.Code)
	assert.Equal(t, "true", again.Header().Get("Idempotent-Replayed"), "the key outlived %d others", 2*others)
	assert.Equal(t, 7, e.members(c.ID))
}

// cancelStore cancels a request at its store write number at, before it
// begins or after it has committed.
type cancelStore struct {
	registry.Store
	writes atomic.Int32
	at     int32
	after  bool
	cancel func()
}

func (s *cancelStore) Write(ctx context.Context, fn func(registry.Tx) error) error {
	n := s.writes.Add(1)
	if n == s.at && !s.after {
		s.cancel()
	}
	err := s.Store.Write(ctx, fn)
	if n == s.at && s.after && err == nil {
		s.cancel()
	}
	return err
}

// TestIdempotencyKeys_Disconnect: a client that goes away before its write
// commits leaves its key free; after, a retry replays the outcome.
func TestIdempotencyKeys_Disconnect(t *testing.T) {
	for name, open := range cancelStores(t) {
		for _, after := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/after-commit=%v", name, after), func(t *testing.T) {
				ctx, cancel := context.WithCancel(context.Background())
				cs := &cancelStore{Store: open(t), after: after, cancel: cancel}
				e := newEnvOn(t, cs)
				c := e.registerIn("Coopérative Coupée", "MA-MEK", meknesToken)
				path := fmt.Sprintf("/v1/cooperatives/%s/members", c.ID)
				key := map[string]string{"Idempotency-Key": "cut-1"}
				// The key's reservation is the request's first write, the
				// admission its second.
				cs.at = cs.writes.Load() + 2
				e.serveCtx(ctx, "POST", path, meknesToken, admission("Nadia"), key)
				want := 6
				if after {
					want = 7
				}
				assert.Equal(t, want, e.members(c.ID))

				res := e.do("POST", path, meknesToken, admission("Nadia"), key)
				require.Equal(t, 201, res.Code, res.Body.String())
				assert.Equal(t, after, res.Header().Get("Idempotent-Replayed") == "true", "replayed only when the first committed")
				assert.Equal(t, 7, e.members(c.ID), "one admission")
			})
		}
	}
}

// cancelStores opens the stores of the disconnect test.
func cancelStores(t *testing.T) map[string]func(*testing.T) registry.Store {
	out := map[string]func(*testing.T) registry.Store{"memory": func(*testing.T) registry.Store { return memory.New() }}
	if os.Getenv("COOP_TEST_DATABASE_URL") != "" {
		out["postgres"] = func(t *testing.T) registry.Store {
			pool, _ := pgPool(t)
			return postgres.New(pool, nil)
		}
	}
	return out
}

// TestIdempotencyKeys_SurviveRestart: on PostgreSQL a key is kept by the
// database, so a retry sent to a new process replays it.
func TestIdempotencyKeys_SurviveRestart(t *testing.T) {
	pool, ok := pgPool(t)
	if !ok {
		t.Skip("needs PostgreSQL: set COOP_TEST_DATABASE_URL")
	}
	var schema string
	require.NoError(t, pool.QueryRow(context.Background(), "SELECT current_schema()").Scan(&schema))
	before := newEnvOn(t, postgres.New(pool, nil))
	c := before.registerIn("Coopérative Durable", "MA-MEK", meknesToken)
	path := fmt.Sprintf("/v1/cooperatives/%s/members", c.ID)
	key := map[string]string{"Idempotency-Key": "durable-1"}
	first := before.do("POST", path, meknesToken, admission("Nadia"), key)
	require.Equal(t, 201, first.Code, first.Body.String())

	restarted := newEnvOn(t, postgres.New(schemaPool(t, os.Getenv("COOP_TEST_DATABASE_URL"), schema), nil))
	again := restarted.do("POST", path, meknesToken, admission("Nadia"), key)
	require.Equal(t, 201, again.Code, again.Body.String())
	assert.Equal(t, "true", again.Header().Get("Idempotent-Replayed"))
	assert.Equal(t, first.Body.String(), again.Body.String())
	assert.Equal(t, 7, restarted.members(c.ID))
}

// TestIdempotencyKeys_Concurrent: requests sent at once with one key make
// one admission; the others replay it or are told the key is in use.
func TestIdempotencyKeys_Concurrent(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			e := open(t)
			c := e.registerIn("Coopérative Simultanée", "MA-MEK", meknesToken)
			path := fmt.Sprintf("/v1/cooperatives/%s/members", c.ID)
			const n = 8
			codes := make([]int, n)
			replayed := make([]bool, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					res := e.serve("POST", path, meknesToken, admission("Nadia"), map[string]string{"Idempotency-Key": "together"})
					codes[i], replayed[i] = res.Code, res.Header().Get("Idempotent-Replayed") == "true"
				}()
			}
			wg.Wait()
			done := 0
			for i := range n {
				switch {
				case codes[i] == 201 && !replayed[i]:
					done++
				case codes[i] == 201 || codes[i] == 409:
				default:
					t.Errorf("request %d answered %d", i, codes[i])
				}
			}
			assert.Equal(t, 1, done, "one request admitted: %v", codes)
			assert.Equal(t, 7, e.members(c.ID))
		})
	}
}

// serve sends a request without checking the response against the
// document (a test of many requests, or of requests cut short).
func (e *env) serve(method, path, token string, body any, header map[string]string) *httptest.ResponseRecorder {
	return e.serveCtx(context.Background(), method, path, token, body, header)
}

func (e *env) serveCtx(ctx context.Context, method, path, token string, body any, header map[string]string) *httptest.ResponseRecorder {
	e.t.Helper()
	req := e.request(method, path, token, body, header).WithContext(ctx)
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec
}
