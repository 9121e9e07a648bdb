package registrytest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/registry"
)

func testApproveName(h *Harness) {
	t := h.T
	a := h.Approve("Coopérative Al Amal", Today)
	assert.Equal(t, registry.ApprovalApproved, a.Status)
	assert.Equal(t, "alamal", a.NameKey)
	assert.Equal(t, Today.AddDays(60), a.ValidUntil)

	// The same name after normalisation is a Conflict naming the holder.
	_, err := h.Reg.ApproveName(h.Ctx, registry.NameRequest{Names: []string{"AL-AMAL"}, Signatories: signatories(5), RequestedOn: Today})
	CheckCode(t, err, coop.Conflict)
	assert.Contains(t, err.Error(), a.ID.String())

	// The next proposed name is approved when the first is taken.
	b, err := h.Reg.ApproveName(h.Ctx, registry.NameRequest{Names: []string{"al amal", "Tawada"}, Signatories: signatories(5), RequestedOn: Today})
	require.NoError(t, err)
	assert.Equal(t, "Tawada", b.Name)

	bad := []struct {
		name  string
		req   registry.NameRequest
		field string
	}{
		{"FourSignatories", registry.NameRequest{Names: []string{"Nour"}, Signatories: signatories(4), RequestedOn: Today}, "signatories"},
		{"FourNames", registry.NameRequest{Names: []string{"A1", "B1", "C1", "D1"}, Signatories: signatories(5), RequestedOn: Today}, "names"},
		{"NoName", registry.NameRequest{Signatories: signatories(5), RequestedOn: Today}, "names"},
		{"OnlyTheWordCooperative", registry.NameRequest{Names: []string{"Coopérative"}, Signatories: signatories(5), RequestedOn: Today}, "names[0]"},
		{"DecidedLate", registry.NameRequest{Names: []string{"Nour"}, Signatories: signatories(5), RequestedOn: Today.AddDays(-3)}, "decided_on"},
		{"Future", registry.NameRequest{Names: []string{"Nour"}, Signatories: signatories(5), RequestedOn: Today.AddDays(1)}, "requested_on"},
	}
	for _, tt := range bad {
		_, err := h.Reg.ApproveName(h.Ctx, tt.req)
		CheckCode(t, err, coop.Invalid)
		var e *coop.Error
		require.True(t, errors.As(err, &e))
		assert.Equal(t, tt.field, e.Fields[0].Field, tt.name)
		assert.NotEmpty(t, e.Article, tt.name)
	}
}

func testApprovalExpiry(h *Harness) {
	t := h.T
	a := h.Approve("Tifawin", Today)
	// Too early to renew: the approval is still valid.
	_, err := h.Reg.RenewApproval(h.Ctx, a.ID, Today)
	CheckCode(t, err, coop.FailedPrecondition)

	// Within 7 days after expiry the name is still held, and renewable once.
	h.SetToday(a.ValidUntil.AddDays(7))
	_, err = h.Reg.ApproveName(h.Ctx, registry.NameRequest{Names: []string{"Tifawin"}, Signatories: signatories(5), RequestedOn: a.ValidUntil.AddDays(7)})
	CheckCode(t, err, coop.Conflict)
	r, err := h.Reg.RenewApproval(h.Ctx, a.ID, a.ValidUntil.AddDays(7))
	require.NoError(t, err)
	assert.Equal(t, a.ValidUntil.AddDays(60), r.ValidUntil)
	_, err = h.Reg.RenewApproval(h.Ctx, a.ID, a.ValidUntil.AddDays(7))
	CheckCode(t, err, coop.FailedPrecondition)

	// Once the renewed approval has lapsed, the name is free again.
	h.SetToday(r.ValidUntil.AddDays(1))
	b, err := h.Reg.ApproveName(h.Ctx, registry.NameRequest{Names: []string{"TIFAWIN"}, Signatories: signatories(5), RequestedOn: r.ValidUntil.AddDays(1)})
	require.NoError(t, err)
	assert.NotEqual(t, a.ID, b.ID)
	old, err := h.Reg.GetApproval(h.Ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.ApprovalExpired, old.Status)

	// A renewal asked 8 days after expiry is too late.
	c := h.Approve("Amghar", r.ValidUntil.AddDays(1))
	h.SetToday(c.ValidUntil.AddDays(8))
	_, err = h.Reg.RenewApproval(h.Ctx, c.ID, c.ValidUntil.AddDays(8))
	CheckCode(t, err, coop.FailedPrecondition)
}

func testRegister(h *Harness) {
	t := h.T
	a := h.Approve("Coopérative Ittihad", Today)
	c, err := h.Reg.Register(h.Ctx, Registration(a.ID, Today, 5))
	require.NoError(t, err)
	assert.Equal(t, "1/IFR/2024/1", c.RegistrationNumber)
	assert.Equal(t, int64(1), c.Version)
	assert.Equal(t, "Coopérative Ittihad", c.Name)
	assert.Equal(t, coop.Active, c.Status)
	require.Len(t, c.Members, 5)
	assert.Equal(t, 1, c.Members[0].Number)
	assert.Equal(t, coop.Compliant, func() coop.Compliance { r := coop.CheckLaw(&c, Today); return r.Outcome }())

	used, err := h.Reg.GetApproval(h.Ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.ApprovalUsed, used.Status)
	assert.Equal(t, c.ID, used.CooperativeID)

	// The name stays taken, and the conflict names the cooperative.
	_, err = h.Reg.ApproveName(h.Ctx, registry.NameRequest{Names: []string{"ittihad"}, Signatories: signatories(5), RequestedOn: Today})
	CheckCode(t, err, coop.Conflict)
	assert.Contains(t, err.Error(), "1/IFR/2024/1")

	// The approval cannot register twice.
	_, err = h.Reg.Register(h.Ctx, Registration(a.ID, Today, 5))
	CheckCode(t, err, coop.FailedPrecondition)

	j, err := h.Reg.Journal(h.Ctx, c.ID)
	require.NoError(t, err)
	require.Len(t, j, 1)
	assert.Equal(t, registry.EntryRegistration, j[0].Kind)
	assert.Equal(t, 1, j[0].Seq)
	assert.Equal(t, Today, j[0].Effective)
}

