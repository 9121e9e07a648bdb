package programs_test

import (
	"context"
	"fmt"
	"log"
	"slices"
	"strings"
	"sync"

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
	fmt.Println(r.Reason.Text(coop.FR))
	fmt.Println(r.Reason.Text(coop.AR))
	fmt.Println(r.Params[0].Name, r.Params[0].Value, "since", r.Params[0].Since)
	// Output:
	// eligible until April 6, 2026
	// éligible jusqu'au 6 avril 2026
	// registered on April 6, 2022; legal existence of 4 years will be reached on April 6, 2026, the limit
	// immatriculée le 6 avril 2022 ; l'existence légale de 4 ans sera atteinte le 6 avril 2026, limite comprise
	// قيدت في 6 أبريل 2022؛ ستبلغ مدة وجودها القانوني 4 سنوات في 6 أبريل 2026، وهو الحد الأقصى
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
	project, err := programs.NewProject("450000", "120000", "60000")
	if err != nil {
		log.Fatal(err)
	}
	dec, err := cat.Evaluate(programs.Request{
		Program:   "indh-income",
		AsOf:      coop.MustParseDate("2023-09-01"),
		Applicant: programs.Applicant{Cooperative: &c, Project: project},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(dec.Explain(coop.EN))
	fmt.Print(dec.Explain(coop.FR))
	fmt.Print(dec.Explain(coop.AR))
	// Output:
	// INDH income improvement (SSE) (INDH income improvement, 2023 call for projects) September 1, 2023: eligible until December 31, 2023; grant 270,000.00 MAD
	//   pass	applicant-kind	the applicant is a cooperative, which the programme accepts [INDH phase III, programme 3, income improvement and social and solidarity economy (provincial calls for projects)]
	//   pass	registered	registered on May 1, 2019 and active on September 1, 2023 [Law 112-12 arts. 9, 11]
	//   pass	law-112-12	founded under Law 112-12 on cooperatives [Law 112-12 art. 108]
	//   pass	sector	sector: Handicraft, covered by the call [INDH phase III, programme 3, income improvement and social and solidarity economy (provincial calls for projects)]
	//   pass	call-window	the call "INDH income improvement, 2023 call for projects" is open from January 1, 2023 to December 31, 2023 [INDH phase III, programme 3, income improvement and social and solidarity economy (provincial calls for projects), 2023]
	//   pass	women-youth-share	women or members aged 18 to 35: 5 of 5 (100%), more than 30% [INDH calls: youth aged 18 to 35 (Al Hoceima 2022)]
	//   pass	own-contribution	own contribution 180,000.00 MAD on a cost of 450,000.00 MAD, at least 40% [holder's contribution at least 40%]
	//   pass	in-kind-cap	contribution in kind 60,000.00 MAD, at most 50% of the own contribution [in-kind at most 50% of the holder's contribution]
	// INDH – Amélioration du revenu (ESS) (INDH, appel à projets 2023 : amélioration du revenu) 1er septembre 2023 : éligible jusqu'au 31 décembre 2023 ; subvention de 270.000,00 MAD
	//   rempli	le demandeur est une coopérative, ce que le programme accepte [INDH phase III, programme 3 : amélioration du revenu et économie sociale et solidaire (appels à projets provinciaux)]
	//   rempli	immatriculée le 1er mai 2019 et active au 1er septembre 2023 [loi n° 112-12, art. 9 et 11]
	//   rempli	constituée sous la loi n° 112-12 relative aux coopératives [loi n° 112-12, art. 108]
	//   rempli	secteur : Artisanat, couvert par l'appel [INDH phase III, programme 3 : amélioration du revenu et économie sociale et solidaire (appels à projets provinciaux)]
	//   rempli	l'appel « INDH, appel à projets 2023 : amélioration du revenu » est ouvert du 1er janvier 2023 au 31 décembre 2023 [INDH phase III, programme 3 : amélioration du revenu et économie sociale et solidaire (appels à projets provinciaux), 2023]
	//   rempli	femmes ou adhérents de 18 à 35 ans : 5 sur 5 (100 %), plus de 30 % [appels de l'INDH : jeunes de 18 à 35 ans (Al Hoceïma 2022)]
	//   rempli	apport propre de 180.000,00 MAD pour un coût de 450.000,00 MAD, au moins 40 % [apport du porteur d'au moins 40 %]
	//   rempli	apport en nature de 60.000,00 MAD, au plus 50 % de l'apport propre [apport en nature d'au plus 50 % de l'apport du porteur]
	// المبادرة الوطنية للتنمية البشرية – تحسين الدخل (المبادرة الوطنية للتنمية البشرية، طلب مشاريع 2023: تحسين الدخل) 1 شتنبر 2023: مؤهلة إلى غاية 31 دجنبر 2023؛ منحة قدرها ⁨270.000,00⁩ درهم
	//   مستوفى	المترشح تعاونية، وهو صنف يقبله البرنامج [المبادرة الوطنية للتنمية البشرية، المرحلة الثالثة، البرنامج 3: تحسين الدخل والاقتصاد الاجتماعي والتضامني (طلبات المشاريع الإقليمية)]
	//   مستوفى	مقيدة في 1 ماي 2019 ونشيطة بتاريخ 1 شتنبر 2023 [القانون رقم ⁨112.12⁩، المادتان 9 و11]
	//   مستوفى	تأسست في ظل القانون رقم ⁨112.12⁩ المتعلق بالتعاونيات [القانون رقم ⁨112.12⁩، المادة 108]
	//   مستوفى	القطاع: الصناعة التقليدية، تشمله دعوة الترشيح [المبادرة الوطنية للتنمية البشرية، المرحلة الثالثة، البرنامج 3: تحسين الدخل والاقتصاد الاجتماعي والتضامني (طلبات المشاريع الإقليمية)]
	//   مستوفى	باب الترشيح لـ«المبادرة الوطنية للتنمية البشرية، طلب مشاريع 2023: تحسين الدخل» مفتوح من 1 يناير 2023 إلى 31 دجنبر 2023 [المبادرة الوطنية للتنمية البشرية، المرحلة الثالثة، البرنامج 3: تحسين الدخل والاقتصاد الاجتماعي والتضامني (طلبات المشاريع الإقليمية)، 2023]
	//   مستوفى	النساء أو الأعضاء بين 18 و35 سنة: 5 من أصل 5 (⁨100‎%‎⁩)، أي أكثر من ⁨30‎%‎⁩ [دعوات المبادرة الوطنية للتنمية البشرية: الشباب من 18 إلى 35 سنة (الحسيمة 2022)]
	//   مستوفى	المساهمة الذاتية ⁨180.000,00⁩ درهم من كلفة ⁨450.000,00⁩ درهم، أي ⁨40‎%‎⁩ على الأقل [مساهمة حامل المشروع 40 في المائة على الأقل]
	//   مستوفى	المساهمة العينية ⁨60.000,00⁩ درهم، أي ⁨50‎%‎⁩ على الأكثر من المساهمة الذاتية [المساهمة العينية 50 في المائة على الأكثر من مساهمة حامل المشروع]
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

// A screening that hands out only the eligible decisions, with their
// reasons: the others are counted, not made whole.
func ExampleScreenOptions_outcomes() {
	cat := programs.Default()
	var registry []coop.Cooperative
	for i, reg := range []string{"2019-01-10", "2021-06-01", "2022-09-15"} {
		n := 5 + i
		registry = append(registry, coop.Cooperative{Name: "Coopérative " + string(rune('A'+i)), Kind: coop.KindCooperative,
			Status: coop.Active, FoundedUnder: coop.Law11212, RegisteredOn: coop.MustParseDate(reg), Province: "MA-FES", MemberCount: &n})
	}
	var mu sync.Mutex // OnDecision is called from several goroutines
	eligible := map[int]string{}
	_, err := cat.ScreenCooperatives(context.Background(), registry, programs.ScreenOptions{
		AsOf: coop.MustParseDate("2024-09-01"), Programs: []string{"mourafaka"},
		Outcomes: []programs.Outcome{programs.Eligible},
		OnDecision: func(i int, d *programs.Decision) {
			mu.Lock()
			defer mu.Unlock()
			c, _ := d.Criterion("existence-max")
			eligible[i] = c.Reason.Text(coop.FR)
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	for i := range registry {
		if reason, ok := eligible[i]; ok {
			fmt.Printf("%s: %s\n", registry[i].Name, reason)
		}
	}
	// Output:
	// Coopérative B: immatriculée le 1er juin 2021 ; l'existence légale de 4 ans sera atteinte le 1er juin 2025, limite comprise
	// Coopérative C: immatriculée le 15 septembre 2022 ; l'existence légale de 4 ans sera atteinte le 15 septembre 2026, limite comprise
}

// A screening that reads every decision's outcome and failing criteria,
// and the reasons of the ineligible ones only: the other decisions are
// never made whole.
func ExampleScreenOptions_screened() {
	cat := programs.Default()
	var registry []coop.Cooperative
	for i, reg := range []string{"2019-01-10", "2021-06-01", "2022-09-15"} {
		n := 5 + i
		registry = append(registry, coop.Cooperative{Name: "Coopérative " + string(rune('A'+i)), Kind: coop.KindCooperative,
			Status: coop.Active, FoundedUnder: coop.Law11212, RegisteredOn: coop.MustParseDate(reg), Province: "MA-FES", MemberCount: &n})
	}
	var mu sync.Mutex // OnScreened is called from several goroutines
	lines := make([]string, len(registry))
	_, err := cat.ScreenCooperatives(context.Background(), registry, programs.ScreenOptions{
		AsOf: coop.MustParseDate("2024-09-01"), Programs: []string{"mourafaka"},
		OnScreened: func(i int, v *programs.Screened) {
			line := fmt.Sprintf("%s: %s %v", registry[i].Name, v.Outcome(), v.Failed(nil))
			if v.Outcome() == programs.Ineligible {
				c, _ := v.Decision().Criterion("existence-max")
				line += " — " + c.Reason.Text(coop.FR)
			}
			mu.Lock()
			defer mu.Unlock()
			lines[i] = line
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range lines {
		fmt.Println(line)
	}
	// Output:
	// Coopérative A: ineligible [existence-max] — immatriculée le 10 janvier 2019 ; l'existence légale de 4 ans a été atteinte le 10 janvier 2023, limite dépassée depuis le 11 janvier 2023
	// Coopérative B: eligible []
	// Coopérative C: eligible []
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
	// programs.LoadPrograms: invalid programmes: bad.yaml:8: programs[0].criteria[0].kind: unknown criterion kind "provinces" (kinds: age, all-of, any-of, applicant-kind, branch, call-window, declared, existence-max, experience-min, founded, in-kind-cap, law-112-12, members-aged, members-count, members-min, not, own-contribution, province, region, registered, sector, turnover, women-only, women-share, women-youth-share)
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
	// capital souscrit de 10.000,00 MAD, inférieur à 20.000,00 MAD
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
	project, err := programs.NewProject("150000", "30000", "0")
	if err != nil {
		log.Fatal(err)
	}
	dec, err := cat.Evaluate(programs.Request{Program: "craft-fund", AsOf: coop.MustParseDate("2025-02-01"),
		Applicant: programs.Applicant{Cooperative: &c, Project: project}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(dec.Summary(coop.EN), coop.FormatMAD(dec.Grant.Decimal))
	// Output:
	// eligible until April 30, 2025 100000.00
}

// Every reason reads in French and Arabic: kinds, sectors, regions and
// declared facts by their names, numbers agreeing with their nouns, the
// law cited in the reader's language, and each call by its official title.
func ExampleDecision_Explain() {
	fmt.Print(explainDemo())
	// Output:
	// Prix Génération Solidaire, 3e édition (2023) 30 juin 2023 : éligible jusqu'au 31 décembre 2023
	//   rempli	le demandeur est une coopérative, ce que le programme accepte [Prix national Génération Solidaire des coopératives de jeunes (ODCO et ministère)]
	//   rempli	immatriculée le 14 septembre 2020 et active au 30 juin 2023 [loi n° 112-12, art. 9 et 11]
	//   rempli	l'appel « Prix Génération Solidaire, 3e édition (2023) » est ouvert du 1er janvier 2023 au 31 décembre 2023 [Prix national Génération Solidaire des coopératives de jeunes (ODCO et ministère), 3e édition (2023)]
	//   rempli	les 3 adhérents ont tous de 18 à 40 ans [Prix national Génération Solidaire des coopératives de jeunes (ODCO et ministère) : coopératives de jeunes (tranche d'âge non confirmée)]
	// جائزة جيل متضامن، الدورة الثالثة (2023) 30 يونيو 2023: مؤهلة إلى غاية 31 دجنبر 2023
	//   مستوفى	المترشح تعاونية، وهو صنف يقبله البرنامج [الجائزة الوطنية جيل متضامن لتعاونيات الشباب (مكتب تنمية التعاون والوزارة)]
	//   مستوفى	مقيدة في 14 شتنبر 2020 ونشيطة بتاريخ 30 يونيو 2023 [القانون رقم ⁨112.12⁩، المادتان 9 و11]
	//   مستوفى	باب الترشيح لـ«جائزة جيل متضامن، الدورة الثالثة (2023)» مفتوح من 1 يناير 2023 إلى 31 دجنبر 2023 [الجائزة الوطنية جيل متضامن لتعاونيات الشباب (مكتب تنمية التعاون والوزارة)، الدورة الثالثة (2023)]
	//   مستوفى	أعمار جميع الأعضاء (3) بين 18 و40 سنة [الجائزة الوطنية جيل متضامن لتعاونيات الشباب (مكتب تنمية التعاون والوزارة): تعاونيات الشباب (الفئة العمرية غير مؤكدة)]
	// Mourafaka, 4e tranche (2022) 30 juin 2023 : non éligible
	//   rempli	le demandeur est une coopérative, ce que le programme accepte [Mourafaka, accompagnement post-création de l'ODCO (convention-cadre du 11 mai 2011 ; 4e tranche lancée le 6 avril 2022)]
	//   rempli	immatriculée le 15 avril 2019 et active au 30 juin 2023 [loi n° 112-12, art. 9 et 11]
	//   non rempli	immatriculée le 15 avril 2019 ; l'existence légale de 4 ans a été atteinte le 15 avril 2023, limite dépassée depuis le 16 avril 2023 [appel de la 4e tranche de Mourafaka (ODCO, 6 avril 2022) : existence légale ne dépassant pas quatre ans] — seules les coopératives immatriculées à partir du 30 juin 2019 sont éligibles
	// مرافقة، الشطر الرابع (2022) 30 يونيو 2023: غير مؤهلة
	//   مستوفى	المترشح تعاونية، وهو صنف يقبله البرنامج [مرافقة، مواكبة ما بعد الإحداث لمكتب تنمية التعاون (الاتفاقية الإطار المؤرخة في 11 ماي 2011؛ الشطر الرابع أطلق في 6 أبريل 2022)]
	//   مستوفى	مقيدة في 15 أبريل 2019 ونشيطة بتاريخ 30 يونيو 2023 [القانون رقم ⁨112.12⁩، المادتان 9 و11]
	//   غير مستوفى	قيدت في 15 أبريل 2019؛ بلغت مدة وجودها القانوني 4 سنوات في 15 أبريل 2023، وتجاوزت الحد الأقصى منذ 16 أبريل 2023 [دعوة الشطر الرابع من برنامج مرافقة (مكتب تنمية التعاون، 6 أبريل 2022): وجود قانوني لا يتجاوز أربع سنوات] — لا تؤهل إلا التعاونيات المقيدة ابتداء من 30 يونيو 2019
}

// explainDemo is the eligible and the ineligible decision of
// ExampleDecision_Explain in French and Arabic, which the README quotes.
func explainDemo() string {
	var b strings.Builder
	cat := programs.Default()
	young := func(born string) coop.Member {
		return coop.Member{Type: coop.Natural, Gender: coop.Female, BirthDate: coop.MustParseDate(born)}
	}
	ouchAlmaz := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		Name: "Ouch Almaz", Province: "MA-NOU", Sector: coop.Handicraft, RegisteredOn: coop.MustParseDate("2020-09-14"),
		Members: []coop.Member{young("1996-03-14"), young("1995-06-30"), young("1998-01-21")}}
	tinas := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		Name: "Tinas", Province: "MA-MEK", RegisteredOn: coop.MustParseDate("2019-04-15")}
	for _, req := range []programs.Request{
		{Program: "generation-solidaire", AsOf: coop.MustParseDate("2023-06-30"), Applicant: programs.Applicant{Cooperative: &ouchAlmaz}},
		{Program: "mourafaka", AsOf: coop.MustParseDate("2023-06-30"), Applicant: programs.Applicant{Cooperative: &tinas}},
	} {
		dec, err := cat.Evaluate(req)
		if err != nil {
			log.Fatal(err)
		}
		b.WriteString(dec.Explain(coop.FR))
		b.WriteString(dec.Explain(coop.AR))
	}
	return b.String()
}

// A programme officer's reference of the catalogue in use, built-in and
// loaded programmes alike, as Markdown.
func ExampleCatalogue_WriteReference() {
	var b strings.Builder
	if err := programs.Default().WriteReference(&b); err != nil {
		log.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	fmt.Println(lines[0])
	fmt.Println(lines[5])
	// Output:
	// # The programme catalogue
	// - [Mourafaka](#mourafaka) (`mourafaka`)
}
