package readmodel

import (
	"iter"

	"github.com/google/uuid"

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
// columns of its page of the model.
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
	// page is the page of the model that holds the cooperative, its
	// members and their share movements.
	page uint16
	// factsKnown and factsTrue hold, by the index of a fact in the model's
	// facts, whether the cooperative declares it and whether it declares it
	// true.
	factsKnown, factsTrue uint32
}

const (
	flagUnion uint8 = 1 << iota
	flagLaw2483
	flagMoreFacts // declares facts beyond the 32 the bits hold
	flagMoved     // has previous seats
)

// The statuses, by index; active first (Coop.ActiveAt).
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
	return coop.StatusOn(statuses[c.status], c.StatusSince, asOf)
}

// ActiveAt reports whether the status at asOf (StatusAt) is active,
// without comparing statuses by name when the current one is active.
func (c *Coop) ActiveAt(asOf coop.Date) bool {
	return c.status == 0 || c.StatusAt(asOf) == coop.Active
}

// Province returns the province of the seat ("" when not given).
func (c *Coop) Province() coop.ProvinceCode {
	if c.province == 0 {
		return ""
	}
	return places.provinces[c.province-1]
}

// ProvinceIndex returns 1 + the index of the province in coop.Provinces(),
// 0 when not given: a key for tables indexed by province.
func (c *Coop) ProvinceIndex() int { return int(c.province) }

// Region returns the region of the seat ("" when not given).
func (c *Coop) Region() coop.RegionCode {
	if c.province == 0 {
		return ""
	}
	return places.provinceRegions[c.province-1]
}

// Sector returns the cooperative's sector ("" when not given).
func (c *Coop) Sector() coop.Sector {
	if c.sector == 0 {
		return ""
	}
	return places.sectors[c.sector-1]
}

// SectorIndex returns 1 + the index of the sector in coop.Sectors(), 0
// when not given.
func (c *Coop) SectorIndex() int { return int(c.sector) }

// Model is the compact read model of a registry: what the programmes'
// rules and the statistics read of every cooperative, in columns. It is
// derived from the registry, never a second source of truth: Build reads
// it from the cooperatives, and a Live keeps one current with a registry,
// change by change (see registry.Registry.ReadModel). It answers for any
// date as the cooperatives do: members, statuses and share movements keep
// their dates.
//
// The cooperatives are held in pages of PageSize, each page with the
// columns of its cooperatives' members and share movements, so that a
// change to a cooperative makes a new model by copying one page's
// cooperatives and appending the changed cooperative's members, whatever
// the size of the registry (Live.Apply).
//
// The national registry (60,939 cooperatives, 764,000 members) takes about
// 40 MB. A Model is immutable once made and safe for concurrent use.
type Model struct {
	// version is the position of the registry's last commit the model
	// holds (Live), 0 for a model built from cooperatives.
	version uint64
	n       int
	pages   []*page
	// size counts the members and share movements the cooperatives refer
	// to.
	size Size
	// branches and facts are shared by the models a Live makes: a newer
	// model only appends to them.
	branches []coop.Branch
	// branchArgs shows each branch in a reason, the first none.
	branchArgs []coop.Arg
	facts      []string
	// noMembers is set for a model built without the members
	// (WithoutMembers): every register reads as not given.
	noMembers bool
}

// WithoutMembers reports whether m was built without the members of its
// cooperatives (readmodel.WithoutMembers), for a screening whose rules
// read none: every register reads as not given, and counts of members
// as unknown.
func (m *Model) WithoutMembers() bool { return m.noMembers }

// PageSize is the number of cooperatives of a page of a Model.
const PageSize = 1 << pageBits

const (
	pageBits = 10
	pageMask = PageSize - 1
	// maxPages keeps a page's number within a Coop's 16 bits.
	maxPages = 1 << 16
)

