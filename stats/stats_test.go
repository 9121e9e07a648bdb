package stats_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/stats"
)

var d = coop.MustParseDate

func coops(n int, p coop.ProvinceCode, s coop.Sector, reg string) []coop.Cooperative {
	out := make([]coop.Cooperative, n)
	five := 5
	for i := range out {
		out[i] = coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
			Province: p, Sector: s, RegisteredOn: d(reg), MemberCount: &five}
	}
	return out
}

// The Casablanca delegation in July 2023 (ODCO Casablanca delegation page):
// 1,135 cooperatives, Casablanca 66.7 %, Mohammedia 17.6 %, Nouaceur 8.2 %,
// Médiouna 7.5 %.
func TestCount_CasablancaDelegation(t *testing.T) {
	var reg []coop.Cooperative
	reg = append(reg, coops(757, "MA-CAS", coop.Handicraft, "2020-01-01")...)
	reg = append(reg, coops(200, "MA-MOH", coop.Agriculture, "2020-01-01")...)
	reg = append(reg, coops(93, "MA-NOU", coop.Services, "2020-01-01")...)
	reg = append(reg, coops(85, "MA-MED", coop.Housing, "2020-01-01")...)
	reg = append(reg, coops(40, "MA-SET", coop.Agriculture, "2020-01-01")...) // Settat: not the delegation
	tab, err := stats.Count(slices.Values(reg), d("2023-07-31"), 1, stats.Delegation, stats.Province)
	require.NoError(t, err)

	var casa []stats.Row
	total := 0
	for _, r := range tab.Rows {
		if r.Keys[0] == "casablanca" {
			casa = append(casa, r)
			total += r.Cooperatives
		}
	}
	require.Equal(t, 1135, total)
	// Shares within the delegation.
	counts := make([]int, len(casa))
	for i, r := range casa {
		counts[i] = r.Cooperatives
	}
	shares := stats.Shares(counts, 1)
	want := map[string]string{"MA-CAS": "66.7", "MA-MOH": "17.6", "MA-NOU": "8.2", "MA-MED": "7.5"}
	for i, r := range casa {
		assert.Equal(t, want[r.Keys[1]], shares[i].StringFixed(1), r.Keys[1])
	}

	only := slices.DeleteFunc(slices.Clone(reg), func(c coop.Cooperative) bool { return c.Province.Delegation() != "casablanca" })
	byProvince, err := stats.Count(slices.Values(only), d("2023-07-31"), 1, stats.Province)
	require.NoError(t, err)
	assert.Equal(t, 1135, byProvince.Total.Cooperatives)
	got := map[string]string{}
	for _, r := range byProvince.Rows {
		got[r.Keys[0]] = r.Share.StringFixed(1)
	}
	assert.Equal(t, want, got)
}

// The Meknès delegation covers Meknès, Ifrane, El Hajeb, Khénifra, Midelt
// and Errachidia whatever their region.
func TestCount_MeknesDelegation(t *testing.T) {
	var reg []coop.Cooperative
	for i, p := range []coop.ProvinceCode{"MA-MEK", "MA-IFR", "MA-HAJ", "MA-KHN", "MA-MID", "MA-ERR", "MA-FES", "MA-BEM", "MA-OUA"} {
		reg = append(reg, coops(10+i, p, coop.Agriculture, "2021-05-05")...)
	}
	tab, err := stats.Count(slices.Values(reg), d("2024-01-01"), 1, stats.Delegation)
	require.NoError(t, err)
	r, ok := tab.Row("meknes")
	require.True(t, ok)
	assert.Equal(t, 10+11+12+13+14+15, r.Cooperatives)
	assert.Equal(t, 5*r.Cooperatives, r.Members)
	byRegion, err := stats.Count(slices.Values(reg), d("2024-01-01"), 1, stats.Delegation, stats.Region)
	require.NoError(t, err)
	regions := map[string]int{}
	for _, r := range byRegion.Rows {
		if r.Keys[0] == "meknes" {
			regions[r.Keys[1]] = r.Cooperatives
		}
	}
	assert.Equal(t, map[string]int{"MA-03": 10 + 11 + 12, "MA-05": 13, "MA-08": 14 + 15}, regions)
}

