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

// AssemblyInput records a general assembly.
type AssemblyInput struct {
	Assembly coop.Assembly `json:"assembly"`
}

// HoldAssembly records a general assembly. The number of members is taken
// from the register at the date; the quorum of the call must be met (art.
// 43); each resolution's adoption is computed from its votes (absolute
// majority of votes cast in an ordinary assembly, two thirds in an
// extraordinary one). FailedPrecondition when the quorum is not met;
// Invalid for an unknown kind or call or more present than members.
func (r *Registry) HoldAssembly(ctx context.Context, id uuid.UUID, in AssemblyInput, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.HoldAssembly"
	art := coop.RuleAssembly
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	a := in.Assembly
	return onField("assembly.date")(r.update(ctx, op, id, guards, a.Date, EntryModification, func(c *coop.Cooperative) (Change, error) {
		n, _ := c.MembersAt(a.Date)
		a.Members = n
		var fs coop.Fields
		// coop.Quorum refuses an unknown kind and a call other than the
		// 1st, 2nd or 3rd.
		q, err := coop.Quorum(a.Kind, a.Call, n)
		fs.Merge("assembly", err)
		switch {
		case a.Present == 0:
			fs.Add("assembly.present", "required", "", "the members present are required")
		case a.Present < 0 || a.Present > n:
			fs.Add("assembly.present", "range", fmt.Sprint(n), "%d present of %d members", a.Present, n)
		}
		for i, res := range a.Resolutions {
			if strings.TrimSpace(res.Subject) == "" {
				fs.Add(fmt.Sprintf("assembly.resolutions[%d].subject", i), "required", "", "is required")
			}
			if res.Votes.For < 0 || res.Votes.Against < 0 || res.Votes.Cast() > a.Present {
				fs.Add(fmt.Sprintf("assembly.resolutions[%d].votes", i), "range", "", "%d votes cast by %d present", res.Votes.Cast(), a.Present)
			}
		}
		if err := fs.Err(op, "invalid assembly"); err != nil {
			return nil, withRule(err, art)
		}
		if a.Present < q {
			return nil, refuse(coop.FailedPrecondition, op, art, "assembly.present", "quorum",
				"%d present of %d members; the %s assembly on call %d needs %d", a.Present, n, a.Kind, a.Call, q)
		}
		a.Resolutions = slices.Clone(a.Resolutions)
		for i := range a.Resolutions {
			a.Resolutions[i].Adopted = a.Resolutions[i].Votes.Adopted(a.Kind)
		}
		return AssemblyHeld{Assembly: a}, nil
	}))
}

// Officers elects a board or appoints managers.
type Officers struct {
	On       coop.Date      `json:"on" validate:"date-range"`
	Officers []coop.Officer `json:"officers" validate:"dive"`
}

// ElectBoard replaces the board (or the managers) with a board of 3 to 12
// directors, a multiple of 3, elected by the ordinary assembly (arts. 48-51).
func (r *Registry) ElectBoard(ctx context.Context, id uuid.UUID, in Officers, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.ElectBoard"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if err := mustBeActive(op, c, in.On); err != nil {
			return nil, err
		}
		var fs coop.Fields
		checkFirstOfficers(&fs, coop.Governance{Directors: in.Officers}, c.IsUnion())
		if err := fs.Err(op, "invalid board"); err != nil {
			return nil, withRule(err, coop.RuleBoardSize)
		}
		return BoardElected{Officers: officersFrom(in.Officers, in.On)}, nil
	})
}

