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

// Gender is a member's gender, in a byte.
type Gender uint8

// The genders.
const (
	GenderUnknown Gender = iota
	Female
	Male
)

// Member is a member as rules and statistics read it, in 20 bytes: the
// dates that say when it counts, its birth date, gender and kind.
type Member struct {
	// Joined is the joining date, the cooperative's registration when the
	// register gives none (coop.Member.ActiveAt); zero when neither is
	// known.
	Joined coop.Date
	Left   coop.Date
	Birth  coop.Date
	Gender Gender
	// Legal is set for a legal person, Cooperative for a member cooperative
	// of a union.
	Legal, Cooperative bool
	// movesEnd is the end of the member's share movements in Model.moves;
	// they start where the previous member's end.
	movesEnd uint32
}

// ActiveAt reports whether the member counts at asOf: joined on or before
// it and not left by then (programs.md §1, "Members at a date").
func (m *Member) ActiveAt(asOf coop.Date) bool {
	return !m.Joined.IsZero() && !m.Joined.After(asOf) && (m.Left.IsZero() || asOf.Before(m.Left))
}

// Move is a share movement as the statistics read it: what it adds to the
// subscribed capital and to the paid capital, in centimes, from its date.
type Move struct {
	On         coop.Date
	Subscribed int64
	Paid       int64
}

// Coop is a cooperative as rules and statistics read it, in 48 bytes: its
// dates, status, territory, sector and branch as indexes, its declared
// facts as bits, and the ranges of its members and share movements in the
// model's columns.
type Coop struct {
	Registered  coop.Date
	StatusSince coop.Date
	ConformedOn coop.Date
	// memberCount is the stated number of members, -1 when not given.
	memberCount int32
	members     [2]uint32 // start, end in Model.members
	moves       [2]uint32 // start, end in Model.moves
	// province is 1 + the province's index in coop.Provinces(), 0 for none;
	// sector likewise in coop.Sectors(); branch is 1 + an index in the
	// model's branches.
	province, sector uint8
	status           uint8
	flags            uint8
	branch           uint16
	// factsKnown and factsTrue hold, by the index of a fact in the model's
	// facts, whether the cooperative declares it and whether it declares it
	// true.
	factsKnown, factsTrue uint32
}

const (
	flagUnion uint8 = 1 << iota
	flagLaw2483
	flagMoreFacts // declares facts beyond the 32 the bits hold
)

// The statuses, by index.
var statuses = []coop.Status{coop.Active, coop.Dissolved, coop.InLiquidation, coop.StruckOff}

// IsUnion reports whether the cooperative is a union of cooperatives.
func (c *Coop) IsUnion() bool { return c.flags&flagUnion != 0 }

// FoundedUnder returns the law the cooperative was founded under.
func (c *Coop) FoundedUnder() coop.Law {
	if c.flags&flagLaw2483 != 0 {
		return coop.Law2483
	}
	return coop.Law11212
}

// Status returns the cooperative's current status.
func (c *Coop) Status() coop.Status { return statuses[c.status] }

// StatusAt returns the status at asOf, as coop.Cooperative.StatusAt.
func (c *Coop) StatusAt(asOf coop.Date) coop.Status {
	if c.status == 0 || (!c.StatusSince.IsZero() && asOf.Before(c.StatusSince)) {
		return coop.Active
	}
	return statuses[c.status]
}

// Province returns the province of the seat ("" when not given).
func (c *Coop) Province() coop.ProvinceCode {
	if c.province == 0 {
		return ""
	}
	return provinces[c.province-1]
}

// ProvinceIndex returns 1 + the index of the province in coop.Provinces(),
// 0 when not given: a key for tables indexed by province.
func (c *Coop) ProvinceIndex() int { return int(c.province) }

// Region returns the region of the seat ("" when not given).
func (c *Coop) Region() coop.RegionCode {
	if c.province == 0 {
		return ""
	}
	return provinceRegions[c.province-1]
}

// Sector returns the cooperative's sector ("" when not given).
func (c *Coop) Sector() coop.Sector {
	if c.sector == 0 {
		return ""
	}
	return sectors[c.sector-1]
}

