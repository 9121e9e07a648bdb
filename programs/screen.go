package programs

import (
	"cmp"
	"context"
	"encoding/binary"
	"iter"
	"slices"
	"strconv"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
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
	// OnDecision, when set, receives every decision, with its reasons, and
	// the index of the cooperative in the sequence (or the model) screened.
	// It is called from several goroutines at once and must be safe for
	// concurrent use; the decision (whose criteria live in a buffer reused
	// for the next decision) must not be kept after it returns: copy what
	// must outlive the call. Without it (and without ChangeDates), nobody
	// reads a decision: a screening counts the outcome of each criterion as
	// its rule gives it and makes no reason, hint or grant.
	OnDecision func(index int, d *Decision)
	// Outcomes, when set, hands OnDecision only the decisions with one of
	// these outcomes: the eligible cooperatives with their reasons, say.
	// The others are counted in the report, as every decision is, but not
	// made whole, so that a screening that hands out few decisions costs
	// little more than one that counts. It applies to OnScreened alike.
	Outcomes []Outcome
	// OnScreened, when set instead of OnDecision, receives every decision
	// (or those of Outcomes) as the screening decided it for its counts:
	// the programme, the outcome, and the criteria that failed or could
	// not be decided. The reasons are made only for the decisions whose
	// Screened.Decision a caller asks for, so that a caller who reads every
	// outcome and a few reasons pays little more than a screening that
	// counts. It is called from several goroutines at once, as OnDecision
	// is; setting both is refused.
	OnScreened func(index int, s *Screened)
}

