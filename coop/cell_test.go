package coop_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/taawun/taawun/coop"
)

func TestNeutralizeCell(t *testing.T) {
	tests := []struct{ in, out string }{
		{"", ""},
		{"Coopérative Tinas", "Coopérative Tinas"},
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+212600000000", "+212600000000"},
		{"+cmd", "'+cmd"},
		{"-2+3", "'-2+3"},
		{"-5", "-5"},
		{"-0.25", "-0.25"},
		{"-12,5", "-12,5"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tX", "'\tX"},
		{"\rX", "'\rX"},
		{"'=already", "''=already"},
		{"'-5", "''-5"},
		{"تعاونية =", "تعاونية ="},
	}
	for _, tt := range tests {
		got := coop.NeutralizeCell(tt.in)
		assert.Equal(t, tt.out, got, "%q", tt.in)
		assert.Equal(t, tt.in, coop.RestoreCell(got), "%q back", tt.in)
	}
	rec := []string{"1/MEK/2020/1", "=A1", "-5"}
	out := coop.NeutralizeRecord(rec, nil)
	assert.Equal(t, []string{"1/MEK/2020/1", "'=A1", "-5"}, out)
	assert.Equal(t, "=A1", rec[1], "the record given is not changed")
	clean := []string{"a", "b"}
	assert.Same(t, &clean[0], &coop.NeutralizeRecord(clean, nil)[0], "a clean record is returned as it is")
}
