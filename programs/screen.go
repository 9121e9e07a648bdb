package programs

import (
	"context"

	"github.com/shopspring/decimal"
	"iter"
	"runtime"
	"slices"
	"sync"

	"github.com/taawun/taawun/coop"
)

// ScreenOptions tells Screen what to evaluate.
type ScreenOptions struct {
	// AsOf is the date of every decision; required.
	AsOf coop.Date
	// Programs lists the programmes to screen against, by ID; empty means
	// every programme of the catalogue. Each uses the latest call opened on
	// or before AsOf, or the call named in Calls.
	Programs []string
	// Calls names the call to use for some programmes: programme ID → call
	// ID.
	Calls map[string]string
	// Workers is the number of goroutines; 0 means GOMAXPROCS.
	Workers int
	// ChangeDates computes each decision's ChangesOn, which costs extra
	// evaluations; screening leaves it off by default.
	ChangeDates bool
	// OnDecision, when set, receives every decision, with its reasons. It
	// is called from several goroutines at once and must be safe for
	// concurrent use; the cooperative and the decision (whose criteria live
	// in a buffer reused for the next decision) must not be kept after it
	// returns: copy what must outlive the call.
	OnDecision func(c *coop.Cooperative, d *Decision)
}

// ProgramCounts counts the decisions of one programme.
type ProgramCounts struct {
	Program      string `json:"program"`
	Call         string `json:"call,omitempty"`
	Eligible     int    `json:"eligible"`
	Ineligible   int    `json:"ineligible"`
	Undetermined int    `json:"undetermined"`
	// Failed counts, for each criterion, the decisions in which it failed.
	Failed map[string]int `json:"failed"`
	// Unknown counts, for each criterion, the decisions in which it was
	// unknown.
	Unknown map[string]int `json:"unknown"`
}

// ScreenReport is the result of screening a registry.
type ScreenReport struct {
	AsOf         coop.Date       `json:"as_of"`
	Catalogue    string          `json:"catalogue"`
	Cooperatives int             `json:"cooperatives"`
	Programs     []ProgramCounts `json:"programs"`
}

// Counts returns the counts of the programme with the given ID.
func (r *ScreenReport) Counts(program string) (ProgramCounts, bool) {
	for _, p := range r.Programs {
		if p.Program == program {
			return p, true
		}
	}
	return ProgramCounts{}, false
}

