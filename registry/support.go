package registry

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// Participation is a cooperative's part in a support action: who came.
type Participation struct {
	CooperativeID uuid.UUID `json:"cooperative_id"`
	People        int       `json:"people,omitempty"`
	Women         int       `json:"women,omitempty"`
	Youth         int       `json:"youth,omitempty"`
	// Financing is set for financial support and prizes.
	Financing *coop.Financing `json:"financing,omitempty"`
}

// SupportAction is a support action to record: a training session, an
// awareness or information day, coaching visits, a diagnosis, a fair, a
// grant, a volunteer placement, a prize, and the cooperatives it reached.
type SupportAction struct {
	Kind       coop.SupportKind  `json:"kind"`
	Title      string            `json:"title"`
	Start      coop.Date         `json:"start"`
	End        coop.Date         `json:"end,omitzero"`
	Operator   string            `json:"operator,omitempty"`
	Delegation coop.DelegationID `json:"delegation,omitempty"`
	Partners   []string          `json:"partners,omitempty"`
	// Program and Call name the programme and call the action belongs to,
	// as the catalogue knows them; the registry records them as given.
	Program string          `json:"program,omitempty"`
	Call    string          `json:"call,omitempty"`
	Reached []Participation `json:"reached"`
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
// nothing is then stored. Each cooperative's entry is written atomically.
func (r *Registry) RecordSupport(ctx context.Context, a SupportAction) (RecordedAction, error) {
	const op = "registry.RecordSupport"
	var fs coop.Fields
	if !a.Kind.Valid() {
		fs.Add("kind", "enum", "", "%q is not a kind of support action", a.Kind)
	}
	if strings.TrimSpace(a.Title) == "" {
		fs.Add("title", "required", "", "is required")
	}
	switch {
	case a.Start.IsZero():
		fs.Add("start", "required", "", "is required")
	case a.Start.After(r.today()):
		fs.Add("start", "not-future", "", "%s is after today: record an action once it has taken place", a.Start)
	case !a.End.IsZero() && a.End.Before(a.Start):
		fs.Add("end", "after", "start", "ends on %s, before it starts on %s", a.End, a.Start)
	}
	if a.Delegation != "" && !a.Delegation.Valid() {
		fs.Add("delegation", "delegation", "", "%q is not a delegation", a.Delegation)
	}
	if len(a.Reached) == 0 {
		fs.Add("reached", "min", "1", "an action reaches at least one cooperative")
	}
	seen := map[uuid.UUID]bool{}
	for i, p := range a.Reached {
		f := fmt.Sprintf("reached[%d]", i)
		if seen[p.CooperativeID] {
			fs.Add(f+".cooperative_id", "unique", "", "cooperative %s is listed twice", p.CooperativeID)
		}
		seen[p.CooperativeID] = true
		if p.People < 0 || p.Women < 0 || p.Youth < 0 {
			fs.Add(f, "gte", "0", "counts of people are not negative")
		}
		if p.Women > p.People || p.Youth > p.People {
			fs.Add(f, "lte", "people", "%d women and %d young people among %d people", p.Women, p.Youth, p.People)
		}
		if fin := p.Financing; fin != nil {
			switch {
			case strings.TrimSpace(fin.Funder) == "":
				fs.Add(f+".financing.funder", "required", "", "is required")
			case fin.Amount.Sign() < 0 || coop.CheckMAD(fin.Amount) != nil || fin.Cost.Sign() < 0 || coop.CheckMAD(fin.Cost) != nil:
				fs.Add(f+".financing", "amount", "", "amounts are non-negative with at most two decimals")
			case fin.Cost.Sign() > 0 && fin.Amount.GreaterThan(fin.Cost):
				fs.Add(f+".financing.amount", "share-max", "100%", "the funder pays %s of a cost of %s: more than 100 %%",
					coop.FormatMAD(fin.Amount), coop.FormatMAD(fin.Cost))
			}
		}
	}
	if err := fs.Err(op, "invalid support action"); err != nil {
		return RecordedAction{}, err
	}
	// Every cooperative must exist and be registered by the start; a visit
	// must follow the selection.
	for i, p := range a.Reached {
		c, err := r.store.Get(ctx, p.CooperativeID)
		if coop.ErrorCode(err) == coop.NotFound {
			return RecordedAction{}, refuse(coop.NotFound, op, "", fmt.Sprintf("reached[%d].cooperative_id", i), "exists", "no cooperative %s", p.CooperativeID)
		}
		if err != nil {
			return RecordedAction{}, wrap(op, err)
		}
		if err := visitFollowsSelection(op, &c, a, i); err != nil {
			return RecordedAction{}, err
		}
		if a.Start.Before(c.RegisteredOn) {
			return RecordedAction{}, refuse(coop.Invalid, op, "", fmt.Sprintf("reached[%d].cooperative_id", i), "after-registration",
				"%s was registered on %s, after the action", c.Name, c.RegisteredOn)
		}
	}
	out := RecordedAction{ActionID: r.newID()}
	for i, p := range a.Reached {
		s := coop.Support{ActionID: out.ActionID, Kind: a.Kind, Title: a.Title, Start: a.Start, End: a.End, Operator: a.Operator,
			Delegation: a.Delegation, Partners: slices.Clone(a.Partners), Program: a.Program, Call: a.Call,
			People: p.People, Women: p.Women, Youth: p.Youth}
		if p.Financing != nil {
			fin := *p.Financing
			s.Financing = &fin
		}
		c, err := r.update(ctx, op, p.CooperativeID, 0, a.Start, EntryModification, func(c *coop.Cooperative) (Change, error) {
			if err := visitFollowsSelection(op, c, a, i); err != nil {
				return Change{}, err
			}
			return Change{Kind: ChangeSupportRecorded, Support: &s}, nil
		})
		if err != nil {
			return out, err
		}
		out.Cooperatives = append(out.Cooperatives, c)
	}
	return out, nil
}

func visitFollowsSelection(op string, c *coop.Cooperative, a SupportAction, i int) error {
	if a.Kind != coop.CoachingVisit || a.Program == "" {
		return nil
	}
	for _, s := range c.Selections {
		if s.Program == a.Program && (a.Call == "" || s.Call == "" || s.Call == a.Call) {
			if a.Start.Before(s.SelectedOn) {
				return refuse(coop.FailedPrecondition, op, "", fmt.Sprintf("reached[%d].cooperative_id", i), "after-selection",
					"%s was selected for %s on %s: a visit on %s comes before", c.Name, a.Program, s.SelectedOn, a.Start)
			}
			return nil
		}
	}
	return refuse(coop.FailedPrecondition, op, "", fmt.Sprintf("reached[%d].cooperative_id", i), "selected",
		"%s was not selected for %s", c.Name, a.Program)
}

// SelectionInput records a selection by a programme's call.
type SelectionInput struct {
	Expect    int64          `json:"expect,omitempty"`
	Selection coop.Selection `json:"selection"`
}

// Select records that the cooperative was selected by a programme's call
// (a Mourafaka phase), which starts its follow-up schedule. Invalid without
// a programme; FailedPrecondition for a cooperative not active or already
// selected for the same call.
func (r *Registry) Select(ctx context.Context, id uuid.UUID, in SelectionInput) (coop.Cooperative, error) {
	const op = "registry.Select"
	s := in.Selection
	return onField("selection.selected_on")(r.update(ctx, op, id, in.Expect, s.SelectedOn, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if strings.TrimSpace(s.Program) == "" {
			return Change{}, refuse(coop.Invalid, op, "", "selection.program", "required", "is required")
		}
		if err := mustBeActive(op, c, s.SelectedOn); err != nil {
			return Change{}, err
		}
		for _, x := range c.Selections {
			if x.Program == s.Program && x.Call == s.Call {
				return Change{}, refuse(coop.FailedPrecondition, op, "", "selection", "unique", "already selected for %s %s on %s", s.Program, s.Call, x.SelectedOn)
			}
		}
		return Change{Kind: ChangeSelected, Selection: &s}, nil
	}))
}

