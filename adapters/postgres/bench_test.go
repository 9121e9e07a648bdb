package postgres_test

import (
	"context"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

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
	reg := nationalRegistry()
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		pool := freshPool(b)
		store := postgres.New(pool)
		b.StartTimer()
		n, err := store.Load(ctx, slices.Values(reg), time.Now(), nil)
		if err != nil || n != len(reg) {
			b.Fatalf("loaded %d: %v", n, err)
		}
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
		if _, err := postgres.New(loadedPool).Load(context.Background(), slices.Values(nationalRegistry()), time.Now(), nil); err != nil {
			b.Fatal(err)
		}
		if _, err := loadedPool.Exec(context.Background(), "ANALYZE"); err != nil {
			b.Fatal(err)
		}
	}
	return postgres.New(loadedPool)
}

// percentiles reports p50 and p99 of the durations as metrics.
func percentiles(b *testing.B, ds []time.Duration) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	at := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) }
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
}

// BenchmarkGet reads cooperatives by ID from the national registry.
func BenchmarkGet(b *testing.B) {
	store := loadedStore(b)
	reg := nationalRegistry()
	ctx := context.Background()
	var ds []time.Duration
	i := 0
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		if _, err := store.GetByNumber(ctx, reg[(i*7919)%len(reg)].RegistrationNumber); err != nil {
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
