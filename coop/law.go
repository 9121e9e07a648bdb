package coop

import (
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// The numbers of Law 112-12 on cooperatives (Dahir 1-14-189 of 21 November
// 2014, BO 6318). Each is cited with its article.
const (
	// MinMembers is the minimum number of members of a cooperative, at
	// formation and at all times (art. 14).
	MinMembers = 5
	// MinUnionMembers is the minimum number of member cooperatives of a
	// union (art. 85).
	MinUnionMembers = 3
	// MaxDurationYears is the longest statutory duration (art. 5).
	MaxDurationYears = 99
	// PaidUpYears is the time within which subscribed shares must be fully
	// paid, counted from registration or from the capital increase (art. 26).
	PaidUpYears = 3
	// BoardMembersThreshold: above this many members at the year end a board
	// is mandatory (art. 47).
	BoardMembersThreshold = 50
	// MinDirectors and MaxDirectors bound the board, whose size is a
	// multiple of 3 (art. 50).
	MinDirectors = 3
	MaxDirectors = 12
	// MaxManagers is the most managers a cooperative run without a board
	// may have (art. 65).
	MaxManagers = 3
	// WithdrawalNoticeMonths: a withdrawal request reaches the cooperative at
	// least this many months before the year end (art. 19).
	WithdrawalNoticeMonths = 2
	// WithdrawalAnswerDays: the board answers a withdrawal request within
	// this many days; silence is acceptance (art. 19).
	WithdrawalAnswerDays = 20
	// LegalPersonsVotesDenominator: legal persons hold at most one vote in
	// this many (one third of the votes, art. 38).
	LegalPersonsVotesDenominator = 3
	// ModifyingEntryDays: a modifying entry is filed within this many days of
	// the change (art. 12).
	ModifyingEntryDays = 30
	// NonMemberTradeWaitYears: a cooperative may trade with non-members from
	// this many years after registration (art. 6).
	NonMemberTradeWaitYears = 1
)

var (
	minCapital          = decimal.NewFromInt(1000)          // art. 26
	minShareNominal     = decimal.NewFromInt(100)           // art. 26
	minPaidFraction     = decimal.RequireFromString("0.25") // arts. 7, 26
	minNaturalCapital   = decimal.RequireFromString("0.65") // art. 26
	boardTurnover       = decimal.NewFromInt(5_000_000)     // art. 47
	auditorTurnover     = decimal.NewFromInt(10_000_000)    // art. 72
	legalReserveRate    = decimal.RequireFromString("0.10") // art. 69
	nonMemberTradeShare = decimal.RequireFromString("0.30") // art. 6
)

// MinCapital returns the minimum subscribed capital, 1000.00 MAD (art. 26).
func MinCapital() decimal.Decimal { return minCapital }

// MinShareNominal returns the minimum nominal value of a share, 100.00 MAD
// (art. 26).
func MinShareNominal() decimal.Decimal { return minShareNominal }

// LawInForce is the date from which the numbers of Law 112-12 apply: one
// year after its publication in BO 6318 of 18 December 2014 (art. 108). The
// reference sources give "about December 2015" and, in one place, "July
// 2016"; this date is derived, not read in a primary text.
var LawInForce = MustDate(2015, time.December, 18)

// ConformityDeadline is the last day for a cooperative founded under Law
// 24-83 to register statutes conformed to Law 112-12, set by Law 74-16
// (art. 108).
var ConformityDeadline = MustDate(2019, time.December, 31)

// The IDs of the Law 112-12 checks (programs.md §3). They are stable.
const (
	CheckMembersMin            = "members-min"
	CheckCapitalMin            = "capital-min"
	CheckShareNominalMin       = "share-nominal-min"
	CheckPaidAtSubscription    = "paid-at-subscription"
	CheckPaidWithin3Years      = "paid-within-3-years"
	CheckNaturalPersonsCapital = "natural-persons-capital"
	CheckLegalPersonsVotes     = "legal-persons-votes"
	CheckBoardRequired         = "board-required"
	CheckBoardSize             = "board-size"
	CheckManagersMax           = "managers-max"
	CheckAuditorRequired       = "auditor-required"
	CheckDurationMax           = "duration-max"
	CheckTransition108         = "transition-108"
)

// LawCheckID is the ID of the whole Law 112-12 check.
const LawCheckID = "law-112-12"

// Compliance is the outcome of the Law 112-12 check.
type Compliance string

// The outcomes of the Law 112-12 check.
const (
	Compliant    Compliance = "compliant"
	NonCompliant Compliance = "non-compliant"
	Undetermined Compliance = "undetermined"
)

// Report is the Law 112-12 check of a cooperative at a date: every check
// whose facts are at least partly known, each with its outcome, reason,
// article and parameters.
type Report struct {
	Check   string     `json:"check"`
	AsOf    Date       `json:"as_of"`
	Outcome Compliance `json:"outcome"`
	Results []Result   `json:"results"`
}

// Result returns the result of the check with the given ID.
func (r *Report) Result(id string) (Result, bool) {
	for _, x := range r.Results {
		if x.ID == id {
			return x, true
		}
	}
	return Result{}, false
}

// Failed returns the IDs of the failing checks.
func (r *Report) Failed() []string { return r.ids(Fail) }

// Unknown returns the IDs of the checks whose outcome is unknown.
func (r *Report) Unknown() []string { return r.ids(Unknown) }

func (r *Report) ids(o Outcome) []string {
	var out []string
	for _, x := range r.Results {
		if x.Outcome == o {
			out = append(out, x.ID)
		}
	}
	return out
}

// Combine returns the outcome of a set of results: fail if any fails,
// otherwise unknown if any is unknown, otherwise pass (programs.md §1).
func Combine(results []Result) Outcome {
	out := Pass
	for i := range results {
		if out = out.And(results[i].Outcome); out == Fail {
			break
		}
	}
	return out
}

// And combines two outcomes by the three-valued logic of programs.md §1:
// fail if either fails, otherwise unknown if either is unknown, otherwise
// pass.
func (o Outcome) And(p Outcome) Outcome {
	switch {
	case o == Fail || p == Fail:
		return Fail
	case o == Unknown || p == Unknown:
		return Unknown
	}
	return Pass
}

// CheckLaw runs every Law 112-12 check of programs.md §3 on c at asOf. A
// check whose facts are entirely absent is not reported; a check with
// partial facts is unknown unless the known facts already decide it. The
// governance checks are reported only when c states how it is run. A report
// with no check it could decide (none reported, or every one unknown) is
// Undetermined, never Compliant. CheckLaw never fails: non-compliance is an
// outcome.
func CheckLaw(c *Cooperative, asOf Date) Report {
	rep := Report{Check: LawCheckID, AsOf: asOf, Results: make([]Result, 0, 13)}
	add := func(r Result, ok bool) {
		if ok {
			rep.Results = append(rep.Results, r)
		}
	}
	add(MembersMin(c, asOf))
	add(capitalMinCheck(c, asOf))
	add(shareNominalCheck(c))
	add(paidAtSubscriptionCheck(c, asOf))
	add(paidWithin3YearsCheck(c, asOf))
	add(naturalPersonsCapitalCheck(c, asOf))
	add(legalPersonsVotesCheck(c, asOf))
	if c.Governance.ModeAt(asOf) != "" {
		add(boardRequiredCheck(c, asOf), true)
		add(boardSizeCheck(c, asOf))
		add(managersMaxCheck(c, asOf))
		add(auditorRequiredCheck(c, asOf))
	}
	add(durationCheck(c))
	add(Transition108(c, asOf))
	switch Combine(rep.Results) {
	case Fail:
		rep.Outcome = NonCompliant
	case Unknown:
		rep.Outcome = Undetermined
	case Pass:
		if len(rep.Results) == 0 {
			// No check could be decided: nothing says the cooperative
			// complies (programs.md §3, clarified 2026-12-03).
			rep.Outcome = Undetermined
			break
		}
		rep.Outcome = Compliant
	default:
		rep.Outcome = Compliant
	}
	return rep
}

// Parameters of the law, each in force since LawInForce, written from the
// numbers above.
var (
	paramMinMembers      = []Param{{Name: "min_members", Value: strconv.Itoa(MinMembers), Since: LawInForce}}
	paramMinUnionMembers = []Param{{Name: "min_union_members", Value: strconv.Itoa(MinUnionMembers), Since: LawInForce}}
	paramMinCapital      = []Param{{Name: "min_capital", Value: FormatMAD(minCapital), Since: LawInForce}}
	paramMinNominal      = []Param{{Name: "min_share_nominal", Value: FormatMAD(minShareNominal), Since: LawInForce}}
	paramMinPaid         = []Param{{Name: "min_paid_fraction", Value: minPaidFraction.String(), Since: LawInForce}}
	paramPaidUpYears     = []Param{{Name: "paid_up_years", Value: strconv.Itoa(PaidUpYears), Since: LawInForce}}
	paramNaturalCapital  = []Param{{Name: "min_natural_persons_capital", Value: minNaturalCapital.String(), Since: LawInForce}}
	paramLegalVotes      = []Param{{Name: "max_legal_persons_votes", Value: "1/" + strconv.Itoa(LegalPersonsVotesDenominator), Since: LawInForce}}
	paramBoard           = []Param{{Name: "board_members_threshold", Value: strconv.Itoa(BoardMembersThreshold), Since: LawInForce}, {Name: "board_turnover_threshold", Value: FormatMAD(boardTurnover), Since: LawInForce}}
	paramBoardSize       = []Param{{Name: "min_directors", Value: strconv.Itoa(MinDirectors), Since: LawInForce}, {Name: "max_directors", Value: strconv.Itoa(MaxDirectors), Since: LawInForce}}
	paramManagers        = []Param{{Name: "max_managers", Value: strconv.Itoa(MaxManagers), Since: LawInForce}}
	paramAuditor         = []Param{{Name: "auditor_turnover_threshold", Value: FormatMAD(auditorTurnover), Since: LawInForce}}
	paramDuration        = []Param{{Name: "max_duration_years", Value: strconv.Itoa(MaxDurationYears), Since: LawInForce}}
	paramTransition      = []Param{{Name: "conformity_deadline", Value: ConformityDeadline.String(), Since: MustDate(2017, time.August, 21)}}
)

func result(id string, o Outcome, ref string, params []Param, msg *Message, args ...Arg) Result {
	return Result{ID: id, Outcome: o, Reference: ref, Params: params, Reason: NewReason(msg, args...)}
}

// MembersMin is the members-min check: at least 5 members at asOf, or 3
// member cooperatives for a union (arts. 14, 85). ok is false when neither a
// register nor a member count is given.
func MembersMin(c *Cooperative, asOf Date) (r Result, ok bool) {
	n, known := c.MembersAt(asOf)
	return MembersMinOf(n, known, c.IsUnion(), asOf)
}

// MembersMinOf is the members-min check of a cooperative (a union when
// union is set) that has n members at asOf; known is false when the number
// is not given, and the result is then unknown and not ok.
func MembersMinOf(n int, known, union bool, asOf Date) (r Result, ok bool) {
	kind := KindOf(union)
	min, ref, params := kind.MinMembers(), kind.MembersArticle(), paramMinMembers
	if union {
		params = paramMinUnionMembers
	}
	switch MembersMinOutcome(n, known, union) {
	case Unknown:
		return result(CheckMembersMin, Unknown, ref, params, msgMembersUnknown, IntArg(min)), false
	case Pass:
		return result(CheckMembersMin, Pass, ref, params, msgMembersPass, IntArg(n), DateArg(asOf), IntArg(min)), true
	}
	return result(CheckMembersMin, Fail, ref, params, msgMembersFail, IntArg(n), DateArg(asOf), IntArg(min), IntArg(min-n)), true
}

// MembersMinOutcome is the outcome of MembersMinOf, without its reason:
// pass with at least MinMembers members (MinUnionMembers for a union,
// arts. 14 and 85), unknown when the number is not known.
func MembersMinOutcome(n int, known, union bool) Outcome {
	switch {
	case !known:
		return Unknown
	case n >= KindOf(union).MinMembers():
		return Pass
	}
	return Fail
}

// capitalFacts sums the capital of the members at asOf; known counts the
// members whose share account is known, of n members.
type capitalFacts struct {
	members, known               int
	subscribed, natural, legal   decimal.Decimal
	unknownNatural, unknownLegal int
}

func capitalAt(c *Cooperative, asOf Date) capitalFacts {
	var f capitalFacts
	for i := range c.Members {
		m := &c.Members[i]
		if !m.ActiveAt(asOf, c.RegisteredOn) {
			continue
		}
		f.members++
		k := m.CapitalAt(asOf)
		if !k.HasData {
			if m.Type.IsLegalPerson() {
				f.unknownLegal++
			} else {
				f.unknownNatural++
			}
			continue
		}
		f.known++
		f.subscribed = f.subscribed.Add(k.Subscribed)
		if m.Type.IsLegalPerson() {
			f.legal = f.legal.Add(k.Subscribed)
		} else {
			f.natural = f.natural.Add(k.Subscribed)
		}
	}
	return f
}

func capitalMinCheck(c *Cooperative, asOf Date) (Result, bool) {
	ref := RuleCapitalMin.Article
	f := capitalAt(c, asOf)
	if f.known == 0 {
		return Result{}, false
	}
	switch {
	case !f.subscribed.LessThan(minCapital):
		return result(CheckCapitalMin, Pass, ref, paramMinCapital, msgCapitalPass, AmountArg(f.subscribed), AmountArg(minCapital)), true
	case f.known < f.members:
		return result(CheckCapitalMin, Unknown, ref, paramMinCapital, msgCapitalUnknown, AmountArg(f.subscribed), IntArg(f.members-f.known), AmountArg(minCapital)), true
	}
	return result(CheckCapitalMin, Fail, ref, paramMinCapital, msgCapitalFail, AmountArg(f.subscribed), AmountArg(minCapital), AmountArg(minCapital.Sub(f.subscribed))), true
}

func shareNominalCheck(c *Cooperative) (Result, bool) {
	ref := RuleShareNominalMin.Article
	v := c.Statutes.ShareNominal
	if v.IsZero() {
		return Result{}, false
	}
	if v.LessThan(minShareNominal) {
		return result(CheckShareNominalMin, Fail, ref, paramMinNominal, msgNominalFail, AmountArg(v), AmountArg(minShareNominal)), true
	}
	return result(CheckShareNominalMin, Pass, ref, paramMinNominal, msgNominalPass, AmountArg(v), AmountArg(minShareNominal)), true
}

func paidAtSubscriptionCheck(c *Cooperative, asOf Date) (Result, bool) {
	ref := RulePaidAtSubscription.Article
	subs, unknown, worst := 0, 0, -1
	var worstPaid, worstAmount decimal.Decimal
	for i := range c.Members {
		m := &c.Members[i]
		if !m.ActiveAt(asOf, c.RegisteredOn) {
			continue
		}
		for j := range m.Shares {
			mv := &m.Shares[j]
			if mv.Kind != Subscription || mv.InKind || mv.On.After(asOf) {
				continue
			}
			subs++
			if !mv.Paid.Valid {
				unknown++
				continue
			}
			if mv.Paid.Decimal.LessThan(MinPaidOnSubscribing(mv.Amount)) && worst < 0 {
				worst, worstPaid, worstAmount = m.Number, mv.Paid.Decimal, mv.Amount
				if worst == 0 {
					worst = i + 1
				}
			}
		}
	}
	switch {
	case subs == 0, unknown == subs:
		// No payment at subscription is given for anyone: the facts of the
		// check are absent (programs.md §3).
		return Result{}, false
	case worst >= 0:
		return result(CheckPaidAtSubscription, Fail, ref, paramMinPaid, msgPaidSubFail, IntArg(worst), AmountArg(worstPaid), AmountArg(worstAmount)), true
	case unknown > 0:
		return result(CheckPaidAtSubscription, Unknown, ref, paramMinPaid, msgPaidSubUnknown, IntArg(unknown)), true
	}
	return result(CheckPaidAtSubscription, Pass, ref, paramMinPaid, msgPaidSubPass, IntArg(subs)), true
}

// paidWithin3YearsCheck applies art. 26: the balance of every share is paid
// within 3 years of registration, or of the capital increase for shares
// subscribed later. Each subscription's deadline is therefore 3 years after
// the later of the registration date and the subscription date; for shares
// subscribed at formation that is registered_on + 3 years (programs.md §3).
// A member may leave unpaid only the balance of subscriptions whose deadline
// has not come.
func paidWithin3YearsCheck(c *Cooperative, asOf Date) (Result, bool) {
	if c.RegisteredOn.IsZero() {
		return Result{}, false
	}
	deadline := c.RegisteredOn.AddYears(PaidUpYears)
	paidKnown, due, unknown, shortMember := 0, 0, 0, 0
	var short decimal.Decimal
	var next, shortBy Date
	for i := range c.Members {
		m := &c.Members[i]
		if !m.ActiveAt(asOf, c.RegisteredOn) {
			continue
		}
		k := m.CapitalAt(asOf)
		if !k.HasData {
			continue
		}
		if k.PaidKnown {
			paidKnown++
		}
		isDue, dueBy, allowed, nextHere := subscriptionsDue(m, c.RegisteredOn, asOf)
		if !nextHere.IsZero() && (next.IsZero() || nextHere.Before(next)) {
			next = nextHere
		}
		if !isDue {
			continue
		}
		due++
		if !k.PaidKnown {
			unknown++
			continue
		}
		if gap := k.Unpaid().Sub(allowed); gap.Sign() > 0 && shortMember == 0 {
			short, shortMember, shortBy = gap, m.Number, dueBy
			if shortMember == 0 {
				shortMember = i + 1
			}
		}
	}
	if paidKnown == 0 {
		// Nobody's payment to date is given: the check's facts are absent
		// entirely, and it is not reported (programs.md §3, clarified
		// 2026-12-03).
		return Result{}, false
	}
	return paid3Result(shortMember, short, shortBy, unknown, due, next, deadline), true
}

// paid3Result is the outcome of the art. 26 check: failed for the first
// member short of what was due, unknown when some due payments are, passed
// otherwise, saying the next deadline when none has come.
func paid3Result(shortMember int, short decimal.Decimal, shortBy Date, unknown, due int, next, deadline Date) Result {
	ref := RulePaidWithin3Years.Article
	switch {
	case shortMember != 0:
		return result(CheckPaidWithin3Years, Fail, ref, paramPaidUpYears, msgPaid3Fail, IntArg(shortMember), AmountArg(short), DateArg(shortBy))
	case unknown > 0:
		return result(CheckPaidWithin3Years, Unknown, ref, paramPaidUpYears, msgPaid3Unknown, IntArg(unknown), DateArg(deadline))
	case due == 0:
		return result(CheckPaidWithin3Years, Pass, ref, paramPaidUpYears, msgPaid3NotYet, DateArg(nextDeadlineOr(next, deadline)))
	}
	return result(CheckPaidWithin3Years, Pass, ref, paramPaidUpYears, msgPaid3Pass, DateArg(deadline))
}

// subscriptionsDue looks at the subscriptions of member m of a
// cooperative registered on registered, at asOf: whether a deadline to pay
// one up has passed, the last such, the balance of those whose deadline
// has not come, and the next deadline to come.
func subscriptionsDue(m *Member, registered, asOf Date) (isDue bool, dueBy Date, allowed decimal.Decimal, next Date) {
	for j := range m.Shares {
		mv := &m.Shares[j]
		if mv.Kind != Subscription || mv.On.After(asOf) {
			continue
		}
		start := registered
		if mv.On.After(start) {
			start = mv.On
		}
		dl := start.AddYears(PaidUpYears)
		if asOf.Before(dl) {
			allowed = allowed.Add(mv.Amount).Sub(mv.Paid.Decimal)
			if next.IsZero() || dl.Before(next) {
				next = dl
			}
			continue
		}
		isDue = true
		if dl.After(dueBy) {
			dueBy = dl
		}
	}
	return isDue, dueBy, allowed, next
}

func nextDeadlineOr(d, def Date) Date {
	if d.IsZero() {
		return def
	}
	return d
}

func naturalPersonsCapitalCheck(c *Cooperative, asOf Date) (Result, bool) {
	ref := RuleNaturalPersonsCapital.Article
	if c.IsUnion() {
		return Result{}, false
	}
	f := capitalAt(c, asOf)
	if f.known == 0 || f.subscribed.IsZero() && f.known == f.members {
		return Result{}, false
	}
	var share decimal.Decimal // of the known capital
	if f.subscribed.Sign() > 0 {
		share = f.natural.Div(f.subscribed)
	}
	minArg := PercentArg(minNaturalCapital)
	args := []Arg{PercentArg(share), AmountArg(f.natural), AmountArg(f.subscribed), minArg}
	if f.known == f.members {
		if f.subscribed.Sign() == 0 {
			share = decimal.NewFromInt(1)
			args[0] = PercentArg(share)
		}
		if share.LessThan(minNaturalCapital) {
			return result(CheckNaturalPersonsCapital, Fail, ref, paramNaturalCapital, msgNaturalFail, args...), true
		}
		return result(CheckNaturalPersonsCapital, Pass, ref, paramNaturalCapital, msgNaturalPass, args...), true
	}
	// Partial facts: a natural person's unknown subscription can only raise
	// the natural persons' share, a legal person's only lower it.
	switch {
	case f.subscribed.Sign() > 0 && f.unknownLegal == 0 && !share.LessThan(minNaturalCapital):
		return result(CheckNaturalPersonsCapital, Pass, ref, paramNaturalCapital, msgNaturalPassPartial, append(args, IntArg(f.unknownNatural))...), true
	case f.unknownNatural == 0 && f.legal.Sign() > 0 && share.LessThan(minNaturalCapital):
		return result(CheckNaturalPersonsCapital, Fail, ref, paramNaturalCapital, msgNaturalFailPartial, append(args, IntArg(f.unknownLegal))...), true
	}
	return result(CheckNaturalPersonsCapital, Unknown, ref, paramNaturalCapital, msgNaturalUnknown, PercentArg(share), IntArg(f.members-f.known)), true
}

func legalPersonsVotesCheck(c *Cooperative, asOf Date) (Result, bool) {
	ref := RuleLegalPersonsVotes.Article
	if c.IsUnion() || len(c.Members) == 0 {
		return Result{}, false
	}
	n, legal := 0, 0
	for i := range c.Members {
		m := &c.Members[i]
		if !m.ActiveAt(asOf, c.RegisteredOn) {
			continue
		}
		n++
		if m.Type.IsLegalPerson() {
			legal++
		}
	}
	if n == 0 {
		return Result{}, false
	}
	if LegalPersonsVotesDenominator*legal > n {
		return result(CheckLegalPersonsVotes, Fail, ref, paramLegalVotes, msgLegalVotesFail, IntArg(legal), IntArg(n)), true
	}
	return result(CheckLegalPersonsVotes, Pass, ref, paramLegalVotes, msgLegalVotesPass, IntArg(legal), IntArg(n)), true
}

// tri is a three-valued boolean.
type tri int8

const (
	triFalse tri = iota
	triTrue
	triUnknown
)

func triOf(b bool) tri {
	if b {
		return triTrue
	}
	return triFalse
}

func (a tri) and(b tri) tri {
	if a == triFalse || b == triFalse {
		return triFalse
	}
	if a == triTrue && b == triTrue {
		return triTrue
	}
	return triUnknown
}

func (a tri) or(b tri) tri {
	if a == triTrue || b == triTrue {
		return triTrue
	}
	if a == triFalse && b == triFalse {
		return triFalse
	}
	return triUnknown
}

// turnoverAbove tells whether turnover exceeded limit in each of the two
// last closed financial years before asOf. A year before the year of
// registration had no turnover: the cooperative did not exist.
func turnoverAbove(c *Cooperative, asOf Date, limit decimal.Decimal) tri {
	y := asOf.Year()
	out := triTrue
	for _, year := range []int{y - 1, y - 2} {
		if !c.RegisteredOn.IsZero() && year < c.RegisteredOn.Year() {
			out = triFalse
			continue
		}
		t, ok := c.Turnover[year]
		if !ok {
			out = out.and(triUnknown)
			continue
		}
		out = out.and(triOf(t.GreaterThan(limit)))
	}
	return out
}

// LastYearEndMembersAt returns the number of members at the last closed
// year end before asOf (31 December of the previous year): the stated
// LastYearEndMembers, or a count from the register.
func LastYearEndMembersAt(c *Cooperative, asOf Date) (int, bool) {
	if c.LastYearEndMembers != nil {
		return *c.LastYearEndMembers, true
	}
	if len(c.Members) == 0 {
		return 0, false
	}
	return c.MembersAt(MustDate(asOf.Year()-1, time.December, 31))
}

func boardRequiredCheck(c *Cooperative, asOf Date) Result {
	ref := RuleBoardRequired.Article
	n, known := LastYearEndMembersAt(c, asOf)
	byMembers := triUnknown
	if known {
		byMembers = triOf(n > BoardMembersThreshold)
	}
	required := byMembers.or(turnoverAbove(c, asOf, boardTurnover))
	switch {
	case c.Governance.ModeAt(asOf) == "board":
		return result(CheckBoardRequired, Pass, ref, paramBoard, msgBoardHas)
	case required == triTrue:
		return result(CheckBoardRequired, Fail, ref, paramBoard, msgBoardFail, IntArg(BoardMembersThreshold), AmountArg(boardTurnover))
	case required == triFalse:
		return result(CheckBoardRequired, Pass, ref, paramBoard, msgBoardNotRequired, IntArg(BoardMembersThreshold), AmountArg(boardTurnover))
	}
	return result(CheckBoardRequired, Unknown, ref, paramBoard, msgBoardUnknown, IntArg(BoardMembersThreshold), AmountArg(boardTurnover))
}

func activeOfficers(os []Officer, asOf Date) int {
	n := 0
	for i := range os {
		if os[i].ActiveAt(asOf) {
			n++
		}
	}
	return n
}

// BoardSizeValid reports whether a board of n directors has a lawful
// size: 3 to 12, a multiple of 3 (Law 112-12 art. 50).
func BoardSizeValid(n int) bool { return n >= MinDirectors && n <= MaxDirectors && n%3 == 0 }

// MinPaidOnSubscribing is the least part of a cash subscription of amount
// paid at once: a quarter (Law 112-12 arts. 7, 26).
func MinPaidOnSubscribing(amount decimal.Decimal) decimal.Decimal { return amount.Mul(minPaidFraction) }

func boardSizeCheck(c *Cooperative, asOf Date) (Result, bool) {
	ref := RuleBoardSize.Article
	if c.Governance.ModeAt(asOf) != "board" {
		return Result{}, false
	}
	n := activeOfficers(c.Governance.Directors, asOf)
	if !BoardSizeValid(n) {
		return result(CheckBoardSize, Fail, ref, paramBoardSize, msgBoardSizeFail, IntArg(n)), true
	}
	return result(CheckBoardSize, Pass, ref, paramBoardSize, msgBoardSizePass, IntArg(n)), true
}

func managersMaxCheck(c *Cooperative, asOf Date) (Result, bool) {
	ref := RuleManagersMax.Article
	if c.Governance.ModeAt(asOf) != "managers" {
		return Result{}, false
	}
	n := activeOfficers(c.Governance.Managers, asOf)
	if n > MaxManagers {
		return result(CheckManagersMax, Fail, ref, paramManagers, msgManagersFail, IntArg(n), IntArg(MaxManagers)), true
	}
	return result(CheckManagersMax, Pass, ref, paramManagers, msgManagersPass, IntArg(n), IntArg(MaxManagers)), true
}

func auditorRequiredCheck(c *Cooperative, asOf Date) (Result, bool) {
	ref := RuleAuditorRequired.Article
	required := turnoverAbove(c, asOf, auditorTurnover)
	switch {
	case c.Governance.Auditor != nil:
		return result(CheckAuditorRequired, Pass, ref, paramAuditor, msgAuditorHas), true
	case required == triTrue:
		return result(CheckAuditorRequired, Fail, ref, paramAuditor, msgAuditorFail, AmountArg(auditorTurnover), IntArg(asOf.Year()-2), IntArg(asOf.Year()-1)), true
	case required == triFalse:
		return result(CheckAuditorRequired, Pass, ref, paramAuditor, msgAuditorNotRequired, AmountArg(auditorTurnover)), true
	case len(c.Turnover) == 0:
		// No turnover is given at all: the facts of the check are absent
		// (programs.md §3).
		return Result{}, false
	}
	return result(CheckAuditorRequired, Unknown, ref, paramAuditor, msgAuditorUnknown, IntArg(asOf.Year()-2), IntArg(asOf.Year()-1)), true
}

func durationCheck(c *Cooperative) (Result, bool) {
	ref := RuleDurationMax.Article
	d := c.Statutes.DurationYears
	if d == 0 {
		return Result{}, false
	}
	if d > MaxDurationYears {
		return result(CheckDurationMax, Fail, ref, paramDuration, msgDurationFail, IntArg(d), IntArg(MaxDurationYears)), true
	}
	return result(CheckDurationMax, Pass, ref, paramDuration, msgDurationPass, IntArg(d), IntArg(MaxDurationYears)), true
}

// Transition108 is the transition-108 check, reported only for a
// cooperative founded under Law 24-83: before 2020-01-01 it passes; from
// then on it passes only when the conformed statutes were registered on or
// before 2019-12-31 (art. 108 as amended by Law 74-16).
func Transition108(c *Cooperative, asOf Date) (Result, bool) {
	ref := RuleTransition108.Article
	if c.FoundedUnder != Law2483 {
		return Result{}, false
	}
	conformed := c.ConformedOn
	switch {
	case !conformed.IsZero() && !conformed.After(ConformityDeadline) && !conformed.After(asOf):
		return result(CheckTransition108, Pass, ref, paramTransition, msgTransitionPass, DateArg(conformed), DateArg(ConformityDeadline)), true
	case !asOf.After(ConformityDeadline):
		return result(CheckTransition108, Pass, ref, paramTransition, msgTransitionPending, DateArg(ConformityDeadline)), true
	case conformed.IsZero():
		return result(CheckTransition108, Fail, ref, paramTransition, msgTransitionMissing, DateArg(ConformityDeadline)), true
	}
	return result(CheckTransition108, Fail, ref, paramTransition, msgTransitionLate, DateArg(conformed), DateArg(ConformityDeadline)), true
}

// ConformsToLaw11212 is the law-112-12 criterion of the programmes
// (programs.md §1): the cooperative was founded under Law 112-12, or under
// Law 24-83 with conformed statutes registered on or before asOf and on or
// before 2019-12-31 (art. 108).
func ConformsToLaw11212(c *Cooperative, asOf Date) bool {
	return Conforms(c.FoundedUnder, c.ConformedOn, asOf)
}

// Conforms is ConformsToLaw11212 for a cooperative founded under founded
// whose conformed statutes were registered on conformedOn (zero when not).
func Conforms(founded Law, conformedOn, asOf Date) bool {
	if founded == Law11212 || founded == "" {
		return true
	}
	return !conformedOn.IsZero() && !conformedOn.After(asOf) && !conformedOn.After(ConformityDeadline)
}
