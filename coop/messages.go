package coop

// Plural cases of the nouns the reasons count, by the CLDR categories of
// each language (see Plural). The Arabic cases come in the nominative and,
// after a preposition such as «من أصل», in the genitive.
const (
	enMembers = "one{# member} other{# members}"
	frMembers = "one{# adhérent} other{# adhérents}"
	arMembers = "zero{# عضو} one{عضو واحد} two{عضوان} few{# أعضاء} many{# عضوا} other{# عضو}"
	// arMembersGen is arMembers after a preposition.
	arMembersGen = "zero{# عضو} one{عضو واحد} two{عضوين} few{# أعضاء} many{# عضوا} other{# عضو}"

	enYears = "one{# year} other{# years}"
	frYears = "one{# an} other{# ans}"
	arYears = "zero{# سنة} one{سنة واحدة} two{سنتان} few{# سنوات} many{# سنة} other{# سنة}"
	// arYearsGen is arYears after a preposition, in a construct or as the
	// object of a verb («بلغت مدة وجودها سنتين»).
	arYearsGen = "zero{# سنة} one{سنة واحدة} two{سنتين} few{# سنوات} many{# سنة} other{# سنة}"

	enSubscriptions = "one{# subscription} other{# subscriptions}"
	frSubscriptions = "one{# souscription} other{# souscriptions}"
	arSubscriptions = "zero{# اكتتاب} one{اكتتاب واحد} two{اكتتابين} few{# اكتتابات} many{# اكتتابا} other{# اكتتاب}"

	enVotes = "one{# vote} other{# votes}"
	frVotes = "one{# voix} other{# voix}"
	// arVotes is the subject of its sentence («للأشخاص الاعتباريين صوتان»).
	arVotes = "zero{# صوت} one{صوت واحد} two{صوتان} few{# أصوات} many{# صوتا} other{# صوت}"

	enManagers = "one{# manager} other{# managers}"
	frManagers = "one{# gérant} other{# gérants}"
	arManagers = "zero{# مسير} one{مسير واحد} two{مسيران} few{# مسيرين} many{# مسيرا} other{# مسير}"

	enDirectors = "one{# director} other{# directors}"
	frDirectors = "one{# administrateur} other{# administrateurs}"
	// arDirectors is the object of its verb («يضم المجلس متصرفا واحدا»).
	arDirectors = "zero{# متصرف} one{متصرفا واحدا} two{متصرفين} few{# متصرفين} many{# متصرفا} other{# متصرف}"
)

// The plural cases of "member" and "year", for other packages' messages
// that count them too (programs' reasons): in English, French, Arabic, and
// Arabic after a preposition or in a construct (ARGen).
const (
	PluralMembersEN    = enMembers
	PluralMembersFR    = frMembers
	PluralMembersAR    = arMembers
	PluralMembersARGen = arMembersGen
	PluralYearsEN      = enYears
	PluralYearsFR      = frYears
	PluralYearsAR      = arYears
	PluralYearsARGen   = arYearsGen
)

