package programs

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// Kind is a kind of criterion: the rule behind criteria such as
// existence-max or members-aged, with the parameters it reads. A programme
// lists its criteria by kind, in Go or in a programme file; the catalogue
// binds each one to the parameters of a call at a date.
//
// The built-in kinds are those of programs.md §1-2; Catalogue.AddKind adds a
// kind written in Go for a programme whose rule is genuinely new.
type Kind struct {
	// Name identifies the kind in programme files ("existence-max").
	Name string `json:"name"`
	// ID is the ID a criterion of this kind has when the programme names
	// none; empty when each criterion must name its own (a declared fact,
	// an age range).
	ID string `json:"id,omitempty"`
	// Doc says in a sentence when a criterion of the kind passes. A role
	// between braces ("{max_age}") is replaced by the name of the
	// parameter that fills it, and {fact} by the declared fact.
	Doc string `json:"doc"`
	// Reference is the kind's own source, used when a criterion gives none
	// ("Law 112-12 art. 108"); when empty, such a criterion cites its
	// programme.
	Reference string `json:"reference,omitempty"`
	// References is Reference in French and Arabic, when it is not a
	// citation of a law.
	References coop.Names `json:"references,omitzero"`
	// Docs is Doc in French and Arabic, with the same {role} placeholders,
	// for the reference in those languages.
	Docs coop.Names `json:"docs,omitzero"`
	// Params declares the parameters the kind reads, by role. A criterion
	// reads each role from the call parameter of the same name unless it
	// maps the role to another one.
	Params []ParamSpec `json:"params,omitempty"`
	// Fact is set when each criterion of the kind reads a declared fact that
	// it names.
	Fact bool `json:"fact,omitempty"`
	// NoMembers is set when the kind's rules never read the members of a
	// cooperative, their register or their count: a screening of
	// cooperatives whose criteria all say so reads no member
	// (Catalogue.ScreenCooperatives). A kind that leaves it unset is
	// taken to read them.
	NoMembers bool `json:"no_members,omitempty"`
	// Messages lists the reasons and hints the kind may give.
	Messages []*coop.Message `json:"-"`
	// Version names a revision of the kind's rule; it is part of the
	// catalogue's version, so that changing a rule written in Go changes the
	// version of every catalogue that uses it once Version is changed.
	Version string `json:"version,omitempty"`
	// Bind binds a criterion of the kind to the parameters in force for a
	// call at a date. It returns nil when the criterion does not apply to
	// that call (a region criterion for a call open to every region); the
	// criterion is then not reported.
	Bind func(b *Binding) Rule `json:"-"`
	// cite, for a built-in kind, returns the reference its results cite
	// when it is not Binding.Reference.
	cite func(b *Binding) string
	// join names the combinator a built-in kind is (KindAllOf, KindAnyOf,
	// KindNot); empty for a rule of its own.
	join string
	// columns is set for a built-in kind, whose Bind may give its rule a
	// column (Binding.setColumn). AddKind clears it: a kind added, even
	// one copied from Kinds whose Bind calls a built-in one and changes
	// its rule, does not inherit the column.
	columns bool
}

// ParamSpec is a parameter a kind reads: its role and the kind of its
// value.
type ParamSpec struct {
	Role string    `json:"role"`
	Kind ValueKind `json:"kind"`
	Doc  string    `json:"doc,omitempty"`
	// Bound marks an end of a range, "min" or "max": a call sets at least
	// one end of a range, and the range is open at an end it leaves unset.
	// Every other parameter a call must set.
	Bound string `json:"bound,omitempty"`
}

// GrantKind is a way to compute the grant of a funding decision from a
// project and the parameters of a call.
type GrantKind struct {
	// Name identifies the kind in programme files ("rate-cap").
	Name string `json:"name"`
	// Doc says how the grant is computed.
	Doc string `json:"doc"`
	// Params declares the parameters the kind reads, by role.
	Params []ParamSpec `json:"params,omitempty"`
	// Version names a revision of the computation (see Kind.Version).
	Version string `json:"version,omitempty"`
	// Compute returns the grant for the applicant, or false when it cannot
	// be computed (no project, a parameter not set for the call) or the
	// benefit has no grant (a guaranteed loan). An honour loan's grant is
	// its grant part.
	Compute func(b *Binding, a *Applicant) (decimal.Decimal, bool) `json:"-"`
	// Benefit, when set, states the benefit whole: its amounts, its terms
	// and the parameters they came from (Decision.Benefit); false when it
	// cannot be stated. A grant kind without it states the grant Compute
	// returns.
	Benefit func(b *Binding, a *Applicant) (Benefit, bool) `json:"-"`
}

