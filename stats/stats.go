package stats

import (
	"cmp"
	"context"
	"encoding/json"
	"iter"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
)

// Dimension is what a table groups cooperatives by.
type Dimension string

// The dimensions.
const (
	Region     Dimension = "region"
	Province   Dimension = "province"
	Delegation Dimension = "delegation"
	Sector     Dimension = "sector"
	Kind       Dimension = "kind"
	Status     Dimension = "status"
	// Year is the year of registration.
	Year Dimension = "year"
)

// Valid reports whether d is a known dimension.
func (d Dimension) Valid() bool {
	switch d {
	case Region, Province, Delegation, Sector, Kind, Status, Year:
		return true
	}
	return false
}

// ParseDimension accepts a dimension's name.
func ParseDimension(s string) (Dimension, error) {
	if d := Dimension(s); d.Valid() {
		return d, nil
	}
	return "", coop.Fieldf("", "dimension", "%q is not a dimension (region, province, delegation, sector, kind, status, year)", s)
}

// key returns the value of dimension d for c as it stood at asOf: its
// seat and status then ("" when unknown).
func (d Dimension) key(c *coop.Cooperative, asOf coop.Date) string {
	return d.keyOf(c.ProvinceAt(asOf), c.Sector, c.Kind, c.StatusAt(asOf), c.RegisteredOn)
}

// keyOf is the one rule of the value of dimension d for a cooperative of
// that seat, sector, kind, status and registration, read from a
// cooperative (key) or from a read model (compactKey).
func (d Dimension) keyOf(province coop.ProvinceCode, sector coop.Sector, kind coop.Kind, status coop.Status, registered coop.Date) string {
	switch d {
	case Region:
		return string(province.Region())
	case Province:
		return string(province)
	case Delegation:
		return string(province.Delegation())
	case Sector:
		return string(sector)
	case Kind:
		return string(kind)
	case Status:
		return string(status)
	case Year:
		if registered.IsZero() {
			return ""
		}
		return strconv.Itoa(registered.Year())
	}
	return ""
}

// Label returns the name of a dimension's value in lang: a region's,
// province's, delegation's or sector's name; the value itself otherwise.
func (d Dimension) Label(value string, lang coop.Lang) string {
	switch d {
	case Region:
		return coop.RegionCode(value).Name(lang)
	case Province:
		return coop.ProvinceCode(value).Name(lang)
	case Delegation:
		return coop.DelegationID(value).Name(lang)
	case Sector:
		return coop.Sector(value).Name(lang)
	}
	return value
}

// InRegistry reports whether c is in the register at asOf: registered on or
// before asOf and not struck off by then. Dissolved cooperatives and those
// in liquidation stay in the register until they are struck off (art. 13).
func InRegistry(c *coop.Cooperative, asOf coop.Date) bool {
	return inRegister(c.RegisteredOn, c.StatusAt(asOf), asOf)
}

// inRegister is the one rule of InRegistry and of its read-model form: a
// cooperative registered by asOf whose status then is status.
func inRegister(registered coop.Date, status coop.Status, asOf coop.Date) bool {
	return !registered.IsZero() && !registered.After(asOf) && status != coop.StruckOff
}

// Counts are the figures of one row of a table.
type Counts struct {
	Cooperatives int `json:"cooperatives"`
	Unions       int `json:"unions"`
	Members      int `json:"members"`
	Women        int `json:"women"`
	// WomenOnly counts the cooperatives all of whose members are women.
	WomenOnly int `json:"women_only"`
}

func (a *Counts) add(b Counts) {
	a.Cooperatives += b.Cooperatives
	a.Unions += b.Unions
	a.Members += b.Members
	a.Women += b.Women
	a.WomenOnly += b.WomenOnly
}

// Row is one row of a table: the values of its dimensions, its counts and
// its share of the table's cooperatives, in percent.
type Row struct {
	Keys   []string        `json:"keys"`
	Counts                 // embedded figures
	Share  decimal.Decimal `json:"share"`
	// places is the number of decimals of Share in JSON, set by the table
	// ("9.0" at one decimal, not "9"); fixed tells that it is set.
	places int32
	fixed  bool
}

