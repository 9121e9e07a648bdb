package httpapi_test

import (
	"fmt"
	"net/http/httptest"
	"sort"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// registerUnionAt registers a union of three founding cooperatives in
// province with token, on a past date.
func (e *env) registerUnionAt(name string, province coop.ProvinceCode, token string, on coop.Date) coop.Cooperative {
	e.t.Helper()
	res := e.do("POST", "/v1/name-approvals", token, map[string]any{"names": []string{name},
		"signatories": []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, {"name": "E"}},
		"province":    province, "requested_on": on, "decided_on": on}, nil)
	require.Equal(e.t, 201, res.Code, res.Body.String())
	a := decode[registry.NameApproval](e.t, res)
	var founders []map[string]any
	for i := range 3 {
		founders = append(founders, map[string]any{"member": map[string]any{"type": "cooperative", "name": fmt.Sprintf("Coopérative fondatrice %d", i+1)},
			"shares": 5, "amount": "500", "paid": "500"})
	}
	res = e.do("POST", "/v1/cooperatives", token, map[string]any{"approval_id": a.ID, "kind": "union", "registered_on": on,
		"sector": "agriculture", "province": province, "statutes": map[string]any{"duration_years": 99, "share_nominal": "100"},
		"founders": founders, "governance": map[string]any{"directors": []map[string]any{{"name": "A"}, {"name": "B"}, {"name": "C"}}}}, nil)
	require.Equal(e.t, 201, res.Code, res.Body.String())
	return decode[coop.Cooperative](e.t, res)
}

// scopeFixture is a registry with cooperatives and unions in Meknès and in
// Essaouira, linked across the two: the Essaouira cooperative is a member
// of the Meknès union, the Meknès cooperative of the Essaouira union. The
// Essaouira cooperative has a seventh member, an unpaid subscription, a
// pending withdrawal, a label and an EIG.
type scopeFixture struct {
	e                  *env
	mek, esi, esi2     coop.Cooperative
	mekUnion, esiUnion coop.Cooperative
	esiLabel           uuid.UUID
	esiEIG, mekInEsiU  uuid.UUID
	esiInMekU          uuid.UUID // the Essaouira cooperative's entry in the Meknès union's register
	esiApproval        uuid.UUID // approved 2024-04-25, renewable today
	esiUnusedApproval  uuid.UUID
}

