package programs

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/taawun/taawun/coop"
)

// Case is one case of a case file (the format is documented in package
// programtest): an applicant,
// a programme or the law-112-12 check, a date, and what is expected.
type Case struct {
	Name string
	// File and Line locate the case.
	File string
	Line int
	// Program is the programme's ID; empty for a check.
	Program string
	// Check is "law-112-12" for a Law 112-12 check; empty for a programme.
	Check     string
	Call      string
	Phase     string
	AsOf      coop.Date
	Applicant Applicant
	Expect    Expect
}

// Expect is what a case expects.
type Expect struct {
	// Outcome is eligible, ineligible or undetermined for a programme;
	// compliant, non-compliant or undetermined for the law-112-12 check.
	Outcome string
	// Failed and Unknown, when not nil, are the exact sets of failing and
	// unknown criteria.
	Failed, Unknown []string
	// Passed lists criteria that must (at least) pass.
	Passed []string
	// Grant, when valid, is the exact grant expected.
	Grant decimal.NullDecimal
	// ChangesOn, when ChangesKnown, is the date on which the outcome is
	// expected to change (Decision.ChangesOn); zero for no change in sight
	// ("changes_on: none").
	ChangesOn    coop.Date
	ChangesKnown bool
	// Benefit, when not nil, is what the decision's benefit must state,
	// by field: kind, grant, loan, rate, guarantee_share, repayment_years,
	// grace_years; "none" for an amount that must be null. An empty map
	// expects no benefit at all ("benefit: none").
	Benefit map[string]string
}

// Result is what a case actually gave.
type Result struct {
	Outcome string
	Passed  []string
	Failed  []string
	Unknown []string
	Grant   decimal.NullDecimal
	// Benefit is the decision's benefit, if any.
	Benefit *Benefit
	// ChangesOn is the date on which the outcome changes, zero for none.
	ChangesOn coop.Date
	// Explanation renders every criterion with its outcome, reason and
	// reference, in English.
	Explanation string
}

type caseDoc struct {
	Name        string           `yaml:"name"`
	Program     string           `yaml:"program"`
	Check       string           `yaml:"check"`
	Call        string           `yaml:"call"`
	Phase       string           `yaml:"phase"`
	AsOf        Text             `yaml:"as_of"`
	Cooperative *CaseCooperative `yaml:"cooperative"`
	Person      *CasePerson      `yaml:"person"`
	Enterprise  *CaseEnterprise  `yaml:"enterprise"`
	Project     *CaseProject     `yaml:"project"`
	Expect      *struct {
		Outcome string    `yaml:"outcome"`
		Failed  *[]string `yaml:"failed"`
		Unknown *[]string `yaml:"unknown"`
		Passed  []string  `yaml:"passed"`
		Grant   *Text     `yaml:"grant"`
		Changes *Text     `yaml:"changes_on"`
		Benefit yaml.Node `yaml:"benefit"`
	} `yaml:"expect"`
}

// CaseError reports the problems of a malformed case file, each located by
// file and line.
type CaseError struct {
	File string
	// Line is the line of the first problem.
	Line int
	// Problems lists every problem as "file:line: what is wrong".
	Problems []string
}

func (e *CaseError) Error() string { return strings.Join(e.Problems, "\n") }

func caseError(file string, line int, msg string) *CaseError {
	return &CaseError{File: file, Line: line, Problems: []string{fmt.Sprintf("%s:%d: %s", file, line, msg)}}
}

// ParseCases reads a case file. A malformed file (bad YAML, an unknown key,
// an unknown programme, call, phase, criterion, sector, province or
// declared fact, a bad date or amount, a missing name, date or expected
// outcome) is refused whole: the error is a *CaseError with the file and the
// line, and joins every problem found.
func (cat *Catalogue) ParseCases(r io.Reader, file string) ([]Case, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, caseError(file, 1, "the file cannot be read: "+err.Error())
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(b)).Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, caseError(file, 1, "the file holds no cases")
		}
		line, col, msg := syntaxError(b, err)
		if col > 0 {
			msg = "column " + strconv.Itoa(col) + ": " + msg
		}
		return nil, caseError(file, line, msg)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.SequenceNode {
		return nil, caseError(file, root.Line, "a case file is a YAML list of cases")
	}
	var cases []Case
	var errs []string
	firstLine := 0
	fail := func(line int, format string, args ...any) {
		if firstLine == 0 {
			firstLine = line
		}
		errs = append(errs, fmt.Sprintf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
	}
	names := map[string]int{}
	for _, n := range root.Content {
		c, problems := cat.parseCase(n, file)
		for _, p := range problems {
			fail(p.line, "%s", p.msg)
		}
		if len(problems) > 0 {
			continue
		}
		if prev, dup := names[c.Name]; dup {
			fail(n.Line, "case %q already appears at line %d", c.Name, prev)
			continue
		}
		names[c.Name] = n.Line
		cases = append(cases, c)
	}
	if len(errs) > 0 {
		return nil, &CaseError{File: file, Line: firstLine, Problems: errs}
	}
	return cases, nil
}

