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

func ExampleCatalogue_LoadPrograms() {
	cat := programs.Default()
	err := cat.LoadPrograms("ifrane.yaml", strings.NewReader(`
programs:
  - id: ifrane-agri
    names: {fr: "Appui aux coopératives agricoles d'Ifrane"}
    accepts: [cooperative]
    reference: Call for projects of the provincial committee of Ifrane, 2025
    criteria:
      - kind: registered
      - {kind: province, reference: "the call, art. 2"}
      - {kind: sector, reference: "the call, art. 2"}
      - kind: call-window
    calls:
      - id: ifrane-agri-2025
        opens: 2025-03-01
        closes: 2025-05-31
        parameters:
          provinces: [MA-IFR]
          sectors: [agriculture]
`))
	if err != nil {
		log.Fatal(err)
	}
	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, RegisteredOn: coop.MustParseDate("2021-02-01"),
		Province: "MA-IFR", Sector: coop.Handicraft}
	dec, err := cat.Evaluate(programs.Request{Program: "ifrane-agri", AsOf: coop.MustParseDate("2025-04-01"),
		Applicant: programs.Applicant{Cooperative: &c}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(dec.Outcome, dec.IDs(coop.Fail))

	// A file with an unknown kind is refused whole, with the file, the line
	// and the field.
	err = cat.LoadPrograms("bad.yaml", strings.NewReader(`
programs:
  - id: ifrane-other
    names: {fr: Autre}
    accepts: [cooperative]
    reference: x
    criteria:
      - kind: provinces
`))
	fmt.Println(err)
	// Output:
	// ineligible [sector]
	// programs.LoadPrograms: invalid programmes: bad.yaml:8: programs[0].criteria[0].kind: unknown criterion kind "provinces" (kinds: age, applicant-kind, branch, call-window, declared, existence-max, experience-min, in-kind-cap, law-112-12, members-aged, members-min, own-contribution, province, region, registered, sector, women-only, women-youth-share)
}

// A rule that no built-in kind expresses is a Kind written in Go; a
// programme file then lists criteria of that kind like any other.
func ExampleCatalogue_AddKind() {
	cat := programs.Default()
	msg := &coop.Message{ID: "capital-at-least.fail", EN: "subscribed capital {0} MAD, below {1} MAD",
		FR: "capital souscrit de {0} MAD, inférieur à {1} MAD", AR: "رأس المال المكتتب {0} درهم، أقل من {1} درهم"}
	pass := &coop.Message{ID: "capital-at-least.pass", EN: "subscribed capital {0} MAD, at least {1} MAD",
		FR: "capital souscrit de {0} MAD, au moins {1} MAD", AR: "رأس المال المكتتب {0} درهم، على الأقل {1} درهم"}
	err := cat.AddKind(programs.Kind{
		Name: "capital-at-least", ID: "capital-at-least",
		Doc:      "the subscribed capital is at least {min_capital}",
		Params:   []programs.ParamSpec{{Role: "min_capital", Kind: programs.AmountValue}},
		Messages: []*coop.Message{msg, pass},
		Bind: func(b *programs.Binding) programs.Rule {
			min, rec, ok := b.Param("min_capital")
			if !ok {
				return nil // the call sets no minimum: the criterion is not reported
			}
			return func(a *programs.Applicant, asOf coop.Date, out *programs.Eval) {
				out.UseParams([]coop.Param{rec})
				capital, _ := a.Cooperative.CapitalAt(asOf)
				if capital.LessThan(min.Dec) {
					out.Set(coop.Fail, msg, coop.AmountArg(capital), coop.AmountArg(min.Dec))
					return
				}
				out.Set(coop.Pass, pass, coop.AmountArg(capital), coop.AmountArg(min.Dec))
			}
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	err = cat.LoadPrograms("fund.yaml", strings.NewReader(`
programs:
  - id: equipment-fund
    names: {fr: Fonds d'équipement}
    accepts: [cooperative]
    reference: Equipment fund of a regional council, 2025
    criteria:
      - kind: capital-at-least
    calls:
      - {id: equipment-2025, opens: 2025-01-01, parameters: {min_capital: "20000"}}
`))
	if err != nil {
		log.Fatal(err)
	}
	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, RegisteredOn: coop.MustParseDate("2020-01-01"),
		Members: []coop.Member{{Type: coop.Natural, Shares: []coop.ShareMovement{
			{Kind: coop.Subscription, On: coop.MustParseDate("2020-01-01"), Shares: 100, Amount: coop.MustParseMAD("10000")}}}}}
	dec, err := cat.Evaluate(programs.Request{Program: "equipment-fund", AsOf: coop.MustParseDate("2025-06-01"),
		Applicant: programs.Applicant{Cooperative: &c}})
	if err != nil {
		log.Fatal(err)
	}
	r, _ := dec.Criterion("capital-at-least")
	fmt.Println(dec.Outcome)
	fmt.Println(r.Reason.Text(coop.FR))
	fmt.Println(r.Reference)
	// Output:
	// ineligible
	// capital souscrit de 10000.00 MAD, inférieur à 20000.00 MAD
	// Equipment fund of a regional council, 2025
}

// A programme can also be written in Go, as data: the same checks apply.
func ExampleCatalogue_AddProgram() {
	cat := programs.Default()
	opens := coop.MustParseDate("2025-01-15")
	since := func(name string, v programs.Value) programs.Parameter {
		return programs.Parameter{Name: name, Values: []programs.Dated{{Since: opens, Value: v}}, Reference: "Craft fund call, 2025"}
	}
	err := cat.AddProgram(programs.Program{
		ID: "craft-fund", Names: coop.Names{FR: "Fonds de l'artisanat"}, Accepts: []programs.ApplicantKind{programs.Cooperative},
		Reference: "Craft fund of a regional council, 2025",
		Criteria: []programs.Criterion{{Kind: "registered"}, {Kind: "sector"}, {Kind: "branch"}, {Kind: "own-contribution"},
			{Kind: "call-window"}},
		Grant: &programs.Grant{Kind: programs.GrantRateCap},
		Calls: []programs.Call{{ID: "craft-fund-2025", Opens: opens, Closes: coop.MustParseDate("2025-04-30"),
			Parameters: []programs.Parameter{
				since("sectors", programs.Sectors("handicraft")),
				since("branches", programs.Branches("pottery", "weaving")),
				since("min_own_rate", programs.Ratio("0.20")),
				since("grant_rate", programs.Ratio("0.80")),
				since("grant_cap", programs.Amount("100000")),
			}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, RegisteredOn: coop.MustParseDate("2019-01-01"),
		Sector: coop.Handicraft, Branch: "pottery"}
	dec, err := cat.Evaluate(programs.Request{Program: "craft-fund", AsOf: coop.MustParseDate("2025-02-01"),
		Applicant: programs.Applicant{Cooperative: &c, Project: &programs.Project{Cost: coop.MustParseMAD("150000"), OwnCash: coop.MustParseMAD("30000")}}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(dec.Summary(coop.EN), coop.FormatMAD(dec.Grant.Decimal))
	// Output:
	// eligible until 2025-04-30 100000.00
}
