package programs

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
)

// ApplicantKind is the kind of applicant a programme accepts.
type ApplicantKind string

// The kinds of applicant. A cooperative and a union are read from a
// coop.Cooperative, a person from PersonFacts, and an association, a very
// small enterprise (VSE, TPE in French) and an auto-entrepreneur from
// EnterpriseFacts: the applicants of Forsa and Intelaka.
const (
	Cooperative      ApplicantKind = "cooperative"
	Union            ApplicantKind = "union"
	Person           ApplicantKind = "person"
	Association      ApplicantKind = "association"
	VSE              ApplicantKind = "vse"
	AutoEntrepreneur ApplicantKind = "auto-entrepreneur"
)

// ApplicantKinds lists the kinds of applicant a programme may accept.
var ApplicantKinds = []ApplicantKind{Cooperative, Union, Person, Association, VSE, AutoEntrepreneur}

// Valid reports whether k is a known kind of applicant.
func (k ApplicantKind) Valid() bool { return slices.Contains(ApplicantKinds, k) }

// enterprise reports whether k is read from EnterpriseFacts.
func (k ApplicantKind) enterprise() bool {
	return k == Association || k == VSE || k == AutoEntrepreneur
}

// Outcome is a programme's decision (programs.md §1): ineligible if any
// criterion fails, otherwise undetermined if any is unknown, otherwise
// eligible.
type Outcome string

// The outcomes of a decision.
const (
	Eligible     Outcome = "eligible"
	Ineligible   Outcome = "ineligible"
	Undetermined Outcome = "undetermined"
)

// Valid reports whether o is a known outcome.
func (o Outcome) Valid() bool { return o == Eligible || o == Ineligible || o == Undetermined }

// PersonFacts describes a natural person applying to a person-level
// programme (Motatawi3).
type PersonFacts struct {
	Name      string      `json:"name,omitempty"`
	BirthDate coop.Date   `json:"birth_date,omitzero"`
	Gender    coop.Gender `json:"gender,omitempty"`
	// Declared holds facts the person declares, such as "resident-abroad"
	// (a Moroccan living abroad), read by the declared criteria of a
	// programme for persons as a cooperative's are.
	Declared map[string]bool `json:"declared,omitempty"`
}

// EnterpriseFacts describes an applicant that is neither a cooperative nor
// a natural person: an association, a very small enterprise or an
// auto-entrepreneur (Forsa, Intelaka). A fact not given makes the
// criteria that read it unknown.
type EnterpriseFacts struct {
	// Kind is association, vse or auto-entrepreneur.
	Kind ApplicantKind `json:"kind"`
	Name string        `json:"name,omitempty"`
	// CreatedOn is the date of creation: the registration of the
	// enterprise or association, or of the auto-entrepreneur status. The
	// existence criteria count from it.
	CreatedOn coop.Date `json:"created_on,omitzero"`
	// Turnover is the turnover of the last closed financial year, in MAD.
	Turnover decimal.NullDecimal `json:"turnover"`
	// Declared holds facts the applicant declares, read by the declared
	// criteria as a cooperative's are.
	Declared map[string]bool `json:"declared,omitempty"`
}

// Zone is where a project takes place, for benefits whose terms depend on
// it (Intelaka's rate: 1.75 % in rural areas, 2 % elsewhere).
type Zone string

// The zones of a project.
const (
	Urban Zone = "urban"
	Rural Zone = "rural"
)

// Valid reports whether z is a known zone.
func (z Zone) Valid() bool { return z == Urban || z == Rural }

// Project is a project submitted with an application for funding: its cost
// and the applicant's own contribution in cash and in kind, in MAD. An
// amount that is not given (not Valid) makes the criteria that read it
// unknown; it is never read as 0.00 (programs.md §2, clarified).
type Project struct {
	Cost      decimal.NullDecimal `json:"cost"`
	OwnCash   decimal.NullDecimal `json:"own_cash"`
	OwnInKind decimal.NullDecimal `json:"own_in_kind"`
	// Zone is where the project takes place; empty when not given.
	Zone Zone `json:"zone,omitempty"`
}

