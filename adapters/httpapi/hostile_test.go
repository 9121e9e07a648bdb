package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/registry"
)

// hostile is a malformed or hostile request and the problem it must get.
// {id}, {m}, {approval}, {pay} and {admit} in its path and body stand for
// the target cooperative's ID, its first member's, its name approval's, and
// the paths of a payment and of an admission.
type hostile struct {
	name, method, path, token string
	body                      any
	header                    map[string]string
	status                    int
	code                      string
}

func hostileRequests() []hostile {
	big := `{"on":"2024-06-30","amount":"1","pad":"` + strings.Repeat("x", 70<<10) + `"}`
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	return []hostile{
		{"BadJSON", "POST", "{pay}", meknesToken, `{"on":`, nil, 400, "invalid"},
		{"NotJSON", "POST", "{pay}", meknesToken, `on=2024-06-30&amount=1`, nil, 400, "invalid"},
		{"TrailingData", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":"1"} {"x":1}`, nil, 400, "invalid"},
		{"Array", "POST", "{pay}", meknesToken, `[1,2,3]`, nil, 400, "invalid"},
		{"DeepNesting", "POST", "{pay}", meknesToken, deep, nil, 400, "invalid"},
		{"EmptyBody", "POST", "{pay}", meknesToken, "", nil, 400, "invalid"},
		{"Null", "POST", "{pay}", meknesToken, `null`, nil, 400, "invalid"},
		{"UnknownField", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":"1","admin":true}`, nil, 400, "invalid"},
		{"WrongTypeAmount", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":1}`, nil, 400, "invalid"},
		{"AmountExponent", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":"1e3"}`, nil, 400, "invalid"},
		{"AmountThreeDecimals", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":"1.001"}`, nil, 400, "invalid"},
		{"NegativeAmount", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":"-5"}`, nil, 400, "invalid"},
		{"WrongTypeDate", "POST", "{pay}", meknesToken, `{"on":20240630,"amount":"1"}`, nil, 400, "invalid"},
		{"BadDate", "POST", "{pay}", meknesToken, `{"on":"2024-02-30","amount":"1"}`, nil, 400, "invalid"},
		{"SlashDate", "POST", "{pay}", meknesToken, `{"on":"30/06/2024","amount":"1"}`, nil, 400, "invalid"},
		{"FutureDate", "POST", "{pay}", meknesToken, `{"on":"2099-01-01","amount":"1"}`, nil, 400, "invalid"},
		{"MissingDate", "POST", "{pay}", meknesToken, `{"amount":"1"}`, nil, 400, "invalid"},
		{"Oversized", "POST", "{pay}", meknesToken, big, nil, 413, "too_large"},
		{"WrongContentType", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":"1"}`, map[string]string{"Content-Type": "text/plain"}, 415, "unsupported_media_type"},
		{"FormContentType", "POST", "{pay}", meknesToken, `on=1`, map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"},
		{"BadCooperativeID", "POST", "/v1/cooperatives/not-a-uuid/members/{m}/payments", meknesToken, `{"on":"2024-06-30","amount":"1"}`, nil, 400, "invalid"},
		{"BadMemberID", "POST", "/v1/cooperatives/{id}/members/1234/payments", meknesToken, `{"on":"2024-06-30","amount":"1"}`, nil, 400, "invalid"},
		{"UnknownCooperative", "POST", "/v1/cooperatives/00000000-0000-4000-8000-00000000beef/members/{m}/payments", meknesToken, `{"on":"2024-06-30","amount":"1"}`, nil, 404, "not_found"},
		{"UnknownMember", "POST", "/v1/cooperatives/{id}/members/00000000-0000-4000-8000-00000000beef/payments", meknesToken, `{"on":"2024-06-30","amount":"1"}`, nil, 404, "not_found"},
		{"GetBadID", "GET", "/v1/cooperatives/%27%20OR%201=1--", "", nil, nil, 400, "invalid"},
		{"GetUnknown", "GET", "/v1/cooperatives/00000000-0000-4000-8000-00000000beef", "", nil, nil, 404, "not_found"},
		{"UnknownNumber", "GET", "/v1/registration-numbers/9%2FXX%2F1900%2F1", "", nil, nil, 404, "not_found"},
		{"NumberRawSlashes", "GET", "/v1/registration-numbers/{number}", "", nil, nil, 404, "not_found"},
		{"PathTraversal", "GET", "/v1/cooperatives/../../etc/passwd", "", nil, nil, 404, "not_found"},
		{"EncodedTraversal", "GET", "/v1/cooperatives/..%2F..%2Fetc%2Fpasswd", "", nil, nil, 404, "not_found"},
		{"DoubleSlash", "GET", "/v1//cooperatives", "", nil, nil, 404, "not_found"},
		{"UnknownPath", "GET", "/v1/admin", "", nil, nil, 404, "not_found"},
		{"NoVersion", "GET", "/cooperatives", "", nil, nil, 404, "not_found"},
		{"WrongMethodDelete", "DELETE", "/v1/cooperatives/{id}", meknesToken, nil, nil, 405, "method_not_allowed"},
		{"WrongMethodPut", "PUT", "{pay}", meknesToken, `{}`, nil, 405, "method_not_allowed"},
		{"WrongMethodGetOnWrite", "GET", "{pay}", "", nil, nil, 405, "method_not_allowed"},
		{"WrongMethodPatch", "PATCH", "/v1/cooperatives", meknesToken, `{}`, nil, 405, "method_not_allowed"},
		{"NoToken", "POST", "{pay}", "", `{"on":"2024-06-30","amount":"1"}`, nil, 401, "unauthenticated"},
		{"UnknownToken", "POST", "{pay}", "not-a-token-at-all-000", `{"on":"2024-06-30","amount":"1"}`, nil, 401, "unauthenticated"},
		{"BasicAuth", "GET", "/v1/cooperatives", "", nil, map[string]string{"Authorization": "Basic YWRtaW46YWRtaW4="}, 401, "unauthenticated"},
		{"EmptyBearer", "GET", "/v1/cooperatives", "", nil, map[string]string{"Authorization": "Bearer "}, 401, "unauthenticated"},
		{"ForeignToken", "POST", "{pay}", casablancaToken, `{"on":"2024-06-30","amount":"1"}`, nil, 403, "forbidden"},
		{"ForeignTokenAdmit", "POST", "/v1/cooperatives/{id}/members", casablancaToken,
			`{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"X"},"shares":1,"amount":"100","paid":"100"}`, nil, 403, "forbidden"},
		{"ForeignTokenDissolve", "POST", "/v1/cooperatives/{id}/dissolution", casablancaToken, `{"on":"2024-06-30","reason":"x"}`, nil, 403, "forbidden"},
		{"AnonymousScreening", "POST", "/v1/screenings", "", `{"as_of":"2024-06-30"}`, nil, 401, "unauthenticated"},
		{"BadIfMatch", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":"1"}`, map[string]string{"If-Match": "yesterday"}, 400, "invalid"},
		{"StaleIfMatch", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":"1"}`, map[string]string{"If-Match": `"99"`}, 412, "precondition_failed"},
		{"LongIdempotencyKey", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":"1"}`, map[string]string{"Idempotency-Key": strings.Repeat("k", 201)}, 400, "invalid"},
		{"UnknownQuery", "GET", "/v1/cooperatives?limit=5&drop=table", "", nil, nil, 400, "invalid"},
		{"BadDialect", "GET", "/v1/register?dialect=excel-de", nationalToken, nil, nil, 400, "invalid"},
		{"BadLimit", "GET", "/v1/cooperatives?limit=-1", "", nil, nil, 400, "invalid"},
		{"HugeLimit", "GET", "/v1/cooperatives?limit=1000000", "", nil, nil, 400, "invalid"},
		{"BadProvinceFilter", "GET", "/v1/cooperatives?province=MA-ZZZ", "", nil, nil, 400, "invalid"},
		{"BadCursor", "GET", "/v1/cooperatives?cursor=%00%01", "", nil, nil, 400, "invalid"},
		{"BadDateFilter", "GET", "/v1/cooperatives?registered_from=yesterday", "", nil, nil, 400, "invalid"},
		{"StateWithoutDate", "GET", "/v1/cooperatives/{id}/state", "", nil, nil, 400, "invalid"},
		{"StateBeforeRegistration", "GET", "/v1/cooperatives/{id}/state?date=2000-01-01", "", nil, nil, 404, "not_found"},
		{"StatsNoDimension", "GET", "/v1/stats", "", nil, nil, 400, "invalid"},
		{"StatsBadDimension", "GET", "/v1/stats?by=colour", "", nil, nil, 400, "invalid"},
		{"StatsThreeDimensions", "GET", "/v1/stats?by=region,sector,year", "", nil, nil, 400, "invalid"},
		{"StatsBadFormat", "GET", "/v1/stats?by=region&format=xml", "", nil, nil, 400, "invalid"},
		{"StatsBadDecimals", "GET", "/v1/stats?by=region&decimals=9", "", nil, nil, 400, "invalid"},
		{"NationalBadYouth", "GET", "/v1/stats/national?youth_max_age=7", "", nil, nil, 400, "invalid"},
		{"UnknownProgramme", "POST", "/v1/programs/awrach/eligibility", "", `{"as_of":"2024-06-30","cooperative":{}}`, nil, 404, "not_found"},
		{"UnknownCall", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30","call":"t9","cooperative":{}}`, nil, 404, "not_found"},
		{"EligibilityNoApplicant", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30"}`, nil, 400, "invalid"},
		{"EligibilityAllNoApplicant", "POST", "/v1/eligibility", "", `{"as_of":"2024-06-30"}`, nil, 400, "invalid"},
		{"EligibilityAllBoth", "POST", "/v1/eligibility", "", `{"as_of":"2024-06-30","cooperative_id":"6f1c2a6e-0000-4000-8000-000000000001","cooperative":{}}`, nil, 400, "invalid"},
		{"EligibilityAllUnknownCooperative", "POST", "/v1/eligibility", "", `{"as_of":"2024-06-30","cooperative_id":"6f1c2a6e-0000-4000-8000-000000000009"}`, nil, 404, "not_found"},
		{"EligibilityBadFacts", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30","cooperative":{"province":"MA-ZZZ"}}`, nil, 400, "invalid"},
		{"EligibilityUnknownFact", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30","cooperative":{"colour":"red"}}`, nil, 400, "invalid"},
		{"EligibilityBoth", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30","cooperative_id":"{id}","cooperative":{}}`, nil, 400, "invalid"},
		{"EligibilityHugeBoard", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30","cooperative":{"governance":{"board_size":999999999}}}`, nil, 400, "invalid"},
		{"UnknownProgrammeGet", "GET", "/v1/programs/awrach", "", nil, nil, 404, "not_found"},
		{"RegisterUnknownApproval", "POST", "/v1/cooperatives", nationalToken, `{"approval_id":"00000000-0000-4000-8000-00000000beef","kind":"cooperative","registered_on":"2024-06-30","sector":"agriculture","province":"MA-MEK","statutes":{"duration_years":99,"share_nominal":"100"},"founders":[{"member":{"type":"natural","name":"A"},"shares":5,"amount":"500","paid":"500"},{"member":{"type":"natural","name":"B"},"shares":5,"amount":"500","paid":"500"},{"member":{"type":"natural","name":"C"},"shares":5,"amount":"500","paid":"500"},{"member":{"type":"natural","name":"D"},"shares":5,"amount":"500","paid":"500"},{"member":{"type":"natural","name":"E"},"shares":5,"amount":"500","paid":"500"}],"governance":{"managers":[{"name":"A"}]}}`, nil, 404, "not_found"},
		{"RegisterFourFounders", "POST", "/v1/cooperatives", nationalToken, `{"approval_id":"{approval}","kind":"cooperative","registered_on":"2024-06-30","sector":"agriculture","province":"MA-MEK","statutes":{"duration_years":99,"share_nominal":"100"},"founders":[],"governance":{"managers":[{"name":"A"}]}}`, nil, 400, "invalid"},
		{"ExclusionShortOfTwoThirds", "POST", "/v1/cooperatives/{id}/members/{m}/exclusion", meknesToken, `{"on":"2024-06-30","reason":"x","votes":{"for":1,"against":1}}`, nil, 422, "failed_precondition"},
		{"StrikeOffNoGround", "POST", "/v1/cooperatives/{id}/striking-off", meknesToken, `{"on":"2024-06-30","reason":"because"}`, nil, 400, "invalid"},
		{"NameApprovalNoProvinceScoped", "POST", "/v1/name-approvals", meknesToken, `{"names":["Sans Province"],"signatories":[{"name":"A"},{"name":"B"},{"name":"C"},{"name":"D"},{"name":"E"}],"requested_on":"2024-06-30"}`, nil, 403, "forbidden"},
		// Issue: one input grammar for both stores.
		{"NULInName", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia\u0000"},"shares":1,"amount":"100","paid":"100"}`, nil, 400, "invalid"},
		{"ControlInName", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Na\ndia"},"shares":1,"amount":"100","paid":"100"}`, nil, 400, "invalid"},
		{"InvalidUTF8", "POST", "{admit}", meknesToken, "{\"on\":\"2024-06-30\",\"admitted_by\":\"OGM\",\"member\":{\"type\":\"natural\",\"name\":\"Na\xffdia\"},\"shares\":1,\"amount\":\"100\",\"paid\":\"100\"}", nil, 400, "invalid"},
		{"SharesMaxInt64", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia"},"shares":9223372036854775807,"amount":"922337203685477580700","paid":"922337203685477580700"}`, nil, 400, "invalid"},
		{"SharesBeyondInt32", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia"},"shares":2147483648,"amount":"100","paid":"100"}`, nil, 400, "invalid"},
		{"SharesExponent", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia"},"shares":1e0,"amount":"100","paid":"100"}`, nil, 400, "invalid"},
		{"SharesAsString", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia"},"shares":"1","amount":"100","paid":"100"}`, nil, 400, "invalid"},
		{"AmountNumber", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia"},"shares":1,"amount":100,"paid":"100"}`, nil, 400, "invalid"},
		{"AmountPlus", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia"},"shares":1,"amount":"+100","paid":"100"}`, nil, 400, "invalid"},
		{"AmountTrailingPoint", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia"},"shares":1,"amount":"100.","paid":"100"}`, nil, 400, "invalid"},
		{"AmountExponentAdmit", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia"},"shares":1,"amount":"1e2","paid":"100"}`, nil, 400, "invalid"},
		{"AmountThirteenDigits", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia"},"shares":1,"amount":"1000000000000","paid":"1000000000000"}`, nil, 400, "invalid"},
		{"Born9999", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia","birth_date":"9999-12-31"},"shares":1,"amount":"100","paid":"100"}`, nil, 400, "invalid"},
		{"Born0001", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia","birth_date":"0001-01-01"},"shares":1,"amount":"100","paid":"100"}`, nil, 400, "invalid"},
		{"Born1899", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia","birth_date":"1899-12-31"},"shares":1,"amount":"100","paid":"100"}`, nil, 400, "invalid"},
		{"BornAfterJoining", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"Nadia","birth_date":"2024-07-01"},"shares":1,"amount":"100","paid":"100"}`, nil, 400, "invalid"},
		{"KeyCaseVariant", "POST", "{pay}", meknesToken, `{"ON":"2024-06-30","amount":"1"}`, nil, 400, "invalid"},
		{"KeyTwiceCases", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","On":"2024-06-29","amount":"1"}`, nil, 400, "invalid"},
		{"KeyTwice", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","on":"2024-06-29","amount":"1"}`, nil, 400, "invalid"},
		{"NestedKeyCase", "POST", "{admit}", meknesToken, `{"on":"2024-06-30","admitted_by":"OGM","member":{"Type":"natural","name":"Nadia"},"shares":1,"amount":"100","paid":"100"}`, nil, 400, "invalid"},
		{"ExpectInBody", "POST", "{pay}", meknesToken, `{"on":"2024-06-30","amount":"1","expect":1}`, nil, 400, "invalid"},
		{"MalformedQuery", "GET", "/v1/cooperatives?cursor=%%%%", "", nil, nil, 400, "invalid"},
		{"QueryTwice", "GET", "/v1/cooperatives?limit=1&limit=2", "", nil, nil, 400, "invalid"},
		{"QueryNUL", "GET", "/v1/cooperatives?name=a%00b", "", nil, nil, 400, "invalid"},
		{"QueryNotUTF8", "GET", "/v1/cooperatives?name=%ff", "", nil, nil, 400, "invalid"},
		{"TwoAuthorizations", "GET", "/v1/cooperatives", nationalToken, nil, map[string]string{"Authorization+": "Bearer " + meknesToken}, 400, "invalid"},
		{"SeatNUL", "POST", "/v1/cooperatives/{id}/seat", meknesToken, `{"on":"2024-06-30","province":"MA-MEK","commune":"a\u0000","votes":{"for":6}}`, nil, 400, "invalid"},
		{"TurnoverYearHuge", "POST", "/v1/cooperatives/{id}/turnover", meknesToken, `{"on":"2024-06-30","year":99999999999,"amount":"10"}`, nil, 400, "invalid"},
		{"LabelUntil2300", "POST", "/v1/cooperatives/{id}/labels", meknesToken, `{"label":{"kind":"collective-label","name":"T","issuer":"M","valid_from":"2024-06-30","valid_until":"2300-01-01"}}`, nil, 400, "invalid"},
		{"SupportHugeCount", "POST", "/v1/support-actions", meknesToken, `{"kind":"training","title":"T","start":"2024-06-30","reached":[{"cooperative_id":"{id}","people":1099511627776}]}`, nil, 400, "invalid"},
		{"EligibilityAmountNumber", "POST", "/v1/programs/indh-income/eligibility", "", `{"as_of":"2023-06-30","cooperative_id":"{id}","project":{"cost":100000,"own_cash":"40000"}}`, nil, 400, "invalid"},
		{"HeaderInjection", "GET", "/v1/cooperatives/{id}", "", nil, map[string]string{"If-None-Match": "\"1\"\r\nX-Evil: 1"}, 200, ""},
	}
}

// target is the cooperative of a hostile test, in one store.
type target struct {
	e                    *env
	id, m, approval, pay string
	admit, number        string
	before               string
}

func (tg *target) fill(s string) string {
	return strings.NewReplacer("{pay}", tg.pay, "{admit}", tg.admit, "{id}", tg.id, "{m}", tg.m, "{approval}", tg.approval, "{number}", tg.number).Replace(s)
}

// digest is what the registry holds, to show that a request changed nothing.
func (tg *target) digest(t *testing.T) string {
	t.Helper()
	ctx := t.Context()
	p, err := tg.e.reg.List(ctx, registry.Filter{Limit: registry.MaxLimit})
	require.NoError(t, err)
	var b strings.Builder
	for _, c := range p.Items {
		j, err := tg.e.reg.Journal(ctx, c.ID)
		require.NoError(t, err)
		j2, err := json.Marshal(c)
		require.NoError(t, err)
		b.Write(j2)
		fmt.Fprintf(&b, "/%d\n", len(j))
	}
	return b.String()
}

// TestHostile sends malformed and hostile requests to the API over the
// memory store and over PostgreSQL: each gets the documented 4xx problem,
// the same on both, never a 5xx, and changes nothing.
func TestHostile(t *testing.T) {
	var targets []*target
	names := []string{}
	for name, open := range stores(t) {
		e := open(t)
		c := e.registerIn("Coopérative Cible", "MA-MEK", meknesToken)
		id, m := c.ID.String(), c.Members[0].ID.String()
		tg := &target{e: e, id: id, m: m, approval: c.ApprovalID.String(), number: c.RegistrationNumber,
			pay: "/v1/cooperatives/" + id + "/members/" + m + "/payments", admit: "/v1/cooperatives/" + id + "/members"}
		tg.before = tg.digest(t)
		targets = append(targets, tg)
		names = append(names, name)
	}
	tests := hostileRequests()
	require.GreaterOrEqual(t, len(tests), 80)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for i, tg := range targets {
				var body any = tt.body
				if s, ok := tt.body.(string); ok {
					body = tg.fill(s)
				}
				header := map[string]string{}
				for k, v := range tt.header {
					header[k] = v
				}
				var second string
				if v, ok := header["Authorization+"]; ok {
					second = v
					delete(header, "Authorization+")
				}
				req := tg.e.request(tt.method, tg.fill(tt.path), tt.token, body, header)
				if second != "" {
					req.Header.Add("Authorization", second)
				}
				res := httptest.NewRecorder()
				tg.e.h.ServeHTTP(res, req)
				if second == "" {
					tg.e.conforms(tt.method, req.URL.EscapedPath(), res)
				}
				assert.Less(t, res.Code, 500, "%s: %s", names[i], res.Body.String())
				assert.Equal(t, tt.status, res.Code, "%s: %s", names[i], res.Body.String())
				if tt.code != "" {
					assert.Contains(t, res.Body.String(), fmt.Sprintf(`"code":%q`, tt.code), names[i])
					assert.NotContains(t, res.Body.String(), "goroutine")
					assert.NotContains(t, res.Body.String(), ".go:")
				}
				got = append(got, fmt.Sprintf("%d %s", res.Code, problemCode(res.Body.String())))
				assert.Equal(t, tg.before, tg.digest(t), "%s: nothing changed", names[i])
			}
			for i := 1; i < len(got); i++ {
				assert.Equal(t, got[0], got[i], "%s and %s answer alike", names[0], names[i])
			}
		})
	}
}

// problemCode returns the code of a problem body.
func problemCode(body string) string {
	_, rest, ok := strings.Cut(body, `"code":"`)
	if !ok {
		return ""
	}
	code, _, _ := strings.Cut(rest, `"`)
	return code
}