// AppointManagers replaces the board (or the managers) with 1 to 3
// managers (art. 65), which the law allows only below the thresholds of art.
// 47 (at most 50 members at the last year end, turnover not above
// 5,000,000.00 MAD in both last closed years) and never for a union (art.
// 87). FailedPrecondition when a board is required.
func (r *Registry) AppointManagers(ctx context.Context, id uuid.UUID, in Officers, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.AppointManagers"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if err := mustBeActive(op, c, in.On); err != nil {
			return nil, err
		}
		var fs coop.Fields
		checkFirstOfficers(&fs, coop.Governance{Managers: in.Officers}, c.IsUnion())
		if err := fs.Err(op, "invalid managers"); err != nil {
			return nil, withRule(err, coop.RuleManagers)
		}
		probe := c.Clone()
		probe.Governance = coop.Governance{Managers: officersFrom(in.Officers, in.On), Auditor: c.Governance.Auditor}
		rep := coop.CheckLaw(&probe, in.On)
		if res, ok := rep.Result(coop.CheckBoardRequired); ok && res.Outcome == coop.Fail {
			return nil, refuse(coop.FailedPrecondition, op, coop.RuleBoardRequired, "officers", "board-required", "%s", res.Reason.Text(coop.EN))
		}
		return ManagersAppointed{Officers: officersFrom(in.Officers, in.On)}, nil
	})
}

func officersFrom(os []coop.Officer, on coop.Date) []coop.Officer {
	out := slices.Clone(os)
	for i := range out {
		out[i].Since, out[i].Until = on, coop.Date{}
	}
	return out
}

// AuditorInput appoints an auditor.
type AuditorInput struct {
	On      coop.Date    `json:"on" validate:"date-range"`
	Auditor coop.Auditor `json:"auditor"`
}

// AppointAuditor records the appointment of the auditor for 3 years by the
// general assembly or 1 year by the statutes (art. 72).
func (r *Registry) AppointAuditor(ctx context.Context, id uuid.UUID, in AuditorInput, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.AppointAuditor"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		a := in.Auditor
		if strings.TrimSpace(a.Name) == "" {
			return nil, refuse(coop.Invalid, op, coop.RuleAuditorTerm, "auditor.name", "required", "is required")
		}
		if a.TermYears != 1 && a.TermYears != 3 {
			return nil, refuse(coop.Invalid, op, coop.RuleAuditorTerm, "auditor.term_years", "enum", "the term is 3 years (general assembly) or 1 year (statutes)")
		}
		a.AppointedOn = in.On
		return AuditorAppointed{Auditor: a}, nil
	})
}

// Amendment amends the statutes by extraordinary general assembly.
type Amendment struct {
	On       coop.Date     `json:"on" validate:"date-range"`
	Statutes coop.Statutes `json:"statutes"`
	// Votes are the extraordinary assembly's votes on the amendment.
	Votes coop.Votes `json:"votes"`
}

// AmendStatutes records statutes amended by two thirds of the votes cast in
// an extraordinary assembly (arts. 42-43), still within the law: a duration
// of at most 99 years, shares of at least 100.00 (arts. 5, 26).
func (r *Registry) AmendStatutes(ctx context.Context, id uuid.UUID, in Amendment, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.AmendStatutes"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	if err := noVotes(op, coop.RuleTwoThirds, in.Votes); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if err := mustBeActive(op, c, in.On); err != nil {
			return nil, err
		}
		st := in.Statutes
		var fs coop.Fields
		if st.DurationYears <= 0 || st.DurationYears > coop.MaxDurationYears {
			fs.Add("statutes.duration_years", "range", "1-99", "the duration is 1 to 99 years (art. 5)")
		}
		if st.ShareNominal.LessThan(coop.MinShareNominal()) || coop.CheckMAD(st.ShareNominal) != nil {
			fs.Add("statutes.share_nominal", "gte", "100.00", "a share is worth at least 100.00 MAD (art. 26)")
		}
		if st.MinSharesPerMember < 0 {
			fs.Add("statutes.min_shares_per_member", "gte", "0", "must not be negative")
		}
		if err := fs.Err(op, "invalid statutes"); err != nil {
			return nil, withRule(err, coop.RuleStatutes)
		}
		if !in.Votes.Adopted(coop.Extraordinary) {
			return nil, refuse(coop.FailedPrecondition, op, coop.RuleTwoThirds, "votes", "two-thirds",
				"%d votes for of %d cast: the statutes change by two thirds of the votes cast", in.Votes.For, in.Votes.Cast())
		}
		st.AdoptedOn = in.On
		return StatutesAmended{Statutes: st}, nil
	})
}

