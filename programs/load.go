package programs

import (
	"fmt"
	"io"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/taawun/taawun/coop"
)

// LoadCalls reads calls from a YAML or JSON document (JSON is YAML) and adds
// them all to the catalogue, or none. The document is a list of calls:
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
//     grant_cap:                  # a value that changes during the call
//   - {since: 2024-02-01, value: "300000"}
//   - {since: 2024-03-15, value: "250000"}
//     phases:
//   - {id: "1", regions: [MA-03]}
//
// A scalar parameter value is in force from the call's opening date.
// Parameter names are those of ParameterKinds. Unknown keys, unknown
// parameters, programmes, regions, provinces and sectors, malformed dates
// and amounts are errors naming the line; the catalogue is then unchanged.
func (c *Catalogue) LoadCalls(r io.Reader) error {
	const op = "programs.LoadCalls"
	var doc yaml.Node
	if err := yaml.NewDecoder(r).Decode(&doc); err != nil {
		if err == io.EOF {
			return coop.Fieldf("", "yaml", "the document is empty")
		}
		return &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid document",
			Fields: []coop.FieldError{{Field: "", Rule: "yaml", Message: err.Error()}}}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.SequenceNode {
		return coop.Fieldf("", "yaml", "line %d: expected a list of calls", root.Line)
	}
	var fs coop.Fields
	var calls []ProgramCall
	var lines []int
	for i, n := range root.Content {
		pc, err := decodeCall(n)
		if err != nil {
			fs.Merge(fmt.Sprintf("[%d]", i), err)
			continue
		}
		calls = append(calls, pc)
		lines = append(lines, n.Line)
	}
	if err := fs.Err(op, "invalid calls"); err != nil {
		return err
	}
	return c.addCalls(op, calls, func(i int) string { return fmt.Sprintf("line %d: call %q", lines[i], calls[i].Call.ID) })
}

type callDoc struct {
	Program    string               `yaml:"program"`
	ID         string               `yaml:"id"`
	Opens      string               `yaml:"opens"`
	Closes     string               `yaml:"closes"`
	Reference  string               `yaml:"reference"`
	Parameters map[string]yaml.Node `yaml:"parameters"`
	Phases     []struct {
		ID      string   `yaml:"id"`
		Regions []string `yaml:"regions"`
	} `yaml:"phases"`
}

func decodeCall(n *yaml.Node) (ProgramCall, error) {
	var fs coop.Fields
	var d callDoc
	if err := decodeStrict(n, &d); err != nil {
		return ProgramCall{}, err
	}
	at := func(field string) string { return fmt.Sprintf("line %d: %s", n.Line, field) }
	if d.Program == "" {
		fs.Add(at("program"), "required", "", "is required")
	}
	call := Call{ID: d.ID, Reference: d.Reference}
	var err error
	if call.Opens, err = coop.ParseDate(d.Opens); err != nil {
		fs.Merge(at("opens"), err)
	}
	if d.Closes != "" {
		if call.Closes, err = coop.ParseDate(d.Closes); err != nil {
			fs.Merge(at("closes"), err)
		}
	}
	for name, vn := range d.Parameters {
		vn := vn
		field := fmt.Sprintf("line %d: parameters.%s", vn.Line, name)
		kind, ok := ParameterKinds[name]
		if !ok {
			fs.Add(field, "parameter", "", "unknown parameter %q", name)
			continue
		}
		p, err := decodeParameter(name, kind, &vn, call.Opens)
		if err != nil {
			fs.Merge(field, err)
			continue
		}
		call.Parameters = append(call.Parameters, p)
	}
	sortParameters(call.Parameters)
	for _, ph := range d.Phases {
		call.Phases = append(call.Phases, Phase{ID: ph.ID, Regions: ph.Regions})
	}
	if err := fs.Err("programs.LoadCalls", "invalid call"); err != nil {
		return ProgramCall{}, err
	}
	return ProgramCall{Program: d.Program, Call: call}, nil
}

func sortParameters(ps []Parameter) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Name < ps[j-1].Name; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func decodeParameter(name string, kind ValueKind, n *yaml.Node, opens coop.Date) (Parameter, error) {
	p := Parameter{Name: name}
	dated := n.Kind == yaml.SequenceNode && len(n.Content) > 0 && n.Content[0].Kind == yaml.MappingNode
	if !dated {
		v, err := decodeValue(kind, n)
		if err != nil {
			return p, err
		}
		p.Values = []Dated{{Since: opens, Value: v}}
		return p, nil
	}
	for _, item := range n.Content {
		var dv struct {
			Since string    `yaml:"since"`
			Value yaml.Node `yaml:"value"`
		}
		if err := decodeStrict(item, &dv); err != nil {
			return p, err
		}
		since, err := coop.ParseDate(dv.Since)
		if err != nil {
			return p, coop.AtField(fmt.Sprintf("line %d: since", item.Line), err)
		}
		v, err := decodeValue(kind, &dv.Value)
		if err != nil {
			return p, err
		}
		p.Values = append(p.Values, Dated{Since: since, Value: v})
	}
	return p, nil
}

func decodeValue(kind ValueKind, n *yaml.Node) (Value, error) {
	switch kind {
	case IntValue:
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			return Value{}, coop.Fieldf("", "int", "line %d: expected a whole number", n.Line)
		}
		return Int(i), nil
	case AmountValue:
		d, err := coop.ParseMAD(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			return Value{}, coop.Fieldf("", "amount", "line %d: expected an amount with at most two decimals", n.Line)
		}
		return Value{Kind: AmountValue, Dec: d}, nil
	case RatioValue:
		v, err := parseRatio(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			return Value{}, coop.Fieldf("", "ratio", "line %d: expected a ratio between 0 and 1 such as \"0.30\"", n.Line)
		}
		return v, nil
	}
	if n.Kind != yaml.SequenceNode {
		return Value{}, coop.Fieldf("", "list", "line %d: expected a list", n.Line)
	}
	v := Value{Kind: kind}
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode {
			return Value{}, coop.Fieldf("", "list", "line %d: expected a list of codes", item.Line)
		}
		v.List = append(v.List, item.Value)
	}
	return v, nil
}
