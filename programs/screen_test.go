package programs_test

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// registry returns n varied cooperatives, deterministic in n.
func registry(n int) []coop.Cooperative {
	provinces := []coop.ProvinceCode{"MA-CAS", "MA-HAO", "MA-FES", "MA-IFR", "MA-TNG", "MA-OUJ", "MA-GUE", "MA-RAB"}
	sectors := []coop.Sector{coop.Agriculture, coop.Handicraft, coop.Housing, coop.Tourism}
	out := make([]coop.Cooperative, n)
	for i := range out {
		reg := d("2012-01-01").AddDays(i * 37 % 4400)
		c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
			Name: fmt.Sprintf("Coop %d", i), RegisteredOn: reg, Province: provinces[i%len(provinces)], Sector: sectors[i%len(sectors)],
			Branch: coop.Branch([]string{"weaving", "dairy", "pottery"}[i%3])}
		for j := 0; j < 5+i%7; j++ {
			m := coop.Member{Type: coop.Natural, Gender: coop.Male, BirthDate: d("1960-01-01").AddDays((i*131 + j*977) % 18000)}
			if (i+j)%3 == 0 {
				m.Gender = coop.Female
			}
			c.Members = append(c.Members, m)
		}
		if i%5 == 0 {
			c.Declared = map[string]bool{"disadvantaged-members": true, "precarious-situation": i%10 == 0}
		}
		if i%97 == 0 {
			c.Status, c.StatusSince = coop.Dissolved, reg.AddYears(1)
		}
		out[i] = c
	}
	return out
}

// evaluatedCounts counts the decisions of Evaluate on each of cs for the
// programme at asOf as a screening counts them: by outcome, and failing
// and unknown criteria by ID.
func evaluatedCounts(t *testing.T, cat *programs.Catalogue, program string, asOf coop.Date, cs []coop.Cooperative) programs.ProgramCounts {
	t.Helper()
	pc := programs.ProgramCounts{Program: program, Failed: map[string]int{}, Unknown: map[string]int{}}
	for i := range cs {
		dec, err := cat.Evaluate(programs.Request{Program: program, AsOf: asOf, Applicant: programs.Applicant{Cooperative: &cs[i]}})
		require.NoError(t, err)
		pc.Call = dec.Call
		switch dec.Outcome {
		case programs.Eligible:
			pc.Eligible++
		case programs.Ineligible:
			pc.Ineligible++
		default:
			pc.Undetermined++
		}
		for _, c := range dec.Criteria {
			switch c.Outcome {
			case coop.Fail:
				pc.Failed[c.ID]++
			case coop.Unknown:
				pc.Unknown[c.ID]++
			}
		}
	}
	return pc
}

func TestScreen_MatchesEvaluate(t *testing.T) {
	cat := programs.Default()
	regs := registry(2000)
	asOf := d("2023-06-30")
	var seen atomic.Int64
	rep, err := cat.Screen(context.Background(), slices.Values(regs), programs.ScreenOptions{AsOf: asOf, Workers: 4,
		OnDecision: func(int, *programs.Decision) { seen.Add(1) }})
	require.NoError(t, err)
	assert.Equal(t, 2000, rep.Cooperatives)
	assert.Len(t, rep.Programs, 10)
	assert.Equal(t, int64(2000*10), seen.Load())

	for _, pc := range rep.Programs {
		want := evaluatedCounts(t, cat, pc.Program, asOf, regs)
		assert.Equal(t, want.Eligible, pc.Eligible, pc.Program)
		assert.Equal(t, want.Ineligible, pc.Ineligible, pc.Program)
		assert.Equal(t, want.Undetermined, pc.Undetermined, pc.Program)
		assert.Equal(t, want.Failed, pc.Failed, pc.Program)
		assert.Equal(t, want.Unknown, pc.Unknown, pc.Program)
		assert.Equal(t, 2000, pc.Eligible+pc.Ineligible+pc.Undetermined)
	}
	m, _ := rep.Counts("mourafaka")
	assert.Positive(t, m.Eligible)
	assert.Positive(t, m.Failed["existence-max"])
	assert.Equal(t, "existence-max", m.FailedCriteria()[0])
	mot, _ := rep.Counts("motatawi3")
	assert.Equal(t, 2000, mot.Failed["applicant-kind"])
}

func TestScreen_Errors(t *testing.T) {
	cat := programs.Default()
	_, err := cat.Screen(context.Background(), slices.Values(registry(3)), programs.ScreenOptions{})
	require.ErrorIs(t, err, coop.ErrInvalid)
	_, err = cat.Screen(context.Background(), slices.Values(registry(3)), programs.ScreenOptions{AsOf: d("2024-01-01"), Programs: []string{"awrach"}})
	require.ErrorIs(t, err, coop.ErrNotFound)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	endless := iter.Seq[coop.Cooperative](func(yield func(coop.Cooperative) bool) {
		c := registry(1)[0]
		for yield(c) {
		}
	})
	_, err = cat.Screen(ctx, endless, programs.ScreenOptions{AsOf: d("2024-01-01")})
	require.ErrorIs(t, err, context.Canceled)
}

func BenchmarkScreen(b *testing.B) {
	cat := programs.Default()
	regs := registry(60000)
	asOf := d("2023-06-30")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := cat.Screen(context.Background(), slices.Values(regs), programs.ScreenOptions{AsOf: asOf}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(regs)*8), "ns/decision")
}

func BenchmarkEvaluate(b *testing.B) {
	cat := programs.Default()
	c := registry(1)[0]
	req := programs.Request{Program: "indh-income", AsOf: d("2023-06-30"), Applicant: programs.Applicant{Cooperative: &c}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cat.Evaluate(req); err != nil {
			b.Fatal(err)
		}
	}
}
