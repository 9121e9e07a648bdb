package registry

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// Founder is a founding member with the shares subscribed at formation.
type Founder struct {
	Member coop.Member `json:"member"`
	// Shares is the number of shares subscribed; Amount their nominal value
	// in MAD; Paid what was paid at once (at least a quarter of cash shares,
	// art. 7).
	Shares int             `json:"shares" validate:"int-range"`
	Amount decimal.Decimal `json:"amount" validate:"mad"`
	Paid   decimal.Decimal `json:"paid" validate:"mad"`
	InKind bool            `json:"in_kind,omitempty"`
}

// Registration asks a court to register a cooperative under an approved
// name (arts. 7-11).
type Registration struct {
	ApprovalID uuid.UUID `json:"approval_id"`
	Kind       coop.Kind `json:"kind" validate:"enum"`
	// Court is the code of the court of first instance of the seat; empty
	// means the seat province's code (e.g. "IFR").
	Court        string            `json:"court,omitempty" validate:"text"`
	RegisteredOn coop.Date         `json:"registered_on" validate:"date-range"`
	NameAR       string            `json:"name_ar,omitempty" validate:"text"`
	Sector       coop.Sector       `json:"sector" validate:"sector"`
	Branch       coop.Branch       `json:"branch,omitempty" validate:"omitempty,branch"`
	Province     coop.ProvinceCode `json:"province" validate:"province"`
	Commune      string            `json:"commune,omitempty" validate:"text"`
	Address      string            `json:"address,omitempty" validate:"text"`
	ICE          coop.ICE          `json:"ice,omitzero"`
	Statutes     coop.Statutes     `json:"statutes"`
	Founders     []Founder         `json:"founders" validate:"dive"`
	// Governance names the first officers, which the statutes name (arts. 5,
	// 65): a board of 3 to 12 directors or 1 to 3 managers.
	Governance coop.Governance `json:"governance"`
}

// Register registers a cooperative and returns it with its ID and
// registration number. It needs an approved name still valid on the
// registration date, at least 5 founders (3 cooperatives for a union),
// capital of at least 1000.00 in shares of at least 100.00, each cash share
// at least a quarter paid, a duration of at most 99 years and first officers
// as the law allows. Invalid for a request that breaks these, with every
// problem and its article; NotFound for an unknown approval;
// FailedPrecondition when the approval is used or has expired; Conflict when
// the name is taken.
//
// Guards: Authorize is asked about the cooperative as it would be
// registered; Once keeps the outcome under an idempotency key.
func (r *Registry) Register(ctx context.Context, reg Registration, guards ...Guard) (coop.Cooperative, error) {
	const op = "registry.Register"
	if err := checkInput(op, reg); err != nil {
		return coop.Cooperative{}, err
	}
	court, err := checkRegistration(op, reg, r.today())
	if err != nil {
		return coop.Cooperative{}, err
	}

	c := r.founding(reg, court)
	if err := complies(op, &c, reg.RegisteredOn); err != nil {
		return coop.Cooperative{}, err
	}

	founders, err := unionFounders(op, reg)
	if err != nil {
		return coop.Cooperative{}, err
	}
	err = r.write(ctx, op, uuid.Nil, guards, func(w *writer) error {
		if err := w.guards.check(op, &c, false); err != nil {
			return err
		}
		if err := lockFounders(w, op, founders, reg.RegisteredOn); err != nil {
			return err
		}
		a, err := useApproval(w.tx, op, reg)
		if err != nil {
			return err
		}
		if c.RegistrationNumber, err = nextNumber(w.tx, &c, court, reg.RegisteredOn.Year()); err != nil {
			return err
		}
		c.Name, c.ApprovalID, c.Version = a.Name, a.ID, 1
		entry := Entry{Seq: 1, Kind: EntryRegistration, Effective: reg.RegisteredOn, Recorded: r.recorded(), Change: Registered{State: c}}
		if err := w.tx.Create(c, entry); err != nil {
			return err
		}
		a = a.Clone()
		a.Status, a.CooperativeID, a.Version = ApprovalUsed, c.ID, a.Version+1
		w.put[c.ID], w.result = c, c
		if err := w.tx.PutApproval(a); err != nil {
			return err
		}
		return r.joinFounders(w, &c, founders)
	})
	if err != nil {
		return coop.Cooperative{}, err
	}
	return c, nil
}

