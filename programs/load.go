package programs

import (
	"bytes"
	"cmp"
	_ "embed"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/taawun/taawun/coop"
)

// builtinCatalogue is the built-in catalogue in the programme format.
//
//go:embed catalogue.yaml
var builtinCatalogue string

const builtinFile = "catalogue.yaml"

// LoadPrograms reads programmes from a YAML document (JSON is accepted: it
// is YAML) and adds them all to the catalogue, or none. name names the
// document in errors ("regional.yaml"). The document is the format of the
// built-in catalogue.yaml:
//
//	programs:
//	  - id: fes-meknes-agri                  # a name: a-z, 0-9, - _ .
//	    names: {fr: "…", ar: "…", en: "…"}   # fr is required
//	    operator: Conseil de la région Fès-Meknès
//	    accepts: [cooperative]               # cooperative, union, person, association, vse, auto-entrepreneur
//	    reference: Call for projects of the region, 2025
//	    benefits: grant of up to 70% of the project
//	    informational: {quota: int}          # parameters no rule reads
//	    facts:                               # the declared facts it reads, named
//	      women-led: {fr: "…", ar: "…", en: "…"}
//	    criteria:                            # by kind (Catalogue.Kinds)
//	      - kind: registered                 # id and reference from the kind
//	      - kind: region
//	        reference: the call, art. 3
//	      - kind: members-aged               # a kind without an ID of its own
//	        id: young-members
//	        params: {max_age: youth_max_age} # a role read from another parameter
//	        reference: the call, art. 4
//	      - {kind: declared, id: women-led, fact: women-led, reference: "the call, art. 5"}
//	      - kind: women-only                 # a rule the sources do not confirm
//	        reference: the call, art. 6
//	        unconfirmed: true
//	        note:                            # a note in English, or in each language
//	          en: the call says "women's cooperatives"
//	          fr: l'appel dit « coopératives féminines »
//	          ar: "…"
//	      - kind: any-of                     # either-or: all-of, any-of, not
//	        id: young-or-women
//	        reference: the call, art. 7
//	        of:                              # the criteria it joins, each with its ID
//	          - kind: existence-max          # less than young_years old: a strict end
//	            id: young
//	            strict: [max]
//	            params: {max_existence_years: young_years}
//	          - {kind: women-share, id: majority, strict: [min]}  # more than min_women_share
//	    grant: {kind: rate-cap}              # or benefit: {kind: honour-loan}
//	    calls:
//	      - id: fes-meknes-agri-2025
//	        names: {fr: "Appel 2025", ar: "…", en: "2025 call"}  # its official title
//	        opens: 2025-03-01
//	        closes: 2025-05-31
//	        reference: Call of 1 March 2025
//	        parameters:
//	          regions: [MA-03]               # in force from the opening
//	          grant_cap:                     # values that change during the call
//	            - {since: 2025-03-01, value: "200000"}
//	            - {since: 2025-04-15, value: "150000"}
//	          young_years: 3
//	          min_women_share: "0.50"        # a majority of women, with strict: [min]
//	          youth_max_age:                 # with its source, and a doubt
//	            value: 40
//	            reference: press release of the region
//	            unconfirmed: true
//	            note: the call text says "young"; 40 is the press release's figure
//	        phases:
//	          - {id: "1", regions: [MA-03]}
//	    translations:                        # the English texts in French and Arabic
//	      - {en: "the call, art. 3", fr: "l'appel, art. 3", ar: "…"}
//
// A criterion's ID defaults to its kind's, its reference to its kind's own
// (a Law article) or else to the programme's, and each parameter role to
// the parameter of the same name; a decision cites the reference of the
// call parameter a criterion reads, when the call gives one. A call's
// dates may be flagged unconfirmed with a note, like a parameter or a
// criterion; a declared fact a criterion reads is named under facts. The
// programme's texts written in English (references, operator, benefits)
// are given in French and Arabic under translations, which decisions cite
// and the reference in those languages writes. A file with a key the format does not
// have, an unknown kind, a role a kind does not have, a parameter that no
// criterion, grant or informational declaration reads, a parameter of the
// wrong kind, two programmes, criteria or calls with one ID, a programme
// already in the catalogue, or a malformed date, amount, ratio, region,
// province, sector or branch is refused whole: the error is an Invalid
// *coop.Error whose field errors each name the field and its place in the
// file ("regional.yaml:12").
func (c *Catalogue) LoadPrograms(name string, r io.Reader) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.snap.Load()
	es, err := readPrograms(s, name, r)
	if err != nil {
		return err
	}
	c.snap.Store(s.with(es...))
	return nil
}

