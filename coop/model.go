package coop

import (
	"maps"
	"slices"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Kind tells a cooperative from a union of cooperatives (art. 85).
type Kind string

// The kinds of cooperative body.
const (
	KindCooperative Kind = "cooperative"
	KindUnion       Kind = "union"
)

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return k == KindCooperative || k == KindUnion }

// MinMembers is the least number of members a body of kind k keeps: 5 for
// a cooperative (Law 112-12 art. 14), 3 member cooperatives for a union
// (art. 85). It is the one home of the rule: registration, withdrawal,
// striking-off, the members-min check of CheckLaw and the programme
// criteria read it here.
func (k Kind) MinMembers() int {
	if k == KindUnion {
		return MinUnionMembers
	}
	return MinMembers
}

// MembersArticle is the article that sets MinMembers for kind k.
func (k Kind) MembersArticle() string {
	if k == KindUnion {
		return "Law 112-12 art. 85"
	}
	return "Law 112-12 art. 14"
}

// CheckMemberType adds to fs, at field, the error of a member of type t in
// a body of kind k: a union's members are cooperatives (Law 112-12 art.
// 85), a cooperative's natural or legal persons (art. 14).
func (k Kind) CheckMemberType(fs *Fields, field string, t MemberType) {
	switch {
	case !t.Valid():
		fs.Add(field, "enum", "natural,legal,cooperative", "%q is not a member type (natural, legal, cooperative)", t)
	case k == KindUnion && t != MemberCooperative:
		fs.Add(field, "union-member", "cooperative", "a union's members are cooperatives (art. 85)")
	case k == KindCooperative && t == MemberCooperative:
		fs.Add(field, "member-type", "natural,legal", "a cooperative's members are natural or legal persons (art. 14)")
	}
}

// KindOf returns the kind of a union when union is set, of a cooperative
// otherwise.
func KindOf(union bool) Kind {
	if union {
		return KindUnion
	}
	return KindCooperative
}

// Status is where a cooperative stands in its legal life.
type Status string

// The statuses. A cooperative is active from registration (art. 11); it may
// be dissolved (art. 82), go into liquidation (art. 83) and be struck off the
// register (art. 13).
const (
	Active        Status = "active"
	Dissolved     Status = "dissolved"
	InLiquidation Status = "in-liquidation"
	StruckOff     Status = "struck-off"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	switch s {
	case Active, Dissolved, InLiquidation, StruckOff:
		return true
	}
	return false
}

var statusNames = map[Status]Names{
	Active:        {FR: "active", EN: "active", AR: "نشيطة"},
	Dissolved:     {FR: "dissoute", EN: "dissolved", AR: "منحلة"},
	InLiquidation: {FR: "en liquidation", EN: "in liquidation", AR: "في طور التصفية"},
	StruckOff:     {FR: "radiée", EN: "struck off", AR: "مشطب عليها"},
}

// Name returns the status's name in lang, as said of a cooperative
// ("dissoute", «منحلة»); an unknown status is returned as is.
func (s Status) Name(lang Lang) string {
	if n, ok := statusNames[s]; ok {
		return n.In(lang)
	}
	return string(s)
}

// CanBecome reports whether the law allows moving from s to next:
//   - active → dissolved (EGM or court decision, art. 82), in-liquidation
//     (dissolution and appointment of the liquidator at once, art. 83) or
//     struck-off (court order on an art. 13 ground);
//   - dissolved → in-liquidation, or struck-off (3 years after the
//     dissolution decision, art. 13);
//   - in-liquidation → struck-off (at the close of liquidation, art. 13, D 11).
//
// Struck-off is final: a removal made in error is cancelled by court order,
// which the registry records as a correction, not as a transition.
func (s Status) CanBecome(next Status) bool {
	switch s {
	case Active:
		return next == Dissolved || next == InLiquidation || next == StruckOff
	case Dissolved:
		return next == InLiquidation || next == StruckOff
	case InLiquidation:
		return next == StruckOff
	}
	return false
}

// Law is the law a cooperative was founded under.
type Law string

