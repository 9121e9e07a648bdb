// Command quickstart builds a cooperative named in the source documents, the
// Ittihad women's cooperative of Ain Leuh (Ifrane province), founded on
// 5 November 1998 under Law 24-83, runs the Law 112-12 check at a date and
// prints every result with its article and reason.
//
//	go run ./examples/quickstart [-as-of 2024-05-01] [-lang en|fr|ar]
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

func main() {
	asOfFlag := flag.String("as-of", "2024-05-01", "date of the check, YYYY-MM-DD")
	langFlag := flag.String("lang", "en", "language of the reasons: en, fr or ar")
	flag.Parse()

	asOf, err := coop.ParseDate(*asOfFlag)
	if err != nil {
		log.Fatalf("-as-of: %v", err)
	}
	lang, err := coop.ParseLang(*langFlag)
	if err != nil {
		log.Fatalf("-lang: %v", err)
	}

	c := ittihad()
	if err := c.Validate(); err != nil {
		log.Fatal(err)
	}
	rep := coop.CheckLaw(&c, asOf)

	n, _ := c.MembersAt(asOf)
	fmt.Printf("%s (%s), %s, %s\n", c.Name, c.NameAR, c.Province.Name(lang), c.Region().Name(lang))
	fmt.Printf("founded %s under Law %s, conformed %s; %d members on %s\n\n",
		c.RegisteredOn, c.FoundedUnder, c.ConformedOn, n, asOf)
	fmt.Printf("Law 112-12 check at %s: %s\n", asOf, rep.Outcome)
	for _, r := range rep.Results {
		fmt.Fprintf(os.Stdout, "  %-8s %-24s %-32s %s\n", r.Outcome, r.ID, coop.Cite(r.Reference, lang), r.Reason.Text(lang))
	}
}

// ittihad returns the Ittihad cooperative as the press describes it: the
// first women's
// agricultural cooperative of the Middle Atlas, in Douar Toufestelt, rural
// commune of Ain Leuh, Ifrane province, founded on 5 November 1998. The
// sources give neither its register nor its accounts: the members, shares,
// board, conformity date and turnover below are illustrative.
func ittihad() coop.Cooperative {
	founded := coop.MustParseDate("1998-11-05")
	names := []string{"Fatima Ait Ali", "Itto Ouchen", "Aicha Benhaddou", "Khadija Ouali", "Mina Azzouzi",
		"Zahra Ait Said", "Hafsa Moujahid", "Rkia Lahcen", "Naima Bouzid", "Saadia Amrani", "Touda Hamdi", "Yamna Ziani"}
	share := coop.MustParseMAD("100")
	var members []coop.Member
	for i, name := range names {
		members = append(members, coop.Member{
			Number: i + 1, Type: coop.Natural, Name: name, Gender: coop.Female,
			Shares: []coop.ShareMovement{{
				Kind: coop.Subscription, On: founded, Shares: 10,
				Amount: share.Mul(decimal.NewFromInt(10)),
				Paid:   decimal.NewNullDecimal(share.Mul(decimal.NewFromInt(10))),
			}},
		})
	}
	return coop.Cooperative{
		Kind:         coop.KindCooperative,
		Name:         "Coopérative Ittihad",
		NameAR:       "تعاونية الاتحاد",
		Sector:       coop.Agriculture,
		Province:     "MA-IFR",
		Commune:      "Ain Leuh",
		Address:      "Douar Toufestelt, Ain Leuh",
		RegisteredOn: founded,
		Status:       coop.Active,
		FoundedUnder: coop.Law2483,
		ConformedOn:  coop.MustParseDate("2019-06-20"), // illustrative
		Statutes:     coop.Statutes{DurationYears: 99, ShareNominal: share, Purpose: "couscous, pasta, aromatic plants, essential oils"},
		Members:      members,
		Governance: coop.Governance{Directors: []coop.Officer{
			{Name: "Fatima Ait Ali", Role: "president"}, {Name: "Itto Ouchen", Role: "secretary"}, {Name: "Aicha Benhaddou", Role: "treasurer"},
		}},
		Turnover: map[int]decimal.Decimal{ // illustrative
			2022: coop.MustParseMAD("850000"),
			2023: coop.MustParseMAD("920000"),
		},
	}
}
