package programs

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/taawun/taawun/coop"
)

// WriteReference writes the catalogue as a Markdown reference for the
// people who apply it: for each programme, its operator, the applicants it
// takes, its calls with their dates, phases and dated parameters, and its
// criteria with the rule each applies and its source; what the sources do
// not confirm is marked so. programs/CATALOGUE.md is the built-in
// catalogue's, and a test keeps it equal to what this writes.
func (c *Catalogue) WriteReference(w io.Writer) error { return c.WriteReferenceIn(w, coop.EN) }

// WriteReferenceIn writes the reference in lang: in French and Arabic with
// the programme's translations of its texts (Program.Translations) and the
// kinds' rules in that language, dates as the language writes them, and
// codes and parameter names as they are written in the catalogue.
// programs/CATALOGUE.fr.md and CATALOGUE.ar.md are the built-in
// catalogue's.
func (c *Catalogue) WriteReferenceIn(w io.Writer, lang coop.Lang) error {
	bw := bufio.NewWriter(w)
	rw := refWriter{bw: bw, lang: lang, l: refLabels[lang], kinds: map[string]*Kind{}}
	if rw.l.title == "" {
		rw.lang, rw.l = coop.EN, refLabels[coop.EN]
	}
	progs := c.Programs()
	rw.p("# %s\n\n", rw.l.title)
	rw.p(rw.l.generated, c.Version())
	for _, pr := range progs {
		rw.p("- [%s](#%s) (`%s`)\n", pr.Names.In(rw.lang), pr.ID, pr.ID)
	}
	for _, k := range c.Kinds() {
		rw.kinds[k.Name] = &k
	}
	for _, pr := range progs {
		rw.header(&pr)
		rw.calls(&pr)
		rw.parameters(&pr)
		rw.criteria(&pr)
	}
	return bw.Flush()
}

// refLabel holds the words of the reference in one language.
type refLabel struct {
	title, generated                          string
	operator, source, applicants, benefits    string
	followUp, followUpCoaching                string
	calls, callsHead, parameters, paramsHead  string
	criteria, criteriaHead, unconfirmed, fact string
	as, id, strict                            string
}

// refLabels are the words of the reference in each language.
var refLabels = map[coop.Lang]refLabel{
	coop.EN: {
		title:            "The programme catalogue",
		generated:        "Generated from the catalogue's data by `Catalogue.WriteReference` (catalogue version `%s`): do not edit;\n`go test ./programs -run TestReference -update` writes it again after a change to `catalogue.yaml`.\n\n",
		operator:         "operator: ",
		source:           "source: ",
		applicants:       "Applicants: ",
		benefits:         " Benefits: ",
		followUp:         " Follow-up: %d %s actions within %d months of selection.",
		calls:            "Calls",
		callsHead:        "| call | title | opens | closes | phases | source |",
		parameters:       "Parameters",
		paramsHead:       "| call | parameter | value | since | source |",
		criteria:         "Criteria",
		criteriaHead:     "| criterion | kind | passes when | parameters | source |",
		unconfirmed:      "unconfirmed: ",
		fact:             "declared fact ",
		strict:           "strict end ",
		as:               " as ",
		id:               "ID ",
		followUpCoaching: "",
	},
	coop.FR: {
		title:            "Le catalogue des programmes",
		generated:        "Généré à partir des données du catalogue par `Catalogue.WriteReferenceIn` (version du catalogue `%s`)\u00a0: ne pas modifier\u00a0;\n`go test ./programs -run TestReference -update` le réécrit après une modification de `catalogue.yaml`.\n\n",
		operator:         "opérateur\u00a0: ",
		source:           "source\u00a0: ",
		applicants:       "Demandeurs\u00a0: ",
		benefits:         " Avantages\u00a0: ",
		followUp:         " Suivi\u00a0: %d actions `%s` dans les %d mois suivant la sélection.",
		followUpCoaching: " Suivi\u00a0: %d visites d'accompagnement dans les %d mois suivant la sélection.",
		calls:            "Appels",
		callsHead:        "| appel | intitulé | ouverture | clôture | phases | source |",
		parameters:       "Paramètres",
		paramsHead:       "| appel | paramètre | valeur | depuis | source |",
		criteria:         "Critères",
		criteriaHead:     "| critère | type | rempli quand | paramètres | source |",
		unconfirmed:      "non confirmé\u00a0: ",
		fact:             "fait déclaré ",
		strict:           "borne stricte ",
		as:               " pour ",
		id:               "identifiant ",
	},
	coop.AR: {
		title:            "دليل البرامج",
		generated:        "وثيقة مولدة من معطيات الدليل بواسطة `Catalogue.WriteReferenceIn` (نسخة الدليل `%s`): لا تعدل يدويا؛\nالأمر `go test ./programs -run TestReference -update` يعيد كتابتها بعد كل تعديل للملف `catalogue.yaml`.\n\n",
		operator:         "الجهة المشرفة: ",
		source:           "المصدر: ",
		applicants:       "المترشحون: ",
		benefits:         " المزايا: ",
		followUp:         " التتبع: %d من إجراءات `%s` خلال %d شهرا بعد الانتقاء.",
		followUpCoaching: " التتبع: %d زيارة مواكبة خلال %d شهرا بعد الانتقاء.",
		calls:            "دعوات الترشيح",
		callsHead:        "| الدعوة | العنوان | الافتتاح | الإغلاق | المراحل | المصدر |",
		parameters:       "المعاملات",
		paramsHead:       "| الدعوة | المعامل | القيمة | منذ | المصدر |",
		criteria:         "المعايير",
		criteriaHead:     "| المعيار | النوع | يستوفى عندما | المعاملات | المصدر |",
		unconfirmed:      "غير مؤكد: ",
		fact:             "واقعة مصرح بها ",
		strict:           "حد صارم ",
		as:               " بصفة ",
		id:               "المعرف ",
	},
}

