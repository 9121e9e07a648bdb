package bench_test

import (
	"context"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/examples/bench"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
	"github.com/taawun/taawun/stats/synthetic"
)

// national is the synthetic national registry: 60,939 cooperatives and
// 764,000 members (stats/synthetic), made once per run.
var national = sync.OnceValue(func() []coop.Cooperative { return synthetic.Generate(nil) })

// nationalModel is the read model of the national registry, as a service
// keeps it beside its registry (registry.Registry.ReadModel).
var nationalModel = sync.OnceValue(func() *readmodel.Model {
	m, err := readmodel.Build(context.Background(), slices.Values(national()))
	if err != nil {
		panic(err)
	}
	return m
})

// screenAsOf is the date of the screenings: the INDH 2023 call and
// Mourafaka's 4th tranche are both open.
var screenAsOf = coop.MustParseDate("2023-06-30")

// peerPrograms are the programmes written for the peers, with their calls.
var peerPrograms, peerCalls = func() ([]string, map[string]string) {
	var ids []string
	calls := map[string]string{}
	for _, set := range bench.Rulesets {
		ids = append(ids, set.Program)
		calls[set.Program] = set.Call
	}
	return ids, calls
}()

// BenchmarkScreenNational screens the national registry. One op is every
// cooperative against the programmes named; ns/decision divides by the
// number of decisions (cooperatives × programmes). Everything runs on all
// cores: Taawun's Screen by itself, the peers on one goroutine per core
// over a share of the registry each.
//
//   - taawun/all: all 10 programmes of the catalogue, every criterion
//     evaluated, the report counting decisions by outcome and criteria by
//     outcome; no decision is read, so none is made whole (no reason).
//   - taawun/all/decisions: the same, every decision made whole (every
//     criterion with its outcome, reason arguments, hint, reference and
//     parameters, the grant; the text on demand) and handed to OnDecision.
//   - taawun/all/eligible: the same, only the eligible decisions made
//     whole and handed to OnDecision (ScreenOptions.Outcomes), the others
//     counted.
//   - taawun/all/screened: the same, every decision handed to
//     OnScreened as the screening decided it (outcome and failing
//     criteria read; the reasons, which Screened.Decision makes on
//     demand, not asked for).
//   - taawun/all/change-dates: every decision made whole with the date
//     its outcome would change on (ScreenOptions.ChangeDates), as a
//     single evaluation and the summary stream decide.
//   - taawun/<programme>: one programme; taawun/mourafaka/decisions with
//     its decisions made whole, taawun/mourafaka/eligible with its
//     eligible ones, taawun/mourafaka/screened with its decisions handed
//     to OnScreened.
//   - taawun/mourafaka+indh-income: the two programmes the peers have, and
//     with /decisions their decisions made whole.
//   - cel, expr: Mourafaka and INDH income as one expression per programme
//     (criteria joined by &&, short-circuit): the outcome, no explanation.
//   - cel-explained, expr-explained: one expression per criterion, all
//     evaluated: which criteria pass, as Taawun reports (without reasons).
//   - cel-explained+facts, expr-explained+facts: the same, with the
//     engine's inputs built from each cooperative inside the timed loop.
//
// Otherwise the peers' inputs (FactsOf, and the maps CEL reads) are built
// before the timer starts: only the evaluation is timed. Taawun reads the
// registry's cooperatives as they are.
func BenchmarkScreenNational(b *testing.B) {
	reg := national()
	model := nationalModel()
	cat := programs.Default()
	screen := func(ids []string, calls map[string]string) func(b *testing.B) {
		return func(b *testing.B) {
			opts := programs.ScreenOptions{AsOf: screenAsOf, Programs: ids, Calls: calls}
			handed := 0 // decisions handed to OnDecision, from the report
			if strings.HasSuffix(b.Name(), "/decisions") || strings.HasSuffix(b.Name(), "/eligible") {
				// Every decision made whole and handed out: what a caller
				// reading the reasons asks for.
				opts.OnDecision = func(_ int, d *programs.Decision) {
					if len(d.Criteria) == 0 {
						b.Error("a decision without its criteria")
					}
				}
			}
			if strings.HasSuffix(b.Name(), "/change-dates") {
				// Every decision made whole with the first date after
				// AsOf on which its outcome would change: what a single
				// evaluation and the summary stream pay.
				opts.ChangeDates = true
				opts.OnDecision = func(_ int, d *programs.Decision) {
					if !d.ChangesOn.IsZero() && !d.ChangesOn.After(d.AsOf) {
						b.Errorf("%s: changes on %s, not after %s", d.Program, d.ChangesOn, d.AsOf)
					}
				}
			}
			if strings.HasSuffix(b.Name(), "/screened") {
				// Every decision handed out as the screening decided it:
				// its outcome and failing criteria read, no reason made.
				opts.OnScreened = func(_ int, v *programs.Screened) {
					var buf [8]string
					if n := len(v.Failed(buf[:0])); (v.Outcome() == programs.Ineligible) != (n > 0) {
						b.Errorf("%s: %s with %d failing criteria", v.Program(), v.Outcome(), n)
					}
				}
			}
			if strings.HasSuffix(b.Name(), "/eligible") {
				// Only the eligible decisions, made whole: the
				// cooperatives a programme can take, with their reasons.
				opts.Outcomes = []programs.Outcome{programs.Eligible}
			}
			b.ReportAllocs()
			for b.Loop() {
				rep, err := cat.ScreenModel(context.Background(), model, opts)
				if err != nil {
					b.Fatal(err)
				}
				if rep.Cooperatives != len(reg) {
					b.Fatalf("screened %d of %d", rep.Cooperatives, len(reg))
				}
				handed = len(reg) * len(ids)
				if len(opts.Outcomes) > 0 {
					handed = 0
					for _, pc := range rep.Programs {
						handed += pc.Eligible
					}
				}
			}
			perDecision(b, len(reg)*len(ids))
			if opts.OnDecision != nil || opts.OnScreened != nil {
				b.ReportMetric(float64(handed), "handed/op")
			}
		}
	}
	b.Run("taawun/all", screen(cat.ProgramIDs(), nil))
	b.Run("taawun/all/decisions", screen(cat.ProgramIDs(), nil))
	b.Run("taawun/all/eligible", screen(cat.ProgramIDs(), nil))
	b.Run("taawun/all/screened", screen(cat.ProgramIDs(), nil))
	b.Run("taawun/all/change-dates", screen(cat.ProgramIDs(), nil))
	for _, id := range cat.ProgramIDs() {
		b.Run("taawun/"+id, screen([]string{id}, nil))
	}
	b.Run("taawun/mourafaka/decisions", screen([]string{"mourafaka"}, nil))
	b.Run("taawun/mourafaka/eligible", screen([]string{"mourafaka"}, nil))
	b.Run("taawun/mourafaka/screened", screen([]string{"mourafaka"}, nil))
	b.Run("taawun/mourafaka+indh-income", screen(peerPrograms, peerCalls))
	b.Run("taawun/mourafaka+indh-income/decisions", screen(peerPrograms, peerCalls))
	b.Run("taawun/all/after-writes", func(b *testing.B) {
		// A registry in use: its read model kept by readmodel.Live, as
		// registry.Registry keeps it, with writes spread over the pages
		// before the timer starts, and one more in each op before the
		// screening reads the model it makes.
		base, err := readmodel.Build(context.Background(), slices.Values(reg))
		if err != nil {
			b.Fatal(err)
		}
		live := readmodel.NewLive(base, 1)
		write := func(n int) *readmodel.Model {
			m, err := live.Apply(live.Version()+1, []coop.Cooperative{admitted(&reg[n*7919%len(reg)], n)})
			if err != nil {
				b.Fatal(err)
			}
			return m
		}
		for n := range afterWrites {
			write(n)
		}
		opts := programs.ScreenOptions{AsOf: screenAsOf}
		n := afterWrites
		b.ReportAllocs()
		for b.Loop() {
			m := write(n)
			n++
			rep, err := cat.ScreenModel(context.Background(), m, opts)
			if err != nil {
				b.Fatal(err)
			}
			if rep.Cooperatives != len(reg) {
				b.Fatalf("screened %d of %d", rep.Cooperatives, len(reg))
			}
		}
		perDecision(b, len(reg)*len(cat.ProgramIDs()))
	})

	facts := make([]bench.Facts, len(reg))
	vars := make([]map[string]any, len(reg))
	for i := range reg {
		facts[i] = bench.FactsOf(&reg[i])
		vars[i] = bench.Vars(&facts[i], screenAsOf.Time())
	}
	celEngine, err := bench.NewCEL(bench.Rulesets)
	if err != nil {
		b.Fatal(err)
	}
	peer := func(eval func(w, i, set int) error) func(b *testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := parallel(len(reg), func(w, i int) error {
					for set := range bench.Rulesets {
						if err := eval(w, i, set); err != nil {
							return err
						}
					}
					return nil
				}); err != nil {
					b.Fatal(err)
				}
			}
			perDecision(b, len(reg)*len(bench.Rulesets))
		}
	}
	workers := runtime.GOMAXPROCS(0)
	out := make([][]bool, workers)
	b.Run("cel", peer(func(_, i, set int) error {
		_, err := celEngine.Eligible(set, vars[i])
		return err
	}))
	b.Run("cel-explained", peer(func(w, i, set int) (err error) {
		out[w], err = celEngine.Explain(set, vars[i], out[w])
		return err
	}))
	exprEngines := make([]*bench.Expr, workers)
	for w := range exprEngines {
		if exprEngines[w], err = bench.NewExpr(bench.Rulesets); err != nil {
			b.Fatal(err)
		}
	}
	envs := make([]bench.Env, len(reg))
	for i := range envs {
		envs[i] = bench.Env{C: &facts[i], AsOf: screenAsOf.Time()}
	}
	b.Run("expr", peer(func(w, i, set int) error {
		_, err := exprEngines[w].Eligible(set, &envs[i])
		return err
	}))
	b.Run("expr-explained", peer(func(w, i, set int) (err error) {
		out[w], err = exprEngines[w].Explain(set, &envs[i], out[w])
		return err
	}))
	// The same with the inputs built in the timed loop, from the registry's
	// cooperatives, as a service screening its registry pays each time.
	b.Run("cel-explained+facts", peer(func(w, i, set int) (err error) {
		if set == 0 {
			facts[i] = bench.FactsOf(&reg[i])
			vars[i] = bench.Vars(&facts[i], screenAsOf.Time())
		}
		out[w], err = celEngine.Explain(set, vars[i], out[w])
		return err
	}))
	b.Run("expr-explained+facts", peer(func(w, i, set int) (err error) {
		if set == 0 {
			facts[i] = bench.FactsOf(&reg[i])
		}
		out[w], err = exprEngines[w].Explain(set, &envs[i], out[w])
		return err
	}))
}