// The cooperative laws.
const (
	Law11212 Law = "112-12" // Law 112-12 (Dahir 1-14-189 of 21 November 2014)
	Law2483  Law = "24-83"  // Law 24-83, repealed by art. 106 of Law 112-12
)

// Valid reports whether l is a known law.
func (l Law) Valid() bool { return l == Law11212 || l == Law2483 }

// MemberType is the kind of person a member is (art. 14).
type MemberType string

// The member types. The members of a union are cooperatives (art. 85).
const (
	Natural           MemberType = "natural"
	Legal             MemberType = "legal"
	MemberCooperative MemberType = "cooperative"
)

// Valid reports whether t is a known member type.
func (t MemberType) Valid() bool { return t == Natural || t == Legal || t == MemberCooperative }

// IsLegalPerson reports whether the member is a legal person (a company,
// an association or a cooperative).
func (t MemberType) IsLegalPerson() bool { return t == Legal || t == MemberCooperative }

// Gender is a natural person's gender as the registry records it.
type Gender string

// The genders.
const (
	Female Gender = "female"
	Male   Gender = "male"
)

// Valid reports whether g is a known gender.
func (g Gender) Valid() bool { return g == Female || g == Male }

// ExitReason tells why a member left.
type ExitReason string

// The ways a membership ends.
const (
	Withdrawal     ExitReason = "withdrawal" // resignation accepted (arts. 18-19)
	Exclusion      ExitReason = "exclusion"  // decided by the general assembly (art. 20)
	Death          ExitReason = "death"
	Incapacity     ExitReason = "incapacity" // treated as a resignation (art. 24)
	TransferredOut ExitReason = "transfer"   // all shares transferred (art. 28)
)

// Valid reports whether r is a known exit reason.
func (r ExitReason) Valid() bool {
	switch r {
	case Withdrawal, Exclusion, Death, Incapacity, TransferredOut:
		return true
	}
	return false
}

// MovementKind is the kind of a share movement in the member register.
type MovementKind string

// The share movements (arts. 7, 26-30).
const (
	Subscription MovementKind = "subscription" // shares subscribed; Paid is what was paid at once
	Payment      MovementKind = "payment"      // a payment towards subscribed shares
	TransferIn   MovementKind = "transfer-in"  // shares received from another member (art. 28)
	TransferOut  MovementKind = "transfer-out" // shares given to another member (art. 28)
	Refund       MovementKind = "refund"       // shares refunded on exit (art. 21)
)

// Valid reports whether k is a known movement kind.
func (k MovementKind) Valid() bool {
	switch k {
	case Subscription, Payment, TransferIn, TransferOut, Refund:
		return true
	}
	return false
}

// ShareMovement is one line of a member's share account.
type ShareMovement struct {
	Kind MovementKind `json:"kind" validate:"enum"`
	On   Date         `json:"on" validate:"date-range"`
	// Shares is the number of shares subscribed, transferred or refunded.
	Shares int `json:"shares,omitempty" validate:"int-range,gte=0"`
	// Amount is the nominal value moved (subscription, transfer, refund) or
	// the amount paid (payment), in MAD.
	Amount decimal.Decimal `json:"amount" validate:"amount"`
	// Paid is, for a subscription, the amount paid at subscription (art. 7:
	// at least a quarter of each cash share) and, for a transfer or a refund,
	// the paid-up part that moves. It is null when not known.
	Paid decimal.NullDecimal `json:"paid" validate:"amount"`
	// InKind marks a contribution in kind (art. 27), valued by an expert;
	// the quarter-paid rule applies to cash shares only.
	InKind bool `json:"in_kind,omitempty"`
	// Counterparty is the other member of a transfer.
	Counterparty uuid.UUID `json:"counterparty,omitzero"`
}

