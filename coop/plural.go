package coop

import (
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// PluralForm is a CLDR plural category: the form a noun takes after a
// number in a language ("1 adhérent", "2 adhérents"; in Arabic «عضو واحد»,
// «عضوان», «3 أعضاء», «11 عضوا», «100 عضو»).
type PluralForm string

// The CLDR plural categories. French uses one and other, English one and
// other, Arabic all six.
const (
	Zero  PluralForm = "zero"
	One   PluralForm = "one"
	Two   PluralForm = "two"
	Few   PluralForm = "few"
	Many  PluralForm = "many"
	Other PluralForm = "other"
)

var langTags = map[Lang]language.Tag{FR: language.French, EN: language.English, AR: language.Arabic}

var pluralForms = map[plural.Form]PluralForm{plural.Zero: Zero, plural.One: One, plural.Two: Two, plural.Few: Few, plural.Many: Many, plural.Other: Other}

// Plural returns the plural category of the whole number n in lang, by the
// CLDR rules (golang.org/x/text/feature/plural).
func Plural(lang Lang, n int64) PluralForm {
	tag, ok := langTags[lang]
	if !ok {
		tag = language.French
	}
	if n < 0 {
		n = -n
	}
	return pluralForms[plural.Cardinal.MatchPlural(tag, int(n), 0, 0, 0, 0)]
}

// renderTemplate writes tmpl with its placeholders replaced by args in lang.
// A placeholder is {n}, the n-th argument, or a plural choice
// {n form{text} form{text} ... other{text}}, in which the text of the
// argument's plural form (or of other) is written with # standing for the
// argument and {m} for other arguments.
func renderTemplate(b *strings.Builder, tmpl string, args *[MaxArgs]Arg, lang Lang, hash *Arg) {
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		if c == '#' && hash != nil {
			b.WriteString(hash.render(lang))
			continue
		}
		if c != '{' || i+2 >= len(tmpl) || tmpl[i+1] < '0' || tmpl[i+1] >= '0'+MaxArgs {
			b.WriteByte(c)
			continue
		}
		arg := &args[tmpl[i+1]-'0']
		switch tmpl[i+2] {
		case '}':
			b.WriteString(arg.renderIsolated(lang))
			i += 2
		case ' ':
			end := closing(tmpl, i)
			if end < 0 {
				b.WriteByte(c)
				continue
			}
			renderTemplate(b, pluralCase(tmpl[i+3:end], arg.pluralForm(lang)), args, lang, arg)
			i = end
		default:
			b.WriteByte(c)
		}
	}
}

// closing returns the index of the brace closing the one at open, or -1.
func closing(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// pluralCase returns the text of form among the cases "one{…} other{…}",
// or of other when form has none.
func pluralCase(cases string, form PluralForm) string {
	other := ""
	for rest := strings.TrimSpace(cases); rest != ""; {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		end := closing(rest, open)
		if end < 0 {
			break
		}
		name, text := strings.TrimSpace(rest[:open]), rest[open+1:end]
		if PluralForm(name) == form {
			return text
		}
		if name == string(Other) {
			other = text
		}
		rest = strings.TrimSpace(rest[end+1:])
	}
	return other
}

// pluralForm returns the plural category of a numeric argument; other for
// any other argument.
func (a *Arg) pluralForm(lang Lang) PluralForm {
	if a.Kind != ArgInt {
		return Other
	}
	return Plural(lang, a.Int)
}

// CheckTemplate reports the first problem of a message template: a
// placeholder beyond MaxArgs, unbalanced braces, a plural choice without an
// other case or with an unknown category.
func CheckTemplate(tmpl string) error {
	depth := 0
	for i := 0; i < len(tmpl); i++ {
		switch tmpl[i] {
		case '{':
			depth++
			if i+1 < len(tmpl) && tmpl[i+1] >= '0' && tmpl[i+1] <= '9' && tmpl[i+1] >= '0'+MaxArgs {
				return Errorf(Invalid, "placeholder {%c} beyond the %d arguments of a reason", tmpl[i+1], MaxArgs)
			}
			if i+2 < len(tmpl) && tmpl[i+1] >= '0' && tmpl[i+1] < '0'+MaxArgs && tmpl[i+2] == ' ' {
				end := closing(tmpl, i)
				if end < 0 {
					return Errorf(Invalid, "unclosed plural choice at byte %d", i)
				}
				if err := checkCases(tmpl[i+3 : end]); err != nil {
					return err
				}
			}
		case '}':
			depth--
			if depth < 0 {
				return Errorf(Invalid, "unbalanced } at byte %d", i)
			}
		}
	}
	if depth != 0 {
		return Errorf(Invalid, "unbalanced braces")
	}
	return nil
}

func checkCases(cases string) error {
	hasOther := false
	for rest := strings.TrimSpace(cases); rest != ""; {
		open := strings.IndexByte(rest, '{')
		end := closing(rest, open)
		if open < 0 || end < 0 {
			return Errorf(Invalid, "malformed plural cases %q", cases)
		}
		switch PluralForm(strings.TrimSpace(rest[:open])) {
		case Zero, One, Two, Few, Many:
		case Other:
			hasOther = true
		default:
			return Errorf(Invalid, "unknown plural category %q", strings.TrimSpace(rest[:open]))
		}
		rest = strings.TrimSpace(rest[end+1:])
	}
	if !hasOther {
		return Errorf(Invalid, "plural cases %q have no other case", cases)
	}
	return nil
}
