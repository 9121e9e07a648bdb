package coop

import (
	"slices"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// SupportKind is the kind of a support action for cooperatives.
type SupportKind string

// The kinds of support action ODCO delegations and programmes report.
const (
	Training           SupportKind = "training"
	Awareness          SupportKind = "awareness"
	InformationDay     SupportKind = "information-day"
	CoachingVisit      SupportKind = "coaching-visit"
	Diagnosis          SupportKind = "diagnosis"
	Fair               SupportKind = "fair"
	FinancialSupport   SupportKind = "financial-support"
	VolunteerPlacement SupportKind = "volunteer-placement"
	Prize              SupportKind = "prize"
)

// Valid reports whether k is a known kind.
func (k SupportKind) Valid() bool {
	switch k {
	case Training, Awareness, InformationDay, CoachingVisit, Diagnosis, Fair, FinancialSupport, VolunteerPlacement, Prize:
		return true
	}
	return false
}

// Financing is the money a funder put into a project of the cooperative:
// Amount of a total Cost (INDH paid 60 % of Tinas Cop's project).
type Financing struct {
	Funder string          `json:"funder"`
	Amount decimal.Decimal `json:"amount"`
	Cost   decimal.Decimal `json:"cost"`
}

// Share returns the funder's share of the cost (0 when the cost is zero).
func (f *Financing) Share() decimal.Decimal {
	if f.Cost.Sign() <= 0 {
		return decimal.Zero
	}
	return f.Amount.Div(f.Cost)
}

// Support is a cooperative's part in a support action: a training session,
// a coaching visit, a fair, a grant, a prize. An action that reaches several
// cooperatives appears in each of them with the same ActionID; the people,
// women and young people are those of this cooperative.
type Support struct {
	ActionID uuid.UUID   `json:"action_id"`
	Kind     SupportKind `json:"kind"`
	Title    string      `json:"title"`
	Start    Date        `json:"start"`
	End      Date        `json:"end,omitzero"`
	// Operator is who ran the action (an ODCO delegation, a programme's
	// operator); Delegation the ODCO delegation that reports it.
	Operator   string       `json:"operator,omitempty"`
	Delegation DelegationID `json:"delegation,omitempty"`
	Partners   []string     `json:"partners,omitempty"`
	// Program and Call name the programme and call the action belongs to.
	Program string `json:"program,omitempty"`
	Call    string `json:"call,omitempty"`
	People  int    `json:"people,omitempty"`
	Women   int    `json:"women,omitempty"`
	Youth   int    `json:"youth,omitempty"`
	// Financing is set for financial support and prizes.
	Financing *Financing `json:"financing,omitempty"`
}

// Selection records that a cooperative was selected as a beneficiary of a
// programme's call (Mourafaka's 72 Marrakech-Safi cooperatives of the 4th
// phase).
type Selection struct {
	Program    string `json:"program"`
	Call       string `json:"call,omitempty"`
	SelectedOn Date   `json:"selected_on"`
}

// LabelKind is the kind of a label, mark or approval a cooperative holds.
type LabelKind string

// The kinds of label and approval.
const (
	ONSSAAuthorisation   LabelKind = "onssa-authorisation"   // Law 28-07 art. 5, sanitary authorisation
	ONSSAApproval        LabelKind = "onssa-approval"        // Law 28-07, sanitary approval (agrément)
	NationalCraftLabel   LabelKind = "national-craft-label"  // "Morocco Handmade" / label national de l'artisanat
	CollectiveLabel      LabelKind = "collective-label"      // e.g. "Terroir du Maroc"
	TerritorialBrand     LabelKind = "territorial-brand"     // e.g. "Elhajeb – Terroir"
	OrganicCertification LabelKind = "organic-certification" // Law 39-12
	OriginCertification  LabelKind = "origin-certification"  // Law 25-06: IGP, AOP, Label Agricole
)

// Valid reports whether k is a known kind.
func (k LabelKind) Valid() bool {
	switch k {
	case ONSSAAuthorisation, ONSSAApproval, NationalCraftLabel, CollectiveLabel, TerritorialBrand, OrganicCertification, OriginCertification:
		return true
	}
	return false
}

// Label is a label, brand right, certification or sanitary approval held by
// a cooperative, with its validity, suspensions and withdrawal.
type Label struct {
	ID       uuid.UUID `json:"id"`
	Kind     LabelKind `json:"kind"`
	Name     string    `json:"name"`
	Issuer   string    `json:"issuer"`
	Number   string    `json:"number,omitempty"`
	Products []string  `json:"products,omitempty"`
	// ValidFrom and ValidUntil bound the validity, both inclusive; a zero
	// ValidUntil means no end date.
	ValidFrom  Date `json:"valid_from"`
	ValidUntil Date `json:"valid_until,omitzero"`
	// SuspendedFrom and SuspendedUntil bound a suspension (inclusive; a zero
	// SuspendedUntil means until further notice).
	SuspendedFrom  Date   `json:"suspended_from,omitzero"`
	SuspendedUntil Date   `json:"suspended_until,omitzero"`
	WithdrawnOn    Date   `json:"withdrawn_on,omitzero"`
	Reason         string `json:"reason,omitempty"`
}

// HeldAt reports whether the label was in force on d: valid, not suspended
// and not yet withdrawn.
func (l *Label) HeldAt(d Date) bool {
	if d.Before(l.ValidFrom) || (!l.ValidUntil.IsZero() && d.After(l.ValidUntil)) {
		return false
	}
	if !l.WithdrawnOn.IsZero() && !d.Before(l.WithdrawnOn) {
		return false
	}
	if !l.SuspendedFrom.IsZero() && !d.Before(l.SuspendedFrom) && (l.SuspendedUntil.IsZero() || !d.After(l.SuspendedUntil)) {
		return false
	}
	return true
}

// GroupingKind is the kind of grouping a cooperative belongs to.
type GroupingKind string

// The groupings: a union of cooperatives (arts. 85-93), the National
// Federation (art. 94), an economic interest grouping (EIG, Law 13-97).
const (
	UnionGrouping      GroupingKind = "union"
	FederationGrouping GroupingKind = "federation"
	EIGGrouping        GroupingKind = "eig"
)

// Valid reports whether k is a known kind.
func (k GroupingKind) Valid() bool {
	return k == UnionGrouping || k == FederationGrouping || k == EIGGrouping
}

// Grouping is a cooperative's membership of a union, the National
// Federation or an EIG, from a date until another.
type Grouping struct {
	ID   uuid.UUID    `json:"id"`
	Kind GroupingKind `json:"kind"`
	Name string       `json:"name"`
	// GroupID is the union's registry ID, for a union.
	GroupID uuid.UUID `json:"group_id,omitzero"`
	From    Date      `json:"from"`
	Until   Date      `json:"until,omitzero"`
}

// ActiveAt reports whether the membership held on d.
func (g *Grouping) ActiveAt(d Date) bool {
	return !d.Before(g.From) && (g.Until.IsZero() || d.Before(g.Until))
}

// LabelsAt returns the labels the cooperative held on d.
func (c *Cooperative) LabelsAt(d Date) []Label {
	var out []Label
	for i := range c.Labels {
		if c.Labels[i].HeldAt(d) {
			l := c.Labels[i]
			l.Products = slices.Clone(l.Products)
			out = append(out, l)
		}
	}
	return out
}

func cloneSupport(s []Support) []Support {
	if s == nil {
		return nil
	}
	out := make([]Support, len(s))
	for i, x := range s {
		x.Partners = slices.Clone(x.Partners)
		if x.Financing != nil {
			f := *x.Financing
			x.Financing = &f
		}
		out[i] = x
	}
	return out
}

func cloneLabels(ls []Label) []Label {
	if ls == nil {
		return nil
	}
	out := make([]Label, len(ls))
	for i, l := range ls {
		l.Products = slices.Clone(l.Products)
		out[i] = l
	}
	return out
}
