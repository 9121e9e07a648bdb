package coop_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

var d = coop.MustParseDate

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2024-02-29", "2024-02-29", true},
		{"2000-02-29", "2000-02-29", true},
		{"0001-01-01", "0001-01-01", true},
		{"9999-12-31", "9999-12-31", true},
		{"2023-02-29", "", false},
		{"1900-02-29", "", false},
		{"2024-04-31", "", false},
		{"2024-13-01", "", false},
		{"2024-00-10", "", false},
		{"2024-01-00", "", false},
		{"0000-01-01", "", false},
		{"2024-1-01", "", false},
		{"24-01-01", "", false},
		{"2024/01/01", "", false},
		{"2024-01-01T00:00:00Z", "", false},
		{" 2024-01-01", "", false},
		{"+024-01-01", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := coop.ParseDate(tt.in)
			if !tt.ok {
				require.ErrorIs(t, err, coop.ErrInvalid)
				var e *coop.Error
				require.True(t, errors.As(err, &e))
				require.Len(t, e.Fields, 1)
				assert.Equal(t, "date", e.Fields[0].Rule)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

// TestDate_AddYearsIsTwelveMonths checks AddYears, computed on the
// encoding, against AddMonths(12 n) for every day of four years, leap years
// and the saturating ends included.
func TestDate_AddYearsIsTwelveMonths(t *testing.T) {
	for _, start := range []string{"2019-01-01", "0001-01-01", "9996-01-01"} {
		for day := d(start); day.Before(d(start).AddYears(4)); day = day.AddDays(1) {
			for _, n := range []int{-10001, -5, -4, -1, 0, 1, 3, 4, 100, 10001} {
				require.Equal(t, day.AddMonths(12*n), day.AddYears(n), "%s + %d years", day, n)
			}
		}
	}
}

func TestDate_AddYears(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2024-02-29", 1, "2025-02-28"},
		{"2024-02-29", 4, "2028-02-29"},
		{"2024-02-29", -1, "2023-02-28"},
		{"2022-04-06", 4, "2026-04-06"},
		{"2023-12-31", 1, "2024-12-31"},
		{"2020-02-28", 1, "2021-02-28"},
		{"2100-02-28", 0, "2100-02-28"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, d(tt.from).AddYears(tt.n).String(), "%s + %d years", tt.from, tt.n)
	}
}

func TestDate_AddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2024-03-31", 1, "2024-04-30"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2023-01-31", 1, "2023-02-28"},
		{"2024-12-31", -2, "2024-10-31"},
		{"2024-03-31", -1, "2024-02-29"},
		{"2024-11-15", 2, "2025-01-15"},
		{"2024-01-15", -13, "2022-12-15"},
		{"2024-08-31", 6, "2025-02-28"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, d(tt.from).AddMonths(tt.n).String(), "%s + %d months", tt.from, tt.n)
	}
	assert.True(t, coop.Date{}.AddMonths(3).IsZero())
}

func TestWholeYears(t *testing.T) {
	tests := []struct {
		start, asOf string
		want        int
	}{
		{"2000-02-29", "2018-02-27", 17},
		{"2000-02-29", "2018-02-28", 18}, // 29 Feb + 18 years is 28 Feb in a common year
		{"2000-02-29", "2020-02-28", 19},
		{"2000-02-29", "2020-02-29", 20},
		{"2005-06-15", "2023-06-14", 17},
		{"2005-06-15", "2023-06-15", 18},
		{"2024-01-01", "2023-12-31", -1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, coop.WholeYears(d(tt.start), d(tt.asOf)), "%s to %s", tt.start, tt.asOf)
	}
}