// SeatChange moves the seat.
type SeatChange struct {
	On       coop.Date         `json:"on" validate:"date-range"`
	Province coop.ProvinceCode `json:"province" validate:"province"`
	Commune  string            `json:"commune,omitempty" validate:"text"`
	Address  string            `json:"address,omitempty" validate:"text"`
	Votes    coop.Votes        `json:"votes"`
}

// ChangeSeat records a move of the seat, a statute change voted by two
// thirds of the votes cast (arts. 5, 42-43).
func (r *Registry) ChangeSeat(ctx context.Context, id uuid.UUID, in SeatChange, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.ChangeSeat"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	if err := noVotes(op, coop.RuleTwoThirds, in.Votes); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if err := mustBeActive(op, c, in.On); err != nil {
			return nil, err
		}
		if !in.Votes.Adopted(coop.Extraordinary) {
			return nil, refuse(coop.FailedPrecondition, op, coop.RuleTwoThirds, "votes", "two-thirds",
				"%d votes for of %d cast: moving the seat needs two thirds of the votes cast", in.Votes.For, in.Votes.Cast())
		}
		return SeatChanged{Province: in.Province, Commune: in.Commune, Address: in.Address}, nil
	})
}

// TurnoverInput reports a financial year's turnover.
type TurnoverInput struct {
	On     coop.Date `json:"on" validate:"date-range"`
	Year   int       `json:"year" validate:"int-range"`
	Amount string    `json:"amount" validate:"text"`
}

// ReportTurnover records the turnover of a closed financial year, filed
// with the accounts after the annual assembly (art. 68). Invalid for a year
// not yet closed on On or a malformed amount.
func (r *Registry) ReportTurnover(ctx context.Context, id uuid.UUID, in TurnoverInput, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.ReportTurnover"
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if in.Year < c.RegisteredOn.Year() || in.Year >= in.On.Year() {
			return nil, refuse(coop.Invalid, op, coop.RuleFinancialYear, "year", "closed-year", "%d is not a financial year closed by %s", in.Year, in.On)
		}
		amt, err := coop.ParseMAD(in.Amount)
		if err != nil || amt.Sign() < 0 {
			return nil, refuse(coop.Invalid, op, noRule, "amount", "amount", "%q is not a non-negative amount with at most two decimals", coop.Excerpt(in.Amount))
		}
		return TurnoverReported{Year: in.Year, Turnover: coop.FormatMAD(amt)}, nil
	})
}

// StatusChange dissolves, puts into liquidation or strikes off.
type StatusChange struct {
	On coop.Date `json:"on" validate:"date-range"`
	// Reason is the decision or ground: an assembly's decision, a court's
	// judgment, one of the StrikeOffGrounds for a striking off.
	Reason string `json:"reason" validate:"text"`
	// Votes are the extraordinary assembly's votes on an early dissolution;
	// nil when a court decided.
	Votes *coop.Votes `json:"votes,omitempty"`
	// Liquidator is the liquidator appointed, for a liquidation.
	Liquidator string `json:"liquidator,omitempty" validate:"text"`
}

// StrikeOffGrounds are the grounds of art. 13 on which a cooperative is
// struck off the register.
var StrikeOffGrounds = []string{
	"own-request",              // on transformation or at the close of liquidation (D 11)
	"duplicate-registration",   // by court order at ODCO's request
	"no-activity-2-years",      // no activity within 2 years of registration
	"inactive-2-years",         // inactive for more than 2 years
	"below-min-members-1-year", // fewer than 5 members for more than 1 year
	"contrary-statutes",        // statute changes against cooperative principles
	"3-years-after-dissolution",
	"liquidation-closed",
	"non-compliance", // not complying with the law or its statutes (art. 78)
}

