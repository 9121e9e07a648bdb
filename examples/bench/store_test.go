package bench_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// BenchmarkMemoryStore reads and writes the national registry held by the
// memory adapter, which keeps each member register in compact columns and
// rebuilds a cooperative when it is read:
//
//   - snapshot: a new registry over the loaded store builds its read model
//     from the store's Snapshot, every cooperative read once.
//   - get/largest, get/median: Store.Get of the cooperative with the most
//     members (a housing cooperative), and of one of median size.
//   - subscribe+model/largest: a share subscription by a member of the
//     largest cooperative, then the registry's read model at the new
//     version (the change applied, as a live service reads after a write).
func BenchmarkMemoryStore(b *testing.B) {
	ctx := context.Background()
	store := memory.New()
	opts := &registry.Options{Now: func() time.Time { return imported }}
	r := registry.New(store, opts)
	if _, err := r.Import(ctx, slices.Values(national())); err != nil {
		b.Fatal(err)
	}
	var all []coop.Cooperative
	for c, err := range store.All(ctx) {
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, coop.Cooperative{ID: c.ID, Members: c.Members[:min(len(c.Members), 1)], Statutes: c.Statutes, Version: int64(len(c.Members))})
	}
	slices.SortFunc(all, func(x, y coop.Cooperative) int { return int(x.Version - y.Version) })
	largest, median := all[len(all)-1], all[len(all)/2]
	b.Logf("largest %d members, median %d", largest.Version, median.Version)

	b.Run("snapshot", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := registry.New(store, opts).ReadModel(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, c := range []struct {
		name string
		coop coop.Cooperative
	}{{"largest", largest}, {"median", median}} {
		b.Run("get/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := store.Get(ctx, c.coop.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("subscribe+model/largest", func(b *testing.B) {
		if _, err := r.ReadModel(ctx); err != nil {
			b.Fatal(err)
		}
		in := registry.Subscription{On: coop.DateOf(imported), Shares: 1, Amount: largest.Statutes.ShareNominal, Paid: largest.Statutes.ShareNominal}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := r.SubscribeShares(ctx, largest.ID, largest.Members[0].ID, in); err != nil {
				b.Fatal(err)
			}
			if _, err := r.ReadModel(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
