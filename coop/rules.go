package coop

import "slices"

// Rule is a rule of the law the library applies, named by a stable ID and
// cited by the text that states it. A rule of state is one CheckLaw reports
// about a cooperative at a date (its ID is the check's: CheckMembersMin,
// …); a rule of decision is one a registry verb applies to the act that
// changes the register (a majority of votes, a deadline, a ground). A verb
// that refuses a change for a rule names it in Error.Rule and cites its
// article in Error.Article.
type Rule struct {
	// ID is stable: it is stored and matched by callers.
	ID string
	// Article cites the rule's source: "Law 112-12 art. 26".
	Article string
	// State tells a rule CheckLaw reports.
	State bool
}

// The rules of state: the checks of CheckLaw, each with its article.
var (
	RuleMembersMin            = Rule{CheckMembersMin, "Law 112-12 arts. 14, 85", true}
	RuleCapitalMin            = Rule{CheckCapitalMin, "Law 112-12 art. 26", true}
	RuleShareNominalMin       = Rule{CheckShareNominalMin, "Law 112-12 art. 26", true}
	RulePaidAtSubscription    = Rule{CheckPaidAtSubscription, "Law 112-12 arts. 7, 26", true}
	RulePaidWithin3Years      = Rule{CheckPaidWithin3Years, "Law 112-12 art. 26", true}
	RuleNaturalPersonsCapital = Rule{CheckNaturalPersonsCapital, "Law 112-12 art. 26", true}
	RuleLegalPersonsVotes     = Rule{CheckLegalPersonsVotes, "Law 112-12 art. 38", true}
	RuleBoardRequired         = Rule{CheckBoardRequired, "Law 112-12 art. 47", true}
	RuleBoardSize             = Rule{CheckBoardSize, "Law 112-12 art. 50", true}
	RuleManagersMax           = Rule{CheckManagersMax, "Law 112-12 art. 65", true}
	RuleAuditorRequired       = Rule{CheckAuditorRequired, "Law 112-12 art. 72", true}
	RuleDurationMax           = Rule{CheckDurationMax, "Law 112-12 art. 5", true}
	RuleTransition108         = Rule{CheckTransition108, "Law 112-12 art. 108 (Law 74-16)", true}
)

