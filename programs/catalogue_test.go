package programs_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

func TestDefault_Catalogue(t *testing.T) {
	cat := programs.Default()
	assert.Equal(t, []string{"mourafaka", "indh-income", "craft-casa-settat", "moazara", "lalla-al-moutaaouina",
		"generation-solidaire", "piae", "motatawi3"}, cat.ProgramIDs())
	for _, p := range cat.Programs() {
		assert.NotEmpty(t, p.Reference, p.ID)
		assert.NotEmpty(t, p.Calls, p.ID)
		for _, c := range p.Calls {
			require.NoError(t, programs.ValidateCall("test", c), "%s %s", p.ID, c.ID)
		}
		for _, c := range p.Criteria {
			assert.NotEmpty(t, c.Reference, "%s %s", p.ID, c.ID)
			assert.NotEmpty(t, c.Doc, "%s %s", p.ID, c.ID)
		}
	}
	gs, _ := cat.Program("generation-solidaire")
	prm, _ := gs.Calls[0].Parameter("youth_max_age")
	assert.True(t, prm.Unconfirmed, "the youth age range is not confirmed by the sources")
	assert.Equal(t, []string{"disadvantaged-members", "precarious-situation"}, cat.DeclaredFacts())
}

func TestLoadCalls(t *testing.T) {
	cat := programs.Default()
	doc := `
- program: indh-income
  id: indh-income-2024-ifrane
  opens: 2024-02-01
  closes: 2024-04-30
  reference: INDH call for projects, Ifrane province, 2024
  parameters:
    sectors: [agriculture, handicraft, tourism]
    provinces: [MA-IFR]
    youth_max_age: 35
    min_women_youth_share: "0.30"
    grant_rate: "0.60"
    min_own_rate: "0.40"
    max_in_kind_share: "0.50"
    grant_cap:
      - {since: 2024-02-01, value: "300000"}
      - {since: 2024-03-15, value: "250000"}
`
	require.NoError(t, cat.LoadCalls(strings.NewReader(doc)))
	assert.True(t, strings.HasPrefix(cat.Version(), programs.CatalogueVersion+"+"), cat.Version())

	ifrane := func(asOf string, province coop.ProvinceCode) programs.Decision {
		c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
			RegisteredOn: d("2020-01-01"), Sector: coop.Agriculture, Province: province,
			Members: []coop.Member{{Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female},
				{Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female}}}
		dec, err := cat.Evaluate(programs.Request{Program: "indh-income", AsOf: d(asOf),
			Applicant: programs.Applicant{Cooperative: &c, Project: &programs.Project{Cost: coop.MustParseMAD("1000000"), OwnCash: coop.MustParseMAD("400000")}}})
		require.NoError(t, err)
		return dec
	}
	dec := ifrane("2024-03-01", "MA-IFR")
	assert.Equal(t, "indh-income-2024-ifrane", dec.Call)
	assert.Equal(t, programs.Eligible, dec.Outcome)
	assert.Equal(t, "300000.00", coop.FormatMAD(dec.Grant.Decimal))
	assert.Equal(t, "2024-05-01", dec.ChangesOn.String(), "the outcome changes when the call closes, not when the cap does")
	dec = ifrane("2024-03-15", "MA-IFR")
	assert.Equal(t, "250000.00", coop.FormatMAD(dec.Grant.Decimal))
	dec = ifrane("2024-03-01", "MA-MEK")
	assert.Equal(t, []string{"province"}, dec.IDs(coop.Fail))

	bad := []struct {
		name, doc, want string
	}{
		{"UnknownKey", "- program: indh-income\n  id: x\n  opens: 2024-01-01\n  colour: red\n", `line 4: unknown key "colour"`},
		{"UnknownParameter", "- program: indh-income\n  id: x\n  opens: 2024-01-01\n  parameters:\n    max_members: 3\n", `unknown parameter "max_members"`},
		{"UnknownRegion", "- program: moazara\n  id: x\n  opens: 2024-01-01\n  parameters:\n    regions: [MA-13]\n", `"MA-13" is not a region code`},
		{"BadDate", "- program: moazara\n  id: x\n  opens: 2024-02-30\n", `"2024-02-30" is not a calendar date`},
		{"ClosesBeforeOpens", "- program: moazara\n  id: x\n  opens: 2024-02-01\n  closes: 2024-01-01\n", "before it opens"},
		{"DuplicateID", "- program: moazara\n  id: moazara-2024\n  opens: 2024-02-01\n", `call "moazara-2024" already exists`},
		{"UnknownProgramme", "- program: forsa\n  id: x\n  opens: 2024-02-01\n", `unknown programme "forsa"`},
		{"BadRatio", "- program: indh-income\n  id: x\n  opens: 2024-01-01\n  parameters:\n    grant_rate: 6e-1\n", "expected a ratio"},
		{"NotAList", "program: moazara\n", "expected a list of calls"},
		{"UnreadParameter", "- program: moazara\n  id: x\n  opens: 2024-01-01\n  parameters:\n    sectors: [agriculture]\n", `no criterion of moazara reads "sectors"`},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			before := cat.Version()
			err := cat.LoadCalls(strings.NewReader(tt.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, before, cat.Version(), "a refused file changes nothing")
		})
	}

	// All or nothing: a valid call followed by an invalid one adds neither.
	before := len(mustProgram(t, cat, "moazara").Calls)
	err := cat.LoadCalls(strings.NewReader("- {program: moazara, id: moazara-2025, opens: 2025-08-01}\n- {program: moazara, id: y, opens: nope}\n"))
	require.Error(t, err)
	assert.Len(t, mustProgram(t, cat, "moazara").Calls, before)
}

