package httpapi

import (
	"context"
	"net/http"

	"golang.org/x/text/language"

	"github.com/taawun/taawun/coop"
)

// The language of a reply: the first of French, Arabic and English that
// the request's Accept-Language prefers (by its q-values; fr-MA reads
// French, ar-MA Arabic), otherwise the server's default (Options.Lang,
// French unless set). Every reply says it in Content-Language and varies
// on Accept-Language; problems are written in it.

// spoken are the languages of the replies, in the order of coop.Langs'
// tags for the matcher.
var spoken = []coop.Lang{coop.FR, coop.AR, coop.EN}

var langMatcher = language.NewMatcher([]language.Tag{language.French, language.Arabic, language.English})

type langKey struct{}

// negotiate returns the language of the reply to r, def when
// Accept-Language names none Taawun speaks.
func negotiate(r *http.Request, def coop.Lang) coop.Lang {
	h := r.Header.Get("Accept-Language")
	if h == "" {
		return def
	}
	tags, _, err := language.ParseAcceptLanguage(h)
	if err != nil || len(tags) == 0 {
		return def
	}
	_, i, conf := langMatcher.Match(tags...)
	if conf == language.No {
		return def
	}
	return spoken[i]
}

// withLang sets the language of the reply to r: Content-Language, Vary,
// and the request's context, where langOf reads it.
func withLang(w http.ResponseWriter, r *http.Request, def coop.Lang) *http.Request {
	l := negotiate(r, def)
	w.Header().Set("Content-Language", string(l))
	w.Header().Add("Vary", "Accept-Language")
	return r.WithContext(context.WithValue(r.Context(), langKey{}, l))
}

// langOf is the language of the reply to r.
func langOf(r *http.Request) coop.Lang {
	if l, ok := r.Context().Value(langKey{}).(coop.Lang); ok {
		return l
	}
	return negotiate(r, coop.FR)
}

// statusTitles are the titles of the problems by status, in French and
// Arabic (English uses http.StatusText).
var statusTitles = map[int]coop.Names{
	http.StatusBadRequest:            {FR: "Requête invalide", AR: "طلب غير صالح"},
	http.StatusUnauthorized:          {FR: "Authentification requise", AR: "المصادقة مطلوبة"},
	http.StatusForbidden:             {FR: "Accès refusé", AR: "الولوج مرفوض"},
	http.StatusNotFound:              {FR: "Introuvable", AR: "غير موجود"},
	http.StatusMethodNotAllowed:      {FR: "Méthode non permise", AR: "طريقة غير مسموح بها"},
	http.StatusConflict:              {FR: "Conflit", AR: "تعارض"},
	http.StatusPreconditionFailed:    {FR: "Version dépassée", AR: "نسخة متجاوزة"},
	http.StatusRequestEntityTooLarge: {FR: "Requête trop volumineuse", AR: "طلب كبير جدا"},
	http.StatusUnsupportedMediaType:  {FR: "Type de contenu non pris en charge", AR: "نوع محتوى غير مدعوم"},
	http.StatusUnprocessableEntity:   {FR: "Opération refusée", AR: "عملية مرفوضة"},
	http.StatusInternalServerError:   {FR: "Erreur interne", AR: "خطأ داخلي"},
	http.StatusServiceUnavailable:    {FR: "Service indisponible", AR: "الخدمة غير متاحة"},
}

// codeDetails say in French and Arabic what the adapter's own problems
// mean.
var codeDetails = map[string]coop.Names{
	codeUnauthenticated:    {FR: "cette ressource demande un jeton d'accès valide", AR: "يتطلب هذا المورد رمز ولوج صالحا"},
	codeMethodNotAllowed:   {FR: "cette méthode n'est pas permise sur cette ressource", AR: "هذه الطريقة غير مسموح بها على هذا المورد"},
	codeTooLarge:           {FR: "le corps de la requête dépasse la taille permise", AR: "محتوى الطلب يتجاوز الحجم المسموح به"},
	codeUnsupportedMedia:   {FR: "type de contenu non pris en charge", AR: "نوع المحتوى غير مدعوم"},
	codePreconditionFailed: {FR: "la version donnée n'est plus la dernière : relisez la coopérative", AR: "النسخة المقدمة لم تعد الأخيرة: أعد قراءة التعاونية"},
	codeIdempotency:        {FR: "cette clé d'idempotence a servi à une autre requête", AR: "سبق استعمال مفتاح عدم التكرار هذا لطلب آخر"},
	codeKeyInUse:           {FR: "une requête avec cette clé d'idempotence est en cours", AR: "طلب بمفتاح عدم التكرار هذا قيد المعالجة"},
	codeTimeout:            {FR: "le traitement a pris trop de temps", AR: "استغرقت المعالجة وقتا طويلا"},
	codeBusy:               {FR: "d'autres imports de registre sont en cours : réessayez dans quelques secondes", AR: "عمليات استيراد أخرى للسجل جارية: أعد المحاولة بعد بضع ثوان"},
}

// localize writes p in lang: its title, its detail and each field's
// message. English keeps the precise messages.
func localize(p *Problem, lang coop.Lang) {
	if lang == coop.EN {
		return
	}
	if t, ok := statusTitles[p.Status]; ok {
		p.Title = t.In(lang)
	}
	if p.err != nil {
		p.Detail = p.err.Text(lang)
	} else if t, ok := codeDetails[p.Code]; ok {
		p.Detail = coop.FrenchSpacingIn(lang, t.In(lang))
	} else {
		p.Detail = (&coop.Error{Code: coop.Code(p.Code)}).Text(lang)
	}
	if len(p.Errors) > 0 {
		fields := make([]coop.FieldError, len(p.Errors))
		for i, f := range p.Errors {
			f.Message = f.Text(lang)
			fields[i] = f
		}
		p.Errors = fields
	}
}
