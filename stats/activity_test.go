package stats_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/stats"
)

// The Meknès delegation's report on Khénifra (ODCO Meknès page): 12
// training sessions for the managers of 57 cooperatives, February to May
// 2023, INDH axis III. Each of the 12 sessions gathers 5 of the
// cooperatives, two managers each, so that every cooperative attends at
// least once.
func TestActivity_Khenifra(t *testing.T) {
	var reg []coop.Cooperative
	for i := 0; i < 57; i++ {
		reg = append(reg, coop.Cooperative{ID: uuid.New(), Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-KHN",
			Sector: coop.Handicraft, RegisteredOn: d("2019-01-01"), Name: fmt.Sprintf("Khénifra %d", i+1)})
	}
	// A cooperative of Fès, served by another delegation, trained the same
	// month: not in Meknès's report.
	reg = append(reg, coop.Cooperative{ID: uuid.New(), Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-FES",
		RegisteredOn: d("2019-01-01"), Supports: []coop.Support{{ActionID: uuid.New(), Kind: coop.Training, Start: d("2023-03-01"), People: 3}}})
	start := d("2023-02-06")
	next := 0
	for s := 0; s < 12; s++ {
		action := uuid.New()
		on := start.AddDays(s * 9)
		for k := 0; k < 5; k++ {
			c := &reg[next%57]
			next++
			c.Supports = append(c.Supports, coop.Support{ActionID: action, Kind: coop.Training, Title: "Gestion des coopératives",
				Start: on, Operator: "ODCO Meknès", Program: "indh-income", Partners: []string{"INDH Khénifra"}, People: 2, Women: 1, Youth: 1})
		}
	}
	// A financial support of the same period.
	reg[0].Supports = append(reg[0].Supports, coop.Support{ActionID: uuid.New(), Kind: coop.FinancialSupport, Start: d("2023-05-15"),
		Financing: &coop.Financing{Funder: "INDH", Amount: coop.MustParseMAD("120000"), Cost: coop.MustParseMAD("200000")}})

	a, err := stats.ActivityReport(slices.Values(reg), stats.ActivityOptions{From: d("2023-02-01"), To: d("2023-05-31"), Delegation: "meknes"})
	require.NoError(t, err)
	require.Len(t, a.ByKind, 2)
	training := a.ByKind[1]
	assert.Equal(t, coop.Training, training.Kind)
	assert.Equal(t, 12, training.Sessions)
	assert.Equal(t, 57, training.Cooperatives)
	assert.Equal(t, 120, training.People)
	assert.Equal(t, 60, training.Women)
	assert.Equal(t, 13, a.Sessions)
	assert.Equal(t, 57, a.Cooperatives)
	require.Len(t, a.Funding, 1)
	assert.Equal(t, "INDH", a.Funding[0].Funder)
	assert.Equal(t, "120000.00", coop.FormatMAD(a.Funding[0].Amount))

	// Outside the period, nothing.
	a, err = stats.ActivityReport(slices.Values(reg), stats.ActivityOptions{From: d("2023-06-01"), To: d("2023-12-31"), Delegation: "meknes"})
	require.NoError(t, err)
	assert.Zero(t, a.Sessions)
	_, err = stats.ActivityReport(slices.Values(reg), stats.ActivityOptions{From: d("2023-06-01"), To: d("2023-01-01")})
	require.ErrorIs(t, err, coop.ErrInvalid)
}

func TestLabels_CoverageAndExpiry(t *testing.T) {
	label := func(kind coop.LabelKind, from, until string) coop.Label {
		l := coop.Label{ID: uuid.New(), Kind: kind, Name: string(kind), Issuer: "x", ValidFrom: d(from)}
		if until != "" {
			l.ValidUntil = d(until)
		}
		return l
	}
	reg := []coop.Cooperative{
		{ID: uuid.New(), Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-IFR", Sector: coop.Agriculture, RegisteredOn: d("2010-01-01"),
			Labels: []coop.Label{label(coop.CollectiveLabel, "2015-01-01", ""), label(coop.ONSSAApproval, "2018-01-01", "2024-07-15")}},
		{ID: uuid.New(), Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-MID", Sector: coop.Handicraft, RegisteredOn: d("2009-01-01"),
			Labels: []coop.Label{label(coop.NationalCraftLabel, "2020-01-01", "2024-12-31")}},
		{ID: uuid.New(), Kind: coop.KindCooperative, Status: coop.Active, Province: "MA-IFR", Sector: coop.Agriculture, RegisteredOn: d("2012-01-01")},
	}
	suspended := label(coop.ONSSAApproval, "2019-01-01", "")
	suspended.SuspendedFrom = d("2024-01-01")
	reg[2].Labels = []coop.Label{suspended}

	cov, err := stats.Labels(slices.Values(reg), d("2024-06-30"), 1, stats.Sector)
	require.NoError(t, err)
	require.Len(t, cov.Rows, 2)
	agri := cov.Rows[0]
	assert.Equal(t, []string{"agriculture"}, agri.Keys)
	assert.Equal(t, 2, agri.Cooperatives)
	assert.Equal(t, 1, agri.Labelled, "a suspended approval is not held")
	assert.Equal(t, "50.0", agri.Share.StringFixed(1))
	assert.Equal(t, 1, agri.ByKind[coop.ONSSAApproval])

	exp, err := stats.Expiring(slices.Values(reg), d("2024-06-30"), d("2024-09-30"))
	require.NoError(t, err)
	require.Len(t, exp, 1)
	assert.Equal(t, coop.ONSSAApproval, exp[0].Label.Kind)
	exp, _ = stats.Expiring(slices.Values(reg), d("2024-06-30"), d("2024-12-31"))
	assert.Len(t, exp, 2)
}