// Member is an entry of the member register (art. 17).
type Member struct {
	ID uuid.UUID `json:"id"`
	// Number is the member's number in the register, in order of joining.
	Number int        `json:"number,omitempty" validate:"int-range"`
	Type   MemberType `json:"type" validate:"enum"`
	Name   string     `json:"name,omitempty" validate:"text,max=200"`
	CIN    CIN        `json:"cin,omitzero"`
	// ICE identifies a legal-person member.
	ICE ICE `json:"ice,omitzero"`
	// CooperativeID is the registry ID of a member cooperative of a union.
	CooperativeID uuid.UUID `json:"cooperative_id,omitzero"`
	Gender        Gender    `json:"gender,omitempty" validate:"omitempty,enum"`
	BirthDate     Date      `json:"birth_date,omitzero" validate:"date-range"`
	Phone         Phone     `json:"phone,omitzero"`
	Address       string    `json:"address,omitempty" validate:"text"`
	Occupation    string    `json:"occupation,omitempty" validate:"text"`
	// JoinedOn is the date of admission; the zero Date means the
	// cooperative's registration date (a founder).
	JoinedOn Date `json:"joined_on,omitzero" validate:"date-range"`
	// AdmittedBy references the general assembly that admitted the member
	// (art. 15), e.g. "OGM 2024-06-15".
	AdmittedBy string `json:"admitted_by,omitempty" validate:"text"`
	// LeftOn is the date the membership ended; zero while a member.
	LeftOn     Date       `json:"left_on,omitzero" validate:"date-range"`
	ExitReason ExitReason `json:"exit_reason,omitempty" validate:"omitempty,enum"`
	// Shares is the member's share account, in date order.
	Shares []ShareMovement `json:"shares,omitempty" validate:"dive"`
	// Withdrawal is the member's pending or answered withdrawal request.
	Withdrawal *WithdrawalRequest `json:"withdrawal,omitempty"`
}

// WithdrawalRequest is a member's request to withdraw (arts. 18-19): received by
// registered letter at least two months before the year end, answered by the
// board within 20 days, silence being acceptance. It takes effect at the end
// of the financial year.
type WithdrawalRequest struct {
	Received Date `json:"received" validate:"date-range"`
	// AnswerDue is the last day for the board's answer.
	AnswerDue Date `json:"answer_due" validate:"date-range"`
	// Answer is "accepted", "refused" or "" while the board has not
	// answered (silence after AnswerDue is acceptance).
	Answer     string `json:"answer,omitempty" validate:"text"`
	AnsweredOn Date   `json:"answered_on,omitzero" validate:"date-range"`
	// EffectiveOn is the day the member no longer counts: the day after the
	// end of the financial year.
	EffectiveOn Date `json:"effective_on" validate:"date-range"`
	// Reason is the board's reason for a refusal, which the member may take
	// to the next ordinary general assembly.
	Reason string `json:"reason,omitempty" validate:"text"`
}

// Resolution is a resolution put to a general assembly.
type Resolution struct {
	Subject string `json:"subject" validate:"text"`
	Votes   Votes  `json:"votes"`
	Adopted bool   `json:"adopted"`
}

// Assembly is a general assembly as the registry records it (arts. 33-46).
type Assembly struct {
	Kind AssemblyKind `json:"kind" validate:"omitempty,enum"`
	Date Date         `json:"date" validate:"date-range"`
	// Call is 1, 2 or 3: the convocation on which the assembly met.
	Call int `json:"call" validate:"int-range"`
	// Members is the number of members at the date; Present those present
	// or represented.
	Members     int          `json:"members" validate:"int-range"`
	Present     int          `json:"present" validate:"int-range"`
	Resolutions []Resolution `json:"resolutions,omitempty" validate:"dive"`
}

// ActiveAt reports whether the member counts at asOf: joined on or before
// asOf and not yet left (programs.md §1). registered is the cooperative's
// registration date, the default joining date.
func (m *Member) ActiveAt(asOf, registered Date) bool {
	joined := m.JoinedOn
	if joined.IsZero() {
		joined = registered
	}
	if joined.IsZero() || joined.After(asOf) {
		return false
	}
	return m.LeftOn.IsZero() || asOf.Before(m.LeftOn)
}

// Capital is a member's share position at a date.
type Capital struct {
	Shares     int             `json:"shares"`
	Subscribed decimal.Decimal `json:"subscribed"`
	Paid       decimal.Decimal `json:"paid"`
	// HasData is false when the member's share account is empty.
	HasData bool `json:"-"`
	// PaidKnown is false when a subscription's paid part is not known and no
	// payment was recorded, so that Paid is a lower bound.
	PaidKnown bool `json:"-"`
}

