package registry

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// Participation is a cooperative's part in a support action: who came.
type Participation struct {
	CooperativeID uuid.UUID `json:"cooperative_id"`
	People        int       `json:"people,omitempty" validate:"int-range"`
	Women         int       `json:"women,omitempty" validate:"int-range"`
	Youth         int       `json:"youth,omitempty" validate:"int-range"`
	// Financing is set for financial support and prizes.
	Financing *coop.Financing `json:"financing,omitempty"`
}

// SupportAction is a support action to record: a training session, an
// awareness or information day, coaching visits, a diagnosis, a fair, a
// grant, a volunteer placement, a prize, and the cooperatives it reached.
type SupportAction struct {
	Kind       coop.SupportKind  `json:"kind" validate:"enum"`
	Title      string            `json:"title" validate:"text"`
	Start      coop.Date         `json:"start" validate:"date-range"`
	End        coop.Date         `json:"end,omitzero" validate:"date-range"`
	Operator   string            `json:"operator,omitempty" validate:"text"`
	Delegation coop.DelegationID `json:"delegation,omitempty" validate:"omitempty,delegation"`
	Partners   []string          `json:"partners,omitempty" validate:"dive,text"`
	// Program and Call name the programme and call the action belongs to,
	// as the catalogue knows them; the registry records them as given.
	Program string          `json:"program,omitempty" validate:"text"`
	Call    string          `json:"call,omitempty" validate:"text"`
	Reached []Participation `json:"reached" validate:"dive"`
}

// RecordedAction is what RecordSupport returns: the action's ID and the
// cooperatives as they stand after it.
type RecordedAction struct {
	ActionID     uuid.UUID          `json:"action_id"`
	Cooperatives []coop.Cooperative `json:"cooperatives"`
}

// RecordSupport records a support action in the journal of every
// cooperative it reached, effective on its start date. Everything is
// checked before anything is written: a known kind, a title, dates in
// order and not in the future, participants that add up (women and young
// people among the people), a funder's amount not above the cost (100 %),
// registered cooperatives reached once each, and, for a coaching visit of a
// programme, a visit not before the cooperative's selection. Invalid or
// NotFound for bad input, FailedPrecondition for a visit before selection;
// nothing is then stored. The entries of every cooperative reached are
// written in one transaction, with the guards checked on each: all of them
// or none. A version guard is refused: the action names no one cooperative.
func (r *Registry) RecordSupport(ctx context.Context, a SupportAction, guards ...Guard) (RecordedAction, error) {
	const op = "registry.RecordSupport"
	if err := checkInput(op, a); err != nil {
		return RecordedAction{}, err
	}
	if err := checkAction(op, a, r.today()); err != nil {
		return RecordedAction{}, err
	}
	ids := make([]uuid.UUID, len(a.Reached))
	for i, p := range a.Reached {
		ids[i] = p.CooperativeID
	}
	out := RecordedAction{ActionID: r.newID()}
	// One transaction: every cooperative is locked and checked (it exists,
	// the guards let it be changed, it was registered by the start, a visit
	// follows its selection) and every entry is written, or none is.
	err := r.write(ctx, op, uuid.Nil, guards, func(w *writer) error {
		if err := lockReached(w, op, a, ids); err != nil {
			return err
		}
		out.Cooperatives = out.Cooperatives[:0]
		for _, p := range a.Reached {
			s := supportOf(a, p, out.ActionID)
			c, err := w.change(p.CooperativeID, a.Start, EntryModification, func(*coop.Cooperative) (Change, error) {
				return SupportRecorded{Support: s}, nil
			})
			if err != nil {
				return err
			}
			out.Cooperatives = append(out.Cooperatives, c)
		}
		w.result = out
		return nil
	})
	if err != nil {
		return RecordedAction{}, err
	}
	return out, nil
}

