package registry

import (
	"context"
	"strings"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// Admission admits a member (art. 15): a written application voted on by
// the general assembly, with the shares the new member subscribes.
type Admission struct {
	// On is the date of admission.
	On coop.Date `json:"on" validate:"date-range"`
	// AdmittedBy references the general assembly that voted the admission,
	// e.g. "OGM 2024-06-15".
	AdmittedBy string          `json:"admitted_by" validate:"text"`
	Member     coop.Member     `json:"member"`
	Shares     int             `json:"shares" validate:"int-range"`
	Amount     decimal.Decimal `json:"amount" validate:"mad"`
	Paid       decimal.Decimal `json:"paid" validate:"mad"`
	InKind     bool            `json:"in_kind,omitempty"`
}

// AdmitMember adds a member to the register with the shares subscribed.
// Invalid for a malformed member or subscription (every cash share at least a
// quarter paid, art. 7); FailedPrecondition when the cooperative is not
// active; Conflict on a stale version; NotFound for an unknown cooperative.
func (r *Registry) AdmitMember(ctx context.Context, id uuid.UUID, in Admission, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.AdmitMember"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, r.admission(op, in))
}

// admission checks an admission against the cooperative and builds the
// change: the new member numbered after the others.
func (r *Registry) admission(op string, in Admission) func(c *coop.Cooperative) (Change, error) {
	return func(c *coop.Cooperative) (Change, error) {
		if err := mustBeActive(op, c, in.On); err != nil {
			return nil, err
		}
		var fs coop.Fields
		if strings.TrimSpace(in.AdmittedBy) == "" {
			fs.Add("admitted_by", "required", "", "the general assembly that voted the admission is required (art. 15)")
		}
		checkMember(&fs, "member", in.Member, c.IsUnion(), in.On)
		checkSubscription(&fs, "", in.Shares, in.Amount, in.Paid, in.InKind, c.Statutes.ShareNominal)
		if err := fs.Err(op, "invalid admission"); err != nil {
			return nil, withRule(err, coop.RuleAdmission)
		}
		m := in.Member
		m.ID, m.JoinedOn, m.AdmittedBy, m.LeftOn, m.ExitReason, m.Withdrawal = r.newID(), in.On, in.AdmittedBy, coop.Date{}, "", nil
		m.Number = 0
		for _, x := range c.Members {
			m.Number = max(m.Number, x.Number)
		}
		m.Number++
		m.Shares = []coop.ShareMovement{{Kind: coop.Subscription, On: in.On, Shares: in.Shares, Amount: in.Amount,
			Paid: decimal.NewNullDecimal(in.Paid), InKind: in.InKind}}
		return MemberAdmitted{Member: m}, nil
	}
}

// Subscription subscribes more shares for a member.
type Subscription struct {
	On     coop.Date       `json:"on" validate:"date-range"`
	Shares int             `json:"shares" validate:"int-range"`
	Amount decimal.Decimal `json:"amount" validate:"mad"`
	Paid   decimal.Decimal `json:"paid" validate:"mad"`
	InKind bool            `json:"in_kind,omitempty"`
}

// SubscribeShares records a subscription of shares by a member (arts. 7,
// 26, 30). Invalid, FailedPrecondition, Conflict and NotFound as for
// AdmitMember.
func (r *Registry) SubscribeShares(ctx context.Context, id, member uuid.UUID, in Subscription, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.SubscribeShares"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if err := mustBeActive(op, c, in.On); err != nil {
			return nil, err
		}
		if _, err := activeMember(op, c, member, in.On, "member_id"); err != nil {
			return nil, err
		}
		var fs coop.Fields
		checkSubscription(&fs, "", in.Shares, in.Amount, in.Paid, in.InKind, c.Statutes.ShareNominal)
		if err := fs.Err(op, "invalid subscription"); err != nil {
			return nil, withRule(err, coop.RuleSubscription)
		}
		return SharesSubscribed{MemberID: member, Movement: coop.ShareMovement{Kind: coop.Subscription, On: in.On,
			Shares: in.Shares, Amount: in.Amount, Paid: decimal.NewNullDecimal(in.Paid), InKind: in.InKind}}, nil
	})
}