// Unpaid returns the subscribed capital not yet paid.
func (c Capital) Unpaid() decimal.Decimal { return c.Subscribed.Sub(c.Paid) }

// CapitalAt returns the member's share position from the movements dated on
// or before asOf.
func (m *Member) CapitalAt(asOf Date) Capital {
	c := Capital{PaidKnown: true}
	unknownPaid, payments := false, false
	for i := range m.Shares {
		mv := &m.Shares[i]
		if mv.On.After(asOf) {
			continue
		}
		c.HasData = true
		switch mv.Kind {
		case Subscription, TransferIn:
			c.Shares += mv.Shares
			c.Subscribed = c.Subscribed.Add(mv.Amount)
			if mv.Paid.Valid {
				c.Paid = c.Paid.Add(mv.Paid.Decimal)
			} else {
				unknownPaid = true
			}
		case Payment:
			payments = true
			c.Paid = c.Paid.Add(mv.Amount)
		case TransferOut, Refund:
			c.Shares -= mv.Shares
			c.Subscribed = c.Subscribed.Sub(mv.Amount)
			if mv.Paid.Valid {
				c.Paid = c.Paid.Sub(mv.Paid.Decimal)
			} else {
				c.Paid = c.Paid.Sub(mv.Amount)
			}
		}
	}
	c.PaidKnown = !unknownPaid || payments
	return c
}

// Officer is a director, a manager or a member of the supervisory
// committee.
type Officer struct {
	Name string `json:"name,omitempty" validate:"text,max=200"`
	// MemberID links an officer who is a member; managers may be
	// non-members (art. 65).
	MemberID uuid.UUID `json:"member_id,omitzero"`
	// Role is the officer's role: "president", "vice-president",
	// "secretary", "treasurer", "director" or "manager".
	Role  string `json:"role,omitempty" validate:"text"`
	Since Date   `json:"since,omitzero" validate:"date-range"`
	Until Date   `json:"until,omitzero" validate:"date-range"`
}

// ActiveAt reports whether the officer is in office at asOf (an officer
// without dates is taken to be in office).
func (o *Officer) ActiveAt(asOf Date) bool {
	return (o.Since.IsZero() || !o.Since.After(asOf)) && (o.Until.IsZero() || asOf.Before(o.Until))
}

// Auditor is the commissaire aux comptes (arts. 72-76).
type Auditor struct {
	Name        string `json:"name,omitempty" validate:"text"`
	AppointedOn Date   `json:"appointed_on,omitzero" validate:"date-range"`
	// TermYears is 3 when appointed by the general assembly, 1 when named in
	// the statutes (art. 72).
	TermYears int `json:"term_years,omitempty" validate:"int-range"`
}

// Governance is how a cooperative is run: by a board of directors
// (arts. 48-61) or by one to three managers (art. 65), with an optional or
// mandatory auditor (art. 72).
type Governance struct {
	Directors []Officer `json:"directors,omitempty" validate:"dive"`
	Managers  []Officer `json:"managers,omitempty" validate:"dive"`
	Auditor   *Auditor  `json:"auditor,omitempty"`
}

// Mode returns how the cooperative is run now: "board" when a director's
// term has not ended, else "managers" when a manager's has not, else "".
func (g *Governance) Mode() string {
	for _, o := range g.Directors {
		if o.Until.IsZero() {
			return "board"
		}
	}
	for _, o := range g.Managers {
		if o.Until.IsZero() {
			return "managers"
		}
	}
	return ""
}

// Clone returns a deep copy of g.
func (g Governance) Clone() Governance {
	out := Governance{Directors: slices.Clone(g.Directors), Managers: slices.Clone(g.Managers)}
	if g.Auditor != nil {
		a := *g.Auditor
		out.Auditor = &a
	}
	return out
}

