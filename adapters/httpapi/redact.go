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

// redactApproval removes the signatories' names and CIN: how many signed
// is public, who signed is not.
func redactApproval(a *registry.NameApproval) {
	a.Signatories = make([]registry.Signatory, len(a.Signatories))
}
