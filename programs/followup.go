package programs

import (
	"iter"
	"slices"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// Beneficiary is where a selected cooperative stands in its programme's
// schedule at a date.
type Beneficiary struct {
	CooperativeID uuid.UUID         `json:"cooperative_id"`
	Name          string            `json:"name"`
	Province      coop.ProvinceCode `json:"province"`
	Call          string            `json:"call,omitempty"`
	SelectedOn    coop.Date         `json:"selected_on"`
	// Ends is the end of the schedule: the selection plus its months.
	Ends coop.Date `json:"ends"`
	// Done counts the visits recorded on or before the date; Due those the
	// schedule expected by then, spread evenly over its months; Overdue the
	// shortfall; Remaining the visits still to make.
	Done      int `json:"done"`
	Due       int `json:"due"`
	Overdue   int `json:"overdue"`
	Remaining int `json:"remaining"`
	// Behind is set when a visit is overdue.
	Behind bool `json:"behind"`
	// NextDue is the date by which the next visit is due (zero when all are
	// done).
	NextDue coop.Date `json:"next_due,omitzero"`
}

// FollowUpReport is the follow-up of a programme's beneficiaries at a
// date.
type FollowUpReport struct {
	Program       string        `json:"program"`
	AsOf          coop.Date     `json:"as_of"`
	Schedule      Schedule      `json:"schedule"`
	Beneficiaries []Beneficiary `json:"beneficiaries"`
	// Behind counts the beneficiaries with an overdue visit.
	Behind int `json:"behind"`
}

// FollowUp reports, for every cooperative of seq that the programme
// selected on or before asOf, the visits done, due and overdue at asOf.
// Visits are the cooperative's supports of the schedule's kind for the
// programme (and the selection's call, when both name one) from the
// selection on. NotFound for an unknown programme; Invalid for a programme
// without a schedule or no date.
func (cat *Catalogue) FollowUp(seq iter.Seq[coop.Cooperative], program string, asOf coop.Date) (FollowUpReport, error) {
	const op = "programs.FollowUp"
	p, ok := cat.Program(program)
	if !ok {
		return FollowUpReport{}, &coop.Error{Code: coop.NotFound, Op: op, Message: "unknown programme " + quote(program),
			Fields: []coop.FieldError{{Field: "program", Rule: "program", Message: "not in the catalogue"}}}
	}
	if p.Schedule == nil {
		return FollowUpReport{}, &coop.Error{Code: coop.Invalid, Op: op, Message: program + " has no follow-up schedule",
			Fields: []coop.FieldError{{Field: "program", Rule: "schedule", Message: "no schedule"}}}
	}
	if asOf.IsZero() {
		return FollowUpReport{}, &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
			Fields: []coop.FieldError{{Field: "as_of", Rule: "required", Message: "is required"}}}
	}
	s := *p.Schedule
	rep := FollowUpReport{Program: program, AsOf: asOf, Schedule: s, Beneficiaries: []Beneficiary{}}
	for c := range seq {
		for _, sel := range c.Selections {
			if sel.Program != program || sel.SelectedOn.After(asOf) {
				continue
			}
			b := followed(&c, sel, s, asOf)
			if b.Behind {
				rep.Behind++
			}
			rep.Beneficiaries = append(rep.Beneficiaries, b)
		}
	}
	slices.SortFunc(rep.Beneficiaries, func(a, b Beneficiary) int {
		if a.Overdue != b.Overdue {
			return b.Overdue - a.Overdue
		}
		return a.SelectedOn.Compare(b.SelectedOn)
	})
	return rep, nil
}

// followed is how the schedule s stands at asOf for cooperative c, selected
// by sel: the visits of s's kind done for the programme (and the
// selection's call, when both name one) since the selection, those due by
// then, and when the next one is.
func followed(c *coop.Cooperative, sel coop.Selection, s Schedule, asOf coop.Date) Beneficiary {
	b := Beneficiary{CooperativeID: c.ID, Name: c.Name, Province: c.Province, Call: sel.Call, SelectedOn: sel.SelectedOn,
		Ends: sel.SelectedOn.AddMonths(s.Months)}
	for _, sup := range c.Supports {
		if sup.Kind == s.Kind && sup.Program == sel.Program && (sel.Call == "" || sup.Call == "" || sup.Call == sel.Call) &&
			!sup.Start.Before(sel.SelectedOn) && !sup.Start.After(asOf) {
			b.Done++
		}
	}
	months := 0
	for months < s.Months && !sel.SelectedOn.AddMonths(months+1).After(asOf) {
		months++
	}
	b.Due = s.Visits * months / s.Months
	b.Overdue = max(0, b.Due-b.Done)
	b.Remaining = max(0, s.Visits-b.Done)
	b.Behind = b.Overdue > 0
	if b.Remaining > 0 {
		// The next visit is due once the schedule expects Done+1.
		for m := 1; m <= s.Months; m++ {
			if s.Visits*m/s.Months >= b.Done+1 {
				b.NextDue = sel.SelectedOn.AddMonths(m)
				break
			}
		}
	}
	return b
}
