package programs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/taawun/taawun/coop"
)

// Facts is an applicant described in the shape of the case files
// (package programtest documents the format): a cooperative (or union), or
// a person, and
// optionally a project. It is what users write in YAML case files and post
// to the HTTP adapter; Applicant turns it into an Applicant, checking every
// field.
type Facts struct {
	Cooperative *CaseCooperative `json:"cooperative,omitempty" yaml:"cooperative"`
	Person      *CasePerson      `json:"person,omitempty" yaml:"person"`
	Enterprise  *CaseEnterprise  `json:"enterprise,omitempty" yaml:"enterprise"`
	Project     *CaseProject     `json:"project,omitempty" yaml:"project"`
}

// Text is a scalar written as a string or, in YAML and JSON, as a bare
// number or date; it keeps the text as written, so that amounts never pass
// through a float.
type Text string

// UnmarshalJSON accepts a JSON string or number.
func (t *Text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = Text(s)
		return nil
	}
	if len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')) {
		*t = Text(b)
		return nil
	}
	return fmt.Errorf("expected a string or a number, got %s", coop.Excerpt(string(b)))
}

// UnmarshalYAML accepts any scalar.
func (t *Text) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: expected a value, got a %s", n.Line, kindName(n.Kind))
	}
	*t = Text(n.Value)
	return nil
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

// CaseCooperative is a cooperative in a case file (cases.md, "The applicant").
type CaseCooperative struct {
	Kind               string          `json:"kind,omitempty" yaml:"kind"`
	Name               string          `json:"name,omitempty" yaml:"name"`
	Sector             string          `json:"sector,omitempty" yaml:"sector"`
	Branch             string          `json:"branch,omitempty" yaml:"branch"`
	Province           string          `json:"province,omitempty" yaml:"province"`
	RegisteredOn       Text            `json:"registered_on,omitempty" yaml:"registered_on"`
	Status             string          `json:"status,omitempty" yaml:"status"`
	StatusSince        Text            `json:"status_since,omitempty" yaml:"status_since"`
	FoundedUnder       Text            `json:"founded_under,omitempty" yaml:"founded_under"`
	ConformedOn        Text            `json:"conformed_on,omitempty" yaml:"conformed_on"`
	MemberCount        *int            `json:"member_count,omitempty" yaml:"member_count"`
	Members            []CaseMember    `json:"members,omitempty" yaml:"members"`
	Declared           map[string]bool `json:"declared,omitempty" yaml:"declared"`
	Capital            *CaseCapital    `json:"capital,omitempty" yaml:"capital"`
	Turnover           map[int]Text    `json:"turnover,omitempty" yaml:"turnover"`
	LastYearEndMembers *int            `json:"last_year_end_members,omitempty" yaml:"last_year_end_members"`
	Governance         *CaseGovernance `json:"governance,omitempty" yaml:"governance"`
	DurationYears      *int            `json:"duration_years,omitempty" yaml:"duration_years"`
}

// CaseMember is a member of the register in a case file.
type CaseMember struct {
	Type               string `json:"type,omitempty" yaml:"type"`
	Gender             string `json:"gender,omitempty" yaml:"gender"`
	BirthDate          Text   `json:"birth_date,omitempty" yaml:"birth_date"`
	JoinedOn           Text   `json:"joined_on,omitempty" yaml:"joined_on"`
	LeftOn             Text   `json:"left_on,omitempty" yaml:"left_on"`
	Subscribed         Text   `json:"subscribed,omitempty" yaml:"subscribed"`
	PaidAtSubscription Text   `json:"paid_at_subscription,omitempty" yaml:"paid_at_subscription"`
	Paid               Text   `json:"paid,omitempty" yaml:"paid"`
}

// CaseCapital holds the capital facts of a case file.
type CaseCapital struct {
	ShareNominal Text `json:"share_nominal,omitempty" yaml:"share_nominal"`
}

// CaseGovernance says how the cooperative is run.
type CaseGovernance struct {
	BoardSize *int  `json:"board_size,omitempty" yaml:"board_size"`
	Managers  *int  `json:"managers,omitempty" yaml:"managers"`
	Auditor   *bool `json:"auditor,omitempty" yaml:"auditor"`
}

// CasePerson is a person in a case file.
type CasePerson struct {
	Name      string          `json:"name,omitempty" yaml:"name"`
	BirthDate Text            `json:"birth_date,omitempty" yaml:"birth_date"`
	Gender    string          `json:"gender,omitempty" yaml:"gender"`
	Declared  map[string]bool `json:"declared,omitempty" yaml:"declared"`
}

