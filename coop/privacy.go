package coop

import "github.com/google/uuid"

// Personal data (Law 09-08 on the protection of natural persons with
// regard to the processing of personal data): the register is public (Law
// 112-12 art. 9), but the names, CIN, birth dates, phones, addresses and
// occupations of the natural persons in it are not. Redacted values drop
// them, and every link that would lead back to them, and keep the public
// facts: member numbers, types, genders, dates of joining and leaving,
// shares, offices held and their dates.

// Redacted returns the member without a natural person's personal data.
// A legal person or a member cooperative is not a natural person and keeps
// its name and identifiers.
func (m Member) Redacted() Member {
	if m.Type == Natural || m.Type == "" {
		m.Name, m.CIN, m.BirthDate, m.Phone, m.Address, m.Occupation = "", CIN{}, Date{}, Phone{}, "", ""
	}
	return m
}

// Redacted returns the officer without name, and without the link to the
// member who holds the office, which would name them through the register.
func (o Officer) Redacted() Officer {
	o.Name, o.MemberID = "", uuid.Nil
	return o
}

// Redacted returns the governance with its officers redacted; the auditor,
// a firm or a professional acting as such, keeps its name.
func (g Governance) Redacted() Governance {
	out := g.Clone()
	for i := range out.Directors {
		out.Directors[i] = out.Directors[i].Redacted()
	}
	for i := range out.Managers {
		out.Managers[i] = out.Managers[i].Redacted()
	}
	return out
}

// Redacted returns a copy of the cooperative without the personal data of
// its members, its officers and its liquidator. It shares nothing with c that it changed: c is
// not modified.
func (c Cooperative) Redacted() Cooperative {
	if c.Members != nil {
		members := make([]Member, len(c.Members))
		for i := range c.Members {
			members[i] = c.Members[i].Redacted()
		}
		c.Members = members
	}
	c.Governance = c.Governance.Redacted()
	c.Liquidator = ""
	return c
}
