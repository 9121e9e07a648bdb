package httpapi

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"iter"
	"reflect"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// The JSON grammar of request bodies, checked against the Go type a body
// decodes into before it is decoded, so that every input takes one form:
//
//   - an object's keys are the field names exactly ("on", never "ON"), each
//     at most once;
//   - an amount of money is a JSON string in the grammar of coop.ParseMAD
//     ("100", "100.5", "-0.25"), never a number, an exponent or a plus sign;
//   - a whole number is an integer literal;
//   - every other value has the JSON type of its field.
//
// encoding/json alone matches keys without regard to case, keeps the last
// of two equal keys, and reads decimals from numbers and exponents.

var (
	tDecimalIn     = reflect.TypeOf(decimal.Decimal{})
	tNullDecimalIn = reflect.TypeOf(decimal.NullDecimal{})
	tUUIDIn        = reflect.TypeOf(uuid.UUID{})
	tTimeIn        = reflect.TypeOf(time.Time{})
	tTextIn        = reflect.TypeOf(programs.Text(""))
	tRawIn         = reflect.TypeOf(json.RawMessage{})
	textUnmarshal  = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

// strictJSON checks body against the JSON grammar of t and returns an
// Invalid error naming every field that breaks it (the body itself as
// "body"), or nil.
func strictJSON(body []byte, t reflect.Type) error {
	s := &strict{dec: json.NewDecoder(bytes.NewReader(body))}
	s.dec.UseNumber()
	if err := s.value(t, bodyField); err != nil {
		return jsonError(err)
	}
	return s.fs.Err("httpapi", "invalid input")
}

type strict struct {
	dec *json.Decoder
	fs  coop.Fields
}

// jsonField is a field of a struct as encoding/json sees it.
type jsonField struct {
	// Name is its JSON name.
	Name  string
	Field reflect.StructField
	// Owner is the struct that declares it: an embedded one for a promoted
	// field.
	Owner reflect.Type
	// Omitted tells that it is left out when empty (omitempty, omitzero).
	Omitted bool
}

// jsonFields yields the fields of struct t as encoding/json writes them,
// in order, with the fields of embedded structs promoted; fields named
// "-", unexported ones and functions are left out.
func jsonFields(t reflect.Type) iter.Seq[jsonField] {
	return func(yield func(jsonField) bool) {
		var walk func(t reflect.Type) bool
		walk = func(t reflect.Type) bool {
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
				if name == "-" || f.Type.Kind() == reflect.Func {
					continue
				}
				if f.Anonymous && name == "" {
					ft := f.Type
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if ft.Kind() == reflect.Struct {
						if !walk(ft) {
							return false
						}
						continue
					}
				}
				if !f.IsExported() {
					continue
				}
				if name == "" {
					name = f.Name
				}
				omitted := strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
				if !yield(jsonField{Name: name, Field: f, Owner: t, Omitted: omitted}) {
					return false
				}
			}
			return true
		}
		walk(t)
	}
}

// fieldsOf returns the JSON names of t's fields and their types.
func fieldsOf(t reflect.Type) map[string]reflect.Type {
	into := map[string]reflect.Type{}
	for f := range jsonFields(t) {
		into[f.Name] = f.Field.Type
	}
	return into
}

// bodyField names the body of a request in its errors.
const bodyField = "body"

func at(path, name string) string {
	if path == "" || path == bodyField {
		return name
	}
	return path + "." + name
}