// LoadCalls reads calls for programmes of the catalogue from a YAML or JSON
// document and adds them all, or none. name names the document in errors.
// The document is a list of calls, each written as in LoadPrograms with the
// ID of its programme:
//
//   - program: indh-income
//     id: indh-income-2024-ifrane
//     opens: 2024-02-01
//     closes: 2024-04-30
//     reference: INDH call for projects, Ifrane province, 2024
//     parameters:
//     sectors: [agriculture, handicraft, tourism]
//     provinces: [MA-IFR]
//     youth_max_age: 35
//     min_women_youth_share: "0.30"
//     grant_rate: "0.60"
//     grant_cap:
//   - {since: 2024-02-01, value: "300000"}
//   - {since: 2024-03-15, value: "250000"}
//
// The calls are checked as LoadPrograms checks them; an unknown programme
// and a call ID already used by the programme are refused too.
func (c *Catalogue) LoadCalls(name string, r io.Reader) error {
	const op = "programs.LoadCalls"
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.snap.Load()
	d := &docReader{file: name}
	root := d.parse(r)
	if root == nil {
		return d.fs.Err(op, "invalid calls")
	}
	if root.Kind != yaml.SequenceNode {
		d.fail(root, "", "yaml", "expected a list of calls, each with its programme")
		return d.fs.Err(op, "invalid calls")
	}
	type added struct {
		node  *yaml.Node
		field string
	}
	updated := map[string]*Program{}
	var order []string
	var where []map[int]added // per programme in order: call index → where it is in the document
	for i, n := range root.Content {
		field := "[" + strconv.Itoa(i) + "]"
		keys := d.mapping(n, field, callKeys("program"))
		if keys == nil {
			continue
		}
		pid := d.str(keys["program"], field+".program")
		if keys["program"] == nil {
			d.fail(n, field+".program", "required", "is required")
			continue
		}
		e, ok := s.index[pid]
		if !ok {
			d.fail(keys["program"], field+".program", "program", "unknown programme %q (programmes: %s)", coop.Excerpt(pid), strings.Join(s.programIDs(), ", "))
			continue
		}
		p, seen := updated[pid]
		if !seen {
			cp := cloneProgram(e.prog)
			p = &cp
			updated[pid] = p
			order = append(order, pid)
			where = append(where, map[int]added{})
		}
		call, ok := d.call(n, keys, field, e.params, nil, pid)
		if !ok {
			continue
		}
		if prev, dup := p.Call(call.ID); dup {
			d.fail(keys["id"], field+".id", "unique", "call %q already exists in %s", prev.ID, pid)
			continue
		}
		where[slices.Index(order, pid)][len(p.Calls)] = added{node: n, field: field}
		p.Calls = append(p.Calls, call)
	}
	var es []*entry
	for k, pid := range order {
		e, fs := s.compile(updated[pid])
		for _, f := range fs {
			idx, rest, ok := callPath(f.Field)
			a, found := where[k][idx]
			if !ok || !found {
				f.Source = d.file
				d.fs = append(d.fs, f)
				continue
			}
			f.Field = a.field + rest
			f.Source = d.at(lineOf(a.node, rest))
			d.fs = append(d.fs, f)
		}
		es = append(es, e)
	}
	d.sort()
	if err := d.fs.Err(op, "invalid calls"); err != nil {
		return err
	}
	c.snap.Store(s.with(es...))
	return nil
}

