package coop_test

import (
	"context"
	"iter"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

func TestInBatches(t *testing.T) {
	for _, tc := range []struct {
		n, workers, size int
	}{
		{0, 2, 4}, {1, 1, 4}, {7, 3, 2}, {1000, 4, 64}, {1000, 0, 0}, {513, 2, 256},
	} {
		reg := make([]coop.Cooperative, tc.n)
		want := 0
		for i := range reg {
			reg[i].Version = int64(i + 1)
			want += i + 1
		}
		workers := coop.Workers(tc.workers)
		sums := make([]int, workers)
		seen := make([]int, workers)
		n, err := coop.InBatches(context.Background(), slices.Values(reg), tc.workers, tc.size, func(w int, batch []coop.Cooperative) {
			if tc.size > 0 {
				assert.LessOrEqual(t, len(batch), tc.size)
			}
			for i := range batch {
				sums[w] += int(batch[i].Version)
				seen[w]++
			}
		})
		require.NoError(t, err)
		total, count := 0, 0
		for w := range sums {
			total += sums[w]
			count += seen[w]
		}
		assert.Equal(t, tc.n, n, "%+v", tc)
		assert.Equal(t, tc.n, count, "every cooperative once: %+v", tc)
		assert.Equal(t, want, total, "%+v", tc)
	}
}

func TestInBatches_Cancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	endless := iter.Seq[coop.Cooperative](func(yield func(coop.Cooperative) bool) {
		for yield(coop.Cooperative{}) {
		}
	})
	batches := 0
	_, err := coop.InBatches(ctx, endless, 1, 8, func(int, []coop.Cooperative) {
		batches++
		if batches == 3 {
			cancel()
		}
	})
	require.ErrorIs(t, err, context.Canceled)
	assert.GreaterOrEqual(t, batches, 3)
}
