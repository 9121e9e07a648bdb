package bench

// Rule is one criterion of a programme written as a cel-go expression and
// as an expr-lang expression, with the criterion's ID in Taawun.
//
// The CEL expressions see the cooperative as c (a map, from FactsMap) and
// the date as as_of (a timestamp); the expr expressions see C (a Facts) and
// AsOf (a time.Time). Both call addYears, AddYears registered with the
// engine.
type Rule struct {
	ID   string
	CEL  string
	Expr string
}

// Ruleset is a programme's criteria at one call, as a user would write them
// for a rule engine: the parameters of the call are literals in the
// expressions.
type Ruleset struct {
	Program string
	Call    string
	Rules   []Rule
}

var (
	applicantKind = Rule{ID: "applicant-kind",
		CEL:  `c.Kind == "cooperative"`,
		Expr: `C.Kind == "cooperative"`}
	registered = Rule{ID: "registered",
		CEL:  `c.Registered && c.RegisteredOn <= as_of && (c.Status == "active" || (c.HasStatusSince && as_of < c.StatusSince))`,
		Expr: `C.Registered && C.RegisteredOn <= AsOf && (C.Status == "active" || (C.HasStatusSince && AsOf < C.StatusSince))`}
)

// Rulesets are the criteria of Mourafaka's 4th tranche and of the INDH
// income improvement call of 2023 (programs/CATALOGUE.md), as
// reported on 2023-06-30: Mourafaka's call has no closing date and no phase
// is named, so neither call-window nor region is reported; INDH's request
// has no project, so neither own-contribution nor in-kind-cap is.
var Rulesets = []Ruleset{
	{Program: "mourafaka", Call: "mourafaka-t4", Rules: []Rule{
		applicantKind,
		registered,
		{ID: "existence-max",
			CEL:  `c.Registered && c.RegisteredOn <= as_of && as_of <= addYears(c.RegisteredOn, 4)`,
			Expr: `C.Registered && C.RegisteredOn <= AsOf && AsOf <= addYears(C.RegisteredOn, 4)`},
	}},
	{Program: "indh-income", Call: "indh-income-2023", Rules: []Rule{
		applicantKind,
		registered,
		{ID: "law-112-12",
			CEL:  `c.FoundedUnder == "112-12" || (c.Conformed && c.ConformedOn <= as_of && c.ConformedOn <= timestamp("2019-12-31T00:00:00Z"))`,
			Expr: `C.FoundedUnder == "112-12" || (C.Conformed && C.ConformedOn <= AsOf && C.ConformedOn <= date("2019-12-31", "2006-01-02", "UTC"))`},
		{ID: "sector",
			CEL:  `c.Sector in ["agriculture", "handicraft", "services", "tourism", "fishing"]`,
			Expr: `C.Sector in ["agriculture", "handicraft", "services", "tourism", "fishing"]`},
		{ID: "call-window",
			CEL:  `timestamp("2023-01-01T00:00:00Z") <= as_of && as_of <= timestamp("2023-12-31T00:00:00Z")`,
			Expr: `date("2023-01-01", "2006-01-02", "UTC") <= AsOf && AsOf <= date("2023-12-31", "2006-01-02", "UTC")`},
		// Members at as_of who are women or aged 18 to 35 are strictly more
		// than 30 %: young means addYears(birth, 18) <= as_of < addYears(birth, 36).
		{ID: "women-youth-share",
			CEL: `cel.bind(active, c.Members.filter(m, m.JoinedOn <= as_of && (!m.Left || as_of < m.LeftOn)),
				active.size() > 0 &&
				active.filter(m, m.Female || (m.HasBirth && addYears(m.Birth, 18) <= as_of && as_of < addYears(m.Birth, 36))).size() * 10 > active.size() * 3)`,
			Expr: `let active = filter(C.Members, .JoinedOn <= AsOf && (!.Left || AsOf < .LeftOn));
				len(active) > 0 &&
				count(active, .Female || (.HasBirth && addYears(.Birth, 18) <= AsOf && AsOf < addYears(.Birth, 36))) * 10 > len(active) * 3`},
	}},
}

// all joins the expressions of rules with &&, each in parentheses: the
// programme's outcome in one expression, evaluated with short-circuit.
func all(rules []Rule, expr func(Rule) string) string {
	s := ""
	for i, r := range rules {
		if i > 0 {
			s += " && "
		}
		s += "(" + expr(r) + ")"
	}
	return s
}