func testRegisterRefusals(h *Harness) {
	t := h.T
	a := h.Approve("Nour", Today)
	tests := []struct {
		name  string
		edit  func(*registry.Registration)
		code  coop.Code
		field string
	}{
		{"FourFounders", func(r *registry.Registration) { r.Founders = r.Founders[:4] }, coop.Invalid, "founders"},
		{"Capital999.99", func(r *registry.Registration) {
			r.Statutes.ShareNominal = mad("199.99")
			for i := range r.Founders {
				r.Founders[i].Shares, r.Founders[i].Amount, r.Founders[i].Paid = 1, mad("199.99"), mad("199.99")
			}
		}, coop.Invalid, "founders"},
		{"Nominal99.99", func(r *registry.Registration) { r.Statutes.ShareNominal = mad("99.99") }, coop.Invalid, "statutes.share_nominal"},
		{"PaidLessThanAQuarter", func(r *registry.Registration) { r.Founders[2].Paid = mad("124.99") }, coop.Invalid, "founders[2].paid"},
		{"AmountNotNominal", func(r *registry.Registration) { r.Founders[1].Amount = mad("450") }, coop.Invalid, "founders[1].amount"},
		{"Duration100", func(r *registry.Registration) { r.Statutes.DurationYears = 100 }, coop.Invalid, "statutes.duration_years"},
		{"FourManagers", func(r *registry.Registration) {
			r.Governance.Managers = []coop.Officer{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}}
		}, coop.Invalid, "governance.managers"},
		{"BoardOfFour", func(r *registry.Registration) {
			r.Governance = coop.Governance{Directors: []coop.Officer{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}}}
		}, coop.Invalid, "governance.directors"},
		{"UnionOfPersons", func(r *registry.Registration) { r.Kind = coop.KindUnion }, coop.Invalid, "founders[0].member.type"},
		{"LegalPersonsAboveAThird", func(r *registry.Registration) {
			r.Founders[0].Member.Type, r.Founders[1].Member.Type = coop.Legal, coop.Legal
		}, coop.Invalid, "founders"},
		{"UnknownProvince", func(r *registry.Registration) { r.Province = "MA-XXX" }, coop.Invalid, "province"},
		{"Future", func(r *registry.Registration) { r.RegisteredOn = Today.AddDays(1) }, coop.Invalid, "registered_on"},
		{"BeforeApproval", func(r *registry.Registration) { r.RegisteredOn = Today.AddDays(-1) }, coop.FailedPrecondition, "registered_on"},
		{"UnknownApproval", func(r *registry.Registration) { r.ApprovalID = uuid.New() }, coop.NotFound, "approval_id"},
	}
	for _, tt := range tests {
		reg := Registration(a.ID, Today, 5)
		tt.edit(&reg)
		_, err := h.Reg.Register(h.Ctx, reg)
		CheckCode(t, err, tt.code)
		var e *coop.Error
		require.True(t, errors.As(err, &e), tt.name)
		require.NotEmpty(t, e.Fields, tt.name)
		fields := []string{}
		for _, f := range e.Fields {
			fields = append(fields, f.Field)
		}
		assert.Contains(t, fields, tt.field, "%s: %v", tt.name, err)
	}
	// Nothing was stored and the approval is still free to use.
	p, err := h.Reg.List(h.Ctx, registry.Filter{})
	require.NoError(t, err)
	assert.Equal(t, 0, p.Total)
	still, err := h.Reg.GetApproval(h.Ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.ApprovalApproved, still.Status)

	// An expired approval cannot register.
	old := h.Approve("Amane", Today.AddDays(-70))
	_, err = h.Reg.Register(h.Ctx, Registration(old.ID, Today, 5))
	CheckCode(t, err, coop.FailedPrecondition)
}

func testRegistrationNumbers(h *Harness) {
	t := h.T
	c1 := h.Register("Alpha", d("2023-12-30"), 5)
	c2 := h.Register("Beta", d("2023-12-31"), 5)
	c3 := h.Register("Gamma", d("2024-01-01"), 5)
	assert.Equal(t, "1/IFR/2023/1", c1.RegistrationNumber)
	assert.Equal(t, "1/IFR/2023/2", c2.RegistrationNumber)
	assert.Equal(t, "1/IFR/2024/1", c3.RegistrationNumber, "the sequence restarts each 1 January")

	// Mixed members are part 3, a union part 4, another court its own sequence.
	a := h.Approve("Delta", Today)
	reg := Registration(a.ID, Today, 6)
	reg.Founders[5].Member.Type = coop.Legal
	reg.Court = "TPI-AZROU"
	c4, err := h.Reg.Register(h.Ctx, reg)
	require.NoError(t, err)
	assert.Equal(t, "3/TPI-AZROU/2024/1", c4.RegistrationNumber)

	u := h.Approve("Union Atlas", Today)
	ureg := Registration(u.ID, Today, 3)
	ureg.Kind = coop.KindUnion
	ureg.Governance = coop.Governance{Directors: []coop.Officer{{Name: "A"}, {Name: "B"}, {Name: "C"}}}
	for i := range ureg.Founders {
		ureg.Founders[i].Member.Type = coop.MemberCooperative
	}
	c5, err := h.Reg.Register(h.Ctx, ureg)
	require.NoError(t, err)
	assert.Equal(t, "4/IFR/2024/2", c5.RegistrationNumber)

	got, err := h.Reg.GetByNumber(h.Ctx, "1/IFR/2023/2")
	require.NoError(t, err)
	assert.Equal(t, c2.ID, got.ID)
}

func testRoundTrip(h *Harness) {
	t := h.T
	a := h.Approve("Tinas Cop", Today)
	reg := Registration(a.ID, Today, 5)
	reg.Province, reg.Sector, reg.Branch, reg.NameAR = "MA-MEK", coop.Agriculture, "beekeeping", "تعاونية تيناس"
	reg.ICE = coop.MustParseICE("002136093000040")
	reg.Statutes.ShareNominal = mad("100.50")
	for i := range reg.Founders {
		reg.Founders[i].Amount, reg.Founders[i].Paid = mad("502.50"), mad("125.63")
		reg.Founders[i].Member.CIN = coop.MustParseCIN(fmt.Sprintf("D%06d", 100000+i))
		reg.Founders[i].Member.Phone = coop.MustParsePhone("0612345678")
	}
	c, err := h.Reg.Register(h.Ctx, reg)
	require.NoError(t, err)
	got, err := h.Reg.Get(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, c.Name, got.Name)
	assert.Equal(t, "تعاونية تيناس", got.NameAR)
	assert.Equal(t, reg.ICE, got.ICE)
	assert.Equal(t, coop.Branch("beekeeping"), got.Branch)
	assert.True(t, got.Statutes.ShareNominal.Equal(mad("100.50")), got.Statutes.ShareNominal.String())
	assert.Equal(t, Today, got.RegisteredOn)
	require.Len(t, got.Members, 5)
	m := got.Members[4]
	assert.Equal(t, coop.MustParseCIN("D100004"), m.CIN)
	assert.Equal(t, "+212612345678", m.Phone.String())
	assert.Equal(t, reg.Founders[4].Member.BirthDate, m.BirthDate)
	k := m.CapitalAt(Today)
	assert.True(t, k.Subscribed.Equal(mad("502.50")), k.Subscribed.String())
	assert.True(t, k.Paid.Equal(mad("125.63")), k.Paid.String())
	assert.Equal(t, 5, k.Shares)
	assert.Equal(t, c.Version, got.Version)
}

func testNotFound(h *Harness) {
	t := h.T
	id := uuid.New()
	_, err := h.Reg.Get(h.Ctx, id)
	CheckCode(t, err, coop.NotFound)
	require.ErrorIs(t, err, coop.ErrNotFound)
	_, err = h.Reg.GetByNumber(h.Ctx, "1/IFR/2024/99")
	CheckCode(t, err, coop.NotFound)
	// A number no store could hold is refused before any store, alike.
	for _, bad := range []string{"1/IFR/2024/\x00", "1/IFR\xff/2024/1", strings.Repeat("1", 65)} {
		_, err = h.Reg.GetByNumber(h.Ctx, bad)
		CheckField(t, err, coop.Invalid, "number")
	}
	_, err = h.Reg.Journal(h.Ctx, id)
	CheckCode(t, err, coop.NotFound)
	_, err = h.Reg.StateAt(h.Ctx, id, Today)
	CheckCode(t, err, coop.NotFound)
	_, err = h.Reg.GetApproval(h.Ctx, id)
	CheckCode(t, err, coop.NotFound)
	_, err = h.Reg.PayShares(h.Ctx, id, id, registry.Payment{On: Today, Amount: mad("1")})
	CheckCode(t, err, coop.NotFound)
}