// refWriter writes the reference in Markdown, in one language.
type refWriter struct {
	bw    *bufio.Writer
	lang  coop.Lang
	l     refLabel
	kinds map[string]*Kind
}

func (rw refWriter) p(format string, args ...any) { fmt.Fprintf(rw.bw, format, args...) }

// text is s, a text of pr written in English, in the reference's
// language.
func (rw refWriter) text(pr *Program, s string) string {
	if rw.lang == coop.EN || s == "" {
		return s
	}
	if coop.IsCitation(s) {
		return coop.Cite(s, rw.lang)
	}
	if t := pr.source(s); t.FR != "" {
		return coop.FrenchSpacingIn(rw.lang, t.In(rw.lang))
	}
	for _, k := range rw.kinds {
		if k.Reference == s && k.References.FR != "" {
			return coop.FrenchSpacingIn(rw.lang, k.References.In(rw.lang))
		}
	}
	return s
}

// value is a parameter's value in the reference's language: amounts and
// ratios as the language writes them, codes by their names.
func (rw refWriter) value(v Value) string {
	if rw.lang == coop.EN {
		return v.String()
	}
	switch v.Kind {
	case AmountValue:
		return coop.FormatAmount(v.Dec.Shift(2).IntPart(), rw.lang)
	case RatioValue:
		return coop.FormatPercent(v.Dec.Shift(4).Round(0).IntPart(), rw.lang)
	case DateValue:
		return coop.FormatDate(v.Date, rw.lang)
	case RegionsValue, ProvincesValue, SectorsValue, BranchesValue:
		names := make([]string, len(v.List))
		for i, c := range v.List {
			switch v.Kind {
			case RegionsValue:
				names[i] = coop.RegionCode(c).Name(rw.lang)
			case ProvincesValue:
				names[i] = coop.ProvinceCode(c).Name(rw.lang)
			case SectorsValue:
				names[i] = coop.Sector(c).Name(rw.lang)
			default:
				names[i] = coop.Branch(c).Name(rw.lang)
			}
		}
		return coop.JoinList(rw.lang, names)
	}
	return v.String()
}

// date is d in the reference's language.
func (rw refWriter) date(d coop.Date) string {
	if rw.lang == coop.EN {
		return d.String()
	}
	return coop.FormatDate(d, rw.lang)
}

// note is the note of an unconfirmed value in the reference's language.
func (rw refWriter) note(en string, notes coop.Names) string {
	n := en
	switch {
	case rw.lang == coop.FR && notes.FR != "":
		n = notes.FR
	case rw.lang == coop.AR && notes.AR != "":
		n = notes.AR
	}
	return rw.l.unconfirmed + coop.FrenchSpacingIn(rw.lang, n)
}

// docIn is a kind's rule in lang, "" in English or when the kind does
// not give it.
func docIn(docs coop.Names, lang coop.Lang) string {
	switch lang {
	case coop.FR:
		return docs.FR
	case coop.AR:
		return docs.AR
	}
	return ""
}

// kindDocIn is doc, a kind's rule in French or Arabic, with the names of
// the parameters that fill its roles and the fact it reads, as code.
func kindDocIn(k *Kind, cr *Criterion, doc string) string {
	for _, sp := range k.Params {
		doc = strings.ReplaceAll(doc, "{"+sp.Role+"}", "`"+cr.Params[sp.Role]+"`")
	}
	return strings.ReplaceAll(doc, "{fact}", "`"+cr.Fact+"`")
}

// cell is s as a table cell.
func cell(s string) string { return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s) }

