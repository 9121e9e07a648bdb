package programs_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// renderCorpus decides, for every programme, the varied applicants of the
// recording at several dates, naming each call before, during and after
// its window, and every case of the case files, and runs the Law check on
// each cooperative: the reasons reach every message with the values real
// decisions give it.
func renderCorpus(t *testing.T, cat *programs.Catalogue) (reasons []coop.Reason, explanations map[coop.Lang]map[string]bool) {
	// A provincial INDH call, and a programme open to cooperatives and
	// persons alike, reach the province criterion and the registered
	// criterion's answer to a person.
	require.NoError(t, cat.LoadCalls("ifrane.yaml", strings.NewReader(`
- program: indh-income
  id: indh-income-2024-ifrane
  names: {fr: "INDH, appel à projets 2024 de la province d'Ifrane", ar: "المبادرة الوطنية للتنمية البشرية، طلب مشاريع 2024 لإقليم إفران", en: "INDH, 2024 call for projects of Ifrane province"}
  opens: 2024-02-01
  closes: 2024-04-30
  parameters: {provinces: [MA-IFR, MA-MEK], sectors: [agriculture], youth_max_age: 35, min_women_youth_share: "0.30"}
`)))
	require.NoError(t, cat.LoadPrograms("open.yaml", strings.NewReader(`
programs:
  - id: open-to-all
    names: {fr: Programme ouvert, ar: برنامج مفتوح, en: Open programme}
    accepts: [cooperative, person]
    reference: an illustrative programme open to cooperatives and persons
    criteria: [{kind: registered}, {kind: law-112-12}, {kind: members-min}]
    calls: [{id: open-2020, names: {fr: Appel 2020, ar: دعوة 2020, en: Call 2020}, opens: 2020-01-01}]
`)))
	// The existence and turnover of enterprises, and every applicant
	// against them.
	require.NoError(t, cat.LoadPrograms("enterprises.yaml", strings.NewReader(`
programs:
  - id: enterprise-rules
    names: {fr: Règles des entreprises, ar: قواعد المقاولات, en: Enterprise rules}
    accepts: [cooperative, person, association, vse, auto-entrepreneur]
    reference: an illustrative programme open to every applicant
    criteria:
      - {kind: existence-max}
      - {kind: experience-min}
      - {kind: turnover, params: {min_turnover: min_turnover}}
      - {kind: founded, strict: [max]}
      - kind: all-of
        id: both
        of: [{kind: age}, {kind: turnover, id: small, strict: [max], params: {max_turnover: small_turnover}}]
    calls:
      - id: rules-2020
        names: {fr: Appel 2020, ar: دعوة 2020, en: Call 2020}
        opens: 2020-01-01
        parameters: {max_existence_years: 3, min_experience_years: 1, min_turnover: "100000", min_age: 18, small_turnover: "5000000", founded_from: 2020-01-01, founded_until: 2024-01-01}
`)))
	// Age ranges with one end (examples/open-range).
	ranges, err := os.ReadFile("../examples/open-range/programme.yaml")
	require.NoError(t, err)
	require.NoError(t, cat.LoadPrograms("open-range.yaml", bytes.NewReader(ranges)))
	explanations = map[coop.Lang]map[string]bool{coop.FR: {}, coop.AR: {}}
	// Each reason is kept once: decisions give the same ones again and
	// again.
	seen := map[coop.Reason]bool{}
	addReason := func(r coop.Reason) {
		if !seen[r] {
			seen[r] = true
			reasons = append(reasons, r)
		}
	}
	var addResults func([]programs.CriterionResult)
	addResults = func(rs []programs.CriterionResult) {
		for _, c := range rs {
			addReason(c.Reason)
			if !c.Hint.IsZero() {
				addReason(c.Hint)
			}
			addResults(c.Branches)
		}
	}
	addDecision := func(dec programs.Decision) {
		addResults(dec.Criteria)
		if dec.Benefit != nil {
			addReason(dec.Benefit.Reason)
		}
		for lang, lines := range explanations {
			for line := range strings.SplitSeq(strings.TrimSpace(dec.Explain(lang)), "\n") {
				lines[line] = true
			}
		}
	}
	addLaw := func(c *coop.Cooperative, asOf coop.Date) {
		rep := coop.CheckLaw(c, asOf)
		for _, r := range rep.Results {
			addReason(r.Reason)
		}
	}
	// 400 varied cooperatives; 60 under the race detector, which still
	// reach every message (the test fails otherwise).
	applicants := recordedApplicants()[:400]
	if raceDetector {
		applicants = applicants[:60]
	}
	extra := []coop.Cooperative{
		{Kind: coop.KindCooperative, Status: coop.Dissolved, StatusSince: d("2021-01-01"), RegisteredOn: d("2015-01-01"), Province: "MA-CAS"},
		{Kind: coop.KindUnion, Status: coop.Active, RegisteredOn: d("2018-01-01"), Province: "MA-RAB", MemberCount: count(2)},
		{Kind: coop.KindCooperative, Status: coop.Active, RegisteredOn: d("2030-01-01"), Province: "MA-CAS"},
		{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law2483, RegisteredOn: d("1998-01-01"), ConformedOn: d("2020-03-01"), Province: "MA-CAS"},
		{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law2483, RegisteredOn: d("1998-01-01"), Province: "MA-CAS"},
		{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law2483, RegisteredOn: d("1998-01-01"), ConformedOn: d("2019-06-01"), Province: "MA-CAS"},
		{Kind: coop.KindCooperative, Status: coop.Active, RegisteredOn: d("2020-01-01"), Province: "MA-CAS", MemberCount: count(0)},
		{Kind: coop.KindCooperative, Status: coop.Active, RegisteredOn: d("2020-01-01"), Province: "MA-IFR", Sector: coop.Agriculture,
			Governance: coop.Governance{Managers: []coop.Officer{{Name: "A", Since: d("2020-01-01")}}},
			Turnover:   map[int]decimal.Decimal{2023: coop.MustParseMAD("6000000")},
			Members: []coop.Member{
				{Type: coop.Natural, Gender: coop.Female, Shares: []coop.ShareMovement{{Kind: coop.Subscription, On: d("2020-01-01"), Shares: 1, Amount: coop.MustParseMAD("300")}}},
				{Type: coop.Legal}, {Type: coop.Natural}}},
		{Kind: coop.KindCooperative, Status: coop.Active, RegisteredOn: d("2020-01-01"), Province: "MA-CAS", Members: []coop.Member{
			{Type: coop.Natural, Gender: coop.Male, BirthDate: d("2000-01-01"), JoinedOn: d("2021-01-01"), LeftOn: d("2022-01-01")}}},
	}
	for i := range extra {
		applicants = append(applicants, programs.Applicant{Cooperative: &extra[i], Project: project("100000", "", "")})
	}
	persons := []programs.PersonFacts{{}, {BirthDate: d("2005-06-25")}, {BirthDate: d("1990-01-01")}, {BirthDate: d("2003-01-10")}}
	turnover := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(coop.MustParseMAD(s)) }
	enterprises := []programs.EnterpriseFacts{{Kind: programs.VSE},
		{Kind: programs.VSE, CreatedOn: d("2020-06-30"), Turnover: turnover("50000")},
		{Kind: programs.Association, CreatedOn: d("2023-06-30"), Turnover: turnover("300000")},
		{Kind: programs.AutoEntrepreneur, CreatedOn: d("2012-01-01"), Turnover: turnover("9000000"), Declared: map[string]bool{"property-development": true}},
		{Kind: programs.VSE, CreatedOn: d("2028-01-01"), Declared: map[string]bool{"property-development": false}}}
	dates := []string{"2013-06-01", "2021-06-30", "2022-04-05", "2023-06-30", "2023-10-01", "2024-03-15", "2024-08-15", "2026-01-01"}
	for _, p := range cat.Programs() {
		for _, date := range dates {
			for _, call := range append([]string{""}, callIDs(p)...) {
				for _, a := range applicants {
					if p.AcceptsKind(programs.Person) {
						continue
					}
					dec, err := cat.Evaluate(programs.Request{Program: p.ID, Call: call, AsOf: d(date), Applicant: a})
					require.NoError(t, err)
					addDecision(dec)
				}
				for i := range persons {
					dec, err := cat.Evaluate(programs.Request{Program: p.ID, Call: call, AsOf: d(date), Applicant: programs.Applicant{Person: &persons[i]}})
					require.NoError(t, err)
					addDecision(dec)
				}
				for i := range enterprises {
					for _, pr := range []*programs.Project{nil, project("300000", "60000", "0"), project("300000", "60000", "")} {
						dec, err := cat.Evaluate(programs.Request{Program: p.ID, Call: call, AsOf: d(date),
							Applicant: programs.Applicant{Enterprise: &enterprises[i], Project: pr}})
						require.NoError(t, err)
						addDecision(dec)
					}
				}
			}
		}
	}
	for _, a := range applicants {
		for _, date := range dates {
			addLaw(a.Cooperative, d(date))
		}
	}
	files, err := filepath.Glob("testdata/*.yaml")
	require.NoError(t, err)
	for _, path := range files {
		f, err := os.Open(path)
		require.NoError(t, err)
		cases, err := cat.ParseCases(f, path)
		f.Close()
		require.NoError(t, err)
		for _, c := range cases {
			if c.Check != "" {
				addLaw(c.Applicant.Cooperative, c.AsOf)
				continue
			}
			dec, err := cat.Evaluate(programs.Request{Program: c.Program, Call: c.Call, Phase: c.Phase, AsOf: c.AsOf, Applicant: c.Applicant})
			require.NoError(t, err)
			addDecision(dec)
		}
	}
	return reasons, explanations
}

