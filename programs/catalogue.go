package programs

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// Catalogue holds programmes, their calls and criteria, and the criterion
// kinds they are built from. The built-in one is returned by Default; users
// add their own programmes and calls from files (LoadPrograms, LoadCalls)
// or in Go (AddProgram, AddCall), and their own criterion kinds (AddKind).
//
// A Catalogue never shares what it holds: every accessor returns a copy,
// and an addition publishes a new snapshot, so a running evaluation never
// sees a change and nothing a caller does to a returned value changes a
// later decision. Its Version is a digest of its data. A Catalogue is safe
// for concurrent use.
type Catalogue struct {
	mu   sync.Mutex // serialises additions
	snap atomic.Pointer[snapshot]
}

// snapshot is one state of a catalogue. It is never changed once
// published.
type snapshot struct {
	programs []*entry
	index    map[string]*entry
	kinds    *kindSet
	version  string
}

// entry is a programme as the catalogue holds it: its own normalised copy
// of the data, with each criterion and the grant resolved to their kinds.
type entry struct {
	prog   *Program
	crits  []resolved
	grant  *GrantKind
	gbind  binder               // the grant's parameters
	params map[string]ValueKind // every parameter a call of the programme may set
	// unresolved is set while a programme being checked names an unknown
	// kind.
	unresolved bool
}

// resolved is a criterion with its kind and the call parameter filling each
// role of the kind, and, for a combinator, the criteria it joins.
type resolved struct {
	binder
	kind *Kind
}

// builtin is the built-in catalogue, read once from the embedded file.
var builtin = sync.OnceValue(func() *snapshot {
	ks := &kindSet{criteria: map[string]*Kind{}, grants: map[string]*GrantKind{}}
	for _, k := range append(builtinKinds(), combinatorKinds()...) {
		if err := checkKind(&k); err != nil {
			panic("programs: built-in kind " + k.Name + ": " + err.Error())
		}
		k.columns = true
		ks.criteria[k.Name] = &k
	}
	for _, g := range builtinGrantKinds() {
		ks.grants[g.Name] = &g
	}
	s := &snapshot{index: map[string]*entry{}, kinds: ks}
	progs, err := readPrograms(s, builtinFile, strings.NewReader(builtinCatalogue))
	if err != nil {
		panic("programs: the embedded catalogue is invalid: " + err.Error())
	}
	return s.with(progs...)
})

// Default returns a catalogue holding the built-in criterion kinds and the
// programmes of programs.md §2, read from the embedded catalogue.yaml:
// mourafaka, indh-income, craft-casa-settat, moazara, lalla-al-moutaaouina,
// generation-solidaire, piae and motatawi3. Each call returns its own
// catalogue, which the caller may extend.
func Default() *Catalogue {
	c := &Catalogue{}
	c.snap.Store(builtin())
	return c
}

// Version returns the catalogue's version: "sha256:" and the first 16 hex
// digits of a SHA-256 digest of its programmes, calls, criteria and
// parameters, and of the names and versions of the kinds they use. Any
// change to any of them changes it; a decision names it.
func (c *Catalogue) Version() string { return c.snap.Load().version }

// Program returns a copy of the programme with the given ID, with every
// default filled in (criterion IDs, references and parameter roles). The
// copy is the caller's: changing it changes nothing in the catalogue.
func (c *Catalogue) Program(id string) (*Program, bool) {
	e, ok := c.snap.Load().index[id]
	if !ok {
		return nil, false
	}
	p := cloneProgram(e.prog)
	return &p, true
}

// Programs returns copies of every programme, in catalogue order.
func (c *Catalogue) Programs() []Program {
	s := c.snap.Load()
	out := make([]Program, len(s.programs))
	for i, e := range s.programs {
		out[i] = cloneProgram(e.prog)
	}
	return out
}

// ProgramIDs returns the IDs of the programmes, in catalogue order.
func (c *Catalogue) ProgramIDs() []string { return c.snap.Load().programIDs() }

func (s *snapshot) programIDs() []string {
	out := make([]string, len(s.programs))
	for i, e := range s.programs {
		out[i] = e.prog.ID
	}
	return out
}

