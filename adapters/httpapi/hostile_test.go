package httpapi_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/registry"
)

// TestHostile sends malformed and hostile requests; each gets the right
// 4xx problem and changes nothing.
func TestHostile(t *testing.T) {
	e := newEnv(t)
	c := e.registerIn("Coopérative Cible", "MA-MEK", meknesToken)
	id, m := c.ID.String(), c.Members[0].ID.String()
	pay := "/v1/cooperatives/" + id + "/members/" + m + "/payments"
	big := `{"on":"2024-06-30","amount":"1","pad":"` + strings.Repeat("x", 70<<10) + `"}`
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)

	tests := []struct {
		name, method, path, token string
		body                      any
		header                    map[string]string
		status                    int
		code                      string
	}{
		{"BadJSON", "POST", pay, meknesToken, `{"on":`, nil, 400, "invalid"},
		{"NotJSON", "POST", pay, meknesToken, `on=2024-06-30&amount=1`, nil, 400, "invalid"},
		{"TrailingData", "POST", pay, meknesToken, `{"on":"2024-06-30","amount":"1"} {"x":1}`, nil, 400, "invalid"},
		{"Array", "POST", pay, meknesToken, `[1,2,3]`, nil, 400, "invalid"},
		{"DeepNesting", "POST", pay, meknesToken, deep, nil, 400, "invalid"},
		{"EmptyBody", "POST", pay, meknesToken, "", nil, 400, "invalid"},
		{"Null", "POST", pay, meknesToken, `null`, nil, 400, "invalid"},
		{"UnknownField", "POST", pay, meknesToken, `{"on":"2024-06-30","amount":"1","admin":true}`, nil, 400, "invalid"},
		{"WrongTypeAmount", "POST", pay, meknesToken, `{"on":"2024-06-30","amount":1}`, nil, 400, "invalid"},
		{"AmountExponent", "POST", pay, meknesToken, `{"on":"2024-06-30","amount":"1e3"}`, nil, 400, "invalid"},
		{"AmountThreeDecimals", "POST", pay, meknesToken, `{"on":"2024-06-30","amount":"1.001"}`, nil, 400, "invalid"},
		{"NegativeAmount", "POST", pay, meknesToken, `{"on":"2024-06-30","amount":"-5"}`, nil, 400, "invalid"},
		{"WrongTypeDate", "POST", pay, meknesToken, `{"on":20240630,"amount":"1"}`, nil, 400, "invalid"},
		{"BadDate", "POST", pay, meknesToken, `{"on":"2024-02-30","amount":"1"}`, nil, 400, "invalid"},
		{"SlashDate", "POST", pay, meknesToken, `{"on":"30/06/2024","amount":"1"}`, nil, 400, "invalid"},
		{"FutureDate", "POST", pay, meknesToken, `{"on":"2099-01-01","amount":"1"}`, nil, 400, "invalid"},
		{"MissingDate", "POST", pay, meknesToken, `{"amount":"1"}`, nil, 400, "invalid"},
		{"Oversized", "POST", pay, meknesToken, big, nil, 413, "too_large"},
		{"WrongContentType", "POST", pay, meknesToken, `{"on":"2024-06-30","amount":"1"}`, map[string]string{"Content-Type": "text/plain"}, 415, "unsupported_media_type"},
		{"FormContentType", "POST", pay, meknesToken, `on=1`, map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"},
		{"BadCooperativeID", "POST", "/v1/cooperatives/not-a-uuid/members/" + m + "/payments", meknesToken, `{"on":"2024-06-30","amount":"1"}`, nil, 400, "invalid"},
		{"BadMemberID", "POST", "/v1/cooperatives/" + id + "/members/1234/payments", meknesToken, `{"on":"2024-06-30","amount":"1"}`, nil, 400, "invalid"},
		{"UnknownCooperative", "POST", "/v1/cooperatives/00000000-0000-4000-8000-00000000beef/members/" + m + "/payments", meknesToken, `{"on":"2024-06-30","amount":"1"}`, nil, 404, "not_found"},
		{"UnknownMember", "POST", "/v1/cooperatives/" + id + "/members/00000000-0000-4000-8000-00000000beef/payments", meknesToken, `{"on":"2024-06-30","amount":"1"}`, nil, 404, "not_found"},
		{"GetBadID", "GET", "/v1/cooperatives/%27%20OR%201=1--", "", nil, nil, 400, "invalid"},
		{"GetUnknown", "GET", "/v1/cooperatives/00000000-0000-4000-8000-00000000beef", "", nil, nil, 404, "not_found"},
		{"UnknownNumber", "GET", "/v1/registration-numbers/9/XX/1900/1", "", nil, nil, 404, "not_found"},
		{"PathTraversal", "GET", "/v1/cooperatives/../../etc/passwd", "", nil, nil, 404, "not_found"},
		{"EncodedTraversal", "GET", "/v1/cooperatives/..%2F..%2Fetc%2Fpasswd", "", nil, nil, 404, "not_found"},
		{"DoubleSlash", "GET", "/v1//cooperatives", "", nil, nil, 404, "not_found"},
		{"UnknownPath", "GET", "/v1/admin", "", nil, nil, 404, "not_found"},
		{"NoVersion", "GET", "/cooperatives", "", nil, nil, 404, "not_found"},
		{"WrongMethodDelete", "DELETE", "/v1/cooperatives/" + id, meknesToken, nil, nil, 405, "method_not_allowed"},
		{"WrongMethodPut", "PUT", pay, meknesToken, `{}`, nil, 405, "method_not_allowed"},
		{"WrongMethodGetOnWrite", "GET", pay, "", nil, nil, 405, "method_not_allowed"},
		{"WrongMethodPatch", "PATCH", "/v1/cooperatives", meknesToken, `{}`, nil, 405, "method_not_allowed"},
		{"NoToken", "POST", pay, "", `{"on":"2024-06-30","amount":"1"}`, nil, 401, "unauthenticated"},
		{"UnknownToken", "POST", pay, "not-a-token-at-all-000", `{"on":"2024-06-30","amount":"1"}`, nil, 401, "unauthenticated"},
		{"BasicAuth", "GET", "/v1/cooperatives", "", nil, map[string]string{"Authorization": "Basic YWRtaW46YWRtaW4="}, 401, "unauthenticated"},
		{"EmptyBearer", "GET", "/v1/cooperatives", "", nil, map[string]string{"Authorization": "Bearer "}, 401, "unauthenticated"},
		{"ForeignToken", "POST", pay, casablancaToken, `{"on":"2024-06-30","amount":"1"}`, nil, 403, "forbidden"},
		{"ForeignTokenAdmit", "POST", "/v1/cooperatives/" + id + "/members", casablancaToken,
			`{"on":"2024-06-30","admitted_by":"OGM","member":{"type":"natural","name":"X"},"shares":1,"amount":"100","paid":"100"}`, nil, 403, "forbidden"},
		{"ForeignTokenDissolve", "POST", "/v1/cooperatives/" + id + "/dissolution", casablancaToken, `{"on":"2024-06-30","reason":"x"}`, nil, 403, "forbidden"},
		{"AnonymousScreening", "POST", "/v1/screenings", "", `{"as_of":"2024-06-30"}`, nil, 401, "unauthenticated"},
		{"BadIfMatch", "POST", pay, meknesToken, `{"on":"2024-06-30","amount":"1"}`, map[string]string{"If-Match": "yesterday"}, 400, "invalid"},
		{"StaleIfMatch", "POST", pay, meknesToken, `{"on":"2024-06-30","amount":"1"}`, map[string]string{"If-Match": `"99"`}, 412, "precondition_failed"},
		{"LongIdempotencyKey", "POST", pay, meknesToken, `{"on":"2024-06-30","amount":"1"}`, map[string]string{"Idempotency-Key": strings.Repeat("k", 201)}, 400, "invalid"},
		{"UnknownQuery", "GET", "/v1/cooperatives?limit=5&drop=table", "", nil, nil, 400, "invalid"},
		{"BadLimit", "GET", "/v1/cooperatives?limit=-1", "", nil, nil, 400, "invalid"},
		{"HugeLimit", "GET", "/v1/cooperatives?limit=1000000", "", nil, nil, 400, "invalid"},
		{"BadProvinceFilter", "GET", "/v1/cooperatives?province=MA-ZZZ", "", nil, nil, 400, "invalid"},
		{"BadCursor", "GET", "/v1/cooperatives?cursor=%00%01", "", nil, nil, 400, "invalid"},
		{"BadDateFilter", "GET", "/v1/cooperatives?registered_from=yesterday", "", nil, nil, 400, "invalid"},
		{"StateWithoutDate", "GET", "/v1/cooperatives/" + id + "/state", "", nil, nil, 400, "invalid"},
		{"StateBeforeRegistration", "GET", "/v1/cooperatives/" + id + "/state?date=2000-01-01", "", nil, nil, 404, "not_found"},
		{"StatsNoDimension", "GET", "/v1/stats", "", nil, nil, 400, "invalid"},
		{"StatsBadDimension", "GET", "/v1/stats?by=colour", "", nil, nil, 400, "invalid"},
		{"StatsThreeDimensions", "GET", "/v1/stats?by=region,sector,year", "", nil, nil, 400, "invalid"},
		{"StatsBadFormat", "GET", "/v1/stats?by=region&format=xml", "", nil, nil, 400, "invalid"},
		{"StatsBadDecimals", "GET", "/v1/stats?by=region&decimals=9", "", nil, nil, 400, "invalid"},
		{"NationalBadYouth", "GET", "/v1/stats/national?youth_max_age=7", "", nil, nil, 400, "invalid"},
		{"UnknownProgramme", "POST", "/v1/programs/forsa/eligibility", "", `{"as_of":"2024-06-30","cooperative":{}}`, nil, 404, "not_found"},
		{"UnknownCall", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30","call":"t9","cooperative":{}}`, nil, 404, "not_found"},
		{"EligibilityNoApplicant", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30"}`, nil, 400, "invalid"},
		{"EligibilityBadFacts", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30","cooperative":{"province":"MA-ZZZ"}}`, nil, 400, "invalid"},
		{"EligibilityUnknownFact", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30","cooperative":{"colour":"red"}}`, nil, 400, "invalid"},
		{"EligibilityBoth", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30","cooperative_id":"` + id + `","cooperative":{}}`, nil, 400, "invalid"},
		{"EligibilityHugeBoard", "POST", "/v1/programs/mourafaka/eligibility", "", `{"as_of":"2024-06-30","cooperative":{"governance":{"board_size":999999999}}}`, nil, 400, "invalid"},
		{"UnknownProgrammeGet", "GET", "/v1/programs/forsa", "", nil, nil, 404, "not_found"},
		{"RegisterUnknownApproval", "POST", "/v1/cooperatives", nationalToken, `{"approval_id":"00000000-0000-4000-8000-00000000beef","kind":"cooperative","registered_on":"2024-06-30","sector":"agriculture","province":"MA-MEK","statutes":{"duration_years":99,"share_nominal":"100"},"founders":[{"member":{"type":"natural","name":"A"},"shares":5,"amount":"500","paid":"500"},{"member":{"type":"natural","name":"B"},"shares":5,"amount":"500","paid":"500"},{"member":{"type":"natural","name":"C"},"shares":5,"amount":"500","paid":"500"},{"member":{"type":"natural","name":"D"},"shares":5,"amount":"500","paid":"500"},{"member":{"type":"natural","name":"E"},"shares":5,"amount":"500","paid":"500"}],"governance":{"managers":[{"name":"A"}]}}`, nil, 404, "not_found"},
		{"RegisterFourFounders", "POST", "/v1/cooperatives", nationalToken, `{"approval_id":"` + c.ApprovalID.String() + `","kind":"cooperative","registered_on":"2024-06-30","sector":"agriculture","province":"MA-MEK","statutes":{"duration_years":99,"share_nominal":"100"},"founders":[],"governance":{"managers":[{"name":"A"}]}}`, nil, 400, "invalid"},
		{"ExclusionShortOfTwoThirds", "POST", "/v1/cooperatives/" + id + "/members/" + m + "/exclusion", meknesToken, `{"on":"2024-06-30","reason":"x","votes":{"for":1,"against":1}}`, nil, 422, "failed_precondition"},
		{"StrikeOffNoGround", "POST", "/v1/cooperatives/" + id + "/striking-off", meknesToken, `{"on":"2024-06-30","reason":"because"}`, nil, 400, "invalid"},
		{"NameApprovalNoProvinceScoped", "POST", "/v1/name-approvals", meknesToken, `{"names":["Sans Province"],"signatories":[{"name":"A"},{"name":"B"},{"name":"C"},{"name":"D"},{"name":"E"}],"requested_on":"2024-06-30"}`, nil, 403, "forbidden"},
		{"HeaderInjection", "GET", "/v1/cooperatives/" + id, "", nil, map[string]string{"If-None-Match": "\"1\"\r\nX-Evil: 1"}, 200, ""},
	}
	require.GreaterOrEqual(t, len(tests), 50)

	before, err := e.reg.Get(t.Context(), c.ID)
	require.NoError(t, err)
	beforeList, err := e.reg.List(t.Context(), registry.Filter{})
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.do(tt.method, tt.path, tt.token, tt.body, tt.header)
			assert.Equal(t, tt.status, res.Code, res.Body.String())
			if tt.code != "" {
				assert.Contains(t, res.Body.String(), fmt.Sprintf(`"code":%q`, tt.code))
				assert.NotContains(t, res.Body.String(), "goroutine")
				assert.NotContains(t, res.Body.String(), ".go:")
			}
		})
	}
	after, err := e.reg.Get(t.Context(), c.ID)
	require.NoError(t, err)
	assert.Equal(t, before.Version, after.Version, "no hostile request changed the cooperative")
	afterList, err := e.reg.List(t.Context(), registry.Filter{})
	require.NoError(t, err)
	assert.Equal(t, beforeList.Total, afterList.Total)
	j, _ := e.reg.Journal(t.Context(), c.ID)
	assert.Len(t, j, 1)
}
