package honourloan_test

import (
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// mad is an amount given, in a project.
func mad(s string) decimal.NullDecimal { return decimal.NewNullDecimal(coop.MustParseMAD(s)) }
