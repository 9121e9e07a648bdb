package httpapi_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/stats"
)

func TestSupportLabelsGroupings(t *testing.T) {
	e := newEnv(t)
	a := e.registerIn("Coopérative Khénifra Une", "MA-KHN", meknesToken)
	b := e.registerIn("Coopérative Khénifra Deux", "MA-KHN", meknesToken)
	cas := e.registerIn("Coopérative Casa", "MA-CAS", casablancaToken)

	res := e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/selections", a.ID), meknesToken,
		map[string]any{"selection": map[string]any{"program": "mourafaka", "call": "mourafaka-t4", "selected_on": today}}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())

	action := func(kind, start string, reached ...map[string]any) map[string]any {
		return map[string]any{"kind": kind, "title": "Session", "start": start, "delegation": "meknes", "program": "mourafaka",
			"call": "mourafaka-t4", "reached": reached}
	}
	bad := []struct {
		name   string
		token  string
		body   map[string]any
		status int
	}{
		{"VisitBeforeSelection", meknesToken, action("coaching-visit", "2024-06-29", map[string]any{"cooperative_id": a.ID}), 422},
		{"FunderAbove100", meknesToken, action("financial-support", "2024-06-30", map[string]any{"cooperative_id": b.ID,
			"financing": map[string]any{"funder": "INDH", "amount": "120", "cost": "100"}}), 400},
		{"ForeignCooperative", meknesToken, action("training", "2024-06-30", map[string]any{"cooperative_id": a.ID}, map[string]any{"cooperative_id": cas.ID}), 403},
		{"Anonymous", "", action("training", "2024-06-30", map[string]any{"cooperative_id": a.ID}), 401},
	}
	for _, tt := range bad {
		res := e.do("POST", "/v1/support-actions", tt.token, tt.body, nil)
		assert.Equal(t, tt.status, res.Code, "%s: %s", tt.name, res.Body.String())
	}
	got, _ := e.reg.Get(t.Context(), a.ID)
	assert.Empty(t, got.Supports, "nothing stored")

	res = e.do("POST", "/v1/support-actions", meknesToken, action("coaching-visit", "2024-06-30",
		map[string]any{"cooperative_id": a.ID, "people": 2, "women": 2}), nil)
	require.Equal(t, 201, res.Code, res.Body.String())
	res = e.do("POST", "/v1/support-actions", meknesToken, map[string]any{"kind": "training", "title": "Gestion", "start": "2024-06-30",
		"delegation": "meknes", "reached": []map[string]any{{"cooperative_id": a.ID, "people": 2, "women": 1}, {"cooperative_id": b.ID, "people": 3}}}, nil)
	require.Equal(t, 201, res.Code, res.Body.String())

	res = e.do("GET", "/v1/programs/mourafaka/follow-up?as_of=2024-06-30", "", nil, nil)
	require.Equal(t, 200, res.Code)
	fu := decode[programs.FollowUpReport](t, res)
	require.Len(t, fu.Beneficiaries, 1)
	assert.Equal(t, 1, fu.Beneficiaries[0].Done)

	res = e.do("GET", "/v1/stats/activity?from=2024-06-01&to=2024-06-30&delegation=meknes", "", nil, nil)
	require.Equal(t, 200, res.Code)
	act := decode[stats.Activity](t, res)
	assert.Equal(t, 2, act.Sessions)
	assert.Equal(t, 2, act.Cooperatives)
	assert.Equal(t, 7, act.People)

	// Labels.
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/labels", b.ID), meknesToken, map[string]any{"label": map[string]any{
		"kind": "national-craft-label", "name": "Label national de l'artisanat", "issuer": "Ministry", "valid_from": "2024-06-30", "valid_until": "2024-06-01"}}, nil)
	assert.Equal(t, 400, res.Code, "valid until before issued")
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/labels", b.ID), meknesToken, map[string]any{"label": map[string]any{
		"kind": "national-craft-label", "name": "Label national de l'artisanat", "issuer": "Ministry", "valid_from": "2024-06-30", "valid_until": "2024-09-30"}}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	lb := decode[coop.Cooperative](t, res).Labels[0]
	res = e.do("GET", fmt.Sprintf("/v1/cooperatives/%s/labels?date=2024-06-30", b.ID), "", nil, nil)
	require.Equal(t, 200, res.Code)
	assert.Len(t, decode[[]coop.Label](t, res), 1)
	res = e.do("GET", "/v1/labels/expiring?from=2024-06-30&to=2024-12-31", "", nil, nil)
	require.Equal(t, 200, res.Code)
	assert.Len(t, decode[[]stats.Expiry](t, res), 1)
	res = e.do("GET", "/v1/stats/labels?as_of=2024-06-30&by=province", "", nil, nil)
	require.Equal(t, 200, res.Code)
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/labels/%s/suspension", b.ID, lb.ID), meknesToken,
		map[string]any{"on": "2024-06-30", "reason": "audit"}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/labels/%s/withdrawal", b.ID, lb.ID), meknesToken,
		map[string]any{"on": "2024-06-30", "reason": "closure"}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())

	// Groupings: a union's members are cooperatives.
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/union-members", a.ID), meknesToken,
		map[string]any{"cooperative_id": b.ID, "on": "2024-06-30", "admitted_by": "EGM", "shares": 1, "amount": "100", "paid": "100"}, nil)
	assert.Equal(t, 400, res.Code, "a is not a union: %s", res.Body.String())
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/groupings", a.ID), meknesToken,
		map[string]any{"grouping": map[string]any{"kind": "eig", "name": "GIE Miel de l'Atlas", "from": "2024-06-30"}}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
}
