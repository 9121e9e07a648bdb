package programs

import "github.com/taawun/taawun/coop"

type m = coop.Message

// Plural cases of the nouns the reasons count (see coop.Plural): {n cases}
// chooses the text by the plural category of the n-th argument, # standing
// for it. The Arabic cases come in the nominative and, after a preposition,
// in the genitive.
const (
	enMembers    = coop.PluralMembersEN
	frMembers    = coop.PluralMembersFR
	arMembers    = coop.PluralMembersAR
	arMembersGen = coop.PluralMembersARGen
	enYears      = coop.PluralYearsEN
	frYears      = coop.PluralYearsFR
	arYears      = coop.PluralYearsAR
	arYearsGen   = coop.PluralYearsARGen
)

// Outcome labels and the parts of an explanation.
var (
	msgEligible     = &label{ID: "outcome.eligible", EN: "eligible", FR: "éligible", AR: "مؤهل"}
	msgIneligible   = &label{ID: "outcome.ineligible", EN: "ineligible", FR: "non éligible", AR: "غير مؤهل"}
	msgUndetermined = &label{ID: "outcome.undetermined", EN: "undetermined", FR: "indéterminé", AR: "غير محسوم"}
	// msgEligibleF and msgIneligibleF agree with a cooperative (تعاونية,
	// feminine) in Arabic.
	msgEligibleF    = &label{ID: "outcome.eligible.f", EN: "eligible", FR: "éligible", AR: "مؤهلة"}
	msgIneligibleF  = &label{ID: "outcome.ineligible.f", EN: "ineligible", FR: "non éligible", AR: "غير مؤهلة"}
	msgPass         = &label{ID: "criterion.pass", EN: "pass", FR: "rempli", AR: "مستوفى"}
	msgFail         = &label{ID: "criterion.fail", EN: "fail", FR: "non rempli", AR: "غير مستوفى"}
	msgUnknown      = &label{ID: "criterion.unknown", EN: "unknown", FR: "inconnu", AR: "غير معروف"}
	msgUntil        = &m{ID: "summary.until", EN: "{0} until {1}", FR: "{0} jusqu'au {1}", AR: "{0} إلى غاية {1}"}
	msgFrom         = &m{ID: "summary.from", EN: "{0}; {1} from {2}", FR: "{0}\u00a0; {1} à partir du {2}", AR: "{0}؛ {1} ابتداء من {2}"}
	msgGrant        = &m{ID: "summary.grant", EN: "; grant {0} MAD", FR: "\u00a0; subvention de {0} MAD", AR: "؛ منحة قدرها {0} درهم"}
	msgBenefitLabel = &label{ID: "decision.benefit", EN: "benefit", FR: "avantage", AR: "الامتياز"}
	msgUnconfirmed  = &m{ID: "criterion.unconfirmed", EN: "unconfirmed: {0}", FR: "non confirmé\u00a0: {0}", AR: "غير مؤكد: {0}"}
)

// The names of the kinds of applicant and of the amounts of a project, as
// reasons show them.
var (
	kindNames = map[ApplicantKind]coop.Names{
		Cooperative: {FR: "coopérative", EN: "cooperative", AR: "تعاونية"},
		Union:       {FR: "union de coopératives", EN: "union of cooperatives", AR: "اتحاد تعاونيات"},
		Person:      {FR: "personne physique", EN: "natural person", AR: "شخص ذاتي"},
		Association: {FR: "association", EN: "association", AR: "جمعية"},
		VSE:         {FR: "très petite entreprise", EN: "very small enterprise", AR: "مقاولة صغيرة جدا"},
		// The status of auto-entrepreneur, Law 114-13.
		AutoEntrepreneur: {FR: "auto-entrepreneur", EN: "auto-entrepreneur", AR: "مقاول ذاتي"},
	}
	// kindSubjects name an applicant of each kind after "the applicant
	// is", with the article each language needs.
	kindSubjects = map[ApplicantKind]coop.Names{
		Cooperative:      {FR: "une coopérative", EN: "a cooperative", AR: "تعاونية"},
		Union:            {FR: "une union de coopératives", EN: "a union of cooperatives", AR: "اتحاد تعاونيات"},
		Person:           {FR: "une personne physique", EN: "a natural person", AR: "شخص ذاتي"},
		Association:      {FR: "une association", EN: "an association", AR: "جمعية"},
		VSE:              {FR: "une très petite entreprise", EN: "a very small enterprise", AR: "مقاولة صغيرة جدا"},
		AutoEntrepreneur: {FR: "un auto-entrepreneur", EN: "an auto-entrepreneur", AR: "مقاول ذاتي"},
	}
	amountNames = map[string]coop.Names{
		"cost":        {FR: "le coût", EN: "the cost", AR: "الكلفة"},
		"own_cash":    {FR: "l'apport en numéraire", EN: "the own contribution in cash", AR: "المساهمة النقدية"},
		"own_in_kind": {FR: "l'apport en nature", EN: "the contribution in kind", AR: "المساهمة العينية"},
	}
)