// handsOut reports whether a decision whose outcome is out goes to
// OnDecision or OnScreened.
func (o *ScreenOptions) handsOut(out Outcome) bool {
	return (o.OnDecision != nil || o.OnScreened != nil) && (len(o.Outcomes) == 0 || slices.Contains(o.Outcomes, out))
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
// failing and unknown criteria. It reads seq once into a read model
// (readmodel.Build), without the members when the programmes screened read
// none, and screens that (ScreenModel); a caller holding a slice calls
// ScreenCooperatives, which sizes the model from its length; a service that screens
// its registry often keeps the model (registry.Registry.ReadModel) and
// calls ScreenModel itself. Screen stops early with ctx's error when ctx is
// done. An unknown programme or call is a NotFound error and nothing is
// screened.
func (cat *Catalogue) Screen(ctx context.Context, seq iter.Seq[coop.Cooperative], opts ScreenOptions) (ScreenReport, error) {
	targets, _, err := cat.targets("programs.Screen", opts)
	if err != nil {
		return ScreenReport{}, err
	}
	m, err := readmodel.Build(ctx, seq, modelOptions(targets)...)
	if err != nil {
		return ScreenReport{}, err
	}
	return cat.ScreenModel(ctx, m, opts)
}

// ScreenCooperatives is Screen over a slice, the door a Go user holding
// the cooperatives in memory takes: the slice is read once into a read
// model sized from its length, holding only what the programmes screened
// read (no member when none of their criteria reads any: Kind.NoMembers),
// and screened as ScreenModel screens. OnDecision receives each
// cooperative's index in cs.
func (cat *Catalogue) ScreenCooperatives(ctx context.Context, cs []coop.Cooperative, opts ScreenOptions) (ScreenReport, error) {
	targets, _, err := cat.targets("programs.ScreenCooperatives", opts)
	if err != nil {
		return ScreenReport{}, err
	}
	m, err := readmodel.FromCooperatives(cs, modelOptions(targets)...)
	if err != nil {
		return ScreenReport{}, err
	}
	return cat.ScreenModel(ctx, m, opts)
}

// modelOptions returns how to build the read model the targets screen:
// without the members when none of them reads any.
func modelOptions(targets []target) []readmodel.Option {
	if targetsReadMembers(targets) {
		return nil
	}
	return []readmodel.Option{readmodel.WithoutMembers}
}

// targetsReadMembers reports whether screening the targets may read the
// members of a cooperative: a criterion of a programme that takes
// cooperatives whose kind does not say it reads none, or a grant kind
// other than the built-in ones.
func targetsReadMembers(targets []target) bool {
	for i := range targets {
		t := &targets[i]
		if !t.cooperatives {
			continue // every cooperative's decision is applicant-kind alone
		}
		if t.e.grant != nil && !builtinGrant[t.e.grant.Name] || readsMembers(t.e.crits) {
			return true
		}
	}
	return false
}

// builtinGrant names the built-in grant kinds, none of which reads the
// members.
var builtinGrant = map[string]bool{GrantRateCap: true, GrantHonourLoan: true, GrantGuaranteedLoan: true}

// readsMembers reports whether a criterion of list, or one it joins, is of
// a kind that may read the members.
func readsMembers(list []resolved) bool {
	for i := range list {
		if !list[i].kind.NoMembers || readsMembers(list[i].branches) {
			return true
		}
	}
	return false
}

// ScreenModel is Screen over a read model: each programme is bound to its
// call once, and Workers goroutines take ranges of the model's
// cooperatives in turn, reading them in place; a decision allocates
// nothing. OnDecision receives each cooperative's index in the model.
func (cat *Catalogue) ScreenModel(ctx context.Context, m *readmodel.Model, opts ScreenOptions) (ScreenReport, error) {
	targets, rep, err := cat.targets("programs.ScreenModel", opts)
	if err != nil {
		return ScreenReport{}, err
	}
	snap := cat.snap.Load()
	workers := coop.Workers(opts.Workers)
	states := make([]*screener, workers)
	// A screening that reads no decision, or only some, decides run by run
	// (countRuns); one that asks for the dates outcomes change on decides
	// each cooperative whole.
	counting := (opts.OnDecision == nil || len(opts.Outcomes) > 0) && !opts.ChangeDates
	for w := range states {
		states[w] = newScreener(snap, targets, &opts, counting)
	}
	m.Chunks(ctx, len(states), screenChunk, func(w, from, to int) { states[w].screen(m, from, to, &opts) })
	if err := ctx.Err(); err != nil {
		return ScreenReport{}, err
	}
	for w := range states {
		local := states[w].programCounts()
		for i := range local {
			merge(&rep.Programs[i], &local[i])
		}
	}
	rep.Cooperatives = m.Len()
	return rep, nil
}

// targets binds each programme of opts to its call at opts.AsOf.
func (cat *Catalogue) targets(op string, opts ScreenOptions) ([]target, ScreenReport, error) {
	if opts.AsOf.IsZero() {
		return nil, ScreenReport{}, &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
			Fields: []coop.FieldError{{Field: "as_of", Rule: "required", Message: "the date of the decisions is required"}}}
	}
	if opts.OnDecision != nil && opts.OnScreened != nil {
		return nil, ScreenReport{}, &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
			Fields: []coop.FieldError{{Field: "on_screened", Rule: "exclusive", Message: "OnScreened and OnDecision both receive every decision: set one of them"}}}
	}
	for i, o := range opts.Outcomes {
		if !o.Valid() {
			return nil, ScreenReport{}, &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
				Fields: []coop.FieldError{{Field: "outcomes[" + strconv.Itoa(i) + "]", Rule: "enum",
					Message: quote(coop.Excerpt(string(o))) + " is not an outcome (eligible, ineligible or undetermined)"}}}
		}
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
			return nil, ScreenReport{}, err
		}
		targets[i].prog, targets[i].e = e.prog, e
		targets[i].cooperatives = e.prog.AcceptsKind(Cooperative) || e.prog.AcceptsKind(Union)
		targets[i].grant = e.grant != nil
		rep.Programs[i] = ProgramCounts{Program: id, Failed: map[string]int{}, Unknown: map[string]int{}}
		switch {
		case call != nil:
			targets[i].plan = snap.plan(e, call, nil, opts.AsOf, opts.Calls[id] != "")
			rep.Programs[i].Call = call.ID
		case opts.ChangeDates && targets[i].cooperatives:
			targets[i].opening = snap.openingPlan(e, opts.AsOf)
		}
	}
	return targets, rep, nil
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

// screenChunk is the number of cooperatives a screening worker takes at a
// time: a run of one page of the model (readmodel.PageSize is a multiple
// of it).
const screenChunk = 512

