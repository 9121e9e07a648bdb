package registrytest

import (
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

func journalLen(h *Harness, id uuid.UUID) int {
	h.T.Helper()
	j, err := h.Reg.Journal(h.Ctx, id)
	require.NoError(h.T, err)
	return len(j)
}

func testSupport(h *Harness) {
	t := h.T
	a := h.Register("Appui Un", d("2023-01-10"), 5)
	b := h.Register("Appui Deux", d("2023-01-10"), 5)
	c := h.Register("Appui Trois", d("2023-01-10"), 5)
	_, err := h.Reg.Select(h.Ctx, a.ID, registry.SelectionInput{Selection: coop.Selection{Program: "mourafaka", Call: "mourafaka-t4", SelectedOn: d("2023-03-01")}})
	require.NoError(t, err)
	_, err = h.Reg.Select(h.Ctx, a.ID, registry.SelectionInput{Selection: coop.Selection{Program: "mourafaka", Call: "mourafaka-t4", SelectedOn: d("2023-04-01")}})
	CheckCode(t, err, coop.FailedPrecondition)
	before := []int{journalLen(h, a.ID), journalLen(h, b.ID), journalLen(h, c.ID)}
	unchanged := func(why string) {
		assert.Equal(t, before, []int{journalLen(h, a.ID), journalLen(h, b.ID), journalLen(h, c.ID)}, why)
	}
	visit := func(on string, ids ...uuid.UUID) registry.SupportAction {
		act := registry.SupportAction{Kind: coop.CoachingVisit, Title: "Visite d'accompagnement", Start: d(on), Program: "mourafaka",
			Call: "mourafaka-t4", Operator: "UM6P"}
		for _, id := range ids {
			act.Reached = append(act.Reached, registry.Participation{CooperativeID: id, People: 3})
		}
		return act
	}
	// A visit before the selection, or to a cooperative not selected.
	_, err = h.Reg.RecordSupport(h.Ctx, visit("2023-02-28", a.ID))
	CheckCode(t, err, coop.FailedPrecondition)
	_, err = h.Reg.RecordSupport(h.Ctx, visit("2023-05-01", a.ID, b.ID))
	CheckCode(t, err, coop.FailedPrecondition)
	unchanged("a refused visit stores nothing, even for the cooperative that could have had it")

	training := registry.SupportAction{Kind: coop.Training, Title: "Gouvernance", Start: d("2023-04-12"), End: d("2023-04-13"),
		Delegation: "meknes", Partners: []string{"ONCA"}, Reached: []registry.Participation{
			{CooperativeID: a.ID, People: 2, Women: 1}, {CooperativeID: b.ID, People: 3, Women: 3, Youth: 1}, {CooperativeID: c.ID, People: 1}}}
	bad := []struct {
		name string
		edit func(*registry.SupportAction)
		code coop.Code
	}{
		{"FunderAbove100", func(s *registry.SupportAction) {
			s.Reached[0].Financing = &coop.Financing{Funder: "INDH", Amount: mad("100.01"), Cost: mad("100")}
		}, coop.Invalid},
		{"MoreWomenThanPeople", func(s *registry.SupportAction) { s.Reached[1].Women = 4 }, coop.Invalid},
		{"UnknownCooperative", func(s *registry.SupportAction) { s.Reached[2].CooperativeID = uuid.New() }, coop.NotFound},
		{"Twice", func(s *registry.SupportAction) { s.Reached[2].CooperativeID = a.ID }, coop.Invalid},
		{"EndsBeforeStart", func(s *registry.SupportAction) { s.End = d("2023-04-01") }, coop.Invalid},
		{"Future", func(s *registry.SupportAction) { s.Start = Today.AddDays(1) }, coop.Invalid},
		{"UnknownKind", func(s *registry.SupportAction) { s.Kind = "party" }, coop.Invalid},
		{"BeforeRegistration", func(s *registry.SupportAction) { s.Start = d("2022-12-01"); s.End = coop.Date{} }, coop.Invalid},
	}
	for _, tt := range bad {
		act := training
		act.Reached = append([]registry.Participation(nil), training.Reached...)
		tt.edit(&act)
		_, err := h.Reg.RecordSupport(h.Ctx, act)
		CheckCode(t, err, tt.code)
		unchanged(tt.name)
	}

	rec, err := h.Reg.RecordSupport(h.Ctx, training)
	require.NoError(t, err)
	require.Len(t, rec.Cooperatives, 3)
	for _, id := range []uuid.UUID{a.ID, b.ID, c.ID} {
		got, err := h.Reg.Get(h.Ctx, id)
		require.NoError(t, err)
		require.Len(t, got.Supports, 1)
		assert.Equal(t, rec.ActionID, got.Supports[0].ActionID)
		assert.Equal(t, []string{"ONCA"}, got.Supports[0].Partners)
	}
	got, _ := h.Reg.Get(h.Ctx, b.ID)
	assert.Equal(t, 3, got.Supports[0].Women)
	_, err = h.Reg.RecordSupport(h.Ctx, visit("2023-05-01", a.ID))
	require.NoError(t, err)
	grant := registry.SupportAction{Kind: coop.FinancialSupport, Title: "INDH", Start: d("2023-06-01"),
		Reached: []registry.Participation{{CooperativeID: c.ID, Financing: &coop.Financing{Funder: "INDH", Amount: mad("60000"), Cost: mad("100000")}}}}
	_, err = h.Reg.RecordSupport(h.Ctx, grant)
	require.NoError(t, err)
	got, _ = h.Reg.Get(h.Ctx, c.ID)
	require.NotNil(t, got.Supports[1].Financing)
	assert.Equal(t, "0.6", got.Supports[1].Financing.Share().String())

	past, err := h.Reg.StateAt(h.Ctx, a.ID, d("2023-04-11"))
	require.NoError(t, err)
	assert.Empty(t, past.Supports)
	assert.Len(t, past.Selections, 1)
	j, _ := h.Reg.Journal(h.Ctx, a.ID)
	assert.Equal(t, registry.ChangeSupportRecorded, j[len(j)-1].Change.Kind())
}

func testLabels(h *Harness) {
	t := h.T
	c := h.Register("Labels", d("2018-01-10"), 5)
	n := journalLen(h, c.ID)
	bad := []coop.Label{
		{Kind: coop.CollectiveLabel, Name: "Terroir du Maroc", Issuer: "Ministry", ValidFrom: d("2020-01-01"), ValidUntil: d("2019-12-31")},
		{Kind: coop.ONSSAApproval, Name: "ONSSA", Issuer: "ONSSA", ValidFrom: d("2020-01-01")},
		{Kind: "gold-star", Name: "X", Issuer: "Y", ValidFrom: d("2020-01-01")},
		{Kind: coop.TerritorialBrand, Name: "Elhajeb – Terroir", ValidFrom: d("2020-01-01")},
	}
	for _, l := range bad {
		_, err := h.Reg.AwardLabel(h.Ctx, c.ID, registry.LabelInput{Label: l})
		CheckCode(t, err, coop.Invalid)
	}
	assert.Equal(t, n, journalLen(h, c.ID), "refused labels store nothing")

	c, err := h.Reg.AwardLabel(h.Ctx, c.ID, registry.LabelInput{Label: coop.Label{Kind: coop.ONSSAApproval, Name: "Agrément sanitaire",
		Issuer: "ONSSA", Number: "AS.10.123.18", Products: []string{"harissa", "paprika"}, ValidFrom: d("2018-06-01"), ValidUntil: d("2025-05-31")}})
	require.NoError(t, err)
	require.Len(t, c.Labels, 1)
	l := c.Labels[0]
	assert.NotEqual(t, uuid.Nil, l.ID)
	assert.Equal(t, []string{"harissa", "paprika"}, l.Products)
	c, err = h.Reg.SuspendLabel(h.Ctx, c.ID, l.ID, registry.LabelChange{On: d("2023-02-01"), Until: d("2023-03-31"), Reason: "inspection"})
	require.NoError(t, err)
	c, err = h.Reg.WithdrawLabel(h.Ctx, c.ID, l.ID, registry.LabelChange{On: d("2024-01-15"), Reason: "closure of the unit"})
	require.NoError(t, err)
	_, err = h.Reg.WithdrawLabel(h.Ctx, c.ID, l.ID, registry.LabelChange{On: d("2024-02-15"), Reason: "again"})
	CheckCode(t, err, coop.FailedPrecondition)
	_, err = h.Reg.SuspendLabel(h.Ctx, c.ID, uuid.New(), registry.LabelChange{On: d("2024-02-15"), Reason: "x"})
	CheckCode(t, err, coop.NotFound)

	for _, at := range []struct {
		date string
		held bool
	}{{"2018-05-31", false}, {"2018-06-01", true}, {"2023-02-01", false}, {"2023-03-31", false}, {"2023-04-01", true}, {"2024-01-14", true}, {"2024-01-15", false}} {
		assert.Equal(t, at.held, len(c.LabelsAt(d(at.date))) == 1, at.date)
	}
	past, err := h.Reg.StateAt(h.Ctx, c.ID, d("2023-12-31"))
	require.NoError(t, err)
	require.Len(t, past.Labels, 1)
	assert.True(t, past.Labels[0].WithdrawnOn.IsZero(), "the withdrawal had not happened on 2023-12-31")
	assert.Len(t, past.LabelsAt(d("2023-12-31")), 1)
}

func testGroupings(h *Harness) {
	t := h.T
	union := h.RegisterUnion("Union Atlas", d("2022-01-10"))
	a := h.Register("Membre Un", d("2022-01-10"), 5)
	b := h.Register("Membre Deux", d("2022-01-10"), 5)
	n := journalLen(h, union.ID)
	join := func(unionID, member uuid.UUID) error {
		_, err := h.Reg.JoinUnion(h.Ctx, unionID, registry.UnionMembership{CooperativeID: member, On: d("2023-03-01"),
			AdmittedBy: "EGM 2023-03-01", Shares: 5, Amount: mad("500"), Paid: mad("500")})
		return err
	}
	CheckCode(t, join(a.ID, b.ID), coop.Invalid)            // a is not a union
	CheckCode(t, join(union.ID, union.ID), coop.Invalid)    // a union is not a member cooperative
	CheckCode(t, join(union.ID, uuid.New()), coop.NotFound) // not a registered cooperative
	assert.Equal(t, n, journalLen(h, union.ID))

	require.NoError(t, join(union.ID, a.ID))
	CheckCode(t, join(union.ID, a.ID), coop.FailedPrecondition)
	u, _ := h.Reg.Get(h.Ctx, union.ID)
	m := u.Members[len(u.Members)-1]
	assert.Equal(t, coop.MemberCooperative, m.Type)
	assert.Equal(t, a.ID, m.CooperativeID)
	got, _ := h.Reg.Get(h.Ctx, a.ID)
	require.Len(t, got.Groupings, 1)
	assert.Equal(t, coop.UnionGrouping, got.Groupings[0].Kind)
	assert.Equal(t, union.ID, got.Groupings[0].GroupID)

	_, err := h.Reg.JoinGrouping(h.Ctx, b.ID, registry.GroupingInput{Grouping: coop.Grouping{Kind: coop.UnionGrouping, Name: "x", From: d("2023-01-01")}})
	CheckCode(t, err, coop.Invalid)
	got, err = h.Reg.JoinGrouping(h.Ctx, b.ID, registry.GroupingInput{Grouping: coop.Grouping{Kind: coop.EIGGrouping, Name: "GIE Safran", From: d("2023-01-01")}})
	require.NoError(t, err)
	g := got.Groupings[0]
	got, err = h.Reg.LeaveGrouping(h.Ctx, b.ID, g.ID, d("2024-01-01"))
	require.NoError(t, err)
	assert.True(t, got.Groupings[0].ActiveAt(d("2023-12-31")))
	assert.False(t, got.Groupings[0].ActiveAt(d("2024-01-01")))
	_, err = h.Reg.LeaveGrouping(h.Ctx, b.ID, g.ID, d("2024-02-01"))
	CheckCode(t, err, coop.FailedPrecondition)
}