// testSnapshots checks the sharing contract: what a reader holds never
// changes under later writes, and a Clone is the caller's own.
func testSnapshots(h *Harness) {
	t := h.T
	c := h.Register("Instantanés", d("2024-01-10"), 5)
	read, err := h.Reg.Get(h.Ctx, c.ID)
	require.NoError(t, err)
	page, err := h.Reg.List(h.Ctx, registry.Filter{})
	require.NoError(t, err)
	j, err := h.Reg.Journal(h.Ctx, c.ID)
	require.NoError(t, err)
	before := []string{asJSON(t, c), asJSON(t, read), asJSON(t, page.Items[0]), asJSON(t, j)}

	// Writes touching every part of the cooperative.
	m := c.Members[0].ID
	_, err = h.Reg.PayShares(h.Ctx, c.ID, m, registry.Payment{On: d("2024-02-01"), Amount: mad("10")})
	require.NoError(t, err)
	_, err = h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: d("2024-02-02"), AdmittedBy: "OGM 2024-02-02",
		Member: coop.Member{Type: coop.Natural, Name: "Sixième"}, Shares: 1, Amount: mad("100"), Paid: mad("100")})
	require.NoError(t, err)
	_, err = h.Reg.ExcludeMember(h.Ctx, c.ID, c.Members[4].ID, registry.Exclusion{On: d("2024-02-03"), Reason: "breach", Votes: coop.Votes{For: 5}})
	require.NoError(t, err)
	_, err = h.Reg.ElectBoard(h.Ctx, c.ID, registry.Officers{On: d("2024-02-04"), Officers: []coop.Officer{{Name: "A"}, {Name: "B"}, {Name: "C"}}})
	require.NoError(t, err)
	after := []string{asJSON(t, c), asJSON(t, read), asJSON(t, page.Items[0]), asJSON(t, j)}
	assert.Equal(t, before, after, "a snapshot read before a write does not change")

	// Admissions share the member register and append to it: each state
	// returned keeps its members, whatever is admitted after, or refused.
	states := []coop.Cooperative{}
	frozen := []string{}
	for i := range 6 {
		got, err := h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: d("2024-02-05"), AdmittedBy: "OGM 2024-02-05",
			Member: coop.Member{Type: coop.Natural, Name: fmt.Sprintf("Admise %d", i)}, Shares: 1, Amount: mad("100"), Paid: mad("100")})
		require.NoError(t, err)
		_, err = h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: d("2024-02-05"), AdmittedBy: "OGM 2024-02-05",
			Member: coop.Member{Type: coop.Natural, Name: "Refusée"}, Shares: 1, Amount: mad("100"), Paid: mad("1")}, registry.IfVersion(got.Version-1))
		require.Error(t, err)
		states, frozen = append(states, got), append(frozen, asJSON(t, got))
		if i == 3 {
			// A payment rewrites a member: the register is copied.
			got, err = h.Reg.PayShares(h.Ctx, c.ID, got.Members[0].ID, registry.Payment{On: d("2024-02-05"), Amount: mad("10")})
			require.NoError(t, err)
			states, frozen = append(states, got), append(frozen, asJSON(t, got))
		}
	}
	for i := range states {
		assert.Equal(t, frozen[i], asJSON(t, states[i]), "state %d", i)
	}
	last, err := h.Reg.Get(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Len(t, last.Members, 12)

	// A clone is the caller's: changing it changes nothing stored.
	own := read.Clone()
	own.Members[0].Name = "changed"
	own.Members[0].Shares[0].Amount = mad("1")
	own.Statutes.DurationYears = 1
	got, err := h.Reg.Get(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, "Founder 1", got.Members[0].Name)
	assert.True(t, got.Members[0].Shares[0].Amount.Equal(mad("500")))
	assert.Equal(t, 99, got.Statutes.DurationYears)
	e := j[0].Clone()
	st := e.Change.(registry.Registered).State
	st.Members[0].Name = "changed"
	j2, err := h.Reg.Journal(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, "Founder 1", j2[0].Change.(registry.Registered).State.Members[0].Name)
}

func testCancelledContext(h *Harness) {
	t := h.T
	c := h.Register("Context", Today, 5)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := h.Store.Get(ctx, c.ID)
	require.ErrorIs(t, err, context.Canceled)
	_, err = h.Store.List(ctx, registry.Filter{})
	require.ErrorIs(t, err, context.Canceled)
	_, err = h.Reg.PayShares(ctx, c.ID, c.Members[0].ID, registry.Payment{On: Today, Amount: mad("10")})
	require.ErrorIs(t, err, context.Canceled)
	for _, err := range h.Store.All(ctx) {
		require.ErrorIs(t, err, context.Canceled)
	}
	got, err := h.Reg.Get(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, int64(1), got.Version, "a cancelled write changes nothing")
}

func testMembers(h *Harness) {
	t := h.T
	c := h.Register("Membres", d("2024-01-10"), 5)
	c, err := h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: d("2024-03-01"), AdmittedBy: "OGM 2024-03-01",
		Member: coop.Member{Type: coop.Natural, Name: "Nadia", Gender: coop.Female}, Shares: 2, Amount: mad("200"), Paid: mad("50")})
	require.NoError(t, err)
	require.Len(t, c.Members, 6)
	nadia := c.Members[5]
	assert.Equal(t, 6, nadia.Number)
	assert.Equal(t, d("2024-03-01"), nadia.JoinedOn)

	_, err = h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: Today, AdmittedBy: "OGM",
		Member: coop.Member{Type: coop.Natural, Name: "Ali"}, Shares: 1, Amount: mad("100"), Paid: mad("24.99")})
	CheckCode(t, err, coop.Invalid)
	_, err = h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: Today,
		Member: coop.Member{Type: coop.Natural, Name: "Ali"}, Shares: 1, Amount: mad("100"), Paid: mad("100")})
	CheckCode(t, err, coop.Invalid) // no assembly decided it (art. 15)

	c, err = h.Reg.SubscribeShares(h.Ctx, c.ID, nadia.ID, registry.Subscription{On: d("2024-04-01"), Shares: 1, Amount: mad("100"), Paid: mad("100")})
	require.NoError(t, err)
	c, err = h.Reg.PayShares(h.Ctx, c.ID, nadia.ID, registry.Payment{On: d("2024-05-01"), Amount: mad("150")})
	require.NoError(t, err)
	m, _ := c.Member(nadia.ID)
	k := m.CapitalAt(Today)
	assert.True(t, k.Subscribed.Equal(mad("300")))
	assert.True(t, k.Paid.Equal(mad("300")))
	_, err = h.Reg.PayShares(h.Ctx, c.ID, nadia.ID, registry.Payment{On: Today, Amount: mad("0.01")})
	CheckCode(t, err, coop.Invalid) // nothing left to pay
	_, err = h.Reg.PayShares(h.Ctx, c.ID, uuid.New(), registry.Payment{On: Today, Amount: mad("1")})
	CheckCode(t, err, coop.NotFound)
	_, err = h.Reg.PayShares(h.Ctx, c.ID, nadia.ID, registry.Payment{On: Today.AddDays(1), Amount: mad("1")})
	CheckCode(t, err, coop.Invalid) // a future date
}

