package registrytest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// asJSON returns v as JSON, the form in which two states are compared:
// it does not depend on how a store lays out what it read (a decimal's
// scale, an empty list or none).
func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// version returns a cooperative's version and journal length.
func (h *Harness) version(id uuid.UUID) [2]int64 {
	h.T.Helper()
	c, err := h.Reg.Get(h.Ctx, id)
	require.NoError(h.T, err)
	return [2]int64{c.Version, int64(journalLen(h, id))}
}

// versions returns the versions and journal lengths of cooperatives.
func (h *Harness) versions(ids ...uuid.UUID) [][2]int64 {
	h.T.Helper()
	out := make([][2]int64, len(ids))
	for i, id := range ids {
		out[i] = h.version(id)
	}
	return out
}

// inScope is a guard that lets a write change only the cooperatives of the
// provinces given.
func inScope(provinces ...coop.ProvinceCode) registry.Guard {
	return registry.Authorize(func(c *coop.Cooperative) error {
		for _, p := range provinces {
			if c.Province == p {
				return nil
			}
		}
		return fmt.Errorf("%s is out of scope", c.Province)
	})
}

func testGuardVersion(h *Harness) {
	t := h.T
	c := h.Register("Versions Gardées", d("2024-01-10"), 5)
	m := c.Members[0].ID
	pay := registry.Payment{On: Today, Amount: mad("10")}

	got, err := h.Reg.PayShares(h.Ctx, c.ID, m, pay, registry.IfVersion(0))
	require.NoError(t, err, "a version of 0 checks nothing")
	assert.Equal(t, int64(2), got.Version)

	_, err = h.Reg.PayShares(h.Ctx, c.ID, m, pay, registry.IfVersion(1))
	CheckCode(t, err, coop.Conflict)
	var e *coop.Error
	require.True(t, errors.As(err, &e))
	require.Len(t, e.Fields, 1)
	assert.Equal(t, "version", e.Fields[0].Field)
	assert.Contains(t, e.Message, "version 2, not 1")
	assert.Equal(t, [2]int64{2, 2}, h.version(c.ID), "a refused guard writes nothing")

	got, err = h.Reg.PayShares(h.Ctx, c.ID, m, pay, registry.IfVersion(2))
	require.NoError(t, err)
	assert.Equal(t, int64(3), got.Version)

	// A verb that names no one cooperative refuses a version guard.
	_, err = h.Reg.RecordSupport(h.Ctx, registry.SupportAction{Kind: coop.Training, Title: "x", Start: Today,
		Reached: []registry.Participation{{CooperativeID: c.ID}}}, registry.IfVersion(3))
	CheckCode(t, err, coop.Invalid)
	assert.Equal(t, [2]int64{3, 3}, h.version(c.ID))
}

func testGuardAuthorize(h *Harness) {
	t := h.T
	c := h.Register("Autorisations", d("2024-01-10"), 5) // MA-IFR
	m := c.Members[0].ID
	pay := registry.Payment{On: Today, Amount: mad("10")}

	_, err := h.Reg.PayShares(h.Ctx, c.ID, m, pay, inScope("MA-MEK"))
	CheckCode(t, err, coop.Forbidden)
	require.ErrorIs(t, err, coop.ErrForbidden)
	assert.NotContains(t, coop.ErrorMessage(err), "out of scope", "the guard's own text stays out of the message")
	assert.Equal(t, [2]int64{1, 1}, h.version(c.ID), "a refused guard writes nothing")

	// A *coop.Error from the guard is returned as it is.
	closed := registry.Authorize(func(*coop.Cooperative) error {
		return &coop.Error{Code: coop.FailedPrecondition, Message: "closed for the audit"}
	})
	_, err = h.Reg.PayShares(h.Ctx, c.ID, m, pay, closed)
	CheckCode(t, err, coop.FailedPrecondition)
	assert.Contains(t, err.Error(), "closed for the audit")

	// The guard sees the state the write changes: after the seat moves to
	// Meknès, a Meknès guard lets the write through, an Ifrane one no more.
	_, err = h.Reg.ChangeSeat(h.Ctx, c.ID, registry.SeatChange{On: d("2024-05-01"), Province: "MA-MEK", Votes: coop.Votes{For: 5}})
	require.NoError(t, err)
	var saw int64
	seen := registry.Authorize(func(x *coop.Cooperative) error { saw = x.Version; return nil })
	_, err = h.Reg.PayShares(h.Ctx, c.ID, m, pay, inScope("MA-MEK"), seen)
	require.NoError(t, err)
	assert.Equal(t, int64(2), saw, "the guard saw the version it guarded")
	_, err = h.Reg.PayShares(h.Ctx, c.ID, m, pay, inScope("MA-IFR"))
	CheckCode(t, err, coop.Forbidden)
	assert.Equal(t, [2]int64{3, 3}, h.version(c.ID))
}