// afterWrites is the number of cooperatives changed before the timer of
// taawun/all/after-writes starts.
const afterWrites = 5000

// admitted returns c with one more member, a woman admitted the day
// before the screening: a write that moves the cooperative's members to
// the end of its page in the read model.
func admitted(c *coop.Cooperative, n int) coop.Cooperative {
	next := *c
	next.Members = slices.Clone(c.Members)
	next.Members = append(next.Members, coop.Member{
		ID: uuid.NewSHA1(c.ID, []byte(strconv.Itoa(n))), Number: len(c.Members) + 1, Type: coop.Natural,
		Gender: coop.Female, BirthDate: coop.MustParseDate("1998-04-12"), JoinedOn: screenAsOf.AddDays(-1),
	})
	return next
}

// BenchmarkScreenSlice screens the national registry held as a
// []coop.Cooperative, the door a Go user with a slice takes: the read
// model is built in the timed loop (OpenFisca's "build the simulation,
// then evaluate" row), then the registry screened. B/op is what a call
// allocates.
//
//   - cooperatives/mourafaka: Catalogue.ScreenCooperatives, Mourafaka
//     alone: the model is sized from the slice and holds no member, since
//     none of Mourafaka's criteria reads any.
//   - seq/mourafaka: Catalogue.Screen over slices.Values(registry).
//   - cooperatives/all: every programme, members read.
//   - model/mourafaka: ScreenModel over the prebuilt model, the figure the
//     others are compared with.
func BenchmarkScreenSlice(b *testing.B) {
	reg := national()
	model := nationalModel()
	cat := programs.Default()
	mourafaka := programs.ScreenOptions{AsOf: screenAsOf, Programs: []string{"mourafaka"}}
	all := programs.ScreenOptions{AsOf: screenAsOf}
	for _, row := range []struct {
		name   string
		screen func() (programs.ScreenReport, error)
	}{
		{"cooperatives/mourafaka", func() (programs.ScreenReport, error) {
			return cat.ScreenCooperatives(context.Background(), reg, mourafaka)
		}},
		{"seq/mourafaka", func() (programs.ScreenReport, error) {
			return cat.Screen(context.Background(), slices.Values(reg), mourafaka)
		}},
		{"cooperatives/all", func() (programs.ScreenReport, error) {
			return cat.ScreenCooperatives(context.Background(), reg, all)
		}},
		{"model/mourafaka", func() (programs.ScreenReport, error) {
			return cat.ScreenModel(context.Background(), model, mourafaka)
		}},
	} {
		b.Run(row.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rep, err := row.screen()
				if err != nil {
					b.Fatal(err)
				}
				if rep.Cooperatives != len(reg) {
					b.Fatalf("screened %d of %d", rep.Cooperatives, len(reg))
				}
			}
		})
	}
}