func testWithdrawal(h *Harness) {
	t := h.T
	c := h.Register("Retraits", d("2024-01-10"), 5)
	_, err := h.Reg.RequestWithdrawal(h.Ctx, c.ID, c.Members[0].ID, registry.WithdrawalInput{Received: d("2024-03-01")})
	CheckCode(t, err, coop.FailedPrecondition) // would leave 4 members (arts. 18-19)
	var e *coop.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, "Law 112-12 arts. 18-19", e.Article)

	c, err = h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: d("2024-02-01"), AdmittedBy: "OGM 2024-02-01",
		Member: coop.Member{Type: coop.Natural, Name: "Sixth"}, Shares: 5, Amount: mad("500"), Paid: mad("500")})
	require.NoError(t, err)
	first := c.Members[0].ID
	c, err = h.Reg.RequestWithdrawal(h.Ctx, c.ID, first, registry.WithdrawalInput{Received: d("2024-03-01")})
	require.NoError(t, err)
	m, _ := c.Member(first)
	require.NotNil(t, m.Withdrawal)
	assert.Equal(t, d("2024-03-21"), m.Withdrawal.AnswerDue)
	assert.Equal(t, d("2025-01-01"), m.LeftOn, "effective at the end of the financial year")
	n, _ := c.MembersAt(d("2024-12-31"))
	assert.Equal(t, 6, n)
	n, _ = c.MembersAt(d("2025-01-01"))
	assert.Equal(t, 5, n)

	// A second member cannot leave: 4 would remain.
	_, err = h.Reg.RequestWithdrawal(h.Ctx, c.ID, c.Members[1].ID, registry.WithdrawalInput{Received: d("2024-03-02")})
	CheckCode(t, err, coop.FailedPrecondition)

	// The board refuses within 20 days, with reasons.
	_, err = h.Reg.AnswerWithdrawal(h.Ctx, c.ID, first, registry.WithdrawalAnswer{On: d("2024-03-20")})
	CheckCode(t, err, coop.Invalid)
	c, err = h.Reg.AnswerWithdrawal(h.Ctx, c.ID, first, registry.WithdrawalAnswer{On: d("2024-03-21"), Reason: "debts to the cooperative"})
	require.NoError(t, err)
	m, _ = c.Member(first)
	assert.True(t, m.LeftOn.IsZero())
	assert.Equal(t, "refused", m.Withdrawal.Answer)

	// A request received after 31 October takes effect at the end of the
	// next year; an answer after 20 days is too late: silence accepted it.
	h.SetToday(d("2024-12-15"))
	second := c.Members[5].ID
	c, err = h.Reg.RequestWithdrawal(h.Ctx, c.ID, second, registry.WithdrawalInput{Received: d("2024-11-02")})
	require.NoError(t, err)
	m, _ = c.Member(second)
	assert.Equal(t, d("2026-01-01"), m.LeftOn)
	_, err = h.Reg.AnswerWithdrawal(h.Ctx, c.ID, second, registry.WithdrawalAnswer{On: d("2024-11-23"), Reason: "too late"})
	CheckCode(t, err, coop.FailedPrecondition)
	_, err = h.Reg.AnswerWithdrawal(h.Ctx, c.ID, c.Members[2].ID, registry.WithdrawalAnswer{On: d("2024-11-23"), Accept: true})
	CheckCode(t, err, coop.FailedPrecondition) // nothing pending
}

func testExclusionTransfer(h *Harness) {
	t := h.T
	c := h.Register("Exclusions", d("2024-01-10"), 7)
	_, err := h.Reg.ExcludeMember(h.Ctx, c.ID, c.Members[6].ID, registry.Exclusion{On: d("2024-02-01"), Reason: "breach", Votes: coop.Votes{For: 3, Against: 2}})
	CheckCode(t, err, coop.FailedPrecondition) // 3 of 5 is less than two thirds
	c, err = h.Reg.ExcludeMember(h.Ctx, c.ID, c.Members[6].ID, registry.Exclusion{On: d("2024-02-01"), Reason: "breach", Votes: coop.Votes{For: 4, Against: 2}})
	require.NoError(t, err)
	assert.Equal(t, coop.Exclusion, c.Members[6].ExitReason)
	_, err = h.Reg.PayShares(h.Ctx, c.ID, c.Members[6].ID, registry.Payment{On: d("2024-02-02"), Amount: mad("10")})
	CheckCode(t, err, coop.FailedPrecondition) // no longer a member

	// Transfer 2 of 5 shares; then all the rest, and the transferor leaves.
	from, to := c.Members[0].ID, c.Members[1].ID
	c, err = h.Reg.TransferShares(h.Ctx, c.ID, from, to, registry.Transfer{On: d("2024-03-01"), Shares: 2})
	require.NoError(t, err)
	f, _ := c.Member(from)
	g, _ := c.Member(to)
	assert.Equal(t, 3, f.CapitalAt(Today).Shares)
	assert.Equal(t, 7, g.CapitalAt(Today).Shares)
	assert.True(t, g.CapitalAt(Today).Subscribed.Equal(mad("700")))
	_, err = h.Reg.TransferShares(h.Ctx, c.ID, from, to, registry.Transfer{On: d("2024-03-02"), Shares: 4})
	CheckCode(t, err, coop.Invalid)
	c, err = h.Reg.TransferShares(h.Ctx, c.ID, from, to, registry.Transfer{On: d("2024-03-02"), Shares: 3})
	require.NoError(t, err)
	f, _ = c.Member(from)
	assert.Equal(t, coop.TransferredOut, f.ExitReason)
	assert.Equal(t, d("2024-03-02"), f.LeftOn)

	c, err = h.Reg.RecordDeparture(h.Ctx, c.ID, c.Members[2].ID, registry.Departure{On: d("2024-04-01"), Reason: coop.Death})
	require.NoError(t, err)
	assert.Equal(t, coop.Death, c.Members[2].ExitReason)
	_, err = h.Reg.RecordDeparture(h.Ctx, c.ID, c.Members[3].ID, registry.Departure{On: d("2024-04-01"), Reason: coop.Exclusion})
	CheckCode(t, err, coop.Invalid)
}

