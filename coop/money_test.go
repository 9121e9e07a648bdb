package coop_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

func TestParseMAD(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"1000", "1000.00", true},
		{"1000.5", "1000.50", true},
		{"0.01", "0.01", true},
		{"-12.30", "-12.30", true},
		{"000100", "100.00", true},
		{"999999999999.99", "999999999999.99", true},
		{"1000.001", "", false},
		{"1e3", "", false},
		{"1E3", "", false},
		{"1,000.00", "", false},
		{"1 000", "", false},
		{"+100", "", false},
		{".5", "", false},
		{"5.", "", false},
		{"--5", "", false},
		{"NaN", "", false},
		{"Inf", "", false},
		{"0x10", "", false},
		{"1000000000000", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := coop.ParseMAD(tt.in)
			if !tt.ok {
				require.ErrorIs(t, err, coop.ErrInvalid)
				var e *coop.Error
				require.True(t, errors.As(err, &e))
				assert.Equal(t, "amount", e.Fields[0].Rule)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, coop.FormatMAD(got))
		})
	}
}

func TestRounding(t *testing.T) {
	x := decimal.RequireFromString("179999.999")
	assert.Equal(t, "179999.99", coop.FormatMAD(coop.FloorMAD(x)))
	assert.Equal(t, "180000.00", coop.FormatMAD(coop.RoundMAD(x)))
	assert.Equal(t, "-0.02", coop.FormatMAD(coop.FloorMAD(decimal.RequireFromString("-0.011"))))
	require.NoError(t, coop.CheckMAD(decimal.RequireFromString("10.25")))
	require.ErrorIs(t, coop.CheckMAD(decimal.RequireFromString("10.255")), coop.ErrInvalid)
}

// CheckMAD accepts at most two decimals and fewer than 13 digits before
// the point, however the decimal is written.
func TestCheckMAD(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"0", true},
		{"0.00", true},
		{"10.25", true},
		{"-10.25", true},
		{"10.250", true}, // three decimals written, two meant
		{"10.255", false},
		{"0.001", false},
		{"999999999999.99", true},
		{"-999999999999.99", true},
		{"1000000000000", false},
		{"1000000000000.00", false},
		{"1e12", false},
		{"9.99e11", true},
		{"1e11", true},
		{"123456789012345678901234567890", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			err := coop.CheckMAD(decimal.RequireFromString(tt.in))
			if tt.ok {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, coop.ErrInvalid)
			}
		})
	}
}

func FuzzParseMAD(f *testing.F) {
	for _, s := range []string{"1000", "1000.00", "1e3", "-0.01", "1.234", "", "."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := coop.ParseMAD(s)
		if err != nil {
			if !errors.Is(err, coop.ErrInvalid) {
				t.Fatalf("ParseMAD(%q): error %v is not Invalid", s, err)
			}
			return
		}
		if coop.CheckMAD(got) != nil {
			t.Fatalf("ParseMAD(%q) = %s has more than two decimals", s, got)
		}
		again, err := coop.ParseMAD(coop.FormatMAD(got))
		if err != nil || !again.Equal(got) {
			t.Fatalf("ParseMAD(FormatMAD(%s)) = %s, %v", got, again, err)
		}
	})
}