// Payment pays up subscribed shares.
type Payment struct {
	On     coop.Date       `json:"on" validate:"date-range"`
	Amount decimal.Decimal `json:"amount" validate:"mad"`
}

// PayShares records a payment towards a member's unpaid shares (art. 26).
// Invalid for an amount that is not positive or exceeds what is unpaid.
func (r *Registry) PayShares(ctx context.Context, id, member uuid.UUID, in Payment, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.PayShares"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		m, err := activeMember(op, c, member, in.On, "member_id")
		if err != nil {
			return nil, err
		}
		unpaid := m.CapitalAt(in.On).Unpaid()
		switch {
		case in.Amount.Sign() <= 0 || coop.CheckMAD(in.Amount) != nil:
			return nil, refuse(coop.Invalid, op, noRule, "amount", "amount", "a positive amount with at most two decimals")
		case in.Amount.GreaterThan(unpaid):
			return nil, refuse(coop.Invalid, op, coop.RulePaymentDue, "amount", "lte", "%s pays more than the %s unpaid", coop.FormatMAD(in.Amount), coop.FormatMAD(unpaid))
		}
		return SharesPaid{MemberID: member, Movement: coop.ShareMovement{Kind: coop.Payment, On: in.On, Amount: in.Amount}}, nil
	})
}

// WithdrawalInput is a member's withdrawal request, received by registered
// letter (art. 19).
type WithdrawalInput struct {
	Received coop.Date `json:"received" validate:"date-range"`
}

// capitalFloorShare is the share of the highest capital ever reached below
// which refunds may not take the capital (art. 30).
var capitalFloorShare = decimal.RequireFromString("0.75")

// RequestWithdrawal records a member's request to withdraw (arts. 18-19).
// A request received at least two months before the year end takes effect
// at the end of that financial year, a later one at the end of the next. The
// member counts as leaving from then unless the board refuses within 20 days
// (AnswerWithdrawal): silence is acceptance. FailedPrecondition when the
// withdrawal would leave fewer than 5 members, or capital below 1000.00 or
// below three quarters of the highest capital ever reached (arts. 18, 26,
// 30), or when a request is already pending.
func (r *Registry) RequestWithdrawal(ctx context.Context, id, member uuid.UUID, in WithdrawalInput, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.RequestWithdrawal"
	art := coop.RuleWithdrawal
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return onField("received")(r.update(ctx, op, id, guards, in.Received, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if err := mustBeActive(op, c, in.Received); err != nil {
			return nil, err
		}
		m, err := activeMember(op, c, member, in.Received, "member_id")
		if err != nil {
			return nil, err
		}
		if m.Withdrawal != nil && m.Withdrawal.Answer != "refused" {
			return nil, refuse(coop.FailedPrecondition, op, art, "member_id", "pending", "%s already asked to withdraw on %s", memberName(m), m.Withdrawal.Received)
		}
		yearEnd := in.Received.YearEnd()
		if in.Received.After(coop.WithdrawalDeadline(yearEnd)) {
			yearEnd = yearEnd.AddYears(1)
		}
		effective := yearEnd.AddDays(1)
		remaining, capital := 0, decimal.Zero
		for i := range c.Members {
			x := &c.Members[i]
			if x.ID == member || !x.ActiveAt(effective, c.RegisteredOn) {
				continue
			}
			remaining++
			capital = capital.Add(x.CapitalAt(effective).Subscribed)
		}
		if min := c.MinMembers(); remaining < min {
			return nil, refuse(coop.FailedPrecondition, op, art, "member_id", "members-min",
				"the withdrawal would leave %d members on %s; the minimum is %d", remaining, effective, min)
		}
		floor := highestCapital(c).Mul(capitalFloorShare)
		if floor.LessThan(coop.MinCapital()) {
			floor = coop.MinCapital()
		}
		if capital.LessThan(floor) {
			return nil, refuse(coop.FailedPrecondition, op, coop.RuleCapitalFloor, "member_id", "capital-floor",
				"the withdrawal would take the capital to %s MAD, below %s MAD", coop.FormatMAD(capital), coop.FormatMAD(coop.RoundMAD(floor)))
		}
		return WithdrawalRequested{MemberID: member, Withdrawal: coop.WithdrawalRequest{
			Received: in.Received, AnswerDue: coop.WithdrawalAnswerDue(in.Received), EffectiveOn: effective}}, nil
	}))
}