func testGovernance(h *Harness) {
	t := h.T
	c := h.Register("Gouvernance", d("2024-01-10"), 10)
	_, err := h.Reg.HoldAssembly(h.Ctx, c.ID, registry.AssemblyInput{Assembly: coop.Assembly{Kind: coop.Ordinary, Date: d("2024-05-01"), Call: 1, Present: 4}})
	CheckCode(t, err, coop.FailedPrecondition) // quorum of 5 on the first call
	c, err = h.Reg.HoldAssembly(h.Ctx, c.ID, registry.AssemblyInput{Assembly: coop.Assembly{Kind: coop.Ordinary, Date: d("2024-05-01"), Call: 2, Present: 3,
		Resolutions: []coop.Resolution{{Subject: "accounts 2023", Votes: coop.Votes{For: 2, Against: 1}}}}})
	require.NoError(t, err)
	require.Len(t, c.Assemblies, 1)
	assert.Equal(t, 10, c.Assemblies[0].Members)
	assert.True(t, c.Assemblies[0].Resolutions[0].Adopted)

	_, err = h.Reg.ElectBoard(h.Ctx, c.ID, registry.Officers{On: d("2024-05-01"), Officers: []coop.Officer{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}}})
	CheckCode(t, err, coop.Invalid)
	c, err = h.Reg.ElectBoard(h.Ctx, c.ID, registry.Officers{On: d("2024-05-01"), Officers: []coop.Officer{{Name: "A", Role: "president"}, {Name: "B"}, {Name: "C"}}})
	require.NoError(t, err)
	assert.Equal(t, "board", c.Governance.Mode())
	assert.Equal(t, "managers", c.Governance.ModeAt(d("2024-04-30")))

	c, err = h.Reg.AppointAuditor(h.Ctx, c.ID, registry.AuditorInput{On: d("2024-05-02"), Auditor: coop.Auditor{Name: "Fiduciaire Atlas", TermYears: 3}})
	require.NoError(t, err)
	assert.Equal(t, "Fiduciaire Atlas", c.Governance.Auditor.Name)

	_, err = h.Reg.AmendStatutes(h.Ctx, c.ID, registry.Amendment{On: d("2024-06-01"), Statutes: coop.Statutes{DurationYears: 50, ShareNominal: mad("100")}, Votes: coop.Votes{For: 5, Against: 3}})
	CheckCode(t, err, coop.FailedPrecondition)
	c, err = h.Reg.AmendStatutes(h.Ctx, c.ID, registry.Amendment{On: d("2024-06-01"), Statutes: coop.Statutes{DurationYears: 50, ShareNominal: mad("100")}, Votes: coop.Votes{For: 6, Against: 3}})
	require.NoError(t, err)
	assert.Equal(t, 50, c.Statutes.DurationYears)
	_, err = h.Reg.AmendStatutes(h.Ctx, c.ID, registry.Amendment{On: d("2024-06-01"), Statutes: coop.Statutes{DurationYears: 120, ShareNominal: mad("100")}, Votes: coop.Votes{For: 9}})
	CheckCode(t, err, coop.Invalid)

	c, err = h.Reg.ChangeSeat(h.Ctx, c.ID, registry.SeatChange{On: d("2024-06-10"), Province: "MA-MEK", Commune: "Ouislane", Votes: coop.Votes{For: 8, Against: 1}})
	require.NoError(t, err)
	assert.Equal(t, coop.ProvinceCode("MA-MEK"), c.Province)

	c, err = h.Reg.ReportTurnover(h.Ctx, c.ID, registry.TurnoverInput{On: d("2024-06-15"), Year: 2024, Amount: "1000"})
	CheckCode(t, err, coop.Invalid) // 2024 is not closed
	_ = c
}

func testLifecycle(h *Harness) {
	t := h.T
	c := h.Register("Cycle", d("2020-03-01"), 5)
	_, err := h.Reg.StrikeOff(h.Ctx, c.ID, registry.StatusChange{On: d("2024-01-01"), Reason: "3-years-after-dissolution"})
	CheckCode(t, err, coop.FailedPrecondition)
	_, err = h.Reg.Dissolve(h.Ctx, c.ID, registry.StatusChange{On: d("2021-01-01"), Reason: "EGM", Votes: &coop.Votes{For: 1, Against: 1}})
	CheckCode(t, err, coop.FailedPrecondition)
	c, err = h.Reg.Dissolve(h.Ctx, c.ID, registry.StatusChange{On: d("2021-01-01"), Reason: "EGM of 2021-01-01", Votes: &coop.Votes{For: 4, Against: 1}})
	require.NoError(t, err)
	assert.Equal(t, coop.Dissolved, c.Status)
	_, err = h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: d("2021-02-01"), AdmittedBy: "OGM",
		Member: coop.Member{Type: coop.Natural, Name: "Late"}, Shares: 1, Amount: mad("100"), Paid: mad("100")})
	CheckCode(t, err, coop.FailedPrecondition)
	_, err = h.Reg.Dissolve(h.Ctx, c.ID, registry.StatusChange{On: d("2021-02-01"), Reason: "again"})
	CheckCode(t, err, coop.FailedPrecondition)
	c, err = h.Reg.OpenLiquidation(h.Ctx, c.ID, registry.StatusChange{On: d("2021-03-01"), Liquidator: "Me Bennani"})
	require.NoError(t, err)
	assert.Equal(t, "Me Bennani", c.Liquidator)
	_, err = h.Reg.StrikeOff(h.Ctx, c.ID, registry.StatusChange{On: d("2022-01-01"), Reason: "bored"})
	CheckCode(t, err, coop.Invalid)
	c, err = h.Reg.StrikeOff(h.Ctx, c.ID, registry.StatusChange{On: d("2022-01-01"), Reason: "liquidation-closed"})
	require.NoError(t, err)
	assert.Equal(t, coop.StruckOff, c.Status)
	_, err = h.Reg.OpenLiquidation(h.Ctx, c.ID, registry.StatusChange{On: d("2022-02-01"), Liquidator: "X"})
	CheckCode(t, err, coop.FailedPrecondition)
	j, err := h.Reg.Journal(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, registry.EntryRemoval, j[len(j)-1].Kind)
}

func testJournal(h *Harness) {
	t := h.T
	c := h.Register("Journal", d("2024-01-10"), 5)
	c, err := h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: d("2024-06-20"), AdmittedBy: "OGM 2024-06-20",
		Member: coop.Member{Type: coop.Natural, Name: "Recent"}, Shares: 1, Amount: mad("100"), Paid: mad("100")})
	require.NoError(t, err)
	// Recorded today but effective 2 months ago: late (art. 12).
	c, err = h.Reg.ChangeSeat(h.Ctx, c.ID, registry.SeatChange{On: d("2024-04-30"), Province: "MA-HAJ", Votes: coop.Votes{For: 5}})
	require.NoError(t, err)
	j, err := h.Reg.Journal(h.Ctx, c.ID)
	require.NoError(t, err)
	require.Len(t, j, 3)
	for i, e := range j {
		assert.Equal(t, i+1, e.Seq)
	}
	assert.Equal(t, registry.ChangeMemberAdmitted, j[1].Change.Kind())
	assert.False(t, j[1].Late)
	assert.True(t, j[2].Late)
	assert.Equal(t, d("2024-04-30"), j[2].Effective)

	// The state at past dates, applying changes in order of effect.
	at := func(s string) coop.Cooperative {
		x, err := h.Reg.StateAt(h.Ctx, c.ID, d(s))
		require.NoError(t, err)
		return x
	}
	before := at("2024-04-29")
	assert.Equal(t, coop.ProvinceCode("MA-IFR"), before.Province)
	assert.Len(t, before.Members, 5)
	mid := at("2024-05-01")
	assert.Equal(t, coop.ProvinceCode("MA-HAJ"), mid.Province)
	assert.Len(t, mid.Members, 5)
	now := at("2024-06-30")
	assert.Len(t, now.Members, 6)
	assert.Equal(t, c.RegistrationNumber, now.RegistrationNumber)
	_, err = h.Reg.StateAt(h.Ctx, c.ID, d("2024-01-09"))
	CheckCode(t, err, coop.NotFound)
}

