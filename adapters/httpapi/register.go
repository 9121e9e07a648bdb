package httpapi

import (
	"bufio"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"strconv"

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
// query at a date, their seat and status of that date, in the dialect the
// query names (CSV, the default, or a workbook); personal data the
// principal's scope does not cover is left empty, as everywhere in the API.
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
			return reply{}, coop.Fieldf("dialect", "enum", "%q: rfc4180, excel-fr or xlsx", coop.Excerpt(name))
		}
	}
	// The cooperatives are gathered first (shared snapshots, not copies,
	// but for the ones redacted), so that a failure of the store is still a
	// problem; the rows then stream to the client.
	var iterErr error
	var sel []coop.Cooperative
	for co := range c.a.reg.Cooperatives(c.ctx, &iterErr) {
		if f.MatchesAt(&co, at) {
			c.redact(&co)
			sel = append(sel, co)
		}
	}
	if iterErr != nil {
		return reply{}, iterErr
	}
	c.w.Header().Set("Content-Type", d.ContentType())
	c.w.Header().Set("Content-Disposition", `attachment; filename="registre-`+at.String()+d.Extension()+`"`)
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

// hImportRegister imports a register file, CSV or workbook, read as a
// stream: every row is checked, the principal's scope must cover every
// cooperative of the file, and nothing is stored unless the whole file
// passes. At most Options.MaxImports run at once.
func hImportRegister(c *call) (reply, error) {
	select {
	case c.a.imports <- struct{}{}:
		defer func() { <-c.a.imports }()
	default:
		c.w.Header().Set("Retry-After", "10")
		return reply{}, problem(http.StatusServiceUnavailable, codeBusy,
			"other register imports are running ("+strconv.Itoa(cap(c.a.imports))+" at most): try again in a few seconds")
	}
	body, name, err := c.fileBody()
	if err != nil {
		return reply{}, err
	}
	rep, err := c.a.reg.ImportRegister(c.ctx, body, name, func(co *coop.Cooperative) error { return c.scoped(co.Province) })
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return reply{}, c.tooLarge()
		}
		return reply{}, err
	}
	return reply{status: http.StatusCreated, value: ImportResult{Imported: rep.Imported, Dialect: rep.Dialect.Name}}, nil
}