func testGuardEveryCooperative(h *Harness) {
	t := h.T
	union := h.RegisterUnion("Union Gardée", d("2023-01-10")) // MA-IFR
	near := h.Register("Membre Proche", d("2023-01-10"), 5)   // MA-IFR
	far := h.Register("Membre Lointain", d("2023-01-10"), 5)
	far, err := h.Reg.ChangeSeat(h.Ctx, far.ID, registry.SeatChange{On: d("2023-02-01"), Province: "MA-ESI", Votes: coop.Votes{For: 5}})
	require.NoError(t, err)
	ids := []uuid.UUID{union.ID, near.ID, far.ID}
	before := h.versions(ids...)
	join := registry.UnionMembership{CooperativeID: far.ID, On: d("2023-03-01"), AdmittedBy: "EGM 2023-03-01", Shares: 5, Amount: mad("500"), Paid: mad("500")}

	// The union is in scope, the member is not: nothing is written.
	_, err = h.Reg.JoinUnion(h.Ctx, union.ID, join, inScope("MA-IFR"))
	CheckCode(t, err, coop.Forbidden)
	assert.Equal(t, before, h.versions(ids...))

	// An action reaching one cooperative out of scope records nothing.
	action := registry.SupportAction{Kind: coop.Training, Title: "Comptabilité", Start: d("2023-04-01"), Reached: []registry.Participation{
		{CooperativeID: near.ID, People: 2}, {CooperativeID: union.ID, People: 1}, {CooperativeID: far.ID, People: 3}}}
	_, err = h.Reg.RecordSupport(h.Ctx, action, inScope("MA-IFR"))
	CheckCode(t, err, coop.Forbidden)
	assert.Equal(t, before, h.versions(ids...))

	// With both in scope, both sides are written.
	_, err = h.Reg.JoinUnion(h.Ctx, union.ID, join, inScope("MA-IFR", "MA-ESI"))
	require.NoError(t, err)
	_, err = h.Reg.RecordSupport(h.Ctx, action, inScope("MA-IFR", "MA-ESI"))
	require.NoError(t, err)
	after := h.versions(ids...)
	assert.Equal(t, [][2]int64{{before[0][0] + 2, before[0][1] + 2}, {before[1][0] + 1, before[1][1] + 1}, {before[2][0] + 2, before[2][1] + 2}}, after)

	// Leaving the union changes both: a guard covering one is refused.
	f, err := h.Reg.Get(h.Ctx, far.ID)
	require.NoError(t, err)
	_, err = h.Reg.LeaveGrouping(h.Ctx, far.ID, f.Groupings[0].ID, d("2024-01-01"), inScope("MA-ESI"))
	CheckCode(t, err, coop.Forbidden)
	assert.Equal(t, after, h.versions(ids...))
}

// unionMember returns the union's member entry for the cooperative.
func unionMember(t *testing.T, u coop.Cooperative, member uuid.UUID) coop.Member {
	t.Helper()
	for _, m := range u.Members {
		if m.CooperativeID == member {
			return m
		}
	}
	t.Fatalf("%s has no member %s", u.Name, member)
	return coop.Member{}
}

