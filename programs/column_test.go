package programs_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/programs"
)

// edges is a programme of cooperatives and unions with a criterion of
// every built-in kind a screening decides run by run, combinators over
// them, and kinds written in Go: one of its own, and one that wraps the
// built-in region and turns its outcome round.
const edges = `
programs:
  - id: edges
    names: {fr: Critères aux limites, ar: معايير عند الحدود, en: Criteria at the edges}
    accepts: [cooperative, union]
    reference: an illustrative programme
    facts:
      a: {fr: le fait A, ar: الواقعة أ, en: fact A}
      b: {fr: le fait B, ar: الواقعة ب, en: fact B}
    criteria:
      - kind: applicant-kind
      - {kind: applicant-kind, id: only-unions, accepts: [union]}
      - kind: registered
      - kind: law-112-12
      - kind: existence-max
      - {kind: existence-max, id: young, strict: [max], params: {max_existence_years: young_years}}
      - kind: experience-min
      - kind: region
      - kind: province
      - kind: sector
      - kind: branch
      - kind: call-window
      - {kind: declared, id: a, fact: a}
      - kind: members-min
      - kind: women-only
      - {kind: women-share, id: women-majority, strict: [min]}
      - {kind: members-aged, id: aged}
      - kind: women-youth-share
      - kind: any-of
        id: a-or-region
        of: [{kind: declared, id: any-a, fact: a}, {kind: region, id: any-region}]
      - kind: all-of
        id: registered-and-b
        of: [{kind: registered, id: all-registered}, {kind: declared, id: all-b, fact: b}]
      - kind: not
        id: not-b
        of: [{kind: declared, id: not-b-b, fact: b}]
      - kind: any-of
        id: even-or-sector
        of: [{kind: registered-even-year, id: any-even}, {kind: sector, id: any-sector}]
      - kind: not-region
    calls:
      - id: edges-2019
        names: {fr: Appel 2019, ar: دعوة 2019, en: Call 2019}
        opens: 2019-01-01
        closes: 2025-12-31
        parameters:
          max_existence_years: 4
          young_years: 3
          min_experience_years: 2
          regions: [MA-06, MA-01]
          provinces: [MA-CAS, MA-MEK, MA-IFR, MA-MID]
          sectors: [handicraft, agriculture]
          branches: [weaving, pottery]
          min_women_share: 0.5
          min_age: 18
          max_age: 40
          youth_max_age: 35
          min_women_youth_share: 0.3
`

// edgeCatalogue is the default catalogue with the programme edges and the
// kinds written in Go it reads.
func edgeCatalogue(t *testing.T) *programs.Catalogue {
	t.Helper()
	cat := programs.Default()
	msg := &coop.Message{ID: "even-year", EN: "registered in {0}", FR: "immatriculée en {0}", AR: "مقيدة في {0}"}
	require.NoError(t, cat.AddKind(programs.Kind{Name: "registered-even-year", Doc: "registered in an even year", NoMembers: true,
		Messages: []*coop.Message{msg},
		Bind: func(*programs.Binding) programs.Rule {
			return func(a *programs.Applicant, _ coop.Date, out *programs.Eval) {
				_, c, _, ok := a.Compact()
				switch {
				case !ok || c.Registered.IsZero():
					out.Set(coop.Unknown, msg, coop.IntArg(0))
				case c.Registered.Year()%2 == 0:
					out.Set(coop.Pass, msg, coop.IntArg(c.Registered.Year()))
				default:
					out.Set(coop.Fail, msg, coop.IntArg(c.Registered.Year()))
				}
			}
		}}))
	var region programs.Kind
	for _, k := range cat.Kinds() {
		if k.Name == programs.CritRegion {
			region = k
		}
	}
	require.NotNil(t, region.Bind)
	inner := region.Bind
	region.Name, region.ID = "not-region", "not-region"
	region.Bind = func(b *programs.Binding) programs.Rule {
		rule := inner(b)
		return func(a *programs.Applicant, asOf coop.Date, out *programs.Eval) {
			rule(a, asOf, out)
			switch out.Outcome() {
			case coop.Pass:
				out.Set(coop.Fail, region.Messages[0])
			case coop.Fail:
				out.Set(coop.Pass, region.Messages[0])
			}
		}
	}
	require.NoError(t, cat.AddKind(region))
	require.NoError(t, cat.LoadPrograms("edges.yaml", strings.NewReader(edges)))
	return cat
}