func newScopeFixture(t *testing.T) *scopeFixture {
	e := newEnv(t)
	f := &scopeFixture{e: e}
	past := coop.MustParseDate("2022-03-01")
	f.mek = e.registerAt("Coopérative Meknassia", "MA-MEK", meknesToken, past)
	f.esi = e.registerAt("Coopérative Mogador", "MA-ESI", nationalToken, past)
	f.esi2 = e.registerAt("Coopérative Souiria", "MA-ESI", nationalToken, past)
	f.mekUnion = e.registerUnionAt("Union Ismailia", "MA-MEK", meknesToken, past)
	f.esiUnion = e.registerUnionAt("Union Haha", "MA-ESI", nationalToken, past)
	post := func(path string, body any) *httptest.ResponseRecorder {
		t.Helper()
		res := e.do("POST", path, nationalToken, body, nil)
		require.Less(t, res.Code, 300, res.Body.String())
		return res
	}
	join := func(union, member uuid.UUID) {
		post(fmt.Sprintf("/v1/cooperatives/%s/union-members", union),
			map[string]any{"cooperative_id": member, "on": "2024-01-15", "admitted_by": "EGM", "shares": 1, "amount": "100", "paid": "100"})
	}
	join(f.mekUnion.ID, f.esi.ID)
	join(f.esiUnion.ID, f.mek.ID)
	esi := f.esi.ID
	post(fmt.Sprintf("/v1/cooperatives/%s/members", esi), map[string]any{"on": "2024-01-10", "admitted_by": "OGM 2024-01-10",
		"member": map[string]any{"type": "natural", "name": "Nora"}, "shares": 20, "amount": "2000", "paid": "2000"})
	post(fmt.Sprintf("/v1/cooperatives/%s/members/%s/subscriptions", esi, f.esi.Members[0].ID),
		map[string]any{"on": "2024-02-01", "shares": 1, "amount": "100", "paid": "25"})
	post(fmt.Sprintf("/v1/cooperatives/%s/members/%s/withdrawal", esi, f.esi.Members[5].ID), map[string]any{"received": today})
	res := post(fmt.Sprintf("/v1/cooperatives/%s/labels", esi), map[string]any{"label": map[string]any{
		"kind": "national-craft-label", "name": "Label national de l'artisanat", "issuer": "Ministry", "valid_from": "2024-03-01"}})
	f.esiLabel = decode[coop.Cooperative](t, res).Labels[0].ID
	res = post(fmt.Sprintf("/v1/cooperatives/%s/groupings", esi), map[string]any{"grouping": map[string]any{"kind": "eig", "name": "GIE Argan", "from": "2024-01-01"}})
	for _, g := range decode[coop.Cooperative](t, res).Groupings {
		if g.Kind == coop.EIGGrouping {
			f.esiEIG = g.ID
		}
	}
	mek, err := e.reg.Get(t.Context(), f.mek.ID)
	require.NoError(t, err)
	f.mekInEsiU = mek.Groupings[0].ID
	u, err := e.reg.Get(t.Context(), f.mekUnion.ID)
	require.NoError(t, err)
	for _, m := range u.Members {
		if m.CooperativeID == f.esi.ID {
			f.esiInMekU = m.ID
		}
	}
	approve := func(name, on string) uuid.UUID {
		res := post("/v1/name-approvals", map[string]any{"names": []string{name},
			"signatories": []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, {"name": "E"}},
			"province":    "MA-ESI", "requested_on": on, "decided_on": on})
		return decode[registry.NameApproval](t, res).ID
	}
	f.esiApproval = approve("Coopérative Taghazout", "2024-04-25")
	f.esiUnusedApproval = approve("Coopérative Diabat", today.String())
	return f
}

// state is what the test compares before and after a refused request:
// every cooperative's version and journal length, and every approval's
// version.
func (f *scopeFixture) state(t *testing.T) map[string]int64 {
	out := map[string]int64{}
	for _, c := range []coop.Cooperative{f.mek, f.esi, f.esi2, f.mekUnion, f.esiUnion} {
		got, err := f.e.reg.Get(t.Context(), c.ID)
		require.NoError(t, err)
		j, err := f.e.reg.Journal(t.Context(), c.ID)
		require.NoError(t, err)
		out[c.Name+" version"], out[c.Name+" journal"] = got.Version, int64(len(j))
	}
	for _, id := range []uuid.UUID{f.esiApproval, f.esiUnusedApproval} {
		a, err := f.e.reg.GetApproval(t.Context(), id)
		require.NoError(t, err)
		out["approval "+a.Name] = a.Version
	}
	p, err := f.e.reg.List(t.Context(), registry.Filter{})
	require.NoError(t, err)
	out["cooperatives"] = int64(p.Total)
	return out
}

// TestScope_EveryWriteRoute sends, for every operation that writes, a
// request that is valid but changes a cooperative outside the Meknès
// delegation, with the Meknès delegation's token: each is answered 403 and
// changes nothing; the same request with the national token succeeds,
// which shows that scope alone refused it.
func TestScope_EveryWriteRoute(t *testing.T) {
	writes := scopeWrites()
	// The table covers every operation that writes.
	e := newEnv(t)
	var documented, covered []string
	for _, item := range e.doc["paths"].(map[string]any) {
		if op, ok := item.(map[string]any)["post"].(map[string]any); ok {
			if id := op["operationId"].(string); id != "eligibility" && id != "eligibilityAll" && id != "screen" {
				documented = append(documented, id)
			}
		}
	}
	for id := range writes {
		covered = append(covered, id)
	}
	sort.Strings(documented)
	sort.Strings(covered)
	require.Equal(t, documented, covered, "every writing operation is tried out of scope")

	for id, cases := range writes {
		for i, w := range cases {
			t.Run(fmt.Sprintf("%s/%d", id, i), func(t *testing.T) {
				f := newScopeFixture(t)
				before := f.state(t)
				res := f.e.do("POST", w.path(f), meknesToken, w.body(f), scopeHeaders[id])
				require.Equal(t, 403, res.Code, res.Body.String())
				assert.Equal(t, string(coop.Forbidden), decode[map[string]any](t, res)["code"])
				assert.Equal(t, before, f.state(t), "a refused request changes nothing")
				res = f.e.do("POST", w.path(f), nationalToken, w.body(f), scopeHeaders[id])
				if id == "joinUnion" && i == 1 {
					// A union cannot join a union: refused by the law once
					// the scope lets it through.
					require.Equal(t, 400, res.Code, res.Body.String())
					return
				}
				require.Less(t, res.Code, 300, "the national token may: %s", res.Body.String())
			})
		}
	}
}

