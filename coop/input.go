package coop

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The input grammar: what every value given to the registry must be, field
// by field according to its type, before any rule of the law is asked and
// before any store sees it, so that every store takes or refuses the same
// inputs with the same errors.
//
//   - text is valid UTF-8, without control characters (NUL, line breaks,
//     tabs and the other characters of Unicode's Cc category), and at most
//     MaxTextBytes long;
//   - a whole number lies between MinInt and MaxInt, the range of the
//     registry's integer columns;
//   - an amount of money has at most two decimals and 12 digits before the
//     point (CheckMAD), as ParseMAD reads it;
//   - a date lies between FirstDate and LastDate.
//
// Rules that depend on the field (a birth date not after the day of
// admission, a number of shares above zero) are the verbs' own.
const (
	// MaxTextBytes bounds a text field.
	MaxTextBytes = 2000
	// MinInt and MaxInt bound a whole number: the range of a 32-bit
	// integer column.
	MinInt = -1 << 31
	MaxInt = 1<<31 - 1
)

// FirstDate and LastDate bound the dates the registry takes: no person or
// cooperative it records was born or registered before 1900, and no validity
// runs past 2199.
var (
	FirstDate = MustParseDate("1900-01-01")
	LastDate  = MustParseDate("2199-12-31")
)

// CheckText reports an Invalid error (rule "text") unless s is valid UTF-8
// without control characters, of at most max bytes.
func CheckText(s string, max int) error {
	if !utf8.ValidString(s) {
		return Fieldf("", "text", "is not valid UTF-8")
	}
	if len(s) > max {
		return Fieldf("", "text", "is longer than %d bytes", max)
	}
	if i := strings.IndexFunc(s, unicode.IsControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return Fieldf("", "text", "holds the control character U+%04X at byte %d", r, i)
	}
	return nil
}

// CheckDate reports an Invalid error (rule "date-range") when d is set and
// lies outside FirstDate to LastDate.
func CheckDate(d Date) error {
	if !d.IsZero() && (d.Before(FirstDate) || d.After(LastDate)) {
		return Fieldf("", "date-range", "%s is outside %s to %s", d, FirstDate, LastDate)
	}
	return nil
}

var (
	typeDecimal     = reflect.TypeOf(decimal.Decimal{})
	typeNullDecimal = reflect.TypeOf(decimal.NullDecimal{})
	typeDate        = reflect.TypeOf(Date{})
	typeTime        = reflect.TypeOf(time.Time{})
)

// CheckInput checks v, a value or a pointer to one, against the input
// grammar, field by field, and returns an Invalid error listing every field
// that breaks it by its JSON path ("member.name", "founders[2].amount"), or
// nil. It allocates nothing for a valid input given by pointer: field paths
// are written only for the fields in error, and the fields of each struct
// type are read once.
func CheckInput(v any) error {
	var w walker
	rv := reflect.ValueOf(v)
	if rv.IsValid() && rv.Kind() != reflect.Pointer {
		// An addressable copy, so that decimals and dates are read in place.
		p := reflect.New(rv.Type())
		p.Elem().Set(rv)
		rv = p
	}
	w.check(rv)
	return w.fs.Err("coop.CheckInput", "invalid input")
}

// walker walks a value, keeping the path to the field it reads as a stack
// of steps, written out only for a field in error.
type walker struct {
	fs    Fields
	steps []step
}

// step is a field's JSON name, or an index when name is "".
type step struct {
	name  string
	index int
}

func (w *walker) path() string {
	var b strings.Builder
	for _, s := range w.steps {
		switch {
		case s.name == "":
			fmt.Fprintf(&b, "[%d]", s.index)
		case b.Len() > 0:
			b.WriteByte('.')
			b.WriteString(s.name)
		default:
			b.WriteString(s.name)
		}
	}
	return b.String()
}

// field is an exported field of a struct as the walk reads it.
type field struct {
	index     int
	name      string
	anonymous bool
}

var structFields sync.Map // reflect.Type -> []field

func fieldsOf(t reflect.Type) []field {
	if fs, ok := structFields.Load(t); ok {
		return fs.([]field)
	}
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
			continue
		case f.Anonymous && name == "":
			out = append(out, field{index: i, anonymous: true})
			continue
		case name == "":
			name = f.Name
		}
		out = append(out, field{index: i, name: name})
	}
	structFields.Store(t, out)
	return out
}

func (w *walker) check(v reflect.Value) {
	if !v.IsValid() {
		return
	}
	t := v.Type()
	switch t {
	case typeDecimal:
		if v.CanAddr() {
			w.money(*v.Addr().Interface().(*decimal.Decimal))
		} else {
			w.money(v.Interface().(decimal.Decimal))
		}
		return
	case typeNullDecimal:
		var n decimal.NullDecimal
		if v.CanAddr() {
			n = *v.Addr().Interface().(*decimal.NullDecimal)
		} else {
			n = v.Interface().(decimal.NullDecimal)
		}
		if n.Valid {
			w.money(n.Decimal)
		}
		return
	case typeDate:
		d := Date{v: int32(v.Field(0).Int())}
		if !d.IsZero() && (d.Before(FirstDate) || d.After(LastDate)) {
			w.fs.Merge(w.path(), CheckDate(d))
		}
		return
	case typeTime:
		return
	}
	switch t.Kind() {
	case reflect.String:
		if s := v.String(); !cleanText(s) {
			w.fs.Merge(w.path(), CheckText(s, MaxTextBytes))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n := v.Int(); n < MinInt || n > MaxInt {
			w.fs.Add(w.path(), "int-range", fmt.Sprintf("%d..%d", MinInt, MaxInt), "%d is outside %d to %d", n, MinInt, MaxInt)
		}
	case reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n := v.Uint(); n > MaxInt {
			w.fs.Add(w.path(), "int-range", fmt.Sprintf("0..%d", MaxInt), "%d is above %d", n, MaxInt)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			w.check(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return // bytes, as in a UUID
		}
		for i := 0; i < v.Len(); i++ {
			w.steps = append(w.steps, step{index: i})
			w.check(v.Index(i))
			w.steps = w.steps[:len(w.steps)-1]
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			w.steps = append(w.steps, step{name: fmt.Sprint(it.Key().Interface())})
			w.check(it.Key())
			w.check(it.Value())
			w.steps = w.steps[:len(w.steps)-1]
		}
	case reflect.Struct:
		for _, f := range fieldsOf(t) {
			if f.anonymous {
				w.check(v.Field(f.index))
				continue
			}
			w.steps = append(w.steps, step{name: f.name})
			w.check(v.Field(f.index))
			w.steps = w.steps[:len(w.steps)-1]
		}
	}
}

// cleanText reports, without allocating, whether s passes CheckText.
func cleanText(s string) bool {
	if len(s) > MaxTextBytes {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			return !strings.ContainsFunc(s, unicode.IsControl) && utf8.ValidString(s)
		}
	}
	return true
}

func (w *walker) money(d decimal.Decimal) {
	if err := CheckMAD(d); err != nil {
		w.fs.Merge(w.path(), err)
	}
}
