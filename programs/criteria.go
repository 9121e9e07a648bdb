package programs

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
)

// The IDs of the criteria of the catalogue (programs.md §1-2). They are
// stable: users store them and write test cases against them.
const (
	CritApplicantKind        = "applicant-kind"
	CritRegistered           = "registered"
	CritLaw11212             = "law-112-12"
	CritMembersMin           = "members-min"
	CritRegion               = "region"
	CritProvince             = "province"
	CritSector               = "sector"
	CritBranch               = "branch"
	CritCallWindow           = "call-window"
	CritExistenceMax         = "existence-max"
	CritExperienceMin        = "experience-min"
	CritWomenYouthShare      = "women-youth-share"
	CritOwnContribution      = "own-contribution"
	CritInKindCap            = "in-kind-cap"
	CritDisadvantagedMembers = "disadvantaged-members"
	CritWomenOnly            = "women-only"
	CritYouthMembers         = "youth-members"
	CritMembersAge           = "members-age"
	CritPrecariousSituation  = "precarious-situation"
	CritAge                  = "age"
)

// The names of the built-in criterion kinds that are not also the ID of
// their criteria: a declared fact, and every member's age.
const (
	KindDeclared    = "declared"
	KindMembersAged = "members-aged"
	// KindMembersCount is a range on the number of members a call sets,
	// beside the law's minimum (members-min): at least 7, fewer than 50.
	KindMembersCount = "members-count"
	// KindTurnover is a range on the turnover of an enterprise's last
	// closed year: Intelaka's VSEs turn over less than 10 MDH.
	KindTurnover = "turnover"
	// KindFounded is a range on the date from which an applicant's
	// existence counts: a cooperative's registration, an enterprise's
	// creation ("founded since 1 January 2020").
	KindFounded = "founded"
	// KindWomenShare is the share of women among the members, at least a
	// threshold or, strict, more than it: a majority of women is more than
	// 0.50, strictly.
	KindWomenShare = "women-share"
)

// The combinators, which join criteria listed under of (Criterion.Of),
// three-valued (programs.md §1): all-of passes when every criterion
// passes, fails when one fails, and is unknown otherwise; any-of passes
// when one passes, whatever the others, fails when every one fails, and is
// unknown otherwise; not passes when its criterion fails, fails when it
// passes, and is unknown when it is.
const (
	KindAllOf = "all-of"
	KindAnyOf = "any-of"
	KindNot   = "not"
)

// combinatorKinds are the kinds of the combinators.
func combinatorKinds() []Kind {
	return []Kind{
		{Name: KindAllOf, join: KindAllOf, NoMembers: true, Doc: "every criterion listed under of passes",
			Docs:     coop.Names{FR: "chacun des critères qui suivent est rempli", AR: "كل المعايير الموالية مستوفاة"},
			Messages: []*coop.Message{msgAllPass, msgAllFail, msgAllUnknown}, Bind: bindJoin(KindAllOf)},
		{Name: KindAnyOf, join: KindAnyOf, NoMembers: true, Doc: "at least one criterion listed under of passes",
			Docs:     coop.Names{FR: "au moins l'un des critères qui suivent est rempli", AR: "معيار واحد على الأقل من المعايير الموالية مستوفى"},
			Messages: []*coop.Message{msgAnyPass, msgAnyFail, msgAnyUnknown}, Bind: bindJoin(KindAnyOf)},
		{Name: KindNot, join: KindNot, NoMembers: true, Doc: "the criterion listed under of does not pass",
			Docs:     coop.Names{FR: "le critère qui suit n'est pas rempli", AR: "المعيار الموالي غير مستوفى"},
			Messages: []*coop.Message{msgNotPass, msgNotFail, msgNotUnknown}, Bind: bindJoin(KindNot)},
	}
}

// bindJoin binds a combinator: each criterion it joins is bound to the
// call, and those that do not apply to it are left out; a combinator none
// of whose criteria applies is not reported. Each evaluation reports the
// joined criteria's results as the combinator's branches, with their
// reasons and hints, and their dates of change.
func bindJoin(join string) func(b *Binding) Rule {
	return func(b *Binding) Rule {
		var subs []boundRule
		for i := range b.r.branches {
			bb := Binding{at: b.at, r: &b.r.branches[i].binder}
			if br, ok := bindRule(&b.r.branches[i], &bb); ok {
				subs = append(subs, br)
			}
		}
		if len(subs) == 0 {
			return nil
		}
		b.setColumn(joinColumn(join, subs))
		return func(a *Applicant, asOf coop.Date, out *Eval) {
			branches := out.res.Branches[:0]
			pass, fail, unknown := 0, 0, 0
			for _, sr := range subs {
				branches = append(branches, CriterionResult{Result: coop.Result{ID: sr.crit.ID, Reference: sr.ref}, References: sr.refs,
					Unconfirmed: sr.crit.Unconfirmed, Note: sr.crit.Note, Notes: sr.crit.Notes})
				res := &branches[len(branches)-1]
				sr.rule(a, asOf, &Eval{res: res, dates: out.dates, counting: out.counting})
				switch res.Outcome {
				case coop.Pass:
					pass++
				case coop.Fail:
					fail++
				case coop.Unknown:
					unknown++
				default:
					branches = branches[:len(branches)-1] // it does not apply to this request
				}
			}
			out.res.Branches = branches
			if len(branches) > 0 {
				o, msg := joinOutcome(join, pass, fail, unknown)
				out.Set(o, msg)
			}
		}
	}
}

// joinOutcome combines the outcomes of the criteria a combinator joins,
// counted, three-valued: all-of fails on one failure and is unknown on an
// unknown otherwise; any-of passes on one pass and is unknown on an
// unknown otherwise; not inverts pass and fail and keeps unknown.
func joinOutcome(join string, pass, fail, unknown int) (coop.Outcome, *coop.Message) {
	switch join {
	case KindAllOf:
		switch {
		case fail > 0:
			return coop.Fail, msgAllFail
		case unknown > 0:
			return coop.Unknown, msgAllUnknown
		}
		return coop.Pass, msgAllPass
	case KindAnyOf:
		switch {
		case pass > 0:
			return coop.Pass, msgAnyPass
		case unknown > 0:
			return coop.Unknown, msgAnyUnknown
		}
		return coop.Fail, msgAnyFail
	}
	switch {
	case fail > 0:
		return coop.Pass, msgNotPass
	case pass > 0:
		return coop.Fail, msgNotFail
	}
	return coop.Unknown, msgNotUnknown
}

// GrantRateCap is the built-in grant kind min(grant_rate x cost, grant_cap).
const GrantRateCap = "rate-cap"

// The declared facts the catalogue reads.
const (
	FactDisadvantagedMembers = "disadvantaged-members"
	FactPrecariousSituation  = "precarious-situation"
)

