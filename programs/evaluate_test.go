package programs_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

var d = coop.MustParseDate

func coopApplicant(c coop.Cooperative) programs.Applicant {
	if c.Kind == "" {
		c.Kind = coop.KindCooperative
	}
	if c.Status == "" {
		c.Status = coop.Active
	}
	if c.FoundedUnder == "" {
		c.FoundedUnder = coop.Law11212
	}
	return programs.Applicant{Cooperative: &c}
}

func count(n int) *int { return &n }

func TestEvaluate_Errors(t *testing.T) {
	cat := programs.Default()
	a := coopApplicant(coop.Cooperative{RegisteredOn: d("2022-01-01")})
	tests := []struct {
		name  string
		req   programs.Request
		code  coop.Code
		field string
	}{
		{"UnknownProgram", programs.Request{Program: "awrach", AsOf: d("2024-01-01"), Applicant: a}, coop.NotFound, "program"},
		{"UnknownCall", programs.Request{Program: "mourafaka", Call: "mourafaka-t9", AsOf: d("2024-01-01"), Applicant: a}, coop.NotFound, "call"},
		{"UnknownPhase", programs.Request{Program: "mourafaka", Call: "mourafaka-t4", Phase: "7", AsOf: d("2024-01-01"), Applicant: a}, coop.NotFound, "phase"},
		{"NoDate", programs.Request{Program: "mourafaka", Applicant: a}, coop.Invalid, "as_of"},
		{"NoApplicant", programs.Request{Program: "mourafaka", AsOf: d("2024-01-01")}, coop.Invalid, "cooperative"},
		{"Both", programs.Request{Program: "mourafaka", AsOf: d("2024-01-01"),
			Applicant: programs.Applicant{Cooperative: a.Cooperative, Person: &programs.PersonFacts{}}}, coop.Invalid, "person"},
		{"NegativeCost", programs.Request{Program: "indh-income", AsOf: d("2023-06-01"),
			Applicant: programs.Applicant{Cooperative: a.Cooperative, Project: &programs.Project{Cost: mad("-1")}}}, coop.Invalid, "project.cost"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cat.Evaluate(tt.req)
			require.Error(t, err)
			assert.Equal(t, tt.code, coop.ErrorCode(err))
			var e *coop.Error
			require.True(t, errors.As(err, &e))
			require.NotEmpty(t, e.Fields)
			assert.Equal(t, tt.field, e.Fields[0].Field)
		})
	}
}

func TestEvaluate_WrongNature(t *testing.T) {
	cat := programs.Default()
	dec, err := cat.Evaluate(programs.Request{Program: "mourafaka", AsOf: d("2024-01-01"),
		Applicant: programs.Applicant{Person: &programs.PersonFacts{BirthDate: d("2000-01-01")}}})
	require.NoError(t, err)
	assert.Equal(t, programs.Ineligible, dec.Outcome)
	require.Len(t, dec.Criteria, 1)
	assert.Equal(t, "applicant-kind", dec.Criteria[0].ID)
	assert.Equal(t, "the applicant is a natural person; the programme accepts: cooperative", dec.Criteria[0].Reason.Text(coop.EN))
	assert.Equal(t, "le demandeur est une personne physique\u00a0; le programme accepte\u00a0: coopérative", dec.Criteria[0].Reason.Text(coop.FR))
	assert.Equal(t, "المترشح شخص ذاتي؛ البرنامج يقبل: تعاونية", dec.Criteria[0].Reason.Text(coop.AR))
}

