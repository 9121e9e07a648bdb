package fan_test

import (
	"context"
	"iter"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/internal/fan"
)

func TestChunks(t *testing.T) {
	for _, tc := range []struct {
		n, workers, batch int
	}{
		{0, 2, 4}, {1, 1, 4}, {7, 3, 2}, {1000, 4, 64}, {1000, 0, 0}, {513, 2, 256},
	} {
		seq := make([]int, tc.n)
		want := 0
		for i := range seq {
			seq[i] = i + 1
			want += i + 1
		}
		workers := fan.Workers(tc.workers)
		sums := make([]int, workers)
		seen := make([]int, workers)
		n, err := fan.Chunks(context.Background(), slices.Values(seq), tc.workers, tc.batch, func(w int, chunk []int) {
			if tc.batch > 0 {
				assert.LessOrEqual(t, len(chunk), tc.batch)
			}
			for _, x := range chunk {
				sums[w] += x
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
		assert.Equal(t, tc.n, count, "every element once: %+v", tc)
		assert.Equal(t, want, total, "%+v", tc)
	}
}

func TestChunks_Cancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	endless := iter.Seq[int](func(yield func(int) bool) {
		for i := 0; yield(i); i++ {
		}
	})
	chunks := 0
	_, err := fan.Chunks(ctx, endless, 1, 8, func(int, []int) {
		chunks++
		if chunks == 3 {
			cancel()
		}
	})
	require.ErrorIs(t, err, context.Canceled)
	assert.GreaterOrEqual(t, chunks, 3)
}
