package programs

import (
	"encoding/json"

	"github.com/taawun/taawun/coop"
)

// EvaluateAll decides one applicant against every programme of the
// catalogue at asOf, in the catalogue's order, each under its call in
// force then (no call named): what an officer asks when a cooperative or a
// person walks in. Every programme has its decision, a programme of
// another kind of applicant included (ineligible, applicant-kind failing).
// The decisions are made on one version of the catalogue, which each
// names. The errors are Evaluate's for a request that cannot be decided:
// no date, no applicant or both kinds, a malformed project.
func (cat *Catalogue) EvaluateAll(asOf coop.Date, a Applicant) ([]Decision, error) {
	const op = "programs.EvaluateAll"
	s := cat.snap.Load()
	if asOf.IsZero() {
		return nil, &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid request",
			Fields: []coop.FieldError{{Field: "as_of", Rule: "required", Message: "the date of the decision is required"}}}
	}
	if err := checkApplicant(op, &a); err != nil {
		return nil, err
	}
	if err := a.compact(op); err != nil {
		return nil, err
	}
	out := make([]Decision, 0, len(s.programs))
	for _, e := range s.programs {
		d, err := s.evaluate(op, Request{Program: e.prog.ID, AsOf: asOf, Applicant: a})
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// DecideAll is EvaluateAll with a record of each decision (Decide): the
// request of each programme as it would be stored, and its input hash.
func (cat *Catalogue) DecideAll(asOf coop.Date, a Applicant) ([]Record, error) {
	const op = "programs.DecideAll"
	ds, err := cat.EvaluateAll(asOf, a)
	if err != nil {
		return nil, err
	}
	// The applicant as it reads back from its JSON form, once: each
	// programme's request differs only by its ID.
	b, err := json.Marshal(Request{AsOf: asOf, Applicant: a})
	if err != nil {
		return nil, &coop.Error{Code: coop.Internal, Op: op, Message: "internal error", Err: err}
	}
	out := make([]Record, len(ds))
	for i, d := range ds {
		var stored Request
		if err := json.Unmarshal(b, &stored); err != nil {
			return nil, &coop.Error{Code: coop.Internal, Op: op, Message: "internal error", Err: err}
		}
		stored.Program = d.Program
		h, err := HashRequest(stored)
		if err != nil {
			return nil, err
		}
		out[i] = Record{Format: RecordFormat, Catalogue: d.Catalogue, InputHash: h, Request: stored, Decision: d}
	}
	return out, nil
}