// CaseEnterprise is an association, a VSE or an auto-entrepreneur in a
// case file.
type CaseEnterprise struct {
	Kind      string          `json:"kind" yaml:"kind"`
	Name      string          `json:"name,omitempty" yaml:"name"`
	CreatedOn Text            `json:"created_on,omitempty" yaml:"created_on"`
	Turnover  Text            `json:"turnover,omitempty" yaml:"turnover"`
	Declared  map[string]bool `json:"declared,omitempty" yaml:"declared"`
}

// CaseProject is a project in a case file.
type CaseProject struct {
	Cost      Text `json:"cost" yaml:"cost"`
	OwnCash   Text `json:"own_cash,omitempty" yaml:"own_cash"`
	OwnInKind Text `json:"own_in_kind,omitempty" yaml:"own_in_kind"`
	// Zone is rural or urban, for benefits whose terms depend on it.
	Zone string `json:"zone,omitempty" yaml:"zone"`
}

// Applicant checks every field of f and returns the applicant it describes,
// or an Invalid *coop.Error listing every problem with its path
// ("cooperative.members[2].birth_date") and rule.
//
// Defaults follow cases.md: kind cooperative, status active, founded under
// 112-12, members natural persons (cooperatives in a union), a member's
// paid defaulting to what was paid at subscription.
func (f *Facts) Applicant() (Applicant, error) {
	var fs coop.Fields
	var a Applicant
	if f.Cooperative != nil {
		c := f.Cooperative.build(&fs)
		a.Cooperative = &c
	}
	if f.Person != nil {
		p := PersonFacts{Name: f.Person.Name, Declared: maps.Clone(f.Person.Declared)}
		p.BirthDate = parseDate(&fs, "person.birth_date", f.Person.BirthDate)
		p.Gender = parseGender(&fs, "person.gender", f.Person.Gender)
		a.Person = &p
	}
	if f.Enterprise != nil {
		a.Enterprise = f.Enterprise.build(&fs)
	}
	if f.Project != nil {
		// An amount not given stays not given: the criteria that read it are
		// unknown (programs.md §2, clarified).
		p, err := NewProject(string(f.Project.Cost), string(f.Project.OwnCash), string(f.Project.OwnInKind))
		if err != nil {
			fs.Merge("project", err)
		} else {
			a.Project = p
		}
		if z := Zone(f.Project.Zone); z != "" {
			if !z.Valid() {
				fs.Add("project.zone", "enum", "rural,urban", "%q is not a zone (rural or urban)", coop.Excerpt(f.Project.Zone))
			} else if a.Project != nil {
				a.Project.Zone = z
			}
		}
	}
	if err := fs.Err("programs.Facts", "invalid applicant"); err != nil {
		return Applicant{}, err
	}
	return a, nil
}

// build reads an enterprise of a case: its kind, one of association, vse
// and auto-entrepreneur, is required.
func (ef *CaseEnterprise) build(fs *coop.Fields) *EnterpriseFacts {
	const p = "enterprise."
	e := &EnterpriseFacts{Kind: ApplicantKind(ef.Kind), Name: ef.Name, Declared: maps.Clone(ef.Declared)}
	switch {
	case ef.Kind == "":
		fs.Add(p+"kind", "required", "", "say what the applicant is: association, vse or auto-entrepreneur")
	case !e.Kind.enterprise():
		fs.Add(p+"kind", "enum", "association,vse,auto-entrepreneur", "%q is not a kind of enterprise (association, vse or auto-entrepreneur)", coop.Excerpt(ef.Kind))
	}
	e.CreatedOn = parseDate(fs, p+"created_on", ef.CreatedOn)
	if ef.Turnover != "" {
		t := parseAmount(fs, p+"turnover", ef.Turnover)
		if t.Sign() < 0 {
			fs.Add(p+"turnover", "dec_gte0", "", "must not be negative")
		}
		e.Turnover = decimal.NewNullDecimal(t)
	}
	return e
}

func parseDate(fs *coop.Fields, field string, t Text) coop.Date {
	if t == "" {
		return coop.Date{}
	}
	d, err := coop.ParseDate(string(t))
	fs.Merge(field, err)
	return d
}

func parseAmount(fs *coop.Fields, field string, t Text) decimal.Decimal {
	if t == "" {
		return decimal.Decimal{}
	}
	d, err := coop.ParseMAD(string(t))
	fs.Merge(field, err)
	return d
}

func parseGender(fs *coop.Fields, field, s string) coop.Gender {
	if s == "" {
		return ""
	}
	g := coop.Gender(s)
	if !g.Valid() {
		fs.Add(field, "enum", "female,male", "%q is not a gender (female or male)", coop.Excerpt(s))
	}
	return g
}

