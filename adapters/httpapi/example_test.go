package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"maps"
	"net/http/httptest"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/taawun/taawun/adapters/httpapi"
	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats/synthetic"
)

// A service asks a central Taawun server for a decision on facts it
// holds, and reads a cooperative, with the library's own types; a
// refusal is a *coop.Error that errors.Is recognises.
func ExampleClient() {
	now := func() time.Time { return time.Date(2024, 1, 15, 10, 0, 0, 0, time.UTC) }
	reg := registry.New(memory.New(), &registry.Options{Now: now})
	srv := httptest.NewServer(httpapi.NewHandler(reg, &httpapi.Options{Now: now}))
	defer srv.Close()

	client := httpapi.NewClient(srv.URL, nil)
	ctx := context.Background()
	seven := 7
	d, err := client.Eligibility(ctx, "mourafaka", httpapi.EligibilityRequest{
		AsOf: coop.MustParseDate("2024-01-15"),
		Facts: programs.Facts{Cooperative: &programs.CaseCooperative{Kind: "cooperative", Status: "active",
			FoundedUnder: "112-12", RegisteredOn: "2022-04-06", Province: "MA-HAO", MemberCount: &seven}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Decision.Outcome, d.Summary[coop.FR])

	_, err = client.Get(ctx, uuid.MustParse("00000000-0000-4000-8000-00000000beef"))
	fmt.Println(errors.Is(err, coop.ErrNotFound), coop.ErrorCode(err))
	// Output:
	// eligible éligible jusqu'au 6 avril 2026
	// true not_found
}

// NewHandler serves the JSON API over a registry: mount it in a server of
// your own, with an Authenticator for the bearer tokens. Replies speak the
// language the request's Accept-Language prefers.
func ExampleNewHandler() {
	now := func() time.Time { return time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC) }
	reg := registry.New(memory.New(), &registry.Options{Now: now})
	auth, err := httpapi.BearerTokens([]httpapi.TokenScope{
		{Token: "meknes-token-0000000001", Principal: httpapi.Principal{Subject: "odco-meknes"}, Delegation: "meknes"}})
	if err != nil {
		log.Fatal(err)
	}
	h := httpapi.NewHandler(reg, &httpapi.Options{Authenticate: auth, Now: now})

	req := httptest.NewRequest("GET", "/v1/cooperatives/00000000-0000-4000-8000-00000000beef", nil)
	req.Header.Set("Accept-Language", "ar-MA")
	res := httptest.NewRecorder()
	h.ServeHTTP(res, req)
	var p httpapi.Problem
	if err := json.Unmarshal(res.Body.Bytes(), &p); err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Code, res.Header().Get("Content-Language"), p.Title)
	// Output:
	// 404 ar غير موجود
}

// A bank's service reads the cooperatives of the registry eligible for
// Mourafaka, with the reasons of each, from a screening streamed by the
// server: only the eligible decisions travel, and the counts cover all.
func ExampleClient_ScreenDecisions() {
	now := func() time.Time { return time.Date(2025, 1, 15, 10, 0, 0, 0, time.UTC) }
	reg := registry.New(memory.New(), &registry.Options{Now: now})
	ctx := context.Background()
	if _, err := reg.Import(ctx, slices.Values(synthetic.Generate(&synthetic.Options{Seed: 3, Cooperatives: 300, Members: 3600}))); err != nil {
		log.Fatal(err)
	}
	auth, err := httpapi.BearerTokens([]httpapi.TokenScope{{Token: "bank-service-token-000001", Principal: httpapi.Principal{Subject: "bank", National: true}}})
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewServer(httpapi.NewHandler(reg, &httpapi.Options{Authenticate: auth, Now: now}))
	defer srv.Close()

	client := httpapi.NewClient(srv.URL, &httpapi.ClientOptions{Token: "bank-service-token-000001"})
	reasons := map[string]string{} // by cooperative, the reason it is young enough
	counts, err := client.ScreenDecisions(ctx, httpapi.ScreeningRequest{AsOf: coop.MustParseDate("2024-06-30"), Programs: []string{"mourafaka"}},
		[]programs.Outcome{programs.Eligible}, func(d *httpapi.ScreenedDecision) error {
			c, _ := d.Decision.Criterion("existence-max")
			reasons[d.Name] = c.Reason.Text(coop.FR)
			return nil
		})
	if err != nil {
		log.Fatal(err)
	}
	m := counts.Programs[0]
	fmt.Printf("%d eligible of %d (%d ineligible, %d undetermined), %d read\n", m.Eligible, counts.Cooperatives, m.Ineligible, m.Undetermined, len(reasons))
	names := slices.Sorted(maps.Keys(reasons))
	fmt.Printf("%s: %s\n", names[0], reasons[names[0]])
	// Output:
	// 121 eligible of 300 (179 ineligible, 0 undetermined), 121 read
	// Coopérative Al Amal 181: immatriculée le 2 septembre 2020 ; l'existence légale de 4 ans sera atteinte le 2 septembre 2024, limite comprise
}
