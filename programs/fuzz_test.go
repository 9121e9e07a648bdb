package programs_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

func FuzzParseCases(f *testing.F) {
	// Small seeds, one case each: the fuzzer minimises what it finds byte by
	// byte, which is slow on whole files.
	f.Add([]byte("- name: m\n  program: mourafaka\n  as_of: 2026-04-06\n  cooperative: {registered_on: 2022-04-06, province: MA-HAO, member_count: 7}\n  expect: {outcome: eligible, failed: []}\n"))
	f.Add([]byte("- name: i\n  program: indh-income\n  as_of: 2023-06-30\n  cooperative:\n    sector: agriculture\n    members: [{gender: female}, {gender: male, birth_date: 1990-02-28}]\n  project: {cost: 1000, own_cash: 400}\n  expect: {outcome: eligible, grant: \"600.00\"}\n"))
	f.Add([]byte("- name: l\n  check: law-112-12\n  as_of: 2024-03-01\n  cooperative: {member_count: 60, governance: {managers: 2}, turnover: {2022: 1, 2023: 2}}\n  expect: {outcome: non-compliant, failed: [board-required]}\n"))
	f.Add([]byte("- name: x\n  program: mourafaka\n  as_of: 2024-02-30\n"))
	f.Add([]byte("- {name: a, check: law-112-12, as_of: 2024-01-01, cooperative: {members: [{paid: 1}]}, expect: {outcome: compliant}}"))
	cat := programs.Default()
	f.Fuzz(func(t *testing.T, b []byte) {
		cases, err := cat.ParseCases(bytes.NewReader(b), "fuzz.yaml")
		if err != nil {
			var ce *programs.CaseError
			if !errors.As(err, &ce) || ce.Line < 1 {
				t.Fatalf("error %v is not a located *CaseError", err)
			}
			return
		}
		for i := range cases {
			res, err := cat.RunCase(&cases[i])
			if err != nil {
				continue
			}
			if res.Outcome == "" {
				t.Fatalf("case %q decided nothing", cases[i].Name)
			}
		}
	})
}

func FuzzLoadCalls(f *testing.F) {
	f.Add([]byte("- {program: moazara, id: m, opens: 2025-01-01, parameters: {regions: [MA-01]}}"))
	f.Add([]byte("- program: indh-income\n  id: x\n  opens: 2024-01-01\n  parameters:\n    grant_cap:\n      - {since: 2024-01-01, value: \"1\"}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cat := programs.Default()
		before := cat.Version()
		if err := cat.LoadCalls("fuzz.yaml", bytes.NewReader(b)); err != nil {
			if coop.ErrorCode(err) == coop.Internal {
				t.Fatalf("internal error: %v", err)
			}
			if cat.Version() != before {
				t.Fatal("a refused document changed the catalogue")
			}
		}
	})
}