// builtinKinds are the criterion kinds of programs.md §1-2.
func builtinKinds() []Kind {
	intParam := func(role, doc string) ParamSpec { return ParamSpec{Role: role, Kind: IntValue, Doc: doc} }
	// An age range: a call sets either end or both; the range is open at
	// an end it leaves unset (Forsa: 18 and over).
	ageRange := []ParamSpec{
		{Role: "min_age", Kind: IntValue, Bound: "min", Doc: "the youngest age allowed, inclusive; unset, no lower bound"},
		{Role: "max_age", Kind: IntValue, Bound: "max", Doc: "the oldest age allowed, inclusive; unset, no upper bound"}}
	return []Kind{
		{Name: CritApplicantKind, ID: CritApplicantKind, NoMembers: true, Doc: "the applicant is of a kind the programme accepts", Docs: coop.Names{FR: "le demandeur est d'un type que le programme accepte", AR: "المترشح من صنف يقبله البرنامج"},
			Messages: []*coop.Message{msgKindPass, msgKindFail}, Bind: bindApplicantKind},
		{Name: CritRegistered, ID: CritRegistered, NoMembers: true, Doc: "registered on or before as_of and active at as_of", Docs: coop.Names{FR: "immatriculée à la date de la décision au plus tard, et active à cette date", AR: "مقيدة في تاريخ القرار أو قبله، ونشيطة في ذلك التاريخ"}, Reference: "Law 112-12 arts. 9, 11",
			Messages: []*coop.Message{msgNotACooperative, msgNotRegistered, msgHintRegister, msgRegisteredLater, msgNotActive, msgRegisteredPass},
			Bind:     bindRegistered},
		{Name: CritLaw11212, ID: CritLaw11212, NoMembers: true, Doc: "governed by Law 112-12 (founded under it, or conformed by 2019-12-31)", Docs: coop.Names{FR: "régie par la loi n° 112-12 (constituée sous elle, ou mise en conformité au plus tard le 31 décembre 2019)", AR: "خاضعة للقانون رقم \u2068112.12\u2069 (تأسست في ظله، أو تمت ملاءمتها قبل 31 دجنبر 2019)"}, Reference: "Law 112-12 art. 108",
			Messages: []*coop.Message{msgNotACooperative, msgLawFounded, msgLawConformed, msgLawNotConformed, msgLawLate, msgLawConformedLater},
			Bind:     bindLaw11212},
		{Name: KindMembersCount, Doc: "the number of members at as_of is from {min_members} to {max_members}",
			Docs: coop.Names{FR: "le nombre d'adhérents à la date de la décision va de {min_members} à {max_members}", AR: "عدد الأعضاء في تاريخ القرار من {min_members} إلى {max_members}"},
			Params: []ParamSpec{
				{Role: "min_members", Kind: IntValue, Bound: "min", Doc: "the fewest members allowed, inclusive unless strict; unset, no lower bound"},
				{Role: "max_members", Kind: IntValue, Bound: "max", Doc: "the most members allowed, inclusive unless strict; unset, no upper bound"}},
			Messages: []*coop.Message{msgNotACooperative, msgCountUnknown, msgHintMembers, msgCountPass, msgCountFail},
			Bind:     bindMembersCount},
		{Name: KindWomenShare, Doc: "women are at least {min_women_share} of the members at as_of (more than it, when strict)",
			Docs: coop.Names{FR: "les femmes font au moins {min_women_share} des adhérents à la date de la décision (plus, si le seuil est strict)", AR: "النساء يمثلن {min_women_share} على الأقل من الأعضاء في تاريخ القرار (أكثر من ذلك إذا كان الحد صارما)"},
			Params: []ParamSpec{{Role: "min_women_share", Kind: RatioValue, Bound: "min",
				Doc: "the share of women to reach, or with strict: [min] to exceed (a majority: 0.50, strict)"}},
			Messages: []*coop.Message{msgNoMembers, msgNoRegister, msgHintRegister2, msgWomenSharePass, msgWomenShareFail, msgWomenShareUnknown, msgHintGenders},
			Bind:     bindWomenShare},
		{Name: KindTurnover, ID: KindTurnover, NoMembers: true, Doc: "the turnover of the last closed year is from {min_turnover} to {max_turnover}",
			Docs: coop.Names{FR: "le chiffre d'affaires du dernier exercice clos va de {min_turnover} à {max_turnover}", AR: "رقم معاملات آخر سنة مالية مختتمة من {min_turnover} إلى {max_turnover}"},
			Params: []ParamSpec{
				{Role: "min_turnover", Kind: AmountValue, Bound: "min", Doc: "the least turnover, in MAD, inclusive unless strict; unset, no lower bound"},
				{Role: "max_turnover", Kind: AmountValue, Bound: "max", Doc: "the largest turnover, in MAD, inclusive unless strict; unset, no upper bound"}},
			Messages: []*coop.Message{msgNotAnEnterprise, msgTurnoverUnknown, msgHintTurnover, msgTurnoverPass, msgTurnoverFail},
			Bind:     bindTurnover},
		{Name: KindFounded, ID: KindFounded, NoMembers: true, Doc: "registered (a cooperative) or created (an enterprise) from {founded_from} to {founded_until}",
			Docs: coop.Names{FR: "immatriculée (coopérative) ou créée (entreprise) du {founded_from} au {founded_until}", AR: "مقيدة (تعاونية) أو منشأة (مقاولة) من {founded_from} إلى {founded_until}"},
			Params: []ParamSpec{
				{Role: "founded_from", Kind: DateValue, Bound: "min", Doc: "the earliest date of registration or creation, inclusive unless strict; unset, no lower bound"},
				{Role: "founded_until", Kind: DateValue, Bound: "max", Doc: "the latest date of registration or creation, inclusive unless strict; unset, no upper bound"}},
			Messages: append([]*coop.Message{msgFoundedPass, msgFoundedFail}, existenceStartMessages...),
			Bind:     bindFounded},
		{Name: CritMembersMin, ID: CritMembersMin, Doc: "at least 5 members at as_of (3 cooperatives for a union)", Docs: coop.Names{FR: "au moins 5 adhérents à la date de la décision (3 coopératives pour une union)", AR: "5 أعضاء على الأقل في تاريخ القرار (3 تعاونيات بالنسبة للاتحاد)"}, Reference: "Law 112-12 arts. 14, 85",
			Messages: []*coop.Message{msgNotACooperative, msgHintMembers, msgHintMoreMembers}, Bind: bindMembersMin},
		{Name: CritRegion, ID: CritRegion, NoMembers: true, Doc: "the seat lies in one of the call's {regions}", Docs: coop.Names{FR: "le siège est dans l'une des régions de l'appel ({regions})", AR: "المقر في إحدى جهات الدعوة ({regions})"}, cite: citeRegion,
			Params:   []ParamSpec{{Role: "regions", Kind: RegionsValue, Doc: "the regions the call covers; a phase of the call may narrow them"}},
			Messages: []*coop.Message{msgRegionUnknown, msgHintProvince, msgRegionPass, msgRegionFail}, Bind: bindRegion},
		{Name: CritProvince, ID: CritProvince, NoMembers: true, Doc: "the seat is in one of the call's {provinces}", Docs: coop.Names{FR: "le siège est dans l'une des préfectures ou provinces de l'appel ({provinces})", AR: "المقر في إحدى عمالات أو أقاليم الدعوة ({provinces})"},
			Params:   []ParamSpec{{Role: "provinces", Kind: ProvincesValue, Doc: "the prefectures and provinces the call covers"}},
			Messages: provinceMessages.messages(), Bind: bindProvince},
		{Name: CritSector, ID: CritSector, NoMembers: true, Doc: "the cooperative's sector is one of the call's {sectors}", Docs: coop.Names{FR: "le secteur de la coopérative est l'un des secteurs de l'appel ({sectors})", AR: "قطاع التعاونية من قطاعات الدعوة ({sectors})"},
			Params:   []ParamSpec{{Role: "sectors", Kind: SectorsValue, Doc: "the sectors the call covers"}},
			Messages: sectorMessages.messages(), Bind: bindSector},
		{Name: CritBranch, ID: CritBranch, NoMembers: true, Doc: "the cooperative's branch is one of the call's {branches}", Docs: coop.Names{FR: "la filière de la coopérative est l'une des filières de l'appel ({branches})", AR: "فرع نشاط التعاونية من فروع الدعوة ({branches})"},
			Params:   []ParamSpec{{Role: "branches", Kind: BranchesValue, Doc: "the branches the call covers"}},
			Messages: branchMessages.messages(), Bind: bindBranch},
		{Name: CritCallWindow, ID: CritCallWindow, NoMembers: true, Doc: "the call is open: opens <= as_of <= closes", Docs: coop.Names{FR: "l'appel est ouvert : ouverture ≤ date de la décision ≤ clôture", AR: "دعوة الترشيح مفتوحة: الافتتاح ≤ تاريخ القرار ≤ الإغلاق"}, Reference: "the call for applications", cite: citeCall,
			References: coop.Names{FR: "l'appel à candidatures", AR: "دعوة الترشيح", EN: "the call for applications"},
			Messages:   []*coop.Message{msgCallNotOpen, msgCallClosed, msgCallOpen}, Bind: bindCallWindow},
		{Name: CritExistenceMax, ID: CritExistenceMax, NoMembers: true, Doc: "legal existence does not exceed {max_existence_years}", Docs: coop.Names{FR: "l'existence légale ne dépasse pas {max_existence_years} ans", AR: "الوجود القانوني لا يتجاوز {max_existence_years} سنة"},
			Params: []ParamSpec{{Role: "max_existence_years", Kind: IntValue, Bound: "max",
				Doc: "the longest legal existence, in years, as_of <= registered_on + N years; strict, as_of < registered_on + N years"}},
			Messages: existenceMessageList,
			Bind:     bindExistenceMax},
		{Name: CritExperienceMin, ID: CritExperienceMin, NoMembers: true, Doc: "at least {min_experience_years} of existence", Docs: coop.Names{FR: "au moins {min_experience_years} ans d'existence", AR: "{min_experience_years} سنة من الوجود على الأقل"},
			Params: []ParamSpec{intParam("min_experience_years", "the shortest legal existence, in years, as_of >= registered_on + N years")},
			Messages: append([]*coop.Message{msgExperiencePass, msgExperienceFail, msgHintExperience, msgCreatedExperiencePass, msgCreatedExperienceFail},
				existenceStartMessages...),
			Bind: bindExperienceMin},
		{Name: KindDeclared, NoMembers: true, Doc: "the applicant declares {fact}", Docs: coop.Names{FR: "le demandeur déclare {fact}", AR: "يصرح المترشح بـ{fact}"}, Fact: true,
			Messages: []*coop.Message{msgDeclaredUnknown, msgHintDeclare, msgDeclaredTrue, msgDeclaredFalse}, Bind: bindDeclared},
		{Name: KindMembersAged, Doc: "every member is aged {min_age} to {max_age}", Docs: coop.Names{FR: "chaque adhérent a de {min_age} à {max_age} ans", AR: "عمر كل عضو من {min_age} إلى {max_age} سنة"},
			Params: ageRange,
			Messages: []*coop.Message{msgNoRegister, msgHintRegister2, msgNoMembers, msgAgesFail, msgAgesUnknown, msgHintBirthDates, msgAgesPass,
				msgAgesOpenFail, msgAgesOpenPass},
			Bind: bindMembersAged},
		{Name: CritWomenOnly, ID: CritWomenOnly, Doc: "every member is a woman", Docs: coop.Names{FR: "tous les membres sont des femmes", AR: "جميع الأعضاء نساء"},
			Messages: []*coop.Message{msgNoRegister, msgHintRegister2, msgNoMembers, msgWomenOnlyFail, msgWomenOnlyUnknown, msgHintGenders, msgWomenOnlyPass},
			Bind:     bindWomenOnly},
		{Name: CritWomenYouthShare, ID: CritWomenYouthShare, Doc: "women and young members are more than {min_women_youth_share} of the members", Docs: coop.Names{FR: "les femmes et les jeunes font plus de {min_women_youth_share} des adhérents", AR: "النساء والشباب أكثر من {min_women_youth_share} من الأعضاء"},
			Params: []ParamSpec{intParam("youth_max_age", "the oldest age of a young member, from 18"),
				{Role: "min_women_youth_share", Kind: RatioValue, Doc: "the share of women and young members to exceed"}},
			Messages: []*coop.Message{msgNoMembers, msgNoRegister, msgHintRegister2, msgWYPass, msgWYFail, msgHintMoreWY, msgWYUnknown, msgHintGenderBirth},
			Bind:     bindWomenYouthShare},
		{Name: CritAge, ID: CritAge, NoMembers: true, Doc: "the person is aged {min_age} to {max_age}", Docs: coop.Names{FR: "la personne a de {min_age} à {max_age} ans", AR: "عمر الشخص من {min_age} إلى {max_age} سنة"},
			Params: ageRange,
			Messages: []*coop.Message{msgNotAPerson, msgAgeUnknown, msgHintBirthDate, msgAgePass, msgAgeFail, msgHintAgeFrom,
				msgAgeOpenUnknown, msgAgeOpenPass, msgAgeOpenFail},
			Bind: bindPersonAge},
		{Name: CritOwnContribution, ID: CritOwnContribution, NoMembers: true, Doc: "own_cash + own_in_kind >= {min_own_rate} x cost", Docs: coop.Names{FR: "apport en numéraire + apport en nature ≥ {min_own_rate} × coût", AR: "المساهمة النقدية + المساهمة العينية ≥ {min_own_rate} × الكلفة"},
			Params:   []ParamSpec{{Role: "min_own_rate", Kind: RatioValue, Doc: "the least share of the cost the applicant brings"}},
			Messages: []*coop.Message{msgOwnPass, msgOwnFail, msgHintOwn}, Bind: bindOwnContribution},
		{Name: CritInKindCap, ID: CritInKindCap, NoMembers: true, Doc: "own_in_kind <= {max_in_kind_share} x (own_cash + own_in_kind)", Docs: coop.Names{FR: "apport en nature ≤ {max_in_kind_share} × (apport en numéraire + apport en nature)", AR: "المساهمة العينية ≤ {max_in_kind_share} × (المساهمة النقدية + المساهمة العينية)"},
			Params:   []ParamSpec{{Role: "max_in_kind_share", Kind: RatioValue, Doc: "the largest share in kind of the applicant's contribution"}},
			Messages: []*coop.Message{msgInKindPass, msgInKindFail}, Bind: bindInKindCap},
	}
}

// The built-in benefit kinds beside rate-cap: Forsa's honour loan with a
// grant part, and Intelaka's guaranteed bank loan with a rate by zone.
const (
	GrantHonourLoan     = "honour-loan"
	GrantGuaranteedLoan = "guaranteed-loan"
)