// highestCapital returns the highest subscribed capital the cooperative
// ever reached, replaying every share movement in date order.
func highestCapital(c *coop.Cooperative) decimal.Decimal {
	type mv struct {
		on  coop.Date
		amt decimal.Decimal
	}
	var all []mv
	for _, m := range c.Members {
		for _, s := range m.Shares {
			switch s.Kind {
			case coop.Subscription:
				all = append(all, mv{s.On, s.Amount})
			case coop.Refund:
				all = append(all, mv{s.On, s.Amount.Neg()})
			}
		}
	}
	sortByDate(all, func(x mv) coop.Date { return x.on })
	cur, best := decimal.Zero, decimal.Zero
	for i, x := range all {
		cur = cur.Add(x.amt)
		if i+1 == len(all) || all[i+1].on != x.on {
			if cur.GreaterThan(best) {
				best = cur
			}
		}
	}
	return best
}

func sortByDate[T any](xs []T, date func(T) coop.Date) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && date(xs[j]).Before(date(xs[j-1])); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// WithdrawalAnswer is the board's answer to a withdrawal request.
type WithdrawalAnswer struct {
	On     coop.Date `json:"on" validate:"date-range"`
	Accept bool      `json:"accept"`
	// Reason is required for a refusal: the board's answer is reasoned.
	Reason string `json:"reason,omitempty" validate:"text"`
}

// AnswerWithdrawal records the board's answer to a pending withdrawal
// request, within 20 days of its receipt (art. 19). FailedPrecondition when
// no request is pending or the 20 days have passed (silence was acceptance);
// Invalid for a refusal without a reason.
func (r *Registry) AnswerWithdrawal(ctx context.Context, id, member uuid.UUID, in WithdrawalAnswer, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.AnswerWithdrawal"
	art := coop.RuleWithdrawalAnswer
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		m, ok := c.Member(member)
		if !ok {
			return nil, refuse(coop.NotFound, op, noRule, "member_id", "member", "no member %s in the register", member)
		}
		w := m.Withdrawal
		switch {
		case w == nil || w.Answer != "":
			return nil, refuse(coop.FailedPrecondition, op, art, "member_id", "pending", "%s has no pending withdrawal request", memberName(m))
		case in.On.Before(w.Received):
			return nil, refuse(coop.Invalid, op, art, "on", "after", "the answer precedes the request of %s", w.Received)
		case in.On.After(w.AnswerDue):
			return nil, refuse(coop.FailedPrecondition, op, art, "on", "within-20-days",
				"the board had until %s to answer; its silence accepted the withdrawal", w.AnswerDue)
		case !in.Accept && strings.TrimSpace(in.Reason) == "":
			return nil, refuse(coop.Invalid, op, art, "reason", "required", "a refusal gives its reasons")
		}
		answer := "accepted"
		if !in.Accept {
			answer = "refused"
		}
		return WithdrawalAnswered{MemberID: member, Answer: answer, Reason: in.Reason}, nil
	})
}

// Exclusion excludes a member by decision of the general assembly.
type Exclusion struct {
	On     coop.Date  `json:"on" validate:"date-range"`
	Votes  coop.Votes `json:"votes"`
	Reason string     `json:"reason" validate:"text"`
}

// ExcludeMember records an exclusion decided by two thirds of the votes
// cast, after hearing the member (art. 20). FailedPrecondition when the
// votes fall short; Invalid without a reason.
func (r *Registry) ExcludeMember(ctx context.Context, id, member uuid.UUID, in Exclusion, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.ExcludeMember"
	art := coop.RuleExclusion
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	if err := noVotes(op, art, in.Votes); err != nil {
		return coop.Cooperative{}, err
	}
	exclude := func(c *coop.Cooperative) (Change, error) {
		if err := mustBeActive(op, c, in.On); err != nil {
			return nil, err
		}
		m, err := activeMember(op, c, member, in.On, "member_id")
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(in.Reason) == "" {
			return nil, refuse(coop.Invalid, op, art, "reason", "required", "the grounds of the exclusion are required")
		}
		if !in.Votes.Adopted(coop.Extraordinary) {
			return nil, refuse(coop.FailedPrecondition, op, art, "votes", "two-thirds",
				"%d votes for of %d cast: exclusion needs two thirds of the votes cast", in.Votes.For, in.Votes.Cast())
		}
		return MemberExcluded{MemberID: m.ID, Reason: in.Reason}, nil
	}
	if err := r.checkDate(op, in.On); err != nil {
		return coop.Cooperative{}, err
	}
	var out coop.Cooperative
	err := r.write(ctx, op, id, guards, func(w *writer) error {
		cs, err := w.lock(id)
		if err != nil {
			return err
		}
		if out, err = w.change(id, in.On, EntryModification, exclude); err != nil {
			return err
		}
		w.result = out
		return endUnionMembership(w, &cs[0], member, in.On)
	})
	if err != nil {
		return coop.Cooperative{}, err
	}
	return out, nil
}

