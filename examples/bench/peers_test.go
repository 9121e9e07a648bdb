package bench_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/examples/bench"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/stats/synthetic"
)

// The peers decide what Taawun decides, criterion by criterion, on a
// registry with cooperatives registered on 29 February, young members on
// their 18th and 36th birthdays, Law 24-83 cooperatives conformed late or
// never, and members who left: a comparison of speed means something only
// between engines that agree.
func TestPeersAgree(t *testing.T) {
	reg := varied(synthetic.Generate(&synthetic.Options{Seed: 5, Cooperatives: 3000, Members: 40000, DefectRate: 0.2}))
	reg = append(reg, edgeCases()...)
	celEngine, err := bench.NewCEL(bench.Rulesets)
	require.NoError(t, err)
	exprEngine, err := bench.NewExpr(bench.Rulesets)
	require.NoError(t, err)
	cat := programs.Default()

	for _, date := range []string{"2023-06-30", "2023-02-28", "2023-12-31"} {
		asOf := coop.MustParseDate(date)
		seen := map[string]map[coop.Outcome]int{}
		for i := range reg {
			c := &reg[i]
			f := bench.FactsOf(c)
			vars := bench.Vars(&f, asOf.Time())
			env := &bench.Env{C: &f, AsOf: asOf.Time()}
			for si, set := range bench.Rulesets {
				d, err := cat.Evaluate(programs.Request{Program: set.Program, Call: set.Call, AsOf: asOf,
					Applicant: programs.Applicant{Cooperative: c}})
				require.NoError(t, err)
				name := fmt.Sprintf("%s %s %s", date, set.Program, c.Name)

				viaCEL, err := celEngine.Explain(si, vars, nil)
				require.NoError(t, err, name)
				viaExpr, err := exprEngine.Explain(si, env, nil)
				require.NoError(t, err, name)
				var ids []string
				for ri, r := range set.Rules {
					ids = append(ids, r.ID)
					got, ok := d.Criterion(r.ID)
					if !assert.True(t, ok, "%s: Taawun reports %s", name, r.ID) {
						continue
					}
					require.NotEqual(t, coop.Unknown, got.Outcome, "%s %s: the registry gives every fact", name, r.ID)
					if seen[r.ID] == nil {
						seen[r.ID] = map[coop.Outcome]int{}
					}
					seen[r.ID][got.Outcome]++
					assert.Equal(t, got.Outcome == coop.Pass, viaCEL[ri], "%s %s: cel", name, r.ID)
					assert.Equal(t, got.Outcome == coop.Pass, viaExpr[ri], "%s %s: expr", name, r.ID)
				}
				reported := []string{}
				for _, cr := range d.Criteria {
					reported = append(reported, cr.ID)
				}
				assert.Equal(t, ids, reported, "%s: the same criteria", name)

				eligible, err := celEngine.Eligible(si, vars)
				require.NoError(t, err)
				assert.Equal(t, d.Outcome == programs.Eligible, eligible, "%s: cel", name)
				eligible, err = exprEngine.Eligible(si, env)
				require.NoError(t, err)
				assert.Equal(t, d.Outcome == programs.Eligible, eligible, "%s: expr", name)
			}
		}
		// Every criterion both passes and fails somewhere, so the agreement
		// is tested both ways.
		for _, set := range bench.Rulesets {
			for _, r := range set.Rules {
				if r.ID == "applicant-kind" || r.ID == "call-window" {
					continue // the same for every cooperative of the registry
				}
				assert.Positive(t, seen[r.ID][coop.Pass], "%s %s passes somewhere", date, r.ID)
				assert.Positive(t, seen[r.ID][coop.Fail], "%s %s fails somewhere", date, r.ID)
			}
		}
	}
}

// AddYears, the calendar function given to the engines, is Taawun's
// coop.Date.AddYears.
func TestAddYears(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
	}{
		{"2020-02-29", 1}, {"2020-02-29", 4}, {"2004-02-29", 18}, {"1900-02-28", 100}, {"2000-02-29", 100},
		{"2023-12-31", 1}, {"2023-01-01", -18}, {"2024-02-29", -1}, {"1988-07-01", 36},
	} {
		d := coop.MustParseDate(tc.from)
		assert.Equal(t, d.AddYears(tc.n).Time(), bench.AddYears(d.Time(), tc.n), "%s + %d", tc.from, tc.n)
	}
}

// edgeCases are cooperatives on the boundaries of the criteria.
func edgeCases() []coop.Cooperative {
	d := coop.MustParseDate
	member := func(g coop.Gender, birth string) coop.Member {
		m := coop.Member{Gender: g}
		if birth != "" {
			m.BirthDate = d(birth)
		}
		return m
	}
	base := func(name, registered string, members ...coop.Member) coop.Cooperative {
		return coop.Cooperative{Name: name, Kind: coop.KindCooperative, Sector: coop.Agriculture, Province: "MA-KEN",
			RegisteredOn: d(registered), Status: coop.Active, FoundedUnder: coop.Law11212, Members: members}
	}
	men := func(n int, birth string) []coop.Member {
		ms := make([]coop.Member, n)
		for i := range ms {
			ms[i] = member(coop.Male, birth)
		}
		return ms
	}
	var out []coop.Cooperative
	// Registered on 29 February 2020: four years end on 28 February 2024.
	out = append(out, base("leap", "2020-02-29", men(5, "1970-01-01")...))
	// Three of ten young on the day: 30 % is not more than 30 %.
	young := append(men(7, "1970-01-01"), member(coop.Male, "2005-06-30"), member(coop.Male, "1988-07-01"), member(coop.Male, "1988-07-01"))
	out = append(out, base("thirty-percent", "2019-01-01", young...))
	// Four of ten: 18 today, 35 until tomorrow, a woman of unknown age, one more.
	four := append(men(6, "1970-01-01"), member(coop.Male, "2005-06-30"), member(coop.Male, "1987-07-01"),
		member(coop.Female, ""), member(coop.Male, "2000-01-01"))
	out = append(out, base("forty-percent", "2019-01-01", four...))
	// Members who left before the date and one who joins after it.
	left := append(men(5, "1970-01-01"), member(coop.Female, "1970-01-01"), member(coop.Female, "1970-01-01"), member(coop.Female, "1970-01-01"))
	left[5].LeftOn, left[6].LeftOn, left[7].JoinedOn = d("2023-01-01"), d("2023-06-30"), d("2023-07-01")
	out = append(out, base("departures", "2019-01-01", left...))
	// Law 24-83: conformed in time, too late, not yet at the date, never.
	for _, conformed := range []string{"2019-12-31", "2020-01-02", "2023-07-01", ""} {
		c := base("24-83 "+conformed, "1995-05-05", men(5, "1970-01-01")...)
		c.FoundedUnder = coop.Law2483
		if conformed != "" {
			c.ConformedOn = d(conformed)
		}
		out = append(out, c)
	}
	// Dissolved after the date: active at it; struck off before it.
	dissolved := base("dissolved later", "2021-01-01", men(5, "1970-01-01")...)
	dissolved.Status, dissolved.StatusSince = coop.Dissolved, d("2023-07-01")
	struck := base("struck off", "2021-01-01", men(5, "1970-01-01")...)
	struck.Status, struck.StatusSince = coop.StruckOff, d("2022-01-01")
	// A sector outside INDH's.
	housing := base("housing", "2021-01-01", men(5, "1970-01-01")...)
	housing.Sector = coop.Housing
	return append(out, dissolved, struck, housing)
}