// MarshalJSON writes the row with its share to the table's decimals.
func (r Row) MarshalJSON() ([]byte, error) {
	type plain Row // the fields, without this method
	share := r.Share.String()
	if r.fixed {
		share = r.Share.StringFixed(r.places)
	}
	return json.Marshal(struct {
		plain
		Share string `json:"share"`
	}{plain(r), share})
}

// Table counts cooperatives grouped by one or two dimensions at a date.
// Rows are sorted by their keys; shares are percentages of the table's
// cooperatives, rounded to Decimals places by the largest-remainder method,
// so that they sum to exactly 100.
type Table struct {
	AsOf       coop.Date   `json:"as_of"`
	Dimensions []Dimension `json:"dimensions"`
	Decimals   int         `json:"decimals"`
	Rows       []Row       `json:"rows"`
	Total      Counts      `json:"total"`
}

// MarshalJSON writes the table with its rows as an array, empty or not.
func (t Table) MarshalJSON() ([]byte, error) {
	type plain Table // the fields, without this method
	if t.Rows == nil {
		t.Rows = []Row{}
	}
	return json.Marshal(plain(t))
}

// Row returns the row with the given keys.
func (t *Table) Row(keys ...string) (Row, bool) {
	for _, r := range t.Rows {
		if slices.Equal(r.Keys, keys) {
			return r, true
		}
	}
	return Row{}, false
}

// Count groups the cooperatives of seq in the register at asOf by one or
// two dimensions (say Sector, Region for sector x region), with shares to
// decimals places. Invalid for no dimension, more than two, an unknown one,
// or decimals outside 0 to 4.
func Count(seq iter.Seq[coop.Cooperative], asOf coop.Date, decimals int, dims ...Dimension) (Table, error) {
	if err := checkTable(asOf, decimals, dims); err != nil {
		return Table{}, err
	}
	m, err := readmodel.Build(context.Background(), seq)
	if err != nil {
		return Table{}, err
	}
	return CountModel(m, asOf, decimals, dims...)
}

// CountModel is Count over a read model (coop/readmodel), the one
// implementation of the table: Count builds the model of its sequence and
// calls it.
func CountModel(m *readmodel.Model, asOf coop.Date, decimals int, dims ...Dimension) (Table, error) {
	if err := checkTable(asOf, decimals, dims); err != nil {
		return Table{}, err
	}
	g := newGrouping(asOf, decimals, dims)
	for i := range m.Len() {
		c := m.Coop(i)
		if !inRegistryModel(c, asOf) {
			continue
		}
		var k [2]string
		for j, d := range dims {
			k[j] = d.compactKey(c, m.ProvinceAt(i, asOf), asOf)
		}
		g.add(k, compactFigures(m, c, asOf))
	}
	return g.table(), nil
}

// grouping gathers the rows of a table by their keys, and its total.
type grouping struct {
	t      Table
	groups map[[2]string]*Counts
}

func newGrouping(asOf coop.Date, decimals int, dims []Dimension) *grouping {
	return &grouping{t: Table{AsOf: asOf, Dimensions: slices.Clone(dims), Decimals: decimals}, groups: map[[2]string]*Counts{}}
}

// add counts figures f under keys k.
func (g *grouping) add(k [2]string, f Counts) {
	row := g.groups[k]
	if row == nil {
		row = &Counts{}
		g.groups[k] = row
	}
	row.add(f)
	g.t.Total.add(f)
}

// table returns the table of the rows gathered, sorted and with shares.
func (g *grouping) table() Table {
	for k, row := range g.groups {
		g.t.Rows = append(g.t.Rows, Row{Keys: slices.Clone(k[:len(g.t.Dimensions)]), Counts: *row})
	}
	finish(&g.t)
	return g.t
}

// inRegistryModel is InRegistry for a cooperative of a read model.
func inRegistryModel(c *readmodel.Coop, asOf coop.Date) bool {
	return inRegister(c.Registered, c.StatusAt(asOf), asOf)
}