func TestEvaluate_Reasons(t *testing.T) {
	cat := programs.Default()
	dec, err := cat.Evaluate(programs.Request{Program: "mourafaka", AsOf: d("2024-05-01"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2019-03-02")})})
	require.NoError(t, err)
	r, ok := dec.Criterion("existence-max")
	require.True(t, ok)
	assert.Equal(t, coop.Fail, r.Outcome)
	// The reason states the date the limit was crossed, not a rounded count
	// of years that reads like a pass.
	assert.Equal(t, "registered on March 2, 2019; legal existence of 4 years reached on March 2, 2023, the limit, exceeded since March 3, 2023", r.Reason.Text(coop.EN))
	assert.Equal(t, "immatriculée le 2 mars 2019\u00a0; l'existence légale de 4 ans a été atteinte le 2 mars 2023, limite dépassée depuis le 3 mars 2023", r.Reason.Text(coop.FR))
	assert.Equal(t, "قيدت في 2 مارس 2019؛ بلغت مدة وجودها القانوني 4 سنوات في 2 مارس 2023، وتجاوزت الحد الأقصى منذ 3 مارس 2023", r.Reason.Text(coop.AR))
	assert.Equal(t, "only cooperatives registered on or after May 1, 2020 qualify", r.Hint.Text(coop.EN))
	assert.Contains(t, r.Reference, "Mourafaka 4th tranche")
	assert.Equal(t, []coop.Param{{Name: "max_existence_years", Value: "4", Since: d("2022-04-06")}}, r.Params)
	assert.Equal(t, cat.Version(), dec.Catalogue)
	assert.Equal(t, "mourafaka-t4", dec.Call)

	// The first tranche's value and date.
	dec, err = cat.Evaluate(programs.Request{Program: "mourafaka", AsOf: d("2015-01-01"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2014-01-01")})})
	require.NoError(t, err)
	r, _ = dec.Criterion("existence-max")
	assert.Equal(t, []coop.Param{{Name: "max_existence_years", Value: "2", Since: d("2014-03-01")}}, r.Params)
	assert.Equal(t, "registered on January 1, 2014; legal existence of 2 years will be reached on January 1, 2016, the limit", r.Reason.Text(coop.EN))
	assert.Equal(t, "قيدت في 1 يناير 2014؛ ستبلغ مدة وجودها القانوني سنتين في 1 يناير 2016، وهو الحد الأقصى", r.Reason.Text(coop.AR))
}

// The criteria on a value in a call's list (sector, branch) pass, fail or
// are unknown with the value and the list in the reason.
func TestEvaluate_ListReasons(t *testing.T) {
	cat := programs.Default()
	for _, tc := range []struct {
		id           string
		sector       coop.Sector
		branch       coop.Branch
		outcome      coop.Outcome
		reason, hint string
	}{
		{"sector", coop.Handicraft, "pottery", coop.Pass, "sector: Handicraft, covered by the call", ""},
		{"sector", coop.Agriculture, "pottery", coop.Fail, "sector: Agriculture; the call covers Handicraft", ""},
		{"sector", "", "pottery", coop.Unknown, "the sector is not given; the call covers Handicraft", "give the cooperative's sector"},
		{"branch", coop.Handicraft, "pottery", coop.Pass, "branch: Pottery, covered by the call", ""},
		{"branch", coop.Handicraft, "carpets", coop.Fail, "branch: Carpets; the call covers Jewellery, Weaving, Leather goods, Pottery, Sewing and Basketry", ""},
		{"branch", coop.Handicraft, "", coop.Unknown, "the branch is not given; the call covers Jewellery, Weaving, Leather goods, Pottery, Sewing and Basketry", "give the cooperative's branch"},
	} {
		dec, err := cat.Evaluate(programs.Request{Program: "craft-casa-settat", AsOf: d("2023-06-30"),
			Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2019-03-02"), Sector: tc.sector, Branch: tc.branch, Province: "MA-CAS"})})
		require.NoError(t, err)
		r, ok := dec.Criterion(tc.id)
		require.True(t, ok, tc.id)
		assert.Equal(t, tc.outcome, r.Outcome, "%s %+v", tc.id, tc)
		assert.Equal(t, tc.reason, r.Reason.Text(coop.EN), "%s %+v", tc.id, tc)
		assert.Equal(t, tc.hint, r.Hint.Text(coop.EN), "%s %+v", tc.id, tc)
	}
}

func TestEvaluate_ChangesOn(t *testing.T) {
	cat := programs.Default()
	tests := []struct {
		name      string
		req       programs.Request
		outcome   programs.Outcome
		changesOn string
		changesTo programs.Outcome
		summary   string
	}{
		{"MourafakaUntil", programs.Request{Program: "mourafaka", AsOf: d("2024-01-01"),
			Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2022-04-06")})},
			programs.Eligible, "2026-04-07", programs.Ineligible, "eligible until April 6, 2026"},
		{"CraftFrom", programs.Request{Program: "craft-casa-settat", AsOf: d("2023-06-01"),
			Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2022-03-01"), Sector: coop.Handicraft, Branch: "weaving",
				Province: "MA-CAS", MemberCount: count(6), Declared: map[string]bool{"disadvantaged-members": true}})},
			programs.Ineligible, "2024-03-01", programs.Eligible, "ineligible; eligible from March 1, 2024"},
		{"CallCloses", programs.Request{Program: "moazara", AsOf: d("2023-10-01"),
			Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Province: "MA-OUJ"})},
			programs.Eligible, "2023-10-14", programs.Ineligible, "eligible until October 13, 2023"},
		{"TurnsEighteen", programs.Request{Program: "motatawi3", AsOf: d("2023-06-19"),
			Applicant: programs.Applicant{Person: &programs.PersonFacts{BirthDate: d("2005-06-25")}}},
			programs.Ineligible, "2023-06-25", programs.Eligible, "ineligible; eligible from June 25, 2023"},
		{"NoChange", programs.Request{Program: "mourafaka", AsOf: d("2024-01-01"),
			Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2015-01-01")})},
			programs.Ineligible, "", "", "ineligible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec, err := cat.Evaluate(tt.req)
			require.NoError(t, err)
			assert.Equal(t, tt.outcome, dec.Outcome)
			assert.Equal(t, tt.changesOn, dec.ChangesOn.String())
			assert.Equal(t, tt.changesTo, dec.ChangesTo)
			assert.Equal(t, tt.summary, dec.Summary(coop.EN))
		})
	}
}

// TestEvaluate_ChangesOnAcrossBindings finds the date an outcome changes on
// where the call binds otherwise than at the date decided: a parameter
// whose value changes later, and kinds written in Go that read the date
// they are bound at (Binding.AsOf), when binding or while deciding. Each
// change date is checked by deciding afresh on it and on the day before.
func TestEvaluate_ChangesOnAcrossBindings(t *testing.T) {
	cat := programs.Default()
	msg := &coop.Message{ID: "seasoned", EN: "registered on {0}", FR: "immatriculée le {0}", AR: "مسجلة في {0}"}
	// seasoned passes when the cooperative was registered two years before
	// the date the criterion is bound at, read when binding, or while
	// deciding and only for a cooperative two years old at the date the
	// rule is given (the first decision does not read it, a later date
	// probed does).
	seasoned := func(name string, whileDeciding bool) programs.Kind {
		return programs.Kind{Name: name, ID: "seasoned", Doc: "registered two years before the date bound at", NoMembers: true,
			Messages: []*coop.Message{msg},
			Bind: func(b *programs.Binding) programs.Rule {
				var limit coop.Date
				if !whileDeciding {
					limit = b.AsOf().AddYears(-2)
				}
				return func(a *programs.Applicant, asOf coop.Date, out *programs.Eval) {
					reg, l := a.Cooperative.RegisteredOn, limit
					out.MayChangeOn(reg.AddYears(2))
					if whileDeciding {
						if asOf.Before(reg.AddYears(2)) {
							out.Set(coop.Fail, msg, coop.DateArg(reg))
							return
						}
						l = b.AsOf().AddYears(-2)
					}
					if reg.After(l) {
						out.Set(coop.Fail, msg, coop.DateArg(reg))
						return
					}
					out.Set(coop.Pass, msg, coop.DateArg(reg))
				}
			}}
	}
	require.NoError(t, cat.AddKind(seasoned("seasoned-at-binding", false)))
	require.NoError(t, cat.AddKind(seasoned("seasoned-while-deciding", true)))
	program := func(id string, params []programs.Parameter, kinds ...string) programs.Program {
		p := programs.Program{ID: id, Names: coop.Names{FR: id}, Accepts: []programs.ApplicantKind{programs.Cooperative}, Reference: "call of 2020",
			Calls: []programs.Call{{ID: id + "-2020", Opens: d("2020-01-01"), Parameters: params}}}
		for _, k := range kinds {
			p.Criteria = append(p.Criteria, programs.Criterion{Kind: k})
		}
		return p
	}
	require.NoError(t, cat.AddProgram(program("relaxed", []programs.Parameter{{Name: "max_existence_years",
		Values: []programs.Dated{{Since: d("2020-01-01"), Value: programs.Int(4)}, {Since: d("2025-01-01"), Value: programs.Int(8)}}}},
		"registered", "existence-max")))
	require.NoError(t, cat.AddProgram(program("seasoned-at-binding", nil, "registered", "seasoned-at-binding")))
	require.NoError(t, cat.AddProgram(program("seasoned-while-deciding", nil, "registered", "seasoned-while-deciding")))
	tests := []struct {
		name, program, registered string
		outcome                   programs.Outcome
		changesOn                 string
		changesTo                 programs.Outcome
	}{
		// Five years old against four; eight from 2025.
		{"ParameterValueLater", "relaxed", "2019-01-01", programs.Ineligible, "2025-01-01", programs.Eligible},
		{"ParameterValueLaterStillOut", "relaxed", "2012-01-01", programs.Ineligible, "", ""},
		{"AsOfReadWhenBinding", "seasoned-at-binding", "2023-03-10", programs.Ineligible, "2025-03-10", programs.Eligible},
		{"AsOfReadWhileDeciding", "seasoned-while-deciding", "2023-03-10", programs.Ineligible, "2025-03-10", programs.Eligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := programs.Request{Program: tt.program, AsOf: d("2024-06-01"),
				Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d(tt.registered)})}
			dec, err := cat.Evaluate(req)
			require.NoError(t, err)
			assert.Equal(t, tt.outcome, dec.Outcome)
			assert.Equal(t, tt.changesOn, dec.ChangesOn.String())
			assert.Equal(t, tt.changesTo, dec.ChangesTo)
			if dec.ChangesOn.IsZero() {
				return
			}
			for _, at := range []struct {
				on   coop.Date
				want programs.Outcome
			}{{dec.ChangesOn.AddDays(-1), tt.outcome}, {dec.ChangesOn, tt.changesTo}} {
				req.AsOf = at.on
				later, err := cat.Evaluate(req)
				require.NoError(t, err)
				assert.Equal(t, at.want, later.Outcome, "decided afresh on %s", at.on)
			}
		})
	}
}

func TestEvaluate_Hints(t *testing.T) {
	cat := programs.Default()
	dec, err := cat.Evaluate(programs.Request{Program: "craft-casa-settat", AsOf: d("2023-06-01"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Sector: coop.Handicraft, Branch: "weaving",
			Province: "MA-CAS", MemberCount: count(3)})})
	require.NoError(t, err)
	assert.Equal(t, programs.Ineligible, dec.Outcome)
	m, _ := dec.Criterion("members-min")
	assert.Equal(t, "2 more members", m.Hint.Text(coop.EN))
	assert.Equal(t, "2 adhérents de plus", m.Hint.Text(coop.FR))
	dis, _ := dec.Criterion("disadvantaged-members")
	assert.Equal(t, coop.Unknown, dis.Outcome)
	assert.Equal(t, "declare whether this is the case: members from disadvantaged backgrounds", dis.Hint.Text(coop.EN))
	assert.Equal(t, "déclarer si c'est le cas\u00a0: des adhérents issus de milieux défavorisés", dis.Hint.Text(coop.FR))
	assert.Contains(t, dec.Explain(coop.EN), "members-min")

	wy, err := cat.Evaluate(programs.Request{Program: "indh-income", AsOf: d("2023-06-30"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Sector: coop.Agriculture, Members: []coop.Member{
			{Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Male, BirthDate: d("1960-01-01")},
			{Type: coop.Natural, Gender: coop.Male, BirthDate: d("1960-01-01")}, {Type: coop.Natural, Gender: coop.Male, BirthDate: d("1960-01-01")},
			{Type: coop.Natural, Gender: coop.Male, BirthDate: d("1960-01-01")}}})})
	require.NoError(t, err)
	r, _ := wy.Criterion("women-youth-share")
	assert.Equal(t, coop.Fail, r.Outcome)
	assert.Equal(t, "women or members aged 18 to 35: 1 of 5 (20%); more than 30% is required", r.Reason.Text(coop.EN))
	assert.Equal(t, "1 more member who is a woman or aged 18 to 35", r.Hint.Text(coop.EN)) // 2 of 6 = 33 %
	assert.Equal(t, "1 adhérent de plus, femmes ou jeunes de 18 à 35 ans", r.Hint.Text(coop.FR))
	assert.Equal(t, "انضمام عضو واحد آخر من النساء أو الشباب بين 18 و35 سنة", r.Hint.Text(coop.AR))
}
