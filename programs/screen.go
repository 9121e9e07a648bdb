package programs

import (
	"context"
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
	// OnDecision, when set, receives every decision. It is called from
	// several goroutines at once and must be safe for concurrent use; the
	// cooperative and the decision must not be kept after it returns.
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
	results := make(chan []ProgramCounts, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := make([]ProgramCounts, len(targets))
			for i := range local {
				local[i] = ProgramCounts{Failed: map[string]int{}, Unknown: map[string]int{}}
			}
			buf := make([]CriterionResult, 0, 16)
			for cs := range jobs {
				for ci := range cs {
					a := Applicant{Cooperative: &cs[ci]}
					for ti, t := range targets {
						var d Decision
						switch {
						case t.plan == nil:
							d = cat.noCall(t.prog, opts.AsOf)
						case wrongNature(t.prog, &a):
							d = t.plan.wrongKind(&a)
						case opts.OnDecision != nil || opts.ChangeDates:
							d = t.plan.decide(&a, opts.ChangeDates)
						default:
							// Counting only: reuse one buffer of results.
							buf = t.plan.run(&a, nil, buf[:0])
							d = Decision{Outcome: combine(buf), Criteria: buf}
						}
						count(&local[ti], &d)
						if opts.OnDecision != nil {
							opts.OnDecision(&cs[ci], &d)
						}
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
			chunk = make([]coop.Cooperative, 0, batch)
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

func count(pc *ProgramCounts, d *Decision) {
	switch d.Outcome {
	case Eligible:
		pc.Eligible++
	case Ineligible:
		pc.Ineligible++
	default:
		pc.Undetermined++
	}
	for i := range d.Criteria {
		switch d.Criteria[i].Outcome {
		case coop.Fail:
			pc.Failed[d.Criteria[i].ID]++
		case coop.Unknown:
			pc.Unknown[d.Criteria[i].ID]++
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
