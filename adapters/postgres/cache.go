package postgres

import (
	"sync"
	"sync/atomic"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// cache keeps the latest state of the cooperatives the store read or
// wrote, so that a write to a cooperative of thousands of members reads
// one row, not thousands. An entry is used only when its version is the
// version of the row just read, which holds exactly that state: a version
// is committed once, with one state.
//
// A write stages its new states before it commits, so that the next writer,
// who takes the row's lock the moment the commit releases it, finds them:
// until the commit, the row still says the old version and the staged
// state is never used; if the commit fails, the write withdraws what it
// staged (unless a later write replaced it). Entries are immutable
// snapshots, shared with readers. When the cache is full, an arbitrary
// entry makes room.
type cache struct {
	mu   sync.Mutex
	max  int
	m    map[uuid.UUID]cached
	next atomic.Uint64
}

type cached struct {
	state coop.Cooperative
	owner uint64 // the write that staged it; 0 for a state read
}

func newCache(max int) *cache { return &cache{max: max, m: map[uuid.UUID]cached{}} }

// get returns the state of cooperative id at version v, if kept.
func (c *cache) get(id uuid.UUID, v int64) (coop.Cooperative, bool) {
	if c.max <= 0 {
		return coop.Cooperative{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[id]
	if !ok || e.state.Version != v {
		return coop.Cooperative{}, false
	}
	return e.state, true
}

// put keeps a state read from the database, unless a later one is kept.
func (c *cache) put(s coop.Cooperative) { c.keep(s, 0) }

func (c *cache) keep(s coop.Cooperative, owner uint64) {
	if c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if cur, ok := c.m[s.ID]; ok && cur.state.Version > s.Version {
		return
	}
	if _, ok := c.m[s.ID]; !ok && len(c.m) >= c.max {
		for id := range c.m {
			delete(c.m, id)
			break
		}
	}
	c.m[s.ID] = cached{s, owner}
}

// stage keeps the states a write is about to commit and returns the token
// that withdraws them.
func (c *cache) stage(states []coop.Cooperative) uint64 {
	owner := c.next.Add(1)
	for _, s := range states {
		c.keep(s, owner)
	}
	return owner
}

// withdraw removes what the write of token staged, when its commit failed.
func (c *cache) withdraw(token uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, e := range c.m {
		if e.owner == token {
			delete(c.m, id)
		}
	}
}