// scopeWrite is a request of a write route, over a scope fixture: valid,
// and changing a cooperative outside the Meknès delegation.
type scopeWrite struct {
	path func(*scopeFixture) string
	body func(*scopeFixture) any
}

// scopeHeaders are the headers of the operations whose body is not JSON.
var scopeHeaders = map[string]map[string]string{"importRegister": {"Content-Type": "text/csv"}}

// essaouiraRegister is a register of one cooperative of Essaouira, as CSV.
const essaouiraRegister = `registration_number,court,name,name_ar,kind,registered_on,status,status_since,founded_under,conformed_on,sector,branch,province,commune,duration_years,share_nominal,member_number,member_type,member_name,gender,cin,birth_date,joined_on,shares,subscribed,paid
3/ESI/2021/9,ESI,Coopérative Tafraout,,cooperative,2021-03-01,active,,112-12,,agriculture,,MA-ESI,,99,100.00,1,natural,Fadma,female,,,,10,1000.00,1000.00
`

// scopeWrites returns, for each writing operation, its requests.
func scopeWrites() map[string][]scopeWrite {
	type write = scopeWrite
	member := func(route string) func(f *scopeFixture) string {
		return func(f *scopeFixture) string {
			return fmt.Sprintf("/v1/cooperatives/%s/members/%s/%s", f.esi.ID, f.esi.Members[0].ID, route)
		}
	}
	on := func(route string) func(f *scopeFixture) string {
		return func(f *scopeFixture) string { return fmt.Sprintf("/v1/cooperatives/%s/%s", f.esi.ID, route) }
	}
	body := func(v map[string]any) func(*scopeFixture) any { return func(*scopeFixture) any { return v } }
	votes := map[string]any{"for": 5}
	return map[string][]write{
		"approveName": {{func(*scopeFixture) string { return "/v1/name-approvals" }, body(map[string]any{"names": []string{"Coopérative Sidi Kaouki"},
			"signatories": []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, {"name": "E"}}, "province": "MA-ESI", "requested_on": today})}},
		"renewNameApproval": {{func(f *scopeFixture) string { return "/v1/name-approvals/" + f.esiApproval.String() + "/renewal" },
			body(map[string]any{"asked_on": today})}},
		"register": {{func(*scopeFixture) string { return "/v1/cooperatives" }, func(f *scopeFixture) any {
			var founders []map[string]any
			for i := range 5 {
				founders = append(founders, map[string]any{"member": map[string]any{"type": "natural", "name": fmt.Sprintf("F%d", i)},
					"shares": 5, "amount": "500", "paid": "500"})
			}
			return map[string]any{"approval_id": f.esiUnusedApproval, "kind": "cooperative", "registered_on": today, "sector": "agriculture",
				"province": "MA-ESI", "statutes": map[string]any{"duration_years": 99, "share_nominal": "100"}, "founders": founders,
				"governance": map[string]any{"managers": []map[string]any{{"name": "Amina"}}}}
		}}},
		"admitMember": {{on("members"), body(map[string]any{"on": today, "admitted_by": "OGM", "member": map[string]any{"type": "natural", "name": "Nora"},
			"shares": 1, "amount": "100", "paid": "100"})}},
		"importRegister":    {{func(*scopeFixture) string { return "/v1/register" }, func(*scopeFixture) any { return essaouiraRegister }}},
		"subscribeShares":   {{member("subscriptions"), body(map[string]any{"on": today, "shares": 1, "amount": "100", "paid": "100"})}},
		"payShares":         {{member("payments"), body(map[string]any{"on": today, "amount": "10"})}},
		"requestWithdrawal": {{member("withdrawal"), body(map[string]any{"received": today})}},
		"answerWithdrawal": {{func(f *scopeFixture) string {
			return fmt.Sprintf("/v1/cooperatives/%s/members/%s/withdrawal/answer", f.esi.ID, f.esi.Members[5].ID)
		}, body(map[string]any{"on": today, "accept": true})}},
		"excludeMember": {
			{member("exclusion"), body(map[string]any{"on": today, "reason": "breach", "votes": votes})},
			// The Meknès union excluding the Essaouira cooperative changes both.
			{func(f *scopeFixture) string {
				return fmt.Sprintf("/v1/cooperatives/%s/members/%s/exclusion", f.mekUnion.ID, f.esiInMekU)
			}, body(map[string]any{"on": today, "reason": "unpaid dues", "votes": map[string]any{"for": 3}})},
		},
		"recordDeparture": {{member("departure"), body(map[string]any{"on": today, "reason": "death"})}},
		"transferShares": {{on("transfers"), func(f *scopeFixture) any {
			return map[string]any{"from": f.esi.Members[0].ID, "to": f.esi.Members[1].ID, "on": today, "shares": 1}
		}}},
		"holdAssembly":    {{on("assemblies"), body(map[string]any{"assembly": map[string]any{"kind": "ordinary", "date": today, "call": 1, "present": 6}})}},
		"electBoard":      {{on("board"), body(map[string]any{"on": today, "officers": []map[string]any{{"name": "A"}, {"name": "B"}, {"name": "C"}}})}},
		"appointManagers": {{on("managers"), body(map[string]any{"on": today, "officers": []map[string]any{{"name": "A"}}})}},
		"appointAuditor":  {{on("auditor"), body(map[string]any{"on": today, "auditor": map[string]any{"name": "Fiduciaire", "term_years": 3}})}},
		"amendStatutes": {{on("statutes"), body(map[string]any{"on": today, "statutes": map[string]any{"duration_years": 50, "share_nominal": "100"},
			"votes": votes})}},
		"changeSeat":      {{on("seat"), body(map[string]any{"on": today, "province": "MA-MEK", "votes": votes})}},
		"reportTurnover":  {{on("turnover"), body(map[string]any{"on": today, "year": 2023, "amount": "1000"})}},
		"dissolve":        {{on("dissolution"), body(map[string]any{"on": today, "reason": "EGM", "votes": votes})}},
		"openLiquidation": {{on("liquidation"), body(map[string]any{"on": today, "liquidator": "Me Bennani"})}},
		"strikeOff":       {{on("striking-off"), body(map[string]any{"on": today, "reason": "duplicate-registration"})}},
		"recordSupport": {{func(*scopeFixture) string { return "/v1/support-actions" }, func(f *scopeFixture) any {
			return map[string]any{"kind": "training", "title": "Gestion", "start": today,
				"reached": []map[string]any{{"cooperative_id": f.mek.ID, "people": 2}, {"cooperative_id": f.esi.ID, "people": 1}}}
		}}},
		"select": {{on("selections"), body(map[string]any{"selection": map[string]any{"program": "mourafaka", "call": "mourafaka-t4", "selected_on": today}})}},
		"awardLabel": {{on("labels"), body(map[string]any{"label": map[string]any{"kind": "collective-label", "name": "Terroir", "issuer": "MAPMDREF",
			"valid_from": today}})}},
		"suspendLabel": {{func(f *scopeFixture) string {
			return fmt.Sprintf("/v1/cooperatives/%s/labels/%s/suspension", f.esi.ID, f.esiLabel)
		},
			body(map[string]any{"on": today, "reason": "audit"})}},
		"withdrawLabel": {{func(f *scopeFixture) string {
			return fmt.Sprintf("/v1/cooperatives/%s/labels/%s/withdrawal", f.esi.ID, f.esiLabel)
		},
			body(map[string]any{"on": today, "reason": "closure"})}},
		"joinGrouping": {{on("groupings"), body(map[string]any{"grouping": map[string]any{"kind": "federation", "name": "FNCM", "from": today}})}},
		"leaveGrouping": {
			{func(f *scopeFixture) string {
				return fmt.Sprintf("/v1/cooperatives/%s/groupings/%s/end", f.esi.ID, f.esiEIG)
			}, body(map[string]any{"on": today})},
			// The Meknès cooperative leaving the Essaouira union changes both.
			{func(f *scopeFixture) string {
				return fmt.Sprintf("/v1/cooperatives/%s/groupings/%s/end", f.mek.ID, f.mekInEsiU)
			},
				body(map[string]any{"on": today})},
		},
		"joinUnion": {
			// The Meknès union admitting an Essaouira cooperative.
			{func(f *scopeFixture) string { return fmt.Sprintf("/v1/cooperatives/%s/union-members", f.mekUnion.ID) }, func(f *scopeFixture) any {
				return map[string]any{"cooperative_id": f.esi2.ID, "on": today, "admitted_by": "EGM", "shares": 1, "amount": "100", "paid": "100"}
			}},
			// The Essaouira union admitting the Meknès union's neighbour.
			{func(f *scopeFixture) string { return fmt.Sprintf("/v1/cooperatives/%s/union-members", f.esiUnion.ID) }, func(f *scopeFixture) any {
				return map[string]any{"cooperative_id": f.mekUnion.ID, "on": today, "admitted_by": "EGM", "shares": 1, "amount": "100", "paid": "100"}
			}},
		},
	}
}

