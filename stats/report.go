package stats

import (
	"context"
	"encoding/csv"
	"io"
	"iter"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
)

// DefaultYouthMaxAge is the upper age of a young member when a report does
// not set one: 35, the bound of the INDH calls (18 to 35). No official
// definition of a young cooperative member was found; it is a parameter.
const DefaultYouthMaxAge = 35

// ReportOptions configures a national report.
type ReportOptions struct {
	// AsOf is the date of the figures; required.
	AsOf coop.Date `json:"as_of"`
	// YouthMaxAge: young members are aged 18 to YouthMaxAge; 0 means
	// DefaultYouthMaxAge.
	YouthMaxAge int `json:"youth_max_age,omitempty"`
	// Decimals of the percentages, 0 to 4; -1 means 1.
	Decimals int `json:"decimals"`
	// Workers is the number of goroutines counting; 0 means GOMAXPROCS.
	Workers int `json:"-"`
}

// Report is the national report the ministry and ODCO publish: totals,
// members by gender and age, women-only cooperatives, capital, and the
// tables by region, sector, ODCO delegation, region x sector and year of
// registration, at a date.
type Report struct {
	AsOf        coop.Date `json:"as_of"`
	YouthMaxAge int       `json:"youth_max_age"`
	Totals      Counts    `json:"totals"`
	Men         int       `json:"men"`
	// GenderUnknown counts members whose gender the register does not give.
	GenderUnknown int `json:"gender_unknown"`
	// Youth counts members aged 18 to YouthMaxAge; AgeUnknown those with no
	// birth date.
	Youth      int `json:"youth"`
	AgeUnknown int `json:"age_unknown"`
	// WomenShare is the women's share of members, in percent.
	WomenShare decimal.Decimal `json:"women_share"`
	// AverageMembers and MedianMembers describe the size of a cooperative.
	AverageMembers decimal.Decimal `json:"average_members"`
	MedianMembers  decimal.Decimal `json:"median_members"`
	// Subscribed and Paid are the members' capital, in MAD.
	Subscribed decimal.Decimal `json:"subscribed"`
	Paid       decimal.Decimal `json:"paid"`

	ByRegion       Table `json:"by_region"`
	BySector       Table `json:"by_sector"`
	ByDelegation   Table `json:"by_delegation"`
	RegionSector   Table `json:"region_sector"`
	FoundedPerYear Table `json:"founded_per_year"`
}

// National computes the national report over seq: seq is read once into
// a read model (readmodel.Build), which NationalModel counts. Invalid for a
// missing date, a youth bound below 18 or decimals outside 0 to 4.
func National(seq iter.Seq[coop.Cooperative], opts ReportOptions) (Report, error) {
	if err := checkReport(&opts); err != nil {
		return Report{}, err
	}
	m, err := readmodel.Build(context.Background(), seq)
	if err != nil {
		return Report{}, err
	}
	return NationalModel(m, opts)
}

func checkReport(opts *ReportOptions) error {
	if opts.Decimals == -1 {
		opts.Decimals = 1
	}
	if opts.YouthMaxAge == 0 {
		opts.YouthMaxAge = DefaultYouthMaxAge
	}
	var fs coop.Fields
	if opts.AsOf.IsZero() {
		fs.Add("as_of", "required", "", "the date of the figures is required")
	}
	if opts.YouthMaxAge < 18 || opts.YouthMaxAge > 120 {
		fs.Add("youth_max_age", "range", "18-120", "young members are 18 to an age between 18 and 120")
	}
	if opts.Decimals < 0 || opts.Decimals > 4 {
		fs.Add("decimals", "range", "0-4", "0 to 4 decimals")
	}
	return fs.Err("stats.National", "invalid report")
}