// ParameterKinds returns the parameters a call of the programme may set,
// with the kind of each: those its criteria and its grant read, and its
// informational ones. ok is false for an unknown programme.
func (c *Catalogue) ParameterKinds(programID string) (map[string]ValueKind, bool) {
	e, ok := c.snap.Load().index[programID]
	if !ok {
		return nil, false
	}
	return maps.Clone(e.params), true
}

// DeclaredFacts returns the declared facts the catalogue's criteria read,
// such as "disadvantaged-members".
func (c *Catalogue) DeclaredFacts() []string {
	var out []string
	for _, e := range c.snap.Load().programs {
		walkCriteria(e.prog.Criteria, func(cr *Criterion) {
			if cr.Fact != "" && !slices.Contains(out, cr.Fact) {
				out = append(out, cr.Fact)
			}
		})
	}
	slices.Sort(out)
	return out
}

// AddProgram adds a programme: its ID, names, whom it accepts, its
// criteria by kind, its grant and its calls with their dated parameters.
// The programme is checked whole first (see LoadPrograms for the rules); an
// invalid one is an Invalid error listing every problem, an ID already in
// the catalogue a Conflict, and the catalogue is then unchanged. The
// catalogue keeps its own copy of p.
func (c *Catalogue) AddProgram(p Program) error {
	const op = "programs.AddProgram"
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.snap.Load()
	if _, dup := s.index[p.ID]; dup {
		return &coop.Error{Code: coop.Conflict, Op: op, Message: "programme " + quote(p.ID) + " already exists",
			Fields: []coop.FieldError{{Field: "id", Rule: "unique", Message: "a programme with this ID exists"}}}
	}
	e, fs := s.compile(&p)
	if err := fs.Err(op, "invalid programme"); err != nil {
		return err
	}
	c.snap.Store(s.with(e))
	return nil
}

// AddCall adds a call to the programme programID: a province's INDH call
// with its sectors and dates, a new edition of a prize. An unknown
// programme is NotFound, an ID already used by a call of the programme a
// Conflict, an invalid call (see ValidateCall) or a parameter the programme
// does not read Invalid; the catalogue is then unchanged.
func (c *Catalogue) AddCall(programID string, call Call) error {
	const op = "programs.AddCall"
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.snap.Load()
	e, ok := s.index[programID]
	if !ok {
		return &coop.Error{Code: coop.NotFound, Op: op, Message: "unknown programme " + quote(programID),
			Fields: []coop.FieldError{{Field: "program", Rule: "program", Message: "not in the catalogue"}}}
	}
	if _, dup := e.prog.Call(call.ID); dup {
		return &coop.Error{Code: coop.Conflict, Op: op, Message: "call " + quote(call.ID) + " already exists in " + programID,
			Fields: []coop.FieldError{{Field: "id", Rule: "unique", Message: "a call with this ID exists"}}}
	}
	p := cloneProgram(e.prog)
	p.Calls = append(p.Calls, call)
	ne, fs := s.compile(&p)
	if err := callFields(fs, len(p.Calls)-1).Err(op, "invalid call"); err != nil {
		return err
	}
	c.snap.Store(s.with(ne))
	return nil
}

