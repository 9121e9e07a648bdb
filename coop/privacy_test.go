package coop_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"

	"github.com/taawun/taawun/coop"
)

func TestCooperative_Redacted(t *testing.T) {
	amina := uuid.New()
	c := coop.Cooperative{Name: "Coopérative Tinas", Liquidator: "Me Bennani", Members: []coop.Member{
		{ID: amina, Number: 1, Type: coop.Natural, Name: "Amina", CIN: coop.MustParseCIN("D123456"), BirthDate: coop.MustParseDate("1990-01-01"),
			Phone: coop.MustParsePhone("0612345678"), Address: "Ouislane", Occupation: "apicultrice", Gender: coop.Female,
			JoinedOn: coop.MustParseDate("2019-04-15")},
		{Number: 2, Type: coop.Legal, Name: "Société Atlas", ICE: coop.MustParseICE("002136093000040")},
		{Number: 3, Type: coop.MemberCooperative, Name: "Coopérative Nahla"},
	}, Governance: coop.Governance{
		Directors: []coop.Officer{{Name: "Amina", MemberID: amina, Role: "president", Since: coop.MustParseDate("2019-04-15")}},
		Managers:  []coop.Officer{{Name: "Khadija", Role: "manager"}},
		Auditor:   &coop.Auditor{Name: "Fiduciaire Atlas"}}}
	r := c.Redacted()

	m := r.Members[0]
	assert.Equal(t, coop.Member{ID: amina, Number: 1, Type: coop.Natural, Gender: coop.Female, JoinedOn: coop.MustParseDate("2019-04-15")}, m,
		"a natural person keeps only the register's public facts")
	assert.Equal(t, "Société Atlas", r.Members[1].Name, "a legal person is not redacted")
	assert.Equal(t, "Coopérative Nahla", r.Members[2].Name)
	assert.Equal(t, coop.Officer{Role: "president", Since: coop.MustParseDate("2019-04-15")}, r.Governance.Directors[0],
		"an officer keeps the office, not the name nor the link to the member")
	assert.Empty(t, r.Governance.Managers[0].Name)
	assert.Equal(t, "Fiduciaire Atlas", r.Governance.Auditor.Name)
	assert.Empty(t, r.Liquidator)
	assert.Equal(t, "Coopérative Tinas", r.Name)

	// The original is untouched.
	assert.Equal(t, "Amina", c.Members[0].Name)
	assert.Equal(t, "Amina", c.Governance.Directors[0].Name)
	assert.Equal(t, amina, c.Governance.Directors[0].MemberID)
	assert.Equal(t, "Me Bennani", c.Liquidator)
}
