package stats_test

import (
	"fmt"
	"log"
	"slices"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/stats"
)

// Count tabulates cooperatives at a date by one or two dimensions, with
// each row's share of the total; the registry's read model is counted the
// same way by CountModel.
func ExampleCount() {
	asOf := coop.MustParseDate("2024-06-30")
	cs := []coop.Cooperative{
		{Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-MEK", Sector: coop.Agriculture, RegisteredOn: coop.MustParseDate("2019-04-15")},
		{Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-MEK", Sector: coop.Handicraft, RegisteredOn: coop.MustParseDate("2021-02-01")},
		{Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-ESI", Sector: coop.Agriculture, RegisteredOn: coop.MustParseDate("2020-09-14")},
	}
	t, err := stats.Count(slices.Values(cs), asOf, 1, stats.Region)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range t.Rows {
		fmt.Println(r.Keys[0], coop.RegionCode(r.Keys[0]).Name(coop.FR), r.Cooperatives, r.Share.StringFixed(1)+"%")
	}
	fmt.Println("total", t.Total.Cooperatives)
	// Output:
	// MA-03 Fès-Meknès 2 66.7%
	// MA-07 Marrakech-Safi 1 33.3%
	// total 3
}