// callFields keeps the problems of the i-th call of a programme, with
// paths relative to the call.
func callFields(fs coop.Fields, i int) coop.Fields {
	prefix := "calls[" + strconv.Itoa(i) + "]"
	var out coop.Fields
	for _, f := range fs {
		if rest, ok := strings.CutPrefix(f.Field, prefix); ok {
			f.Field = strings.TrimPrefix(rest, ".")
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return fs
	}
	return out
}

// with returns a snapshot in which each of es replaces the programme of
// the same ID, or joins the programmes, with its version recomputed.
func (s *snapshot) with(es ...*entry) *snapshot {
	ns := &snapshot{programs: slices.Clone(s.programs), index: make(map[string]*entry, len(s.index)+len(es)), kinds: s.kinds}
	for _, e := range es {
		if i := slices.IndexFunc(ns.programs, func(x *entry) bool { return x.prog.ID == e.prog.ID }); i >= 0 {
			ns.programs[i] = e
		} else {
			ns.programs = append(ns.programs, e)
		}
	}
	for _, e := range ns.programs {
		ns.index[e.prog.ID] = e
	}
	ns.version = ns.digest()
	return ns
}

// digest returns the version of the snapshot: a SHA-256 of its programmes
// as the catalogue holds them and of the kinds they use.
func (s *snapshot) digest() string {
	type kindRef struct {
		Name    string `json:"name"`
		Version string `json:"version,omitempty"`
		Grant   bool   `json:"grant,omitempty"`
	}
	used := map[kindRef]bool{}
	progs := make([]*Program, len(s.programs))
	for i, e := range s.programs {
		progs[i] = e.prog
		for _, r := range e.crits {
			used[kindRef{Name: r.kind.Name, Version: r.kind.Version}] = true
		}
		if e.grant != nil {
			used[kindRef{Name: e.grant.Name, Version: e.grant.Version, Grant: true}] = true
		}
	}
	kinds := slices.Collect(maps.Keys(used))
	slices.SortFunc(kinds, func(a, b kindRef) int { return strings.Compare(a.Name+"\x00"+a.Version, b.Name+"\x00"+b.Version) })
	b, err := json.Marshal(struct {
		Programs []*Program `json:"programs"`
		Kinds    []kindRef  `json:"kinds"`
	}{progs, kinds})
	if err != nil {
		panic("programs: a programme cannot be encoded: " + err.Error()) // its fields are all plain data
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:8])
}

// compile checks p whole and returns the catalogue's entry for it: a
// normalised deep copy with every criterion and the grant resolved to their
// kinds. Problems are reported with paths relative to the programme
// ("criteria[2].kind", "calls[1].parameters.grant_cap").
func (s *snapshot) compile(src *Program) (*entry, coop.Fields) {
	p := cloneProgram(src)
	cp := &compiler{s: s, p: &p, e: &entry{params: map[string]ValueKind{}}, readers: map[string]string{}}
	cp.header()
	cp.schedule()
	ids := map[string]string{}
	for i := range p.Criteria {
		cp.criterion(i, ids)
	}
	cp.grant()
	cp.facts()
	cp.informational()
	calls := map[string]int{}
	for i := range p.Calls {
		cp.call(i, calls)
	}
	cp.e.prog, cp.e.unresolved = &p, cp.unresolved
	return cp.e, cp.fs
}

// compiler is the state of the compilation of one programme.
type compiler struct {
	s  *snapshot
	p  *Program
	e  *entry
	fs coop.Fields
	// readers names, for each parameter, what reads it, for the messages.
	readers map[string]string
	// unresolved is set when a kind is unknown: what it would read is
	// unknown too, so no parameter is reported as unread.
	unresolved bool
}

// header checks the programme's ID, names, reference and applicants.
func (cp *compiler) header() {
	p, fs := cp.p, &cp.fs
	checkName(fs, "id", p.ID)
	if p.Names.FR == "" {
		fs.Add("names.fr", "required", "", "the programme's official French name is required")
	}
	if p.Reference == "" {
		fs.Add("reference", "required", "", "cite the programme's source: a call, a decree, an agreement")
	}
	if len(p.Accepts) == 0 {
		fs.Add("accepts", "required", "", "say which applicants the programme accepts (%s)", kindList(ApplicantKinds))
	}
	for i, k := range p.Accepts {
		if !k.Valid() {
			fs.Add("accepts["+strconv.Itoa(i)+"]", "applicant-kind", "", "%q is not a kind of applicant (%s)", coop.Excerpt(string(k)), kindList(ApplicantKinds))
		} else if slices.Index(p.Accepts, k) < i {
			fs.Add("accepts["+strconv.Itoa(i)+"]", "unique", "", "%q appears twice", k)
		}
	}
}

// kindList lists kinds of applicant for messages: "person, vse".
func kindList(kinds []ApplicantKind) string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return strings.Join(out, ", ")
}

