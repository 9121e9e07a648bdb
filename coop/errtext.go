package coop

import "strings"

// Errors in the reader's language. An Error's Message and a FieldError's
// Message are English and precise (they carry the values); Text renders
// them in French and Arabic from the error's code, the rule of the law that
// refused it and each field's rule, so that a problem reads whole in the
// reader's language. TestFieldRulesTranslated checks that every rule a
// field error can carry has its text in each language.

// fieldRuleTexts says, for each rule of a field, what is wrong in French
// and Arabic; {0} is the field error's Param.
var fieldRuleTexts = map[string]Names{
	"accepts":            {FR: "seul un critère applicant-kind nomme des types de demandeur, parmi ceux que le programme accepte", AR: "لا يحدد أصناف المترشحين إلا معيار صنف المترشح، من بين الأصناف التي يقبلها البرنامج"},
	"after":              {FR: "doit venir après la date à laquelle il se rapporte", AR: "يجب أن يأتي بعد التاريخ المرتبط به"},
	"after-registration": {FR: "date antérieure à l'immatriculation de la coopérative", AR: "تاريخ سابق لتقييد التعاونية"},
	"after-selection":    {FR: "date antérieure à la sélection de la coopérative", AR: "تاريخ سابق لانتقاء التعاونية"},
	"amount":             {FR: "montant invalide : au plus deux décimales et douze chiffres avant la virgule", AR: "مبلغ غير صالح: رقمان عشريان على الأكثر واثنا عشر رقما قبل الفاصلة"},
	"applicant-kind":     {FR: "ce type de demandeur n'est pas accepté", AR: "هذا الصنف من المترشحين غير مقبول"},
	"approval":           {FR: "le certificat négatif ne le permet pas", AR: "الشهادة السلبية لا تسمح بذلك"},
	"before":             {FR: "doit précéder la date à laquelle il se rapporte", AR: "يجب أن يسبق التاريخ المرتبط به"},
	"board-or-managers":  {FR: "la coopérative est administrée par un conseil d'administration ou par des gérants", AR: "تسير التعاونية من طرف مجلس إدارة أو من طرف مسيرين"},
	"board-required":     {FR: "un conseil d'administration est obligatoire", AR: "مجلس الإدارة إلزامي"},
	"board-size":         {FR: "le conseil compte de 3 à 12 administrateurs, en multiple de 3", AR: "يتكون المجلس من 3 إلى 12 متصرفا، بمضاعفات العدد 3"},
	"branch":             {FR: "filière inconnue", AR: "فرع نشاط غير معروف"},
	"capital-floor":      {FR: "le capital descendrait sous son plancher", AR: "سينخفض رأس المال دون الحد الأدنى المسموح به"},
	"capital-min":        {FR: "le capital souscrit est inférieur au minimum", AR: "رأس المال المكتتب أقل من الحد الأدنى"},
	"closed-year":        {FR: "l'exercice n'est pas clos", AR: "السنة المالية غير مختتمة"},
	"count":              {FR: "nombre hors des limites ({0})", AR: "عدد خارج الحدود ({0})"},
	"court":              {FR: "code de tribunal invalide", AR: "رمز المحكمة غير صالح"},
	"cursor":             {FR: "curseur inconnu : reprenez celui que donne une liste", AR: "مؤشر غير معروف: استعمل المؤشر الذي تعطيه اللائحة"},
	"date":               {FR: "date invalide : écrivez-la année-mois-jour, en chiffres", AR: "تاريخ غير صالح: يكتب بالأرقام على شكل السنة-الشهر-اليوم"},
	"date-range":         {FR: "date hors de la période de 1900 à 2199", AR: "تاريخ خارج الفترة من 1900 إلى 2199"},
	"dec_gte0":           {FR: "ne peut pas être négatif", AR: "لا يمكن أن يكون سالبا"},
	"delegation":         {FR: "délégation inconnue", AR: "مندوبية غير معروفة"},
	"depth":              {FR: "combinateurs imbriqués trop profondément", AR: "تداخل مفرط للمعايير المركبة"},
	"dimension":          {FR: "dimension de statistique inconnue", AR: "بعد إحصائي غير معروف"},
	"distinct":           {FR: "les deux adhérents doivent être différents", AR: "يجب أن يكون العضوان مختلفين"},
	"duplicate":          {FR: "donné plus d'une fois", AR: "مذكور أكثر من مرة"},
	"ended":              {FR: "déjà terminé", AR: "انتهى من قبل"},
	"enum":               {FR: "valeur non admise", AR: "قيمة غير مقبولة"},
	"exclusive":          {FR: "donnez l'un ou l'autre, pas les deux", AR: "أدخل أحدهما لا كليهما"},
	"exists":             {FR: "introuvable dans le registre", AR: "غير موجود في السجل"},
	"fact":               {FR: "fait déclaré inconnu", AR: "واقعة مصرح بها غير معروفة"},
	"founded_under":      {FR: "ne s'applique qu'à une coopérative constituée sous la loi n° 24-83", AR: "لا ينطبق إلا على تعاونية تأسست في ظل القانون رقم \u206824.83\u2069"},
	"ground":             {FR: "motif non prévu par la loi", AR: "سبب لا ينص عليه القانون"},
	"gt":                 {FR: "doit être supérieur à {0}", AR: "يجب أن يكون أكبر من {0}"},
	"gte":                {FR: "doit être au moins {0}", AR: "يجب ألا يقل عن {0}"},
	"in-force":           {FR: "pas en vigueur à cette date", AR: "غير ساري المفعول في هذا التاريخ"},
	"int-range":          {FR: "nombre hors des limites du registre", AR: "عدد خارج حدود السجل"},
	"integer":            {FR: "nombre entier attendu, écrit en chiffres", AR: "يتوقع عدد صحيح مكتوب بالأرقام"},
	"join-union":         {FR: "une union se rejoint par l'union elle-même", AR: "يتم الانضمام إلى الاتحاد عن طريق الاتحاد نفسه"},
	"json":               {FR: "le corps de la requête n'est pas un JSON valide", AR: "محتوى الطلب غير صالح"},
	"kind":               {FR: "type inconnu", AR: "صنف غير معروف"},
	"lang":               {FR: "langue non prise en charge : français, arabe ou anglais", AR: "لغة غير مدعومة: العربية أو الفرنسية أو الإنجليزية"},
	"length":             {FR: "longueur invalide", AR: "طول غير صالح"},
	"lte":                {FR: "dépasse le maximum permis", AR: "يتجاوز الحد الأقصى المسموح به"},
	"ma_cin":             {FR: "numéro de CIN invalide", AR: "رقم البطاقة الوطنية غير صالح"},
	"ma_ice":             {FR: "ICE invalide : 15 chiffres, divisible par 97", AR: "رقم التعريف الموحد للمقاولة غير صالح: 15 رقما، يقبل القسمة على 97"},
	"ma_phone":           {FR: "numéro de téléphone marocain invalide", AR: "رقم هاتف مغربي غير صالح"},
	"mad":                {FR: "montant invalide : au plus deux décimales", AR: "مبلغ غير صالح: رقمان عشريان على الأكثر"},
	"managers-max":       {FR: "trop de gérants", AR: "عدد المسيرين يفوق الحد المسموح به"},
	"max":                {FR: "au plus {0} caractères", AR: "الحد الأقصى لعدد الحروف: {0}"},
	"member":             {FR: "n'est pas adhérent à cette date", AR: "ليس عضوا في هذا التاريخ"},
	"member-type":        {FR: "les adhérents d'une coopérative sont des personnes physiques ou morales", AR: "أعضاء التعاونية أشخاص ذاتيون أو اعتباريون"},
	"members-min":        {FR: "le nombre d'adhérents descendrait sous le minimum légal", AR: "سينخفض عدد الأعضاء دون الحد الأدنى القانوني"},
	"min":                {FR: "au moins {0}", AR: "{0} على الأقل"},
	"min-shares":         {FR: "le cédant garderait moins de parts que le minimum des statuts", AR: "سيحتفظ المفوت بعدد من الحصص أقل من الحد الأدنى في النظام الأساسي"},
	"name":               {FR: "nom invalide", AR: "اسم غير صالح"},
	"nominal":            {FR: "valeur nominale de la part invalide", AR: "القيمة الاسمية للحصة غير صالحة"},
	"not-after":          {FR: "ne peut pas être postérieur à la date de l'acte", AR: "لا يمكن أن يكون بعد تاريخ العقد"},
	"not-future":         {FR: "date future : un fait s'enregistre une fois accompli", AR: "تاريخ في المستقبل: يسجل الحدث بعد وقوعه"},
	"number":             {FR: "le tribunal ne correspond pas au numéro d'immatriculation", AR: "المحكمة لا تطابق رقم التقييد"},
	"of":                 {FR: "seul un combinateur (all-of, any-of, not) liste des critères sous of : au moins un, et un seul pour not", AR: "لا يدرج معايير فرعية إلا معيار مركب (جميعها، أو أحدها، أو النفي): معيار واحد على الأقل، وواحد فقط بالنسبة للنفي"},
	"order":              {FR: "les valeurs doivent suivre l'ordre des dates", AR: "يجب أن ترتب القيم حسب التواريخ"},
	"pending":            {FR: "l'état de la demande de retrait ne le permet pas", AR: "حالة طلب الانسحاب لا تسمح بذلك"},
	"province":           {FR: "code de province inconnu", AR: "رمز إقليم غير معروف"},
	"quarter":            {FR: "au moins le quart des parts en numéraire est libéré à la souscription", AR: "يجب تحرير ربع الحصص النقدية على الأقل عند الاكتتاب"},
	"query":              {FR: "chaîne de requête mal formée", AR: "سلسلة الاستعلام غير صالحة"},
	"quorum":             {FR: "le quorum n'est pas atteint", AR: "النصاب القانوني غير مكتمل"},
	"range":              {FR: "hors des limites permises ({0})", AR: "خارج الحدود المسموح بها ({0})"},
	"ratio":              {FR: "proportion invalide, entre 0 et 1", AR: "نسبة غير صالحة، بين 0 و1"},
	"region":             {FR: "code de région inconnu", AR: "رمز جهة غير معروف"},
	"required":           {FR: "obligatoire", AR: "إلزامي"},
	"required_with":      {FR: "à donner avec le champ qui l'accompagne", AR: "يجب إدخاله مع الحقل المرتبط به"},
	"role":               {FR: "fonction inconnue", AR: "مهمة غير معروفة"},
	"scope":              {FR: "habilitation invalide", AR: "نطاق صلاحية غير صالح"},
	"sector":             {FR: "secteur inconnu", AR: "قطاع غير معروف"},
	"selected":           {FR: "la coopérative n'a pas été sélectionnée pour ce programme", AR: "لم يتم انتقاء التعاونية لهذا البرنامج"},
	"share-max":          {FR: "part maximale dépassée", AR: "تجاوز الحصة القصوى"},
	"support-kind":       {FR: "type d'action d'accompagnement inconnu", AR: "نوع إجراء المواكبة غير معروف"},
	"text":               {FR: "texte invalide : sans caractère de contrôle, 2 000 octets au plus", AR: "نص غير صالح: دون رموز تحكم، 2000 بايت على الأكثر"},
	"two-thirds":         {FR: "la décision demande les deux tiers des voix exprimées", AR: "يتطلب القرار ثلثي الأصوات المعبر عنها"},
	"type":               {FR: "type de valeur inattendu", AR: "نوع القيمة غير متوقع"},
	"union":              {FR: "n'est pas une union de coopératives", AR: "ليس اتحادا للتعاونيات"},
	"union-board":        {FR: "une union est administrée par un conseil d'administration", AR: "يسير الاتحاد مجلس إدارة"},
	"union-member":       {FR: "les membres d'une union sont des coopératives", AR: "أعضاء الاتحاد تعاونيات"},
	"unique":             {FR: "déjà pris, ou donné deux fois", AR: "مستعمل من قبل أو مذكور مرتين"},
	"unknown-field":      {FR: "champ inconnu", AR: "حقل غير معروف"},
	"unknown-key":        {FR: "clé inconnue", AR: "مفتاح غير معروف"},
	"unknown-parameter":  {FR: "paramètre inconnu", AR: "معامل غير معروف"},
	"unused":             {FR: "déjà utilisé", AR: "سبق استعماله"},
	"utf-8":              {FR: "le texte n'est pas en UTF-8", AR: "ترميز النص غير صالح"},
	"uuid":               {FR: "identifiant invalide", AR: "معرف غير صالح"},
	"withdrawn":          {FR: "déjà retiré", AR: "تم سحبه من قبل"},
	"within":             {FR: "hors du délai légal", AR: "خارج الأجل القانوني"},
	"within-20-days":     {FR: "le conseil répond dans les 20 jours", AR: "يجيب المجلس داخل أجل 20 يوما"},
	"yaml":               {FR: "document mal formé", AR: "وثيقة غير صالحة"},
	"year":               {FR: "année invalide", AR: "سنة غير صالحة"},
	"trimmed":            {FR: "commence ou finit par une espace", AR: "يبدأ أو ينتهي بفراغ"},
	"registered":         {FR: "déjà le numéro d'immatriculation de « {0} » au registre", AR: "هو رقم تقييد «{0}» المسجلة من قبل"},
	"contiguous":         {FR: "les lignes d'une même coopérative se suivent : les siennes commencent à la ligne {0} et d'autres viennent entre elles", AR: "أسطر التعاونية الواحدة متتالية: أسطرها تبدأ في السطر {0} وتتخللها أسطر أخرى"},
	"strict":             {FR: "seule une borne d'intervalle (min ou max) peut être stricte", AR: "لا يمكن أن يكون صارما إلا حد من حدود المجال (الأدنى أو الأقصى)"},
	"same":               {FR: "diffère de la ligne {0} pour le même numéro d'immatriculation", AR: "يختلف عن السطر {0} لنفس رقم التقييد"},
	"cin":                {FR: "numéro de CIN invalide", AR: "رقم البطاقة الوطنية غير صالح"},
	"program":            {FR: "programme inconnu", AR: "برنامج غير معروف"},
	"bool":               {FR: "vrai ou faux attendu", AR: "يتوقع صحيح أو خطأ"},
	"int":                {FR: "nombre entier attendu", AR: "يتوقع عدد صحيح"},
	"list":               {FR: "liste attendue", AR: "تتوقع لائحة"},
	"single":             {FR: "un seul en-tête d'autorisation", AR: "رأسية تفويض واحدة فقط"},
	"target":             {FR: "cette opération ne vise pas une seule coopérative", AR: "هذه العملية لا تستهدف تعاونية واحدة"},
	"key":                {FR: "de 1 à 200 caractères ASCII visibles", AR: "من 1 إلى 200 من الحروف اللاتينية المرئية"},
	"version":            {FR: "la coopérative a changé depuis sa lecture : relisez-la", AR: "تغيرت التعاونية منذ قراءتها: أعد قراءتها"},
	"phase":              {FR: "l'appel n'a pas cette phase", AR: "دعوة الترشيح لا تتضمن هذه المرحلة"},
	"format":             {FR: "format de décision inconnu", AR: "صيغة قرار غير معروفة"},
	"call":               {FR: "appel inconnu pour ce programme", AR: "دعوة ترشيح غير معروفة لهذا البرنامج"},
	"columns":            {FR: "les colonnes ne sont pas celles du registre", AR: "الأعمدة لا تطابق أعمدة السجل"},
	"csv":                {FR: "fichier CSV mal formé", AR: "ملف غير صالح"},
	"hash":               {FR: "l'empreinte ne correspond pas à la demande", AR: "البصمة لا تطابق الطلب"},
	"schedule":           {FR: "ce programme n'a pas de calendrier de suivi", AR: "هذا البرنامج لا يتضمن جدول تتبع"},
}