// testFoundUnion: a union founded by registered cooperatives is written on
// both sides, and founding needs the principal's scope over every founder,
// as admitting one later does.
func testFoundUnion(h *Harness) {
	t := h.T
	var founders []coop.Cooperative
	for i, p := range []coop.ProvinceCode{"MA-IFR", "MA-IFR", "MA-MEK"} {
		c := h.Register(fmt.Sprintf("Fondatrice %d", i+1), d("2023-01-10"), 5)
		if p != c.Province {
			var err error
			c, err = h.Reg.ChangeSeat(h.Ctx, c.ID, registry.SeatChange{On: d("2023-02-01"), Province: p, Votes: coop.Votes{For: 5}})
			require.NoError(t, err)
		}
		founders = append(founders, c)
	}
	reg := func(name string, cs ...coop.Cooperative) registry.Registration {
		a := h.Approve(name, d("2023-03-01"))
		r := Registration(a.ID, d("2023-03-01"), len(cs))
		r.Kind = coop.KindUnion
		r.Governance = coop.Governance{Directors: []coop.Officer{{Name: "A"}, {Name: "B"}, {Name: "C"}}}
		for i, c := range cs {
			r.Founders[i].Member = coop.Member{Type: coop.MemberCooperative, Name: c.Name, CooperativeID: c.ID}
		}
		return r
	}
	before := make([][2]int64, len(founders))
	for i, c := range founders {
		before[i] = h.version(c.ID)
	}

	// An Ifrane scope cannot found a union with a Meknès cooperative.
	_, err := h.Reg.Register(h.Ctx, reg("Union Refusée", founders...), inScope("MA-IFR"))
	CheckCode(t, err, coop.Forbidden)
	// A founder named twice, or one that does not exist, is refused.
	_, err = h.Reg.Register(h.Ctx, reg("Union Double", founders[0], founders[0], founders[1]))
	CheckField(t, err, coop.Invalid, "founders[1].member.cooperative_id")
	ghost := founders[2]
	ghost.ID = uuid.MustParse("00000000-0000-4000-8000-0000000000aa")
	_, err = h.Reg.Register(h.Ctx, reg("Union Fantôme", founders[0], founders[1], ghost))
	CheckField(t, err, coop.NotFound, "founders[2].member.cooperative_id")
	for i, c := range founders {
		assert.Equal(t, before[i], h.version(c.ID), "a refused founding writes nothing")
	}

	u, err := h.Reg.Register(h.Ctx, reg("Union Fondée", founders...), inScope("MA-IFR", "MA-MEK"))
	require.NoError(t, err)
	for i, c := range founders {
		got, err := h.Reg.Get(h.Ctx, c.ID)
		require.NoError(t, err)
		require.Len(t, got.Groupings, 1, "founder %d records the union", i)
		assert.Equal(t, u.ID, got.Groupings[0].GroupID)
		assert.Equal(t, coop.UnionGrouping, got.Groupings[0].Kind)
		assert.Equal(t, d("2023-03-01"), got.Groupings[0].From)
		assert.Equal(t, c.ID, u.Members[i].CooperativeID)
	}
	// The union's minimum is its own: 3 member cooperatives (art. 85).
	_, err = h.Reg.StrikeOff(h.Ctx, u.ID, registry.StatusChange{On: Today, Reason: "below-min-members-1-year"})
	CheckCode(t, err, coop.FailedPrecondition)
	assert.Contains(t, coop.ErrorMessage(err), "fewer than 3 members")
	_, err = h.Reg.StrikeOff(h.Ctx, founders[0].ID, registry.StatusChange{On: Today, Reason: "below-min-members-1-year"})
	CheckCode(t, err, coop.FailedPrecondition)
	assert.Contains(t, coop.ErrorMessage(err), "fewer than 5 members")
}

