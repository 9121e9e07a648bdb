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
	// Title names the rule in each language.
	Title Names
}

// The rules of state: the checks of CheckLaw, each with its article.
var (
	RuleMembersMin            = Rule{CheckMembersMin, "Law 112-12 arts. 14, 85", true, Names{FR: "nombre minimum d'adhérents", AR: "الحد الأدنى لعدد الأعضاء", EN: "member minimum"}}
	RuleCapitalMin            = Rule{CheckCapitalMin, "Law 112-12 art. 26", true, Names{FR: "capital minimum", AR: "الحد الأدنى لرأس المال", EN: "minimum capital"}}
	RuleShareNominalMin       = Rule{CheckShareNominalMin, "Law 112-12 art. 26", true, Names{FR: "valeur minimale de la part sociale", AR: "الحد الأدنى لقيمة الحصة", EN: "minimum share value"}}
	RulePaidAtSubscription    = Rule{CheckPaidAtSubscription, "Law 112-12 arts. 7, 26", true, Names{FR: "libération du quart à la souscription", AR: "تحرير الربع عند الاكتتاب", EN: "a quarter paid on subscribing"}}
	RulePaidWithin3Years      = Rule{CheckPaidWithin3Years, "Law 112-12 art. 26", true, Names{FR: "libération intégrale dans les trois ans", AR: "التحرير الكامل داخل ثلاث سنوات", EN: "fully paid within three years"}}
	RuleNaturalPersonsCapital = Rule{CheckNaturalPersonsCapital, "Law 112-12 art. 26", true, Names{FR: "part du capital des personnes physiques", AR: "حصة الأشخاص الذاتيين من رأس المال", EN: "natural persons' share of the capital"}}
	RuleLegalPersonsVotes     = Rule{CheckLegalPersonsVotes, "Law 112-12 art. 38", true, Names{FR: "voix des personnes morales", AR: "أصوات الأشخاص الاعتباريين", EN: "legal persons' votes"}}
	RuleBoardRequired         = Rule{CheckBoardRequired, "Law 112-12 art. 47", true, Names{FR: "conseil d'administration obligatoire", AR: "إلزامية مجلس الإدارة", EN: "board required"}}
	RuleBoardSize             = Rule{CheckBoardSize, "Law 112-12 art. 50", true, Names{FR: "composition du conseil d'administration", AR: "تركيبة مجلس الإدارة", EN: "size of the board"}}
	RuleManagersMax           = Rule{CheckManagersMax, "Law 112-12 art. 65", true, Names{FR: "nombre maximum de gérants", AR: "الحد الأقصى لعدد المسيرين", EN: "most managers"}}
	RuleAuditorRequired       = Rule{CheckAuditorRequired, "Law 112-12 art. 72", true, Names{FR: "commissaire aux comptes obligatoire", AR: "إلزامية مراقب الحسابات", EN: "auditor required"}}
	RuleDurationMax           = Rule{CheckDurationMax, "Law 112-12 art. 5", true, Names{FR: "durée maximale de la coopérative", AR: "المدة القصوى للتعاونية", EN: "longest duration"}}
	RuleTransition108         = Rule{CheckTransition108, "Law 112-12 art. 108 (Law 74-16)", true, Names{FR: "mise en conformité des statuts", AR: "ملاءمة النظام الأساسي", EN: "statutes conformed"}}
)

