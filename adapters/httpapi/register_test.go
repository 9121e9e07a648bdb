package httpapi_test

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/httpapi"
	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// badRegister has three bad rows: a birth date that does not exist, a
// gender that is not one, an amount with an exponent.
const badRegister = `registration_number,court,name,name_ar,kind,registered_on,status,status_since,founded_under,conformed_on,sector,branch,province,commune,duration_years,share_nominal,member_number,member_type,member_name,gender,cin,birth_date,joined_on,shares,subscribed,paid
3/ESI/2021/9,ESI,Coopérative Tafraout,,cooperative,2021-03-01,active,,112-12,,agriculture,,MA-ESI,,99,100.00,1,natural,Fadma,female,,1990-02-30,,10,1000.00,1000.00
3/ESI/2021/9,ESI,Coopérative Tafraout,,cooperative,2021-03-01,active,,112-12,,agriculture,,MA-ESI,,99,100.00,2,natural,Aicha,woman,,,,10,1000.00,1000.00
3/ESI/2021/9,ESI,Coopérative Tafraout,,cooperative,2021-03-01,active,,112-12,,agriculture,,MA-ESI,,99,100.00,3,natural,Itto,female,,,,10,1e3,1000.00
3/ESI/2021/9,ESI,Coopérative Tafraout,,cooperative,2021-03-01,active,,112-12,,agriculture,,MA-ESI,,99,100.00,4,natural,Tuda,female,,,,10,1000.00,1000.00
`

// TestRegisterOverHTTP exports a province's register as CSV, imports it
// into an empty registry over HTTP and exports it again: the same bytes.
// A file with bad rows is refused with each problem located and writes
// nothing; a retried import is refused and stores nothing twice.
func TestRegisterOverHTTP(t *testing.T) {
	f := newScopeFixture(t)
	csv := map[string]string{"Content-Type": "text/csv"}
	first := f.e.do("GET", "/v1/register?province=MA-ESI&as_of=2024-06-30", nationalToken, nil, nil)
	require.Equal(t, 200, first.Code, first.Body.String())
	assert.Equal(t, "text/csv; charset=utf-8", first.Header().Get("Content-Type"))

	e := newEnv(t)
	res := e.do("POST", "/v1/register", nationalToken, first.Body.String(), csv)
	require.Equal(t, 201, res.Code, res.Body.String())
	assert.Equal(t, httpapi.ImportResult{Imported: 3, Dialect: "rfc4180"}, decode[httpapi.ImportResult](t, res))
	second := e.do("GET", "/v1/register?province=MA-ESI&as_of=2024-06-30", nationalToken, nil, nil)
	assert.Equal(t, first.Body.String(), second.Body.String())

	// The same register as Excel in French saves it, read back alike.
	fr := f.e.do("GET", "/v1/register?province=MA-ESI&as_of=2024-06-30&dialect=excel-fr", nationalToken, nil, nil)
	require.Equal(t, 200, fr.Code, fr.Body.String())
	assert.True(t, strings.HasPrefix(fr.Body.String(), "\ufeffregistration_number;court;"), "a BOM and semicolons")
	efr := newEnv(t)
	res = efr.do("POST", "/v1/register", nationalToken, fr.Body.String(), csv)
	require.Equal(t, 201, res.Code, res.Body.String())
	assert.Equal(t, httpapi.ImportResult{Imported: 3, Dialect: "excel-fr"}, decode[httpapi.ImportResult](t, res))
	assert.Equal(t, first.Body.String(), efr.do("GET", "/v1/register?province=MA-ESI&as_of=2024-06-30", nationalToken, nil, nil).Body.String())

	// And as a workbook.
	xl := f.e.do("GET", "/v1/register?province=MA-ESI&as_of=2024-06-30&dialect=xlsx", nationalToken, nil, nil)
	require.Equal(t, 200, xl.Code, xl.Body.String())
	assert.Equal(t, registry.WorkbookType, xl.Header().Get("Content-Type"))
	assert.Equal(t, `attachment; filename="registre-2024-06-30.xlsx"`, xl.Header().Get("Content-Disposition"))
	exl := newEnv(t)
	res = exl.do("POST", "/v1/register", nationalToken, xl.Body.Bytes(), map[string]string{"Content-Type": registry.WorkbookType})
	require.Equal(t, 201, res.Code, res.Body.String())
	assert.Equal(t, httpapi.ImportResult{Imported: 3, Dialect: "xlsx"}, decode[httpapi.ImportResult](t, res))
	again := exl.do("GET", "/v1/register?province=MA-ESI&as_of=2024-06-30&dialect=xlsx", nationalToken, nil, nil)
	assert.Equal(t, xl.Body.Bytes(), again.Body.Bytes(), "export, import, export: the same workbook")

	// A retry clashes on each registration number, at its line.
	retry := e.do("POST", "/v1/register", nationalToken, first.Body.String(), csv)
	require.Equal(t, 409, retry.Code, retry.Body.String())
	clash := decode[struct {
		Errors []coop.FieldError `json:"errors"`
	}](t, retry)
	require.Len(t, clash.Errors, 3, retry.Body.String())
	for _, fe := range clash.Errors {
		assert.Equal(t, "registered", fe.Rule)
		assert.Regexp(t, `^register\.csv:[0-9]+:1$`, fe.Source)
		assert.NotEmpty(t, fe.Param, "the cooperative holding the number")
	}
	p, err := e.reg.List(t.Context(), registry.Filter{})
	require.NoError(t, err)
	assert.Equal(t, 3, p.Total, "the retry stored nothing")

	tests := []struct {
		name, token, body string
		header            map[string]string
		status            int
		code              string
		sources           []string
	}{
		{"ThreeBadRows", nationalToken, badRegister, csv, 400, "invalid", []string{"register.csv:2:22", "register.csv:3:20", "register.csv:4:25"}},
		{"OutOfScope", meknesToken, essaouiraRegister, csv, 403, "forbidden", nil},
		{"Anonymous", "", essaouiraRegister, csv, 401, "unauthenticated", nil},
		{"JSON", nationalToken, `{"rows":[]}`, nil, 415, "unsupported_media_type", nil},
		{"Empty", nationalToken, "", csv, 400, "invalid", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			res := e.do("POST", "/v1/register", tt.token, tt.body, tt.header)
			require.Equal(t, tt.status, res.Code, res.Body.String())
			pr := decode[struct {
				Code   string            `json:"code"`
				Errors []coop.FieldError `json:"errors"`
			}](t, res)
			assert.Equal(t, tt.code, pr.Code)
			var sources []string
			for _, f := range pr.Errors {
				sources = append(sources, f.Source)
			}
			if tt.sources != nil {
				assert.Equal(t, tt.sources, sources)
			}
			p, err := e.reg.List(t.Context(), registry.Filter{})
			require.NoError(t, err)
			assert.Zero(t, p.Total, "nothing is written")
		})
	}
}