func TestExistence(t *testing.T) {
	reg := d("2022-04-06")
	tests := []struct {
		asOf     string
		atMost4  bool
		atLeast2 bool
	}{
		{"2024-04-05", true, false},
		{"2024-04-06", true, true},
		{"2026-04-06", true, true},
		{"2026-04-07", false, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.atMost4, coop.ExistenceAtMost(reg, d(tt.asOf), 4), tt.asOf)
		assert.Equal(t, tt.atLeast2, coop.ExistenceAtLeast(reg, d(tt.asOf), 2), tt.asOf)
	}
	leap := d("2020-02-29")
	assert.True(t, coop.ExistenceAtMost(leap, d("2024-02-29"), 4))
	assert.False(t, coop.ExistenceAtMost(leap, d("2024-03-01"), 4))
	assert.True(t, coop.ExistenceAtLeast(leap, d("2021-02-28"), 1))
	assert.False(t, coop.ExistenceAtLeast(leap, d("2021-02-27"), 1))

	// Against their definition by AddYears, for every registration day of
	// 2019-2020 (a common and a leap year) and every date of the years
	// around its 1st to 4th anniversaries.
	for reg := d("2019-01-01"); reg.Before(d("2021-01-01")); reg = reg.AddDays(1) {
		for n := 1; n <= 4; n++ {
			limit := reg.AddYears(n)
			for asOf := limit.AddDays(-3); !asOf.After(limit.AddDays(3)); asOf = asOf.AddDays(1) {
				require.Equal(t, !asOf.After(limit), coop.ExistenceAtMost(reg, asOf, n), "registered %s, %d years, at %s", reg, n, asOf)
				require.Equal(t, !asOf.Before(limit), coop.ExistenceAtLeast(reg, asOf, n), "registered %s, %d years, at %s", reg, n, asOf)
			}
		}
	}
}

func TestAgedBetween(t *testing.T) {
	birth := d("2001-02-28")
	assert.False(t, coop.AgedBetween(birth, d("2019-02-27"), 18, 22))
	assert.True(t, coop.AgedBetween(birth, d("2019-02-28"), 18, 22))
	assert.True(t, coop.AgedBetween(birth, d("2024-02-27"), 18, 22))
	assert.False(t, coop.AgedBetween(birth, d("2024-02-28"), 18, 22))
}

func TestDate_Compare(t *testing.T) {
	a, b := d("2024-02-29"), d("2024-03-01")
	assert.True(t, a.Before(b))
	assert.True(t, b.After(a))
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(d("2024-02-29")))
	assert.True(t, a.Equal(d("2024-02-29")))
	assert.True(t, coop.Date{}.Before(d("0001-01-01")))
	assert.Equal(t, 1, a.DaysUntil(b))
	assert.Equal(t, "2024-03-01", a.AddDays(1).String())
	assert.Equal(t, "2024-12-31", a.YearEnd().String())
	assert.Equal(t, d("2024-02-29"), coop.DateOf(time.Date(2024, 2, 29, 23, 59, 0, 0, time.UTC)))
}

