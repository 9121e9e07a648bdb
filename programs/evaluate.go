package programs

import (
	"iter"
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
	// Unconfirmed marks a criterion whose rule, or whose call's dates, the
	// sources do not confirm; Note says what is known, in English, and
	// Notes in each language when the catalogue gives them.
	Unconfirmed bool       `json:"unconfirmed,omitempty"`
	Note        string     `json:"note,omitempty"`
	Notes       coop.Names `json:"notes,omitzero"`
	// References is the source (Reference) in each language, when the
	// programme translates it (Program.Translations).
	References coop.Names `json:"references,omitzero"`
	// Branches are the results of the criteria a combinator joins (all-of,
	// any-of, not), each with its own reason, in the programme's order;
	// those that do not apply to the request are left out.
	Branches []CriterionResult `json:"branches,omitempty"`
	rule     int               // position of the rule in its plan, from 1; 0 when unknown
}

// Decision is the answer to a Request: the outcome, every criterion with
// its reason, the grant when one is computed, and the date on which the
// outcome would change if nothing else changed.
type Decision struct {
	Program string `json:"program"`
	// ProgramName is the programme's name in each language.
	ProgramName coop.Names `json:"program_name,omitzero"`
	Call        string     `json:"call,omitempty"`
	// CallName is the call's official title in each language.
	CallName coop.Names `json:"call_name,omitzero"`
	Phase    string     `json:"phase,omitempty"`
	AsOf     coop.Date  `json:"as_of"`
	// Applicant is the kind of the applicant, with which the outcome agrees
	// in Arabic (a cooperative مؤهلة, a union مؤهل).
	Applicant ApplicantKind `json:"applicant,omitempty"`
	Outcome   Outcome       `json:"outcome"`
	// Criteria lists every criterion reported, in the programme's order.
	Criteria []CriterionResult `json:"criteria"`
	// Grant is the grant computed for the project, if any: a grant, or an
	// honour loan's grant part.
	Grant decimal.NullDecimal `json:"grant"`
	// Benefit states what the programme offers the applicant, when the
	// outcome is not ineligible and it can be stated: its amounts, its
	// terms and the parameters they came from.
	Benefit *Benefit `json:"benefit,omitempty"`
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
func (d *Decision) IDs(o coop.Outcome) []string { return d.appendIDs(nil, o) }

// appendIDs appends to dst the IDs of the criteria whose outcome is o.
func (d *Decision) appendIDs(dst []string, o coop.Outcome) []string {
	for i := range d.Criteria {
		if d.Criteria[i].Outcome == o {
			dst = append(dst, d.Criteria[i].ID)
		}
	}
	return dst
}

// Summary says the outcome and when it changes, in lang: "eligible until
// 2026-04-06", "ineligible; eligible from 2024-03-01".
func (d *Decision) Summary(lang coop.Lang) string {
	out := d.outcomeName(d.Outcome, lang)
	if d.ChangesOn.IsZero() {
		return out
	}
	switch {
	case d.Outcome == Eligible:
		return coop.NewReason(msgUntil, coop.TextArg(out), coop.DateArg(d.ChangesOn.AddDays(-1))).Text(lang)
	default:
		return coop.NewReason(msgFrom, coop.TextArg(out), coop.TextArg(d.outcomeName(d.ChangesTo, lang)), coop.DateArg(d.ChangesOn)).Text(lang)
	}
}

// Explain renders the decision as text in lang: the programme and the call
// by their names, the summary and the grant, then one line per criterion
// with its outcome, reason, reference and hint, and the note of an
// unconfirmed rule. In English each line also shows the criterion's ID. In
// French and Arabic a citation of the law is written in that language, and
// a programme's reference, written in the catalogue's English, is shown as
// the call's official title.
func (d *Decision) Explain(lang coop.Lang) string {
	var b strings.Builder
	program := titleOr(d.ProgramName, d.Program, lang)
	b.WriteString(program)
	if call := titleOr(d.CallName, d.Call, lang); d.Call != "" && !strings.HasPrefix(call, program) {
		b.WriteString(" (" + call + ")")
	} else if d.Call != "" {
		// A call named after its programme is named alone, not nested
		// in its programme's name.
		b.Reset()
		b.WriteString(call)
	}
	b.WriteString(" " + coop.FormatDate(d.AsOf, lang) + colon(lang) + d.Summary(lang))
	if d.Grant.Valid {
		b.WriteString(coop.NewReason(msgGrant, coop.AmountArg(d.Grant.Decimal)).Text(lang))
	}
	b.WriteString("\n")
	if d.Benefit != nil && d.Benefit.Kind != GrantRateCap {
		// A grant is in the summary; a loan has its own line.
		b.WriteString("  " + msgBenefitLabel.text(lang) + colon(lang) + d.Benefit.Reason.Text(lang) + "\n")
	}
	for i := range d.Criteria {
		d.explainCriterion(&b, &d.Criteria[i], lang, "  ")
	}
	return b.String()
}

// explainCriterion writes the line of a criterion at indent, and those of
// the criteria it joins beneath it, further in.
func (d *Decision) explainCriterion(b *strings.Builder, c *CriterionResult, lang coop.Lang, indent string) {
	b.WriteString(indent + criterionLabel(c.Outcome, lang) + "\t")
	if lang == coop.EN {
		b.WriteString(c.ID + "\t")
	}
	b.WriteString(c.Reason.Text(lang) + " [" + d.cite(c, lang) + "]")
	if !c.Hint.IsZero() {
		b.WriteString(hintMarker(lang) + c.Hint.Text(lang))
	}
	if note := c.noteIn(lang); c.Unconfirmed && note != "" {
		b.WriteString(" (" + coop.NewReason(msgUnconfirmed, coop.TextArg(note)).Text(lang) + ")")
	}
	b.WriteString("\n")
	for i := range c.Branches {
		d.explainCriterion(b, &c.Branches[i], lang, indent+"    ")
	}
}

// noteIn is the criterion's note in lang: from Notes when the catalogue
// gives it in that language, the English Note otherwise.
func (c *CriterionResult) noteIn(lang coop.Lang) string {
	switch lang {
	case coop.FR:
		if c.Notes.FR != "" {
			return c.Notes.FR
		}
	case coop.AR:
		if c.Notes.AR != "" {
			return c.Notes.AR
		}
	}
	return c.Note
}

// cite writes a criterion's reference in lang (see Explain): a citation
// of a law in the reader's language, the source as the programme
// translates it, or else the call's title.
func (d *Decision) cite(c *CriterionResult, lang coop.Lang) string {
	ref := c.Reference
	if lang == coop.EN || coop.IsCitation(ref) {
		return coop.Cite(ref, lang)
	}
	switch {
	case lang == coop.FR && c.References.FR != "":
		return coop.FrenchSpacing(c.References.FR)
	case lang == coop.AR && c.References.AR != "":
		return c.References.AR
	}
	if d.Call != "" {
		return titleOr(d.CallName, d.Call, lang)
	}
	return titleOr(d.ProgramName, d.Program, lang)
}

// colon is a colon as lang writes it: with a non-breaking space before it
// in French.
func colon(lang coop.Lang) string {
	if lang == coop.FR {
		return "\u00a0: "
	}
	return ": "
}

// hintMarker leads a hint after its reason: an arrow in English, a dash,
// which reads the same in both directions, in French and Arabic.
func hintMarker(lang coop.Lang) string {
	if lang == coop.EN {
		return " → "
	}
	return " — "
}

func titleOr(n coop.Names, id string, lang coop.Lang) string {
	if s := n.In(lang); s != "" {
		return s
	}
	return id
}

func criterionLabel(o coop.Outcome, lang coop.Lang) string {
	switch o {
	case coop.Pass:
		return msgPass.text(lang)
	case coop.Fail:
		return msgFail.text(lang)
	case coop.Unknown:
		return msgUnknown.text(lang)
	}
	return string(o)
}

// outcomeName names outcome o in lang, agreeing in Arabic with the
// applicant: a cooperative is feminine (مؤهلة), a union and a person
// masculine (مؤهل).
func (d *Decision) outcomeName(o Outcome, lang coop.Lang) string {
	if lang == coop.AR && d.Applicant == Cooperative {
		switch o {
		case Eligible:
			return msgEligibleF.text(lang)
		case Ineligible:
			return msgIneligibleF.text(lang)
		}
	}
	return outcomeName(o, lang)
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
	// col, when set, decides a run of cooperatives at once with rule
	// (column); only a built-in kind gives one.
	col  column
	ref  string     // the reference its results cite
	refs coop.Names // ref in French and Arabic, when the programme translates it
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
	// named is set when the request names the call; otherwise the call is
	// the default one at asOf, and a later date may have another.
	named bool
	at    bindAt
	grant *Binding
	rules []boundRule
	// from and until bound the dates at which the call binds as it does at
	// asOf: on and after from (no bound when zero), before until (none
	// when zero). The parameters in force and whether the call has opened
	// change only on the dates between (the dates from which a
	// parameter's values apply, the call's opening), so at a date in
	// between the plan's rules decide as a plan bound at that date would:
	// they are given the date (Rule).
	from, until coop.Date
}

func (s *snapshot) plan(e *entry, call *Call, phase *Phase, asOf coop.Date, named bool) *plan {
	p := &plan{snap: s, e: e, prog: e.prog, call: call, phase: phase, asOf: asOf, named: named, rules: make([]boundRule, 0, len(e.crits)),
		at: bindAt{prog: e.prog, call: call, phase: phase, asOf: asOf, paramsAt: asOf}}
	if asOf.Before(call.Opens) {
		// A call named before it opens is evaluated on its own terms, with
		// its parameters as they stand on its opening (programs.md §1).
		p.at.paramsAt = call.Opens
	}
	bs := make([]Binding, len(e.crits)+1) // one per criterion, and the grant's
	for i := range e.crits {
		bs[i] = Binding{at: &p.at, r: &e.crits[i].binder}
		if br, ok := bindRule(&e.crits[i], &bs[i]); ok {
			p.rules = append(p.rules, br)
		}
	}
	p.grant = &bs[len(e.crits)]
	*p.grant = Binding{at: &p.at, r: &e.gbind}
	p.bound(call.Opens)
	for x := range call.sinces() {
		p.bound(x)
	}
	return p
}

// sinces yields the date from which each value of each parameter of c
// applies.
func (c *Call) sinces() iter.Seq[coop.Date] {
	return func(yield func(coop.Date) bool) {
		for i := range c.Parameters {
			for _, v := range c.Parameters[i].Values {
				if !yield(v.Since) {
					return
				}
			}
		}
	}
}

// bound narrows from and until to a date x from which the call may bind
// otherwise than the day before.
func (p *plan) bound(x coop.Date) {
	switch {
	case x.After(p.asOf):
		if p.until.IsZero() || x.Before(p.until) {
			p.until = x
		}
	case x.After(p.from):
		p.from = x
	}
}

// bindsAt reports whether the plan decides at asOf as a plan of its call
// and phase bound at asOf would: asOf is between from and until, and no
// kind of the plan has read the date it was bound at (Binding.AsOf),
// which a rule of a Go kind may have kept.
func (p *plan) bindsAt(asOf coop.Date) bool {
	return !asOf.Before(p.from) && (p.until.IsZero() || asOf.Before(p.until)) && !p.at.dated.Load()
}

// bindRule binds the criterion r with b, which binds its parameters; ok is
// false when the criterion does not apply to the call.
func bindRule(r *resolved, b *Binding) (boundRule, bool) {
	rule := r.kind.Bind(b)
	if rule == nil {
		return boundRule{}, false
	}
	cite := (*Binding).Reference
	if r.kind.cite != nil {
		cite = r.kind.cite
	}
	ref := cite(b)
	refs := b.at.prog.source(ref)
	if refs == (coop.Names{}) && ref == r.kind.Reference {
		refs = r.kind.References
	}
	br := boundRule{crit: r.crit, kind: r.kind, rule: rule, ref: ref, refs: refs}
	if r.kind.columns {
		br.col = b.col
	}
	return br, true
}

// grantFor computes the grant of a decision whose outcome is o, when the
// programme computes one and the outcome is not ineligible.
func (p *plan) grantFor(a *Applicant, o Outcome) decimal.NullDecimal {
	if p.e.grant == nil || p.e.grant.Compute == nil || o == Ineligible {
		return decimal.NullDecimal{}
	}
	if g, ok := p.e.grant.Compute(p.grant, a); ok {
		return decimal.NewNullDecimal(g)
	}
	return decimal.NullDecimal{}
}

// benefitFor states the benefit of a decision whose outcome is o and
// whose grant is grant, when the programme has one, the outcome is not
// ineligible and it can be stated.
func (p *plan) benefitFor(a *Applicant, o Outcome, grant decimal.NullDecimal) *Benefit {
	var b Benefit
	if !p.benefitInto(a, o, grant, &b) {
		return nil
	}
	return &b
}

// benefitInto is benefitFor writing into b, whose Params it reuses, and
// reporting whether there is a benefit: a screening states each decision's
// benefit in one buffer.
func (p *plan) benefitInto(a *Applicant, o Outcome, grant decimal.NullDecimal, b *Benefit) bool {
	g := p.e.grant
	if g == nil || o == Ineligible {
		return false
	}
	if g.Benefit != nil {
		v, ok := g.Benefit(p.grant, a)
		if ok {
			*b = v
			b.Kind = g.Name
		}
		return ok
	}
	if !grant.Valid {
		return false
	}
	params := b.Params[:0]
	*b = Benefit{Kind: g.Name, Grant: grant, Reason: coop.NewReason(msgBenefitGrant, coop.AmountArg(grant.Decimal))}
	for _, sp := range g.Params {
		if _, rec, ok := p.grant.get(sp.Role); ok {
			params = append(params, rec)
		}
	}
	if len(params) > 0 {
		b.Params = params
	}
	return true
}

// run evaluates a against the plan, appending the results to results; e
// is a scratch Eval the caller owns. dates, when not nil, collects the
// dates on which the outcome may change.
func (p *plan) run(a *Applicant, dates *[]coop.Date, results []CriterionResult, e *Eval) []CriterionResult {
	results, _ = p.runCounting(a, p.asOf, dates, results, e, nil, nil, false)
	return results
}

// runCounting is run that also returns the programme's outcome and, when
// failedAt and unknownAt are given, counts the failing and unknown
// criteria by their position in the plan, while each result is at hand.
// own is set when results is a buffer only this plan writes: a slot that
// already holds the result of the same rule keeps its ID and reference.
func (p *plan) runCounting(a *Applicant, asOf coop.Date, dates *[]coop.Date, results []CriterionResult, e *Eval, failedAt, unknownAt []int, own bool) ([]CriterionResult, Outcome) {
	out := Eligible
	for i := range p.rules {
		br := &p.rules[i]
		// Reuse the slot of a buffer without zeroing all of it: the fields a
		// rule does not set are reset, and Set and Suggest write their own.
		n := len(results)
		if n < cap(results) {
			results = results[:n+1]
		} else {
			results = append(results, CriterionResult{})
		}
		slot := &results[n]
		if !own || slot.rule != i+1 {
			slot.ID, slot.Reference, slot.References, slot.rule = br.crit.ID, br.ref, br.refs, i+1
			slot.Unconfirmed, slot.Note, slot.Notes = br.crit.Unconfirmed, br.crit.Note, br.crit.Notes
			slot.Branches = nil
		}
		slot.Outcome, slot.Params = "", nil
		slot.Hint.Set(nil) // two words written; asking IsZero first copies the reason
		*e = Eval{res: slot, dates: dates}
		br.rule(a, asOf, e)
		switch e.code {
		case codePass, codeOther:
		case codeFail:
			out = Ineligible
			if failedAt != nil {
				failedAt[i]++
			}
		case codeUnknown:
			if out == Eligible {
				out = Undetermined
			}
			if unknownAt != nil {
				unknownAt[i]++
			}
		case codeNone:
			results = results[:len(results)-1] // the rule does not apply to this request
		}
	}
	return results, out
}

// decide decides a whole, with the first date after the plan's on which
// the outcome would change. The decision's criteria, benefit and the
// buffers of the search live in sc when it is given, reused for the next
// decision; a decision of its own is made when sc is nil.
func (p *plan) decide(a *Applicant, sc *scratch) Decision {
	if sc == nil {
		sc = &scratch{}
	}
	d := p.header()
	d.Applicant = a.Kind()
	dates, criteria := sc.dates[:0], sc.criteria[:0]
	if !sc.own {
		criteria = make([]CriterionResult, 0, len(p.rules))
	}
	d.Criteria = p.run(a, &dates, criteria, &sc.e)
	d.Outcome = combine(d.Criteria)
	d.Grant = p.grantFor(a, d.Outcome)
	switch {
	case !sc.own:
		d.Benefit = p.benefitFor(a, d.Outcome, d.Grant)
	case p.benefitInto(a, d.Outcome, d.Grant, &sc.benefit):
		d.Benefit = &sc.benefit
	}
	// Dated parameter values that come into force later may change the
	// outcome too, and so may another call becoming the default one.
	if p.named {
		dates = slices.AppendSeq(dates, p.call.sinces())
	} else {
		for i := range p.prog.Calls {
			c := &p.prog.Calls[i]
			dates = slices.AppendSeq(append(dates, c.Opens), c.sinces())
		}
	}
	d.ChangesOn, d.ChangesTo = p.nextChange(a, d.Outcome, dates, sc)
	if sc.own {
		sc.criteria, sc.dates = d.Criteria, dates
	}
	return d
}

// scratch holds the buffers a screening worker reuses from one decision
// made whole with its change date to the next (plan.decide, noCall).
type scratch struct {
	// own is set when the buffers are the worker's: a decision made with
	// them is valid until the next.
	own      bool
	criteria []CriterionResult
	benefit  Benefit
	dates    []coop.Date
	// probe holds the results of a date probed, more the dates of the
	// criteria of a call probed for the first time.
	probe []CriterionResult
	more  []coop.Date
	e     Eval
}

// header returns a decision of the plan with nothing decided yet.
func (p *plan) header() Decision {
	d := Decision{Program: p.prog.ID, ProgramName: p.prog.Names, Call: p.call.ID, CallName: p.call.Names, AsOf: p.asOf, Catalogue: p.snap.version}
	if p.phase != nil {
		d.Phase = p.phase.ID
	}
	return d
}

// maxFlipProbes bounds how many candidate dates are tried when looking for
// the date on which an outcome changes.
const maxFlipProbes = 64

// nextChange re-evaluates a at each candidate date after the plan's date,
// in order, and returns the first on which the outcome differs from now.
// A call that becomes the default one on a candidate date brings the dates
// of its own criteria (programs.md §1, the flip date across calls,
// clarified): its own limits are tried too. A date is decided with the
// plan itself where it binds as it does (plan.bindsAt), otherwise with the
// call bound at that date, the binding kept for the next dates it holds
// for.
func (p *plan) nextChange(a *Applicant, now Outcome, dates []coop.Date, sc *scratch) (coop.Date, Outcome) {
	slices.SortFunc(dates, coop.Date.Compare)
	dates = slices.Compact(dates)
	probes := 0
	// The calls whose criteria's dates are tried: a few.
	var calls [4]*Call
	seen := append(calls[:0], p.call)
	last := p // the plan of the last date decided
	for len(dates) > 0 {
		d := dates[0]
		dates = dates[1:]
		if !d.After(p.asOf) {
			continue
		}
		if probes++; probes > maxFlipProbes {
			break
		}
		call, phase := p.callAt(d)
		later := p.planAt(d, call, phase, last)
		last = later
		more := sc.more[:0]
		var mp *[]coop.Date
		if !slices.Contains(seen, call) {
			seen, mp = append(seen, call), &more
		}
		res, _ := later.runCounting(a, d, mp, sc.probe[:0], &sc.e, nil, nil, false)
		if later.asOf != d && later.at.dated.Load() {
			// A kind read the date of the binding while deciding: decide
			// with the call bound at d.
			later, more = p.snap.plan(p.e, call, phase, d, p.named), more[:0]
			res = later.run(a, mp, sc.probe[:0], &sc.e)
		}
		sc.probe, sc.more = res[:0], more[:0]
		if o := combine(res); o != now {
			return d, o
		}
		if len(more) > 0 {
			dates = append(dates, more...)
			slices.SortFunc(dates, coop.Date.Compare)
			dates = slices.Compact(dates)
		}
	}
	return coop.Date{}, ""
}

// callAt returns the call and phase the plan's request is decided under
// at d: its own when the request names the call, otherwise the default
// one then (programs.md §1), with the phase of the same ID.
func (p *plan) callAt(d coop.Date) (*Call, *Phase) {
	if p.named {
		return p.call, p.phase
	}
	call, _ := p.prog.CallAt(d)
	phase := p.phase
	if call != p.call && phase != nil {
		phase, _ = call.Phase(phase.ID)
	}
	return call, phase
}

// planAt returns a plan that decides at d as call and phase bound at d
// would: p or last, the plan of the date decided before, where it binds
// at d (bindsAt), otherwise the call bound at d.
func (p *plan) planAt(d coop.Date, call *Call, phase *Phase, last *plan) *plan {
	switch {
	case call == p.call && phase == p.phase && p.bindsAt(d):
		return p
	case call == last.call && phase == last.phase && last.bindsAt(d):
		return last
	}
	return p.snap.plan(p.e, call, phase, d, p.named)
}

// Evaluate decides req. It returns an error only for a request that cannot
// be decided: an unknown programme, call or phase (NotFound), a missing
// date, no applicant or both a cooperative and a person, or a malformed
// project (Invalid). "Ineligible" is an outcome, not an error: an applicant
// of the wrong nature (a person for Mourafaka) is ineligible with
// applicant-kind failing and reported alone.
func (cat *Catalogue) Evaluate(req Request) (Decision, error) {
	return cat.snap.Load().evaluate("programs.Evaluate", req)
}

// evaluate is Evaluate on one snapshot of the catalogue.
func (s *snapshot) evaluate(op string, req Request) (Decision, error) {
	e, call, phase, err := s.resolve(op, req)
	if err != nil {
		return Decision{}, err
	}
	if err := checkApplicant(op, &req.Applicant); err != nil {
		return Decision{}, err
	}
	if err := req.Applicant.compact(op); err != nil {
		return Decision{}, err
	}
	if call == nil {
		var opening *plan
		if !wrongNature(e.prog, &req.Applicant) {
			opening = s.openingPlan(e, req.AsOf)
		}
		return s.noCall(e, &req.Applicant, req.AsOf, opening, nil), nil
	}
	pl := s.plan(e, call, phase, req.AsOf, req.Call != "")
	if wrongNature(e.prog, &req.Applicant) {
		return pl.wrongKind(&req.Applicant), nil
	}
	return pl.decide(&req.Applicant, nil), nil
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
// more than one of a cooperative, a person and an enterprise, an
// enterprise of no known kind or with a malformed turnover, or a malformed
// project.
func checkApplicant(op string, a *Applicant) error {
	given := 0
	for _, ok := range []bool{a.Cooperative != nil, a.Person != nil, a.Enterprise != nil} {
		if ok {
			given++
		}
	}
	switch {
	case given == 0:
		return &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
			Fields: []coop.FieldError{{Field: "cooperative", Rule: "required", Message: "the applicant is missing: give a cooperative, a person or an enterprise"}}}
	case given > 1:
		field := "person"
		if a.Enterprise != nil {
			field = "enterprise"
		}
		return &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
			Fields: []coop.FieldError{{Field: field, Rule: "applicant-kind", Message: "give one applicant: a cooperative, a person or an enterprise"}}}
	}
	var fs coop.Fields
	amount := func(name string, v decimal.NullDecimal) {
		if !v.Valid {
			return // not given: the criteria that read it are unknown
		}
		if v.Decimal.Sign() < 0 {
			fs.Add(name, "dec_gte0", "", "must not be negative")
		}
		if coop.CheckMAD(v.Decimal) != nil {
			fs.Add(name, "mad", "", "must have at most two decimals")
		}
	}
	if e := a.Enterprise; e != nil {
		if !e.Kind.enterprise() {
			fs.Add("enterprise.kind", "enum", "association,vse,auto-entrepreneur", "%q is not a kind of enterprise (association, vse or auto-entrepreneur)", coop.Excerpt(string(e.Kind)))
		}
		amount("enterprise.turnover", e.Turnover)
	}
	if p := a.Project; p != nil {
		amount("project.cost", p.Cost)
		amount("project.own_cash", p.OwnCash)
		amount("project.own_in_kind", p.OwnInKind)
		if p.Zone != "" && !p.Zone.Valid() {
			fs.Add("project.zone", "enum", "rural,urban", "%q is not a zone (rural or urban)", coop.Excerpt(string(p.Zone)))
		}
	}
	return fs.Err(op, "invalid applicant")
}