func testRollback(h *Harness) {
	t := h.T
	c := h.Register("Rollback", Today, 5)
	boom := errors.New("boom")
	err := h.Store.Write(h.Ctx, func(tx registry.Tx) error {
		cs, err := tx.Lock(c.ID)
		require.NoError(t, err)
		x := cs[0].Clone()
		x.Name, x.Members, x.Version = "changed", nil, cs[0].Version+1
		require.NoError(t, tx.Put(x, registry.Entry{Seq: int(x.Version), Kind: registry.EntryModification, Effective: Today,
			Recorded: Today.Time(), Change: registry.StatutesAmended{Statutes: x.Statutes}}))
		return boom
	})
	require.ErrorIs(t, err, boom, "Write returns fn's error as it is")
	got, err := h.Reg.Get(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, "Rollback", got.Name)
	assert.Len(t, got.Members, 5)
	assert.Equal(t, int64(1), got.Version)
	assert.Equal(t, 1, journalLen(h, c.ID))

	// Put needs the cooperative locked by the transaction.
	err = h.Store.Write(h.Ctx, func(tx registry.Tx) error {
		return tx.Put(got, registry.Entry{Seq: 2, Kind: registry.EntryModification, Effective: Today, Change: registry.StatutesAmended{}})
	})
	require.Error(t, err)
	assert.Equal(t, 1, journalLen(h, c.ID))
}

func testStaleVersion(h *Harness) {
	t := h.T
	c := h.Register("Versions", Today, 5)
	c2, err := h.Reg.PayShares(h.Ctx, c.ID, c.Members[0].ID, registry.Payment{On: Today, Amount: mad("10")}, registry.IfVersion(c.Version))
	require.NoError(t, err)
	assert.Equal(t, c.Version+1, c2.Version)
	_, err = h.Reg.PayShares(h.Ctx, c.ID, c.Members[0].ID, registry.Payment{On: Today, Amount: mad("10")}, registry.IfVersion(c.Version))
	CheckCode(t, err, coop.Conflict)
	var e *coop.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, "version", e.Fields[0].Field)
	got, _ := h.Reg.Get(h.Ctx, c.ID)
	assert.Equal(t, c2.Version, got.Version)
}

func testConcurrent(h *Harness) {
	t := h.T
	c := h.Register("Concurrence", Today, 5)
	const workers, each = 5, 10
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(m uuid.UUID) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				if _, err := h.Reg.PayShares(h.Ctx, c.ID, m, registry.Payment{On: Today, Amount: mad("5")}); err != nil {
					t.Error(err)
					return
				}
			}
		}(c.Members[w].ID)
	}
	wg.Wait()
	got, err := h.Reg.Get(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, int64(1+workers*each), got.Version)
	_, paid := got.CapitalAt(Today)
	assert.True(t, paid.Equal(mad("1500")), "no payment lost: %s", paid)
	j, _ := h.Reg.Journal(h.Ctx, c.ID)
	assert.Len(t, j, 1+workers*each)
}

// seed imports n cooperatives across provinces, sectors and dates.
func seed(h *Harness, n int) []coop.Cooperative {
	provinces := []coop.ProvinceCode{"MA-MEK", "MA-MID", "MA-KHN", "MA-CAS", "MA-NOU", "MA-IFR", "MA-RAB"}
	sectors := []coop.Sector{coop.Agriculture, coop.Handicraft, coop.Housing}
	names := []string{"Assafa", "Tawada", "Nour", "Amal", "Baraka", "Ténéré", "Izourane", "Tifaout", "Afrah", "Annahda", "Essalam"}
	var out []coop.Cooperative
	for i := 0; i < n; i++ {
		c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
			Name:               fmt.Sprintf("Coopérative %s %d", names[i%len(names)], i),
			RegistrationNumber: fmt.Sprintf("1/SEED/%d/%d", 2015+i%9, i+1),
			RegisteredOn:       d("2015-01-01").AddDays((i * 113) % 3400), Province: provinces[i%len(provinces)], Sector: sectors[i%len(sectors)],
			Court: "SEED"}
		if i%10 == 9 {
			c.RegisteredOn = out[i-1].RegisteredOn // ties are ordered by ID
		}
		if i%6 == 5 {
			c.Status, c.StatusSince = coop.Dissolved, c.RegisteredOn.AddDays(30)
		}
		for j := 0; j < 5; j++ {
			c.Members = append(c.Members, coop.Member{Type: coop.Natural, Name: fmt.Sprintf("M%d", j)})
		}
		got, err := h.Reg.ImportOne(h.Ctx, c)
		require.NoError(h.T, err)
		out = append(out, got)
	}
	return out
}

