package programs

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// Request asks whether an applicant is eligible for a programme at a date.
type Request struct {
	// Program is the programme's ID, e.g. "mourafaka".
	Program string `json:"program"`
	// Call is the call's ID; empty means the latest call opened on or
	// before AsOf.
	Call string `json:"call,omitempty"`
	// Phase names a phase of the call that restricts it (e.g. "1" of
	// mourafaka-t4); empty means none.
	Phase     string    `json:"phase,omitempty"`
	AsOf      coop.Date `json:"as_of"`
	Applicant Applicant `json:"applicant"`
}

// CriterionResult is the outcome of one criterion: the coop.Result (ID,
// outcome, reason, reference, parameters) and, for a failing or unknown
// criterion, a hint saying what would change it.
type CriterionResult struct {
	coop.Result
	Hint coop.Reason `json:"hint,omitzero"`
	rule int         // position of the rule in its plan, from 1; 0 when unknown
}

// Decision is the answer to a Request: the outcome, every criterion with
// its reason, the grant when one is computed, and the date on which the
// outcome would change if nothing else changed.
type Decision struct {
	Program string    `json:"program"`
	Call    string    `json:"call,omitempty"`
	Phase   string    `json:"phase,omitempty"`
	AsOf    coop.Date `json:"as_of"`
	Outcome Outcome   `json:"outcome"`
	// Criteria lists every criterion reported, in the programme's order.
	Criteria []CriterionResult `json:"criteria"`
	// Grant is the grant computed for the project, if any.
	Grant decimal.NullDecimal `json:"grant"`
	// ChangesOn is the first date after AsOf on which the outcome would be
	// ChangesTo if the facts stayed as given (a cooperative aging out of
	// Mourafaka, a call closing, an anniversary reached); zero when no
	// change is in sight.
	ChangesOn coop.Date `json:"changes_on,omitzero"`
	ChangesTo Outcome   `json:"changes_to,omitempty"`
	// Catalogue is the version of the catalogue that decided.
	Catalogue string `json:"catalogue"`
}

// Criterion returns the result of the criterion with the given ID.
func (d *Decision) Criterion(id string) (CriterionResult, bool) {
	for _, c := range d.Criteria {
		if c.ID == id {
			return c, true
		}
	}
	return CriterionResult{}, false
}

// IDs returns the IDs of the criteria whose outcome is o.
func (d *Decision) IDs(o coop.Outcome) []string {
	var out []string
	for _, c := range d.Criteria {
		if c.Outcome == o {
			out = append(out, c.ID)
		}
	}
	return out
}

// Summary says the outcome and when it changes, in lang: "eligible until
// 2026-04-06", "ineligible; eligible from 2024-03-01".
func (d *Decision) Summary(lang coop.Lang) string {
	out := outcomeName(d.Outcome, lang)
	if d.ChangesOn.IsZero() {
		return out
	}
	switch {
	case d.Outcome == Eligible:
		return coop.NewReason(msgUntil, coop.TextArg(out), coop.DateArg(d.ChangesOn.AddDays(-1))).Text(lang)
	default:
		return coop.NewReason(msgFrom, coop.TextArg(out), coop.TextArg(outcomeName(d.ChangesTo, lang)), coop.DateArg(d.ChangesOn)).Text(lang)
	}
}

