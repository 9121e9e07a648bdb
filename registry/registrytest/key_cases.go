package registrytest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// Advance moves the clock on by d.
func (h *Harness) Advance(d time.Duration) { h.now.Add(int64(d)) }

// encodeVersion records a cooperative outcome as its version.
func encodeVersion(v any) ([]byte, error) {
	c, ok := v.(coop.Cooperative)
	if !ok {
		return nil, errors.New("not a cooperative")
	}
	return []byte(fmt.Sprintf("%s@%d", c.ID, c.Version)), nil
}

func keyRule(t require.TestingT, err error) string {
	var e *coop.Error
	require.True(t, errors.As(err, &e), "%v", err)
	require.Equal(t, coop.Conflict, e.Code, "%v", err)
	require.NotEmpty(t, e.Fields)
	return e.Fields[0].Rule
}

func testIdempotencyKeys(h *Harness) {
	t := h.T
	c := h.Register("Clés", d("2024-01-10"), 5)
	m := c.Members[0].ID
	pay := registry.Payment{On: Today, Amount: mad("10")}

	_, res, err := h.Reg.BeginKey(h.Ctx, "ministry|pay|k1", "body-1")
	require.NoError(t, err)
	require.NotNil(t, res)
	// While the request runs, the key is in use.
	_, _, err = h.Reg.BeginKey(h.Ctx, "ministry|pay|k1", "body-1")
	assert.Equal(t, registry.KeyInProgress, keyRule(t, err))
	got, err := h.Reg.PayShares(h.Ctx, c.ID, m, pay, registry.Once(res, encodeVersion))
	require.NoError(t, err)
	assert.Equal(t, int64(2), got.Version)

	// A retry finds the outcome, kept with the cooperative it changed.
	rec, again, err := h.Reg.BeginKey(h.Ctx, "ministry|pay|k1", "body-1")
	require.NoError(t, err)
	assert.Nil(t, again)
	assert.True(t, rec.Done)
	want, _ := encodeVersion(got)
	assert.Equal(t, want, rec.Result)
	assert.Equal(t, []uuid.UUID{c.ID}, rec.Cooperatives)
	// The key cannot serve another request.
	_, _, err = h.Reg.BeginKey(h.Ctx, "ministry|pay|k1", "body-2")
	assert.Equal(t, registry.KeyReused, keyRule(t, err))

	// A refused write leaves the key reserved until released, then free.
	_, res, err = h.Reg.BeginKey(h.Ctx, "ministry|pay|k2", "body-3")
	require.NoError(t, err)
	_, err = h.Reg.PayShares(h.Ctx, c.ID, m, registry.Payment{On: Today, Amount: mad("1000000")}, registry.Once(res, encodeVersion))
	CheckCode(t, err, coop.Invalid)
	require.NoError(t, h.Reg.Release(h.Ctx, res))
	_, res, err = h.Reg.BeginKey(h.Ctx, "ministry|pay|k2", "body-3")
	require.NoError(t, err, "a released key is free")
	require.NotNil(t, res)
	assert.Equal(t, [2]int64{2, 2}, h.version(c.ID))

	// A reservation whose request died lapses; the write that held it can no
	// longer complete it, and changes nothing.
	h.Advance(registry.DefaultKeyLease + time.Second)
	_, taken, err := h.Reg.BeginKey(h.Ctx, "ministry|pay|k2", "body-3")
	require.NoError(t, err)
	_, err = h.Reg.PayShares(h.Ctx, c.ID, m, pay, registry.Once(res, encodeVersion))
	assert.Equal(t, registry.KeyInProgress, keyRule(t, err))
	assert.Equal(t, [2]int64{2, 2}, h.version(c.ID))
	require.NoError(t, h.Reg.Release(h.Ctx, res), "releasing a lapsed reservation leaves the new one")
	_, _, err = h.Reg.BeginKey(h.Ctx, "ministry|pay|k2", "body-3")
	assert.Equal(t, registry.KeyInProgress, keyRule(t, err))
	require.NoError(t, h.Reg.Release(h.Ctx, taken))

	// A done key is kept for the TTL, not evicted before, and then expires.
	h.Advance(registry.DefaultKeyTTL - registry.DefaultKeyLease - 2*time.Second)
	n, err := h.Reg.PurgeKeys(h.Ctx)
	require.NoError(t, err)
	assert.Equal(t, 0, n, "nothing expired yet")
	rec, _, err = h.Reg.BeginKey(h.Ctx, "ministry|pay|k1", "body-1")
	require.NoError(t, err)
	assert.True(t, rec.Done, "kept until it expires")
	h.Advance(time.Minute)
	n, err = h.Reg.PurgeKeys(h.Ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	_, res, err = h.Reg.BeginKey(h.Ctx, "ministry|pay|k1", "body-2")
	require.NoError(t, err, "an expired key is free for any request")
	require.NotNil(t, res)
}

// failingKeyStore fails writing a key's outcome, inside the transaction,
// after the change was made.
type failingKeyStore struct{ registry.Store }

func (f *failingKeyStore) Write(ctx context.Context, fn func(registry.Tx) error) error {
	return f.Store.Write(ctx, func(tx registry.Tx) error { return fn(&failingKeyTx{tx}) })
}

type failingKeyTx struct{ registry.Tx }

func (t *failingKeyTx) PutKey(registry.KeyRecord) error { return errFault }

func testKeyWithTheChange(h *Harness) {
	t := h.T
	c := h.Register("Clé et Changement", d("2024-01-10"), 5)
	_, res, err := h.Reg.BeginKey(h.Ctx, "ministry|pay|k3", "body")
	require.NoError(t, err)
	// The outcome cannot be kept: the change is not committed either.
	_, err = h.Over(&failingKeyStore{h.Store}).PayShares(h.Ctx, c.ID, c.Members[0].ID, registry.Payment{On: Today, Amount: mad("10")},
		registry.Once(res, encodeVersion))
	require.ErrorIs(t, err, errFault)
	assert.Equal(t, [2]int64{1, 1}, h.version(c.ID))
	_, _, err = h.Reg.BeginKey(h.Ctx, "ministry|pay|k3", "body")
	assert.Equal(t, registry.KeyInProgress, keyRule(t, err), "the key is still only reserved")

	// Many requests with one key at once: one effect.
	const n = 6
	var wg sync.WaitGroup
	var mu sync.Mutex
	done, outcomes := 0, map[string]int{}
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec, res, err := h.Reg.BeginKey(h.Ctx, "ministry|pay|k4", "body")
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil:
				outcomes[keyRule(t, err)]++
				return
			case rec.Done:
				outcomes["replayed"]++
				return
			}
			mu.Unlock()
			_, err = h.Reg.PayShares(h.Ctx, c.ID, c.Members[1].ID, registry.Payment{On: Today, Amount: mad("10")}, registry.Once(res, encodeVersion))
			mu.Lock()
			if err == nil {
				done++
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 1, done, "one request did the payment: %v", outcomes)
	assert.Equal(t, [2]int64{2, 2}, h.version(c.ID))
}
