package synthetic_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/stats"
	"github.com/taawun/taawun/stats/synthetic"
)

// The statistics of the generated registry reproduce its calibration
// targets.
func TestGenerate_Calibration(t *testing.T) {
	if raceDetector {
		// Generating and counting the whole national registry is
		// sequential work the detector has nothing to find in, and takes
		// it 50 s; .ci/run runs this test without it.
		t.Skip("the national registry is checked without the race detector (.ci/run)")
	}
	reg := synthetic.Generate(nil)
	require.Len(t, reg, synthetic.DefaultCooperatives)
	r, err := synthetic.Report(reg)
	require.NoError(t, err)
	assert.Equal(t, 60939, r.Totals.Cooperatives)
	assert.Equal(t, 764000, r.Totals.Members)
	assert.Equal(t, 7874, r.Totals.WomenOnly)
	assert.Equal(t, "34.0", r.WomenShare.StringFixed(1))

	agri, _ := r.BySector.Row(string(coop.Agriculture))
	assert.Equal(t, "63.5", agri.Share.StringFixed(1))
	hand, _ := r.BySector.Row(string(coop.Handicraft))
	house, _ := r.BySector.Row(string(coop.Housing))
	assert.Greater(t, hand.Cooperatives, house.Cooperatives)
	assert.Greater(t, house.Members/house.Cooperatives, 40, "housing cooperatives are large")
	assert.True(t, r.MedianMembers.LessThan(r.AverageMembers), "sizes are skewed: median %s, mean %s", r.MedianMembers, r.AverageMembers)

	// Growth: the register at each anchor date holds the anchor's count.
	for _, a := range synthetic.Growth[1:] {
		tab, err := stats.Count(slices.Values(reg), a.Date, 1, stats.Kind)
		require.NoError(t, err)
		assert.InDelta(t, a.Cooperatives, tab.Total.Cooperatives, 1, a.Date.String())
	}
	for _, want := range []struct {
		date string
		n    int
	}{{"2015-06-30", 14859}, {"2020-06-30", 34515}, {"2022-12-31", 53800}} {
		tab, _ := stats.Count(slices.Values(reg), coop.MustParseDate(want.date), 1, stats.Kind)
		assert.InDelta(t, want.n, tab.Total.Cooperatives, 1, want.date)
	}

	// Every region and every sector of the weights is there.
	assert.Len(t, r.ByRegion.Rows, 12)
	cas, ok := r.ByDelegation.Row("casablanca")
	require.True(t, ok)
	assert.Positive(t, cas.Cooperatives)
}

func TestGenerate_Compliant(t *testing.T) {
	reg := synthetic.Generate(&synthetic.Options{Seed: 7, Cooperatives: 4000})
	for i := range reg {
		rep := coop.CheckLaw(&reg[i], synthetic.AsOf)
		require.Equal(t, coop.Compliant, rep.Outcome, "%s: %v %v", reg[i].Name, rep.Failed(), rep.Unknown())
		require.NoError(t, reg[i].Validate())
	}
}

func TestGenerate_Defects(t *testing.T) {
	reg := synthetic.Generate(&synthetic.Options{Seed: 3, Cooperatives: 5000, DefectRate: 0.1})
	bad := map[string]int{}
	n := 0
	for i := range reg {
		rep := coop.CheckLaw(&reg[i], synthetic.AsOf)
		if rep.Outcome == coop.NonCompliant {
			n++
			for _, id := range rep.Failed() {
				bad[id]++
			}
		}
	}
	assert.Equal(t, 500, n)
	for _, id := range []string{coop.CheckMembersMin, coop.CheckCapitalMin, coop.CheckPaidAtSubscription, coop.CheckTransition108, coop.CheckDurationMax} {
		assert.Positive(t, bad[id], id)
	}
}

func TestGenerate_Deterministic(t *testing.T) {
	a := synthetic.Generate(&synthetic.Options{Seed: 42, Cooperatives: 500})
	b := synthetic.Generate(&synthetic.Options{Seed: 42, Cooperatives: 500})
	c := synthetic.Generate(&synthetic.Options{Seed: 43, Cooperatives: 500})
	require.Len(t, a, 500)
	for i := range a {
		assert.Equal(t, a[i].Name, b[i].Name)
		assert.Equal(t, a[i].RegisteredOn, b[i].RegisteredOn)
		assert.Equal(t, len(a[i].Members), len(b[i].Members))
		assert.Equal(t, a[i].Members[0].BirthDate, b[i].Members[0].BirthDate)
	}
	same := 0
	for i := range a {
		if a[i].Province == c[i].Province && len(a[i].Members) == len(c[i].Members) {
			same++
		}
	}
	assert.Less(t, same, 250, "another seed gives another registry")
}