// builtinGrantKinds are the grant computations of programs.md §2, and the
// loans of Forsa and Intelaka (reference/programs.md §10-11).
func builtinGrantKinds() []GrantKind {
	return []GrantKind{{Name: GrantRateCap, Doc: "min(grant_rate x cost, grant_cap), rounded down to the centime (programs.md §1, Money)",
		Params: []ParamSpec{{Role: "grant_rate", Kind: RatioValue, Doc: "the share of the project's cost granted"},
			{Role: "grant_cap", Kind: AmountValue, Doc: "the largest grant, in MAD"}},
		Compute: rateCapGrant, Benefit: rateCapBenefit},
		{Name: GrantHonourLoan, Doc: "an interest-free honour loan of min(cost - own_cash - own_in_kind, loan_cap), of which min(loan, grant_part_cap) is a grant; the ceilings when the project does not give every amount",
			Params: []ParamSpec{{Role: "loan_cap", Kind: AmountValue, Doc: "the largest loan, in MAD"},
				{Role: "grant_part_cap", Kind: AmountValue, Doc: "the largest part of the loan that is a grant, in MAD"},
				{Role: "repayment_years", Kind: IntValue, Doc: "the longest repayment, in years"},
				{Role: "grace_years", Kind: IntValue, Doc: "the grace period before the first repayment, in years"}},
			Compute: honourLoanGrant, Benefit: honourLoanBenefit},
		{Name: GrantGuaranteedLoan, Doc: "a bank loan of min(cost - own_cash - own_in_kind, loan_cap) at loan_rate a year, rural_loan_rate for a rural project, guaranteed up to guarantee_share",
			Params: []ParamSpec{{Role: "loan_cap", Kind: AmountValue, Doc: "the largest loan, in MAD"},
				{Role: "loan_rate", Kind: RatioValue, Doc: "the yearly interest rate"},
				{Role: "rural_loan_rate", Kind: RatioValue, Doc: "the yearly interest rate of a project in a rural area; unset, loan_rate everywhere"},
				{Role: "guarantee_share", Kind: RatioValue, Doc: "the largest share of the loan a guarantor covers"}},
			Benefit: guaranteedLoanBenefit},
	}
}

// bindApplicantKind passes when the applicant is of a kind the programme
// accepts; it is never unknown.
func bindApplicantKind(b *Binding) Rule {
	accepts := b.at.prog.Accepts
	if cr := b.r.crit; cr != nil && len(cr.Accepts) > 0 {
		accepts = cr.Accepts
	}
	list := acceptsArg(accepts)
	decide := func(accepted bool, kind coop.Arg, out *Eval) {
		if accepted {
			out.Set(coop.Pass, msgKindPass, kind)
			return
		}
		out.Set(coop.Fail, msgKindFail, kind, list)
	}
	// A cooperative of a read model is a cooperative or a union: whether
	// each is accepted is known once.
	cooperatives, unions := slices.Contains(accepts, Cooperative), slices.Contains(accepts, Union)
	rule := func(a *Applicant, _ coop.Date, out *Eval) {
		switch {
		case a.c != nil && a.c.IsUnion():
			decide(unions, unionArg, out)
		case a.c != nil:
			decide(cooperatives, cooperativeArg, out)
		default:
			k := a.Kind()
			decide(slices.Contains(accepts, k), kindArg(k), out)
		}
	}
	// In a screening, the kind is a cooperative's or a union's.
	b.setColumn(keyColumn(rule, 2, func(r *run, out []uint16) {
		for k := range out {
			out[k] = uint16(bit(r.cs[k].IsUnion()))
		}
	}))
	return rule
}

// noKindArg names an applicant of no known kind.
var noKindArg = coop.NamesArg(coop.Names{FR: "d'un type inconnu", EN: "of an unknown kind", AR: "من صنف غير معروف"})

// The kinds of applicant named after "the applicant is", made once: a
// decision makes none.
var (
	cooperativeArg      = coop.NamesArg(kindSubjects[Cooperative])
	unionArg            = coop.NamesArg(kindSubjects[Union])
	personArg           = coop.NamesArg(kindSubjects[Person])
	associationArg      = coop.NamesArg(kindSubjects[Association])
	vseArg              = coop.NamesArg(kindSubjects[VSE])
	autoEntrepreneurArg = coop.NamesArg(kindSubjects[AutoEntrepreneur])
)

// kindArg names an applicant of kind k after "the applicant is".
func kindArg(k ApplicantKind) coop.Arg {
	switch k {
	case Cooperative:
		return cooperativeArg
	case Union:
		return unionArg
	case Person:
		return personArg
	case Association:
		return associationArg
	case VSE:
		return vseArg
	case AutoEntrepreneur:
		return autoEntrepreneurArg
	}
	return noKindArg
}

// acceptsArg is a list of kinds of applicant, those a programme or a
// criterion accepts, as reasons show it.
func acceptsArg(accepts []ApplicantKind) coop.Arg {
	var n coop.Names
	for _, lang := range coop.Langs {
		items := make([]string, len(accepts))
		for i, k := range accepts {
			items[i] = kindNames[k].In(lang)
			if items[i] == "" {
				items[i] = string(k)
			}
		}
		n.Set(lang, coop.JoinList(lang, items))
	}
	return coop.NamesArg(n)
}

// bindRegistered passes when the cooperative is registered on or before
// the date and its status then is active (art. 11); a cooperative with no
// registration date fails.
func bindRegistered(b *Binding) Rule {
	rule := func(a *Applicant, asOf coop.Date, out *Eval) {
		c := a.c
		if c == nil {
			out.Set(coop.Fail, msgNotACooperative)
			return
		}
		switch {
		case c.Registered.IsZero():
			out.Set(coop.Fail, msgNotRegistered)
			out.Suggest(msgHintRegister)
		case c.Registered.After(asOf):
			out.Set(coop.Fail, msgRegisteredLater, coop.DateArg(c.Registered), coop.DateArg(asOf))
			out.MayChangeOn(c.Registered)
		case !c.ActiveAt(asOf):
			out.Set(coop.Fail, msgNotActive, c.StatusArg(), coop.DateArg(c.StatusSince))
		default:
			out.Set(coop.Pass, msgRegisteredPass, coop.DateArg(c.Registered), coop.DateArg(asOf))
			if c.Status() != coop.Active && c.StatusSince.After(asOf) {
				out.MayChangeOn(c.StatusSince)
			}
		}
	}
	// The outcome depends on whether a registration date is given, whether
	// it is after the date, and whether the cooperative is active then.
	b.setColumn(keyColumn(rule, 8, func(r *run, out []uint16) {
		for k := range out {
			c := &r.cs[k]
			out[k] = uint16(bit(c.Registered.IsZero()) | bit(c.Registered.After(r.asOf))<<1 | bit(!c.ActiveAt(r.asOf))<<2)
		}
	}))
	return rule
}

// bindLaw11212 passes when the cooperative was founded under Law 112-12, or
// under Law 24-83 with conformed statutes registered on or before the date
// and on or before 2019-12-31 (art. 108).
func bindLaw11212(b *Binding) Rule {
	rule := func(a *Applicant, asOf coop.Date, out *Eval) {
		c := a.c
		if c == nil {
			out.Set(coop.Fail, msgNotACooperative)
			return
		}
		switch {
		case c.FoundedUnder() != coop.Law2483:
			out.Set(coop.Pass, msgLawFounded)
		case coop.Conforms(c.FoundedUnder(), c.ConformedOn, asOf):
			out.Set(coop.Pass, msgLawConformed, coop.DateArg(c.ConformedOn))
		case c.ConformedOn.IsZero():
			out.Set(coop.Fail, msgLawNotConformed, coop.DateArg(coop.ConformityDeadline))
		case c.ConformedOn.After(coop.ConformityDeadline):
			out.Set(coop.Fail, msgLawLate, coop.DateArg(c.ConformedOn), coop.DateArg(coop.ConformityDeadline))
		default:
			out.Set(coop.Fail, msgLawConformedLater, coop.DateArg(c.ConformedOn), coop.DateArg(asOf))
			out.MayChangeOn(c.ConformedOn)
		}
	}
	// The outcome depends on the law of foundation and on the conformity:
	// whether it holds at the date, is given, and came after the deadline.
	b.setColumn(keyColumn(rule, 16, func(r *run, out []uint16) {
		for k := range out {
			c := &r.cs[k]
			law := c.FoundedUnder()
			out[k] = uint16(bit(law == coop.Law2483) | bit(coop.Conforms(law, c.ConformedOn, r.asOf))<<1 |
				bit(c.ConformedOn.IsZero())<<2 | bit(c.ConformedOn.After(coop.ConformityDeadline))<<3)
		}
	}))
	return rule
}

// memberDates records the joining and leaving dates after asOf, on which a
// count of members may change.
func memberDates(members []readmodel.Member, asOf coop.Date, out *Eval) {
	if !out.Tracking() {
		return
	}
	for i := range members {
		m := &members[i]
		if m.Joined.After(asOf) {
			out.MayChangeOn(m.Joined)
		}
		if m.Left.After(asOf) {
			out.MayChangeOn(m.Left)
		}
	}
}

// bindMembersMin passes with at least 5 members at the date, or 3 member
// cooperatives for a union (arts. 14, 85), by coop.MembersMin; unknown when
// neither a register nor a member count is given.
func bindMembersMin(b *Binding) Rule {
	rule := func(a *Applicant, asOf coop.Date, out *Eval) {
		c := a.c
		if c == nil {
			out.Set(coop.Fail, msgNotACooperative)
			return
		}
		n, known := membersCounted(a.tallied(asOf, out), a.model, c, asOf)
		r, _ := coop.MembersMinOf(n, known, c.IsUnion(), asOf)
		out.setResult(r)
		if !known {
			out.Suggest(msgHintMembers)
			return
		}
		if r.Outcome == coop.Fail {
			out.Suggest(msgHintMoreMembers, coop.IntArg(coop.KindOf(c.IsUnion()).MinMembers()-n))
		}
		memberDates(a.mem, asOf, out)
	}
	b.setColumn(func(r *run, out []outcomeCode) {
		for k := range out {
			var t *memberTally
			if r.tallies != nil {
				t = &r.tallies[k]
			}
			n, known := membersCounted(t, r.m, &r.cs[k], r.asOf)
			out[k] = codeOf(coop.MembersMinOutcome(n, known, r.cs[k].IsUnion()))
		}
	})
	return rule
}

// membersCounted returns the number of members of c at asOf that
// members-min reads: the tally's when t, gathered, holds a register, the
// model's otherwise (a count stated, or none).
func membersCounted(t *memberTally, m *readmodel.Model, c *readmodel.Coop, asOf coop.Date) (n int, known bool) {
	if t != nil && t.register {
		return t.n, true
	}
	return m.MembersAt(c, asOf)
}

// valueRange is a range a call sets on a criterion: either end or both,
// each inclusive unless the criterion makes it strict (ParamSpec.Bound),
// with the parameters read and the phrase that says it in reasons.
type valueRange struct {
	lo, hi             Value
	hasLo, hasHi       bool
	loStrict, hiStrict bool
	params             []coop.Param
	asked              coop.Arg
}

// readRange reads the range of the roles minRole and maxRole, each end
// said by say ("at least 7 members"); ok is false when the call sets
// neither end (a call that names the criterion is refused at load then).
func readRange(b *Binding, minRole, maxRole string, say func(v Value, strict bool, end string) coop.Names) (r valueRange, ok bool) {
	var loRec, hiRec coop.Param
	r.lo, loRec, r.hasLo = b.get(minRole)
	r.hi, hiRec, r.hasHi = b.get(maxRole)
	if !r.hasLo && !r.hasHi {
		return r, false
	}
	r.loStrict, r.hiStrict = b.Strict("min"), b.Strict("max")
	var parts []coop.Names
	if r.hasLo {
		r.params = append(r.params, loRec)
		parts = append(parts, say(r.lo, r.loStrict, "min"))
	}
	if r.hasHi {
		r.params = append(r.params, hiRec)
		parts = append(parts, say(r.hi, r.hiStrict, "max"))
	}
	r.asked = rangePhrase(parts)
	return r, true
}