func testUnionBothSides(h *Harness) {
	t := h.T
	u := h.RegisterUnion("Union des Deux Rives", d("2023-01-10"))
	a := h.Register("Rive Un", d("2023-01-10"), 5)
	b := h.Register("Rive Deux", d("2023-01-10"), 5)
	c := h.Register("Rive Trois", d("2023-01-10"), 5)
	for _, x := range []coop.Cooperative{a, b, c} {
		_, err := h.Reg.JoinUnion(h.Ctx, u.ID, registry.UnionMembership{CooperativeID: x.ID, On: d("2023-03-01"), AdmittedBy: "EGM 2023-03-01",
			Shares: 5, Amount: mad("500"), Paid: mad("500")})
		require.NoError(t, err)
	}
	got, err := h.Reg.Get(h.Ctx, u.ID)
	require.NoError(t, err)
	n, _ := got.MembersAt(Today)
	assert.Equal(t, 6, n)
	past, err := h.Reg.StateAt(h.Ctx, a.ID, d("2023-02-28"))
	require.NoError(t, err)
	assert.Empty(t, past.Groupings)
	past, err = h.Reg.StateAt(h.Ctx, a.ID, d("2023-03-01"))
	require.NoError(t, err)
	require.Len(t, past.Groupings, 1)
	assert.Equal(t, u.ID, past.Groupings[0].GroupID)

	// A cooperative leaving the union leaves its register too.
	ra, err := h.Reg.Get(h.Ctx, a.ID)
	require.NoError(t, err)
	ra, err = h.Reg.LeaveGrouping(h.Ctx, a.ID, ra.Groupings[0].ID, d("2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, d("2024-01-01"), ra.Groupings[0].Until)
	got, err = h.Reg.Get(h.Ctx, u.ID)
	require.NoError(t, err)
	ma := unionMember(t, got, a.ID)
	assert.Equal(t, d("2024-01-01"), ma.LeftOn)
	assert.Equal(t, coop.Withdrawal, ma.ExitReason)

	// The union excluding a member ends its membership on its record too.
	mc := unionMember(t, got, c.ID)
	_, err = h.Reg.ExcludeMember(h.Ctx, u.ID, mc.ID, registry.Exclusion{On: d("2024-02-01"), Reason: "unpaid dues", Votes: coop.Votes{For: 4}})
	require.NoError(t, err)
	rc, err := h.Reg.Get(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, d("2024-02-01"), rc.Groupings[0].Until)

	// With 4 members left, a founder excluded leaves 3; the last registered
	// member cannot leave: a union keeps 3 member cooperatives (art. 85).
	_, err = h.Reg.ExcludeMember(h.Ctx, u.ID, got.Members[0].ID, registry.Exclusion{On: d("2024-03-01"), Reason: "dissolved", Votes: coop.Votes{For: 3}})
	require.NoError(t, err)
	rb, err := h.Reg.Get(h.Ctx, b.ID)
	require.NoError(t, err)
	before := h.versions(u.ID, b.ID)
	_, err = h.Reg.LeaveGrouping(h.Ctx, b.ID, rb.Groupings[0].ID, d("2024-04-01"))
	CheckCode(t, err, coop.FailedPrecondition)
	assert.Equal(t, before, h.versions(u.ID, b.ID), "a refused departure writes neither side")
}

// errFault is the failure a faultyStore injects.
var errFault = errors.New("fault injected between two writes")

// faultyStore fails the failAt-th Put of each transaction, inside the
// transaction, after the earlier Puts were made.
type faultyStore struct {
	registry.Store
	failAt int
}

func (f *faultyStore) Write(ctx context.Context, fn func(registry.Tx) error) error {
	return f.Store.Write(ctx, func(tx registry.Tx) error { return fn(&faultyTx{Tx: tx, failAt: f.failAt}) })
}

type faultyTx struct {
	registry.Tx
	puts, failAt int
}

func (t *faultyTx) Put(c coop.Cooperative, e registry.Entry) error {
	t.puts++
	if t.puts == t.failAt {
		return errFault
	}
	return t.Tx.Put(c, e)
}

func testFaultBetweenSides(h *Harness) {
	t := h.T
	u := h.RegisterUnion("Union Fragile", d("2023-01-10"))
	a := h.Register("Fragile Un", d("2023-01-10"), 5)
	b := h.Register("Fragile Deux", d("2023-01-10"), 5)
	ids := []uuid.UUID{u.ID, a.ID, b.ID}
	before := h.versions(ids...)
	states := []string{}
	for _, id := range ids {
		c, err := h.Reg.Get(h.Ctx, id)
		require.NoError(t, err)
		states = append(states, asJSON(t, c))
	}
	unchanged := func(why string) {
		t.Helper()
		assert.Equal(t, before, h.versions(ids...), why)
		for i, id := range ids {
			c, err := h.Reg.Get(h.Ctx, id)
			require.NoError(t, err)
			assert.Equal(t, states[i], asJSON(t, c), why)
		}
	}
	join := registry.UnionMembership{CooperativeID: a.ID, On: d("2023-03-01"), AdmittedBy: "EGM 2023-03-01", Shares: 5, Amount: mad("500"), Paid: mad("500")}
	action := registry.SupportAction{Kind: coop.Fair, Title: "Salon régional", Start: d("2023-05-01"),
		Reached: []registry.Participation{{CooperativeID: a.ID, People: 1}, {CooperativeID: b.ID, People: 2}, {CooperativeID: u.ID, People: 1}}}

	_, err := h.Over(&faultyStore{Store: h.Store, failAt: 2}).JoinUnion(h.Ctx, u.ID, join)
	require.ErrorIs(t, err, errFault)
	unchanged("a fault after the union's side leaves neither side written")
	_, err = h.Over(&faultyStore{Store: h.Store, failAt: 3}).RecordSupport(h.Ctx, action)
	require.ErrorIs(t, err, errFault)
	unchanged("a fault at the third cooperative leaves none written")

	// Without a fault, both verbs write every side.
	_, err = h.Reg.JoinUnion(h.Ctx, u.ID, join)
	require.NoError(t, err)
	_, err = h.Reg.RecordSupport(h.Ctx, action)
	require.NoError(t, err)
	assert.Equal(t, [][2]int64{{before[0][0] + 2, before[0][1] + 2}, {before[1][0] + 2, before[1][1] + 2}, {before[2][0] + 1, before[2][1] + 1}},
		h.versions(ids...))
}

func testLockOrder(h *Harness) {
	t := h.T
	var cs []coop.Cooperative
	for _, name := range []string{"Ordre Un", "Ordre Deux", "Ordre Trois", "Ordre Quatre"} {
		cs = append(cs, h.Register(name, d("2023-01-10"), 5))
	}
	// Four writers reach the same cooperatives in four different orders.
	orders := [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 3, 0, 2}, {2, 0, 3, 1}}
	const each = 6
	var wg sync.WaitGroup
	for w, order := range orders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				act := registry.SupportAction{Kind: coop.InformationDay, Title: fmt.Sprintf("Journée %d-%d", w, i), Start: d("2023-06-01")}
				for _, k := range order {
					act.Reached = append(act.Reached, registry.Participation{CooperativeID: cs[k].ID, People: 1})
				}
				if _, err := h.Reg.RecordSupport(h.Ctx, act); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, c := range cs {
		got, err := h.Reg.Get(h.Ctx, c.ID)
		require.NoError(t, err)
		assert.Len(t, got.Supports, len(orders)*each, "every action reached %s", c.Name)
		assert.Equal(t, [2]int64{got.Version, got.Version}, h.version(c.ID), "version = journal length")
	}
}

func testConcurrentRegistration(h *Harness) {
	t := h.T
	a := h.Approve("Coopérative Disputée", Today)
	const n = 6
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = h.Reg.Register(h.Ctx, Registration(a.ID, Today, 5))
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		if err == nil {
			won++
			continue
		}
		CheckCode(t, err, coop.FailedPrecondition)
	}
	assert.Equal(t, 1, won, "an approval registers one cooperative")
	p, err := h.Reg.List(h.Ctx, registry.Filter{})
	require.NoError(t, err)
	require.Equal(t, 1, p.Total)
	used, err := h.Reg.GetApproval(h.Ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.ApprovalUsed, used.Status)
	assert.Equal(t, p.Items[0].ID, used.CooperativeID)
}

