package postgres_test

import (
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/postgres"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/registry/registrytest"
	"github.com/taawun/taawun/stats/synthetic"
)

// TestFault cuts the store's connections in the middle of a batch of
// operations, by terminating their backends from a second connection.
// Afterwards every cooperative is either fully before or fully after each
// operation: its version is the length of its journal, and replaying the
// journal gives its stored state.
func TestFault(t *testing.T) {
	pool := freshPool(t)
	ctx := context.Background()
	var schema string
	require.NoError(t, pool.QueryRow(ctx, "SELECT current_schema()").Scan(&schema))

	// The store's own pool, tagged so that only its backends are cut.
	cfg := pool.Config().Copy()
	cfg.ConnConfig.RuntimeParams["application_name"] = "fault-" + schema
	// Never ping before use: a cut connection must fail the operation that
	// gets it, so that the test sees operations fail, not a pool that heals.
	cfg.ShouldPing = func(context.Context, pgxpool.ShouldPingParams) bool { return false }
	victims, err := pgxpool.NewWithConfig(ctx, cfg)
	require.NoError(t, err)
	t.Cleanup(victims.Close)

	h := registrytest.NewHarness(t, func(*testing.T) registry.Store { return postgres.New(victims, nil) })
	var ids []coop.Cooperative
	for _, name := range []string{"Faute Un", "Faute Deux", "Faute Trois", "Faute Quatre"} {
		ids = append(ids, h.Register(name, registrytest.Today, 5))
	}

	const ops = 240
	cut := make(chan struct{})
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the killer: cuts the store's backends each time it is told
		defer wg.Done()
		for range cut {
			_, err := pool.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, "fault-"+schema)
			assert.NoError(t, err)
			done <- struct{}{}
		}
	}()
	succeeded := map[int]int{}
	for i := 0; i < ops; i++ {
		if i%60 == 30 {
			cut <- struct{}{}
			<-done
		}
		c := ids[i%len(ids)]
		_, err := h.Reg.PayShares(ctx, c.ID, c.Members[i%5].ID, registry.Payment{On: registrytest.Today, Amount: coop.MustParseMAD("1")})
		if err == nil {
			succeeded[i%len(ids)]++
		} else {
			assert.Equal(t, coop.Unavailable, coop.ErrorCode(err), "a cut connection is Unavailable: %v", err)
			assert.NotContains(t, coop.ErrorMessage(err), "terminat", "no driver text in the message")
		}
	}
	close(cut)
	wg.Wait()

	failures := ops
	for k, c := range ids {
		got, err := h.Reg.Get(ctx, c.ID)
		require.NoError(t, err)
		j, err := h.Reg.Journal(ctx, c.ID)
		require.NoError(t, err)
		require.Equal(t, int64(len(j)), got.Version, "version = journal length")
		for i, e := range j {
			require.Equal(t, i+1, e.Seq)
		}
		payments := len(j) - 1
		assert.GreaterOrEqual(t, payments, succeeded[k], "every acknowledged payment is there")
		failures -= payments
		_, paid := got.CapitalAt(registrytest.Today)
		assert.True(t, paid.Equal(coop.MustParseMAD("1250").Add(coop.MustParseMAD("1").Mul(decimalOf(payments)))),
			"state and journal agree: %s paid after %d payments", paid, payments)
		replayed, err := h.Reg.StateAt(ctx, c.ID, registrytest.Today)
		require.NoError(t, err)
		_, rpaid := replayed.CapitalAt(registrytest.Today)
		assert.True(t, paid.Equal(rpaid), "replaying the journal gives the state: %s vs %s", rpaid, paid)
	}
	assert.Positive(t, failures, "the cuts made some operations fail")
	t.Logf("%d of %d operations failed when their connection was cut; none was half-applied", failures, ops)
}

func decimalOf(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }

func TestLoad(t *testing.T) {
	pool := freshPool(t)
	ctx := context.Background()
	store := postgres.New(pool, nil)
	reg := registry.New(store, nil)
	coops := synthetic.Generate(&synthetic.Options{Seed: 5, Cooperatives: 3000})
	n, err := reg.Import(ctx, slices.Values(coops))
	require.NoError(t, err)
	require.Equal(t, 3000, n)

	var seen, members int
	for c, err := range store.All(ctx) {
		require.NoError(t, err)
		seen++
		members += len(c.Members)
	}
	assert.Equal(t, 3000, seen)
	want := 0
	for _, c := range coops {
		want += len(c.Members)
	}
	assert.Equal(t, want, members)

	got, err := store.GetByNumber(ctx, coops[1234].RegistrationNumber)
	require.NoError(t, err)
	assert.Equal(t, coops[1234].Name, got.Name)
	assert.Equal(t, coops[1234].RegisteredOn, got.RegisteredOn)
	s1, p1 := coops[1234].CapitalAt(synthetic.AsOf)
	s2, p2 := got.CapitalAt(synthetic.AsOf)
	assert.True(t, s1.Equal(s2) && p1.Equal(p2), "%s/%s vs %s/%s", s1, p1, s2, p2)
	assert.Equal(t, coops[1234].Members[3].BirthDate, got.Members[3].BirthDate)

	p, err := store.List(ctx, registry.Filter{Delegation: "meknes", Limit: 1})
	require.NoError(t, err)
	wantMeknes := 0
	for _, c := range coops {
		if c.Province.Delegation() == "meknes" {
			wantMeknes++
		}
	}
	assert.Equal(t, wantMeknes, p.Total)

	// Loading again clashes on IDs, names and numbers, and loads nothing.
	_, err = reg.Import(ctx, slices.Values(coops[:10]))
	require.ErrorIs(t, err, coop.ErrConflict)
	var count int
	require.NoError(t, pool.QueryRow(ctx, "SELECT count(*) FROM cooperatives").Scan(&count))
	assert.Equal(t, 3000, count)
}