// ModeAt returns how the cooperative was run at asOf: "board" when a
// director was in office, else "managers" when a manager was, else "".
func (g *Governance) ModeAt(asOf Date) string {
	for i := range g.Directors {
		if g.Directors[i].ActiveAt(asOf) {
			return "board"
		}
	}
	for i := range g.Managers {
		if g.Managers[i].ActiveAt(asOf) {
			return "managers"
		}
	}
	return ""
}

// Statutes holds the clauses of the statutes the library reads (art. 5).
type Statutes struct {
	// DurationYears is the statutory duration, at most 99 years (art. 5); 0
	// when not stated.
	DurationYears int `json:"duration_years,omitempty" validate:"int-range,gte=0"`
	// ShareNominal is the nominal value of one share, at least 100.00
	// (art. 26); zero when not stated.
	ShareNominal decimal.Decimal `json:"share_nominal" validate:"amount"`
	// MinSharesPerMember is the statutory minimum of shares per member.
	MinSharesPerMember int `json:"min_shares_per_member,omitempty" validate:"int-range,gte=0"`
	// Purpose is the cooperative's object.
	Purpose string `json:"purpose,omitempty" validate:"text"`
	// AdoptedOn is the date of the statutes in force.
	AdoptedOn Date `json:"adopted_on,omitzero" validate:"date-range"`
}

// Cooperative is a cooperative or a union of cooperatives under Law 112-12,
// as the registry holds it or as an applicant describes it.
//
// Facts may be missing: a cooperative described for an eligibility check
// may give a member count without a register, or no capital at all. Checks
// treat a missing fact as unknown, never as false.
type Cooperative struct {
	ID      uuid.UUID `json:"id,omitzero"`
	Version int64     `json:"version,omitempty" validate:"int-range"`
	Kind    Kind      `json:"kind" validate:"enum"`
	Name    string    `json:"name,omitempty" validate:"text,max=200"`
	NameAR  string    `json:"name_ar,omitempty" validate:"text"`
	// RegistrationNumber is the number in the local register (D 7).
	RegistrationNumber string `json:"registration_number,omitempty" validate:"text"`
	// Court is the code of the court of first instance keeping the local
	// register (art. 9).
	Court    string       `json:"court,omitempty" validate:"text"`
	ICE      ICE          `json:"ice,omitzero"`
	Sector   Sector       `json:"sector,omitempty" validate:"omitempty,sector"`
	Branch   Branch       `json:"branch,omitempty" validate:"omitempty,branch"`
	Province ProvinceCode `json:"province,omitempty" validate:"omitempty,province"`
	Commune  string       `json:"commune,omitempty" validate:"text"`
	Address  string       `json:"address,omitempty" validate:"text"`
	// PreviousSeats are the seats the cooperative left, in the order it
	// moved (arts. 5, 12): the seat at a past date is the first whose
	// MovedOn is after it, the current one when none is (SeatAt).
	PreviousSeats []PreviousSeat `json:"previous_seats,omitempty" validate:"dive"`
	// RegisteredOn is the date of registration, when legal personality
	// starts (art. 11); zero when not registered.
	RegisteredOn Date   `json:"registered_on,omitzero" validate:"date-range"`
	Status       Status `json:"status" validate:"enum"`
	// StatusSince is when the current status began; before it the
	// cooperative was active.
	StatusSince  Date `json:"status_since,omitzero" validate:"date-range"`
	FoundedUnder Law  `json:"founded_under" validate:"enum"`
	// ConformedOn is, for a cooperative founded under Law 24-83, the date its
	// statutes conformed to Law 112-12 were registered (art. 108).
	ConformedOn Date     `json:"conformed_on,omitzero" validate:"date-range"`
	Statutes    Statutes `json:"statutes"`
	// Members is the member register. When it is empty, MemberCount may give
	// the number of members.
	Members     []Member `json:"members,omitempty" validate:"dive"`
	MemberCount *int     `json:"member_count,omitempty" validate:"omitnil,int-range,gte=0"`
	// LastYearEndMembers is the number of members at the last closed year
	// end, when the register does not tell (art. 47).
	LastYearEndMembers *int       `json:"last_year_end_members,omitempty" validate:"omitnil,int-range,gte=0"`
	Governance         Governance `json:"governance"`
	// Assemblies are the general assemblies recorded, in date order.
	Assemblies []Assembly `json:"assemblies,omitempty" validate:"dive"`
	// ApprovalID is the ODCO name approval the cooperative registered
	// under.
	ApprovalID uuid.UUID `json:"approval_id,omitzero"`
	// Liquidator is the liquidator appointed on dissolution (art. 83).
	Liquidator string `json:"liquidator,omitempty" validate:"text"`
	// StatusReason is the ground of the current status: the decision that
	// dissolved the cooperative, the art. 13 ground of a striking off.
	StatusReason string `json:"status_reason,omitempty" validate:"text"`
	// Supports are the support actions the cooperative took part in.
	Supports []Support `json:"supports,omitempty" validate:"dive"`
	// Selections are the programme calls that selected it.
	Selections []Selection `json:"selections,omitempty" validate:"dive"`
	// Labels are its labels, brand rights, certifications and approvals.
	Labels []Label `json:"labels,omitempty" validate:"dive"`
	// Groupings are its memberships of unions, the Federation and EIGs.
	Groupings []Grouping `json:"groupings,omitempty" validate:"dive"`
	// Turnover is the turnover of each financial year, by year.
	Turnover map[int]decimal.Decimal `json:"turnover,omitempty" validate:"dive,keys,int-range,endkeys,amount"`
	// Declared holds facts the cooperative declares, such as
	// "disadvantaged-members" or "precarious-situation".
	Declared map[string]bool `json:"declared,omitempty" validate:"dive,keys,text,endkeys"`
}