// admits reports whether a value lies in the range, cmp comparing it with
// an end (negative when below it, zero when equal).
func (r *valueRange) admits(cmp func(end Value) int) bool {
	if r.hasLo {
		if c := cmp(r.lo); c < 0 || c == 0 && r.loStrict {
			return false
		}
	}
	if r.hasHi {
		if c := cmp(r.hi); c > 0 || c == 0 && r.hiStrict {
			return false
		}
	}
	return true
}

// membersEnd says an end of a range of members in each language.
func membersEnd(v Value, strict bool, end string) coop.Names {
	n := strconv.Itoa(v.Int)
	switch {
	case end == "min" && strict:
		return coop.Names{EN: "more than " + n + " members", FR: "plus de " + n + " adhérents", AR: "عدد أعضاء يفوق " + n}
	case end == "min":
		return coop.Names{EN: "at least " + n + " members", FR: "au moins " + n + " adhérents", AR: "عدد أعضاء لا يقل عن " + n}
	case strict:
		return coop.Names{EN: "fewer than " + n + " members", FR: "moins de " + n + " adhérents", AR: "عدد أعضاء يقل عن " + n}
	}
	return coop.Names{EN: "at most " + n + " members", FR: "au plus " + n + " adhérents", AR: "عدد أعضاء لا يتجاوز " + n}
}

// bindMembersCount passes when the number of members at the date lies in
// the range min_members to max_members the call sets (either end, each
// inclusive unless the criterion makes it strict); unknown when neither the
// register nor a count is given. It is a programme's own threshold, beside
// the law's minimum (members-min).
func bindMembersCount(b *Binding) Rule {
	r, ok := readRange(b, "min_members", "max_members", membersEnd)
	if !ok {
		return nil
	}
	params, asked := r.params, r.asked
	return func(a *Applicant, asOf coop.Date, out *Eval) {
		out.UseParams(params)
		c := a.c
		if c == nil {
			out.Set(coop.Fail, msgNotACooperative)
			return
		}
		n, known := a.model.MembersAt(c, asOf)
		if !known {
			out.Set(coop.Unknown, msgCountUnknown, asked)
			out.Suggest(msgHintMembers)
			return
		}
		memberDates(a.mem, asOf, out)
		if r.admits(func(end Value) int { return cmp.Compare(n, end.Int) }) {
			out.Set(coop.Pass, msgCountPass, coop.IntArg(n), coop.DateArg(asOf), asked)
			return
		}
		out.Set(coop.Fail, msgCountFail, coop.IntArg(n), coop.DateArg(asOf), asked)
	}
}

// bindTurnover passes when the turnover of the enterprise's last closed
// year lies in the range min_turnover to max_turnover the call sets
// (either end, each inclusive unless the criterion makes it strict);
// unknown when the turnover is not given. It reads an association's, a
// VSE's or an auto-entrepreneur's turnover: a cooperative or a person
// fails it.
func bindTurnover(b *Binding) Rule {
	r, ok := readRange(b, "min_turnover", "max_turnover", amountEnd)
	if !ok {
		return nil
	}
	params, asked := r.params, r.asked
	in := func(t decimal.Decimal) bool { return r.admits(func(end Value) int { return t.Cmp(end.Dec) }) }
	return func(a *Applicant, _ coop.Date, out *Eval) {
		out.UseParams(params)
		e := a.Enterprise
		switch {
		case e == nil:
			out.Set(coop.Fail, msgNotAnEnterprise)
		case !e.Turnover.Valid:
			out.Set(coop.Unknown, msgTurnoverUnknown, asked)
			out.Suggest(msgHintTurnover)
		case in(e.Turnover.Decimal):
			out.Set(coop.Pass, msgTurnoverPass, coop.AmountArg(e.Turnover.Decimal), asked)
		default:
			out.Set(coop.Fail, msgTurnoverFail, coop.AmountArg(e.Turnover.Decimal), asked)
		}
	}
}

// bindFounded passes when the date from which the applicant's existence
// counts (a cooperative's registration, an enterprise's creation) lies in
// the range founded_from to founded_until the call sets (either end, each
// inclusive unless the criterion makes it strict). A cooperative not
// registered and a person fail; an enterprise whose date of creation is
// not given is unknown.
func bindFounded(b *Binding) Rule {
	r, ok := readRange(b, "founded_from", "founded_until", dateEnd)
	if !ok {
		return nil
	}
	params, asked := r.params, r.asked
	in := func(d coop.Date) bool { return r.admits(func(end Value) int { return d.Compare(end.Date) }) }
	return func(a *Applicant, _ coop.Date, out *Eval) {
		out.UseParams(params)
		start, _, decided := existenceStart(a, out)
		switch {
		case decided:
		case in(start):
			out.Set(coop.Pass, msgFoundedPass, coop.DateArg(start), asked)
		default:
			out.Set(coop.Fail, msgFoundedFail, coop.DateArg(start), asked)
		}
	}
}

// dateEnd says an end of a range of dates in each language: "à partir du
// 1er janvier 2020", "before 1 January 2023".
func dateEnd(v Value, strict bool, end string) coop.Names {
	en, fr, ar := coop.FormatDate(v.Date, coop.EN), coop.FormatDate(v.Date, coop.FR), coop.FormatDate(v.Date, coop.AR)
	switch {
	case end == "min" && strict:
		return coop.Names{EN: "after " + en, FR: "après le " + fr, AR: "بعد " + ar}
	case end == "min":
		return coop.Names{EN: "on or after " + en, FR: "à partir du " + fr, AR: "ابتداء من " + ar}
	case strict:
		return coop.Names{EN: "before " + en, FR: "avant le " + fr, AR: "قبل " + ar}
	}
	return coop.Names{EN: "on or before " + en, FR: "jusqu'au " + fr + " inclus", AR: "إلى غاية " + ar}
}

// amountEnd says an end of a range of amounts in each language: "at
// least 10,000.00 MAD", "moins de 10.000.000,00 MAD".
func amountEnd(v Value, strict bool, end string) coop.Names {
	c := v.Dec.Shift(2).IntPart()
	// An amount is isolated in Arabic, as an amount argument is.
	en, fr, ar := coop.FormatAmount(c, coop.EN), coop.FormatAmount(c, coop.FR), "\u2068"+coop.FormatAmount(c, coop.AR)+"\u2069"
	switch {
	case end == "min" && strict:
		return coop.Names{EN: "more than " + en + " MAD", FR: "plus de " + fr + " MAD", AR: "أكثر من " + ar + " درهم"}
	case end == "min":
		return coop.Names{EN: "at least " + en + " MAD", FR: "au moins " + fr + " MAD", AR: ar + " درهم على الأقل"}
	case strict:
		return coop.Names{EN: "less than " + en + " MAD", FR: "moins de " + fr + " MAD", AR: "أقل من " + ar + " درهم"}
	}
	return coop.Names{EN: "at most " + en + " MAD", FR: "au plus " + fr + " MAD", AR: ar + " درهم على الأكثر"}
}

// bindRegion passes when the province of the seat lies in one of the
// regions of the phase named in the request, or else of the call's regions;
// not reported when neither restricts regions; unknown when the province is
// not given.
func bindRegion(b *Binding) Rule {
	var regions Value
	var rec coop.Param
	if ph := b.at.phase; ph != nil && len(ph.Regions) > 0 {
		regions = Regions(ph.Regions...)
		rec = coop.Param{Name: "phase " + ph.ID + " regions", Value: regions.String(), Since: b.at.call.Opens}
	} else {
		v, r, ok := b.get("regions")
		if !ok {
			return nil
		}
		regions, rec = v, r
	}
	params, covered := []coop.Param{rec}, coop.ListArg(coop.ArgRegions, regions.List)
	// in[i] tells whether the province of index i lies in the regions.
	in := make([]bool, readmodel.Provinces())
	for i := range in {
		in[i] = regions.Has(string(readmodel.ProvinceAt(i).Region()))
	}
	rule := func(a *Applicant, _ coop.Date, out *Eval) {
		out.UseParams(params)
		c := a.c
		if c == nil || c.ProvinceIndex() == 0 {
			out.Set(coop.Unknown, msgRegionUnknown, covered)
			out.Suggest(msgHintProvince)
			return
		}
		if in[c.ProvinceIndex()] {
			out.Set(coop.Pass, msgRegionPass, c.ProvinceArg(), c.RegionArg())
			return
		}
		out.Set(coop.Fail, msgRegionFail, c.ProvinceArg(), c.RegionArg(), covered)
	}
	b.setColumn(keyColumn(rule, readmodel.Provinces(), provinceKeys))
	return rule
}

// listMessages are the messages of a criterion on a value in a call's list.
type listMessages struct {
	unknown, pass, fail, hint *coop.Message
	list                      coop.ArgKind // how the call's list is shown
}

func (m listMessages) messages() []*coop.Message {
	return []*coop.Message{m.unknown, m.pass, m.fail, m.hint}
}

var (
	provinceMessages = listMessages{msgProvinceUnknown, msgProvincePass, msgProvinceFail, msgHintProvince, coop.ArgProvinces}
	sectorMessages   = listMessages{msgSectorUnknown, msgSectorPass, msgSectorFail, msgHintSector, coop.ArgSectors}
	branchMessages   = listMessages{msgBranchUnknown, msgBranchPass, msgBranchFail, msgHintBranch, coop.ArgBranches}
)

// bindProvince passes when the province of the seat is one of the call's
// provinces; not reported when the call sets none.
func bindProvince(b *Binding) Rule {
	list, rec, ok := b.get("provinces")
	if !ok {
		return nil
	}
	in := make([]bool, readmodel.Provinces())
	for i := 1; i < len(in); i++ {
		in[i] = list.Has(string(readmodel.ProvinceAt(i)))
	}
	rule := bindInList(rec, coop.ListArg(coop.ArgProvinces, list.List), provinceMessages, func(a *Applicant) (bool, bool, coop.Arg) {
		i := a.c.ProvinceIndex()
		return i != 0, in[i], a.c.ProvinceArg()
	})
	b.setColumn(keyColumn(rule, readmodel.Provinces(), provinceKeys))
	return rule
}

// bindSector passes when the cooperative's sector is one of the call's
// sectors; not reported when the call sets none; unknown with no sector.
func bindSector(b *Binding) Rule {
	list, rec, ok := b.get("sectors")
	if !ok {
		return nil
	}
	in := make([]bool, readmodel.Sectors())
	for i := 1; i < len(in); i++ {
		in[i] = list.Has(string(readmodel.SectorAt(i)))
	}
	rule := bindInList(rec, coop.ListArg(coop.ArgSectors, list.List), sectorMessages, func(a *Applicant) (bool, bool, coop.Arg) {
		i := a.c.SectorIndex()
		return i != 0, in[i], a.c.SectorArg()
	})
	b.setColumn(keyColumn(rule, readmodel.Sectors(), sectorKeys))
	return rule
}