// LabelInput awards a label.
type LabelInput struct {
	Expect int64      `json:"expect,omitempty"`
	Label  coop.Label `json:"label"`
}

// AwardLabel records a label, brand right, certification or sanitary
// approval, effective from its ValidFrom date. Invalid for an unknown kind,
// a missing name or issuer, a validity ending before it starts, or an ONSSA
// approval or authorisation without its number.
func (r *Registry) AwardLabel(ctx context.Context, id uuid.UUID, in LabelInput) (coop.Cooperative, error) {
	const op = "registry.AwardLabel"
	l := in.Label
	var fs coop.Fields
	if !l.Kind.Valid() {
		fs.Add("label.kind", "enum", "", "%q is not a kind of label", l.Kind)
	}
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
	return onField("label.valid_from")(r.update(ctx, op, id, in.Expect, l.ValidFrom, EntryModification, func(c *coop.Cooperative) (Change, error) {
		return Change{Kind: ChangeLabelAwarded, Label: &l}, nil
	}))
}

// LabelChange suspends or withdraws a label.
type LabelChange struct {
	Expect int64     `json:"expect,omitempty"`
	On     coop.Date `json:"on"`
	// Until ends a suspension (inclusive); zero means until further notice.
	Until  coop.Date `json:"until,omitzero"`
	Reason string    `json:"reason"`
}