// FieldRuleText returns what a field that broke rule is told in lang (FR
// or AR), with param, and false for a rule without a text.
func FieldRuleText(rule, param string, lang Lang) (string, bool) {
	n, ok := fieldRuleTexts[rule]
	if !ok {
		return "", false
	}
	return FrenchSpacingIn(lang, strings.ReplaceAll(n.In(lang), "{0}", param)), true
}

// Text returns the field error's message in lang: the precise English
// message in English, the text of its rule in French and Arabic.
func (f FieldError) Text(lang Lang) string {
	if lang == EN {
		return f.Message
	}
	if s, ok := FieldRuleText(f.Rule, f.Param, lang); ok {
		return s
	}
	if r, ok := RuleByID(f.Rule); ok {
		return r.Title.In(lang)
	}
	return codeTexts[Invalid].In(lang)
}

// codeTexts says what an error of each code means in French and Arabic
// when no rule of the law names it.
var codeTexts = map[Code]Names{
	Invalid:            {FR: "la demande n'est pas valide", AR: "الطلب غير صالح", EN: "invalid request"},
	NotFound:           {FR: "introuvable", AR: "غير موجود", EN: "not found"},
	Conflict:           {FR: "la demande entre en conflit avec l'état du registre", AR: "الطلب يتعارض مع حالة السجل", EN: "conflict"},
	FailedPrecondition: {FR: "l'état du registre ne permet pas cette opération", AR: "حالة السجل لا تسمح بهذه العملية", EN: "failed precondition"},
	Internal:           {FR: "erreur interne", AR: "خطأ داخلي", EN: "internal error"},
	Forbidden:          {FR: "votre habilitation ne couvre pas cette opération", AR: "صلاحيتك لا تشمل هذه العملية", EN: "forbidden"},
	Unavailable:        {FR: "le registre est momentanément indisponible ; réessayez", AR: "السجل غير متاح مؤقتا؛ أعد المحاولة", EN: "unavailable"},
}

// Text returns the error's message in lang: the precise English message
// in English; in French and Arabic, the rule of the law that refused the
// input with its article, or what the error's code means.
func (e *Error) Text(lang Lang) string {
	if lang == EN {
		if e.Message != "" {
			return e.Message
		}
		return codeTexts[e.Code].EN
	}
	if r, ok := RuleByID(e.Rule); ok {
		art := e.Article
		if art == "" {
			art = r.Article
		}
		if lang == AR {
			return "مرفوض بموجب قاعدة «" + r.Title.AR + "» (" + Cite(art, AR) + ")"
		}
		return FrenchSpacing("refusé au titre de la règle « " + r.Title.FR + " » (" + Cite(art, FR) + ")")
	}
	if t, ok := codeTexts[e.Code]; ok {
		return FrenchSpacingIn(lang, t.In(lang))
	}
	return FrenchSpacingIn(lang, codeTexts[Internal].In(lang))
}

// FrenchSpacingIn applies FrenchSpacing to French text and returns text in
// any other language as it is.
func FrenchSpacingIn(lang Lang, s string) string {
	if lang == FR {
		return FrenchSpacing(s)
	}
	return s
}