// schedule checks the programme's follow-up schedule, if any.
func (cp *compiler) schedule() {
	sc, fs := cp.p.Schedule, &cp.fs
	if sc == nil {
		return
	}
	if !sc.Kind.Valid() {
		fs.Add("schedule.kind", "support-kind", "", "%q is not a kind of support action", coop.Excerpt(string(sc.Kind)))
	}
	if sc.Visits <= 0 {
		fs.Add("schedule.visits", "gt", "0", "must be at least 1")
	}
	if sc.Months <= 0 {
		fs.Add("schedule.months", "gt", "0", "must be at least 1")
	}
	if sc.Reference == "" {
		fs.Add("schedule.reference", "required", "", "cite the source of the schedule")
	}
}

// declare records that reader reads the parameter name as a value of kind,
// refusing a parameter read as two kinds.
func (cp *compiler) declare(field, name string, kind ValueKind, reader string) {
	if prev, ok := cp.e.params[name]; ok && prev != kind {
		cp.fs.Add(field, "kind", string(prev), "%s reads %q as a %s, but %s reads it as a %s", reader, name, kind, cp.readers[name], prev)
		return
	}
	if _, ok := cp.e.params[name]; !ok {
		cp.e.params[name], cp.readers[name] = kind, reader
	}
}

// bindRoles fills each role of specs from mapping and returns the
// parameter names, normalising mapping to list every role.
func (cp *compiler) bindRoles(field string, specs []ParamSpec, mapping map[string]string, reader string) ([]string, map[string]string) {
	for role := range mapping {
		if !slices.ContainsFunc(specs, func(sp ParamSpec) bool { return sp.Role == role }) {
			cp.fs.Add(field+".params."+role, "role", "", "%s has no parameter role %q (roles: %s)", reader, role, strings.Join(roles(specs), ", "))
		}
	}
	names := make([]string, len(specs))
	var norm map[string]string
	if len(specs) > 0 {
		norm = make(map[string]string, len(specs))
	}
	for i, sp := range specs {
		name := sp.Role
		if m, ok := mapping[sp.Role]; ok {
			name = m
			checkName(&cp.fs, field+".params."+sp.Role, m)
		}
		names[i], norm[sp.Role] = name, name
		cp.declare(field+".params."+sp.Role, name, sp.Kind, reader)
	}
	return names, norm
}

// maxNesting bounds how deep combinators nest: all-of within any-of
// within not is three.
const maxNesting = 4

// criterion resolves the i-th criterion and appends it to the entry.
func (cp *compiler) criterion(i int, ids map[string]string) {
	if r, ok := cp.resolve("criteria["+strconv.Itoa(i)+"]", &cp.p.Criteria[i], ids, 0); ok {
		cp.e.crits = append(cp.e.crits, r)
	}
}

// resolve resolves a criterion, at field, to its kind, checks its ID
// (unique among ids), note, fact and ends, binds its parameters and, for a
// combinator, resolves the criteria it joins at depth+1.
func (cp *compiler) resolve(field string, cr *Criterion, ids map[string]string, depth int) (resolved, bool) {
	p, fs := cp.p, &cp.fs
	k, ok := cp.s.kinds.criteria[cr.Kind]
	if !ok {
		cp.unresolved = true
		if cr.Kind == "" {
			fs.Add(field+".kind", "required", "", "is required (kinds: %s)", strings.Join(cp.s.kinds.criterionNames(), ", "))
		} else {
			fs.Add(field+".kind", "kind", "", "unknown criterion kind %q (kinds: %s)", coop.Excerpt(cr.Kind), strings.Join(cp.s.kinds.criterionNames(), ", "))
		}
		return resolved{}, false
	}
	if cr.ID == "" {
		cr.ID = k.ID
	}
	if cr.ID == "" {
		fs.Add(field+".id", "required", "", "a criterion of kind %s names its own ID", k.Name)
	} else {
		checkName(fs, field+".id", cr.ID)
		if prev, dup := ids[cr.ID]; dup {
			fs.Add(field+".id", "unique", "", "criterion %q already appears as %s", cr.ID, prev)
		} else {
			ids[cr.ID] = field
		}
	}
	if cr.Unconfirmed && cr.Note == "" {
		fs.Add(field+".note", "required", "", "an unconfirmed rule needs a note saying what is known")
	}
	cp.criterionFact(field, k, cr)
	cp.criterionAccepts(field, k, cr)
	for j, end := range cr.Strict {
		if !slices.ContainsFunc(k.Params, func(sp ParamSpec) bool { return sp.Bound != "" && sp.Bound == end }) {
			fs.Add(field+".strict["+strconv.Itoa(j)+"]", "strict", "", "%q is not an end of a range criterion %s reads (ends: %s)", coop.Excerpt(end), k.Name, strings.Join(bounds(k.Params), ", "))
		} else if slices.Index(cr.Strict, end) < j {
			fs.Add(field+".strict["+strconv.Itoa(j)+"]", "unique", "", "%q appears twice", end)
		}
	}
	cr.Reference = cmp.Or(cr.Reference, k.Reference, p.Reference)
	var names []string
	names, cr.Params = cp.bindRoles(field, k.Params, cr.Params, "criterion "+quote(cr.ID))
	if cr.Doc == "" {
		cr.Doc = kindDoc(k, cr)
	}
	r := resolved{binder: binder{crit: cr, specs: k.Params, names: names}, kind: k}
	cp.branches(field, k, cr, &r, ids, depth)
	return r, true
}