// target is a programme bound to its call for a screening.
type target struct {
	prog *Program
	e    *entry
	plan *plan // nil when no call had opened
	// opening is, when no call had opened and the screening gives change
	// dates, the first call to open bound at its opening (openingPlan).
	opening *plan
	// cooperatives is set when the programme takes cooperatives or unions;
	// grant when it computes grants.
	cooperatives, grant bool
}

// screener is one screening worker's state: its counts, and the buffers it
// reuses from one decision to the next. Each worker's state is allocated on
// its own, padded, so that two cores never write to one cache line.
type screener struct {
	_       [128]byte
	snap    *snapshot
	targets []target
	// counts holds, for each target at offset[target], the numbers of
	// eligible, ineligible and undetermined decisions, of fixed and of
	// wrong-kind decisions, then of failing and of unknown results of each
	// rule; turned into ProgramCounts at the end.
	counts []int
	offset []int
	e      Eval
	// Decisions that do not depend on the cooperative are made once: fixed
	// by target, wrong by target and kind (cooperative, union). A programme
	// of persons answers every cooperative body the same way, failing
	// applicant-kind, so that its counts do not depend on the kind.
	fixed, wrong []*Decision
	// head holds, for each target, its decision's header, made once;
	// benefits its decision's benefit.
	head     []Decision
	benefits []Benefit
	// members is set when a rule screened may read the members.
	members bool
	// tally is the member tally of the cooperative bound to a, which the
	// member rules of every target read.
	tally memberTally
	a     Applicant
	d     Decision
	// scratch holds the buffers of decisions made whole with their change
	// dates.
	scratch scratch
	// counting is set when nobody reads a decision: the screening then
	// decides run by run (countRuns), with run, codes and state.
	counting bool
	run      *run
	codes    []outcomeCode
	state    []uint8
	// outcomes holds, when a screening hands out some decisions, the
	// outcome of each target for each cooperative of the run (target-major,
	// as an index in outcomeOrder), so that the decisions handed out are
	// made whole after the run is counted.
	outcomes []uint8
	// ruleCodes holds, when decisions go to OnScreened, the outcome code
	// of each rule of each target for each cooperative of the run (by
	// rule, from codeOff[target]), which Screened reads; view is the
	// Screened handed out.
	ruleCodes []outcomeCode
	codeOff   []int
	view      Screened
	// hands says, by outcome index, whether ScreenOptions hands out the
	// decisions of that outcome.
	hands [3]bool
	_     [128]byte
}

// outcomeOrder lists the outcomes by the index countTarget gives them.
var outcomeOrder = [3]Outcome{Eligible, Ineligible, Undetermined}

// The counters of a target, from its offset.
const (
	cEligible = iota
	cIneligible
	cUndetermined
	cFixed
	cWrong
	cRules // then failing, then unknown, by rule
)

func newScreener(snap *snapshot, targets []target, opts *ScreenOptions, counting bool) *screener {
	asOf := opts.AsOf
	s := &screener{
		snap:    snap,
		targets: targets,
		offset:  make([]int, len(targets)),
		fixed:   make([]*Decision, len(targets)),
		wrong:   make([]*Decision, 2*len(targets)),
		head:    make([]Decision, len(targets)),
	}
	s.benefits = make([]Benefit, len(targets))
	s.scratch.own = true
	for i, o := range outcomeOrder {
		s.hands[i] = opts.handsOut(o)
	}
	n := 16 // padding before
	for i, t := range targets {
		s.offset[i] = n
		n += cRules
		if t.plan != nil {
			n += 2 * len(t.plan.rules)
			s.head[i] = t.plan.header()
			s.head[i].Criteria = make([]CriterionResult, 0, len(t.plan.rules))
		} else {
			d := snap.noCall(t.e, &Applicant{}, asOf, nil, nil)
			s.fixed[i] = &d
		}
	}
	s.counts = make([]int, n+16) // and after
	s.members = targetsReadMembers(targets)
	if s.members {
		// The member rules of every programme read one tally of each
		// cooperative's register, gathered in one pass.
		var windows []ageWindow
		for _, t := range targets {
			if t.plan != nil {
				windows = append(windows, t.plan.at.windows...)
			}
		}
		s.tally.init(asOf, windows)
		s.a.tally = &s.tally
	}
	if counting {
		s.counting = true
		s.run = newRun(&s.a, asOf, s.members, &s.tally, screenChunk)
		s.codes, s.state = padded[outcomeCode](screenChunk), padded[uint8](screenChunk)
		if opts.OnDecision != nil || opts.OnScreened != nil {
			s.outcomes = padded[uint8](len(targets) * screenChunk)
		}
		if opts.OnScreened != nil {
			s.codeOff = make([]int, len(targets))
			rules := 0
			for i, t := range targets {
				s.codeOff[i] = rules * screenChunk
				if t.plan != nil {
					rules += len(t.plan.rules)
				}
			}
			s.ruleCodes = padded[outcomeCode](rules * screenChunk)
		}
	}
	return s
}