func nonNegative(fs *coop.Fields, field string, n *int) {
	if n != nil && *n < 0 {
		fs.Add(field, "gte", "0", "must not be negative")
	}
}

// maxOfficers bounds the board size and the number of managers a case may
// state: far above the law's 12 directors and 3 managers, so that such
// cases still fail their checks, and low enough that no input makes the
// library allocate without bound.
const maxOfficers = 1000

func (cf *CaseCooperative) build(fs *coop.Fields) coop.Cooperative {
	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212, Name: cf.Name}
	cf.buildPlace(fs, &c)
	cf.buildLife(fs, &c)
	cf.buildFigures(fs, &c)
	cf.buildGovernance(fs, &c)
	defType := coop.Natural
	if c.Kind == coop.KindUnion {
		defType = coop.MemberCooperative
	}
	for i, mf := range cf.Members {
		c.Members = append(c.Members, mf.build(fs, fmt.Sprintf("%smembers[%d].", caseField, i), i+1, defType))
	}
	if len(*fs) == 0 {
		fs.Merge("cooperative", c.Validate())
	}
	return c
}

// caseField prefixes the fields of a case's cooperative.
const caseField = "cooperative."

// buildPlace reads the kind, sector, branch and province of a case.
func (cf *CaseCooperative) buildPlace(fs *coop.Fields, c *coop.Cooperative) {
	const p = caseField
	if cf.Kind != "" {
		c.Kind = coop.Kind(cf.Kind)
		if !c.Kind.Valid() {
			fs.Add(p+"kind", "enum", "cooperative,union", "%q is not a kind (cooperative or union)", coop.Excerpt(cf.Kind))
		}
	}
	if cf.Sector != "" {
		s := coop.Sector(cf.Sector)
		if !s.Valid() {
			fs.Add(p+"sector", "sector", "", "%q is not a sector slug", coop.Excerpt(cf.Sector))
		}
		c.Sector = s
	}
	if cf.Branch != "" {
		b, err := coop.ParseBranch(cf.Branch)
		fs.Merge(p+"branch", err)
		c.Branch = b
	}
	if cf.Province != "" {
		pc := coop.ProvinceCode(cf.Province)
		if !pc.Valid() {
			fs.Add(p+"province", "province", "", "%q is not an ISO 3166-2 province code such as MA-CAS", coop.Excerpt(cf.Province))
		}
		c.Province = pc
	}
}

// buildLife reads the dates, status and law of a case.
func (cf *CaseCooperative) buildLife(fs *coop.Fields, c *coop.Cooperative) {
	const p = caseField
	c.RegisteredOn = parseDate(fs, p+"registered_on", cf.RegisteredOn)
	if cf.Status != "" {
		c.Status = coop.Status(cf.Status)
		if !c.Status.Valid() {
			fs.Add(p+"status", "enum", "", "%q is not a status (active, dissolved, in-liquidation, struck-off)", coop.Excerpt(cf.Status))
		}
	}
	c.StatusSince = parseDate(fs, p+"status_since", cf.StatusSince)
	if cf.FoundedUnder != "" {
		c.FoundedUnder = coop.Law(cf.FoundedUnder)
		if !c.FoundedUnder.Valid() {
			fs.Add(p+"founded_under", "enum", "112-12,24-83", "%q is not a law (112-12 or 24-83)", coop.Excerpt(string(cf.FoundedUnder)))
		}
	}
	c.ConformedOn = parseDate(fs, p+"conformed_on", cf.ConformedOn)
}

// buildFigures reads the counts, duration, declared facts, capital and
// turnover of a case.
func (cf *CaseCooperative) buildFigures(fs *coop.Fields, c *coop.Cooperative) {
	const p = caseField
	nonNegative(fs, p+"member_count", cf.MemberCount)
	nonNegative(fs, p+"last_year_end_members", cf.LastYearEndMembers)
	nonNegative(fs, p+"duration_years", cf.DurationYears)
	if cf.MemberCount != nil {
		n := *cf.MemberCount
		c.MemberCount = &n
	}
	if cf.LastYearEndMembers != nil {
		n := *cf.LastYearEndMembers
		c.LastYearEndMembers = &n
	}
	if cf.DurationYears != nil {
		c.Statutes.DurationYears = *cf.DurationYears
	}
	if len(cf.Declared) > 0 {
		c.Declared = maps.Clone(cf.Declared)
	}
	if cf.Capital != nil {
		c.Statutes.ShareNominal = parseAmount(fs, p+"capital.share_nominal", cf.Capital.ShareNominal)
	}
	if len(cf.Turnover) > 0 {
		c.Turnover = make(map[int]decimal.Decimal, len(cf.Turnover))
		for y, t := range cf.Turnover {
			field := fmt.Sprintf("%sturnover.%d", p, y)
			if y < 1900 || y > 9999 {
				fs.Add(field, "year", "", "%d is not a year", y)
			}
			c.Turnover[y] = parseAmount(fs, field, t)
		}
	}
}

