package programs

import "github.com/taawun/taawun/coop"

type m = coop.Message

// Outcome labels.
var (
	msgEligible     = &label{ID: "outcome.eligible", EN: "eligible", FR: "éligible", AR: "مؤهل"}
	msgIneligible   = &label{ID: "outcome.ineligible", EN: "ineligible", FR: "non éligible", AR: "غير مؤهل"}
	msgUndetermined = &label{ID: "outcome.undetermined", EN: "undetermined", FR: "indéterminé", AR: "غير محدد"}
	msgUntil        = &m{ID: "summary.until", EN: "{0} until {1}", FR: "{0} jusqu'au {1}", AR: "{0} إلى غاية {1}"}
	msgFrom         = &m{ID: "summary.from", EN: "{0}; {1} from {2}", FR: "{0} ; {1} à partir du {2}", AR: "{0}؛ {1} ابتداء من {2}"}
)

// Reasons and hints of the criteria. {n} is the n-th argument.
var (
	msgKindPass = &m{ID: "applicant-kind.pass", EN: "the applicant is a {0}, which the programme accepts",
		FR: "le demandeur est de type {0}, que le programme accepte", AR: "المترشح من صنف {0} الذي يقبله البرنامج"}
	msgKindFail = &m{ID: "applicant-kind.fail", EN: "the applicant is a {0}; the programme accepts {1}",
		FR: "le demandeur est de type {0} ; le programme accepte : {1}", AR: "المترشح من صنف {0}؛ البرنامج يقبل: {1}"}

	msgNotACooperative = &m{ID: "registered.no-cooperative", EN: "the applicant is not a cooperative",
		FR: "le demandeur n'est pas une coopérative", AR: "المترشح ليس تعاونية"}
	msgNotRegistered = &m{ID: "registered.not-registered", EN: "the cooperative is not registered: it has no legal existence",
		FR: "la coopérative n'est pas immatriculée : elle n'a pas d'existence légale", AR: "التعاونية غير مقيدة: ليس لها وجود قانوني"}
	msgRegisteredLater = &m{ID: "registered.later", EN: "registered on {0}, after {1}",
		FR: "immatriculée le {0}, après le {1}", AR: "قيدت في {0}، بعد {1}"}
	msgNotActive = &m{ID: "registered.not-active", EN: "status {0} since {1}",
		FR: "statut « {0} » depuis le {1}", AR: "الوضعية «{0}» منذ {1}"}
	msgRegisteredPass = &m{ID: "registered.pass", EN: "registered on {0} and active on {1}",
		FR: "immatriculée le {0} et active au {1}", AR: "مقيدة في {0} ونشيطة بتاريخ {1}"}
	msgHintRegister = &m{ID: "hint.register", EN: "register the cooperative (Law 112-12 art. 11)",
		FR: "immatriculer la coopérative (loi 112-12, art. 11)", AR: "تقييد التعاونية (القانون 112-12، المادة 11)"}

	msgLawFounded = &m{ID: "law-112-12.founded", EN: "founded under Law 112-12",
		FR: "constituée sous la loi 112-12", AR: "تأسست في ظل القانون 112-12"}
	msgLawConformed = &m{ID: "law-112-12.conformed", EN: "founded under Law 24-83, statutes conformed to Law 112-12 on {0}",
		FR: "constituée sous la loi 24-83, statuts mis en conformité avec la loi 112-12 le {0}", AR: "تأسست في ظل القانون 24-83، ونظامها الأساسي مطابق للقانون 112-12 منذ {0}"}
	msgLawNotConformed = &m{ID: "law-112-12.not-conformed", EN: "founded under Law 24-83 and not conformed to Law 112-12 by {0}",
		FR: "constituée sous la loi 24-83 et non mise en conformité avec la loi 112-12 au {0}", AR: "تأسست في ظل القانون 24-83 ولم تتم ملاءمتها مع القانون 112-12 قبل {0}"}
	msgLawLate = &m{ID: "law-112-12.late", EN: "statutes conformed on {0}, after the deadline of {1}",
		FR: "statuts mis en conformité le {0}, après la date limite du {1}", AR: "تمت ملاءمة النظام الأساسي في {0}، بعد الأجل المحدد في {1}"}
	msgLawConformedLater = &m{ID: "law-112-12.conformed-later", EN: "statutes conformed only on {0}, after {1}",
		FR: "statuts mis en conformité seulement le {0}, après le {1}", AR: "لم تتم ملاءمة النظام الأساسي إلا في {0}، بعد {1}"}

	msgHintMembers = &m{ID: "hint.members", EN: "give the member register or the number of members",
		FR: "indiquer le registre des adhérents ou leur nombre", AR: "تقديم سجل الأعضاء أو عددهم"}
	msgHintMoreMembers = &m{ID: "hint.more-members", EN: "{0} more members",
		FR: "{0} adhérents de plus", AR: "{0} أعضاء إضافيين"}

	msgRegionUnknown = &m{ID: "region.unknown", EN: "the province of the seat is not given; the call covers {0}",
		FR: "la province du siège n'est pas indiquée ; l'appel couvre {0}", AR: "إقليم المقر غير محدد؛ الطلب يشمل {0}"}
	msgRegionPass = &m{ID: "region.pass", EN: "seat in {0}, region {1}",
		FR: "siège à {0}, région {1}", AR: "المقر في {0}، جهة {1}"}
	msgRegionFail = &m{ID: "region.fail", EN: "seat in {0}, region {1}; the call covers {2}",
		FR: "siège à {0}, région {1} ; l'appel couvre {2}", AR: "المقر في {0}، جهة {1}؛ الطلب يشمل {2}"}
	msgHintProvince = &m{ID: "hint.province", EN: "give the province of the seat",
		FR: "indiquer la province du siège", AR: "تحديد إقليم المقر"}

	msgProvinceUnknown = &m{ID: "province.unknown", EN: "the province of the seat is not given; the call covers {0}",
		FR: "la province du siège n'est pas indiquée ; l'appel couvre {0}", AR: "إقليم المقر غير محدد؛ الطلب يشمل {0}"}
	msgProvincePass = &m{ID: "province.pass", EN: "seat in {0}", FR: "siège à {0}", AR: "المقر في {0}"}
	msgProvinceFail = &m{ID: "province.fail", EN: "seat in {0}; the call covers {1}",
		FR: "siège à {0} ; l'appel couvre {1}", AR: "المقر في {0}؛ الطلب يشمل {1}"}

	msgSectorUnknown = &m{ID: "sector.unknown", EN: "the sector is not given; the call covers {0}",
		FR: "le secteur n'est pas indiqué ; l'appel couvre {0}", AR: "القطاع غير محدد؛ الطلب يشمل {0}"}
	msgSectorPass = &m{ID: "sector.pass", EN: "sector {0}, covered by the call",
		FR: "secteur {0}, couvert par l'appel", AR: "قطاع {0}، يشمله الطلب"}
	msgSectorFail = &m{ID: "sector.fail", EN: "sector {0}; the call covers {1}",
		FR: "secteur {0} ; l'appel couvre {1}", AR: "قطاع {0}؛ الطلب يشمل {1}"}
	msgHintSector = &m{ID: "hint.sector", EN: "give the cooperative's sector",
		FR: "indiquer le secteur de la coopérative", AR: "تحديد قطاع التعاونية"}

	msgBranchUnknown = &m{ID: "branch.unknown", EN: "the branch is not given; the call covers {0}",
		FR: "la filière n'est pas indiquée ; l'appel couvre {0}", AR: "الشعبة غير محددة؛ الطلب يشمل {0}"}
	msgBranchPass = &m{ID: "branch.pass", EN: "branch {0}, covered by the call",
		FR: "filière {0}, couverte par l'appel", AR: "شعبة {0}، يشملها الطلب"}
	msgBranchFail = &m{ID: "branch.fail", EN: "branch {0}; the call covers {1}",
		FR: "filière {0} ; l'appel couvre {1}", AR: "شعبة {0}؛ الطلب يشمل {1}"}
	msgHintBranch = &m{ID: "hint.branch", EN: "give the cooperative's branch",
		FR: "indiquer la filière de la coopérative", AR: "تحديد شعبة التعاونية"}

	msgCallNotOpen = &m{ID: "call-window.not-open", EN: "call {0} opens on {1}, after {2}",
		FR: "l'appel {0} ouvre le {1}, après le {2}", AR: "الطلب {0} يفتح في {1}، بعد {2}"}
	msgCallClosed = &m{ID: "call-window.closed", EN: "call {0} closed on {1}, before {2}",
		FR: "l'appel {0} a été clos le {1}, avant le {2}", AR: "أغلق الطلب {0} في {1}، قبل {2}"}
	msgCallOpenNoEnd = &m{ID: "call-window.open", EN: "call {0} open since {1}",
		FR: "appel {0} ouvert depuis le {1}", AR: "الطلب {0} مفتوح منذ {1}"}
	msgCallOpen = &m{ID: "call-window.pass", EN: "call {0} open from {1} to {2}",
		FR: "appel {0} ouvert du {1} au {2}", AR: "الطلب {0} مفتوح من {1} إلى {2}"}
	msgNoCall = &m{ID: "call-window.no-call", EN: "no call of {0} had opened by {1}",
		FR: "aucun appel de {0} n'était ouvert au {1}", AR: "لم يفتح أي طلب لـ {0} قبل {1}"}
	msgHintNextCall = &m{ID: "hint.next-call", EN: "call {0} opens on {1}",
		FR: "l'appel {0} ouvre le {1}", AR: "الطلب {0} يفتح في {1}"}

	msgExistenceNotRegistered = &m{ID: "existence.not-registered", EN: "not registered: no legal existence",
		FR: "non immatriculée : pas d'existence légale", AR: "غير مقيدة: لا وجود قانوني لها"}
	msgExistenceFuture = &m{ID: "existence.future", EN: "registered on {0}, after {1}",
		FR: "immatriculée le {0}, après le {1}", AR: "قيدت في {0}، بعد {1}"}
	msgExistencePass = &m{ID: "existence-max.pass", EN: "registered {0}, {1} years before {2}; the limit is {3} years (until {4})",
		FR: "immatriculée le {0}, {1} ans avant le {2} ; la limite est de {3} ans (jusqu'au {4})", AR: "قيدت في {0}، {1} سنوات قبل {2}؛ الحد {3} سنوات (إلى غاية {4})"}
	msgExistenceFail = &m{ID: "existence-max.fail", EN: "registered {0}, {1} years before {2}; the limit is {3} years",
		FR: "immatriculée le {0}, {1} ans avant le {2} ; la limite est de {3} ans", AR: "قيدت في {0}، {1} سنوات قبل {2}؛ الحد {3} سنوات"}
	msgHintExistence = &m{ID: "hint.existence", EN: "only cooperatives registered on or after {0} qualify",
		FR: "seules les coopératives immatriculées à partir du {0} sont éligibles", AR: "لا تؤهل إلا التعاونيات المقيدة ابتداء من {0}"}
	msgExperiencePass = &m{ID: "experience-min.pass", EN: "registered {0}, {1} years before {2}; at least {3} required",
		FR: "immatriculée le {0}, {1} ans avant le {2} ; au moins {3} requis", AR: "قيدت في {0}، {1} سنوات قبل {2}؛ المطلوب {3} على الأقل"}
	msgExperienceFail = &m{ID: "experience-min.fail", EN: "registered {0}; on {1} it has less than {2} years of existence, reached on {3}",
		FR: "immatriculée le {0} ; au {1} elle a moins de {2} ans d'existence, atteints le {3}", AR: "قيدت في {0}؛ بتاريخ {1} لها أقل من {2} سنوات من الوجود، تبلغها في {3}"}
	msgHintExperience = &m{ID: "hint.experience", EN: "eligible on this criterion from {1}, when it reaches {0} years of existence",
		FR: "éligible sur ce critère à partir du {1}, à {0} ans d'existence", AR: "مؤهلة بهذا المعيار ابتداء من {1}، عند بلوغ {0} سنوات من الوجود"}

	msgDeclaredUnknown = &m{ID: "declared.unknown", EN: "{0} is not declared",
		FR: "« {0} » n'est pas déclaré", AR: "«{0}» غير مصرح به"}
	msgDeclaredTrue = &m{ID: "declared.true", EN: "{0} declared",
		FR: "« {0} » déclaré", AR: "«{0}» مصرح به"}
	msgDeclaredFalse = &m{ID: "declared.false", EN: "{0} declared false",
		FR: "« {0} » déclaré faux", AR: "«{0}» مصرح بنفيه"}
	msgHintDeclare = &m{ID: "hint.declare", EN: "declare {0}", FR: "déclarer « {0} »", AR: "التصريح بـ «{0}»"}

	msgNoRegister = &m{ID: "members.no-register", EN: "the member register is not given",
		FR: "le registre des adhérents n'est pas fourni", AR: "سجل الأعضاء غير مقدم"}
	msgHintRegister2 = &m{ID: "hint.register-members", EN: "give the member register",
		FR: "fournir le registre des adhérents", AR: "تقديم سجل الأعضاء"}
	msgNoMembers = &m{ID: "members.none", EN: "no members on {0}",
		FR: "aucun adhérent au {0}", AR: "لا أعضاء بتاريخ {0}"}

	msgAgesPass = &m{ID: "members-age.pass", EN: "all {0} members are aged {1} to {2}",
		FR: "les {0} adhérents ont tous de {1} à {2} ans", AR: "جميع الأعضاء ({0}) تتراوح أعمارهم بين {1} و{2} سنة"}
	msgAgesFail = &m{ID: "members-age.fail", EN: "{0} of {1} members are not aged {2} to {3} (one is {4})",
		FR: "{0} des {1} adhérents n'ont pas de {2} à {3} ans (l'un a {4} ans)", AR: "{0} من أصل {1} أعضاء لا تتراوح أعمارهم بين {2} و{3} (أحدهم عمره {4})"}
	msgAgesUnknown = &m{ID: "members-age.unknown", EN: "the birth dates of {0} of {1} members are not given",
		FR: "les dates de naissance de {0} des {1} adhérents ne sont pas connues", AR: "تواريخ ازدياد {0} من أصل {1} أعضاء غير معروفة"}
	msgHintBirthDates = &m{ID: "hint.birth-dates", EN: "give the birth dates of {0} members",
		FR: "indiquer la date de naissance de {0} adhérents", AR: "تحديد تواريخ ازدياد {0} أعضاء"}

	msgWomenOnlyPass = &m{ID: "women-only.pass", EN: "all {0} members are women",
		FR: "les {0} adhérents sont toutes des femmes", AR: "جميع الأعضاء ({0}) نساء"}
	msgWomenOnlyFail = &m{ID: "women-only.fail", EN: "{0} of {1} members are men",
		FR: "{0} des {1} adhérents sont des hommes", AR: "{0} من أصل {1} أعضاء رجال"}
	msgWomenOnlyUnknown = &m{ID: "women-only.unknown", EN: "the gender of {0} of {1} members is not given",
		FR: "le genre de {0} des {1} adhérents n'est pas indiqué", AR: "جنس {0} من أصل {1} أعضاء غير محدد"}
	msgHintGenders = &m{ID: "hint.genders", EN: "give the gender of {0} members",
		FR: "indiquer le genre de {0} adhérents", AR: "تحديد جنس {0} أعضاء"}

	msgWYPass = &m{ID: "women-youth-share.pass", EN: "{0} of {1} members are women or aged 18 to {2} ({3}), more than {4}",
		FR: "{0} des {1} adhérents sont des femmes ou des jeunes de 18 à {2} ans ({3}), plus de {4}", AR: "{0} من أصل {1} أعضاء نساء أو شباب بين 18 و{2} سنة ({3})، أي أكثر من {4}"}
	msgWYFail = &m{ID: "women-youth-share.fail", EN: "{0} of {1} members are women or aged 18 to {2} ({3}); more than {4} is required",
		FR: "{0} des {1} adhérents sont des femmes ou des jeunes de 18 à {2} ans ({3}) ; il en faut plus de {4}", AR: "{0} من أصل {1} أعضاء نساء أو شباب بين 18 و{2} سنة ({3})؛ يلزم أكثر من {4}"}
	msgWYUnknown = &m{ID: "women-youth-share.unknown", EN: "{0} of {1} members are known to be women or aged 18 to {3}; for {2} the gender or birth date is missing and decides; more than {4} is required",
		FR: "{0} des {1} adhérents sont des femmes ou des jeunes de 18 à {3} ans ; pour {2} le genre ou la date de naissance manque et décide ; il en faut plus de {4}", AR: "{0} من أصل {1} أعضاء نساء أو شباب بين 18 و{3} سنة؛ جنس أو تاريخ ازدياد {2} أعضاء غير معروف وهو حاسم؛ يلزم أكثر من {4}"}
	msgHintMoreWY = &m{ID: "hint.more-women-youth", EN: "{0} more members who are women or aged 18 to {1}",
		FR: "{0} adhérents de plus, femmes ou jeunes de 18 à {1} ans", AR: "{0} أعضاء إضافيين من النساء أو الشباب بين 18 و{1} سنة"}
	msgHintGenderBirth = &m{ID: "hint.gender-birth", EN: "give the gender and birth date of {0} members",
		FR: "indiquer le genre et la date de naissance de {0} adhérents", AR: "تحديد جنس وتاريخ ازدياد {0} أعضاء"}

	msgAgeUnknown = &m{ID: "age.unknown", EN: "the birth date is not given; the programme takes people aged {0} to {1}",
		FR: "la date de naissance n'est pas indiquée ; le programme accueille les personnes de {0} à {1} ans", AR: "تاريخ الازدياد غير محدد؛ البرنامج يقبل الأشخاص بين {0} و{1} سنة"}
	msgAgePass = &m{ID: "age.pass", EN: "aged {0} on {1}, within {2} to {3}",
		FR: "{0} ans au {1}, entre {2} et {3}", AR: "العمر {0} سنة بتاريخ {1}، بين {2} و{3}"}
	msgAgeFail = &m{ID: "age.fail", EN: "aged {0} on {1}; the programme takes people aged {2} to {3}",
		FR: "{0} ans au {1} ; le programme accueille les personnes de {2} à {3} ans", AR: "العمر {0} سنة بتاريخ {1}؛ البرنامج يقبل الأشخاص بين {2} و{3} سنة"}
	msgHintBirthDate = &m{ID: "hint.birth-date", EN: "give the birth date",
		FR: "indiquer la date de naissance", AR: "تحديد تاريخ الازدياد"}
	msgHintAgeFrom = &m{ID: "hint.age-from", EN: "aged {0} on {1}",
		FR: "{0} ans le {1}", AR: "يبلغ {0} سنة في {1}"}

	msgOwnPass = &m{ID: "own-contribution.pass", EN: "own contribution {0} MAD on a cost of {1} MAD, at least {2}",
		FR: "apport propre de {0} MAD pour un coût de {1} MAD, au moins {2}", AR: "المساهمة الذاتية {0} درهم من كلفة {1} درهم، أي {2} على الأقل"}
	msgOwnFail = &m{ID: "own-contribution.fail", EN: "own contribution {0} MAD on a cost of {1} MAD; at least {2} ({3} MAD) is required",
		FR: "apport propre de {0} MAD pour un coût de {1} MAD ; au moins {2} ({3} MAD) est requis", AR: "المساهمة الذاتية {0} درهم من كلفة {1} درهم؛ يلزم {2} على الأقل ({3} درهم)"}
	msgHintOwn = &m{ID: "hint.own", EN: "{0} MAD more of own contribution",
		FR: "{0} MAD d'apport propre en plus", AR: "{0} درهم إضافية من المساهمة الذاتية"}
	msgInKindPass = &m{ID: "in-kind-cap.pass", EN: "contribution in kind {0} MAD, at most {1} of the own contribution",
		FR: "apport en nature de {0} MAD, au plus {1} de l'apport propre", AR: "المساهمة العينية {0} درهم، أي {1} على الأكثر من المساهمة الذاتية"}
	msgInKindFail = &m{ID: "in-kind-cap.fail", EN: "contribution in kind {0} MAD exceeds {1} of the own contribution ({2} MAD)",
		FR: "l'apport en nature de {0} MAD dépasse {1} de l'apport propre ({2} MAD)", AR: "المساهمة العينية {0} درهم تتجاوز {1} من المساهمة الذاتية ({2} درهم)"}
)