// page holds up to PageSize cooperatives with the columns of their
// members and share movements. A page of a published model never changes:
// a newer model copies the page's cooperatives and may append to its
// members and moves beyond their length, which no older model reads.
type page struct {
	coops   []Coop
	ids     []uuid.UUID
	names   []string
	members []Member
	moves   []Move
	// deadMembers and deadMoves count the members and moves no cooperative
	// of the page refers to any more, left behind by changes; compact
	// reclaims them.
	deadMembers, deadMoves int
	// moreFacts holds the declared facts beyond the first 32 of a
	// cooperative, by its index in the page; rare. Its maps are never
	// changed once made.
	moreFacts map[int]map[string]bool
	// seats holds the previous seats of a cooperative that moved, by its
	// index in the page; rare. Its slices are never changed once made.
	seats map[int][]seatLeft
}

// seatLeft is a province a cooperative left: it was there before movedOn.
type seatLeft struct {
	movedOn  coop.Date
	province uint8
}

// ProvinceAt returns the province of the seat of the i-th cooperative at
// the end of asOf, as coop.Cooperative.ProvinceAt: the province it left
// after asOf, if it moved since, else its province.
func (m *Model) ProvinceAt(i int, asOf coop.Date) coop.ProvinceCode {
	return ProvinceAt(m.ProvinceIndexAt(i, asOf))
}

// ProvinceIndexAt is ProvinceAt as an index (Coop.ProvinceIndex).
func (m *Model) ProvinceIndexAt(i int, asOf coop.Date) int {
	p := m.pages[i>>pageBits]
	c := &p.coops[i&pageMask]
	if c.flags&flagMoved != 0 {
		for _, s := range p.seats[i&pageMask] {
			if asOf.Before(s.movedOn) {
				return int(s.province)
			}
		}
	}
	return int(c.province)
}

// Len returns the number of cooperatives.
func (m *Model) Len() int { return m.n }

// Version returns the position of the last commit of the registry that the
// model holds, as registry.Registry.ReadModel numbers them: two models of
// one registry at one version hold the same cooperatives. A model built
// from cooperatives (Build) is at version 0.
func (m *Model) Version() uint64 { return m.version }

// Coop returns the i-th cooperative.
func (m *Model) Coop(i int) *Coop { return &m.pages[i>>pageBits].coops[i&pageMask] }

// Run returns the cooperatives from index from up to to (from < to), which lie in
// one page of PageSize: from/PageSize == (to-1)/PageSize. The slice is the
// model's own, read in place; it must not be changed.
func (m *Model) Run(from, to int) []Coop {
	return m.pages[from>>pageBits].coops[from&pageMask : (to-1)&pageMask+1 : (to-1)&pageMask+1]
}

// ID returns the ID of the i-th cooperative.
func (m *Model) ID(i int) uuid.UUID { return m.pages[i>>pageBits].ids[i&pageMask] }

// Name returns the name of the i-th cooperative.
func (m *Model) Name(i int) string { return m.pages[i>>pageBits].names[i&pageMask] }

// Members returns the members of c; empty when the register is not given.
func (m *Model) Members(c *Coop) []Member {
	return m.pages[c.page].members[c.members[0]:c.members[1]]
}

// Moves returns the share movements of the members of c.
func (m *Model) Moves(c *Coop) []Move { return m.pages[c.page].moves[c.moves[0]:c.moves[1]] }

// MemberMoves returns the share movements of the j-th member of c.
func (m *Model) MemberMoves(c *Coop, j int) []Move {
	p := m.pages[c.page]
	i := int(c.members[0]) + j
	start := c.moves[0]
	if j > 0 {
		start = p.members[i-1].movesEnd
	}
	return p.moves[start:p.members[i].movesEnd]
}

// HasRegister reports whether the member register of c is given.
func (m *Model) HasRegister(c *Coop) bool { return c.members[1] > c.members[0] }

// MemberCount returns the stated number of members of c; ok is false when
// it is not given.
func (m *Model) MemberCount(c *Coop) (n int, ok bool) {
	if c.memberCount < 0 || m.noMembers {
		return 0, false
	}
	return int(c.memberCount), true
}