// Explain renders the decision as text in lang: the summary, then one line
// per criterion with its outcome, reason, reference and hint.
func (d *Decision) Explain(lang coop.Lang) string {
	var b strings.Builder
	b.WriteString(d.Program)
	if d.Call != "" {
		b.WriteString(" (" + d.Call + ")")
	}
	b.WriteString(" " + d.AsOf.String() + ": " + d.Summary(lang))
	if d.Grant.Valid {
		b.WriteString("; grant " + coop.FormatMAD(d.Grant.Decimal) + " MAD")
	}
	b.WriteString("\n")
	for _, c := range d.Criteria {
		b.WriteString("  " + string(c.Outcome) + "\t" + c.ID + "\t" + c.Reason.Text(lang) + " [" + c.Reference + "]")
		if !c.Hint.IsZero() {
			b.WriteString(" → " + c.Hint.Text(lang))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func outcomeName(o Outcome, lang coop.Lang) string {
	switch o {
	case Eligible:
		return msgEligible.text(lang)
	case Ineligible:
		return msgIneligible.text(lang)
	case Undetermined:
		return msgUndetermined.text(lang)
	}
	return string(o)
}

type label coop.Message

func (l *label) text(lang coop.Lang) string { return coop.NewReason((*coop.Message)(l)).Text(lang) }

// combine returns the programme outcome of criterion outcomes, combined by
// coop.Outcome.And: ineligible if any fails, otherwise undetermined if any
// is unknown, otherwise eligible.
func combine(results []CriterionResult) Outcome {
	o := coop.Pass
	for i := range results {
		if o = o.And(results[i].Outcome); o == coop.Fail {
			break
		}
	}
	switch o {
	case coop.Fail:
		return Ineligible
	case coop.Unknown:
		return Undetermined
	}
	return Eligible
}

// boundRule is a criterion bound to a call at a date.
type boundRule struct {
	crit *Criterion
	kind *Kind
	rule Rule
}

// plan is a programme bound to a call at a date: criteria with their
// parameters resolved, ready to evaluate many applicants.
type plan struct {
	snap  *snapshot
	e     *entry
	prog  *Program
	call  *Call
	phase *Phase
	asOf  coop.Date
	at    bindAt
	grant *Binding
	rules []boundRule
}

func (s *snapshot) plan(e *entry, call *Call, phase *Phase, asOf coop.Date) *plan {
	p := &plan{snap: s, e: e, prog: e.prog, call: call, phase: phase, asOf: asOf, rules: make([]boundRule, 0, len(e.crits)),
		at: bindAt{prog: e.prog, call: call, phase: phase, asOf: asOf}}
	bs := make([]Binding, len(e.crits)+1) // one per criterion, and the grant's
	for i := range e.crits {
		r := &e.crits[i]
		bs[i] = Binding{at: &p.at, r: &r.binder}
		if rule := r.kind.Bind(&bs[i]); rule != nil {
			p.rules = append(p.rules, boundRule{crit: r.crit, kind: r.kind, rule: rule})
		}
	}
	p.grant = &bs[len(e.crits)]
	*p.grant = Binding{at: &p.at, r: &e.gbind}
	return p
}

// grantFor computes the grant of a decision whose outcome is o, when the
// programme computes one and the outcome is not ineligible.
func (p *plan) grantFor(a *Applicant, o Outcome) decimal.NullDecimal {
	if p.e.grant == nil || o == Ineligible {
		return decimal.NullDecimal{}
	}
	if g, ok := p.e.grant.Compute(p.grant, a); ok {
		return decimal.NewNullDecimal(g)
	}
	return decimal.NullDecimal{}
}

// run evaluates a against the plan, appending the results to results; e
// is a scratch Eval the caller owns. dates, when not nil, collects the
// dates on which the outcome may change.
func (p *plan) run(a *Applicant, dates *[]coop.Date, results []CriterionResult, e *Eval) []CriterionResult {
	for i, br := range p.rules {
		// Reuse the slot of a buffer without zeroing all of it: the fields a
		// rule does not set are reset, and Set and Suggest write their own.
		n := len(results)
		if n < cap(results) {
			results = results[:n+1]
		} else {
			results = append(results, CriterionResult{})
		}
		slot := &results[n]
		slot.ID, slot.Reference, slot.rule = br.crit.ID, br.crit.Reference, i+1
		slot.Outcome, slot.Params = "", nil
		if !slot.Hint.IsZero() {
			slot.Hint.Set(nil)
		}
		*e = Eval{res: slot, dates: dates}
		br.rule(a, p.asOf, e)
		if slot.Outcome == "" {
			results = results[:len(results)-1] // the rule does not apply to this request
		}
	}
	return results
}

func (p *plan) decide(a *Applicant, flips bool) Decision {
	d := Decision{Program: p.prog.ID, Call: p.call.ID, AsOf: p.asOf, Catalogue: p.snap.version}
	if p.phase != nil {
		d.Phase = p.phase.ID
	}
	var dates []coop.Date
	var dp *[]coop.Date
	if flips {
		dp = &dates
	}
	d.Criteria = p.run(a, dp, make([]CriterionResult, 0, len(p.rules)), &Eval{})
	d.Outcome = combine(d.Criteria)
	d.Grant = p.grantFor(a, d.Outcome)
	if flips {
		// Dated parameter values that come into force later may change the
		// outcome too.
		for _, prm := range p.call.Parameters {
			for _, v := range prm.Values {
				dates = append(dates, v.Since)
			}
		}
		d.ChangesOn, d.ChangesTo = p.nextChange(a, d.Outcome, dates)
	}
	return d
}

// maxFlipProbes bounds how many candidate dates are tried when looking for
// the date on which an outcome changes.
const maxFlipProbes = 64

// nextChange re-evaluates a at each candidate date after the plan's date,
// in order, and returns the first on which the outcome differs from now.
func (p *plan) nextChange(a *Applicant, now Outcome, dates []coop.Date) (coop.Date, Outcome) {
	slices.SortFunc(dates, coop.Date.Compare)
	dates = slices.Compact(dates)
	buf := make([]CriterionResult, 0, len(p.rules))
	var e Eval
	probes := 0
	for _, d := range dates {
		if !d.After(p.asOf) {
			continue
		}
		if probes++; probes > maxFlipProbes {
			break
		}
		later := p.snap.plan(p.e, p.call, p.phase, d)
		if o := combine(later.run(a, nil, buf[:0], &e)); o != now {
			return d, o
		}
	}
	return coop.Date{}, ""
}

// Evaluate decides req. It returns an error only for a request that cannot
// be decided: an unknown programme, call or phase (NotFound), a missing
// date, no applicant or both a cooperative and a person, or a malformed
// project (Invalid). "Ineligible" is an outcome, not an error: an applicant
// of the wrong nature (a person for Mourafaka) is ineligible with
// applicant-kind failing and reported alone.
func (cat *Catalogue) Evaluate(req Request) (Decision, error) {
	const op = "programs.Evaluate"
	s := cat.snap.Load()
	e, call, phase, err := s.resolve(op, req)
	if err != nil {
		return Decision{}, err
	}
	if err := checkApplicant(op, &req.Applicant); err != nil {
		return Decision{}, err
	}
	if call == nil {
		return s.noCall(e.prog, req.AsOf), nil
	}
	pl := s.plan(e, call, phase, req.AsOf)
	if wrongNature(e.prog, &req.Applicant) {
		return pl.wrongKind(&req.Applicant), nil
	}
	return pl.decide(&req.Applicant, true), nil
}

// resolve finds the programme, the call and the phase of a request.
func (s *snapshot) resolve(op string, req Request) (*entry, *Call, *Phase, error) {
	if req.AsOf.IsZero() {
		return nil, nil, nil, &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
			Fields: []coop.FieldError{{Field: "as_of", Rule: "required", Message: "the date of the decision is required"}}}
	}
	e, ok := s.index[req.Program]
	if !ok {
		return nil, nil, nil, &coop.Error{Code: coop.NotFound, Op: op, Message: "unknown programme " + quote(coop.Excerpt(req.Program)),
			Fields: []coop.FieldError{{Field: "program", Rule: "program", Message: "not in the catalogue: " + strings.Join(s.programIDs(), ", ")}}}
	}
	prog := e.prog
	var call *Call
	if req.Call != "" {
		if call, ok = prog.Call(req.Call); !ok {
			return nil, nil, nil, &coop.Error{Code: coop.NotFound, Op: op, Message: "unknown call " + quote(req.Call) + " of " + prog.ID,
				Fields: []coop.FieldError{{Field: "call", Rule: "call", Message: "calls of " + prog.ID + ": " + strings.Join(callIDs(prog), ", ")}}}
		}
	} else {
		call, _ = prog.CallAt(req.AsOf)
	}
	var phase *Phase
	if req.Phase != "" {
		if call == nil {
			return nil, nil, nil, &coop.Error{Code: coop.NotFound, Op: op, Message: "no call of " + prog.ID + " had opened by " + req.AsOf.String(),
				Fields: []coop.FieldError{{Field: "phase", Rule: "phase", Message: "a phase needs a call"}}}
		}
		if phase, ok = call.Phase(req.Phase); !ok {
			return nil, nil, nil, &coop.Error{Code: coop.NotFound, Op: op, Message: "unknown phase " + quote(req.Phase) + " of call " + call.ID,
				Fields: []coop.FieldError{{Field: "phase", Rule: "phase", Message: "the call has no such phase"}}}
		}
	}
	return e, call, phase, nil
}

func quote(s string) string { return "\"" + s + "\"" }

func callIDs(p *Program) []string {
	out := make([]string, len(p.Calls))
	for i, c := range p.Calls {
		out[i] = c.ID
	}
	return out
}

// checkApplicant refuses a request whose applicant cannot be read: none,
// both a cooperative and a person, or a malformed project.
func checkApplicant(op string, a *Applicant) error {
	switch {
	case a.Cooperative == nil && a.Person == nil:
		return &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
			Fields: []coop.FieldError{{Field: "cooperative", Rule: "required", Message: "the applicant is missing: give a cooperative or a person"}}}
	case a.Cooperative != nil && a.Person != nil:
		return &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
			Fields: []coop.FieldError{{Field: "person", Rule: "applicant-kind", Message: "give either a cooperative or a person, not both"}}}
	}
	if a.Project != nil {
		var fs coop.Fields
		for _, f := range []struct {
			name string
			v    decimal.Decimal
		}{{"project.cost", a.Project.Cost}, {"project.own_cash", a.Project.OwnCash}, {"project.own_in_kind", a.Project.OwnInKind}} {
			if f.v.Sign() < 0 {
				fs.Add(f.name, "dec_gte0", "", "must not be negative")
			}
			if coop.CheckMAD(f.v) != nil {
				fs.Add(f.name, "mad", "", "must have at most two decimals")
			}
		}
		if err := fs.Err(op, "invalid project"); err != nil {
			return err
		}
	}
	return nil
}