// NewProject returns a project with the amounts written as MAD ("400000",
// "120000.50"); an empty string is an amount not given. A malformed or
// negative amount is an Invalid error naming the field.
func NewProject(cost, ownCash, ownInKind string) (*Project, error) {
	var fs coop.Fields
	parse := func(field, s string) decimal.NullDecimal {
		if s == "" {
			return decimal.NullDecimal{}
		}
		d, err := coop.ParseMAD(s)
		if err != nil {
			fs.Merge(field, err)
			return decimal.NullDecimal{}
		}
		if d.Sign() < 0 {
			fs.Add(field, "dec_gte0", "", "must not be negative")
		}
		return decimal.NewNullDecimal(d)
	}
	p := &Project{Cost: parse("cost", cost), OwnCash: parse("own_cash", ownCash), OwnInKind: parse("own_in_kind", ownInKind)}
	if err := fs.Err("programs.NewProject", "invalid project"); err != nil {
		return nil, err
	}
	return p, nil
}

// Applicant is what a programme evaluates: a cooperative (or union), a
// person, or an enterprise (an association, a VSE, an auto-entrepreneur),
// and optionally a project.
//
// Rules read a cooperative in its compact form (readmodel): Evaluate
// derives it from Cooperative, and screening a read model sets it without a
// Cooperative, which is then nil. A rule written in Go reads Compact.
type Applicant struct {
	Cooperative *coop.Cooperative `json:"cooperative,omitempty"`
	Person      *PersonFacts      `json:"person,omitempty"`
	Enterprise  *EnterpriseFacts  `json:"enterprise,omitempty"`
	Project     *Project          `json:"project,omitempty"`

	model *readmodel.Model // the model holding the cooperative, if any
	index int              // its index in model
	c     *readmodel.Coop  // model.Coop(index)
	mem   []readmodel.Member
	// tally is the member tally a screening gathers for the cooperative
	// bound; nil outside a screening.
	tally *memberTally
}

// Compact returns the cooperative's compact form and the model that holds
// it; ok is false for a person.
func (a *Applicant) Compact() (m *readmodel.Model, c *readmodel.Coop, index int, ok bool) {
	return a.model, a.c, a.index, a.c != nil
}

// bind sets the compact form of a cooperative, the i-th of m, with its
// members when members is set: a screening whose rules read none leaves
// them (Kind.NoMembers).
func (a *Applicant) bind(m *readmodel.Model, i int, members bool) {
	a.model, a.index = m, i
	a.c = m.Coop(i)
	if members {
		a.mem = m.Members(a.c)
	}
	if a.tally != nil {
		a.tally.done = false
	}
}

// compact derives the compact form from Cooperative, when there is one and
// it is not derived yet; a value the compact form cannot hold (an unknown
// province or sector, an amount with three decimals) is an Invalid error
// for op naming the field.
func (a *Applicant) compact(op string) error {
	if a.Cooperative == nil || a.c != nil {
		return nil
	}
	var b readmodel.Builder
	b.Add(a.Cooperative)
	m, err := b.Model()
	if err != nil {
		var e *coop.Error
		if !errors.As(err, &e) {
			return err
		}
		fs := make(coop.Fields, len(e.Fields))
		for i, f := range e.Fields {
			f.Field = "cooperative." + strings.TrimPrefix(f.Field, "cooperatives[0].")
			fs[i] = f
		}
		return fs.Err(op, "invalid applicant")
	}
	a.bind(m, 0, true)
	return nil
}

// Kind returns the applicant's kind: union or cooperative for a
// cooperative body, person for a person, "" when empty.
func (a *Applicant) Kind() ApplicantKind {
	switch {
	case a.c != nil && a.c.IsUnion(), a.c == nil && a.Cooperative != nil && a.Cooperative.IsUnion():
		return Union
	case a.c != nil || a.Cooperative != nil:
		return Cooperative
	case a.Person != nil:
		return Person
	case a.Enterprise != nil:
		return a.Enterprise.Kind
	}
	return ""
}

