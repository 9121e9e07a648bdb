package httpapi_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/programs"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/httpapi"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
)

func TestFlow(t *testing.T) {
	e := newEnv(t)
	c := e.registerIn("Coopérative Tinas", "MA-MEK", meknesToken)
	assert.Equal(t, "1/MEK/2024/1", c.RegistrationNumber)
	assert.Equal(t, "Founder 1", c.Members[0].Name, "the writer sees the register")

	// Anyone reads the registered facts; personal data only in scope.
	res := e.do("GET", "/v1/cooperatives/"+c.ID.String(), "", nil, nil)
	require.Equal(t, 200, res.Code)
	assert.Equal(t, `"1"`, res.Header().Get("ETag"))
	anon := decode[coop.Cooperative](t, res)
	assert.Equal(t, "Coopérative Tinas", anon.Name)
	assert.Len(t, anon.Members, 6)
	assert.Empty(t, anon.Members[0].Name)
	assert.True(t, anon.Members[0].CIN.IsZero())
	assert.True(t, anon.Members[0].BirthDate.IsZero())
	assert.Equal(t, coop.Female, anon.Members[0].Gender)
	res = e.do("GET", "/v1/cooperatives/"+c.ID.String(), meknesToken, nil, nil)
	assert.Equal(t, "Founder 1", decode[coop.Cooperative](t, res).Members[0].Name)
	stored, err := e.reg.Get(t.Context(), c.ID)
	require.NoError(t, err)
	want, err := json.Marshal(stored)
	require.NoError(t, err)
	assert.Equal(t, string(want)+"\n", res.Body.String(), "the reply is what encoding/json writes")
	res = e.do("GET", "/v1/cooperatives?limit=1", meknesToken, nil, nil)
	want, err = json.Marshal(registry.Page{Items: []coop.Cooperative{stored}, Total: 1})
	require.NoError(t, err)
	assert.Equal(t, string(want)+"\n", res.Body.String())
	res = e.do("GET", "/v1/cooperatives/"+c.ID.String(), casablancaToken, nil, nil)
	assert.Empty(t, decode[coop.Cooperative](t, res).Members[0].Name, "another delegation does not see personal data")
	res = e.do("GET", "/v1/cooperatives/"+c.ID.String(), "", nil, map[string]string{"If-None-Match": `"1"`})
	assert.Equal(t, 304, res.Code)

	// Writes with If-Match.
	admit := map[string]any{"on": today, "admitted_by": "OGM 2024-06-30", "member": map[string]any{"type": "natural", "name": "Nora"},
		"shares": 1, "amount": "100", "paid": "100"}
	res = e.do("POST", "/v1/cooperatives/"+c.ID.String()+"/members", meknesToken, admit, map[string]string{"If-Match": `"1"`})
	require.Equal(t, 201, res.Code, res.Body.String())
	assert.Equal(t, `"2"`, res.Header().Get("ETag"))
	res = e.do("POST", "/v1/cooperatives/"+c.ID.String()+"/members", meknesToken, admit, map[string]string{"If-Match": `"1"`})
	require.Equal(t, 412, res.Code, "a stale version")
	after := decode[coop.Cooperative](t, e.do("GET", "/v1/cooperatives/"+c.ID.String(), meknesToken, nil, nil))
	require.Len(t, after.Members, 7)
	nora := after.Members[6]

	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/subscriptions", c.ID, nora.ID), meknesToken,
		map[string]any{"on": today, "shares": 2, "amount": "200", "paid": "50"}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/payments", c.ID, nora.ID), meknesToken,
		map[string]any{"on": today, "amount": "150"}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/withdrawal", c.ID, nora.ID), meknesToken,
		map[string]any{"received": today}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/withdrawal/answer", c.ID, nora.ID), meknesToken,
		map[string]any{"on": today, "accept": true}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/transfers", c.ID), meknesToken,
		map[string]any{"from": after.Members[0].ID, "to": after.Members[1].ID, "on": today, "shares": 1}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/exclusion", c.ID, after.Members[5].ID), meknesToken,
		map[string]any{"on": today, "reason": "breach", "votes": map[string]any{"for": 5, "against": 1}}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/departure", c.ID, after.Members[4].ID), meknesToken,
		map[string]any{"on": today, "reason": "death"}, nil)
	require.Equal(t, 200, res.Code, "a death is recorded whatever the number of members left")

	for _, w := range []struct {
		path string
		body map[string]any
	}{
		{"assemblies", map[string]any{"assembly": map[string]any{"kind": "ordinary", "date": today, "call": 1, "present": 4,
			"resolutions": []map[string]any{{"subject": "accounts", "votes": map[string]any{"for": 4}}}}}},
		{"board", map[string]any{"on": today, "officers": []map[string]any{{"name": "A"}, {"name": "B"}, {"name": "C"}}}},
		{"auditor", map[string]any{"on": today, "auditor": map[string]any{"name": "Fiduciaire", "term_years": 3}}},
		{"statutes", map[string]any{"on": today, "statutes": map[string]any{"duration_years": 50, "share_nominal": "100"}, "votes": map[string]any{"for": 5}}},
		{"seat", map[string]any{"on": today, "province": "MA-HAJ", "votes": map[string]any{"for": 5}}},
	} {
		res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/%s", c.ID, w.path), meknesToken, w.body, nil)
		require.Equal(t, 200, res.Code, "%s: %s", w.path, res.Body.String())
	}

	// Reads.
	res = e.do("GET", "/v1/registration-numbers/1%2FMEK%2F2024%2F1", "", nil, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	res = e.do("GET", "/v1/cooperatives/"+c.ID.String()+"/journal", "", nil, nil)
	require.Equal(t, 200, res.Code)
	j := decode[[]registry.Entry](t, res)
	assert.Greater(t, len(j), 8)
	assert.Empty(t, j[0].Change.(registry.Registered).State.Members[0].Name, "the journal is redacted out of scope")
	res = e.do("GET", "/v1/cooperatives/"+c.ID.String()+"/state?date=2024-06-30", "", nil, nil)
	require.Equal(t, 200, res.Code)
	res = e.do("GET", "/v1/cooperatives/"+c.ID.String()+"/compliance?as_of=2024-06-30", "", nil, nil)
	require.Equal(t, 200, res.Code)
	assert.Equal(t, coop.Compliant, decode[coop.Report](t, res).Outcome)
	res = e.do("GET", "/v1/cooperatives?delegation=meknes&limit=10", "", nil, nil)
	require.Equal(t, 200, res.Code)
	assert.Equal(t, 1, decode[registry.Page](t, res).Total)

	res = e.do("GET", "/v1/stats?by=delegation,sector&as_of=2024-06-30", "", nil, nil)
	require.Equal(t, 200, res.Code)
	tab := decode[stats.Table](t, res)
	require.Len(t, tab.Rows, 1)
	assert.Equal(t, []string{"meknes", "agriculture"}, tab.Rows[0].Keys)
	res = e.do("GET", "/v1/stats?by=province&format=csv", "", nil, map[string]string{"Accept-Language": "ar"})
	require.Equal(t, 200, res.Code)
	assert.Equal(t, "text/csv; charset=utf-8", res.Header().Get("Content-Type"))
	assert.Contains(t, res.Body.String(), "MA-HAJ,الحاجب,1")
	res = e.do("GET", "/v1/stats/national?as_of=2024-06-30", "", nil, nil)
	require.Equal(t, 200, res.Code)
	assert.Equal(t, 1, decode[stats.Report](t, res).Totals.Cooperatives)
}

