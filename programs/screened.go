package programs

import "github.com/taawun/taawun/coop"

// Screened is one decision of a screening, as ScreenOptions.OnScreened
// receives it: the programme, the outcome and the criteria that failed or
// could not be decided, read from what the screening decided for the
// counts. Nothing else is made unless asked: Decision makes the whole
// decision, every criterion with its reason, for the decisions a caller
// reads in full.
//
// A Screened is valid only during the call that receives it; it and the
// decision Decision returns are reused for the next one.
type Screened struct {
	s  *screener
	ti int   // the target, in the screener
	k  int   // the cooperative, in the screener's run
	oi uint8 // the outcome, as an index in outcomeOrder
	// d is the decision, once made: a programme without a call or of
	// persons decides every cooperative alike, and a screening that asks
	// for change dates makes each decision whole; otherwise Decision makes
	// it. coded is set when the outcomes of the criteria are read from
	// the run's codes.
	d     *Decision
	coded bool
}

// Program returns the ID of the programme decided.
func (v *Screened) Program() string { return v.s.targets[v.ti].prog.ID }

// Call returns the ID of the call the programme was decided under; "" when
// no call had opened.
func (v *Screened) Call() string {
	if p := v.s.targets[v.ti].plan; p != nil {
		return p.call.ID
	}
	return ""
}

// The indexes of the outcomes in outcomeOrder.
const (
	iEligible uint8 = iota
	iIneligible
	iUndetermined
)

// outcomeIndex returns the index of o in outcomeOrder.
func outcomeIndex(o Outcome) uint8 {
	switch o {
	case Eligible:
		return iEligible
	case Ineligible:
		return iIneligible
	}
	return iUndetermined
}

// Outcome returns the decision's outcome.
func (v *Screened) Outcome() Outcome { return outcomeOrder[v.oi] }

// Failed appends to dst the IDs of the criteria that failed, in the
// programme's order, as Decision lists them, and returns the extended
// slice; an eligible or undetermined decision has none.
func (v *Screened) Failed(dst []string) []string {
	if v.oi != iIneligible {
		return dst
	}
	return v.criteria(dst, codeFail, coop.Fail)
}

// Unknown appends to dst the IDs of the criteria that could not be decided
// for want of a fact, in the programme's order, and returns the extended
// slice; an eligible decision has none.
func (v *Screened) Unknown(dst []string) []string {
	if v.oi == iEligible {
		return dst
	}
	return v.criteria(dst, codeUnknown, coop.Unknown)
}

// criteria appends the IDs of the criteria whose outcome is o (code).
func (v *Screened) criteria(dst []string, code outcomeCode, o coop.Outcome) []string {
	if !v.coded {
		return v.d.appendIDs(dst, o)
	}
	s := v.s
	n := len(s.run.cs)
	codes := s.ruleCodes[s.codeOff[v.ti]+v.k:]
	for i := range s.targets[v.ti].plan.rules {
		if codes[i*n] == code {
			dst = append(dst, s.targets[v.ti].plan.rules[i].crit.ID)
		}
	}
	return dst
}

// Decision returns the whole decision, every criterion with its reason,
// the grant and the benefit, as OnDecision would receive it; the rules
// decide it when it is first asked for. It must not be kept after the
// call that received v returns: copy what must outlive it.
func (v *Screened) Decision() *Decision {
	s := v.s
	if v.d == nil {
		s.run.bind(v.k)
		v.d = s.whole(v.ti, nil, nil)
	}
	s.d = *v.d
	return &s.d
}