// PreviousSeat is a seat a cooperative left: where it was until the move
// that took effect on MovedOn (arts. 5, 12).
type PreviousSeat struct {
	Province ProvinceCode `json:"province,omitempty" validate:"omitempty,province"`
	Commune  string       `json:"commune,omitempty" validate:"text"`
	Address  string       `json:"address,omitempty" validate:"text"`
	// MovedOn is the day the move took effect: the seat was here before it.
	MovedOn Date `json:"moved_on" validate:"date-range"`
}

// SeatAt returns the province, commune and address of the seat at the end
// of asOf: the first previous seat left after asOf, else the current seat.
func (c *Cooperative) SeatAt(asOf Date) (province ProvinceCode, commune, address string) {
	for i := range c.PreviousSeats {
		if s := &c.PreviousSeats[i]; asOf.Before(s.MovedOn) {
			return s.Province, s.Commune, s.Address
		}
	}
	return c.Province, c.Commune, c.Address
}

// ProvinceAt returns the province of the seat at the end of asOf (SeatAt).
func (c *Cooperative) ProvinceAt(asOf Date) ProvinceCode {
	p, _, _ := c.SeatAt(asOf)
	return p
}

// Move moves the seat to province, commune and address from the day on,
// keeping the seat it leaves among PreviousSeats. A move to the seat it is
// at keeps no previous seat.
func (c *Cooperative) Move(province ProvinceCode, commune, address string, on Date) {
	if province == c.Province && commune == c.Commune && address == c.Address {
		return
	}
	left := PreviousSeat{Province: c.Province, Commune: c.Commune, Address: c.Address, MovedOn: on}
	// A slice of its own: the cooperative may share its history with a
	// snapshot a reader holds.
	seats := make([]PreviousSeat, 0, len(c.PreviousSeats)+1)
	seats = append(append(seats, c.PreviousSeats...), left)
	slices.SortStableFunc(seats, func(a, b PreviousSeat) int { return a.MovedOn.Compare(b.MovedOn) })
	c.PreviousSeats = seats
	c.Province, c.Commune, c.Address = province, commune, address
}

// Region returns the region of the cooperative's seat ("" when unknown).
func (c *Cooperative) Region() RegionCode { return c.Province.Region() }

// Delegation returns the ODCO delegation serving the seat.
func (c *Cooperative) Delegation() DelegationID { return c.Province.Delegation() }

// IsUnion reports whether c is a union of cooperatives.
func (c *Cooperative) IsUnion() bool { return c.Kind == KindUnion }

// MinMembers is the least number of members the cooperative keeps, by its
// kind (Kind.MinMembers).
func (c *Cooperative) MinMembers() int { return KindOf(c.IsUnion()).MinMembers() }