func TestEligibility(t *testing.T) {
	e := newEnv(t)
	c := e.registerIn("Coopérative Nahla", "MA-MEK", meknesToken)
	res := e.do("POST", "/v1/programs/mourafaka/eligibility", "", map[string]any{"as_of": "2025-01-15", "cooperative_id": c.ID}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	var out struct {
		Decision struct {
			Outcome string `json:"outcome"`
			Call    string `json:"call"`
		} `json:"decision"`
		Summary   map[string]string `json:"summary"`
		InputHash string            `json:"input_hash"`
	}
	require.NoError(t, json.Unmarshal(res.Body.Bytes(), &out))
	assert.Equal(t, "eligible", out.Decision.Outcome)
	assert.Equal(t, "eligible until June 30, 2028", out.Summary["en"])
	assert.Equal(t, "éligible jusqu'au 30 juin 2028", out.Summary["fr"])
	assert.Len(t, out.InputHash, 64)

	facts := `{"as_of":"2023-06-30","cooperative":{"registered_on":"2020-01-01","sector":"agriculture",
		"members":[{"gender":"female"},{"gender":"female"},{"gender":"male","birth_date":"1960-01-01"},{"gender":"male","birth_date":"1960-01-01"}]},
		"project":{"cost":"500000","own_cash":"200000"}}`
	res = e.do("POST", "/v1/programs/indh-income/eligibility", "", facts, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	assert.Contains(t, res.Body.String(), `"grant":"300000"`)

	// A very small enterprise with a rural project: Intelaka's loan at
	// the rural rate, stated with its parameters.
	vse := `{"as_of":"2023-06-30","enterprise":{"kind":"vse","created_on":"2021-01-10","turnover":"2000000","declared":{"property-development":false}},
		"project":{"cost":"500000","own_cash":"100000","own_in_kind":"0","zone":"rural"}}`
	res = e.do("POST", "/v1/programs/intelaka/eligibility", "", vse, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	var loan struct {
		Decision struct {
			Outcome   string `json:"outcome"`
			Applicant string `json:"applicant"`
			Benefit   struct {
				Kind   string            `json:"kind"`
				Loan   string            `json:"loan"`
				Rate   string            `json:"rate"`
				Params []json.RawMessage `json:"params"`
				Reason map[string]string `json:"reason"`
			} `json:"benefit"`
		} `json:"decision"`
	}
	require.NoError(t, json.Unmarshal(res.Body.Bytes(), &loan))
	assert.Equal(t, "eligible", loan.Decision.Outcome)
	assert.Equal(t, "vse", loan.Decision.Applicant)
	assert.Equal(t, "guaranteed-loan", loan.Decision.Benefit.Kind)
	assert.Equal(t, "400000", loan.Decision.Benefit.Loan)
	assert.Equal(t, "0.0175", loan.Decision.Benefit.Rate)
	assert.Len(t, loan.Decision.Benefit.Params, 4)
	assert.Contains(t, res.Body.String(), "un prêt bancaire de 400.000,00 MAD au taux annuel de 1,75")
	res = e.do("POST", "/v1/programs/intelaka/eligibility", "", `{"as_of":"2023-06-30","enterprise":{"kind":"ngo"}}`, nil)
	require.Equal(t, 400, res.Code, res.Body.String())
	assert.Contains(t, res.Body.String(), `"enterprise.kind"`)

	res = e.do("GET", "/v1/programs", "", nil, nil)
	require.Equal(t, 200, res.Code)
	assert.Equal(t, 10, strings.Count(res.Body.String(), `"operator"`))
	res = e.do("GET", "/v1/programs/moazara", "", nil, nil)
	require.Equal(t, 200, res.Code)

	res = e.do("POST", "/v1/screenings", nationalToken, map[string]any{"as_of": "2025-01-15", "programs": []string{"mourafaka"}}, nil)
	require.Equal(t, 200, res.Code, res.Body.String())
	assert.Contains(t, res.Body.String(), `"eligible":1`)
}

func TestAuthorization(t *testing.T) {
	e := newEnv(t)
	mek := e.registerIn("Coopérative Ifrane", "MA-IFR", meknesToken)
	cas := e.registerIn("Coopérative Mohammedia", "MA-MOH", casablancaToken)
	pay := map[string]any{"on": today, "amount": "1"}

	// A delegation writes only in its provinces.
	res := e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/payments", cas.ID, cas.Members[0].ID), meknesToken, pay, nil)
	assert.Equal(t, 403, res.Code)
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/payments", mek.ID, mek.Members[0].ID), casablancaToken, pay, nil)
	assert.Equal(t, 403, res.Code)
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/payments", mek.ID, mek.Members[0].ID), "", pay, nil)
	assert.Equal(t, 401, res.Code)
	assert.Equal(t, `Bearer realm="taawun"`, res.Header().Get("WWW-Authenticate"))
	// Registering, or asking for a name, outside one's provinces.
	res = e.do("POST", "/v1/name-approvals", meknesToken, map[string]any{"names": []string{"Hors Zone"},
		"signatories": []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, {"name": "E"}},
		"province":    "MA-CAS", "requested_on": today}, nil)
	assert.Equal(t, 403, res.Code)
	// The national principal acts everywhere.
	res = e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members/%s/payments", cas.ID, cas.Members[0].ID), nationalToken, map[string]any{"on": today, "amount": "0.01"}, nil)
	assert.Equal(t, 400, res.Code, "fully paid: nothing to pay, but the principal was allowed")

	// Personal data: redacted in lists, states and approvals for foreign scopes.
	p := decode[registry.Page](t, e.do("GET", "/v1/cooperatives?limit=10", casablancaToken, nil, nil))
	for _, c := range p.Items {
		if c.Province == "MA-IFR" {
			assert.Empty(t, c.Members[0].Name)
		} else {
			assert.Equal(t, "Founder 1", c.Members[0].Name)
		}
	}
	st := decode[coop.Cooperative](t, e.do("GET", "/v1/cooperatives/"+mek.ID.String()+"/state?date=2024-06-30", casablancaToken, nil, nil))
	assert.Empty(t, st.Members[0].Name)
	a := decode[registry.NameApproval](t, e.do("GET", "/v1/name-approvals/"+mek.ApprovalID.String(), casablancaToken, nil, nil))
	require.Len(t, a.Signatories, 5, "how many signed is public")
	assert.Equal(t, registry.Signatory{}, a.Signatories[0], "who signed is not")

	// Nothing changed in Ifrane or Mohammedia.
	got, _ := e.reg.Get(t.Context(), mek.ID)
	assert.Equal(t, int64(1), got.Version)
	got, _ = e.reg.Get(t.Context(), cas.ID)
	assert.Equal(t, int64(1), got.Version)
}

func TestIdempotency(t *testing.T) {
	e := newEnv(t)
	c := e.registerIn("Coopérative Retry", "MA-MEK", meknesToken)
	path := fmt.Sprintf("/v1/cooperatives/%s/members/%s/subscriptions", c.ID, c.Members[0].ID)
	body := map[string]any{"on": today, "shares": 1, "amount": "100", "paid": "100"}
	key := map[string]string{"Idempotency-Key": "sub-2024-06-30-1"}
	first := e.do("POST", path, meknesToken, body, key)
	require.Equal(t, 200, first.Code)
	again := e.do("POST", path, meknesToken, body, key)
	require.Equal(t, 200, again.Code)
	assert.Equal(t, "true", again.Header().Get("Idempotent-Replayed"))
	assert.Equal(t, first.Body.String(), again.Body.String())
	got, _ := e.reg.Get(t.Context(), c.ID)
	assert.Equal(t, int64(2), got.Version, "the retry did not subscribe twice")
	other := e.do("POST", path, meknesToken, map[string]any{"on": today, "shares": 2, "amount": "200", "paid": "200"}, key)
	assert.Equal(t, 422, other.Code)
	// A registration retried with its key registers once.
	before, _ := e.reg.List(t.Context(), registry.Filter{})
	res := e.do("POST", "/v1/name-approvals", meknesToken, map[string]any{"names": []string{"Une Fois"},
		"signatories": []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, {"name": "E"}},
		"province":    "MA-MEK", "requested_on": today}, map[string]string{"Idempotency-Key": "approval-1"})
	require.Equal(t, 201, res.Code)
	res2 := e.do("POST", "/v1/name-approvals", meknesToken, map[string]any{"names": []string{"Une Fois"},
		"signatories": []map[string]string{{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, {"name": "E"}},
		"province":    "MA-MEK", "requested_on": today}, map[string]string{"Idempotency-Key": "approval-1"})
	require.Equal(t, 201, res2.Code, "the retry replays the approval instead of clashing with it")
	assert.Equal(t, res.Body.String(), res2.Body.String())
	after, _ := e.reg.List(t.Context(), registry.Filter{})
	assert.Equal(t, before.Total, after.Total)
}

func TestOpenAPI_CoversEveryRoute(t *testing.T) {
	e := newEnv(t)
	paths := e.doc["paths"].(map[string]any)
	n := 0
	for _, item := range paths {
		n += len(item.(map[string]any))
	}
	assert.Equal(t, 51, n, "operations in the document")
	assert.Equal(t, "3.1.0", e.doc["openapi"])
	for _, want := range []string{"/v1/cooperatives/{id}", "/v1/programs/{program}/eligibility", "/v1/stats", "/v1/registration-numbers/{number}",
		"/v1/cooperatives/{id}/members/{member}/withdrawal/answer"} {
		assert.Contains(t, paths, want)
	}
	// Every documented operation answers, and never with a 404 of the mux
	// or a 405: the document and the routes agree.
	for tmpl, item := range paths {
		for method := range item.(map[string]any) {
			path := strings.NewReplacer("{id}", "00000000-0000-4000-8000-000000000000", "{member}", "00000000-0000-4000-8000-000000000001",
				"{program}", "mourafaka", "{number}", "1%2FX%2F2024%2F1", "{label}", "00000000-0000-4000-8000-000000000002", "{grouping}", "00000000-0000-4000-8000-000000000003").Replace(tmpl)
			res := e.do(strings.ToUpper(method), path, nationalToken, nil, nil)
			assert.NotEqual(t, 405, res.Code, "%s %s", method, path)
			if res.Code == 404 {
				assert.NotContains(t, res.Body.String(), "no such resource", "%s %s is not routed", method, path)
			}
		}
	}
}

func TestBearerTokens_Refused(t *testing.T) {
	national := httpapi.TokenScope{Token: "national-token-0123456789", Principal: httpapi.Principal{Subject: "ministry", National: true}}
	tests := []struct {
		name  string
		scope httpapi.TokenScope
		field string
	}{
		{"SameSubject", httpapi.TokenScope{Token: "meknes-token-0123456789", Principal: httpapi.Principal{Subject: "ministry"}, Delegation: "meknes"}, "tokens[1].subject"},
		{"SameToken", httpapi.TokenScope{Token: national.Token, Principal: httpapi.Principal{Subject: "odco-meknes"}, Delegation: "meknes"}, "tokens[1].token"},
		{"ShortToken", httpapi.TokenScope{Token: "short", Principal: httpapi.Principal{Subject: "odco-meknes"}, Delegation: "meknes"}, "tokens[1].token"},
		{"UnknownDelegation", httpapi.TokenScope{Token: "paris-token-0123456789", Principal: httpapi.Principal{Subject: "paris"}, Delegation: "paris"}, "tokens[1].delegation"},
		{"NoScope", httpapi.TokenScope{Token: "nowhere-token-0123456789", Principal: httpapi.Principal{Subject: "nowhere"}}, "tokens[1]"},
	}
	for _, tt := range tests {
		_, err := httpapi.BearerTokens([]httpapi.TokenScope{national, tt.scope})
		require.ErrorIs(t, err, coop.ErrInvalid, tt.name)
		var e *coop.Error
		require.True(t, errors.As(err, &e))
		assert.Equal(t, tt.field, e.Fields[0].Field, tt.name)
	}
	_, err := httpapi.BearerTokens([]httpapi.TokenScope{national,
		{Token: "meknes-token-0123456789", Principal: httpapi.Principal{Subject: "odco-meknes"}, Delegation: "meknes"}})
	require.NoError(t, err)
}

// TestAggregates shows that the statistics over the whole registry are
// computed once while nothing commits: a repeated request is answered from
// the kept reply, a client sending back the ETag gets 304, and a commit
// makes new figures under a new ETag.
func TestAggregates(t *testing.T) {
	e := newEnv(t)
	c := e.registerIn("Agrégats", "MA-MEK", meknesToken)
	e.registerIn("Seconde", "MA-CAS", nationalToken)
	admits := 0
	tests := []struct {
		path string
		// counted is set when an admission changes the figures.
		counted bool
	}{
		{"/v1/stats/national?as_of=2024-06-30", true},
		{"/v1/stats?by=region,sector&as_of=2024-06-30", true},
		{"/v1/stats/labels?by=region&as_of=2024-06-30", false},
		{"/v1/stats/activity?from=2024-01-01&to=2024-06-30", false},
		{"/v1/labels/expiring?to=2026-12-31", false},
		{"/v1/programs/mourafaka/follow-up?as_of=2024-06-30", false},
	}
	for _, tt := range tests {
		path := tt.path
		t.Run(path, func(t *testing.T) {
			first := e.do("GET", path, "", nil, nil)
			require.Equal(t, 200, first.Code, first.Body.String())
			etag := first.Header().Get("ETag")
			require.NotEmpty(t, etag)
			assert.Regexp(t, `^compute;dur=\d+\.\d\d, encode;dur=\d+\.\d\d$`, first.Header().Get("Server-Timing"))

			again := e.do("GET", path, "", nil, nil)
			assert.Equal(t, "cache;dur=0", again.Header().Get("Server-Timing"))
			assert.Equal(t, first.Body.String(), again.Body.String())
			assert.Equal(t, etag, again.Header().Get("ETag"))

			notModified := e.do("GET", path, "", nil, map[string]string{"If-None-Match": etag})
			assert.Equal(t, 304, notModified.Code)
			assert.Empty(t, notModified.Body.String())

			fr := e.do("GET", path, "", nil, map[string]string{"Accept-Language": "ar"})
			assert.NotEqual(t, etag, fr.Header().Get("ETag"), "another language, another ETag")
			if tt.counted {
				csv := e.do("GET", path+"&format=csv", "", nil, nil)
				assert.NotEqual(t, etag, csv.Header().Get("ETag"), "another format, another ETag")
			}

			// A commit: new figures, a new ETag, and the old one no longer 304.
			admits++
			admit := map[string]any{"on": today, "admitted_by": "OGM 2024-06-30", "member": map[string]any{"type": "natural",
				"name": fmt.Sprintf("Nouvelle %d", admits), "gender": "male"}, "shares": 1, "amount": "100", "paid": "100"}
			res := e.do("POST", "/v1/cooperatives/"+c.ID.String()+"/members", meknesToken, admit, nil)
			require.Equal(t, 201, res.Code, res.Body.String())
			after := e.do("GET", path, "", nil, map[string]string{"If-None-Match": etag})
			require.Equal(t, 200, after.Code)
			assert.NotEqual(t, etag, after.Header().Get("ETag"))
			if tt.counted {
				assert.NotEqual(t, first.Body.String(), after.Body.String())
			}
			assert.True(t, strings.HasPrefix(after.Header().Get("Server-Timing"), "compute;dur="))
		})
	}
	// Shares are written with the decimals asked.
	res := e.do("GET", "/v1/stats?by=region&decimals=1&as_of=2024-06-30", "", nil, nil)
	var table struct {
		Rows []struct {
			Share string `json:"share"`
		} `json:"rows"`
	}
	require.NoError(t, json.Unmarshal(res.Body.Bytes(), &table))
	require.NotEmpty(t, table.Rows)
	for _, r := range table.Rows {
		assert.Regexp(t, `^\d+\.\d$`, r.Share)
	}
}

// TestReady shows /healthz and /readyz while the registry loads: the
// handler answers at once, and the API only once ready.
func TestReady(t *testing.T) {
	var ready atomic.Bool
	reg := registry.New(memory.New(), &registry.Options{Now: clock})
	h := httpapi.NewHandler(reg, &httpapi.Options{Now: clock, Ready: ready.Load})
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	tests := []struct {
		path          string
		before, after int
	}{
		{"/healthz", 200, 200},
		{"/readyz", 503, 200},
		{"/v1/cooperatives", 503, 200},
		{"/v1/stats/national", 503, 200},
	}
	for _, tt := range tests {
		res := get(tt.path)
		assert.Equal(t, tt.before, res.Code, "%s while loading", tt.path)
		if res.Code == 503 {
			assert.Equal(t, "1", res.Header().Get("Retry-After"), tt.path)
		}
	}
	ready.Store(true)
	for _, tt := range tests {
		assert.Equal(t, tt.after, get(tt.path).Code, "%s once loaded", tt.path)
	}
}

// TestAccessLog shows what a request's log line holds: the query string,
// with the values of parameters no route declares redacted, and the
// principal's subject.
func TestAccessLog(t *testing.T) {
	auth, err := httpapi.BearerTokens([]httpapi.TokenScope{{Token: nationalToken, Principal: httpapi.Principal{Subject: "ministry", National: true}}})
	require.NoError(t, err)
	tests := []struct {
		name, target, query string
		status              float64
	}{
		{"declared parameters", "/v1/stats?by=region&as_of=2024-06-30", "by=region&as_of=2024-06-30", 200},
		{"an undeclared parameter", "/v1/stats?by=region&cin=AB123456", "by=region&cin=redacted", 400},
		{"an encoded undeclared name", "/v1/cooperatives?na%6De=x&birth%20date=1990-01-01", "na%6De=x&birth%20date=redacted", 400},
		{"no query", "/v1/programs", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			reg := registry.New(memory.New(), &registry.Options{Now: clock})
			h := httpapi.NewHandler(reg, &httpapi.Options{Now: clock, Authenticate: auth, AccessLog: true,
				Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
			req := httptest.NewRequest("GET", tt.target, nil)
			req.Header.Set("Authorization", "Bearer "+nationalToken)
			h.ServeHTTP(httptest.NewRecorder(), req)
			var line map[string]any
			require.NoError(t, json.Unmarshal(logs.Bytes(), &line), logs.String())
			assert.Equal(t, tt.query, line["query"])
			assert.Equal(t, "ministry", line["subject"])
			assert.Equal(t, tt.status, line["status"])
			assert.Regexp(t, `^[0-9.]+(µs|ms|s)$`, line["took"])
		})
	}
}

// TestScreeningStream streams every decision of a screening as NDJSON and
// as CSV, flushed as it goes, and checks the lines against the summary.
func TestScreeningStream(t *testing.T) {
	e := newEnv(t)
	for i, p := range []coop.ProvinceCode{"MA-MEK", "MA-CAS", "MA-FES"} {
		e.registerAt(fmt.Sprintf("Flux %d", i), p, nationalToken, coop.MustParseDate("2023-01-10"))
	}
	body := map[string]any{"as_of": "2024-06-30", "programs": []string{"mourafaka", "moazara"}}
	res := e.do("POST", "/v1/screenings", nationalToken, body, map[string]string{"Accept": "application/x-ndjson"})
	require.Equal(t, 200, res.Code, res.Body.String())
	assert.Equal(t, "application/x-ndjson", res.Header().Get("Content-Type"))
	assert.True(t, res.Flushed, "the stream is flushed as it goes")
	lines := strings.Split(strings.TrimSpace(res.Body.String()), "\n")
	require.Len(t, lines, 3*2+1)
	seen := map[string]int{}
	var wantCSV [][]string // the CSV records the decisions make
	for _, l := range lines[:6] {
		var d struct {
			CooperativeID string `json:"cooperative_id"`
			Name          string `json:"name"`
			Decision      struct {
				Program  string `json:"program"`
				Outcome  string `json:"outcome"`
				Call     string `json:"call"`
				Criteria []struct {
					ID      string            `json:"id"`
					Outcome string            `json:"outcome"`
					Reason  map[string]string `json:"reason"`
				} `json:"criteria"`
			} `json:"decision"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &d), l)
		var failed, unknown []string
		for _, c := range d.Decision.Criteria {
			switch c.Outcome {
			case "fail":
				failed = append(failed, c.ID)
			case "unknown":
				unknown = append(unknown, c.ID)
			}
		}
		wantCSV = append(wantCSV, []string{d.CooperativeID, d.Name, d.Decision.Program, d.Decision.Call, d.Decision.Outcome,
			strings.Join(failed, " "), strings.Join(unknown, " ")})
		assert.NotEmpty(t, d.CooperativeID)
		assert.True(t, strings.HasPrefix(d.Name, "Flux"), d.Name)
		require.NotEmpty(t, d.Decision.Criteria)
		assert.NotEmpty(t, d.Decision.Criteria[0].Reason["ar"], "reasons in every language")
		seen[d.Decision.Program+" "+d.Decision.Outcome]++
	}
	var last struct {
		Summary programs.ScreenReport `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[6]), &last))
	require.Equal(t, 3, last.Summary.Cooperatives)
	for _, pc := range last.Summary.Programs {
		assert.Equal(t, pc.Eligible, seen[pc.Program+" eligible"], pc.Program)
		assert.Equal(t, pc.Ineligible, seen[pc.Program+" ineligible"], pc.Program)
	}

	res = e.do("POST", "/v1/screenings", nationalToken, body, map[string]string{"Accept": "text/csv"})
	require.Equal(t, 200, res.Code)
	records, err := csv.NewReader(res.Body).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 1+6)
	assert.Equal(t, []string{"cooperative_id", "name", "program", "call", "outcome", "failed", "unknown"}, records[0])
	// A record a decision, which says what the decision says.
	byRecord := func(a, b []string) int { return strings.Compare(strings.Join(a, ","), strings.Join(b, ",")) }
	slices.SortFunc(wantCSV, byRecord)
	slices.SortFunc(records[1:], byRecord)
	assert.Equal(t, wantCSV, records[1:])

	// view=summary: a line a decision with its outcome, the date it
	// changes and the criteria that fail, without reasons.
	res = e.do("POST", "/v1/screenings?view=summary", nationalToken, body, map[string]string{"Accept": "application/x-ndjson"})
	require.Equal(t, 200, res.Code, res.Body.String())
	lines = strings.Split(strings.TrimSpace(res.Body.String()), "\n")
	require.Len(t, lines, 3*2+1)
	assert.NotContains(t, res.Body.String(), `"reason"`)
	summarySeen := map[string]int{}
	for _, l := range lines[:6] {
		var sm struct {
			CooperativeID string   `json:"cooperative_id"`
			Program       string   `json:"program"`
			Outcome       string   `json:"outcome"`
			ChangesOn     string   `json:"changes_on"`
			Failed        []string `json:"failed"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &sm), l)
		assert.NotEmpty(t, sm.CooperativeID)
		summarySeen[sm.Program+" "+sm.Outcome]++
		if sm.Program == "mourafaka" && sm.Outcome == "eligible" {
			assert.Equal(t, "2027-01-11", sm.ChangesOn, "registered 2023-01-10: four years of existence")
		}
		if sm.Outcome == "ineligible" {
			assert.NotEmpty(t, sm.Failed)
		}
	}
	assert.Equal(t, seen, summarySeen)
	res = e.do("POST", "/v1/screenings?view=brief", nationalToken, body, map[string]string{"Accept": "application/x-ndjson"})
	require.Equal(t, 400, res.Code)
	assert.Contains(t, res.Body.String(), `"view"`)

	// outcome=: only the decisions of these outcomes, the counts of every
	// decision, in NDJSON, CSV and the summary view alike.
	for _, tt := range []struct {
		query, accept string
		outcomes      []string
	}{
		{"?outcome=eligible", "application/x-ndjson", []string{"eligible"}},
		{"?outcome=ineligible,undetermined", "application/x-ndjson", []string{"ineligible", "undetermined"}},
		{"?view=summary&outcome=ineligible", "application/x-ndjson", []string{"ineligible"}},
		{"?outcome=eligible", "text/csv", []string{"eligible"}},
	} {
		res = e.do("POST", "/v1/screenings"+tt.query, nationalToken, body, map[string]string{"Accept": tt.accept})
		require.Equal(t, 200, res.Code, res.Body.String())
		want := 0
		for _, o := range tt.outcomes {
			for k, n := range seen {
				if strings.HasSuffix(k, " "+o) {
					want += n
				}
			}
		}
		require.Positive(t, want, tt.query)
		if tt.accept == "text/csv" {
			records, err := csv.NewReader(res.Body).ReadAll()
			require.NoError(t, err)
			require.Len(t, records, 1+want, tt.query)
			for _, r := range records[1:] {
				assert.Contains(t, tt.outcomes, r[4], tt.query)
			}
			continue
		}
		lines := strings.Split(strings.TrimSpace(res.Body.String()), "\n")
		require.Len(t, lines, want+1, tt.query)
		for _, l := range lines[:want] {
			var o struct {
				Outcome  string `json:"outcome"`
				Decision struct {
					Outcome string `json:"outcome"`
				} `json:"decision"`
			}
			require.NoError(t, json.Unmarshal([]byte(l), &o), l)
			assert.Contains(t, tt.outcomes, o.Outcome+o.Decision.Outcome, tt.query)
		}
		var summary struct {
			Summary programs.ScreenReport `json:"summary"`
		}
		require.NoError(t, json.Unmarshal([]byte(lines[want]), &summary))
		assert.Equal(t, last.Summary, summary.Summary, tt.query)
	}
	res = e.do("POST", "/v1/screenings?outcome=eligible,admissible", nationalToken, body, map[string]string{"Accept": "application/x-ndjson"})
	require.Equal(t, 400, res.Code)
	assert.Contains(t, res.Body.String(), `"outcome"`)
	assert.Contains(t, res.Body.String(), `"rule":"enum"`)

	// The summary alone says how long the screening took.
	res = e.do("POST", "/v1/screenings", nationalToken, body, nil)
	require.Equal(t, 200, res.Code)
	assert.Regexp(t, `^compute;dur=\d+\.\d\d$`, res.Header().Get("Server-Timing"))
	assert.Equal(t, 3, decode[programs.ScreenReport](t, res).Cooperatives)

	// An unknown programme is refused before anything is streamed.
	res = e.do("POST", "/v1/screenings", nationalToken, map[string]any{"as_of": "2024-06-30", "programs": []string{"awrach"}},
		map[string]string{"Accept": "application/x-ndjson"})
	assert.Equal(t, 404, res.Code)
}