// wrongNature reports whether the programme's rules cannot read the
// applicant at all: a person for a programme of cooperatives, or a
// cooperative for a programme of persons.
func wrongNature(prog *Program, a *Applicant) bool {
	if a.Person != nil {
		return !prog.AcceptsKind(Person)
	}
	return !prog.AcceptsKind(Cooperative) && !prog.AcceptsKind(Union)
}

// wrongKind is the decision for an applicant of the wrong nature:
// ineligible, with applicant-kind as the only criterion, failing, since the
// other criteria read facts such an applicant does not have.
func (p *plan) wrongKind(a *Applicant) Decision {
	d := Decision{Program: p.prog.ID, Call: p.call.ID, AsOf: p.asOf, Outcome: Ineligible, Catalogue: p.snap.version}
	if p.phase != nil {
		d.Phase = p.phase.ID
	}
	for _, br := range p.rules {
		if br.kind.Name == CritApplicantKind {
			r := CriterionResult{Result: coop.Result{ID: br.crit.ID, Reference: br.crit.Reference}}
			br.rule(a, p.asOf, &Eval{res: &r})
			r.Outcome = coop.Fail
			d.Criteria = append(d.Criteria, r)
			return d
		}
	}
	d.Criteria = []CriterionResult{{Result: coop.Result{ID: CritApplicantKind, Outcome: coop.Fail, Reference: p.prog.Reference,
		Reason: coop.NewReason(msgKindFail, coop.TextArg(string(a.Kind())), coop.TextArg(acceptsList(p.prog)))}}}
	return d
}