// callPath splits "calls[3].parameters.x" into 3 and ".parameters.x".
func callPath(field string) (int, string, bool) {
	rest, ok := strings.CutPrefix(field, "calls[")
	if !ok {
		return 0, "", false
	}
	num, rest, ok := strings.Cut(rest, "]")
	i, err := strconv.Atoi(num)
	return i, rest, ok && err == nil
}

// readPrograms reads a programme document and returns the catalogue's
// entries for its programmes, or an error listing every problem.
func readPrograms(s *snapshot, name string, r io.Reader) ([]*entry, error) {
	const op = "programs.LoadPrograms"
	d := &docReader{file: name}
	root := d.parse(r)
	if root == nil {
		return nil, d.fs.Err(op, "invalid programmes")
	}
	keys := d.mapping(root, "", []string{"programs"})
	if keys == nil {
		return nil, d.fs.Err(op, "invalid programmes")
	}
	list := keys["programs"]
	if list == nil || list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
		at := root
		if list != nil {
			at = list
		}
		d.fail(at, "programs", "required", "expected a list of programmes")
		return nil, d.fs.Err(op, "invalid programmes")
	}
	var es []*entry
	ids := map[string]string{}
	for i, n := range list.Content {
		field := "programs[" + strconv.Itoa(i) + "]"
		p, calls, ok := d.program(n, field)
		if !ok {
			continue
		}
		if prev, dup := ids[p.ID]; dup {
			d.fail(lineNode(n, "id"), field+".id", "unique", "programme %q already appears at %s", p.ID, prev)
			continue
		}
		ids[p.ID] = d.at(n.Line)
		if _, dup := s.index[p.ID]; dup {
			d.fail(lineNode(n, "id"), field+".id", "unique", "programme %q is already in the catalogue", p.ID)
			continue
		}
		// The criteria, grant and informational declarations say which
		// parameters the calls may set, and of which kind.
		pre, _ := s.compile(&p)
		for j, cn := range calls {
			cf := field + ".calls[" + strconv.Itoa(j) + "]"
			keys := d.mapping(cn, cf, callKeys(""))
			if keys == nil {
				continue
			}
			var unresolved func(string) (ValueKind, bool)
			if pre.unresolved {
				unresolved = s.kinds.roleKind
			}
			if call, ok := d.call(cn, keys, cf, pre.params, unresolved, p.ID); ok {
				p.Calls = append(p.Calls, call)
			}
		}
		e, fs := s.compile(&p)
		for _, f := range fs {
			f.Source = d.at(lineOf(n, f.Field))
			f.Field = field + "." + f.Field
			d.fs = append(d.fs, f)
		}
		es = append(es, e)
	}
	d.sort()
	if err := d.fs.Err(op, "invalid programmes"); err != nil {
		return nil, err
	}
	return es, nil
}

// lineNode returns the value of key in the mapping n, or n.
func lineNode(n *yaml.Node, key string) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return n.Content[i+1]
			}
		}
	}
	return n
}

// docReader reads a programme or call document, collecting every problem
// with its field and its place in the file.
type docReader struct {
	file string
	fs   coop.Fields
}

func (d *docReader) at(line int) string { return d.file + ":" + strconv.Itoa(line) }

// sort puts the problems in the order of their lines in the file; those
// of the whole file first.
func (d *docReader) sort() {
	line := func(f coop.FieldError) int {
		n, _ := strconv.Atoi(strings.TrimPrefix(f.Source, d.file+":"))
		return n
	}
	slices.SortStableFunc(d.fs, func(a, b coop.FieldError) int { return cmp.Compare(line(a), line(b)) })
}

