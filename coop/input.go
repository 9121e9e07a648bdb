package coop

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/shopspring/decimal"
)

// The input rules: what every value given to the registry must be, declared
// on the input types as validate tags and checked with
// github.com/go-playground/validator/v10 before any rule of the law is asked
// and before any store sees the input, so that every store, the JSON API and
// the CSV import take or refuse the same inputs with the same errors. The
// tags, and the rules they stand for:
//
//   - text: valid UTF-8, without control characters (NUL, line breaks,
//     tabs and the other characters of Unicode's Cc category), and at most
//     MaxTextBytes long;
//   - max=N: text of at most N characters (a name: 200);
//   - int-range: a whole number between MinInt and MaxInt, the range of the
//     registry's integer columns; gte=0: not negative;
//   - mad: an amount of money of at most two decimals and 12 digits before
//     the point (CheckMAD), as ParseMAD reads it; amount: the same, and not
//     negative;
//   - date-range: a date between FirstDate and LastDate;
//   - enum, region, province, delegation, sector: a value of a closed set,
//     as the type's Valid method says; branch: a branch of activity
//     (ParseBranch);
//   - dive: each element of a list or map, keys and values.
//
// Identifiers that have a format of their own (CIN, ICE, telephone) are
// types that refuse a malformed value when they are read. Rules that span
// fields (a birth date not after the day of admission, a paid part within
// the amount) are the Validate methods'; rules of the law, the verbs'.
// TestInputTagsDeclared, in the registry, checks that every field of every
// input declares its rules.
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

// CheckInput checks v, a struct or a pointer to one, against the rules its
// validate tags declare, and returns an Invalid error listing every field
// that breaks one by its JSON path ("member.name", "founders[2].amount"),
// or nil.
func CheckInput(v any) error {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return fmt.Errorf("coop.CheckInput: %T is not a struct", v)
	}
	if !rv.CanAddr() {
		// An addressable copy, so that decimals and dates are read in place.
		p := reflect.New(rv.Type())
		p.Elem().Set(rv)
		rv = p
	} else {
		rv = rv.Addr()
	}
	err := inputRules().Struct(rv.Interface())
	var errs validator.ValidationErrors
	if !errors.As(err, &errs) {
		return err
	}
	var fs Fields
	top := rv.Elem().Type().Name()
	for _, fe := range errs {
		ruleError(&fs, inputPath(top, fe.Namespace()), fe)
	}
	return fs.Err("coop.CheckInput", "invalid input")
}

// inputRules is the validator of the input rules, made on first use.
var inputRules = sync.OnceValue(func() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(jsonName)
	rules := map[string]validator.Func{
		"text": func(fl validator.FieldLevel) bool { return cleanText(fl.Field().String()) },
		"int-range": func(fl validator.FieldLevel) bool {
			f := fl.Field()
			if f.CanInt() {
				return f.Int() >= MinInt && f.Int() <= MaxInt
			}
			return f.CanUint() && f.Uint() <= MaxInt
		},
		"date-range": func(fl validator.FieldLevel) bool { return CheckDate(dateOf(fl.Field())) == nil },
		"mad": func(fl validator.FieldLevel) bool {
			d, ok := decimalOf(fl.Field())
			return !ok || CheckMAD(d) == nil
		},
		"amount": func(fl validator.FieldLevel) bool {
			d, ok := decimalOf(fl.Field())
			return !ok || amountOK(d)
		},
		"branch": func(fl validator.FieldLevel) bool {
			_, err := ParseBranch(fl.Field().String())
			return err == nil
		},
	}
	for _, tag := range []string{"enum", "region", "province", "delegation", "sector"} {
		rules[tag] = func(fl validator.FieldLevel) bool {
			e, ok := addrOf(fl.Field()).(interface{ Valid() bool })
			return ok && e.Valid()
		}
	}
	for tag, fn := range rules {
		if err := v.RegisterValidation(tag, fn); err != nil {
			panic(err) // a tag name the validator does not take: a defect
		}
	}
	return v
})

// embedded names an embedded struct in a path, to be dropped: JSON
// promotes its fields.
const embedded = "\x00"

// jsonName is a field's name in a path: its JSON name.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	switch {
	case name == "-":
		return f.Name
	case name == "" && f.Anonymous:
		return embedded
	case name == "":
		return f.Name
	}
	return name
}

