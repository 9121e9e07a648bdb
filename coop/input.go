package coop

import (
	"fmt"
	"reflect"
	"strings"
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
// nil.
func CheckInput(v any) error {
	var fs Fields
	checkValue(&fs, "", reflect.ValueOf(v))
	return fs.Err("coop.CheckInput", "invalid input")
}

func checkValue(fs *Fields, path string, v reflect.Value) {
	if !v.IsValid() {
		return
	}
	t := v.Type()
	switch t {
	case typeDecimal:
		checkMoney(fs, path, v.Interface().(decimal.Decimal))
		return
	case typeNullDecimal:
		if n := v.Interface().(decimal.NullDecimal); n.Valid {
			checkMoney(fs, path, n.Decimal)
		}
		return
	case typeDate:
		if err := CheckDate(v.Interface().(Date)); err != nil {
			fs.Merge(path, err)
		}
		return
	case typeTime:
		return
	}
	switch t.Kind() {
	case reflect.String:
		if err := CheckText(v.String(), MaxTextBytes); err != nil {
			fs.Merge(path, err)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n := v.Int(); n < MinInt || n > MaxInt {
			fs.Add(path, "int-range", fmt.Sprintf("%d..%d", MinInt, MaxInt), "%d is outside %d to %d", n, MinInt, MaxInt)
		}
	case reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n := v.Uint(); n > MaxInt {
			fs.Add(path, "int-range", fmt.Sprintf("0..%d", MaxInt), "%d is above %d", n, MaxInt)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkValue(fs, path, v.Elem())
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return // bytes, as in a UUID
		}
		for i := 0; i < v.Len(); i++ {
			checkValue(fs, fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			k := fmt.Sprint(it.Key().Interface())
			checkValue(fs, join(path, k), it.Key())
			checkValue(fs, join(path, k), it.Value())
		}
	case reflect.Struct:
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
				checkValue(fs, path, v.Field(i))
				continue
			case name == "":
				name = f.Name
			}
			checkValue(fs, join(path, name), v.Field(i))
		}
	}
}

func checkMoney(fs *Fields, path string, d decimal.Decimal) {
	if err := CheckMAD(d); err != nil {
		fs.Merge(path, err)
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