// ValueKind tells how a parameter value is read.
type ValueKind string

// The kinds of parameter value.
const (
	IntValue       ValueKind = "int"       // a whole number (years, members, a quota)
	AmountValue    ValueKind = "amount"    // an amount of MAD
	RatioValue     ValueKind = "ratio"     // a ratio such as 0.30
	RegionsValue   ValueKind = "regions"   // a list of region codes
	ProvincesValue ValueKind = "provinces" // a list of province codes
	SectorsValue   ValueKind = "sectors"   // a list of sector slugs
	BranchesValue  ValueKind = "branches"  // a list of branch slugs
	DateValue      ValueKind = "date"      // a date, YYYY-MM-DD
)

var valueKinds = []ValueKind{IntValue, AmountValue, RatioValue, RegionsValue, ProvincesValue, SectorsValue, BranchesValue, DateValue}

// Valid reports whether k is a known kind of value.
func (k ValueKind) Valid() bool { return slices.Contains(valueKinds, k) }

func valueKindNames() []string {
	out := make([]string, len(valueKinds))
	for i, k := range valueKinds {
		out[i] = string(k)
	}
	return out
}

// Value is a parameter's value.
type Value struct {
	Kind ValueKind       `json:"kind"`
	Int  int             `json:"int,omitempty"`
	Dec  decimal.Decimal `json:"dec"`
	List []string        `json:"list,omitempty"`
	Date coop.Date       `json:"date,omitzero"`
}

// Int, Amount, Ratio, Regions, Provinces, Sectors and Branches build
// values of each kind.
func Int(n int) Value                 { return Value{Kind: IntValue, Int: n} }
func Amount(s string) Value           { return Value{Kind: AmountValue, Dec: coop.MustParseMAD(s)} }
func Ratio(s string) Value            { return Value{Kind: RatioValue, Dec: decimal.RequireFromString(s)} }
func Regions(codes ...string) Value   { return Value{Kind: RegionsValue, List: codes} }
func Provinces(codes ...string) Value { return Value{Kind: ProvincesValue, List: codes} }
func Sectors(slugs ...string) Value   { return Value{Kind: SectorsValue, List: slugs} }
func Branches(slugs ...string) Value  { return Value{Kind: BranchesValue, List: slugs} }

// DateOf builds a date value.
func DateOf(d coop.Date) Value { return Value{Kind: DateValue, Date: d} }

// String writes the value as the decision reports it: "4", "300000.00",
// "0.3", "MA-10,MA-08", "2020-01-01".
func (v Value) String() string {
	switch v.Kind {
	case IntValue:
		return strconv.Itoa(v.Int)
	case AmountValue:
		return coop.FormatMAD(v.Dec)
	case RatioValue:
		return v.Dec.String()
	case DateValue:
		return v.Date.String()
	}
	return strings.Join(v.List, ",")
}

// Has reports whether a list value contains s.
func (v Value) Has(s string) bool { return slices.Contains(v.List, s) }

// Dated is a parameter value in force from a date.
type Dated struct {
	Since coop.Date `json:"since"`
	Value Value     `json:"value"`
}

// Parameter is a named parameter of a call with its values over time: each
// value applies from its date until the next one.
type Parameter struct {
	Name   string  `json:"name"`
	Values []Dated `json:"values"`
	// Reference is the source of the value (a call, a press release).
	Reference string `json:"reference,omitempty"`
	// Unconfirmed marks a value the sources do not confirm; Note then says
	// what is known.
	Unconfirmed bool `json:"unconfirmed,omitempty"`
	// Note explains the parameter or the doubt about its value, in
	// English; Notes gives it in each language when the catalogue does.
	Note  string     `json:"note,omitempty"`
	Notes coop.Names `json:"notes,omitzero"`
}

// At returns the value in force at asOf; ok is false before the first one.
func (p *Parameter) At(asOf coop.Date) (v Dated, ok bool) {
	for _, d := range p.Values {
		if d.Since.After(asOf) {
			break
		}
		v, ok = d, true
	}
	return v, ok
}