// edgeModel returns 700 edge cooperatives at asOf made with seed
// (edgeCooperatives), 200 under the race detector (the same cases, fewer
// cooperatives: the detector is slow), and their read model.
func edgeModel(t *testing.T, asOf coop.Date, seed uint64) ([]coop.Cooperative, *readmodel.Model) {
	t.Helper()
	n := 700
	if raceDetector {
		n = 200
	}
	cs := edgeCooperatives(n, asOf, seed)
	m, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	return cs, m
}

// edgeCooperatives returns n cooperatives drawn from the recorded ones,
// each changed at the edges of the rules around asOf: status before or
// after the date, registration on the date, the day after it and on the
// anniversaries that end an existence, conformity to Law 112-12 around its
// deadline, no province, no sector, facts declared or not, unions, and
// registers with no woman, no gender or no birth date, or none at all.
func edgeCooperatives(n int, asOf coop.Date, seed uint64) []coop.Cooperative {
	rng := rand.New(rand.NewPCG(seed, 7))
	base := recordedApplicants()
	pick := func(vs ...int) int { return vs[rng.IntN(len(vs))] }
	cs := make([]coop.Cooperative, n)
	for i := range cs {
		c := *base[rng.IntN(len(base))].Cooperative
		c.Members = append([]coop.Member(nil), c.Members...)
		switch rng.IntN(8) {
		case 0:
			c.RegisteredOn = coop.Date{}
		case 1:
			c.RegisteredOn = asOf.AddDays(pick(0, 1))
		case 2:
			c.RegisteredOn = asOf.AddYears(-pick(2, 3, 4)).AddDays(pick(-1, 0, 1))
		}
		switch rng.IntN(5) {
		case 0:
			c.Status, c.StatusSince = coop.Dissolved, asOf.AddDays(pick(-30, 0, 1))
		case 1:
			c.Status, c.StatusSince = coop.StruckOff, asOf.AddDays(pick(-1, 1))
		}
		if rng.IntN(3) == 0 {
			c.FoundedUnder = coop.Law2483
			c.ConformedOn = []coop.Date{{}, coop.ConformityDeadline, coop.ConformityDeadline.AddDays(1), asOf.AddDays(1), asOf.AddYears(-6)}[rng.IntN(5)]
		}
		if rng.IntN(6) == 0 {
			c.Province = ""
		}
		if rng.IntN(6) == 0 {
			c.Sector = ""
		}
		if rng.IntN(4) == 0 {
			c.Kind = coop.KindUnion
		}
		c.Declared = nil
		for _, f := range []string{"a", "b"} {
			if v := rng.IntN(3); v < 2 {
				if c.Declared == nil {
					c.Declared = map[string]bool{}
				}
				c.Declared[f] = v == 1
			}
		}
		switch rng.IntN(6) {
		case 0:
			count := pick(0, 2, 7)
			c.Members, c.MemberCount = nil, &count
		case 1:
			c.Members, c.MemberCount = nil, nil
		case 2:
			for j := range c.Members {
				c.Members[j].Gender = coop.Female
			}
		case 3:
			for j := range c.Members {
				if rng.IntN(3) == 0 {
					c.Members[j].Gender = ""
				}
				if rng.IntN(3) == 0 {
					c.Members[j].BirthDate = coop.Date{}
				}
			}
		}
		cs[i] = c
	}
	return cs
}