// endUnionMembership ends, on the record of the member cooperative a union
// u excluded, its membership of the union, in the exclusion's transaction:
// what the member is, is read from the state locked.
func endUnionMembership(w *writer, u *coop.Cooperative, member uuid.UUID, on coop.Date) error {
	m, ok := u.Member(member)
	if !ok || !u.IsUnion() || m.CooperativeID == uuid.Nil || m.CooperativeID == u.ID {
		return nil
	}
	other := m.CooperativeID
	// Locked second, out of ID order: a concurrent write that holds the
	// cooperative and waits for the union is a deadlock, which PostgreSQL
	// breaks by refusing one of the two (Unavailable, nothing written).
	if _, err := w.lock(other); coop.ErrorCode(err) == coop.NotFound {
		return nil // the member cooperative is not in this registry
	} else if err != nil {
		return err
	}
	var g *coop.Grouping
	for i := range w.locked[other].Groupings {
		if x := &w.locked[other].Groupings[i]; x.GroupID == u.ID && x.Until.IsZero() && on.After(x.From) {
			g = x
		}
	}
	if g == nil {
		return nil
	}
	_, err := w.change(other, on, EntryModification, func(*coop.Cooperative) (Change, error) { return GroupingLeft{Ref: g.ID}, nil })
	return err
}

// Transfer transfers shares between members.
type Transfer struct {
	On     coop.Date `json:"on" validate:"date-range"`
	Shares int       `json:"shares" validate:"int-range"`
}

// TransferShares records a transfer of shares authorised by the board
// between two members (art. 28), which takes effect when entered in the
// register. The transferor keeps at least the statutory minimum of shares,
// or transfers them all and leaves. Invalid for a number of shares the
// transferor does not hold; FailedPrecondition below the statutory minimum.
func (r *Registry) TransferShares(ctx context.Context, id, from, to uuid.UUID, in Transfer, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.TransferShares"
	art := coop.RuleShareTransfer
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	var ids coop.Fields
	ids.Merge("", noID(op, "from", from))
	ids.Merge("", noID(op, "to", to))
	if err := ids.Err(op, "the members are required"); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if err := mustBeActive(op, c, in.On); err != nil {
			return nil, err
		}
		src, err := activeMember(op, c, from, in.On, "from")
		if err != nil {
			return nil, err
		}
		if _, err := activeMember(op, c, to, in.On, "to"); err != nil {
			return nil, err
		}
		if from == to {
			return nil, refuse(coop.Invalid, op, art, "to", "distinct", "a member cannot transfer shares to themself")
		}
		k := src.CapitalAt(in.On)
		switch {
		case in.Shares <= 0:
			return nil, refuse(coop.Invalid, op, art, "shares", "gt", "at least one share")
		case in.Shares > k.Shares:
			return nil, refuse(coop.Invalid, op, art, "shares", "lte", "%s holds %d shares, not %d", memberName(src), k.Shares, in.Shares)
		case k.Shares-in.Shares > 0 && k.Shares-in.Shares < c.Statutes.MinSharesPerMember:
			return nil, refuse(coop.FailedPrecondition, op, art, "shares", "min-shares",
				"%s would keep %d shares, below the statutory minimum of %d", memberName(src), k.Shares-in.Shares, c.Statutes.MinSharesPerMember)
		}
		n := decimal.NewFromInt(int64(in.Shares))
		total := decimal.NewFromInt(int64(k.Shares))
		amount := coop.RoundMAD(k.Subscribed.Mul(n).Div(total))
		paid := coop.FloorMAD(k.Paid.Mul(n).Div(total))
		return SharesTransferred{MemberID: from, To: to, Movement: coop.ShareMovement{On: in.On, Shares: in.Shares,
			Amount: amount, Paid: decimal.NewNullDecimal(paid)}}, nil
	})
}

