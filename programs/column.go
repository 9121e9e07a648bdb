package programs

import (
	"unsafe"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
)

// run is a run of consecutive cooperatives of one page of a read model,
// which a screening that only counts outcomes decides at once: each rule
// decides every cooperative of the run before the next rule does, in one
// loop when it has a column, one cooperative at a time otherwise.
type run struct {
	m    *readmodel.Model
	from int // the index of cs[0] in m
	cs   []readmodel.Coop
	asOf coop.Date
	// members is set when a rule screened may read the members; tallies
	// then holds the member tally of each cooperative of the run, gathered
	// once for every rule.
	members bool
	tallies []memberTally
	// a, e and res are the applicant, the evaluation and the scratch
	// result of eval, kept here so that an evaluation allocates nothing.
	a   *Applicant
	e   Eval
	res CriterionResult
	// keys holds a key for each cooperative (keyColumn); arena the
	// outcome buffers that columns take (take, release).
	keys  []uint16
	arena []outcomeCode
	used  int
}

// A column decides a rule for every cooperative of a run, writing the
// outcome code of r.cs[k] in out[k]; out is as long as r.cs. A column is
// made by the kind's Bind beside its rule (Binding.setColumn) and decides
// with that rule, so that the two cannot disagree: keyColumn asks the rule
// once for each value of what its outcome depends on, constantColumn once
// for the run.
type column func(r *run, out []outcomeCode)

// codeUnset marks an outcome not decided yet in keyColumn's memo.
const codeUnset outcomeCode = 0xff

// eval decides the k-th cooperative of the run with rule, counting only:
// no reason is made.
func (r *run) eval(rule Rule, k int) outcomeCode {
	a := r.bind(k)
	r.e = Eval{res: &r.res, counting: true}
	rule(a, r.asOf, &r.e)
	return r.e.code
}

// bind binds the run's applicant to its k-th cooperative, with the
// member tally gathered for it.
func (r *run) bind(k int) *Applicant {
	a := r.a
	a.tally = nil // bind would mark it to gather again
	a.bind(r.m, r.from+k, r.members)
	if r.tallies != nil {
		a.tally = &r.tallies[k]
	}
	return a
}

// decide writes in out the outcome of br for every cooperative of the
// run: by its column, or else by its rule, one cooperative at a time.
func (r *run) decide(br *boundRule, out []outcomeCode) {
	if br.col != nil {
		br.col(r, out)
		return
	}
	for k := range out {
		out[k] = r.eval(br.rule, k)
	}
}

// take returns a buffer of n outcome codes from the arena, until release.
func (r *run) take(n int) []outcomeCode {
	if r.used+n > len(r.arena) {
		// The arena grows for combinators joining many criteria; the
		// buffers taken before stay valid, in the old array.
		r.arena = padded[outcomeCode](2 * (r.used + n))
		r.used = 0
	}
	b := r.arena[r.used : r.used+n : r.used+n]
	r.used += n
	return b
}

// release gives back the last n codes taken.
func (r *run) release(n int) { r.used = max(r.used-n, 0) }

// keyColumn is the column of a rule whose outcome, at the date of a
// screening, depends on a cooperative only through a key below n that
// keys writes for each cooperative of a run: the rule decides the first
// cooperative of each key, and every other one with that key has its
// outcome.
func keyColumn(rule Rule, n int, keys func(r *run, out []uint16)) column {
	return keyColumnOf(rule, func(*readmodel.Model) int { return n }, keys)
}

// keyColumnOf is keyColumn with keys below n(m), for m the read model of
// the run: a key that indexes what each model names on its own.
func keyColumnOf(rule Rule, n func(m *readmodel.Model) int, keys func(r *run, out []uint16)) column {
	return func(r *run, out []outcomeCode) {
		ks := r.keys[:len(out)]
		keys(r, ks)
		n := n(r.m)
		memo := r.take(n)
		for i := range memo {
			memo[i] = codeUnset
		}
		for k, key := range ks {
			o := memo[key]
			if o == codeUnset {
				o = r.eval(rule, k)
				memo[key] = o
			}
			out[k] = o
		}
		r.release(n)
	}
}

