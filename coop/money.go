package coop

import (
	"github.com/shopspring/decimal"
)

// Amounts of money are Moroccan dirhams (MAD) held in decimal.Decimal, never
// in float64. They carry at most two decimals (centimes).

// Centimes is the number of decimal places of an amount of MAD.
const Centimes = 2

// ParseMAD parses an amount of dirhams written with digits, an optional
// leading minus sign and at most two decimals after a point: "1000",
// "1000.5", "-12.30". Exponents ("1e3"), thousands separators, a plus sign,
// spaces and more than two decimals are refused with an Invalid error whose
// rule is "amount". The result has exactly two decimal places.
func ParseMAD(s string) (decimal.Decimal, error) {
	if err := checkAmount(s); err != nil {
		return decimal.Decimal{}, err
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, Fieldf("", "amount", "%q is not an amount", Excerpt(s))
	}
	return RoundMAD(d), nil
}

// MustParseMAD is like ParseMAD but panics on error. It is meant for literals
// in tests, examples and catalogues.
func MustParseMAD(s string) decimal.Decimal {
	d, err := ParseMAD(s)
	if err != nil {
		panic(err)
	}
	return d
}

// maxAmountDigits bounds the integer part: 12 digits is more than the share
// capital of every Moroccan cooperative put together, and matches NUMERIC(14,2).
const maxAmountDigits = 12

func checkAmount(s string) error {
	if s == "" {
		return Fieldf("", "amount", "an amount is required")
	}
	i := 0
	if s[0] == '-' {
		i = 1
	}
	intDigits, fracDigits, point := 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if point {
				fracDigits++
			} else {
				intDigits++
			}
		case c == '.' && !point:
			point = true
		default:
			return Fieldf("", "amount", "%q is not an amount: write digits with at most two decimals after a point", Excerpt(s))
		}
	}
	if intDigits == 0 || (point && fracDigits == 0) {
		return Fieldf("", "amount", "%q is not an amount: write digits with at most two decimals after a point", Excerpt(s))
	}
	if fracDigits > Centimes {
		return Fieldf("", "amount", "%q has more than two decimals", Excerpt(s))
	}
	if intDigits > maxAmountDigits {
		return Fieldf("", "amount", "%q has more than %d digits before the point", Excerpt(s), maxAmountDigits)
	}
	return nil
}

// CheckMAD reports an Invalid error (rule "amount") when d has more than
// two decimals or more than 12 digits before the point: what ParseMAD
// refuses in text.
func CheckMAD(d decimal.Decimal) error {
	// The common case, decided without arithmetic: at most two decimals
	// written, and fewer digits before the point than the limit.
	if exp := d.Exponent(); exp >= -Centimes && d.NumDigits()+int(exp) <= maxAmountDigits {
		return nil
	}
	if !d.Equal(d.Truncate(Centimes)) {
		return Fieldf("", "amount", "%s has more than two decimals", Excerpt(d.String()))
	}
	if d.Abs().Cmp(maxAmount) >= 0 {
		return Fieldf("", "amount", "%s has more than %d digits before the point", Excerpt(d.String()), maxAmountDigits)
	}
	return nil
}

// maxAmount is the first amount with too many digits.
var maxAmount = decimal.New(1, maxAmountDigits)

// RoundMAD rounds d half away from zero to the centime: the one helper the
// registry uses to normalise stored amounts to two places.
func RoundMAD(d decimal.Decimal) decimal.Decimal { return d.Round(Centimes) }

// FloorMAD rounds d down to the centime (towards negative infinity). Grants
// are computed with it so that a grant never exceeds its rate or its cap
// (programs.md §1, "Money").
func FloorMAD(d decimal.Decimal) decimal.Decimal { return d.RoundFloor(Centimes) }

// FormatMAD writes d with exactly two decimals, e.g. "300000.00".
func FormatMAD(d decimal.Decimal) string { return d.StringFixed(Centimes) }