type problem struct {
	line int
	msg  string
}

func (cat *Catalogue) parseCase(n *yaml.Node, file string) (Case, []problem) {
	var d caseDoc
	if err := decodeStrict(n, &d); err != nil {
		return Case{}, []problem{decodeProblem(n, err)}
	}
	cp := &caseParser{cat: cat, n: n, d: &d}
	c := Case{Name: d.Name, File: file, Line: n.Line, Program: d.Program, Check: d.Check, Call: d.Call, Phase: d.Phase}
	if d.Name == "" {
		cp.add(n.Line, "the case has no name")
	}
	prog := cp.target()
	c.AsOf = cp.asOf()
	c.Applicant = cp.applicant()
	if d.Expect == nil {
		cp.add(n.Line, "the case has no expect")
		return c, cp.ps
	}
	c.Expect = cp.expect(prog)
	return c, cp.ps
}

// decodeProblem is the problem of a case that does not decode, at the
// line the decoder names.
func decodeProblem(n *yaml.Node, err error) problem {
	msg := coop.ErrorMessage(err)
	var e *coop.Error
	if ok := asError(err, &e); ok && len(e.Fields) > 0 {
		msg = e.Fields[0].Message
	}
	line := n.Line
	if _, rest, ok := strings.Cut(msg, "line "); ok {
		fmt.Sscanf(rest, "%d", &line)
		if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
			msg = msg[i+2:]
		}
	}
	return problem{line, msg}
}

// caseParser is the state of the reading of one case.
type caseParser struct {
	cat *Catalogue
	n   *yaml.Node
	d   *caseDoc
	ps  []problem
}

func (cp *caseParser) add(line int, format string, args ...any) {
	cp.ps = append(cp.ps, problem{line, fmt.Sprintf(format, args...)})
}

// at is the line of the key at path in the case.
func (cp *caseParser) at(path string) int { return lineOf(cp.n, path) }

// target checks what the case decides (a programme, with its call and
// phase, or the law's check) and returns the programme, if any.
func (cp *caseParser) target() *Program {
	d := cp.d
	var prog *Program
	switch {
	case d.Program != "" && d.Check != "":
		cp.add(cp.at("check"), "a case has exactly one of program or check, not both")
	case d.Program == "" && d.Check == "":
		cp.add(cp.n.Line, "a case needs a program or a check")
	case d.Check != "" && d.Check != coop.LawCheckID:
		cp.add(cp.at("check"), "unknown check %q (the check is %s)", d.Check, coop.LawCheckID)
	case d.Program != "":
		p, ok := cp.cat.Program(d.Program)
		if !ok {
			cp.add(cp.at("program"), "unknown programme %q (known: %s)", d.Program, strings.Join(cp.cat.ProgramIDs(), ", "))
			break
		}
		prog = p
		cp.callAndPhase(p)
	}
	if d.Check != "" && (d.Call != "" || d.Phase != "") {
		cp.add(cp.at("call"), "a check has no call or phase")
	}
	return prog
}

// callAndPhase checks the call and phase the case names of programme p.
func (cp *caseParser) callAndPhase(p *Program) {
	d := cp.d
	if d.Call == "" {
		return
	}
	call, ok := p.Call(d.Call)
	if !ok {
		cp.add(cp.at("call"), "unknown call %q of %s (known: %s)", d.Call, p.ID, strings.Join(callIDs(p), ", "))
		return
	}
	if d.Phase != "" {
		if _, ok := call.Phase(d.Phase); !ok {
			cp.add(cp.at("phase"), "unknown phase %q of call %s", d.Phase, call.ID)
		}
	}
}

