package registrytest

import (
	"errors"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// testHostileInput gives the registry inputs that break its grammar: text
// with control characters or invalid UTF-8, whole numbers beyond the
// columns' range, amounts with too many decimals or digits, dates outside
// the calendar, a birth date after joining. Every store refuses each with
// Invalid naming the field, and nothing changes.
func testHostileInput(h *Harness) {
	t := h.T
	c := h.Register("Entrées Hostiles", d("2024-01-10"), 5)
	m := c.Members[0].ID
	big := decimal.RequireFromString("1000000000000")
	admit := func(edit func(*registry.Admission)) error {
		in := registry.Admission{On: Today, AdmittedBy: "OGM 2024-06-30", Member: coop.Member{Type: coop.Natural, Name: "Nadia"},
			Shares: 1, Amount: mad("100"), Paid: mad("100")}
		edit(&in)
		_, err := h.Reg.AdmitMember(h.Ctx, c.ID, in)
		return err
	}
	state := func() string {
		got, err := h.Reg.Get(h.Ctx, c.ID)
		require.NoError(t, err)
		p, err := h.Reg.List(h.Ctx, registry.Filter{})
		require.NoError(t, err)
		return asJSON(t, got) + asJSON(t, p.Total) + asJSON(t, journalLen(h, c.ID))
	}
	before := state()
	tests := []struct {
		name  string
		do    func() error
		field string
	}{
		{"NUL in a name", func() error { return admit(func(in *registry.Admission) { in.Member.Name = "Nadia\x00" }) }, "member.name"},
		{"invalid UTF-8", func() error { return admit(func(in *registry.Admission) { in.Member.Address = "Douar \xff" }) }, "member.address"},
		{"line break", func() error { return admit(func(in *registry.Admission) { in.AdmittedBy = "OGM\n2024" }) }, "admitted_by"},
		{"name too long", func() error { return admit(func(in *registry.Admission) { in.Member.Name = strings.Repeat("n", 201) }) }, "member.name"},
		{"shares beyond int32", func() error {
			return admit(func(in *registry.Admission) { in.Shares = 9223372036854775807 })
		}, "shares"},
		{"amount of 13 digits", func() error {
			return admit(func(in *registry.Admission) { in.Amount, in.Paid = big, big })
		}, "amount"},
		{"three decimals", func() error {
			return admit(func(in *registry.Admission) { in.Paid = decimal.RequireFromString("100.001") })
		}, "paid"},
		{"born 9999-12-31", func() error { return admit(func(in *registry.Admission) { in.Member.BirthDate = d("9999-12-31") }) }, "member.birth_date"},
		{"born 0001-01-01", func() error { return admit(func(in *registry.Admission) { in.Member.BirthDate = d("0001-01-01") }) }, "member.birth_date"},
		{"born after joining", func() error { return admit(func(in *registry.Admission) { in.Member.BirthDate = Today.AddDays(1) }) }, "member.birth_date"},
		{"payment of 13 digits", func() error {
			_, err := h.Reg.PayShares(h.Ctx, c.ID, m, registry.Payment{On: Today, Amount: big})
			return err
		}, "amount"},
		{"turnover year", func() error {
			_, err := h.Reg.ReportTurnover(h.Ctx, c.ID, registry.TurnoverInput{On: Today, Year: 1 << 40, Amount: "10"})
			return err
		}, "year"},
		{"control character in an amount", func() error {
			_, err := h.Reg.ReportTurnover(h.Ctx, c.ID, registry.TurnoverInput{On: Today, Year: 2024, Amount: "10\x00"})
			return err
		}, "amount"},
		{"assembly of 2^40", func() error {
			_, err := h.Reg.HoldAssembly(h.Ctx, c.ID, registry.AssemblyInput{Assembly: coop.Assembly{Kind: coop.Ordinary, Date: Today, Call: 1, Present: 1 << 40}})
			return err
		}, "assembly.present"},
		{"assembly on a 4th call", func() error {
			_, err := h.Reg.HoldAssembly(h.Ctx, c.ID, registry.AssemblyInput{Assembly: coop.Assembly{Kind: coop.Ordinary, Date: Today, Call: 4, Present: 1}})
			return err
		}, "assembly.call"},
		{"assembly of an unknown kind", func() error {
			_, err := h.Reg.HoldAssembly(h.Ctx, c.ID, registry.AssemblyInput{Assembly: coop.Assembly{Kind: "annual", Date: Today, Call: 1, Present: 1}})
			return err
		}, "assembly.kind"},
		{"assembly with no one present", func() error {
			_, err := h.Reg.HoldAssembly(h.Ctx, c.ID, registry.AssemblyInput{Assembly: coop.Assembly{Kind: coop.Ordinary, Date: Today, Call: 1}})
			return err
		}, "assembly.present"},
		{"statutes amended without votes", func() error {
			_, err := h.Reg.AmendStatutes(h.Ctx, c.ID, registry.Amendment{On: Today, Statutes: coop.Statutes{DurationYears: 50, ShareNominal: mad("100")}})
			return err
		}, "votes"},
		{"exclusion without votes", func() error {
			_, err := h.Reg.ExcludeMember(h.Ctx, c.ID, m, registry.Exclusion{On: Today, Reason: "breach"})
			return err
		}, "votes"},
		{"dissolution with empty votes", func() error {
			_, err := h.Reg.Dissolve(h.Ctx, c.ID, registry.StatusChange{On: Today, Reason: "EGM", Votes: &coop.Votes{}})
			return err
		}, "votes"},
		{"transfer from no one", func() error {
			_, err := h.Reg.TransferShares(h.Ctx, c.ID, uuid.Nil, m, registry.Transfer{On: Today, Shares: 1})
			return err
		}, "from"},
		{"support reaching no cooperative", func() error {
			_, err := h.Reg.RecordSupport(h.Ctx, registry.SupportAction{Kind: coop.Training, Title: "Gestion", Start: Today,
				Reached: []registry.Participation{{People: 1}}})
			return err
		}, "reached[0].cooperative_id"},
		{"union admitting no cooperative", func() error {
			_, err := h.Reg.JoinUnion(h.Ctx, c.ID, registry.UnionMembership{On: Today, AdmittedBy: "EGM", Shares: 1, Amount: mad("100"), Paid: mad("100")})
			return err
		}, "cooperative_id"},
		{"registration without an approval", func() error {
			reg := Registration(uuid.Nil, Today, 5)
			_, err := h.Reg.Register(h.Ctx, reg)
			return err
		}, "approval_id"},
		{"seat with a tab", func() error {
			_, err := h.Reg.ChangeSeat(h.Ctx, c.ID, registry.SeatChange{On: Today, Province: "MA-MEK", Commune: "Ouis\tlane", Votes: coop.Votes{For: 5}})
			return err
		}, "commune"},
		{"label valid until 2300", func() error {
			_, err := h.Reg.AwardLabel(h.Ctx, c.ID, registry.LabelInput{Label: coop.Label{Kind: coop.CollectiveLabel, Name: "Terroir", Issuer: "MAPMDREF",
				ValidFrom: Today, ValidUntil: d("2300-01-01")}})
			return err
		}, "label.valid_until"},
		{"support for 2^40 people", func() error {
			_, err := h.Reg.RecordSupport(h.Ctx, registry.SupportAction{Kind: coop.Training, Title: "Gestion", Start: Today,
				Reached: []registry.Participation{{CooperativeID: c.ID, People: 1 << 40}}})
			return err
		}, "reached[0].people"},
		{"signatory with a NUL", func() error {
			sig := signatories(5)
			sig[2].Name = "Hind\x00"
			_, err := h.Reg.ApproveName(h.Ctx, registry.NameRequest{Names: []string{"Nouveau Nom"}, Signatories: sig, RequestedOn: Today})
			return err
		}, "signatories[2].name"},
		{"founder with a NUL", func() error {
			a := h.Approve("Fondateurs Hostiles", Today)
			reg := Registration(a.ID, Today, 5)
			reg.Founders[3].Member.Name = "F\x00"
			_, err := h.Reg.Register(h.Ctx, reg)
			return err
		}, "founders[3].member.name"},
		{"duration of 2^40 years", func() error {
			a := h.Approve("Durée Hostile", Today)
			reg := Registration(a.ID, Today, 5)
			reg.Statutes.DurationYears = 1 << 40
			_, err := h.Reg.Register(h.Ctx, reg)
			return err
		}, "statutes.duration_years"},
		{"import registered in 1800", func() error {
			cs := historical("Ancienne", 2)
			cs[1].RegisteredOn = d("1800-01-01")
			_, err := h.Reg.Import(h.Ctx, slices.Values(cs))
			return err
		}, "cooperatives[1].registered_on"},
		{"import with a NUL member", func() error {
			cs := historical("Nulle", 2)
			cs[0].Members[1].Name = "M\x00"
			_, err := h.Reg.Import(h.Ctx, slices.Values(cs))
			return err
		}, "cooperatives[0].members[1].name"},
		{"import with 2^40 shares", func() error {
			cs := historical("Énorme", 1)
			cs[0].Members[0].Shares[0].Shares = 1 << 40
			_, err := h.Reg.Import(h.Ctx, slices.Values(cs))
			return err
		}, "cooperatives[0].members[0].shares[0].shares"},
		{"renewal asked in 1800", func() error {
			_, err := h.Reg.RenewApproval(h.Ctx, c.ApprovalID, d("1800-01-01"))
			return err
		}, "asked_on"},
		{"listing by a name with a NUL", func() error {
			_, err := h.Reg.List(h.Ctx, registry.Filter{Name: "a\x00"})
			return err
		}, "name"},
	}
	for _, tt := range tests {
		err := tt.do()
		CheckCode(t, err, coop.Invalid)
		var e *coop.Error
		require.True(t, errors.As(err, &e), tt.name)
		var fields []string
		for _, f := range e.Fields {
			fields = append(fields, f.Field)
		}
		assert.Contains(t, fields, tt.field, "%s: %v", tt.name, err)
		assert.Equal(t, before, state(), "%s changes nothing", tt.name)
	}
}
