package programs_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// TestEnterpriseFacts checks what an association, a VSE or an
// auto-entrepreneur is read from, and that bad facts are refused with
// their field and rule before anything is decided.
func TestEnterpriseFacts(t *testing.T) {
	for _, tt := range []struct {
		name        string
		facts       programs.Facts
		field, rule string
	}{
		{"NoKind", programs.Facts{Enterprise: &programs.CaseEnterprise{CreatedOn: "2022-01-01"}}, "enterprise.kind", "required"},
		{"UnknownKind", programs.Facts{Enterprise: &programs.CaseEnterprise{Kind: "cooperative"}}, "enterprise.kind", "enum"},
		{"BadDate", programs.Facts{Enterprise: &programs.CaseEnterprise{Kind: "vse", CreatedOn: "01/02/2022"}}, "enterprise.created_on", "date"},
		{"NegativeTurnover", programs.Facts{Enterprise: &programs.CaseEnterprise{Kind: "vse", Turnover: "-5"}}, "enterprise.turnover", "dec_gte0"},
		{"ThreeDecimals", programs.Facts{Enterprise: &programs.CaseEnterprise{Kind: "vse", Turnover: "10.005"}}, "enterprise.turnover", "amount"},
		{"UnknownZone", programs.Facts{Enterprise: &programs.CaseEnterprise{Kind: "vse"}, Project: &programs.CaseProject{Cost: "1000", Zone: "mountain"}}, "project.zone", "enum"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.facts.Applicant()
			require.ErrorIs(t, err, coop.ErrInvalid)
			var e *coop.Error
			require.True(t, errors.As(err, &e))
			require.NotEmpty(t, e.Fields)
			assert.Equal(t, tt.field, e.Fields[0].Field)
			assert.Equal(t, tt.rule, e.Fields[0].Rule)
		})
	}

	a, err := (&programs.Facts{Enterprise: &programs.CaseEnterprise{Kind: "auto-entrepreneur", CreatedOn: "2021-03-01", Turnover: "120000.50",
		Declared: map[string]bool{"property-development": false}}, Project: &programs.CaseProject{Cost: "90000", Zone: "rural"}}).Applicant()
	require.NoError(t, err)
	assert.Equal(t, programs.AutoEntrepreneur, a.Kind())
	assert.Equal(t, "2021-03-01", a.Enterprise.CreatedOn.String())
	assert.Equal(t, "120000.5", a.Enterprise.Turnover.Decimal.String())
	assert.Equal(t, programs.Rural, a.Project.Zone)
}

// TestEvaluate_OneApplicant checks that a request gives one applicant:
// a cooperative, a person or an enterprise.
func TestEvaluate_OneApplicant(t *testing.T) {
	cat := programs.Default()
	vse := &programs.EnterpriseFacts{Kind: programs.VSE, CreatedOn: d("2022-01-01")}
	for _, tt := range []struct {
		name  string
		a     programs.Applicant
		field string
	}{
		{"PersonAndEnterprise", programs.Applicant{Person: &programs.PersonFacts{}, Enterprise: vse}, "enterprise"},
		{"CooperativeAndEnterprise", programs.Applicant{Cooperative: &coop.Cooperative{}, Enterprise: vse}, "enterprise"},
		{"NoKind", programs.Applicant{Enterprise: &programs.EnterpriseFacts{}}, "enterprise.kind"},
		{"BadZone", programs.Applicant{Enterprise: vse, Project: &programs.Project{Zone: "coast"}}, "project.zone"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cat.Evaluate(programs.Request{Program: "intelaka", AsOf: d("2023-06-30"), Applicant: tt.a})
			require.ErrorIs(t, err, coop.ErrInvalid)
			var e *coop.Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, tt.field, e.Fields[0].Field)
		})
	}
}