// value reads one JSON value and checks it against t.
func (s *strict) value(t reflect.Type, path string) error {
	tok, err := s.dec.Token()
	if err != nil {
		return err
	}
	if tok == nil { // null: encoding/json leaves the field as it was
		return nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	wrong := func(want string) error {
		s.fs.Add(path, "type", want, "expected %s", want)
		return s.skip(tok)
	}
	switch t {
	case tDecimalIn, tNullDecimalIn:
		str, ok := tok.(string)
		if !ok {
			s.fs.Add(path, "amount", "", "an amount is a JSON string of digits with at most two decimals, such as \"100.50\"")
			return s.skip(tok)
		}
		if _, err := coop.ParseMAD(str); err != nil {
			s.fs.Merge(path, err)
		}
		return nil
	case tUUIDIn, tTimeIn, tTextIn:
		if _, ok := tok.(string); !ok {
			return wrong("a string")
		}
		return nil
	case tRawIn:
		return s.skip(tok)
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshal) {
		return s.text(tok, t, path)
	}
	if t.Kind() == reflect.Interface {
		return s.skip(tok)
	}
	return s.read(tok, t, path)
}

// text checks a value read from text (a date, a CIN, an ICE, a telephone
// number): a string that t reads, so that its error names its field.
func (s *strict) text(tok json.Token, t reflect.Type, path string) error {
	str, ok := tok.(string)
	if !ok {
		s.fs.Add(path, "type", "a string", "expected a string")
		return s.skip(tok)
	}
	v := reflect.New(t).Interface().(encoding.TextUnmarshaler)
	if err := v.UnmarshalText([]byte(str)); err != nil && str != "" {
		s.fs.Merge(path, err)
	}
	return nil
}

// read checks a value whose first token is tok against t.
func (s *strict) read(tok json.Token, t reflect.Type, path string) error {
	wrong := func(want string) error {
		s.fs.Add(path, "type", want, "expected %s", want)
		return s.skip(tok)
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			return wrong("a list")
		}
		return s.list(t, path)
	case reflect.Map:
		if d, ok := tok.(json.Delim); !ok || d != '{' {
			return wrong("an object")
		}
		return s.object(path, func(string) (reflect.Type, bool) { return t.Elem(), true })
	case reflect.Struct:
		if d, ok := tok.(json.Delim); !ok || d != '{' {
			return wrong("an object")
		}
		fields := fieldsOf(t)
		return s.object(path, func(key string) (reflect.Type, bool) { ft, ok := fields[key]; return ft, ok })
	}
	if want := s.scalar(tok, t.Kind(), path); want != "" {
		return wrong(want)
	}
	return nil
}

// scalar checks a string, boolean or number token against kind k, and
// returns what was expected instead when it is of another type.
func (s *strict) scalar(tok json.Token, k reflect.Kind, path string) string {
	switch k {
	case reflect.String:
		if _, ok := tok.(string); !ok {
			return "a string"
		}
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			return "true or false"
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := tok.(json.Number)
		if !ok {
			return "a whole number"
		}
		if strings.ContainsAny(string(n), ".eE+") {
			s.fs.Add(path, "integer", "", "%s is not a whole number written with digits", coop.Excerpt(string(n)))
		}
	case reflect.Float32, reflect.Float64:
		if _, ok := tok.(json.Number); !ok {
			return "a number"
		}
	}
	return ""
}

// list checks the elements of a list, its opening bracket read, against
// the element type of t, and reads its closing bracket.
func (s *strict) list(t reflect.Type, path string) error {
	for i := 0; s.dec.More(); i++ {
		if err := s.value(t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
	}
	_, err := s.dec.Token()
	return err
}

// object checks the members of an object, its opening brace read: each key
// given once and known to field, which says the type of its value, and
// reads its closing brace.
func (s *strict) object(path string, field func(key string) (reflect.Type, bool)) error {
	seen := map[string]bool{}
	for s.dec.More() {
		k, err := s.dec.Token()
		if err != nil {
			return err
		}
		key := k.(string)
		ft, known := field(key)
		switch {
		case !known:
			s.fs.Add(at(path, key), "unknown-field", "", "unknown field")
			if err := s.skipValue(); err != nil {
				return err
			}
			continue
		case seen[key]:
			s.fs.Add(at(path, key), "duplicate", "", "given twice")
		}
		seen[key] = true
		if err := s.value(ft, at(path, key)); err != nil {
			return err
		}
	}
	_, err := s.dec.Token()
	return err
}

// skip consumes the rest of a value whose first token is tok.
func (s *strict) skip(tok json.Token) error {
	d, ok := tok.(json.Delim)
	if !ok || (d != '{' && d != '[') {
		return nil
	}
	for depth := 1; depth > 0; {
		t, err := s.dec.Token()
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok {
			switch d {
			case '{', '[':
				depth++
			default:
				depth--
			}
		}
	}
	return nil
}

func (s *strict) skipValue() error {
	tok, err := s.dec.Token()
	if err != nil {
		return err
	}
	return s.skip(tok)
}
