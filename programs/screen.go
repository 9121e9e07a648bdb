package programs

import (
	"context"
	"iter"
	"slices"

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
	snap := cat.snap.Load()
	ids := opts.Programs
	if len(ids) == 0 {
		ids = snap.programIDs()
	}
	targets := make([]target, len(ids))
	rep := ScreenReport{AsOf: opts.AsOf, Catalogue: snap.version, Programs: make([]ProgramCounts, len(ids))}
	for i, id := range ids {
		e, call, _, err := snap.resolve(op, Request{Program: id, Call: opts.Calls[id], AsOf: opts.AsOf})
		if err != nil {
			return ScreenReport{}, err
		}
		targets[i].prog, targets[i].e = e.prog, e
		rep.Programs[i] = ProgramCounts{Program: id, Failed: map[string]int{}, Unknown: map[string]int{}}
		if call != nil {
			targets[i].plan = snap.plan(e, call, nil, opts.AsOf, opts.Calls[id] != "")
			rep.Programs[i].Call = call.ID
		}
	}

	workers := coop.Workers(opts.Workers)
	states := make([]screener, workers)
	for w := range states {
		states[w] = newScreener(snap, targets, opts.AsOf)
	}
	n, err := coop.InBatches(ctx, seq, workers, 256, func(w int, cs []coop.Cooperative) {
		states[w].screen(cs, &opts)
	})
	if err != nil {
		return ScreenReport{}, err
	}
	for w := range states {
		local := states[w].counts()
		for i := range local {
			merge(&rep.Programs[i], &local[i])
		}
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

// target is a programme bound to its call for a screening.
type target struct {
	prog *Program
	e    *entry
	plan *plan // nil when no call had opened
}

// screener is one screening worker's state: its counts, and the buffers it
// reuses from one decision to the next.
type screener struct {
	targets []target
	local   []ProgramCounts
	// Failing and unknown criteria are counted by their rule's position,
	// and turned into counts by ID at the end.
	failedAt, unknownAt [][]int
	buf                 []CriterionResult
	e                   Eval
	// Decisions that do not depend on the cooperative are made once.
	fixed, wrong []*Decision
	a            Applicant
	d            Decision
}

func newScreener(snap *snapshot, targets []target, asOf coop.Date) screener {
	s := screener{
		targets:   targets,
		local:     make([]ProgramCounts, len(targets)),
		failedAt:  make([][]int, len(targets)),
		unknownAt: make([][]int, len(targets)),
		buf:       make([]CriterionResult, 0, 16),
		fixed:     make([]*Decision, len(targets)),
		wrong:     make([]*Decision, len(targets)),
	}
	for i, t := range targets {
		s.local[i] = ProgramCounts{Failed: map[string]int{}, Unknown: map[string]int{}}
		if t.plan != nil {
			s.failedAt[i], s.unknownAt[i] = make([]int, len(t.plan.rules)), make([]int, len(t.plan.rules))
		} else {
			d := snap.noCall(t.e, &Applicant{}, asOf, false)
			s.fixed[i] = &d
		}
	}
	return s
}

// screen decides every cooperative of cs against every target.
func (s *screener) screen(cs []coop.Cooperative, opts *ScreenOptions) {
	for ci := range cs {
		s.a = Applicant{Cooperative: &cs[ci]}
		for ti, t := range s.targets {
			switch {
			case s.fixed[ti] != nil:
				s.d = *s.fixed[ti]
			case wrongNature(t.prog, &s.a):
				// The same for every cooperative of a kind.
				if s.wrong[ti] == nil {
					w := t.plan.wrongKind(&s.a)
					s.wrong[ti] = &w
				}
				s.d = *s.wrong[ti]
			case opts.ChangeDates:
				s.d = t.plan.decide(&s.a, true)
			default:
				// A full decision in a buffer reused for the next one.
				s.buf = t.plan.run(&s.a, nil, s.buf[:0], &s.e)
				s.d = t.plan.header()
				s.d.Outcome, s.d.Criteria = combine(s.buf), s.buf
				s.d.Grant = t.plan.grantFor(&s.a, s.d.Outcome)
			}
			count(&s.local[ti], &s.d, s.failedAt[ti], s.unknownAt[ti])
			if opts.OnDecision != nil {
				opts.OnDecision(&cs[ci], &s.d)
			}
		}
	}
}

// counts returns the worker's counts, with failing and unknown criteria by
// ID.
func (s *screener) counts() []ProgramCounts {
	for ti, t := range s.targets {
		if t.plan == nil {
			continue
		}
		for i, br := range t.plan.rules {
			if n := s.failedAt[ti][i]; n > 0 {
				s.local[ti].Failed[br.crit.ID] += n
			}
			if n := s.unknownAt[ti][i]; n > 0 {
				s.local[ti].Unknown[br.crit.ID] += n
			}
		}
	}
	return s.local
}