// Screen evaluates every cooperative of seq against the chosen programmes
// at opts.AsOf, on all cores, and counts the outcomes by programme and the
// failing and unknown criteria. Each programme is bound to its call once;
// the cooperatives are read from seq on one goroutine and evaluated on
// Workers goroutines. Screen stops early with ctx's error when ctx is done.
// An unknown programme or call is a NotFound error and nothing is screened.
func (cat *Catalogue) Screen(ctx context.Context, seq iter.Seq[coop.Cooperative], opts ScreenOptions) (ScreenReport, error) {
	const op = "programs.Screen"
	if opts.AsOf.IsZero() {
		return ScreenReport{}, &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
			Fields: []coop.FieldError{{Field: "as_of", Rule: "required", Message: "the date of the decisions is required"}}}
	}
	ids := opts.Programs
	if len(ids) == 0 {
		ids = cat.ProgramIDs()
	}
	type target struct {
		prog *Program
		plan *plan // nil when no call had opened
	}
	targets := make([]target, len(ids))
	rep := ScreenReport{AsOf: opts.AsOf, Catalogue: cat.Version(), Programs: make([]ProgramCounts, len(ids))}
	for i, id := range ids {
		prog, call, _, err := cat.resolve(op, Request{Program: id, Call: opts.Calls[id], AsOf: opts.AsOf})
		if err != nil {
			return ScreenReport{}, err
		}
		targets[i].prog = prog
		rep.Programs[i] = ProgramCounts{Program: id, Failed: map[string]int{}, Unknown: map[string]int{}}
		if call != nil {
			targets[i].plan = cat.plan(prog, call, nil, opts.AsOf)
			rep.Programs[i].Call = call.ID
		}
	}

	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const batch = 256
	jobs := make(chan []coop.Cooperative, workers*2)
	// Chunks go back to the feeder once screened, so that screening a
	// registry copies its cooperatives into a few reused buffers.
	free := make(chan []coop.Cooperative, workers*3)
	results := make(chan []ProgramCounts, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := make([]ProgramCounts, len(targets))
			// Failing and unknown criteria are counted by their rule's
			// position, and turned into counts by ID at the end.
			failedAt := make([][]int, len(targets))
			unknownAt := make([][]int, len(targets))
			for i, t := range targets {
				local[i] = ProgramCounts{Failed: map[string]int{}, Unknown: map[string]int{}}
				if t.plan != nil {
					failedAt[i], unknownAt[i] = make([]int, len(t.plan.rules)), make([]int, len(t.plan.rules))
				}
			}
			buf := make([]CriterionResult, 0, 16)
			var e Eval
			// Decisions that do not depend on the cooperative are made once.
			fixed := make([]*Decision, len(targets))
			for ti, t := range targets {
				if t.plan == nil {
					d := cat.noCall(t.prog, opts.AsOf)
					fixed[ti] = &d
				}
			}
			wrong := make([]*Decision, len(targets))
			// One applicant and one decision per worker, reused: handing
			// their addresses to callbacks would otherwise put each on the heap.
			var a Applicant
			var d Decision
			for cs := range jobs {
				for ci := range cs {
					a = Applicant{Cooperative: &cs[ci]}
					for ti, t := range targets {
						switch {
						case fixed[ti] != nil:
							d = *fixed[ti]
						case wrongNature(t.prog, &a):
							// The same for every cooperative of a kind.
							if wrong[ti] == nil {
								w := t.plan.wrongKind(&a)
								wrong[ti] = &w
							}
							d = *wrong[ti]
						case opts.ChangeDates:
							d = t.plan.decide(&a, true)
						default:
							// A full decision in a buffer reused for the next one.
							buf = t.plan.run(&a, nil, buf[:0], &e)
							d = Decision{Program: t.prog.ID, Call: t.plan.call.ID, AsOf: opts.AsOf, Outcome: combine(buf),
								Criteria: buf, Catalogue: rep.Catalogue}
							if t.prog.Grant != nil && d.Outcome != Ineligible {
								if g, ok := t.prog.Grant(&t.plan.params, &a); ok {
									d.Grant = decimal.NewNullDecimal(g)
								}
							}
						}
						count(&local[ti], &d, failedAt[ti], unknownAt[ti])
						if opts.OnDecision != nil {
							opts.OnDecision(&cs[ci], &d)
						}
					}
				}
				select {
				case free <- cs[:0]:
				default:
				}
			}
			for ti, t := range targets {
				if t.plan == nil {
					continue
				}
				for i, br := range t.plan.rules {
					if n := failedAt[ti][i]; n > 0 {
						local[ti].Failed[br.crit.ID] += n
					}
					if n := unknownAt[ti][i]; n > 0 {
						local[ti].Unknown[br.crit.ID] += n
					}
				}
			}
			results <- local
		}()
	}
	go func() { wg.Wait(); close(results) }()

	n, err := 0, error(nil)
	chunk := make([]coop.Cooperative, 0, batch)
feed:
	for c := range seq {
		chunk = append(chunk, c)
		n++
		if len(chunk) == batch {
			select {
			case jobs <- chunk:
			case <-ctx.Done():
				err = ctx.Err()
				break feed
			}
			select {
			case chunk = <-free:
			default:
				chunk = make([]coop.Cooperative, 0, batch)
			}
		}
	}
	if err == nil && len(chunk) > 0 {
		select {
		case jobs <- chunk:
		case <-ctx.Done():
			err = ctx.Err()
		}
	}
	close(jobs)
	for local := range results {
		for i := range local {
			merge(&rep.Programs[i], &local[i])
		}
	}
	if err != nil {
		return ScreenReport{}, err
	}
	rep.Cooperatives = n
	return rep, nil
}

func count(pc *ProgramCounts, d *Decision, failedAt, unknownAt []int) {
	switch d.Outcome {
	case Eligible:
		pc.Eligible++
	case Ineligible:
		pc.Ineligible++
	default:
		pc.Undetermined++
	}
	for i := range d.Criteria {
		c := &d.Criteria[i]
		switch {
		case c.Outcome == coop.Fail && c.rule > 0 && failedAt != nil:
			failedAt[c.rule-1]++
		case c.Outcome == coop.Unknown && c.rule > 0 && unknownAt != nil:
			unknownAt[c.rule-1]++
		case c.Outcome == coop.Fail:
			pc.Failed[c.ID]++
		case c.Outcome == coop.Unknown:
			pc.Unknown[c.ID]++
		}
	}
}

func merge(dst, src *ProgramCounts) {
	dst.Eligible += src.Eligible
	dst.Ineligible += src.Ineligible
	dst.Undetermined += src.Undetermined
	for k, v := range src.Failed {
		dst.Failed[k] += v
	}
	for k, v := range src.Unknown {
		dst.Unknown[k] += v
	}
}

// FailedCriteria returns the IDs of the criteria that failed at least once,
// most frequent first.
func (pc *ProgramCounts) FailedCriteria() []string {
	ids := make([]string, 0, len(pc.Failed))
	for id := range pc.Failed {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		if pc.Failed[a] != pc.Failed[b] {
			return pc.Failed[b] - pc.Failed[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	return ids
}