// useApproval locks the name approval of a registration and checks that
// it may be used on the registration date (art. 7, D 4).
func useApproval(tx Tx, op string, reg Registration) (NameApproval, error) {
	a, err := tx.LockApproval(reg.ApprovalID)
	if coop.ErrorCode(err) == coop.NotFound {
		return a, refuse(coop.NotFound, op, coop.RuleNameApproval, "approval_id", "approval", "no name approval %s", reg.ApprovalID)
	}
	if err != nil {
		return a, err
	}
	switch {
	case a.Status != ApprovalApproved:
		return a, refuse(coop.FailedPrecondition, op, coop.RuleNameApproval, "approval_id", "approval", "the name approval is %s", a.Status)
	case reg.RegisteredOn.Before(a.DecidedOn):
		return a, refuse(coop.FailedPrecondition, op, coop.RuleNameApproval, "registered_on", "approval", "registration on %s precedes the name approval of %s", reg.RegisteredOn, a.DecidedOn)
	case reg.RegisteredOn.After(a.ValidUntil):
		return a, refuse(coop.FailedPrecondition, op, coop.RuleApprovalValidity, "approval_id", "approval", "the name approval expired on %s", a.ValidUntil)
	}
	return a, nil
}

// nextNumber is the registration number of c: the next of the court's
// sequence for the year, skipping numbers taken over from an imported
// register.
func nextNumber(tx Tx, c *coop.Cooperative, court string, year int) (string, error) {
	part := Part(c)
	for {
		seq, err := tx.Sequence(court, year)
		if err != nil {
			return "", err
		}
		number := FormatNumber(part, court, year, seq)
		taken, err := tx.NumberTaken(number)
		if err != nil || !taken {
			return number, err
		}
	}
}

// joinFounders records on each founding cooperative of union u its
// membership of the union, as one admitted later does (JoinUnion).
func (r *Registry) joinFounders(w *writer, u *coop.Cooperative, founders map[uuid.UUID]int) error {
	for id := range founders {
		g := coop.Grouping{ID: r.newID(), Kind: coop.UnionGrouping, Name: u.Name, GroupID: u.ID, From: u.RegisteredOn}
		if _, err := w.change(id, u.RegisteredOn, EntryModification, func(*coop.Cooperative) (Change, error) {
			return GroupingJoined{Grouping: g}, nil
		}); err != nil {
			return err
		}
	}
	return nil
}

// founding is the cooperative a registration founds, before its name and
// number: its founders as members from the registration date, each with
// the shares subscribed, and its first officers.
func (r *Registry) founding(reg Registration, court string) coop.Cooperative {
	c := coop.Cooperative{ID: r.newID(), Kind: reg.Kind, NameAR: reg.NameAR, Court: court, ICE: reg.ICE,
		Sector: reg.Sector, Branch: reg.Branch, Province: reg.Province, Commune: reg.Commune, Address: reg.Address,
		RegisteredOn: reg.RegisteredOn, Status: coop.Active, FoundedUnder: coop.Law11212, Statutes: reg.Statutes,
		Governance: reg.Governance.Clone()}
	for i, f := range reg.Founders {
		m := f.Member
		m.ID, m.Number, m.JoinedOn, m.LeftOn, m.ExitReason, m.Withdrawal = r.newID(), i+1, reg.RegisteredOn, coop.Date{}, "", nil
		m.Shares = []coop.ShareMovement{{Kind: coop.Subscription, On: reg.RegisteredOn, Shares: f.Shares,
			Amount: coop.RoundMAD(f.Amount), Paid: decimal.NewNullDecimal(coop.RoundMAD(f.Paid)), InKind: f.InKind}}
		c.Members = append(c.Members, m)
	}
	for i := range c.Governance.Directors {
		c.Governance.Directors[i].Since = reg.RegisteredOn
	}
	for i := range c.Governance.Managers {
		c.Governance.Managers[i].Since = reg.RegisteredOn
	}
	return c
}

