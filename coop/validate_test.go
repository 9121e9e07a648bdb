package coop_test

import (
	"errors"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

func fieldsOf(t *testing.T, err error) map[string]string {
	t.Helper()
	var e *coop.Error
	require.True(t, errors.As(err, &e), "%v is not a *coop.Error", err)
	out := map[string]string{}
	for _, f := range e.Fields {
		out[f.Field] = f.Rule
	}
	return out
}

func TestCooperative_Validate(t *testing.T) {
	valid := func() coop.Cooperative {
		return coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
			Sector: coop.Agriculture, Province: "MA-IFR", RegisteredOn: d("2020-01-01"),
			Members: []coop.Member{{ID: uuid.New(), Type: coop.Natural, Gender: coop.Female}}}
	}
	c := valid()
	require.NoError(t, c.Validate())

	tests := []struct {
		name  string
		edit  func(*coop.Cooperative)
		field string
		rule  string
	}{
		{"Kind", func(c *coop.Cooperative) { c.Kind = "club" }, "kind", "enum"},
		{"Sector", func(c *coop.Cooperative) { c.Sector = "cannabis" }, "sector", "sector"},
		{"Province", func(c *coop.Cooperative) { c.Province = "MA-XXX" }, "province", "province"},
		{"NegativeNominal", func(c *coop.Cooperative) { c.Statutes.ShareNominal = decimal.NewFromInt(-100) }, "statutes.share_nominal", "dec_gte0"},
		{"ThreeDecimals", func(c *coop.Cooperative) {
			c.Turnover = map[int]decimal.Decimal{2023: decimal.RequireFromString("1.001")}
		}, "turnover[2023]", "amount"},
		{"UnionMember", func(c *coop.Cooperative) { c.Kind = coop.KindUnion }, "members[0].type", "union-member"},
		{"LeftBeforeJoined", func(c *coop.Cooperative) { c.Members[0].LeftOn = d("2019-01-01") }, "members[0].left_on", "after"},
		{"ConformedOn112", func(c *coop.Cooperative) { c.ConformedOn = d("2019-01-01") }, "conformed_on", "founded_under"},
		{"NegativeShares", func(c *coop.Cooperative) {
			c.Members[0].Shares = []coop.ShareMovement{{Kind: coop.Subscription, Shares: -1, Amount: decimal.NewFromInt(100)}}
		}, "members[0].shares[0].shares", "gte"},
		{"AmountThreeDecimals", func(c *coop.Cooperative) {
			c.Members = append(c.Members, coop.Member{ID: uuid.New(), Type: coop.Natural, Shares: []coop.ShareMovement{
				{Kind: coop.Subscription, Shares: 1, Amount: decimal.NewFromInt(100)},
				{Kind: coop.Subscription, Shares: 1, Amount: decimal.RequireFromString("100.005")}}})
		}, "members[1].shares[1].amount", "amount"},
		{"NegativePaid", func(c *coop.Cooperative) {
			c.Members[0].Shares = []coop.ShareMovement{{Kind: coop.Subscription, Shares: 1, Amount: decimal.NewFromInt(100),
				Paid: decimal.NewNullDecimal(decimal.NewFromInt(-1))}}
		}, "members[0].shares[0].paid", "dec_gte0"},
		{"MemberTwice", func(c *coop.Cooperative) {
			c.Members = append(c.Members, c.Members[0])
		}, "members[1].id", "unique"},
		{"ManagerUntilBeforeSince", func(c *coop.Cooperative) {
			c.Governance.Managers = []coop.Officer{{Name: "A"}, {Name: "B", Since: d("2021-01-01"), Until: d("2020-01-01")}}
		}, "governance.managers[1].until", "after"},
		{"PaidAboveAmount", func(c *coop.Cooperative) {
			c.Members[0].Shares = []coop.ShareMovement{{Kind: coop.Subscription, Shares: 1, Amount: decimal.NewFromInt(100),
				Paid: decimal.NewNullDecimal(decimal.NewFromInt(200))}}
		}, "members[0].shares[0].paid", "lte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := valid()
			tt.edit(&c)
			err := c.Validate()
			require.ErrorIs(t, err, coop.ErrInvalid)
			assert.Equal(t, tt.rule, fieldsOf(t, err)[tt.field], "fields: %v", fieldsOf(t, err))
		})
	}

	// Every problem is reported at once.
	c = valid()
	c.Kind, c.Sector, c.Province = "club", "x", "y"
	assert.Len(t, fieldsOf(t, c.Validate()), 3)
}

func TestCooperative_Clone(t *testing.T) {
	n := 7
	c := coop.Cooperative{MemberCount: &n, Declared: map[string]bool{"x": true},
		Turnover:   map[int]decimal.Decimal{2023: decimal.NewFromInt(1)},
		Members:    []coop.Member{{Shares: []coop.ShareMovement{{Kind: coop.Subscription, Amount: decimal.NewFromInt(100)}}}},
		Governance: coop.Governance{Directors: []coop.Officer{{Name: "A"}}, Auditor: &coop.Auditor{Name: "X"}}}
	k := c.Clone()
	*k.MemberCount = 1
	k.Declared["x"] = false
	k.Turnover[2023] = decimal.NewFromInt(2)
	k.Members[0].Shares[0].Shares = 99
	k.Governance.Directors[0].Name = "B"
	k.Governance.Auditor.Name = "Y"
	assert.Equal(t, 7, *c.MemberCount)
	assert.True(t, c.Declared["x"])
	assert.True(t, c.Turnover[2023].Equal(decimal.NewFromInt(1)))
	assert.Equal(t, 0, c.Members[0].Shares[0].Shares)
	assert.Equal(t, "A", c.Governance.Directors[0].Name)
	assert.Equal(t, "X", c.Governance.Auditor.Name)

	// The members' accounts are copied in one block: appending to one
	// account of the clone reaches neither the next account nor c.
	two := coop.Cooperative{Members: []coop.Member{
		{Shares: []coop.ShareMovement{{Shares: 1}}, Withdrawal: &coop.WithdrawalRequest{Answer: "refused"}},
		{Shares: []coop.ShareMovement{{Shares: 2}}}, {}}}
	k2 := two.Clone()
	k2.Members[0].Shares = append(k2.Members[0].Shares, coop.ShareMovement{Shares: 9})
	k2.Members[0].Withdrawal.Answer = "accepted"
	assert.Equal(t, 2, k2.Members[1].Shares[0].Shares)
	assert.Len(t, two.Members[0].Shares, 1)
	assert.Equal(t, "refused", two.Members[0].Withdrawal.Answer)
	assert.Nil(t, k2.Members[2].Shares)
	assert.Nil(t, k2.Members[2].Withdrawal)
}

func TestStatus_CanBecome(t *testing.T) {
	allowed := map[[2]coop.Status]bool{
		{coop.Active, coop.Dissolved}: true, {coop.Active, coop.InLiquidation}: true, {coop.Active, coop.StruckOff}: true,
		{coop.Dissolved, coop.InLiquidation}: true, {coop.Dissolved, coop.StruckOff}: true,
		{coop.InLiquidation, coop.StruckOff}: true,
	}
	all := []coop.Status{coop.Active, coop.Dissolved, coop.InLiquidation, coop.StruckOff}
	for _, from := range all {
		for _, to := range all {
			assert.Equal(t, allowed[[2]coop.Status{from, to}], from.CanBecome(to), "%s -> %s", from, to)
		}
	}
}