// Reasons of the Law 112-12 checks. {n} is the n-th argument of the reason;
// {n one{…} other{…}} chooses the text by the plural category of the n-th
// argument, # standing for it.
var (
	msgMembersUnknown = &Message{ID: "members-min.unknown",
		EN: "the number of members is not given; the minimum is {0 " + enMembers + "}",
		FR: "le nombre d'adhérents n'est pas connu\u00a0; le minimum est de {0 " + frMembers + "}",
		AR: "عدد الأعضاء غير معروف؛ الحد الأدنى {0 " + arMembers + "}"}
	msgMembersPass = &Message{ID: "members-min.pass",
		EN: "{0 " + enMembers + "} on {1}; the minimum is {2}",
		FR: "{0 " + frMembers + "} au {1} ; le minimum est de {2}",
		AR: "{0 " + arMembers + "} بتاريخ {1}؛ الحد الأدنى {2}"}
	msgMembersFail = &Message{ID: "members-min.fail",
		EN: "{0 " + enMembers + "} on {1}; the minimum is {2}: {3 one{# more is} other{# more are}} needed",
		FR: "{0 " + frMembers + "} au {1} ; le minimum est de {2} : il en manque {3}",
		AR: "{0 " + arMembers + "} بتاريخ {1}؛ الحد الأدنى {2}: ينقص {3 " + arMembers + "}"}

	msgCapitalPass = &Message{ID: "capital-min.pass",
		EN: "subscribed capital {0} MAD; the minimum is {1} MAD",
		FR: "capital souscrit de {0} MAD\u00a0; le minimum est de {1} MAD",
		AR: "رأس المال المكتتب {0} درهم؛ الحد الأدنى {1} درهم"}
	msgCapitalUnknown = &Message{ID: "capital-min.unknown",
		EN: "known subscriptions total {0} MAD; the subscriptions of {1 " + enMembers + "} are not given; the minimum is {2} MAD",
		FR: "les souscriptions connues totalisent {0} MAD\u00a0; celles de {1 " + frMembers + "} ne sont pas connues ; le minimum est de {2} MAD",
		AR: "مجموع الاكتتابات المعروفة {0} درهم؛ اكتتابات {1 " + arMembersGen + "} غير معروفة؛ الحد الأدنى {2} درهم"}
	msgCapitalFail = &Message{ID: "capital-min.fail",
		EN: "subscribed capital {0} MAD is below the minimum of {1} MAD: {2} MAD more needed",
		FR: "le capital souscrit de {0} MAD est inférieur au minimum de {1} MAD\u00a0: il manque {2} MAD",
		AR: "رأس المال المكتتب {0} درهم أقل من الحد الأدنى {1} درهم: ينقص {2} درهم"}

	msgNominalPass = &Message{ID: "share-nominal-min.pass",
		EN: "a share is worth {0} MAD; the minimum is {1} MAD",
		FR: "la part sociale vaut {0} MAD\u00a0; le minimum est de {1} MAD",
		AR: "قيمة الحصة {0} درهم؛ الحد الأدنى {1} درهم"}
	msgNominalFail = &Message{ID: "share-nominal-min.fail",
		EN: "a share is worth {0} MAD, below the minimum of {1} MAD",
		FR: "la part sociale vaut {0} MAD, moins que le minimum de {1} MAD",
		AR: "قيمة الحصة {0} درهم، أقل من الحد الأدنى {1} درهم"}

	msgPaidSubPass = &Message{ID: "paid-at-subscription.pass",
		EN: "each of the {0 " + enSubscriptions + "} in cash was at least a quarter paid when subscribed",
		FR: "{0 one{la souscription en numéraire a été libérée} other{chacune des # souscriptions en numéraire a été libérée}} d'au moins un quart à la souscription",
		AR: "تم تحرير الربع على الأقل من كل اكتتاب نقدي عند الاكتتاب ({0 " + arSubscriptions + "})"}
	msgPaidSubUnknown = &Message{ID: "paid-at-subscription.unknown",
		EN: "what was paid at subscription is not given for {0 " + enSubscriptions + "}",
		FR: "le montant libéré à la souscription n'est pas connu pour {0 " + frSubscriptions + "}",
		AR: "المبلغ المحرر عند الاكتتاب غير معروف بالنسبة لـ{0 " + arSubscriptions + "}"}
	msgPaidSubFail = &Message{ID: "paid-at-subscription.fail",
		EN: "member no. {0} paid {1} MAD on subscribing {2} MAD, less than a quarter",
		FR: "l'adhérent n° {0} a libéré {1} MAD en souscrivant {2} MAD, moins du quart",
		AR: "العضو رقم {0} حرر {1} درهم عند اكتتاب {2} درهم، أي أقل من الربع"}

	msgPaid3Pass = &Message{ID: "paid-within-3-years.pass",
		EN: "every share due is fully paid; the 3-year limit fell on {0}",
		FR: "toutes les parts exigibles sont entièrement libérées\u00a0; le délai de 3 ans a expiré le {0}",
		AR: "جميع الحصص المستحقة محررة بالكامل؛ انتهى أجل 3 سنوات في {0}"}
	msgPaid3NotYet = &Message{ID: "paid-within-3-years.not-yet",
		EN: "the 3-year limit to pay up the shares has not come: it falls on {0}",
		FR: "le délai de 3 ans pour libérer les parts n'est pas échu\u00a0: il expire le {0}",
		AR: "أجل 3 سنوات لتحرير الحصص لم ينقض بعد: ينتهي في {0}"}
	msgPaid3Unknown = &Message{ID: "paid-within-3-years.unknown",
		EN: "what {0 " + enMembers + "} paid is not given; the 3-year limit fell on {1}",
		FR: "ce qu'ont libéré {0 " + frMembers + "} n'est pas connu ; le délai de 3 ans a expiré le {1}",
		AR: "المبالغ التي حررها {0 " + arMembers + "} غير معروفة؛ انتهى أجل 3 سنوات في {1}"}
	msgPaid3Fail = &Message{ID: "paid-within-3-years.fail",
		EN: "member no. {0} still owes {1} MAD on shares to be paid up by {2}, 3 years after registration or the capital increase",
		FR: "l'adhérent n° {0} doit encore {1} MAD sur des parts à libérer au plus tard le {2}, 3 ans après l'immatriculation ou l'augmentation de capital",
		AR: "العضو رقم {0} ما زال مدينا بـ{1} درهم عن حصص كان يجب تحريرها قبل {2}، أي داخل 3 سنوات من التقييد أو من الزيادة في رأس المال"}

	msgNaturalPass = &Message{ID: "natural-persons-capital.pass",
		EN: "natural persons hold {0} of the capital ({1} of {2} MAD); the minimum is {3}",
		FR: "les personnes physiques détiennent {0} du capital ({1} sur {2} MAD)\u00a0; le minimum est de {3}",
		AR: "يملك الأشخاص الذاتيون {0} من رأس المال ({1} من أصل {2} درهم)؛ الحد الأدنى {3}"}
	msgNaturalFail = &Message{ID: "natural-persons-capital.fail",
		EN: "natural persons hold {0} of the capital ({1} of {2} MAD), below {3}",
		FR: "les personnes physiques ne détiennent que {0} du capital ({1} sur {2} MAD), moins de {3}",
		AR: "لا يملك الأشخاص الذاتيون سوى {0} من رأس المال ({1} من أصل {2} درهم)، أي أقل من {3}"}
	msgNaturalPassPartial = &Message{ID: "natural-persons-capital.pass-partial",
		EN: "natural persons hold {0} of the known capital ({1} of {2} MAD), at least {3}; the subscriptions not given, of {4 one{# member who is a natural person} other{# members who are natural persons}}, can only raise it",
		FR: "les personnes physiques détiennent {0} du capital connu ({1} sur {2} MAD), au moins {3}\u00a0; les souscriptions inconnues, {4 one{d'# adhérent personne physique} other{de # adhérents personnes physiques}}, ne peuvent que l'augmenter",
		AR: "يملك الأشخاص الذاتيون {0} من رأس المال المعروف ({1} من أصل {2} درهم)، أي {3} على الأقل؛ والاكتتابات غير المعروفة، وهي لـ{4 " + arMembersGen + "} من الأشخاص الذاتيين، لا يمكن إلا أن ترفعها"}
	msgNaturalFailPartial = &Message{ID: "natural-persons-capital.fail-partial",
		EN: "natural persons hold {0} of the known capital ({1} of {2} MAD), below {3}; the subscriptions not given, of {4 one{# member who is a legal person} other{# members who are legal persons}}, can only lower it",
		FR: "les personnes physiques ne détiennent que {0} du capital connu ({1} sur {2} MAD), moins de {3}\u00a0; les souscriptions inconnues, {4 one{d'# adhérent personne morale} other{de # adhérents personnes morales}}, ne peuvent que la réduire",
		AR: "لا يملك الأشخاص الذاتيون سوى {0} من رأس المال المعروف ({1} من أصل {2} درهم)، أي أقل من {3}؛ والاكتتابات غير المعروفة، وهي لـ{4 " + arMembersGen + "} من الأشخاص الاعتباريين، لا يمكن إلا أن تخفضها"}
	msgNaturalUnknown = &Message{ID: "natural-persons-capital.unknown",
		EN: "natural persons hold {0} of the known capital; the subscriptions of {1 " + enMembers + "} are not given and decide",
		FR: "les personnes physiques détiennent {0} du capital connu\u00a0; les souscriptions de {1 " + frMembers + "} ne sont pas connues et décident",
		AR: "يملك الأشخاص الذاتيون {0} من رأس المال المعروف؛ واكتتابات {1 " + arMembersGen + "} غير معروفة وهي حاسمة"}

	msgLegalVotesPass = &Message{ID: "legal-persons-votes.pass",
		EN: "legal persons have {0 " + enVotes + "} of {1}, at most a third",
		FR: "les personnes morales ont {0 " + frVotes + "} sur {1}, au plus le tiers",
		AR: "للأشخاص الاعتباريين {0 " + arVotes + "} من أصل {1}، أي الثلث على الأكثر"}
	msgLegalVotesFail = &Message{ID: "legal-persons-votes.fail",
		EN: "legal persons have {0 " + enVotes + "} of {1}, more than a third",
		FR: "les personnes morales ont {0 " + frVotes + "} sur {1}, plus du tiers",
		AR: "للأشخاص الاعتباريين {0 " + arVotes + "} من أصل {1}، أي أكثر من الثلث"}

	msgBoardHas = &Message{ID: "board-required.has-board",
		EN: "the cooperative is run by a board",
		FR: "la coopérative est administrée par un conseil d'administration",
		AR: "التعاونية يسيرها مجلس إدارة"}
	msgBoardNotRequired = &Message{ID: "board-required.not-required",
		EN: "managers are allowed: at most {0 " + enMembers + "} at the last year end and turnover not above {1} MAD in both last closed years",
		FR: "la gérance est permise\u00a0: au plus {0 " + frMembers + "} à la dernière clôture et un chiffre d'affaires ne dépassant pas {1} MAD sur les deux derniers exercices",
		AR: "التسيير من طرف مسيرين جائز: {0 " + arMembers + "} على الأكثر عند آخر إقفال ورقم معاملات لا يتجاوز {1} درهم في آخر سنتين ماليتين"}
	msgBoardFail = &Message{ID: "board-required.fail",
		EN: "a board is required (more than {0 " + enMembers + "} at the last year end, or turnover above {1} MAD in each of the last 2 closed years) but the cooperative is run by managers",
		FR: "un conseil d'administration est obligatoire (plus de {0 " + frMembers + "} à la dernière clôture, ou chiffre d'affaires supérieur à {1} MAD sur chacun des 2 derniers exercices) mais la coopérative est gérée par des gérants",
		AR: "مجلس الإدارة إلزامي (أكثر من {0 " + arMembersGen + "} عند آخر إقفال، أو رقم معاملات يفوق {1} درهم في كل من آخر سنتين ماليتين) لكن التعاونية يسيرها مسيرون"}
	msgBoardUnknown = &Message{ID: "board-required.unknown",
		EN: "the members at the last year end or the turnover of the last 2 closed years are not given (thresholds: {0 " + enMembers + "}, {1} MAD)",
		FR: "le nombre d'adhérents à la dernière clôture ou le chiffre d'affaires des 2 derniers exercices n'est pas connu (seuils\u00a0: {0 " + frMembers + "}, {1} MAD)",
		AR: "عدد الأعضاء عند آخر إقفال أو رقم معاملات آخر سنتين غير معروف (العتبات: {0 " + arMembers + "}، {1} درهم)"}

	msgBoardSizePass = &Message{ID: "board-size.pass",
		EN: "the board has {0 " + enDirectors + "}: between 3 and 12 and a multiple of 3",
		FR: "le conseil compte {0 " + frDirectors + "} : entre 3 et 12 et multiple de 3",
		AR: "يضم المجلس {0 " + arDirectors + "}: بين 3 و12 ومضاعف لـ3"}
	msgBoardSizeFail = &Message{ID: "board-size.fail",
		EN: "the board has {0 " + enDirectors + "}; it needs 3 to 12, a multiple of 3",
		FR: "le conseil compte {0 " + frDirectors + "} ; il en faut de 3 à 12, en multiple de 3",
		AR: "يضم المجلس {0 " + arDirectors + "}؛ يجب أن يتراوح العدد بين 3 و12 وأن يكون مضاعفا لـ3"}

	msgManagersPass = &Message{ID: "managers-max.pass",
		EN: "{0 " + enManagers + "}; at most {1} are allowed",
		FR: "{0 " + frManagers + "} ; au plus {1} sont permis",
		AR: "{0 " + arManagers + "}؛ الحد الأقصى {1}"}
	msgManagersFail = &Message{ID: "managers-max.fail",
		EN: "{0 " + enManagers + "}, more than the {1} allowed",
		FR: "{0 " + frManagers + "}, plus que les {1} permis",
		AR: "{0 " + arManagers + "}، أي أكثر من الحد الأقصى {1}"}

	msgAuditorHas = &Message{ID: "auditor-required.has-auditor",
		EN: "the cooperative has an auditor",
		FR: "la coopérative a un commissaire aux comptes",
		AR: "للتعاونية مراقب حسابات"}
	msgAuditorNotRequired = &Message{ID: "auditor-required.not-required",
		EN: "no auditor is required: turnover did not exceed {0} MAD in both last closed years",
		FR: "aucun commissaire aux comptes n'est requis\u00a0: le chiffre d'affaires n'a pas dépassé {0} MAD sur les deux derniers exercices",
		AR: "لا يلزم مراقب حسابات: لم يتجاوز رقم المعاملات {0} درهم في آخر سنتين ماليتين"}
	msgAuditorFail = &Message{ID: "auditor-required.fail",
		EN: "turnover exceeded {0} MAD in {1} and {2}: an auditor is required",
		FR: "le chiffre d'affaires a dépassé {0} MAD en {1} et {2}\u00a0: un commissaire aux comptes est obligatoire",
		AR: "تجاوز رقم المعاملات {0} درهم في {1} و{2}: تعيين مراقب حسابات إلزامي"}
	msgAuditorUnknown = &Message{ID: "auditor-required.unknown",
		EN: "the turnover of {0} or {1} is not given",
		FR: "le chiffre d'affaires de {0} ou de {1} n'est pas connu",
		AR: "رقم معاملات {0} أو {1} غير معروف"}

	msgDurationPass = &Message{ID: "duration-max.pass",
		EN: "statutory duration of {0 " + enYears + "}; at most {1}",
		FR: "durée statutaire de {0 " + frYears + "} ; au plus {1}",
		AR: "المدة النظامية {0 " + arYears + "}؛ الحد الأقصى {1}"}
	msgDurationFail = &Message{ID: "duration-max.fail",
		EN: "statutory duration of {0 " + enYears + "} exceeds {1}",
		FR: "la durée statutaire de {0 " + frYears + "} dépasse {1}",
		AR: "المدة النظامية {0 " + arYears + "} تتجاوز {1}"}

	msgTransitionPass = &Message{ID: "transition-108.pass",
		EN: "statutes conformed to Law 112-12 were registered on {0}, by the deadline of {1}",
		FR: "les statuts mis en conformité avec la loi n° 112-12 ont été déposés le {0}, avant la date limite du {1}",
		AR: "تم تقييد النظام الأساسي المطابق للقانون رقم \u2068112.12\u2069 في {0}، قبل الأجل المحدد في {1}"}
	msgTransitionPending = &Message{ID: "transition-108.pending",
		EN: "a Law 24-83 cooperative has until {0} to conform its statutes",
		FR: "une coopérative régie par la loi n° 24-83 a jusqu'au {0} pour mettre ses statuts en conformité",
		AR: "أمام التعاونية الخاضعة للقانون رقم \u206824.83\u2069 أجل إلى غاية {0} لملاءمة نظامها الأساسي"}
	msgTransitionMissing = &Message{ID: "transition-108.missing",
		EN: "founded under Law 24-83 and no conformed statutes registered by {0}: cooperative status lost",
		FR: "fondée sous la loi n° 24-83 sans statuts mis en conformité déposés avant le {0}\u00a0: qualité de coopérative perdue",
		AR: "تأسست في ظل القانون رقم \u206824.83\u2069 ولم تقيد نظاما أساسيا مطابقا قبل {0}: فقدت صفة التعاونية"}
	msgTransitionLate = &Message{ID: "transition-108.late",
		EN: "conformed statutes registered on {0}, after the deadline of {1}",
		FR: "statuts mis en conformité déposés le {0}, après la date limite du {1}",
		AR: "تم تقييد النظام الأساسي المطابق في {0}، بعد الأجل المحدد في {1}"}
)

// LawMessages returns the messages the Law 112-12 checks may give, for
// tools that render or translate them all.
func LawMessages() []Message {
	ms := []*Message{msgMembersUnknown, msgMembersPass, msgMembersFail, msgCapitalPass, msgCapitalUnknown, msgCapitalFail,
		msgNominalPass, msgNominalFail, msgPaidSubPass, msgPaidSubUnknown, msgPaidSubFail, msgPaid3Pass, msgPaid3NotYet,
		msgPaid3Unknown, msgPaid3Fail, msgNaturalPass, msgNaturalFail, msgNaturalPassPartial, msgNaturalFailPartial,
		msgNaturalUnknown, msgLegalVotesPass, msgLegalVotesFail, msgBoardHas, msgBoardNotRequired, msgBoardFail,
		msgBoardUnknown, msgBoardSizePass, msgBoardSizeFail, msgManagersPass, msgManagersFail, msgAuditorHas,
		msgAuditorNotRequired, msgAuditorFail, msgAuditorUnknown, msgDurationPass, msgDurationFail, msgTransitionPass,
		msgTransitionPending, msgTransitionMissing, msgTransitionLate}
	out := make([]Message, len(ms))
	for i, m := range ms {
		out[i] = *m
	}
	return out
}