// NationalModel computes the national report over a read model: opts.Workers
// goroutines take ranges of its cooperatives in turn and count them in
// place, each in its own tally, and the tallies are added up: every figure
// is a sum, so the report does not depend on which worker counted what.
func NationalModel(m *readmodel.Model, opts ReportOptions) (Report, error) {
	if err := checkReport(&opts); err != nil {
		return Report{}, err
	}
	asOf := opts.AsOf
	r := Report{AsOf: asOf, YouthMaxAge: opts.YouthMaxAge}
	youngest, tooOld := coop.BornBy(asOf, 18), coop.BornBy(asOf, opts.YouthMaxAge+1)
	parts := make([]*tally, coop.Workers(opts.Workers))
	for i := range parts {
		parts[i] = &tally{asOf: asOf, youngest: youngest, tooOld: tooOld}
	}
	m.Chunks(context.Background(), len(parts), 1024, func(w, from, to int) {
		for i := from; i < to; i++ {
			parts[w].addCompact(m, i)
		}
	})
	t := parts[0]
	for i := 1; i < len(parts); i++ {
		t.merge(parts[i])
	}
	n, sizes, sub, paid := &t.national, &t.sizes, &t.sub, &t.paid
	r.Totals, r.Men, r.GenderUnknown, r.Youth, r.AgeUnknown = t.totals, t.men, t.genderUnknown, t.youth, t.ageUnknown
	r.Subscribed, r.Paid = sub.decimal(), paid.decimal()
	if r.Totals.Members > 0 {
		r.WomenShare = decimal.NewFromInt(int64(r.Totals.Women)).Mul(decimal.NewFromInt(100)).
			DivRound(decimal.NewFromInt(int64(r.Totals.Members)), int32(opts.Decimals))
	}
	if sizes.n > 0 {
		r.AverageMembers = decimal.NewFromInt(int64(r.Totals.Members)).DivRound(decimal.NewFromInt(int64(sizes.n)), 2)
		r.MedianMembers = sizes.median()
	}
	table := func(dims []Dimension, g *groups) Table {
		t := Table{AsOf: asOf, Dimensions: dims, Decimals: opts.Decimals, Total: r.Totals}
		for i, k := range g.keys {
			t.Rows = append(t.Rows, Row{Keys: []string{k}, Counts: g.counts[i]})
		}
		finish(&t)
		return t
	}
	r.ByRegion = table([]Dimension{Region}, &n.regions)
	r.BySector = table([]Dimension{Sector}, &n.sectors)
	r.ByDelegation = table([]Dimension{Delegation}, &n.delegations)
	r.FoundedPerYear = Table{AsOf: asOf, Dimensions: []Dimension{Year}, Decimals: opts.Decimals, Total: r.Totals}
	for i, g := range n.years {
		if g != (Counts{}) {
			r.FoundedPerYear.Rows = append(r.FoundedPerYear.Rows, Row{Keys: []string{strconv.Itoa(n.firstYear + i)}, Counts: g})
		}
	}
	finish(&r.FoundedPerYear)
	r.RegionSector = Table{AsOf: asOf, Dimensions: []Dimension{Region, Sector}, Decimals: opts.Decimals, Total: r.Totals}
	for ri, row := range n.cross {
		for si, g := range row {
			if g != (Counts{}) {
				r.RegionSector.Rows = append(r.RegionSector.Rows, Row{Keys: []string{n.regions.keys[ri], n.sectors.keys[si]}, Counts: g})
			}
		}
	}
	finish(&r.RegionSector)
	return r, nil
}

// tally counts the cooperatives of part of the registry for the national
// report.
type tally struct {
	_                                     [64]byte // two workers never share a cache line
	asOf, youngest, tooOld                coop.Date
	totals                                Counts
	men, genderUnknown, youth, ageUnknown int
	national                              national
	sizes                                 histogram
	sub, paid                             centimes
	// placeAt and sectorAt cache, by the read model's province and sector
	// indexes, the places and sectors of the tables (+1; 0 not looked up).
	placeAt, sectorAt []int
	_                 [64]byte
}

