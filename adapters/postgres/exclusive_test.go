package postgres_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/postgres"
)

// TestExclusive: two servers' stores on one schema run the same named work
// one after the other; the second waits on the lock the first holds, and
// work of another name does not wait.
func TestExclusive(t *testing.T) {
	pool := freshPool(t)
	ctx := context.Background()
	first, second := postgres.New(pool, nil), postgres.New(pool, nil)

	holding, release := make(chan struct{}), make(chan struct{})
	firstDone := make(chan error, 1)
	go func() {
		firstDone <- first.Exclusive(ctx, "load", func(context.Context) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding

	entered := make(chan struct{})
	secondDone := make(chan error, 1)
	go func() {
		secondDone <- second.Exclusive(ctx, "load", func(context.Context) error {
			close(entered)
			return nil
		})
	}()
	// The second waits on the advisory lock: the database says so.
	for {
		var waiting int
		require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE '%pg_advisory_lock(hashtextextended%'`).Scan(&waiting))
		if waiting > 0 {
			break
		}
	}
	select {
	case <-entered:
		t.Fatal("the second ran while the first held the lock")
	default:
	}
	require.NoError(t, second.Exclusive(ctx, "another", func(context.Context) error { return nil }), "another name does not wait")

	close(release)
	require.NoError(t, <-firstDone)
	require.NoError(t, <-secondDone)
	<-entered

	// A cancelled wait gives up with the context's error.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	err := first.Exclusive(cctx, "load", func(context.Context) error { return nil })
	assert.ErrorIs(t, err, context.Canceled)
}
