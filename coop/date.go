package coop

import (
	"database/sql/driver"
	"fmt"
	"time"
	"unicode/utf8"
)

// Date is a civil date: a year, a month and a day, with no time of day and no
// time zone. Every date in Law 112-12 rules and programme criteria is a Date.
//
// The zero Date means "no date" (a cooperative not registered, a member who
// has not left); IsZero reports it. Dates compare with Before, After, Equal
// and Compare, or with == since the representation is canonical.
//
// Period arithmetic is the one the programmes' rules use: AddYears and
// AddMonths keep the day of the month and clamp it to the month's last day
// when it does not exist (2024-02-29 plus one year is 2025-02-28; 2024-03-31
// plus one month is 2024-04-30). Unlike time.Time.AddDate, they never spill
// over into the next month.
type Date struct {
	v int32 // year<<9 | month<<5 | day; 0 is the zero Date
}

const (
	minYear = 1
	maxYear = 9999
)

// NewDate returns the date year-month-day, or an Invalid error when it does
// not exist (2023-02-29) or lies outside years 1 to 9999.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < minYear || year > maxYear {
		return Date{}, Fieldf("", "date", "year %d is outside 0001 to 9999", year)
	}
	if month < time.January || month > time.December {
		return Date{}, Fieldf("", "date", "month %d does not exist", int(month))
	}
	if day < 1 || day > daysIn(year, month) {
		return Date{}, Fieldf("", "date", "%04d-%02d has no day %d", year, int(month), day)
	}
	return mk(year, month, day), nil
}

// MustDate is like NewDate but panics on an invalid date. It is meant for
// literals in tests and examples.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	if y < minYear || y > maxYear {
		return Date{}
	}
	return mk(y, m, d)
}

func mk(y int, m time.Month, d int) Date { return Date{v: int32(y)<<9 | int32(m)<<5 | int32(d)} }

// ParseDate parses a date written YYYY-MM-DD (ISO 8601 calendar date, exactly
// ten characters). Anything else is an Invalid error with the rule "date".
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, Fieldf("", "date", "%q is not a date written YYYY-MM-DD", Excerpt(s))
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, Fieldf("", "date", "%q is not a date written YYYY-MM-DD", Excerpt(s))
	}
	date, err := NewDate(y, time.Month(m), d)
	if err != nil {
		return Date{}, Fieldf("", "date", "%q is not a calendar date", s)
	}
	return date, nil
}

// MustParseDate is like ParseDate but panics on error. It is meant for
// literals in tests and examples.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Excerpt shortens untrusted input quoted in an error message to at most
// 40 bytes, cut on a character boundary, with an ellipsis when shortened.
func Excerpt(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Year returns the year (0 for the zero Date).
func (d Date) Year() int { return int(d.v >> 9) }

// Month returns the month (0 for the zero Date).
func (d Date) Month() time.Month { return time.Month(d.v >> 5 & 0xf) }

// Day returns the day of the month (0 for the zero Date).
func (d Date) Day() int { return int(d.v & 0x1f) }

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d.v == 0 }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.v < e.v }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.v > e.v }

// Equal reports whether d and e are the same date.
func (d Date) Equal(e Date) bool { return d.v == e.v }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.v < e.v:
		return -1
	case d.v > e.v:
		return 1
	}
	return 0
}

// String returns the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

func (d Date) appendTo(b []byte) []byte {
	y, m, day := d.Year(), int(d.Month()), d.Day()
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+day/10), byte('0'+day%10))
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// AddYears returns the same month and day n years later (earlier for a
// negative n); 29 February becomes 28 February in a year that is not leap.
// Like AddMonths, it saturates at the ends of years 1 to 9999.
func (d Date) AddYears(n int) Date {
	// AddMonths(12 * n) on the encoding: the same month and day, 29
	// February becoming the 28th in a common year.
	if d.IsZero() {
		return d
	}
	y := d.Year() + n
	switch {
	case y < minYear:
		return mk(minYear, time.January, 1)
	case y > maxYear:
		return mk(maxYear, time.December, 31)
	}
	md := d.v & 0x1ff
	if md == 2<<5|29 && !IsLeap(y) {
		md = 2<<5 | 28
	}
	return Date{v: int32(y)<<9 | md}
}

// AddMonths returns the same day n months later (earlier for a negative n),
// clamped to the last day of the resulting month: 31 March plus one month is
// 30 April. A result outside years 1 to 9999 saturates at 0001-01-01 or
// 9999-12-31, so that rules never panic on extreme input. Adding
// months to the zero Date returns the zero Date.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	m := d.Year()*12 + int(d.Month()) - 1 + n
	y, mon := m/12, time.Month(m%12+1)
	switch {
	case m < 12*minYear:
		return mk(minYear, time.January, 1)
	case y > maxYear:
		return mk(maxYear, time.December, 31)
	}
	day := d.Day()
	if last := daysIn(y, mon); day > last {
		day = last
	}
	return mk(y, mon, day)
}

