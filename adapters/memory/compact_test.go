package memory_test

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// TestRegisterKeptExactly stores registers whose values sit at the edges of
// the store's compact form and reads back exactly the values given, not
// only the same JSON: registers nil and empty, values outside the
// enumerations' lists and beyond 32 bits (which no verb accepts, but a
// store keeps what it is given), amounts at every scale, the zero Decimal,
// a payment with an amount but not valid, a coefficient too wide for 64
// bits, and more distinct amounts than the table searches in order.
func TestRegisterKeptExactly(t *testing.T) {
	on := coop.MustParseDate("2020-01-06")
	wide := decimal.RequireFromString("12345678901234567890123.45")
	sub := func(amount decimal.Decimal) coop.ShareMovement {
		return coop.ShareMovement{Kind: coop.Subscription, On: on, Shares: 1, Amount: amount, Paid: decimal.NewNullDecimal(amount)}
	}
	many := make([]coop.Member, 40)
	for i := range many {
		amount := decimal.New(int64(100*(1+i%23)), 0)
		many[i] = coop.Member{ID: uuid.New(), Number: i + 1, Type: coop.Natural, Gender: coop.Female, Shares: []coop.ShareMovement{sub(amount),
			{Kind: coop.Payment, On: on.AddDays(i), Amount: decimal.New(int64(i), -2)}}}
	}
	tests := []struct {
		name    string
		members []coop.Member
	}{
		{"no register", nil},
		{"an empty register", []coop.Member{}},
		{"a member without a share account and one with an empty one", []coop.Member{
			{ID: uuid.New(), Type: coop.Natural}, {ID: uuid.New(), Type: coop.Legal, Shares: []coop.ShareMovement{}}}},
		{"values outside the lists and beyond 32 bits", []coop.Member{
			{ID: uuid.New(), Type: "robot", Name: "Inconnu"},
			{ID: uuid.New(), Type: coop.Natural, Gender: "x", Shares: []coop.ShareMovement{sub(decimal.New(1, 0))}},
			{ID: uuid.New(), Type: coop.Natural, ExitReason: "vanished", LeftOn: on},
			{ID: uuid.New(), Number: 1 << 40, Type: coop.Natural},
			{ID: uuid.New(), Type: coop.Natural, Shares: []coop.ShareMovement{{Kind: "gift", On: on, Amount: decimal.New(5, 0)}}},
			{ID: uuid.New(), Type: coop.Natural, Shares: []coop.ShareMovement{{Kind: coop.Subscription, On: on, Shares: 1 << 40, Amount: decimal.New(5, 0)}}},
		}},
		{"amounts at every scale", []coop.Member{{ID: uuid.New(), Type: coop.Natural, Shares: []coop.ShareMovement{
			sub(decimal.New(100, 0)), sub(decimal.New(10000, -2)), sub(decimal.New(1, 2)), sub(decimal.New(-1, -1)),
			{Kind: coop.Payment, On: on, Amount: decimal.Decimal{}},
			{Kind: coop.Payment, On: on, Amount: decimal.New(0, 0), Paid: decimal.NullDecimal{Decimal: decimal.New(7, 0)}},
			sub(wide), sub(wide.Neg()),
			{Kind: coop.TransferIn, On: on, Shares: 2, Amount: decimal.New(200, 0), Counterparty: uuid.New(), InKind: true},
		}}}},
		{"more distinct amounts than a search in order", many},
		{"every rare field", []coop.Member{{ID: uuid.New(), Number: 1, Type: coop.MemberCooperative, Name: "Coopérative membre",
			CooperativeID: uuid.New(), ICE: coop.MustParseICE("002136093000040"), Address: "Agadir", Occupation: "commerce",
			AdmittedBy: "OGM 2021-06-01", JoinedOn: on, Phone: coop.MustParsePhone("0612345678"), CIN: coop.MustParseCIN("JB12345"),
			Withdrawal: &coop.WithdrawalRequest{Received: on, AnswerDue: on.AddDays(20), Answer: "refused", AnsweredOn: on.AddDays(3),
				EffectiveOn: on.AddDays(300), Reason: "dettes"}}}},
	}
	s := memory.New()
	ctx := context.Background()
	stored := make([]coop.Cooperative, len(tests))
	for i, tt := range tests {
		stored[i] = coop.Cooperative{ID: uuid.New(), Version: 1, Kind: coop.KindCooperative, Name: tt.name,
			RegistrationNumber: fmt.Sprintf("1/EDGE/2020/%d", i+1), RegisteredOn: on, Status: coop.Active, Members: tt.members}
	}
	_, err := s.Load(ctx, records(stored))
	require.NoError(t, err)
	for i, tt := range tests {
		want := stored[i]
		got, err := s.Get(ctx, want.ID)
		require.NoError(t, err, tt.name)
		assert.Equal(t, want, got, tt.name)
		assert.Equal(t, marshal(t, want), marshal(t, got), tt.name)
		j, err := s.Journal(ctx, want.ID)
		require.NoError(t, err, tt.name)
		assert.Equal(t, want, j[0].Change.(registry.Imported).State, "%s: the journal", tt.name)
	}
}

// records returns the records of a load of cs, each holding its own name.
func records(cs []coop.Cooperative) iter.Seq2[registry.Record, error] {
	return func(yield func(registry.Record, error) bool) {
		for _, c := range cs {
			a := registry.NameApproval{ID: uuid.New(), Version: 1, Name: c.Name, NameKey: registry.NameKey(c.Name),
				Status: registry.ApprovalUsed, CooperativeID: c.ID}
			rec := registry.Record{Cooperative: c, Approval: a,
				First: registry.Entry{Seq: 1, Kind: registry.EntryRegistration, Effective: c.RegisteredOn, Change: registry.Imported{State: c}}}
			if !yield(rec, nil) {
				return
			}
		}
	}
}

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
