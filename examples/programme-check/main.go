// Command programme-check checks a programme file and its case files the
// way a programme officer works: it loads the programmes of the file into
// the built-in catalogue, prints every problem of the file with its line,
// then decides every case and prints each one that does not give what it
// expects, with its line, the differences and the decision's reasons, in
// French, Arabic or English.
//
//	go run ./examples/programme-check examples/regional/programme.yaml examples/regional/cases.yaml
//	go run ./examples/programme-check -lang ar examples/open-range/programme.yaml examples/open-range/cases.yaml
//
// It exits with status 0 when the file loads and every case passes, 1
// otherwise, and 2 on a usage error.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/programs/programtest"
)

func main() {
	lang := flag.String("lang", "fr", "the language of the report: fr, ar or en")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: programme-check [-lang fr|ar|en] programme.yaml [cases.yaml ...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	l := coop.Lang(*lang)
	if flag.NArg() < 1 || (l != coop.FR && l != coop.AR && l != coop.EN) {
		flag.Usage()
		os.Exit(2)
	}
	if !check(os.Stdout, l, flag.Arg(0), flag.Args()[1:]) {
		os.Exit(1)
	}
}

// words are the report's own words in each language.
var words = map[coop.Lang]struct {
	refused, loaded, failed, passed, outcome, failing, unknown, mustPass, grant, changes, none, benefit string
}{
	coop.FR: {"%s est refusé ; rien n'est chargé :", "%s : %d programme(s) chargé(s).", "%s:%d : « %s » ne donne pas ce qu'il attend :",
		"%s : %d cas sur %d conformes.", "résultat attendu %s, obtenu %s", "critères non remplis attendus [%s], obtenus [%s]",
		"critères indéterminés attendus [%s], obtenus [%s]", "le critère %s devait être rempli", "subvention attendue %s, obtenue %s",
		"changement attendu le %s, obtenu %s", "aucun", "avantage, %s : attendu %s, obtenu %s"},
	coop.AR: {"تم رفض %s؛ لم يُحمَّل أي شيء:", "%s: تم تحميل %d برنامج(برامج).", "%s:%d: «%s» لا يعطي ما ينتظره:",
		"%s: %d حالة من أصل %d مطابقة.", "النتيجة المنتظرة %s، المحصل عليها %s", "المعايير غير المستوفاة المنتظرة [%s]، المحصل عليها [%s]",
		"المعايير غير المحددة المنتظرة [%s]، المحصل عليها [%s]", "كان يجب أن يكون المعيار %s مستوفى", "المنحة المنتظرة %s، المحصل عليها %s",
		"التغيير المنتظر في %s، المحصل عليه %s", "لا شيء", "الامتياز، %s: المنتظر %s، المحصل عليه %s"},
	coop.EN: {"%s is refused; nothing is loaded:", "%s: %d programme(s) loaded.", "%s:%d: %q does not give what it expects:",
		"%s: %d of %d cases pass.", "outcome expected %s, got %s", "failing criteria expected [%s], got [%s]",
		"unknown criteria expected [%s], got [%s]", "criterion %s was to pass", "grant expected %s, got %s",
		"change expected on %s, got %s", "none", "benefit, %s: expected %s, got %s"},
}

// benefitFields name the fields of a benefit a case may expect.
var benefitFields = map[string]coop.Names{
	"benefit":         {FR: "l'avantage lui-même", AR: "الامتياز نفسه", EN: "the benefit itself"},
	"kind":            {FR: "type", AR: "الصنف", EN: "kind"},
	"grant":           {FR: "subvention", AR: "المنحة", EN: "grant"},
	"loan":            {FR: "prêt", AR: "القرض", EN: "loan"},
	"rate":            {FR: "taux", AR: "سعر الفائدة", EN: "rate"},
	"guarantee_share": {FR: "part garantie", AR: "الحصة المضمونة", EN: "guarantee share"},
	"repayment_years": {FR: "durée de remboursement (ans)", AR: "مدة السداد (سنوات)", EN: "repayment (years)"},
	"grace_years":     {FR: "différé (ans)", AR: "فترة الإعفاء (سنوات)", EN: "grace (years)"},
}

// outcomes name the outcomes of a decision and of the law's check.
var outcomes = map[string]coop.Names{
	"eligible":      {FR: "éligible", AR: "مؤهل", EN: "eligible"},
	"ineligible":    {FR: "non éligible", AR: "غير مؤهل", EN: "ineligible"},
	"undetermined":  {FR: "indéterminé", AR: "غير محدد", EN: "undetermined"},
	"compliant":     {FR: "conforme", AR: "مطابقة", EN: "compliant"},
	"non-compliant": {FR: "non conforme", AR: "غير مطابقة", EN: "non-compliant"},
}

// check loads the programme file and runs the case files, writing the
// report to w in lang; it reports whether everything passed.
func check(w io.Writer, lang coop.Lang, programme string, caseFiles []string) bool {
	wd := words[lang]
	cat := programs.Default()
	before := len(cat.ProgramIDs())
	f, err := os.Open(programme)
	if err != nil {
		fmt.Fprintln(w, err)
		return false
	}
	err = cat.LoadPrograms(programme, f)
	f.Close()
	if err != nil {
		fmt.Fprintf(w, wd.refused+"\n", programme)
		var e *coop.Error
		if !asError(err, &e) || len(e.Fields) == 0 {
			fmt.Fprintln(w, "  "+coop.ErrorMessage(err))
			return false
		}
		for _, fe := range e.Fields {
			fmt.Fprintf(w, "  %s: %s: %s\n", fe.Source, fe.Field, fe.Text(lang))
		}
		return false
	}
	fmt.Fprintf(w, wd.loaded+"\n", programme, len(cat.ProgramIDs())-before)
	ok := true
	for _, path := range caseFiles {
		results, err := programtest.Runner{Catalogue: cat}.CheckFile(path)
		if err != nil {
			fmt.Fprintln(w, err)
			ok = false
			continue
		}
		passed := 0
		for i := range results {
			r := &results[i]
			if r.Passed() {
				passed++
				continue
			}
			ok = false
			c := &r.Case
			fmt.Fprintf(w, wd.failed+"\n", c.File, c.Line, c.Name)
			if r.Err != nil {
				fmt.Fprintln(w, "  "+coop.ErrorMessage(r.Err))
				continue
			}
			for _, m := range differences(lang, c, &r.Result) {
				fmt.Fprintln(w, "  "+m)
			}
			if c.Program != "" {
				dec, err := cat.Evaluate(programs.Request{Program: c.Program, Call: c.Call, Phase: c.Phase, AsOf: c.AsOf, Applicant: c.Applicant})
				if err == nil {
					fmt.Fprintln(w, "  "+strings.ReplaceAll(strings.TrimRight(dec.Explain(lang), "\n"), "\n", "\n  "))
				}
			}
		}
		fmt.Fprintf(w, wd.passed+"\n", path, passed, len(results))
	}
	return ok
}

// differences says, in lang, how a case's result differs from what it
// expects.
func differences(lang coop.Lang, c *programs.Case, r *programs.Result) []string {
	wd := words[lang]
	name := func(o string) string {
		if n, ok := outcomes[o]; ok {
			return n.In(lang)
		}
		return o
	}
	var out []string
	if r.Outcome != c.Expect.Outcome {
		out = append(out, fmt.Sprintf(wd.outcome, name(c.Expect.Outcome), name(r.Outcome)))
	}
	set := func(format string, want, got []string) {
		if want != nil && !sameSet(want, got) {
			out = append(out, fmt.Sprintf(format, strings.Join(want, ", "), strings.Join(got, ", ")))
		}
	}
	set(wd.failing, c.Expect.Failed, r.Failed)
	set(wd.unknown, c.Expect.Unknown, r.Unknown)
	for _, id := range c.Expect.Passed {
		if !contains(r.Passed, id) {
			out = append(out, fmt.Sprintf(wd.mustPass, id))
		}
	}
	if c.Expect.Grant.Valid && (!r.Grant.Valid || !r.Grant.Decimal.Equal(c.Expect.Grant.Decimal)) {
		got := wd.none
		if r.Grant.Valid {
			got = amount(r.Grant.Decimal, lang)
		}
		out = append(out, fmt.Sprintf(wd.grant, amount(c.Expect.Grant.Decimal, lang), got))
	}
	for _, bd := range c.BenefitDifferences(*r) {
		value := func(v string) string {
			if v == "none" {
				return wd.none
			}
			return v
		}
		out = append(out, fmt.Sprintf(wd.benefit, benefitFields[bd.Field].In(lang), value(bd.Want), value(bd.Got)))
	}
	if c.Expect.ChangesKnown && c.Expect.ChangesOn != r.ChangesOn {
		date := func(d coop.Date) string {
			if d.IsZero() {
				return wd.none
			}
			return coop.FormatDate(d, lang)
		}
		out = append(out, fmt.Sprintf(wd.changes, date(c.Expect.ChangesOn), date(r.ChangesOn)))
	}
	return out
}
