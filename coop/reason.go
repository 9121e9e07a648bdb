package coop

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

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
	ArgDate                // a Date, written as the reader's locale writes it (FormatDate)
	ArgAmount              // an amount of MAD, two decimals, grouped (FormatAmount)
	ArgPercent             // a ratio rendered as a percentage: 0.3 -> "30 %" (FormatPercent)
	ArgText                // text shown as is (an ID, a code)
	ArgSector              // a sector slug, rendered as the sector's name
	ArgRegion              // a region code, rendered as the region's name
	ArgProvince            // a province code, rendered as the province's name
	ArgBasisPoints         // a ratio in hundredths of a percent: 3333 -> "33,33 %"
	ArgBranch              // a branch slug, rendered as the branch's name
	ArgStatus              // a status, rendered as its name
	ArgRegions             // region codes separated by commas, rendered as a list of names
	ArgProvinces           // province codes separated by commas, rendered as a list of names
	ArgSectors             // sector slugs separated by commas, rendered as a list of names
	ArgBranches            // branch slugs separated by commas, rendered as a list of names
	ArgNames               // a name in each language (NamesArg)
	ArgDayAfter            // a date, rendered as the day after it
)

// Arg is one argument of a reason, in 16 bytes and without pointers, so
// that a reason is copied as plain memory. It holds its value unformatted,
// so that building a reason allocates nothing and formats nothing.
type Arg struct {
	Kind ArgKind
	// text is the interned text of a code, a name or a text (see Text).
	text uint32
	// Int holds an integer, an amount in centimes, a ratio in hundredths of
	// a percent, or a date's encoding.
	Int int64
}

// Text returns the text an argument holds: a code ("MA-06"), a slug, a
// text, names packed for NamesArg, or an amount too large for Int already
// formatted; "" for a numeric argument.
func (a Arg) Text() string { return textOf(a.text) }

// texts interns the texts of arguments, so that an Arg holds a number in
// place of a string. Texts come from codes, names and the catalogue's
// data, a bounded set: an argument built from free text that differs for
// every applicant would grow it without bound.
var texts = newTexts()

// textTable is the table of interned texts; the empty text is number 0.
type textTable struct {
	mu  sync.Mutex
	ids map[string]uint32
	all atomic.Pointer[[]string]
}

func newTexts() *textTable {
	t := &textTable{ids: map[string]uint32{"": 0}}
	all := []string{""}
	t.all.Store(&all)
	return t
}

// intern returns the number of s among the interned texts.
func intern(s string) uint32 {
	if s == "" {
		return 0
	}
	texts.mu.Lock()
	defer texts.mu.Unlock()
	if id, ok := texts.ids[s]; ok {
		return id
	}
	// Readers hold the slice they loaded and never read beyond its length:
	// appending in place past it is safe.
	all := append(*texts.all.Load(), s)
	id := uint32(len(all) - 1)
	texts.ids[s] = id
	texts.all.Store(&all)
	return id
}

func textOf(id uint32) string { return (*texts.all.Load())[id] }

func textArg(kind ArgKind, s string) Arg { return Arg{Kind: kind, text: intern(s)} }

// IntArg, DateArg, AmountArg, PercentArg, TextArg, SectorArg, RegionArg and
// ProvinceArg build arguments of each kind.
func IntArg(n int) Arg                     { return Arg{Kind: ArgInt, Int: int64(n)} }
func DateArg(d Date) Arg                   { return Arg{Kind: ArgDate, Int: int64(d.v)} }
func AmountArg(d decimal.Decimal) Arg      { return amountArg(d) }
func PercentArg(ratio decimal.Decimal) Arg { return percentArg(ratio) }

// DayAfterArg builds an argument rendered as the day after d, computed only
// when the reason is read.
func DayAfterArg(d Date) Arg { return Arg{Kind: ArgDayAfter, Int: int64(d.v)} }

// amountArg holds an amount in centimes when it has at most two decimals
// and fits, which is the case of every amount the rules compute (they round
// to the centime); otherwise its text.
func amountArg(d decimal.Decimal) Arg {
	if e := int(d.Exponent()); e >= -2 && d.NumDigits()+e+2 <= 18 {
		c := d.CoefficientInt64()
		for ; e > -2; e-- {
			c *= 10
		}
		return Arg{Kind: ArgAmount, Int: c}
	}
	return textArg(ArgText, FormatMAD(d))
}

// percentArg holds a ratio in hundredths of a percent, rounded half away
// from zero: 0.3 is 3000, rendered "30%".
func percentArg(ratio decimal.Decimal) Arg {
	bp := ratio.Shift(4).Round(0)
	if bp.NumDigits() > 17 {
		return textArg(ArgText, ratio.Mul(hundred).Round(2).String()+"%")
	}
	return Arg{Kind: ArgBasisPoints, Int: bp.IntPart()}
}
func TextArg(s string) Arg           { return textArg(ArgText, s) }
func SectorArg(s Sector) Arg         { return textArg(ArgSector, string(s)) }
func RegionArg(r RegionCode) Arg     { return textArg(ArgRegion, string(r)) }
func ProvinceArg(p ProvinceCode) Arg { return textArg(ArgProvince, string(p)) }

