package programs_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// The points of programs.md clarified on 2026-12-01 that case files cannot
// state: references, change dates, grants and unconfirmed rules.

func TestClarified_ReferencesFollowTheCall(t *testing.T) {
	cat := programs.Default()
	tests := []struct {
		name, call, asOf, criterion, want string
	}{
		{"ExistenceUnderT1", "", "2015-01-01", "existence-max", "press reports of the 1st tranche: \"the first two years\""},
		{"ExistenceUnderT4", "", "2024-01-01", "existence-max", "Mourafaka 4th tranche call (ODCO, 6 April 2022): legal existence not exceeding four years"},
		{"CallWindowCitesItsCall", "mourafaka-t4", "2022-01-01", "call-window", "Mourafaka 4th tranche call (ODCO, 6 April 2022): legal existence not exceeding four years"},
		{"CallWindowUnderT1", "mourafaka-t1", "2014-01-01", "call-window", "Mourafaka 1st tranche (2014): cooperatives in their first two years"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec, err := cat.Evaluate(programs.Request{Program: "mourafaka", Call: tt.call, AsOf: d(tt.asOf),
				Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2013-06-01"), Province: "MA-FES"})})
			require.NoError(t, err)
			r, ok := dec.Criterion(tt.criterion)
			require.True(t, ok)
			assert.Equal(t, tt.want, r.Reference)
		})
	}
	// A programme's moazara call-window cites the edition.
	dec, err := cat.Evaluate(programs.Request{Program: "moazara", AsOf: d("2023-10-01"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Province: "MA-OUJ"})})
	require.NoError(t, err)
	r, _ := dec.Criterion("call-window")
	assert.Contains(t, r.Reference, "4th edition (15 September - 13 October 2023)")
}

func TestClarified_NamedCallBeforeItOpens(t *testing.T) {
	cat := programs.Default()
	dec, err := cat.Evaluate(programs.Request{Program: "motatawi3", Call: "motatawi3-2023", AsOf: d("2023-06-18"),
		Applicant: programs.Applicant{Person: &programs.PersonFacts{BirthDate: d("2003-01-10")}}})
	require.NoError(t, err)
	assert.Equal(t, []string{"applicant-kind", "call-window", "age"}, ids(dec))
	age, _ := dec.Criterion("age")
	assert.Equal(t, coop.Pass, age.Outcome)
	assert.Equal(t, d("2023-06-19"), age.Params[0].Since, "the parameters as they stand on the call's opening")
	assert.Equal(t, "2023-06-19", dec.ChangesOn.String(), "eligible when the call opens")
	assert.Equal(t, programs.Eligible, dec.ChangesTo)
}

func ids(dec programs.Decision) []string {
	var out []string
	for _, c := range dec.Criteria {
		out = append(out, c.ID)
	}
	return out
}

func TestClarified_ChangeOfDefaultCall(t *testing.T) {
	cat := programs.Default()
	// Under the 1st tranche (2 years) on 2022-04-05, eligible under the 4th
	// (4 years) from the next day.
	dec, err := cat.Evaluate(programs.Request{Program: "mourafaka", AsOf: d("2022-04-05"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2019-06-01"), Province: "MA-FES"})})
	require.NoError(t, err)
	assert.Equal(t, programs.Ineligible, dec.Outcome)
	assert.Equal(t, "mourafaka-t1", dec.Call)
	assert.Equal(t, "2022-04-06", dec.ChangesOn.String())
	assert.Equal(t, programs.Eligible, dec.ChangesTo)
	assert.Equal(t, "ineligible; eligible from April 6, 2022", dec.Summary(coop.EN))

	// Naming the call keeps it: no change in sight under the 1st tranche.
	dec, err = cat.Evaluate(programs.Request{Program: "mourafaka", Call: "mourafaka-t1", AsOf: d("2022-04-05"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2019-06-01"), Province: "MA-FES"})})
	require.NoError(t, err)
	assert.True(t, dec.ChangesOn.IsZero())

	// Before any call: eligible when the first one opens.
	dec, err = cat.Evaluate(programs.Request{Program: "moazara", AsOf: d("2023-06-30"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Province: "MA-OUJ"})})
	require.NoError(t, err)
	assert.Equal(t, []string{"call-window"}, ids(dec))
	assert.Equal(t, "2023-09-15", dec.ChangesOn.String())
	assert.Equal(t, programs.Eligible, dec.ChangesTo)
}

func TestClarified_Grants(t *testing.T) {
	cat := programs.Default()
	c := coop.Cooperative{RegisteredOn: d("2019-02-01"), Sector: coop.Agriculture, Province: "MA-TAO",
		Members: []coop.Member{{Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female},
			{Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female}}}
	tests := []struct {
		name    string
		c       coop.Cooperative
		project *programs.Project
		outcome programs.Outcome
		grant   string // "" when no grant is reported
	}{
		{"Eligible", c, project("400000", "200000", "0"), programs.Eligible, "240000.00"},
		{"Undetermined", c, project("400000", "200000", ""), programs.Undetermined, "240000.00"},
		{"IneligibleHasNoGrant", c, project("400000", "100000", "0"), programs.Ineligible, ""},
		{"NoCostNoGrant", c, project("", "200000", "0"), programs.Undetermined, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dec, err := cat.Evaluate(programs.Request{Program: "indh-income", AsOf: d("2023-05-01"),
				Applicant: programs.Applicant{Cooperative: &tt.c, Project: tt.project}})
			require.NoError(t, err)
			assert.Equal(t, tt.outcome, dec.Outcome, dec.Explain(coop.EN))
			if tt.grant == "" {
				assert.False(t, dec.Grant.Valid)
				return
			}
			require.True(t, dec.Grant.Valid)
			assert.Equal(t, tt.grant, coop.FormatMAD(dec.Grant.Decimal))
		})
	}
}

func TestClarified_Unconfirmed(t *testing.T) {
	cat := programs.Default()
	women := make([]coop.Member, 5)
	for i := range women {
		women[i] = coop.Member{Type: coop.Natural, Gender: coop.Female, BirthDate: d("1995-01-01")}
	}
	dec, err := cat.Evaluate(programs.Request{Program: "lalla-al-moutaaouina", AsOf: d("2024-03-01"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Members: women})})
	require.NoError(t, err)
	r, _ := dec.Criterion("women-only")
	assert.True(t, r.Unconfirmed)
	assert.Contains(t, r.Note, "the sources do not say whether every member must be a woman")
	assert.Contains(t, dec.Explain(coop.FR), "(non confirmé\u00a0: ")

	dec, err = cat.Evaluate(programs.Request{Program: "piae", AsOf: d("2023-06-01"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Province: "MA-CAS", Members: women})})
	require.NoError(t, err)
	r, _ = dec.Criterion("call-window")
	require.Len(t, r.Params, 2)
	closes := r.Params[1]
	assert.Equal(t, "closes", closes.Name)
	assert.True(t, closes.Unconfirmed)
	assert.Contains(t, closes.Note, "3 years from 2022")

	// The youth age range of Génération Solidaire is a parameter flagged
	// unconfirmed, with its note, in the decision.
	dec, err = cat.Evaluate(programs.Request{Program: "generation-solidaire", AsOf: d("2023-06-01"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Members: women})})
	require.NoError(t, err)
	r, _ = dec.Criterion("youth-members")
	for _, p := range r.Params {
		assert.True(t, p.Unconfirmed, p.Name)
		assert.True(t, strings.HasPrefix(p.Note, "No official definition"), p.Note)
	}
}