// parallel calls fn(w, i) for i from 0 to n-1 on one goroutine per core,
// each w taking a contiguous share, and returns the first error.
func parallel(n int, fn func(w, i int) error) error {
	workers := runtime.GOMAXPROCS(0)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				if err := fn(w, i); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func perDecision(b *testing.B, decisions int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(decisions), "ns/decision")
}

// BenchmarkStatsNational computes the national report at the end of 2024:
// cooperatives, members, women and women-only cooperatives by region ×
// sector, with the national totals.
//
//   - taawun: stats.National over the registry in memory, which also
//     computes the tables by region, sector, delegation and year, youth,
//     capital and the median size.
//   - postgres: the equivalent SQL GROUP BY over the same registry loaded
//     with adapters/postgres (Load, then ANALYZE), region × sector with
//     the totals by GROUPING SETS; skipped when COOP_TEST_DATABASE_URL is
//     not set.
func BenchmarkStatsNational(b *testing.B) {
	reg := national()
	model := nationalModel()
	b.Run("taawun", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, err := stats.NationalModel(model, stats.ReportOptions{AsOf: synthetic.AsOf, Decimals: 1})
			if err != nil {
				b.Fatal(err)
			}
			if r.Totals.Cooperatives != synthetic.DefaultCooperatives {
				b.Fatalf("%d cooperatives", r.Totals.Cooperatives)
			}
		}
	})
	b.Run("postgres", func(b *testing.B) {
		db := loadedDatabase(b, reg)
		b.ReportAllocs()
		for b.Loop() {
			rows, err := bench.NationalSQL(context.Background(), db, synthetic.AsOf)
			if err != nil {
				b.Fatal(err)
			}
			if total := bench.TotalRow(rows); total.Cooperatives != synthetic.DefaultCooperatives {
				b.Fatalf("%d cooperatives", total.Cooperatives)
			}
		}
	})
}

