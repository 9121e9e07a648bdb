// Package synthetic generates a synthetic national registry of Moroccan
// cooperatives, deterministic from a seed and calibrated to the official
// figures of the ministry and ODCO (as the Secretary of State gave them in
// 2025): 60,939 cooperatives and
// 764,000 members in 2024, registrations growing from about 3,000 in 1998
// to 14,859 by mid-2015, 34,515 by mid-2020 and 53,800 by the end of 2022,
// agriculture about 63 % of cooperatives, handicraft next, then housing,
// 34 % women among members, 7,874 women-only cooperatives, most
// cooperatives small and a few housing cooperatives large.
//
// Tests, benchmarks and examples import it. Every cooperative passes the
// Law 112-12 check (coop.CheckLaw) unless Options.DefectRate asks for a
// share of defects.
//
// Where the sources give no figure (regions for a single recent date,
// provinces within most regions, ages, shares per member), the generator
// uses the documented assumptions of this package's variables; they are
// calibration choices, not facts.
package synthetic

import (
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/stats"
)

// Anchor is a cumulative number of cooperatives registered by a date.
type Anchor struct {
	Date         coop.Date
	Cooperatives int
}

// Growth are the cumulative national totals the registration dates follow
// (statistics.md §1): the 1998 census, end 2003, 2008, end 2013, June 2015,
// end 2017 ("over 20,000"), June 2020, end 2020, end 2022 and 2024. The
// first anchor, 1962 (the creation of ODCO's predecessor), starts the curve.
var Growth = []Anchor{
	{coop.MustParseDate("1962-01-01"), 0},
	{coop.MustParseDate("1998-12-31"), 2986},
	{coop.MustParseDate("2003-12-31"), 4540},
	{coop.MustParseDate("2008-12-31"), 6265},
	{coop.MustParseDate("2013-12-31"), 12022},
	{coop.MustParseDate("2015-06-30"), 14859},
	{coop.MustParseDate("2017-12-31"), 20000},
	{coop.MustParseDate("2020-06-30"), 34515},
	{coop.MustParseDate("2020-12-31"), 40531},
	{coop.MustParseDate("2022-12-31"), 53800},
	{coop.MustParseDate("2024-12-31"), 60939},
}

// SectorWeights are the shares of cooperatives by sector, in percent:
// agriculture 63.5 and handicraft 18.5 (June 2020: 63.67 % and 6,513 of
// 34,515), housing 3.5 (about 1,219 in 2020); the small sectors follow the
// order of the yearly creations (statistics.md §2) and are assumptions.
// The weights sum to 100.
var SectorWeights = map[coop.Sector]float64{
	coop.Agriculture: 63.5, coop.Handicraft: 18.5, coop.Housing: 3.5, coop.Services: 2.35, coop.Argan: 2.0, coop.Food: 2.0,
	coop.AromaticMedicinal: 1.5, coop.Fishing: 1.5, coop.Forestry: 1.0, coop.Transport: 1.0, coop.Literacy: 0.6,
	coop.Consumption: 0.5, coop.Retail: 0.4, coop.Labour: 0.3, coop.Tourism: 0.3, coop.Waste: 0.2, coop.ECommerce: 0.2,
	coop.Quarries: 0.1, coop.ManagementConsulting: 0.1, coop.ArtsCulture: 0.1, coop.Communication: 0.1,
	coop.RenewableEnergy: 0.1, coop.Mines: 0.05, coop.Printing: 0.05, coop.Bookshop: 0.05,
}

// RegionWeights are the shares of cooperatives by region, in percent. No
// national breakdown for one recent date was found (statistics.md §3); these
// follow the regional counts of 2020-2025 (Souss-Massa 4,772, Guelmim-Oued
// Noun 2,870, Laâyoune-Sakia El Hamra 2,685, Drâa-Tafilalet 6 %, Béni
// Mellal-Khénifra about 5,000) and are an assumption.
var RegionWeights = map[coop.RegionCode]float64{
	"MA-01": 9, "MA-02": 10, "MA-03": 12, "MA-04": 8, "MA-05": 9, "MA-06": 9,
	"MA-07": 14, "MA-08": 6.5, "MA-09": 10, "MA-10": 5.5, "MA-11": 5, "MA-12": 2,
}