func (d *docReader) fail(n *yaml.Node, field, rule, format string, args ...any) {
	d.fs.Add(field, rule, "", format, args...)
	d.fs[len(d.fs)-1].Source = d.at(n.Line)
}

// parse reads the document's root node; nil when it cannot be read. A
// syntax error is reported at its line and column (syntaxError), as
// "file:line:column".
func (d *docReader) parse(r io.Reader) *yaml.Node {
	b, err := io.ReadAll(r)
	if err != nil {
		d.fs = append(d.fs, coop.FieldError{Rule: "yaml", Message: "the document cannot be read: " + err.Error(), Source: d.file})
		return nil
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(b)).Decode(&doc); err != nil {
		if err == io.EOF {
			d.fs = append(d.fs, coop.FieldError{Rule: "yaml", Message: "the document is empty", Source: d.at(1)})
			return nil
		}
		line, col, msg := syntaxError(b, err)
		src := d.at(line)
		if col > 0 {
			src += ":" + strconv.Itoa(col)
		}
		d.fs = append(d.fs, coop.FieldError{Rule: "yaml", Message: msg, Source: src})
		return nil
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return root
}

// mapping returns the values of the mapping n by key, refusing a node that
// is not a mapping, a key not in allowed and a key given twice; nil when n
// is not a mapping.
func (d *docReader) mapping(n *yaml.Node, field string, allowed []string) map[string]*yaml.Node {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		d.fail(n, field, "yaml", "expected a mapping with the keys %s", strings.Join(allowed, ", "))
		return nil
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		kf := join(field, k.Value)
		switch {
		case !slices.Contains(allowed, k.Value):
			d.fail(k, kf, "unknown-key", "unknown key %q (expected one of %s)", coop.Excerpt(k.Value), strings.Join(allowed, ", "))
		case out[k.Value] != nil:
			d.fail(k, kf, "unique", "key %q appears twice", k.Value)
		default:
			out[k.Value] = deref(v)
		}
	}
	return out
}

// deref returns the node an alias stands for.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

// scalar reports whether n is a scalar, recording a problem when it is
// not.
func (d *docReader) scalar(n *yaml.Node, field, what string) bool {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.fail(n, field, "yaml", "expected %s", what)
		return false
	}
	return true
}

// str returns the text of a scalar; "" for nil or another node.
func (d *docReader) str(n *yaml.Node, field string) string {
	if n == nil || !d.scalar(n, field, "a text") {
		return ""
	}
	return deref(n).Value
}

// strs returns the texts of a list of scalars.
func (d *docReader) strs(n *yaml.Node, field string) []string {
	if n == nil {
		return nil
	}
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		d.fail(n, field, "yaml", "expected a list")
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for i, item := range n.Content {
		if d.scalar(item, field+"["+strconv.Itoa(i)+"]", "a text") {
			out = append(out, deref(item).Value)
		}
	}
	return out
}

// date returns a date written YYYY-MM-DD.
func (d *docReader) date(n *yaml.Node, field string) coop.Date {
	if n == nil || !d.scalar(n, field, "a date written YYYY-MM-DD") {
		return coop.Date{}
	}
	n = deref(n)
	v, err := coop.ParseDate(n.Value)
	if err != nil {
		d.fail(n, field, "date", "%s", fieldMessage(err))
	}
	return v
}

// int returns a whole number.
func (d *docReader) int(n *yaml.Node, field string) int {
	if n == nil || !d.scalar(n, field, "a whole number") {
		return 0
	}
	n = deref(n)
	v, err := strconv.Atoi(n.Value)
	if err != nil || int64(v) != int64(int32(v)) {
		d.fail(n, field, "int", "expected a whole number, not %q", coop.Excerpt(n.Value))
	}
	return v
}