// asOf reads the case's date.
func (cp *caseParser) asOf() coop.Date {
	if cp.d.AsOf == "" {
		cp.add(cp.n.Line, "the case has no as_of date")
		return coop.Date{}
	}
	asOf, err := coop.ParseDate(string(cp.d.AsOf))
	if err != nil {
		cp.add(cp.at("as_of"), "as_of: %s", fieldMessage(err))
	}
	return asOf
}

// applicant reads the cooperative or the person the case decides on, and
// checks the facts it declares are known to the catalogue.
func (cp *caseParser) applicant() Applicant {
	d := cp.d
	var out Applicant
	facts := Facts{Cooperative: d.Cooperative, Person: d.Person, Enterprise: d.Enterprise, Project: d.Project}
	if a, err := facts.Applicant(); err != nil {
		var e *coop.Error
		if asError(err, &e) {
			for _, f := range e.Fields {
				cp.add(cp.at(f.Field), "%s: %s", f.Field, f.Message)
			}
		}
	} else {
		out = a
	}
	if d.Cooperative == nil && d.Person == nil && d.Enterprise == nil {
		cp.add(cp.n.Line, "the case has no cooperative, person or enterprise")
	}
	if d.Check != "" && d.Cooperative == nil {
		cp.add(cp.n.Line, "the law-112-12 check needs a cooperative")
	}
	known := cp.cat.DeclaredFacts()
	check := func(who string, declared map[string]bool) {
		for _, fact := range slices.Sorted(maps.Keys(declared)) {
			if !slices.Contains(known, fact) {
				cp.add(cp.at(who+".declared."+fact), "unknown declared fact %q (known: %s)", fact, strings.Join(known, ", "))
			}
		}
	}
	if d.Cooperative != nil {
		check("cooperative", d.Cooperative.Declared)
	}
	if d.Person != nil {
		check("person", d.Person.Declared)
	}
	if d.Enterprise != nil {
		check("enterprise", d.Enterprise.Declared)
	}
	return out
}

// expect reads what the case expects: an outcome of the programme prog (or
// of the law's check when nil), criteria it names, and a grant.
func (cp *caseParser) expect(prog *Program) Expect {
	e := cp.d.Expect
	var out Expect
	out.Outcome = e.Outcome
	valid := []string{string(Eligible), string(Ineligible), string(Undetermined)}
	if cp.d.Check != "" {
		valid = []string{string(coop.Compliant), string(coop.NonCompliant), string(coop.Undetermined)}
	}
	if !slices.Contains(valid, e.Outcome) {
		cp.add(cp.at("expect.outcome"), "expect.outcome %q is not one of %s", e.Outcome, strings.Join(valid, ", "))
	}
	ids := lawCheckIDs
	if prog != nil {
		ids = criterionIDs(prog)
	}
	checkIDs := func(key string, list []string) {
		for i, id := range list {
			if !slices.Contains(ids, id) {
				cp.add(cp.at(fmt.Sprintf("expect.%s[%d]", key, i)), "expect.%s: unknown criterion %q (known: %s)", key, id, strings.Join(ids, ", "))
			}
		}
	}
	if e.Failed != nil {
		out.Failed = append([]string{}, *e.Failed...)
		checkIDs("failed", out.Failed)
	}
	if e.Unknown != nil {
		out.Unknown = append([]string{}, *e.Unknown...)
		checkIDs("unknown", out.Unknown)
	}
	out.Passed = e.Passed
	checkIDs("passed", e.Passed)
	if e.Changes != nil {
		out.ChangesKnown = true
		if *e.Changes != "none" {
			d, err := coop.ParseDate(string(*e.Changes))
			if err != nil {
				cp.add(cp.at("expect.changes_on"), "expect.changes_on: a date (YYYY-MM-DD) or none, not %q", coop.Excerpt(string(*e.Changes)))
			}
			out.ChangesOn = d
		}
	}
	out.Benefit = cp.expectBenefit(&e.Benefit)
	if e.Grant != nil {
		g, err := coop.ParseMAD(string(*e.Grant))
		if err != nil {
			cp.add(cp.at("expect.grant"), "expect.grant: %s", fieldMessage(err))
		} else {
			out.Grant = decimal.NewNullDecimal(g)
		}
	}
	return out
}

