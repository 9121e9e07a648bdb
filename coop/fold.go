package coop

import (
	"strings"
	"unicode"
)

// Fold returns s reduced for comparison: lower case, Latin accents removed
// (é→e, ï→i, ç→c, œ→oe), Arabic hamza forms of alef unified, diacritics and
// tatweel dropped, and every character that is not a letter or a digit
// removed. "Agadir-Ida-Ou-Tanane" and "Agadir Ida-Outanane" fold to the same
// string, and so do "Meknès" and "MEKNES".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if rep, ok := foldMap[r]; ok {
			b.WriteString(rep)
			continue
		}
		switch {
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // Arabic harakat, superscript alef, tatweel
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

var foldMap = func() map[rune]string {
	m := map[rune]string{}
	add := func(to string, from string) {
		for _, r := range from {
			m[r] = to
		}
	}
	add("a", "àáâãäåāăąÀÁÂÃÄÅĀĂĄ")
	add("c", "çćĉċčÇĆĈĊČ")
	add("d", "ďđĎĐ")
	add("e", "èéêëēĕėęěÈÉÊËĒĔĖĘĚ")
	add("g", "ĝğġģĜĞĠĢ")
	add("h", "ĥħĤĦ")
	add("i", "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ")
	add("j", "ĵĴ")
	add("k", "ķĶ")
	add("l", "ĺļľŀłĹĻĽĿŁ")
	add("n", "ñńņňÑŃŅŇ")
	add("o", "òóôõöøōŏőÒÓÔÕÖØŌŎŐ")
	add("r", "ŕŗřŔŖŘ")
	add("s", "śŝşšŚŜŞŠ")
	add("t", "ţťŧŢŤŦ")
	add("u", "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ")
	add("w", "ŵŴ")
	add("y", "ýÿŷÝŸŶ")
	add("z", "źżžŹŻŽ")
	add("oe", "œŒ")
	add("ae", "æÆ")
	add("ss", "ß")
	add("ا", "أإآٱ")
	add("ي", "ى")
	add("ه", "ة")
	return m
}()
