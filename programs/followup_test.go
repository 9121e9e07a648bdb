package programs_test

import (
	"slices"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

func TestFollowUp(t *testing.T) {
	cat := programs.Default()
	visits := func(dates ...string) []coop.Support {
		var out []coop.Support
		for _, s := range dates {
			out = append(out, coop.Support{Kind: coop.CoachingVisit, Program: "mourafaka", Call: "mourafaka-t4", Start: d(s)})
		}
		return out
	}
	sel := []coop.Selection{{Program: "mourafaka", Call: "mourafaka-t4", SelectedOn: d("2022-06-01")}}
	regs := []coop.Cooperative{
		// On schedule: 6 visits in the first 12 months.
		{ID: uuid.New(), Name: "On time", Selections: sel, Supports: visits("2022-07-01", "2022-09-01", "2022-11-01", "2023-01-01", "2023-03-01", "2023-05-01")},
		// Behind: 2 visits in 12 months.
		{ID: uuid.New(), Name: "Late", Selections: sel, Supports: append(visits("2022-07-01", "2022-08-01"),
			coop.Support{Kind: coop.Training, Program: "mourafaka", Start: d("2022-09-01")},          // not a visit
			coop.Support{Kind: coop.CoachingVisit, Program: "indh-income", Start: d("2022-10-01")})}, // another programme
		// Not selected.
		{ID: uuid.New(), Name: "Other", Supports: visits("2022-07-01")},
		// Selected later than the date.
		{ID: uuid.New(), Name: "Future", Selections: []coop.Selection{{Program: "mourafaka", SelectedOn: d("2023-07-01")}}},
	}
	rep, err := cat.FollowUp(slices.Values(regs), "mourafaka", d("2023-06-01"))
	require.NoError(t, err)
	require.Len(t, rep.Beneficiaries, 2)
	assert.Equal(t, 1, rep.Behind)
	late := rep.Beneficiaries[0]
	assert.Equal(t, "Late", late.Name)
	assert.Equal(t, 2, late.Done)
	assert.Equal(t, 6, late.Due)
	assert.Equal(t, 4, late.Overdue)
	assert.Equal(t, 10, late.Remaining)
	assert.Equal(t, d("2024-06-01"), late.Ends)
	assert.Equal(t, d("2022-12-01"), late.NextDue)
	ok := rep.Beneficiaries[1]
	assert.Equal(t, "On time", ok.Name)
	assert.Equal(t, 6, ok.Done)
	assert.Equal(t, 0, ok.Overdue)
	assert.False(t, ok.Behind)
	assert.Equal(t, d("2023-08-01"), ok.NextDue)

	// A day before the 12th month, only 5 visits were due.
	rep, err = cat.FollowUp(slices.Values(regs), "mourafaka", d("2023-05-31"))
	require.NoError(t, err)
	assert.Equal(t, 5, rep.Beneficiaries[0].Due)

	_, err = cat.FollowUp(slices.Values(regs), "moazara", d("2023-06-01"))
	require.ErrorIs(t, err, coop.ErrInvalid)
	_, err = cat.FollowUp(slices.Values(regs), "awrach", d("2023-06-01"))
	require.ErrorIs(t, err, coop.ErrNotFound)
}
