package registry_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// inputRoots are the types the registry takes as input: every struct a
// verb of *Registry takes (but settings: the Options types and the CSV
// Dialect), the
// cooperative an import takes and the filter of a listing.
func inputRoots() []reflect.Type {
	roots := []reflect.Type{reflect.TypeFor[coop.Cooperative](), reflect.TypeFor[registry.Filter]()}
	rt := reflect.TypeFor[*registry.Registry]()
	for i := range rt.NumMethod() {
		m := rt.Method(i).Type
		for j := 1; j < m.NumIn(); j++ {
			t := m.In(j)
			for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
				t = t.Elem()
			}
			if t.Kind() == reflect.Struct && (t.PkgPath() == "github.com/taawun/taawun/registry" || t.PkgPath() == "github.com/taawun/taawun/coop") &&
				t != reflect.TypeFor[coop.Date]() && !strings.HasSuffix(t.Name(), "Options") && t != reflect.TypeFor[registry.Dialect]() && !slices.Contains(roots, t) {
				roots = append(roots, t)
			}
		}
	}
	return roots
}

// leaf reports whether a value of type t is checked by a rule of its own
// (text, number, amount, date) rather than walked into.
func leaf(t reflect.Type) bool {
	switch t {
	case reflect.TypeFor[decimal.Decimal](), reflect.TypeFor[decimal.NullDecimal](), reflect.TypeFor[coop.Date]():
		return true
	case reflect.TypeFor[uuid.UUID](), reflect.TypeFor[time.Time]():
		return false
	}
	switch t.Kind() {
	case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// TestInputTagsDeclared checks that every field of every input that holds
// text, a number, an amount or a date declares its rules in a validate tag,
// and that every list or map of them dives into its elements: a field
// without one would take any value.
func TestInputTagsDeclared(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var missing []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() && !f.Anonymous || name == "-" {
				continue
			}
			tag, tagged := f.Tag.Lookup("validate")
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch {
			case tag == "-":
			case leaf(ft):
				if !tagged {
					missing = append(missing, t.String()+"."+f.Name+" "+ft.String())
				}
			case ft.Kind() == reflect.Slice || ft.Kind() == reflect.Map:
				el := ft.Elem()
				if !strings.Contains(tag, "dive") && (leaf(el) || el.Kind() == reflect.Struct && !leaf(el) || ft.Kind() == reflect.Map) && el != reflect.TypeFor[uuid.UUID]() {
					missing = append(missing, t.String()+"."+f.Name+" "+ft.String())
				}
				for el.Kind() == reflect.Pointer {
					el = el.Elem()
				}
				if el.Kind() == reflect.Struct && !leaf(el) && el != reflect.TypeFor[uuid.UUID]() {
					walk(el)
				}
			case ft.Kind() == reflect.Struct && ft != reflect.TypeFor[uuid.UUID]() && ft != reflect.TypeFor[time.Time]():
				walk(ft)
			}
		}
	}
	for _, r := range inputRoots() {
		walk(r)
	}
	if len(missing) > 0 {
		t.Errorf("%d input fields declare no rule:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}
