package coop_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

// fieldRules finds the rules the library's field errors carry, written
// as literals: Fields.Add(field, rule, …), Fieldf(field, rule, …), the
// registry's refuse(…, field, rule, …), the register reader's add(line,
// col, rule, …) and the catalogue loader's fail(node, field, rule, …).
func fieldRules(t *testing.T) map[string]string {
	t.Helper()
	rules := map[string]string{}
	fset := token.NewFileSet()
	for _, dir := range []string{".", "../registry", "../adapters/httpapi", "../adapters/postgres", "../programs", "../stats"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		require.NoError(t, err)
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			require.NoError(t, err)
			ast.Inspect(f, func(n ast.Node) bool {
				if kv, ok := n.(*ast.KeyValueExpr); ok {
					// FieldError{…, Rule: "single", …}
					if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Rule" {
						if lit, ok := kv.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							rule, _ := strconv.Unquote(lit.Value)
							rules[rule] = fset.Position(lit.Pos()).String()
						}
					}
					return true
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var fn string
				switch x := call.Fun.(type) {
				case *ast.Ident:
					fn = x.Name
				case *ast.SelectorExpr:
					fn = x.Sel.Name
				}
				at := map[string]int{"Add": 1, "Fieldf": 1, "refuse": 4, "add": 2, "fail": 2}[fn]
				if at == 0 || len(call.Args) <= at+1 {
					return true
				}
				if lit, ok := call.Args[at].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					rule, _ := strconv.Unquote(lit.Value)
					rules[rule] = fset.Position(lit.Pos()).String()
				}
				return true
			})
		}
	}
	return rules
}

// TestFieldRulesTranslated checks that every rule a field error carries
// reads in French and Arabic: a text of its own, or the title of the rule
// of the law it names; and that the Arabic texts hold no Latin letters.
func TestFieldRulesTranslated(t *testing.T) {
	rules := fieldRules(t)
	require.Greater(t, len(rules), 60, "the rules of the field errors were not found")
	latin := regexp.MustCompile(`[A-Za-z]`)
	for rule, at := range rules {
		if rule == "" {
			continue
		}
		_, isLaw := coop.RuleByID(rule)
		for _, lang := range []coop.Lang{coop.FR, coop.AR} {
			if _, ok := coop.FieldRuleText(rule, "5", lang); !ok && !isLaw {
				t.Errorf("%s: the field rule %q has no text in %s", at, rule, lang)
				continue
			}
			f := coop.FieldError{Field: "x", Rule: rule, Param: "5", Message: "english"}
			text := f.Text(lang)
			assert.NotEqual(t, "english", text)
			if lang == coop.AR {
				assert.False(t, latin.MatchString(text), "%s: Latin letters in Arabic: %s", rule, text)
			}
		}
	}
}

func TestErrorText(t *testing.T) {
	e := &coop.Error{Code: coop.FailedPrecondition, Message: "8 votes for of 15 cast", Rule: coop.RuleTwoThirds.ID, Article: coop.RuleTwoThirds.Article}
	assert.Equal(t, "8 votes for of 15 cast", e.Text(coop.EN))
	assert.Equal(t, "refusé au titre de la règle «\u00a0majorité des deux tiers\u00a0» (loi n° 112-12, art. 42 à 43)", e.Text(coop.FR))
	assert.Equal(t, "مرفوض بموجب قاعدة «أغلبية الثلثين» (القانون رقم \u2068112.12\u2069، المواد 42 إلى 43)", e.Text(coop.AR))
	nf := &coop.Error{Code: coop.NotFound, Message: "no cooperative 42"}
	assert.Equal(t, "introuvable", nf.Text(coop.FR))
	assert.Equal(t, "غير موجود", nf.Text(coop.AR))
	f := coop.FieldError{Field: "name", Rule: "max", Param: "200", Message: "must be at most 200 characters long"}
	assert.Equal(t, "au plus 200 caractères", f.Text(coop.FR))
	assert.Equal(t, "الحد الأقصى لعدد الحروف: 200", f.Text(coop.AR))
	assert.Equal(t, "must be at most 200 characters long", f.Text(coop.EN))
}
