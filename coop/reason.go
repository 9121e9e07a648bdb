package coop

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Lang is a language in which reasons and names are rendered.
type Lang string

// The languages of reasons. French is the working language of ODCO and the
// registry; Arabic is the language of the law.
const (
	FR Lang = "fr"
	EN Lang = "en"
	AR Lang = "ar"
)

// Langs lists the languages every message is written in.
var Langs = []Lang{FR, EN, AR}

// ParseLang accepts "fr", "en" or "ar" (and regional forms such as
// "fr-MA"); anything else is an Invalid error.
func ParseLang(s string) (Lang, error) {
	base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "-")
	switch Lang(base) {
	case FR, EN, AR:
		return Lang(base), nil
	}
	return "", Fieldf("", "lang", "%q is not a supported language (fr, en, ar)", Excerpt(s))
}

// Message is the text of a reason in each language, with placeholders {0}
// to {5} for its arguments. Messages are package-level values; a Reason
// points to one and renders it only when asked.
type Message struct {
	// ID names the message, e.g. "members-min.fail"; stable.
	ID string
	FR string
	EN string
	AR string
	// Literal marks text already rendered (a reason read back from a stored
	// decision): it is shown as is, with no placeholders.
	Literal bool
}

// ArgKind tells how an argument is rendered.
type ArgKind uint8

// The kinds of argument.
const (
	ArgNone        ArgKind = iota
	ArgInt                 // an integer
	ArgDate                // a Date, written YYYY-MM-DD
	ArgAmount              // an amount of MAD, written with two decimals
	ArgPercent             // a ratio rendered as a percentage: 0.3 -> "30%"
	ArgText                // text shown as is (an ID, a code)
	ArgSector              // a sector slug, rendered as the sector's name
	ArgRegion              // a region code, rendered as the region's name
	ArgProvince            // a province code, rendered as the province's name
	ArgBasisPoints         // a ratio in hundredths of a percent: 3333 -> "33.33%"
	ArgBranch              // a branch slug, rendered as the branch's name
	ArgStatus              // a status, rendered as its name
	ArgRegions             // region codes separated by commas, rendered as a list of names
	ArgProvinces           // province codes separated by commas, rendered as a list of names
	ArgSectors             // sector slugs separated by commas, rendered as a list of names
	ArgBranches            // branch slugs separated by commas, rendered as a list of names
	ArgNames               // a name in each language (NamesArg)
)

// Arg is one argument of a reason. It holds its value unformatted, so that
// building a reason allocates nothing and formats nothing.
type Arg struct {
	Kind ArgKind
	// Int holds an integer, a ratio in basis points, or a date's encoding.
	Int  int64
	Dec  decimal.Decimal
	Text string
}

// IntArg, DateArg, AmountArg, PercentArg, TextArg, SectorArg, RegionArg and
// ProvinceArg build arguments of each kind.
func IntArg(n int) Arg                     { return Arg{Kind: ArgInt, Int: int64(n)} }
func DateArg(d Date) Arg                   { return Arg{Kind: ArgDate, Int: int64(d.v)} }
func AmountArg(d decimal.Decimal) Arg      { return Arg{Kind: ArgAmount, Dec: d} }
func PercentArg(ratio decimal.Decimal) Arg { return Arg{Kind: ArgPercent, Dec: ratio} }
func TextArg(s string) Arg                 { return Arg{Kind: ArgText, Text: s} }
func SectorArg(s Sector) Arg               { return Arg{Kind: ArgSector, Text: string(s)} }
func RegionArg(r RegionCode) Arg           { return Arg{Kind: ArgRegion, Text: string(r)} }
func ProvinceArg(p ProvinceCode) Arg       { return Arg{Kind: ArgProvince, Text: string(p)} }

// BranchArg and StatusArg build arguments rendered as the name of a branch
// or of a status in the reader's language.
func BranchArg(b Branch) Arg { return Arg{Kind: ArgBranch, Text: string(b)} }
func StatusArg(s Status) Arg { return Arg{Kind: ArgStatus, Text: string(s)} }

// ListArg builds an argument rendered as the list of the names of codes of
// kind ArgRegions, ArgProvinces, ArgSectors or ArgBranches ("Oriental,
// Fès-Meknès et Tanger-Tétouan-Al Hoceïma"). It allocates: build it once,
// when a rule is bound, not for each applicant.
func ListArg(kind ArgKind, codes []string) Arg {
	return Arg{Kind: kind, Text: strings.Join(codes, ",")}
}

// NamesArg builds an argument rendered as n in the reader's language: the
// name of a call, a declared fact, a kind of applicant. It allocates: build
// it once, when a rule is bound, not for each applicant.
func NamesArg(n Names) Arg {
	return Arg{Kind: ArgNames, Text: n.FR + "\x1f" + n.EN + "\x1f" + n.AR}
}

// RatioArg renders num/den as a percentage with at most two decimals,
// computed in integers (no allocation): RatioArg(1, 3) is "33.33%".
func RatioArg(num, den int) Arg {
	if den == 0 {
		return Arg{Kind: ArgBasisPoints}
	}
	return Arg{Kind: ArgBasisPoints, Int: (int64(num)*20000/int64(den) + 1) / 2}
}

var hundred = decimal.NewFromInt(100)