// Phase is a phase of a call that restricts it, e.g. the first phase of
// Mourafaka's fourth tranche, open to four regions.
type Phase struct {
	ID      string   `json:"id"`
	Regions []string `json:"regions,omitempty"`
}

// Call is a call for applications of a programme: a tranche or an edition,
// with its window and its parameters.
type Call struct {
	ID string `json:"id"`
	// Names is the call's official title in each language, which reasons
	// show; the ID when it has none.
	Names coop.Names `json:"names,omitzero"`
	Opens coop.Date  `json:"opens"`
	// Closes is the last day to apply; zero when the call has no end date.
	Closes coop.Date `json:"closes,omitzero"`
	// Reference cites the call (its publication, a press release).
	Reference string `json:"reference,omitempty"`
	// Unconfirmed marks dates the sources do not confirm; Note says what is
	// known. call-window reports both.
	Unconfirmed bool `json:"unconfirmed,omitempty"`
	// Note is in English; Notes gives it in each language when the
	// catalogue does.
	Note       string      `json:"note,omitempty"`
	Notes      coop.Names  `json:"notes,omitzero"`
	Parameters []Parameter `json:"parameters,omitempty"`
	Phases     []Phase     `json:"phases,omitempty"`
}

// Title returns the call's title in lang, or its ID when it has none.
func (c *Call) Title() coop.Names {
	if c.Names.FR == "" && c.Names.EN == "" && c.Names.AR == "" {
		return coop.Names{FR: c.ID, EN: c.ID, AR: c.ID}
	}
	return c.Names
}

// Parameter returns the call's parameter called name.
func (c *Call) Parameter(name string) (*Parameter, bool) {
	for i := range c.Parameters {
		if c.Parameters[i].Name == name {
			return &c.Parameters[i], true
		}
	}
	return nil, false
}

// Phase returns the call's phase with the given ID.
func (c *Call) Phase(id string) (*Phase, bool) {
	for i := range c.Phases {
		if c.Phases[i].ID == id {
			return &c.Phases[i], true
		}
	}
	return nil, false
}

// Criterion is one eligibility rule of a programme: a criterion kind
// applied with a stable ID and the reference it applies.
type Criterion struct {
	// ID is the criterion's stable ID ("existence-max"); it defaults to its
	// kind's ID.
	ID string `json:"id"`
	// Kind names the criterion kind (see Kind).
	Kind string `json:"kind"`
	// Reference is the source of the rule; it defaults to the kind's own,
	// or else to the programme's.
	Reference string `json:"reference"`
	// Doc says in a sentence when the criterion passes; it defaults to the
	// kind's.
	Doc string `json:"doc"`
	// Fact is the declared fact the criterion reads, for a kind that reads
	// one ("disadvantaged-members").
	Fact string `json:"fact,omitempty"`
	// Params maps each parameter role of the kind to the call parameter
	// that fills it: {"min_age": "youth_min_age"}. A role not mapped is
	// filled by the parameter of its own name; in a catalogue's copy every
	// role is listed.
	Params map[string]string `json:"params,omitempty"`
	// Strict lists the ends of the kind's range that are strict, "min"
	// or "max" (ParamSpec.Bound): [max] with max_age 35 takes people under
	// 35, where the ends of a range are inclusive otherwise.
	Strict []string `json:"strict,omitempty"`
	// Unconfirmed marks a rule the sources do not confirm (Lalla Al
	// Moutaâouina's all-women rule); Note says what is known, in English,
	// and Notes in each language when the catalogue gives them. Every
	// result of the criterion carries them.
	Unconfirmed bool       `json:"unconfirmed,omitempty"`
	Note        string     `json:"note,omitempty"`
	Notes       coop.Names `json:"notes,omitzero"`
	// Accepts narrows an applicant-kind criterion to some of the kinds the
	// programme accepts, so that a combinator can join it with the rules of
	// one kind of applicant (Intelaka: a VSE under 5 years, or an
	// auto-entrepreneur). Empty, it is the programme's Accepts.
	Accepts []ApplicantKind `json:"accepts,omitempty"`
	// Of lists the criteria a combinator joins: all-of passes when every
	// one passes, any-of when one does, not when its one criterion fails
	// (KindAllOf, KindAnyOf, KindNot). Each has its own ID, unique in the
	// programme, and its result is reported under the combinator's.
	Of []Criterion `json:"of,omitempty"`
}