// Dissolve records the dissolution of an active cooperative (art. 82): by
// two thirds of the votes cast in an extraordinary assembly, or by a court
// (Votes nil, Reason naming the judgment). FailedPrecondition for a
// cooperative not active or an assembly vote that falls short.
func (r *Registry) Dissolve(ctx context.Context, id uuid.UUID, in StatusChange, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.Dissolve"
	art := coop.RuleDissolution
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	if in.Votes != nil {
		if err := noVotes(op, coop.RuleTwoThirds, *in.Votes); err != nil {
			return coop.Cooperative{}, err
		}
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if err := transition(op, art, c, coop.Dissolved); err != nil {
			return nil, err
		}
		if strings.TrimSpace(in.Reason) == "" {
			return nil, refuse(coop.Invalid, op, art, "reason", "required", "the decision that dissolves the cooperative is required")
		}
		if in.Votes != nil && !in.Votes.Adopted(coop.Extraordinary) {
			return nil, refuse(coop.FailedPrecondition, op, coop.RuleTwoThirds, "votes", "two-thirds",
				"%d votes for of %d cast: dissolution needs two thirds of the votes cast", in.Votes.For, in.Votes.Cast())
		}
		return Dissolved{Reason: in.Reason}, nil
	})
}

// OpenLiquidation records the appointment of a liquidator (art. 83).
func (r *Registry) OpenLiquidation(ctx context.Context, id uuid.UUID, in StatusChange, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.OpenLiquidation"
	art := coop.RuleLiquidation
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryModification, func(c *coop.Cooperative) (Change, error) {
		if err := transition(op, art, c, coop.InLiquidation); err != nil {
			return nil, err
		}
		if strings.TrimSpace(in.Liquidator) == "" {
			return nil, refuse(coop.Invalid, op, art, "liquidator", "required", "the liquidator is required")
		}
		return LiquidationOpened{Liquidator: in.Liquidator, Reason: in.Reason}, nil
	})
}

// StrikeOff removes the cooperative from the register on one of the
// StrikeOffGrounds (art. 13). The registry checks the grounds it can see:
// 3 years after a dissolution, the close of a liquidation, fewer than 5
// members throughout the year before; the others are recorded as the court
// ordered them. FailedPrecondition when a ground does not hold.
func (r *Registry) StrikeOff(ctx context.Context, id uuid.UUID, in StatusChange, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.StrikeOff"
	art := coop.RuleStrikeOff
	if err := checkInput(op, in); err != nil {
		return coop.Cooperative{}, err
	}
	return r.update(ctx, op, id, guards, in.On, EntryRemoval, func(c *coop.Cooperative) (Change, error) {
		if !slices.Contains(StrikeOffGrounds, in.Reason) {
			return nil, refuse(coop.Invalid, op, art, "reason", "ground", "%q is not a ground of art. 13 (%s)", coop.Excerpt(in.Reason), strings.Join(StrikeOffGrounds, ", "))
		}
		if err := transition(op, art, c, coop.StruckOff); err != nil {
			return nil, err
		}
		switch in.Reason {
		case "3-years-after-dissolution":
			if c.Status != coop.Dissolved || in.On.Before(c.StatusSince.AddYears(3)) {
				return nil, refuse(coop.FailedPrecondition, op, art, "reason", "ground", "the cooperative was not dissolved 3 years before %s", in.On)
			}
		case "liquidation-closed":
			if c.Status != coop.InLiquidation {
				return nil, refuse(coop.FailedPrecondition, op, art, "reason", "ground", "the cooperative is not in liquidation")
			}
		case "below-min-members-1-year":
			if !belowMinimumForAYear(c, in.On) {
				return nil, refuse(coop.FailedPrecondition, op, art, "reason", "ground", "%s did not have fewer than %d members throughout the year before %s", c.Name, c.MinMembers(), in.On)
			}
		}
		return StruckOff{Reason: in.Reason}, nil
	})
}