// buildGovernance reads the board, managers and auditor of a case.
func (cf *CaseCooperative) buildGovernance(fs *coop.Fields, c *coop.Cooperative) {
	const p = caseField
	g := cf.Governance
	if g == nil {
		return
	}
	nonNegative(fs, p+"governance.board_size", g.BoardSize)
	nonNegative(fs, p+"governance.managers", g.Managers)
	for _, x := range []struct {
		field string
		n     *int
	}{{"governance.board_size", g.BoardSize}, {"governance.managers", g.Managers}} {
		if x.n != nil && *x.n > maxOfficers {
			fs.Add(p+x.field, "lte", "1000", "%d is not a number of officers (at most %d)", *x.n, maxOfficers)
			*x.n = 0
		}
	}
	board, managers := g.BoardSize != nil && *g.BoardSize > 0, g.Managers != nil && *g.Managers > 0
	if board && managers {
		fs.Add(p+"governance", "board-or-managers", "", "a cooperative is run by a board or by managers, not both (art. 47)")
	}
	if board {
		c.Governance.Directors = make([]coop.Officer, *g.BoardSize)
	}
	if managers {
		c.Governance.Managers = make([]coop.Officer, *g.Managers)
	}
	if g.Auditor != nil && *g.Auditor {
		c.Governance.Auditor = &coop.Auditor{}
	}
}

// build reads the member at mp of a case, numbered number, of type defType
// unless the case says otherwise, with the subscription and payments it
// states.
func (mf *CaseMember) build(fs *coop.Fields, mp string, number int, defType coop.MemberType) coop.Member {
	m := coop.Member{Number: number, Type: defType}
	if mf.Type != "" {
		m.Type = coop.MemberType(mf.Type)
		if !m.Type.Valid() {
			fs.Add(mp+"type", "enum", "natural,legal,cooperative", "%q is not a member type", coop.Excerpt(mf.Type))
		}
	}
	m.Gender = parseGender(fs, mp+"gender", mf.Gender)
	m.BirthDate = parseDate(fs, mp+"birth_date", mf.BirthDate)
	m.JoinedOn = parseDate(fs, mp+"joined_on", mf.JoinedOn)
	m.LeftOn = parseDate(fs, mp+"left_on", mf.LeftOn)
	m.Shares = mf.shares(fs, mp, m.JoinedOn)
	return m
}

// shares reads the subscription of a case's member and what was paid of it,
// at subscribing and since.
func (mf *CaseMember) shares(fs *coop.Fields, mp string, on coop.Date) []coop.ShareMovement {
	sub := parseAmount(fs, mp+"subscribed", mf.Subscribed)
	pas := parseAmount(fs, mp+"paid_at_subscription", mf.PaidAtSubscription)
	paid := parseAmount(fs, mp+"paid", mf.Paid)
	if mf.Subscribed == "" {
		if mf.PaidAtSubscription != "" || mf.Paid != "" {
			fs.Add(mp+"subscribed", "required_with", "paid", "what was paid needs what was subscribed")
		}
		return nil
	}
	mv := coop.ShareMovement{Kind: coop.Subscription, On: on, Amount: sub}
	if mf.PaidAtSubscription != "" {
		mv.Paid = decimal.NewNullDecimal(pas)
	}
	out := []coop.ShareMovement{mv}
	if mf.Paid == "" {
		return out
	}
	rest := paid
	if mf.PaidAtSubscription != "" {
		rest = paid.Sub(pas)
	}
	switch {
	case rest.Sign() < 0:
		fs.Add(mp+"paid", "gte", "paid_at_subscription", "paid to date %s is less than paid at subscription %s", coop.FormatMAD(paid), coop.FormatMAD(pas))
	case rest.Sign() > 0:
		out = append(out, coop.ShareMovement{Kind: coop.Payment, On: on, Amount: rest})
	}
	if paid.GreaterThan(sub) {
		fs.Add(mp+"paid", "lte", "subscribed", "paid %s exceeds subscribed %s", coop.FormatMAD(paid), coop.FormatMAD(sub))
	}
	return out
}
