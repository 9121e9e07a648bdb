package httpapi

import (
	"bytes"
	"net/http"
	"slices"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// ImportResult answers a register imported from CSV.
type ImportResult struct {
	// Imported is how many cooperatives were stored.
	Imported int `json:"imported"`
}

// hExportRegister writes the register of the cooperatives matching the
// query at a date as CSV; personal data the principal's scope does not
// cover is left empty, as everywhere in the API.
func hExportRegister(c *call) (reply, error) {
	at, err := c.dateParam("as_of", false)
	if err != nil {
		return reply{}, err
	}
	q := c.r.URL.Query()
	f := registry.Filter{Kind: coop.Kind(q.Get("kind")), Region: coop.RegionCode(q.Get("region")), Province: coop.ProvinceCode(q.Get("province")),
		Delegation: coop.DelegationID(q.Get("delegation")), Sector: coop.Sector(q.Get("sector")), Status: coop.Status(q.Get("status"))}
	if err := f.Validate(); err != nil {
		return reply{}, err
	}
	var iterErr error
	var b bytes.Buffer
	err = registry.WriteRegisterCSV(&b, func(yield func(coop.Cooperative) bool) {
		for co := range c.a.reg.Cooperatives(c.ctx, &iterErr) {
			if !f.Matches(&co) {
				continue
			}
			c.redact(&co)
			if !yield(co) {
				return
			}
		}
	}, at)
	if iterErr != nil {
		return reply{}, iterErr
	}
	if err != nil {
		return reply{}, err
	}
	return reply{status: http.StatusOK, raw: b.Bytes(), contentType: "text/csv; charset=utf-8"}, nil
}

// hImportRegister imports a register sent as CSV: every row is checked,
// the principal's scope must cover every cooperative of the file, and
// nothing is stored unless the whole file passes.
func hImportRegister(c *call) (reply, error) {
	cs, err := registry.ReadRegisterCSV(bytes.NewReader(c.body), "register.csv")
	if err != nil {
		return reply{}, err
	}
	for i := range cs {
		if err := c.scoped(cs[i].Province); err != nil {
			return reply{}, err
		}
	}
	n, err := c.a.reg.ImportOwned(c.ctx, slices.Values(cs))
	if err != nil {
		return reply{}, err
	}
	return reply{status: http.StatusCreated, value: ImportResult{Imported: n}}, nil
}