// Departure records that a member died or became legally incapacitated
// (art. 24).
type Departure struct {
	On coop.Date `json:"on" validate:"date-range"`
	// Reason is "death" or "incapacity".
	Reason coop.ExitReason `json:"reason" validate:"omitempty,enum"`
}

// RecordDeparture ends a membership on death or incapacity (art. 24).
func (r *Registry) RecordDeparture(ctx context.Context, id, member uuid.UUID, in Departure, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.RecordDeparture"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if in.Reason != coop.Death && in.Reason != coop.Incapacity {
			return nil, refuse(coop.Invalid, op, coop.RuleDeparture, "reason", "enum", "%q: the reason is death or incapacity", in.Reason)
		}
		if _, err := activeMember(op, c, member, in.On, "member_id"); err != nil {
			return nil, err
		}
		return MemberLeft{MemberID: member, Reason: string(in.Reason)}, nil
	})
}

// MemberAdmitted is the admission of a member with the shares subscribed
// (art. 15).
type MemberAdmitted struct {
	Member coop.Member `json:"member"`
}

// SharesSubscribed is a subscription of shares by a member (arts. 7, 26).
type SharesSubscribed struct {
	MemberID uuid.UUID          `json:"member_id"`
	Movement coop.ShareMovement `json:"movement"`
}

// SharesPaid is a payment towards a member's shares (art. 26).
type SharesPaid struct {
	MemberID uuid.UUID          `json:"member_id"`
	Movement coop.ShareMovement `json:"movement"`
}

// WithdrawalRequested is a member's request to withdraw (arts. 18-19): the
// member counts as leaving from its effective date.
type WithdrawalRequested struct {
	MemberID   uuid.UUID              `json:"member_id"`
	Withdrawal coop.WithdrawalRequest `json:"withdrawal"`
}

// WithdrawalAnswered is the board's answer to a withdrawal request (art.
// 19): "accepted" or "refused", with the reasons of a refusal.
type WithdrawalAnswered struct {
	MemberID uuid.UUID `json:"member_id"`
	Answer   string    `json:"answer"`
	Reason   string    `json:"reason,omitempty"`
}

// MemberExcluded is an exclusion by the general assembly (art. 20).
type MemberExcluded struct {
	MemberID uuid.UUID `json:"member_id"`
	Reason   string    `json:"reason"`
}

// SharesTransferred is a transfer of shares from one member to another
// (art. 28); the transferor leaves when no share remains.
type SharesTransferred struct {
	MemberID uuid.UUID          `json:"member_id"`
	To       uuid.UUID          `json:"to"`
	Movement coop.ShareMovement `json:"movement"`
}

// MemberLeft ends a membership: death or incapacity (art. 24), or a member
// cooperative leaving its union.
type MemberLeft struct {
	MemberID uuid.UUID `json:"member_id"`
	Reason   string    `json:"reason"`
}

// Kind implements Change.
func (MemberAdmitted) Kind() ChangeKind { return ChangeMemberAdmitted }

// Apply implements Change: the member joins the register.
func (ch MemberAdmitted) Apply(c *coop.Cooperative, _ coop.Date) {
	c.Members = append(c.Members, owned(ch.Member))
}

// Kind implements Change.
func (SharesSubscribed) Kind() ChangeKind { return ChangeSharesSubscribed }

// Apply implements Change.
func (ch SharesSubscribed) Apply(c *coop.Cooperative, _ coop.Date) {
	if m := memberAt(c, ch.MemberID); m != nil {
		m.Shares = append(m.Shares, ch.Movement)
	}
}

// Kind implements Change.
func (SharesPaid) Kind() ChangeKind { return ChangeSharesPaid }

// Apply implements Change.
func (ch SharesPaid) Apply(c *coop.Cooperative, _ coop.Date) {
	if m := memberAt(c, ch.MemberID); m != nil {
		m.Shares = append(m.Shares, ch.Movement)
	}
}

