package programtest_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/programs/programtest"
)

func TestRunDir(t *testing.T) { programtest.RunDir(t, "../testdata") }

func write(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cases.yaml")
	require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
	return path
}

func TestCheckFile(t *testing.T) {
	path := write(t, `
- name: right
  program: mourafaka
  as_of: 2026-04-06
  cooperative: {registered_on: 2022-04-06}
  expect: {outcome: eligible}
- name: wrong
  program: mourafaka
  as_of: 2026-04-07
  cooperative: {registered_on: 2022-04-06}
  expect: {outcome: eligible, failed: []}
`)
	results, err := programtest.Runner{}.CheckFile(path)
	require.NoError(t, err)
	require.Len(t, results, 2)
	assert.True(t, results[0].Passed())
	assert.False(t, results[1].Passed())
	assert.Equal(t, []string{"outcome: expected eligible, got ineligible", "failed: expected [], got [existence-max]"}, results[1].Mismatches)
	report := results[1].Report()
	assert.Contains(t, report, "cases.yaml:7: wrong")
	assert.Contains(t, report, "registered on April 6, 2022; legal existence of 4 years reached on April 6, 2026, the limit, exceeded since April 7, 2026")
	assert.Contains(t, report, "Mourafaka 4th tranche")
}

func TestCheckFile_Malformed(t *testing.T) {
	path := write(t, "- name: x\n  program: mourafaka\n  as_of: 2024-01-01\n  cooperative: {registered_on: 2022-01-01, colour: red}\n  expect: {outcome: eligible}\n")
	_, err := programtest.Runner{}.CheckFile(path)
	var ce *programs.CaseError
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, 4, ce.Line)
	assert.Contains(t, err.Error(), `unknown key "colour"`)
}

func TestRunner_Catalogue(t *testing.T) {
	cat := programs.Default()
	require.NoError(t, cat.AddCall("moazara", programs.Call{ID: "moazara-2026", Opens: coop.MustParseDate("2026-01-01")}))
	path := write(t, "- name: named call\n  program: moazara\n  call: moazara-2026\n  as_of: 2026-03-01\n  cooperative: {registered_on: 2022-01-01}\n  expect: {outcome: eligible}\n")
	results, err := programtest.Runner{Catalogue: cat}.CheckFile(path)
	require.NoError(t, err)
	assert.True(t, results[0].Passed(), results[0].Report())
	_, err = programtest.Runner{}.CheckFile(path)
	require.Error(t, err, "the default catalogue has no call moazara-2026")
}
