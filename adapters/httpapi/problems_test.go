package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/httpapi"
	"github.com/taawun/taawun/coop"
)

var (
	latinLetters = regexp.MustCompile(`[A-Za-z]`)
	englishWords = regexp.MustCompile(`(?i)\b(the|and|is|not|of|must|expected|unknown|required|invalid|request|found)\b`)
)

// readable reports what a reader of lang would not read in text: Latin
// letters in Arabic, English in French.
func readable(text string, lang coop.Lang) string {
	switch {
	case text == "":
		return "empty"
	case lang == coop.AR && latinLetters.MatchString(text):
		return "Latin letters in Arabic"
	case lang == coop.FR && englishWords.MatchString(text):
		return "English in French"
	}
	return ""
}

// TestProblemLanguages sends every request of the hostile sweep in French,
// Arabic and English: each problem says its language in Content-Language,
// varies on Accept-Language, has its title, detail and every field message
// in that language, and every field error names its field ("body" for the
// body itself).
func TestProblemLanguages(t *testing.T) {
	e := newEnv(t)
	c := e.registerIn("Coopérative Cible", "MA-MEK", meknesToken)
	id, m := c.ID.String(), c.Members[0].ID.String()
	tg := &target{e: e, id: id, m: m, approval: c.ApprovalID.String(), number: c.RegistrationNumber,
		pay: "/v1/cooperatives/" + id + "/members/" + m + "/payments", admit: "/v1/cooperatives/" + id + "/members"}
	for _, tt := range hostileRequests() {
		if tt.code == "" {
			continue
		}
		for _, lang := range coop.Langs {
			var body any = tt.body
			if s, ok := tt.body.(string); ok {
				body = tg.fill(s)
			}
			header := map[string]string{"Accept-Language": string(lang) + "-MA, en;q=0.5"}
			for k, v := range tt.header {
				if k != "Authorization+" {
					header[k] = v
				}
			}
			req := e.request(tt.method, tg.fill(tt.path), tt.token, body, header)
			if second, ok := tt.header["Authorization+"]; ok {
				req.Header.Add("Authorization", second)
			}
			res := httptest.NewRecorder()
			e.h.ServeHTTP(res, req)
			assert.Equal(t, string(lang), res.Header().Get("Content-Language"), tt.name)
			assert.Contains(t, res.Header().Values("Vary"), "Accept-Language", tt.name)
			var p httpapi.Problem
			require.NoError(t, json.Unmarshal(res.Body.Bytes(), &p), "%s: %s", tt.name, res.Body.String())
			for _, f := range p.Errors {
				assert.NotEmpty(t, f.Field, "%s: every field error names its field: %+v", tt.name, f)
			}
			if lang == coop.EN {
				assert.Equal(t, http.StatusText(p.Status), p.Title, tt.name)
				continue
			}
			for what, text := range map[string]string{"title": p.Title, "detail": p.Detail} {
				if r := readable(text, lang); r != "" {
					t.Errorf("%s in %s: %s: %s: %q", tt.name, lang, what, r, text)
				}
			}
			for _, f := range p.Errors {
				if r := readable(f.Message, lang); r != "" {
					t.Errorf("%s in %s: %s (%s): %s: %q", tt.name, lang, f.Field, f.Rule, r, f.Message)
				}
			}
		}
	}
}

// TestProblemCodesTranslated checks every problem code's title and detail
// in French and Arabic.
func TestProblemCodesTranslated(t *testing.T) {
	status := map[string]int{"invalid": 400, "not_found": 404, "conflict": 409, "failed_precondition": 422, "internal": 500,
		"forbidden": 403, "unavailable": 503, "unauthenticated": 401, "method_not_allowed": 405, "too_large": 413,
		"unsupported_media_type": 415, "precondition_failed": 412, "idempotency_key_reused": 422, "idempotency_key_in_use": 409, "timeout": 503, "busy": 503}
	for _, code := range httpapi.ProblemCodes() {
		st, ok := status[code]
		require.True(t, ok, "a status for %s", code)
		for _, lang := range []coop.Lang{coop.FR, coop.AR} {
			p := httpapi.LocalizeProblem(st, code, lang)
			for what, text := range map[string]string{"title": p.Title, "detail": p.Detail} {
				assert.Empty(t, readable(text, lang), "%s in %s: %s %q", code, lang, what, text)
				assert.NotEqual(t, http.StatusText(st), text, "%s in %s: %s", code, lang, what)
			}
		}
	}
	assert.True(t, strings.HasPrefix(httpapi.LocalizeProblem(400, "invalid", coop.FR).Title, "Requête"))
}

// TestProblemLanguageNegotiation: q-values choose the language; a request
// that names none Taawun speaks gets the default.
func TestProblemLanguageNegotiation(t *testing.T) {
	e := newEnv(t)
	tests := []struct{ accept, want string }{
		{"", "fr"},
		{"ar-MA", "ar"},
		{"fr-MA;q=0.4, ar;q=0.9", "ar"},
		{"en-GB", "en"},
		{"de, es", "fr"},
		{"*", "fr"},
		{"!!", "fr"},
	}
	for _, tt := range tests {
		res := e.do("GET", "/v1/cooperatives/00000000-0000-4000-8000-00000000beef", "", nil, map[string]string{"Accept-Language": tt.accept})
		assert.Equal(t, 404, res.Code)
		assert.Equal(t, tt.want, res.Header().Get("Content-Language"), tt.accept)
	}
}
