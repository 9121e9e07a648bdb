// Command national generates the synthetic national registry (60,939
// cooperatives, 764,000 members, calibrated to the official figures of
// 2024) and prints the headline tables the ministry and ODCO publish:
// totals, women, young members, by region, by sector, by ODCO delegation,
// and growth since 2020.
//
//	go run ./examples/national [-seed 1] [-lang en|fr|ar] [-csv]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"time"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/stats"
	"github.com/taawun/taawun/stats/synthetic"
)

func main() {
	seed := flag.Uint64("seed", 1, "seed of the synthetic registry")
	langFlag := flag.String("lang", "en", "language of the labels: en, fr or ar")
	asCSV := flag.Bool("csv", false, "write every table as CSV instead")
	flag.Parse()
	lang, err := coop.ParseLang(*langFlag)
	if err != nil {
		log.Fatalf("-lang: %v", err)
	}

	start := time.Now()
	reg := synthetic.Generate(&synthetic.Options{Seed: *seed})
	generated := time.Since(start)
	start = time.Now()
	r, err := stats.National(slices.Values(reg), stats.ReportOptions{AsOf: synthetic.AsOf, Decimals: 1})
	if err != nil {
		log.Fatal(err)
	}
	computed := time.Since(start)
	if *asCSV {
		if err := r.WriteCSV(os.Stdout, lang); err != nil {
			log.Fatal(err)
		}
		return
	}
	g, err := stats.GrowthBetween(slices.Values(reg), coop.MustParseDate("2020-06-30"), synthetic.AsOf, 1)
	if err != nil {
		log.Fatal(err)
	}

	fmt.Printf("Synthetic national registry on %s (seed %d; generated in %s, report in %s)\n\n", r.AsOf, *seed,
		generated.Round(time.Millisecond), computed.Round(time.Millisecond))
	fmt.Printf("  cooperatives        %8d\n", r.Totals.Cooperatives)
	fmt.Printf("  members            %8d   (average %s, median %s per cooperative)\n", r.Totals.Members, r.AverageMembers, r.MedianMembers)
	fmt.Printf("  women              %8d   (%s%% of members)\n", r.Totals.Women, r.WomenShare.StringFixed(1))
	fmt.Printf("  women-only coops   %8d\n", r.Totals.WomenOnly)
	fmt.Printf("  members aged 18-%d %8d\n", r.YouthMaxAge, r.Youth)
	fmt.Printf("  capital subscribed %14s MAD\n", coop.FormatMAD(r.Subscribed))
	fmt.Printf("  growth since %s: %+d cooperatives (%s%%), %+d members (%s%%)\n\n", g.From, g.Cooperatives, g.CooperativesPercent, g.Members, g.MembersPercent)

	print := func(title string, t stats.Table) {
		fmt.Println(title)
		for _, row := range t.Rows {
			fmt.Printf("  %-40s %7d %6s%%  %8d members  %6d women-only\n", t.Dimensions[0].Label(row.Keys[0], lang),
				row.Cooperatives, row.Share.StringFixed(1), row.Members, row.WomenOnly)
		}
		fmt.Println()
	}
	print("By region", r.ByRegion)
	print("By sector", r.BySector)
	print("By ODCO delegation", r.ByDelegation)
}
