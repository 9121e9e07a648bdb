// Package openrange_test checks the programmes of programme.yaml, whose age
// ranges have one end, with the case files of cases.yaml.
package openrange_test

import (
	"os"
	"strings"
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

// TestCases runs the case files.
func TestCases(t *testing.T) { programtest.Runner{Catalogue: load(t)}.RunFile(t, "cases.yaml") }

// TestOneEndNeverDrops: whatever the end a call sets, the criterion is in
// every decision, and its reason says the range in each language; a call
// that sets neither end is refused at load.
func TestOneEndNeverDrops(t *testing.T) {
	cat := load(t)
	for _, tc := range []struct {
		birth coop.Date
		want  programs.Outcome
	}{{coop.Date{}, programs.Undetermined}, {coop.MustParseDate("2008-01-15"), programs.Ineligible}, {coop.MustParseDate("1990-01-01"), programs.Eligible}} {
		dec, err := cat.Evaluate(programs.Request{Program: "adults-honour-loan", AsOf: coop.MustParseDate("2025-06-01"),
			Applicant: programs.Applicant{Person: &programs.PersonFacts{BirthDate: tc.birth}}})
		require.NoError(t, err)
		assert.Equal(t, tc.want, dec.Outcome)
		r, ok := dec.Criterion("age")
		require.True(t, ok, "the age criterion is in the decision")
		assert.Contains(t, r.Reason.Text(coop.FR), "18 ans ou plus")
		assert.Contains(t, r.Reason.Text(coop.EN), "aged 18 or over")
		assert.Contains(t, r.Reason.Text(coop.AR), "18 سنة فأكثر")
	}

	// A strict end: under 35.
	dec, err := cat.Evaluate(programs.Request{Program: "young-entrepreneurs-loan", AsOf: coop.MustParseDate("2025-06-10"),
		Applicant: programs.Applicant{Person: &programs.PersonFacts{BirthDate: coop.MustParseDate("1990-06-10")}}})
	require.NoError(t, err)
	r, _ := dec.Criterion("age")
	assert.Contains(t, r.Reason.Text(coop.FR), "de 18 ans ou plus et de moins de 35 ans")
	assert.Contains(t, r.Reason.Text(coop.EN), "aged 18 or over and under 35")
	assert.Contains(t, r.Reason.Text(coop.AR), "الذين يقل عمرهم عن 35 سنة")

	b, err := os.ReadFile("programme.yaml")
	require.NoError(t, err)
	neither := strings.Replace(string(b), "parameters:\n          min_age: {value: 18, reference: \"Illustrative call 2025, art. 2\"}\n", "parameters: {}\n", 1)
	require.NotEqual(t, string(b), neither)
	err = programs.Default().LoadPrograms("programme.yaml", strings.NewReader(neither))
	require.ErrorIs(t, err, coop.ErrInvalid)
	assert.Contains(t, err.Error(), `criterion "age" reads a range from min_age and max_age: the call sets at least one end`)

	// Only an end of a range may be strict.
	odd := strings.Replace(string(b), "strict: [max]", "strict: [middle]", 1)
	err = programs.Default().LoadPrograms("programme.yaml", strings.NewReader(odd))
	require.ErrorIs(t, err, coop.ErrInvalid)
	assert.Contains(t, err.Error(), `programs[2].criteria[0].strict[0]: "middle" is not an end of a range criterion age reads (ends: min, max)`)
}