func acceptsList(p *Program) string {
	s := make([]string, len(p.Accepts))
	for i, k := range p.Accepts {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// noCall is the decision when no call of the programme had opened by asOf:
// ineligible, with call-window as the only criterion, failing
// (programs.md §1).
func (s *snapshot) noCall(prog *Program, asOf coop.Date) Decision {
	d := Decision{Program: prog.ID, AsOf: asOf, Outcome: Ineligible, Catalogue: s.version}
	r := CriterionResult{Result: coop.Result{ID: CritCallWindow, Outcome: coop.Fail, Reference: prog.Reference,
		Reason: coop.NewReason(msgNoCall, coop.TextArg(prog.ID), coop.DateArg(asOf))}}
	var next *Call
	for i := range prog.Calls {
		c := &prog.Calls[i]
		if c.Opens.After(asOf) && (next == nil || c.Opens.Before(next.Opens)) {
			next = c
		}
	}
	if next != nil {
		r.Hint = coop.NewReason(msgHintNextCall, coop.TextArg(next.ID), coop.DateArg(next.Opens))
	}
	d.Criteria = []CriterionResult{r}
	return d
}

func criterionIDs(p *Program) []string {
	out := make([]string, len(p.Criteria))
	for i, c := range p.Criteria {
		out[i] = c.ID
	}
	return out
}