// branches resolves the criteria a combinator joins, refusing them under
// another kind, and a combinator joining none, or not joining more than
// one.
func (cp *compiler) branches(field string, k *Kind, cr *Criterion, r *resolved, ids map[string]string, depth int) {
	fs := &cp.fs
	switch {
	case k.join == "" && len(cr.Of) > 0:
		fs.Add(field+".of", "of", "", "a criterion of kind %s joins no criteria (combinators: %s, %s, %s)", k.Name, KindAllOf, KindAnyOf, KindNot)
		return
	case k.join == "":
		return
	case len(cr.Of) == 0:
		fs.Add(field+".of", "required", "", "list under of the criteria %s joins", k.Name)
		return
	case k.join == KindNot && len(cr.Of) != 1:
		fs.Add(field+".of", "of", "1", "not takes exactly one criterion, not %d", len(cr.Of))
	case depth+1 >= maxNesting:
		fs.Add(field+".of", "depth", strconv.Itoa(maxNesting), "combinators nest at most %d deep", maxNesting)
		return
	}
	for j := range cr.Of {
		if b, ok := cp.resolve(field+".of["+strconv.Itoa(j)+"]", &cr.Of[j], ids, depth+1); ok {
			r.branches = append(r.branches, b)
		}
	}
}

// criterionAccepts checks the kinds of applicant an applicant-kind
// criterion narrows the programme to: each one the programme accepts,
// once.
func (cp *compiler) criterionAccepts(field string, k *Kind, cr *Criterion) {
	if len(cr.Accepts) > 0 && k.Name != CritApplicantKind {
		cp.fs.Add(field+".accepts", "accepts", "", "only a criterion of kind %s names the kinds of applicant it accepts", CritApplicantKind)
		return
	}
	for j, ak := range cr.Accepts {
		af := field + ".accepts[" + strconv.Itoa(j) + "]"
		switch {
		case !cp.p.AcceptsKind(ak):
			cp.fs.Add(af, "applicant-kind", "", "%q is not a kind of applicant the programme accepts (%s)", coop.Excerpt(string(ak)), kindList(cp.p.Accepts))
		case slices.Index(cr.Accepts, ak) < j:
			cp.fs.Add(af, "unique", "", "%q appears twice", ak)
		}
	}
}

// criterionFact checks the declared fact a criterion of kind k reads: one
// named under facts when the kind reads one, none otherwise.
func (cp *compiler) criterionFact(field string, k *Kind, cr *Criterion) {
	fs := &cp.fs
	switch {
	case k.Fact && cr.Fact == "":
		fs.Add(field+".fact", "required", "", "a criterion of kind %s names the declared fact it reads", k.Name)
	case k.Fact:
		checkName(fs, field+".fact", cr.Fact)
		if _, named := cp.p.Facts[cr.Fact]; !named {
			fs.Add(field+".fact", "fact", "", "name the declared fact %q under facts, in French, Arabic and English, for reasons to show it", cr.Fact)
		}
	case cr.Fact != "":
		fs.Add(field+".fact", "fact", "", "a criterion of kind %s reads no declared fact", k.Name)
	}
}

