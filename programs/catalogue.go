package programs

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// CatalogueVersion is the version of the built-in catalogue. It changes
// whenever a programme, call, criterion or parameter of the built-in
// catalogue changes, so that a stored decision names the rules that made it.
const CatalogueVersion = "2026.11.1"

// Catalogue holds programmes, their calls and criteria. The built-in one is
// returned by Default; users add their own calls and programmes with
// AddCall, AddProgram and LoadCalls.
//
// A Catalogue is safe for concurrent use: additions publish a new snapshot
// and never change what a running evaluation reads.
type Catalogue struct {
	mu   sync.Mutex // serialises additions
	snap atomic.Pointer[snapshot]
}

type snapshot struct {
	programs []*Program
	index    map[string]*Program
	version  string
	digest   []byte // running hash of the additions
}

// Default returns a new catalogue holding the programmes of programs.md §2:
// mourafaka, indh-income, craft-casa-settat, moazara, lalla-al-moutaaouina,
// generation-solidaire, piae and motatawi3. Each call returns its own copy,
// which the caller may extend.
func Default() *Catalogue {
	c := &Catalogue{}
	s := &snapshot{index: map[string]*Program{}, version: CatalogueVersion}
	for _, p := range builtin() {
		p := p
		s.programs = append(s.programs, &p)
		s.index[p.ID] = &p
	}
	c.snap.Store(s)
	return c
}

// Version returns the catalogue's version: CatalogueVersion for the
// built-in catalogue, followed by "+" and a digest of the additions when
// calls or programmes were added.
func (c *Catalogue) Version() string { return c.snap.Load().version }

// Program returns the programme with the given ID. The returned value
// shares nothing mutable with the catalogue's criteria; its Calls slice is
// the caller's to change.
func (c *Catalogue) Program(id string) (*Program, bool) {
	p, ok := c.snap.Load().index[id]
	return p, ok
}

// Programs returns copies of every programme, in catalogue order.
func (c *Catalogue) Programs() []Program {
	s := c.snap.Load()
	out := make([]Program, len(s.programs))
	for i, p := range s.programs {
		out[i] = *p
		out[i].Calls = slices.Clone(p.Calls)
	}
	return out
}

// ProgramIDs returns the IDs of the programmes, in catalogue order.
func (c *Catalogue) ProgramIDs() []string {
	s := c.snap.Load()
	out := make([]string, len(s.programs))
	for i, p := range s.programs {
		out[i] = p.ID
	}
	return out
}

// AddCall adds a call to the programme programID: a province's INDH call
// with its sectors and dates, a new edition of a prize. The call is
// validated first (see ValidateCall); an invalid call or an ID already used
// by a call of the programme is an error, and the catalogue is unchanged.
func (c *Catalogue) AddCall(programID string, call Call) error {
	return c.addCalls("programs.AddCall", []ProgramCall{{Program: programID, Call: call}}, nil)
}

// ProgramCall is a call with the ID of the programme it belongs to.
type ProgramCall struct {
	Program string `json:"program"`
	Call    Call   `json:"call"`
}

// addCalls validates every call and adds them all, or none. fieldOf, when
// set, names the field path of the i-th call in errors.
func (c *Catalogue) addCalls(op string, calls []ProgramCall, fieldOf func(i int) string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.snap.Load()
	var fs coop.Fields
	updated := map[string]*Program{}
	var order []string
	for i, pc := range calls {
		prefix := ""
		if fieldOf != nil {
			prefix = fieldOf(i) + "."
		}
		p, ok := updated[pc.Program]
		if !ok {
			orig, found := s.index[pc.Program]
			if !found {
				if len(calls) == 1 && fieldOf == nil {
					return &coop.Error{Code: coop.NotFound, Op: op, Message: "unknown programme " + quote(pc.Program),
						Fields: []coop.FieldError{{Field: "program", Rule: "program", Message: "not in the catalogue"}}}
				}
				fs.Add(prefix+"program", "program", "", "unknown programme %q", pc.Program)
				continue
			}
			cp := *orig
			cp.Calls = slices.Clone(orig.Calls)
			p = &cp
			updated[pc.Program] = p
			order = append(order, pc.Program)
		}
		if _, dup := p.Call(pc.Call.ID); dup {
			if len(calls) == 1 && fieldOf == nil {
				return &coop.Error{Code: coop.Conflict, Op: op, Message: "call " + quote(pc.Call.ID) + " already exists in " + pc.Program,
					Fields: []coop.FieldError{{Field: "id", Rule: "unique", Message: "a call with this ID exists"}}}
			}
			fs.Add(prefix+"id", "unique", "", "call %q already exists in %s", pc.Call.ID, pc.Program)
			continue
		}
		err := ValidateCall(op, pc.Call)
		if err == nil {
			err = checkReads(op, p, pc.Call)
		}
		if err != nil {
			if fieldOf == nil {
				return err
			}
			fs.Merge(fieldOf(i), err)
			continue
		}
		p.Calls = append(p.Calls, cloneCall(pc.Call))
	}
	if err := fs.Err(op, "invalid calls"); err != nil {
		return err
	}
	for _, id := range order {
		s = c.publishLocked(s, updated[id], calls)
	}
	return nil
}

