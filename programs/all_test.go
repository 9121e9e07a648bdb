package programs_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// TestEvaluateAll: one applicant against every programme gives, in the
// catalogue's order, the decision Evaluate gives for each, and the record
// Decide makes; a request that cannot be decided is refused once.
func TestEvaluateAll(t *testing.T) {
	cat := programs.Default()
	five := 5
	born := d("1998-03-01")
	tests := []struct {
		name string
		a    programs.Applicant
	}{
		{"Cooperative", programs.Applicant{Cooperative: &coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active,
			RegisteredOn: d("2023-02-01"), Province: "MA-HAO", Sector: coop.Agriculture, MemberCount: &five}}},
		{"Person", programs.Applicant{Person: &programs.PersonFacts{BirthDate: born}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asOf := d("2024-06-30")
			all, err := cat.EvaluateAll(asOf, tt.a)
			require.NoError(t, err)
			recs, err := cat.DecideAll(asOf, tt.a)
			require.NoError(t, err)
			ids := cat.ProgramIDs()
			require.Len(t, all, len(ids))
			require.Len(t, recs, len(ids))
			for i, id := range ids {
				one, err := cat.Decide(programs.Request{Program: id, AsOf: asOf, Applicant: tt.a})
				require.NoError(t, err)
				assert.Equal(t, id, all[i].Program)
				assert.Equal(t, one.Decision.Outcome, all[i].Outcome, id)
				assert.Equal(t, one.Decision.Explain(coop.FR), all[i].Explain(coop.FR), id)
				assert.Equal(t, one.InputHash, recs[i].InputHash, id)
				assert.Equal(t, one.Decision.Outcome, recs[i].Decision.Outcome, id)
			}
		})
	}

	for _, tc := range []struct {
		name  string
		asOf  coop.Date
		a     programs.Applicant
		field string
	}{
		{"NoDate", coop.Date{}, programs.Applicant{Person: &programs.PersonFacts{}}, "as_of"},
		{"NoApplicant", d("2024-06-30"), programs.Applicant{}, "cooperative"},
		{"BothKinds", d("2024-06-30"), programs.Applicant{Person: &programs.PersonFacts{}, Cooperative: &coop.Cooperative{}}, "person"},
	} {
		_, err := cat.EvaluateAll(tc.asOf, tc.a)
		var e *coop.Error
		require.ErrorAs(t, err, &e, tc.name)
		assert.Equal(t, coop.Invalid, e.Code, tc.name)
		assert.Equal(t, tc.field, e.Fields[0].Field, tc.name)
	}
}