func mustProgram(t *testing.T, cat *programs.Catalogue, id string) *programs.Program {
	t.Helper()
	p, ok := cat.Program(id)
	require.True(t, ok)
	return p
}

func TestAddProgram(t *testing.T) {
	cat := programs.Default()
	// A province's own programme: registered cooperatives of Ifrane with at
	// least 10 members.
	minTen := programs.Criterion{ID: "members-10", Reference: "Ifrane provincial council, call of 2024", Doc: "at least 10 members",
		Bind: func(*programs.Params) programs.Rule {
			msg := &coop.Message{ID: "members-10", EN: "{0} members", FR: "{0} adhérents", AR: "{0} أعضاء"}
			return func(a *programs.Applicant, asOf coop.Date, out *programs.Eval) {
				n, known := a.Cooperative.MembersAt(asOf)
				switch {
				case !known:
					out.Set(coop.Unknown, msg, coop.IntArg(0))
				case n >= 10:
					out.Set(coop.Pass, msg, coop.IntArg(n))
				default:
					out.Set(coop.Fail, msg, coop.IntArg(n))
				}
			}
		}}
	prog := programs.Program{ID: "ifrane-support", Accepts: []programs.ApplicantKind{programs.Cooperative}, Reference: "Ifrane 2024",
		Calls: []programs.Call{{ID: "ifrane-2024", Opens: d("2024-01-01"), Closes: d("2024-12-31"),
			Parameters: []programs.Parameter{{Name: "provinces", Values: []programs.Dated{{Since: d("2024-01-01"), Value: programs.Provinces("MA-IFR")}}}}}},
		Criteria: []programs.Criterion{programs.RegisteredCriterion(), programs.ProvinceCriterion("Ifrane 2024"), programs.CallWindowCriterion(), minTen}}
	require.NoError(t, cat.AddProgram(prog))
	dec, err := cat.Evaluate(programs.Request{Program: "ifrane-support", AsOf: d("2024-06-01"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Province: "MA-IFR", MemberCount: count(9)})})
	require.NoError(t, err)
	assert.Equal(t, []string{"members-10"}, dec.IDs(coop.Fail))
	assert.Equal(t, "9 members", dec.Criteria[3].Reason.Text(coop.EN))

	require.ErrorIs(t, cat.AddProgram(prog), coop.ErrConflict)
	err = cat.AddProgram(programs.Program{ID: "broken", Criteria: []programs.Criterion{{ID: "x"}}})
	require.ErrorIs(t, err, coop.ErrInvalid)
	require.ErrorIs(t, cat.AddCall("nope", programs.Call{ID: "x", Opens: d("2024-01-01")}), coop.ErrNotFound)
	require.ErrorIs(t, cat.AddCall("moazara", programs.Call{ID: "moazara-2024", Opens: d("2024-01-01")}), coop.ErrConflict)
}

func TestCatalogue_Concurrent(t *testing.T) {
	cat := programs.Default()
	a := coopApplicant(coop.Cooperative{RegisteredOn: d("2021-01-01"), Province: "MA-FES"})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if _, err := cat.Evaluate(programs.Request{Program: "moazara", AsOf: d("2024-09-01"), Applicant: a}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	for i := 0; i < 50; i++ {
		id := "moazara-extra-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		require.NoError(t, cat.AddCall("moazara", programs.Call{ID: id, Opens: d("2030-01-01")}))
	}
	wg.Wait()
}
