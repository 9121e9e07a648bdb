package programs_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
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
	t.Parallel() // the tests of the largest corpora run side by side
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
// those of its decisions, at the three recorded dates: counted without
// making the decisions when none is read (no reason is made then), and
// counted from the decisions handed to OnDecision.
func TestScreen_CountsAsDecisions(t *testing.T) {
	cat := programs.Default()
	applicants := recordedApplicants()[:1000]
	cs := make([]coop.Cooperative, len(applicants))
	for i, a := range applicants {
		cs[i] = *a.Cooperative
	}
	tests := []struct {
		name string
		read bool
	}{
		{"no decision read", false},
		{"every decision read", true},
	}
	for _, date := range recordedDates {
		asOf := d(date)
		want := map[string]programs.ProgramCounts{}
		for _, id := range cat.ProgramIDs() {
			want[id] = evaluatedCounts(t, cat, id, asOf, cs)
		}
		for _, tt := range tests {
			opts := programs.ScreenOptions{AsOf: asOf, Workers: 3}
			read := 0
			if tt.read {
				var mu sync.Mutex
				opts.OnDecision = func(int, *programs.Decision) { mu.Lock(); read++; mu.Unlock() }
			}
			rep, err := cat.Screen(context.Background(), slices.Values(cs), opts)
			require.NoError(t, err)
			require.Len(t, rep.Programs, len(want))
			for _, pc := range rep.Programs {
				assert.Equal(t, want[pc.Program], pc, "%s at %s: %s", tt.name, date, pc.Program)
			}
			if tt.read {
				assert.Equal(t, len(cs)*len(want), read, "%s at %s", tt.name, date)
			}
		}
	}
}

// TestScreenCooperatives screens a slice of the recorded cooperatives
// through ScreenCooperatives and compares every decision with those of a
// full read model: the same for Mourafaka, screened over a model without
// the members since none of its criteria reads them, for INDH income,
// whose criteria read them, and for every programme at once. A kind
// written in Go that does not say it reads no member keeps them in.
func TestScreenCooperatives(t *testing.T) {
	cat := programs.Default()
	applicants := recordedApplicants()[:600]
	cs := make([]coop.Cooperative, len(applicants))
	for i, a := range applicants {
		cs[i] = *a.Cooperative
	}
	full, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	decisions := func(screen func(opts programs.ScreenOptions) (programs.ScreenReport, error), ids []string) ([]string, programs.ScreenReport) {
		got := make([]string, len(cs)*len(cat.ProgramIDs()))
		var slot atomic.Int64
		rep, err := screen(programs.ScreenOptions{AsOf: d("2023-06-30"), Programs: ids, Workers: 2, OnDecision: func(i int, dec *programs.Decision) {
			got[slot.Add(1)-1] = fmt.Sprintf("%d %s %s", i, dec.Program, fingerprint(*dec))
		}})
		require.NoError(t, err)
		slices.Sort(got)
		return got, rep
	}
	for _, ids := range [][]string{{"mourafaka"}, {"indh-income"}, nil} {
		want, wantRep := decisions(func(o programs.ScreenOptions) (programs.ScreenReport, error) {
			return cat.ScreenModel(context.Background(), full, o)
		}, ids)
		got, gotRep := decisions(func(o programs.ScreenOptions) (programs.ScreenReport, error) {
			return cat.ScreenCooperatives(context.Background(), cs, o)
		}, ids)
		assert.Equal(t, want, got, "%v", ids)
		assert.Equal(t, wantRep, gotRep, "%v", ids)
		seq, err := cat.Screen(context.Background(), slices.Values(cs), programs.ScreenOptions{AsOf: d("2023-06-30"), Programs: ids})
		require.NoError(t, err)
		assert.Equal(t, wantRep, seq, "%v", ids)
	}

	// A kind written in Go reads the members unless it says otherwise.
	withKind := programs.Default()
	require.NoError(t, withKind.AddKind(programs.Kind{Name: "big", ID: "big", Doc: "more than 8 members",
		Bind: func(*programs.Binding) programs.Rule {
			return func(a *programs.Applicant, asOf coop.Date, out *programs.Eval) {
				m, c, _, _ := a.Compact()
				n, known := m.MembersAt(c, asOf)
				switch {
				case !known:
					out.Set(coop.Unknown, msgBig, coop.IntArg(0))
				case n > 8:
					out.Set(coop.Pass, msgBig, coop.IntArg(n))
				default:
					out.Set(coop.Fail, msgBig, coop.IntArg(n))
				}
			}
		}}))
	require.NoError(t, withKind.LoadPrograms("big.yaml", strings.NewReader(`
programs:
  - id: big-coops
    names: {fr: Grandes coopératives, ar: تعاونيات كبيرة, en: Big cooperatives}
    accepts: [cooperative]
    reference: an illustrative programme
    criteria: [{kind: big}]
    calls: [{id: big-2023, opens: 2023-01-01}]
`)))
	rep, err := withKind.ScreenCooperatives(context.Background(), cs, programs.ScreenOptions{AsOf: d("2023-06-30"), Programs: []string{"big-coops"}})
	require.NoError(t, err)
	fullRep, err := withKind.ScreenModel(context.Background(), full, programs.ScreenOptions{AsOf: d("2023-06-30"), Programs: []string{"big-coops"}})
	require.NoError(t, err)
	assert.Equal(t, fullRep, rep)
	assert.Positive(t, rep.Programs[0].Eligible, "the members were read")

	// A programme of cooperatives with a loan: a screened decision states
	// the benefit Evaluate states (the ceilings, no project being given).
	loans := programs.Default()
	require.NoError(t, loans.LoadPrograms("loans.yaml", strings.NewReader(`
programs:
  - id: coop-loans
    names: {fr: Prêts aux coopératives, ar: قروض التعاونيات, en: Cooperative loans}
    accepts: [cooperative]
    reference: an illustrative programme
    criteria: [{kind: registered}]
    benefit: {kind: honour-loan}
    calls: [{id: loans-2023, opens: 2023-01-01, parameters: {loan_cap: "50000", grant_part_cap: "5000", repayment_years: 7, grace_years: 1}}]
`)))
	benefits := make([]string, len(cs))
	_, err = loans.ScreenCooperatives(context.Background(), cs, programs.ScreenOptions{AsOf: d("2023-06-30"), Programs: []string{"coop-loans"},
		OnDecision: func(i int, dec *programs.Decision) {
			if dec.Benefit != nil {
				benefits[i] = dec.Benefit.Reason.Text(coop.FR)
			}
		}})
	require.NoError(t, err)
	stated := 0
	for i := range cs {
		dec, err := loans.Evaluate(programs.Request{Program: "coop-loans", AsOf: d("2023-06-30"), Applicant: programs.Applicant{Cooperative: &cs[i]}})
		require.NoError(t, err)
		want := ""
		if dec.Benefit != nil {
			want, stated = dec.Benefit.Reason.Text(coop.FR), stated+1
		}
		assert.Equal(t, want, benefits[i], "cooperative %d", i)
	}
	assert.Positive(t, stated)
}

