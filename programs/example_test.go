package programs_test

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

func ExampleCatalogue_Evaluate() {
	cat := programs.Default()
	seven := 7
	c := coop.Cooperative{
		Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		RegisteredOn: coop.MustParseDate("2022-04-06"), Province: "MA-HAO", MemberCount: &seven,
	}
	dec, err := cat.Evaluate(programs.Request{
		Program:   "mourafaka",
		AsOf:      coop.MustParseDate("2024-01-15"),
		Applicant: programs.Applicant{Cooperative: &c},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(dec.Summary(coop.EN))
	fmt.Println(dec.Summary(coop.FR))
	r, _ := dec.Criterion("existence-max")
	fmt.Println(r.Reason.Text(coop.EN))
	fmt.Println(r.Params[0].Name, r.Params[0].Value, "since", r.Params[0].Since)
	// Output:
	// eligible until 2026-04-06
	// éligible jusqu'au 2026-04-06
	// registered 2022-04-06, 1 years before 2024-01-15; the limit is 4 years (until 2026-04-06)
	// max_existence_years 4 since 2022-04-06
}

func ExampleCatalogue_Evaluate_grant() {
	cat := programs.Default()
	members := make([]coop.Member, 5)
	for i := range members {
		members[i] = coop.Member{Type: coop.Natural, Gender: coop.Female}
	}
	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		RegisteredOn: coop.MustParseDate("2019-05-01"), Sector: coop.Handicraft, Province: "MA-MEK", Members: members}
	dec, err := cat.Evaluate(programs.Request{
		Program: "indh-income",
		AsOf:    coop.MustParseDate("2023-09-01"),
		Applicant: programs.Applicant{Cooperative: &c, Project: &programs.Project{
			Cost: coop.MustParseMAD("450000"), OwnCash: coop.MustParseMAD("120000"), OwnInKind: coop.MustParseMAD("60000")}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(dec.Explain(coop.EN))
	// Output:
	// indh-income (indh-income-2023) 2023-09-01: eligible until 2023-12-31; grant 270000.00 MAD
	//   pass	applicant-kind	the applicant is a cooperative, which the programme accepts [INDH phase III, programme 3, income improvement and social and solidarity economy (provincial calls for projects)]
	//   pass	registered	registered on 2019-05-01 and active on 2023-09-01 [Law 112-12 arts. 9, 11]
	//   pass	law-112-12	founded under Law 112-12 [Law 112-12 art. 108]
	//   pass	sector	sector Handicraft, covered by the call [INDH phase III, programme 3, income improvement and social and solidarity economy (provincial calls for projects): sectors of the call]
	//   pass	call-window	call indh-income-2023 open from 2023-01-01 to 2023-12-31 [the call for applications]
	//   pass	women-youth-share	5 of 5 members are women or aged 18 to 35 (100%), more than 30% [INDH phase III, programme 3, income improvement and social and solidarity economy (provincial calls for projects): women and youth more than 30% of members]
	//   pass	own-contribution	own contribution 180000.00 MAD on a cost of 450000.00 MAD, at least 40% [INDH phase III, programme 3, income improvement and social and solidarity economy (provincial calls for projects): holder's contribution at least 40% of the cost]
	//   pass	in-kind-cap	contribution in kind 60000.00 MAD, at most 50% of the own contribution [INDH phase III, programme 3, income improvement and social and solidarity economy (provincial calls for projects): contribution in kind at most 50% of the holder's contribution]
}

func ExampleCatalogue_LoadCalls() {
	cat := programs.Default()
	err := cat.LoadCalls("ifrane.yaml", strings.NewReader(`
- program: indh-income
  id: indh-income-2024-ifrane
  opens: 2024-02-01
  closes: 2024-04-30
  parameters:
    provinces: [MA-IFR]
    sectors: [agriculture, handicraft]
    youth_max_age: 35
    min_women_youth_share: "0.30"
`))
	if err != nil {
		log.Fatal(err)
	}
	p, _ := cat.Program("indh-income")
	fmt.Println(p.Calls[len(p.Calls)-1].ID)
	err = cat.LoadCalls("bad.yaml", strings.NewReader("- {program: indh-income, id: x, opens: 2024-02-01, parameters: {provinces: [MA-ZZZ]}}"))
	fmt.Println(err)
	// Output:
	// indh-income-2024-ifrane
	// programs.LoadCalls: invalid calls: bad.yaml:1: [0].parameters.provinces: "MA-ZZZ" is not a province code
}

func ExampleCatalogue_Screen() {
	cat := programs.Default()
	var registry []coop.Cooperative
	for i, reg := range []string{"2019-01-10", "2021-06-01", "2022-09-15", "2023-02-01"} {
		n := 5 + i
		registry = append(registry, coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
			RegisteredOn: coop.MustParseDate(reg), Province: "MA-FES", MemberCount: &n})
	}
	rep, err := cat.Screen(context.Background(), slices.Values(registry), programs.ScreenOptions{
		AsOf: coop.MustParseDate("2024-09-01"), Programs: []string{"mourafaka", "moazara"},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range rep.Programs {
		fmt.Printf("%s (%s): %d eligible, %d ineligible, failing %v\n", p.Program, p.Call, p.Eligible, p.Ineligible, p.Failed)
	}
	// Output:
	// mourafaka (mourafaka-t4): 3 eligible, 1 ineligible, failing map[existence-max:1]
	// moazara (moazara-2024): 4 eligible, 0 ineligible, failing map[]
}
