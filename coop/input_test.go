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
		Text  string          `json:"text" validate:"text"`
		Count int             `json:"count" validate:"int-range"`
		When  coop.Date       `json:"when,omitzero" validate:"date-range"`
		Money decimal.Decimal `json:"money" validate:"mad"`
	}
	type input struct {
		Inner
		Name    string              `json:"name" validate:"text"`
		Paid    decimal.NullDecimal `json:"paid" validate:"mad"`
		List    []Inner             `json:"list" validate:"dive"`
		Ptr     *Inner              `json:"ptr"`
		ByYear  map[int]string      `json:"by_year" validate:"dive,keys,int-range,endkeys,text"`
		Skipped string              `json:"-" validate:"-"`
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
		{"MapValue", func(in *input) { in.ByYear = map[int]string{2024: "\x07"} }, "by_year[2024]", "text"},
		{"MapKey", func(in *input) { in.ByYear = map[int]string{1 << 40: "x"} }, "by_year[1099511627776]", "int-range"},
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

// TestCheckInput_Nested names the field in error deep in a register and in
// a type that holds itself.
func TestCheckInput_Nested(t *testing.T) {
	type node struct {
		Name string          `json:"name" validate:"text"`
		Next *node           `json:"next"`
		Kids []node          `json:"kids" validate:"dive"`
		Cost decimal.Decimal `json:"cost" validate:"mad"`
	}
	tests := []struct {
		name  string
		in    any
		field string
		rule  string
	}{
		{"a share movement", &coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212, Members: []coop.Member{{Type: coop.Natural}, {Type: coop.Natural, Shares: []coop.ShareMovement{{Kind: coop.Subscription}, {Kind: coop.Subscription, Amount: decimal.RequireFromString("1.005")}}}}},
			"members[1].shares[1].amount", "amount"},
		{"a withdrawal", &coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212, Members: []coop.Member{{Type: coop.Natural, Withdrawal: &coop.WithdrawalRequest{Received: coop.MustParseDate("1800-01-01")}}}},
			"members[0].withdrawal.received", "date-range"},
		{"a list in a list", &node{Kids: []node{{}, {Kids: []node{{Name: "\x00"}}}}}, "kids[1].kids[0].name", "text"},
		{"a chain", &node{Next: &node{Next: &node{Cost: decimal.RequireFromString("0.001")}}}, "next.next.cost", "amount"},
		{"by value", node{Kids: []node{{Name: "\x01"}}}, "kids[0].name", "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := coop.CheckInput(tt.in)
			require.ErrorIs(t, err, coop.ErrInvalid)
			var e *coop.Error
			require.True(t, errors.As(err, &e))
			require.Len(t, e.Fields, 1, "%v", e.Fields)
			assert.Equal(t, tt.field, e.Fields[0].Field)
			assert.Equal(t, tt.rule, e.Fields[0].Rule)
		})
	}
}

// BenchmarkCheckInput checks a cooperative of twelve members, each with a
// share account, as an import checks every cooperative it loads.
func BenchmarkCheckInput(b *testing.B) {
	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		Name: "Coopérative Al Amal", RegistrationNumber: "1/MEK/2020/1", Province: "MA-MEK", Sector: coop.Agriculture,
		RegisteredOn: coop.MustParseDate("2020-03-01"), Statutes: coop.Statutes{DurationYears: 99, ShareNominal: coop.MustParseMAD("100")}}
	for i := range 12 {
		c.Members = append(c.Members, coop.Member{Number: i + 1, Type: coop.Natural, Name: "Fatima Zahra", Gender: coop.Female,
			BirthDate: coop.MustParseDate("1990-01-01"), Shares: []coop.ShareMovement{{Kind: coop.Subscription, On: c.RegisteredOn,
				Shares: 5, Amount: coop.MustParseMAD("500"), Paid: decimal.NewNullDecimal(coop.MustParseMAD("500"))}}})
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := coop.CheckInput(&c); err != nil {
			b.Fatal(err)
		}
	}
}