// AddDays returns the date n days later (earlier for a negative n). A
// result outside years 1 to 9999 saturates at 0001-01-01 or 9999-12-31.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	days := d.days() + int64(n)
	switch {
	case days < minDays:
		return mk(minYear, time.January, 1)
	case days > maxDays:
		return mk(maxYear, time.December, 31)
	}
	return fromDays(days)
}

// DaysUntil returns the number of days from d to e (negative when e is
// before d).
func (d Date) DaysUntil(e Date) int { return int(e.days() - d.days()) }

var (
	minDays = mk(minYear, time.January, 1).days()
	maxDays = mk(maxYear, time.December, 31).days()
)

// days returns the number of days since 1970-01-01 (H. Hinnant's
// days_from_civil), in integers only.
func (d Date) days() int64 {
	y, m, day := int64(d.Year()), int64(d.Month()), int64(d.Day())
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// fromDays is the inverse of days (civil_from_days).
func fromDays(z int64) Date {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return mk(int(y), time.Month(m), int(day))
}

// YearEnd returns 31 December of d's year.
func (d Date) YearEnd() Date { return mk(d.Year(), time.December, 31) }

// WholeYears returns the number of whole years from start to asOf: the
// largest n such that start.AddYears(n) is on or before asOf. It is a
// person's age at asOf when start is the birth date, and a cooperative's
// existence when start is its registration date (programs.md §1). It returns
// a negative number when asOf is before start.
func WholeYears(start, asOf Date) int {
	n := asOf.Year() - start.Year()
	// start.AddYears(n) falls in asOf's year: compare months and days, the
	// low bits of the encoding, 29 February clamped to the 28th in a common
	// year as AddYears does.
	md := start.v & 0x1ff
	if md == 2<<5|29 && !IsLeap(asOf.Year()) {
		md = 2<<5 | 28
	}
	if md > asOf.v&0x1ff {
		n--
	}
	return n
}

// BornBy returns the latest birth date of a person at least years old at
// asOf: WholeYears(b, asOf) >= years exactly when b is on or before
// BornBy(asOf, years). Comparing birth dates with it counts ages without
// date arithmetic per person. It follows AddYears: on 28 February of a
// common year, someone born on 29 February of a leap year has had the
// birthday.
func BornBy(asOf Date, years int) Date {
	d := asOf.AddYears(-years)
	if asOf.Month() == time.February && asOf.Day() == 28 && !IsLeap(asOf.Year()) && IsLeap(d.Year()) && d.Month() == time.February {
		return mk(d.Year(), time.February, 29)
	}
	return d
}

// Age returns a person's age in whole years at asOf.
func Age(birth, asOf Date) int { return WholeYears(birth, asOf) }

// AgedBetween reports whether a person born on birth is aged min to max,
// both inclusive, at asOf.
func AgedBetween(birth, asOf Date, min, max int) bool {
	a := Age(birth, asOf)
	return min <= a && a <= max
}

// ExistenceAtMost reports whether a cooperative registered on registered
// has existed for no more than n years at asOf: asOf <= registered + n years.
func ExistenceAtMost(registered, asOf Date, n int) bool {
	// Fewer than n whole years have passed, or n years to the day.
	y := WholeYears(registered, asOf)
	return y < n || y == n && registered.AddYears(n) == asOf
}

// ExistenceAtLeast reports whether a cooperative registered on registered
// has existed for at least n years at asOf: asOf >= registered + n years.
func ExistenceAtLeast(registered, asOf Date, n int) bool {
	// WholeYears is the largest m with registered + m years <= asOf.
	return WholeYears(registered, asOf) >= n
}

// IsLeap reports whether year is a leap year in the Gregorian calendar.
func IsLeap(year int) bool { return year%4 == 0 && (year%100 != 0 || year%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if IsLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// MarshalText writes the date as YYYY-MM-DD (empty for the zero Date).
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText parses YYYY-MM-DD; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON writes the date as a JSON string, or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 12)
	b = append(b, '"')
	b = d.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON reads a JSON string YYYY-MM-DD; null and "" are the zero
// Date.
func (d *Date) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "null" {
		*d = Date{}
		return nil
	}
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return Fieldf("", "date", "a date must be a string written YYYY-MM-DD")
	}
	return d.UnmarshalText(b[1 : len(b)-1])
}

// Value implements driver.Valuer: the zero Date is NULL, any other date a
// time.Time at midnight UTC.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.Time(), nil
}

// Scan implements sql.Scanner for NULL, time.Time and YYYY-MM-DD strings.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
	case time.Time:
		*d = DateOf(v)
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	default:
		return fmt.Errorf("coop: cannot scan %T into a Date", src)
	}
	return nil
}
