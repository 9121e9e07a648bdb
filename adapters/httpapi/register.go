package httpapi

import (
	"bufio"
	"bytes"
	"log/slog"
	"net/http"
	"slices"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// ImportResult answers a register imported from CSV.
type ImportResult struct {
	// Imported is how many cooperatives were stored.
	Imported int `json:"imported"`
	// Dialect is the dialect the file was read in, told by its header
	// line: "rfc4180" or "excel-fr" (registry.Dialects).
	Dialect string `json:"dialect"`
}

// hExportRegister writes the register of the cooperatives matching the
// query at a date as CSV; personal data the principal's scope does not
// cover is left empty, as everywhere in the API.
func hExportRegister(c *call) (reply, error) {
	at, err := c.dateParam("as_of", false)
	if err != nil {
		return reply{}, err
	}
	f := selection(c.r.URL.Query())
	if err := f.Validate(); err != nil {
		return reply{}, err
	}
	d := registry.RFC4180
	if name := c.r.URL.Query().Get("dialect"); name != "" {
		var ok bool
		if d, ok = registry.DialectNamed(name); !ok {
			return reply{}, coop.Fieldf("dialect", "enum", "%q: rfc4180 or excel-fr", coop.Excerpt(name))
		}
	}
	// The cooperatives are gathered first (shared snapshots, not copies,
	// but for the ones redacted), so that a failure of the store is still a
	// problem; the rows then stream to the client.
	var iterErr error
	var sel []coop.Cooperative
	for co := range c.a.reg.Cooperatives(c.ctx, &iterErr) {
		if f.Matches(&co) {
			c.redact(&co)
			sel = append(sel, co)
		}
	}
	if iterErr != nil {
		return reply{}, iterErr
	}
	c.w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	c.w.WriteHeader(http.StatusOK)
	out := bufio.NewWriterSize(c.w, 64<<10)
	err = registry.WriteRegister(out, slices.Values(sel), at, d)
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		// The status is sent: the client sees the file end early.
		c.a.log.Warn("a register export ended early", slog.Any("error", err))
	}
	return reply{streamed: true}, nil
}

// hImportRegister imports a register sent as CSV: every row is checked,
// the principal's scope must cover every cooperative of the file, and
// nothing is stored unless the whole file passes.
func hImportRegister(c *call) (reply, error) {
	cs, d, err := registry.ReadRegister(bytes.NewReader(c.body), "register.csv")
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
	return reply{status: http.StatusCreated, value: ImportResult{Imported: n, Dialect: d.Name}}, nil
}
