package readmodel

import (
	"context"
	"iter"
	"math"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// Builder builds a Model one cooperative at a time. Its zero value is
// ready to use.
type Builder struct {
	m Model
	// dict finds a branch or a declared fact in the model's lists.
	dict dictionary
	err  coop.Fields
	// perPage is the room made for the members and moves of a new page.
	perPage Size
}

// dictionary numbers the branches and declared facts of a model.
type dictionary struct {
	branches map[coop.Branch]uint16
	facts    map[string]int
}

// reset numbers what m lists.
func (d *dictionary) reset(m *Model) {
	d.branches = make(map[coop.Branch]uint16, len(m.branches))
	for i, b := range m.branches {
		d.branches[b] = uint16(i + 1)
	}
	d.facts = make(map[string]int, len(m.facts))
	for i, f := range m.facts {
		d.facts[f] = i
	}
}

// Add appends c to the model being built. A value the compact form cannot
// hold is recorded and returned by Model: an unknown province, sector or
// status, an amount with more than two decimals or beyond 9e16 centimes,
// more than 4 billion members in a page, more than 67 million
// cooperatives.
//
// Add reads the cooperative's ID, name, kind, dates of registration,
// status and conformity, status, law, stated member count, province and
// the provinces of its previous seats, sector, branch and declared facts, and of each member its type, gender,
// birth, joining and leaving dates and share movements (kind, date,
// amount, paid); nothing else.
func (b *Builder) Add(c *coop.Cooperative) {
	i := b.m.n
	if i>>pageBits >= maxPages {
		b.err.Add("cooperatives["+strconv.Itoa(i)+"]", "range", "", "more cooperatives than a model holds")
		return
	}
	if i&pageMask == 0 {
		p := &page{}
		if b.perPage.Members > 0 || b.perPage.Moves > 0 {
			p.members = make([]Member, 0, b.perPage.Members)
			p.moves = make([]Move, 0, b.perPage.Moves)
		}
		if n := min(b.perPage.Cooperatives-i, PageSize); n > 0 {
			p.coops = make([]Coop, 0, n)
			p.ids = make([]uuid.UUID, 0, n)
			p.names = make([]string, 0, n)
		}
		b.m.pages = append(b.m.pages, p)
	}
	p := b.m.pages[len(b.m.pages)-1]
	k, ok := b.m.encode(&b.dict, &b.err, p, len(b.m.pages)-1, c, "cooperatives["+strconv.Itoa(i)+"]")
	if !ok {
		return
	}
	p.add(k, c, b.m.facts)
	b.m.n++
}

// add appends the compact form k of c to p, with the declared facts of c
// its bits cannot hold (those numbered 32 and beyond in facts).
func (p *page) add(k Coop, c *coop.Cooperative, facts []string) {
	p.coops = append(p.coops, k)
	p.ids = append(p.ids, c.ID)
	p.names = append(p.names, c.Name)
	if k.flags&flagMoreFacts != 0 {
		setMoreFacts(p, len(p.coops)-1, c.Declared, facts)
	}
	if k.flags&flagMoved != 0 {
		setSeats(p, len(p.coops)-1, c.PreviousSeats)
	}
}

// setSeats keeps the provinces of the previous seats of the k-th
// cooperative of p, which encode has checked.
func setSeats(p *page, k int, seats []coop.PreviousSeat) {
	left := make([]seatLeft, len(seats))
	for i, s := range seats {
		left[i] = seatLeft{movedOn: s.MovedOn, province: places.provinceIndex[s.Province]}
	}
	if p.seats == nil {
		p.seats = map[int][]seatLeft{}
	}
	p.seats[k] = left
}

// encode makes the compact form of c, whose members and share movements
// it appends to p, the pageNo-th page of m; the branch and declared facts
// are numbered by d and appended to m's lists when new. A value the
// compact form cannot hold is added to errs under the name at, and ok is
// false.
func (m *Model) encode(d *dictionary, errs *coop.Fields, p *page, pageNo int, c *coop.Cooperative, at string) (k Coop, ok bool) {
	before := len(*errs)
	field := func(f string) string { return at + "." + f }
	k = Coop{Registered: c.RegisteredOn, StatusSince: c.StatusSince, ConformedOn: c.ConformedOn, memberCount: -1, page: uint16(pageNo)}
	if c.MemberCount != nil {
		if *c.MemberCount < 0 || *c.MemberCount > math.MaxInt32 {
			errs.Add(field("member_count"), "range", "", "%d members cannot be held", *c.MemberCount)
		}
		k.memberCount = int32(*c.MemberCount)
	}
	if c.IsUnion() {
		k.flags |= flagUnion
	}
	if c.FoundedUnder == coop.Law2483 {
		k.flags |= flagLaw2483
	}
	encodePlace(errs, &k, c, field)
	k.branch = m.branchIndex(d, c.Branch)
	m.encodeFacts(d, &k, c.Declared)
	if len(p.members)+len(c.Members) > math.MaxUint32 {
		errs.Add(field("members"), "range", "", "more members than a model holds")
		return k, false
	}
	members, moves := len(p.members), len(p.moves)
	k.members[0], k.moves[0] = uint32(members), uint32(moves)
	for j := range c.Members {
		if m.noMembers {
			break
		}
		encodeMember(errs, p, c, j, field)
	}
	k.members[1], k.moves[1] = uint32(len(p.members)), uint32(len(p.moves))
	if len(*errs) > before {
		// What was appended is left behind, beyond what any cooperative
		// refers to; the model is refused anyway.
		return k, false
	}
	m.size.Members += len(p.members) - members
	m.size.Moves += len(p.moves) - moves
	return k, true
}

// encodePlace sets the province, sector and status of k from c.
func encodePlace(errs *coop.Fields, k *Coop, c *coop.Cooperative, field func(string) string) {
	if c.Province != "" {
		if k.province = places.provinceIndex[c.Province]; k.province == 0 {
			errs.Add(field("province"), "province", "", "%q is not a province code", coop.Excerpt(string(c.Province)))
		}
	}
	if c.Sector != "" {
		if k.sector = places.sectorIndex[c.Sector]; k.sector == 0 {
			errs.Add(field("sector"), "sector", "", "%q is not a sector", coop.Excerpt(string(c.Sector)))
		}
	}
	for i, s := range c.PreviousSeats {
		if s.Province != "" && places.provinceIndex[s.Province] == 0 {
			errs.Add(field("previous_seats["+strconv.Itoa(i)+"].province"), "province", "", "%q is not a province code", coop.Excerpt(string(s.Province)))
		}
	}
	if len(c.PreviousSeats) > 0 {
		k.flags |= flagMoved
	}
	switch c.Status {
	case "", coop.Active:
	case coop.Dissolved:
		k.status = 1
	case coop.InLiquidation:
		k.status = 2
	case coop.StruckOff:
		k.status = 3
	default:
		errs.Add(field("status"), "enum", "", "%q is not a status", coop.Excerpt(string(c.Status)))
	}
}

// branchIndex is the number of branch b in m, numbered by d when new (0
// for none, and for a branch beyond the 65,535 a model numbers).
func (m *Model) branchIndex(d *dictionary, b coop.Branch) uint16 {
	if b == "" {
		return 0
	}
	if d.branches == nil {
		d.branches = map[coop.Branch]uint16{}
	}
	idx, ok := d.branches[b]
	if !ok && len(m.branches) < math.MaxUint16 {
		if m.branchArgs == nil {
			m.branchArgs = []coop.Arg{{}}
		}
		m.branches = append(m.branches, b)
		m.branchArgs = append(m.branchArgs, coop.BranchArg(b))
		idx = uint16(len(m.branches))
		d.branches[b] = idx
	}
	return idx
}

// encodeFacts sets the bits of k for the declared facts numbered below 32
// by d, and marks k as having more.
func (m *Model) encodeFacts(d *dictionary, k *Coop, declared map[string]bool) {
	for name, v := range declared {
		if d.facts == nil {
			d.facts = map[string]int{}
		}
		f, ok := d.facts[name]
		if !ok {
			f = len(m.facts)
			m.facts = append(m.facts, name)
			d.facts[name] = f
		}
		if f < 32 {
			k.factsKnown |= 1 << f
			if v {
				k.factsTrue |= 1 << f
			}
			continue
		}
		k.flags |= flagMoreFacts
	}
}

// encodeMember appends the j-th member of c and its share movements to p.
func encodeMember(errs *coop.Fields, p *page, c *coop.Cooperative, j int, field func(string) string) {
	src := &c.Members[j]
	mb := Member{Joined: src.JoinedOn, Left: src.LeftOn, Birth: src.BirthDate,
		Legal: src.Type.IsLegalPerson(), Cooperative: src.Type == coop.MemberCooperative}
	if mb.Joined.IsZero() {
		mb.Joined = c.RegisteredOn
	}
	switch src.Gender {
	case coop.Female:
		mb.Gender = Female
	case coop.Male:
		mb.Gender = Male
	}
	for l := range src.Shares {
		mv := &src.Shares[l]
		sub, paid, ok := movement(mv)
		if !ok {
			errs.Add(field("members["+strconv.Itoa(j)+"].shares["+strconv.Itoa(l)+"]"), "mad", "", "an amount with more than two decimals or beyond 9e16 centimes")
			continue
		}
		p.moves = append(p.moves, Move{On: mv.On, Subscribed: sub, Paid: paid})
	}
	mb.movesEnd = uint32(len(p.moves))
	p.members = append(p.members, mb)
}

// setMoreFacts keeps the declared facts of the k-th cooperative of p that
// its bits cannot hold (those numbered 32 and beyond in facts).
func setMoreFacts(p *page, k int, declared map[string]bool, facts []string) {
	more := map[string]bool{}
	for name, v := range declared {
		if slices.Index(facts, name) >= 32 {
			more[name] = v
		}
	}
	if p.moreFacts == nil {
		p.moreFacts = map[int]map[string]bool{}
	}
	p.moreFacts[k] = more
}

// movement returns what a share movement adds to the subscribed and the
// paid capital, in centimes (stats' reading of a movement).
func movement(mv *coop.ShareMovement) (sub, paid int64, ok bool) {
	amount, ok1 := centimes(mv.Amount)
	var paidAt int64
	ok2 := true
	if mv.Paid.Valid {
		paidAt, ok2 = centimes(mv.Paid.Decimal)
	}
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	switch mv.Kind {
	case coop.Subscription, coop.TransferIn:
		return amount, paidAt, true
	case coop.Payment:
		return 0, amount, true
	case coop.TransferOut, coop.Refund:
		if mv.Paid.Valid {
			return -amount, -paidAt, true
		}
		return -amount, -amount, true
	}
	return 0, 0, true
}

// centimes returns d in centimes when it has at most two decimals and
// fits.
func centimes(d decimal.Decimal) (int64, bool) {
	if d.Exponent() < -2 || d.NumDigits() > 17 {
		return 0, false
	}
	v := d.Shift(2)
	if !v.IsInteger() {
		return 0, false
	}
	return v.IntPart(), true
}

// Model returns the model built so far, or an Invalid error listing every
// value it could not hold.
func (b *Builder) Model() (*Model, error) {
	if err := b.err.Err("readmodel.Build", "the registry has values the read model cannot hold"); err != nil {
		return nil, err
	}
	// A column that grew by appending is copied at its length, so that a
	// model holds little spare capacity; one made near its size is kept.
	m := b.m
	m.pages = slices.Clone(m.pages)
	for i, p := range m.pages {
		q := *p
		q.coops, q.ids, q.names = trim(q.coops), trim(q.ids), trim(q.names)
		q.members, q.moves = trim(q.members), trim(q.moves)
		m.pages[i] = &q
	}
	m.size.Cooperatives = m.n
	return &m, nil
}

// trim returns s, or a copy at its length when more than an eighth of its
// capacity is spare.
func trim[S ~[]E, E any](s S) S {
	if cap(s)-len(s) > cap(s)/8 {
		return slices.Clone(s)
	}
	return s
}

// Grow tells the builder how many more cooperatives, members and share
// movements it is to take, when the caller knows: each page is then made
// at the size its share of them needs.
func (b *Builder) Grow(n, members, moves int) {
	if n <= 0 {
		return
	}
	b.m.pages = slices.Grow(b.m.pages, (n+PageSize-1)/PageSize)
	per := func(total int) int {
		if total <= 0 {
			return 0
		}
		// A page holds PageSize cooperatives, or all of them when fewer;
		// an eighth more leaves room for pages above the mean.
		k := min(n, PageSize)
		return int(float64(total)*float64(k)/float64(n)*1.125) + 16
	}
	b.perPage = Size{Cooperatives: b.m.n + n, Members: per(members), Moves: per(moves)}
}

// Option changes what a model is built with.
type Option func(*Builder)

// WithoutMembers builds a model that leaves the members of every
// cooperative out: a fraction of the work and of the memory, for a
// screening whose rules read no member (Mourafaka reads the registration,
// status and seat). In such a model every register reads as not given and
// every count of members as unknown (Model.WithoutMembers); statistics
// over it would be wrong.
func WithoutMembers(b *Builder) { b.m.noMembers = true }

// FromCooperatives builds the model of cs, sizing its columns first.
func FromCooperatives(cs []coop.Cooperative, opts ...Option) (*Model, error) {
	var b Builder
	for _, o := range opts {
		o(&b)
	}
	members, moves := 0, 0
	for i := range cs {
		if b.m.noMembers {
			break
		}
		members += len(cs[i].Members)
		for j := range cs[i].Members {
			moves += len(cs[i].Members[j].Shares)
		}
	}
	b.Grow(len(cs), members, moves)
	for i := range cs {
		b.Add(&cs[i])
	}
	return b.Model()
}

// Size is how many cooperatives, members and share movements a model
// holds.
type Size struct {
	Cooperatives, Members, Moves int
}

// Size returns how many cooperatives, members and share movements m holds.
func (m *Model) Size() Size {
	return Size{Cooperatives: m.n, Members: m.size.Members, Moves: m.size.Moves}
}

// Build reads the cooperatives of seq into a Model. It stops with ctx's
// error when ctx is done.
func Build(ctx context.Context, seq iter.Seq[coop.Cooperative], opts ...Option) (*Model, error) {
	return BuildSized(ctx, seq, Size{}, opts...)
}

// BuildSized is Build with the columns made at the size the model is
// expected to take, such as the Size of the model it replaces: a model
// built at its size is never copied to grow. A model larger than expected
// grows as Build's; the size only saves work.
func BuildSized(ctx context.Context, seq iter.Seq[coop.Cooperative], expect Size, opts ...Option) (*Model, error) {
	var b Builder
	for _, o := range opts {
		o(&b)
	}
	b.Grow(max(expect.Cooperatives, 0), max(expect.Members, 0), max(expect.Moves, 0))
	n := 0
	for c := range seq {
		if n++; n%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		b.Add(&c)
	}
	return b.Model()
}

// Chunks calls work on every cooperative index of the model, in ranges
// [from, to) of at most size, on workers goroutines that take the ranges in
// turn, so that a slow range (large cooperatives) does not hold the others
// back; w is the worker, for state of its own. It stops taking ranges once
// ctx is done, and returns when every worker has.
func (m *Model) Chunks(ctx context.Context, workers, size int, work func(w, from, to int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range max(workers, 1) {
		wg.Go(func() {
			for ctx.Err() == nil {
				from := int(next.Add(int64(size))) - size
				if from >= m.Len() {
					return
				}
				work(w, from, min(from+size, m.Len()))
			}
		})
	}
	wg.Wait()
}
