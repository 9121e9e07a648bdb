package coop

import (
	"strconv"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// Validate checks that c is a consistent description of a cooperative:
// every field by the rules its tags declare (known kind, status, law,
// sector, branch and province; amounts not negative, of at most two
// decimals; text without control characters), then the rules that span
// fields: dates in order, union members that are cooperatives and
// cooperative members that are persons, member IDs given once, a paid part
// within its amount. It reports every problem at once in an Invalid *Error.
// It does not check compliance with the law (a cooperative with four
// members is valid data): CheckLaw does.
func (c *Cooperative) Validate() error {
	var fs Fields
	fs.Merge("", CheckInput(c))
	c.validateDates(&fs)
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

// validateDates checks the dates of the status and of the conformity (art.
// 108).
func (c *Cooperative) validateDates(fs *Fields) {
	if !c.StatusSince.IsZero() && !c.RegisteredOn.IsZero() && c.StatusSince.Before(c.RegisteredOn) {
		fs.Add("status_since", "after", "registered_on", "must not be before the registration date %s", c.RegisteredOn)
	}
	if !c.ConformedOn.IsZero() && c.FoundedUnder != Law2483 {
		fs.Add("conformed_on", "founded_under", "24-83", "applies only to a cooperative founded under Law 24-83 (art. 108)")
	}
}

// validateMember checks a member at p: its type for the cooperative's
// kind, and its dates in order.
func (c *Cooperative) validateMember(fs *Fields, p lazyField, m *Member) {
	if m.Type.Valid() { // an unknown type is reported by its tag
		c.Kind.CheckMemberType(fs, p.String()+".type", m.Type)
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

// validateMovement checks a share movement at q: a paid part within the
// amount.
func validateMovement(fs *Fields, q lazyField, mv *ShareMovement) {
	if mv.Paid.Valid && mv.Paid.Decimal.GreaterThan(mv.Amount) && mv.Kind != Payment {
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