// bindBranch passes when the cooperative's branch is one of the call's
// branches; unknown when no branch is given.
func bindBranch(b *Binding) Rule {
	list, rec, ok := b.get("branches")
	if !ok {
		return nil
	}
	rule := bindInList(rec, coop.ListArg(coop.ArgBranches, list.List), branchMessages, func(a *Applicant) (bool, bool, coop.Arg) {
		br := a.model.Branch(a.c)
		return br != "", list.Has(string(br)), a.model.BranchArg(a.c)
	})
	// The branches are indexed in each model, not once for all.
	b.setColumn(keyColumnOf(rule, (*readmodel.Model).Branches, func(r *run, out []uint16) {
		for k := range out {
			out[k] = uint16(r.cs[k].BranchIndex())
		}
	}))
	return rule
}

// bindInList passes when the cooperative's value is in the call's list, as
// has tells with the argument that shows the value; it is unknown when the
// value is not given.
func bindInList(rec coop.Param, covered coop.Arg, msgs listMessages, has func(a *Applicant) (given, in bool, arg coop.Arg)) Rule {
	params := []coop.Param{rec}
	return func(a *Applicant, _ coop.Date, out *Eval) {
		out.UseParams(params)
		var given, in bool
		var arg coop.Arg
		if a.c != nil {
			given, in, arg = has(a)
		}
		switch {
		case !given:
			out.Set(coop.Unknown, msgs.unknown, covered)
			out.Suggest(msgs.hint)
		case in:
			out.Set(coop.Pass, msgs.pass, arg)
		default:
			out.Set(coop.Fail, msgs.fail, arg, covered)
		}
	}
}

// bindCallWindow passes when the call is open at the date:
// opens <= as_of <= closes. It is reported only when the call has a
// closing date or the date is before the opening (programs.md §1, "Calls").
func bindCallWindow(b *Binding) Rule {
	call := b.at.call
	if call.Closes.IsZero() && !b.at.asOf.Before(call.Opens) {
		return nil
	}
	rec := func(name string, d coop.Date) coop.Param {
		p := coop.Param{Name: name, Value: d.String(), Since: call.Opens, Unconfirmed: call.Unconfirmed}
		if call.Unconfirmed {
			p.Note = call.Note
		}
		return p
	}
	params := []coop.Param{rec("opens", call.Opens)}
	if !call.Closes.IsZero() {
		params = append(params, rec("closes", call.Closes))
	}
	var dayAfter coop.Date // the day the call closes on
	if !call.Closes.IsZero() {
		dayAfter = call.Closes.AddDays(1)
	}
	title, opens, closes := coop.NamesArg(call.Title()), call.Opens, call.Closes
	rule := func(_ *Applicant, asOf coop.Date, out *Eval) {
		out.UseParams(params)
		switch {
		case asOf.Before(opens):
			out.Set(coop.Fail, msgCallNotOpen, title, coop.DateArg(opens), coop.DateArg(asOf))
			out.MayChangeOn(opens)
		case !closes.IsZero() && asOf.After(closes):
			out.Set(coop.Fail, msgCallClosed, title, coop.DateArg(closes), coop.DateArg(asOf))
		case closes.IsZero():
			// A call with no end is not reported once open (programs.md §1).
		default:
			out.Set(coop.Pass, msgCallOpen, title, coop.DateArg(opens), coop.DateArg(closes))
			out.MayChangeOn(dayAfter)
		}
	}
	b.setColumn(constantColumn(rule)) // it reads no applicant
	return rule
}

// citeCall is the reference of call-window: the call's own (programs.md
// §1, clarified), or the criterion's when the call gives none.
func citeCall(b *Binding) string {
	if b.at.call.Reference != "" {
		return b.at.call.Reference
	}
	return b.r.crit.Reference
}

// citeRegion is the reference of region: the criterion's own when a phase
// narrows the regions, the call parameter's otherwise.
func citeRegion(b *Binding) string {
	if ph := b.at.phase; ph != nil && len(ph.Regions) > 0 {
		return b.r.crit.Reference
	}
	return b.Reference()
}

// bindExistenceMax passes when the cooperative's legal existence does not
// exceed max_existence_years at the date: as_of <= registered_on + N years
// (coop.ExistenceAtMost). It fails for a cooperative that is not
// registered.
func bindExistenceMax(b *Binding) Rule {
	v, rec, ok := b.get("max_existence_years")
	if !ok {
		return nil
	}
	params, max, strict := []coop.Param{rec}, v.Int, b.Strict("max")
	// The earliest registration that passes at the plan's date, for the
	// hint, computed once.
	planAsOf := b.at.asOf
	earliest := planAsOf.AddYears(-max)
	if strict {
		earliest = earliest.AddDays(1)
	}
	rule := func(a *Applicant, asOf coop.Date, out *Eval) {
		out.UseParams(params)
		start, msgs, decided := existenceStart(a, out)
		if decided {
			return
		}
		if start.After(asOf) {
			out.Set(coop.Fail, msgs.future, coop.DateArg(start), coop.DateArg(asOf))
			out.MayChangeOn(start)
			return
		}
		limit := start.AddYears(max)
		if strict {
			// Less than max years: out from the day they are reached.
			if existenceWithin(start, asOf, max, true) {
				out.Set(coop.Pass, msgs.strictPass, coop.DateArg(start), coop.IntArg(max), coop.DateArg(limit.AddDays(-1)))
				if out.Tracking() {
					out.MayChangeOn(limit)
				}
				return
			}
			out.Set(coop.Fail, msgs.strictFail, coop.DateArg(start), coop.IntArg(max), coop.DateArg(limit))
			hint := earliest
			if asOf != planAsOf {
				hint = asOf.AddYears(-max).AddDays(1)
			}
			out.Suggest(msgs.hint, coop.DateArg(hint))
			return
		}
		if existenceWithin(start, asOf, max, false) {
			msg := msgs.pass
			if limit == asOf {
				msg = msgs.lastDay
			}
			out.Set(coop.Pass, msg, coop.DateArg(start), coop.IntArg(max), coop.DateArg(limit))
			if out.Tracking() {
				out.MayChangeOn(limit.AddDays(1))
			}
			return
		}
		out.Set(coop.Fail, msgs.fail, coop.DateArg(start), coop.IntArg(max), coop.DateArg(limit), coop.DayAfterArg(limit))
		hint := earliest
		if asOf != planAsOf {
			hint = asOf.AddYears(-max)
		}
		out.Suggest(msgs.hint, coop.DateArg(hint))
	}
	// For a cooperative, the outcome depends on whether it is registered,
	// registered after the date, and within the limit at the date.
	b.setColumn(keyColumn(rule, 8, func(r *run, out []uint16) {
		for k := range out {
			start := r.cs[k].Registered
			out[k] = uint16(bit(start.IsZero()) | bit(start.After(r.asOf))<<1 | bit(existenceWithin(start, r.asOf, max, strict))<<2)
		}
	}))
	return rule
}

// existenceWithin reports whether an existence from start has not
// exceeded max years at asOf: asOf <= start + max years
// (coop.ExistenceAtMost), or asOf < start + max years when strict.
func existenceWithin(start, asOf coop.Date, max int, strict bool) bool {
	if strict {
		return asOf.Before(start.AddYears(max))
	}
	return coop.ExistenceAtMost(start, asOf, max)
}

// existenceMessages are the reasons of the existence criteria for one
// kind of body: a cooperative's existence counts from its registration,
// an enterprise's from its creation.
type existenceMessages struct {
	future, pass, lastDay, fail, strictPass, strictFail, hint, experiencePass, experienceFail *coop.Message
}

var (
	registeredExistence = existenceMessages{msgExistenceFuture, msgExistencePass, msgExistenceLastDay, msgExistenceFail,
		msgExistenceStrictPass, msgExistenceStrictFail, msgHintExistence, msgExperiencePass, msgExperienceFail}
	createdExistence = existenceMessages{msgCreatedFuture, msgCreatedPass, msgCreatedLastDay, msgCreatedFail,
		msgCreatedStrictPass, msgCreatedStrictFail, msgHintCreatedAfter, msgCreatedExperiencePass, msgCreatedExperienceFail}
)

// existenceStartMessages are the messages of existenceStart, which every
// criterion on the date an applicant was founded may give.
var existenceStartMessages = []*coop.Message{msgExistenceNotRegistered, msgCreatedNotGiven, msgHintCreated, msgPersonNoExistence}

// existenceMessageList lists the messages of existence-max.
var existenceMessageList = append(slices.Clone(existenceStartMessages),
	msgExistenceFuture, msgExistencePass, msgExistenceLastDay, msgExistenceFail, msgExistenceStrictPass, msgExistenceStrictFail, msgHintExistence,
	msgCreatedFuture, msgCreatedPass, msgCreatedLastDay, msgCreatedFail, msgCreatedStrictPass, msgCreatedStrictFail, msgHintCreatedAfter)

// existenceStart returns the date from which the applicant's existence
// counts, with the reasons that say it; decided is set when it has decided
// the criterion instead: a cooperative not registered fails (no legal
// existence, programs.md §1), a person fails, and an enterprise whose date
// of creation is not given is unknown.
func existenceStart(a *Applicant, out *Eval) (start coop.Date, msgs *existenceMessages, decided bool) {
	switch {
	case a.c != nil && !a.c.Registered.IsZero():
		return a.c.Registered, &registeredExistence, false
	case a.Enterprise != nil && !a.Enterprise.CreatedOn.IsZero():
		return a.Enterprise.CreatedOn, &createdExistence, false
	case a.Enterprise != nil:
		out.Set(coop.Unknown, msgCreatedNotGiven)
		out.Suggest(msgHintCreated)
	case a.Person != nil:
		out.Set(coop.Fail, msgPersonNoExistence)
	default:
		out.Set(coop.Fail, msgExistenceNotRegistered)
	}
	return coop.Date{}, nil, true
}

// bindExperienceMin passes when the cooperative (or enterprise) has
// existed for at least min_experience_years at the date.
func bindExperienceMin(b *Binding) Rule {
	v, rec, ok := b.get("min_experience_years")
	if !ok {
		return nil
	}
	params, min := []coop.Param{rec}, v.Int
	rule := func(a *Applicant, asOf coop.Date, out *Eval) {
		out.UseParams(params)
		start, msgs, decided := existenceStart(a, out)
		if decided {
			return
		}
		from := start.AddYears(min)
		if coop.ExistenceAtLeast(start, asOf, min) {
			out.Set(coop.Pass, msgs.experiencePass, coop.DateArg(start), coop.IntArg(min), coop.DateArg(from))
			return
		}
		out.Set(coop.Fail, msgs.experienceFail, coop.DateArg(start), coop.DateArg(asOf), coop.IntArg(min), coop.DateArg(from))
		out.Suggest(msgHintExperience, coop.IntArg(min), coop.DateArg(from))
		out.MayChangeOn(from)
	}
	// For a cooperative, the outcome depends on whether it is registered
	// and has existed long enough at the date.
	b.setColumn(keyColumn(rule, 4, func(r *run, out []uint16) {
		for k := range out {
			start := r.cs[k].Registered
			out[k] = uint16(bit(start.IsZero()) | bit(coop.ExistenceAtLeast(start, r.asOf, min))<<1)
		}
	}))
	return rule
}