// TestIfMatch checks that the version guard is If-Match only, and that it
// is enforced inside the write on every route, the union routes included.
func TestIfMatch(t *testing.T) {
	f := newScopeFixture(t)
	e := f.e
	before := f.state(t)

	// The version is never a body field.
	res := e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/payments", f.esi.ID, f.esi.Members[0].ID), nationalToken,
		map[string]any{"on": today, "amount": "10", "expect": 99}, nil)
	require.Equal(t, 400, res.Code, res.Body.String())
	assert.Contains(t, res.Body.String(), `"field":"expect"`)
	assert.NotContains(t, fmt.Sprint(e.doc["components"]), `expect:`, "the document advertises no expect field")

	stale := map[string]string{"If-Match": `"1"`}
	tests := []struct {
		name string
		path string
		body any
	}{
		{"joinUnion", fmt.Sprintf("/v1/cooperatives/%s/union-members", f.mekUnion.ID),
			map[string]any{"cooperative_id": f.esi2.ID, "on": today, "admitted_by": "EGM", "shares": 1, "amount": "100", "paid": "100"}},
		{"leaveGrouping", fmt.Sprintf("/v1/cooperatives/%s/groupings/%s/end", f.mek.ID, f.mekInEsiU), map[string]any{"on": today}},
		{"leaveEIG", fmt.Sprintf("/v1/cooperatives/%s/groupings/%s/end", f.esi.ID, f.esiEIG), map[string]any{"on": today}},
		{"payShares", fmt.Sprintf("/v1/cooperatives/%s/members/%s/payments", f.esi.ID, f.esi.Members[0].ID), map[string]any{"on": today, "amount": "10"}},
	}
	for _, tt := range tests {
		res := e.do("POST", tt.path, nationalToken, tt.body, stale)
		require.Equal(t, 412, res.Code, "%s: %s", tt.name, res.Body.String())
		assert.Equal(t, "precondition_failed", decode[map[string]any](t, res)["code"])
		assert.Equal(t, before, f.state(t), "%s: a stale If-Match changes nothing", tt.name)
	}
	// With the current version the union admits the cooperative, and the
	// new ETag is the union's next version.
	u, err := e.reg.Get(t.Context(), f.mekUnion.ID)
	require.NoError(t, err)
	res = e.do("POST", tests[0].path, nationalToken, tests[0].body, map[string]string{"If-Match": fmt.Sprintf(`"%d"`, u.Version)})
	require.Equal(t, 200, res.Code, res.Body.String())
	assert.Equal(t, fmt.Sprintf(`"%d"`, u.Version+1), res.Header().Get("ETag"))
}