// grant resolves the programme's grant to its kind and binds its
// parameters.
func (cp *compiler) grant() {
	g := cp.p.Grant
	if g == nil {
		return
	}
	k, ok := cp.s.kinds.grants[g.Kind]
	if !ok {
		cp.unresolved = true
		cp.fs.Add("grant.kind", "kind", "", "unknown grant kind %q (kinds: %s)", coop.Excerpt(g.Kind), strings.Join(cp.s.kinds.grantNames(), ", "))
		return
	}
	cp.e.grant = k
	cp.e.gbind.specs = k.Params
	cp.e.gbind.names, g.Params = cp.bindRoles("grant", k.Params, g.Params, "the grant")
}

// facts checks the declared facts: each read by a criterion and named in
// French.
func (cp *compiler) facts() {
	p, fs := cp.p, &cp.fs
	for _, fact := range slices.Sorted(maps.Keys(p.Facts)) {
		ff := "facts." + fact
		checkName(fs, ff, fact)
		read := false
		walkCriteria(p.Criteria, func(c *Criterion) { read = read || c.Fact == fact })
		if !read {
			fs.Add(ff, "unused", "", "no criterion of %s reads the declared fact %q", p.ID, fact)
		}
		if p.Facts[fact].FR == "" {
			fs.Add(ff+".fr", "required", "", "the fact's French name is required")
		}
	}
}

// informational declares the parameters the programme shows without a
// criterion reading them.
func (cp *compiler) informational() {
	p := cp.p
	for _, name := range slices.Sorted(maps.Keys(p.Informational)) {
		field := "informational." + name
		checkName(&cp.fs, field, name)
		kind := p.Informational[name]
		if !kind.Valid() {
			cp.fs.Add(field, "kind", "", "%q is not a kind of value (%s)", kind, strings.Join(valueKindNames(), ", "))
			continue
		}
		cp.declare(field, name, kind, "the informational parameter")
	}
}

// call checks the i-th call: its ID unique among calls, its values, and
// each parameter read by the programme as the kind of its values.
func (cp *compiler) call(i int, calls map[string]int) {
	p, fs := cp.p, &cp.fs
	call := &p.Calls[i]
	field := "calls[" + strconv.Itoa(i) + "]"
	if prev, dup := calls[call.ID]; dup && call.ID != "" {
		fs.Add(field+".id", "unique", "", "call %q already appears as calls[%d]", call.ID, prev)
	}
	calls[call.ID] = i
	fs.Merge(field, ValidateCall("", *call))
	cp.callSetsParams(field, call)
	for _, prm := range call.Parameters {
		want, ok := cp.e.params[prm.Name]
		pf := field + ".parameters." + prm.Name
		switch {
		case !ok && cp.unresolved:
		case !ok:
			fs.Add(pf, "unused", "", "no criterion of %s reads %q (it reads %s)", p.ID, prm.Name, strings.Join(slices.Sorted(maps.Keys(cp.e.params)), ", "))
		default:
			for j, v := range prm.Values {
				if v.Value.Kind != want {
					vf := pf
					if len(prm.Values) > 1 {
						vf += "[" + strconv.Itoa(j) + "]"
					}
					fs.Add(vf, "kind", string(want), "is a %s, not a %s", want, v.Value.Kind)
				}
			}
		}
	}
}

// callSetsParams checks that the call sets at least one end of each range
// its criteria read (ParamSpec.Bound): the range is open at an end the call
// leaves unset, and a range without either end would silently drop its
// criterion from every decision of the call. A call that sets none of the
// other parameters of a criterion leaves that criterion out of the call,
// as before.
func (cp *compiler) callSetsParams(field string, call *Call) {
	cp.rangesSet(field, call, cp.e.crits)
}

// rangesSet is callSetsParams on list and the criteria each joins.
func (cp *compiler) rangesSet(field string, call *Call, list []resolved) {
	for _, r := range list {
		cp.rangesSet(field, call, r.branches)
		var bounds []string
		set := false
		for i, sp := range r.specs {
			if sp.Bound == "" {
				continue
			}
			bounds = append(bounds, r.names[i])
			if _, ok := call.Parameter(r.names[i]); ok {
				set = true
			}
		}
		if len(bounds) > 0 && !set {
			cp.fs.Add(field+".parameters."+bounds[0], "required", strings.Join(bounds, ","),
				"criterion %s reads a range from %s: the call sets at least one end", quote(r.crit.ID), strings.Join(bounds, " and "))
		}
	}
}

