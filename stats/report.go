package stats

import (
	"encoding/csv"
	"io"
	"iter"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
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

// National computes the national report over seq in one pass. Invalid for a
// missing date, a youth bound below 18 or decimals outside 0 to 4.
func National(seq iter.Seq[coop.Cooperative], opts ReportOptions) (Report, error) {
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
	if err := fs.Err("stats.National", "invalid report"); err != nil {
		return Report{}, err
	}
	asOf := opts.AsOf
	r := Report{AsOf: asOf, YouthMaxAge: opts.YouthMaxAge}
	type pair struct{ a, b string }
	region := map[string]*Counts{}
	sector := map[string]*Counts{}
	deleg := map[string]*Counts{}
	cross := map[pair]*Counts{}
	years := map[string]*Counts{}
	bump := func(m map[string]*Counts, k string, f Counts) {
		g := m[k]
		if g == nil {
			g = &Counts{}
			m[k] = g
		}
		g.add(f)
	}
	var sizes []int
	var sub, paid centimes
	for c := range seq {
		if !InRegistry(&c, asOf) {
			continue
		}
		f := figures(&c, asOf)
		r.Totals.add(f)
		reg, sec := string(c.Province.Region()), string(c.Sector)
		bump(region, reg, f)
		bump(sector, sec, f)
		bump(deleg, string(c.Province.Delegation()), f)
		bump(years, strconv.Itoa(c.RegisteredOn.Year()), f)
		p := pair{reg, sec}
		g := cross[p]
		if g == nil {
			g = &Counts{}
			cross[p] = g
		}
		g.add(f)
		sizes = append(sizes, f.Members)
		for i := range c.Members {
			m := &c.Members[i]
			if !m.ActiveAt(asOf, c.RegisteredOn) {
				continue
			}
			switch m.Gender {
			case coop.Male:
				r.Men++
			case coop.Female:
			default:
				r.GenderUnknown++
			}
			switch {
			case m.BirthDate.IsZero():
				r.AgeUnknown++
			case coop.AgedBetween(m.BirthDate, asOf, 18, opts.YouthMaxAge):
				r.Youth++
			}
			for j := range m.Shares {
				sub.addMovement(&m.Shares[j], asOf, &paid)
			}
		}
	}
	r.Subscribed, r.Paid = sub.decimal(), paid.decimal()
	if r.Totals.Members > 0 {
		r.WomenShare = decimal.NewFromInt(int64(r.Totals.Women)).Mul(decimal.NewFromInt(100)).
			DivRound(decimal.NewFromInt(int64(r.Totals.Members)), int32(opts.Decimals))
	}
	if n := len(sizes); n > 0 {
		r.AverageMembers = decimal.NewFromInt(int64(r.Totals.Members)).DivRound(decimal.NewFromInt(int64(n)), 2)
		slices.Sort(sizes)
		if n%2 == 1 {
			r.MedianMembers = decimal.NewFromInt(int64(sizes[n/2]))
		} else {
			r.MedianMembers = decimal.NewFromInt(int64(sizes[n/2-1] + sizes[n/2])).Div(decimal.NewFromInt(2))
		}
	}
	table := func(dims []Dimension, groups map[string]*Counts) Table {
		t := Table{AsOf: asOf, Dimensions: dims, Decimals: opts.Decimals, Total: r.Totals}
		for k, g := range groups {
			t.Rows = append(t.Rows, Row{Keys: []string{k}, Counts: *g})
		}
		finish(&t)
		return t
	}
	r.ByRegion = table([]Dimension{Region}, region)
	r.BySector = table([]Dimension{Sector}, sector)
	r.ByDelegation = table([]Dimension{Delegation}, deleg)
	r.FoundedPerYear = table([]Dimension{Year}, years)
	r.RegionSector = Table{AsOf: asOf, Dimensions: []Dimension{Region, Sector}, Decimals: opts.Decimals, Total: r.Totals}
	for k, g := range cross {
		r.RegionSector.Rows = append(r.RegionSector.Rows, Row{Keys: []string{k.a, k.b}, Counts: *g})
	}
	finish(&r.RegionSector)
	return r, nil
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

// addMovement adds a share movement dated on or before asOf to the
// subscribed capital, and what it paid to paid.
func (c *centimes) addMovement(mv *coop.ShareMovement, asOf coop.Date, paid *centimes) {
	if mv.On.After(asOf) {
		return
	}
	switch mv.Kind {
	case coop.Subscription, coop.TransferIn:
		c.add(mv.Amount)
		if mv.Paid.Valid {
			paid.add(mv.Paid.Decimal)
		}
	case coop.Payment:
		paid.add(mv.Amount)
	case coop.TransferOut, coop.Refund:
		c.add(mv.Amount.Neg())
		if mv.Paid.Valid {
			paid.add(mv.Paid.Decimal.Neg())
		} else {
			paid.add(mv.Amount.Neg())
		}
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
	for c := range seq {
		if InRegistry(&c, from) {
			g.Before.add(figures(&c, from))
		}
		if InRegistry(&c, to) {
			g.After.add(figures(&c, to))
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
// women, women_only and share; a last row "total".
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
		_ = cw.Write(rec)
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