// The rules of decision: what a registry verb asks of the act it records.
var (
	// RuleNameRequest: a name is asked of ODCO by the founders, with the
	// province of the seat.
	RuleNameRequest = Rule{"name-request", "Law 112-12 art. 7; Decree 2-15-617 art. 3", false}
	// RuleNameHeld: a name approved or used is held by one cooperative.
	RuleNameHeld = Rule{"name-held", "Decree 2-15-617 art. 13", false}
	// RuleNameApproval: a cooperative registers under a name approved
	// before its registration, and not used.
	RuleNameApproval = Rule{"name-approval", "Law 112-12 art. 7", false}
	// RuleApprovalValidity: an approval is valid for a period, renewed
	// once when asked within days after it expired.
	RuleApprovalValidity = Rule{"approval-validity", "Decree 2-15-617 art. 4", false}
	// RuleFounding: the founding file — statutes, founders, subscribed
	// capital and first officers.
	RuleFounding = Rule{"founding", "Law 112-12 arts. 5, 7, 11, 14, 26", false}
	// RuleUnionMembers: a union's members are registered cooperatives,
	// each once.
	RuleUnionMembers = Rule{"union-members", "Law 112-12 art. 85", false}
	// RuleActive: the register of a cooperative that is dissolved, in
	// liquidation or struck off changes no more.
	RuleActive = Rule{"active", "Law 112-12 arts. 82-83", false}
	// RuleMemberOnDate: an act about a member names a member on its date.
	RuleMemberOnDate = Rule{"member-on-date", "Law 112-12 art. 17", false}
	// RuleAdmission: a member is admitted by the general assembly and
	// subscribes shares, each cash share a quarter paid.
	RuleAdmission = Rule{"admission", "Law 112-12 arts. 7, 15, 17", false}
	// RuleSubscription: shares subscribed are paid a quarter at
	// subscription.
	RuleSubscription = Rule{"subscription", "Law 112-12 arts. 7, 26", false}
	// RulePaymentDue: a payment pays at most what is unpaid.
	RulePaymentDue = Rule{"payment-due", "Law 112-12 art. 26", false}
	// RuleWithdrawal: a member asks to withdraw once; the withdrawal takes
	// effect at the end of the financial year.
	RuleWithdrawal = Rule{"withdrawal", "Law 112-12 arts. 18-19", false}
	// RuleCapitalFloor: a withdrawal does not take the capital below the
	// floor.
	RuleCapitalFloor = Rule{"capital-floor", "Law 112-12 arts. 18, 26, 30", false}
	// RuleWithdrawalAnswer: the board answers a withdrawal within 20 days,
	// a refusal with its reasons.
	RuleWithdrawalAnswer = Rule{"withdrawal-answer", "Law 112-12 art. 19", false}
	// RuleExclusion: a member is excluded on grounds, by two thirds of the
	// votes of the general assembly.
	RuleExclusion = Rule{"exclusion", "Law 112-12 art. 20", false}
	// RuleDeparture: a membership ends by death or incapacity.
	RuleDeparture = Rule{"departure", "Law 112-12 art. 24", false}
	// RuleShareTransfer: shares pass between members, the giver keeping
	// the minimum the statutes set.
	RuleShareTransfer = Rule{"share-transfer", "Law 112-12 art. 28", false}
	// RuleAssembly: a general assembly meets with its quorum.
	RuleAssembly = Rule{"assembly", "Law 112-12 art. 43", false}
	// RuleTwoThirds: an extraordinary general assembly decides by two
	// thirds of the votes cast.
	RuleTwoThirds = Rule{"two-thirds", "Law 112-12 arts. 42-43", false}
	// RuleManagers: the managers a cooperative without a board appoints.
	RuleManagers = Rule{"managers", "Law 112-12 arts. 65, 87", false}
	// RuleAuditorTerm: an auditor is named for 3 years by the general
	// assembly, or 1 by the statutes.
	RuleAuditorTerm = Rule{"auditor-term", "Law 112-12 art. 72", false}
	// RuleStatutes: amended statutes state what statutes state.
	RuleStatutes = Rule{"statutes", "Law 112-12 arts. 5, 26", false}
	// RuleFinancialYear: the accounts of a closed financial year.
	RuleFinancialYear = Rule{"financial-year", "Law 112-12 art. 68", false}
	// RuleDissolution: a dissolution by the general assembly states its
	// decision.
	RuleDissolution = Rule{"dissolution", "Law 112-12 art. 82", false}
	// RuleLiquidation: a liquidation names its liquidator.
	RuleLiquidation = Rule{"liquidation", "Law 112-12 art. 83", false}
	// RuleStrikeOff: a cooperative is struck off on a ground of art. 13.
	RuleStrikeOff = Rule{"strike-off", "Law 112-12 art. 13", false}
)

// rules is the catalogue, rules of state first, in the order CheckLaw
// reports them.
var rules = []Rule{
	RuleMembersMin, RuleCapitalMin, RuleShareNominalMin, RulePaidAtSubscription, RulePaidWithin3Years,
	RuleNaturalPersonsCapital, RuleLegalPersonsVotes, RuleBoardRequired, RuleBoardSize, RuleManagersMax,
	RuleAuditorRequired, RuleDurationMax, RuleTransition108,
	RuleNameRequest, RuleNameHeld, RuleNameApproval, RuleApprovalValidity, RuleFounding, RuleUnionMembers,
	RuleActive, RuleMemberOnDate, RuleAdmission, RuleSubscription, RulePaymentDue, RuleWithdrawal,
	RuleCapitalFloor, RuleWithdrawalAnswer, RuleExclusion, RuleDeparture, RuleShareTransfer, RuleAssembly,
	RuleTwoThirds, RuleManagers, RuleAuditorTerm, RuleStatutes, RuleFinancialYear, RuleDissolution,
	RuleLiquidation, RuleStrikeOff,
}

// Rules returns the catalogue of the rules of the law the library applies.
func Rules() []Rule { return slices.Clone(rules) }

// RuleByID returns the rule with the given ID.
func RuleByID(id string) (Rule, bool) {
	i := slices.IndexFunc(rules, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		return Rule{}, false
	}
	return rules[i], true
}

// MembersRule is the rule of the member minimum for kind k, citing the
// article that sets it for that kind.
func (k Kind) MembersRule() Rule {
	return Rule{RuleMembersMin.ID, k.MembersArticle(), true}
}