// TestLoadPrograms_Benefit checks that a loan is written under benefit,
// grant being its older name, and that a file cannot give both.
func TestLoadPrograms_Benefit(t *testing.T) {
	const prog = `
programs:
  - id: loans
    names: {fr: Prêts, ar: قروض, en: Loans}
    accepts: [vse]
    reference: an illustrative programme
    criteria: [{kind: applicant-kind}]
    benefit: {kind: honour-loan}
    calls:
      - id: loans-2024
        opens: 2024-01-01
        parameters: {loan_cap: "50000", grant_part_cap: "5000", repayment_years: 7, grace_years: 1}
`
	cat := programs.Default()
	require.NoError(t, cat.LoadPrograms("loans.yaml", strings.NewReader(prog)))
	dec, err := cat.Evaluate(programs.Request{Program: "loans", AsOf: d("2024-02-01"),
		Applicant: programs.Applicant{Enterprise: &programs.EnterpriseFacts{Kind: programs.VSE}, Project: project("80000", "10000", "0")}})
	require.NoError(t, err)
	require.NotNil(t, dec.Benefit)
	assert.Equal(t, "50000.00", coop.FormatMAD(dec.Benefit.Loan.Decimal))
	assert.Equal(t, "5000.00", coop.FormatMAD(dec.Grant.Decimal), "the grant part is the decision's grant")
	assert.Equal(t, "un prêt d'honneur sans intérêt de 50.000,00 MAD, dont 5.000,00 MAD de subvention, remboursable sur 7 ans au plus après un différé de 1 an",
		dec.Benefit.Reason.Text(coop.FR))
	names := make([]string, len(dec.Benefit.Params))
	for i, p := range dec.Benefit.Params {
		names[i] = p.Name + "=" + p.Value + "@" + p.Since.String()
	}
	assert.Equal(t, []string{"loan_cap=50000.00@2024-01-01", "grant_part_cap=5000.00@2024-01-01", "repayment_years=7@2024-01-01", "grace_years=1@2024-01-01"}, names)

	both := strings.Replace(prog, "    benefit: {kind: honour-loan}\n", "    benefit: {kind: honour-loan}\n    grant: {kind: rate-cap}\n", 1)
	err = programs.Default().LoadPrograms("loans.yaml", strings.NewReader(both))
	require.ErrorIs(t, err, coop.ErrInvalid)
	assert.Contains(t, err.Error(), "loans.yaml:8: programs[0].benefit: give benefit or grant, not both")
}

// TestFounded checks the range on the date an applicant was founded: a
// cooperative's registration, an enterprise's creation, either end
// inclusive or strict, and an unknown date of creation.
func TestFounded(t *testing.T) {
	const prog = `
programs:
  - id: founded-range
    names: {fr: Fondés récemment, ar: مؤسسة حديثا, en: Recently founded}
    accepts: [cooperative, vse]
    reference: an illustrative programme
    criteria:
      - {kind: founded, strict: [max]}
    calls:
      - id: founded-2024
        opens: 2024-01-01
        parameters: {founded_from: 2020-01-01, founded_until: 2024-01-01}
`
	cat := programs.Default()
	require.NoError(t, cat.LoadPrograms("founded.yaml", strings.NewReader(prog)))
	for _, tt := range []struct {
		name string
		a    programs.Applicant
		want coop.Outcome
	}{
		{"FirstDayIn", programs.Applicant{Cooperative: &coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, RegisteredOn: d("2020-01-01")}}, coop.Pass},
		{"DayBefore", programs.Applicant{Cooperative: &coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, RegisteredOn: d("2019-12-31")}}, coop.Fail},
		{"StrictEnd", programs.Applicant{Enterprise: &programs.EnterpriseFacts{Kind: programs.VSE, CreatedOn: d("2024-01-01")}}, coop.Fail},
		{"DayBeforeStrictEnd", programs.Applicant{Enterprise: &programs.EnterpriseFacts{Kind: programs.VSE, CreatedOn: d("2023-12-31")}}, coop.Pass},
		{"NotRegistered", programs.Applicant{Cooperative: &coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active}}, coop.Fail},
		{"NoCreationDate", programs.Applicant{Enterprise: &programs.EnterpriseFacts{Kind: programs.VSE}}, coop.Unknown},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dec, err := cat.Evaluate(programs.Request{Program: "founded-range", AsOf: d("2024-06-01"), Applicant: tt.a})
			require.NoError(t, err)
			r, ok := dec.Criterion("founded")
			require.True(t, ok)
			assert.Equal(t, tt.want, r.Outcome, r.Reason.Text(coop.EN))
			if tt.want != coop.Unknown && tt.name != "NotRegistered" {
				assert.Contains(t, r.Reason.Text(coop.FR), "à partir du 1er janvier 2020 et avant le 1er janvier 2024")
				assert.Contains(t, r.Reason.Text(coop.AR), "ابتداء من 1 يناير 2020 وقبل 1 يناير 2024")
			}
		})
	}

	// A call that sets a date as a number, or neither end, is refused.
	for _, bad := range []struct{ from, to, want string }{
		{"founded_from: 2020-01-01, founded_until: 2024-01-01", "founded_from: 2020, founded_until: 2024-01-01", "founded.yaml:12: programs[0].calls[0].parameters.founded_from"},
		{"parameters: {founded_from: 2020-01-01, founded_until: 2024-01-01}", "parameters: {}", "the call sets at least one end"},
	} {
		err := programs.Default().LoadPrograms("founded.yaml", strings.NewReader(strings.Replace(prog, bad.from, bad.to, 1)))
		require.ErrorIs(t, err, coop.ErrInvalid)
		assert.Contains(t, err.Error(), bad.want)
	}
}