// Reasons and hints of the criteria. {n} is the n-th argument.
var (
	msgKindPass = &m{ID: "applicant-kind.pass", EN: "the applicant is {0}, which the programme accepts",
		FR: "le demandeur est {0}, ce que le programme accepte", AR: "المترشح {0}، وهو صنف يقبله البرنامج"}
	msgKindFail = &m{ID: "applicant-kind.fail", EN: "the applicant is {0}; the programme accepts: {1}",
		FR: "le demandeur est {0}\u00a0; le programme accepte\u00a0: {1}", AR: "المترشح {0}؛ البرنامج يقبل: {1}"}

	// The combinators, whose branches say the rest.
	msgAllPass = &m{ID: "all-of.pass", EN: "every condition is met", FR: "toutes les conditions sont remplies", AR: "جميع الشروط مستوفاة"}
	msgAllFail = &m{ID: "all-of.fail", EN: "at least one condition is not met",
		FR: "au moins une condition n'est pas remplie", AR: "شرط واحد على الأقل غير مستوفى"}
	msgAllUnknown = &m{ID: "all-of.unknown", EN: "no condition fails, but at least one cannot be decided for want of information",
		FR: "aucune condition n'est en défaut, mais au moins une ne peut être tranchée faute d'informations",
		AR: "لا يوجد شرط غير مستوفى، لكن تعذر الحسم في شرط واحد على الأقل لنقص المعطيات"}
	msgAnyPass = &m{ID: "any-of.pass", EN: "at least one of the alternatives is met",
		FR: "au moins l'une des possibilités est remplie", AR: "إحدى الإمكانيات على الأقل مستوفاة"}
	msgAnyFail = &m{ID: "any-of.fail", EN: "none of the alternatives is met",
		FR: "aucune des possibilités n'est remplie", AR: "لا تستوفى أي من الإمكانيات"}
	msgAnyUnknown = &m{ID: "any-of.unknown", EN: "no alternative is met, and at least one cannot be decided for want of information",
		FR: "aucune possibilité n'est remplie, et au moins une ne peut être tranchée faute d'informations",
		AR: "لا تستوفى أي إمكانية، وتعذر الحسم في إحداها على الأقل لنقص المعطيات"}
	msgNotPass = &m{ID: "not.pass", EN: "the excluded condition is not met",
		FR: "la condition exclue n'est pas remplie", AR: "الشرط المستبعد غير مستوفى"}
	msgNotFail = &m{ID: "not.fail", EN: "the excluded condition is met",
		FR: "la condition exclue est remplie", AR: "الشرط المستبعد مستوفى"}
	msgNotUnknown = &m{ID: "not.unknown", EN: "whether the excluded condition is met cannot be decided for want of information",
		FR: "on ne peut dire, faute d'informations, si la condition exclue est remplie",
		AR: "تعذر الحسم، لنقص المعطيات، في استيفاء الشرط المستبعد"}
	msgNotAnEnterprise = &m{ID: "turnover.not-an-enterprise", EN: "the applicant is not an enterprise: the programme reads the turnover of an enterprise",
		FR: "le demandeur n'est pas une entreprise\u00a0: le programme lit le chiffre d'affaires d'une entreprise", AR: "المترشح ليس مقاولة: البرنامج يعتمد رقم معاملات المقاولة"}
	msgTurnoverUnknown = &m{ID: "turnover.unknown", EN: "the turnover of the last closed year is not given; the programme takes {0}",
		FR: "le chiffre d'affaires du dernier exercice clos n'est pas indiqué\u00a0; le programme exige {0}", AR: "رقم معاملات آخر سنة مالية مختتمة غير محدد؛ البرنامج يشترط {0}"}
	msgHintTurnover = &m{ID: "hint.turnover", EN: "give the turnover of the last closed year",
		FR: "indiquer le chiffre d'affaires du dernier exercice clos", AR: "تحديد رقم معاملات آخر سنة مالية مختتمة"}
	msgTurnoverPass = &m{ID: "turnover.pass", EN: "turnover of the last closed year {0} MAD; the programme takes {1}",
		FR: "chiffre d'affaires du dernier exercice clos de {0} MAD\u00a0; le programme exige {1}", AR: "رقم معاملات آخر سنة مالية مختتمة {0} درهم؛ البرنامج يشترط {1}"}
	msgTurnoverFail = &m{ID: "turnover.fail", EN: "turnover of the last closed year {0} MAD, outside what the programme takes: {1}",
		FR: "chiffre d'affaires du dernier exercice clos de {0} MAD, hors de ce que le programme exige\u00a0: {1}", AR: "رقم معاملات آخر سنة مالية مختتمة {0} درهم، خارج ما يشترطه البرنامج: {1}"}
	// The benefits a decision states.
	msgBenefitGrant   = &m{ID: "benefit.grant", EN: "a grant of {0} MAD", FR: "une subvention de {0} MAD", AR: "منحة قدرها {0} درهم"}
	msgBenefitRateCap = &m{ID: "benefit.rate-cap", EN: "a grant of {0} MAD: {1} of the cost, at most {2} MAD",
		FR: "une subvention de {0} MAD\u00a0: {1} du coût, dans la limite de {2} MAD", AR: "منحة قدرها {0} درهم: {1} من الكلفة، في حدود {2} درهم"}
	msgHonourLoan = &m{ID: "benefit.honour-loan", EN: "an interest-free honour loan of {0} MAD, of which {1} MAD is a grant, repaid over at most {2 " + enYears + "} after {3 " + enYears + "} of grace",
		FR: "un prêt d'honneur sans intérêt de {0} MAD, dont {1} MAD de subvention, remboursable sur {2 " + frYears + "} au plus après un différé de {3 " + frYears + "}",
		AR: "قرض شرف بدون فائدة قدره {0} درهم، منها {1} درهم منحة، يسدد في أجل أقصاه {2 " + arYears + "} بعد فترة إعفاء مدتها {3 " + arYears + "}"}
	msgHonourLoanUpTo = &m{ID: "benefit.honour-loan-up-to", EN: "an interest-free honour loan of up to {0} MAD, of which up to {1} MAD is a grant, repaid over at most {2 " + enYears + "} after {3 " + enYears + "} of grace",
		FR: "un prêt d'honneur sans intérêt jusqu'à {0} MAD, dont jusqu'à {1} MAD de subvention, remboursable sur {2 " + frYears + "} au plus après un différé de {3 " + frYears + "}",
		AR: "قرض شرف بدون فائدة يصل إلى {0} درهم، منها ما يصل إلى {1} درهم منحة، يسدد في أجل أقصاه {2 " + arYears + "} بعد فترة إعفاء مدتها {3 " + arYears + "}"}
	msgLoan = &m{ID: "benefit.loan", EN: "a bank loan of {0} MAD at {1} a year, guaranteed up to {2}",
		FR: "un prêt bancaire de {0} MAD au taux annuel de {1}, garanti à hauteur de {2} au plus", AR: "قرض بنكي قدره {0} درهم بسعر فائدة سنوي قدره {1}، مضمون في حدود {2}"}
	msgLoanUpTo = &m{ID: "benefit.loan-up-to", EN: "a bank loan of up to {0} MAD at {1} a year, guaranteed up to {2}",
		FR: "un prêt bancaire jusqu'à {0} MAD au taux annuel de {1}, garanti à hauteur de {2} au plus", AR: "قرض بنكي يصل إلى {0} درهم بسعر فائدة سنوي قدره {1}، مضمون في حدود {2}"}
	msgLoanByZone = &m{ID: "benefit.loan-by-zone", EN: "a bank loan of {0} MAD at {1} a year, {2} in rural areas, guaranteed up to {3}",
		FR: "un prêt bancaire de {0} MAD au taux annuel de {1}, {2} en milieu rural, garanti à hauteur de {3} au plus",
		AR: "قرض بنكي قدره {0} درهم بسعر فائدة سنوي قدره {1}، و{2} في الوسط القروي، مضمون في حدود {3}"}
	msgLoanUpToByZone = &m{ID: "benefit.loan-up-to-by-zone", EN: "a bank loan of up to {0} MAD at {1} a year, {2} in rural areas, guaranteed up to {3}",
		FR: "un prêt bancaire jusqu'à {0} MAD au taux annuel de {1}, {2} en milieu rural, garanti à hauteur de {3} au plus",
		AR: "قرض بنكي يصل إلى {0} درهم بسعر فائدة سنوي قدره {1}، و{2} في الوسط القروي، مضمون في حدود {3}"}
	msgFoundedPass = &m{ID: "founded.pass", EN: "founded on {0}; the programme takes a founding {1}",
		FR: "date de fondation\u00a0: {0}\u00a0; le programme exige une fondation {1}", AR: "تاريخ التأسيس: {0}؛ يشترط البرنامج تأسيسا {1}"}
	msgFoundedFail = &m{ID: "founded.fail", EN: "founded on {0}, outside what the programme takes: a founding {1}",
		FR: "date de fondation\u00a0: {0}, hors de ce que le programme exige\u00a0: une fondation {1}", AR: "تاريخ التأسيس: {0}، خارج ما يشترطه البرنامج: تأسيس {1}"}
	msgNotAPerson = &m{ID: "age.not-a-person", EN: "the applicant is not a natural person",
		FR: "le demandeur n'est pas une personne physique", AR: "المترشح ليس شخصا ذاتيا"}
	msgNotACooperative = &m{ID: "registered.no-cooperative", EN: "the applicant is not a cooperative",
		FR: "le demandeur n'est pas une coopérative", AR: "المترشح ليس تعاونية"}
	msgNotRegistered = &m{ID: "registered.not-registered", EN: "the cooperative is not registered: it has no legal existence",
		FR: "la coopérative n'est pas immatriculée\u00a0: elle n'a pas d'existence légale", AR: "التعاونية غير مقيدة: ليس لها وجود قانوني"}
	msgRegisteredLater = &m{ID: "registered.later", EN: "registered on {0}, after {1}",
		FR: "immatriculée le {0}, après le {1}", AR: "قيدت في {0}، بعد {1}"}
	msgNotActive = &m{ID: "registered.not-active", EN: "status since {1}: {0}",
		FR: "statut depuis le {1}\u00a0: {0}", AR: "وضعيتها منذ {1}: {0}"}
	msgRegisteredPass = &m{ID: "registered.pass", EN: "registered on {0} and active on {1}",
		FR: "immatriculée le {0} et active au {1}", AR: "مقيدة في {0} ونشيطة بتاريخ {1}"}
	msgHintRegister = &m{ID: "hint.register", EN: "register the cooperative (Law 112-12 art. 11)",
		FR: "immatriculer la coopérative (loi n° 112-12, art. 11)", AR: "تقييد التعاونية (القانون رقم \u2068112.12\u2069، المادة 11)"}

	msgLawFounded = &m{ID: "law-112-12.founded", EN: "founded under Law 112-12 on cooperatives",
		FR: "constituée sous la loi n° 112-12 relative aux coopératives", AR: "تأسست في ظل القانون رقم \u2068112.12\u2069 المتعلق بالتعاونيات"}
	msgLawConformed = &m{ID: "law-112-12.conformed", EN: "founded under Law 24-83, statutes conformed to Law 112-12 on {0}",
		FR: "constituée sous la loi n° 24-83, statuts mis en conformité avec la loi n° 112-12 le {0}", AR: "تأسست في ظل القانون رقم \u206824.83\u2069، ونظامها الأساسي مطابق للقانون رقم \u2068112.12\u2069 منذ {0}"}
	msgLawNotConformed = &m{ID: "law-112-12.not-conformed", EN: "founded under Law 24-83 and not conformed to Law 112-12 by {0}",
		FR: "constituée sous la loi n° 24-83 et non mise en conformité avec la loi n° 112-12 au {0}", AR: "تأسست في ظل القانون رقم \u206824.83\u2069 ولم تتم ملاءمتها مع القانون رقم \u2068112.12\u2069 قبل {0}"}
	msgLawLate = &m{ID: "law-112-12.late", EN: "statutes conformed on {0}, after the deadline of {1}",
		FR: "statuts mis en conformité le {0}, après la date limite du {1}", AR: "تمت ملاءمة النظام الأساسي في {0}، بعد الأجل المحدد في {1}"}
	msgLawConformedLater = &m{ID: "law-112-12.conformed-later", EN: "statutes conformed only on {0}, after {1}",
		FR: "statuts mis en conformité seulement le {0}, après le {1}", AR: "لم تتم ملاءمة النظام الأساسي إلا في {0}، بعد {1}"}

	msgHintMembers = &m{ID: "hint.members", EN: "give the member register or the number of members",
		FR: "indiquer le registre des adhérents ou leur nombre", AR: "تقديم سجل الأعضاء أو عددهم"}
	msgHintMoreMembers = &m{ID: "hint.more-members", EN: "{0 one{# more member} other{# more members}}",
		FR: "{0 one{# adhérent de plus} other{# adhérents de plus}}",
		AR: "{0 zero{لا أعضاء إضافيين} one{عضو واحد إضافي} two{عضوان إضافيان} few{# أعضاء إضافيين} many{# عضوا إضافيا} other{# عضو إضافي}}"}

	msgRegionUnknown = &m{ID: "region.unknown", EN: "the province of the seat is not given; the call covers {0}",
		FR: "la province du siège n'est pas indiquée\u00a0; l'appel couvre\u00a0: {0}", AR: "إقليم المقر غير محدد؛ تشمل دعوة الترشيح: {0}"}
	msgRegionPass = &m{ID: "region.pass", EN: "seat in {0}, region {1}",
		FR: "siège à {0}, région {1}", AR: "المقر في {0}، جهة {1}"}
	msgRegionFail = &m{ID: "region.fail", EN: "seat in {0}, region {1}; the call covers {2}",
		FR: "siège à {0}, région {1}\u00a0; l'appel couvre\u00a0: {2}", AR: "المقر في {0}، جهة {1}؛ تشمل دعوة الترشيح: {2}"}
	msgHintProvince = &m{ID: "hint.province", EN: "give the province of the seat",
		FR: "indiquer la province du siège", AR: "تحديد إقليم المقر"}

	msgProvinceUnknown = &m{ID: "province.unknown", EN: "the province of the seat is not given; the call covers {0}",
		FR: "la province du siège n'est pas indiquée\u00a0; l'appel couvre\u00a0: {0}", AR: "إقليم المقر غير محدد؛ تشمل دعوة الترشيح: {0}"}
	msgProvincePass = &m{ID: "province.pass", EN: "seat in {0}", FR: "siège à {0}", AR: "المقر في {0}"}
	msgProvinceFail = &m{ID: "province.fail", EN: "seat in {0}; the call covers {1}",
		FR: "siège à {0}\u00a0; l'appel couvre\u00a0: {1}", AR: "المقر في {0}؛ تشمل دعوة الترشيح: {1}"}

	msgSectorUnknown = &m{ID: "sector.unknown", EN: "the sector is not given; the call covers {0}",
		FR: "le secteur n'est pas indiqué\u00a0; l'appel couvre\u00a0: {0}", AR: "القطاع غير محدد؛ تشمل دعوة الترشيح: {0}"}
	msgSectorPass = &m{ID: "sector.pass", EN: "sector: {0}, covered by the call",
		FR: "secteur\u00a0: {0}, couvert par l'appel", AR: "القطاع: {0}، تشمله دعوة الترشيح"}
	msgSectorFail = &m{ID: "sector.fail", EN: "sector: {0}; the call covers {1}",
		FR: "secteur\u00a0: {0}\u00a0; l'appel couvre\u00a0: {1}", AR: "القطاع: {0}؛ تشمل دعوة الترشيح: {1}"}
	msgHintSector = &m{ID: "hint.sector", EN: "give the cooperative's sector",
		FR: "indiquer le secteur de la coopérative", AR: "تحديد قطاع التعاونية"}

	msgBranchUnknown = &m{ID: "branch.unknown", EN: "the branch is not given; the call covers {0}",
		FR: "la filière n'est pas indiquée\u00a0; l'appel couvre\u00a0: {0}", AR: "الشعبة غير محددة؛ تشمل دعوة الترشيح: {0}"}
	msgBranchPass = &m{ID: "branch.pass", EN: "branch: {0}, covered by the call",
		FR: "filière\u00a0: {0}, couverte par l'appel", AR: "الشعبة: {0}، تشملها دعوة الترشيح"}
	msgBranchFail = &m{ID: "branch.fail", EN: "branch: {0}; the call covers {1}",
		FR: "filière\u00a0: {0}\u00a0; l'appel couvre\u00a0: {1}", AR: "الشعبة: {0}؛ تشمل دعوة الترشيح: {1}"}
	msgHintBranch = &m{ID: "hint.branch", EN: "give the cooperative's branch",
		FR: "indiquer la filière de la coopérative", AR: "تحديد شعبة التعاونية"}

	msgCallNotOpen = &m{ID: "call-window.not-open", EN: "the call \"{0}\" opens on {1}, after {2}",
		FR: "l'appel «\u00a0{0}\u00a0» ouvre le {1}, après le {2}", AR: "يفتح باب الترشيح لـ«{0}» في {1}، بعد {2}"}
	msgCallClosed = &m{ID: "call-window.closed", EN: "the call \"{0}\" closed on {1}, before {2}",
		FR: "l'appel «\u00a0{0}\u00a0» a été clos le {1}, avant le {2}", AR: "أغلق باب الترشيح لـ«{0}» في {1}، قبل {2}"}
	msgCallOpen = &m{ID: "call-window.pass", EN: "the call \"{0}\" is open from {1} to {2}",
		FR: "l'appel «\u00a0{0}\u00a0» est ouvert du {1} au {2}", AR: "باب الترشيح لـ«{0}» مفتوح من {1} إلى {2}"}
	msgNoCall = &m{ID: "call-window.no-call", EN: "no call of \"{0}\" had opened by {1}",
		FR: "aucun appel de «\u00a0{0}\u00a0» n'était ouvert au {1}", AR: "لم يُفتح أي باب للترشيح في إطار «{0}» قبل {1}"}
	msgHintNextCall = &m{ID: "hint.next-call", EN: "the call \"{0}\" opens on {1}",
		FR: "l'appel «\u00a0{0}\u00a0» ouvre le {1}", AR: "يفتح باب الترشيح لـ«{0}» في {1}"}

	msgExistenceNotRegistered = &m{ID: "existence.not-registered", EN: "not registered: no legal existence",
		FR: "non immatriculée\u00a0: pas d'existence légale", AR: "غير مقيدة: لا وجود قانوني لها"}
	msgExistenceFuture = &m{ID: "existence.future", EN: "registered on {0}, after {1}",
		FR: "immatriculée le {0}, après le {1}", AR: "قيدت في {0}، بعد {1}"}
	msgExistencePass = &m{ID: "existence-max.pass", EN: "registered on {0}; legal existence of {1 " + enYears + "} will be reached on {2}, the limit",
		FR: "immatriculée le {0}\u00a0; l'existence légale de {1 " + frYears + "} sera atteinte le {2}, limite comprise",
		AR: "قيدت في {0}؛ ستبلغ مدة وجودها القانوني {1 " + arYearsGen + "} في {2}، وهو الحد الأقصى"}
	msgExistenceLastDay = &m{ID: "existence-max.last-day", EN: "registered on {0}; legal existence of {1 " + enYears + "} reached on {2}, the last day within the limit",
		FR: "immatriculée le {0}\u00a0; l'existence légale de {1 " + frYears + "} est atteinte le {2}, dernier jour dans la limite",
		AR: "قيدت في {0}؛ بلغت مدة وجودها القانوني {1 " + arYearsGen + "} في {2}، وهو آخر يوم داخل الحد الأقصى"}
	msgExistenceFail = &m{ID: "existence-max.fail", EN: "registered on {0}; legal existence of {1 " + enYears + "} reached on {2}, the limit, exceeded since {3}",
		FR: "immatriculée le {0}\u00a0; l'existence légale de {1 " + frYears + "} a été atteinte le {2}, limite dépassée depuis le {3}",
		AR: "قيدت في {0}؛ بلغت مدة وجودها القانوني {1 " + arYearsGen + "} في {2}، وتجاوزت الحد الأقصى منذ {3}"}
	msgExistenceStrictPass = &m{ID: "existence-max.strict-pass", EN: "registered on {0}; legal existence under {1 " + enYears + "} until {2} included",
		FR: "immatriculée le {0}\u00a0; existence légale de moins de {1 " + frYears + "} jusqu'au {2} inclus",
		AR: "قيدت في {0}؛ تقل مدة وجودها القانوني عن {1 " + arYearsGen + "} إلى غاية {2}"}
	msgExistenceStrictFail = &m{ID: "existence-max.strict-fail", EN: "registered on {0}; legal existence of {1 " + enYears + "} reached on {2}, while the programme takes less",
		FR: "immatriculée le {0}\u00a0; l'existence légale de {1 " + frYears + "} a été atteinte le {2}, alors que le programme exige moins",
		AR: "قيدت في {0}؛ بلغت مدة وجودها القانوني {1 " + arYearsGen + "} في {2}، والبرنامج يشترط أقل من ذلك"}
	msgHintExistence = &m{ID: "hint.existence", EN: "only cooperatives registered on or after {0} qualify",
		FR: "seules les coopératives immatriculées à partir du {0} sont éligibles", AR: "لا تؤهل إلا التعاونيات المقيدة ابتداء من {0}"}
	// The existence of an association, a VSE or an auto-entrepreneur counts
	// from its creation.
	msgCreatedNotGiven = &m{ID: "existence.created-not-given", EN: "the date of creation is not given",
		FR: "la date de création n'est pas indiquée", AR: "تاريخ الإنشاء غير محدد"}
	msgHintCreated = &m{ID: "hint.created", EN: "give the date of creation",
		FR: "indiquer la date de création", AR: "تحديد تاريخ الإنشاء"}
	msgPersonNoExistence = &m{ID: "existence.person", EN: "a natural person has no date of creation",
		FR: "une personne physique n'a pas de date de création", AR: "الشخص الذاتي ليس له تاريخ إنشاء"}
	msgCreatedFuture = &m{ID: "existence.created-future", EN: "created on {0}, after {1}",
		FR: "date de création\u00a0: {0}, après le {1}", AR: "تاريخ الإنشاء: {0}، بعد {1}"}
	msgCreatedPass = &m{ID: "existence-max.created-pass", EN: "created on {0}; an existence of {1 " + enYears + "} will be reached on {2}, the limit",
		FR: "date de création\u00a0: {0}\u00a0; l'existence de {1 " + frYears + "} sera atteinte le {2}, limite comprise",
		AR: "تاريخ الإنشاء: {0}؛ ستبلغ مدة الوجود {1 " + arYearsGen + "} في {2}، وهو الحد الأقصى"}
	msgCreatedLastDay = &m{ID: "existence-max.created-last-day", EN: "created on {0}; an existence of {1 " + enYears + "} reached on {2}, the last day within the limit",
		FR: "date de création\u00a0: {0}\u00a0; l'existence de {1 " + frYears + "} est atteinte le {2}, dernier jour dans la limite",
		AR: "تاريخ الإنشاء: {0}؛ بلغت مدة الوجود {1 " + arYearsGen + "} في {2}، وهو آخر يوم داخل الحد الأقصى"}
	msgCreatedFail = &m{ID: "existence-max.created-fail", EN: "created on {0}; an existence of {1 " + enYears + "} reached on {2}, the limit, exceeded since {3}",
		FR: "date de création\u00a0: {0}\u00a0; l'existence de {1 " + frYears + "} a été atteinte le {2}, limite dépassée depuis le {3}",
		AR: "تاريخ الإنشاء: {0}؛ بلغت مدة الوجود {1 " + arYearsGen + "} في {2}، وتجاوزت الحد الأقصى منذ {3}"}
	msgCreatedStrictPass = &m{ID: "existence-max.created-strict-pass", EN: "created on {0}; an existence under {1 " + enYears + "} until {2} included",
		FR: "date de création\u00a0: {0}\u00a0; existence de moins de {1 " + frYears + "} jusqu'au {2} inclus",
		AR: "تاريخ الإنشاء: {0}؛ تقل مدة الوجود عن {1 " + arYearsGen + "} إلى غاية {2}"}
	msgCreatedStrictFail = &m{ID: "existence-max.created-strict-fail", EN: "created on {0}; an existence of {1 " + enYears + "} reached on {2}, while the programme takes less",
		FR: "date de création\u00a0: {0}\u00a0; l'existence de {1 " + frYears + "} a été atteinte le {2}, alors que le programme exige moins",
		AR: "تاريخ الإنشاء: {0}؛ بلغت مدة الوجود {1 " + arYearsGen + "} في {2}، والبرنامج يشترط أقل من ذلك"}
	msgHintCreatedAfter = &m{ID: "hint.created-after", EN: "only applicants created on or after {0} qualify",
		FR: "seuls les demandeurs créés à partir du {0} sont éligibles", AR: "لا يؤهل إلا من أنشئ ابتداء من {0}"}
	msgCreatedExperiencePass = &m{ID: "experience-min.created-pass", EN: "created on {0}; the minimum of {1 " + enYears + "} of existence was reached on {2}",
		FR: "date de création\u00a0: {0}\u00a0; le minimum de {1 " + frYears + "} d'existence a été atteint le {2}",
		AR: "تاريخ الإنشاء: {0}؛ بلغت مدة الوجود حدها الأدنى ({1 " + arYears + "}) في {2}"}
	msgCreatedExperienceFail = &m{ID: "experience-min.created-fail", EN: "created on {0}; the minimum of {2 " + enYears + "} of existence will be reached on {3}, after {1}",
		FR: "date de création\u00a0: {0}\u00a0; le minimum de {2 " + frYears + "} d'existence sera atteint le {3}, après le {1}",
		AR: "تاريخ الإنشاء: {0}؛ ستبلغ مدة الوجود حدها الأدنى ({2 " + arYears + "}) في {3}، أي بعد {1}"}
	msgExperiencePass = &m{ID: "experience-min.pass", EN: "registered on {0}; the minimum of {1 " + enYears + "} of existence was reached on {2}",
		FR: "immatriculée le {0}\u00a0; le minimum de {1 " + frYears + "} d'existence a été atteint le {2}",
		AR: "قيدت في {0}؛ بلغت الحد الأدنى من الوجود القانوني ({1 " + arYears + "}) في {2}"}
	msgExperienceFail = &m{ID: "experience-min.fail", EN: "registered on {0}; the minimum of {2 " + enYears + "} of existence will be reached on {3}, after {1}",
		FR: "immatriculée le {0}\u00a0; le minimum de {2 " + frYears + "} d'existence sera atteint le {3}, après le {1}",
		AR: "قيدت في {0}؛ ستبلغ الحد الأدنى من الوجود القانوني ({2 " + arYears + "}) في {3}، أي بعد {1}"}
	msgHintExperience = &m{ID: "hint.experience", EN: "eligible on this criterion from {1}, when it reaches {0 " + enYears + "} of existence",
		FR: "éligible sur ce critère à partir du {1}, à {0 " + frYears + "} d'existence",
		AR: "مؤهلة بهذا المعيار ابتداء من {1}، عند بلوغ {0 " + arYearsGen + "} من الوجود"}

	msgDeclaredUnknown = &m{ID: "declared.unknown", EN: "not declared: {0}",
		FR: "non déclaré\u00a0: {0}", AR: "غير مصرح به: {0}"}
	msgDeclaredTrue = &m{ID: "declared.true", EN: "declared: {0}",
		FR: "déclaré\u00a0: {0}", AR: "مصرح به: {0}"}
	msgDeclaredFalse = &m{ID: "declared.false", EN: "declared not to be the case: {0}",
		FR: "déclaré ne pas être le cas\u00a0: {0}", AR: "صُرّح بعدم توفره: {0}"}
	msgHintDeclare = &m{ID: "hint.declare", EN: "declare whether this is the case: {0}",
		FR: "déclarer si c'est le cas\u00a0: {0}", AR: "التصريح بمدى توفر: {0}"}

	msgNoRegister = &m{ID: "members.no-register", EN: "the member register is not given",
		FR: "le registre des adhérents n'est pas fourni", AR: "سجل الأعضاء غير مقدم"}
	msgHintRegister2 = &m{ID: "hint.register-members", EN: "give the member register",
		FR: "fournir le registre des adhérents", AR: "تقديم سجل الأعضاء"}
	msgNoMembers = &m{ID: "members.none", EN: "no members on {0}",
		FR: "aucun adhérent au {0}", AR: "لا أعضاء بتاريخ {0}"}

	msgAgesPass = &m{ID: "members-age.pass", EN: "{0 one{the only member is} other{all # members are}} aged {1} to {2}",
		FR: "{0 one{le seul adhérent a} other{les # adhérents ont tous}} de {1} à {2} ans",
		AR: "{0 one{عمر العضو الوحيد} two{عمرا العضوين} other{أعمار جميع الأعضاء (#)}} بين {1} و{2} سنة"}
	msgAgesFail = &m{ID: "members-age.fail", EN: "{0 " + enMembers + "} of {1} {0 one{is} other{are}} not aged {2} to {3} (one is {4})",
		FR: "{0 " + frMembers + "} sur {1} {0 one{n'a} other{n'ont}} pas de {2} à {3} ans (l'un a {4 " + frYears + "})",
		AR: "{0 " + arMembers + "} من أصل {1} خارج الفئة العمرية من {2} إلى {3} سنة (عمر أحدهم {4 " + arYears + "})"}
	msgAgesOpenPass = &m{ID: "members-age.open-pass", EN: "{0 one{the only member is} other{all # members are}} {1}",
		FR: "{0 one{le seul adhérent est âgé} other{les # adhérents sont tous âgés}} {1}",
		AR: "{0 one{العضو الوحيد من} two{العضوان من} other{جميع الأعضاء (#) من}} {1}"}
	msgAgesOpenFail = &m{ID: "members-age.open-fail", EN: "{0 " + enMembers + "} of {1} {0 one{is} other{are}} not {2} (one is {3})",
		FR: "{0 " + frMembers + "} sur {1} {0 one{n'est pas âgé} other{ne sont pas âgés}} {2} (l'un a {3 " + frYears + "})",
		AR: "{0 " + arMembers + "} من أصل {1} ليسوا من {2} (عمر أحدهم {3 " + arYears + "})"}
	msgCountUnknown = &m{ID: "members-count.unknown", EN: "the number of members is not given; the programme asks for {0}",
		FR: "le nombre d'adhérents n'est pas indiqué\u00a0; le programme demande {0}", AR: "عدد الأعضاء غير محدد؛ البرنامج يشترط {0}"}
	msgCountPass = &m{ID: "members-count.pass", EN: "{0 " + enMembers + "} on {1}; the programme asks for {2}",
		FR: "{0 " + frMembers + "} au {1}\u00a0; le programme demande {2}", AR: "{0 " + arMembers + "} بتاريخ {1}؛ البرنامج يشترط {2}"}
	msgCountFail = &m{ID: "members-count.fail", EN: "{0 " + enMembers + "} on {1}, while the programme asks for {2}",
		FR: "{0 " + frMembers + "} au {1}, alors que le programme demande {2}", AR: "{0 " + arMembers + "} بتاريخ {1}، والبرنامج يشترط {2}"}
	msgWomenSharePass = &m{ID: "women-share.pass", EN: "women: {0} of {1} members ({2}); the programme asks for {3} {4}",
		FR: "femmes\u00a0: {0} sur {1} adhérents ({2})\u00a0; le programme en demande {3} {4}",
		AR: "النساء: {0} من أصل {1 " + arMembersGen + "} ({2})؛ البرنامج يشترط {3} {4}"}
	msgWomenShareFail = &m{ID: "women-share.fail", EN: "women: {0} of {1} members ({2}), while the programme asks for {3} {4}",
		FR: "femmes\u00a0: {0} sur {1} adhérents ({2}), alors que le programme en demande {3} {4}",
		AR: "النساء: {0} من أصل {1 " + arMembersGen + "} ({2})، والبرنامج يشترط {3} {4}"}
	msgWomenShareUnknown = &m{ID: "women-share.unknown", EN: "women: at least {0} of {1} members; the gender of {2 " + enMembers + "} is not given and decides; the programme asks for {3} {4}",
		FR: "femmes\u00a0: au moins {0} sur {1} adhérents\u00a0; le sexe de {2 " + frMembers + "} n'est pas indiqué et décide\u00a0; le programme en demande {3} {4}",
		AR: "النساء: {0} على الأقل من أصل {1 " + arMembersGen + "}؛ جنس {2 " + arMembersGen + "} غير محدد وهو حاسم؛ البرنامج يشترط {3} {4}"}
	msgAgesUnknown = &m{ID: "members-age.unknown", EN: "the birth date of {0 " + enMembers + "} of {1} is not given",
		FR: "la date de naissance de {0 " + frMembers + "} sur {1} n'est pas connue",
		AR: "تاريخ ازدياد {0 " + arMembersGen + "} من أصل {1} غير معروف"}
	msgHintBirthDates = &m{ID: "hint.birth-dates", EN: "give the birth date of {0 " + enMembers + "}",
		FR: "indiquer la date de naissance de {0 " + frMembers + "}", AR: "تحديد تاريخ ازدياد {0 " + arMembersGen + "}"}

	msgWomenOnlyPass = &m{ID: "women-only.pass", EN: "{0 one{the only member is a woman} other{all # members are women}}",
		FR: "{0 one{la seule adhérente est une femme} other{les # membres sont toutes des femmes}}",
		AR: "{0 one{العضو الوحيد امرأة} two{العضوان امرأتان} other{جميع الأعضاء (#) نساء}}"}
	msgWomenOnlyFail = &m{ID: "women-only.fail", EN: "{0 " + enMembers + "} of {1} {0 one{is a man} other{are men}}",
		FR: "{0 " + frMembers + "} sur {1} {0 one{est un homme} other{sont des hommes}}",
		AR: "بين الأعضاء ({1}) {0 zero{لا رجال} one{رجل واحد} two{رجلان} few{# رجال} many{# رجلا} other{# رجل}}"}
	msgWomenOnlyUnknown = &m{ID: "women-only.unknown", EN: "the gender of {0 " + enMembers + "} of {1} is not given",
		FR: "le sexe de {0 " + frMembers + "} sur {1} n'est pas indiqué", AR: "جنس {0 " + arMembersGen + "} من أصل {1} غير محدد"}
	msgHintGenders = &m{ID: "hint.genders", EN: "give the gender of {0 " + enMembers + "}",
		FR: "indiquer le sexe de {0 " + frMembers + "}", AR: "تحديد جنس {0 " + arMembersGen + "}"}

	msgWYPass = &m{ID: "women-youth-share.pass", EN: "women or members aged 18 to {2}: {0} of {1} ({3}), more than {4}",
		FR: "femmes ou adhérents de 18 à {2} ans\u00a0: {0} sur {1} ({3}), plus de {4}",
		AR: "النساء أو الأعضاء بين 18 و{2} سنة: {0} من أصل {1} ({3})، أي أكثر من {4}"}
	msgWYFail = &m{ID: "women-youth-share.fail", EN: "women or members aged 18 to {2}: {0} of {1} ({3}); more than {4} is required",
		FR: "femmes ou adhérents de 18 à {2} ans\u00a0: {0} sur {1} ({3})\u00a0; il en faut plus de {4}",
		AR: "النساء أو الأعضاء بين 18 و{2} سنة: {0} من أصل {1} ({3})؛ يلزم أكثر من {4}"}
	msgWYUnknown = &m{ID: "women-youth-share.unknown", EN: "women or members aged 18 to {3}: at least {0} of {1}; the gender or birth date of {2 " + enMembers + "} is missing and decides; more than {4} is required",
		FR: "femmes ou adhérents de 18 à {3} ans\u00a0: au moins {0} sur {1}\u00a0; le sexe ou la date de naissance de {2 " + frMembers + "} manque et décide ; il en faut plus de {4}",
		AR: "النساء أو الأعضاء بين 18 و{3} سنة: {0} على الأقل من أصل {1}؛ جنس أو تاريخ ازدياد {2 " + arMembersGen + "} غير معروف وهو حاسم؛ يلزم أكثر من {4}"}
	msgHintMoreWY = &m{ID: "hint.more-women-youth", EN: "{0 one{# more member who is a woman} other{# more members who are women}} or aged 18 to {1}",
		FR: "{0 one{# adhérent de plus} other{# adhérents de plus}}, femmes ou jeunes de 18 à {1} ans",
		AR: "{0 zero{لا حاجة إلى أعضاء آخرين} one{انضمام عضو واحد آخر} two{انضمام عضوين آخرين} few{انضمام # أعضاء آخرين} many{انضمام # عضوا آخرين} other{انضمام # عضو آخرين}} من النساء أو الشباب بين 18 و{1} سنة"}
	msgHintGenderBirth = &m{ID: "hint.gender-birth", EN: "give the gender and birth date of {0 " + enMembers + "}",
		FR: "indiquer le sexe et la date de naissance de {0 " + frMembers + "}", AR: "تحديد جنس وتاريخ ازدياد {0 " + arMembersGen + "}"}

	msgAgeUnknown = &m{ID: "age.unknown", EN: "the birth date is not given; the programme takes people aged {0} to {1}",
		FR: "la date de naissance n'est pas indiquée\u00a0; le programme accueille les personnes de {0} à {1} ans",
		AR: "تاريخ الازدياد غير محدد؛ البرنامج يقبل الأشخاص بين {0} و{1} سنة"}
	msgAgePass = &m{ID: "age.pass", EN: "aged {0} on {1}, within {2} to {3}",
		FR: "{0 " + frYears + "} au {1}, entre {2} et {3} ans", AR: "العمر {0 " + arYears + "} بتاريخ {1}، بين {2} و{3} سنة"}
	msgAgeFail = &m{ID: "age.fail", EN: "aged {0} on {1}; the programme takes people aged {2} to {3}",
		FR: "{0 " + frYears + "} au {1} ; le programme accueille les personnes de {2} à {3} ans",
		AR: "العمر {0 " + arYears + "} بتاريخ {1}؛ البرنامج يقبل الأشخاص بين {2} و{3} سنة"}
	msgAgeOpenUnknown = &m{ID: "age.open-unknown", EN: "the birth date is not given; the programme takes people {0}",
		FR: "la date de naissance n'est pas indiquée\u00a0; le programme accueille les personnes {0}",
		AR: "تاريخ الازدياد غير محدد؛ البرنامج يقبل الأشخاص {0}"}
	msgAgeOpenPass = &m{ID: "age.open-pass", EN: "aged {0} on {1}; the programme takes people {2}",
		FR: "{0 " + frYears + "} au {1}\u00a0; le programme accueille les personnes {2}", AR: "العمر {0 " + arYears + "} بتاريخ {1}؛ البرنامج يقبل الأشخاص {2}"}
	msgAgeOpenFail = &m{ID: "age.open-fail", EN: "aged {0} on {1}, while the programme takes people {2} only",
		FR: "{0 " + frYears + "} au {1}, alors que le programme n'accueille que les personnes {2}",
		AR: "العمر {0 " + arYears + "} بتاريخ {1}، والبرنامج لا يقبل إلا الأشخاص {2}"}
	msgHintBirthDate = &m{ID: "hint.birth-date", EN: "give the birth date",
		FR: "indiquer la date de naissance", AR: "تحديد تاريخ الازدياد"}
	msgHintAgeFrom = &m{ID: "hint.age-from", EN: "aged {0} on {1}",
		FR: "{0 " + frYears + "} le {1}", AR: "يبلغ {0 " + arYearsGen + "} في {1}"}

	msgOwnPass = &m{ID: "own-contribution.pass", EN: "own contribution {0} MAD on a cost of {1} MAD, at least {2}",
		FR: "apport propre de {0} MAD pour un coût de {1} MAD, au moins {2}", AR: "المساهمة الذاتية {0} درهم من كلفة {1} درهم، أي {2} على الأقل"}
	msgOwnAtLeast = &m{ID: "own-contribution.pass-partial", EN: "own contribution of at least {0} MAD on a cost of {1} MAD: at least {2}, whatever {3} not given",
		FR: "apport propre d'au moins {0} MAD pour un coût de {1} MAD\u00a0: au moins {2}, quel que soit {3} non indiqué",
		AR: "مساهمة ذاتية لا تقل عن {0} درهم من كلفة {1} درهم: أي {2} على الأقل، مهما كانت {3} غير المحددة"}
	msgOwnFail = &m{ID: "own-contribution.fail", EN: "own contribution {0} MAD on a cost of {1} MAD; at least {2} ({3} MAD) is required",
		FR: "apport propre de {0} MAD pour un coût de {1} MAD\u00a0; au moins {2} ({3} MAD) est requis", AR: "المساهمة الذاتية {0} درهم من كلفة {1} درهم؛ يلزم {2} على الأقل ({3} درهم)"}
	msgOwnUnknown = &m{ID: "own-contribution.unknown", EN: "{0} of the project is not given; the own contribution must cover at least {1} of the cost",
		FR: "{0} du projet n'est pas indiqué\u00a0; l'apport propre doit couvrir au moins {1} du coût",
		AR: "{0} الخاصة بالمشروع غير محددة؛ يجب أن تغطي المساهمة الذاتية {1} على الأقل من الكلفة"}
	msgHintOwn = &m{ID: "hint.own", EN: "{0} MAD more of own contribution",
		FR: "{0} MAD d'apport propre en plus", AR: "{0} درهم إضافية من المساهمة الذاتية"}
	msgHintAmount = &m{ID: "hint.amount", EN: "give {0} of the project",
		FR: "indiquer {0} du projet", AR: "تحديد {0} الخاصة بالمشروع"}
	msgInKindPass = &m{ID: "in-kind-cap.pass", EN: "contribution in kind {0} MAD, at most {1} of the own contribution",
		FR: "apport en nature de {0} MAD, au plus {1} de l'apport propre", AR: "المساهمة العينية {0} درهم، أي {1} على الأكثر من المساهمة الذاتية"}
	msgInKindFail = &m{ID: "in-kind-cap.fail", EN: "contribution in kind {0} MAD exceeds {1} of the own contribution ({2} MAD)",
		FR: "l'apport en nature de {0} MAD dépasse {1} de l'apport propre ({2} MAD)", AR: "المساهمة العينية {0} درهم تتجاوز {1} من المساهمة الذاتية ({2} درهم)"}
	msgInKindUnknown = &m{ID: "in-kind-cap.unknown", EN: "{0} of the project is not given; the contribution in kind must be at most {1} of the own contribution",
		FR: "{0} du projet n'est pas indiqué\u00a0; l'apport en nature doit être au plus {1} de l'apport propre",
		AR: "{0} الخاصة بالمشروع غير محددة؛ يجب ألا تتجاوز المساهمة العينية {1} من المساهمة الذاتية"}
)