// TestRegisterImportsBounded: imports beyond Options.MaxImports at once are
// answered 503 with Retry-After while the others run, and a file beyond
// Options.MaxRegisterBytes is refused 413, storing nothing.
func TestRegisterImportsBounded(t *testing.T) {
	auth, err := httpapi.BearerTokens([]httpapi.TokenScope{
		{Token: nationalToken, Principal: httpapi.Principal{Subject: "ministry", National: true}}})
	require.NoError(t, err)
	reg := registry.New(memory.New(), &registry.Options{Now: clock})
	h := httpapi.NewHandler(reg, &httpapi.Options{Authenticate: auth, Now: clock, MaxImports: 1, MaxRegisterBytes: 4 << 10})
	post := func(body io.Reader) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/v1/register", body)
		req.Header.Set("Authorization", "Bearer "+nationalToken)
		req.Header.Set("Content-Type", "text/csv")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}

	// The first import reads its body as it comes: once it has read the
	// header line, it holds the one place.
	pr, pw := io.Pipe()
	done := make(chan *httptest.ResponseRecorder)
	go func() { done <- post(pr) }()
	good := strings.NewReplacer("1990-02-30", "1990-02-28", "woman", "female", "1e3", "1000.00").Replace(badRegister) +
		"3/ESI/2021/9,ESI,Coopérative Tafraout,,cooperative,2021-03-01,active,,112-12,,agriculture,,MA-ESI,,99,100.00,5,natural,Hada,female,,,,10,1000.00,1000.00\n"
	lines := strings.SplitAfter(good, "\n")
	_, err = io.WriteString(pw, lines[0])
	require.NoError(t, err)

	busy := post(strings.NewReader(good))
	require.Equal(t, 503, busy.Code, busy.Body.String())
	assert.Equal(t, "10", busy.Header().Get("Retry-After"))
	assert.Contains(t, busy.Body.String(), `"code":"busy"`)

	_, err = io.WriteString(pw, strings.Join(lines[1:], ""))
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	first := <-done
	require.Equal(t, 201, first.Code, first.Body.String())

	// The place is free again; a file too large is refused.
	large := post(strings.NewReader(good + strings.Repeat(lines[1], 40)))
	require.Equal(t, 413, large.Code, large.Body.String())
	assert.Contains(t, large.Body.String(), `"code":"too_large"`)
	p, err := reg.List(t.Context(), registry.Filter{})
	require.NoError(t, err)
	assert.Equal(t, 1, p.Total, "the first import only")
}