// wrongNature reports whether the programme's rules cannot read the
// applicant at all: a person for a programme that takes no person, a
// cooperative or union for one that takes neither, an enterprise for one
// that takes no kind of enterprise.
func wrongNature(prog *Program, a *Applicant) bool {
	switch {
	case a.Person != nil:
		return !prog.AcceptsKind(Person)
	case a.Enterprise != nil:
		return !slices.ContainsFunc(prog.Accepts, ApplicantKind.enterprise)
	}
	return !prog.AcceptsKind(Cooperative) && !prog.AcceptsKind(Union)
}

// wrongKind is the decision for an applicant of the wrong nature:
// ineligible, with applicant-kind as the only criterion, failing, since the
// other criteria read facts such an applicant does not have.
func (p *plan) wrongKind(a *Applicant) Decision {
	d := p.header()
	d.Applicant = a.Kind()
	d.Outcome = Ineligible
	for _, br := range p.rules {
		if br.kind.Name == CritApplicantKind {
			r := CriterionResult{Result: coop.Result{ID: br.crit.ID, Reference: br.ref}, References: br.refs,
				Unconfirmed: br.crit.Unconfirmed, Note: br.crit.Note, Notes: br.crit.Notes}
			br.rule(a, p.asOf, &Eval{res: &r})
			r.Outcome = coop.Fail
			d.Criteria = append(d.Criteria, r)
			return d
		}
	}
	d.Criteria = []CriterionResult{{Result: coop.Result{ID: CritApplicantKind, Outcome: coop.Fail, Reference: p.prog.Reference,
		Reason: coop.NewReason(msgKindFail, kindArg(a.Kind()), acceptsArg(p.prog.Accepts))}}}
	return d
}