func callIDs(p programs.Program) []string {
	var out []string
	for _, c := range p.Calls {
		out = append(out, c.ID)
	}
	return out
}

var (
	latin       = regexp.MustCompile(`[A-Za-z]`)
	codes       = regexp.MustCompile(`\bMA-[A-Z0-9]{2,3}\b`)
	placeholder = regexp.MustCompile(`[{}#]`)
	// isoDate and rawAmount are a date and an amount in machine form.
	isoDate   = regexp.MustCompile(`\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b`)
	rawAmount = regexp.MustCompile(`\b[0-9]{4,}[.,][0-9]{2}\b`)
	// arLawNumber is a law or a decree numbered with a hyphen in Arabic,
	// where Moroccan Arabic writes a dot.
	arLawNumber = regexp.MustCompile(`(القانون|المرسوم|للقانون) رقم \x{2068}?[0-9]+-`)
	// frSpacing is a French colon, semicolon, question or exclamation
	// mark or closing guillemet without the non-breaking space before it,
	// or an opening guillemet without one after it.
	frSpacing = regexp.MustCompile(`[^\x{00a0}\x{202f}][:;!?»]|«[^\x{00a0}\x{202f}]`)
	// english is a word of English in a French sentence.
	english = regexp.MustCompile(`(?i)\b(the|and|is|are|from|until|with|which|members?|eligible|ineligible|unconfirmed|registered|call)\b`)
)

