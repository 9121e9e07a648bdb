package coop_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

func TestCheckInput(t *testing.T) {
	type Inner struct {
		Text  string          `json:"text"`
		Count int             `json:"count"`
		When  coop.Date       `json:"when,omitzero"`
		Money decimal.Decimal `json:"money"`
	}
	type input struct {
		Inner
		Name    string              `json:"name"`
		Paid    decimal.NullDecimal `json:"paid"`
		List    []Inner             `json:"list"`
		Ptr     *Inner              `json:"ptr"`
		ByYear  map[int]string      `json:"by_year"`
		Skipped string              `json:"-"`
	}
	ok := input{Inner: Inner{Text: "Coopérative تعاونية ⵜⴰⵎⴰⵣⵉⵖⵜ", Count: coop.MaxInt, When: coop.FirstDate, Money: coop.MustParseMAD("999999999999.99")},
		Name: strings.Repeat("é", coop.MaxTextBytes/2), ByYear: map[int]string{2024: "ok"}, Skipped: "\x00"}
	require.NoError(t, coop.CheckInput(ok))
	require.NoError(t, coop.CheckInput(&ok))

	tests := []struct {
		name  string
		edit  func(*input)
		field string
		rule  string
	}{
		{"NUL", func(in *input) { in.Name = "Nadia\x00" }, "name", "text"},
		{"Newline", func(in *input) { in.Text = "a\nb" }, "text", "text"},
		{"C1Control", func(in *input) { in.Text = "a\u0085b" }, "text", "text"},
		{"InvalidUTF8", func(in *input) { in.Name = "\xff" }, "name", "text"},
		{"TooLong", func(in *input) { in.Name = strings.Repeat("a", coop.MaxTextBytes+1) }, "name", "text"},
		{"IntAbove", func(in *input) { in.Count = coop.MaxInt + 1 }, "count", "int-range"},
		{"IntMax64", func(in *input) { in.Count = 9223372036854775807 }, "count", "int-range"},
		{"IntBelow", func(in *input) { in.Count = coop.MinInt - 1 }, "count", "int-range"},
		{"ThreeDecimals", func(in *input) { in.Money = decimal.RequireFromString("1.001") }, "money", "amount"},
		{"ThirteenDigits", func(in *input) { in.Money = decimal.RequireFromString("1000000000000") }, "money", "amount"},
		{"NullDecimal", func(in *input) { in.Paid = decimal.NewNullDecimal(decimal.RequireFromString("0.005")) }, "paid", "amount"},
		{"DateBefore1900", func(in *input) { in.When = coop.MustParseDate("1899-12-31") }, "when", "date-range"},
		{"Date0001", func(in *input) { in.When = coop.MustParseDate("0001-01-01") }, "when", "date-range"},
		{"Date9999", func(in *input) { in.When = coop.MustParseDate("9999-12-31") }, "when", "date-range"},
		{"InList", func(in *input) { in.List = []Inner{{}, {Text: "\t"}} }, "list[1].text", "text"},
		{"InPointer", func(in *input) { in.Ptr = &Inner{Count: -1 << 40} }, "ptr.count", "int-range"},
		{"MapValue", func(in *input) { in.ByYear = map[int]string{2024: "\x07"} }, "by_year.2024", "text"},
		{"MapKey", func(in *input) { in.ByYear = map[int]string{1 << 40: "x"} }, "by_year.1099511627776", "int-range"},
	}
	for _, tt := range tests {
		in := ok
		tt.edit(&in)
		err := coop.CheckInput(in)
		require.ErrorIs(t, err, coop.ErrInvalid, tt.name)
		var e *coop.Error
		require.True(t, errors.As(err, &e))
		require.Len(t, e.Fields, 1, "%s: %v", tt.name, err)
		assert.Equal(t, tt.field, e.Fields[0].Field, tt.name)
		assert.Equal(t, tt.rule, e.Fields[0].Rule, tt.name)
	}

	// Every problem at once.
	bad := ok
	bad.Name, bad.Count, bad.When = "\x00", 1<<40, coop.MustParseDate("2200-01-01")
	var e *coop.Error
	require.True(t, errors.As(coop.CheckInput(bad), &e))
	assert.Len(t, e.Fields, 3)
}