// SectorIndex returns 1 + the index of the sector in coop.Sectors(), 0
// when not given.
func (c *Coop) SectorIndex() int { return int(c.sector) }

// Model is the compact read model of a registry: what the programmes'
// rules and the statistics read of every cooperative, in columns. It is
// derived from the registry, never a second source of truth: Build reads
// it from the cooperatives, and a registry rebuilds it when it has changed
// (see registry.Registry.ReadModel). It answers for any date as the
// cooperatives do: members, statuses and share movements keep their dates.
//
// The national registry (60,939 cooperatives, 764,000 members) takes about
// 30 MB. A Model is immutable once built and safe for concurrent use.
type Model struct {
	coops    []Coop
	ids      []uuid.UUID
	names    []string
	members  []Member
	moves    []Move
	branches []coop.Branch
	// branchArgs shows each branch in a reason, the first none.
	branchArgs []coop.Arg
	facts      []string
	// moreFacts holds the declared facts beyond the first 32 of a
	// cooperative, by its index; rare.
	moreFacts map[int]map[string]bool
}

// Len returns the number of cooperatives.
func (m *Model) Len() int { return len(m.coops) }

// Coop returns the i-th cooperative.
func (m *Model) Coop(i int) *Coop { return &m.coops[i] }

// ID returns the ID of the i-th cooperative.
func (m *Model) ID(i int) uuid.UUID { return m.ids[i] }

// Name returns the name of the i-th cooperative.
func (m *Model) Name(i int) string { return m.names[i] }

// Members returns the members of c; empty when the register is not given.
func (m *Model) Members(c *Coop) []Member { return m.members[c.members[0]:c.members[1]] }

// Moves returns the share movements of the members of c.
func (m *Model) Moves(c *Coop) []Move { return m.moves[c.moves[0]:c.moves[1]] }

// MemberMoves returns the share movements of the j-th member of c.
func (m *Model) MemberMoves(c *Coop, j int) []Move {
	i := int(c.members[0]) + j
	start := c.moves[0]
	if j > 0 {
		start = m.members[i-1].movesEnd
	}
	return m.moves[start:m.members[i].movesEnd]
}

// HasRegister reports whether the member register of c is given.
func (m *Model) HasRegister(c *Coop) bool { return c.members[1] > c.members[0] }

// MemberCount returns the stated number of members of c; ok is false when
// it is not given.
func (m *Model) MemberCount(c *Coop) (n int, ok bool) {
	if c.memberCount < 0 {
		return 0, false
	}
	return int(c.memberCount), true
}

// MembersAt returns the number of members of c at asOf, as
// coop.Cooperative.MembersAt: from the register, or the stated count.
func (m *Model) MembersAt(c *Coop, asOf coop.Date) (n int, known bool) {
	if c.members[1] > c.members[0] {
		for i := c.members[0]; i < c.members[1]; i++ {
			if m.members[i].ActiveAt(asOf) {
				n++
			}
		}
		return n, true
	}
	return m.MemberCount(c)
}

// Branch returns the branch of c ("" when not given).
func (m *Model) Branch(c *Coop) coop.Branch {
	if c.branch == 0 {
		return ""
	}
	return m.branches[c.branch-1]
}

// Fact returns the index of a declared fact in the model, for Declared;
// -1 when no cooperative declares it.
func (m *Model) Fact(name string) int {
	for i, f := range m.facts {
		if f == name {
			return i
		}
	}
	return -1
}

// Declared returns what the i-th cooperative declares of the fact of index
// fact (Model.Fact) called name: ok is false when it does not declare it.
func (m *Model) Declared(i, fact int, name string) (value, ok bool) {
	c := &m.coops[i]
	if fact >= 0 && fact < 32 {
		bit := uint32(1) << fact
		return c.factsTrue&bit != 0, c.factsKnown&bit != 0
	}
	if c.flags&flagMoreFacts != 0 {
		value, ok = m.moreFacts[i][name]
	}
	return value, ok
}

// All iterates over the indexes of the cooperatives.
func (m *Model) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range m.coops {
			if !yield(i) {
				return
			}
		}
	}
}