// addCompact counts the i-th cooperative of m when it is in the register
// at the tally's date, as add counts a coop.Cooperative.
func (t *tally) addCompact(m *readmodel.Model, i int) {
	c := m.Coop(i)
	if !inRegistryModel(c, t.asOf) {
		return
	}
	var f Counts
	if c.IsUnion() {
		f.Unions = 1
	} else {
		f.Cooperatives = 1
	}
	members := m.Members(c)
	if len(members) == 0 {
		if n, ok := m.MemberCount(c); ok {
			f.Members = n
		}
	} else {
		// One pass over the register gives every member figure.
		allWomen := true
		for j := range members {
			mb := &members[j]
			if !mb.ActiveAt(t.asOf) {
				continue
			}
			f.Members++
			switch mb.Gender {
			case readmodel.Female:
				f.Women++
			case readmodel.Male:
				allWomen = false
				t.men++
			default:
				allWomen = false
				t.genderUnknown++
			}
			switch {
			case mb.Birth.IsZero():
				t.ageUnknown++
			case !mb.Birth.After(t.youngest) && mb.Birth.After(t.tooOld):
				t.youth++
			}
			for _, mv := range m.MemberMoves(c, j) {
				if !mv.On.After(t.asOf) {
					t.sub.addCentimes(mv.Subscribed)
					t.paid.addCentimes(mv.Paid)
				}
			}
		}
		if allWomen && f.Members > 0 {
			f.WomenOnly = 1
		}
	}
	t.totals.add(f)
	t.sizes.add(f.Members)
	if t.placeAt == nil {
		t.placeAt, t.sectorAt = make([]int, readmodel.Provinces()), make([]int, readmodel.Sectors())
	}
	pi, si := c.ProvinceIndex(), c.SectorIndex()
	if t.placeAt[pi] == 0 {
		t.placeAt[pi] = t.national.place(readmodel.ProvinceAt(pi)) + 1
	}
	if t.sectorAt[si] == 0 {
		t.sectorAt[si] = t.national.sectors.index(string(readmodel.SectorAt(si))) + 1
	}
	t.national.add(t.placeAt[pi]-1, t.sectorAt[si]-1, c.Registered.Year(), f)
}

// merge adds o's counts to t's.
func (t *tally) merge(o *tally) {
	t.totals.add(o.totals)
	t.men += o.men
	t.genderUnknown += o.genderUnknown
	t.youth += o.youth
	t.ageUnknown += o.ageUnknown
	t.sizes.merge(&o.sizes)
	t.sub.merge(&o.sub)
	t.paid.merge(&o.paid)
	t.national.merge(&o.national)
}

// national accumulates the tables of the national report, by index rather
// than by key: a province is looked up once and brings its region and
// delegation, a year is an offset.
type national struct {
	regions, sectors, delegations groups
	provinces                     map[coop.ProvinceCode]int
	places                        []place
	firstYear                     int
	years                         []Counts
	cross                         [][]Counts // region × sector
}

// place is a province's region and delegation, as indexes.
type place struct{ region, delegation int }

func (n *national) place(p coop.ProvinceCode) int {
	if i, ok := n.provinces[p]; ok {
		return i
	}
	if n.provinces == nil {
		n.provinces = map[coop.ProvinceCode]int{}
	}
	i := len(n.places)
	n.places = append(n.places, place{n.regions.index(string(p.Region())), n.delegations.index(string(p.Delegation()))})
	n.provinces[p] = i
	return i
}

func (n *national) add(pl, sector, year int, f Counts) {
	p := n.places[pl]
	n.regions.counts[p.region].add(f)
	n.delegations.counts[p.delegation].add(f)
	n.sectors.counts[sector].add(f)
	n.addYear(year, f)
	n.crossAt(p.region, sector).add(f)
}

func (n *national) addYear(year int, f Counts) {
	switch {
	case len(n.years) == 0:
		n.firstYear = year
		n.years = make([]Counts, 1)
	case year < n.firstYear:
		n.years = append(make([]Counts, n.firstYear-year), n.years...)
		n.firstYear = year
	case year >= n.firstYear+len(n.years):
		n.years = append(n.years, make([]Counts, year-n.firstYear-len(n.years)+1)...)
	}
	n.years[year-n.firstYear].add(f)
}

// crossAt returns the counts of a region and a sector, by index.
func (n *national) crossAt(region, sector int) *Counts {
	for len(n.cross) <= region {
		n.cross = append(n.cross, nil)
	}
	row := n.cross[region]
	if len(row) <= sector {
		row = append(row, make([]Counts, sector-len(row)+1)...)
		n.cross[region] = row
	}
	return &row[sector]
}