// compactKey is key for a cooperative of a read model whose seat was in
// province at asOf.
func (d Dimension) compactKey(c *readmodel.Coop, province coop.ProvinceCode, asOf coop.Date) string {
	kind := coop.KindCooperative
	if c.IsUnion() {
		kind = coop.KindUnion
	}
	return d.keyOf(province, c.Sector(), kind, c.StatusAt(asOf), c.Registered)
}

// compactFigures returns the counts of one cooperative of a read model
// at asOf: the members active then, the women among them, and whether it
// has women only.
func compactFigures(m *readmodel.Model, c *readmodel.Coop, asOf coop.Date) Counts {
	var f Counts
	if c.IsUnion() {
		f.Unions = 1
	} else {
		f.Cooperatives = 1
	}
	members := m.Members(c)
	if len(members) == 0 {
		f.Members, _ = m.MemberCount(c)
		return f
	}
	allWomen := true
	for i := range members {
		mb := &members[i]
		if !mb.ActiveAt(asOf) {
			continue
		}
		f.Members++
		if mb.Gender == readmodel.Female {
			f.Women++
		} else {
			allWomen = false
		}
	}
	if allWomen && f.Members > 0 {
		f.WomenOnly = 1
	}
	return f
}

func checkTable(asOf coop.Date, decimals int, dims []Dimension) error {
	var fs coop.Fields
	if asOf.IsZero() {
		fs.Add("as_of", "required", "", "the date of the figures is required")
	}
	if len(dims) == 0 || len(dims) > 2 {
		fs.Add("by", "count", "1-2", "group by one or two dimensions")
	}
	for _, d := range dims {
		if !d.Valid() {
			fs.Add("by", "dimension", "", "%q is not a dimension", d)
		}
	}
	if decimals < 0 || decimals > 4 {
		fs.Add("decimals", "range", "0-4", "0 to 4 decimals")
	}
	return fs.Err("stats.Count", "invalid table")
}

// finish sorts the rows and computes their shares.
func finish(t *Table) {
	slices.SortFunc(t.Rows, func(a, b Row) int {
		for i := range a.Keys {
			if c := compareKey(t.Dimensions[i], a.Keys[i], b.Keys[i]); c != 0 {
				return c
			}
		}
		return 0
	})
	counts := make([]int, len(t.Rows))
	for i, r := range t.Rows {
		counts[i] = r.Cooperatives + r.Unions
	}
	for i, s := range Shares(counts, t.Decimals) {
		t.Rows[i].Share, t.Rows[i].places, t.Rows[i].fixed = s, int32(t.Decimals), true
	}
}

func compareKey(d Dimension, a, b string) int {
	if d == Sector {
		ia, ib := coop.Sector(a).Index(), coop.Sector(b).Index()
		if ia != ib {
			return cmp.Compare(ia, ib)
		}
	}
	return cmp.Compare(a, b)
}

// Shares returns each count's share of the total in percent, rounded to
// decimals places by the largest-remainder method: every share is first
// rounded down, then the units still missing to reach 100 go to the shares
// with the largest remainders (ties to the earlier). The shares sum to
// exactly 100 unless every count is zero, when they are all zero.
func Shares(counts []int, decimals int) []decimal.Decimal {
	out := make([]decimal.Decimal, len(counts))
	total := 0
	for _, c := range counts {
		total += c
	}
	if total == 0 {
		for i := range out {
			out[i] = decimal.Zero
		}
		return out
	}
	// Work in integer units of 10^-decimals percent.
	scale := int64(100)
	for i := 0; i < decimals; i++ {
		scale *= 10
	}
	type part struct {
		i     int
		units int64
		rem   int64
	}
	parts := make([]part, len(counts))
	var sum int64
	for i, c := range counts {
		num := int64(c) * scale
		parts[i] = part{i, num / int64(total), num % int64(total)}
		sum += parts[i].units
	}
	order := slices.Clone(parts)
	slices.SortStableFunc(order, func(a, b part) int { return cmp.Compare(b.rem, a.rem) })
	for j := 0; sum < scale; j++ {
		parts[order[j].i].units++
		sum++
	}
	for i, p := range parts {
		out[i] = decimal.New(p.units, int32(-decimals))
	}
	return out
}
