package programs

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	goccy "github.com/goccy/go-yaml"
	goccyparser "github.com/goccy/go-yaml/parser"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/taawun/taawun/coop"
)

// decodeStrict decodes n into v, refusing keys that v does not have, with
// the line of the offending key.
func decodeStrict(n *yaml.Node, v any) error {
	if err := checkKeys(n, reflect.TypeOf(v)); err != nil {
		return err
	}
	if err := n.Decode(v); err != nil {
		return coop.Fieldf("", "yaml", "%s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return nil
}

var nodeType = reflect.TypeOf(yaml.Node{})

// checkKeys walks n along t and reports the first mapping key that t has no
// field for.
func checkKeys(n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if t == nodeType {
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		return checkStructKeys(n, t)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return nil // Decode reports the type mismatch with its line
		}
		for _, item := range n.Content {
			if err := checkKeys(item, t.Elem()); err != nil {
				return err
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 1; i < len(n.Content); i += 2 {
			if err := checkKeys(n.Content[i], t.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkStructKeys checks the keys of mapping n against the yaml names of
// the fields of struct t, and their values below.
func checkStructKeys(n *yaml.Node, t reflect.Type) error {
	if n.Kind != yaml.MappingNode {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return nil
		}
		return coop.Fieldf("", "yaml", "line %d: expected a mapping", n.Line)
	}
	fields := map[string]reflect.Type{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		fields[name] = f.Type
		names = append(names, name)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		ft, ok := fields[k.Value]
		if !ok {
			return coop.Fieldf("", "unknown-key", "line %d: unknown key %q (expected one of %s)", k.Line, k.Value, strings.Join(names, ", "))
		}
		if err := checkKeys(v, ft); err != nil {
			return err
		}
	}
	return nil
}

// lineOf returns the line of the value at path (a field path such as
// "cooperative.members[2].birth_date") below n, or of the deepest node found
// on the way.
func lineOf(n *yaml.Node, path string) int {
	line := n.Line
	for _, part := range splitPath(path) {
		if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
			n = n.Content[0]
		}
		var next *yaml.Node
		if idx, err := strconv.Atoi(part); err == nil && n.Kind == yaml.SequenceNode {
			if idx < len(n.Content) {
				next = n.Content[idx]
			}
		} else if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == part {
					next = n.Content[i+1]
					break
				}
			}
		}
		if next == nil {
			return line
		}
		n, line = next, next.Line
	}
	return line
}

// splitPath splits "a.b[2].c" into a, b, 2, c.
func splitPath(path string) []string {
	path = strings.NewReplacer("[", ".", "]", "").Replace(path)
	var out []string
	for _, p := range strings.Split(path, ".") {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseRatio parses a decimal ratio written with digits and a point, such as
// "0.30"; exponents are refused.
func parseRatio(s string) (Value, error) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '.' {
			return Value{}, strconv.ErrSyntax
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil || s == "" {
		return Value{}, strconv.ErrSyntax
	}
	return Value{Kind: RatioValue, Dec: d}, nil
}

// syntaxError locates a YAML syntax error of doc, which the decoder refused
// with err: the line, the column and what is wrong. The decoder names the
// line where the construct it was reading started, often a line too early,
// and no column; github.com/goccy/go-yaml's parser, asked about the same
// bytes, points at the token at fault. A flow mapping or sequence left open
// is reported at its opening bracket, which is where the officer must
// look. Lines and columns count from 1.
func syntaxError(doc []byte, err error) (line, col int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	line = 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			fmt.Sscanf(n, "%d", &line)
			msg = after
		}
	}
	_, perr := goccyparser.ParseBytes(doc, 0)
	var se *goccy.SyntaxError
	if !errors.As(perr, &se) || se.Token == nil || se.Token.Position == nil {
		return line, 0, msg
	}
	line, col = se.Token.Position.Line, se.Token.Position.Column
	if open, oline, ocol, ok := unclosedBracket(doc, line, col); ok {
		closer := map[byte]string{'{': "}", '[': "]"}[open]
		return oline, ocol, fmt.Sprintf("the %q opened here is not closed: %s expected by line %d, column %d", string(open), quote(closer), line, col)
	}
	return line, col, se.Message
}

// unclosedBracket returns the innermost "{" or "[" of doc opened before
// line and col and not closed by then, outside quotes and comments.
func unclosedBracket(doc []byte, line, col int) (open byte, oline, ocol int, ok bool) {
	sc := bracketScanner{line: 1, col: 1}
	for i := 0; i < len(doc); i++ {
		if sc.line > line || sc.line == line && sc.col >= col {
			break
		}
		sc.step(doc, i)
	}
	if len(sc.stack) == 0 {
		return 0, 0, 0, false
	}
	m := sc.stack[len(sc.stack)-1]
	return m.b, m.line, m.col, true
}

// bracketScanner follows the flow brackets of a YAML document a byte at a
// time: those open, where it stands, and whether it is in a quoted string
// or a comment.
type bracketScanner struct {
	stack     []bracketMark
	line, col int
	quote     byte
	comment   bool
}

// bracketMark is an open bracket and where it is.
type bracketMark struct {
	b         byte
	line, col int
}

// step reads the i-th byte of doc.
func (sc *bracketScanner) step(doc []byte, i int) {
	ch := doc[i]
	if ch == '\n' {
		sc.line, sc.col, sc.comment = sc.line+1, 1, false
		return
	}
	if !sc.inText(doc, i) {
		sc.bracket(ch)
	}
	if ch < 0x80 || ch >= 0xc0 {
		sc.col++ // a column per character, not per byte
	}
}

// inText reports whether the i-th byte of doc is part of a comment or a
// quoted string, opening or closing one.
func (sc *bracketScanner) inText(doc []byte, i int) bool {
	ch := doc[i]
	switch {
	case sc.comment:
	case sc.quote != 0:
		if ch == sc.quote {
			sc.quote = 0
		}
	case ch == '"' || ch == '\'':
		sc.quote = ch
	case ch == '#' && (i == 0 || doc[i-1] == ' ' || doc[i-1] == '\t'):
		sc.comment = true
	default:
		return false
	}
	return true
}

// bracket opens or closes a flow mapping or sequence.
func (sc *bracketScanner) bracket(ch byte) {
	switch {
	case ch == '{' || ch == '[':
		sc.stack = append(sc.stack, bracketMark{ch, sc.line, sc.col})
	case (ch == '}' || ch == ']') && len(sc.stack) > 0:
		sc.stack = sc.stack[:len(sc.stack)-1]
	}
}

func asError(err error, target **coop.Error) bool { return errors.As(err, target) }