// header writes a programme's title, names, operator, source, applicants,
// benefits and schedule.
func (rw refWriter) header(pr *Program) {
	rw.p("\n<a id=\"%s\"></a>\n## %s\n\n", pr.ID, pr.Names.In(rw.lang))
	if other := pr.Names.AR; rw.lang == coop.AR {
		other = pr.Names.FR
		rw.p("%s · ", other)
	} else if other != "" {
		rw.p("%s · ", other)
	}
	rw.p("%s`%s` · %s%s · %s%s\n\n", rw.l.id, pr.ID, rw.l.operator, rw.text(pr, pr.Operator), rw.l.source, rw.text(pr, pr.Reference))
	kinds := make([]string, len(pr.Accepts))
	for i, k := range pr.Accepts {
		kinds[i] = string(k)
		if rw.lang != coop.EN {
			kinds[i] = kindNames[k].In(rw.lang)
		}
	}
	rw.p("%s%s.", rw.l.applicants, strings.Join(kinds, ", "))
	if pr.Benefits != "" {
		rw.p("%s%s.", rw.l.benefits, strings.TrimSuffix(rw.text(pr, pr.Benefits), "."))
	}
	if s := pr.Schedule; s != nil {
		if rw.lang != coop.EN && s.Kind == coop.CoachingVisit {
			rw.p(rw.l.followUpCoaching, s.Visits, s.Months)
		} else {
			rw.p(rw.l.followUp, s.Visits, s.Kind, s.Months)
		}
	}
}

// calls writes the table of a programme's calls.
func (rw refWriter) calls(pr *Program) {
	rw.p("\n\n### %s\n\n%s\n|---|---|---|---|---|---|\n", rw.l.calls, rw.l.callsHead)
	for _, call := range pr.Calls {
		closes := "—"
		if !call.Closes.IsZero() {
			closes = rw.date(call.Closes)
		}
		if call.Unconfirmed {
			closes += " (" + cell(rw.note(call.Note, call.Notes)) + ")"
		}
		var phases []string
		for _, ph := range call.Phases {
			regions := slices.Clone(ph.Regions)
			if rw.lang != coop.EN {
				for i, r := range regions {
					regions[i] = coop.RegionCode(r).Name(rw.lang)
				}
			}
			phases = append(phases, ph.ID+" ("+strings.Join(regions, ", ")+")")
		}
		rw.p("| `%s` | %s | %s | %s | %s | %s |\n", call.ID, cell(call.Title().In(rw.lang)), rw.date(call.Opens), closes,
			cell(strings.Join(phases, "; ")), cell(rw.text(pr, call.Reference)))
	}
}

// parameters writes the table of the values of a programme's parameters,
// call by call.
func (rw refWriter) parameters(pr *Program) {
	rw.p("\n### %s\n\n%s\n|---|---|---|---|---|\n", rw.l.parameters, rw.l.paramsHead)
	for _, call := range pr.Calls {
		for _, par := range call.Parameters {
			for _, d := range par.Values {
				src := rw.text(pr, par.Reference)
				if par.Unconfirmed {
					src = strings.TrimSpace(src + " (" + rw.note(par.Note, par.Notes) + ")")
				}
				rw.p("| `%s` | `%s` | %s | %s | %s |\n", call.ID, par.Name, cell(rw.value(d.Value)), rw.date(d.Since), cell(src))
			}
		}
	}
}

// criteria writes the table of a programme's criteria.
func (rw refWriter) criteria(pr *Program) {
	rw.p("\n### %s\n\n%s\n|---|---|---|---|---|\n", rw.l.criteria, rw.l.criteriaHead)
	for i := range pr.Criteria {
		rw.criterion(pr, &pr.Criteria[i], "")
	}
}

// branchMark marks, in every language, a criterion a combinator joins.
const branchMark = "↳ "

// criterion writes the row of a criterion and, beneath it, those of the
// criteria it joins, each marked as one of them.
func (rw refWriter) criterion(pr *Program, cr *Criterion, mark string) {
	roles := make([]string, 0, len(cr.Params))
	for role, par := range cr.Params {
		if role == par {
			roles = append(roles, "`"+par+"`")
		} else {
			r := role
			if rw.lang != coop.EN {
				r = "`" + role + "`"
			}
			roles = append(roles, "`"+par+"`"+rw.l.as+r)
		}
	}
	slices.Sort(roles)
	doc := cr.Doc
	if k := rw.kinds[cr.Kind]; k != nil {
		if d := docIn(k.Docs, rw.lang); d != "" {
			doc = coop.FrenchSpacingIn(rw.lang, kindDocIn(k, cr, d))
		}
	}
	if cr.Fact != "" {
		doc += " (" + rw.l.fact + "`" + cr.Fact + "`)"
	}
	for _, end := range cr.Strict {
		doc += " (" + rw.l.strict + "`" + end + "`)"
	}
	if len(cr.Accepts) > 0 {
		kinds := make([]string, len(cr.Accepts))
		for i, k := range cr.Accepts {
			kinds[i] = "`" + string(k) + "`"
		}
		doc += " (" + strings.Join(kinds, ", ") + ")"
	}
	if cr.Unconfirmed {
		if rw.lang == coop.EN {
			doc += " Unconfirmed: " + cr.Note
		} else {
			doc += " (" + rw.note(cr.Note, cr.Notes) + ")"
		}
	}
	rw.p("| %s`%s` | `%s` | %s | %s | %s |\n", mark, cr.ID, cr.Kind, cell(doc), strings.Join(roles, ", "), cell(rw.text(pr, cr.Reference)))
	for i := range cr.Of {
		rw.criterion(pr, &cr.Of[i], strings.Repeat("\u00a0", len([]rune(mark)))+branchMark)
	}
}