// ProvinceWeights weigh provinces within their region where the sources
// give figures: the Casablanca delegation (757, 200, 93, 85 in 2023) with the
// rest of Casablanca-Settat shared evenly, the Kénitra delegation (38 %,
// 32 %, 31 %), Drâa-Tafilalet in 2020 (Errachidia 533, Midelt 372,
// Ouarzazate 329, Zagora 328, Tinghir 252). Other provinces weigh 1 within
// their region.
var ProvinceWeights = map[coop.ProvinceCode]float64{
	"MA-CAS": 757, "MA-MOH": 200, "MA-NOU": 93, "MA-MED": 85,
	"MA-JDI": 870, "MA-BES": 870, "MA-BRR": 870, "MA-SET": 870, "MA-SIB": 870,
	"MA-KEN": 591, "MA-SIK": 498, "MA-SIL": 482, "MA-RAB": 825, "MA-SAL": 825, "MA-SKH": 825, "MA-KHE": 825,
	"MA-ERR": 533, "MA-MID": 372, "MA-OUA": 329, "MA-ZAG": 328, "MA-TIN": 252,
}

// Options configures Generate. The zero value of each field means its
// default.
type Options struct {
	// Seed makes the registry; the same seed gives the same registry.
	Seed uint64
	// Cooperatives is the number of cooperatives (default 60,939, 2024).
	Cooperatives int
	// Members is the total number of members (default 764,000, 2024).
	Members int
	// WomenOnly is the number of cooperatives whose members are all women
	// (default 7,874, 2024).
	WomenOnly int
	// WomenShare is the women's share of members (default 0.34).
	WomenShare float64
	// DefectRate is the share of cooperatives given one Law 112-12 defect
	// (fewer than 5 members, capital below 1000.00, shares less than a
	// quarter paid, a Law 24-83 cooperative never conformed, a duration of
	// 100 years), in turn. Default 0: every cooperative complies.
	DefectRate float64
}

// Defaults of Options.
const (
	DefaultCooperatives = 60939
	DefaultMembers      = 764000
	DefaultWomenOnly    = 7874
	DefaultWomenShare   = 0.34
)

// AsOf is the date at which the default registry matches its figures: the
// last anchor of Growth.
var AsOf = coop.MustParseDate("2024-12-31")

var words = []string{"Al Amal", "Annour", "Tawada", "Al Baraka", "Tifawin", "Assafa", "Al Ittihad", "Tamount", "Annahda", "Essalam",
	"Al Khair", "Izourane", "Tiguemmi", "Al Wafa", "Tafraout", "Al Fajr", "Oulmès", "Atlas", "Tilila", "Al Massira"}

// Generate returns the registry, sorted by registration date.
func Generate(opts *Options) []coop.Cooperative {
	g := newGenerator(opts)
	for i := range g.out {
		g.fill(i)
	}
	injectDefects(g.out, g.o.DefectRate, g.rng)
	return g.out
}

// All yields the registry that Generate returns, cooperative by
// cooperative, in the same order and equal to it. Each cooperative's
// members are made as it is yielded, so that a consumer that keeps its own
// copy (registry.Registry.Import does) never holds the registry twice.
// The cooperatives yielded are the consumer's: nothing else refers to
// them. With a DefectRate, the defects are drawn once every member exists,
// and All yields from a generated registry.
func All(opts *Options) iter.Seq[coop.Cooperative] {
	return func(yield func(coop.Cooperative) bool) {
		if opts != nil && opts.DefectRate > 0 {
			for _, c := range Generate(opts) {
				if !yield(c) {
					return
				}
			}
			return
		}
		g := newGenerator(opts)
		for i := range g.out {
			g.fill(i)
			c := g.out[i]
			g.out[i] = coop.Cooperative{} // the consumer's now
			if !yield(c) {
				return
			}
		}
	}
}