func testList(h *Harness) {
	t := h.T
	all := seed(h, 42)
	count := func(pred func(*coop.Cooperative) bool) int {
		n := 0
		for i := range all {
			if pred(&all[i]) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		name string
		f    registry.Filter
		want func(*coop.Cooperative) bool
	}{
		{"All", registry.Filter{}, func(*coop.Cooperative) bool { return true }},
		{"Province", registry.Filter{Province: "MA-MID"}, func(c *coop.Cooperative) bool { return c.Province == "MA-MID" }},
		{"Region", registry.Filter{Region: "MA-03"}, func(c *coop.Cooperative) bool { return c.Province.Region() == "MA-03" }},
		{"DelegationAcrossRegions", registry.Filter{Delegation: "meknes"}, func(c *coop.Cooperative) bool {
			return c.Province == "MA-MEK" || c.Province == "MA-MID" || c.Province == "MA-KHN" || c.Province == "MA-IFR"
		}},
		{"Sector", registry.Filter{Sector: coop.Handicraft}, func(c *coop.Cooperative) bool { return c.Sector == coop.Handicraft }},
		{"Status", registry.Filter{Status: coop.Dissolved}, func(c *coop.Cooperative) bool { return c.Status == coop.Dissolved }},
		{"Dates", registry.Filter{RegisteredFrom: d("2017-01-01"), RegisteredTo: d("2019-12-31")}, func(c *coop.Cooperative) bool {
			return !c.RegisteredOn.Before(d("2017-01-01")) && !c.RegisteredOn.After(d("2019-12-31"))
		}},
		{"NameIgnoresCaseAndAccents", registry.Filter{Name: "TENERE"}, func(c *coop.Cooperative) bool {
			return strings.Contains(coop.Fold(c.Name), "tenere")
		}},
		{"Combined", registry.Filter{Delegation: "meknes", Sector: coop.Agriculture, Status: coop.Active}, func(c *coop.Cooperative) bool {
			return c.Province.Delegation() == "meknes" && c.Sector == coop.Agriculture && c.Status == coop.Active
		}},
	}
	for _, tt := range tests {
		tt.f.Limit = registry.MaxLimit
		p, err := h.Reg.List(h.Ctx, tt.f)
		require.NoError(t, err, tt.name)
		want := count(tt.want)
		assert.Equal(t, want, p.Total, tt.name)
		assert.Len(t, p.Items, want, tt.name)
		assert.True(t, slices.IsSortedFunc(p.Items, listOrder), tt.name)
	}
	bad := []registry.Filter{{Province: "MA-XXX"}, {Region: "MA-13"}, {Delegation: "paris"}, {Sector: "x"}, {Status: "asleep"},
		{Limit: -1}, {Limit: registry.MaxLimit + 1}, {Cursor: "%%%"}, {RegisteredFrom: d("2020-01-01"), RegisteredTo: d("2019-01-01")}}
	for _, f := range bad {
		_, err := h.Reg.List(h.Ctx, f)
		CheckCode(t, err, coop.Invalid)
	}
}

func listOrder(a, b coop.Cooperative) int {
	if c := a.RegisteredOn.Compare(b.RegisteredOn); c != 0 {
		return c
	}
	return compareStrings(a.ID.String(), b.ID.String())
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func testListPages(h *Harness) {
	t := h.T
	all := seed(h, 37)
	slices.SortFunc(all, listOrder)
	var got []coop.Cooperative
	f := registry.Filter{Limit: 10}
	pages := 0
	for {
		p, err := h.Reg.List(h.Ctx, f)
		require.NoError(t, err)
		assert.Equal(t, 37, p.Total)
		got = append(got, p.Items...)
		pages++
		if p.Next == "" {
			break
		}
		f.Cursor = p.Next
	}
	assert.Equal(t, 4, pages)
	require.Len(t, got, 37)
	for i := range all {
		assert.Equal(t, all[i].ID, got[i].ID, "item %d", i)
	}
	// A cursor stays valid when cooperatives are added before it.
	p1, err := h.Reg.List(h.Ctx, registry.Filter{Limit: 5})
	require.NoError(t, err)
	h.Register("Earliest", d("2024-06-01"), 5)
	p2, err := h.Reg.List(h.Ctx, registry.Filter{Limit: 5, Cursor: p1.Next})
	require.NoError(t, err)
	assert.Equal(t, all[5].ID, p2.Items[0].ID)
	assert.Equal(t, 38, p2.Total)
}

func testAll(h *Harness) {
	t := h.T
	all := seed(h, 25)
	slices.SortFunc(all, listOrder)
	var ids []uuid.UUID
	for c, err := range h.Reg.All(h.Ctx) {
		require.NoError(t, err)
		ids = append(ids, c.ID)
	}
	require.Len(t, ids, 25)
	for i := range all {
		assert.Equal(t, all[i].ID, ids[i])
	}
	var err error
	n := 0
	for range h.Reg.Cooperatives(h.Ctx, &err) {
		n++
		if n == 3 {
			break
		}
	}
	require.NoError(t, err)
	assert.Equal(t, 3, n)
}

func testImport(h *Harness) {
	t := h.T
	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law2483, ConformedOn: d("2019-06-20"),
		Name: "Coopérative Ittihad", RegistrationNumber: "1/IFR/2024/1", RegisteredOn: d("1998-11-05"), Province: "MA-IFR", Court: "IFR",
		Members: []coop.Member{{Type: coop.Natural, Name: "Fatima", Shares: []coop.ShareMovement{{Kind: coop.Subscription, On: d("1998-11-05"),
			Shares: 10, Amount: mad("1000"), Paid: decimal.NewNullDecimal(mad("1000"))}}}}}
	got, err := h.Reg.ImportOne(h.Ctx, c)
	require.NoError(t, err)
	assert.Equal(t, "1/IFR/2024/1", got.RegistrationNumber)
	assert.Equal(t, d("1998-11-05"), got.RegisteredOn)
	assert.NotEqual(t, uuid.Nil, got.Members[0].ID)
	j, _ := h.Reg.Journal(h.Ctx, got.ID)
	require.Len(t, j, 1)
	assert.Equal(t, registry.ChangeImported, j[0].Change.Kind())

	// The name and the number are taken.
	dup := c
	dup.ID, dup.RegistrationNumber = uuid.Nil, "1/IFR/1999/7"
	_, err = h.Reg.ImportOne(h.Ctx, dup)
	CheckCode(t, err, coop.Conflict)
	dup.Name, dup.RegistrationNumber = "Autre", "1/IFR/2024/1"
	_, err = h.Reg.ImportOne(h.Ctx, dup)
	CheckCode(t, err, coop.Conflict)
	// A refused import gives its name back.
	dup.RegistrationNumber = "1/IFR/1999/8"
	_, err = h.Reg.ImportOne(h.Ctx, dup)
	require.NoError(t, err)

	// A new registration at the same court in 2024 skips the imported number.
	n := h.Register("Nouvelle", Today, 5)
	assert.Equal(t, "1/IFR/2024/2", n.RegistrationNumber)

	bad := c
	bad.ID, bad.Name, bad.RegistrationNumber, bad.Province = uuid.Nil, "Bad", "1/X/1/1", "MA-XXX"
	_, err = h.Reg.ImportOne(h.Ctx, bad)
	CheckCode(t, err, coop.Invalid)
}

// testReadModel shows that the registry's read model is the store's state:
// built whole once, shared while nothing commits, then kept current change
// by change, at every commit's position, equal to a model built afresh,
// and followed by a second registry over the same store.
// testSeatAtADate: the register, its filter and the read model at a date
// before a move place the cooperative at its old seat (arts. 5, 12).
func testSeatAtADate(h *Harness) {
	t := h.T
	c := h.Register("Siège", d("2020-03-01"), 5)
	from := c.Province
	require.NotEqual(t, coop.ProvinceCode("MA-ESI"), from)
	c, err := h.Reg.ChangeSeat(h.Ctx, c.ID, registry.SeatChange{On: d("2024-05-01"), Province: "MA-ESI", Commune: "Essaouira", Votes: coop.Votes{For: 5}})
	require.NoError(t, err)
	require.Equal(t, []coop.PreviousSeat{{Province: from, Commune: c.PreviousSeats[0].Commune, MovedOn: d("2024-05-01")}}, c.PreviousSeats)
	oldCommune := c.PreviousSeats[0].Commune
	require.NotEmpty(t, oldCommune)
	got, err := h.Reg.Get(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, c.PreviousSeats, got.PreviousSeats, "the store keeps the previous seats")
	then, err := h.Reg.StateAt(h.Ctx, c.ID, d("2024-04-30"))
	require.NoError(t, err)
	assert.Equal(t, from, then.Province)

	m, err := h.Reg.ReadModel(h.Ctx)
	require.NoError(t, err)
	fresh, err := readmodel.Build(h.Ctx, h.Reg.Cooperatives(h.Ctx, &err))
	require.NoError(t, err)
	assert.Empty(t, m.Diff(fresh, 5), "the model kept current holds the previous seat as a fresh one does")
	for _, tc := range []struct {
		at       string
		province coop.ProvinceCode
		commune  string
	}{
		{"2024-04-30", from, oldCommune},
		{"2024-05-01", "MA-ESI", "Essaouira"},
	} {
		assert.Equal(t, tc.province, m.ProvinceAt(0, d(tc.at)), tc.at)
		for _, f := range []registry.Filter{{}, {Province: tc.province}} {
			var b strings.Builder
			require.NoError(t, h.Reg.ExportCSV(h.Ctx, &b, f, d(tc.at)))
			cs, err := registry.ReadRegisterCSV(strings.NewReader(b.String()), "export.csv")
			require.NoError(t, err)
			require.Len(t, cs, 1, "%s %+v", tc.at, f)
			assert.Equal(t, tc.province, cs[0].Province, tc.at)
			assert.Equal(t, tc.commune, cs[0].Commune, tc.at)
		}
		var b strings.Builder
		other := coop.ProvinceCode("MA-ESI")
		if tc.province == other {
			other = from
		}
		require.NoError(t, h.Reg.ExportCSV(h.Ctx, &b, registry.Filter{Province: other}, d(tc.at)))
		assert.Equal(t, 1, strings.Count(b.String(), "\n"), "%s: only the header under %s", tc.at, other)
	}
}

// testImportClash: a register file whose registration numbers the
// registry holds is refused whole, with each number at its line and the
// cooperative that holds it.
func testImportClash(h *Harness) {
	t := h.T
	a := h.Register("Premier dépôt", d("2021-03-01"), 5)
	b := h.Register("Second dépôt", d("2022-03-01"), 6)
	var file strings.Builder
	require.NoError(t, h.Reg.ExportCSV(h.Ctx, &file, registry.Filter{}, Today))
	before, err := h.Reg.List(h.Ctx, registry.Filter{})
	require.NoError(t, err)

	rep, err := h.Reg.ImportRegister(h.Ctx, strings.NewReader(file.String()), "depot.csv", nil)
	CheckCode(t, err, coop.Conflict)
	assert.Zero(t, rep.Imported)
	var e *coop.Error
	require.ErrorAs(t, err, &e)
	require.Len(t, e.Fields, 2, "%v", e.Fields)
	for i, c := range []coop.Cooperative{a, b} {
		f := e.Fields[i]
		assert.Equal(t, "registration_number", f.Field)
		assert.Equal(t, "registered", f.Rule)
		assert.Equal(t, c.Name, f.Param, "the cooperative holding the number")
		assert.Equal(t, fmt.Sprintf("depot.csv:%d:1", 2+i*5), f.Source, "%s: its first line", c.Name)
		assert.Contains(t, f.Message, c.RegistrationNumber)
		assert.Contains(t, f.Message, c.ID.String())
	}
	after, err := h.Reg.List(h.Ctx, registry.Filter{})
	require.NoError(t, err)
	assert.Equal(t, before.Total, after.Total, "nothing is stored")
}

func testReadModel(h *Harness) {
	t := h.T
	c := h.Register("Modèle", d("2024-01-10"), 5)
	m, err := h.Reg.ReadModel(h.Ctx)
	require.NoError(t, err)
	require.Equal(t, 1, m.Len())
	again, err := h.Reg.ReadModel(h.Ctx)
	require.NoError(t, err)
	assert.Same(t, m, again, "nothing committed: the same model")
	n, _ := m.MembersAt(m.Coop(0), Today)
	assert.Equal(t, 5, n)
	pos, err := h.Reg.Position(h.Ctx)
	require.NoError(t, err)
	assert.Equal(t, pos, m.Version(), "the model is at the store's last commit")

	_, err = h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: Today, AdmittedBy: "OGM",
		Member: coop.Member{Type: coop.Natural, Name: "Nadia", Gender: coop.Female}, Shares: 1, Amount: mad("100"), Paid: mad("100")})
	require.NoError(t, err)
	after, err := h.Reg.ReadModel(h.Ctx)
	require.NoError(t, err)
	assert.NotSame(t, m, after, "a commit makes the next model anew")
	assert.Greater(t, after.Version(), m.Version())
	n, _ = after.MembersAt(after.Coop(0), Today)
	assert.Equal(t, 6, n)
	n, _ = m.MembersAt(m.Coop(0), Today)
	assert.Equal(t, 5, n, "a model once returned never changes")
	assert.Equal(t, c.ID, after.ID(0))

	h.Register("Second", d("2024-02-10"), 7)
	after, err = h.Reg.ReadModel(h.Ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, after.Len())

	// A load adds to the model, whether or not it copies what it loads.
	_, err = h.Reg.Import(h.Ctx, slices.Values(historical("Modèle", 40)))
	require.NoError(t, err)
	loaded, err := h.Reg.ReadModel(h.Ctx)
	require.NoError(t, err)
	assert.Equal(t, 42, loaded.Len())
	more := historical("Modèle suite", 80)[40:]
	_, err = h.Reg.ImportOwned(h.Ctx, slices.Values(more))
	require.NoError(t, err)
	loaded, err = h.Reg.ReadModel(h.Ctx)
	require.NoError(t, err)
	assert.Equal(t, 82, loaded.Len())
	members := 0
	for i := range loaded.Len() {
		members += len(loaded.Members(loaded.Coop(i)))
	}
	assert.Equal(t, loaded.Size().Members, members)
	assert.Empty(t, loaded.Diff(fresh(h), 5), "kept current, the model is the one built afresh")
	assert.EqualValues(t, 1, h.Reg.ModelBuilds(), "the commits were applied, not rebuilt")

	// A second registry over the store follows the first one's commits.
	other := h.Over(h.Store)
	ctx, cancel := context.WithCancel(h.Ctx)
	followed := make(chan error, 1)
	go func() { followed <- other.Follow(ctx, nil) }()
	defer func() {
		cancel()
		assert.ErrorIs(t, <-followed, context.Canceled)
	}()
	_, err = h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: Today, AdmittedBy: "OGM",
		Member: coop.Member{Type: coop.Natural, Name: "Samira", Gender: coop.Female}, Shares: 1, Amount: mad("100"), Paid: mad("100")})
	require.NoError(t, err)
	h.Register("Troisième", d("2024-03-10"), 9)
	pos, err = h.Reg.Position(h.Ctx)
	require.NoError(t, err)
	wait, stop := context.WithTimeout(h.Ctx, 5*time.Second)
	defer stop()
	seen, err := other.WaitModel(wait, pos)
	require.NoError(t, err, "the follower reaches the writer's last commit")
	mine, err := h.Reg.ReadModel(h.Ctx)
	require.NoError(t, err)
	assert.Equal(t, mine.Version(), seen.Version())
	assert.Equal(t, 83, seen.Len())
	assert.Empty(t, seen.Diff(mine, 5))
	assert.Empty(t, seen.Diff(fresh(h), 5))
}

// fresh builds a read model afresh from every cooperative of the harness's
// registry.
func fresh(h *Harness) *readmodel.Model {
	var cs []coop.Cooperative
	for c, err := range h.Reg.All(h.Ctx) {
		require.NoError(h.T, err)
		cs = append(cs, c)
	}
	m, err := readmodel.FromCooperatives(cs)
	require.NoError(h.T, err)
	return m
}