// complies refuses a cooperative that would not comply with Law 112-12 on
// on, naming each rule of CheckLaw it would fail; the error names the
// first.
func complies(op string, c *coop.Cooperative, on coop.Date) error {
	rep := coop.CheckLaw(c, on)
	if rep.Outcome != coop.NonCompliant {
		return nil
	}
	var fs coop.Fields
	var first coop.Rule
	for _, x := range rep.Results {
		if x.Outcome == coop.Fail {
			fs = append(fs, coop.FieldError{Field: "founders", Rule: x.ID, Message: x.Reason.Text(coop.EN) + " (" + x.Reference + ")"})
			if first.ID == "" {
				first = coop.Rule{ID: x.ID, Article: x.Reference, State: true}
			}
		}
	}
	return withRule(fs.Err(op, "the cooperative would not comply with Law 112-12"), first)
}

// checkRegistration checks a registration's values as the statutes and
// the law require them (arts. 5, 7, 11, 14, 26, 47, 50, 65, 85) and returns
// the court that registers it: every problem at once, at its field.
func checkRegistration(op string, reg Registration, today coop.Date) (string, error) {
	var fs coop.Fields
	fs.Merge("", noID(op, "approval_id", reg.ApprovalID))
	court := checkSeat(&fs, reg, today)
	checkStatutes(&fs, reg.Statutes)
	checkFounders(&fs, reg)
	checkFirstOfficers(&fs, reg.Governance, reg.Kind == coop.KindUnion)
	if err := fs.Err(op, "invalid registration"); err != nil {
		return "", withRule(err, coop.RuleFounding)
	}
	return court, nil
}

// checkSeat checks the kind, the date, the sector and the seat of a
// registration, and returns its court: the one given, or the province's.
func checkSeat(fs *coop.Fields, reg Registration, today coop.Date) string {
	switch {
	case reg.RegisteredOn.IsZero():
		fs.Add("registered_on", "required", "", "is required")
	case reg.RegisteredOn.After(today):
		fs.Add("registered_on", "not-future", "", "%s is after today", reg.RegisteredOn)
	}
	court := strings.ToUpper(strings.TrimSpace(reg.Court))
	if court == "" {
		court = strings.TrimPrefix(string(reg.Province), "MA-")
	}
	if !validCourt(court) {
		fs.Add("court", "court", "", "%q is not a court code (2 to 16 letters, digits or hyphens)", reg.Court)
	}
	return court
}

// checkStatutes checks the duration (art. 5) and the share's value (art.
// 26) the statutes state.
func checkStatutes(fs *coop.Fields, st coop.Statutes) {
	switch {
	case st.DurationYears <= 0:
		fs.Add("statutes.duration_years", "required", "", "the statutes state the duration (art. 5)")
	case st.DurationYears > coop.MaxDurationYears:
		fs.Add("statutes.duration_years", "lte", "99", "%d years; at most %d (art. 5)", st.DurationYears, coop.MaxDurationYears)
	}
	if st.ShareNominal.LessThan(coop.MinShareNominal()) || coop.CheckMAD(st.ShareNominal) != nil {
		fs.Add("statutes.share_nominal", "gte", "100.00", "a share is worth at least 100.00 MAD, with at most two decimals (art. 26); got %s", st.ShareNominal)
	}
}