// walkCriteria calls fn on each criterion of list and, depth first, on
// the criteria each joins.
func walkCriteria(list []Criterion, fn func(*Criterion)) {
	for i := range list {
		fn(&list[i])
		walkCriteria(list[i].Of, fn)
	}
}

// Grant says how a programme computes the grant of a funding decision.
type Grant struct {
	// Kind names the grant kind (see GrantKind), e.g. "rate-cap".
	Kind string `json:"kind"`
	// Params maps each parameter role of the kind to the call parameter
	// that fills it, as Criterion.Params does.
	Params map[string]string `json:"params,omitempty"`
}

// Rule is a criterion bound to its parameters: it evaluates an applicant at
// a date. It must be safe for concurrent use and must not modify the
// applicant. A rule that sets no outcome is not reported (a project
// criterion when the request carries no project).
type Rule func(a *Applicant, asOf coop.Date, out *Eval)

// Eval is where a Rule writes its outcome, its reason and, optionally, a
// hint saying what would change a failing or unknown outcome, the parameter
// values it used and the dates on which the outcome may change. It writes
// straight into the decision, so evaluating allocates nothing. A screening
// that hands out no decision only counts outcomes: its Eval keeps the
// outcome and drops the reason and the hint, which a rule need not know.
type Eval struct {
	// code is the outcome set, as a number that evaluation loops compare
	// without comparing strings.
	code  outcomeCode
	res   *CriterionResult
	dates *[]coop.Date
	// counting is set when only the outcome is read: a screening that
	// counts outcomes and hands no decision out makes no reason.
	counting bool
}

// outcomeCode is a criterion's outcome as a number: none while no rule
// has set one, other for an outcome that is none of the three. A failing
// and an unknown outcome each have a bit of their own, the two low ones,
// so that a screening counts the outcomes of a run of cooperatives eight
// at a time (countCodes).
type outcomeCode uint8

const (
	codeNone    outcomeCode = 0
	codeFail    outcomeCode = 1
	codeUnknown outcomeCode = 2
	codePass    outcomeCode = 4
	codeOther   outcomeCode = 8
)

// codeOf returns the code of o. Set is inlined with its outcome a
// constant, and this switch is then decided when compiling.
func codeOf(o coop.Outcome) outcomeCode {
	switch o {
	case coop.Pass:
		return codePass
	case coop.Fail:
		return codeFail
	case coop.Unknown:
		return codeUnknown
	case "":
		return codeNone
	}
	return codeOther
}

// Set records the outcome and the reason.
func (e *Eval) Set(o coop.Outcome, msg *coop.Message, args ...coop.Arg) {
	if !e.counting {
		e.res.Reason.Set(msg, args...)
	}
	e.res.Outcome, e.code = o, codeOf(o)
}

// Tracking reports whether the evaluation collects the dates on which the
// outcome may change, so that a rule can skip computing them.
func (e *Eval) Tracking() bool { return e.dates != nil }

// Suggest records what would change the outcome.
func (e *Eval) Suggest(msg *coop.Message, args ...coop.Arg) {
	if !e.counting {
		e.res.Hint.Set(msg, args...)
	}
}

// UseParams records the parameter values the rule used.
func (e *Eval) UseParams(ps []coop.Param) { e.res.Params = ps }

// Outcome returns the outcome set so far ("" before Set).
func (e *Eval) Outcome() coop.Outcome { return e.res.Outcome }