// inputPath turns a validator namespace ("Admission.member.name") into the
// JSON path of the field ("member.name"); top is the name of the struct
// checked, "" for an anonymous one.
func inputPath(top, ns string) string {
	p := ns
	if top != "" {
		p = strings.TrimPrefix(ns, top+".")
	}
	if strings.Contains(p, embedded) {
		p = strings.ReplaceAll(p, embedded+".", "")
	}
	return p
}

// enumNames says what a value of each closed set is, for the errors.
var enumNames = map[reflect.Type]string{
	reflect.TypeFor[Kind]():         "kind (cooperative or union)",
	reflect.TypeFor[Status]():       "status (active, dissolved, in-liquidation, struck-off)",
	reflect.TypeFor[Law]():          "law (112-12 or 24-83)",
	reflect.TypeFor[MemberType]():   "member type (natural, legal, cooperative)",
	reflect.TypeFor[Gender]():       "gender (female or male)",
	reflect.TypeFor[ExitReason]():   "exit reason",
	reflect.TypeFor[MovementKind](): "share movement",
	reflect.TypeFor[AssemblyKind](): "kind of assembly (ordinary or extraordinary)",
	reflect.TypeFor[SupportKind]():  "kind of support action",
	reflect.TypeFor[LabelKind]():    "kind of label",
	reflect.TypeFor[GroupingKind](): "kind of grouping (union, federation, eig)",
	reflect.TypeFor[RegionCode]():   "region code",
	reflect.TypeFor[ProvinceCode](): "province code",
	reflect.TypeFor[DelegationID](): "delegation",
	reflect.TypeFor[Sector]():       "sector",
}

// ruleError adds the error of a field that broke the rule fe names.
func ruleError(fs *Fields, path string, fe validator.FieldError) {
	v := reflect.ValueOf(fe.Value())
	switch tag := fe.Tag(); tag {
	case "text":
		fs.Merge(path, CheckText(v.String(), MaxTextBytes))
	case "max":
		fs.Add(path, "max", fe.Param(), "must be at most %s characters long", fe.Param())
	case "gte":
		fs.Add(path, "gte", fe.Param(), "must not be negative")
	case "int-range":
		if v.CanUint() {
			fs.Add(path, "int-range", fmt.Sprintf("0..%d", MaxInt), "%d is above %d", v.Uint(), MaxInt)
		} else {
			fs.Add(path, "int-range", fmt.Sprintf("%d..%d", MinInt, MaxInt), "%d is outside %d to %d", v.Int(), MinInt, MaxInt)
		}
	case "date-range":
		fs.Merge(path, CheckDate(dateOf(v)))
	case "mad", "amount":
		d, _ := decimalOf(v)
		if tag == "amount" && d.Sign() < 0 {
			fs.Add(path, "dec_gte0", "", "must not be negative")
		}
		fs.Merge(path, CheckMAD(d))
	case "branch":
		_, err := ParseBranch(v.String())
		fs.Merge(path, err)
	default:
		what := enumNames[fe.Type()]
		if what == "" {
			what = "known value"
		}
		fs.Add(path, tag, fe.Param(), "%q is not a %s", Excerpt(v.String()), what)
	}
}

// addrOf returns a pointer to the value v holds when v is addressable (as
// the fields of the inputs CheckInput reads are), so that reading it does
// not copy it into an interface; otherwise the value.
func addrOf(v reflect.Value) any {
	if v.CanAddr() {
		return v.Addr().Interface()
	}
	return v.Interface()
}

// dateOf reads a Date.
func dateOf(v reflect.Value) Date {
	switch d := addrOf(v).(type) {
	case *Date:
		return *d
	case Date:
		return d
	}
	return Date{}
}

// decimalOf reads an amount, and reports false for a null one.
func decimalOf(v reflect.Value) (decimal.Decimal, bool) {
	switch d := addrOf(v).(type) {
	case *decimal.Decimal:
		return *d, true
	case *decimal.NullDecimal:
		return d.Decimal, d.Valid
	case decimal.Decimal:
		return d, true
	case decimal.NullDecimal:
		return d.Decimal, d.Valid
	}
	return decimal.Decimal{}, false
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