// screen decides the cooperatives from to to of m against every target.
func (s *screener) screen(m *readmodel.Model, from, to int, opts *ScreenOptions) {
	if s.counting {
		s.countRuns(m, from, to, opts)
		return
	}
	for ci := from; ci < to; ci++ {
		s.a.bind(m, ci, s.members)
		for ti := range s.targets {
			t := &s.targets[ti]
			c := s.counts[s.offset[ti]:]
			var d *Decision
			switch {
			case s.fixed[ti] != nil && opts.ChangeDates && t.cooperatives:
				// No call has opened: the first one's opening may change the
				// outcome, which depends on the cooperative.
				// Its outcome and criteria are those of the fixed decision,
				// which the counts use.
				s.d = s.snap.noCall(t.e, &s.a, opts.AsOf, t.opening, &s.scratch)
				d = &s.d
				c[cFixed]++
			case s.fixed[ti] != nil:
				c[cFixed]++
				d = s.fixed[ti]
			case !t.cooperatives:
				c[cWrong]++
				d = s.wrongKind(ti, s.a.c.IsUnion(), func() *Applicant { return &s.a })
			default:
				d = s.decide(ti, c, opts)
			}
			s.hand(ci, ti, d, opts)
		}
	}
}

// hand hands d, the decision of the ci-th cooperative against target ti,
// made whole, to OnDecision or OnScreened when opts hands out its outcome.
func (s *screener) hand(ci, ti int, d *Decision, opts *ScreenOptions) {
	s.view = Screened{s: s, ti: ti, oi: outcomeIndex(d.Outcome), d: d}
	s.give(ci, &s.view, opts)
}

// give hands v, the decision of the ci-th cooperative, to OnScreened, or
// made whole to OnDecision, when opts hands out its outcome.
func (s *screener) give(ci int, v *Screened, opts *ScreenOptions) {
	switch {
	case !s.hands[v.oi]:
	case opts.OnScreened != nil:
		opts.OnScreened(ci, v)
	default:
		// The rules decide as their columns did; the check keeps the
		// promise of Outcomes should a kind's column disagree.
		if d := v.Decision(); opts.handsOut(d.Outcome) {
			opts.OnDecision(ci, d)
		}
	}
}

// decide decides the bound cooperative against target ti, which has a
// call, counting the decision and its criteria in c.
func (s *screener) decide(ti int, c []int, opts *ScreenOptions) *Decision {
	t := &s.targets[ti]
	var d *Decision
	n := len(t.plan.rules)
	switch {
	case opts.ChangeDates:
		s.d = t.plan.decide(&s.a, &s.scratch)
		d = &s.d
		for i := range d.Criteria {
			countResult(c, &d.Criteria[i], len(t.plan.rules))
		}
	default:
		// Its results counted as they are made.
		d = s.whole(ti, c[cRules:cRules+n], c[cRules+n:cRules+2*n])
	}
	switch d.Outcome {
	case Eligible:
		c[cEligible]++
	case Ineligible:
		c[cIneligible]++
	default:
		c[cUndetermined]++
	}
	return d
}

// whole makes the decision of the bound cooperative against target ti,
// which has a call, in a buffer reused for the next one, its header made
// once; failedAt and unknownAt, when given, count its failing and unknown
// results by rule.
func (s *screener) whole(ti int, failedAt, unknownAt []int) *Decision {
	t := &s.targets[ti]
	d := &s.head[ti]
	d.Criteria, d.Outcome = t.plan.runCounting(&s.a, t.plan.asOf, nil, d.Criteria[:0], &s.e, failedAt, unknownAt, true)
	if t.grant {
		d.Grant = t.plan.grantFor(&s.a, d.Outcome)
		d.Benefit = nil
		if t.plan.benefitInto(&s.a, d.Outcome, d.Grant, &s.benefits[ti]) {
			d.Benefit = &s.benefits[ti]
		}
	}
	return d
}

