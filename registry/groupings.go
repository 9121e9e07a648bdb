package registry

import (
	"context"
	"strings"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// GroupingInput joins a grouping.
type GroupingInput struct {
	Grouping coop.Grouping `json:"grouping"`
}

// JoinGrouping records the cooperative's membership of the National
// Federation or an EIG from Grouping.From. Unions are joined with
// JoinUnion. Invalid for an unknown or union kind or a missing name.
func (r *Registry) JoinGrouping(ctx context.Context, id uuid.UUID, in GroupingInput, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.JoinGrouping"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	g := in.Grouping
	switch {
	case g.Kind == coop.UnionGrouping:
		return coop.Cooperative{}, refuse(coop.Invalid, op, coop.RuleUnionMembers, "grouping.kind", "join-union", "a union is joined through the union (JoinUnion)")
	case strings.TrimSpace(g.Name) == "":
		return coop.Cooperative{}, refuse(coop.Invalid, op, noRule, "grouping.name", "required", "is required")
	}
	g.ID, g.GroupID, g.Until = r.newID(), uuid.Nil, coop.Date{}
	return onField("grouping.from")(r.update(ctx, op, id, guards, g.From, EntryModification, func(c *coop.Cooperative) (Change, error) {
		return GroupingJoined{Grouping: g}, nil
	}))
}

// LeaveGrouping ends a membership of a grouping on a date. Leaving a union
// is recorded on both sides in one transaction: the cooperative's grouping
// ends, and the union's register records the member cooperative's
// departure, which must leave the union at least 3 members (art. 85). The
// guards are checked on both.
func (r *Registry) LeaveGrouping(ctx context.Context, id, grouping uuid.UUID, on coop.Date, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.LeaveGrouping"
	if err := checkInput(op, on); err != nil {
		return coop.Cooperative{}, err
	}
	if err := r.checkDate(op, on); err != nil {
		return coop.Cooperative{}, err
	}
	var out coop.Cooperative
	err := r.write(ctx, op, id, guards, func(w *writer) error {
		cs, err := w.lock(id)
		if err != nil {
			return err
		}
		g := groupingAt(&cs[0], grouping)
		switch {
		case g == nil:
			return refuse(coop.NotFound, op, noRule, "grouping_id", "exists", "no grouping %s", grouping)
		case !g.Until.IsZero():
			return refuse(coop.FailedPrecondition, op, noRule, "grouping_id", "ended", "the membership ended on %s", g.Until)
		case !on.After(g.From):
			return refuse(coop.Invalid, op, noRule, "on", "after", "a membership ends after it starts on %s", g.From)
		}
		if g.Kind == coop.UnionGrouping && g.GroupID != uuid.Nil {
			// The union the locked state names is locked second, out of
			// ID order: a concurrent write holding the union and waiting
			// for the cooperative is a deadlock, which PostgreSQL breaks
			// by refusing one of the two (Unavailable, nothing written).
			if _, err := w.lock(g.GroupID); err != nil {
				return err
			}
			if _, err := w.change(g.GroupID, on, EntryModification, func(u *coop.Cooperative) (Change, error) {
				return unionExit(op, u, id, on)
			}); err != nil {
				return err
			}
		}
		out, err = w.change(id, on, EntryModification, func(c *coop.Cooperative) (Change, error) {
			return GroupingLeft{Ref: grouping}, nil
		})
		w.result = out
		return err
	})
	if err != nil {
		return coop.Cooperative{}, err
	}
	return out, nil
}

func groupingAt(c *coop.Cooperative, id uuid.UUID) *coop.Grouping {
	for i := range c.Groupings {
		if c.Groupings[i].ID == id {
			return &c.Groupings[i]
		}
	}
	return nil
}

// unionExit is the union's side of a member cooperative leaving it: the
// member's departure, refused below the union's 3 members (art. 85).
func unionExit(op string, u *coop.Cooperative, member uuid.UUID, on coop.Date) (Change, error) {
	var m *coop.Member
	for i := range u.Members {
		if x := &u.Members[i]; x.CooperativeID == member && x.ActiveAt(on, u.RegisteredOn) {
			m = x
		}
	}
	if m == nil {
		return nil, refuse(coop.FailedPrecondition, op, coop.RuleUnionMembers, "grouping_id", "member", "the cooperative is not a member of %s on %s", u.Name, on)
	}
	if n, _ := u.MembersAt(on); n-1 < u.MinMembers() {
		return nil, refuse(coop.FailedPrecondition, op, u.Kind.MembersRule(), "grouping_id", "members-min",
			"%s would keep %d member cooperatives; a union has at least %d", u.Name, n-1, u.MinMembers())
	}
	return MemberLeft{MemberID: m.ID, Reason: string(coop.Withdrawal)}, nil
}

// UnionMembership makes a cooperative a member of a union.
type UnionMembership struct {
	CooperativeID uuid.UUID `json:"cooperative_id"`
	On            coop.Date `json:"on" validate:"date-range"`
	AdmittedBy    string    `json:"admitted_by" validate:"text"`
	// The member cooperative's subscription in the union.
	Shares int             `json:"shares" validate:"int-range"`
	Amount decimal.Decimal `json:"amount" validate:"mad"`
	Paid   decimal.Decimal `json:"paid" validate:"mad"`
}

// JoinUnion admits a cooperative to a union (arts. 85-93): the union's
// register gains the cooperative as a member with its shares, and the
// cooperative's record gains the grouping, both in one transaction with the
// guards checked on each (a version guard applies to the union). Both must
// exist; the union must be a union and the member an active cooperative,
// not a person or another union, and not already a member (art. 85):
// Invalid or FailedPrecondition otherwise, and nothing is stored.
func (r *Registry) JoinUnion(ctx context.Context, union uuid.UUID, in UnionMembership, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.JoinUnion"
	art := coop.RuleUnionMembers
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	if err := r.checkDate(op, in.On); err != nil {
		return coop.Cooperative{}, err
	}
	if err := noID(op, "cooperative_id", in.CooperativeID); err != nil {
		return coop.Cooperative{}, err
	}
	if in.CooperativeID == union {
		return coop.Cooperative{}, refuse(coop.Invalid, op, art, "cooperative_id", "union-member", "a union is not a member of itself")
	}
	var out coop.Cooperative
	err := r.write(ctx, op, union, guards, func(w *writer) error {
		cs, err := w.lock(lockOrder([]uuid.UUID{union, in.CooperativeID})...)
		if coop.ErrorCode(err) == coop.NotFound {
			if _, lerr := w.tx.Lock(in.CooperativeID); coop.ErrorCode(lerr) == coop.NotFound {
				return refuse(coop.NotFound, op, art, "cooperative_id", "exists", "no cooperative %s: a union's members are registered cooperatives", in.CooperativeID)
			}
		}
		if err != nil {
			return err
		}
		u, member := cs[0], cs[1]
		if u.ID != union {
			u, member = member, u
		}
		switch {
		case !u.IsUnion():
			return refuse(coop.Invalid, op, art, "union_id", "union", "%s is not a union of cooperatives", u.Name)
		case member.Kind != coop.KindCooperative:
			return refuse(coop.Invalid, op, art, "cooperative_id", "union-member", "%s is not a cooperative: a union's members are cooperatives", member.Name)
		}
		for _, m := range u.Members {
			if m.CooperativeID == member.ID && m.LeftOn.IsZero() {
				return refuse(coop.FailedPrecondition, op, art, "cooperative_id", "unique", "%s is already a member of %s", member.Name, u.Name)
			}
		}
		if err := mustBeActive(op, &member, in.On); err != nil {
			return err
		}
		admit := r.admission(op, Admission{On: in.On, AdmittedBy: in.AdmittedBy,
			Member: coop.Member{Type: coop.MemberCooperative, Name: member.Name, CooperativeID: member.ID, ICE: member.ICE},
			Shares: in.Shares, Amount: in.Amount, Paid: in.Paid})
		if out, err = w.change(union, in.On, EntryModification, admit); err != nil {
			return err
		}
		w.result = out
		g := coop.Grouping{ID: r.newID(), Kind: coop.UnionGrouping, Name: u.Name, GroupID: u.ID, From: in.On}
		_, err = w.change(member.ID, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
			return GroupingJoined{Grouping: g}, nil
		})
		return err
	})
	if err != nil {
		return coop.Cooperative{}, err
	}
	return out, nil
}

// GroupingJoined is a membership of a union, the Federation or an EIG.
type GroupingJoined struct {
	Grouping coop.Grouping `json:"grouping"`
}

// GroupingLeft ends the membership Ref on the entry's date.
type GroupingLeft struct {
	Ref uuid.UUID `json:"ref"`
}

// Kind implements Change.
func (GroupingJoined) Kind() ChangeKind { return ChangeGroupingJoined }

// Apply implements Change.
func (ch GroupingJoined) Apply(c *coop.Cooperative, _ coop.Date) {
	c.Groupings = append(c.Groupings, ch.Grouping)
}

// Kind implements Change.
func (GroupingLeft) Kind() ChangeKind { return ChangeGroupingLeft }

// Apply implements Change.
func (ch GroupingLeft) Apply(c *coop.Cooperative, on coop.Date) {
	for i := range c.Groupings {
		if c.Groupings[i].ID == ch.Ref {
			c.Groupings[i].Until = on
		}
	}
}