// bool returns true or false.
func (d *docReader) bool(n *yaml.Node, field string) bool {
	if n == nil || !d.scalar(n, field, "true or false") {
		return false
	}
	n = deref(n)
	switch n.Value {
	case "true":
		return true
	case "false":
		return false
	}
	d.fail(n, field, "bool", "expected true or false, not %q", coop.Excerpt(n.Value))
	return false
}

// names returns a name in French, Arabic and English.
func (d *docReader) names(n *yaml.Node, field string) coop.Names {
	if n == nil {
		return coop.Names{}
	}
	nk := d.mapping(n, field, []string{"fr", "ar", "en"})
	if nk == nil {
		return coop.Names{}
	}
	return coop.Names{FR: d.str(nk["fr"], field+".fr"), AR: d.str(nk["ar"], field+".ar"), EN: d.str(nk["en"], field+".en")}
}

// translations reads the translations of a programme's texts: a list of
// {en, fr, ar}, each English text once.
func (d *docReader) translations(n *yaml.Node, field string, p *Program) {
	if n == nil {
		return
	}
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		d.fail(n, field, "list", "expected a list of translations, each {en, fr, ar}")
		return
	}
	seen := map[string]bool{}
	for i, item := range n.Content {
		sf := field + "[" + strconv.Itoa(i) + "]"
		s := d.names(item, sf)
		for _, t := range [...]struct{ lang, text string }{{"en", s.EN}, {"fr", s.FR}, {"ar", s.AR}} {
			if t.text == "" {
				d.fail(item, sf+"."+t.lang, "required", "a translation gives the text in English, French and Arabic")
			}
		}
		if seen[s.EN] {
			d.fail(item, sf+".en", "unique", "the text %q is translated twice", coop.Excerpt(s.EN))
		}
		seen[s.EN] = true
		p.Translations = append(p.Translations, s)
	}
}

// note reads a note: a text, in English, or a mapping of its text in
// each language ({fr, ar, en}), whose English text is the note.
func (d *docReader) note(n *yaml.Node, field string) (string, coop.Names) {
	if n == nil {
		return "", coop.Names{}
	}
	if deref(n).Kind != yaml.MappingNode {
		return d.str(n, field), coop.Names{}
	}
	names := d.names(n, field)
	if names.EN == "" {
		d.fail(n, field+".en", "required", "a note in several languages is given in English too")
	}
	return names.EN, names
}

// strMap returns a mapping of texts.
func (d *docReader) strMap(n *yaml.Node, field string) map[string]string {
	if n == nil {
		return nil
	}
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		d.fail(n, field, "yaml", "expected a mapping")
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if _, dup := out[k.Value]; dup {
			d.fail(k, join(field, k.Value), "unique", "key %q appears twice", k.Value)
			continue
		}
		out[k.Value] = d.str(v, join(field, k.Value))
	}
	return out
}

var programKeys = []string{"id", "names", "operator", "accepts", "reference", "benefits", "schedule", "informational", "facts", "criteria", "grant", "benefit", "calls", "translations"}

