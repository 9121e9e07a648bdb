package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/httpapi"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
)

// served serves e's handler on loopback and records the operation of every
// request it answers, by the OpenAPI document's path templates.
type served struct {
	e   *env
	srv *httptest.Server
	mu  sync.Mutex
	ops map[string]bool
}

func serve(t *testing.T, e *env) *served {
	s := &served{e: e, ops: map[string]bool{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if op := e.operation(r.Method, r.URL.EscapedPath()); op != nil {
			s.mu.Lock()
			s.ops[op["operationId"].(string)] = true
			s.mu.Unlock()
		}
		e.h.ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *served) client(token string) *httpapi.Client {
	return httpapi.NewClient(s.srv.URL, &httpapi.ClientOptions{Token: token, HTTPClient: s.srv.Client()})
}

// as converts a request body written as JSON into the library's type.
func as[T any](t *testing.T, v any) T {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var out T
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// clientWrites calls each writing operation through the client with the
// body of scopeWrites, typed as the library's input.
var clientWrites = map[string]func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error{
	"approveName": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		a, err := c.ApproveName(ctx, as[registry.NameRequest](t, body))
		if err == nil {
			assert.Equal(t, registry.ApprovalApproved, a.Status)
		}
		return err
	},
	"renewNameApproval": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		a, err := c.RenewNameApproval(ctx, f.esiApproval, today)
		if err == nil {
			assert.True(t, a.Renewed)
		}
		return err
	},
	"register": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		co, err := c.Register(ctx, as[registry.Registration](t, body))
		if err == nil {
			assert.NotEmpty(t, co.RegistrationNumber)
			assert.Len(t, co.Members, 5)
		}
		return err
	},
	"importRegister": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		n, err := c.ImportRegister(ctx, strings.NewReader(body.(string)))
		if err == nil {
			assert.Equal(t, 1, n)
		}
		return err
	},
	"admitMember": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		co, err := c.AdmitMember(ctx, f.esi.ID, as[registry.Admission](t, body))
		if err == nil {
			assert.Equal(t, "Nora", co.Members[len(co.Members)-1].Name)
		}
		return err
	},
	"subscribeShares": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.SubscribeShares(ctx, f.esi.ID, f.esi.Members[0].ID, as[registry.Subscription](t, body))
		return err
	},
	"payShares": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.PayShares(ctx, f.esi.ID, f.esi.Members[0].ID, as[registry.Payment](t, body))
		return err
	},
	"requestWithdrawal": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.RequestWithdrawal(ctx, f.esi.ID, f.esi.Members[0].ID, as[registry.WithdrawalInput](t, body))
		return err
	},
	"answerWithdrawal": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.AnswerWithdrawal(ctx, f.esi.ID, f.esi.Members[5].ID, as[registry.WithdrawalAnswer](t, body))
		return err
	},
	"excludeMember": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.ExcludeMember(ctx, f.esi.ID, f.esi.Members[0].ID, as[registry.Exclusion](t, body))
		return err
	},
	"recordDeparture": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.RecordDeparture(ctx, f.esi.ID, f.esi.Members[0].ID, as[registry.Departure](t, body))
		return err
	},
	"transferShares": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.TransferShares(ctx, f.esi.ID, f.esi.Members[0].ID, f.esi.Members[1].ID, as[registry.Transfer](t, body))
		return err
	},
	"holdAssembly": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.HoldAssembly(ctx, f.esi.ID, as[registry.AssemblyInput](t, body))
		return err
	},
	"electBoard": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.ElectBoard(ctx, f.esi.ID, as[registry.Officers](t, body))
		return err
	},
	"appointManagers": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.AppointManagers(ctx, f.esi.ID, as[registry.Officers](t, body))
		return err
	},
	"appointAuditor": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.AppointAuditor(ctx, f.esi.ID, as[registry.AuditorInput](t, body))
		return err
	},
	"amendStatutes": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		co, err := c.AmendStatutes(ctx, f.esi.ID, as[registry.Amendment](t, body))
		if err == nil {
			assert.Equal(t, 50, co.Statutes.DurationYears)
		}
		return err
	},
	"changeSeat": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		co, err := c.ChangeSeat(ctx, f.esi.ID, as[registry.SeatChange](t, body))
		if err == nil {
			assert.Equal(t, coop.ProvinceCode("MA-MEK"), co.Province)
		}
		return err
	},
	"reportTurnover": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.ReportTurnover(ctx, f.esi.ID, as[registry.TurnoverInput](t, body))
		return err
	},
	"dissolve": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		co, err := c.Dissolve(ctx, f.esi.ID, as[registry.StatusChange](t, body))
		if err == nil {
			assert.Equal(t, coop.Dissolved, co.Status)
		}
		return err
	},
	"openLiquidation": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.OpenLiquidation(ctx, f.esi.ID, as[registry.StatusChange](t, body))
		return err
	},
	"strikeOff": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.StrikeOff(ctx, f.esi.ID, as[registry.StatusChange](t, body))
		return err
	},
	"recordSupport": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		a, err := c.RecordSupport(ctx, as[registry.SupportAction](t, body))
		if err == nil {
			assert.Len(t, a.Cooperatives, 2)
		}
		return err
	},
	"select": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.Select(ctx, f.esi.ID, as[registry.SelectionInput](t, body))
		return err
	},
	"awardLabel": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.AwardLabel(ctx, f.esi.ID, as[registry.LabelInput](t, body))
		return err
	},
	"suspendLabel": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.SuspendLabel(ctx, f.esi.ID, f.esiLabel, as[registry.LabelChange](t, body))
		return err
	},
	"withdrawLabel": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.WithdrawLabel(ctx, f.esi.ID, f.esiLabel, as[registry.LabelChange](t, body))
		return err
	},
	"joinGrouping": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.JoinGrouping(ctx, f.esi.ID, as[registry.GroupingInput](t, body))
		return err
	},
	"leaveGrouping": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		_, err := c.LeaveGrouping(ctx, f.esi.ID, f.esiEIG, today)
		return err
	},
	"joinUnion": func(t *testing.T, ctx context.Context, c *httpapi.Client, f *scopeFixture, body any) error {
		u, err := c.JoinUnion(ctx, f.mekUnion.ID, as[registry.UnionMembership](t, body))
		if err == nil {
			assert.Equal(t, f.esi2.ID, u.Members[len(u.Members)-1].CooperativeID)
		}
		return err
	},
}