// benefitFields are what a case may expect of a benefit, with how each is
// read: an amount, a ratio, a whole number or a name.
var benefitFields = map[string]string{"kind": "name", "grant": "amount", "loan": "amount", "rate": "ratio",
	"guarantee_share": "ratio", "repayment_years": "int", "grace_years": "int"}

// expectBenefit reads expect.benefit: none, or a mapping of the benefit's
// fields to their values; nil when the case expects nothing of it.
func (cp *caseParser) expectBenefit(n *yaml.Node) map[string]string {
	switch {
	case n.Kind == 0:
		return nil
	case n.Kind == yaml.ScalarNode && n.Value == "none":
		return map[string]string{}
	case n.Kind != yaml.MappingNode:
		cp.add(cp.at("expect.benefit"), "expect.benefit: none, or a mapping of %s", strings.Join(slices.Sorted(maps.Keys(benefitFields)), ", "))
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1].Value
		how, ok := benefitFields[k]
		if !ok {
			cp.add(n.Content[i].Line, "expect.benefit.%s: not a field of a benefit (%s)", coop.Excerpt(k), strings.Join(slices.Sorted(maps.Keys(benefitFields)), ", "))
			continue
		}
		if v != "none" || how == "int" || how == "name" {
			if err := checkBenefitValue(how, v); err != nil {
				cp.add(n.Content[i+1].Line, "expect.benefit.%s: %s", k, err)
				continue
			}
		}
		out[k] = v
	}
	return out
}

// checkBenefitValue checks a value a case expects of a benefit's field.
func checkBenefitValue(how, v string) error {
	switch how {
	case "amount":
		if _, err := coop.ParseMAD(v); err != nil {
			return fmt.Errorf("an amount such as 10000.00, or none, not %q", coop.Excerpt(v))
		}
	case "ratio":
		if _, err := parseRatio(v); err != nil {
			return fmt.Errorf("a ratio such as 0.02, or none, not %q", coop.Excerpt(v))
		}
	case "int":
		if _, err := strconv.Atoi(v); err != nil {
			return fmt.Errorf("a whole number, not %q", coop.Excerpt(v))
		}
	}
	return nil
}

// BenefitDifference is a field of a benefit that differs from what a case
// expects: Field is a key of expect.benefit ("loan"), or "benefit" for
// the benefit as a whole; Want and Got are values as a case writes them,
// "none" for no value.
type BenefitDifference struct {
	Field, Want, Got string
}

// BenefitDifferences compares the benefit of a result with what the case
// expects of it; none when the case expects nothing of it or it matches.
func (c *Case) BenefitDifferences(r Result) []BenefitDifference {
	want, got := c.Expect.Benefit, r.Benefit
	switch {
	case want == nil:
		return nil
	case len(want) == 0 && got != nil:
		return []BenefitDifference{{Field: "benefit", Want: "none", Got: got.Kind}}
	case len(want) == 0:
		return nil
	case got == nil:
		return []BenefitDifference{{Field: "benefit", Want: "a benefit", Got: "none"}}
	}
	var out []BenefitDifference
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if have, same := benefitField(got, k, want[k]); !same {
			out = append(out, BenefitDifference{Field: k, Want: want[k], Got: have})
		}
	}
	return out
}

// benefitField returns the field k of a benefit as a case writes it, and
// whether it is the value w a case expects ("none" for no value).
func benefitField(got *Benefit, k, w string) (have string, same bool) {
	switch k {
	case "kind":
		return got.Kind, got.Kind == w
	case "repayment_years":
		have = strconv.Itoa(got.RepaymentYears)
		return have, have == w
	case "grace_years":
		have = strconv.Itoa(got.GraceYears)
		return have, have == w
	}
	v := map[string]decimal.NullDecimal{"grant": got.Grant, "loan": got.Loan, "rate": got.Rate, "guarantee_share": got.GuaranteeShare}[k]
	have = "none"
	switch {
	case v.Valid && (k == "grant" || k == "loan"):
		have = coop.FormatMAD(v.Decimal)
	case v.Valid:
		have = v.Decimal.String()
	}
	if w == "none" {
		return have, !v.Valid
	}
	wd, _ := decimal.NewFromString(w)
	return have, v.Valid && v.Decimal.Equal(wd)
}

