package programs_test

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/programs"
)

// TestScreenModel_AsEvaluate screens the 3,000 varied cooperatives of the
// recording at three dates over one read model of them all, and decides
// each of them alone from its coop.Cooperative (Evaluate derives its
// compact form on its own, with its own dictionaries of branches and
// facts): every decision, every criterion with its outcome, parameters and
// reason arguments, and the grant, are the same. Screening with change
// dates gives the same change dates as Evaluate.
func TestScreenModel_AsEvaluate(t *testing.T) {
	cat := programs.Default()
	// The 3,000 recorded applicants; the first 1,000 under the race
	// detector, which screens them on several goroutines all the same.
	applicants := recordedApplicants()
	if raceDetector {
		applicants = applicants[:1000]
	}
	cs := make([]coop.Cooperative, len(applicants))
	for i, a := range applicants {
		cs[i] = *a.Cooperative
	}
	m, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	for _, date := range recordedDates {
		for _, changeDates := range []bool{false, true} {
			got := make([][]string, len(cs))
			for i := range got {
				got[i] = make([]string, 0, 8)
			}
			ids := cat.ProgramIDs()
			rep, err := cat.ScreenModel(context.Background(), m, programs.ScreenOptions{AsOf: coop.MustParseDate(date), ChangeDates: changeDates,
				OnDecision: func(i int, d *programs.Decision) {
					fp := fingerprint(*d)
					if !changeDates {
						fp = withoutChange(*d)
					}
					got[i] = append(got[i], d.Program+" "+fp)
				}})
			require.NoError(t, err)
			require.Equal(t, len(cs), rep.Cooperatives)
			for i := range cs {
				var want []string
				for _, id := range ids {
					d, err := cat.Evaluate(programs.Request{Program: id, AsOf: coop.MustParseDate(date), Applicant: programs.Applicant{Cooperative: &cs[i]}})
					require.NoError(t, err)
					fp := fingerprint(d)
					if !changeDates {
						fp = withoutChange(d)
					}
					want = append(want, id+" "+fp)
				}
				slices.Sort(want)
				slices.Sort(got[i])
				require.Equal(t, want, got[i], "cooperative %d at %s", i, date)
			}
		}
	}
}

// withoutChange is the fingerprint of a decision without its change date,
// which screening computes only when asked.
func withoutChange(d programs.Decision) string {
	d.ChangesOn, d.ChangesTo = coop.Date{}, ""
	return fingerprint(d)
}

// TestScreen_CountsAsDecisions checks that the counts of a screening are
// those of its decisions.
func TestScreen_CountsAsDecisions(t *testing.T) {
	cat := programs.Default()
	applicants := recordedApplicants()[:1000]
	cs := make([]coop.Cooperative, len(applicants))
	for i, a := range applicants {
		cs[i] = *a.Cooperative
	}
	rep, err := cat.Screen(context.Background(), slices.Values(cs), programs.ScreenOptions{AsOf: d("2024-03-15"), Workers: 3})
	require.NoError(t, err)
	for _, pc := range rep.Programs {
		want := programs.ProgramCounts{Program: pc.Program, Call: pc.Call, Failed: map[string]int{}, Unknown: map[string]int{}}
		for i := range cs {
			dec, err := cat.Evaluate(programs.Request{Program: pc.Program, AsOf: d("2024-03-15"), Applicant: programs.Applicant{Cooperative: &cs[i]}})
			require.NoError(t, err)
			switch dec.Outcome {
			case programs.Eligible:
				want.Eligible++
			case programs.Ineligible:
				want.Ineligible++
			default:
				want.Undetermined++
			}
			for _, c := range dec.Criteria {
				switch c.Outcome {
				case coop.Fail:
					want.Failed[c.ID]++
				case coop.Unknown:
					want.Unknown[c.ID]++
				}
			}
		}
		assert.Equal(t, want, pc, pc.Program)
	}
}
