package coop_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

func TestTerritory_Counts(t *testing.T) {
	regions, provinces := coop.Regions(), coop.Provinces()
	require.Len(t, regions, 12)
	require.Len(t, provinces, 75)

	perRegion := map[coop.RegionCode]int{}
	prefectures := 0
	seenHCP := map[string]bool{}
	for _, p := range provinces {
		perRegion[p.Region]++
		if p.Type == coop.Prefecture {
			prefectures++
		}
		assert.NotEmpty(t, p.Names.FR, p.Code)
		assert.NotEmpty(t, p.Names.AR, p.Code)
		assert.NotEmpty(t, p.Names.EN, p.Code)
		assert.NotEmpty(t, p.Code.Delegation(), "%s has no delegation", p.Code)
		if p.HCP != "" {
			assert.False(t, seenHCP[p.HCP], "HCP code %s used twice", p.HCP)
			seenHCP[p.HCP] = true
		}
	}
	assert.Equal(t, 13, prefectures)
	want := map[coop.RegionCode]int{"MA-01": 8, "MA-02": 8, "MA-03": 9, "MA-04": 7, "MA-05": 5, "MA-06": 9,
		"MA-07": 8, "MA-08": 5, "MA-09": 6, "MA-10": 4, "MA-11": 4, "MA-12": 2}
	assert.Equal(t, want, perRegion)

	// Every province belongs to exactly one delegation.
	covered := map[coop.ProvinceCode]coop.DelegationID{}
	for _, dl := range coop.Delegations() {
		for _, p := range dl.Provinces {
			_, dup := covered[p]
			assert.False(t, dup, "%s served by two delegations", p)
			covered[p] = dl.ID
		}
	}
	assert.Len(t, covered, 75)
}

func TestDelegations(t *testing.T) {
	meknes, ok := coop.DelegationID("meknes").Info()
	require.True(t, ok)
	assert.True(t, meknes.Attested)
	assert.ElementsMatch(t, []coop.ProvinceCode{"MA-MEK", "MA-IFR", "MA-HAJ", "MA-KHN", "MA-MID", "MA-ERR"}, meknes.Provinces)
	// Khénifra lies in Béni Mellal-Khénifra, Midelt and Errachidia in
	// Drâa-Tafilalet, but Meknès serves them.
	assert.Equal(t, coop.RegionCode("MA-05"), coop.ProvinceCode("MA-KHN").Region())
	assert.Equal(t, coop.RegionCode("MA-08"), coop.ProvinceCode("MA-MID").Region())
	for _, p := range []coop.ProvinceCode{"MA-KHN", "MA-MID", "MA-ERR"} {
		assert.Equal(t, coop.DelegationID("meknes"), p.Delegation())
	}
	assert.Equal(t, coop.DelegationID("safi"), coop.ProvinceCode("MA-JDI").Delegation())
	cas, _ := coop.DelegationID("casablanca").Info()
	assert.Equal(t, []coop.ProvinceCode{"MA-CAS", "MA-MOH", "MA-NOU", "MA-MED"}, cas.Provinces)

	// A province with no known delegation maps to one named after its region.
	rabat, ok := coop.ProvinceCode("MA-RAB").Delegation().Info()
	require.True(t, ok)
	assert.False(t, rabat.Attested)
	assert.Equal(t, "Rabat-Sale-Kenitra (regional delegation)", rabat.Names.EN)

	// Mutating a returned value does not change the table.
	cas.Provinces[0] = "MA-XXX"
	again, _ := coop.DelegationID("casablanca").Info()
	assert.Equal(t, coop.ProvinceCode("MA-CAS"), again.Provinces[0])
}

func TestParseProvince(t *testing.T) {
	tests := []struct {
		in   string
		want coop.ProvinceCode
	}{
		{"MA-CAS", "MA-CAS"},
		{"ma-cas", "MA-CAS"},
		{"CAS", "MA-CAS"},
		{"141", "MA-CAS"},
		{"Casablanca", "MA-CAS"},
		{"الدار البيضاء", "MA-CAS"},
		{"Mohammadia", "MA-MOH"},
		{"mohammedia", "MA-MOH"},
		{"Médiouna", "MA-MED"},
		{"MEDIOUNA", "MA-MED"},
		{"Taroudannt", "MA-TAR"},
		{"Agadir-Ida-Ou-Tanane", "MA-AGD"},
		{"Agadir Ida-Outanane", "MA-AGD"},
		{"Chtouka-Ait Baha", "MA-CHT"},
		{"Es-Semara", "MA-ESM"},
		{"Smara", "MA-ESM"},
		{"Oued Eddahab", "MA-OUD"},
		{"Al Hoceïma", "MA-HOC"},
		{"Al Hoceima", "MA-HOC"},
		{"El Kelâa des Sraghna", "MA-KES"},
		{"Meknès", "MA-MEK"},
		{"افران", "MA-IFR"}, // written without hamza
	}
	for _, tt := range tests {
		got, err := coop.ParseProvince(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	for _, bad := range []string{"", "MA-XXX", "Paris", "MA-01", "999"} {
		_, err := coop.ParseProvince(bad)
		require.ErrorIs(t, err, coop.ErrInvalid, bad)
	}
}

func TestParseRegion(t *testing.T) {
	for in, want := range map[string]coop.RegionCode{
		"MA-06": "MA-06", "06": "MA-06", "Casablanca-Settat": "MA-06", "casablanca settat": "MA-06",
		"Drâa-Tafilalet": "MA-08", "Draa Tafilalet": "MA-08", "الشرق": "MA-02", "Fez-Meknes": "MA-03",
	} {
		got, err := coop.ParseRegion(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := coop.ParseRegion("MA-13")
	require.ErrorIs(t, err, coop.ErrInvalid)
	assert.Len(t, coop.RegionCode("MA-06").Provinces(), 9)
	assert.Equal(t, "Casablanca-Settat", coop.RegionCode("MA-06").Name(coop.FR))
}

func TestParseSector(t *testing.T) {
	for in, want := range map[string]coop.Sector{
		"handicraft": coop.Handicraft, "Artisanat": coop.Handicraft, "الصناعة التقليدية": coop.Handicraft,
		"aromatic-medicinal-plants": coop.AromaticMedicinal, "Plantes aromatiques et médicinales": coop.AromaticMedicinal,
		"E-commerce": coop.ECommerce,
	} {
		got, err := coop.ParseSector(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := coop.ParseSector("cannabis")
	require.ErrorIs(t, err, coop.ErrInvalid)
	assert.Len(t, coop.Sectors(), 25)
	for _, s := range coop.Sectors() {
		assert.True(t, s.Sector.Valid())
		assert.NotEmpty(t, s.Names.AR)
	}
	assert.Equal(t, "Tissage", coop.Branch("weaving").Name(coop.FR))
	assert.Len(t, coop.KnownBranches(coop.Handicraft), 9)
	for _, bad := range []string{"", "-weaving", "weaving-", "wea--ving", "tissage fin", "9lives"} {
		_, err := coop.ParseBranch(bad)
		require.ErrorIs(t, err, coop.ErrInvalid, bad)
	}
	b, err := coop.ParseBranch("Market-Gardening")
	require.NoError(t, err)
	assert.Equal(t, coop.Branch("market-gardening"), b)
}

func FuzzParseProvince(f *testing.F) {
	for _, s := range []string{"MA-CAS", "Médiouna", "الدار البيضاء", "141", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := coop.ParseProvince(s)
		if err != nil {
			return
		}
		if !got.Valid() {
			t.Fatalf("ParseProvince(%q) = %q, not a valid code", s, got)
		}
	})
}
