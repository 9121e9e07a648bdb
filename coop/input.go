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
// nil. For a valid input given by pointer it allocates only its path
// stack: field paths are written only for the fields in error, and each
// struct type is planned once.
func CheckInput(v any) error {
	w := walker{steps: make([]step, 0, 8)}
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

// fieldPath is the path to the field named name of the struct being read.
func (w *walker) fieldPath(name string) string {
	w.steps = append(w.steps, step{name: name})
	p := w.path()
	w.steps = w.steps[:len(w.steps)-1]
	return p
}

// structPlan is how the walk reads a struct type: its fields, each with
// the way it is read. Plans are made once per type and never change.
type structPlan struct {
	fields []field
}

// field is an exported field of a struct as the walk reads it: its index,
// JSON name, how it is read and, for a struct, a pointer to one or a slice
// of them, the struct's plan.
type field struct {
	index int
	name  string
	kind  fieldKind
	plan  *structPlan
}

// fieldKind says how the walk reads a value: a leaf it checks in place, a
// value that holds nothing to check, or one it walks into.
type fieldKind uint8

const (
	fieldWalk fieldKind = iota
	fieldEmbedded
	fieldStruct
	fieldStructPointer
	fieldStructSlice
	fieldString
	fieldInt
	fieldUint
	fieldDate
	fieldDecimal
	fieldNullDecimal
	fieldNone
)

var (
	plans  sync.Map   // reflect.Type -> *structPlan
	planMu sync.Mutex // held while plans are made
)

// planOf returns the plan of struct type t, making it (and the plans of
// the structs it holds) on first use.
func planOf(t reflect.Type) *structPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan)
	}
	planMu.Lock()
	defer planMu.Unlock()
	making := map[reflect.Type]*structPlan{}
	p := makePlan(t, making)
	for t, p := range making {
		plans.Store(t, p)
	}
	return p
}

// makePlan makes the plan of t, sharing the plans being made so that a
// type that holds itself is planned once.
func makePlan(t reflect.Type, making map[reflect.Type]*structPlan) *structPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan)
	}
	if p, ok := making[t]; ok {
		return p
	}
	p := &structPlan{}
	making[t] = p
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
			p.fields = append(p.fields, field{index: i, kind: fieldEmbedded})
			continue
		case name == "":
			name = f.Name
		}
		fd := field{index: i, name: name, kind: kindOf(f.Type)}
		if fd.kind == fieldWalk {
			switch ft := f.Type; {
			case isPlainStruct(ft):
				fd.kind, fd.plan = fieldStruct, makePlan(ft, making)
			case ft.Kind() == reflect.Pointer && isPlainStruct(ft.Elem()):
				fd.kind, fd.plan = fieldStructPointer, makePlan(ft.Elem(), making)
			case ft.Kind() == reflect.Slice && isPlainStruct(ft.Elem()):
				fd.kind, fd.plan = fieldStructSlice, makePlan(ft.Elem(), making)
			}
		}
		p.fields = append(p.fields, fd)
	}
	return p
}

// isPlainStruct reports whether t is a struct the walk reads field by
// field (not one it reads as a leaf).
func isPlainStruct(t reflect.Type) bool { return t.Kind() == reflect.Struct && kindOf(t) == fieldWalk }

// kindOf says how a value of type t is read.
func kindOf(t reflect.Type) fieldKind {
	switch t {
	case typeDecimal:
		return fieldDecimal
	case typeNullDecimal:
		return fieldNullDecimal
	case typeDate:
		return fieldDate
	case typeTime:
		return fieldNone
	}
	switch t.Kind() {
	case reflect.String:
		return fieldString
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fieldInt
	case reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return fieldUint
	case reflect.Bool, reflect.Uint8, reflect.Float32, reflect.Float64:
		return fieldNone
	case reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return fieldNone // bytes, as in a UUID
		}
	}
	return fieldWalk
}