// setResult copies a coop check's result.
func (e *Eval) setResult(r coop.Result) {
	e.res.Outcome, e.res.Reason, e.res.Params = r.Outcome, r.Reason, r.Params
	e.code = codeOf(r.Outcome)
}

// MayChangeOn records a date on which the outcome may change if nothing
// else changes (a birthday, an anniversary of registration, a closing date).
func (e *Eval) MayChangeOn(d coop.Date) {
	if e.dates != nil && !d.IsZero() {
		*e.dates = append(*e.dates, d)
	}
}

// Program is a support programme: who it accepts, its calls and its
// criteria.
type Program struct {
	ID       string     `json:"id"`
	Names    coop.Names `json:"names"`
	Operator string     `json:"operator"`
	// Accepts lists the kinds of applicant the programme takes.
	Accepts   []ApplicantKind `json:"accepts"`
	Reference string          `json:"reference"`
	Benefits  string          `json:"benefits,omitempty"`
	Calls     []Call          `json:"calls"`
	Criteria  []Criterion     `json:"criteria"`
	// Grant is how the programme computes the grant of a funding decision;
	// nil when it computes none.
	Grant *Grant `json:"grant,omitempty"`
	// Informational declares, with their kinds, the parameters a call may
	// set for information though no rule reads them: the number of places,
	// the amount of a prize.
	Informational map[string]ValueKind `json:"informational,omitempty"`
	// Facts names, in each language, the declared facts the programme's
	// criteria read ("disadvantaged-members"), for reasons to show them.
	Facts map[string]coop.Names `json:"facts,omitempty"`
	// Schedule is the programme's follow-up of its beneficiaries, if it has
	// one (Mourafaka: 12 coaching visits within 24 months of selection).
	Schedule *Schedule `json:"schedule,omitempty"`
	// Translations translates the programme's texts written in English —
	// its references (its own, its calls', parameters' and criteria's), its
	// operator and its benefits — into French and Arabic: each gives a
	// text's English and its French and Arabic. A decision's criteria carry
	// the translation of their source, which explanations show, and the
	// reference in French and Arabic is written with them.
	Translations []coop.Names `json:"translations,omitempty"`
}

// source returns the translation of text among the programme's
// translations.
func (p *Program) source(ref string) coop.Names {
	for _, s := range p.Translations {
		if s.EN == ref {
			return s
		}
	}
	return coop.Names{}
}

// Schedule is a programme's follow-up: Visits support actions of Kind
// within Months of a beneficiary's selection, spread evenly.
type Schedule struct {
	Kind      coop.SupportKind `json:"kind"`
	Visits    int              `json:"visits"`
	Months    int              `json:"months"`
	Reference string           `json:"reference"`
}

// Call returns the programme's call with the given ID.
func (p *Program) Call(id string) (*Call, bool) {
	for i := range p.Calls {
		if p.Calls[i].ID == id {
			return &p.Calls[i], true
		}
	}
	return nil, false
}

// CallAt returns the call used when none is named: the latest one whose
// opening date is on or before asOf (programs.md §1).
func (p *Program) CallAt(asOf coop.Date) (*Call, bool) {
	var best *Call
	for i := range p.Calls {
		c := &p.Calls[i]
		if c.Opens.After(asOf) {
			continue
		}
		if best == nil || c.Opens.After(best.Opens) {
			best = c
		}
	}
	return best, best != nil
}

// Criterion returns the programme's criterion with the given ID.
func (p *Program) Criterion(id string) (*Criterion, bool) {
	for i := range p.Criteria {
		if p.Criteria[i].ID == id {
			return &p.Criteria[i], true
		}
	}
	return nil, false
}

// factNames returns the names of a declared fact, or the fact itself in
// every language when the programme does not name it.
func (p *Program) factNames(fact string) coop.Names {
	if n, ok := p.Facts[fact]; ok {
		return n
	}
	return coop.Names{FR: fact, EN: fact, AR: fact}
}

// AcceptsKind reports whether the programme takes applicants of kind k.
func (p *Program) AcceptsKind(k ApplicantKind) bool { return slices.Contains(p.Accepts, k) }
