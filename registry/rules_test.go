package registry_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

// TestRefusalsNameTheirRule enumerates every refusal the registry's verbs
// write and checks that each one that cites an article names a rule of
// coop's catalogue: the article comes from the rule, never from a string
// of the registry; and that every rule of decision of the catalogue is
// applied by some verb. (registrytest.CheckRule checks the same of every
// refusal the conformance suite meets, on every store.)
func TestRefusalsNameTheirRule(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	citation := regexp.MustCompile(`^"(Law|Decree) [0-9-]+ arts?\. `)
	used := map[string]bool{}
	refusals := 0
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.BasicLit:
				assert.False(t, citation.MatchString(x.Value), "%s: %s: an article written in the registry, not taken from a coop.Rule", fset.Position(x.Pos()), x.Value)
			case *ast.SelectorExpr:
				if id, ok := x.X.(*ast.Ident); ok && id.Name == "coop" && strings.HasPrefix(x.Sel.Name, "Rule") {
					used[x.Sel.Name] = true
				}
			case *ast.CallExpr:
				fn, ok := x.Fun.(*ast.Ident)
				if !ok {
					return true
				}
				switch fn.Name {
				case "refuse":
					refusals++
					require.GreaterOrEqual(t, len(x.Args), 3)
					checkRuleArg(t, fset, x.Args[2])
				case "withRule", "noVotes", "transition":
					refusals++
					checkRuleArg(t, fset, x.Args[1])
				}
			case *ast.CompositeLit:
				if sel, ok := x.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" {
					keys := map[string]bool{}
					for _, el := range x.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							keys[kv.Key.(*ast.Ident).Name] = true
						}
					}
					if keys["Article"] {
						refusals++
						assert.True(t, keys["Rule"], "%s: a refusal that cites an article names no rule", fset.Position(x.Pos()))
					}
				}
			}
			return true
		})
	}
	assert.Greater(t, refusals, 60, "the refusals of the registry were not found")
	for _, r := range coop.Rules() {
		if r.State {
			continue
		}
		name := "Rule"
		for part := range strings.SplitSeq(r.ID, "-") {
			name += strings.ToUpper(part[:1]) + part[1:]
		}
		assert.True(t, used[name], "no verb applies the rule %s (%s): coop.%s is not used", r.ID, r.Article, name)
	}
}

// checkRuleArg checks the rule given to a refusal: a rule of coop's
// catalogue, the rule of the verb (art), the member minimum of a kind, or
// noRule for a refusal no article states.
func checkRuleArg(t *testing.T, fset *token.FileSet, arg ast.Expr) {
	t.Helper()
	switch a := arg.(type) {
	case *ast.Ident:
		assert.Contains(t, []string{"noRule", "art", "r", "first"}, a.Name, "%s: a refusal by %s", fset.Position(a.Pos()), a.Name)
	case *ast.SelectorExpr:
		id, ok := a.X.(*ast.Ident)
		assert.True(t, ok && id.Name == "coop" && strings.HasPrefix(a.Sel.Name, "Rule"), "%s: a refusal by a rule outside coop", fset.Position(a.Pos()))
	case *ast.CallExpr:
		sel, ok := a.Fun.(*ast.SelectorExpr)
		assert.True(t, ok && sel.Sel.Name == "MembersRule", "%s: a refusal by a rule outside coop", fset.Position(a.Pos()))
	default:
		t.Errorf("%s: a refusal by an expression that is not a rule", fset.Position(arg.Pos()))
	}
}

// TestRules checks coop's catalogue: IDs given once, each rule citing an
// article of a law or a decree, and every check CheckLaw reports a rule of
// state citing the article its results cite.
func TestRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range coop.Rules() {
		assert.False(t, seen[r.ID], "%s twice", r.ID)
		seen[r.ID] = true
		assert.True(t, coop.IsCitation(r.Article), "%s cites %q", r.ID, r.Article)
		got, ok := coop.RuleByID(r.ID)
		assert.True(t, ok && got == r, r.ID)
	}
	for _, kind := range []coop.Kind{coop.KindCooperative, coop.KindUnion} {
		c := coop.Cooperative{Kind: kind, Status: coop.Active, FoundedUnder: coop.Law11212, RegisteredOn: coop.MustParseDate("2020-01-01"),
			Statutes: coop.Statutes{DurationYears: 99, ShareNominal: coop.MustParseMAD("100")}}
		for _, res := range coop.CheckLaw(&c, coop.MustParseDate("2024-01-01")).Results {
			r, ok := coop.RuleByID(res.ID)
			require.True(t, ok, "CheckLaw reports %s, which is not in the catalogue", res.ID)
			assert.True(t, r.State, res.ID)
			if res.ID == coop.CheckMembersMin {
				assert.Equal(t, kind.MembersRule().Article, res.Reference)
				continue
			}
			assert.Equal(t, r.Article, res.Reference, res.ID)
		}
	}
}
