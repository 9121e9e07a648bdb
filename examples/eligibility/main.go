// Command eligibility checks a cooperative named in the source documents
// against every programme of the catalogue on a date and prints each
// decision with its reasons, references, hints and the date on which it
// changes.
//
//	go run ./examples/eligibility [-as-of 2023-06-30] [-lang en|fr|ar] [-coop ouch-almaz|nissae]
//
// cases.yaml beside this file is an example case file to copy into your own
// test suite (see cases_test.go).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

func main() {
	asOfFlag := flag.String("as-of", "2023-06-30", "date of the decisions, YYYY-MM-DD")
	langFlag := flag.String("lang", "en", "language of the reasons: en, fr or ar")
	which := flag.String("coop", "ouch-almaz", "cooperative: ouch-almaz or nissae")
	flag.Parse()

	asOf, err := coop.ParseDate(*asOfFlag)
	if err != nil {
		log.Fatalf("-as-of: %v", err)
	}
	lang, err := coop.ParseLang(*langFlag)
	if err != nil {
		log.Fatalf("-lang: %v", err)
	}
	var c coop.Cooperative
	switch *which {
	case "ouch-almaz":
		c = ouchAlmaz()
	case "nissae":
		c = nissaeAlHourate()
	default:
		log.Fatalf("-coop: %q is not one of ouch-almaz, nissae", *which)
	}

	cat := programs.Default()
	registered := map[coop.Lang]string{coop.EN: "registered", coop.FR: "immatriculée le", coop.AR: "مقيدة في"}[lang]
	fmt.Printf("%s, %s (%s), %s %s; catalogue %s\n\n", c.Name, c.Province.Name(lang), c.Region().Name(lang), registered, c.RegisteredOn, cat.Version())
	decisions, err := cat.EvaluateAll(asOf, programs.Applicant{Cooperative: &c})
	if err != nil {
		log.Fatal(err)
	}
	for _, dec := range decisions {
		fmt.Fprintln(os.Stdout, dec.Explain(lang))
	}
}

// ouchAlmaz is the Ouch Almaz cooperative of Dar Bouazza (Nouaceur), founded
// in 2020 by young graduates of the Traditional Art Academy of Casablanca,
// jewellery, Génération Solidaire prize 2022, as the press reported it. The exact
// registration date and the members are illustrative.
func ouchAlmaz() coop.Cooperative {
	born := []string{"1996-03-14", "1997-11-02", "1995-06-30", "1998-01-21", "1996-09-09", "1999-04-17"}
	genders := []coop.Gender{coop.Female, coop.Male, coop.Female, coop.Male, coop.Female, coop.Female}
	var members []coop.Member
	for i, b := range born {
		members = append(members, coop.Member{Number: i + 1, Type: coop.Natural, Gender: genders[i], BirthDate: coop.MustParseDate(b)})
	}
	return coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		Name: "Coopérative Ouch Almaz", Province: "MA-NOU", Commune: "Dar Bouazza", Sector: coop.Handicraft, Branch: "jewellery",
		RegisteredOn: coop.MustParseDate("2020-09-14"), Members: members,
		Declared: map[string]bool{programs.FactDisadvantagedMembers: false}}
}

// nissaeAlHourate is the Nissae Al Hourate women's cooperative of Sidi
// Moussa Ben Ali (Mohammedia), founded in 2016 by about thirty women, hot
// peppers, ONSSA certification 2018, Lalla Al Moutaâouina prize 2022, as
// the press reported it. The registration
// date and the members' details are illustrative.
func nissaeAlHourate() coop.Cooperative {
	members := make([]coop.Member, 30)
	for i := range members {
		members[i] = coop.Member{Number: i + 1, Type: coop.Natural, Gender: coop.Female,
			BirthDate: coop.MustParseDate("1975-01-01").AddDays(i * 211)}
	}
	return coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		Name: "Coopérative Nissae Al Hourate", Province: "MA-MOH", Commune: "Sidi Moussa Ben Ali", Sector: coop.Agriculture,
		RegisteredOn: coop.MustParseDate("2016-04-12"), Members: members}
}
