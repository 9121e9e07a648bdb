package memory_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// The first journal entry keeps the state it was given, whether or not it
// is the cooperative created (the store then shares the cooperative's
// lists with it), through updates of the cooperative and changes to what
// was read.
func TestCreate_FirstStateKept(t *testing.T) {
	ctx := context.Background()
	d := coop.MustParseDate
	base := coop.Cooperative{ID: uuid.New(), Kind: coop.KindCooperative, Name: "Coopérative Tifaout", Court: "TPI-TIZNIT",
		RegisteredOn: d("2024-01-15"), Status: coop.Active, FoundedUnder: coop.Law11212,
		Members: []coop.Member{{ID: uuid.New(), Name: "Fatima", Gender: coop.Female}, {ID: uuid.New(), Name: "Aicha", Gender: coop.Female}}}
	other := base.Clone()
	other.Name = "Coopérative Tifaout (projet)"
	for _, tc := range []struct {
		name  string
		state coop.Cooperative
	}{
		{"state is the cooperative", base.Clone()},
		{"state differs", other},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := memory.New()
			state := tc.state.Clone()
			first := registry.Entry{Kind: registry.EntryRegistration, Effective: base.RegisteredOn,
				Recorded: time.Date(2024, 1, 15, 9, 0, 0, 0, time.UTC), Change: registry.Change{Kind: registry.ChangeImported, State: &state}}
			created, err := s.Create(ctx, base.Clone(), first, func(n int) string { return registry.FormatNumber(1, "TPI-TIZNIT", 2024, n) })
			require.NoError(t, err)
			state.Members[0].Name = "changed by the caller after Create"

			_, err = s.Update(ctx, created.ID, 1, func(c *coop.Cooperative) (registry.Entry, error) {
				c.Members[0].Name = "Fatima Zahra"
				c.Members = append(c.Members, coop.Member{ID: uuid.New(), Name: "Khadija", Gender: coop.Female})
				return registry.Entry{Kind: registry.EntryModification, Effective: d("2024-03-01"),
					Change: registry.Change{Kind: registry.ChangeMemberAdmitted}}, nil
			})
			require.NoError(t, err)

			journal, err := s.Journal(ctx, created.ID)
			require.NoError(t, err)
			require.Len(t, journal, 2)
			got := journal[0].Change.State
			require.NotNil(t, got)
			want := tc.state.Clone()
			want.RegistrationNumber = created.RegistrationNumber
			assert.Equal(t, want, *got)

			got.Members[1].Name = "changed by the reader"
			again, err := s.Journal(ctx, created.ID)
			require.NoError(t, err)
			assert.Equal(t, want, *again[0].Change.State)

			now, err := s.Get(ctx, created.ID)
			require.NoError(t, err)
			assert.Equal(t, "Fatima Zahra", now.Members[0].Name)
			assert.Len(t, now.Members, 3)
			assert.Equal(t, int64(2), now.Version)
		})
	}
}
