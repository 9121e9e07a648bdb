package programs_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/programs"
)

func TestParseCases_Malformed(t *testing.T) {
	valid := "- name: ok\n  program: mourafaka\n  as_of: 2024-01-01\n  cooperative: {registered_on: 2022-01-01}\n  expect: {outcome: eligible}\n"
	tests := []struct {
		name, doc string
		line      int
		want      string
	}{
		{"BadYAML", "- name: [unclosed\n", 1, "column 9: sequence end token ']' not found"},
		{"NotAList", "name: x\n", 1, "a YAML list of cases"},
		{"UnknownKey", valid + "- name: k\n  program: mourafaka\n  as_of: 2024-01-01\n  asof: 2024-01-01\n  cooperative: {}\n  expect: {outcome: eligible}\n", 9, `unknown key "asof"`},
		{"UnknownCooperativeKey", "- name: k\n  program: mourafaka\n  as_of: 2024-01-01\n  cooperative:\n    registered: 2022-01-01\n  expect: {outcome: eligible}\n", 5, `unknown key "registered"`},
		{"UnknownExpectKey", "- name: k\n  program: mourafaka\n  as_of: 2024-01-01\n  cooperative: {}\n  expect: {outcome: eligible, fails: []}\n", 5, `unknown key "fails"`},
		{"UnknownProgramme", "- name: k\n  program: awrach\n  as_of: 2024-01-01\n  cooperative: {}\n  expect: {outcome: eligible}\n", 2, `unknown programme "awrach"`},
		{"UnknownCall", "- name: k\n  program: mourafaka\n  call: t9\n  as_of: 2024-01-01\n  cooperative: {}\n  expect: {outcome: eligible}\n", 3, `unknown call "t9"`},
		{"UnknownCriterion", "- name: k\n  program: mourafaka\n  as_of: 2024-01-01\n  cooperative: {}\n  expect:\n    outcome: ineligible\n    failed: [existence]\n", 7, `unknown criterion "existence"`},
		{"BadDate", "- name: k\n  program: mourafaka\n  as_of: 2024-02-30\n  cooperative: {}\n  expect: {outcome: eligible}\n", 3, "not a calendar date"},
		{"BadMemberDate", "- name: k\n  program: mourafaka\n  as_of: 2024-01-01\n  cooperative:\n    members:\n      - {gender: female}\n      - {birth_date: 31/12/1990}\n  expect: {outcome: eligible}\n", 7, "members[1].birth_date"},
		{"BadAmount", "- name: k\n  check: law-112-12\n  as_of: 2024-01-01\n  cooperative:\n    capital: {share_nominal: 1e2}\n  expect: {outcome: compliant}\n", 5, "share_nominal"},
		{"ThreeDecimals", "- name: k\n  program: indh-income\n  as_of: 2023-06-01\n  cooperative: {}\n  project: {cost: \"10.001\"}\n  expect: {outcome: eligible}\n", 5, "more than two decimals"},
		{"UnknownSector", "- name: k\n  program: mourafaka\n  as_of: 2024-01-01\n  cooperative:\n    sector: cannabis\n  expect: {outcome: eligible}\n", 5, `"cannabis" is not a sector`},
		{"UnknownProvince", "- name: k\n  program: mourafaka\n  as_of: 2024-01-01\n  cooperative:\n    province: MA-XYZ\n  expect: {outcome: eligible}\n", 5, `"MA-XYZ" is not an ISO 3166-2 province code`},
		{"UnknownFact", "- name: k\n  program: piae\n  as_of: 2023-01-01\n  cooperative:\n    declared: {poor: true}\n  expect: {outcome: eligible}\n", 5, `unknown declared fact "poor"`},
		{"BadOutcome", "- name: k\n  check: law-112-12\n  as_of: 2024-01-01\n  cooperative: {}\n  expect: {outcome: eligible}\n", 5, "not one of compliant"},
		{"ProgramAndCheck", "- name: k\n  program: mourafaka\n  check: law-112-12\n  as_of: 2024-01-01\n  cooperative: {}\n  expect: {outcome: eligible}\n", 3, "exactly one of program or check"},
		{"NoName", "- program: mourafaka\n  as_of: 2024-01-01\n  cooperative: {}\n  expect: {outcome: eligible}\n", 1, "no name"},
		{"NoExpect", "- name: k\n  program: mourafaka\n  as_of: 2024-01-01\n  cooperative: {}\n", 1, "no expect"},
		{"DuplicateName", valid + valid, 6, `case "ok" already appears at line 1`},
		{"Empty", "", 1, "holds no cases"},
	}
	cat := programs.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cat.ParseCases(strings.NewReader(tt.doc), "cases.yaml")
			require.Error(t, err)
			var ce *programs.CaseError
			require.True(t, errors.As(err, &ce), "%T", err)
			assert.Equal(t, "cases.yaml", ce.File)
			assert.Equal(t, tt.line, ce.Line, err.Error())
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	cases, err := cat.ParseCases(strings.NewReader(valid), "cases.yaml")
	require.NoError(t, err)
	require.Len(t, cases, 1)
	res, err := cat.RunCase(&cases[0])
	require.NoError(t, err)
	assert.Empty(t, cases[0].Mismatches(res))
	cases[0].Expect.Outcome = "ineligible"
	assert.Equal(t, []string{"outcome: expected ineligible, got eligible"}, cases[0].Mismatches(res))
}