func testConcurrentNames(h *Harness) {
	t := h.T
	const n = 6
	var wg sync.WaitGroup
	// The same name asked by several requests at once is approved once.
	names := make([]error, n)
	ids := make([]uuid.UUID, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var a registry.NameApproval
			a, names[i] = h.Reg.ApproveName(h.Ctx, registry.NameRequest{Names: []string{"Nom Convoité"}, Signatories: signatories(5), RequestedOn: Today})
			ids[i] = a.ID
		}()
	}
	wg.Wait()
	var winner uuid.UUID
	for i, err := range names {
		if err == nil {
			require.Equal(t, uuid.Nil, winner, "one approval only")
			winner = ids[i]
			continue
		}
		CheckCode(t, err, coop.Conflict)
	}
	holder, err := h.Store.ApprovalHolding(h.Ctx, registry.NameKey("Nom Convoité"))
	require.NoError(t, err)
	assert.Equal(t, winner, holder.ID)
}

// insideOnly is a store whose reads outside a transaction fail: a verb
// over it that succeeds decided on what it read inside its transaction.
type insideOnly struct {
	registry.Store
	t *testing.T
}

func (s insideOnly) outside(what string) error {
	s.t.Errorf("a verb read %s outside its transaction", what)
	return &coop.Error{Code: coop.Internal, Message: "read outside the transaction"}
}

