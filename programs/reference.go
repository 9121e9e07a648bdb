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
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	cell := func(s string) string { return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s) }
	progs := c.Programs()
	p("# The programme catalogue\n\n")
	p("Generated from the catalogue's data by `Catalogue.WriteReference` (catalogue version `%s`): do not edit;\n", c.Version())
	p("`go test ./programs -run TestReference -update` writes it again after a change to `catalogue.yaml`.\n\n")
	for _, pr := range progs {
		p("- [%s](#%s) (`%s`)\n", pr.Names.FR, pr.ID, pr.ID)
	}
	for _, pr := range progs {
		p("\n<a id=\"%s\"></a>\n## %s\n\n", pr.ID, pr.Names.FR)
		if pr.Names.AR != "" {
			p("%s · ", pr.Names.AR)
		}
		p("ID `%s` · operator: %s · source: %s\n\n", pr.ID, pr.Operator, pr.Reference)
		kinds := make([]string, len(pr.Accepts))
		for i, k := range pr.Accepts {
			kinds[i] = string(k)
		}
		p("Applicants: %s.", strings.Join(kinds, ", "))
		if pr.Benefits != "" {
			p(" Benefits: %s.", strings.TrimSuffix(pr.Benefits, "."))
		}
		if s := pr.Schedule; s != nil {
			p(" Follow-up: %d %s actions within %d months of selection.", s.Visits, s.Kind, s.Months)
		}
		p("\n\n### Calls\n\n| call | title | opens | closes | phases | source |\n|---|---|---|---|---|---|\n")
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
			p("| `%s` | %s | %s | %s | %s | %s |\n", call.ID, cell(call.Title().FR), call.Opens, closes, cell(strings.Join(phases, "; ")), cell(call.Reference))
		}
		p("\n### Parameters\n\n| call | parameter | value | since | source |\n|---|---|---|---|---|\n")
		for _, call := range pr.Calls {
			for _, par := range call.Parameters {
				for _, d := range par.Values {
					src := par.Reference
					if par.Unconfirmed {
						src = strings.TrimSpace(src + " (unconfirmed: " + par.Note + ")")
					}
					p("| `%s` | `%s` | %s | %s | %s |\n", call.ID, par.Name, cell(d.Value.String()), d.Since, cell(src))
				}
			}
		}
		p("\n### Criteria\n\n| criterion | kind | passes when | parameters | source |\n|---|---|---|---|---|\n")
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
			p("| `%s` | `%s` | %s | %s | %s |\n", cr.ID, cr.Kind, cell(doc), strings.Join(roles, ", "), cell(cr.Reference))
		}
	}
	return bw.Flush()
}
