package programs_test

import (
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// mad is an amount given, in a project.
func mad(s string) decimal.NullDecimal { return decimal.NewNullDecimal(coop.MustParseMAD(s)) }

// project returns a project with the amounts given ("" for one not given).
func project(cost, ownCash, ownInKind string) *programs.Project {
	p, err := programs.NewProject(cost, ownCash, ownInKind)
	if err != nil {
		panic(err)
	}
	return p
}