// signable reports what a reader would not sign in a French or an
// Arabic text: a date or an amount in machine form, a law numbered with a
// hyphen in Arabic, an arrow in right-to-left text, French punctuation
// without its non-breaking space, English in French.
func signable(text string, lang coop.Lang) string {
	switch {
	case lang == coop.EN:
		return ""
	case isoDate.MatchString(text):
		return "an ISO date: " + isoDate.FindString(text)
	case rawAmount.MatchString(text):
		return "an ungrouped amount: " + rawAmount.FindString(text)
	case lang == coop.AR && arLawNumber.MatchString(text):
		return "a law number with a hyphen in Arabic"
	case lang == coop.AR && strings.Contains(text, "→"):
		return "an arrow in right-to-left text"
	case lang == coop.FR && frSpacing.MatchString(text):
		return "French punctuation without its non-breaking space: " + frSpacing.FindString(text)
	case lang == coop.FR && english.MatchString(text):
		return "English in French: " + english.FindString(text)
	}
	return ""
}

// untranslated returns the identifiers that must never appear in a French
// sentence: the catalogue's IDs (programmes, calls, criteria, facts), the
// slugs of sectors and branches that are not French words, the English
// names of applicant kinds and statuses.
func untranslated(cat *programs.Catalogue) []string {
	words := []string{"cooperative", "person", "union of", "struck-off", "in-liquidation", "dissolved", "declared", "false", "true"}
	for _, p := range cat.Programs() {
		words = append(words, p.ID)
		for _, c := range p.Calls {
			words = append(words, c.ID)
		}
		for _, c := range p.Criteria {
			if strings.Contains(c.ID, "-") {
				words = append(words, c.ID)
			}
			if c.Fact != "" {
				words = append(words, c.Fact)
			}
		}
	}
	for _, s := range coop.Sectors() {
		if strings.ToLower(s.Names.FR) != string(s.Sector) {
			words = append(words, string(s.Sector))
		}
		for _, b := range coop.KnownBranches(s.Sector) {
			if strings.ToLower(b.Names.FR) != string(b.Branch) {
				words = append(words, string(b.Branch))
			}
		}
	}
	return words
}

func containsWord(text, word string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		before := start == 0 || !isWordByte(text[start-1])
		after := end == len(text) || !isWordByte(text[end])
		if before && after {
			return true
		}
		i = start + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_'
}

