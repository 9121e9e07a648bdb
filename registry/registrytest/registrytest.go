// Package registrytest is the conformance suite of registry.Store: every
// store runs it and must pass it unchanged, so that the registry behaves
// the same on every store.
//
//	func TestConformance(t *testing.T) {
//		registrytest.Run(t, func(t *testing.T) registry.Store { return memory.New() })
//	}
//
// The maker is called once per subtest and must return an empty store;
// cleanup goes through t.Cleanup. The suite drives the store through a
// registry.Registry with a fixed clock, so it checks the store's contract
// (copies, atomic updates, versions, uniqueness, order, cursors, cancelled
// contexts) and the registry's rules on top of it.
package registrytest

import (
	"context"
	"crypto/sha1"
	"encoding/binary"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// Today is the date of the suite's fixed clock.
var Today = coop.MustParseDate("2024-06-30")

// Harness is a registry over a fresh store with a fixed clock.
type Harness struct {
	T     *testing.T
	Store registry.Store
	Reg   *registry.Registry
	Ctx   context.Context
	// Now is the clock's time; tests may move it.
	now  atomic.Int64
	ids  atomic.Uint64
	opts *registry.Options
}

// NewHarness makes a harness over a store from newStore.
func NewHarness(t *testing.T, newStore func(*testing.T) registry.Store) *Harness {
	h := &Harness{T: t, Store: newStore(t), Ctx: context.Background()}
	h.SetToday(Today)
	seed := sha1.Sum([]byte(t.Name()))
	h.opts = &registry.Options{
		Now: func() time.Time { return time.Unix(0, h.now.Load()).UTC() },
		NewID: func() uuid.UUID {
			var b [8]byte
			binary.BigEndian.PutUint64(b[:], h.ids.Add(1))
			return uuid.NewSHA1(uuid.UUID(seed[:16]), b[:])
		},
	}
	h.Reg = registry.New(h.Store, h.opts)
	return h
}

// Over returns a registry over s, which wraps the harness's store, with
// the harness's clock and IDs.
func (h *Harness) Over(s registry.Store) *registry.Registry { return registry.New(s, h.opts) }

// SetToday moves the clock to noon UTC on d.
func (h *Harness) SetToday(d coop.Date) { h.now.Store(d.Time().Add(12 * time.Hour).UnixNano()) }

// Run runs the conformance suite.
func Run(t *testing.T, newStore func(t *testing.T) registry.Store) {
	tests := []struct {
		name string
		fn   func(*Harness)
	}{
		{"ApproveName", testApproveName},
		{"ApprovalExpiryAndRenewal", testApprovalExpiry},
		{"Register", testRegister},
		{"RegisterRefusals", testRegisterRefusals},
		{"RegistrationNumbers", testRegistrationNumbers},
		{"RoundTrip", testRoundTrip},
		{"NotFound", testNotFound},
		{"Snapshots", testSnapshots},
		{"CancelledContext", testCancelledContext},
		{"Members", testMembers},
		{"Withdrawal", testWithdrawal},
		{"ExclusionTransferDeparture", testExclusionTransfer},
		{"Governance", testGovernance},
		{"Lifecycle", testLifecycle},
		{"JournalAndStateAt", testJournal},
		{"SeatAtADate", testSeatAtADate},
		{"ImportClash", testImportClash},
		{"Rollback", testRollback},
		{"StaleVersion", testStaleVersion},
		{"ConcurrentWriters", testConcurrent},
		{"List", testList},
		{"ListPages", testListPages},
		{"All", testAll},
		{"Import", testImport},
		{"SupportActions", testSupport},
		{"Labels", testLabels},
		{"Groupings", testGroupings},
		{"GuardVersion", testGuardVersion},
		{"GuardAuthorize", testGuardAuthorize},
		{"GuardEveryCooperative", testGuardEveryCooperative},
		{"UnionBothSides", testUnionBothSides},
		{"FoundUnion", testFoundUnion},
		{"ReadInside", testReadInside},
		{"ImportAsTheVerbs", testImportAsTheVerbs},
		{"FaultBetweenSides", testFaultBetweenSides},
		{"LockOrder", testLockOrder},
		{"ConcurrentRegistration", testConcurrentRegistration},
		{"ConcurrentNames", testConcurrentNames},
		{"ChangeKinds", testChangeKinds},
		{"BulkLoad", testBulkLoad},
		{"BulkLoadAllOrNothing", testBulkLoadAllOrNothing},
		{"BulkLoadInBatches", testBulkLoadInBatches},
		{"BulkLoadOwned", testBulkLoadOwned},
		{"RegisterReadsBack", testRegisterReadsBack},
		{"HostileInput", testHostileInput},
		{"IdempotencyKeys", testIdempotencyKeys},
		{"KeyWithTheChange", testKeyWithTheChange},
		{"ReadModelFollowsCommits", testReadModel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(NewHarness(t, newStore)) })
	}
}

