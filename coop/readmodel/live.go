package readmodel

import (
	"fmt"
	"maps"
	"slices"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// Live keeps a Model current with a registry, change by change. It starts
// from the model of the registry's state at a version; each Apply makes the
// model of a later version from the cooperatives that changed, copying the
// page of each (PageSize cooperatives, their members untouched) and
// appending the changed cooperative's members and share movements, so that
// it costs what the change touched, not the size of the registry. The
// members a change replaces are reclaimed when they outnumber the live ones
// of their page, by compacting that page alone.
//
// A Live is used by one goroutine at a time (registry.Registry holds it
// under a lock); the models it makes are immutable and safe for
// concurrent use, and each stays valid after later ones are made.
type Live struct {
	m     *Model
	dict  dictionary
	index map[uuid.UUID]int32
}

// NewLive starts a Live from m, the model of a registry's state at version
// (the position of the last commit it holds). m is the Live's from then
// on: nothing else may build on it.
func NewLive(m *Model, version uint64) *Live {
	nm := *m
	nm.version = version
	l := &Live{m: &nm, index: make(map[uuid.UUID]int32, nm.n)}
	l.dict.reset(&nm)
	for i := range nm.n {
		l.index[nm.ID(i)] = int32(i)
	}
	return l
}

// Model returns the latest model.
func (l *Live) Model() *Model { return l.m }

// Version returns the version of the latest model.
func (l *Live) Version() uint64 { return l.m.version }

// Apply returns the model at version: the latest one with each cooperative
// of cs in its new state, replacing the one with its ID, or added when the
// model does not hold it. A value the compact form cannot hold (as
// Builder.Add) is an Invalid error naming the cooperative by its ID, and
// the latest model stays what it was. version must not be below the
// latest model's.
func (l *Live) Apply(version uint64, cs []coop.Cooperative) (*Model, error) {
	const op = "readmodel.Apply"
	if version < l.m.version {
		return nil, &coop.Error{Code: coop.Internal, Op: op, Message: "internal error",
			Err: fmt.Errorf("the model is at version %d, not below it at %d", l.m.version, version)}
	}
	nm := *l.m
	nm.version = version
	nm.pages = slices.Clone(l.m.pages)
	owned := map[int]bool{}
	var added []uuid.UUID
	var errs coop.Fields
	for i := range cs {
		c := &cs[i]
		at := "cooperatives[" + c.ID.String() + "]"
		if idx, ok := l.index[c.ID]; ok {
			pn, k := int(idx>>pageBits), int(idx&pageMask)
			p := nm.own(pn, owned)
			old := p.coops[k]
			next, ok := nm.encode(&l.dict, &errs, p, pn, c, at)
			if !ok {
				continue
			}
			gone := Size{Members: int(old.members[1] - old.members[0]), Moves: int(old.moves[1] - old.moves[0])}
			p.deadMembers += gone.Members
			p.deadMoves += gone.Moves
			nm.size.Members -= gone.Members
			nm.size.Moves -= gone.Moves
			p.coops[k], p.names[k] = next, c.Name
			switch {
			case next.flags&flagMoreFacts != 0:
				setMoreFacts(p, k, c.Declared, nm.facts)
			case old.flags&flagMoreFacts != 0:
				delete(p.moreFacts, k)
			}
			switch {
			case next.flags&flagMoved != 0:
				setSeats(p, k, c.PreviousSeats)
			case old.flags&flagMoved != 0:
				delete(p.seats, k)
			}
			p.compactIfSparse()
			continue
		}
		n := nm.n
		if n>>pageBits >= maxPages {
			errs.Add(at, "range", "", "more cooperatives than a model holds")
			continue
		}
		pn := n >> pageBits
		if n&pageMask == 0 {
			nm.pages = append(nm.pages, &page{})
			owned[pn] = true
		}
		p := nm.own(pn, owned)
		next, ok := nm.encode(&l.dict, &errs, p, pn, c, at)
		if !ok {
			continue
		}
		p.add(next, c, nm.facts)
		nm.n++
		l.index[c.ID] = int32(n)
		added = append(added, c.ID)
	}
	if err := errs.Err(op, "the registry has values the read model cannot hold"); err != nil {
		for _, id := range added {
			delete(l.index, id)
		}
		// The lists of the latest model are what it numbers; what this
		// call appended beyond them is never read.
		l.dict.reset(l.m)
		return nil, err
	}
	nm.size.Cooperatives = nm.n
	l.m = &nm
	return &nm, nil
}

// own returns the pn-th page of m made m's own: a copy of the page of the
// model m was made from, taken once per Apply (owned records which), whose
// cooperatives may be changed and whose columns may be appended to.
func (m *Model) own(pn int, owned map[int]bool) *page {
	p := m.pages[pn]
	if owned[pn] {
		return p
	}
	q := *p
	q.coops = slices.Clone(p.coops)
	q.ids = slices.Clone(p.ids)
	q.names = slices.Clone(p.names)
	if p.moreFacts != nil {
		q.moreFacts = maps.Clone(p.moreFacts)
	}
	if p.seats != nil {
		q.seats = maps.Clone(p.seats)
	}
	m.pages[pn] = &q
	owned[pn] = true
	return &q
}

// minDead is the number of members (or moves) left behind below which a
// page is never compacted.
const minDead = 4096

// compactIfSparse copies the page's members and moves that its
// cooperatives refer to into new columns, when more of them are left
// behind than referred to. The page must be owned.
func (p *page) compactIfSparse() {
	liveMembers, liveMoves := len(p.members)-p.deadMembers, len(p.moves)-p.deadMoves
	if !(p.deadMembers >= minDead && p.deadMembers > liveMembers) && !(p.deadMoves >= minDead && p.deadMoves > liveMoves) {
		return
	}
	members := make([]Member, 0, liveMembers+liveMembers/8)
	moves := make([]Move, 0, liveMoves+liveMoves/8)
	for k := range p.coops {
		c := &p.coops[k]
		from := uint32(len(moves))
		moves = append(moves, p.moves[c.moves[0]:c.moves[1]]...)
		start := uint32(len(members))
		for _, mb := range p.members[c.members[0]:c.members[1]] {
			mb.movesEnd = mb.movesEnd - c.moves[0] + from
			members = append(members, mb)
		}
		c.members = [2]uint32{start, uint32(len(members))}
		c.moves = [2]uint32{from, uint32(len(moves))}
	}
	p.members, p.moves = members, moves
	p.deadMembers, p.deadMoves = 0, 0
}