// program reads a programme, all but its calls, whose nodes it returns.
func (d *docReader) program(n *yaml.Node, field string) (Program, []*yaml.Node, bool) {
	keys := d.mapping(n, field, programKeys)
	if keys == nil {
		return Program{}, nil, false
	}
	before := len(d.fs)
	p := Program{
		ID:        d.str(keys["id"], field+".id"),
		Operator:  d.str(keys["operator"], field+".operator"),
		Reference: d.str(keys["reference"], field+".reference"),
		Benefits:  d.str(keys["benefits"], field+".benefits"),
	}
	p.Names = d.names(keys["names"], field+".names")
	if fn := keys["facts"]; fn != nil {
		if fn.Kind != yaml.MappingNode {
			d.fail(fn, field+".facts", "yaml", "expected a mapping of declared facts to their names")
		} else {
			p.Facts = map[string]coop.Names{}
			for i := 0; i+1 < len(fn.Content); i += 2 {
				k := fn.Content[i]
				if _, dup := p.Facts[k.Value]; dup {
					d.fail(k, field+".facts."+k.Value, "unique", "fact %q appears twice", k.Value)
					continue
				}
				p.Facts[k.Value] = d.names(fn.Content[i+1], field+".facts."+k.Value)
			}
		}
	}
	d.translations(keys["translations"], field+".translations", &p)
	for _, k := range d.strs(keys["accepts"], field+".accepts") {
		p.Accepts = append(p.Accepts, ApplicantKind(k))
	}
	if sn := keys["schedule"]; sn != nil {
		if sk := d.mapping(sn, field+".schedule", []string{"kind", "visits", "months", "reference"}); sk != nil {
			p.Schedule = &Schedule{Kind: coop.SupportKind(d.str(sk["kind"], field+".schedule.kind")),
				Visits: d.int(sk["visits"], field+".schedule.visits"), Months: d.int(sk["months"], field+".schedule.months"),
				Reference: d.str(sk["reference"], field+".schedule.reference")}
		}
	}
	if in := d.strMap(keys["informational"], field+".informational"); in != nil {
		p.Informational = make(map[string]ValueKind, len(in))
		for k, v := range in {
			p.Informational[k] = ValueKind(v)
		}
	}
	if cn := keys["criteria"]; cn != nil {
		p.Criteria = d.criteria(cn, field+".criteria", 0)
	}
	// A loan is written under benefit; grant is the same key under the
	// name it had when every benefit was a grant.
	gkey := "grant"
	if keys["benefit"] != nil {
		gkey = "benefit"
		if keys["grant"] != nil {
			d.fail(keys["benefit"], field+".benefit", "exclusive", "give benefit or grant, not both: grant is the older name of benefit")
		}
	}
	if gn := keys[gkey]; gn != nil {
		gf := field + "." + gkey
		if gk := d.mapping(gn, gf, []string{"kind", "params"}); gk != nil {
			p.Grant = &Grant{Kind: d.str(gk["kind"], gf+".kind"), Params: d.strMap(gk["params"], gf+".params")}
		}
	}
	var calls []*yaml.Node
	if cn := keys["calls"]; cn != nil {
		if cn.Kind != yaml.SequenceNode {
			d.fail(cn, field+".calls", "yaml", "expected a list of calls")
		} else {
			calls = cn.Content
		}
	}
	return p, calls, len(d.fs) == before
}

// criteria reads a list of criteria; a combinator's, under of, nest at
// depth+1.
func (d *docReader) criteria(n *yaml.Node, field string, depth int) []Criterion {
	if n.Kind != yaml.SequenceNode {
		d.fail(n, field, "yaml", "expected a list of criteria")
		return nil
	}
	if depth >= maxNesting {
		d.fail(n, field, "depth", "combinators nest at most %d deep", maxNesting)
		return nil
	}
	var out []Criterion
	for i, item := range n.Content {
		cf := field + "[" + strconv.Itoa(i) + "]"
		ck := d.mapping(item, cf, []string{"kind", "id", "reference", "doc", "fact", "params", "strict", "accepts", "unconfirmed", "note", "of"})
		if ck == nil {
			continue
		}
		cr := Criterion{Kind: d.str(ck["kind"], cf+".kind"), ID: d.str(ck["id"], cf+".id"),
			Reference: d.str(ck["reference"], cf+".reference"), Doc: d.str(ck["doc"], cf+".doc"),
			Fact: d.str(ck["fact"], cf+".fact"), Params: d.strMap(ck["params"], cf+".params")}
		cr.Note, cr.Notes = d.note(ck["note"], cf+".note")
		if ck["strict"] != nil {
			cr.Strict = d.strs(ck["strict"], cf+".strict")
		}
		if ck["unconfirmed"] != nil {
			cr.Unconfirmed = d.bool(ck["unconfirmed"], cf+".unconfirmed")
		}
		for _, k := range d.strs(ck["accepts"], cf+".accepts") {
			cr.Accepts = append(cr.Accepts, ApplicantKind(k))
		}
		if ck["of"] != nil {
			cr.Of = d.criteria(ck["of"], cf+".of", depth+1)
		}
		out = append(out, cr)
	}
	return out
}

