package httpapi

import (
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// redactCoop removes the personal data of natural persons (Law 09-08):
// members' names, CIN, birth dates, phones, addresses and occupations, and
// officers' names and the links to the members who hold an office. The
// register's public facts stay.
func redactCoop(c *coop.Cooperative) { *c = c.Redacted() }

func redactEntry(e *registry.Entry) { *e = e.Redacted() }

func redactApproval(a *registry.NameApproval) {
	sig := make([]registry.Signatory, len(a.Signatories))
	for i := range sig {
		sig[i] = registry.Signatory{Name: "redacted"}
	}
	a.Signatories = sig
}