// TestScreen_ColumnsAtEdges checks that a screening that only counts,
// which decides each rule over runs of cooperatives, counts what Evaluate
// decides one cooperative at a time, for every programme of the catalogue
// and every kind a run is decided with: cooperatives at the edges of each
// rule, shuffled so that the first cooperative of a run, whose outcome
// others may share, varies, at dates inside the call, on the deadline of
// Law 112-12 and after the call closed. A kind written in Go that wraps a
// built-in one is decided by its own rule.
func TestScreen_ColumnsAtEdges(t *testing.T) {
	t.Parallel() // the tests of the largest corpora run side by side
	cat := edgeCatalogue(t)
	for _, date := range []string{"2023-06-30", "2019-12-31", "2024-02-29", "2026-01-15"} {
		asOf := d(date)
		cs := edgeCooperatives(2500, asOf, uint64(asOf.Year()))
		m, err := readmodel.FromCooperatives(cs)
		require.NoError(t, err)
		rep, err := cat.ScreenModel(context.Background(), m, programs.ScreenOptions{AsOf: asOf, Workers: 3})
		require.NoError(t, err)
		require.Len(t, rep.Programs, len(cat.ProgramIDs()))
		for _, pc := range rep.Programs {
			want := evaluatedCounts(t, cat, pc.Program, asOf, cs)
			assert.Equal(t, want, pc, "%s at %s", pc.Program, date)
		}
		edges, _ := rep.Counts("edges")
		if date == "2023-06-30" {
			// Every outcome occurs, so that a rule decided wrongly shows.
			assert.Positive(t, edges.Eligible+edges.Undetermined, date)
			for _, id := range []string{"registered", "law-112-12", "existence-max", "young", "experience-min", "region", "province",
				"sector", "branch", "a", "members-min", "women-only", "women-majority", "aged", "women-youth-share", "a-or-region",
				"registered-and-b", "not-b", "even-or-sector", "not-region", "only-unions"} {
				assert.Positive(t, edges.Failed[id], "%s fails somewhere", id)
			}
			for _, id := range []string{"region", "sector", "branch", "a", "members-min", "women-only", "aged", "women-youth-share",
				"a-or-region", "registered-and-b", "not-b", "even-or-sector"} {
				assert.Positive(t, edges.Unknown[id], "%s is unknown somewhere", id)
			}
		}
	}
}

// agesProgram returns a programme with a members-aged criterion for each
// age range of ranges, and women-youth-share, whose windows a screening
// tallies together.
func agesProgram(ranges [][2]int) string {
	var crits, params strings.Builder
	for i, r := range ranges {
		fmt.Fprintf(&crits, "      - {kind: members-aged, id: aged-%d, params: {min_age: min_%d, max_age: max_%d}}\n", i, i, i)
		fmt.Fprintf(&params, "          min_%d: %d\n          max_%d: %d\n", i, r[0], i, r[1])
	}
	return `
programs:
  - id: ages
    names: {fr: Âges, ar: أعمار, en: Ages}
    accepts: [cooperative, union]
    reference: an illustrative programme
    criteria:
` + crits.String() + `      - kind: women-youth-share
    calls:
      - id: ages-2019
        names: {fr: Appel 2019, ar: دعوة 2019, en: Call 2019}
        opens: 2019-01-01
        closes: 2025-12-31
        parameters:
          youth_max_age: 35
          min_women_youth_share: 0.3
` + params.String()
}

// TestScreen_AgeWindows checks that a screening counts members by age as
// Evaluate decides them, whether the age ranges of its programmes are few,
// share their limits, nest, or are too many to count in the buckets a
// screening keeps on the stack.
func TestScreen_AgeWindows(t *testing.T) {
	many := make([][2]int, 12)
	for i := range many {
		many[i] = [2]int{16 + 3*i, 30 + 2*i}
	}
	for _, tc := range []struct {
		name   string
		ranges [][2]int
	}{
		{"one", [][2]int{{18, 40}}},
		{"adjacent", [][2]int{{18, 29}, {30, 44}, {45, 70}}},
		{"nested and equal", [][2]int{{18, 60}, {22, 40}, {22, 40}, {15, 35}}},
		{"many", many},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cat := programs.Default()
			require.NoError(t, cat.LoadPrograms("ages.yaml", strings.NewReader(agesProgram(tc.ranges))))
			asOf := d("2023-06-30")
			cs := edgeCooperatives(600, asOf, 11)
			m, err := readmodel.FromCooperatives(cs)
			require.NoError(t, err)
			rep, err := cat.ScreenModel(context.Background(), m, programs.ScreenOptions{AsOf: asOf, Programs: []string{"ages"}, Workers: 2})
			require.NoError(t, err)
			got, _ := rep.Counts("ages")
			assert.Equal(t, evaluatedCounts(t, cat, "ages", asOf, cs), got)
			assert.Positive(t, got.Failed["aged-0"], "a range fails somewhere")
			assert.Positive(t, got.Eligible+got.Undetermined+got.Failed["women-youth-share"], "the programme decides members")
		})
	}
}