var (
	provinces       []coop.ProvinceCode
	provinceRegions []coop.RegionCode
	provinceIndex   = map[coop.ProvinceCode]uint8{}
	sectors         []coop.Sector
	sectorIndex     = map[coop.Sector]uint8{}
	// The arguments of reasons for each province, its region, each sector
	// and each status, made once (coop.Arg interns its text).
	provinceArgs, regionArgs, sectorArgs, statusArgs []coop.Arg
)

func init() {
	provinceArgs, regionArgs = []coop.Arg{{}}, []coop.Arg{{}}
	for i, p := range coop.Provinces() {
		provinces = append(provinces, p.Code)
		provinceRegions = append(provinceRegions, p.Region)
		provinceIndex[p.Code] = uint8(i + 1)
		provinceArgs = append(provinceArgs, coop.ProvinceArg(p.Code))
		regionArgs = append(regionArgs, coop.RegionArg(p.Region))
	}
	sectorArgs = []coop.Arg{{}}
	for i, s := range coop.Sectors() {
		sectors = append(sectors, s.Sector)
		sectorIndex[s.Sector] = uint8(i + 1)
		sectorArgs = append(sectorArgs, coop.SectorArg(s.Sector))
	}
	for _, s := range statuses {
		statusArgs = append(statusArgs, coop.StatusArg(s))
	}
}

// ProvinceArg, RegionArg, SectorArg and StatusArg return the arguments that
// show the cooperative's province, region, sector and status in a reason,
// made once rather than for each cooperative.
func (c *Coop) ProvinceArg() coop.Arg { return provinceArgs[c.province] }
func (c *Coop) RegionArg() coop.Arg   { return regionArgs[c.province] }
func (c *Coop) SectorArg() coop.Arg   { return sectorArgs[c.sector] }
func (c *Coop) StatusArg() coop.Arg   { return statusArgs[c.status] }

// BranchArg returns the argument that shows the branch of c in a reason.
func (m *Model) BranchArg(c *Coop) coop.Arg {
	if c.branch == 0 {
		return coop.Arg{}
	}
	return m.branchArgs[c.branch]
}

// ProvinceAt returns the province of index i (ProvinceIndex), "" for 0.
func ProvinceAt(i int) coop.ProvinceCode {
	if i <= 0 || i > len(provinces) {
		return ""
	}
	return provinces[i-1]
}

// Provinces returns the number of province indexes, 0 included.
func Provinces() int { return len(provinces) + 1 }

// SectorAt returns the sector of index i (SectorIndex), "" for 0.
func SectorAt(i int) coop.Sector {
	if i <= 0 || i > len(sectors) {
		return ""
	}
	return sectors[i-1]
}

// Sectors returns the number of sector indexes, 0 included.
func Sectors() int { return len(sectors) + 1 }

// Builder builds a Model one cooperative at a time. Its zero value is
// ready to use.
type Builder struct {
	m        Model
	branches map[coop.Branch]uint16
	facts    map[string]int
	err      coop.Fields
}

