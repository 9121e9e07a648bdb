package httpapi

import (
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// redactCoop removes the personal data of natural-person members (Law
// 09-08): name, CIN, birth date, phone, address, occupation. The register's
// public facts stay: member numbers, types, genders, dates of joining and
// leaving, shares.
func redactCoop(c *coop.Cooperative) {
	members := make([]coop.Member, len(c.Members))
	for i, m := range c.Members {
		if m.Type == coop.Natural || m.Type == "" {
			m.Name, m.CIN, m.BirthDate, m.Phone, m.Address, m.Occupation = "", coop.CIN{}, coop.Date{}, coop.Phone{}, "", ""
		}
		members[i] = m
	}
	c.Members = members
}

func redactEntry(e *registry.Entry) {
	if e.Change.State != nil {
		s := e.Change.State.Clone()
		redactCoop(&s)
		e.Change.State = &s
	}
	if e.Change.Member != nil {
		c := coop.Cooperative{Members: []coop.Member{*e.Change.Member}}
		redactCoop(&c)
		e.Change.Member = &c.Members[0]
	}
}

func redactApproval(a *registry.NameApproval) {
	sig := make([]registry.Signatory, len(a.Signatories))
	for i := range sig {
		sig[i] = registry.Signatory{Name: "redacted"}
	}
	a.Signatories = sig
}