// merge adds o's tables to n's, key by key.
func (n *national) merge(o *national) {
	regions := n.regions.merge(&o.regions)
	sectors := n.sectors.merge(&o.sectors)
	n.delegations.merge(&o.delegations)
	for i, f := range o.years {
		if f != (Counts{}) {
			n.addYear(o.firstYear+i, f)
		}
	}
	for ri, row := range o.cross {
		for si, f := range row {
			if f != (Counts{}) {
				n.crossAt(regions[ri], sectors[si]).add(f)
			}
		}
	}
}

// groups counts by key, each key given an index on first sight.
type groups struct {
	byKey  map[string]int
	keys   []string
	counts []Counts
}

func (g *groups) index(k string) int {
	if i, ok := g.byKey[k]; ok {
		return i
	}
	if g.byKey == nil {
		g.byKey = map[string]int{}
	}
	i := len(g.keys)
	g.byKey[k] = i
	g.keys = append(g.keys, k)
	g.counts = append(g.counts, Counts{})
	return i
}

// merge adds o's counts to g's and returns the index in g of each of o's
// keys.
func (g *groups) merge(o *groups) []int {
	at := make([]int, len(o.keys))
	for i, k := range o.keys {
		at[i] = g.index(k)
		g.counts[at[i]].add(o.counts[i])
	}
	return at
}

// histogram counts cooperatives by number of members, for the median.
type histogram struct {
	n      int
	counts []int
}

func (h *histogram) add(size int) {
	if size < 0 {
		size = 0
	}
	if size >= len(h.counts) {
		h.counts = append(h.counts, make([]int, size-len(h.counts)+1)...)
	}
	h.counts[size]++
	h.n++
}

func (h *histogram) merge(o *histogram) {
	if len(o.counts) > len(h.counts) {
		h.counts = append(h.counts, make([]int, len(o.counts)-len(h.counts))...)
	}
	for size, c := range o.counts {
		h.counts[size] += c
	}
	h.n += o.n
}

// nth returns the size of rank i (from 0) in increasing order.
func (h *histogram) nth(i int) int {
	for size, c := range h.counts {
		if i < c {
			return size
		}
		i -= c
	}
	return len(h.counts) - 1
}

func (h *histogram) median() decimal.Decimal {
	if h.n%2 == 1 {
		return decimal.NewFromInt(int64(h.nth(h.n / 2)))
	}
	return decimal.NewFromInt(int64(h.nth(h.n/2-1) + h.nth(h.n/2))).Div(decimal.NewFromInt(2))
}

// centimes sums amounts of MAD exactly in integer centimes, which costs no
// allocation per addition.
type centimes struct {
	units int64
	big   decimal.Decimal // overflow of units, rarely used
}

func (c *centimes) add(d decimal.Decimal) {
	// NumDigits and CoefficientInt64 read the coefficient without copying it.
	if d.Exponent() >= -2 && d.Exponent() <= 0 && d.NumDigits() <= 16 {
		v := d.CoefficientInt64()
		switch d.Exponent() {
		case 0:
			v *= 100
		case -1:
			v *= 10
		}
		if (v > 0 && c.units > (1<<62)) || (v < 0 && c.units < -(1<<62)) {
			c.big = c.big.Add(decimal.New(c.units, -2))
			c.units = 0
		}
		c.units += v
		return
	}
	c.big = c.big.Add(d)
}

// addCentimes adds an amount of centimes.
func (c *centimes) addCentimes(v int64) {
	if (v > 0 && c.units > (1<<62)) || (v < 0 && c.units < -(1<<62)) {
		c.big = c.big.Add(decimal.New(c.units, -2))
		c.units = 0
	}
	c.units += v
}

func (c *centimes) merge(o *centimes) {
	c.add(decimal.New(o.units, -2))
	if !o.big.IsZero() {
		c.big = c.big.Add(o.big)
	}
}

func (c *centimes) decimal() decimal.Decimal { return decimal.New(c.units, -2).Add(c.big).Round(2) }

// Growth compares the register at two dates.
type Growth struct {
	From   coop.Date `json:"from"`
	To     coop.Date `json:"to"`
	Before Counts    `json:"before"`
	After  Counts    `json:"after"`
	// Cooperatives and Members are the changes in number (cooperatives and
	// unions together); the percentages are relative to From, rounded to
	// Decimals places (zero when From had none).
	Cooperatives        int             `json:"cooperatives"`
	Members             int             `json:"members"`
	CooperativesPercent decimal.Decimal `json:"cooperatives_percent"`
	MembersPercent      decimal.Decimal `json:"members_percent"`
}