// wrongKind returns the decision of target ti, a programme of persons, on
// a cooperative body: the same for every one of its kind, a union when
// union is set (the reason names the kind), made the first time with the
// applicant bound returns.
func (s *screener) wrongKind(ti int, union bool, bound func() *Applicant) *Decision {
	k := 2*ti + bit(union)
	if s.wrong[k] == nil {
		w := s.targets[ti].plan.wrongKind(bound())
		s.wrong[k] = &w
	}
	return s.wrong[k]
}

// countRuns counts the decisions of the cooperatives from to to of m
// against every target, in runs of one page: each rule of a target
// decides the whole run (run.decide) before the next one does, and only
// the outcomes are counted. When some decisions are handed out
// (ScreenOptions.Outcomes), those are then made whole, cooperative by
// cooperative.
func (s *screener) countRuns(m *readmodel.Model, from, to int, opts *ScreenOptions) {
	for from < to {
		end := min(to, (from/readmodel.PageSize+1)*readmodel.PageSize)
		s.run.reset(m, from, end)
		for ti := range s.targets {
			s.countTarget(ti)
		}
		if opts.OnDecision != nil || opts.OnScreened != nil {
			s.handOut(opts)
		}
		from = end
	}
}

// handOut hands out the decisions of the run that opts hands out, in the
// order a screening decides (by cooperative, then by target), each read
// from the outcomes the run was counted with: to OnScreened as they are,
// to OnDecision made whole.
func (s *screener) handOut(opts *ScreenOptions) {
	r := s.run
	n := len(r.cs)
	v := &s.view
	v.s = s
	for k := range r.cs {
		for ti := range s.targets {
			oi, d := s.outcomes[ti*n+k], (*Decision)(nil)
			switch {
			case s.fixed[ti] != nil:
				d = s.fixed[ti]
			case !s.targets[ti].cooperatives:
				d = s.wrongKind(ti, r.cs[k].IsUnion(), func() *Applicant { return r.bind(k) })
			}
			if d != nil {
				oi = outcomeIndex(d.Outcome)
			}
			v.ti, v.k, v.oi, v.d, v.coded = ti, k, oi, d, d == nil
			s.give(r.from+k, v, opts)
		}
	}
}

// countTarget counts the decisions of the run against target ti: the
// outcome of each rule, and of the programme (ineligible when a rule
// fails, otherwise undetermined when one is unknown, otherwise
// eligible).
func (s *screener) countTarget(ti int) {
	t, r, c := &s.targets[ti], s.run, s.counts[s.offset[ti]:]
	n := len(r.cs)
	switch {
	case s.fixed[ti] != nil:
		c[cFixed] += n
		return
	case !t.cooperatives:
		// A programme of persons: every cooperative body fails
		// applicant-kind alike, and programCounts counts its criteria
		// from the decision.
		s.wrongKind(ti, r.cs[0].IsUnion(), func() *Applicant { return r.bind(0) })
		c[cWrong] += n
		return
	}
	rules := t.plan.rules
	// state gathers, in whole words, whether a rule failed (bit 0) and
	// whether one was unknown (bit 1) for each cooperative; s.state holds
	// screenChunk, a multiple of eight.
	state, codes := s.state[:(n+7)&^7], s.codes[:n]
	clear(state)
	for i := range rules {
		if s.ruleCodes != nil {
			// Kept for OnScreened, which reads each rule's outcome.
			codes = s.ruleCodes[s.codeOff[ti]+i*n:][:n]
		}
		r.decide(&rules[i], codes)
		failed, unknown := countCodes(codes, state)
		c[cRules+i] += failed
		c[cRules+len(rules)+i] += unknown
	}
	var outcomes []uint8
	if s.outcomes != nil {
		outcomes = s.outcomes[ti*n : (ti+1)*n]
	}
	ineligible, undetermined := 0, 0
	for k := 0; k < n; k += 8 {
		st := binary.LittleEndian.Uint64(state[k:])
		// Ineligible when a rule fails, otherwise undetermined when one
		// is unknown, otherwise eligible.
		f := st & lowBits
		u := st >> 1 & lowBits &^ f
		ineligible += byteSum(f)
		undetermined += byteSum(u)
		if outcomes != nil {
			// The index in outcomeOrder: iIneligible or iUndetermined, or
			// else iEligible.
			putWord(outcomes, k, f|u<<1)
		}
	}
	c[cEligible] += n - ineligible - undetermined
	c[cIneligible] += ineligible
	c[cUndetermined] += undetermined
}

