package coop

import (
	"regexp"
	"strings"
)

// citation matches a citation of a law or decree as the references of this
// package write it: "Law 112-12 art. 26", "Law 112-12 arts. 14, 85",
// "Law 112-12 arts. 42-43", "Decree 2-15-617 art. 4", "Law 112-12 art. 108
// (Law 74-16)".
var citation = regexp.MustCompile(`^(Law|Decree) ([0-9][0-9-]*) (arts?)\. ([0-9][0-9, -]*?)(?: \((Law|Decree) ([0-9][0-9-]*)\))?$`)

// Cite writes a reference in lang: a citation of a law or a decree in the
// reader's language ("loi n° 112-12, art. 14 et 85", «القانون رقم 112.12،
// المادتان 14 و85»), parts separated by "; " each cited alike. A reference
// that is not a citation (a programme call) is returned as written.
func Cite(ref string, lang Lang) string {
	if lang == EN || ref == "" {
		return ref
	}
	parts := strings.Split(ref, "; ")
	for i, p := range parts {
		parts[i] = citePart(p, lang)
	}
	sep := "\u00a0; "
	if lang == AR {
		sep = "؛ "
	}
	return strings.Join(parts, sep)
}

// IsCitation reports whether every part of ref is a citation of a law or a
// decree that Cite writes in the reader's language.
func IsCitation(ref string) bool {
	if ref == "" {
		return false
	}
	for _, p := range strings.Split(ref, "; ") {
		if !citation.MatchString(p) {
			return false
		}
	}
	return true
}

func citePart(p string, lang Lang) string {
	m := citation.FindStringSubmatch(p)
	if m == nil {
		return p
	}
	out := textName(m[1], m[2], lang) + articles(m[4], lang)
	if m[5] != "" {
		out += " (" + textName(m[5], m[6], lang) + ")"
	}
	return out
}

// textName names a law or a decree by its number.
func textName(kind, number string, lang Lang) string {
	switch {
	case kind == "Law" && lang == AR:
		return "القانون رقم " + isolate(arabicNumber(number), AR)
	case kind == "Law":
		return "loi n° " + number
	case lang == AR:
		return "المرسوم رقم " + isolate(arabicNumber(number), AR)
	}
	return "décret n° " + number
}

// arabicNumber writes the number of a law or a decree as Moroccan Arabic
// writes it, with dots: 112.12, 2.15.617.
func arabicNumber(n string) string { return strings.ReplaceAll(n, "-", ".") }

// articles writes the articles of a citation: "14, 85" or "42-43".
func articles(list string, lang Lang) string {
	var nums []string
	count := 0
	for _, a := range strings.Split(list, ",") {
		a = strings.TrimSpace(a)
		if from, to, ok := strings.Cut(a, "-"); ok {
			count += 2
			if lang == AR {
				nums = append(nums, from+" إلى "+to)
			} else {
				nums = append(nums, from+" à "+to)
			}
			continue
		}
		count++
		nums = append(nums, a)
	}
	if lang != AR {
		return ", art. " + JoinList(FR, nums)
	}
	switch {
	case count == 1:
		return "، المادة " + nums[0]
	case count == 2 && len(nums) == 2:
		return "، المادتان " + JoinList(AR, nums)
	}
	return "، المواد " + JoinList(AR, nums)
}