// kindDoc is the kind's doc for a criterion, with its roles and fact
// replaced by the parameters and the fact the criterion reads.
func kindDoc(k *Kind, cr *Criterion) string {
	doc := k.Doc
	for _, sp := range k.Params {
		doc = strings.ReplaceAll(doc, "{"+sp.Role+"}", cr.Params[sp.Role])
	}
	return strings.ReplaceAll(doc, "{fact}", cr.Fact)
}

// bounds lists the ends of the ranges of specs.
func bounds(specs []ParamSpec) []string {
	var out []string
	for _, sp := range specs {
		if sp.Bound != "" {
			out = append(out, sp.Bound)
		}
	}
	if len(out) == 0 {
		return []string{"none"}
	}
	return out
}

func roles(specs []ParamSpec) []string {
	out := make([]string, len(specs))
	for i, sp := range specs {
		out[i] = sp.Role
	}
	return out
}

// cloneProgram returns a deep copy of p: it shares nothing mutable with
// it.
func cloneProgram(p *Program) Program {
	out := *p
	out.Accepts = slices.Clone(p.Accepts)
	if p.Schedule != nil {
		sc := *p.Schedule
		out.Schedule = &sc
	}
	out.Informational = maps.Clone(p.Informational)
	out.Facts = maps.Clone(p.Facts)
	out.Translations = slices.Clone(p.Translations)
	out.Criteria = cloneCriteria(p.Criteria)
	if p.Grant != nil {
		g := *p.Grant
		g.Params = maps.Clone(p.Grant.Params)
		out.Grant = &g
	}
	if p.Calls != nil {
		out.Calls = make([]Call, len(p.Calls))
		for i := range p.Calls {
			out.Calls[i] = cloneCall(p.Calls[i])
		}
	}
	return out
}

// cloneCriteria returns a deep copy of list, the criteria each joins
// included.
func cloneCriteria(list []Criterion) []Criterion {
	out := slices.Clone(list)
	for i := range out {
		out[i].Params = maps.Clone(list[i].Params)
		out[i].Strict = slices.Clone(list[i].Strict)
		out[i].Of = cloneCriteria(list[i].Of)
		out[i].Accepts = slices.Clone(list[i].Accepts)
	}
	return out
}

func cloneCall(c Call) Call {
	out := c
	if c.Parameters != nil {
		out.Parameters = make([]Parameter, len(c.Parameters))
		for i, p := range c.Parameters {
			p.Values = slices.Clone(p.Values)
			for j := range p.Values {
				p.Values[j].Value.List = slices.Clone(p.Values[j].Value.List)
			}
			out.Parameters[i] = p
		}
	}
	out.Phases = slices.Clone(c.Phases)
	for i := range out.Phases {
		out.Phases[i].Regions = slices.Clone(c.Phases[i].Regions)
	}
	return out
}

// ValidateCall checks a call on its own: an ID, an opening date, a closing
// date not before it, parameters with a name and at least one value each,
// in date order, every value of one kind, with known regions, provinces and
// sectors and well-formed branches, ratios between 0 and 1 and
// non-negative numbers, and phases with an ID and known regions. Whether the
// programme reads each parameter, and as which kind, is checked when the
// call joins a programme.
func ValidateCall(op string, call Call) error {
	var fs coop.Fields
	checkName(&fs, "id", call.ID)
	if call.Opens.IsZero() {
		fs.Add("opens", "required", "", "is required")
	}
	if call.Unconfirmed && call.Note == "" {
		fs.Add("note", "required", "", "a call whose dates are unconfirmed needs a note saying what is known")
	}
	if !call.Closes.IsZero() && call.Closes.Before(call.Opens) {
		fs.Add("closes", "after", "opens", "the call closes on %s, before it opens on %s", call.Closes, call.Opens)
	}
	names := map[string]bool{}
	for i, p := range call.Parameters {
		checkParameter(&fs, i, p, names)
	}
	for i, ph := range call.Phases {
		pf := "phases[" + strconv.Itoa(i) + "]"
		if ph.ID == "" {
			fs.Add(pf+".id", "required", "", "is required")
		} else if slices.IndexFunc(call.Phases, func(x Phase) bool { return x.ID == ph.ID }) < i {
			fs.Add(pf+".id", "unique", "", "phase %q appears twice", ph.ID)
		}
		checkValue(&fs, pf+".regions", Regions(ph.Regions...))
	}
	return fs.Err(op, "invalid call")
}