func (w *walker) check(v reflect.Value) {
	if !v.IsValid() {
		return
	}
	t := v.Type()
	switch kindOf(t) {
	case fieldNone:
	case fieldString:
		w.text(v.String(), "")
	case fieldInt:
		w.int(v.Int(), "")
	case fieldUint:
		w.uint(v.Uint(), "")
	case fieldDate:
		w.date(Date{v: int32(v.Field(0).Int())}, "")
	case fieldDecimal:
		w.money(decimalOf(v), "")
	case fieldNullDecimal:
		if n := nullDecimalOf(v); n.Valid {
			w.money(n.Decimal, "")
		}
	default:
		if t.Kind() == reflect.Struct {
			w.checkStruct(v, planOf(t))
			return
		}
		w.walk(v, t)
	}
}

// checkStruct checks the fields of a struct by its plan, the leaves in
// place.
func (w *walker) checkStruct(v reflect.Value, p *structPlan) {
	for _, f := range p.fields {
		fv := v.Field(f.index)
		switch f.kind {
		case fieldNone:
		case fieldString:
			w.text(fv.String(), f.name)
		case fieldInt:
			w.int(fv.Int(), f.name)
		case fieldUint:
			w.uint(fv.Uint(), f.name)
		case fieldDate:
			w.date(Date{v: int32(fv.Field(0).Int())}, f.name)
		case fieldDecimal:
			w.money(decimalOf(fv), f.name)
		case fieldNullDecimal:
			if n := nullDecimalOf(fv); n.Valid {
				w.money(n.Decimal, f.name)
			}
		case fieldEmbedded:
			w.check(fv)
		case fieldStruct:
			w.steps = append(w.steps, step{name: f.name})
			w.checkStruct(fv, f.plan)
			w.steps = w.steps[:len(w.steps)-1]
		case fieldStructPointer:
			if !fv.IsNil() {
				w.steps = append(w.steps, step{name: f.name})
				w.checkStruct(fv.Elem(), f.plan)
				w.steps = w.steps[:len(w.steps)-1]
			}
		case fieldStructSlice:
			if n := fv.Len(); n > 0 {
				w.steps = append(w.steps, step{name: f.name}, step{})
				for i := range n {
					w.steps[len(w.steps)-1].index = i
					w.checkStruct(fv.Index(i), f.plan)
				}
				w.steps = w.steps[:len(w.steps)-2]
			}
		default:
			w.steps = append(w.steps, step{name: f.name})
			w.check(fv)
			w.steps = w.steps[:len(w.steps)-1]
		}
	}
}

// walk reads into pointers, interfaces, slices, arrays and maps.
func (w *walker) walk(v reflect.Value, t reflect.Type) {
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			w.check(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return // bytes
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
	}
}

// at is the path of the value being read, or of its field named name.
func (w *walker) at(name string) string {
	if name == "" {
		return w.path()
	}
	return w.fieldPath(name)
}

func (w *walker) text(s, name string) {
	if !cleanText(s) {
		w.fs.Merge(w.at(name), CheckText(s, MaxTextBytes))
	}
}

func (w *walker) int(n int64, name string) {
	if n < MinInt || n > MaxInt {
		w.fs.Add(w.at(name), "int-range", fmt.Sprintf("%d..%d", MinInt, MaxInt), "%d is outside %d to %d", n, MinInt, MaxInt)
	}
}

func (w *walker) uint(n uint64, name string) {
	if n > MaxInt {
		w.fs.Add(w.at(name), "int-range", fmt.Sprintf("0..%d", MaxInt), "%d is above %d", n, MaxInt)
	}
}

func (w *walker) date(d Date, name string) {
	if !d.IsZero() && (d.Before(FirstDate) || d.After(LastDate)) {
		w.fs.Merge(w.at(name), CheckDate(d))
	}
}

func (w *walker) money(d decimal.Decimal, name string) {
	if err := CheckMAD(d); err != nil {
		w.fs.Merge(w.at(name), err)
	}
}

// decimalOf reads a decimal in place when it can.
func decimalOf(v reflect.Value) decimal.Decimal {
	if v.CanAddr() {
		return *v.Addr().Interface().(*decimal.Decimal)
	}
	return v.Interface().(decimal.Decimal)
}

// nullDecimalOf reads a nullable decimal in place when it can.
func nullDecimalOf(v reflect.Value) decimal.NullDecimal {
	if v.CanAddr() {
		return *v.Addr().Interface().(*decimal.NullDecimal)
	}
	return v.Interface().(decimal.NullDecimal)
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
