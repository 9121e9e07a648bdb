package coop

import (
	"github.com/shopspring/decimal"
)

// AssemblyKind is the kind of a general assembly.
type AssemblyKind string

// The kinds of general assembly.
const (
	// Ordinary general assembly: accounts, surplus, elections (art. 41).
	Ordinary AssemblyKind = "ordinary"
	// Extraordinary general assembly: statutes, merger, dissolution,
	// exclusion of a member (arts. 20, 42).
	Extraordinary AssemblyKind = "extraordinary"
)

// Valid reports whether k is a known assembly kind.
func (k AssemblyKind) Valid() bool { return k == Ordinary || k == Extraordinary }

// ThirdCallMinimum is the least number of members present on a third call.
// Art. 43 reads "one tenth for cooperatives of 20 members or fewer, not
// fewer than 2"; what applies above 20 members is ambiguous in the text, so
// Quorum applies one tenth with this minimum to every cooperative.
const ThirdCallMinimum = 2

// Quorum returns how many of members must be present (or represented) for a
// general assembly of kind to deliberate on call (1, 2 or 3) (art. 43):
//   - ordinary: one half on the 1st call, one quarter on the 2nd, one tenth
//     on the 3rd;
//   - extraordinary: three quarters, one half, one tenth.
//
// Fractions are rounded up (a quorum of one half of 5 members is 3); on the
// 3rd call at least ThirdCallMinimum members must be present. A call outside
// 1 to 3 or a negative number of members is an Invalid error.
func Quorum(kind AssemblyKind, call, members int) (int, error) {
	if !kind.Valid() {
		return 0, Fieldf("kind", "enum", "%q is not an assembly kind (ordinary or extraordinary)", kind)
	}
	if call < 1 || call > 3 {
		return 0, Fieldf("call", "range", "call %d: an assembly is convened on the 1st, 2nd or 3rd call (art. 43)", call)
	}
	if members < 0 {
		return 0, Fieldf("members", "gte", "must not be negative")
	}
	f := quorumFractions[kind][call-1]
	num, den := f[0], f[1]
	q := (members*num + den - 1) / den
	if call == 3 && q < ThirdCallMinimum {
		q = min(ThirdCallMinimum, members)
	}
	return q, nil
}

var quorumFractions = map[AssemblyKind][3][2]int{
	Ordinary:      {{1, 2}, {1, 4}, {1, 10}},
	Extraordinary: {{3, 4}, {1, 2}, {1, 10}},
}

// QuorumMet reports whether present members reach the quorum of Quorum.
func QuorumMet(kind AssemblyKind, call, members, present int) (bool, error) {
	q, err := Quorum(kind, call, members)
	if err != nil {
		return false, err
	}
	if present < 0 || present > members {
		return false, Fieldf("present", "range", "%d present of %d members", present, members)
	}
	return present >= q, nil
}

// Votes counts the votes cast on a resolution. Abstentions and blank votes
// are not votes cast.
type Votes struct {
	For     int `json:"for" validate:"int-range"`
	Against int `json:"against" validate:"int-range"`
	// ChairFor tells how the chair voted, which breaks a tie in an ordinary
	// assembly (art. 43).
	ChairFor bool `json:"chair_for,omitempty"`
}

// Cast returns the number of votes cast.
func (v Votes) Cast() int { return v.For + v.Against }

// Adopted reports whether the resolution is adopted (art. 43): in an
// ordinary assembly by an absolute majority of votes cast, the chair's vote
// breaking a tie; in an extraordinary assembly, and for the exclusion of a
// member (art. 20), by two thirds of votes cast. No vote cast adopts nothing.
func (v Votes) Adopted(kind AssemblyKind) bool {
	cast := v.Cast()
	if cast == 0 || v.For < 0 || v.Against < 0 {
		return false
	}
	if kind == Extraordinary {
		return 3*v.For >= 2*cast
	}
	return 2*v.For > cast || (2*v.For == cast && v.ChairFor)
}

// LegalReserveAllocation returns what goes to the legal reserve out of a
// year's net surplus (art. 69): 10 % of the surplus until the reserve equals
// the capital, never taking it above the capital, rounded down to the
// centime. A deficit or a reserve already at the capital allocates nothing.
func LegalReserveAllocation(netSurplus, reserve, capital decimal.Decimal) decimal.Decimal {
	if netSurplus.Sign() <= 0 || !reserve.LessThan(capital) {
		return decimal.Zero
	}
	alloc := FloorMAD(netSurplus.Mul(legalReserveRate))
	if room := capital.Sub(reserve); alloc.GreaterThan(room) {
		alloc = room
	}
	return alloc
}

// WithdrawalDeadline returns the last day on which a withdrawal request can
// reach the cooperative for the financial year ending on yearEnd: two months
// before the year end (art. 19). For a calendar year that is 31 October.
func WithdrawalDeadline(yearEnd Date) Date { return yearEnd.AddMonths(-WithdrawalNoticeMonths) }

// WithdrawalAnswerDue returns the last day on which the board may answer a
// withdrawal request received on received: 20 days later (art. 19). A
// request left unanswered by then is accepted.
func WithdrawalAnswerDue(received Date) Date { return received.AddDays(WithdrawalAnswerDays) }

// AcceptedBySilence reports whether a withdrawal request received on
// received and not answered is accepted at asOf: from the day after the
// answer was due (art. 19).
func AcceptedBySilence(received, asOf Date) bool {
	return asOf.After(WithdrawalAnswerDue(received))
}

// NonMemberTradeCap returns the most a cooperative may trade with
// non-members in a year (art. 6): nothing before one year after
// registration; from then on 30 % of the last closed year's base (members'
// supplies, turnover with members or wage bill, by category of
// cooperative), rounded down to the centime. Going above needs the
// ministry's permission (Decree 2-21-216). allowed is false before the first
// anniversary of registration or when the cooperative is not registered.
func NonMemberTradeCap(base decimal.Decimal, registered, asOf Date) (limit decimal.Decimal, allowed bool) {
	if registered.IsZero() || !ExistenceAtLeast(registered, asOf, NonMemberTradeWaitYears) {
		return decimal.Zero, false
	}
	if base.Sign() <= 0 {
		return decimal.Zero, true
	}
	return FloorMAD(base.Mul(nonMemberTradeShare)), true
}

// ModifyingEntryLate reports whether a modifying entry recorded on recorded
// for a change effective on effective is late: recorded more than 30 days
// after the change (art. 12).
func ModifyingEntryLate(effective, recorded Date) bool {
	return recorded.After(effective.AddDays(ModifyingEntryDays))
}
