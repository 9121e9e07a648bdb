package registrytest

import (
	"slices"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// testChangeKinds records every kind of change the journal knows, and after
// each write checks that the state written, the state read back and the
// journal replayed by StateAt are the same cooperative. At the end, every
// kind of registry.ChangeKinds was journaled, and no state read along the
// way was changed by a later write.
func testChangeKinds(h *Harness) {
	t := h.T
	var snapshots []coop.Cooperative
	var frozen []string
	check := func(c coop.Cooperative, err error) coop.Cooperative {
		t.Helper()
		require.NoError(t, err)
		got, err := h.Reg.Get(h.Ctx, c.ID)
		require.NoError(t, err)
		want := asJSON(t, c)
		assert.Equal(t, want, asJSON(t, got), "read back as written")
		replayed, err := h.Reg.StateAt(h.Ctx, c.ID, Today)
		require.NoError(t, err)
		assert.Equal(t, want, asJSON(t, replayed), "the journal replays to the state")
		snapshots, frozen = append(snapshots, c), append(frozen, want)
		return c
	}

	// A cooperative of 9 founders through the member register.
	ap := h.Approve("Coopérative Rejouée", d("2022-01-10"))
	a := check(h.Reg.Register(h.Ctx, Registration(ap.ID, d("2022-01-10"), 9)))
	f := func(i int) uuid.UUID { return a.Members[i].ID }
	a = check(h.Reg.AdmitMember(h.Ctx, a.ID, registry.Admission{On: d("2023-02-01"), AdmittedBy: "OGM 2023-02-01",
		Member: coop.Member{Type: coop.Natural, Name: "Dixième", Gender: coop.Female, BirthDate: d("2001-05-05")}, Shares: 2, Amount: mad("200"), Paid: mad("200")}))
	a = check(h.Reg.SubscribeShares(h.Ctx, a.ID, f(1), registry.Subscription{On: d("2023-02-02"), Shares: 1, Amount: mad("100"), Paid: mad("100")}))
	a = check(h.Reg.PayShares(h.Ctx, a.ID, f(0), registry.Payment{On: d("2023-02-03"), Amount: mad("100")}))
	a = check(h.Reg.RequestWithdrawal(h.Ctx, a.ID, f(6), registry.WithdrawalInput{Received: d("2023-02-04")}))
	a = check(h.Reg.AnswerWithdrawal(h.Ctx, a.ID, f(6), registry.WithdrawalAnswer{On: d("2023-02-10"), Reason: "debts to the cooperative"}))
	a = check(h.Reg.TransferShares(h.Ctx, a.ID, f(2), f(3), registry.Transfer{On: d("2023-02-11"), Shares: 2}))
	a = check(h.Reg.TransferShares(h.Ctx, a.ID, f(2), f(3), registry.Transfer{On: d("2023-02-12"), Shares: 3}))
	a = check(h.Reg.ExcludeMember(h.Ctx, a.ID, f(4), registry.Exclusion{On: d("2023-03-01"), Reason: "breach", Votes: coop.Votes{For: 6}}))
	a = check(h.Reg.RecordDeparture(h.Ctx, a.ID, f(5), registry.Departure{On: d("2023-03-02"), Reason: coop.Death}))
	n, _ := a.MembersAt(d("2023-04-01"))
	a = check(h.Reg.HoldAssembly(h.Ctx, a.ID, registry.AssemblyInput{Assembly: coop.Assembly{Kind: coop.Ordinary, Date: d("2023-04-01"), Call: 1, Present: n,
		Resolutions: []coop.Resolution{{Subject: "accounts 2022", Votes: coop.Votes{For: n}}}}}))

	// Governance, statutes, seat and accounts.
	a = check(h.Reg.ElectBoard(h.Ctx, a.ID, registry.Officers{On: d("2023-04-02"), Officers: []coop.Officer{
		{Name: "Amina", Role: "president", MemberID: f(0)}, {Name: "Khadija", MemberID: f(1)}, {Name: "Hind"}}}))
	a = check(h.Reg.AppointManagers(h.Ctx, a.ID, registry.Officers{On: d("2023-05-01"), Officers: []coop.Officer{{Name: "Saida", Role: "manager"}}}))
	a = check(h.Reg.AppointAuditor(h.Ctx, a.ID, registry.AuditorInput{On: d("2023-05-02"), Auditor: coop.Auditor{Name: "Fiduciaire Atlas", TermYears: 3}}))
	a = check(h.Reg.AmendStatutes(h.Ctx, a.ID, registry.Amendment{On: d("2023-05-03"), Votes: coop.Votes{For: 6},
		Statutes: coop.Statutes{DurationYears: 50, ShareNominal: mad("100"), MinSharesPerMember: 1, Purpose: "apiculture"}}))
	a = check(h.Reg.ChangeSeat(h.Ctx, a.ID, registry.SeatChange{On: d("2023-05-04"), Province: "MA-MEK", Commune: "Ouislane", Votes: coop.Votes{For: 6}}))
	a = check(h.Reg.ReportTurnover(h.Ctx, a.ID, registry.TurnoverInput{On: d("2023-06-01"), Year: 2022, Amount: "120000.50"}))

	// Programmes, support, labels and groupings.
	a = check(h.Reg.Select(h.Ctx, a.ID, registry.SelectionInput{Selection: coop.Selection{Program: "mourafaka", Call: "mourafaka-t4", SelectedOn: d("2023-06-02")}}))
	rec, err := h.Reg.RecordSupport(h.Ctx, registry.SupportAction{Kind: coop.FinancialSupport, Title: "INDH", Start: d("2023-06-03"), Partners: []string{"INDH"},
		Reached: []registry.Participation{{CooperativeID: a.ID, People: 3, Women: 2, Financing: &coop.Financing{Funder: "INDH", Amount: mad("60000"), Cost: mad("100000")}}}})
	require.NoError(t, err)
	a = check(rec.Cooperatives[0], nil)
	a = check(h.Reg.AwardLabel(h.Ctx, a.ID, registry.LabelInput{Label: coop.Label{Kind: coop.ONSSAApproval, Name: "Agrément", Issuer: "ONSSA",
		Number: "AS.10.1", Products: []string{"miel"}, ValidFrom: d("2023-06-04"), ValidUntil: d("2026-06-03")}}))
	a = check(h.Reg.AwardLabel(h.Ctx, a.ID, registry.LabelInput{Label: coop.Label{Kind: coop.CollectiveLabel, Name: "Terroir du Maroc", Issuer: "MAPMDREF",
		ValidFrom: d("2023-06-05")}}))
	a = check(h.Reg.SuspendLabel(h.Ctx, a.ID, a.Labels[0].ID, registry.LabelChange{On: d("2023-06-06"), Until: d("2023-07-01"), Reason: "inspection"}))
	a = check(h.Reg.WithdrawLabel(h.Ctx, a.ID, a.Labels[1].ID, registry.LabelChange{On: d("2023-06-07"), Reason: "not renewed"}))
	a = check(h.Reg.JoinGrouping(h.Ctx, a.ID, registry.GroupingInput{Grouping: coop.Grouping{Kind: coop.EIGGrouping, Name: "GIE Miel", From: d("2023-06-08")}}))
	a = check(h.Reg.LeaveGrouping(h.Ctx, a.ID, a.Groupings[0].ID, d("2023-07-01")))

	// A union admits the cooperative, which then leaves it: both sides.
	u := h.RegisterUnion("Union Rejouée", d("2023-01-10"))
	u = check(h.Reg.JoinUnion(h.Ctx, u.ID, registry.UnionMembership{CooperativeID: a.ID, On: d("2023-08-01"), AdmittedBy: "EGM 2023-08-01",
		Shares: 5, Amount: mad("500"), Paid: mad("500")}))
	a = check(h.Reg.Get(h.Ctx, a.ID))
	a = check(h.Reg.LeaveGrouping(h.Ctx, a.ID, a.Groupings[1].ID, d("2023-09-01")))
	check(h.Reg.Get(h.Ctx, u.ID))

	// The end of a cooperative's life, and a historical register imported.
	dp := h.Approve("Coopérative Dissoute", d("2020-01-10"))
	x := check(h.Reg.Register(h.Ctx, Registration(dp.ID, d("2020-01-10"), 5)))
	x = check(h.Reg.Dissolve(h.Ctx, x.ID, registry.StatusChange{On: d("2021-01-01"), Reason: "EGM of 2021-01-01", Votes: &coop.Votes{For: 4, Against: 1}}))
	x = check(h.Reg.OpenLiquidation(h.Ctx, x.ID, registry.StatusChange{On: d("2021-02-01"), Liquidator: "Me Bennani"}))
	check(h.Reg.StrikeOff(h.Ctx, x.ID, registry.StatusChange{On: d("2021-03-01"), Reason: "liquidation-closed"}))
	check(h.Reg.ImportOne(h.Ctx, coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law2483, ConformedOn: d("2019-06-20"),
		Name: "Coopérative Historique", RegistrationNumber: "1/IFR/1998/3", Court: "IFR", RegisteredOn: d("1998-11-05"), Province: "MA-IFR",
		Members: []coop.Member{{Type: coop.Natural, Name: "Fatima", Shares: []coop.ShareMovement{{Kind: coop.Subscription, On: d("1998-11-05"),
			Shares: 10, Amount: mad("1000"), Paid: decimal.NewNullDecimal(mad("1000"))}}}}}))

	// Every kind was journaled, and replayed above.
	seen := map[registry.ChangeKind]bool{}
	for _, c := range snapshots {
		j, err := h.Reg.Journal(h.Ctx, c.ID)
		require.NoError(t, err)
		for _, e := range j {
			seen[e.Change.Kind()] = true
		}
	}
	var kinds []registry.ChangeKind
	for k := range seen {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	assert.Equal(t, registry.ChangeKinds(), kinds, "every kind of change is journaled and replays")

	// No write changed a state read before it, and each is the state its
	// version names, rebuilt from the journal.
	for i, c := range snapshots {
		assert.Equal(t, frozen[i], asJSON(t, c), "snapshot %d of %s", i, c.Name)
		at, err := h.Reg.AtVersion(h.Ctx, c.ID, c.Version)
		require.NoError(t, err)
		assert.Equal(t, frozen[i], asJSON(t, at), "snapshot %d of %s at version %d", i, c.Name, c.Version)
	}
	for _, v := range []int64{0, a.Version + 1} {
		_, err := h.Reg.AtVersion(h.Ctx, a.ID, v)
		CheckCode(t, err, coop.NotFound)
	}
}