// Benefit is what a decision offers the applicant: a grant, an honour loan
// with its grant part, or a guaranteed bank loan, with the amounts
// computed from the project when it gives them, the terms, the parameters
// they came from, and a sentence saying it all in each language. An amount
// that cannot be computed (no project, an amount of it not given) is null
// and the sentence gives the call's ceiling instead.
type Benefit struct {
	// Kind is the grant kind that computed it (rate-cap, honour-loan,
	// guaranteed-loan).
	Kind string `json:"kind"`
	// Grant is a grant, or the part of an honour loan that is a grant.
	Grant decimal.NullDecimal `json:"grant"`
	// Loan is the amount lent.
	Loan decimal.NullDecimal `json:"loan"`
	// Rate is the loan's yearly interest rate (0 for an honour loan); null
	// when it depends on a fact not given (the project's zone).
	Rate decimal.NullDecimal `json:"rate"`
	// GuaranteeShare is the share of a loan a guarantor covers, at most.
	GuaranteeShare decimal.NullDecimal `json:"guarantee_share"`
	// RepaymentYears and GraceYears are a loan's longest repayment and its
	// grace period, in years.
	RepaymentYears int `json:"repayment_years,omitempty"`
	GraceYears     int `json:"grace_years,omitempty"`
	// Params are the call's parameters the benefit read, with their dates.
	Params []coop.Param `json:"params"`
	// Reason says the benefit in each language.
	Reason coop.Reason `json:"reason"`
}

// Binding gives a rule being bound the call, the date and the parameters
// of its criterion, read by role.
type Binding struct {
	at *bindAt
	r  *binder
	// col is the column Bind gave the rule it returns (setColumn).
	col column
}

// setColumn gives the rule Bind returns a column that decides a run of
// cooperatives with it.
func (b *Binding) setColumn(c column) { b.col = c }

// bindAt is what every binding of a plan shares: the programme, the call,
// the phase and the date.
type bindAt struct {
	prog  *Program
	call  *Call
	phase *Phase
	asOf  coop.Date
	// paramsAt is the date at which parameters are read: asOf, or the
	// call's opening for a call named before it opens (programs.md §1,
	// clarified).
	paramsAt coop.Date
	// windows are the age windows the plan's rules count members in, so
	// that a screening counts them all in one pass (memberTally).
	windows []ageWindow
	// dated is set once a kind has read asOf through Binding.AsOf: its
	// rules may decide by it rather than by the date they are given, and
	// the plan is not used at another date (plan.bindsAt).
	dated atomic.Bool
}

// binder is a criterion, or a grant (crit nil), with the call parameter
// filling each role of its kind and, for a combinator, the criteria it
// joins.
type binder struct {
	crit  *Criterion
	specs []ParamSpec
	names []string
	// branches are the criteria a combinator joins.
	branches []resolved
}

// AsOf returns the date the criterion is bound at, at which the
// parameters are resolved. A rule decides at the date it is given, which
// may be another: a kind that keeps AsOf to decide by has its plan bound
// again at each date decided (a change date probed, say), and decides
// more slowly than one that reads the date its rule is given.
func (b *Binding) AsOf() coop.Date {
	if !b.at.dated.Load() {
		b.at.dated.Store(true)
	}
	return b.at.asOf
}

// CallID returns the ID of the call.
func (b *Binding) CallID() string { return b.at.call.ID }

// Opens returns the call's opening date.
func (b *Binding) Opens() coop.Date { return b.at.call.Opens }

// Closes returns the call's closing date; zero when it has none.
func (b *Binding) Closes() coop.Date { return b.at.call.Closes }

// PhaseID returns the ID of the phase named in the request, if any.
func (b *Binding) PhaseID() string {
	if b.at.phase == nil {
		return ""
	}
	return b.at.phase.ID
}

// CriterionID returns the ID of the criterion being bound ("" for a
// grant).
func (b *Binding) CriterionID() string {
	if b.r.crit == nil {
		return ""
	}
	return b.r.crit.ID
}

// Reference returns the reference a result of the criterion cites: that of
// the call parameter filling its first role when the call gives one (under
// mourafaka-t1 the existence limit cites the 1st tranche), otherwise the
// criterion's own (programs.md §1, clarified).
func (b *Binding) Reference() string {
	if b.r.crit == nil {
		return ""
	}
	for _, name := range b.r.names {
		if prm, ok := b.at.call.Parameter(name); ok && prm.Reference != "" {
			return prm.Reference
		}
	}
	return b.r.crit.Reference
}