// callKeys are the keys of a call; program, when set, is the key naming
// its programme in a call document.
func callKeys(program string) []string {
	keys := []string{"id", "names", "opens", "closes", "reference", "unconfirmed", "note", "parameters", "phases"}
	if program != "" {
		keys = append([]string{program}, keys...)
	}
	return keys
}

// call reads a call whose parameters are of the kinds in kinds.
// When unresolved is given, a kind of the programme is unknown: a
// parameter of no known kind is not reported unused but checked as the
// kind unresolved gives it, if any (kindSet.roleKind), and left out.
func (d *docReader) call(n *yaml.Node, keys map[string]*yaml.Node, field string, kinds map[string]ValueKind, unresolved func(string) (ValueKind, bool), program string) (Call, bool) {
	before := len(d.fs)
	call := Call{ID: d.str(keys["id"], field+".id"), Reference: d.str(keys["reference"], field+".reference"),
		Names: d.names(keys["names"], field+".names")}
	call.Note, call.Notes = d.note(keys["note"], field+".note")
	if keys["unconfirmed"] != nil {
		call.Unconfirmed = d.bool(keys["unconfirmed"], field+".unconfirmed")
	}
	if keys["opens"] == nil {
		d.fail(n, field+".opens", "required", "is required")
	}
	call.Opens = d.date(keys["opens"], field+".opens")
	if keys["closes"] != nil {
		call.Closes = d.date(keys["closes"], field+".closes")
	}
	if pn := keys["parameters"]; pn != nil {
		if pn.Kind != yaml.MappingNode {
			d.fail(pn, field+".parameters", "yaml", "expected a mapping of parameters")
		} else {
			for i := 0; i+1 < len(pn.Content); i += 2 {
				k, v := pn.Content[i], pn.Content[i+1]
				pf := field + ".parameters." + k.Value
				kind, ok := kinds[k.Value]
				if !ok && unresolved != nil {
					// compile reports the unknown kind; the values are
					// checked all the same.
					if guess, known := unresolved(k.Value); known {
						var fs coop.Fields
						for _, val := range d.parameter(k.Value, guess, v, pf, call.Opens).Values {
							checkValue(&fs, pf, val.Value)
						}
						for _, f := range fs {
							d.fail(v, f.Field, f.Rule, "%s", f.Message)
						}
					}
					continue
				}
				if !ok {
					d.fail(k, pf, "unused", "no criterion of %s reads %q (it reads %s)", program, coop.Excerpt(k.Value), strings.Join(slices.Sorted(maps.Keys(kinds)), ", "))
					continue
				}
				call.Parameters = append(call.Parameters, d.parameter(k.Value, kind, v, pf, call.Opens))
			}
		}
	}
	if ph := keys["phases"]; ph != nil {
		if ph.Kind != yaml.SequenceNode {
			d.fail(ph, field+".phases", "yaml", "expected a list of phases")
		} else {
			for i, item := range ph.Content {
				pf := field + ".phases[" + strconv.Itoa(i) + "]"
				if pk := d.mapping(item, pf, []string{"id", "regions"}); pk != nil {
					call.Phases = append(call.Phases, Phase{ID: d.str(pk["id"], pf+".id"), Regions: d.strs(pk["regions"], pf+".regions")})
				}
			}
		}
	}
	return call, len(d.fs) == before
}

