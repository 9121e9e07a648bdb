package stats_test

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/stats"
	"github.com/taawun/taawun/stats/synthetic"
)

// TestNationalModel_AsCooperatives computes the national report over the
// read model of 3,000 varied synthetic cooperatives at three dates and
// compares it with the same figures taken from the cooperatives
// themselves: the totals, genders, ages and capital member by member with
// coop's own methods, and every table with stats.Count, which reads the
// cooperatives.
func TestNationalModel_AsCooperatives(t *testing.T) {
	cs := synthetic.Generate(&synthetic.Options{Seed: 9, Cooperatives: 3000, Members: 36000, DefectRate: 0.2})
	for i := range cs {
		c := &cs[i]
		switch i % 5 {
		case 1:
			if len(c.Members) > 2 {
				c.Members[0].Gender, c.Members[1].BirthDate = "", coop.Date{}
				c.Members[2].LeftOn = c.RegisteredOn.AddYears(2)
			}
		case 2:
			c.Members, c.MemberCount = nil, nil
			if i%2 == 0 {
				n := 4 + i%6
				c.MemberCount = &n
			}
		case 3:
			c.Status, c.StatusSince = coop.StruckOff, c.RegisteredOn.AddYears(4)
		}
	}
	m, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	for _, asOf := range []coop.Date{coop.MustParseDate("2012-12-31"), coop.MustParseDate("2020-06-30"), synthetic.AsOf} {
		r, err := stats.NationalModel(m, stats.ReportOptions{AsOf: asOf, Decimals: 1, Workers: 3})
		require.NoError(t, err)

		var want stats.Counts
		men, unknownGender, youth, unknownAge := 0, 0, 0, 0
		var sub, paid decimal.Decimal
		for i := range cs {
			c := &cs[i]
			if !stats.InRegistry(c, asOf) {
				continue
			}
			if c.IsUnion() {
				want.Unions++
			} else {
				want.Cooperatives++
			}
			n, _ := c.MembersAt(asOf)
			want.Members += n
			women, all := 0, 0
			for j := range c.Members {
				mb := &c.Members[j]
				if !mb.ActiveAt(asOf, c.RegisteredOn) {
					continue
				}
				all++
				switch mb.Gender {
				case coop.Female:
					women++
				case coop.Male:
					men++
				default:
					unknownGender++
				}
				switch {
				case mb.BirthDate.IsZero():
					unknownAge++
				case coop.AgedBetween(mb.BirthDate, asOf, 18, stats.DefaultYouthMaxAge):
					youth++
				}
				k := mb.CapitalAt(asOf)
				sub, paid = sub.Add(k.Subscribed), paid.Add(k.Paid)
			}
			want.Women += women
			if all > 0 && women == all {
				want.WomenOnly++
			}
		}
		assert.Equal(t, want, r.Totals, "%s", asOf)
		assert.Equal(t, []int{men, unknownGender, youth, unknownAge}, []int{r.Men, r.GenderUnknown, r.Youth, r.AgeUnknown}, "%s", asOf)
		assert.True(t, sub.Equal(r.Subscribed), "subscribed %s, report %s", sub, r.Subscribed)
		assert.True(t, paid.Equal(r.Paid), "paid %s, report %s", paid, r.Paid)

		for _, tt := range []struct {
			table stats.Table
			dims  []stats.Dimension
		}{
			{r.ByRegion, []stats.Dimension{stats.Region}},

			{r.BySector, []stats.Dimension{stats.Sector}},
			{r.ByDelegation, []stats.Dimension{stats.Delegation}},
			{r.FoundedPerYear, []stats.Dimension{stats.Year}},
			{r.RegionSector, []stats.Dimension{stats.Region, stats.Sector}},
		} {
			counted, err := stats.Count(slices.Values(cs), asOf, 1, tt.dims...)
			require.NoError(t, err)
			fromModel, err := stats.CountModel(m, asOf, 1, tt.dims...)
			require.NoError(t, err)
			assert.Equal(t, counted, fromModel, "CountModel %v at %s", tt.dims, asOf)
			assert.Equal(t, counted.Total, tt.table.Total, "%v at %s", tt.dims, asOf)
			require.Len(t, tt.table.Rows, len(counted.Rows), "%v at %s", tt.dims, asOf)
			for _, row := range counted.Rows {
				got, ok := tt.table.Row(row.Keys...)
				require.True(t, ok, "%v %v at %s", tt.dims, row.Keys, asOf)
				assert.Equal(t, row.Counts, got.Counts, "%v %v at %s", tt.dims, row.Keys, asOf)
				assert.True(t, row.Share.Equal(got.Share), "%v %v at %s", tt.dims, row.Keys, asOf)
			}
		}
		for _, dims := range [][]stats.Dimension{{stats.Kind, stats.Status}, {stats.Province}, {stats.Delegation, stats.Year}} {
			counted, err := stats.Count(slices.Values(cs), asOf, 2, dims...)
			require.NoError(t, err)
			fromModel, err := stats.CountModel(m, asOf, 2, dims...)
			require.NoError(t, err)
			assert.Equal(t, counted, fromModel, "CountModel %v at %s", dims, asOf)
		}
	}
}