// checkFounders checks the founders: as many as the kind requires (arts.
// 14, 85), each a member the register can record, subscribing shares at
// their value, and the capital they subscribe (art. 26).
func checkFounders(fs *coop.Fields, reg Registration) {
	union := reg.Kind == coop.KindUnion
	min := coop.KindOf(union).MinMembers()
	if len(reg.Founders) < min {
		fs.Add("founders", "min", fmt.Sprint(min), "%d founders; at least %d are required (%s)", len(reg.Founders), min,
			strings.TrimPrefix(coop.KindOf(union).MembersArticle(), "Law 112-12 "))
	}
	capital := decimal.Zero
	for i, f := range reg.Founders {
		p := fmt.Sprintf("founders[%d]", i)
		checkMember(fs, p+".member", f.Member, union, reg.RegisteredOn)
		checkSubscription(fs, p, f.Shares, f.Amount, f.Paid, f.InKind, reg.Statutes.ShareNominal)
		capital = capital.Add(f.Amount)
	}
	if len(reg.Founders) >= min && capital.LessThan(coop.MinCapital()) {
		fs.Add("founders", "capital-min", "1000.00", "subscribed capital %s MAD; at least 1000.00 MAD (art. 26)", coop.FormatMAD(capital))
	}
}

// unionFounders returns the registered cooperatives that found a union,
// each with the index of its founder, refusing one named twice.
func unionFounders(op string, reg Registration) (map[uuid.UUID]int, error) {
	if reg.Kind != coop.KindUnion {
		return nil, nil
	}
	out := map[uuid.UUID]int{}
	for i, f := range reg.Founders {
		id := f.Member.CooperativeID
		if id == uuid.Nil {
			continue
		}
		if _, dup := out[id]; dup {
			return nil, refuse(coop.Invalid, op, coop.RuleUnionMembers, fmt.Sprintf("founders[%d].member.cooperative_id", i), "unique",
				"the cooperative %s is named twice among the founders", id)
		}
		out[id] = i
	}
	return out, nil
}

// lockFounders locks the registered cooperatives that found a union, so
// that the guards (the principal's scope) are checked on each, as when a
// union admits one (JoinUnion), and checks that each is an active
// cooperative on the date of registration.
func lockFounders(w *writer, op string, founders map[uuid.UUID]int, on coop.Date) error {
	if len(founders) == 0 {
		return nil
	}
	art := coop.RuleUnionMembers
	ids := make([]uuid.UUID, 0, len(founders))
	for id := range founders {
		ids = append(ids, id)
	}
	for _, id := range lockOrder(ids) {
		field := fmt.Sprintf("founders[%d].member.cooperative_id", founders[id])
		cs, err := w.lock(id)
		if coop.ErrorCode(err) == coop.NotFound {
			return refuse(coop.NotFound, op, art, field, "exists", "no cooperative %s: a union's members are registered cooperatives", id)
		}
		if err != nil {
			return err
		}
		c := &cs[0]
		if c.Kind != coop.KindCooperative {
			return refuse(coop.Invalid, op, art, field, "union-member", "%s is not a cooperative: a union's members are cooperatives", c.Name)
		}
		if err := mustBeActive(op, c, on); err != nil {
			return coop.AtField(field, err)
		}
	}
	return nil
}

// Registered is a first registration (art. 11): the cooperative as it was
// registered.
type Registered struct {
	State coop.Cooperative `json:"state"`
}

// Kind implements Change.
func (Registered) Kind() ChangeKind { return ChangeRegistered }

// Apply implements Change: the state is the cooperative as registered.
func (ch Registered) Apply(c *coop.Cooperative, _ coop.Date) { *c = ch.State.Clone() }