// checkAction checks a support action's values: a kind, a title, dates in
// order and not after today, a delegation, cooperatives reached once each,
// participants that add up and financing that does not exceed the cost.
func checkAction(op string, a SupportAction, today coop.Date) error {
	var fs coop.Fields
	if strings.TrimSpace(a.Title) == "" {
		fs.Add("title", "required", "", "is required")
	}
	switch {
	case a.Start.IsZero():
		fs.Add("start", "required", "", "is required")
	case a.Start.After(today):
		fs.Add("start", "not-future", "", "%s is after today: record an action once it has taken place", a.Start)
	case !a.End.IsZero() && a.End.Before(a.Start):
		fs.Add("end", "after", "start", "ends on %s, before it starts on %s", a.End, a.Start)
	}
	if len(a.Reached) == 0 {
		fs.Add("reached", "min", "1", "an action reaches at least one cooperative")
	}
	seen := map[uuid.UUID]bool{}
	for i, p := range a.Reached {
		f := fmt.Sprintf("reached[%d]", i)
		fs.Merge(f, noID(op, "cooperative_id", p.CooperativeID))
		if seen[p.CooperativeID] {
			fs.Add(f+".cooperative_id", "unique", "", "cooperative %s is listed twice", p.CooperativeID)
		}
		seen[p.CooperativeID] = true
		checkParticipation(&fs, f, p)
	}
	return fs.Err(op, "invalid support action")
}

// checkParticipation checks the people a support action reached in one
// cooperative, and its financing.
func checkParticipation(fs *coop.Fields, f string, p Participation) {
	if p.People < 0 || p.Women < 0 || p.Youth < 0 {
		fs.Add(f, "gte", "0", "counts of people are not negative")
	}
	if p.Women > p.People || p.Youth > p.People {
		fs.Add(f, "lte", "people", "%d women and %d young people among %d people", p.Women, p.Youth, p.People)
	}
	fin := p.Financing
	switch {
	case fin == nil:
	case strings.TrimSpace(fin.Funder) == "":
		fs.Add(f+".financing.funder", "required", "", "is required")
	case fin.Amount.Sign() < 0 || coop.CheckMAD(fin.Amount) != nil || fin.Cost.Sign() < 0 || coop.CheckMAD(fin.Cost) != nil:
		fs.Add(f+".financing", "amount", "", "amounts are non-negative with at most two decimals")
	case fin.Cost.Sign() > 0 && fin.Amount.GreaterThan(fin.Cost):
		fs.Add(f+".financing.amount", "share-max", "100%", "the funder pays %s of a cost of %s: more than 100 %%",
			coop.FormatMAD(fin.Amount), coop.FormatMAD(fin.Cost))
	}
}

// lockReached locks every cooperative a support action reached and checks
// each: it exists, the guards let it be changed, it was registered by the
// start, and a visit follows its selection.
func lockReached(w *writer, op string, a SupportAction, ids []uuid.UUID) error {
	if _, err := w.lock(lockOrder(ids)...); err != nil {
		if coop.ErrorCode(err) == coop.NotFound {
			for i, id := range ids {
				if _, err := w.tx.Lock(id); coop.ErrorCode(err) == coop.NotFound {
					return refuse(coop.NotFound, op, noRule, fmt.Sprintf("reached[%d].cooperative_id", i), "exists", "no cooperative %s", id)
				}
			}
		}
		return err
	}
	for i, p := range a.Reached {
		c := w.locked[p.CooperativeID]
		if err := visitFollowsSelection(op, &c, a, i); err != nil {
			return err
		}
		if a.Start.Before(c.RegisteredOn) {
			return refuse(coop.Invalid, op, noRule, fmt.Sprintf("reached[%d].cooperative_id", i), "after-registration",
				"%s was registered on %s, after the action", c.Name, c.RegisteredOn)
		}
	}
	return nil
}

// supportOf is what a cooperative's record keeps of a support action that
// reached it.
func supportOf(a SupportAction, p Participation, action uuid.UUID) coop.Support {
	s := coop.Support{ActionID: action, Kind: a.Kind, Title: a.Title, Start: a.Start, End: a.End, Operator: a.Operator,
		Delegation: a.Delegation, Partners: slices.Clone(a.Partners), Program: a.Program, Call: a.Call,
		People: p.People, Women: p.Women, Youth: p.Youth}
	if p.Financing != nil {
		fin := *p.Financing
		s.Financing = &fin
	}
	return s
}

func visitFollowsSelection(op string, c *coop.Cooperative, a SupportAction, i int) error {
	if a.Kind != coop.CoachingVisit || a.Program == "" {
		return nil
	}
	for _, s := range c.Selections {
		if s.Program == a.Program && (a.Call == "" || s.Call == "" || s.Call == a.Call) {
			if a.Start.Before(s.SelectedOn) {
				return refuse(coop.FailedPrecondition, op, noRule, fmt.Sprintf("reached[%d].cooperative_id", i), "after-selection",
					"%s was selected for %s on %s: a visit on %s comes before", c.Name, a.Program, s.SelectedOn, a.Start)
			}
			return nil
		}
	}
	return refuse(coop.FailedPrecondition, op, noRule, fmt.Sprintf("reached[%d].cooperative_id", i), "selected",
		"%s was not selected for %s", c.Name, a.Program)
}

