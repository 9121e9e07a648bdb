package coop_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

func TestQuorum(t *testing.T) {
	tests := []struct {
		kind    coop.AssemblyKind
		call    int
		members int
		want    int
	}{
		{coop.Ordinary, 1, 5, 3},
		{coop.Ordinary, 1, 10, 5},
		{coop.Ordinary, 2, 10, 3},
		{coop.Ordinary, 2, 8, 2},
		{coop.Ordinary, 3, 10, 2}, // one tenth is 1, the minimum is 2
		{coop.Ordinary, 3, 100, 10},
		{coop.Ordinary, 3, 101, 11},
		{coop.Extraordinary, 1, 8, 6},
		{coop.Extraordinary, 1, 9, 7},
		{coop.Extraordinary, 2, 9, 5},
		{coop.Extraordinary, 3, 5, 2},
	}
	for _, tt := range tests {
		got, err := coop.Quorum(tt.kind, tt.call, tt.members)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "%s call %d, %d members", tt.kind, tt.call, tt.members)
	}
	ok, err := coop.QuorumMet(coop.Ordinary, 1, 10, 4)
	require.NoError(t, err)
	assert.False(t, ok)
	ok, err = coop.QuorumMet(coop.Ordinary, 1, 10, 5)
	require.NoError(t, err)
	assert.True(t, ok)
	for _, bad := range []struct {
		kind          coop.AssemblyKind
		call, members int
	}{{coop.Ordinary, 0, 5}, {coop.Ordinary, 4, 5}, {"annual", 1, 5}, {coop.Ordinary, 1, -1}} {
		_, err := coop.Quorum(bad.kind, bad.call, bad.members)
		require.ErrorIs(t, err, coop.ErrInvalid)
	}
	_, err = coop.QuorumMet(coop.Ordinary, 1, 5, 6)
	require.ErrorIs(t, err, coop.ErrInvalid)
}

func TestVotes_Adopted(t *testing.T) {
	tests := []struct {
		v    coop.Votes
		kind coop.AssemblyKind
		want bool
	}{
		{coop.Votes{For: 6, Against: 4}, coop.Ordinary, true},
		{coop.Votes{For: 5, Against: 5}, coop.Ordinary, false},
		{coop.Votes{For: 5, Against: 5, ChairFor: true}, coop.Ordinary, true},
		{coop.Votes{For: 4, Against: 6}, coop.Ordinary, false},
		{coop.Votes{For: 20, Against: 10}, coop.Extraordinary, true}, // exactly two thirds
		{coop.Votes{For: 19, Against: 10}, coop.Extraordinary, false},
		{coop.Votes{For: 21, Against: 10}, coop.Extraordinary, true},
		{coop.Votes{}, coop.Ordinary, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.v.Adopted(tt.kind), "%+v %s", tt.v, tt.kind)
	}
}

func TestLegalReserveAllocation(t *testing.T) {
	m := coop.MustParseMAD
	tests := []struct{ surplus, reserve, capital, want string }{
		{"50000.00", "0.00", "100000.00", "5000.00"},
		{"50000.00", "97000.00", "100000.00", "3000.00"}, // capped at the capital
		{"50000.00", "99999.99", "100000.00", "0.01"},
		{"50000.00", "100000.00", "100000.00", "0.00"},
		{"-1000.00", "0.00", "100000.00", "0.00"},
		{"1234.57", "0.00", "100000.00", "123.45"}, // rounded down
	}
	for _, tt := range tests {
		got := coop.LegalReserveAllocation(m(tt.surplus), m(tt.reserve), m(tt.capital))
		assert.Equal(t, tt.want, coop.FormatMAD(got), "%+v", tt)
	}
}

func TestWithdrawal(t *testing.T) {
	assert.Equal(t, "2024-10-31", coop.WithdrawalDeadline(d("2024-12-31")).String())
	assert.Equal(t, "2024-04-30", coop.WithdrawalDeadline(d("2024-06-30")).String())
	assert.Equal(t, "2024-03-21", coop.WithdrawalAnswerDue(d("2024-03-01")).String())
	assert.False(t, coop.AcceptedBySilence(d("2024-03-01"), d("2024-03-21")))
	assert.True(t, coop.AcceptedBySilence(d("2024-03-01"), d("2024-03-22")))
}

func TestNonMemberTradeCap(t *testing.T) {
	base := coop.MustParseMAD("1000000.00")
	limit, ok := coop.NonMemberTradeCap(base, d("2023-05-10"), d("2024-05-09"))
	assert.False(t, ok)
	assert.True(t, limit.IsZero())
	limit, ok = coop.NonMemberTradeCap(base, d("2023-05-10"), d("2024-05-10"))
	assert.True(t, ok)
	assert.Equal(t, "300000.00", coop.FormatMAD(limit))
	_, ok = coop.NonMemberTradeCap(base, coop.Date{}, d("2024-05-10"))
	assert.False(t, ok)
	limit, _ = coop.NonMemberTradeCap(decimal.RequireFromString("0.05"), d("2020-01-01"), d("2024-01-01"))
	assert.Equal(t, "0.01", coop.FormatMAD(limit))
}

func TestModifyingEntryLate(t *testing.T) {
	assert.False(t, coop.ModifyingEntryLate(d("2024-01-01"), d("2024-01-31")))
	assert.True(t, coop.ModifyingEntryLate(d("2024-01-01"), d("2024-02-01")))
}