// TestScreen_Outcomes checks that a screening asked for the decisions of
// some outcomes hands out exactly those of the screening that hands out
// every decision, whole and in the same order, and reports the same
// counts: for programmes with a call, without one yet, and of persons (a
// cooperative or a union fails them alike), and kinds written in Go.
func TestScreen_Outcomes(t *testing.T) {
	t.Parallel() // the tests of the largest corpora run side by side
	cat := edgeCatalogue(t)
	occurs := map[programs.Outcome]bool{}
	for _, date := range []string{"2019-12-31", "2023-06-30", "2026-01-15"} {
		asOf := d(date)
		cs, m := edgeModel(t, asOf, uint64(asOf.Year())+3)
		all, every := screenSeen(t, cat, m, programs.ScreenOptions{AsOf: asOf}, nil)
		require.Len(t, every, len(cs)*len(cat.ProgramIDs()))
		for _, h := range every {
			occurs[h.outcome] = true
		}
		for _, want := range [][]programs.Outcome{
			{programs.Eligible},
			{programs.Undetermined},
			{programs.Ineligible, programs.Undetermined},
			{programs.Eligible, programs.Ineligible, programs.Undetermined},
		} {
			rep, got := screenSeen(t, cat, m, programs.ScreenOptions{AsOf: asOf, Outcomes: want}, nil)
			assert.Equal(t, all, rep, "%s %v: the counts", date, want)
			var expected []seen
			for _, h := range every {
				if slices.Contains(want, h.outcome) {
					expected = append(expected, h)
				}
			}
			requireSeen(t, expected, got, fmt.Sprint(date, " ", want))
		}
	}
	assert.Len(t, occurs, 3, "every outcome occurs")
}

// TestScreen_Refused checks that screening options that cannot be met
// are refused, naming the field and the rule, before any decision, through
// ScreenModel and ScreenCooperatives alike: an outcome that is none of the
// three, and both OnDecision and OnScreened.
func TestScreen_Refused(t *testing.T) {
	cat := programs.Default()
	cs := edgeCooperatives(10, d("2023-06-30"), 1)
	m, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	called := false
	onDecision := func(int, *programs.Decision) { called = true }
	for _, tc := range []struct {
		name        string
		opts        programs.ScreenOptions
		field, rule string
		says        string
	}{
		{"an unknown outcome", programs.ScreenOptions{Outcomes: []programs.Outcome{programs.Eligible, "eligable"}, OnDecision: onDecision},
			"outcomes[1]", "enum", `"eligable"`},
		{"both callbacks", programs.ScreenOptions{OnDecision: onDecision, OnScreened: func(int, *programs.Screened) { called = true }},
			"on_screened", "exclusive", "OnDecision"},
	} {
		tc.opts.AsOf = d("2023-06-30")
		for door, screen := range map[string]func() error{
			"ScreenModel":        func() error { _, err := cat.ScreenModel(context.Background(), m, tc.opts); return err },
			"ScreenCooperatives": func() error { _, err := cat.ScreenCooperatives(context.Background(), cs, tc.opts); return err },
		} {
			var e *coop.Error
			require.ErrorAs(t, screen(), &e, "%s, %s", tc.name, door)
			assert.Equal(t, coop.Invalid, e.Code)
			require.Len(t, e.Fields, 1)
			assert.Equal(t, tc.field, e.Fields[0].Field, tc.name)
			assert.Equal(t, tc.rule, e.Fields[0].Rule, tc.name)
			assert.Contains(t, e.Fields[0].Message, tc.says, tc.name)
		}
	}
	assert.False(t, called, "no decision is handed out")
}
