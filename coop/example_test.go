package coop_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

func ExampleCheckLaw() {
	five := 5
	c := coop.Cooperative{
		Kind:         coop.KindCooperative,
		Status:       coop.Active,
		FoundedUnder: coop.Law2483,
		RegisteredOn: coop.MustParseDate("1998-11-05"),
		ConformedOn:  coop.MustParseDate("2019-06-20"),
		MemberCount:  &five,
		Statutes:     coop.Statutes{DurationYears: 99, ShareNominal: coop.MustParseMAD("100")},
	}
	rep := coop.CheckLaw(&c, coop.MustParseDate("2024-05-01"))
	fmt.Println(rep.Outcome)
	for _, r := range rep.Results {
		fmt.Printf("%s %s (%s): %s\n", r.ID, r.Outcome, r.Reference, r.Reason.Text(coop.EN))
	}
	// Output:
	// compliant
	// members-min pass (Law 112-12 art. 14): 5 members on May 1, 2024; the minimum is 5
	// share-nominal-min pass (Law 112-12 art. 26): a share is worth 100.00 MAD; the minimum is 100.00 MAD
	// duration-max pass (Law 112-12 art. 5): statutory duration of 99 years; at most 99
	// transition-108 pass (Law 112-12 art. 108 (Law 74-16)): statutes conformed to Law 112-12 were registered on June 20, 2019, by the deadline of December 31, 2019
}

func ExampleDate_AddYears() {
	d := coop.MustParseDate("2024-02-29")
	fmt.Println(d.AddYears(1), d.AddYears(4))
	fmt.Println(coop.MustParseDate("2024-03-31").AddMonths(1))
	// Output:
	// 2025-02-28 2028-02-29
	// 2024-04-30
}

func ExampleExistenceAtMost() {
	registered := coop.MustParseDate("2022-04-06")
	fmt.Println(coop.ExistenceAtMost(registered, coop.MustParseDate("2026-04-06"), 4))
	fmt.Println(coop.ExistenceAtMost(registered, coop.MustParseDate("2026-04-07"), 4))
	// Output:
	// true
	// false
}

func ExampleParseMAD() {
	grant, err := coop.ParseMAD("300000")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(coop.FormatMAD(grant))
	_, err = coop.ParseMAD("1e3")
	fmt.Println(errors.Is(err, coop.ErrInvalid), err)
	// Output:
	// 300000.00
	// true invalid input: "1e3" is not an amount: write digits with at most two decimals after a point
}

func ExampleFloorMAD() {
	cost := coop.MustParseMAD("299999.99")
	grant := coop.FloorMAD(cost.Mul(decimal.RequireFromString("0.60")))
	fmt.Println(coop.FormatMAD(grant))
	// Output: 179999.99
}

func ExampleParseProvince() {
	p, err := coop.ParseProvince("Mohammadia")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p, p.Region(), p.Delegation(), p.Name(coop.AR))
	midelt := coop.ProvinceCode("MA-MID")
	fmt.Println(midelt.Region().Name(coop.FR), "/", midelt.Delegation().Name(coop.FR))
	// Output:
	// MA-MOH MA-06 casablanca المحمدية
	// Drâa-Tafilalet / Délégation de Meknès
}

func ExampleParseICE() {
	ice, err := coop.ParseICE("002 136 093 000 040")
	fmt.Println(ice, err)
	_, err = coop.ParseICE("001561191000065")
	fmt.Println(err)
	// Output:
	// 002136093000040 <nil>
	// invalid input: 001561191000065 fails the ICE check (the number must be divisible by 97)
}

func ExampleQuorum() {
	q, err := coop.Quorum(coop.Extraordinary, 1, 30)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q)
	fmt.Println(coop.Votes{For: 20, Against: 10}.Adopted(coop.Extraordinary))
	// Output:
	// 23
	// true
}

func ExampleLegalReserveAllocation() {
	alloc := coop.LegalReserveAllocation(coop.MustParseMAD("80000"), coop.MustParseMAD("45000"), coop.MustParseMAD("50000"))
	fmt.Println(coop.FormatMAD(alloc))
	// Output: 5000.00
}

// Input rules are declared on the input types; CheckInput reports every
// field that breaks one, by its JSON path.
func ExampleCheckInput() {
	c := coop.Cooperative{Kind: "club", Status: coop.Active, FoundedUnder: coop.Law11212, Name: "Coopérative\x00Tinas",
		Members: []coop.Member{{Type: coop.Natural, Gender: "f"}}}
	err := coop.CheckInput(&c)
	var e *coop.Error
	if errors.As(err, &e) {
		for _, f := range e.Fields {
			fmt.Printf("%s (%s): %s\n", f.Field, f.Rule, f.Message)
		}
	}
	// Output:
	// kind (enum): "club" is not a kind (cooperative or union)
	// name (text): holds the control character U+0000 at byte 12
	// members[0].gender (enum): "f" is not a gender (female or male)
}

// Every rule of the law has one ID and one article; a refusal names it.
func ExampleRuleByID() {
	r, _ := coop.RuleByID("two-thirds")
	fmt.Println(r.ID, "—", r.Article, "—", coop.Cite(r.Article, coop.FR))
	// Output:
	// two-thirds — Law 112-12 arts. 42-43 — loi n° 112-12, art. 42 à 43
}
