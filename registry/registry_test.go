package registry_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/registry/registrytest"
)

func TestNameKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Coopérative Al Amal", "AL-AMAL"},
		{"Coopérative Ittihad", "ittihad"},
		{"Cooperative Nissae Al Hourate", "NISSAE AL HOURATE"},
		{"تعاونية الاتحاد", "الاتحاد"},
		{"Coopératives Tifaout d'Agadir", "tifaout dagadir"},
	}
	for _, tt := range tests {
		assert.Equal(t, registry.NameKey(tt.a), registry.NameKey(tt.b), "%q vs %q", tt.a, tt.b)
	}
	assert.NotEqual(t, registry.NameKey("Al Amal"), registry.NameKey("Al Amel"))
	assert.Empty(t, registry.NameKey("Coopérative"))
}

func TestCursor(t *testing.T) {
	id := uuid.MustParse("6f1c2a6e-0000-4000-8000-000000000001")
	c := registry.EncodeCursor(coop.MustParseDate("2024-02-29"), id)
	d, got, err := registry.DecodeCursor(c)
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", d.String())
	assert.Equal(t, id, got)
	for _, bad := range []string{"", "!!", "YWJj", registry.EncodeCursor(coop.Date{}, id)[:5]} {
		_, _, err := registry.DecodeCursor(bad)
		require.ErrorIs(t, err, coop.ErrInvalid, bad)
	}
}

func TestFormatNumber(t *testing.T) {
	assert.Equal(t, "1/IFR/2024/17", registry.FormatNumber(1, "IFR", 2024, 17))
	assert.Equal(t, "4/TPI-MEKNES/2023/1", registry.FormatNumber(4, "TPI-MEKNES", 2023, 1))
}

// BenchmarkRegister registers cooperatives of 12 members each into the
// memory store, from name approval to registration; one op is 60,000
// cooperatives.
func BenchmarkRegister(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		today := registrytest.Today
		reg := registry.New(memory.New(), &registry.Options{Now: func() time.Time { return today.Time() }})
		for i := 0; i < 60000; i++ {
			a, err := reg.ApproveName(ctx, registry.NameRequest{Names: []string{fmt.Sprintf("Coopérative Atlas %d", i)},
				Signatories: signatories, RequestedOn: today})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := reg.Register(ctx, registrytest.Registration(a.ID, today, 12)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

var signatories = []registry.Signatory{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}, {Name: "E"}}
