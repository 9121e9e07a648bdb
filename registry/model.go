package registry

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
)

// readModel keeps the registry's read model current with the store.
type readModel struct {
	// mu is held by the one goroutine that brings the model up to date.
	mu   sync.Mutex
	live *readmodel.Live
	cur  atomic.Pointer[readmodel.Model]
	// dirty counts the commits through this registry (and loads), each
	// counted once it is made; clean is the count the last update of the
	// model began after, so that it holds every commit counted up to
	// clean. The model may be old while clean < dirty.
	dirty, clean atomic.Uint64
	// size is what the last load left in the registry: the size of the
	// first model expected.
	size readmodel.Size
	// builds counts the models read whole from the store.
	builds atomic.Int64
	// advanced is closed, and replaced, whenever cur advances.
	advMu    sync.Mutex
	advanced chan struct{}
}

// ReadModel returns the compact read model of the registry (package
// coop/readmodel), for screening (programs.Catalogue.ScreenModel) and
// statistics (stats.NationalModel) at national scale, at its Version: the
// position of the store's last commit it holds.
//
// The model is derived, never a second source of truth. The first call
// reads it whole from the store (Store.Snapshot, which a store serves by
// streaming its tables); after that it is kept current change by change:
// a commit through this registry makes the next call apply the
// cooperatives changed since the model's version (Store.Changed), at the
// cost of those cooperatives, not of the registry. So a call never returns
// a model older than the last write this registry committed before the
// call began: a writer reads its own writes. Commits made by other
// processes on a shared store (a second server on one PostgreSQL
// database) are applied by Follow, which a server runs beside its
// handler. Concurrent callers share one update, and a model, once
// returned, never changes: keep it for as long as a request needs one
// state of the registry.
//
// When the store cannot be reached to bring the model up to date, ReadModel
// returns the store's error (Unavailable) rather than a model it knows to
// be old.
func (r *Registry) ReadModel(ctx context.Context) (*readmodel.Model, error) {
	if m := r.model.cur.Load(); m != nil && r.model.clean.Load() == r.model.dirty.Load() {
		return m, nil
	}
	return r.catchUp(ctx, false)
}

// ModelBuilds returns how many times the registry has read its read model
// whole from the store: once at the first ReadModel, and again only when
// the store could not tell what changed (Store.Changed's Gone).
func (r *Registry) ModelBuilds() int64 { return r.model.builds.Load() }

// catchUp brings the model up to the store's last commit when a commit
// through this registry may have made it old
// or when force is set, and returns it.
func (r *Registry) catchUp(ctx context.Context, force bool) (*readmodel.Model, error) {
	const op = "registry.ReadModel"
	rm := &r.model
	rm.mu.Lock()
	defer rm.mu.Unlock()
	// Every commit counted by now is in the store, so the update that
	// begins here reads it.
	dirty := rm.dirty.Load()
	if rm.live != nil && rm.clean.Load() == dirty && !force {
		return rm.live.Model(), nil
	}
	m, err := r.advance(ctx)
	if err != nil {
		// The next reader tries again.
		return nil, wrap(op, err)
	}
	rm.clean.Store(dirty)
	if prev := rm.cur.Swap(m); prev != m {
		rm.advMu.Lock()
		if rm.advanced != nil {
			close(rm.advanced)
			rm.advanced = nil
		}
		rm.advMu.Unlock()
	}
	return m, nil
}

// advance applies what changed since the model's version, or reads the
// model whole when there is none yet or the store cannot tell what
// changed. r.model.mu is held.
func (r *Registry) advance(ctx context.Context) (*readmodel.Model, error) {
	rm := &r.model
	if rm.live != nil {
		cur := rm.live.Model()
		// Beyond an eighth of the registry, reading it whole costs less
		// than reading each changed cooperative.
		limit := max(1024, cur.Len()/8)
		set, err := r.store.Changed(ctx, cur.Version(), limit)
		if err != nil {
			return nil, err
		}
		if !set.Gone {
			if set.Position == cur.Version() && len(set.Cooperatives) == 0 {
				return cur, nil
			}
			return rm.live.Apply(set.Position, set.Cooperatives)
		}
	}
	return r.build(ctx)
}

