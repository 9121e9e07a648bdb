package bench

import (
	"fmt"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/ext"
)

// CEL evaluates the rulesets with cel-go: each programme as one expression
// (its criteria joined with &&), and each criterion as an expression of its
// own for an explanation.
type CEL struct {
	programs []cel.Program   // one per ruleset
	criteria [][]cel.Program // per ruleset, one per rule
}

// NewCEL compiles the rulesets.
func NewCEL(sets []Ruleset) (*CEL, error) {
	env, err := cel.NewEnv(
		cel.Variable("c", cel.MapType(cel.StringType, cel.DynType)),
		cel.Variable("as_of", cel.TimestampType),
		ext.Bindings(),
		cel.Function("addYears", cel.Overload("addYears_timestamp_int",
			[]*cel.Type{cel.TimestampType, cel.IntType}, cel.TimestampType,
			cel.BinaryBinding(func(t, n ref.Val) ref.Val {
				return types.Timestamp{Time: AddYears(t.(types.Timestamp).Time, int(n.(types.Int)))}
			}))),
	)
	if err != nil {
		return nil, err
	}
	compile := func(src string) (cel.Program, error) {
		ast, iss := env.Compile(src)
		if iss.Err() != nil {
			return nil, fmt.Errorf("cel: %s: %w", src, iss.Err())
		}
		return env.Program(ast)
	}
	e := &CEL{}
	for _, set := range sets {
		prg, err := compile(all(set.Rules, func(r Rule) string { return r.CEL }))
		if err != nil {
			return nil, err
		}
		e.programs = append(e.programs, prg)
		var crits []cel.Program
		for _, r := range set.Rules {
			prg, err := compile(r.CEL)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", set.Program, r.ID, err)
			}
			crits = append(crits, prg)
		}
		e.criteria = append(e.criteria, crits)
	}
	return e, nil
}

// Vars returns the variables of an evaluation: the cooperative as a map
// (FactsMap) and the date.
func Vars(f *Facts, asOf time.Time) map[string]any {
	return map[string]any{"c": FactsMap(f), "as_of": asOf}
}

// FactsMap is f as the map a CEL user passes: field names as keys, members
// as a list of maps.
func FactsMap(f *Facts) map[string]any {
	members := make([]any, len(f.Members))
	for i, m := range f.Members {
		members[i] = map[string]any{"Female": m.Female, "HasBirth": m.HasBirth, "Birth": m.Birth,
			"JoinedOn": m.JoinedOn, "Left": m.Left, "LeftOn": m.LeftOn}
	}
	return map[string]any{"Kind": f.Kind, "Registered": f.Registered, "RegisteredOn": f.RegisteredOn,
		"Status": f.Status, "HasStatusSince": f.HasStatusSince, "StatusSince": f.StatusSince,
		"FoundedUnder": f.FoundedUnder, "Conformed": f.Conformed, "ConformedOn": f.ConformedOn,
		"Sector": f.Sector, "Members": members}
}

// Eligible reports, for the ruleset at index set, whether every criterion
// passes.
func (e *CEL) Eligible(set int, vars map[string]any) (bool, error) {
	return evalCEL(e.programs[set], vars)
}

// Explain evaluates every criterion of the ruleset at index set into
// out[i], one per rule, and returns out.
func (e *CEL) Explain(set int, vars map[string]any, out []bool) ([]bool, error) {
	out = out[:0]
	for _, prg := range e.criteria[set] {
		ok, err := evalCEL(prg, vars)
		if err != nil {
			return out, err
		}
		out = append(out, ok)
	}
	return out, nil
}

func evalCEL(prg cel.Program, vars map[string]any) (bool, error) {
	v, _, err := prg.Eval(vars)
	if err != nil {
		return false, err
	}
	b, ok := v.(types.Bool)
	if !ok {
		return false, fmt.Errorf("cel: %v is not a bool", v)
	}
	return bool(b), nil
}