// generator holds a registry being generated: the cooperatives without
// their members, and what fill needs to make the members of each in turn.
type generator struct {
	o         Options
	rng       *rand.Rand
	out       []coop.Cooperative
	sizes     []int
	womenOnly []bool
	// women is the number of women still to place among the slots left in
	// the cooperatives that are not women-only.
	women, slots int
	amounts      []decimal.Decimal
}

// newGenerator draws the cooperatives (dates, sectors, provinces, sizes,
// women-only ones) of the registry opts describes.
func newGenerator(opts *Options) *generator {
	o := Options{Seed: 1}
	if opts != nil {
		o = *opts
	}
	if o.Cooperatives <= 0 {
		o.Cooperatives = DefaultCooperatives
	}
	if o.Members <= 0 {
		o.Members = o.Cooperatives * DefaultMembers / DefaultCooperatives
	}
	if o.WomenOnly <= 0 {
		o.WomenOnly = o.Cooperatives * DefaultWomenOnly / DefaultCooperatives
	}
	if o.WomenShare <= 0 {
		o.WomenShare = DefaultWomenShare
	}
	n := o.Cooperatives
	rng := rand.New(rand.NewPCG(o.Seed, 0x7461617775756e)) // "taawun"

	dates := registrationDates(n, rng)
	sectors := spread(n, SectorWeights, rng, func(s coop.Sector) int { return s.Index() })
	provinces := provinceSpread(n, rng)

	out := make([]coop.Cooperative, n)
	hundred := coop.MustParseMAD("100")
	seq := map[string]int{}
	for i := range out {
		reg := dates[i]
		c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
			Name:   fmt.Sprintf("Coopérative %s %d", words[i%len(words)], i+1),
			Sector: sectors[i], Province: provinces[i], RegisteredOn: reg, Court: string(provinces[i])[3:],
			Statutes: coop.Statutes{DurationYears: 99, ShareNominal: hundred}}
		if reg.Before(coop.LawInForce) {
			c.FoundedUnder = coop.Law2483
			c.ConformedOn = coop.MustParseDate("2016-01-01").AddDays(rng.IntN(1400))
		}
		key := c.Court + "/" + fmt.Sprint(reg.Year())
		seq[key]++
		c.RegistrationNumber = fmt.Sprintf("1/%s/%d/%d", c.Court, reg.Year(), seq[key])
		out[i] = c
	}
	g := &generator{o: o, rng: rng, out: out}
	g.sizes = memberSizes(out, o.Members, rng)
	g.womenOnly = pickWomenOnly(out, g.sizes, o.WomenOnly, rng)
	g.women = int(o.WomenShare*float64(o.Members) + 0.5)
	for i, s := range g.sizes {
		if g.womenOnly[i] {
			g.women -= s
		} else {
			g.slots += s - 1
		}
	}
	g.women = max(g.women, 0)
	g.amounts = make([]decimal.Decimal, 101)
	for k := range g.amounts {
		g.amounts[k] = coop.MustParseMAD(fmt.Sprint(k * 100))
	}
	return g
}

// registrationDates returns n dates, ascending, following Growth scaled to n.
func registrationDates(n int, rng *rand.Rand) []coop.Date {
	last := Growth[len(Growth)-1].Cooperatives
	out := make([]coop.Date, n)
	for i := range out {
		target := (float64(i) + rng.Float64()) / float64(n) * float64(last)
		j := 1
		for j < len(Growth)-1 && float64(Growth[j].Cooperatives) < target {
			j++
		}
		a, b := Growth[j-1], Growth[j]
		frac := (target - float64(a.Cooperatives)) / float64(b.Cooperatives-a.Cooperatives)
		// A date in (a, b]: the register holds exactly b's count on b's date.
		days := a.Date.DaysUntil(b.Date)
		off := int(math.Ceil(frac * float64(days)))
		out[i] = a.Date.AddDays(min(max(off, 1), days))
	}
	slices.SortFunc(out, coop.Date.Compare)
	return out
}