// SelectionInput records a selection by a programme's call.
type SelectionInput struct {
	Selection coop.Selection `json:"selection"`
}

// Select records that the cooperative was selected by a programme's call
// (a Mourafaka phase), which starts its follow-up schedule. Invalid without
// a programme; FailedPrecondition for a cooperative not active or already
// selected for the same call.
func (r *Registry) Select(ctx context.Context, id uuid.UUID, in SelectionInput, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.Select"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	s := in.Selection
	return onField("selection.selected_on")(r.update(ctx, op, id, guards, s.SelectedOn, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if strings.TrimSpace(s.Program) == "" {
			return nil, refuse(coop.Invalid, op, noRule, "selection.program", "required", "is required")
		}
		if err := mustBeActive(op, c, s.SelectedOn); err != nil {
			return nil, err
		}
		for _, x := range c.Selections {
			if x.Program == s.Program && x.Call == s.Call {
				return nil, refuse(coop.FailedPrecondition, op, noRule, "selection", "unique", "already selected for %s %s on %s", s.Program, s.Call, x.SelectedOn)
			}
		}
		return Selected{Selection: s}, nil
	}))
}

// LabelInput awards a label.
type LabelInput struct {
	Label coop.Label `json:"label"`
}

// AwardLabel records a label, brand right, certification or sanitary
// approval, effective from its ValidFrom date. Invalid for an unknown kind,
// a missing name or issuer, a validity ending before it starts, or an ONSSA
// approval or authorisation without its number.
func (r *Registry) AwardLabel(ctx context.Context, id uuid.UUID, in LabelInput, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.AwardLabel"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	l := in.Label
	var fs coop.Fields
	if strings.TrimSpace(l.Name) == "" {
		fs.Add("label.name", "required", "", "is required")
	}
	if strings.TrimSpace(l.Issuer) == "" {
		fs.Add("label.issuer", "required", "", "is required")
	}
	if (l.Kind == coop.ONSSAApproval || l.Kind == coop.ONSSAAuthorisation) && strings.TrimSpace(l.Number) == "" {
		fs.Add("label.number", "required", "", "an ONSSA authorisation or approval has a number (Law 28-07)")
	}
	if l.ValidFrom.IsZero() {
		fs.Add("label.valid_from", "required", "", "is required")
	} else if !l.ValidUntil.IsZero() && l.ValidUntil.Before(l.ValidFrom) {
		fs.Add("label.valid_until", "after", "valid_from", "valid until %s, before it was issued on %s", l.ValidUntil, l.ValidFrom)
	}
	if err := fs.Err(op, "invalid label"); err != nil {
		return coop.Cooperative{}, err
	}
	l.ID = r.newID()
	l.SuspendedFrom, l.SuspendedUntil, l.WithdrawnOn, l.Reason = coop.Date{}, coop.Date{}, coop.Date{}, ""
	return onField("label.valid_from")(r.update(ctx, op, id, guards, l.ValidFrom, EntryModification, func(c *coop.Cooperative) (Change, error) {
		return LabelAwarded{Label: l}, nil
	}))
}

// LabelChange suspends or withdraws a label.
type LabelChange struct {
	On coop.Date `json:"on" validate:"date-range"`
	// Until ends a suspension (inclusive); zero means until further notice.
	Until  coop.Date `json:"until,omitzero" validate:"date-range"`
	Reason string    `json:"reason" validate:"text"`
}

// SuspendLabel suspends a label from On until Until. NotFound for an
// unknown label; FailedPrecondition for a label withdrawn or not in force.
func (r *Registry) SuspendLabel(ctx context.Context, id, label uuid.UUID, in LabelChange, guards ...Guard) (coop.Cooperative, error) {
	return r.changeLabel(ctx, "registry.SuspendLabel", ChangeLabelSuspended, id, label, in, guards)
}

// WithdrawLabel withdraws a label from On.
func (r *Registry) WithdrawLabel(ctx context.Context, id, label uuid.UUID, in LabelChange, guards ...Guard) (coop.Cooperative, error) {
	return r.changeLabel(ctx, "registry.WithdrawLabel", ChangeLabelWithdrawn, id, label, in, guards)
}