// build reads the model whole from the store. r.model.mu is held.
func (r *Registry) build(ctx context.Context) (*readmodel.Model, error) {
	rm := &r.model
	expect := rm.size
	if rm.live != nil {
		expect = rm.live.Model().Size()
	}
	// Room for what commits meanwhile.
	expect.Cooperatives += expect.Cooperatives / 64
	expect.Members += expect.Members / 64
	expect.Moves += expect.Moves / 64
	var b readmodel.Builder
	b.Grow(expect.Cooperatives, expect.Members, expect.Moves)
	n := 0
	pos, err := r.store.Snapshot(ctx, func(c *coop.Cooperative) error {
		if n++; n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b.Add(c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	m, err := b.Model()
	if err != nil {
		return nil, err
	}
	rm.live = readmodel.NewLive(m, pos)
	rm.builds.Add(1)
	return rm.live.Model(), nil
}

// staleModel records that a commit through this registry may have made the
// read model old.
func (r *Registry) staleModel() { r.model.dirty.Add(1) }

// WaitModel returns the read model once it holds the commit at position
// (Position), bringing it up to date first when this registry committed
// since; it waits for Follow to apply the commits of other processes, and
// returns ctx's error if ctx is done first.
func (r *Registry) WaitModel(ctx context.Context, position uint64) (*readmodel.Model, error) {
	for {
		m, err := r.ReadModel(ctx)
		if err != nil {
			return nil, err
		}
		if m.Version() >= position {
			return m, nil
		}
		rm := &r.model
		rm.advMu.Lock()
		if rm.advanced == nil {
			rm.advanced = make(chan struct{})
		}
		ch := rm.advanced
		rm.advMu.Unlock()
		if cur := rm.cur.Load(); cur != nil && cur.Version() >= position {
			return cur, nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// Position returns the position of the store's last commit (see
// Store.Position): a read model at that version (WaitModel) holds every
// change committed until now.
func (r *Registry) Position(ctx context.Context) (uint64, error) {
	p, err := r.store.Position(ctx)
	return p, wrap("registry.Position", err)
}

// Ping returns nil when the store answers, Unavailable otherwise. A store
// that is not a Pinger (the memory store) always answers.
func (r *Registry) Ping(ctx context.Context) error {
	if p, ok := r.store.(Pinger); ok {
		return wrap("registry.Ping", p.Ping(ctx))
	}
	return ctx.Err()
}

// FollowOptions configures Follow. A nil *FollowOptions means the defaults.
type FollowOptions struct {
	// MinInterval is the least time between two updates of the model
	// (default 50 ms): the commits made meanwhile are applied together.
	MinInterval time.Duration
	// OnError receives each error Follow meets (the store unreachable, a
	// value the read model cannot hold); Follow retries after a pause that
	// doubles up to 5 seconds. Nil discards them.
	OnError func(error)
}

// Follow keeps the read model current with the commits that other
// processes make to a store they share with this registry (a Notifier:
// servers on one PostgreSQL database): it waits for each commit and
// applies it, so that every surface that reads the model (statistics,
// screening) shows a write made anywhere within the store's notification
// delay plus MinInterval and the time to apply it, or within the store's
// polling interval when a notification is lost. It builds the model first
// when there is none. It runs until ctx is done and returns ctx's error.
// For a store that is not a Notifier, no other process writes: Follow
// waits for ctx.
func (r *Registry) Follow(ctx context.Context, opts *FollowOptions) error {
	o := FollowOptions{MinInterval: 50 * time.Millisecond}
	if opts != nil {
		if opts.MinInterval > 0 {
			o.MinInterval = opts.MinInterval
		}
		o.OnError = opts.OnError
	}
	n, ok := r.store.(Notifier)
	if !ok {
		<-ctx.Done()
		return ctx.Err()
	}
	pause := func(d time.Duration) bool {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return true
		case <-ctx.Done():
			return false
		}
	}
	var backoff time.Duration
	fail := func(err error) bool {
		if ctx.Err() != nil {
			return false
		}
		if o.OnError != nil {
			o.OnError(err)
		}
		backoff = min(max(2*backoff, 100*time.Millisecond), 5*time.Second)
		return pause(backoff)
	}
	for ctx.Err() == nil {
		var after uint64
		if m := r.model.cur.Load(); m != nil {
			after = m.Version()
		}
		if err := n.WaitCommit(ctx, after); err != nil {
			if !fail(err) {
				break
			}
			continue
		}
		if _, err := r.catchUp(ctx, true); err != nil {
			if errors.Is(err, context.Canceled) && ctx.Err() != nil {
				break
			}
			if !fail(err) {
				break
			}
			continue
		}
		backoff = 0
		if !pause(o.MinInterval) {
			break
		}
	}
	return ctx.Err()
}