// SuspendLabel suspends a label from On until Until. NotFound for an
// unknown label; FailedPrecondition for a label withdrawn or not in force.
func (r *Registry) SuspendLabel(ctx context.Context, id, label uuid.UUID, in LabelChange) (coop.Cooperative, error) {
	return r.changeLabel(ctx, "registry.SuspendLabel", ChangeLabelSuspended, id, label, in)
}

// WithdrawLabel withdraws a label from On.
func (r *Registry) WithdrawLabel(ctx context.Context, id, label uuid.UUID, in LabelChange) (coop.Cooperative, error) {
	return r.changeLabel(ctx, "registry.WithdrawLabel", ChangeLabelWithdrawn, id, label, in)
}

func (r *Registry) changeLabel(ctx context.Context, op string, kind ChangeKind, id, label uuid.UUID, in LabelChange) (coop.Cooperative, error) {
	return r.update(ctx, op, id, in.Expect, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		var l *coop.Label
		for i := range c.Labels {
			if c.Labels[i].ID == label {
				l = &c.Labels[i]
			}
		}
		switch {
		case l == nil:
			return Change{}, refuse(coop.NotFound, op, "", "label_id", "exists", "no label %s", label)
		case strings.TrimSpace(in.Reason) == "":
			return Change{}, refuse(coop.Invalid, op, "", "reason", "required", "is required")
		case !l.WithdrawnOn.IsZero():
			return Change{}, refuse(coop.FailedPrecondition, op, "", "label_id", "withdrawn", "the label was withdrawn on %s", l.WithdrawnOn)
		case in.On.Before(l.ValidFrom) || (!l.ValidUntil.IsZero() && in.On.After(l.ValidUntil)):
			return Change{}, refuse(coop.FailedPrecondition, op, "", "on", "in-force", "the label is not in force on %s", in.On)
		case kind == ChangeLabelSuspended && !in.Until.IsZero() && in.Until.Before(in.On):
			return Change{}, refuse(coop.Invalid, op, "", "until", "after", "a suspension ends after it starts")
		}
		return Change{Kind: kind, Ref: label, Until: in.Until, Reason: in.Reason}, nil
	})
}

// GroupingInput joins a grouping.
type GroupingInput struct {
	Expect   int64         `json:"expect,omitempty"`
	Grouping coop.Grouping `json:"grouping"`
}

// JoinGrouping records the cooperative's membership of the National
// Federation or an EIG from Grouping.From. Unions are joined with
// JoinUnion. Invalid for an unknown or union kind or a missing name.
func (r *Registry) JoinGrouping(ctx context.Context, id uuid.UUID, in GroupingInput) (coop.Cooperative, error) {
	const op = "registry.JoinGrouping"
	g := in.Grouping
	switch {
	case !g.Kind.Valid():
		return coop.Cooperative{}, refuse(coop.Invalid, op, "", "grouping.kind", "enum", "%q is not a kind of grouping", g.Kind)
	case g.Kind == coop.UnionGrouping:
		return coop.Cooperative{}, refuse(coop.Invalid, op, "Law 112-12 art. 85", "grouping.kind", "join-union", "a union is joined through the union (JoinUnion)")
	case strings.TrimSpace(g.Name) == "":
		return coop.Cooperative{}, refuse(coop.Invalid, op, "", "grouping.name", "required", "is required")
	}
	g.ID, g.GroupID, g.Until = r.newID(), uuid.Nil, coop.Date{}
	return onField("grouping.from")(r.update(ctx, op, id, in.Expect, g.From, EntryModification, func(c *coop.Cooperative) (Change, error) {
		return Change{Kind: ChangeGroupingJoined, Grouping: &g}, nil
	}))
}