// TestClient drives every operation of the API through the Go client
// against the handler on loopback: the writes with the national token on
// a fresh fixture each, the reads on one, with the library's types in and
// out.
func TestClient(t *testing.T) {
	ctx := t.Context()
	all := map[string]bool{}
	writes := scopeWrites()
	for id, cases := range writes {
		t.Run(id, func(t *testing.T) {
			call, ok := clientWrites[id]
			require.True(t, ok, "the client test calls %s", id)
			f := newScopeFixture(t)
			s := serve(t, f.e)
			// Out of scope the call is refused as the library refuses it;
			// in scope it succeeds.
			err := call(t, ctx, s.client(meknesToken), f, cases[0].body(f))
			require.ErrorIs(t, err, coop.ErrForbidden)
			require.NoError(t, call(t, ctx, s.client(nationalToken), f, cases[0].body(f)))
			for op := range s.ops {
				all[op] = true
			}
		})
	}

	f := newScopeFixture(t)
	s := serve(t, f.e)
	c := s.client(nationalToken)
	doc, err := c.OpenAPI(ctx)
	require.NoError(t, err)
	assert.Equal(t, "3.1.0", doc["openapi"])

	a, err := c.NameApproval(ctx, f.esiApproval)
	require.NoError(t, err)
	assert.Equal(t, "Coopérative Taghazout", a.Name)

	page, err := c.List(ctx, registry.Filter{Province: "MA-ESI", Limit: 2, RegisteredFrom: coop.MustParseDate("2020-01-01")})
	require.NoError(t, err)
	assert.Equal(t, 3, page.Total)
	require.Len(t, page.Items, 2)
	next, err := c.List(ctx, registry.Filter{Province: "MA-ESI", Limit: 2, Cursor: page.Next})
	require.NoError(t, err)
	require.Len(t, next.Items, 1)

	got, err := c.Get(ctx, f.esi.ID)
	require.NoError(t, err)
	assert.Equal(t, f.esi.Name, got.Name)
	assert.Equal(t, "Nora", got.Members[len(got.Members)-1].Name, "in scope, names are there")
	byNumber, err := c.ByNumber(ctx, got.RegistrationNumber)
	require.NoError(t, err)
	assert.Equal(t, got.ID, byNumber.ID)
	past, err := c.StateAt(ctx, f.esi.ID, coop.MustParseDate("2023-01-01"))
	require.NoError(t, err)
	assert.Len(t, past.Members, 6)
	journal, err := c.Journal(ctx, f.esi.ID)
	require.NoError(t, err)
	assert.Len(t, journal, int(got.Version))
	report, err := c.Compliance(ctx, f.esi.ID, today)
	require.NoError(t, err)
	want := coop.CheckLaw(&got, today)
	require.Len(t, report.Results, len(want.Results))
	assert.Equal(t, want.Outcome, report.Outcome)
	for i, r := range report.Results {
		assert.Equal(t, want.Results[i].ID, r.ID)
		assert.Equal(t, want.Results[i].Reference, r.Reference)
		for _, lang := range coop.Langs {
			assert.NotEmpty(t, r.Reason.Text(lang), "%s in %s", r.ID, lang)
			assert.Equal(t, want.Results[i].Reason.Text(lang), r.Reason.Text(lang), "%s in %s: the reason as the library writes it", r.ID, lang)
		}
	}
	labels, err := c.LabelsAt(ctx, f.esi.ID, today)
	require.NoError(t, err)
	require.Len(t, labels, 1)
	assert.Equal(t, f.esiLabel, labels[0].ID)
	_, err = c.ExpiringLabels(ctx, coop.Date{}, coop.MustParseDate("2030-12-31"))
	require.NoError(t, err)

	var csv bytes.Buffer
	require.NoError(t, c.ExportRegister(ctx, &csv, registry.Filter{Province: "MA-ESI"}, today))
	assert.Equal(t, 1+7+6+4, strings.Count(csv.String(), "\n"), "a header and a row per member of Mogador, Souiria and Union Haha")
	assert.Contains(t, csv.String(), ",Nora,")
	var anonymous bytes.Buffer
	require.NoError(t, s.client("").ExportRegister(ctx, &anonymous, registry.Filter{Province: "MA-ESI"}, today))
	assert.NotContains(t, anonymous.String(), ",Nora,", "names are personal data")

	progs, err := c.Programs(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, progs)
	mourafaka, err := c.Program(ctx, "mourafaka")
	require.NoError(t, err)
	assert.Equal(t, "mourafaka", mourafaka.ID)
	d, err := c.Eligibility(ctx, "mourafaka", httpapi.EligibilityRequest{AsOf: today, CooperativeID: &f.esi.ID})
	require.NoError(t, err)
	assert.Equal(t, "mourafaka", d.Decision.Program)
	assert.NotEmpty(t, d.Decision.Outcome)
	assert.NotEmpty(t, d.Summary[coop.AR])
	lib, err := programs.Default().Decide(programs.Request{Program: "mourafaka", AsOf: today, Applicant: programs.Applicant{Cooperative: &got}})
	require.NoError(t, err)
	assert.Equal(t, lib.Decision.Outcome, d.Decision.Outcome)
	require.Len(t, d.Decision.Criteria, len(lib.Decision.Criteria))
	for i, r := range d.Decision.Criteria {
		for _, lang := range coop.Langs {
			assert.NotEmpty(t, r.Reason.Text(lang), "%s in %s", r.ID, lang)
			assert.Equal(t, lib.Decision.Criteria[i].Reason.Text(lang), r.Reason.Text(lang), "%s in %s: the reason as the library writes it", r.ID, lang)
			assert.Equal(t, lib.Decision.Criteria[i].Hint.Text(lang), r.Hint.Text(lang), "%s in %s", r.ID, lang)
		}
		assert.Equal(t, lib.Decision.Summary(coop.FR), d.Summary[coop.FR])
		assert.Equal(t, lib.Decision.Summary(coop.AR), d.Summary[coop.AR])
	}
	assert.Len(t, d.InputHash, 64)

	// Every programme at once: the same decisions and records as one by one.
	every, err := c.EligibilityAll(ctx, httpapi.EligibilityAllRequest{AsOf: today, CooperativeID: &f.esi.ID})
	require.NoError(t, err)
	require.Len(t, every.Decisions, len(programs.Default().ProgramIDs()))
	for i, id := range programs.Default().ProgramIDs() {
		one, err := c.Eligibility(ctx, id, httpapi.EligibilityRequest{AsOf: today, CooperativeID: &f.esi.ID})
		require.NoError(t, err)
		assert.Equal(t, id, every.Decisions[i].Decision.Program)
		assert.Equal(t, one.Decision.Outcome, every.Decisions[i].Decision.Outcome, id)
		assert.Equal(t, one.InputHash, every.Decisions[i].InputHash, id)
		assert.Equal(t, one.Summary, every.Decisions[i].Summary, id)
	}
	assert.Equal(t, every.Decisions[0].Decision.Catalogue, every.Catalogue)
	_, err = c.FollowUp(ctx, "mourafaka", today)
	require.NoError(t, err)
	screening, err := c.Screen(ctx, httpapi.ScreeningRequest{AsOf: today, Programs: []string{"mourafaka"}})
	require.NoError(t, err)
	assert.Equal(t, 5, screening.Cooperatives)
	// The same screening streamed: every decision, then the eligible ones
	// alone, each with its reasons, and the counts of every decision.
	var streamed []httpapi.ScreenedDecision
	counts, err := c.ScreenDecisions(ctx, httpapi.ScreeningRequest{AsOf: today, Programs: []string{"mourafaka"}}, nil,
		func(d *httpapi.ScreenedDecision) error { streamed = append(streamed, *d); return nil })
	require.NoError(t, err)
	assert.Equal(t, screening, counts)
	require.Len(t, streamed, 5)
	eligible := 0
	for _, d := range streamed {
		assert.NotEqual(t, uuid.Nil, d.CooperativeID)
		require.NotEmpty(t, d.Decision.Criteria)
		assert.NotEmpty(t, d.Decision.Criteria[0].Reason.Text(coop.AR), "a reason in Arabic")
		if d.Decision.Outcome == programs.Eligible {
			eligible++
		}
	}
	require.Equal(t, screening.Programs[0].Eligible, eligible)
	require.True(t, eligible > 0 && eligible < 5, "some eligible and some not: %d of 5", eligible)
	var only []programs.Outcome
	counts, err = c.ScreenDecisions(ctx, httpapi.ScreeningRequest{AsOf: today, Programs: []string{"mourafaka"}}, []programs.Outcome{programs.Eligible},
		func(d *httpapi.ScreenedDecision) error { only = append(only, d.Decision.Outcome); return nil })
	require.NoError(t, err)
	assert.Equal(t, screening, counts)
	assert.Equal(t, slices.Repeat([]programs.Outcome{programs.Eligible}, eligible), only)
	stop := errors.New("enough")
	_, err = c.ScreenDecisions(ctx, httpapi.ScreeningRequest{AsOf: today}, nil, func(*httpapi.ScreenedDecision) error { return stop })
	assert.ErrorIs(t, err, stop, "an error from fn stops the stream")
	_, err = c.ScreenDecisions(ctx, httpapi.ScreeningRequest{AsOf: today}, []programs.Outcome{"admissible"}, func(*httpapi.ScreenedDecision) error { return nil })
	var refused *coop.Error
	require.ErrorAs(t, err, &refused)
	assert.Equal(t, coop.Invalid, refused.Code)
	require.Len(t, refused.Fields, 1)
	assert.Equal(t, "outcome", refused.Fields[0].Field)

	two := 2
	table, err := c.Stats(ctx, httpapi.StatsQuery{AsOf: today, By: []stats.Dimension{stats.Province}, Decimals: &two})
	require.NoError(t, err)
	assert.NotEmpty(t, table.Rows)
	national, err := c.NationalReport(ctx, stats.ReportOptions{AsOf: today, YouthMaxAge: 40})
	require.NoError(t, err)
	assert.Equal(t, 5, national.Totals.Cooperatives+national.Totals.Unions)
	_, err = c.Activity(ctx, stats.ActivityOptions{From: coop.MustParseDate("2024-01-01"), To: today, Delegation: "meknes"})
	require.NoError(t, err)
	_, err = c.LabelCoverage(ctx, httpapi.StatsQuery{AsOf: today, By: []stats.Dimension{stats.Sector}})
	require.NoError(t, err)

	for op := range s.ops {
		all[op] = true
	}
	var documented, called []string
	for _, item := range f.e.doc["paths"].(map[string]any) {
		for _, op := range item.(map[string]any) {
			documented = append(documented, op.(map[string]any)["operationId"].(string))
		}
	}
	for op := range all {
		called = append(called, op)
	}
	sort.Strings(documented)
	sort.Strings(called)
	assert.Equal(t, documented, called, "every operation is called through the client")
}