// AddProgram adds a programme defined in Go: its ID, whom it accepts, its
// calls and its criteria. An ID already in the catalogue, a criterion
// without ID or Bind, two criteria with one ID, or an invalid call is an
// error, and the catalogue is unchanged.
func (c *Catalogue) AddProgram(p Program) error {
	const op = "programs.AddProgram"
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.snap.Load()
	var fs coop.Fields
	if p.ID == "" {
		fs.Add("id", "required", "", "is required")
	}
	if _, dup := s.index[p.ID]; dup {
		return &coop.Error{Code: coop.Conflict, Op: op, Message: "programme " + quote(p.ID) + " already exists",
			Fields: []coop.FieldError{{Field: "id", Rule: "unique", Message: "a programme with this ID exists"}}}
	}
	if len(p.Accepts) == 0 {
		fs.Add("accepts", "required", "", "say which applicants the programme accepts")
	}
	seen := map[string]bool{}
	for i, cr := range p.Criteria {
		if cr.ID == "" || cr.Bind == nil {
			fs.Add("criteria["+strconv.Itoa(i)+"]", "required", "", "a criterion needs an ID and a Bind function")
		}
		if seen[cr.ID] {
			fs.Add("criteria["+strconv.Itoa(i)+"].id", "unique", "", "criterion %q appears twice", cr.ID)
		}
		seen[cr.ID] = true
	}
	calls := map[string]bool{}
	for i, call := range p.Calls {
		fs.Merge("calls["+strconv.Itoa(i)+"]", ValidateCall(op, call))
		fs.Merge("calls["+strconv.Itoa(i)+"]", checkReads(op, &p, call))
		if calls[call.ID] {
			fs.Add("calls["+strconv.Itoa(i)+"].id", "unique", "", "call %q appears twice", call.ID)
		}
		calls[call.ID] = true
	}
	if err := fs.Err(op, "invalid programme"); err != nil {
		return err
	}
	np := p
	np.Calls = make([]Call, len(p.Calls))
	for i := range p.Calls {
		np.Calls[i] = cloneCall(p.Calls[i])
	}
	np.Criteria = slices.Clone(p.Criteria)
	c.publishLocked(s, &np, struct {
		ID       string   `json:"id"`
		Calls    []Call   `json:"calls"`
		Criteria []string `json:"criteria"`
	}{np.ID, np.Calls, criterionIDs(&np)})
	return nil
}

func criterionIDs(p *Program) []string {
	out := make([]string, len(p.Criteria))
	for i, c := range p.Criteria {
		out[i] = c.ID
	}
	return out
}

// publishLocked stores and returns a snapshot in which p replaces (or
// joins) the programmes, folding what was added into the version digest.
// c.mu must be held.
func (c *Catalogue) publishLocked(s *snapshot, p *Program, added any) *snapshot {
	ns := &snapshot{index: make(map[string]*Program, len(s.index)+1)}
	replaced := false
	for _, q := range s.programs {
		if q.ID == p.ID {
			q, replaced = p, true
		}
		ns.programs = append(ns.programs, q)
		ns.index[q.ID] = q
	}
	if !replaced {
		ns.programs = append(ns.programs, p)
		ns.index[p.ID] = p
	}
	b, _ := json.Marshal(added)
	h := sha256.New()
	h.Write(s.digest)
	h.Write(b)
	ns.digest = h.Sum(nil)
	base, _, _ := cutPlus(s.version)
	ns.version = base + "+" + hex.EncodeToString(ns.digest[:6])
	c.snap.Store(ns)
	return ns
}

func cutPlus(v string) (string, string, bool) {
	for i := 0; i < len(v); i++ {
		if v[i] == '+' {
			return v[:i], v[i+1:], true
		}
	}
	return v, "", false
}

func cloneCall(c Call) Call {
	out := c
	out.Parameters = make([]Parameter, len(c.Parameters))
	for i, p := range c.Parameters {
		p.Values = slices.Clone(p.Values)
		for j := range p.Values {
			p.Values[j].Value.List = slices.Clone(p.Values[j].Value.List)
		}
		out.Parameters[i] = p
	}
	out.Phases = slices.Clone(c.Phases)
	return out
}