// belowMinimumForAYear reports whether the cooperative had fewer than the
// minimum of members on every day of the year ending on on.
func belowMinimumForAYear(c *coop.Cooperative, on coop.Date) bool {
	start := on.AddYears(-1)
	min := c.MinMembers()
	dates := []coop.Date{start, on}
	for _, m := range c.Members {
		for _, d := range []coop.Date{m.JoinedOn, m.LeftOn} {
			if d.After(start) && !d.After(on) {
				dates = append(dates, d)
			}
		}
	}
	for _, d := range dates {
		if n, _ := c.MembersAt(d); n >= min {
			return false
		}
	}
	return true
}

func transition(op string, art coop.Rule, c *coop.Cooperative, next coop.Status) error {
	cur := c.Status
	if cur == "" {
		cur = coop.Active
	}
	if !cur.CanBecome(next) {
		return refuse(coop.FailedPrecondition, op, art, "", "", "a cooperative that is %s cannot become %s", cur, next)
	}
	return nil
}

// AssemblyHeld is a general assembly with its resolutions (arts. 33-46).
type AssemblyHeld struct {
	Assembly coop.Assembly `json:"assembly"`
}

// BoardElected replaces the board, or the managers, with a board (arts.
// 48-51).
type BoardElected struct {
	Officers []coop.Officer `json:"officers"`
}

// ManagersAppointed replaces the board, or the managers, with managers
// (art. 65).
type ManagersAppointed struct {
	Officers []coop.Officer `json:"officers"`
}

// AuditorAppointed is the appointment of the auditor (art. 72).
type AuditorAppointed struct {
	Auditor coop.Auditor `json:"auditor"`
}

// StatutesAmended is an amendment of the statutes (arts. 5, 42).
type StatutesAmended struct {
	Statutes coop.Statutes `json:"statutes"`
}

// SeatChanged is a move of the seat (arts. 5, 12).
type SeatChanged struct {
	Province coop.ProvinceCode `json:"province"`
	Address  string            `json:"address,omitempty"`
	Commune  string            `json:"commune,omitempty"`
}

// TurnoverReported is the turnover of a closed financial year (art. 68),
// in MAD with two decimals.
type TurnoverReported struct {
	Year     int    `json:"year"`
	Turnover string `json:"turnover"`
}

// Dissolved is a dissolution (art. 82), with the decision that made it.
type Dissolved struct {
	Reason string `json:"reason"`
}

// LiquidationOpened is the appointment of a liquidator (art. 83).
type LiquidationOpened struct {
	Liquidator string `json:"liquidator"`
	Reason     string `json:"reason,omitempty"`
}

// StruckOff is the removal from the register on an art. 13 ground.
type StruckOff struct {
	Reason string `json:"reason"`
}

// Kind implements Change.
func (AssemblyHeld) Kind() ChangeKind { return ChangeAssemblyHeld }

// Apply implements Change.
func (ch AssemblyHeld) Apply(c *coop.Cooperative, _ coop.Date) {
	a := ch.Assembly
	a.Resolutions = slices.Clone(a.Resolutions)
	c.Assemblies = append(c.Assemblies, a)
}

// Kind implements Change.
func (BoardElected) Kind() ChangeKind { return ChangeBoardElected }

// Apply implements Change: the officers in office leave on the day the
// board takes over.
func (ch BoardElected) Apply(c *coop.Cooperative, on coop.Date) {
	g := &c.Governance
	g.Directors, g.Managers = endOfficers(g.Directors, on), endOfficers(g.Managers, on)
	g.Directors = append(g.Directors, ch.Officers...)
}

// Kind implements Change.
func (ManagersAppointed) Kind() ChangeKind { return ChangeManagersAppointed }