// Fact returns the declared fact the criterion reads, if its kind reads
// one.
func (b *Binding) Fact() string {
	if b.r.crit == nil {
		return ""
	}
	return b.r.crit.Fact
}

// Param returns the value in force at the binding's date (or at the call's
// opening, for a call named before it opens) of the parameter that fills
// role, with its coop.Param record (the parameter's name, value,
// date in force and whether it is confirmed). ok is false when the call
// does not set it. The value is the caller's.
func (b *Binding) Param(role string) (v Value, rec coop.Param, ok bool) {
	v, rec, ok = b.get(role)
	v.List = slices.Clone(v.List)
	return v, rec, ok
}

// Strict reports whether the end bound ("min" or "max") of the
// criterion's range is strict (Criterion.Strict).
func (b *Binding) Strict(bound string) bool {
	return b.r.crit != nil && slices.Contains(b.r.crit.Strict, bound)
}

// get is Param without the copy, for the built-in kinds, which do not
// change what they read.
func (b *Binding) get(role string) (Value, coop.Param, bool) {
	for i := range b.r.specs {
		if b.r.specs[i].Role == role {
			return b.at.call.valueAt(b.r.names[i], b.at.paramsAt)
		}
	}
	return Value{}, coop.Param{}, false
}

// valueAt returns the value of the parameter called name in force at asOf.
func (c *Call) valueAt(name string, asOf coop.Date) (Value, coop.Param, bool) {
	prm, found := c.Parameter(name)
	if !found {
		return Value{}, coop.Param{}, false
	}
	d, found := prm.At(asOf)
	if !found {
		return Value{}, coop.Param{}, false
	}
	rec := coop.Param{Name: name, Value: d.Value.String(), Since: d.Since, Unconfirmed: prm.Unconfirmed}
	if prm.Unconfirmed {
		rec.Note = prm.Note
	}
	return d.Value, rec, true
}

// kindSet holds the kinds a catalogue knows. It is never changed once
// published: AddKind publishes a new one.
type kindSet struct {
	criteria map[string]*Kind
	grants   map[string]*GrantKind
}

func (ks *kindSet) with(k *Kind, g *GrantKind) *kindSet {
	out := &kindSet{criteria: make(map[string]*Kind, len(ks.criteria)+1), grants: make(map[string]*GrantKind, len(ks.grants)+1)}
	for n, v := range ks.criteria {
		out.criteria[n] = v
	}
	for n, v := range ks.grants {
		out.grants[n] = v
	}
	if k != nil {
		out.criteria[k.Name] = k
	}
	if g != nil {
		out.grants[g.Name] = g
	}
	return out
}

// roleKind returns the kind of value a parameter named name holds when it
// is read under its role's own name: the one kind every criterion and
// grant kind with a role of that name reads it as. A call's parameter
// whose criterion kind is unknown is checked by it, so that an unknown
// kind hides no problem of its values.
func (ks *kindSet) roleKind(name string) (ValueKind, bool) {
	var found ValueKind
	seen := false
	check := func(specs []ParamSpec) bool {
		for _, sp := range specs {
			if sp.Role != name {
				continue
			}
			if seen && sp.Kind != found {
				return false
			}
			found, seen = sp.Kind, true
		}
		return true
	}
	for _, k := range ks.criteria {
		if !check(k.Params) {
			return "", false
		}
	}
	for _, g := range ks.grants {
		if !check(g.Params) {
			return "", false
		}
	}
	return found, seen
}

