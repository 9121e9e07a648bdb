package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/programs/programtest"
)

// TestRegionalCases loads programme.yaml at run time, as main does, and
// checks it with the case file beside it.
func TestRegionalCases(t *testing.T) {
	cat, ids, err := load("programme.yaml")
	require.NoError(t, err)
	require.Equal(t, []string{"souss-massa-agri-coops"}, ids)
	programtest.Runner{Catalogue: cat}.RunFile(t, "cases.yaml")
}

// TestDescribe shows the programme as the catalogue holds it, with the
// dated grant cap and the unconfirmed share of the 2026 call.
func TestDescribe(t *testing.T) {
	cat, ids, err := load("programme.yaml")
	require.NoError(t, err)
	p, _ := cat.Program(ids[0])
	var b strings.Builder
	describe(&b, p, "en")
	out := b.String()
	assert.Contains(t, out, "young-cooperative    existence-max      max_existence_years=max_existence_years")
	assert.Contains(t, out, "grant_cap              200000.00      from 2025-06-02")
	assert.Contains(t, out, "min_women_youth_share  0.5            from 2026-02-01 (unconfirmed: ")
	assert.Contains(t, out, "collective-project   declared           fact=collective-project")
}