var msgBig = &coop.Message{ID: "big", EN: "{0} members", FR: "{0} adhérents", AR: "{0} عضوا"}

// TestScreen_MemberRulesAtEdges screens registers built from members at
// the edges of what the rules on the members read (a birthday on the date
// of each age limit or the day after, no birth date, no gender, joining or
// leaving on the date) and compares every decision and every count with
// Evaluate, which walks each register on its own: a screening counts each
// register once for every programme.
func TestScreen_MemberRulesAtEdges(t *testing.T) {
	cat := programs.Default()
	asOf := d("2023-06-30")
	births := []string{"", "2005-06-30", "2005-07-01", "2001-06-30", "2001-07-01", "1987-07-01", "1987-06-30",
		"1982-07-01", "1982-06-30", "1960-01-01"}
	genders := []coop.Gender{coop.Female, coop.Male, ""}
	spans := []struct{ joined, left string }{
		{"2020-01-01", ""}, {"2023-06-30", ""}, {"2023-07-01", ""}, {"2020-01-01", "2023-06-30"}, {"2020-01-01", "2023-07-01"},
	}
	base := *recordedApplicants()[0].Cooperative
	require.NotEmpty(t, base.Members)
	member := func(k int) coop.Member {
		m := base.Members[0]
		m.Gender = genders[k%len(genders)]
		m.BirthDate = coop.Date{}
		if b := births[k/len(genders)%len(births)]; b != "" {
			m.BirthDate = d(b)
		}
		s := spans[k/(len(genders)*len(births))%len(spans)]
		m.JoinedOn, m.LeftOn = d(s.joined), coop.Date{}
		if s.left != "" {
			m.LeftOn = d(s.left)
		}
		m.Shares = nil
		return m
	}
	shapes := len(genders) * len(births) * len(spans)
	// Registers of every shape, and registers without women, where the
	// members with no gender or no birth date decide women-youth-share.
	var cs []coop.Cooperative
	for _, women := range []bool{true, false} {
		for size := 1; size <= 7; size++ {
			for first := 0; first < shapes; first += 3 {
				c := base
				c.Members = nil
				for j := 0; len(c.Members) < size; j++ {
					m := member((first + j*37) % shapes)
					if !women && m.Gender == coop.Female {
						continue
					}
					m.Number = len(c.Members) + 1
					c.Members = append(c.Members, m)
				}
				cs = append(cs, c)
			}
		}
	}
	m, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	want := make([][]string, len(cs))
	wantCounts := map[string]programs.ProgramCounts{}
	for _, id := range cat.ProgramIDs() {
		for i := range cs {
			dec, err := cat.Evaluate(programs.Request{Program: id, AsOf: asOf, Applicant: programs.Applicant{Cooperative: &cs[i]}})
			require.NoError(t, err)
			want[i] = append(want[i], id+" "+withoutChange(dec))
		}
		wantCounts[id] = evaluatedCounts(t, cat, id, asOf, cs)
	}
	tests := []struct {
		name string
		read bool
	}{{"every decision read", true}, {"counted", false}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := make([][]string, len(cs))
			var mu sync.Mutex
			opts := programs.ScreenOptions{AsOf: asOf, Workers: 2}
			if tt.read {
				opts.OnDecision = func(i int, dec *programs.Decision) {
					mu.Lock()
					got[i] = append(got[i], dec.Program+" "+withoutChange(*dec))
					mu.Unlock()
				}
			}
			rep, err := cat.ScreenModel(context.Background(), m, opts)
			require.NoError(t, err)
			for _, pc := range rep.Programs {
				assert.Equal(t, wantCounts[pc.Program], pc, pc.Program)
			}
			if !tt.read {
				return
			}
			for i := range cs {
				w := slices.Clone(want[i])
				slices.Sort(w)
				slices.Sort(got[i])
				require.Equal(t, w, got[i], "cooperative %d", i)
			}
		})
	}
}