// bindDeclared passes when the applicant declares the criterion's fact
// true, fails when it declares it false, and is unknown when it does not
// declare it.
func bindDeclared(b *Binding) Rule {
	fact := b.r.crit.Fact
	name := coop.NamesArg(b.at.prog.factNames(fact))
	rule := func(a *Applicant, _ coop.Date, out *Eval) {
		var v, ok bool
		switch {
		case a.c != nil:
			v, ok = a.model.Declared(a.index, a.model.Fact(fact), fact)
		case a.Person != nil:
			v, ok = a.Person.Declared[fact]
		case a.Enterprise != nil:
			v, ok = a.Enterprise.Declared[fact]
		}
		switch {
		case !ok:
			out.Set(coop.Unknown, msgDeclaredUnknown, name)
			out.Suggest(msgHintDeclare, name)
		case v:
			out.Set(coop.Pass, msgDeclaredTrue, name)
		default:
			out.Set(coop.Fail, msgDeclaredFalse, name)
		}
	}
	// The outcome depends on what the cooperative declares of the fact.
	b.setColumn(keyColumn(rule, 4, func(r *run, out []uint16) {
		f := r.m.Fact(fact)
		for k := range out {
			v, ok := r.m.Declared(r.from+k, f, fact)
			out[k] = uint16(bit(v) | bit(ok)<<1)
		}
	}))
	return rule
}

// ageDates records the dates on which a person born on birth turns min and
// max+1 after asOf: the days an age criterion may change.
func ageDates(birth, asOf coop.Date, min, max int, out *Eval) {
	if !out.Tracking() {
		return
	}
	dates := []coop.Date{birth.AddYears(min), birth.AddYears(max + 1)}
	if max >= noOldestAge {
		dates = dates[:1] // a range open above: nobody grows out of it
	}
	for _, d := range dates {
		if d.After(asOf) {
			out.MayChangeOn(d)
		}
	}
}

// ageWindow tells whether people are aged min to max at a date by
// comparing birth dates with two limits computed once (coop.BornBy).
type ageWindow struct {
	asOf             coop.Date
	min, max         int
	youngest, tooOld coop.Date
	// youth is set for the window of women-youth-share, which reads who
	// in it is not a woman (memberTally).
	youth bool
}

func newAgeWindow(asOf coop.Date, min, max int) ageWindow {
	return ageWindow{asOf: asOf, min: min, max: max, youngest: coop.BornBy(asOf, min), tooOld: coop.BornBy(asOf, max+1)}
}

// ageWindow returns the window of ages min to max at the binding's date
// (youth for women-youth-share), declared to its plan so that a screening
// counts it with the others.
func (b *Binding) ageWindow(min, max int, youth bool) ageWindow {
	w := newAgeWindow(b.at.asOf, min, max)
	w.youth = youth
	b.at.windows = append(b.at.windows, w)
	return w
}

// in reports whether someone born on birth is aged min to max at asOf.
func (w *ageWindow) in(birth, asOf coop.Date) bool {
	if asOf == w.asOf {
		return !birth.After(w.youngest) && birth.After(w.tooOld)
	}
	return coop.AgedBetween(birth, asOf, w.min, w.max)
}

// firstOutside returns the age at asOf, the window's date, of the first
// member of mem who counts then and is born outside the window; 0 when
// there is none.
func (w *ageWindow) firstOutside(mem []readmodel.Member, asOf coop.Date) int {
	for i := range mem {
		m := &mem[i]
		if m.ActiveAt(asOf) && !m.Birth.IsZero() && !w.in(m.Birth, asOf) {
			return coop.Age(m.Birth, asOf)
		}
	}
	return 0
}

// bindMembersAged passes when every member at the date is aged min_age to
// max_age (both inclusive, an end the call leaves unset being open); unknown when a birth date is missing and the
// answer depends on it, or when no register is given.
func bindMembersAged(b *Binding) Rule {
	r, ok := bindAgeRange(b)
	if !ok {
		return nil
	}
	params, min, max := r.params, r.min, r.max
	window := b.ageWindow(min, max, false)
	rule := func(a *Applicant, asOf coop.Date, out *Eval) {
		out.UseParams(params)
		if notACooperative(a, out) {
			return
		}
		if a.c == nil || len(a.mem) == 0 {
			out.Set(coop.Unknown, msgNoRegister)
			out.Suggest(msgHintRegister2)
			return
		}
		n, outside, unknown, firstOut := aged(a, asOf, &window, out)
		memberDates(a.mem, asOf, out)
		r.setMembers(out, asOf, n, outside, unknown, firstOut)
	}
	b.setColumn(memberColumn(rule, &window, func(t *memberTally, w *windowTally) coop.Outcome {
		n, outside, unknown := t.aged(w)
		return everyMemberOutcome(n, outside, unknown)
	}))
	return rule
}

// aged counts the members of a at asOf: all of them, those born outside
// window (the first of them in the register firstOut years old, found
// only when a reason is made), and those with no birth date, with the
// dates on which a member enters or leaves the window when out collects
// them.
func aged(a *Applicant, asOf coop.Date, window *ageWindow, out *Eval) (n, outside, unknown, firstOut int) {
	if t := a.tallied(asOf, out); t != nil {
		if w := t.window(window); w != nil {
			n, outside, unknown = t.aged(w)
			if outside > 0 && !out.counting {
				firstOut = window.firstOutside(a.mem, asOf)
			}
			return n, outside, unknown, firstOut
		}
	}
	tracking := out.Tracking()
	for i := range a.mem {
		m := &a.mem[i]
		if !m.ActiveAt(asOf) {
			continue
		}
		n++
		if m.Birth.IsZero() {
			unknown++
			continue
		}
		if tracking {
			ageDates(m.Birth, asOf, window.min, window.max, out)
		}
		if !window.in(m.Birth, asOf) {
			outside++
			if firstOut == 0 {
				firstOut = coop.Age(m.Birth, asOf)
			}
		}
	}
	return n, outside, unknown, firstOut
}

// setMembers sets the result of members-aged from the members counted at
// asOf: n in all, outside the range (the first of them firstOut years
// old), and unknown for want of a birth date.
func (r *ageRange) setMembers(out *Eval, asOf coop.Date, n, outside, unknown, firstOut int) {
	o := everyMemberOutcome(n, outside, unknown)
	switch {
	case n == 0:
		out.Set(coop.Fail, msgNoMembers, coop.DateArg(asOf))
	case o == coop.Fail && r.open:
		out.Set(coop.Fail, msgAgesOpenFail, coop.IntArg(outside), coop.IntArg(n), r.phrase, coop.IntArg(firstOut))
	case o == coop.Fail:
		out.Set(coop.Fail, msgAgesFail, coop.IntArg(outside), coop.IntArg(n), coop.IntArg(r.min), coop.IntArg(r.max), coop.IntArg(firstOut))
	case o == coop.Unknown:
		out.Set(coop.Unknown, msgAgesUnknown, coop.IntArg(unknown), coop.IntArg(n))
		out.Suggest(msgHintBirthDates, coop.IntArg(unknown))
	case r.open:
		out.Set(coop.Pass, msgAgesOpenPass, coop.IntArg(n), r.phrase)
	default:
		out.Set(coop.Pass, msgAgesPass, coop.IntArg(n), coop.IntArg(r.min), coop.IntArg(r.max))
	}
}

// everyMemberOutcome decides a rule every member at the date must meet
// (members-aged, women-only) from the members counted then: n in all,
// against of them who do not meet it, and unknown for whom it is not
// known. It fails with no member or one against it, and is unknown when
// a fact missing could decide.
func everyMemberOutcome(n, against, unknown int) coop.Outcome {
	switch {
	case n == 0 || against > 0:
		return coop.Fail
	case unknown > 0:
		return coop.Unknown
	}
	return coop.Pass
}

// bindWomenOnly passes when every member at the date is a woman; unknown
// when a gender is missing and the answer depends on it.
func bindWomenOnly(b *Binding) Rule {
	rule := func(a *Applicant, asOf coop.Date, out *Eval) {
		if notACooperative(a, out) {
			return
		}
		if a.c == nil || len(a.mem) == 0 {
			out.Set(coop.Unknown, msgNoRegister)
			out.Suggest(msgHintRegister2)
			return
		}
		n, _, men, unknown := genders(a, asOf, out)
		memberDates(a.mem, asOf, out)
		switch everyMemberOutcome(n, men, unknown) {
		case coop.Fail:
			if n == 0 {
				out.Set(coop.Fail, msgNoMembers, coop.DateArg(asOf))
				return
			}
			out.Set(coop.Fail, msgWomenOnlyFail, coop.IntArg(men), coop.IntArg(n))
		case coop.Unknown:
			out.Set(coop.Unknown, msgWomenOnlyUnknown, coop.IntArg(unknown), coop.IntArg(n))
			out.Suggest(msgHintGenders, coop.IntArg(unknown))
		default:
			out.Set(coop.Pass, msgWomenOnlyPass, coop.IntArg(n))
		}
	}
	b.setColumn(memberColumn(rule, nil, func(t *memberTally, _ *windowTally) coop.Outcome {
		n, _, men, unknown := t.genders()
		return everyMemberOutcome(n, men, unknown)
	}))
	return rule
}

// shareOutcome decides a share of the members at the date: yes of n
// count towards it, and unknown could. It fails with no member, passes
// when enough says the yes are enough, fails when they would not be even
// with every unknown member counted, and is unknown otherwise.
func shareOutcome(n, yes, unknown int, enough func(yes, n int) bool) coop.Outcome {
	switch {
	case n == 0:
		return coop.Fail
	case enough(yes, n):
		return coop.Pass
	case !enough(yes+unknown, n):
		return coop.Fail
	}
	return coop.Unknown
}

// bindWomenYouthShare passes when the share of members at the date who are
// women or aged 18 to youth_max_age is strictly greater than
// min_women_youth_share. It is unknown when the register, a gender or a
// birth date is missing and the answer depends on it.
func bindWomenYouthShare(b *Binding) Rule {
	maxV, maxRec, ok1 := b.get("youth_max_age")
	shareV, shareRec, ok2 := b.get("min_women_youth_share")
	if !ok1 || !ok2 {
		return nil
	}
	const youthMin = 18
	params, max, min := []coop.Param{maxRec, shareRec}, maxV.Int, shareV.Dec
	pct := coop.PercentArg(min) // formatted once, not for each applicant
	num, den := fraction(min)
	// share > min  <=>  yes * den > num * n, in integers.
	enough := func(yes, n int) bool { return int64(yes)*den > num*int64(n) }
	window := b.ageWindow(youthMin, max, true)
	rule := func(a *Applicant, asOf coop.Date, out *Eval) {
		out.UseParams(params)
		if withoutRegister(a, asOf, out) {
			return
		}
		n, yes, unknown := womenYouth(a, asOf, &window, out)
		memberDates(a.mem, asOf, out)
		switch shareOutcome(n, yes, unknown, enough) {
		case coop.Pass:
			out.Set(coop.Pass, msgWYPass, coop.IntArg(yes), coop.IntArg(n), coop.IntArg(max), coop.RatioArg(yes, n), pct)
		case coop.Fail:
			if n == 0 {
				out.Set(coop.Fail, msgNoMembers, coop.DateArg(asOf))
				return
			}
			out.Set(coop.Fail, msgWYFail, coop.IntArg(yes), coop.IntArg(n), coop.IntArg(max), coop.RatioArg(yes, n), pct,
				coop.IntArg(moreNeeded(yes, n, num, den)))
			out.Suggest(msgHintMoreWY, coop.IntArg(moreNeeded(yes, n, num, den)), coop.IntArg(max))
		default:
			out.Set(coop.Unknown, msgWYUnknown, coop.IntArg(yes), coop.IntArg(n), coop.IntArg(unknown), coop.IntArg(max), pct)
			out.Suggest(msgHintGenderBirth, coop.IntArg(unknown))
		}
	}
	b.setColumn(memberColumn(rule, &window, func(t *memberTally, w *windowTally) coop.Outcome {
		n, yes, unknown := t.womenYouth(w)
		return shareOutcome(n, yes, unknown, enough)
	}))
	return rule
}

