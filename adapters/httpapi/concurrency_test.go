package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// TestNoTornRead has 32 clients read a cooperative by ID while one writer
// pays up a member's shares, on every store. Each read must be exactly the
// state the journal gives at the read's version: the registration and the
// payments up to it, applied in order, redacted for a client outside
// the cooperative's scope. A read that mixed two versions, or
// showed a payment its version does not hold, would differ from it.
func TestNoTornRead(t *testing.T) {
	const (
		readers  = 32
		payments = 24
	)
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			e := open(t)
			co := e.registerUnpaid("Coopérative Lecture")
			member := co.Members[0].ID
			path := "/v1/cooperatives/" + co.ID.String()

			var (
				wg      sync.WaitGroup
				done    = make(chan struct{})
				mu      sync.Mutex
				reads   []readAt
				written []int
				// committed counts the payments made; readBy[k] is closed
				// once a read begun after k payments has answered, so that
				// the writer knows reads happen before and between its
				// writes, whatever the scheduler does.
				committed atomic.Int64
				readBy    = [2]chan struct{}{make(chan struct{}), make(chan struct{})}
				once      [2]sync.Once
			)
			for r := range readers {
				// Half the clients are outside the cooperative's scope and
				// read it redacted, from the same shared snapshots.
				token, redacted := nationalToken, false
				if r%2 == 1 {
					token, redacted = casablancaToken, true
				}
				wg.Go(func() {
					var mine []readAt
					for {
						select {
						case <-done:
							mu.Lock()
							reads = append(reads, mine...)
							mu.Unlock()
							return
						default:
						}
						k := min(committed.Load(), 1)
						rec := httptest.NewRecorder()
						e.h.ServeHTTP(rec, e.request("GET", path, token, nil, nil))
						mine = append(mine, readAt{code: rec.Code, body: rec.Body.Bytes(), redacted: redacted})
						once[k].Do(func() { close(readBy[k]) })
					}
				})
			}
			<-readBy[0]
			for i := range payments {
				body := fmt.Sprintf(`{"on":"2024-06-%02d","amount":"10"}`, 1+i)
				rec := httptest.NewRecorder()
				e.h.ServeHTTP(rec, e.request("POST", path+"/members/"+member.String()+"/payments", meknesToken, body, nil))
				written = append(written, rec.Code)
				committed.Add(1)
				if i == 0 {
					<-readBy[1]
				}
			}
			close(done)
			wg.Wait()

			for i, code := range written {
				require.Equal(t, 200, code, "payment %d", i+1)
			}
			journal, err := e.reg.Journal(t.Context(), co.ID)
			require.NoError(t, err)
			require.Len(t, journal, 1+payments)
			states := replay(t, journal)

			require.NotEmpty(t, reads)
			versions := map[int64]int{}
			for _, rd := range reads {
				require.Equal(t, 200, rd.code, string(rd.body))
				var got coop.Cooperative
				require.NoError(t, json.Unmarshal(rd.body, &got))
				require.True(t, got.Version >= 1 && got.Version <= int64(len(states)), "version %d", got.Version)
				state := states[got.Version-1]
				if rd.redacted {
					state = state.Redacted()
				}
				want, err := json.Marshal(state)
				require.NoError(t, err)
				require.JSONEq(t, string(want), string(rd.body), "the read at version %d is the journal's state", got.Version)
				versions[got.Version]++
			}
			assert.Greater(t, len(versions), 1, "the reads saw the writes happen")
			t.Logf("%d reads over %d versions", len(reads), len(versions))
		})
	}
}

// readAt is one read's answer.
type readAt struct {
	code     int
	body     []byte
	redacted bool
}

// replay returns the state after each entry of journal, applied in order
// from the first: states[v-1] is the state at version v.
func replay(t *testing.T, journal []registry.Entry) []coop.Cooperative {
	t.Helper()
	var (
		cur    coop.Cooperative
		states []coop.Cooperative
	)
	for i, en := range journal {
		require.Equal(t, i+1, en.Seq, "the journal is in order")
		en.Change.Apply(&cur, en.Effective)
		cur.Version = int64(en.Seq)
		states = append(states, cur.Clone())
	}
	return states
}

// registerUnpaid registers a cooperative in Meknès whose founders have
// paid a quarter of their shares (art. 26), so that payments can follow.
func (e *env) registerUnpaid(name string) coop.Cooperative {
	e.t.Helper()
	on := coop.MustParseDate("2024-05-02")
	res := e.do("POST", "/v1/name-approvals", meknesToken, map[string]any{"names": []string{name},
		"signatories": []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, {"name": "E"}},
		"province":    "MA-MEK", "requested_on": on, "decided_on": on}, nil)
	require.Equal(e.t, 201, res.Code, res.Body.String())
	a := decode[registry.NameApproval](e.t, res)
	founders := []map[string]any{}
	for i := range 5 {
		founders = append(founders, map[string]any{"member": map[string]any{"type": "natural", "name": fmt.Sprintf("Fondatrice %d", i+1),
			"gender": "female", "cin": fmt.Sprintf("E%06d", 200000+i), "birth_date": fmt.Sprintf("1988-03-%02d", i+1)},
			"shares": 10, "amount": "1000", "paid": "250"})
	}
	res = e.do("POST", "/v1/cooperatives", meknesToken, map[string]any{"approval_id": a.ID, "kind": "cooperative", "registered_on": on,
		"sector": "agriculture", "province": "MA-MEK", "statutes": map[string]any{"duration_years": 99, "share_nominal": "100"},
		"founders": founders, "governance": map[string]any{"managers": []map[string]any{{"name": "Amina"}}}}, nil)
	require.Equal(e.t, 201, res.Code, res.Body.String())
	return decode[coop.Cooperative](e.t, res)
}
