package coop_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

func TestParseICE(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"001561191000066", "001561191000066", true},
		{"002136093000040", "002136093000040", true},
		{"001 561 191 000 066", "001561191000066", true},
		{"001561191000065", "", false}, // remainder 96
		{"00156119100006", "", false},
		{"0015611910000660", "", false},
		{"00156119100006A", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := coop.ParseICE(tt.in)
			if !tt.ok {
				require.ErrorIs(t, err, coop.ErrInvalid)
				var e *coop.Error
				require.True(t, errors.As(err, &e))
				assert.Equal(t, "ma_ice", e.Fields[0].Rule)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

func TestParseCIN(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"AB123456", "AB123456", true},
		{"j123456", "J123456", true},
		{"BE 12345", "BE12345", true},
		{"ABC12345", "", false},
		{"A1234", "", false},
		{"A1234567", "", false},
		{"123456", "", false},
		{"AB12345X", "", false},
	}
	for _, tt := range tests {
		got, err := coop.ParseCIN(tt.in)
		if !tt.ok {
			require.ErrorIs(t, err, coop.ErrInvalid, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got.String())
	}
}

func TestParsePhone(t *testing.T) {
	tests := []struct {
		in, want string
		mobile   bool
		ok       bool
	}{
		{"0612345678", "+212612345678", true, true},
		{"06 12 34 56 78", "+212612345678", true, true},
		{"06-12-34-56-78", "+212612345678", true, true},
		{"+212612345678", "+212612345678", true, true},
		{"00212 7 12 34 56 78", "+212712345678", true, true},
		{"+212 (0)5 22 12 34 56", "+212522123456", false, true},
		{"0522123456", "+212522123456", false, true},
		{"0412345678", "", false, false},
		{"061234567", "", false, false},
		{"06123456789", "", false, false},
		{"+33612345678", "", false, false},
		{"612345678", "", false, false},
		{"06l2345678", "", false, false},
	}
	for _, tt := range tests {
		got, err := coop.ParsePhone(tt.in)
		if !tt.ok {
			require.ErrorIs(t, err, coop.ErrInvalid, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got.String(), tt.in)
		assert.Equal(t, tt.mobile, got.IsMobile(), tt.in)
	}
	assert.Equal(t, "06 12 34 56 78", coop.MustParsePhone("+212612345678").National())
}

func TestIdentifiers_Text(t *testing.T) {
	type doc struct {
		ICE   coop.ICE   `json:"ice"`
		CIN   coop.CIN   `json:"cin"`
		Phone coop.Phone `json:"phone"`
	}
	in := `{"ice":"002136093000040","cin":"ab123456","phone":"0612345678"}`
	var x doc
	require.NoError(t, json.Unmarshal([]byte(in), &x))
	b, err := json.Marshal(x)
	require.NoError(t, err)
	assert.JSONEq(t, `{"ice":"002136093000040","cin":"AB123456","phone":"+212612345678"}`, string(b))
	require.ErrorIs(t, json.Unmarshal([]byte(`{"ice":"002136093000041"}`), &x), coop.ErrInvalid)

	var ice coop.ICE
	require.NoError(t, ice.Scan("001561191000066"))
	v, err := ice.Value()
	require.NoError(t, err)
	assert.Equal(t, "001561191000066", v)
	require.NoError(t, ice.Scan(nil))
	assert.True(t, ice.IsZero())
}

func FuzzParseICE(f *testing.F) {
	for _, s := range []string{"001561191000066", "001561191000065", "abc", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := coop.ParseICE(s)
		if err != nil {
			if !errors.Is(err, coop.ErrInvalid) {
				t.Fatalf("not Invalid: %v", err)
			}
			return
		}
		if len(got.String()) != 15 {
			t.Fatalf("ParseICE(%q) = %q", s, got)
		}
		if _, err := coop.ParseICE(got.String()); err != nil {
			t.Fatalf("round trip of %q: %v", got, err)
		}
	})
}

func FuzzParseCIN(f *testing.F) {
	for _, s := range []string{"AB123456", "j123456", "1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := coop.ParseCIN(s)
		if err != nil {
			if !errors.Is(err, coop.ErrInvalid) {
				t.Fatalf("not Invalid: %v", err)
			}
			return
		}
		if again, err := coop.ParseCIN(got.String()); err != nil || again != got {
			t.Fatalf("round trip of %q: %v", got, err)
		}
	})
}

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{"0612345678", "+212 (0)5 22 12 34 56", "00212", "+", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := coop.ParsePhone(s)
		if err != nil {
			if !errors.Is(err, coop.ErrInvalid) {
				t.Fatalf("not Invalid: %v", err)
			}
			return
		}
		if again, err := coop.ParsePhone(got.String()); err != nil || again != got {
			t.Fatalf("round trip of %q: %v", got, err)
		}
		if again, err := coop.ParsePhone(got.National()); err != nil || again != got {
			t.Fatalf("national round trip of %q: %v", got, err)
		}
	})
}