// constantColumn is the column of a rule whose outcome is the same for
// every cooperative of a screening: one that reads no applicant
// (call-window), or only the applicant's project, which no cooperative of
// a screening carries (own-contribution, in-kind-cap). It decides the
// first cooperative of the run, and every other one has its outcome.
func constantColumn(rule Rule) column {
	return func(r *run, out []outcomeCode) {
		o := r.eval(rule, 0)
		for k := range out {
			out[k] = o
		}
	}
}

// joinColumn is the column of a combinator: the criteria it joins decide
// the run, each by its column when it has one, and their outcomes are
// combined by joinOutcome, as the combinator's rule combines them.
func joinColumn(join string, subs []boundRule) column {
	return func(r *run, out []outcomeCode) {
		n := len(out)
		codes := r.take(len(subs) * n)
		for i := range subs {
			r.decide(&subs[i], codes[i*n:(i+1)*n])
		}
		for k := range out {
			pass, fail, unknown := 0, 0, 0
			for i := range subs {
				switch codes[i*n+k] {
				case codePass:
					pass++
				case codeFail:
					fail++
				case codeUnknown:
					unknown++
				}
			}
			if pass+fail+unknown == 0 {
				out[k] = codeNone // no joined criterion applies
				continue
			}
			o, _ := joinOutcome(join, pass, fail, unknown)
			out[k] = codeOf(o)
		}
		r.release(len(subs) * n)
	}
}

// provinceKeys keys each cooperative of a run by its province.
func provinceKeys(r *run, out []uint16) {
	for k := range out {
		out[k] = uint16(r.cs[k].ProvinceIndex())
	}
}

// sectorKeys keys each cooperative of a run by its sector.
func sectorKeys(r *run, out []uint16) {
	for k := range out {
		out[k] = uint16(r.cs[k].SectorIndex())
	}
}

// newRun returns the run state of a screening at asOf whose rules read
// the members when members is set, with room for runs of up to size
// cooperatives and a member tally of each laid out as proto.
func newRun(a *Applicant, asOf coop.Date, members bool, proto *memberTally, size int) *run {
	r := &run{asOf: asOf, members: members, a: a, keys: padded[uint16](size), arena: padded[outcomeCode](4 * size)}
	if members {
		r.tallies = padded[memberTally](size)
		nw := len(proto.windows)
		windows := padded[windowTally](size * nw)
		for k := range r.tallies {
			t := &r.tallies[k]
			*t = memberTally{asOf: proto.asOf, segments: proto.segments, windows: windows[k*nw : (k+1)*nw : (k+1)*nw]}
			copy(t.windows, proto.windows) // their counts are set by gather
		}
	}
	return r
}

// reset points the run at the cooperatives from to to of m, which lie in
// one page, and gathers their member tallies when rules read them.
func (r *run) reset(m *readmodel.Model, from, to int) {
	r.m, r.from, r.cs, r.used = m, from, m.Run(from, to), 0
	if !r.members {
		return
	}
	r.tallies = r.tallies[:cap(r.tallies)][:len(r.cs)]
	for k := range r.cs {
		r.tallies[k].gather(m.Members(&r.cs[k]))
	}
}

// padded returns a slice of n values with 128 bytes unused on each side,
// so that what one screening worker writes in it shares no cache line
// with what another writes.
func padded[T any](n int) []T {
	var zero T
	pad := 128/max(int(unsafe.Sizeof(zero)), 1) + 1
	return make([]T, n+2*pad)[pad : pad+n : pad+n]
}

// memberColumn is the column of a rule on the members whose outcome, for
// a cooperative that gives its member register, the member tally decides
// through decide, with the counts of window when the rule reads one; the
// rule decides the others itself (no register, a count stated instead),
// and every cooperative when the screening gathers no tally of window.
// decide is the function the rule decides with, on the same counts.
func memberColumn(rule Rule, window *ageWindow, decide func(t *memberTally, w *windowTally) coop.Outcome) column {
	return func(r *run, out []outcomeCode) {
		j := -1
		if r.tallies != nil && window != nil {
			j = r.tallies[0].windowIndex(window)
		}
		if r.tallies == nil || window != nil && (j < 0 || window.youth && !r.tallies[0].windows[j].youth) {
			for k := range out {
				out[k] = r.eval(rule, k)
			}
			return
		}
		for k := range out {
			t := &r.tallies[k]
			if !t.register {
				out[k] = r.eval(rule, k)
				continue
			}
			var w *windowTally
			if j >= 0 {
				w = &t.windows[j]
			}
			out[k] = codeOf(decide(t, w))
		}
	}
}