func (r *Registry) changeLabel(ctx context.Context, op string, kind ChangeKind, id, label uuid.UUID, in LabelChange, guards []Guard) (coop.Cooperative, error) {
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		var l *coop.Label
		for i := range c.Labels {
			if c.Labels[i].ID == label {
				l = &c.Labels[i]
			}
		}
		switch {
		case l == nil:
			return nil, refuse(coop.NotFound, op, noRule, "label_id", "exists", "no label %s", label)
		case strings.TrimSpace(in.Reason) == "":
			return nil, refuse(coop.Invalid, op, noRule, "reason", "required", "is required")
		case !l.WithdrawnOn.IsZero():
			return nil, refuse(coop.FailedPrecondition, op, noRule, "label_id", "withdrawn", "the label was withdrawn on %s", l.WithdrawnOn)
		case in.On.Before(l.ValidFrom) || (!l.ValidUntil.IsZero() && in.On.After(l.ValidUntil)):
			return nil, refuse(coop.FailedPrecondition, op, noRule, "on", "in-force", "the label is not in force on %s", in.On)
		case kind == ChangeLabelSuspended && !in.Until.IsZero() && in.Until.Before(in.On):
			return nil, refuse(coop.Invalid, op, noRule, "until", "after", "a suspension ends after it starts")
		}
		if kind == ChangeLabelSuspended {
			return LabelSuspended{Ref: label, Until: in.Until, Reason: in.Reason}, nil
		}
		return LabelWithdrawn{Ref: label, Reason: in.Reason}, nil
	})
}

// SupportRecorded is a cooperative's part in a support action.
type SupportRecorded struct {
	Support coop.Support `json:"support"`
}

// Selected is a selection by a programme's call.
type Selected struct {
	Selection coop.Selection `json:"selection"`
}

// LabelAwarded is a label, brand right, certification or approval awarded.
type LabelAwarded struct {
	Label coop.Label `json:"label"`
}

// LabelSuspended suspends the label Ref from the entry's date until Until
// (inclusive; zero until further notice).
type LabelSuspended struct {
	Ref    uuid.UUID `json:"ref"`
	Until  coop.Date `json:"until,omitzero"`
	Reason string    `json:"reason"`
}

// LabelWithdrawn withdraws the label Ref from the entry's date.
type LabelWithdrawn struct {
	Ref    uuid.UUID `json:"ref"`
	Reason string    `json:"reason"`
}

// Kind implements Change.
func (SupportRecorded) Kind() ChangeKind { return ChangeSupportRecorded }

// Apply implements Change.
func (ch SupportRecorded) Apply(c *coop.Cooperative, _ coop.Date) {
	s := ch.Support
	s.Partners = slices.Clone(s.Partners)
	if s.Financing != nil {
		f := *s.Financing
		s.Financing = &f
	}
	c.Supports = append(c.Supports, s)
}

// Kind implements Change.
func (Selected) Kind() ChangeKind { return ChangeSelected }

// Apply implements Change.
func (ch Selected) Apply(c *coop.Cooperative, _ coop.Date) {
	c.Selections = append(c.Selections, ch.Selection)
}

// Kind implements Change.
func (LabelAwarded) Kind() ChangeKind { return ChangeLabelAwarded }

// Apply implements Change.
func (ch LabelAwarded) Apply(c *coop.Cooperative, _ coop.Date) {
	l := ch.Label
	l.Products = slices.Clone(l.Products)
	c.Labels = append(c.Labels, l)
}

// Kind implements Change.
func (LabelSuspended) Kind() ChangeKind { return ChangeLabelSuspended }

// Apply implements Change.
func (ch LabelSuspended) Apply(c *coop.Cooperative, on coop.Date) {
	if l := labelAt(c, ch.Ref); l != nil {
		l.SuspendedFrom, l.SuspendedUntil, l.Reason = on, ch.Until, ch.Reason
	}
}

// Kind implements Change.
func (LabelWithdrawn) Kind() ChangeKind { return ChangeLabelWithdrawn }

// Apply implements Change.
func (ch LabelWithdrawn) Apply(c *coop.Cooperative, on coop.Date) {
	if l := labelAt(c, ch.Ref); l != nil {
		l.WithdrawnOn, l.Reason = on, ch.Reason
	}
}

func labelAt(c *coop.Cooperative, id uuid.UUID) *coop.Label {
	for i := range c.Labels {
		if c.Labels[i].ID == id {
			return &c.Labels[i]
		}
	}
	return nil
}