// spread returns n values with counts proportional to weights (largest
// remainder), in a random order.
func spread[K comparable](n int, weights map[K]float64, rng *rand.Rand, order func(K) int) []K {
	keys := make([]K, 0, len(weights))
	for k := range weights {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b K) int { return order(a) - order(b) })
	total := 0.0
	for _, k := range keys {
		total += weights[k]
	}
	counts := make([]int, len(keys))
	rems := make([]float64, len(keys))
	sum := 0
	for i, k := range keys {
		x := weights[k] / total * float64(n)
		counts[i] = int(x)
		rems[i] = x - float64(counts[i])
		sum += counts[i]
	}
	for sum < n {
		best := 0
		for i := range rems {
			if rems[i] > rems[best] {
				best = i
			}
		}
		counts[best]++
		rems[best] = -1
		sum++
	}
	out := make([]K, 0, n)
	for i, k := range keys {
		for j := 0; j < counts[i]; j++ {
			out = append(out, k)
		}
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func provinceSpread(n int, rng *rand.Rand) []coop.ProvinceCode {
	weights := map[coop.ProvinceCode]float64{}
	for _, r := range coop.Regions() {
		ps := r.Code.Provinces()
		total := 0.0
		for _, p := range ps {
			total += provinceWeight(p)
		}
		for _, p := range ps {
			weights[p] = RegionWeights[r.Code] * provinceWeight(p) / total
		}
	}
	index := map[coop.ProvinceCode]int{}
	for i, p := range coop.Provinces() {
		index[p.Code] = i
	}
	return spread(n, weights, rng, func(p coop.ProvinceCode) int { return index[p] })
}

func provinceWeight(p coop.ProvinceCode) float64 {
	if w, ok := ProvinceWeights[p]; ok {
		return w
	}
	return 1
}

// memberSizes draws skewed sizes (most cooperatives of 5 to 8 members, a
// few of over 50, housing cooperatives of 20 to 120) and adjusts them to
// sum to total exactly.
func memberSizes(cs []coop.Cooperative, total int, rng *rand.Rand) []int {
	sizes := make([]int, len(cs))
	sum := 0
	for i := range cs {
		u := rng.Float64()
		switch {
		case cs[i].Sector == coop.Housing:
			sizes[i] = 20 + rng.IntN(101)
		case u < 0.75:
			sizes[i] = 5 + rng.IntN(4)
		case u < 0.95:
			sizes[i] = 9 + rng.IntN(12)
		case u < 0.995:
			sizes[i] = 21 + rng.IntN(30)
		default:
			sizes[i] = 51 + rng.IntN(100)
		}
		sum += sizes[i]
	}
	// Spread the difference over the cooperatives that are not the
	// smallest, keeping every cooperative at 5 members or more.
	for sum != total {
		changed := false
		for i := 0; i < len(cs) && sum != total; i++ {
			switch {
			case sum < total && sizes[i] >= 9:
				sizes[i]++
				sum++
				changed = true
			case sum > total && sizes[i] > 9:
				sizes[i]--
				sum--
				changed = true
			}
		}
		if !changed {
			break // the total cannot be reached without going below 9
		}
	}
	return sizes
}

// pickWomenOnly chooses the women-only cooperatives: argan first (94 % of
// argan cooperatives are women's), then handicraft, agriculture, food and
// aromatic plants, among cooperatives of up to 30 members.
func pickWomenOnly(cs []coop.Cooperative, sizes []int, want int, rng *rand.Rand) []bool {
	priority := map[coop.Sector]int{coop.Argan: 0, coop.Handicraft: 1, coop.Agriculture: 2, coop.Food: 2, coop.AromaticMedicinal: 2}
	type cand struct {
		i, p int
		r    float64
	}
	var cands []cand
	for i := range cs {
		if p, ok := priority[cs[i].Sector]; ok && sizes[i] <= 30 {
			cands = append(cands, cand{i, p, rng.Float64()})
		}
	}
	// Argan cooperatives are nearly all women's; handicraft and agriculture
	// share the rest at random.
	slices.SortFunc(cands, func(a, b cand) int {
		if a.p == 0 || b.p == 0 {
			return a.p - b.p
		}
		switch {
		case a.r < b.r:
			return -1
		case a.r > b.r:
			return 1
		}
		return 0
	})
	out := make([]bool, len(cs))
	for _, c := range cands[:min(want, len(cands))] {
		out[c.i] = true
	}
	return out
}

// fill creates the members of the i-th cooperative, the cooperatives
// before it filled: all women in a women-only cooperative; elsewhere a man
// first and exactly as many women as the target needs, chosen by selection
// sampling over the registry; birth dates making every member 18 to 60 at
// registration; shares fully paid.
func (g *generator) fill(i int) {
	c, rng := &g.out[i], g.rng
	c.Members = make([]coop.Member, g.sizes[i])
	// One share movement each, all in one array: each member's clipped so
	// that appending to it never reaches the next one's.
	moves := make([]coop.ShareMovement, len(c.Members))
	for j := range c.Members {
		m := &c.Members[j]
		m.Number, m.Type = j+1, coop.Natural
		switch {
		case g.womenOnly[i]:
			m.Gender = coop.Female
		case j == 0:
			m.Gender = coop.Male
		default:
			if rng.IntN(g.slots) < g.women {
				m.Gender = coop.Female
				g.women--
			} else {
				m.Gender = coop.Male
			}
			g.slots--
		}
		age := 18 + rng.IntN(43)
		m.BirthDate = c.RegisteredOn.AddYears(-age).AddDays(-rng.IntN(365))
		k := 2 + rng.IntN(9)
		if c.Sector == coop.Housing {
			k = 20 + rng.IntN(81)
		}
		moves[j] = coop.ShareMovement{Kind: coop.Subscription, On: c.RegisteredOn, Shares: k,
			Amount: g.amounts[k], Paid: decimal.NewNullDecimal(g.amounts[k])}
		m.Shares = moves[j : j+1 : j+1]
	}
}

// injectDefects gives one defect to a share rate of the cooperatives.
func injectDefects(cs []coop.Cooperative, rate float64, rng *rand.Rand) {
	if rate <= 0 {
		return
	}
	n := int(rate*float64(len(cs)) + 0.5)
	idx := rng.Perm(len(cs))[:min(n, len(cs))]
	slices.Sort(idx)
	ten := coop.MustParseMAD("10")
	for k, i := range idx {
		c := &cs[i]
		switch k % 5 {
		case 0: // art. 14
			c.Members = c.Members[:4]
		case 1: // art. 26: 5 members with one share of 100.00
			c.Members = c.Members[:5]
			for j := range c.Members {
				c.Members[j].Shares = []coop.ShareMovement{{Kind: coop.Subscription, On: c.RegisteredOn, Shares: 1,
					Amount: coop.MustParseMAD("100"), Paid: decimal.NewNullDecimal(coop.MustParseMAD("100"))}}
			}
		case 2: // arts. 7, 26: a tenth paid
			mv := &c.Members[0].Shares[0]
			mv.Paid = decimal.NewNullDecimal(ten)
		case 3: // art. 108, for a cooperative founded under Law 24-83
			if c.FoundedUnder == coop.Law2483 {
				c.ConformedOn = coop.Date{}
				break
			}
			c.Statutes.DurationYears = 100
		case 4: // art. 5
			c.Statutes.DurationYears = 100
		}
	}
}

// Report is the national report of the generated registry at its date, a
// convenience for examples.
func Report(cs []coop.Cooperative) (stats.Report, error) {
	return stats.National(slices.Values(cs), stats.ReportOptions{AsOf: AsOf, Decimals: 1})
}