// womenYouth counts the members of a at asOf, those who are women or
// aged within window (18 to the youth age), and those for whom it is not
// known, with the dates on which a member enters or leaves the window
// when out collects them.
func womenYouth(a *Applicant, asOf coop.Date, window *ageWindow, out *Eval) (n, yes, unknown int) {
	if t := a.tallied(asOf, out); t != nil {
		if w := t.window(window); w != nil && w.youth {
			return t.womenYouth(w)
		}
	}
	tracking := out.Tracking()
	for i := range a.mem {
		m := &a.mem[i]
		if !m.ActiveAt(asOf) {
			continue
		}
		n++
		if m.Gender == readmodel.Female {
			yes++
			continue
		}
		if !m.Birth.IsZero() {
			if tracking {
				ageDates(m.Birth, asOf, window.min, window.max, out)
			}
			if window.in(m.Birth, asOf) {
				yes++
				continue
			}
			if m.Gender == readmodel.Male {
				continue // known: neither a woman nor young
			}
		}
		unknown++
	}
	return n, yes, unknown
}

// bindWomenShare passes when the women among the members at the date are
// at least min_women_share of them, or more than it when the criterion
// makes the end strict (a majority); unknown when genders not given decide.
func bindWomenShare(b *Binding) Rule {
	shareV, shareRec, ok := b.get("min_women_share")
	if !ok {
		return nil
	}
	params, strict := []coop.Param{shareRec}, b.Strict("min")
	num, den := fraction(shareV.Dec)
	pct := coop.PercentArg(shareV.Dec)
	asked := coop.NamesArg(coop.Names{EN: "at least", FR: "au moins", AR: "على الأقل"})
	if strict {
		asked = coop.NamesArg(coop.Names{EN: "more than", FR: "plus de", AR: "أكثر من"})
	}
	// enough reports whether women of n are enough: women/n >= share, or
	// > share when strict, in integers.
	enough := func(women, n int) bool {
		if strict {
			return int64(women)*den > num*int64(n)
		}
		return int64(women)*den >= num*int64(n)
	}
	rule := func(a *Applicant, asOf coop.Date, out *Eval) {
		out.UseParams(params)
		if withoutRegister(a, asOf, out) {
			return
		}
		n, women, _, unknown := genders(a, asOf, out)
		memberDates(a.mem, asOf, out)
		switch shareOutcome(n, women, unknown, enough) {
		case coop.Pass:
			out.Set(coop.Pass, msgWomenSharePass, coop.IntArg(women), coop.IntArg(n), coop.RatioArg(women, n), asked, pct)
		case coop.Fail:
			if n == 0 {
				out.Set(coop.Fail, msgNoMembers, coop.DateArg(asOf))
				return
			}
			out.Set(coop.Fail, msgWomenShareFail, coop.IntArg(women), coop.IntArg(n), coop.RatioArg(women, n), asked, pct)
		default:
			out.Set(coop.Unknown, msgWomenShareUnknown, coop.IntArg(women), coop.IntArg(n), coop.IntArg(unknown), asked, pct)
			out.Suggest(msgHintGenders, coop.IntArg(unknown))
		}
	}
	b.setColumn(memberColumn(rule, nil, func(t *memberTally, _ *windowTally) coop.Outcome {
		n, women, _, unknown := t.genders()
		return shareOutcome(n, women, unknown, enough)
	}))
	return rule
}

// genders counts the members of a active at asOf: all of them, the
// women, the men and those whose gender is not given.
func genders(a *Applicant, asOf coop.Date, out *Eval) (n, women, men, unknown int) {
	if t := a.tallied(asOf, out); t != nil {
		return t.genders()
	}
	for i := range a.mem {
		m := &a.mem[i]
		if !m.ActiveAt(asOf) {
			continue
		}
		n++
		switch m.Gender {
		case readmodel.Female:
			women++
		case readmodel.Male:
			men++
		default:
			unknown++
		}
	}
	return n, women, men, unknown
}

// notACooperative fails a rule on the members for a person or an
// enterprise, which have none, and reports whether it did.
func notACooperative(a *Applicant, out *Eval) bool {
	if a.c == nil && (a.Person != nil || a.Enterprise != nil) {
		out.Set(coop.Fail, msgNotACooperative)
		return true
	}
	return false
}

// withoutRegister decides a rule on the members when the applicant gives
// no member register: it fails when the cooperative states it has no
// members, and is unknown otherwise. It reports whether it decided.
func withoutRegister(a *Applicant, asOf coop.Date, out *Eval) bool {
	if a.c != nil && len(a.mem) > 0 {
		return false
	}
	if notACooperative(a, out) {
		return true
	}
	if a.c != nil {
		if count, ok := a.model.MemberCount(a.c); ok && count == 0 {
			out.Set(coop.Fail, msgNoMembers, coop.DateArg(asOf))
			return true
		}
	}
	out.Set(coop.Unknown, msgNoRegister)
	out.Suggest(msgHintRegister2)
	return true
}

// moreNeeded returns the least k such that (yes+k)/(n+k) > num/den: how
// many women or young members would have to join.
func moreNeeded(yes, n int, num, den int64) int {
	if num >= den {
		return 0 // no share can exceed 100 %
	}
	// (yes+k)*den > num*(n+k)  <=>  k*(den-num) > num*n - yes*den
	need := num*int64(n) - int64(yes)*den
	if need < 0 {
		return 0
	}
	return int(need/(den-num)) + 1
}

// fraction writes a non-negative decimal as num/den in integers: 0.30 is
// 30/100.
func fraction(d decimal.Decimal) (num, den int64) {
	den = 1
	for e := d.Exponent(); e < 0 && den < 1e12; e++ {
		den *= 10
	}
	return d.Shift(int32(len(strconv.FormatInt(den, 10)) - 1)).IntPart(), den
}

// noOldestAge stands for the upper end of an age range left open: nobody
// is older.
const noOldestAge = 200

// ageRange is an age range a call sets: its ends (0 and noOldestAge for
// an end left open), the parameters read, and, when open, the phrase that
// says it in reasons ("18 ans ou plus").
type ageRange struct {
	min, max int
	open     bool
	phrase   coop.Arg
	params   []coop.Param
}

// bindAgeRange reads the range min_age to max_age of a call: either end,
// or both, each inclusive unless the criterion makes it strict; ok is
// false when the call sets neither (a call that names the criterion is
// refused at load then). Ages are whole years: over 18 is 19 or more.
func bindAgeRange(b *Binding) (ageRange, bool) {
	minV, minRec, hasMin := b.get("min_age")
	maxV, maxRec, hasMax := b.get("max_age")
	if !hasMin && !hasMax {
		return ageRange{}, false
	}
	minStrict, maxStrict := b.Strict("min"), b.Strict("max")
	r := ageRange{max: noOldestAge, open: !hasMin || !hasMax || minStrict || maxStrict}
	var parts []coop.Names
	if hasMin {
		n := strconv.Itoa(minV.Int)
		r.min, r.params = minV.Int, append(r.params, minRec)
		if minStrict {
			r.min++
			parts = append(parts, coop.Names{EN: "aged over " + n, FR: "de plus de " + n + " ans", AR: "الذين يتجاوز عمرهم " + n + " سنة"})
		} else {
			parts = append(parts, coop.Names{EN: "aged " + n + " or over", FR: "de " + n + " ans ou plus", AR: "البالغين " + n + " سنة فأكثر"})
		}
	}
	if hasMax {
		n := strconv.Itoa(maxV.Int)
		r.max, r.params = maxV.Int, append(r.params, maxRec)
		if maxStrict {
			r.max--
			parts = append(parts, coop.Names{EN: "aged under " + n, FR: "de moins de " + n + " ans", AR: "الذين يقل عمرهم عن " + n + " سنة"})
		} else {
			parts = append(parts, coop.Names{EN: "aged " + n + " or under", FR: "de " + n + " ans au plus", AR: "الذين لا يتجاوز عمرهم " + n + " سنة"})
		}
	}
	if r.open {
		if len(parts) == 2 {
			parts[1].EN = strings.TrimPrefix(parts[1].EN, "aged ") // aged 18 or over and under 35
		}
		r.phrase = rangePhrase(parts)
	}
	return r, true
}

// rangePhrase says a range in reasons from what each of its ends says:
// "de 18 ans ou plus et de moins de 35 ans".
func rangePhrase(ends []coop.Names) coop.Arg {
	p := ends[0]
	if len(ends) == 2 {
		p = coop.Names{EN: p.EN + " and " + ends[1].EN, FR: p.FR + " et " + ends[1].FR, AR: p.AR + " و" + ends[1].AR}
	}
	return coop.NamesArg(p)
}

// bindPersonAge passes when the person is aged min_age to max_age at the
// date, an end the call leaves unset being open; unknown when no birth
// date is given.
func bindPersonAge(b *Binding) Rule {
	r, ok := bindAgeRange(b)
	if !ok {
		return nil
	}
	params, min, max := r.params, r.min, r.max
	return func(a *Applicant, asOf coop.Date, out *Eval) {
		out.UseParams(params)
		if a.Person == nil && (a.c != nil || a.Enterprise != nil) {
			out.Set(coop.Fail, msgNotAPerson)
			return
		}
		if a.Person == nil || a.Person.BirthDate.IsZero() {
			if r.open {
				out.Set(coop.Unknown, msgAgeOpenUnknown, r.phrase)
			} else {
				out.Set(coop.Unknown, msgAgeUnknown, coop.IntArg(min), coop.IntArg(max))
			}
			out.Suggest(msgHintBirthDate)
			return
		}
		b := a.Person.BirthDate
		age := coop.Age(b, asOf)
		ageDates(b, asOf, min, max, out)
		in := coop.AgedBetween(b, asOf, min, max)
		switch {
		case in && r.open:
			out.Set(coop.Pass, msgAgeOpenPass, coop.IntArg(age), coop.DateArg(asOf), r.phrase)
			return
		case in:
			out.Set(coop.Pass, msgAgePass, coop.IntArg(age), coop.DateArg(asOf), coop.IntArg(min), coop.IntArg(max))
			return
		case r.open:
			out.Set(coop.Fail, msgAgeOpenFail, coop.IntArg(age), coop.DateArg(asOf), r.phrase)
		default:
			out.Set(coop.Fail, msgAgeFail, coop.IntArg(age), coop.DateArg(asOf), coop.IntArg(min), coop.IntArg(max))
		}
		if age < min {
			out.Suggest(msgHintAgeFrom, coop.IntArg(min), coop.DateArg(b.AddYears(min)))
		}
	}
}

