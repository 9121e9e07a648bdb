package programs_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/programs"
)

// seen is a decision as a caller reads it: from OnDecision, or from
// OnScreened with the whole decision asked for where the test says.
type seen struct {
	index           int
	program, call   string
	outcome         programs.Outcome
	failed, unknown []string
	decision        string // JSON, reasons included; "" when not asked
}

// screenSeen screens m with opts on one worker, handing every decision to
// OnDecision, and returns the report and the decisions in order, each in
// JSON where whole says so for its position (every one when whole is
// nil).
func screenSeen(t *testing.T, cat *programs.Catalogue, m *readmodel.Model, opts programs.ScreenOptions, whole func(n int) bool) (programs.ScreenReport, []seen) {
	t.Helper()
	var out []seen
	opts.Workers = 1
	opts.OnDecision = func(i int, d *programs.Decision) {
		s := seen{i, d.Program, d.Call, d.Outcome, d.IDs(coop.Fail), d.IDs(coop.Unknown), ""}
		if whole == nil || whole(len(out)) {
			b, err := json.Marshal(d)
			require.NoError(t, err)
			s.decision = string(b)
		}
		out = append(out, s)
	}
	rep, err := cat.ScreenModel(context.Background(), m, opts)
	require.NoError(t, err)
	return rep, out
}

// screenScreened is screenSeen through OnScreened, asking for the whole
// decision when whole says so for the decision's position.
func screenScreened(t *testing.T, cat *programs.Catalogue, m *readmodel.Model, opts programs.ScreenOptions, whole func(n int) bool) (programs.ScreenReport, []seen) {
	t.Helper()
	var out []seen
	opts.Workers = 1
	opts.OnScreened = func(i int, v *programs.Screened) {
		s := seen{index: i, program: v.Program(), call: v.Call(), outcome: v.Outcome(),
			failed: v.Failed(nil), unknown: v.Unknown(nil)}
		if whole(len(out)) {
			d := v.Decision()
			b, err := json.Marshal(d)
			require.NoError(t, err)
			s.decision = string(b)
			// Asking again gives the same decision, and the criteria read
			// before agree with it.
			assert.Same(t, d, v.Decision())
			assert.Equal(t, s.failed, v.Failed(nil))
		}
		out = append(out, s)
	}
	rep, err := cat.ScreenModel(context.Background(), m, opts)
	require.NoError(t, err)
	return rep, out
}

// requireSeen requires the decisions got to be those of want, in order,
// each whole in JSON where both are.
func requireSeen(t *testing.T, want, got []seen, msg string) {
	t.Helper()
	require.Equal(t, len(want), len(got), msg)
	for i := range want {
		w := want[i]
		if got[i].decision == "" || w.decision == "" {
			w.decision = got[i].decision
		}
		require.Equal(t, w, got[i], "%s: decision %d", msg, i)
	}
}

// TestScreen_Screened checks that OnScreened receives the decisions
// OnDecision receives, in the same order, with the same programme, call,
// outcome and failing and unknown criteria, and, where asked, the same
// whole decision byte for byte in JSON; and that the report is the same.
// It covers programmes with a call, without one yet, and of persons, kinds
// written in Go, a screening of some outcomes, and one that computes
// change dates (which decides each cooperative whole).
func TestScreen_Screened(t *testing.T) {
	t.Parallel() // the tests of the largest corpora run side by side
	cat := edgeCatalogue(t)
	outcomes := map[programs.Outcome]bool{}
	for _, date := range []string{"2019-12-31", "2023-06-30", "2026-01-15"} {
		asOf := d(date)
		_, m := edgeModel(t, asOf, uint64(asOf.Year())+5)
		for _, tc := range []struct {
			name  string
			opts  programs.ScreenOptions
			whole func(n int) bool
		}{
			{"every decision, none whole", programs.ScreenOptions{AsOf: asOf}, func(int) bool { return false }},
			{"every decision, every third whole", programs.ScreenOptions{AsOf: asOf}, func(n int) bool { return n%3 == 0 }},
			{"every decision whole", programs.ScreenOptions{AsOf: asOf}, func(int) bool { return true }},
			{"ineligible and undetermined, whole", programs.ScreenOptions{AsOf: asOf,
				Outcomes: []programs.Outcome{programs.Ineligible, programs.Undetermined}}, func(int) bool { return true }},
			{"with change dates", programs.ScreenOptions{AsOf: asOf, ChangeDates: true}, func(n int) bool { return n%2 == 1 }},
		} {
			wantRep, want := screenSeen(t, cat, m, tc.opts, tc.whole)
			rep, got := screenScreened(t, cat, m, tc.opts, tc.whole)
			assert.Equal(t, wantRep, rep, "%s %s: the counts", date, tc.name)
			requireSeen(t, want, got, date+" "+tc.name)
			for _, w := range want {
				outcomes[w.outcome] = true
			}
		}
	}
	assert.Len(t, outcomes, 3, "every outcome occurs")
}