var lawCheckIDs = []string{coop.CheckMembersMin, coop.CheckCapitalMin, coop.CheckShareNominalMin, coop.CheckPaidAtSubscription,
	coop.CheckPaidWithin3Years, coop.CheckNaturalPersonsCapital, coop.CheckLegalPersonsVotes, coop.CheckBoardRequired,
	coop.CheckBoardSize, coop.CheckManagersMax, coop.CheckAuditorRequired, coop.CheckDurationMax, coop.CheckTransition108}

func fieldMessage(err error) string {
	var e *coop.Error
	if asError(err, &e) && len(e.Fields) > 0 {
		return e.Fields[0].Message
	}
	return coop.ErrorMessage(err)
}

// Run decides the case with the catalogue.
func (cat *Catalogue) RunCase(c *Case) (Result, error) {
	if c.Check != "" {
		rep := coop.CheckLaw(c.Applicant.Cooperative, c.AsOf)
		r := Result{Outcome: string(rep.Outcome)}
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s: %s\n", coop.LawCheckID, c.AsOf, rep.Outcome)
		for _, x := range rep.Results {
			switch x.Outcome {
			case coop.Pass:
				r.Passed = append(r.Passed, x.ID)
			case coop.Fail:
				r.Failed = append(r.Failed, x.ID)
			case coop.Unknown:
				r.Unknown = append(r.Unknown, x.ID)
			}
			fmt.Fprintf(&b, "  %s\t%s\t%s [%s]\n", x.Outcome, x.ID, x.Reason.Text(coop.EN), x.Reference)
		}
		r.Explanation = b.String()
		return r, nil
	}
	d, err := cat.Evaluate(Request{Program: c.Program, Call: c.Call, Phase: c.Phase, AsOf: c.AsOf, Applicant: c.Applicant})
	if err != nil {
		return Result{}, err
	}
	return Result{Outcome: string(d.Outcome), Passed: d.IDs(coop.Pass), Failed: d.IDs(coop.Fail), Unknown: d.IDs(coop.Unknown),
		Grant: d.Grant, Benefit: d.Benefit, ChangesOn: d.ChangesOn, Explanation: d.Explain(coop.EN)}, nil
}

// Mismatches compares a result with what the case expects and returns one
// line per difference; none means the case passes.
func (c *Case) Mismatches(r Result) []string {
	var out []string
	if r.Outcome != c.Expect.Outcome {
		out = append(out, fmt.Sprintf("outcome: expected %s, got %s", c.Expect.Outcome, r.Outcome))
	}
	sameSet := func(key string, want, got []string) {
		if want == nil {
			return
		}
		w, g := slices.Clone(want), slices.Clone(got)
		slices.Sort(w)
		slices.Sort(g)
		if !slices.Equal(w, g) {
			out = append(out, fmt.Sprintf("%s: expected [%s], got [%s]", key, strings.Join(w, ", "), strings.Join(g, ", ")))
		}
	}
	sameSet("failed", c.Expect.Failed, r.Failed)
	sameSet("unknown", c.Expect.Unknown, r.Unknown)
	for _, id := range c.Expect.Passed {
		if !slices.Contains(r.Passed, id) {
			out = append(out, fmt.Sprintf("passed: expected %s to pass, it did not", id))
		}
	}
	if c.Expect.ChangesKnown && r.ChangesOn != c.Expect.ChangesOn {
		show := func(d coop.Date) string {
			if d.IsZero() {
				return "none"
			}
			return d.String()
		}
		out = append(out, fmt.Sprintf("changes_on: expected %s, got %s", show(c.Expect.ChangesOn), show(r.ChangesOn)))
	}
	for _, bd := range c.BenefitDifferences(r) {
		field := "benefit"
		if bd.Field != "benefit" {
			field += "." + bd.Field
		}
		out = append(out, fmt.Sprintf("%s: expected %s, got %s", field, bd.Want, bd.Got))
	}
	if c.Expect.Grant.Valid {
		switch {
		case !r.Grant.Valid:
			out = append(out, fmt.Sprintf("grant: expected %s, got none", coop.FormatMAD(c.Expect.Grant.Decimal)))
		case !r.Grant.Decimal.Equal(c.Expect.Grant.Decimal):
			out = append(out, fmt.Sprintf("grant: expected %s, got %s", coop.FormatMAD(c.Expect.Grant.Decimal), coop.FormatMAD(r.Grant.Decimal)))
		}
	}
	return out
}