// BenchmarkReadModelBuild builds the read model of the national registry
// from its cooperatives, as registry.Registry.ReadModel does after a
// change commits.
func BenchmarkReadModelBuild(b *testing.B) {
	reg := national()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readmodel.FromCooperatives(reg); err != nil {
			b.Fatal(err)
		}
	}
}

// scaled returns the read model of a synthetic registry of n
// cooperatives, with members and women-only cooperatives in the national
// proportions; the cooperatives themselves are dropped once it is built.
func scaled(n int) *readmodel.Model {
	if n == synthetic.DefaultCooperatives {
		return nationalModel()
	}
	cs := synthetic.Generate(&synthetic.Options{Cooperatives: n,
		Members:   int(int64(n) * synthetic.DefaultMembers / synthetic.DefaultCooperatives),
		WomenOnly: int(int64(n) * synthetic.DefaultWomenOnly / synthetic.DefaultCooperatives)})
	m, err := readmodel.FromCooperatives(cs)
	if err != nil {
		panic(err)
	}
	return m
}

// BenchmarkScale screens and counts synthetic registries of 15,000,
// 60,939 (the national one) and 240,000 cooperatives, to show how the cost
// per cooperative (ns/cooperative) grows with the registry: all 8
// programmes with full decisions, Mourafaka alone, and the national
// statistics report, each over the registry's read model.
func BenchmarkScale(b *testing.B) {
	cat := programs.Default()
	for _, n := range []int{15_000, synthetic.DefaultCooperatives, 240_000} {
		m := scaled(n)
		perCooperative := func(b *testing.B) {
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/cooperative")
		}
		b.Run("screen/"+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := cat.ScreenModel(context.Background(), m, programs.ScreenOptions{AsOf: screenAsOf}); err != nil {
					b.Fatal(err)
				}
			}
			perCooperative(b)
		})
		b.Run("mourafaka/"+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := cat.ScreenModel(context.Background(), m, programs.ScreenOptions{AsOf: screenAsOf, Programs: []string{"mourafaka"}}); err != nil {
					b.Fatal(err)
				}
			}
			perCooperative(b)
		})
		b.Run("stats/"+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := stats.NationalModel(m, stats.ReportOptions{AsOf: synthetic.AsOf, Decimals: 1}); err != nil {
					b.Fatal(err)
				}
			}
			perCooperative(b)
		})
	}
}

// BenchmarkMemoryNational imports the national registry into the memory
// adapter through registry.Import (validation and a journal entry per
// cooperative, as an ODCO service loading a register would), builds its
// read model (Registry.ReadModel), and reports the heap held afterwards,
// after a garbage collection: by the registry (MB-registry), by the read
// model (MB-model) and by both (MB-held).
func BenchmarkMemoryNational(b *testing.B) {
	reg := national()
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		before := heap()
		b.StartTimer()
		r := registry.New(memory.New(), &registry.Options{Now: func() time.Time { return imported }})
		if _, err := r.Import(ctx, slices.Values(reg)); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		withRegistry := heap()
		b.StartTimer()
		m, err := r.ReadModel(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		held := heap()
		b.ReportMetric(float64(withRegistry-before)/1e6, "MB-registry")
		b.ReportMetric(float64(held-withRegistry)/1e6, "MB-model")
		b.ReportMetric(float64(held-before)/1e6, "MB-held")
		runtime.KeepAlive(r)
		runtime.KeepAlive(m)
		b.StartTimer()
	}
}

// imported is the registry's clock while importing.
var imported = time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC)

// heap returns the bytes of live heap objects after a collection.
func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