func (ks *kindSet) criterionNames() []string {
	out := make([]string, 0, len(ks.criteria))
	for n := range ks.criteria {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

func (ks *kindSet) grantNames() []string {
	out := make([]string, 0, len(ks.grants))
	for n := range ks.grants {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// namePattern is the form of the names and IDs a catalogue holds: kinds,
// programmes, calls, criteria, parameters, roles and facts.
var namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.-]{0,63}$`)

// checkName records a problem when s is not a well-formed name.
func checkName(fs *coop.Fields, field, s string) {
	switch {
	case s == "":
		fs.Add(field, "required", "", "is required")
	case !namePattern.MatchString(s):
		fs.Add(field, "name", "", "%q is not a name: lower-case letters, digits, '-', '_' and '.', at most 64", coop.Excerpt(s))
	}
}

// checkSpecs checks the parameter roles a kind declares.
func checkSpecs(fs *coop.Fields, specs []ParamSpec) {
	seen := map[string]bool{}
	for i, p := range specs {
		field := "params[" + strconv.Itoa(i) + "]"
		checkName(fs, field+".role", p.Role)
		if seen[p.Role] {
			fs.Add(field+".role", "unique", "", "role %q is declared twice", p.Role)
		}
		seen[p.Role] = true
		if !p.Kind.Valid() {
			fs.Add(field+".kind", "kind", "", "%q is not a kind of value (%s)", p.Kind, strings.Join(valueKindNames(), ", "))
		}
	}
}

// checkKind checks a kind before it joins a catalogue.
func checkKind(k *Kind) error {
	var fs coop.Fields
	checkName(&fs, "name", k.Name)
	if k.ID != "" {
		checkName(&fs, "id", k.ID)
	}
	if k.Doc == "" {
		fs.Add("doc", "required", "", "say in a sentence when a criterion of the kind passes")
	}
	if k.Bind == nil {
		fs.Add("bind", "required", "", "a kind needs a Bind function")
	}
	checkSpecs(&fs, k.Params)
	return fs.Err("programs.AddKind", "invalid kind")
}

// AddKind adds a criterion kind written in Go, for a programme whose rule
// the built-in kinds cannot express. Programmes added afterwards, in Go or
// from a file, may list criteria of the kind. A kind with a name already in
// the catalogue is a Conflict; a kind without name, doc or Bind, or with
// malformed roles, is Invalid; the catalogue is then unchanged. A kind's
// rule must be safe for concurrent use and must not modify the applicant.
func (c *Catalogue) AddKind(k Kind) error {
	if err := checkKind(&k); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.snap.Load()
	if _, dup := s.kinds.criteria[k.Name]; dup {
		return &coop.Error{Code: coop.Conflict, Op: "programs.AddKind", Message: "criterion kind " + quote(k.Name) + " already exists",
			Fields: []coop.FieldError{{Field: "name", Rule: "unique", Message: "a kind with this name exists"}}}
	}
	k.Params = slices.Clone(k.Params)
	k.Messages = slices.Clone(k.Messages)
	k.columns = false
	ns := *s
	ns.kinds = s.kinds.with(&k, nil)
	c.snap.Store(&ns)
	return nil
}

// AddGrantKind adds a way to compute grants written in Go. The rules of
// AddKind apply.
func (c *Catalogue) AddGrantKind(g GrantKind) error {
	const op = "programs.AddGrantKind"
	var fs coop.Fields
	checkName(&fs, "name", g.Name)
	if g.Doc == "" {
		fs.Add("doc", "required", "", "say how the grant is computed")
	}
	if g.Compute == nil && g.Benefit == nil {
		fs.Add("compute", "required", "", "a grant kind needs a Compute function, a Benefit function, or both")
	}
	checkSpecs(&fs, g.Params)
	if err := fs.Err(op, "invalid grant kind"); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.snap.Load()
	if _, dup := s.kinds.grants[g.Name]; dup {
		return &coop.Error{Code: coop.Conflict, Op: op, Message: "grant kind " + quote(g.Name) + " already exists",
			Fields: []coop.FieldError{{Field: "name", Rule: "unique", Message: "a grant kind with this name exists"}}}
	}
	g.Params = slices.Clone(g.Params)
	ns := *s
	ns.kinds = s.kinds.with(nil, &g)
	c.snap.Store(&ns)
	return nil
}

// Kinds returns the criterion kinds the catalogue knows, sorted by name.
func (c *Catalogue) Kinds() []Kind {
	ks := c.snap.Load().kinds
	out := make([]Kind, 0, len(ks.criteria))
	for _, n := range ks.criterionNames() {
		k := *ks.criteria[n]
		k.Params = slices.Clone(k.Params)
		k.Messages = make([]*coop.Message, len(k.Messages))
		for i, m := range ks.criteria[n].Messages {
			cp := *m
			k.Messages[i] = &cp
		}
		out = append(out, k)
	}
	return out
}

// GrantKinds returns the grant kinds the catalogue knows, sorted by name.
func (c *Catalogue) GrantKinds() []GrantKind {
	ks := c.snap.Load().kinds
	out := make([]GrantKind, 0, len(ks.grants))
	for _, n := range ks.grantNames() {
		g := *ks.grants[n]
		g.Params = slices.Clone(g.Params)
		out = append(out, g)
	}
	return out
}