// ParameterKinds gives the kind of every parameter name the catalogue's
// criteria read. A call loaded from a file may set only these.
var ParameterKinds = map[string]ValueKind{
	"max_existence_years":   IntValue,
	"min_experience_years":  IntValue,
	"quota":                 IntValue,
	"regions":               RegionsValue,
	"provinces":             ProvincesValue,
	"sectors":               SectorsValue,
	"branches":              BranchesValue,
	"youth_min_age":         IntValue,
	"youth_max_age":         IntValue,
	"min_age":               IntValue,
	"max_age":               IntValue,
	"min_women_youth_share": RatioValue,
	"grant_rate":            RatioValue,
	"grant_cap":             AmountValue,
	"award":                 AmountValue,
	"min_own_rate":          RatioValue,
	"max_in_kind_share":     RatioValue,
}

// ValidateCall checks a call: an ID, an opening date, a closing date not
// before it, parameters with at least one value each, in date order, of the
// right kind, with known regions, provinces and sectors and well-formed
// branches, ratios between 0 and 1 and non-negative numbers.
func ValidateCall(op string, call Call) error {
	var fs coop.Fields
	if call.ID == "" {
		fs.Add("id", "required", "", "is required")
	}
	if call.Opens.IsZero() {
		fs.Add("opens", "required", "", "is required")
	}
	if !call.Closes.IsZero() && call.Closes.Before(call.Opens) {
		fs.Add("closes", "after", "opens", "the call closes on %s, before it opens on %s", call.Closes, call.Opens)
	}
	names := map[string]bool{}
	for i, p := range call.Parameters {
		field := "parameters." + p.Name
		if p.Name == "" {
			fs.Add("parameters["+strconv.Itoa(i)+"]", "required", "", "a parameter needs a name")
			continue
		}
		if names[p.Name] {
			fs.Add(field, "unique", "", "set twice")
		}
		names[p.Name] = true
		if len(p.Values) == 0 {
			fs.Add(field, "required", "", "has no value")
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
			if want, ok := ParameterKinds[p.Name]; ok && v.Value.Kind != want {
				fs.Add(vf, "kind", string(want), "is a %s, not a %s", want, v.Value.Kind)
			}
			checkValue(&fs, vf, v.Value)
		}
	}
	for i, ph := range call.Phases {
		if ph.ID == "" {
			fs.Add("phases["+strconv.Itoa(i)+"].id", "required", "", "is required")
		}
		checkValue(&fs, "phases["+strconv.Itoa(i)+"].regions", Regions(ph.Regions...))
	}
	return fs.Err(op, "invalid call")
}

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
	case RegionsValue:
		for _, r := range v.List {
			if !coop.RegionCode(r).Valid() {
				fs.Add(field, "region", "", "%q is not a region code (MA-01 to MA-12)", r)
			}
		}
	case ProvincesValue:
		for _, p := range v.List {
			if !coop.ProvinceCode(p).Valid() {
				fs.Add(field, "province", "", "%q is not a province code", p)
			}
		}
	case SectorsValue:
		for _, s := range v.List {
			if !coop.Sector(s).Valid() {
				fs.Add(field, "sector", "", "%q is not a sector", s)
			}
		}
	case BranchesValue:
		for _, b := range v.List {
			if _, err := coop.ParseBranch(b); err != nil || b != string(coop.Branch(b)) {
				fs.Add(field, "branch", "", "%q is not a branch slug", b)
			}
		}
	default:
		fs.Add(field, "kind", "", "unknown kind of value %q", v.Kind)
	}
}

var one = decimal.NewFromInt(1)

// DeclaredFacts returns the declared facts the catalogue's criteria read,
// such as "disadvantaged-members".
func (c *Catalogue) DeclaredFacts() []string {
	var out []string
	for _, p := range c.snap.Load().programs {
		for _, cr := range p.Criteria {
			if cr.Fact != "" && !slices.Contains(out, cr.Fact) {
				out = append(out, cr.Fact)
			}
		}
	}
	slices.Sort(out)
	return out
}

// checkReads refuses a call parameter that nothing of the programme reads:
// it would be silently ignored.
func checkReads(op string, p *Program, call Call) error {
	var fs coop.Fields
	for _, prm := range call.Parameters {
		if !p.ReadsParam(prm.Name) {
			fs.Add("parameters."+prm.Name, "unused", "", "no criterion of %s reads %q", p.ID, prm.Name)
		}
	}
	return fs.Err(op, "invalid call")
}