// Kind implements Change.
func (WithdrawalRequested) Kind() ChangeKind { return ChangeWithdrawalRequested }

// Apply implements Change: the member leaves on the effective date unless
// the board refuses.
func (ch WithdrawalRequested) Apply(c *coop.Cooperative, _ coop.Date) {
	if m := memberAt(c, ch.MemberID); m != nil {
		w := ch.Withdrawal
		m.Withdrawal = &w
		m.LeftOn, m.ExitReason = w.EffectiveOn, coop.Withdrawal
	}
}

// Kind implements Change.
func (WithdrawalAnswered) Kind() ChangeKind { return ChangeWithdrawalAnswered }

// Apply implements Change: a refusal keeps the member.
func (ch WithdrawalAnswered) Apply(c *coop.Cooperative, on coop.Date) {
	if m := memberAt(c, ch.MemberID); m != nil && m.Withdrawal != nil {
		w := *m.Withdrawal
		w.Answer, w.AnsweredOn, w.Reason = ch.Answer, on, ch.Reason
		m.Withdrawal = &w
		if ch.Answer == "refused" {
			m.LeftOn, m.ExitReason = coop.Date{}, ""
		}
	}
}

// Kind implements Change.
func (MemberExcluded) Kind() ChangeKind { return ChangeMemberExcluded }

// Apply implements Change.
func (ch MemberExcluded) Apply(c *coop.Cooperative, on coop.Date) {
	if m := memberAt(c, ch.MemberID); m != nil {
		m.LeftOn, m.ExitReason = on, coop.Exclusion
	}
}

// Kind implements Change.
func (SharesTransferred) Kind() ChangeKind { return ChangeSharesTransferred }

// Apply implements Change: the shares go out of one account and into the
// other.
func (ch SharesTransferred) Apply(c *coop.Cooperative, on coop.Date) {
	from, to := memberAt(c, ch.MemberID), memberAt(c, ch.To)
	if from == nil || to == nil {
		return
	}
	out, in := ch.Movement, ch.Movement
	out.Kind, out.Counterparty = coop.TransferOut, to.ID
	in.Kind, in.Counterparty = coop.TransferIn, from.ID
	from.Shares = append(from.Shares, out)
	to.Shares = append(to.Shares, in)
	if from.CapitalAt(on).Shares == 0 {
		from.LeftOn, from.ExitReason = on, coop.TransferredOut
	}
}

// Kind implements Change.
func (MemberLeft) Kind() ChangeKind { return ChangeMemberLeft }

// Apply implements Change.
func (ch MemberLeft) Apply(c *coop.Cooperative, on coop.Date) {
	if m := memberAt(c, ch.MemberID); m != nil {
		m.LeftOn, m.ExitReason = on, coop.ExitReason(ch.Reason)
	}
}

// WritesMembers implements MemberWriter: the member admitted.
func (ch MemberAdmitted) WritesMembers() []uuid.UUID { return []uuid.UUID{ch.Member.ID} }

// WritesMembers implements MemberWriter.
func (ch SharesSubscribed) WritesMembers() []uuid.UUID { return []uuid.UUID{ch.MemberID} }

// WritesMembers implements MemberWriter.
func (ch SharesPaid) WritesMembers() []uuid.UUID { return []uuid.UUID{ch.MemberID} }

// WritesMembers implements MemberWriter.
func (ch WithdrawalRequested) WritesMembers() []uuid.UUID { return []uuid.UUID{ch.MemberID} }

// WritesMembers implements MemberWriter.
func (ch WithdrawalAnswered) WritesMembers() []uuid.UUID { return []uuid.UUID{ch.MemberID} }

// WritesMembers implements MemberWriter.
func (ch MemberExcluded) WritesMembers() []uuid.UUID { return []uuid.UUID{ch.MemberID} }

// WritesMembers implements MemberWriter: both accounts.
func (ch SharesTransferred) WritesMembers() []uuid.UUID { return []uuid.UUID{ch.MemberID, ch.To} }

// WritesMembers implements MemberWriter.
func (ch MemberLeft) WritesMembers() []uuid.UUID { return []uuid.UUID{ch.MemberID} }

// Redacted implements Redacter.
func (ch MemberAdmitted) Redacted() Change { return MemberAdmitted{Member: ch.Member.Redacted()} }