func TestDate_JSON(t *testing.T) {
	type doc struct {
		On   coop.Date `json:"on"`
		Left coop.Date `json:"left"`
	}
	b, err := json.Marshal(doc{On: d("2024-02-29")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"on":"2024-02-29","left":null}`, string(b))

	var got doc
	require.NoError(t, json.Unmarshal([]byte(`{"on":"2019-12-31","left":""}`), &got))
	assert.Equal(t, d("2019-12-31"), got.On)
	assert.True(t, got.Left.IsZero())

	for _, bad := range []string{`{"on":20191231}`, `{"on":"2019-02-30"}`, `{"on":"31/12/2019"}`} {
		require.ErrorIs(t, json.Unmarshal([]byte(bad), &got), coop.ErrInvalid, bad)
	}
}

func TestDate_Scan(t *testing.T) {
	var x coop.Date
	require.NoError(t, x.Scan(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, "2024-02-29", x.String())
	require.NoError(t, x.Scan(nil))
	assert.True(t, x.IsZero())
	require.NoError(t, x.Scan("2020-01-01"))
	v, err := x.Value()
	require.NoError(t, err)
	assert.Equal(t, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), v)
	require.Error(t, x.Scan(42))
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "0000-00-00", "9999-12-31", "abcd-ef-gh", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := coop.ParseDate(s)
		if err != nil {
			if !errors.Is(err, coop.ErrInvalid) {
				t.Fatalf("ParseDate(%q): error %v is not Invalid", s, err)
			}
			return
		}
		if got.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, got.String())
		}
		// Adding and removing a year keeps the month and never moves past
		// the month's end, away from the ends of the calendar, where
		// AddYears saturates.
		if got.Year() >= 9999 || got.Year() <= 1 {
			return
		}
		back := got.AddYears(1).AddYears(-1)
		if back.Month() != got.Month() || back.Day() > got.Day() {
			t.Fatalf("%s + 1 year - 1 year = %s", got, back)
		}
	})
}

// WholeYears is its definition, the largest n such that AddYears(n) is on or
// before asOf, for starts on every day of 1999 to 2001 and on the 29
// Februaries of a century, at dates around leap days and year ends.
func TestWholeYears_Definition(t *testing.T) {
	starts := []coop.Date{d("1900-02-28"), d("1896-02-29"), d("2000-02-29"), d("1904-02-29")}
	for s := d("1999-01-01"); s.Before(d("2001-12-31")); s = s.AddDays(1) {
		starts = append(starts, s)
	}
	var dates []coop.Date
	for _, x := range []string{"1999-06-30", "2000-02-28", "2000-02-29", "2003-02-28", "2003-03-01", "2004-02-28", "2004-02-29",
		"2017-12-31", "2018-01-01", "2023-02-28", "2100-02-28", "2100-03-01", "1998-12-31"} {
		dates = append(dates, d(x))
	}
	for _, start := range starts {
		for _, asOf := range dates {
			n := asOf.Year() - start.Year() + 1
			for start.AddYears(n).After(asOf) {
				n--
			}
			require.Equal(t, n, coop.WholeYears(start, asOf), "%s to %s", start, asOf)
		}
	}
}

func TestBornBy(t *testing.T) {
	assert.Equal(t, "2004-02-29", coop.BornBy(d("2022-02-28"), 18).String())
	assert.Equal(t, "2006-02-28", coop.BornBy(d("2024-02-29"), 18).String())
	assert.Equal(t, "2006-06-30", coop.BornBy(d("2024-06-30"), 18).String())
	// BornBy agrees with WholeYears on every day of four years around
	// leap days.
	for asOf := d("2023-01-01"); asOf.Before(d("2025-12-31")); asOf = asOf.AddDays(1) {
		for _, n := range []int{1, 18, 23, 36, 41} {
			limit := coop.BornBy(asOf, n)
			for _, b := range []coop.Date{limit.AddDays(-1), limit, limit.AddDays(1), limit.AddDays(2)} {
				require.Equal(t, coop.WholeYears(b, asOf) >= n, !b.After(limit), "born %s, %d years at %s", b, n, asOf)
			}
		}
	}
}

func TestDate_AddDays(t *testing.T) {
	// AddDays and DaysUntil agree with the time package on every day of
	// four centuries' worth of samples.
	for y := 1; y <= 9999; y += 37 {
		for _, md := range [][2]int{{1, 1}, {2, 28}, {2, 29}, {3, 1}, {12, 31}} {
			start, err := coop.NewDate(y, time.Month(md[0]), md[1])
			if err != nil {
				continue
			}
			for _, n := range []int{-400, -1, 0, 1, 59, 365, 366, 1461, 146097} {
				want := coop.DateOf(start.Time().AddDate(0, 0, n))
				if want.IsZero() {
					continue
				}
				require.Equal(t, want, start.AddDays(n), "%s + %d days", start, n)
				require.Equal(t, n, start.DaysUntil(want))
			}
		}
	}
	assert.Equal(t, "9999-12-31", d("9999-12-30").AddDays(5).String())
	assert.Equal(t, "0001-01-01", d("0001-01-02").AddDays(-5).String())
}