func TestShares(t *testing.T) {
	tests := []struct {
		counts   []int
		decimals int
		want     []string
	}{
		{[]int{1, 1, 1}, 0, []string{"34", "33", "33"}},
		{[]int{1, 1, 1}, 2, []string{"33.34", "33.33", "33.33"}},
		{[]int{757, 200, 93, 85}, 1, []string{"66.7", "17.6", "8.2", "7.5"}},
		{[]int{0, 0}, 1, []string{"0.0", "0.0"}},
		{[]int{5}, 1, []string{"100.0"}},
		{[]int{2, 0, 1}, 1, []string{"66.7", "0.0", "33.3"}},
	}
	for _, tt := range tests {
		got := stats.Shares(tt.counts, tt.decimals)
		var s []string
		for _, g := range got {
			s = append(s, g.StringFixed(int32(tt.decimals)))
		}
		assert.Equal(t, tt.want, s, "%v", tt.counts)
	}
}

func FuzzShares(f *testing.F) {
	f.Add([]byte{3, 7, 11, 0, 200}, uint8(1))
	f.Fuzz(func(t *testing.T, b []byte, dec uint8) {
		decimals := int(dec % 5)
		counts := make([]int, len(b))
		total := 0
		for i, x := range b {
			counts[i] = int(x)
			total += int(x)
		}
		sum := decimal.Zero
		for _, s := range stats.Shares(counts, decimals) {
			if s.Sign() < 0 {
				t.Fatalf("negative share %s", s)
			}
			sum = sum.Add(s)
		}
		if total > 0 && !sum.Equal(decimal.NewFromInt(100)) {
			t.Fatalf("shares of %v sum to %s", counts, sum)
		}
	})
}

