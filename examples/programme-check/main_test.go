package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

// TestCheck runs the command's check on programme files and case files as
// an officer would: a good pair passes, a failing case is printed at its
// line with its differences and reasons, and a refused file with each
// problem at its line, in the language asked.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
		return p
	}
	failing := write("failing.yaml", `- name: a person of 17 expected eligible
  program: adults-honour-loan
  as_of: 2025-06-01
  person: {birth_date: 2008-01-15}
  expect: {outcome: eligible}
`)
	loan := write("loan.yaml", `- name: the ceiling on 1 July
  program: souss-honour-loan
  as_of: 2025-07-01
  person: {birth_date: 2000-02-01, declared: {lives-in-region: true, has-project: true}}
  project: {cost: "90000", own_cash: "20000", own_in_kind: "5000"}
  expect: {outcome: eligible, benefit: {loan: "60000.00", grant: "6000.00"}}
`)
	programme, err := os.ReadFile("../open-range/programme.yaml")
	require.NoError(t, err)
	broken := write("broken.yaml", strings.Replace(strings.Replace(string(programme), "kind: age", "kind: ages", 1),
		"min_age: {value: 18,", "min_age: {value: eighteen,", 1))
	tests := []struct {
		name      string
		lang      coop.Lang
		programme string
		cases     []string
		ok        bool
		want      []string
	}{
		{"Passes", coop.FR, "../regional/programme.yaml", []string{"../regional/cases.yaml"}, true,
			[]string{"1 programme(s) chargé(s)", "11 cas sur 11 conformes"}},
		{"FailingCaseFR", coop.FR, "../open-range/programme.yaml", []string{failing}, false,
			[]string{failing + ":1 : « a person of 17 expected eligible »", "résultat attendu éligible, obtenu non éligible",
				"17 ans au 1er juin 2025", "0 cas sur 1 conformes"}},
		{"FailingCaseAR", coop.AR, "../open-range/programme.yaml", []string{failing}, false,
			[]string{"النتيجة المنتظرة مؤهل، المحصل عليها غير مؤهل", "18 سنة فأكثر"}},
		{"BenefitFR", coop.FR, "../honour-loan/programme.yaml", []string{loan}, false,
			[]string{"avantage, prêt : attendu 60000.00, obtenu 50000.00", "un prêt d'honneur sans intérêt de 50.000,00 MAD"}},
		{"RefusedFile", coop.EN, broken, nil, false,
			[]string{"is refused; nothing is loaded", broken + ":16: programs[0].criteria[0].kind", broken + ":24: programs[0].calls[0].parameters.min_age.value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			assert.Equal(t, tt.ok, check(&b, tt.lang, tt.programme, tt.cases))
			for _, w := range tt.want {
				assert.Contains(t, b.String(), w)
			}
		})
	}
}
