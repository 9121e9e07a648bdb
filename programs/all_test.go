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
		{"Enterprise", programs.Applicant{Enterprise: &programs.EnterpriseFacts{Kind: programs.VSE, CreatedOn: d("2023-01-10"),
			Turnover: mad("900000"), Declared: map[string]bool{"property-development": false}}, Project: project("200000", "40000", "0")}},
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
			if tt.a.Enterprise != nil {
				// A very small enterprise of a year and a half: Forsa and
				// Intelaka take it, with their loans; every programme of
				// cooperatives or persons answers applicant-kind alone.
				for _, d := range all {
					switch d.Program {
					case "forsa", "intelaka":
						assert.Equal(t, programs.Eligible, d.Outcome, d.Program)
						require.NotNil(t, d.Benefit, d.Program)
						// A need of 160,000 MAD: Forsa's honour loan stops at
						// its ceiling of 100,000 MAD.
						want := map[string]string{"forsa": "100000", "intelaka": "160000"}[d.Program]
						assert.Equal(t, want, d.Benefit.Loan.Decimal.String(), d.Program)
					default:
						assert.Equal(t, []string{programs.CritApplicantKind}, d.IDs(coop.Fail), d.Program)
						assert.Len(t, d.Criteria, 1, d.Program)
					}
				}
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
