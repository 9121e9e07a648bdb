package coop

import (
	"database/sql/driver"
	"fmt"
	"strings"
)

// ICE is an Identifiant Commun de l'Entreprise: 15 digits, 9 for the
// enterprise, 4 for the establishment and 2 of control, the whole number
// divisible by 97 (python-stdnum stdnum.ma.ice; ICE guide of the
// administration). The zero ICE means "none".
type ICE struct{ s string }

// ParseICE accepts 15 digits, with spaces allowed between them, whose value
// is divisible by 97. Anything else is an Invalid error with the rule "ma_ice".
func ParseICE(s string) (ICE, error) {
	c := strings.Map(dropSpace, s)
	if len(c) != 15 {
		return ICE{}, Fieldf("", "ma_ice", "an ICE has 15 digits, %q has %d characters", Excerpt(s), len(c))
	}
	rem := 0
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return ICE{}, Fieldf("", "ma_ice", "an ICE has only digits, %q does not", Excerpt(s))
		}
		rem = (rem*10 + int(c[i]-'0')) % 97
	}
	if rem != 0 {
		return ICE{}, Fieldf("", "ma_ice", "%s fails the ICE check (the number must be divisible by 97)", c)
	}
	return ICE{c}, nil
}

// MustParseICE is like ParseICE but panics on error; for tests and examples.
func MustParseICE(s string) ICE { return must(ParseICE(s)) }

// String returns the 15 digits, or "" for the zero ICE.
func (i ICE) String() string { return i.s }

// IsZero reports whether i is the zero ICE.
func (i ICE) IsZero() bool { return i.s == "" }

// MarshalText writes the 15 digits.
func (i ICE) MarshalText() ([]byte, error) { return []byte(i.s), nil }

// UnmarshalText parses an ICE; empty text is the zero ICE.
func (i *ICE) UnmarshalText(b []byte) error { return unmarshal(i, b, ParseICE) }

// Value implements driver.Valuer (NULL for the zero ICE).
func (i ICE) Value() (driver.Value, error) { return nullable(i.s), nil }

// Scan implements sql.Scanner.
func (i *ICE) Scan(src any) error { return scan(i, src, ParseICE) }

// CIN is the number of a Moroccan national identity card (CNIE): one or two
// letters of the issuing area followed by five or six digits, e.g. "AB123456"
// or "J123456". The format is the convention of validators and OCR tools, not
// an official specification (unconfirmed); there is no public check digit.
type CIN struct{ s string }

// ParseCIN accepts a CIN in any case, with spaces, and stores it upper-case.
// Anything else is an Invalid error with the rule "ma_cin".
func ParseCIN(s string) (CIN, error) {
	c := strings.ToUpper(strings.Map(dropSpace, s))
	letters := 0
	for letters < len(c) && c[letters] >= 'A' && c[letters] <= 'Z' {
		letters++
	}
	digits := len(c) - letters
	ok := letters >= 1 && letters <= 2 && digits >= 5 && digits <= 6
	for i := letters; ok && i < len(c); i++ {
		ok = c[i] >= '0' && c[i] <= '9'
	}
	if !ok {
		return CIN{}, Fieldf("", "ma_cin", "%q is not a CIN (one or two letters then 5 or 6 digits, e.g. AB123456)", Excerpt(s))
	}
	return CIN{c}, nil
}

// MustParseCIN is like ParseCIN but panics on error; for tests and examples.
func MustParseCIN(s string) CIN { return must(ParseCIN(s)) }

// String returns the CIN upper-case, or "" for the zero CIN.
func (c CIN) String() string { return c.s }

// IsZero reports whether c is the zero CIN.
func (c CIN) IsZero() bool { return c.s == "" }

// MarshalText writes the CIN.
func (c CIN) MarshalText() ([]byte, error) { return []byte(c.s), nil }

// UnmarshalText parses a CIN; empty text is the zero CIN.
func (c *CIN) UnmarshalText(b []byte) error { return unmarshal(c, b, ParseCIN) }