func validCourt(s string) bool {
	if len(s) < 2 || len(s) > 16 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// checkMember checks a member as the register records it (art. 17).
// A member's joining date is on; a birth date is not after it.
func checkMember(fs *coop.Fields, p string, m coop.Member, union bool, on coop.Date) {
	coop.KindOf(union).CheckMemberType(fs, p+".type", m.Type)
	checkMemberName(fs, p+".name", m.Name)
	if !m.BirthDate.IsZero() && m.BirthDate.After(on) {
		fs.Add(p+".birth_date", "not-after", on.String(), "born on %s, after joining on %s", m.BirthDate, on)
	}
}

// checkMemberName checks a member's name as the register records it (art.
// 17): given, and at most maxNameBytes long.
func checkMemberName(fs *coop.Fields, field, name string) {
	if strings.TrimSpace(name) == "" {
		fs.Add(field, "required", "", "the register records each member's name (art. 17)")
	}
	if len(name) > maxNameBytes {
		fs.Add(field, "max", "200", "a name is at most %d bytes long", maxNameBytes)
	}
}

// maxNameBytes bounds the name of a member or an officer.
const maxNameBytes = 200

// checkSubscription checks a subscription of shares: a positive number of
// shares worth their nominal value, at most two decimals, and at least a
// quarter of a cash subscription paid at once (arts. 7, 26).
func checkSubscription(fs *coop.Fields, prefix string, shares int, amount, paid decimal.Decimal, inKind bool, nominal decimal.Decimal) {
	p := func(name string) string {
		if prefix == "" {
			return name
		}
		return prefix + "." + name
	}
	if shares <= 0 {
		fs.Add(p("shares"), "gt", "0", "at least one share")
	}
	if amount.Sign() <= 0 || coop.CheckMAD(amount) != nil {
		fs.Add(p("amount"), "amount", "", "a positive amount with at most two decimals")
	} else if shares > 0 && nominal.Sign() > 0 && !amount.Equal(nominal.Mul(decimal.NewFromInt(int64(shares)))) {
		fs.Add(p("amount"), "nominal", coop.FormatMAD(nominal), "%d shares of %s MAD are worth %s, not %s (art. 26)", shares, coop.FormatMAD(nominal),
			coop.FormatMAD(nominal.Mul(decimal.NewFromInt(int64(shares)))), coop.FormatMAD(amount))
	}
	switch {
	case paid.Sign() < 0 || coop.CheckMAD(paid) != nil:
		fs.Add(p("paid"), "amount", "", "a non-negative amount with at most two decimals")
	case paid.GreaterThan(amount):
		fs.Add(p("paid"), "lte", "amount", "paid %s exceeds the %s subscribed", coop.FormatMAD(paid), coop.FormatMAD(amount))
	case !inKind && paid.LessThan(coop.MinPaidOnSubscribing(amount)):
		fs.Add(p("paid"), "quarter", coop.FormatMAD(coop.MinPaidOnSubscribing(amount)), "at least a quarter of cash shares is paid on subscribing: %s of %s (art. 7)", coop.FormatMAD(paid), coop.FormatMAD(amount))
	}
}

// checkFirstOfficers checks the officers named in the statutes: a board of
// 3 to 12 directors, a multiple of 3 (art. 50), or 1 to 3 managers (art.
// 65); a union is always run by a board (art. 87).
func checkFirstOfficers(fs *coop.Fields, g coop.Governance, union bool) {
	d, m := len(g.Directors), len(g.Managers)
	switch {
	case d > 0 && m > 0:
		fs.Add("governance", "board-or-managers", "", "a cooperative is run by a board or by managers, not both (art. 47)")
	case d == 0 && m == 0:
		fs.Add("governance", "required", "", "the statutes name the first officers: a board or managers (arts. 5, 65)")
	case union && m > 0:
		fs.Add("governance.managers", "union-board", "", "a union is run by a board (art. 87)")
	case d > 0 && !coop.BoardSizeValid(d):
		fs.Add("governance.directors", "board-size", "3-12", "%d directors; a board has 3 to 12, a multiple of 3 (art. 50)", d)
	case m > coop.MaxManagers:
		fs.Add("governance.managers", "managers-max", "3", "%d managers; at most 3 (art. 65)", m)
	}
	for i, o := range append(g.Directors, g.Managers...) {
		if strings.TrimSpace(o.Name) == "" {
			fs.Add(fmt.Sprintf("governance.officers[%d].name", i), "required", "", "is required")
		}
	}
}

// Redacted implements Redacter.
func (ch Registered) Redacted() Change { return Registered{State: ch.State.Redacted()} }
