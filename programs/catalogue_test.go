package programs_test

import (
	"slices"
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
		"generation-solidaire", "piae", "motatawi3", "forsa", "intelaka"}, cat.ProgramIDs())
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
	assert.NotEmpty(t, prm.Note)
	youth, _ := gs.Criterion("youth-members")
	assert.Equal(t, programs.KindMembersAged, youth.Kind)
	assert.Equal(t, map[string]string{"min_age": "youth_min_age", "max_age": "youth_max_age"}, youth.Params)
	assert.Equal(t, "every member is aged youth_min_age to youth_max_age", youth.Doc)
	assert.Regexp(t, `^sha256:[0-9a-f]{16}$`, cat.Version())
	assert.Equal(t, cat.Version(), programs.Default().Version(), "the version is a digest of the data, the same for every copy")
	assert.Equal(t, []string{"disadvantaged-members", "moroccan-abroad", "precarious-situation", "project-idea", "property-development", "resident"}, cat.DeclaredFacts(),
		"the facts read under combinators count too")
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
	before := cat.Version()
	require.NoError(t, cat.LoadCalls("ifrane.yaml", strings.NewReader(doc)))
	assert.NotEqual(t, before, cat.Version(), "a new call changes the version")

	ifrane := func(asOf string, province coop.ProvinceCode) programs.Decision {
		c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
			RegisteredOn: d("2020-01-01"), Sector: coop.Agriculture, Province: province,
			Members: []coop.Member{{Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female},
				{Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female}}}
		dec, err := cat.Evaluate(programs.Request{Program: "indh-income", AsOf: d(asOf),
			Applicant: programs.Applicant{Cooperative: &c, Project: project("1000000", "400000", "0")}})
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
		{"UnknownKey", "- program: indh-income\n  id: x\n  opens: 2024-01-01\n  colour: red\n", `calls.yaml:4: [0].colour: unknown key "colour"`},
		{"UnknownParameter", "- program: indh-income\n  id: x\n  opens: 2024-01-01\n  parameters:\n    max_members: 3\n", `calls.yaml:5: [0].parameters.max_members: no criterion of indh-income reads "max_members"`},
		{"UnknownRegion", "- program: moazara\n  id: x\n  opens: 2024-01-01\n  parameters:\n    regions: [MA-13]\n", `calls.yaml:5: [0].parameters.regions: "MA-13" is not a region code`},
		{"BadDate", "- program: moazara\n  id: x\n  opens: 2024-02-30\n", `calls.yaml:3: [0].opens: "2024-02-30" is not a calendar date`},
		{"ClosesBeforeOpens", "- program: moazara\n  id: x\n  opens: 2024-02-01\n  closes: 2024-01-01\n", "calls.yaml:4: [0].closes: the call closes on 2024-01-01, before it opens"},
		{"DuplicateID", "- program: moazara\n  id: moazara-2024\n  opens: 2024-02-01\n", `calls.yaml:2: [0].id: call "moazara-2024" already exists`},
		{"UnknownProgramme", "- program: awrach\n  id: x\n  opens: 2024-02-01\n", `calls.yaml:1: [0].program: unknown programme "awrach"`},
		{"BadRatio", "- program: indh-income\n  id: x\n  opens: 2024-01-01\n  parameters:\n    grant_rate: 6e-1\n", "calls.yaml:5: [0].parameters.grant_rate: expected a ratio"},
		{"NotAList", "program: moazara\n", "calls.yaml:1: expected a list of calls"},
		{"UnreadParameter", "- program: moazara\n  id: x\n  opens: 2024-01-01\n  parameters:\n    sectors: [agriculture]\n", `calls.yaml:5: [0].parameters.sectors: no criterion of moazara reads "sectors"`},
		{"WrongKind", "- program: moazara\n  id: x\n  opens: 2024-01-01\n  parameters:\n    regions: 3\n", `calls.yaml:5: [0].parameters.regions: expected a list of regions`},
		{"UnconfirmedWithoutNote", "- program: moazara\n  id: x\n  opens: 2024-01-01\n  parameters:\n    regions: {value: [MA-01], unconfirmed: true}\n", `calls.yaml:5: [0].parameters.regions.note: an unconfirmed value needs a note`},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			before := cat.Version()
			err := cat.LoadCalls("calls.yaml", strings.NewReader(tt.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, before, cat.Version(), "a refused file changes nothing")
		})
	}

	// All or nothing: a valid call followed by an invalid one adds neither.
	calls := len(mustProgram(t, cat, "moazara").Calls)
	err := cat.LoadCalls("calls.yaml", strings.NewReader("- {program: moazara, id: moazara-2025, opens: 2025-08-01}\n- {program: moazara, id: y, opens: nope}\n"))
	require.Error(t, err)
	assert.Len(t, mustProgram(t, cat, "moazara").Calls, calls)
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
	// least a number of members that the call sets, a rule no built-in kind
	// has.
	msg := &coop.Message{ID: "members-at-least", EN: "{0} members, at least {1} required", FR: "{0} adhérents, au moins {1} requis", AR: "{0} أعضاء، والمطلوب {1} على الأقل"}
	require.NoError(t, cat.AddKind(programs.Kind{Name: "members-at-least", ID: "members-at-least", Doc: "at least {min_members} members",
		Params:   []programs.ParamSpec{{Role: "min_members", Kind: programs.IntValue}},
		Messages: []*coop.Message{msg},
		Bind: func(b *programs.Binding) programs.Rule {
			v, rec, ok := b.Param("min_members")
			if !ok {
				return nil
			}
			return func(a *programs.Applicant, asOf coop.Date, out *programs.Eval) {
				out.UseParams([]coop.Param{rec})
				n, known := a.Cooperative.MembersAt(asOf)
				switch {
				case !known:
					out.Set(coop.Unknown, msg, coop.IntArg(0), coop.IntArg(v.Int))
				case n >= v.Int:
					out.Set(coop.Pass, msg, coop.IntArg(n), coop.IntArg(v.Int))
				default:
					out.Set(coop.Fail, msg, coop.IntArg(n), coop.IntArg(v.Int))
				}
			}
		}}))
	prog := programs.Program{ID: "ifrane-support", Names: coop.Names{FR: "Appui Ifrane"}, Accepts: []programs.ApplicantKind{programs.Cooperative}, Reference: "Ifrane 2024",
		Calls: []programs.Call{{ID: "ifrane-2024", Opens: d("2024-01-01"), Closes: d("2024-12-31"),
			Parameters: []programs.Parameter{
				{Name: "provinces", Values: []programs.Dated{{Since: d("2024-01-01"), Value: programs.Provinces("MA-IFR")}}},
				{Name: "min_members", Values: []programs.Dated{{Since: d("2024-01-01"), Value: programs.Int(10)}}, Reference: "Ifrane provincial council, call of 2024"},
			}}},
		Criteria: []programs.Criterion{{Kind: "registered"}, {Kind: "province"}, {Kind: "call-window"}, {Kind: "members-at-least"}}}
	require.NoError(t, cat.AddProgram(prog))
	dec, err := cat.Evaluate(programs.Request{Program: "ifrane-support", AsOf: d("2024-06-01"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Province: "MA-IFR", MemberCount: count(9)})})
	require.NoError(t, err)
	assert.Equal(t, []string{"members-at-least"}, dec.IDs(coop.Fail))
	r, _ := dec.Criterion("members-at-least")
	assert.Equal(t, "9 members, at least 10 required", r.Reason.Text(coop.EN))
	assert.Equal(t, "Ifrane provincial council, call of 2024", r.Reference, "a criterion cites the call parameter it reads")
	prov, _ := dec.Criterion("province")
	assert.Equal(t, "Ifrane 2024", prov.Reference, "a criterion whose parameter and kind have no reference cites its programme")
	got, _ := cat.Program("ifrane-support")
	assert.Equal(t, "at least min_members members", got.Criteria[3].Doc)

	require.ErrorIs(t, cat.AddProgram(prog), coop.ErrConflict)
	require.ErrorIs(t, cat.AddKind(programs.Kind{Name: "registered", Doc: "x", Bind: func(*programs.Binding) programs.Rule { return nil }}), coop.ErrConflict)
	require.ErrorIs(t, cat.AddKind(programs.Kind{Name: "No Name"}), coop.ErrInvalid)
	require.ErrorIs(t, cat.AddCall("nope", programs.Call{ID: "x", Opens: d("2024-01-01")}), coop.ErrNotFound)
	require.ErrorIs(t, cat.AddCall("moazara", programs.Call{ID: "moazara-2024", Opens: d("2024-01-01")}), coop.ErrConflict)

	bad := []struct {
		name   string
		change func(p *programs.Program)
		field  string
	}{
		{"NoID", func(p *programs.Program) { p.ID = "" }, "id"},
		{"NoAccepts", func(p *programs.Program) { p.Accepts = nil }, "accepts"},
		{"UnknownKind", func(p *programs.Program) { p.Criteria[0].Kind = "registred" }, "criteria[0].kind"},
		{"TwoCriteriaOneID", func(p *programs.Program) { p.Criteria[1].ID = "registered" }, "criteria[1].id"},
		{"UnknownRole", func(p *programs.Program) { p.Criteria[1].Params = map[string]string{"regions": "provinces"} }, "criteria[1].params.regions"},
		{"FactOnKindWithout", func(p *programs.Program) { p.Criteria[0].Fact = "poor" }, "criteria[0].fact"},
		{"DeclaredWithoutFact", func(p *programs.Program) { p.Criteria[0] = programs.Criterion{Kind: "declared", ID: "poor"} }, "criteria[0].fact"},
		{"UnreadParameter", func(p *programs.Program) { p.Criteria = p.Criteria[:3] }, "calls[0].parameters.min_members"},
		{"WrongKind", func(p *programs.Program) { p.Calls[0].Parameters[1].Values[0].Value = programs.Ratio("0.5") }, "calls[0].parameters.min_members"},
		{"UnknownGrant", func(p *programs.Program) { p.Grant = &programs.Grant{Kind: "lump-sum"} }, "grant.kind"},
		{"TwoCalls", func(p *programs.Program) { p.Calls = append(p.Calls, p.Calls[0]) }, "calls[1].id"},
		{"ConflictingKinds", func(p *programs.Program) {
			p.Informational = map[string]programs.ValueKind{"min_members": programs.AmountValue}
		}, "informational.min_members"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			p := prog
			p.ID = "ifrane-" + strings.ToLower(tt.name)
			p.Criteria = slices.Clone(prog.Criteria)
			p.Calls = []programs.Call{prog.Calls[0]}
			p.Calls[0].Parameters = slices.Clone(prog.Calls[0].Parameters)
			p.Calls[0].Parameters[1].Values = slices.Clone(prog.Calls[0].Parameters[1].Values)
			tt.change(&p)
			before := cat.Version()
			err := cat.AddProgram(p)
			require.ErrorIs(t, err, coop.ErrInvalid)
			var e *coop.Error
			require.ErrorAs(t, err, &e)
			assert.Contains(t, fieldNames(e), tt.field, err.Error())
			assert.Equal(t, before, cat.Version())
		})
	}
}

func fieldNames(e *coop.Error) []string {
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Field)
	}
	return out
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