// Value implements driver.Valuer (NULL for the zero CIN).
func (c CIN) Value() (driver.Value, error) { return nullable(c.s), nil }

// Scan implements sql.Scanner.
func (c *CIN) Scan(src any) error { return scan(c, src, ParseCIN) }

// Phone is a Moroccan telephone number held in E.164 form, "+212" and the
// nine digits of the national significant number, which starts with 5
// (fixed lines), 6 or 7 (mobiles) or 8 (toll-free and premium)
// (libphonenumber metadata for MA).
type Phone struct{ s string }

// ParsePhone accepts a number written nationally ("0612345678",
// "06 12 34 56 78", "06-12-34-56-78") or internationally ("+212612345678",
// "00212 6 12 34 56 78"), with spaces, dots, hyphens and parentheses.
// Anything else is an Invalid error with the rule "ma_phone".
func ParsePhone(s string) (Phone, error) {
	c := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '(', ')', '\t':
			return -1
		}
		return r
	}, s)
	switch {
	case strings.HasPrefix(c, "+212"):
		c = c[4:]
	case strings.HasPrefix(c, "00212"):
		c = c[5:]
	case strings.HasPrefix(c, "0"):
		c = c[1:]
	default:
		c = "?"
	}
	c = strings.TrimPrefix(c, "0") // "+212 (0)6..." is common in print
	ok := len(c) == 9 && c[0] >= '5' && c[0] <= '8'
	for i := 0; ok && i < len(c); i++ {
		ok = c[i] >= '0' && c[i] <= '9'
	}
	if !ok {
		return Phone{}, Fieldf("", "ma_phone", "%q is not a Moroccan phone number (e.g. 0612345678 or +212612345678)", Excerpt(s))
	}
	return Phone{"+212" + c}, nil
}

// MustParsePhone is like ParsePhone but panics on error; for tests and
// examples.
func MustParsePhone(s string) Phone { return must(ParsePhone(s)) }

// String returns the number in E.164 form, or "" for the zero Phone.
func (p Phone) String() string { return p.s }

// IsZero reports whether p is the zero Phone.
func (p Phone) IsZero() bool { return p.s == "" }

// National returns the number as written in Morocco: "06 12 34 56 78".
func (p Phone) National() string {
	if p.s == "" {
		return ""
	}
	n := "0" + p.s[4:]
	return n[0:2] + " " + n[2:4] + " " + n[4:6] + " " + n[6:8] + " " + n[8:10]
}

// IsMobile reports whether the number is a mobile number (6 or 7).
func (p Phone) IsMobile() bool { return len(p.s) == 13 && (p.s[4] == '6' || p.s[4] == '7') }

// MarshalText writes the E.164 form.
func (p Phone) MarshalText() ([]byte, error) { return []byte(p.s), nil }

// UnmarshalText parses a phone number; empty text is the zero Phone.
func (p *Phone) UnmarshalText(b []byte) error { return unmarshal(p, b, ParsePhone) }

// Value implements driver.Valuer (NULL for the zero Phone).
func (p Phone) Value() (driver.Value, error) { return nullable(p.s), nil }

// Scan implements sql.Scanner.
func (p *Phone) Scan(src any) error { return scan(p, src, ParsePhone) }

func dropSpace(r rune) rune {
	if r == ' ' || r == '\t' || r == '\u00a0' {
		return -1
	}
	return r
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func unmarshal[T any](dst *T, b []byte, parse func(string) (T, error)) error {
	if len(b) == 0 {
		var zero T
		*dst = zero
		return nil
	}
	v, err := parse(string(b))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

func scan[T any](dst *T, src any, parse func(string) (T, error)) error {
	switch v := src.(type) {
	case nil:
		var zero T
		*dst = zero
		return nil
	case string:
		return unmarshal(dst, []byte(v), parse)
	case []byte:
		return unmarshal(dst, v, parse)
	}
	return fmt.Errorf("coop: cannot scan %T", src)
}

func nullable(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}