// GrowthBetween counts the register at from and at to in one pass over seq
// and returns the change. Invalid when to is before from.
func GrowthBetween(seq iter.Seq[coop.Cooperative], from, to coop.Date, decimals int) (Growth, error) {
	var fs coop.Fields
	if from.IsZero() || to.IsZero() || to.Before(from) {
		fs.Add("to", "after", "from", "give two dates, the second on or after the first")
	}
	if decimals < 0 || decimals > 4 {
		fs.Add("decimals", "range", "0-4", "0 to 4 decimals")
	}
	if err := fs.Err("stats.GrowthBetween", "invalid growth"); err != nil {
		return Growth{}, err
	}
	g := Growth{From: from, To: to}
	m, err := readmodel.Build(context.Background(), seq)
	if err != nil {
		return Growth{}, err
	}
	for i := range m.Len() {
		c := m.Coop(i)
		if inRegistryModel(c, from) {
			g.Before.add(compactFigures(m, c, from))
		}
		if inRegistryModel(c, to) {
			g.After.add(compactFigures(m, c, to))
		}
	}
	before, after := g.Before.Cooperatives+g.Before.Unions, g.After.Cooperatives+g.After.Unions
	g.Cooperatives, g.Members = after-before, g.After.Members-g.Before.Members
	g.CooperativesPercent = percentChange(before, after, decimals)
	g.MembersPercent = percentChange(g.Before.Members, g.After.Members, decimals)
	return g, nil
}

func percentChange(before, after, decimals int) decimal.Decimal {
	if before == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(int64(after-before)).Mul(decimal.NewFromInt(100)).
		DivRound(decimal.NewFromInt(int64(before)), int32(decimals))
}

// WriteCSV writes the table as CSV: one column per dimension with its
// value, one with its label in lang, then cooperatives, unions, members,
// women, women_only and share; a last row "total". No cell is written that
// a spreadsheet would run as a formula (coop.NeutralizeCell).
func (t *Table) WriteCSV(w io.Writer, lang coop.Lang) error {
	cw := csv.NewWriter(w)
	t.writeCSV(cw, lang, "")
	cw.Flush()
	return cw.Error()
}

func (t *Table) writeCSV(cw *csv.Writer, lang coop.Lang, name string) {
	var head []string
	if name != "" {
		head = append(head, "table")
	}
	for _, d := range t.Dimensions {
		head = append(head, string(d), string(d)+"_label")
	}
	head = append(head, "cooperatives", "unions", "members", "women", "women_only", "share")
	_ = cw.Write(head)
	row := func(keys []string, c Counts, share string) {
		var rec []string
		if name != "" {
			rec = append(rec, name)
		}
		for i, d := range t.Dimensions {
			if keys == nil {
				rec = append(rec, "total", "")
				continue
			}
			rec = append(rec, keys[i], d.Label(keys[i], lang))
		}
		rec = append(rec, strconv.Itoa(c.Cooperatives), strconv.Itoa(c.Unions), strconv.Itoa(c.Members),
			strconv.Itoa(c.Women), strconv.Itoa(c.WomenOnly), share)
		_ = cw.Write(coop.NeutralizeRecord(rec, nil))
	}
	for _, r := range t.Rows {
		row(r.Keys, r.Counts, r.Share.StringFixed(int32(t.Decimals)))
	}
	row(nil, t.Total, decimal.NewFromInt(100).StringFixed(int32(t.Decimals)))
}

// WriteCSV writes the report's tables one after the other, each with its
// header and a first column naming the table.
func (r *Report) WriteCSV(w io.Writer, lang coop.Lang) error {
	cw := csv.NewWriter(w)
	for _, t := range []struct {
		name string
		t    *Table
	}{{"by_region", &r.ByRegion}, {"by_sector", &r.BySector}, {"by_delegation", &r.ByDelegation},
		{"region_sector", &r.RegionSector}, {"founded_per_year", &r.FoundedPerYear}} {
		t.t.writeCSV(cw, lang, t.name)
	}
	cw.Flush()
	return cw.Error()
}