// LeaveGrouping ends a membership of a grouping on a date.
func (r *Registry) LeaveGrouping(ctx context.Context, id, grouping uuid.UUID, on coop.Date) (coop.Cooperative, error) {
	const op = "registry.LeaveGrouping"
	return r.update(ctx, op, id, 0, on, EntryModification, func(c *coop.Cooperative) (Change, error) {
		for _, g := range c.Groupings {
			if g.ID == grouping {
				if !g.Until.IsZero() {
					return Change{}, refuse(coop.FailedPrecondition, op, "", "grouping_id", "ended", "the membership ended on %s", g.Until)
				}
				if !on.After(g.From) {
					return Change{}, refuse(coop.Invalid, op, "", "on", "after", "a membership ends after it starts on %s", g.From)
				}
				return Change{Kind: ChangeGroupingLeft, Ref: grouping}, nil
			}
		}
		return Change{}, refuse(coop.NotFound, op, "", "grouping_id", "exists", "no grouping %s", grouping)
	})
}

// UnionMembership makes a cooperative a member of a union.
type UnionMembership struct {
	CooperativeID uuid.UUID `json:"cooperative_id"`
	On            coop.Date `json:"on"`
	AdmittedBy    string    `json:"admitted_by"`
	// The member cooperative's subscription in the union.
	Shares int             `json:"shares"`
	Amount decimal.Decimal `json:"amount"`
	Paid   decimal.Decimal `json:"paid"`
}

// JoinUnion admits a cooperative to a union (arts. 85-93): the union's
// register gains the cooperative as a member with its shares, and the
// cooperative's record gains the grouping. Both must exist; the union must
// be a union and the member a cooperative, not a person or another union
// (art. 85): Invalid otherwise, and nothing is stored. The two entries are
// written one after the other; the union's comes first.
func (r *Registry) JoinUnion(ctx context.Context, union uuid.UUID, in UnionMembership) (coop.Cooperative, error) {
	const op, art = "registry.JoinUnion", "Law 112-12 art. 85"
	u, err := r.store.Get(ctx, union)
	if err != nil {
		return coop.Cooperative{}, wrap(op, err)
	}
	if !u.IsUnion() {
		return coop.Cooperative{}, refuse(coop.Invalid, op, art, "union_id", "union", "%s is not a union of cooperatives", u.Name)
	}
	member, err := r.store.Get(ctx, in.CooperativeID)
	if coop.ErrorCode(err) == coop.NotFound {
		return coop.Cooperative{}, refuse(coop.NotFound, op, art, "cooperative_id", "exists", "no cooperative %s: a union's members are registered cooperatives", in.CooperativeID)
	}
	if err != nil {
		return coop.Cooperative{}, wrap(op, err)
	}
	if member.Kind != coop.KindCooperative {
		return coop.Cooperative{}, refuse(coop.Invalid, op, art, "cooperative_id", "union-member", "%s is not a cooperative: a union's members are cooperatives", member.Name)
	}
	for _, m := range u.Members {
		if m.CooperativeID == member.ID && m.LeftOn.IsZero() {
			return coop.Cooperative{}, refuse(coop.FailedPrecondition, op, art, "cooperative_id", "unique", "%s is already a member of %s", member.Name, u.Name)
		}
	}
	if err := mustBeActive(op, &member, in.On); err != nil {
		return coop.Cooperative{}, err
	}
	out, err := r.AdmitMember(ctx, union, Admission{On: in.On, AdmittedBy: in.AdmittedBy,
		Member: coop.Member{Type: coop.MemberCooperative, Name: member.Name, CooperativeID: member.ID, ICE: member.ICE},
		Shares: in.Shares, Amount: in.Amount, Paid: in.Paid})
	if err != nil {
		return coop.Cooperative{}, err
	}
	g := coop.Grouping{ID: r.newID(), Kind: coop.UnionGrouping, Name: u.Name, GroupID: u.ID, From: in.On}
	if _, err := r.update(ctx, op, member.ID, 0, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		return Change{Kind: ChangeGroupingJoined, Grouping: &g}, nil
	}); err != nil {
		return coop.Cooperative{}, err
	}
	return out, nil
}
