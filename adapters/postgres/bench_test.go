package postgres_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/adapters/postgres"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats/synthetic"
)

var (
	national     []coop.Cooperative
	nationalOnce sync.Once
)

func nationalRegistry() []coop.Cooperative {
	nationalOnce.Do(func() { national = synthetic.Generate(nil) })
	return national
}

// BenchmarkLoadNational imports the synthetic national registry (60,939
// cooperatives, 764,000 members) with COPY into an empty schema; one op is
// the whole registry.
func BenchmarkLoadNational(b *testing.B) {
	coops := nationalRegistry()
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		reg := registry.New(postgres.New(freshPool(b), nil), nil)
		b.StartTimer()
		n, err := reg.Import(ctx, slices.Values(coops))
		if err != nil || n != len(coops) {
			b.Fatalf("loaded %d: %v", n, err)
		}
	}
}

// rowsWritten returns the rows inserted, updated and deleted in the tables
// of the pool's schema, as pg_stat_user_tables counts them. The pool has
// one connection: the statistics of its backend are flushed first.
func rowsWritten(b *testing.B, pool *pgxpool.Pool) int64 {
	b.Helper()
	ctx := context.Background()
	if _, err := pool.Exec(ctx, `SELECT pg_stat_force_next_flush()`); err != nil {
		b.Fatal(err)
	}
	var n int64
	if err := pool.QueryRow(ctx, `SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint
		FROM pg_stat_user_tables WHERE schemaname = current_schema()`).Scan(&n); err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkUpdate pays shares into one cooperative of 10 or 2,000 members:
// one op is one payment, a registry write through the store. rows/op is
// what the write costs the database (rows inserted, updated and deleted in
// every table, from pg_stat_user_tables); it does not grow with the
// cooperative, and neither should ns/op.
func BenchmarkUpdate(b *testing.B) {
	for _, members := range []int{10, 2000} {
		b.Run(fmt.Sprintf("members=%d", members), func(b *testing.B) {
			ctx := context.Background()
			pool := freshPool(b)
			one := pool.Config().Copy()
			one.MaxConns = 1
			single, err := pgxpool.NewWithConfig(ctx, one)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(single.Close)
			today := coop.MustParseDate("2024-06-30")
			reg := registry.New(postgres.New(single, nil), &registry.Options{Now: func() time.Time { return today.Time() }})
			c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212, Name: "Coopérative Iskane",
				RegistrationNumber: "1/MEK/2020/1", Court: "MEK", RegisteredOn: coop.MustParseDate("2020-01-15"), Province: "MA-MEK",
				Sector: coop.Housing, Statutes: coop.Statutes{DurationYears: 99, ShareNominal: coop.MustParseMAD("100")}}
			for i := range members {
				c.Members = append(c.Members, coop.Member{Type: coop.Natural, Name: fmt.Sprintf("Membre %d", i+1), Number: i + 1,
					Shares: []coop.ShareMovement{{Kind: coop.Subscription, On: c.RegisteredOn, Shares: 10, Amount: coop.MustParseMAD("1000"),
						Paid: decimal.NewNullDecimal(coop.MustParseMAD("250"))}}})
			}
			stored, err := reg.ImportOne(ctx, c)
			if err != nil {
				b.Fatal(err)
			}
			pay := registry.Payment{On: today, Amount: coop.MustParseMAD("0.01")}
			// One payment first, so that the store has read the cooperative
			// once, as it has in a running service.
			if _, err := reg.PayShares(ctx, stored.ID, stored.Members[0].ID, pay); err != nil {
				b.Fatal(err)
			}
			before := rowsWritten(b, single)
			i := 0
			for b.Loop() {
				if _, err := reg.PayShares(ctx, stored.ID, stored.Members[i%members].ID, pay); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(rowsWritten(b, single)-before)/float64(i), "rows/op")
		})
	}
}

// loaded is a schema holding the national registry, shared by the read
// benchmarks of one run.
var (
	loadedPool *pgxpool.Pool
)

func loadedStore(b *testing.B) *postgres.Store {
	if loadedPool == nil {
		// The schema lives until the benchmark that made it ends; the read
		// benchmarks each load their own.
		loadedPool = freshPool(b)
		b.Cleanup(func() { loadedPool = nil })
		if _, err := registry.New(postgres.New(loadedPool, nil), nil).Import(context.Background(), slices.Values(nationalRegistry())); err != nil {
			b.Fatal(err)
		}
		if _, err := loadedPool.Exec(context.Background(), "ANALYZE"); err != nil {
			b.Fatal(err)
		}
	}
	return postgres.New(loadedPool, nil)
}

// percentiles reports p50 and p99 of the durations as metrics.
func percentiles(b *testing.B, ds []time.Duration) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	at := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) }
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}

// BenchmarkGet reads cooperatives by registration number from the national
// registry.
func BenchmarkGet(b *testing.B) {
	store := loadedStore(b)
	coops := nationalRegistry()
	ctx := context.Background()
	var ds []time.Duration
	i := 0
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		if _, err := store.GetByNumber(ctx, coops[(i*7919)%len(coops)].RegistrationNumber); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
		i++
	}
	percentiles(b, ds)
}

// BenchmarkListFiltered lists the first page (50) of a delegation's
// agricultural cooperatives with the total.
func BenchmarkListFiltered(b *testing.B) {
	store := loadedStore(b)
	ctx := context.Background()
	delegations := []coop.DelegationID{"meknes", "casablanca", "agadir", "oujda", "marrakech"}
	var ds []time.Duration
	i := 0
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		p, err := store.List(ctx, registry.Filter{Delegation: delegations[i%len(delegations)], Sector: coop.Agriculture, Limit: 50})
		if err != nil || len(p.Items) == 0 {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
		i++
	}
	percentiles(b, ds)
}
