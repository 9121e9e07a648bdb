package programs_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

func TestRecord_Replay(t *testing.T) {
	cat := programs.Default()
	req := programs.Request{Program: "indh-income", AsOf: d("2023-06-30"),
		Applicant: coopApplicant(coop.Cooperative{RegisteredOn: d("2020-01-01"), Sector: coop.Handicraft, Province: "MA-MEK",
			Members: []coop.Member{{Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female},
				{Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female}, {Type: coop.Natural, Gender: coop.Female}}})}
	req.Applicant.Project = project("500000", "200000", "0")
	rec, err := cat.Decide(req)
	require.NoError(t, err)
	assert.Equal(t, programs.RecordFormat, rec.Format)
	assert.Len(t, rec.InputHash, 64)
	assert.Equal(t, "300000.00", coop.FormatMAD(rec.Decision.Grant.Decimal))

	b, err := json.Marshal(rec)
	require.NoError(t, err)
	var stored programs.Record
	require.NoError(t, json.Unmarshal(b, &stored))
	// Stored reasons read back as their rendered text.
	r, ok := stored.Decision.Criterion("women-youth-share")
	require.True(t, ok)
	orig, _ := rec.Decision.Criterion("women-youth-share")
	assert.Equal(t, orig.Reason.Text(coop.AR), r.Reason.Text(coop.AR))

	rp, err := cat.Replay(stored)
	require.NoError(t, err)
	assert.True(t, rp.Same, "differences: %v", rp.Differences)
	assert.False(t, rp.CatalogueChanged)

	// A record whose facts were altered no longer matches its hash.
	tampered := stored
	tampered.Request.AsOf = d("2023-07-01")
	_, err = cat.Replay(tampered)
	require.ErrorIs(t, err, coop.ErrInvalid)

	// The same request under a changed catalogue says what changed.
	other := programs.Default()
	require.NoError(t, other.AddCall("indh-income", programs.Call{ID: "indh-income-2023-meknes", Opens: d("2023-06-01"), Closes: d("2023-06-29")}))
	rp, err = other.Replay(stored)
	require.NoError(t, err)
	assert.True(t, rp.CatalogueChanged)
	assert.False(t, rp.Same)
	assert.Contains(t, rp.Differences, "outcome: eligible -> ineligible")

	_, err = cat.Replay(programs.Record{Format: "v0"})
	require.ErrorIs(t, err, coop.ErrInvalid)
}

// TestRecord_ReplayLoan stores and replays an enterprise's decision with a
// loan: the record reads back and decides the same, and a catalogue whose
// rate changed says so.
func TestRecord_ReplayLoan(t *testing.T) {
	cat := programs.Default()
	req := programs.Request{Program: "intelaka", AsOf: d("2023-06-30"),
		Applicant: programs.Applicant{Enterprise: &programs.EnterpriseFacts{Kind: programs.VSE, CreatedOn: d("2021-01-10"),
			Turnover: mad("2000000"), Declared: map[string]bool{"property-development": false}},
			Project: &programs.Project{Cost: mad("500000"), OwnCash: mad("100000"), OwnInKind: mad("0"), Zone: programs.Rural}}}
	rec, err := cat.Decide(req)
	require.NoError(t, err)
	require.NotNil(t, rec.Decision.Benefit)
	b, err := json.Marshal(rec)
	require.NoError(t, err)
	var stored programs.Record
	require.NoError(t, json.Unmarshal(b, &stored))
	assert.Equal(t, programs.Rural, stored.Request.Applicant.Project.Zone)
	rp, err := cat.Replay(stored)
	require.NoError(t, err)
	assert.True(t, rp.Same, "differences: %v", rp.Differences)

	other := programs.Default()
	require.NoError(t, other.LoadCalls("rate.yaml", strings.NewReader(`
- program: intelaka
  id: intelaka-2023
  opens: 2023-06-01
  parameters: {max_vse_years: 5, max_turnover: "10000000", loan_cap: "1200000", loan_rate: "0.025", rural_loan_rate: "0.02", guarantee_share: "0.80"}
`)))
	rp, err = other.Replay(stored)
	require.NoError(t, err)
	assert.Contains(t, rp.Differences, "rate: 0.0175 -> 0.02")
}
