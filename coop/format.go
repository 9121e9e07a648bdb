package coop

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Dates, amounts and percentages in running text are written the way each
// reader's locale writes them, from CLDR data (fr-MA, ar-MA, en): "6 avril
// 2026", "6 أبريل 2026" with the Moroccan months (ماي، يوليوز، غشت، شتنبر،
// نونبر، دجنبر), "April 6, 2026"; "270.000,50" in fr-MA and ar-MA,
// "270,000.50" in English; "8,33 %" and "8.33%". JSON fields, case files
// and CSV keep the ISO forms (Date.String, FormatMAD). The tables are
// checked against CLDR by TestFormatsCLDR.

// monthNames are the months in the long date format of each locale (CLDR
// months.format.wide).
var monthNames = [3][12]string{
	idxFR: {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	idxAR: {"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"},
	idxEN: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// numberSymbols are the decimal and group separators of each locale (CLDR
// numbers, latn digits; fr-MA and ar-MA both write 1.234,50) and how a
// percentage follows its number.
var numberSymbols = [3]struct{ decimal, group, percent string }{
	idxFR: {",", ".", "\u00a0%"},
	idxAR: {",", ".", "\u200e%\u200e"},
	idxEN: {".", ",", "%"},
}

// The indexes of the languages in the tables.
const (
	idxFR = iota
	idxAR
	idxEN
)

// MonthName returns the name of month m (1 to 12) in lang.
func MonthName(m int, lang Lang) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthNames[langIndex(lang)][m-1]
}

// FormatDate writes d in running text the way lang writes a long date:
// "6 avril 2026" and "1er avril 2026" in French, "6 أبريل 2026" in Arabic,
// "April 6, 2026" in English; "" for the zero Date.
func FormatDate(d Date, lang Lang) string {
	if d.IsZero() {
		return ""
	}
	day, month, year := strconv.Itoa(d.Day()), MonthName(int(d.Month()), lang), strconv.Itoa(d.Year())
	switch lang {
	case EN:
		return month + " " + day + ", " + year
	case FR:
		if day == "1" {
			day = "1er"
		}
	}
	return day + " " + month + " " + year
}

// FormatAmount writes an amount of MAD with two decimals and its thousands
// grouped the way lang writes them: "270.000,50" in French and Arabic,
// "270,000.50" in English. The currency is the sentence's.
func FormatAmount(centimes int64, lang Lang) string {
	sym := numberSymbols[langIndex(lang)]
	var b strings.Builder
	cents := writeHundredths(&b, centimes, sym.group)
	b.WriteString(sym.decimal)
	b.WriteByte(byte('0' + cents/10))
	b.WriteByte(byte('0' + cents%10))
	return b.String()
}

// FormatPercent writes a ratio given in hundredths of a percent as a
// percentage with at most two decimals, the way lang writes it: "8,33 %"
// in French, "8,33‎%‎" in Arabic, "8.33%" in English.
func FormatPercent(basisPoints int64, lang Lang) string {
	sym := numberSymbols[langIndex(lang)]
	var b strings.Builder
	switch frac := writeHundredths(&b, basisPoints, sym.group); {
	case frac == 0:
	case frac%10 == 0:
		b.WriteString(sym.decimal)
		b.WriteByte(byte('0' + frac/10))
	default:
		b.WriteString(sym.decimal)
		b.WriteByte(byte('0' + frac/10))
		b.WriteByte(byte('0' + frac%10))
	}
	b.WriteString(sym.percent)
	return b.String()
}

// writeHundredths writes the sign and the whole part of n, a number of
// hundredths, grouped by three, and returns its hundredths.
func writeHundredths(b *strings.Builder, n int64, group string) uint64 {
	u := uint64(n)
	if n < 0 {
		b.WriteByte('-')
		u = -u
	}
	writeGrouped(b, u/100, group)
	return u % 100
}

// writeGrouped writes n with its digits grouped by three.
func writeGrouped(b *strings.Builder, n uint64, group string) {
	s := strconv.FormatUint(n, 10)
	first := len(s) % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(s[:first])
	for i := first; i < len(s); i += 3 {
		b.WriteString(group)
		b.WriteString(s[i : i+3])
	}
}

// langIndex is the index of lang in the tables, French for an unknown
// language.
func langIndex(lang Lang) int {
	switch lang {
	case AR:
		return idxAR
	case EN:
		return idxEN
	}
	return idxFR
}

// FrenchSpacing returns s with the spaces French typography wants before
// ":", ";", "?", "!" and "»" and after "«" made non-breaking, as a name
// written in a catalogue reads in a French sentence.
func FrenchSpacing(s string) string {
	if !strings.ContainsAny(s, ":;?!«»") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := strings.IndexByte(s, ' '); i >= 0; {
		if frenchSpace(s, i) {
			if last == 0 {
				b.Grow(len(s) + 8)
			}
			b.WriteString(s[last:i])
			b.WriteString("\u00a0")
			last = i + 1
		}
		j := strings.IndexByte(s[i+1:], ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// frenchSpace reports whether the space at s[i] comes before ":", ";",
// "?", "!" or "»", or after "«".
func frenchSpace(s string, i int) bool {
	if i+1 < len(s) && strings.IndexByte(":;?!", s[i+1]) >= 0 || strings.HasPrefix(s[i+1:], "»") {
		return true
	}
	return i >= 2 && s[i-2:i] == "«"
}

// arabicJoins joins the preposition «لـ» written before a placeholder to
// the word the placeholder became: the tatweel stays before a digit or a
// guillemet («لـ3»، «لـ«…»») and goes before a letter («لعضوين», not
// «لـعضوين»).
func arabicJoins(s string) string {
	const lam = "لـ"
	if !strings.Contains(s, lam) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, lam)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		rest := s[i+len(lam):]
		r, _ := utf8.DecodeRuneInString(rest)
		if classOf(r) == arabicLetter {
			b.WriteString(s[:i] + "ل")
		} else {
			b.WriteString(s[:i] + lam)
		}
		s = rest
	}
}

// frenchRegions writes "région de l'Oriental" where a template wrote
// "région" before a region's name that starts with its article
// ("L'Oriental").
func frenchRegions(s string) string {
	if !strings.Contains(s, "région L'") {
		return s
	}
	return strings.ReplaceAll(s, "région L'", "région de l'")
}

// isolate wraps, in Arabic, a value that would not read right to left as
// it stands (a Latin name, an amount "270.000,00", a percentage, a number
// with a separator) in the Unicode first-strong isolate (U+2068 … U+2069),
// so that it keeps its own direction inside the sentence. A plain number
// and a text with Arabic letters are written as they are.
func isolate(s string, lang Lang) string {
	if lang != AR || s == "" {
		return s
	}
	var seen runeClass
	for _, r := range s {
		if seen |= classOf(r); seen&arabicLetter != 0 {
			break
		}
	}
	switch {
	case seen&arabicLetter != 0:
		return s // Arabic text reads right to left as it stands
	case seen&latinLetter != 0, seen&(digit|separator) == digit|separator:
		return "\u2068" + s + "\u2069"
	}
	return s
}

// renderIsolated renders a in lang, isolated in Arabic when its value
// needs it (see isolate): an amount or a percentage always, a number or a
// date never, a text or a name when it holds no Arabic letter.
func (a Arg) renderIsolated(lang Lang) string {
	s := a.render(lang)
	if lang != AR {
		return s
	}
	switch a.Kind {
	case ArgAmount, ArgBasisPoints:
		return "\u2068" + s + "\u2069"
	case ArgText, ArgNames:
		return isolate(s, lang)
	}
	return s
}

// runeClass says what kinds of characters a text holds, for isolate.
type runeClass uint8

const (
	digit runeClass = 1 << iota
	separator
	latinLetter
	arabicLetter
)

// classOf is the class of r.
func classOf(r rune) runeClass {
	switch {
	case r >= '0' && r <= '9':
		return digit
	case strings.ContainsRune(".,%/:", r):
		return separator
	case r < 0x80:
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return latinLetter
		}
	case r >= 0x0621 && r <= 0x064A, r >= 0x0671 && r <= 0x06D3, r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFC:
		return arabicLetter
	}
	return 0
}