// Apply implements Change: the officers in office leave on the day the
// managers take over.
func (ch ManagersAppointed) Apply(c *coop.Cooperative, on coop.Date) {
	g := &c.Governance
	g.Directors, g.Managers = endOfficers(g.Directors, on), endOfficers(g.Managers, on)
	g.Managers = append(g.Managers, ch.Officers...)
}

// endOfficers returns the officers with the terms still running on on
// closed that day, less those whose term had not begun before it ended:
// the history of those who actually served.
func endOfficers(os []coop.Officer, on coop.Date) []coop.Officer {
	var out []coop.Officer
	for _, o := range os {
		if o.Until.IsZero() || o.Until.After(on) {
			o.Until = on
		}
		if o.Since.IsZero() || o.Until.After(o.Since) {
			out = append(out, o)
		}
	}
	return out
}

// Kind implements Change.
func (AuditorAppointed) Kind() ChangeKind { return ChangeAuditorAppointed }

// Apply implements Change.
func (ch AuditorAppointed) Apply(c *coop.Cooperative, _ coop.Date) {
	a := ch.Auditor
	c.Governance.Auditor = &a
}

// Kind implements Change.
func (StatutesAmended) Kind() ChangeKind { return ChangeStatutesAmended }

// Apply implements Change.
func (ch StatutesAmended) Apply(c *coop.Cooperative, _ coop.Date) { c.Statutes = ch.Statutes }

// Kind implements Change.
func (SeatChanged) Kind() ChangeKind { return ChangeSeatChanged }

// Apply implements Change.
func (ch SeatChanged) Apply(c *coop.Cooperative, effective coop.Date) {
	c.Move(ch.Province, ch.Commune, ch.Address, effective)
}

// Kind implements Change.
func (TurnoverReported) Kind() ChangeKind { return ChangeTurnoverReported }

// Apply implements Change.
func (ch TurnoverReported) Apply(c *coop.Cooperative, _ coop.Date) {
	t, err := coop.ParseMAD(ch.Turnover)
	if err != nil {
		return
	}
	if c.Turnover == nil {
		c.Turnover = map[int]decimal.Decimal{}
	}
	c.Turnover[ch.Year] = t
}

// Kind implements Change.
func (Dissolved) Kind() ChangeKind { return ChangeDissolved }

// Apply implements Change.
func (ch Dissolved) Apply(c *coop.Cooperative, on coop.Date) {
	c.Status, c.StatusSince, c.StatusReason = coop.Dissolved, on, ch.Reason
}

// Kind implements Change.
func (LiquidationOpened) Kind() ChangeKind { return ChangeLiquidation }

// Apply implements Change.
func (ch LiquidationOpened) Apply(c *coop.Cooperative, on coop.Date) {
	c.Status, c.StatusSince, c.Liquidator = coop.InLiquidation, on, ch.Liquidator
	if ch.Reason != "" {
		c.StatusReason = ch.Reason
	}
}

// Kind implements Change.
func (StruckOff) Kind() ChangeKind { return ChangeStruckOff }

// Apply implements Change.
func (ch StruckOff) Apply(c *coop.Cooperative, on coop.Date) {
	c.Status, c.StatusSince, c.StatusReason = coop.StruckOff, on, ch.Reason
}

// Redacted implements Redacter.
func (ch BoardElected) Redacted() Change { return BoardElected{Officers: redactOfficers(ch.Officers)} }

// Redacted implements Redacter.
func (ch ManagersAppointed) Redacted() Change {
	return ManagersAppointed{Officers: redactOfficers(ch.Officers)}
}

func redactOfficers(os []coop.Officer) []coop.Officer {
	out := make([]coop.Officer, len(os))
	for i := range os {
		out[i] = os[i].Redacted()
	}
	return out
}

// Redacted implements Redacter: the liquidator is a person.
func (ch LiquidationOpened) Redacted() Change { return LiquidationOpened{Reason: ch.Reason} }
