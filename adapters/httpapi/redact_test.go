package httpapi_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// personal are the names, CIN, birth dates and phones of a cooperative's
// members and officers, as registerIn and the writes below give them.
var personal = []string{"Founder 1", "Founder 6", "D100000", "D100005", "1990-05-01", "Amina", "Saida", "Khadija", "Me Bennani"}

// TestRedaction reads a cooperative through every route that returns its
// members or officers, anonymously, out of scope and in scope: personal
// data is absent unless the principal's scope covers the cooperative as it
// is now, and nothing links an office back to a member.
func TestRedaction(t *testing.T) {
	e := newEnv(t)
	c := e.registerAt("Coopérative Discrète", "MA-MEK", meknesToken, coop.MustParseDate("2024-01-15"))
	res := e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/board", c.ID), meknesToken, map[string]any{"on": "2024-02-01",
		"officers": []map[string]any{{"name": "Amina", "member_id": c.Members[0].ID, "role": "president"}, {"name": "Saida"}, {"name": "Khadija"}}}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	routes := []string{
		"/v1/cooperatives/" + c.ID.String(),
		"/v1/cooperatives?name=discrete",
		"/v1/registration-numbers/" + url.PathEscape(c.RegistrationNumber),
		"/v1/cooperatives/" + c.ID.String() + "/state?date=2024-03-01",
		"/v1/cooperatives/" + c.ID.String() + "/journal",
	}
	check := func(token string, visible bool, why string) {
		t.Helper()
		for _, path := range routes {
			res := e.do("GET", path, token, nil, nil)
			require.Equal(t, 200, res.Code, res.Body.String())
			body := res.Body.String()
			for _, p := range personal {
				if visible && (p == "Me Bennani") {
					continue
				}
				assert.Equal(t, visible && strings.Contains(body, p), strings.Contains(body, p), "%s: %s in %s", why, p, path)
			}
			if !visible {
				assert.NotContains(t, body, `"member_id"`, "%s: an office does not point to its member in %s", why, path)
				assert.NotContains(t, body, `"birth_date"`, "%s: %s", why, path)
				assert.NotContains(t, body, `"cin"`, "%s: %s", why, path)
			}
		}
	}
	check("", false, "anonymous")
	check(casablancaToken, false, "out of scope")
	check(meknesToken, true, "in scope")
	check(nationalToken, true, "national")
	// In scope, the data is there to read.
	got := decode[coop.Cooperative](t, e.do("GET", "/v1/cooperatives/"+c.ID.String(), meknesToken, nil, nil))
	assert.Equal(t, "Amina", got.Governance.Directors[0].Name)
	assert.Equal(t, c.Members[0].ID, got.Governance.Directors[0].MemberID)

	// The seat moves to Essaouira: the Meknès delegation no longer reads the
	// members' data, even of the state before the move.
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/seat", c.ID), nationalToken,
		map[string]any{"on": "2024-05-01", "province": "MA-ESI", "votes": map[string]any{"for": 6}}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	check(meknesToken, false, "after the move")
	past := decode[coop.Cooperative](t, e.do("GET", "/v1/cooperatives/"+c.ID.String()+"/state?date=2024-03-01", meknesToken, nil, nil))
	assert.Equal(t, coop.ProvinceCode("MA-MEK"), past.Province, "the past state was in Meknès")
	assert.Empty(t, past.Members[0].Name, "and is read with the scope of now")

	// A liquidator is a person too.
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/liquidation", c.ID), nationalToken,
		map[string]any{"on": today, "liquidator": "Me Bennani"}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	for _, path := range routes {
		assert.NotContains(t, e.do("GET", path, "", nil, nil).Body.String(), "Me Bennani", path)
	}
	assert.Contains(t, e.do("GET", "/v1/cooperatives/"+c.ID.String(), nationalToken, nil, nil).Body.String(), "Me Bennani")

	// A name approval tells how many signed, not who.
	a := decode[registry.NameApproval](t, e.do("GET", "/v1/name-approvals/"+c.ApprovalID.String(), "", nil, nil))
	require.Len(t, a.Signatories, 5)
	assert.Equal(t, registry.Signatory{}, a.Signatories[0])
}
