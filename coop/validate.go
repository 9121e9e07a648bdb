package coop

import (
	"fmt"
	"strconv"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Validate checks that c is a consistent description of a cooperative:
// known kind, status, law, sector, branch and province; non-negative
// amounts with at most two decimals; dates in order; union members that are
// cooperatives and cooperative members that are persons. It reports every
// problem at once in an Invalid *Error. It does not check compliance with the
// law (a cooperative with four members is valid data): CheckLaw does.
func (c *Cooperative) Validate() error {
	var fs Fields
	c.validateRecord(&fs)
	c.validateStatutes(&fs)
	// Field names are made only for a problem: a valid register of
	// thousands of members is checked without building one.
	var ids map[uuid.UUID]bool
	for i := range c.Members {
		m := &c.Members[i]
		p := lazyField{prefix: "members[", i: i}
		c.validateMember(&fs, p, m)
		if m.ID != uuid.Nil {
			if ids == nil {
				ids = make(map[uuid.UUID]bool, len(c.Members))
			}
			if ids[m.ID] {
				fs.Add(p.String()+".id", "unique", "", "member %s appears twice", m.ID)
			}
			ids[m.ID] = true
		}
		for j := range m.Shares {
			validateMovement(&fs, lazyField{parent: &p, prefix: ".shares[", i: j}, &m.Shares[j])
		}
	}
	for i, o := range c.Governance.Directors {
		checkOfficer(&fs, lazyField{prefix: "governance.directors[", i: i}, o)
	}
	for i, o := range c.Governance.Managers {
		checkOfficer(&fs, lazyField{prefix: "governance.managers[", i: i}, o)
	}
	return fs.Err("coop.Validate", "invalid cooperative")
}

// validateRecord checks the cooperative's own fields: its kind, status,
// law, name, sector, branch and province.
func (c *Cooperative) validateRecord(fs *Fields) {
	if !c.Kind.Valid() {
		fs.Add("kind", "enum", "", "%q is not a kind (cooperative or union)", c.Kind)
	}
	if !c.Status.Valid() {
		fs.Add("status", "enum", "", "%q is not a status (active, dissolved, in-liquidation, struck-off)", c.Status)
	}
	if !c.FoundedUnder.Valid() {
		fs.Add("founded_under", "enum", "", "%q is not a law (112-12 or 24-83)", c.FoundedUnder)
	}
	if len(c.Name) > 200 {
		fs.Add("name", "max", "200", "must be at most 200 characters long")
	}
	if c.Sector != "" && !c.Sector.Valid() {
		fs.Add("sector", "sector", "", "%q is not a sector", c.Sector)
	}
	if c.Branch != "" {
		if _, err := ParseBranch(string(c.Branch)); err != nil {
			fs.Merge("branch", err)
		}
	}
	if c.Province != "" && !c.Province.Valid() {
		fs.Add("province", "province", "", "%q is not a province code", c.Province)
	}
}

// validateStatutes checks the dates of the status and of the conformity
// (art. 108), the statutes and the figures declared: none is negative, and
// amounts have at most two decimals.
func (c *Cooperative) validateStatutes(fs *Fields) {
	if !c.StatusSince.IsZero() && !c.RegisteredOn.IsZero() && c.StatusSince.Before(c.RegisteredOn) {
		fs.Add("status_since", "after", "registered_on", "must not be before the registration date %s", c.RegisteredOn)
	}
	if !c.ConformedOn.IsZero() && c.FoundedUnder != Law2483 {
		fs.Add("conformed_on", "founded_under", "24-83", "applies only to a cooperative founded under Law 24-83 (art. 108)")
	}
	if c.Statutes.DurationYears < 0 {
		fs.Add("statutes.duration_years", "gte", "0", "must not be negative")
	}
	checkAmountField(fs, "statutes.share_nominal", c.Statutes.ShareNominal)
	if c.Statutes.MinSharesPerMember < 0 {
		fs.Add("statutes.min_shares_per_member", "gte", "0", "must not be negative")
	}
	if c.MemberCount != nil && *c.MemberCount < 0 {
		fs.Add("member_count", "gte", "0", "must not be negative")
	}
	if c.LastYearEndMembers != nil && *c.LastYearEndMembers < 0 {
		fs.Add("last_year_end_members", "gte", "0", "must not be negative")
	}
	for y, t := range c.Turnover {
		if !amountOK(t) {
			checkAmountField(fs, fmt.Sprintf("turnover.%d", y), t)
		}
	}
}

// validateMember checks a member at p: its type for the cooperative's
// kind, its gender and exit reason, and its dates in order.
func (c *Cooperative) validateMember(fs *Fields, p lazyField, m *Member) {
	c.Kind.CheckMemberType(fs, p.String()+".type", m.Type)
	if m.Gender != "" && !m.Gender.Valid() {
		fs.Add(p.String()+".gender", "enum", "", "%q is not a gender (female or male)", m.Gender)
	}
	if m.ExitReason != "" && !m.ExitReason.Valid() {
		fs.Add(p.String()+".exit_reason", "enum", "", "%q is not an exit reason", m.ExitReason)
	}
	joined := m.JoinedOn
	if joined.IsZero() {
		joined = c.RegisteredOn
	}
	if !m.LeftOn.IsZero() && !joined.IsZero() && !m.LeftOn.After(joined) {
		fs.Add(p.String()+".left_on", "after", "joined_on", "must be after the joining date %s", joined)
	}
	if !m.BirthDate.IsZero() && !joined.IsZero() && m.BirthDate.After(joined) {
		fs.Add(p.String()+".birth_date", "before", "joined_on", "must not be after the joining date %s", joined)
	}
}

// validateMovement checks a share movement at q: a known kind, shares not
// negative, amounts of at most two decimals, and a paid part within the
// amount.
func validateMovement(fs *Fields, q lazyField, mv *ShareMovement) {
	if !mv.Kind.Valid() {
		fs.Add(q.String()+".kind", "enum", "", "%q is not a share movement", mv.Kind)
	}
	if mv.Shares < 0 {
		fs.Add(q.String()+".shares", "gte", "0", "must not be negative")
	}
	if !amountOK(mv.Amount) {
		checkAmountField(fs, q.String()+".amount", mv.Amount)
	}
	if !mv.Paid.Valid {
		return
	}
	if !amountOK(mv.Paid.Decimal) {
		checkAmountField(fs, q.String()+".paid", mv.Paid.Decimal)
	}
	if mv.Paid.Decimal.GreaterThan(mv.Amount) && mv.Kind != Payment {
		fs.Add(q.String()+".paid", "lte", "amount", "the paid part %s exceeds the amount %s", FormatMAD(mv.Paid.Decimal), FormatMAD(mv.Amount))
	}
}

// lazyField is the name of an element of a list, "members[3]", made only
// when a problem is reported: parent's name, prefix, i and "]".
type lazyField struct {
	parent *lazyField
	prefix string
	i      int
}

// String returns the field's name.
func (f lazyField) String() string {
	s := f.prefix + strconv.Itoa(f.i) + "]"
	if f.parent != nil {
		s = f.parent.String() + s
	}
	return s
}

// amountOK reports whether d is an amount checkAmountField accepts.
func amountOK(d decimal.Decimal) bool { return d.Sign() >= 0 && CheckMAD(d) == nil }

func checkOfficer(fs *Fields, p lazyField, o Officer) {
	if !o.Until.IsZero() && !o.Since.IsZero() && !o.Until.After(o.Since) {
		fs.Add(p.String()+".until", "after", "since", "must be after %s", o.Since)
	}
}

func checkAmountField(fs *Fields, field string, d decimal.Decimal) {
	if d.Sign() < 0 {
		fs.Add(field, "dec_gte0", "", "must not be negative")
	}
	if err := CheckMAD(d); err != nil {
		fs.Add(field, "mad", "", "must have at most two decimals")
	}
}