// lowBits has the low bit of each of a word's eight bytes set.
const lowBits = 0x0101010101010101

// byteSum returns the sum of the eight bytes of w, each at most 31.
func byteSum(w uint64) int { return int(w * lowBits >> 56) }

// word returns the eight codes of b, in little-endian order.
func word(b *[8]outcomeCode) uint64 {
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// putWord writes w into the eight bytes of b from k, in little-endian
// order, leaving out those past the end of b.
func putWord(b []uint8, k int, w uint64) {
	if k+8 <= len(b) {
		binary.LittleEndian.PutUint64(b[k:], w)
		return
	}
	for ; k < len(b); k, w = k+1, w>>8 {
		b[k] = uint8(w)
	}
}

// countCodes adds to state, as many bytes as codes rounded up to a
// multiple of eight, the fail and unknown bits of codes, and returns how
// many codes fail and how many are unknown: eight codes a word.
func countCodes(codes []outcomeCode, state []uint8) (failed, unknown int) {
	for k := 0; k < len(codes); k += 8 {
		var w uint64
		if k+8 <= len(codes) {
			w = word((*[8]outcomeCode)(codes[k:]))
		} else {
			var tail [8]outcomeCode // the codes past the end are none
			copy(tail[:], codes[k:])
			w = word(&tail)
		}
		w &= lowBits * uint64(codeFail|codeUnknown)
		binary.LittleEndian.PutUint64(state[k:], binary.LittleEndian.Uint64(state[k:])|w)
		failed += byteSum(w & lowBits)
		unknown += byteSum(w >> 1 & lowBits)
	}
	return failed, unknown
}

// countResult counts a failing or unknown result by its rule.
func countResult(c []int, r *CriterionResult, rules int) {
	switch {
	case r.rule == 0:
	case r.Outcome == coop.Fail:
		c[cRules+r.rule-1]++
	case r.Outcome == coop.Unknown:
		c[cRules+rules+r.rule-1]++
	}
}

// programCounts returns the worker's counts, with failing and unknown
// criteria by ID.
func (s *screener) programCounts() []ProgramCounts {
	out := make([]ProgramCounts, len(s.targets))
	for ti, t := range s.targets {
		c := s.counts[s.offset[ti]:]
		pc := &out[ti]
		*pc = ProgramCounts{Eligible: c[cEligible], Ineligible: c[cIneligible], Undetermined: c[cUndetermined],
			Failed: map[string]int{}, Unknown: map[string]int{}}
		for _, fd := range []struct {
			d *Decision
			n int
		}{{s.fixed[ti], c[cFixed]}, {cmp.Or(s.wrong[2*ti], s.wrong[2*ti+1]), c[cWrong]}} {
			if fd.d == nil || fd.n == 0 {
				continue
			}
			switch fd.d.Outcome {
			case Eligible:
				pc.Eligible += fd.n
			case Ineligible:
				pc.Ineligible += fd.n
			default:
				pc.Undetermined += fd.n
			}
			for _, r := range fd.d.Criteria {
				switch r.Outcome {
				case coop.Fail:
					pc.Failed[r.ID] += fd.n
				case coop.Unknown:
					pc.Unknown[r.ID] += fd.n
				}
			}
		}
		if t.plan == nil {
			continue
		}
		n := len(t.plan.rules)
		for i, br := range t.plan.rules {
			if v := c[cRules+i]; v > 0 {
				pc.Failed[br.crit.ID] += v
			}
			if v := c[cRules+n+i]; v > 0 {
				pc.Unknown[br.crit.ID] += v
			}
		}
	}
	return out
}