// BranchArg and StatusArg build arguments rendered as the name of a branch
// or of a status in the reader's language.
func BranchArg(b Branch) Arg { return textArg(ArgBranch, string(b)) }
func StatusArg(s Status) Arg { return textArg(ArgStatus, string(s)) }

// ListArg builds an argument rendered as the list of the names of codes of
// kind ArgRegions, ArgProvinces, ArgSectors or ArgBranches ("Oriental,
// Fès-Meknès et Tanger-Tétouan-Al Hoceïma"). It allocates: build it once,
// when a rule is bound, not for each applicant.
func ListArg(kind ArgKind, codes []string) Arg {
	return textArg(kind, strings.Join(codes, ","))
}

// NamesArg builds an argument rendered as n in the reader's language: the
// name of a call, a declared fact, a kind of applicant. It allocates: build
// it once, when a rule is bound, not for each applicant.
func NamesArg(n Names) Arg {
	return textArg(ArgNames, n.FR+"\x1f"+n.EN+"\x1f"+n.AR)
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
		return FormatDate(Date{v: int32(a.Int)}, lang)
	case ArgAmount:
		return FormatAmount(a.Int, lang)
	case ArgDayAfter:
		return FormatDate(Date{v: int32(a.Int)}.AddDays(1), lang)
	case ArgBasisPoints:
		return FormatPercent(a.Int, lang)
	case ArgSector:
		return Sector(a.Text()).Name(lang)
	case ArgRegion:
		return RegionCode(a.Text()).Name(lang)
	case ArgProvince:
		return ProvinceCode(a.Text()).Name(lang)
	case ArgBranch:
		return Branch(a.Text()).Name(lang)
	case ArgStatus:
		return Status(a.Text()).Name(lang)
	case ArgRegions, ArgProvinces, ArgSectors, ArgBranches:
		return a.renderList(lang)
	case ArgNames:
		fr, rest, _ := strings.Cut(a.Text(), "\x1f")
		en, ar, _ := strings.Cut(rest, "\x1f")
		return Names{FR: fr, EN: en, AR: ar}.In(lang)
	}
	return a.Text()
}

// renderList writes a list of codes as their names joined in lang: "A, B
// et C", "A, B and C", «A، B وC».
func (a Arg) renderList(lang Lang) string {
	codes := strings.Split(a.Text(), ",")
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
	n    uint8 // the number of arguments
	args [MaxArgs]Arg
}

// NewReason returns a reason for msg with args (at most MaxArgs; extra
// arguments are ignored).
func NewReason(msg *Message, args ...Arg) Reason {
	var r Reason
	r.Set(msg, args...)
	return r
}

// Set makes r a reason for msg with args, in place: it copies the
// arguments and nothing else, and allocates nothing. A nil msg empties the
// reason.
func (r *Reason) Set(msg *Message, args ...Arg) {
	r.msg = msg
	// A loop rather than copy: a few 16-byte moves, no call to memmove.
	n := min(len(args), MaxArgs)
	for i := 0; i < n; i++ {
		r.args[i] = args[i]
	}
	r.n = uint8(n)
}

// Args returns the reason's arguments.
func (r *Reason) Args() []Arg { return r.args[:r.n] }

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
	args := r.args
	clear(args[r.n:]) // a placeholder beyond the arguments renders empty
	renderTemplate(&b, tmpl, &args, lang, nil)
	switch lang {
	case EN:
		return b.String()
	case AR:
		return arabicJoins(b.String())
	}
	return FrenchSpacing(frenchRegions(b.String()))
}

// String renders the reason in English.
func (r Reason) String() string { return r.Text(EN) }

// RenderedReason returns a reason already rendered in each language (one
// read back from JSON or from a stored decision), shown as is; id names
// its message when known.
func RenderedReason(id, fr, en, ar string) Reason {
	return NewReason(&Message{ID: id, FR: fr, EN: en, AR: ar, Literal: true})
}

// UnmarshalJSON reads a reason written by MarshalJSON: its text in each
// language, kept as rendered, so that a reason that crossed the wire
// renders as it did where it was made. null is the empty reason.
func (r *Reason) UnmarshalJSON(b []byte) error {
	var texts map[Lang]string
	if err := json.Unmarshal(b, &texts); err != nil {
		return err
	}
	if texts == nil {
		*r = Reason{}
		return nil
	}
	*r = RenderedReason("", texts[FR], texts[EN], texts[AR])
	return nil
}

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
