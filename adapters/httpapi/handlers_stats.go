package httpapi

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/stats"
)

func (c *call) wantsCSV() (bool, error) {
	switch f := c.r.URL.Query().Get("format"); f {
	case "csv":
		return true, nil
	case "", "json":
		return f == "" && strings.Contains(c.r.Header.Get("Accept"), "text/csv"), nil
	default:
		return false, coop.Fieldf("format", "enum", "%q: json or csv", coop.Excerpt(f))
	}
}

func hStats(c *call) (reply, error) {
	var fs coop.Fields
	asOf, err := c.dateParam("as_of", false)
	fs.Merge("", err)
	decimals, err := c.intParam("decimals", 1, 0, 4)
	fs.Merge("", err)
	dims, err := c.dimensions()
	fs.Merge("", err)
	csv, err := c.wantsCSV()
	fs.Merge("", err)
	if err := fs.Err("httpapi.Stats", "invalid query"); err != nil {
		return reply{}, err
	}
	m, err := c.readModel()
	if err != nil {
		return reply{}, err
	}
	t, err := stats.CountModel(m, asOf, decimals, dims...)
	if err != nil {
		return reply{}, err
	}
	if csv {
		var b bytes.Buffer
		if err := t.WriteCSV(&b, langOf(c.r)); err != nil {
			return reply{}, err
		}
		return reply{status: http.StatusOK, raw: b.Bytes(), contentType: "text/csv; charset=utf-8"}, nil
	}
	return ok(t), nil
}

func hNational(c *call) (reply, error) {
	var fs coop.Fields
	asOf, err := c.dateParam("as_of", false)
	fs.Merge("", err)
	decimals, err := c.intParam("decimals", 1, 0, 4)
	fs.Merge("", err)
	youth, err := c.intParam("youth_max_age", stats.DefaultYouthMaxAge, 18, 120)
	fs.Merge("", err)
	csv, err := c.wantsCSV()
	fs.Merge("", err)
	if err := fs.Err("httpapi.National", "invalid query"); err != nil {
		return reply{}, err
	}
	m, err := c.readModel()
	if err != nil {
		return reply{}, err
	}
	r, err := stats.NationalModel(m, stats.ReportOptions{AsOf: asOf, Decimals: decimals, YouthMaxAge: youth})
	if err != nil {
		return reply{}, err
	}
	if csv {
		var b bytes.Buffer
		if err := r.WriteCSV(&b, langOf(c.r)); err != nil {
			return reply{}, err
		}
		return reply{status: http.StatusOK, raw: b.Bytes(), contentType: "text/csv; charset=utf-8"}, nil
	}
	return ok(r), nil
}

// dimensions reads the by parameter: one or two dimensions, comma-separated.
func (c *call) dimensions() ([]stats.Dimension, error) {
	var dims []stats.Dimension
	for _, s := range strings.Split(c.r.URL.Query().Get("by"), ",") {
		d, err := stats.ParseDimension(strings.TrimSpace(s))
		if err != nil {
			return nil, coop.AtField("by", err)
		}
		dims = append(dims, d)
	}
	return dims, nil
}