// TestReasonsRender renders every message of every criterion and every
// Law check, in French, Arabic and English, with the values decisions give
// it, and fails on an unresolved placeholder, a Latin letter in an Arabic
// reason (an identifier, a code, an English word) or an untranslated
// identifier in a French one. It also fails when a message of a kind or a
// check is never reached.
func TestReasonsRender(t *testing.T) {
	t.Parallel() // the tests of the largest corpora run side by side
	cat := programs.Default()
	reasons, explanations := renderCorpus(t, cat)
	ids := untranslated(cat)
	reached := map[string]bool{}
	problems := map[string]string{}
	seen := map[string]bool{}
	for _, r := range reasons {
		id := r.MessageID()
		reached[id] = true
		if key := id + "\x00" + r.Text(coop.EN); seen[key] {
			continue // each message with each set of values once
		} else {
			seen[key] = true
		}
		for _, lang := range coop.Langs {
			text := r.Text(lang)
			switch {
			case text == "":
				problems[id+"/"+string(lang)] = "empty"
			case placeholder.MatchString(text):
				problems[id+"/"+string(lang)] = "unresolved placeholder: " + text
			case lang == coop.AR && latin.MatchString(text):
				problems[id+"/ar"] = "Latin letters in Arabic: " + text
			case lang == coop.FR && codes.MatchString(text):
				problems[id+"/fr"] = "code in French: " + text
			case signable(text, lang) != "":
				problems[id+"/"+string(lang)] = signable(text, lang) + ": " + text
			case lang == coop.FR:
				for _, w := range ids {
					if containsWord(text, w) {
						problems[id+"/fr"] = "untranslated " + w + ": " + text
					}
				}
			}
		}
	}
	for key, p := range problems {
		t.Errorf("%s: %s", key, p)
	}

	// Every message a kind or a check declares is reached.
	var all []string
	for _, k := range cat.Kinds() {
		for _, m := range k.Messages {
			all = append(all, m.ID)
		}
	}
	for _, m := range coop.LawMessages() {
		all = append(all, m.ID)
	}
	slices.Sort(all)
	for _, id := range slices.Compact(all) {
		assert.True(t, reached[id], "message %s is never reached", id)
	}

	// Explanations in Arabic carry no Latin letter, each source translated;
	// French ones no code; neither what an officer would not sign. Each
	// distinct line is checked once.
	for _, lang := range []coop.Lang{coop.FR, coop.AR} {
		for line := range explanations[lang] {
			if lang == coop.FR && codes.MatchString(line) {
				t.Errorf("a code in a French explanation: %s", line)
			}
			if lang == coop.AR && latin.MatchString(line) {
				t.Errorf("Latin letters in an Arabic explanation: %s", line)
			}
			if p := signable(line, lang); p != "" {
				t.Errorf("explanation in %s: %s: %s", lang, p, line)
			}
		}
	}
}

// TestSourcesTranslated checks that every source the built-in catalogue
// cites (of a programme, a call, a parameter, a criterion, a follow-up
// schedule) is a citation of a law, which reads in every language, or is
// translated into French and Arabic by its programme's sources.
func TestSourcesTranslated(t *testing.T) {
	for _, p := range programs.Default().Programs() {
		refs := []string{p.Reference}
		if p.Schedule != nil {
			refs = append(refs, p.Schedule.Reference)
		}
		for _, c := range p.Criteria {
			refs = append(refs, c.Reference)
		}
		for _, call := range p.Calls {
			refs = append(refs, call.Reference)
			for _, prm := range call.Parameters {
				refs = append(refs, prm.Reference)
			}
		}
		for _, ref := range refs {
			if ref == "" || coop.IsCitation(ref) || slices.ContainsFunc(programs.Default().Kinds(), func(k programs.Kind) bool {
				return k.Reference == ref && k.References.FR != "" && k.References.AR != ""
			}) {
				continue
			}
			i := slices.IndexFunc(p.Translations, func(s coop.Names) bool { return s.EN == ref })
			if !assert.GreaterOrEqual(t, i, 0, "%s: the source %q is not translated", p.ID, ref) {
				continue
			}
			s := p.Translations[i]
			assert.False(t, latin.MatchString(s.AR), "%s: Latin letters in the Arabic of %q", p.ID, ref)
			assert.Empty(t, signable(coop.FrenchSpacing(s.FR), coop.FR), "%s: %q", p.ID, s.FR)
		}
	}
}

// BenchmarkReasonText renders every reason of an INDH decision in French
// and in Arabic.
func BenchmarkReasonText(b *testing.B) {
	f := func(born string, g coop.Gender) coop.Member {
		return coop.Member{Type: coop.Natural, Gender: g, BirthDate: coop.MustParseDate(born)}
	}
	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		Province: "MA-HOC", Sector: coop.Agriculture, RegisteredOn: coop.MustParseDate("2019-05-01"),
		Members: []coop.Member{f("1990-01-01", coop.Female), f("1960-01-01", coop.Male), f("1995-01-01", coop.Female), f("1958-01-01", coop.Male), f("1970-01-01", coop.Male)}}
	d, err := programs.Default().Evaluate(programs.Request{Program: "indh-income", AsOf: coop.MustParseDate("2023-09-01"), Applicant: programs.Applicant{Cooperative: &c}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range d.Criteria {
			_ = d.Criteria[i].Reason.Text(coop.FR)
			_ = d.Criteria[i].Reason.Text(coop.AR)
		}
	}
}
