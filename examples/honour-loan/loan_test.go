// Package honourloan_test checks the programme of programme.yaml, written
// in YAML alone with an any-of, a strict end, a person's declared facts and
// an honour loan with a grant part, against its case file.
package honourloan_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/programs/programtest"
)

func load(t *testing.T) *programs.Catalogue {
	t.Helper()
	f, err := os.Open("programme.yaml")
	require.NoError(t, err)
	defer f.Close()
	cat := programs.Default()
	require.NoError(t, cat.LoadPrograms("programme.yaml", f))
	return cat
}

// TestCases runs the case file.
func TestCases(t *testing.T) { programtest.Runner{Catalogue: load(t)}.RunFile(t, "cases.yaml") }

// TestExplain shows the decision an officer signs: the loan, its grant
// part and terms, and each alternative with its reason, in French and
// Arabic.
func TestExplain(t *testing.T) {
	cat := load(t)
	dec, err := cat.Evaluate(programs.Request{Program: "souss-honour-loan", AsOf: coop.MustParseDate("2025-04-15"),
		Applicant: programs.Applicant{
			Person:  &programs.PersonFacts{BirthDate: coop.MustParseDate("1995-09-09"), Declared: map[string]bool{"returning-abroad": true, "has-project": true}},
			Project: &programs.Project{Cost: mad("90000"), OwnCash: mad("20000"), OwnInKind: mad("5000")}}})
	require.NoError(t, err)
	fr := dec.Explain(coop.FR)
	assert.Contains(t, fr, "avantage\u00a0: un prêt d'honneur sans intérêt de 60.000,00 MAD, dont 6.000,00 MAD de subvention, remboursable sur 7 ans au plus après un différé de 1 an")
	assert.Contains(t, fr, "au moins l'une des possibilités est remplie")
	assert.Contains(t, fr, "déclaré\u00a0: le retour d'un Marocain résidant à l'étranger")
	assert.Contains(t, fr, "de 18 ans ou plus et de moins de 35 ans")
	ar := dec.Explain(coop.AR)
	assert.Contains(t, ar, "قرض شرف بدون فائدة قدره \u206860.000,00\u2069 درهم")
	assert.Contains(t, ar, "مصرح به: عودة مغربي مقيم بالخارج")
}