func (s insideOnly) Get(context.Context, uuid.UUID) (coop.Cooperative, error) {
	return coop.Cooperative{}, s.outside("a cooperative")
}

func (s insideOnly) GetByNumber(context.Context, string) (coop.Cooperative, error) {
	return coop.Cooperative{}, s.outside("a cooperative by number")
}

func (s insideOnly) Journal(context.Context, uuid.UUID) ([]registry.Entry, error) {
	return nil, s.outside("a journal")
}

func (s insideOnly) List(context.Context, registry.Filter) (registry.Page, error) {
	return registry.Page{}, s.outside("a listing")
}

// testReadInside runs the verbs that change two cooperatives, and those of
// the member register, over a store that refuses reads outside a
// transaction: each decides on the states it locked, so that a change
// made between a read and the write cannot slip through.
func testReadInside(h *Harness) {
	t := h.T
	r := h.Over(insideOnly{Store: h.Store, t: t})
	u := h.RegisterUnion("Union Lue", d("2023-01-10"))
	a := h.Register("Lue Un", d("2023-01-10"), 5)
	b := h.Register("Lue Deux", d("2023-01-10"), 5)
	ctx := h.Ctx
	for _, x := range []coop.Cooperative{a, b} {
		_, err := r.JoinUnion(ctx, u.ID, registry.UnionMembership{CooperativeID: x.ID, On: d("2023-03-01"), AdmittedBy: "EGM 2023-03-01",
			Shares: 5, Amount: mad("500"), Paid: mad("500")})
		require.NoError(t, err)
	}
	union, err := h.Reg.Get(ctx, u.ID)
	require.NoError(t, err)
	// The union excludes the first; the cooperative's own record ends
	// its membership in the same transaction.
	_, err = r.ExcludeMember(ctx, u.ID, union.Members[3].ID, registry.Exclusion{On: d("2023-05-01"), Reason: "breach", Votes: coop.Votes{For: 3}})
	require.NoError(t, err)
	got, err := h.Reg.Get(ctx, a.ID)
	require.NoError(t, err)
	require.Len(t, got.Groupings, 1)
	assert.Equal(t, d("2023-05-01"), got.Groupings[0].Until, "the exclusion ended the membership on both sides")
	// The second leaves from its side; the union's register records it.
	got, err = h.Reg.Get(ctx, b.ID)
	require.NoError(t, err)
	_, err = r.LeaveGrouping(ctx, b.ID, got.Groupings[0].ID, d("2023-06-01"))
	require.NoError(t, err)
	union, err = h.Reg.Get(ctx, u.ID)
	require.NoError(t, err)
	n, _ := union.MembersAt(d("2023-06-01"))
	assert.Equal(t, 3, n, "the union's register records both departures")
	// The member register's verbs.
	m := a.Members[0].ID
	_, err = r.AdmitMember(ctx, a.ID, registry.Admission{On: Today, AdmittedBy: "OGM", Member: coop.Member{Type: coop.Natural, Name: "Nadia"},
		Shares: 1, Amount: mad("100"), Paid: mad("100")})
	require.NoError(t, err)
	_, err = r.PayShares(ctx, a.ID, m, registry.Payment{On: Today, Amount: mad("10")})
	require.NoError(t, err)
	_, err = r.TransferShares(ctx, a.ID, a.Members[1].ID, a.Members[2].ID, registry.Transfer{On: Today, Shares: 1})
	require.NoError(t, err)
}
