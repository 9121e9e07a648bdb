package bench

import (
	"fmt"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

// Env is what the expr expressions see.
type Env struct {
	C    *Facts
	AsOf time.Time
}

// Expr evaluates the rulesets with expr-lang: each programme as one
// expression (its criteria joined with &&), and each criterion as an
// expression of its own for an explanation. It reuses one virtual machine
// and is not safe for concurrent use.
type Expr struct {
	programs []*vm.Program
	criteria [][]*vm.Program
	machine  vm.VM
}

// NewExpr compiles the rulesets.
func NewExpr(sets []Ruleset) (*Expr, error) {
	opts := []expr.Option{
		expr.Env(Env{}),
		expr.AsBool(),
		expr.Function("addYears", func(params ...any) (any, error) {
			return AddYears(params[0].(time.Time), params[1].(int)), nil
		}, AddYears),
	}
	e := &Expr{}
	for _, set := range sets {
		src := all(set.Rules, func(r Rule) string { return r.Expr })
		prg, err := expr.Compile(src, opts...)
		if err != nil {
			return nil, fmt.Errorf("expr: %s: %w", set.Program, err)
		}
		e.programs = append(e.programs, prg)
		var crits []*vm.Program
		for _, r := range set.Rules {
			prg, err := expr.Compile(r.Expr, opts...)
			if err != nil {
				return nil, fmt.Errorf("expr: %s %s: %w", set.Program, r.ID, err)
			}
			crits = append(crits, prg)
		}
		e.criteria = append(e.criteria, crits)
	}
	return e, nil
}

// Eligible reports, for the ruleset at index set, whether every criterion
// passes.
func (e *Expr) Eligible(set int, env *Env) (bool, error) {
	return e.run(e.programs[set], env)
}

// Explain evaluates every criterion of the ruleset at index set into
// out[i], one per rule, and returns out.
func (e *Expr) Explain(set int, env *Env, out []bool) ([]bool, error) {
	out = out[:0]
	for _, prg := range e.criteria[set] {
		ok, err := e.run(prg, env)
		if err != nil {
			return out, err
		}
		out = append(out, ok)
	}
	return out, nil
}

func (e *Expr) run(prg *vm.Program, env *Env) (bool, error) {
	v, err := e.machine.Run(prg, *env)
	if err != nil {
		return false, err
	}
	return v.(bool), nil
}
