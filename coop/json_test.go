package coop_test

import (
	"encoding/json"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

func members() []coop.Member {
	d := coop.MustParseDate
	amount := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	return []coop.Member{
		{},
		{ID: uuid.MustParse("6f1c2a6e-0000-4000-8000-00000000000a"), Type: coop.Natural},
		{ID: uuid.New(), Number: 12, Type: coop.Natural, Name: "Amina <Ait> & \"Hadda\" \\ \n\t\r\b\f\x01\x1f", CIN: coop.MustParseCIN("D123456"),
			Gender: coop.Female, BirthDate: d("1990-02-28"), Phone: coop.MustParsePhone("0612345678"), Address: "Douar Tinas, Ouislane\u2028\u2029",
			Occupation: "apicultrice \xff\xfe", JoinedOn: d("2019-04-15"), AdmittedBy: "OGM 2019-04-15", LeftOn: d("2025-01-01"), ExitReason: coop.Withdrawal,
			Shares: []coop.ShareMovement{
				{Kind: coop.Subscription, On: d("2019-04-15"), Shares: 5, Amount: amount("500.00"), Paid: decimal.NewNullDecimal(amount("125.50"))},
				{Kind: coop.Payment, On: d("2020-01-02"), Amount: amount("374.5")},
				{Kind: coop.TransferOut, Shares: 1, Amount: amount("100"), Counterparty: uuid.New(), InKind: true},
				{Kind: coop.Refund, On: d("2024-12-31"), Amount: amount("-0.07"), Paid: decimal.NewNullDecimal(amount("0"))},
				{Kind: coop.Subscription, Amount: amount("123456789012345678.12")},
				{Kind: coop.Subscription, Amount: decimal.New(5, 3), Paid: decimal.NewNullDecimal(decimal.New(1, -20))},
				{Kind: coop.Payment, Amount: amount("0.10"), Paid: decimal.NewNullDecimal(amount("1000000.01"))},
			},
			Withdrawal: &coop.WithdrawalRequest{Received: d("2024-03-01"), AnswerDue: d("2024-03-21"), EffectiveOn: d("2025-01-01")}},
		{ID: uuid.New(), Type: coop.Legal, Name: "Société Atlas", ICE: coop.MustParseICE("002136093000040"), Shares: []coop.ShareMovement{},
			Withdrawal: &coop.WithdrawalRequest{Received: d("2024-03-01"), Answer: "refused", AnsweredOn: d("2024-03-10"), Reason: "dettes"}},
		{ID: uuid.New(), Type: coop.MemberCooperative, Name: "Coopérative Nahla", CooperativeID: uuid.New(), Gender: coop.Male},
		{Type: "مؤسسة", Name: "تعاونية تيناس", Withdrawal: &coop.WithdrawalRequest{}},
	}
}

func cooperatives() []coop.Cooperative {
	d := coop.MustParseDate
	n, last := 7, 12
	full := coop.Cooperative{ID: uuid.New(), Version: 42, Kind: coop.KindCooperative, Name: "Coopérative <Tinas> & Cie", NameAR: "تعاونية تيناس",
		RegistrationNumber: "1/MEK/2019/106", Court: "MEK", ICE: coop.MustParseICE("002136093000040"), Sector: coop.Agriculture, Branch: "beekeeping",
		Province: "MA-MEK", Commune: "Ouislane", Address: "Douar	Tinas", RegisteredOn: d("2019-04-15"), Status: coop.Dissolved,
		StatusSince: d("2024-02-10"), FoundedUnder: coop.Law2483, ConformedOn: d("2019-06-20"),
		Statutes: coop.Statutes{DurationYears: 99, ShareNominal: decimal.RequireFromString("100.50"), MinSharesPerMember: 2, Purpose: "miel", AdoptedOn: d("2019-04-01")},
		Members:  members(), MemberCount: &n, LastYearEndMembers: &last,
		Governance: coop.Governance{Directors: []coop.Officer{{Name: "Amina", MemberID: uuid.New(), Role: "president", Since: d("2019-04-15")}},
			Managers: []coop.Officer{{Name: "Saida", Until: d("2020-01-01")}}, Auditor: &coop.Auditor{Name: "Fiduciaire", AppointedOn: d("2023-05-02"), TermYears: 3}},
		Assemblies: []coop.Assembly{{Kind: coop.Ordinary, Date: d("2023-04-01"), Call: 1, Members: 7, Present: 5, Resolutions: []coop.Resolution{{Subject: "comptes", Votes: coop.Votes{For: 5}, Adopted: true}}}},
		ApprovalID: uuid.New(), Liquidator: "Me Bennani", StatusReason: "EGM of 2024-02-10",
		Supports:   []coop.Support{{ActionID: uuid.New(), Kind: coop.Training, Title: "Gestion", Start: d("2023-04-12"), Partners: []string{"ONCA"}, People: 2, Financing: &coop.Financing{Funder: "INDH", Amount: decimal.RequireFromString("60000"), Cost: decimal.RequireFromString("100000")}}},
		Selections: []coop.Selection{{Program: "mourafaka", Call: "mourafaka-t4", SelectedOn: d("2023-06-02")}},
		Labels:     []coop.Label{{ID: uuid.New(), Kind: coop.ONSSAApproval, Name: "Agrément", Issuer: "ONSSA", Number: "AS.1", Products: []string{"miel"}, ValidFrom: d("2023-06-04")}},
		Groupings:  []coop.Grouping{{ID: uuid.New(), Kind: coop.EIGGrouping, Name: "GIE", From: d("2023-06-08"), Until: d("2023-07-01")}},
		Turnover:   map[int]decimal.Decimal{2022: decimal.RequireFromString("120000.50"), 2021: decimal.RequireFromString("9")},
		Declared:   map[string]bool{"disadvantaged-members": true, "precarious-situation": false}}
	return []coop.Cooperative{{}, {Kind: coop.KindUnion, Status: coop.Active}, {ID: uuid.New(), Kind: coop.KindCooperative, Members: []coop.Member{}, Turnover: map[int]decimal.Decimal{}}, full}
}

func TestCooperative_AppendJSON(t *testing.T) {
	for i, c := range cooperatives() {
		want, err := json.Marshal(c)
		require.NoError(t, err)
		got := c.AppendJSON([]byte("prefix"))
		assert.Equal(t, "prefix"+string(want), string(got), "cooperative %d", i)
	}
	for i, m := range members() {
		c := coop.Cooperative{Kind: coop.KindCooperative, Members: []coop.Member{m}}
		want, err := json.Marshal(c)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(c.AppendJSON(nil)), "member %d", i)
	}
}

func FuzzCooperativeJSON(f *testing.F) {
	f.Add("Amina", "apicultrice", int64(50000), int8(-2), int64(12550), int8(-2), 5)
	f.Add("<&>\u2028\xff", "\x00\"\\", int64(-7), int8(-18), int64(1), int8(3), -1)
	f.Fuzz(func(t *testing.T, name, occupation string, amount int64, exp int8, paid int64, paidExp int8, shares int) {
		c := coop.Cooperative{Name: occupation, Members: []coop.Member{{ID: uuid.New(), Number: shares, Type: coop.Natural, Name: name, Occupation: occupation,
			Shares: []coop.ShareMovement{{Kind: coop.Subscription, Shares: shares, Amount: decimal.New(amount, int32(exp)),
				Paid: decimal.NewNullDecimal(decimal.New(paid, int32(paidExp)))}}}}}
		want, err := json.Marshal(c)
		require.NoError(t, err)
		require.Equal(t, string(want), string(c.AppendJSON(nil)))
	})
}