// bindOwnContribution passes when the project's own contribution in cash
// and in kind covers at least min_own_rate of its cost. It is reported only
// when the request carries a project.
func bindOwnContribution(b *Binding) Rule {
	rate, rec, ok := b.get("min_own_rate")
	if !ok {
		return nil
	}
	params, pct := []coop.Param{rec}, coop.PercentArg(rate.Dec)
	rule := func(a *Applicant, _ coop.Date, out *Eval) {
		pr := a.Project
		if pr == nil {
			return
		}
		out.UseParams(params)
		// An amount not given is unknown, not 0.00 (programs.md §2,
		// clarified): the known part of the own contribution is a lower
		// bound, and passes alone when it covers the rate.
		own := pr.OwnCash.Decimal.Add(pr.OwnInKind.Decimal)
		if !pr.Cost.Valid {
			out.Set(coop.Unknown, msgOwnUnknown, costArg, pct)
			out.Suggest(msgHintAmount, costArg)
			return
		}
		need := pr.Cost.Decimal.Mul(rate.Dec)
		missing := missingAmount(pr.OwnCash, pr.OwnInKind)
		switch {
		case !own.LessThan(need) && missing.Kind == coop.ArgNone:
			out.Set(coop.Pass, msgOwnPass, coop.AmountArg(own), coop.AmountArg(pr.Cost.Decimal), pct)
		case !own.LessThan(need):
			out.Set(coop.Pass, msgOwnAtLeast, coop.AmountArg(own), coop.AmountArg(pr.Cost.Decimal), pct, missing)
		case missing.Kind != coop.ArgNone:
			out.Set(coop.Unknown, msgOwnUnknown, missing, pct)
			out.Suggest(msgHintAmount, missing)
		default:
			out.Set(coop.Fail, msgOwnFail, coop.AmountArg(own), coop.AmountArg(pr.Cost.Decimal), pct, coop.AmountArg(coop.RoundMAD(need)))
			out.Suggest(msgHintOwn, coop.AmountArg(coop.RoundMAD(need.Sub(own)).Abs()))
		}
	}
	b.setColumn(constantColumn(rule)) // it reads the project alone, which no cooperative screened carries
	return rule
}

// The amounts of a project as reasons name them.
var (
	costArg      = coop.NamesArg(amountNames["cost"])
	ownCashArg   = coop.NamesArg(amountNames["own_cash"])
	ownInKindArg = coop.NamesArg(amountNames["own_in_kind"])
)

// missingAmount names the first of the own contribution's amounts that is
// not given; an empty argument when both are.
func missingAmount(cash, inKind decimal.NullDecimal) coop.Arg {
	switch {
	case !cash.Valid:
		return ownCashArg
	case !inKind.Valid:
		return ownInKindArg
	}
	return coop.Arg{}
}

// bindInKindCap passes when the contribution in kind is at most
// max_in_kind_share of the own contribution. It is reported only when the
// request carries a project; unknown when an amount it reads is not given
// and could change it.
func bindInKindCap(b *Binding) Rule {
	share, rec, ok := b.get("max_in_kind_share")
	if !ok {
		return nil
	}
	params, pct := []coop.Param{rec}, coop.PercentArg(share.Dec)
	rule := func(a *Applicant, _ coop.Date, out *Eval) {
		pr := a.Project
		if pr == nil {
			return
		}
		out.UseParams(params)
		switch {
		case pr.OwnInKind.Valid && pr.OwnInKind.Decimal.IsZero():
			// Nothing in kind is within any cap, whatever the cash.
			out.Set(coop.Pass, msgInKindPass, coop.AmountArg(pr.OwnInKind.Decimal), pct)
			return
		case !pr.OwnInKind.Valid:
			out.Set(coop.Unknown, msgInKindUnknown, ownInKindArg, pct)
			out.Suggest(msgHintAmount, ownInKindArg)
			return
		case !pr.OwnCash.Valid:
			out.Set(coop.Unknown, msgInKindUnknown, ownCashArg, pct)
			out.Suggest(msgHintAmount, ownCashArg)
			return
		}
		limit := pr.OwnCash.Decimal.Add(pr.OwnInKind.Decimal).Mul(share.Dec)
		if !pr.OwnInKind.Decimal.GreaterThan(limit) {
			out.Set(coop.Pass, msgInKindPass, coop.AmountArg(pr.OwnInKind.Decimal), pct)
			return
		}
		out.Set(coop.Fail, msgInKindFail, coop.AmountArg(pr.OwnInKind.Decimal), pct, coop.AmountArg(coop.FloorMAD(limit)))
	}
	b.setColumn(constantColumn(rule)) // it reads the project alone, which no cooperative screened carries
	return rule
}

// rateCapGrant returns the grant min(grant_rate x cost, grant_cap),
// rounded down to the centime (programs.md §1, "Money"), when the request
// carries a project whose cost is given.
func rateCapGrant(b *Binding, a *Applicant) (decimal.Decimal, bool) {
	if a.Project == nil {
		return decimal.Decimal{}, false
	}
	rate, _, ok1 := b.get("grant_rate")
	cap, _, ok2 := b.get("grant_cap")
	if !ok1 || !ok2 {
		return decimal.Decimal{}, false
	}
	if !a.Project.Cost.Valid {
		return decimal.Decimal{}, false
	}
	g := a.Project.Cost.Decimal.Mul(rate.Dec)
	if g.GreaterThan(cap.Dec) {
		g = cap.Dec
	}
	return coop.FloorMAD(g), true
}

// rateCapBenefit states the grant of rate-cap with its rate and ceiling.
func rateCapBenefit(b *Binding, a *Applicant) (Benefit, bool) {
	g, ok := rateCapGrant(b, a)
	if !ok {
		return Benefit{}, false
	}
	rate, rateRec, _ := b.get("grant_rate")
	cap, capRec, _ := b.get("grant_cap")
	return Benefit{Grant: decimal.NewNullDecimal(g), Params: []coop.Param{rateRec, capRec},
		Reason: coop.NewReason(msgBenefitRateCap, coop.AmountArg(g), coop.PercentArg(rate.Dec), coop.AmountArg(cap.Dec))}, true
}

// need returns what a project asks to be financed: its cost less the own
// contribution in cash and in kind, not below zero; false when one of
// them is not given (programs.md §2, clarified: never read as 0.00).
func need(pr *Project) (decimal.Decimal, bool) {
	if pr == nil || !pr.Cost.Valid || !pr.OwnCash.Valid || !pr.OwnInKind.Valid {
		return decimal.Decimal{}, false
	}
	n := pr.Cost.Decimal.Sub(pr.OwnCash.Decimal).Sub(pr.OwnInKind.Decimal)
	if n.Sign() < 0 {
		return decimal.Decimal{}, true
	}
	return n, true
}

// loanParams reads the parameters of a loan kind by role; ok is false
// when the call does not set one of them.
func loanParams(b *Binding, roles ...string) (vals []Value, recs []coop.Param, ok bool) {
	for _, role := range roles {
		v, rec, found := b.get(role)
		if !found {
			return nil, nil, false
		}
		vals, recs = append(vals, v), append(recs, rec)
	}
	return vals, recs, true
}

// honourLoan computes an honour loan: min(need, loan_cap) and its grant
// part min(loan, grant_part_cap), rounded down to the centime; known is
// false when the project does not give every amount.
func honourLoan(b *Binding, a *Applicant) (loan, grant decimal.Decimal, vals []Value, recs []coop.Param, known, ok bool) {
	vals, recs, ok = loanParams(b, "loan_cap", "grant_part_cap", "repayment_years", "grace_years")
	if !ok {
		return loan, grant, nil, nil, false, false
	}
	n, known := need(a.Project)
	if !known {
		return loan, grant, vals, recs, false, true
	}
	loan = coop.FloorMAD(decimal.Min(n, vals[0].Dec))
	grant = decimal.Min(loan, vals[1].Dec)
	return loan, grant, vals, recs, true, true
}

// honourLoanGrant is the grant part of an honour loan, when the project
// gives its amounts.
func honourLoanGrant(b *Binding, a *Applicant) (decimal.Decimal, bool) {
	_, grant, _, _, known, ok := honourLoan(b, a)
	return grant, known && ok
}

// honourLoanBenefit states an honour loan: its amount and grant part when
// the project gives them, its ceilings otherwise, and its terms.
func honourLoanBenefit(b *Binding, a *Applicant) (Benefit, bool) {
	loan, grant, vals, recs, known, ok := honourLoan(b, a)
	if !ok {
		return Benefit{}, false
	}
	out := Benefit{Rate: decimal.NewNullDecimal(decimal.Zero), RepaymentYears: vals[2].Int, GraceYears: vals[3].Int, Params: recs}
	years := []coop.Arg{coop.IntArg(vals[2].Int), coop.IntArg(vals[3].Int)}
	if !known {
		out.Reason = coop.NewReason(msgHonourLoanUpTo, append([]coop.Arg{coop.AmountArg(vals[0].Dec), coop.AmountArg(vals[1].Dec)}, years...)...)
		return out, true
	}
	out.Loan, out.Grant = decimal.NewNullDecimal(loan), decimal.NewNullDecimal(grant)
	out.Reason = coop.NewReason(msgHonourLoan, append([]coop.Arg{coop.AmountArg(loan), coop.AmountArg(grant)}, years...)...)
	return out, true
}

// guaranteedLoanBenefit states a guaranteed bank loan: its amount when the
// project gives it, its ceiling otherwise; the rate of the project's zone,
// or both rates when the zone is not given.
func guaranteedLoanBenefit(b *Binding, a *Applicant) (Benefit, bool) {
	vals, recs, ok := loanParams(b, "loan_cap", "loan_rate", "guarantee_share")
	if !ok {
		return Benefit{}, false
	}
	rate, rural := vals[1].Dec, vals[1].Dec
	byZone := false
	if v, rec, found := b.get("rural_loan_rate"); found {
		rural, byZone = v.Dec, !v.Dec.Equal(rate)
		recs = append(recs, rec)
	}
	out := Benefit{GuaranteeShare: decimal.NewNullDecimal(vals[2].Dec), Params: recs}
	var zone Zone
	if a.Project != nil {
		zone = a.Project.Zone
	}
	switch {
	case zone == Rural:
		out.Rate, byZone = decimal.NewNullDecimal(rural), false
		rate = rural
	case zone == Urban || !byZone:
		out.Rate, byZone = decimal.NewNullDecimal(rate), false
	}
	amount, msg := vals[0].Dec, msgLoanUpTo
	if n, known := need(a.Project); known {
		amount, msg = coop.FloorMAD(decimal.Min(n, vals[0].Dec)), msgLoan
		out.Loan = decimal.NewNullDecimal(amount)
	}
	args := []coop.Arg{coop.AmountArg(amount), coop.PercentArg(rate)}
	if byZone {
		args = append(args, coop.PercentArg(rural))
		msg = map[*coop.Message]*coop.Message{msgLoan: msgLoanByZone, msgLoanUpTo: msgLoanUpToByZone}[msg]
	}
	out.Reason = coop.NewReason(msg, append(args, coop.PercentArg(vals[2].Dec))...)
	return out, true
}