// checkParameter checks the i-th parameter of a call: a name set once
// (among names), a note when unconfirmed, and values in date order, each
// of the first one's kind.
func checkParameter(fs *coop.Fields, i int, p Parameter, names map[string]bool) {
	field := "parameters." + p.Name
	if p.Name == "" {
		fs.Add("parameters["+strconv.Itoa(i)+"]", "required", "", "a parameter needs a name")
		return
	}
	checkName(fs, field, p.Name)
	if names[p.Name] {
		fs.Add(field, "unique", "", "set twice")
	}
	names[p.Name] = true
	if len(p.Values) == 0 {
		fs.Add(field, "required", "", "has no value")
	}
	if p.Unconfirmed && p.Note == "" {
		fs.Add(field+".note", "required", "", "an unconfirmed value needs a note saying what is known")
	}
	for j, v := range p.Values {
		vf := field
		if len(p.Values) > 1 {
			vf = field + "[" + strconv.Itoa(j) + "]"
		}
		if v.Since.IsZero() {
			fs.Add(vf+".since", "required", "", "the date from which the value applies is required")
		}
		if j > 0 && !v.Since.After(p.Values[j-1].Since) {
			fs.Add(vf+".since", "order", "", "values must be in date order")
		}
		if j > 0 && v.Value.Kind != p.Values[0].Value.Kind {
			fs.Add(vf, "kind", string(p.Values[0].Value.Kind), "is a %s, not a %s like the first value", v.Value.Kind, p.Values[0].Value.Kind)
		}
		checkValue(fs, vf, v.Value)
	}
}

// checkValue checks a parameter's value against its kind: numbers not
// negative, amounts of two decimals, ratios from 0 to 1, and the codes of
// a list known.
func checkValue(fs *coop.Fields, field string, v Value) {
	switch v.Kind {
	case IntValue:
		if v.Int < 0 {
			fs.Add(field, "gte", "0", "must not be negative")
		}
	case AmountValue:
		if v.Dec.Sign() < 0 || coop.CheckMAD(v.Dec) != nil {
			fs.Add(field, "amount", "", "must be a non-negative amount with at most two decimals")
		}
	case RatioValue:
		if v.Dec.Sign() < 0 || v.Dec.GreaterThan(one) {
			fs.Add(field, "ratio", "", "must be between 0 and 1")
		}
	case DateValue:
		if v.Date.IsZero() {
			fs.Add(field, "date", "", "a date written YYYY-MM-DD is required")
		}
	case RegionsValue, ProvincesValue, SectorsValue, BranchesValue:
		known, rule, what := listRules[v.Kind].known, listRules[v.Kind].rule, listRules[v.Kind].what
		for _, x := range v.List {
			if !known(x) {
				fs.Add(field, rule, "", "%q is not %s", coop.Excerpt(x), what)
			}
		}
	default:
		fs.Add(field, "kind", "", "unknown kind of value %q", v.Kind)
	}
}

// listRules are the rules of the codes of each kind of list.
var listRules = map[ValueKind]struct {
	known      func(string) bool
	rule, what string
}{
	RegionsValue:   {func(r string) bool { return coop.RegionCode(r).Valid() }, "region", "a region code (MA-01 to MA-12)"},
	ProvincesValue: {func(p string) bool { return coop.ProvinceCode(p).Valid() }, "province", "a province code"},
	SectorsValue:   {func(s string) bool { return coop.Sector(s).Valid() }, "sector", "a sector"},
	BranchesValue: {func(b string) bool {
		_, err := coop.ParseBranch(b)
		return err == nil && b == string(coop.Branch(b))
	}, "branch", "a branch slug"},
}

var one = decimal.NewFromInt(1)
