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
	Funder string          `json:"funder" validate:"text"`
	Amount decimal.Decimal `json:"amount" validate:"mad"`
	Cost   decimal.Decimal `json:"cost" validate:"mad"`
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
	Kind     SupportKind `json:"kind" validate:"enum"`
	Title    string      `json:"title" validate:"text"`
	Start    Date        `json:"start" validate:"date-range"`
	End      Date        `json:"end,omitzero" validate:"date-range"`
	// Operator is who ran the action (an ODCO delegation, a programme's
	// operator); Delegation the ODCO delegation that reports it.
	Operator   string       `json:"operator,omitempty" validate:"text"`
	Delegation DelegationID `json:"delegation,omitempty" validate:"omitempty,delegation"`
	Partners   []string     `json:"partners,omitempty" validate:"dive,text"`
	// Program and Call name the programme and call the action belongs to.
	Program string `json:"program,omitempty" validate:"text"`
	Call    string `json:"call,omitempty" validate:"text"`
	People  int    `json:"people,omitempty" validate:"int-range"`
	Women   int    `json:"women,omitempty" validate:"int-range"`
	Youth   int    `json:"youth,omitempty" validate:"int-range"`
	// Financing is set for financial support and prizes.
	Financing *Financing `json:"financing,omitempty"`
}

// Selection records that a cooperative was selected as a beneficiary of a
// programme's call (Mourafaka's 72 Marrakech-Safi cooperatives of the 4th
// phase).
type Selection struct {
	Program    string `json:"program" validate:"text"`
	Call       string `json:"call,omitempty" validate:"text"`
	SelectedOn Date   `json:"selected_on" validate:"date-range"`
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
	Kind     LabelKind `json:"kind" validate:"enum"`
	Name     string    `json:"name" validate:"text"`
	Issuer   string    `json:"issuer" validate:"text"`
	Number   string    `json:"number,omitempty" validate:"text"`
	Products []string  `json:"products,omitempty" validate:"dive,text"`
	// ValidFrom and ValidUntil bound the validity, both inclusive; a zero
	// ValidUntil means no end date.
	ValidFrom  Date `json:"valid_from" validate:"date-range"`
	ValidUntil Date `json:"valid_until,omitzero" validate:"date-range"`
	// SuspendedFrom and SuspendedUntil bound a suspension (inclusive; a zero
	// SuspendedUntil means until further notice).
	SuspendedFrom  Date   `json:"suspended_from,omitzero" validate:"date-range"`
	SuspendedUntil Date   `json:"suspended_until,omitzero" validate:"date-range"`
	WithdrawnOn    Date   `json:"withdrawn_on,omitzero" validate:"date-range"`
	Reason         string `json:"reason,omitempty" validate:"text"`
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
	Kind GroupingKind `json:"kind" validate:"enum"`
	Name string       `json:"name" validate:"text"`
	// GroupID is the union's registry ID, for a union.
	GroupID uuid.UUID `json:"group_id,omitzero"`
	From    Date      `json:"from" validate:"date-range"`
	Until   Date      `json:"until,omitzero" validate:"date-range"`
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
