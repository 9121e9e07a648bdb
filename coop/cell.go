package coop

import "strings"

// Cells of the files a spreadsheet opens. A spreadsheet runs a cell that
// starts with "=", "+", "-" or "@" (and, in some, a tab or a carriage
// return) as a formula: a cooperative named =HYPERLINK(…) would run in the
// clerk's Excel (OWASP, "CSV injection"). Names are stored as given, the
// same on every store and through the API and the register import, and
// every CSV the project writes (the register, statistics, screenings)
// neutralises them on output the way OWASP recommends: a leading apostrophe,
// which the spreadsheet shows as text. The register import takes the
// apostrophe off again, so that an export imports back as it was.

// NeutralizeCell returns s as a cell of a file a spreadsheet opens: with a
// leading apostrophe when it starts with "=", "+", "-", "@", a tab or a
// carriage return, unless it is a number ("-5", "-0.25"), which stays a
// number.
func NeutralizeCell(s string) string {
	if !needsQuote(s) {
		return s
	}
	return "'" + s
}

// RestoreCell undoes NeutralizeCell, for a cell read back from a file:
// RestoreCell(NeutralizeCell(s)) is s for every s.
func RestoreCell(s string) string {
	if s != "" && s[0] == '\'' && needsQuote(s[1:]) {
		return s[1:]
	}
	return s
}

// needsQuote reports whether a spreadsheet would read s as a formula once
// its leading apostrophes are taken off: a text whose first other
// character starts a formula, but for a plain number.
func needsQuote(s string) bool {
	t := strings.TrimLeft(s, "'")
	return t != "" && formulaStart(t[0]) && (len(t) != len(s) || !isNumber(s))
}

// NeutralizeRecord returns rec with each cell neutralised, in scratch
// (reused when large enough) when a cell changes, rec itself otherwise.
func NeutralizeRecord(rec, scratch []string) []string {
	out := rec
	for i, s := range rec {
		n := NeutralizeCell(s)
		if n == s {
			continue
		}
		if &out[0] == &rec[0] {
			out = append(scratch[:0], rec...)
		}
		out[i] = n
	}
	return out
}

func formulaStart(c byte) bool {
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
}

// isNumber reports whether s is a number written with digits, an optional
// sign and one decimal point or comma.
func isNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	digits, point := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case (c == '.' || c == ',') && !point && digits > 0:
			point = true
		default:
			return false
		}
	}
	return digits > 0 && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}