func (a Arg) render(lang Lang) string {
	switch a.Kind {
	case ArgInt:
		return strconv.FormatInt(a.Int, 10)
	case ArgDate:
		return Date{v: int32(a.Int)}.String()
	case ArgAmount:
		return FormatMAD(a.Dec)
	case ArgPercent:
		return a.Dec.Mul(hundred).Round(2).String() + "%"
	case ArgBasisPoints:
		whole, frac := a.Int/100, a.Int%100
		switch {
		case frac == 0:
			return strconv.FormatInt(whole, 10) + "%"
		case frac%10 == 0:
			return strconv.FormatInt(whole, 10) + "." + strconv.FormatInt(frac/10, 10) + "%"
		}
		return strconv.FormatInt(whole, 10) + "." + string(rune('0'+frac/10)) + string(rune('0'+frac%10)) + "%"
	case ArgSector:
		return Sector(a.Text).Name(lang)
	case ArgRegion:
		return RegionCode(a.Text).Name(lang)
	case ArgProvince:
		return ProvinceCode(a.Text).Name(lang)
	case ArgBranch:
		return Branch(a.Text).Name(lang)
	case ArgStatus:
		return Status(a.Text).Name(lang)
	case ArgRegions, ArgProvinces, ArgSectors, ArgBranches:
		return a.renderList(lang)
	case ArgNames:
		fr, rest, _ := strings.Cut(a.Text, "\x1f")
		en, ar, _ := strings.Cut(rest, "\x1f")
		return Names{FR: fr, EN: en, AR: ar}.In(lang)
	}
	return a.Text
}

// renderList writes a list of codes as their names joined in lang: "A, B
// et C", "A, B and C", «A، B وC».
func (a Arg) renderList(lang Lang) string {
	codes := strings.Split(a.Text, ",")
	names := make([]string, len(codes))
	for i, c := range codes {
		switch a.Kind {
		case ArgRegions:
			names[i] = RegionCode(c).Name(lang)
		case ArgProvinces:
			names[i] = ProvinceCode(c).Name(lang)
		case ArgSectors:
			names[i] = Sector(c).Name(lang)
		default:
			names[i] = Branch(c).Name(lang)
		}
	}
	return JoinList(lang, names)
}

// JoinList joins items as a list in lang: "A, B et C", "A, B and C",
// «A، B وC».
func JoinList(lang Lang, items []string) string {
	sep, last := ", ", " et "
	switch lang {
	case EN:
		last = " and "
	case AR:
		sep, last = "، ", " و"
	}
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], sep) + last + items[len(items)-1]
}

// MaxArgs is the number of arguments a reason can carry.
const MaxArgs = 6

// Reason is a short human explanation with the actual values, rendered on
// demand in French, English or Arabic. Its message is shared with every
// reason of its kind and cannot be changed through it.
type Reason struct {
	msg  *Message
	Args [MaxArgs]Arg
}

// NewReason returns a reason for msg with args (at most MaxArgs; extra
// arguments are ignored).
func NewReason(msg *Message, args ...Arg) Reason {
	r := Reason{msg: msg}
	copy(r.Args[:], args)
	return r
}

// Set makes r a reason for msg with args, in place: it allocates nothing.
// A nil msg empties the reason.
func (r *Reason) Set(msg *Message, args ...Arg) {
	r.msg = msg
	n := copy(r.Args[:], args)
	clear(r.Args[n:])
}

// MessageID returns the ID of the reason's message ("" when empty).
func (r Reason) MessageID() string {
	if r.msg == nil {
		return ""
	}
	return r.msg.ID
}

// Message returns a copy of the reason's message, with its text in each
// language and its placeholders.
func (r Reason) Message() Message {
	if r.msg == nil {
		return Message{}
	}
	return *r.msg
}

// IsZero reports whether the reason is empty.
func (r Reason) IsZero() bool { return r.msg == nil }

// Text renders the reason in lang (French when the message has no text in
// lang).
func (r Reason) Text(lang Lang) string {
	if r.msg == nil {
		return ""
	}
	tmpl := r.msg.FR
	switch lang {
	case EN:
		if r.msg.EN != "" {
			tmpl = r.msg.EN
		}
	case AR:
		if r.msg.AR != "" {
			tmpl = r.msg.AR
		}
	}
	if r.msg.Literal {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl) + 32)
	renderTemplate(&b, tmpl, &r.Args, lang, nil)
	return b.String()
}

// String renders the reason in English.
func (r Reason) String() string { return r.Text(EN) }

// MarshalJSON writes the reason in every language:
// {"fr": "...", "en": "...", "ar": "..."}.
func (r Reason) MarshalJSON() ([]byte, error) {
	if r.msg == nil {
		return []byte("null"), nil
	}
	return json.Marshal(map[Lang]string{FR: r.Text(FR), EN: r.Text(EN), AR: r.Text(AR)})
}

// Outcome is the three-valued result of one criterion or check
// (programs.md §1).
type Outcome string

// The three outcomes.
const (
	Pass    Outcome = "pass"
	Fail    Outcome = "fail"
	Unknown Outcome = "unknown"
)

// Param is a parameter value used by a criterion, with the date from which
// that value is in force.
type Param struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Since Date   `json:"since"`
	// Unconfirmed marks a value the sources do not confirm; it is kept as a
	// parameter so that it can be corrected without changing code.
	Unconfirmed bool `json:"unconfirmed,omitempty"`
	// Note says what is known of an unconfirmed value.
	Note string `json:"note,omitempty"`
}

// Result is the outcome of one criterion or check with its reason, its
// legal or programme reference and the parameter values it used.
type Result struct {
	ID        string  `json:"id"`
	Outcome   Outcome `json:"outcome"`
	Reason    Reason  `json:"reason"`
	Reference string  `json:"reference"`
	Params    []Param `json:"params,omitempty"`
}