// StatusAt returns the status at asOf: Status from StatusSince on, active
// before (and active when StatusSince is not set).
func (c *Cooperative) StatusAt(asOf Date) Status { return StatusOn(c.Status, c.StatusSince, asOf) }

// StatusOn is the status at asOf of a cooperative whose status is status
// since since: status from since on, active before (and active when since
// is not set, or status is not). It is the one rule of Cooperative.StatusAt
// and of the read model's.
func StatusOn(status Status, since, asOf Date) Status {
	if status == "" || status == Active {
		return Active
	}
	if !since.IsZero() && asOf.Before(since) {
		return Active
	}
	return status
}

// MembersAt returns the number of members at asOf from the register, or
// MemberCount when there is no register; known is false when neither is
// given.
func (c *Cooperative) MembersAt(asOf Date) (n int, known bool) {
	if len(c.Members) > 0 {
		for i := range c.Members {
			if c.Members[i].ActiveAt(asOf, c.RegisteredOn) {
				n++
			}
		}
		return n, true
	}
	if c.MemberCount != nil {
		return *c.MemberCount, true
	}
	return 0, false
}

// Clone returns a deep copy of c: mutating the copy never changes c.
func (c *Cooperative) Clone() Cooperative {
	out := *c
	if c.Members != nil {
		// Three allocations whatever the size: the members, every share
		// movement and every withdrawal request, each member's own part
		// clipped so that appending to it never reaches the next one's.
		moves, withdrawals := 0, 0
		for i := range c.Members {
			moves += len(c.Members[i].Shares)
			if c.Members[i].Withdrawal != nil {
				withdrawals++
			}
		}
		out.Members = make([]Member, len(c.Members))
		copy(out.Members, c.Members)
		allMoves := make([]ShareMovement, 0, moves)
		allWithdrawals := make([]WithdrawalRequest, 0, withdrawals)
		for i := range out.Members {
			m := &out.Members[i]
			if m.Shares != nil {
				start := len(allMoves)
				allMoves = append(allMoves, m.Shares...)
				m.Shares = allMoves[start:len(allMoves):len(allMoves)]
			}
			if m.Withdrawal != nil {
				allWithdrawals = append(allWithdrawals, *m.Withdrawal)
				m.Withdrawal = &allWithdrawals[len(allWithdrawals)-1]
			}
		}
	}
	if c.MemberCount != nil {
		n := *c.MemberCount
		out.MemberCount = &n
	}
	if c.LastYearEndMembers != nil {
		n := *c.LastYearEndMembers
		out.LastYearEndMembers = &n
	}
	out.Governance = c.Governance.Clone()
	if c.Assemblies != nil {
		out.Assemblies = make([]Assembly, len(c.Assemblies))
		for i, a := range c.Assemblies {
			a.Resolutions = slices.Clone(a.Resolutions)
			out.Assemblies[i] = a
		}
	}
	out.Supports = cloneSupport(c.Supports)
	out.Selections = slices.Clone(c.Selections)
	out.Labels = cloneLabels(c.Labels)
	out.Groupings = slices.Clone(c.Groupings)
	out.PreviousSeats = slices.Clone(c.PreviousSeats)
	out.Turnover = maps.Clone(c.Turnover)
	out.Declared = maps.Clone(c.Declared)
	return out
}

// Member returns the member with the given ID.
func (c *Cooperative) Member(id uuid.UUID) (*Member, bool) {
	for i := range c.Members {
		if c.Members[i].ID == id {
			return &c.Members[i], true
		}
	}
	return nil, false
}

// CapitalAt returns the capital subscribed and paid by the members at asOf.
func (c *Cooperative) CapitalAt(asOf Date) (subscribed, paid decimal.Decimal) {
	for i := range c.Members {
		m := &c.Members[i]
		if !m.ActiveAt(asOf, c.RegisteredOn) {
			continue
		}
		k := m.CapitalAt(asOf)
		subscribed = subscribed.Add(k.Subscribed)
		paid = paid.Add(k.Paid)
	}
	return subscribed, paid
}
