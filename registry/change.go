package registry

import (
	"slices"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// ChangeKind names a change recorded in the journal.
type ChangeKind string

// The changes the registry records.
const (
	ChangeRegistered          ChangeKind = "registered"           // first registration (art. 11)
	ChangeImported            ChangeKind = "imported"             // a historical register entry taken as it stood
	ChangeMemberAdmitted      ChangeKind = "member-admitted"      // art. 15
	ChangeSharesSubscribed    ChangeKind = "shares-subscribed"    // arts. 7, 26
	ChangeSharesPaid          ChangeKind = "shares-paid"          // art. 26
	ChangeWithdrawalRequested ChangeKind = "withdrawal-requested" // arts. 18-19
	ChangeWithdrawalAnswered  ChangeKind = "withdrawal-answered"  // art. 19
	ChangeMemberExcluded      ChangeKind = "member-excluded"      // art. 20
	ChangeSharesTransferred   ChangeKind = "shares-transferred"   // art. 28
	ChangeMemberLeft          ChangeKind = "member-left"          // death or incapacity (art. 24)
	ChangeAssemblyHeld        ChangeKind = "assembly-held"        // arts. 33-46
	ChangeBoardElected        ChangeKind = "board-elected"        // arts. 48-51
	ChangeManagersAppointed   ChangeKind = "managers-appointed"   // art. 65
	ChangeAuditorAppointed    ChangeKind = "auditor-appointed"    // art. 72
	ChangeStatutesAmended     ChangeKind = "statutes-amended"     // arts. 5, 42
	ChangeSeatChanged         ChangeKind = "seat-changed"         // arts. 5, 12
	ChangeTurnoverReported    ChangeKind = "turnover-reported"    // art. 68
	ChangeDissolved           ChangeKind = "dissolved"            // art. 82
	ChangeLiquidation         ChangeKind = "liquidation-opened"   // art. 83
	ChangeStruckOff           ChangeKind = "struck-off"           // art. 13
	ChangeSupportRecorded     ChangeKind = "support-recorded"     // a support action reached the cooperative
	ChangeSelected            ChangeKind = "selected"             // selected by a programme's call
	ChangeLabelAwarded        ChangeKind = "label-awarded"
	ChangeLabelSuspended      ChangeKind = "label-suspended"
	ChangeLabelWithdrawn      ChangeKind = "label-withdrawn"
	ChangeGroupingJoined      ChangeKind = "grouping-joined" // a union, the Federation, an EIG
	ChangeGroupingLeft        ChangeKind = "grouping-left"
)

// Change is one change to a cooperative: its kind and the data it needs.
// Applying the changes of a journal in order of effective date rebuilds the
// cooperative at any date.
type Change struct {
	Kind ChangeKind `json:"kind"`
	// State is the whole cooperative, for a registration or an import.
	State *coop.Cooperative `json:"state,omitempty"`
	// Member is the member admitted.
	Member *coop.Member `json:"member,omitempty"`
	// MemberID is the member concerned; To the member receiving a transfer.
	MemberID uuid.UUID `json:"member_id,omitzero"`
	To       uuid.UUID `json:"to,omitzero"`
	// Movement is the share movement (subscription, payment, transfer).
	Movement *coop.ShareMovement `json:"movement,omitempty"`
	// Withdrawal is the withdrawal request or its answer.
	Withdrawal *coop.WithdrawalRequest `json:"withdrawal,omitempty"`
	// Reason is why a member left or a status changed.
	Reason   string            `json:"reason,omitempty"`
	Assembly *coop.Assembly    `json:"assembly,omitempty"`
	Officers []coop.Officer    `json:"officers,omitempty"`
	Auditor  *coop.Auditor     `json:"auditor,omitempty"`
	Statutes *coop.Statutes    `json:"statutes,omitempty"`
	Province coop.ProvinceCode `json:"province,omitempty"`
	Address  string            `json:"address,omitempty"`
	Commune  string            `json:"commune,omitempty"`
	Year     int               `json:"year,omitempty"`
	Turnover string            `json:"turnover,omitempty"`
	// Liquidator is the liquidator appointed.
	Liquidator string          `json:"liquidator,omitempty"`
	Support    *coop.Support   `json:"support,omitempty"`
	Selection  *coop.Selection `json:"selection,omitempty"`
	Label      *coop.Label     `json:"label,omitempty"`
	Grouping   *coop.Grouping  `json:"grouping,omitempty"`
	// Ref is the label or grouping concerned; Until ends a suspension.
	Ref   uuid.UUID `json:"ref,omitzero"`
	Until coop.Date `json:"until,omitzero"`
}

// apply makes the change to c as of the date it took effect. It assumes the
// change was checked when it was recorded; applied to the state it was
// recorded against, it cannot fail.
func (ch *Change) apply(c *coop.Cooperative, on coop.Date) {
	member := func(id uuid.UUID) *coop.Member {
		m, _ := c.Member(id)
		return m
	}
	switch ch.Kind {
	case ChangeRegistered, ChangeImported:
		if ch.State != nil {
			*c = ch.State.Clone()
		}
	case ChangeMemberAdmitted:
		if ch.Member != nil {
			m := *ch.Member
			m.Shares = slices.Clone(m.Shares)
			c.Members = append(c.Members, m)
		}
	case ChangeSharesSubscribed, ChangeSharesPaid:
		if m := member(ch.MemberID); m != nil && ch.Movement != nil {
			m.Shares = append(m.Shares, *ch.Movement)
		}
	case ChangeWithdrawalRequested:
		if m := member(ch.MemberID); m != nil && ch.Withdrawal != nil {
			w := *ch.Withdrawal
			m.Withdrawal = &w
			m.LeftOn, m.ExitReason = w.EffectiveOn, coop.Withdrawal
		}
	case ChangeWithdrawalAnswered:
		if m := member(ch.MemberID); m != nil && m.Withdrawal != nil && ch.Withdrawal != nil {
			m.Withdrawal.Answer, m.Withdrawal.AnsweredOn, m.Withdrawal.Reason = ch.Withdrawal.Answer, on, ch.Withdrawal.Reason
			if ch.Withdrawal.Answer == "refused" {
				m.LeftOn, m.ExitReason = coop.Date{}, ""
			}
		}
	case ChangeMemberExcluded:
		if m := member(ch.MemberID); m != nil {
			m.LeftOn, m.ExitReason = on, coop.Exclusion
		}
	case ChangeMemberLeft:
		if m := member(ch.MemberID); m != nil {
			m.LeftOn, m.ExitReason = on, coop.ExitReason(ch.Reason)
		}
	case ChangeSharesTransferred:
		from, to := member(ch.MemberID), member(ch.To)
		if from != nil && to != nil && ch.Movement != nil {
			out, in := *ch.Movement, *ch.Movement
			out.Kind, out.Counterparty = coop.TransferOut, to.ID
			in.Kind, in.Counterparty = coop.TransferIn, from.ID
			from.Shares = append(from.Shares, out)
			to.Shares = append(to.Shares, in)
			if from.CapitalAt(on).Shares == 0 {
				from.LeftOn, from.ExitReason = on, coop.TransferredOut
			}
		}
	case ChangeAssemblyHeld:
		if ch.Assembly != nil {
			a := *ch.Assembly
			a.Resolutions = slices.Clone(a.Resolutions)
			c.Assemblies = append(c.Assemblies, a)
		}
	case ChangeBoardElected:
		endOfficers(c.Governance.Directors, on)
		endOfficers(c.Governance.Managers, on)
		c.Governance.Directors = append(keepHistory(c.Governance.Directors), ch.Officers...)
		c.Governance.Managers = keepHistory(c.Governance.Managers)
	case ChangeManagersAppointed:
		endOfficers(c.Governance.Directors, on)
		endOfficers(c.Governance.Managers, on)
		c.Governance.Managers = append(keepHistory(c.Governance.Managers), ch.Officers...)
		c.Governance.Directors = keepHistory(c.Governance.Directors)
	case ChangeAuditorAppointed:
		if ch.Auditor != nil {
			a := *ch.Auditor
			c.Governance.Auditor = &a
		}
	case ChangeStatutesAmended:
		if ch.Statutes != nil {
			c.Statutes = *ch.Statutes
		}
	case ChangeSeatChanged:
		c.Province, c.Address, c.Commune = ch.Province, ch.Address, ch.Commune
	case ChangeTurnoverReported:
		if t, err := coop.ParseMAD(ch.Turnover); err == nil {
			if c.Turnover == nil {
				c.Turnover = map[int]decimal.Decimal{}
			}
			c.Turnover[ch.Year] = t
		}
	case ChangeDissolved:
		c.Status, c.StatusSince, c.StatusReason = coop.Dissolved, on, ch.Reason
	case ChangeLiquidation:
		c.Status, c.StatusSince, c.Liquidator = coop.InLiquidation, on, ch.Liquidator
		if ch.Reason != "" {
			c.StatusReason = ch.Reason
		}
	case ChangeStruckOff:
		c.Status, c.StatusSince, c.StatusReason = coop.StruckOff, on, ch.Reason
	case ChangeSupportRecorded:
		if ch.Support != nil {
			c.Supports = append(c.Supports, coopClone(func(x *coop.Cooperative) { x.Supports = []coop.Support{*ch.Support} }).Supports...)
		}
	case ChangeSelected:
		if ch.Selection != nil {
			c.Selections = append(c.Selections, *ch.Selection)
		}
	case ChangeLabelAwarded:
		if ch.Label != nil {
			c.Labels = append(c.Labels, coopClone(func(x *coop.Cooperative) { x.Labels = []coop.Label{*ch.Label} }).Labels...)
		}
	case ChangeLabelSuspended, ChangeLabelWithdrawn:
		for i := range c.Labels {
			if l := &c.Labels[i]; l.ID == ch.Ref {
				if ch.Kind == ChangeLabelSuspended {
					l.SuspendedFrom, l.SuspendedUntil = on, ch.Until
				} else {
					l.WithdrawnOn = on
				}
				l.Reason = ch.Reason
			}
		}
	case ChangeGroupingJoined:
		if ch.Grouping != nil {
			c.Groupings = append(c.Groupings, *ch.Grouping)
		}
	case ChangeGroupingLeft:
		for i := range c.Groupings {
			if c.Groupings[i].ID == ch.Ref {
				c.Groupings[i].Until = on
			}
		}
	}
}

// endOfficers closes the terms of the officers still in office on on.
func endOfficers(os []coop.Officer, on coop.Date) {
	for i := range os {
		if os[i].Until.IsZero() || os[i].Until.After(on) {
			os[i].Until = on
		}
	}
}

// keepHistory returns the officers whose term had begun before it ended:
// those who actually served.
func keepHistory(os []coop.Officer) []coop.Officer {
	var out []coop.Officer
	for _, o := range os {
		if o.Since.IsZero() || o.Until.After(o.Since) {
			out = append(out, o)
		}
	}
	return out
}

// coopClone builds a cooperative with set and returns its deep copy: a way
// to deep-copy the slices of a change through coop.Cooperative.Clone.
func coopClone(set func(*coop.Cooperative)) coop.Cooperative {
	var c coop.Cooperative
	set(&c)
	return c.Clone()
}