func TestCount_AtADate(t *testing.T) {
	reg := []coop.Cooperative{
		{Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-IFR", Sector: coop.Agriculture, RegisteredOn: d("2020-01-01"),
			Members: []coop.Member{{Gender: coop.Female}, {Gender: coop.Female}, {Gender: coop.Female, JoinedOn: d("2023-01-01")},
				{Gender: coop.Male, LeftOn: d("2022-06-01")}, {Gender: coop.Female}}},
		{Kind: coop.KindCooperative, Status: coop.StruckOff, StatusSince: d("2022-01-01"), Province: "MA-IFR", Sector: coop.Agriculture,
			RegisteredOn: d("2019-01-01")},
		{Kind: coop.KindUnion, Status: coop.Active, Province: "MA-MEK", Sector: coop.Agriculture, RegisteredOn: d("2021-01-01")},
		{Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-MEK", Sector: coop.Agriculture, RegisteredOn: d("2024-01-01")},
	}
	at := func(date string) stats.Counts {
		tab, err := stats.Count(slices.Values(reg), d(date), 1, stats.Sector)
		require.NoError(t, err)
		return tab.Total
	}
	// 2021: A (4 members: the man has not left, one woman not yet joined),
	// B (not yet struck off, no register) and the union.
	assert.Equal(t, stats.Counts{Cooperatives: 2, Unions: 1, Members: 4, Women: 3}, at("2021-06-30"))
	// 2022: B is struck off, the man has left: A is women only.
	assert.Equal(t, stats.Counts{Cooperatives: 1, Unions: 1, Members: 3, Women: 3, WomenOnly: 1}, at("2022-06-30"))
	assert.Equal(t, stats.Counts{Cooperatives: 1, Unions: 1, Members: 4, Women: 4, WomenOnly: 1}, at("2023-06-30"))

	_, err := stats.Count(slices.Values(reg), d("2023-06-30"), 1)
	require.ErrorIs(t, err, coop.ErrInvalid)
	_, err = stats.Count(slices.Values(reg), d("2023-06-30"), 1, "colour")
	require.ErrorIs(t, err, coop.ErrInvalid)
	_, err = stats.Count(slices.Values(reg), d("2023-06-30"), 7, stats.Region)
	require.ErrorIs(t, err, coop.ErrInvalid)
}

func TestGrowth(t *testing.T) {
	var reg []coop.Cooperative
	reg = append(reg, coops(100, "MA-CAS", coop.Agriculture, "2019-01-01")...)
	reg = append(reg, coops(25, "MA-CAS", coop.Agriculture, "2021-03-01")...)
	g, err := stats.GrowthBetween(slices.Values(reg), d("2020-06-30"), d("2022-06-30"), 1)
	require.NoError(t, err)
	assert.Equal(t, 25, g.Cooperatives)
	assert.Equal(t, 125, g.Members)
	assert.Equal(t, "25.0", g.CooperativesPercent.StringFixed(1))
	_, err = stats.GrowthBetween(slices.Values(reg), d("2022-06-30"), d("2020-06-30"), 1)
	require.ErrorIs(t, err, coop.ErrInvalid)
}

func TestNational_And_CSV(t *testing.T) {
	reg := []coop.Cooperative{
		{Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-IFR", Sector: coop.Agriculture, RegisteredOn: d("2020-01-01"),
			Members: []coop.Member{
				{Gender: coop.Female, BirthDate: d("1990-01-01"), Shares: []coop.ShareMovement{{Kind: coop.Subscription, Amount: coop.MustParseMAD("500"), Paid: decimal.NewNullDecimal(coop.MustParseMAD("125"))}}},
				{Gender: coop.Male, BirthDate: d("1960-01-01"), Shares: []coop.ShareMovement{{Kind: coop.Subscription, Amount: coop.MustParseMAD("500.50"), Paid: decimal.NewNullDecimal(coop.MustParseMAD("500.50"))}}},
				{Gender: coop.Female}}},
		{Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-CAS", Sector: coop.Handicraft, RegisteredOn: d("2022-01-01"),
			Members: []coop.Member{{Gender: coop.Female}, {Gender: coop.Female}}},
	}
	r, err := stats.National(slices.Values(reg), stats.ReportOptions{AsOf: d("2024-01-01"), Decimals: 1})
	require.NoError(t, err)
	assert.Equal(t, stats.Counts{Cooperatives: 2, Members: 5, Women: 4, WomenOnly: 1}, r.Totals)
	assert.Equal(t, 1, r.Men)
	assert.Equal(t, 1, r.Youth)
	assert.Equal(t, 3, r.AgeUnknown)
	assert.Equal(t, "80.0", r.WomenShare.StringFixed(1))
	assert.Equal(t, "2.50", r.AverageMembers.StringFixed(2))
	assert.Equal(t, "2.5", r.MedianMembers.String())
	assert.Equal(t, "1000.50", coop.FormatMAD(r.Subscribed))
	assert.Equal(t, "625.50", coop.FormatMAD(r.Paid))
	row, ok := r.RegionSector.Row("MA-06", "handicraft")
	require.True(t, ok)
	assert.Equal(t, "50.0", row.Share.StringFixed(1))

	var buf bytes.Buffer
	require.NoError(t, r.BySector.WriteCSV(&buf, coop.FR))
	assert.Equal(t, "sector,sector_label,cooperatives,unions,members,women,women_only,share\n"+
		"agriculture,Agriculture,1,0,3,2,0,50.0\n"+
		"handicraft,Artisanat,1,0,2,2,1,50.0\n"+
		"total,,2,0,5,4,1,100.0\n", buf.String())
	buf.Reset()
	require.NoError(t, r.WriteCSV(&buf, coop.EN))
	assert.Equal(t, 5, strings.Count(buf.String(), "table,"))

	_, err = stats.National(slices.Values(reg), stats.ReportOptions{})
	require.ErrorIs(t, err, coop.ErrInvalid)
}

// A table at a date counts each cooperative at its seat and in its status
// of that date: a cooperative that moved from Meknès to Essaouira on
// 2024-05-01 is in Meknès before, and one dissolved on 2024-03-01 is
// active before.
func TestCount_SeatAndStatusAtADate(t *testing.T) {
	moved := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-ESI", Sector: coop.Agriculture,
		RegisteredOn: d("2020-01-01"), PreviousSeats: []coop.PreviousSeat{{Province: "MA-MEK", MovedOn: d("2024-05-01")}}}
	dissolved := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Dissolved, StatusSince: d("2024-03-01"), Province: "MA-MEK",
		Sector: coop.Agriculture, RegisteredOn: d("2020-01-01")}
	reg := []coop.Cooperative{moved, dissolved}
	for _, tc := range []struct {
		at   string
		dim  stats.Dimension
		want map[string]int
	}{
		{"2024-02-29", stats.Province, map[string]int{"MA-MEK": 2}},
		{"2024-04-30", stats.Province, map[string]int{"MA-MEK": 2}},
		{"2024-05-01", stats.Province, map[string]int{"MA-ESI": 1, "MA-MEK": 1}},
		{"2024-04-30", stats.Region, map[string]int{"MA-03": 2}},
		{"2024-05-01", stats.Region, map[string]int{"MA-03": 1, "MA-07": 1}},
		{"2024-02-29", stats.Status, map[string]int{"active": 2}},
		{"2024-03-01", stats.Status, map[string]int{"active": 1, "dissolved": 1}},
	} {
		tab, err := stats.Count(slices.Values(reg), d(tc.at), 1, tc.dim)
		require.NoError(t, err)
		got := map[string]int{}
		for _, r := range tab.Rows {
			got[r.Keys[0]] = r.Cooperatives
		}
		assert.Equal(t, tc.want, got, "%s by %s", tc.at, tc.dim)
	}
}