// TestClient_Errors checks that a refusal comes back as the library's
// error, with its code, article and fields, and that the client's guards
// and keys work across the wire.
func TestClient_Errors(t *testing.T) {
	ctx := t.Context()
	f := newScopeFixture(t)
	s := serve(t, f.e)
	national, anonymous := s.client(nationalToken), s.client("")
	pay := registry.Payment{On: today, Amount: coop.MustParseMAD("10")}
	member := f.esi.Members[0].ID
	current, err := national.Get(ctx, f.esi.ID)
	require.NoError(t, err)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	tests := []struct {
		name    string
		call    func() error
		is      error
		field   string
		article string
	}{
		{"UnknownCooperative", func() error { _, err := national.Get(ctx, uuid.New()); return err }, coop.ErrNotFound, "", ""},
		{"UnknownProgramme", func() error { _, err := national.Program(ctx, "awrach"); return err }, coop.ErrNotFound, "", ""},
		{"StaleVersion", func() error {
			_, err := national.PayShares(ctx, f.esi.ID, member, pay, httpapi.IfVersion(1))
			return err
		}, coop.ErrConflict, "", ""},
		{"Anonymous", func() error { _, err := anonymous.PayShares(ctx, f.esi.ID, member, pay); return err }, coop.ErrForbidden, "", ""},
		{"OutOfScope", func() error {
			_, err := s.client(meknesToken).PayShares(ctx, f.esi.ID, member, pay)
			return err
		}, coop.ErrForbidden, "", ""},
		{"InvalidAmount", func() error {
			_, err := national.PayShares(ctx, f.esi.ID, member, registry.Payment{On: today, Amount: coop.MustParseMAD("-5")})
			return err
		}, coop.ErrInvalid, "amount", ""},
		{"ExclusionShortOfTwoThirds", func() error {
			_, err := national.ExcludeMember(ctx, f.esi.ID, member, registry.Exclusion{On: today, Reason: "x", Votes: coop.Votes{For: 1, Against: 5}})
			return err
		}, coop.ErrFailedPrecondition, "", "art. 20"},
		{"NoDimension", func() error { _, err := national.Stats(ctx, httpapi.StatsQuery{}); return err }, coop.ErrInvalid, "by", ""},
		{"Cancelled", func() error { _, err := national.Get(cancelled, f.esi.ID); return err }, context.Canceled, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.ErrorIs(t, err, tt.is)
			if tt.is == context.Canceled {
				return
			}
			var e *coop.Error
			require.True(t, errors.As(err, &e), "%T", err)
			assert.NotEmpty(t, e.Message)
			if tt.field != "" {
				require.NotEmpty(t, e.Fields)
				assert.Equal(t, tt.field, e.Fields[0].Field)
			}
			if tt.article != "" {
				assert.Contains(t, e.Article, tt.article)
			}
		})
	}
	after, err := national.Get(ctx, f.esi.ID)
	require.NoError(t, err)
	assert.Equal(t, current.Version, after.Version, "no refused call changed the cooperative")

	// With the current version and a key, a retried admission admits once.
	admit := registry.Admission{On: today, AdmittedBy: "OGM", Member: coop.Member{Type: coop.Natural, Name: "Hafsa"},
		Shares: 1, Amount: coop.MustParseMAD("100"), Paid: coop.MustParseMAD("100")}
	first, err := national.AdmitMember(ctx, f.esi.ID, admit, httpapi.IfVersion(after.Version), httpapi.IdempotencyKey("admit-hafsa"))
	require.NoError(t, err)
	again, err := national.AdmitMember(ctx, f.esi.ID, admit, httpapi.IfVersion(after.Version), httpapi.IdempotencyKey("admit-hafsa"))
	require.NoError(t, err)
	assert.Equal(t, first.Version, again.Version)
	assert.Len(t, again.Members, len(after.Members)+1)
}
