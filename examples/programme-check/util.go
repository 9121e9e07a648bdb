package main

import (
	"errors"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

func asError(err error, target **coop.Error) bool { return errors.As(err, target) }

func contains(list []string, s string) bool { return slices.Contains(list, s) }

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// amount writes an amount of MAD as the reader's administration does
// ("270.000,00 MAD" in French).
func amount(d decimal.Decimal, lang coop.Lang) string {
	return coop.FormatAmount(d.Shift(2).Round(0).IntPart(), lang) + " MAD"
}