// The rules of decision: what a registry verb asks of the act it records.
var (
	// RuleNameRequest: a name is asked of ODCO by the founders, with the
	// province of the seat.
	RuleNameRequest = Rule{"name-request", "Law 112-12 art. 7; Decree 2-15-617 art. 3", false, Names{FR: "demande de certificat négatif", AR: "طلب الشهادة السلبية", EN: "name request"}}
	// RuleNameHeld: a name approved or used is held by one cooperative.
	RuleNameHeld = Rule{"name-held", "Decree 2-15-617 art. 13", false, Names{FR: "nom déjà retenu", AR: "اسم محجوز", EN: "name held"}}
	// RuleNameApproval: a cooperative registers under a name approved
	// before its registration, and not used.
	RuleNameApproval = Rule{"name-approval", "Law 112-12 art. 7", false, Names{FR: "certificat négatif préalable", AR: "الشهادة السلبية المسبقة", EN: "name approval"}}
	// RuleApprovalValidity: an approval is valid for a period, renewed
	// once when asked within days after it expired.
	RuleApprovalValidity = Rule{"approval-validity", "Decree 2-15-617 art. 4", false, Names{FR: "validité du certificat négatif", AR: "صلاحية الشهادة السلبية", EN: "validity of the name approval"}}
	// RuleFounding: the founding file — statutes, founders, subscribed
	// capital and first officers.
	RuleFounding = Rule{"founding", "Law 112-12 arts. 5, 7, 11, 14, 26", false, Names{FR: "dossier de constitution", AR: "ملف التأسيس", EN: "founding file"}}
	// RuleUnionMembers: a union's members are registered cooperatives,
	// each once.
	RuleUnionMembers = Rule{"union-members", "Law 112-12 art. 85", false, Names{FR: "membres d'une union", AR: "أعضاء الاتحاد", EN: "members of a union"}}
	// RuleActive: the register of a cooperative that is dissolved, in
	// liquidation or struck off changes no more.
	RuleActive = Rule{"active", "Law 112-12 arts. 82-83", false, Names{FR: "coopérative en activité", AR: "تعاونية في حالة نشاط", EN: "active cooperative"}}
	// RuleMemberOnDate: an act about a member names a member on its date.
	RuleMemberOnDate = Rule{"member-on-date", "Law 112-12 art. 17", false, Names{FR: "qualité d'adhérent à la date de l'acte", AR: "صفة العضو في تاريخ العقد", EN: "member on the date"}}
	// RuleAdmission: a member is admitted by the general assembly and
	// subscribes shares, each cash share a quarter paid.
	RuleAdmission = Rule{"admission", "Law 112-12 arts. 7, 15, 17", false, Names{FR: "admission d'un adhérent", AR: "قبول عضو جديد", EN: "admission of a member"}}
	// RuleSubscription: shares subscribed are paid a quarter at
	// subscription.
	RuleSubscription = Rule{"subscription", "Law 112-12 arts. 7, 26", false, Names{FR: "souscription de parts", AR: "اكتتاب الحصص", EN: "subscription of shares"}}
	// RulePaymentDue: a payment pays at most what is unpaid.
	RulePaymentDue = Rule{"payment-due", "Law 112-12 art. 26", false, Names{FR: "libération du montant dû", AR: "أداء المبلغ المستحق", EN: "payment of what is due"}}
	// RuleWithdrawal: a member asks to withdraw once; the withdrawal takes
	// effect at the end of the financial year.
	RuleWithdrawal = Rule{"withdrawal", "Law 112-12 arts. 18-19", false, Names{FR: "retrait d'un adhérent", AR: "انسحاب عضو", EN: "withdrawal of a member"}}
	// RuleCapitalFloor: a withdrawal does not take the capital below the
	// floor.
	RuleCapitalFloor = Rule{"capital-floor", "Law 112-12 arts. 18, 26, 30", false, Names{FR: "plancher du capital", AR: "الحد الأدنى لرأس المال عند الانسحاب", EN: "capital floor"}}
	// RuleWithdrawalAnswer: the board answers a withdrawal within 20 days,
	// a refusal with its reasons.
	RuleWithdrawalAnswer = Rule{"withdrawal-answer", "Law 112-12 art. 19", false, Names{FR: "réponse du conseil à une demande de retrait", AR: "جواب المجلس على طلب الانسحاب", EN: "the board's answer to a withdrawal"}}
	// RuleExclusion: a member is excluded on grounds, by two thirds of the
	// votes of the general assembly.
	RuleExclusion = Rule{"exclusion", "Law 112-12 art. 20", false, Names{FR: "exclusion d'un adhérent", AR: "إقصاء عضو", EN: "exclusion of a member"}}
	// RuleDeparture: a membership ends by death or incapacity.
	RuleDeparture = Rule{"departure", "Law 112-12 art. 24", false, Names{FR: "perte de la qualité d'adhérent", AR: "فقدان صفة العضو", EN: "end of a membership"}}
	// RuleShareTransfer: shares pass between members, the giver keeping
	// the minimum the statutes set.
	RuleShareTransfer = Rule{"share-transfer", "Law 112-12 art. 28", false, Names{FR: "cession de parts", AR: "تفويت الحصص", EN: "transfer of shares"}}
	// RuleAssembly: a general assembly meets with its quorum.
	RuleAssembly = Rule{"assembly", "Law 112-12 art. 43", false, Names{FR: "quorum de l'assemblée générale", AR: "نصاب الجمع العام", EN: "quorum of the general assembly"}}
	// RuleTwoThirds: an extraordinary general assembly decides by two
	// thirds of the votes cast.
	RuleTwoThirds = Rule{"two-thirds", "Law 112-12 arts. 42-43", false, Names{FR: "majorité des deux tiers", AR: "أغلبية الثلثين", EN: "two-thirds majority"}}
	// RuleManagers: the managers a cooperative without a board appoints.
	RuleManagers = Rule{"managers", "Law 112-12 arts. 65, 87", false, Names{FR: "nomination des gérants", AR: "تعيين المسيرين", EN: "appointment of managers"}}
	// RuleAuditorTerm: an auditor is named for 3 years by the general
	// assembly, or 1 by the statutes.
	RuleAuditorTerm = Rule{"auditor-term", "Law 112-12 art. 72", false, Names{FR: "mandat du commissaire aux comptes", AR: "مدة مهمة مراقب الحسابات", EN: "auditor's term"}}
	// RuleStatutes: amended statutes state what statutes state.
	RuleStatutes = Rule{"statutes", "Law 112-12 arts. 5, 26", false, Names{FR: "contenu des statuts", AR: "مضمون النظام الأساسي", EN: "content of the statutes"}}
	// RuleFinancialYear: the accounts of a closed financial year.
	RuleFinancialYear = Rule{"financial-year", "Law 112-12 art. 68", false, Names{FR: "exercice clos", AR: "السنة المالية المختتمة", EN: "closed financial year"}}
	// RuleDissolution: a dissolution by the general assembly states its
	// decision.
	RuleDissolution = Rule{"dissolution", "Law 112-12 art. 82", false, Names{FR: "dissolution", AR: "حل التعاونية", EN: "dissolution"}}
	// RuleLiquidation: a liquidation names its liquidator.
	RuleLiquidation = Rule{"liquidation", "Law 112-12 art. 83", false, Names{FR: "liquidation", AR: "التصفية", EN: "liquidation"}}
	// RuleStrikeOff: a cooperative is struck off on a ground of art. 13.
	RuleStrikeOff = Rule{"strike-off", "Law 112-12 art. 13", false, Names{FR: "radiation du registre", AR: "التشطيب من السجل", EN: "striking off"}}
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
	return Rule{RuleMembersMin.ID, k.MembersArticle(), true, RuleMembersMin.Title}
}