// MembersAt returns the number of members of c at asOf, as
// coop.Cooperative.MembersAt: from the register, or the stated count.
func (m *Model) MembersAt(c *Coop, asOf coop.Date) (n int, known bool) {
	if m.noMembers {
		return 0, false
	}
	if c.members[1] > c.members[0] {
		for _, mb := range m.Members(c) {
			if mb.ActiveAt(asOf) {
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
	c := m.Coop(i)
	if fact >= 0 && fact < 32 {
		bit := uint32(1) << fact
		return c.factsTrue&bit != 0, c.factsKnown&bit != 0
	}
	if c.flags&flagMoreFacts != 0 {
		value, ok = m.pages[i>>pageBits].moreFacts[i&pageMask][name]
	}
	return value, ok
}

// All iterates over the indexes of the cooperatives.
func (m *Model) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range m.n {
			if !yield(i) {
				return
			}
		}
	}
}

// places numbers the provinces and sectors a model stores in a byte, from
// 1 (0 is none), with the arguments that show them in reasons, made once
// (coop.Arg interns its text).
var places = numberPlaces()

// placeTable is the numbering of places.
type placeTable struct {
	provinces       []coop.ProvinceCode
	provinceRegions []coop.RegionCode
	provinceIndex   map[coop.ProvinceCode]uint8
	sectors         []coop.Sector
	sectorIndex     map[coop.Sector]uint8
	// The arguments of reasons for each province, its region, each sector
	// and each status.
	provinceArgs, regionArgs, sectorArgs, statusArgs []coop.Arg
}

func numberPlaces() placeTable {
	t := placeTable{provinceIndex: map[coop.ProvinceCode]uint8{}, sectorIndex: map[coop.Sector]uint8{},
		provinceArgs: []coop.Arg{{}}, regionArgs: []coop.Arg{{}}, sectorArgs: []coop.Arg{{}}}
	for i, p := range coop.Provinces() {
		t.provinces = append(t.provinces, p.Code)
		t.provinceRegions = append(t.provinceRegions, p.Region)
		t.provinceIndex[p.Code] = uint8(i + 1)
		t.provinceArgs = append(t.provinceArgs, coop.ProvinceArg(p.Code))
		t.regionArgs = append(t.regionArgs, coop.RegionArg(p.Region))
	}
	for i, s := range coop.Sectors() {
		t.sectors = append(t.sectors, s.Sector)
		t.sectorIndex[s.Sector] = uint8(i + 1)
		t.sectorArgs = append(t.sectorArgs, coop.SectorArg(s.Sector))
	}
	for _, s := range statuses {
		t.statusArgs = append(t.statusArgs, coop.StatusArg(s))
	}
	return t
}

// ProvinceArg, RegionArg, SectorArg and StatusArg return the arguments that
// show the cooperative's province, region, sector and status in a reason,
// made once rather than for each cooperative.
func (c *Coop) ProvinceArg() coop.Arg { return places.provinceArgs[c.province] }
func (c *Coop) RegionArg() coop.Arg   { return places.regionArgs[c.province] }
func (c *Coop) SectorArg() coop.Arg   { return places.sectorArgs[c.sector] }
func (c *Coop) StatusArg() coop.Arg   { return places.statusArgs[c.status] }

// BranchIndex returns the index of c's branch in its model: 0 when none
// is given, otherwise below Model.Branches, and the same for two
// cooperatives of one model with the same branch.
func (c *Coop) BranchIndex() int { return int(c.branch) }

// Branches returns the number of branch indexes of m's cooperatives
// (Coop.BranchIndex): one more than the branches they name.
func (m *Model) Branches() int { return len(m.branches) + 1 }

// BranchArg returns the argument that shows the branch of c in a reason.
func (m *Model) BranchArg(c *Coop) coop.Arg {
	if c.branch == 0 {
		return coop.Arg{}
	}
	return m.branchArgs[c.branch]
}

// ProvinceAt returns the province of index i (ProvinceIndex), "" for 0.
func ProvinceAt(i int) coop.ProvinceCode {
	if i <= 0 || i > len(places.provinces) {
		return ""
	}
	return places.provinces[i-1]
}

// Provinces returns the number of province indexes, 0 included.
func Provinces() int { return len(places.provinces) + 1 }

// SectorAt returns the sector of index i (SectorIndex), "" for 0.
func SectorAt(i int) coop.Sector {
	if i <= 0 || i > len(places.sectors) {
		return ""
	}
	return places.sectors[i-1]
}

// Sectors returns the number of sector indexes, 0 included.
func Sectors() int { return len(places.sectors) + 1 }