// CheckCode fails the test unless err has the given code.
func CheckCode(t *testing.T, err error, code coop.Code) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, code, coop.ErrorCode(err), "error: %v", err)
	CheckRule(t, err)
}

// CheckRule asserts that a refusal that cites an article names the rule
// of coop's catalogue it applies, and cites that rule's article (for the
// member minimum, the article of the cooperative's kind).
func CheckRule(t *testing.T, err error) {
	t.Helper()
	var e *coop.Error
	if !errors.As(err, &e) || e.Article == "" && e.Rule == "" {
		return
	}
	r, ok := coop.RuleByID(e.Rule)
	require.True(t, ok, "%v cites %q but names no rule of coop.Rules (%q)", err, e.Article, e.Rule)
	if r.ID == coop.CheckMembersMin {
		require.Contains(t, []string{coop.KindCooperative.MembersArticle(), coop.KindUnion.MembersArticle()}, e.Article, "error: %v", err)
		return
	}
	require.Equal(t, r.Article, e.Article, "error: %v", err)
}

// CheckField asserts that err is a coop error with code that names field.
func CheckField(t *testing.T, err error, code coop.Code, field string) {
	t.Helper()
	CheckCode(t, err, code)
	var e *coop.Error
	require.ErrorAs(t, err, &e)
	var fields []string
	for _, f := range e.Fields {
		fields = append(fields, f.Field)
	}
	require.Contains(t, fields, field, "error: %v", err)
}

var d = coop.MustParseDate

func mad(s string) decimal.Decimal { return coop.MustParseMAD(s) }

func signatories(n int) []registry.Signatory {
	out := make([]registry.Signatory, n)
	for i := range out {
		out[i] = registry.Signatory{Name: fmt.Sprintf("Signatory %d", i+1)}
	}
	return out
}

// Approve approves name, requested and decided on on.
func (h *Harness) Approve(name string, on coop.Date) registry.NameApproval {
	h.T.Helper()
	a, err := h.Reg.ApproveName(h.Ctx, registry.NameRequest{Names: []string{name}, Signatories: signatories(5), Province: "MA-IFR",
		RequestedOn: on, DecidedOn: on})
	require.NoError(h.T, err)
	return a
}

// Registration returns a valid registration of n founders, each
// subscribing 5 shares of 100.00 and paying half.
func Registration(approval uuid.UUID, on coop.Date, n int) registry.Registration {
	reg := registry.Registration{ApprovalID: approval, Kind: coop.KindCooperative, RegisteredOn: on, Sector: coop.Agriculture,
		Province: "MA-IFR", Commune: "Ain Leuh", Statutes: coop.Statutes{DurationYears: 99, ShareNominal: mad("100"), MinSharesPerMember: 1},
		Governance: coop.Governance{Managers: []coop.Officer{{Name: "Fatima"}}}}
	for i := 0; i < n; i++ {
		g := coop.Female
		if i%2 == 1 {
			g = coop.Male
		}
		reg.Founders = append(reg.Founders, registry.Founder{
			Member: coop.Member{Type: coop.Natural, Name: fmt.Sprintf("Founder %d", i+1), Gender: g, BirthDate: d("1990-01-01").AddDays(i * 400)},
			Shares: 5, Amount: mad("500"), Paid: mad("250")})
	}
	return reg
}

// Register registers a cooperative named name with n founders on on.
func (h *Harness) Register(name string, on coop.Date, n int) coop.Cooperative {
	h.T.Helper()
	a := h.Approve(name, on)
	c, err := h.Reg.Register(h.Ctx, Registration(a.ID, on, n))
	require.NoError(h.T, err)
	return c
}

// RegisterUnion registers a union of three founding member cooperatives.
func (h *Harness) RegisterUnion(name string, on coop.Date) coop.Cooperative {
	h.T.Helper()
	a := h.Approve(name, on)
	reg := Registration(a.ID, on, 3)
	reg.Kind = coop.KindUnion
	reg.Governance = coop.Governance{Directors: []coop.Officer{{Name: "A"}, {Name: "B"}, {Name: "C"}}}
	for i := range reg.Founders {
		reg.Founders[i].Member.Type = coop.MemberCooperative
	}
	c, err := h.Reg.Register(h.Ctx, reg)
	require.NoError(h.T, err)
	return c
}