// parameter reads a parameter written as a value in force from the call's
// opening, as a list of dated values, or as a mapping with its value or
// values, its reference, and whether it is unconfirmed with a note.
func (d *docReader) parameter(name string, kind ValueKind, n *yaml.Node, field string, opens coop.Date) Parameter {
	p := Parameter{Name: name}
	dated := func(list *yaml.Node, lf string) {
		if list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
			d.fail(list, lf, "yaml", "expected a list of {since, value}")
			return
		}
		for i, item := range list.Content {
			vf := lf + "[" + strconv.Itoa(i) + "]"
			if vk := d.mapping(item, vf, []string{"since", "value"}); vk != nil {
				if vk["since"] == nil || vk["value"] == nil {
					d.fail(item, vf, "required", "a dated value has a since date and a value")
					continue
				}
				p.Values = append(p.Values, Dated{Since: d.date(vk["since"], vf+".since"), Value: d.value(kind, vk["value"], vf+".value")})
			}
		}
	}
	switch {
	case n.Kind == yaml.SequenceNode && len(n.Content) > 0 && n.Content[0].Kind == yaml.MappingNode:
		dated(n, field)
	case n.Kind == yaml.MappingNode:
		keys := d.mapping(n, field, []string{"value", "since", "values", "reference", "unconfirmed", "note"})
		if keys == nil {
			return p
		}
		p.Reference = d.str(keys["reference"], field+".reference")
		p.Note, p.Notes = d.note(keys["note"], field+".note")
		if keys["unconfirmed"] != nil {
			p.Unconfirmed = d.bool(keys["unconfirmed"], field+".unconfirmed")
		}
		switch {
		case keys["value"] != nil && keys["values"] != nil:
			d.fail(keys["values"], field+".values", "exclusive", "give value or values, not both")
		case keys["values"] != nil:
			if keys["since"] != nil {
				d.fail(keys["since"], field+".since", "exclusive", "each of the values has its own since date")
			}
			dated(keys["values"], field+".values")
		case keys["value"] != nil:
			since := opens
			if keys["since"] != nil {
				since = d.date(keys["since"], field+".since")
			}
			p.Values = []Dated{{Since: since, Value: d.value(kind, keys["value"], field+".value")}}
		default:
			d.fail(n, field+".value", "required", "give the value, or values with their dates")
		}
	default:
		p.Values = []Dated{{Since: opens, Value: d.value(kind, n, field)}}
	}
	return p
}

// value reads a value of the given kind.
func (d *docReader) value(kind ValueKind, n *yaml.Node, field string) Value {
	n = deref(n)
	switch kind {
	case IntValue:
		if !d.scalar(n, field, "a whole number") {
			return Value{Kind: kind}
		}
		i, err := strconv.Atoi(n.Value)
		if err != nil || int64(i) != int64(int32(i)) {
			d.fail(n, field, "int", "expected a whole number, not %q", coop.Excerpt(n.Value))
		}
		return Int(i)
	case AmountValue:
		if !d.scalar(n, field, "an amount") {
			return Value{Kind: kind}
		}
		v, err := coop.ParseMAD(n.Value)
		if err != nil {
			d.fail(n, field, "amount", "expected an amount with at most two decimals such as \"49000\", not %q", coop.Excerpt(n.Value))
		}
		return Value{Kind: AmountValue, Dec: v}
	case DateValue:
		if !d.scalar(n, field, "a date written YYYY-MM-DD") {
			return Value{Kind: kind}
		}
		return Value{Kind: DateValue, Date: d.date(n, field)}
	case RatioValue:
		if !d.scalar(n, field, "a ratio") {
			return Value{Kind: kind}
		}
		v, err := parseRatio(n.Value)
		if err != nil {
			d.fail(n, field, "ratio", "expected a ratio between 0 and 1 such as \"0.30\", not %q", coop.Excerpt(n.Value))
		}
		return v
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, field, "list", "expected a list of %s", kind)
		return Value{Kind: kind}
	}
	return Value{Kind: kind, List: d.strs(n, field)}
}