// All yields the registry Generate returns, equal cooperative by
// cooperative, with and without defects, and stops when asked.
func TestAll_AsGenerate(t *testing.T) {
	tests := []struct {
		name string
		opts *synthetic.Options
	}{
		{"small", &synthetic.Options{Seed: 42, Cooperatives: 800}},
		{"with defects", &synthetic.Options{Seed: 7, Cooperatives: 600, DefectRate: 0.1}},
		{"few members", &synthetic.Options{Seed: 3, Cooperatives: 300, Members: 1500, WomenShare: 0.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := synthetic.Generate(tt.opts)
			got := slices.Collect(synthetic.All(tt.opts))
			require.Equal(t, want, got)

			n := 0
			for range synthetic.All(tt.opts) {
				if n++; n == 10 {
					break
				}
			}
			assert.Equal(t, 10, n)
		})
	}
}

func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		synthetic.Generate(nil)
	}
}

func BenchmarkNational(b *testing.B) {
	reg := synthetic.Generate(nil)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := stats.National(slices.Values(reg), stats.ReportOptions{AsOf: synthetic.AsOf, Decimals: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// The national report's tables and member figures agree with stats.Count and
// with a member-by-member recount, whatever the number of workers, at
// several dates (members who joined or
// left, cooperatives struck off, birthdays on the day).
func TestNational_AgreesWithCount(t *testing.T) {
	reg := synthetic.Generate(&synthetic.Options{Seed: 11, Cooperatives: 6000, Members: 80000})
	for _, date := range []string{"2010-02-28", "2020-06-30", "2024-02-29", "2024-12-31"} {
		asOf := coop.MustParseDate(date)
		r, err := stats.National(slices.Values(reg), stats.ReportOptions{AsOf: asOf, Decimals: 2})
		require.NoError(t, err)
		for _, workers := range []int{1, 3} {
			other, err := stats.National(slices.Values(reg), stats.ReportOptions{AsOf: asOf, Decimals: 2, Workers: workers})
			require.NoError(t, err)
			assert.Equal(t, r, other, "%s with %d workers", date, workers)
		}
		for _, tc := range []struct {
			got  stats.Table
			dims []stats.Dimension
		}{
			{r.ByRegion, []stats.Dimension{stats.Region}},
			{r.BySector, []stats.Dimension{stats.Sector}},
			{r.ByDelegation, []stats.Dimension{stats.Delegation}},
			{r.FoundedPerYear, []stats.Dimension{stats.Year}},
			{r.RegionSector, []stats.Dimension{stats.Region, stats.Sector}},
		} {
			want, err := stats.Count(slices.Values(reg), asOf, 2, tc.dims...)
			require.NoError(t, err)
			assert.Equal(t, want, tc.got, "%s by %v", date, tc.dims)
		}
		var men, youth, noAge int
		var sizes []int
		for i := range reg {
			c := &reg[i]
			if !stats.InRegistry(c, asOf) {
				continue
			}
			n := 0
			for j := range c.Members {
				m := &c.Members[j]
				if !m.ActiveAt(asOf, c.RegisteredOn) {
					continue
				}
				n++
				if m.Gender == coop.Male {
					men++
				}
				switch {
				case m.BirthDate.IsZero():
					noAge++
				case coop.AgedBetween(m.BirthDate, asOf, 18, stats.DefaultYouthMaxAge):
					youth++
				}
			}
			sizes = append(sizes, n)
		}
		slices.Sort(sizes)
		assert.Equal(t, men, r.Men, date)
		assert.Equal(t, youth, r.Youth, date)
		assert.Equal(t, noAge, r.AgeUnknown, date)
		k := len(sizes)
		median := float64(sizes[k/2])
		if k%2 == 0 {
			median = float64(sizes[k/2-1]+sizes[k/2]) / 2
		}
		assert.Equal(t, median, r.MedianMembers.InexactFloat64(), date)
	}
}
