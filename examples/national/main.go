// Command national generates the synthetic national registry (60,939
// cooperatives, 764,000 members, calibrated to the official figures of
// 2024) and prints the headline tables the ministry and ODCO publish:
// totals, women, young members, by region, by sector, by ODCO delegation,
// and growth since 2020. With -program, it screens the registry against
// that programme and shows, region by region, the cooperatives eligible and
// the criterion that keeps most of the others out, with the reason one of
// them is given.
//
//	go run ./examples/national [-seed 1] [-lang en|fr|ar] [-csv] [-program mourafaka]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/stats"
	"github.com/taawun/taawun/stats/synthetic"
)

func main() {
	seed := flag.Uint64("seed", 1, "seed of the synthetic registry")
	langFlag := flag.String("lang", "en", "language of the labels: en, fr or ar")
	asCSV := flag.Bool("csv", false, "write every table as CSV instead")
	program := flag.String("program", "", "a programme to screen the registry against, region by region (mourafaka, indh-income, …)")
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
	if *program != "" {
		if err := screenTo(os.Stdout, reg, *program, lang); err != nil {
			log.Fatal(err)
		}
	}
}

// regionScreening is what screen learns of one region: how many
// cooperatives it screened and how many are eligible, how many fail each
// criterion, and, for each criterion, the first cooperative failing it and
// the reason it is given.
type regionScreening struct {
	screened, eligible int
	failing            map[string]int
	first              map[string]int
	reason             map[string]string
}

// screenTo screens reg against the programme id at the registry's date
// and prints to w, region by region, the cooperatives eligible and the
// criterion that fails most often, with the reason the first cooperative
// failing it is given, in lang. Every decision's outcome and failing
// criteria are read as the screening decided them; only the few decisions
// whose reason is printed are made whole (Screened.Decision).
func screenTo(w io.Writer, reg []coop.Cooperative, id string, lang coop.Lang) error {
	cat := programs.Default()
	prog, ok := cat.Program(id)
	if !ok {
		return fmt.Errorf("-program: %q is not a programme of the catalogue (%v)", id, cat.ProgramIDs())
	}
	m, err := readmodel.FromCooperatives(reg)
	if err != nil {
		return err
	}
	var mu sync.Mutex // OnScreened is called from several goroutines
	regions := map[coop.RegionCode]*regionScreening{}
	start := time.Now()
	rep, err := cat.ScreenModel(context.Background(), m, programs.ScreenOptions{AsOf: synthetic.AsOf, Programs: []string{id},
		OnScreened: func(i int, v *programs.Screened) {
			var buf [8]string
			failed := v.Failed(buf[:0])
			mu.Lock()
			defer mu.Unlock()
			rs := regions[m.Coop(i).Region()]
			if rs == nil {
				rs = &regionScreening{failing: map[string]int{}, first: map[string]int{}, reason: map[string]string{}}
				regions[m.Coop(i).Region()] = rs
			}
			rs.screened++
			if v.Outcome() == programs.Eligible {
				rs.eligible++
			}
			for _, c := range failed {
				rs.failing[c]++
				if at, seen := rs.first[c]; !seen || i < at {
					// The reason, made for this decision alone.
					res, _ := v.Decision().Criterion(c)
					rs.first[c], rs.reason[c] = i, m.Name(i)+": "+res.Reason.Text(lang)
				}
			}
		}})
	if err != nil {
		return err
	}
	took := time.Since(start)
	counts, _ := rep.Counts(id)
	fmt.Fprintf(w, "%s on %s: %d of %d cooperatives eligible (screened in %s)\n", prog.Names.In(lang),
		rep.AsOf, counts.Eligible, rep.Cooperatives, took.Round(time.Millisecond))
	for _, r := range coop.Regions() {
		rs := regions[r.Code]
		if rs == nil {
			continue
		}
		fmt.Fprintf(w, "  %-36s %6d of %6d eligible\n", r.Names.In(lang), rs.eligible, rs.screened)
		var top string
		for c, n := range rs.failing {
			if top == "" || n > rs.failing[top] || n == rs.failing[top] && c < top {
				top = c
			}
		}
		if top != "" {
			fmt.Fprintf(w, "      the criterion most often failed (%d cooperatives), as the first of them is told:\n        %s\n", rs.failing[top], rs.reason[top])
		}
	}
	return nil
}
