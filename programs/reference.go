package programs

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteReference writes the catalogue as a Markdown reference for the
// people who apply it: for each programme, its operator, the applicants it
// takes, its calls with their dates, phases and dated parameters, and its
// criteria with the rule each applies and its source; what the sources do
// not confirm is marked so. programs/CATALOGUE.md is the built-in
// catalogue's, and a test keeps it equal to what this writes.
func (c *Catalogue) WriteReference(w io.Writer) error {
	bw := bufio.NewWriter(w)
	rw := refWriter{bw}
	progs := c.Programs()
	rw.p("# The programme catalogue\n\n")
	rw.p("Generated from the catalogue's data by `Catalogue.WriteReference` (catalogue version `%s`): do not edit;\n", c.Version())
	rw.p("`go test ./programs -run TestReference -update` writes it again after a change to `catalogue.yaml`.\n\n")
	for _, pr := range progs {
		rw.p("- [%s](#%s) (`%s`)\n", pr.Names.FR, pr.ID, pr.ID)
	}
	for _, pr := range progs {
		rw.header(&pr)
		rw.calls(&pr)
		rw.parameters(&pr)
		rw.criteria(&pr)
	}
	return bw.Flush()
}

// refWriter writes the reference in Markdown.
type refWriter struct{ bw *bufio.Writer }

func (rw refWriter) p(format string, args ...any) { fmt.Fprintf(rw.bw, format, args...) }

// cell is s as a table cell.
func cell(s string) string { return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s) }

// header writes a programme's title, names, operator, source, applicants,
// benefits and schedule.
func (rw refWriter) header(pr *Program) {
	rw.p("\n<a id=\"%s\"></a>\n## %s\n\n", pr.ID, pr.Names.FR)
	if pr.Names.AR != "" {
		rw.p("%s · ", pr.Names.AR)
	}
	rw.p("ID `%s` · operator: %s · source: %s\n\n", pr.ID, pr.Operator, pr.Reference)
	kinds := make([]string, len(pr.Accepts))
	for i, k := range pr.Accepts {
		kinds[i] = string(k)
	}
	rw.p("Applicants: %s.", strings.Join(kinds, ", "))
	if pr.Benefits != "" {
		rw.p(" Benefits: %s.", strings.TrimSuffix(pr.Benefits, "."))
	}
	if s := pr.Schedule; s != nil {
		rw.p(" Follow-up: %d %s actions within %d months of selection.", s.Visits, s.Kind, s.Months)
	}
}

// calls writes the table of a programme's calls.
func (rw refWriter) calls(pr *Program) {
	rw.p("\n\n### Calls\n\n| call | title | opens | closes | phases | source |\n|---|---|---|---|---|---|\n")
	for _, call := range pr.Calls {
		closes := "—"
		if !call.Closes.IsZero() {
			closes = call.Closes.String()
		}
		if call.Unconfirmed {
			closes += " (unconfirmed: " + cell(call.Note) + ")"
		}
		var phases []string
		for _, ph := range call.Phases {
			phases = append(phases, ph.ID+" ("+strings.Join(ph.Regions, ", ")+")")
		}
		rw.p("| `%s` | %s | %s | %s | %s | %s |\n", call.ID, cell(call.Title().FR), call.Opens, closes, cell(strings.Join(phases, "; ")), cell(call.Reference))
	}
}

// parameters writes the table of the values of a programme's parameters,
// call by call.
func (rw refWriter) parameters(pr *Program) {
	rw.p("\n### Parameters\n\n| call | parameter | value | since | source |\n|---|---|---|---|---|\n")
	for _, call := range pr.Calls {
		for _, par := range call.Parameters {
			for _, d := range par.Values {
				src := par.Reference
				if par.Unconfirmed {
					src = strings.TrimSpace(src + " (unconfirmed: " + par.Note + ")")
				}
				rw.p("| `%s` | `%s` | %s | %s | %s |\n", call.ID, par.Name, cell(d.Value.String()), d.Since, cell(src))
			}
		}
	}
}

// criteria writes the table of a programme's criteria.
func (rw refWriter) criteria(pr *Program) {
	rw.p("\n### Criteria\n\n| criterion | kind | passes when | parameters | source |\n|---|---|---|---|---|\n")
	for _, cr := range pr.Criteria {
		roles := make([]string, 0, len(cr.Params))
		for role, par := range cr.Params {
			if role == par {
				roles = append(roles, "`"+par+"`")
			} else {
				roles = append(roles, "`"+par+"` as "+role)
			}
		}
		slices.Sort(roles)
		doc := cr.Doc
		if cr.Fact != "" {
			doc += " (declared fact `" + cr.Fact + "`)"
		}
		if cr.Unconfirmed {
			doc += " Unconfirmed: " + cr.Note
		}
		rw.p("| `%s` | `%s` | %s | %s | %s |\n", cr.ID, cr.Kind, cell(doc), strings.Join(roles, ", "), cell(cr.Reference))
	}
}