// Add appends c to the model being built. A value the compact form cannot
// hold is recorded and returned by Model: an unknown province, sector or
// status, an amount with more than two decimals or beyond 9e16 centimes,
// more than 4 billion members.
func (b *Builder) Add(c *coop.Cooperative) {
	i := len(b.m.coops)
	field := func(f string) string { return "cooperatives[" + strconv.Itoa(i) + "]." + f }
	k := Coop{Registered: c.RegisteredOn, StatusSince: c.StatusSince, ConformedOn: c.ConformedOn, memberCount: -1}
	if c.MemberCount != nil {
		if *c.MemberCount < 0 || *c.MemberCount > math.MaxInt32 {
			b.err.Add(field("member_count"), "range", "", "%d members cannot be held", *c.MemberCount)
		}
		k.memberCount = int32(*c.MemberCount)
	}
	if c.IsUnion() {
		k.flags |= flagUnion
	}
	if c.FoundedUnder == coop.Law2483 {
		k.flags |= flagLaw2483
	}
	if c.Province != "" {
		if k.province = provinceIndex[c.Province]; k.province == 0 {
			b.err.Add(field("province"), "province", "", "%q is not a province code", coop.Excerpt(string(c.Province)))
		}
	}
	if c.Sector != "" {
		if k.sector = sectorIndex[c.Sector]; k.sector == 0 {
			b.err.Add(field("sector"), "sector", "", "%q is not a sector", coop.Excerpt(string(c.Sector)))
		}
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
		b.err.Add(field("status"), "enum", "", "%q is not a status", coop.Excerpt(string(c.Status)))
	}
	if c.Branch != "" {
		if b.branches == nil {
			b.branches = map[coop.Branch]uint16{}
		}
		idx, ok := b.branches[c.Branch]
		if !ok && len(b.m.branches) < math.MaxUint16 {
			if b.m.branchArgs == nil {
				b.m.branchArgs = []coop.Arg{{}}
			}
			b.m.branches = append(b.m.branches, c.Branch)
			b.m.branchArgs = append(b.m.branchArgs, coop.BranchArg(c.Branch))
			idx = uint16(len(b.m.branches))
			b.branches[c.Branch] = idx
		}
		k.branch = idx
	}
	for name, v := range c.Declared {
		if b.facts == nil {
			b.facts = map[string]int{}
		}
		f, ok := b.facts[name]
		if !ok {
			f = len(b.m.facts)
			b.m.facts = append(b.m.facts, name)
			b.facts[name] = f
		}
		if f < 32 {
			k.factsKnown |= 1 << f
			if v {
				k.factsTrue |= 1 << f
			}
			continue
		}
		k.flags |= flagMoreFacts
		if b.m.moreFacts == nil {
			b.m.moreFacts = map[int]map[string]bool{}
		}
		if b.m.moreFacts[i] == nil {
			b.m.moreFacts[i] = map[string]bool{}
		}
		b.m.moreFacts[i][name] = v
	}
	if len(b.m.members)+len(c.Members) > math.MaxUint32 {
		b.err.Add(field("members"), "range", "", "more members than a model holds")
		return
	}
	k.members[0], k.moves[0] = uint32(len(b.m.members)), uint32(len(b.m.moves))
	for j := range c.Members {
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
				b.err.Add(field("members["+strconv.Itoa(j)+"].shares["+strconv.Itoa(l)+"]"), "mad", "", "an amount with more than two decimals or beyond 9e16 centimes")
				continue
			}
			b.m.moves = append(b.m.moves, Move{On: mv.On, Subscribed: sub, Paid: paid})
		}
		mb.movesEnd = uint32(len(b.m.moves))
		b.m.members = append(b.m.members, mb)
	}
	k.members[1], k.moves[1] = uint32(len(b.m.members)), uint32(len(b.m.moves))
	b.m.coops = append(b.m.coops, k)
	b.m.ids = append(b.m.ids, c.ID)
	b.m.names = append(b.m.names, c.Name)
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
	m.coops, m.ids, m.names = trim(m.coops), trim(m.ids), trim(m.names)
	m.members, m.moves = trim(m.members), trim(m.moves)
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

// Grow makes room for n more cooperatives with members members and moves
// share movements in all, when the caller knows them.
func (b *Builder) Grow(n, members, moves int) {
	b.m.coops = slices.Grow(b.m.coops, n)
	b.m.ids = slices.Grow(b.m.ids, n)
	b.m.names = slices.Grow(b.m.names, n)
	b.m.members = slices.Grow(b.m.members, members)
	b.m.moves = slices.Grow(b.m.moves, moves)
}

// FromCooperatives builds the model of cs, sizing its columns first.
func FromCooperatives(cs []coop.Cooperative) (*Model, error) {
	var b Builder
	members, moves := 0, 0
	for i := range cs {
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
	return Size{Cooperatives: len(m.coops), Members: len(m.members), Moves: len(m.moves)}
}

// Build reads the cooperatives of seq into a Model. It stops with ctx's
// error when ctx is done.
func Build(ctx context.Context, seq iter.Seq[coop.Cooperative]) (*Model, error) {
	return BuildSized(ctx, seq, Size{})
}

// BuildSized is Build with the columns made at the size the model is
// expected to take, such as the Size of the model it replaces: a model
// built at its size is never copied to grow. A model larger than expected
// grows as Build's; the size only saves work.
func BuildSized(ctx context.Context, seq iter.Seq[coop.Cooperative], expect Size) (*Model, error) {
	var b Builder
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