// noCall is the decision when no call of the programme had opened by asOf:
// ineligible, with call-window as the only criterion, failing
// (programs.md §1), and, when a call opens later, a hint naming it.
// opening, when set, is the plan of that call bound at its opening
// (openingPlan): the decision then gives the date its outcome changes on,
// when the call's opening changes it. The buffers are those of sc, as in
// plan.decide.
func (s *snapshot) noCall(e *entry, a *Applicant, asOf coop.Date, opening *plan, sc *scratch) Decision {
	if sc == nil {
		sc = &scratch{}
	}
	prog := e.prog
	d := Decision{Program: prog.ID, ProgramName: prog.Names, AsOf: asOf, Applicant: a.Kind(), Outcome: Ineligible, Catalogue: s.version}
	r := CriterionResult{Result: coop.Result{ID: CritCallWindow, Outcome: coop.Fail, Reference: prog.Reference,
		Reason: coop.NewReason(msgNoCall, coop.NamesArg(prog.Names), coop.DateArg(asOf))}}
	if next := nextCall(prog, asOf); next != nil {
		r.Hint = coop.NewReason(msgHintNextCall, coop.NamesArg(next.Title()), coop.DateArg(next.Opens))
		if opening != nil {
			// The outcome may change when the first call opens.
			probe := opening.run(a, nil, sc.probe[:0], &sc.e)
			if o := combine(probe); o != Ineligible {
				d.ChangesOn, d.ChangesTo = next.Opens, o
			}
			sc.probe = probe[:0]
		}
	}
	if !sc.own {
		d.Criteria = []CriterionResult{r}
		return d
	}
	d.Criteria = append(sc.criteria[:0], r)
	sc.criteria = d.Criteria
	return d
}

// nextCall returns the first call of prog to open after asOf; nil when
// there is none.
func nextCall(prog *Program, asOf coop.Date) *Call {
	var next *Call
	for i := range prog.Calls {
		c := &prog.Calls[i]
		if c.Opens.After(asOf) && (next == nil || c.Opens.Before(next.Opens)) {
			next = c
		}
	}
	return next
}

// openingPlan returns the plan of the first call of e to open after asOf,
// bound at its opening; nil when there is none.
func (s *snapshot) openingPlan(e *entry, asOf coop.Date) *plan {
	next := nextCall(e.prog, asOf)
	if next == nil {
		return nil
	}
	return s.plan(e, next, nil, next.Opens, false)
}

func criterionIDs(p *Program) []string {
	out := make([]string, len(p.Criteria))
	for i, c := range p.Criteria {
		out[i] = c.ID
	}
	return out
}
