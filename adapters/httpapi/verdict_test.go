package httpapi_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// member is a member's values as text, the way both a JSON admission and
// a register row give them.
type member struct {
	name, typ, gender, cin, birth, shares, amount, paid string
}

// admissionJSON is the admission of m on 2024-06-30 as the API takes it:
// numbers as JSON numbers where the API reads numbers.
func (m member) admissionJSON() string {
	fields := []string{`"on":"2024-06-30"`, `"admitted_by":"OGM 2024-06-30"`}
	inner := []string{`"type":` + quote(m.typ), `"name":` + quote(m.name)}
	if m.gender != "" {
		inner = append(inner, `"gender":`+quote(m.gender))
	}
	if m.cin != "" {
		inner = append(inner, `"cin":`+quote(m.cin))
	}
	if m.birth != "" {
		inner = append(inner, `"birth_date":`+quote(m.birth))
	}
	fields = append(fields, `"member":{`+strings.Join(inner, ",")+`}`, `"shares":`+m.shares, `"amount":`+quote(m.amount), `"paid":`+quote(m.paid))
	return "{" + strings.Join(fields, ",") + "}"
}

// quote is s as a JSON string, its bytes kept as they are when they are
// not UTF-8 (json.Marshal would replace them; the cases hold no quote or
// backslash).
func quote(s string) string {
	if !utf8.ValidString(s) {
		return `"` + s + `"`
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// registerCSV is a register of one cooperative of five founders and m,
// who joined on 2024-06-30, as the import takes it.
func (m member) registerCSV() string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.Write(registry.RegisterColumns)
	coopCols := []string{"1/MEK/2019/77", "MEK", "Coopérative Verdict", "", "cooperative", "2019-04-15", "active", "", "112-12", "",
		"agriculture", "", "MA-MEK", "", "99", "100.00"}
	for i := range 5 {
		row := append(append([]string{}, coopCols...), fmt.Sprint(i+1), "natural", fmt.Sprintf("Fondatrice %d", i+1), "female", "", "", "",
			"5", "500.00", "500.00")
		_ = w.Write(row)
	}
	row := append(append([]string{}, coopCols...), "6", m.typ, m.name, m.gender, m.cin, m.birth, "2024-06-30", m.shares, m.amount, m.paid)
	_ = w.Write(row)
	w.Flush()
	return b.String()
}

// TestSameVerdict sends each value of the hostile sweep for a member to
// the JSON API (an admission) and to the register import (a row): each is
// refused by both or taken by both, but for a defect against the law,
// which a verb refuses to make and a register of record holds as it is,
// with CheckLaw reporting it, and for a member's name, which an admission
// records (art. 17) and a register of record may withhold.
func TestSameVerdict(t *testing.T) {
	ok := member{name: "Nadia", typ: "natural", gender: "female", cin: "D123456", birth: "1990-05-01", shares: "1", amount: "100.00", paid: "100.00"}
	tests := []struct {
		name string
		edit func(m *member)
		// defect is the CheckLaw rule the value breaks, when it is a
		// defect against the law rather than a bad value, or "withheld"
		// for a value a register of record may leave out.
		defect string
	}{
		{"Valid", func(m *member) {}, ""},
		{"NULInName", func(m *member) { m.name = "Nadia\x00" }, ""},
		{"ControlInName", func(m *member) { m.name = "Na\x01dia" }, ""},
		{"InvalidUTF8", func(m *member) { m.name = "Na\xffdia" }, ""},
		{"EmptyName", func(m *member) { m.name = "" }, "withheld"},
		{"SpacesAroundName", func(m *member) { m.name = " Nadia " }, ""},
		{"NoBreakSpaceName", func(m *member) { m.name = "Nadia\u00a0Alaoui" }, ""},
		{"ArabicName", func(m *member) { m.name = "نادية العلوي" }, ""},
		{"LongName", func(m *member) { m.name = strings.Repeat("N", 201) }, ""},
		{"UnknownType", func(m *member) { m.typ = "robot" }, ""},
		{"CooperativeInACooperative", func(m *member) { m.typ = "cooperative" }, ""},
		{"UnknownGender", func(m *member) { m.gender = "F" }, ""},
		{"BadCIN", func(m *member) { m.cin = "12" }, ""},
		{"Born9999", func(m *member) { m.birth = "9999-12-31" }, ""},
		{"Born1899", func(m *member) { m.birth = "1899-12-31" }, ""},
		{"BornAfterJoining", func(m *member) { m.birth = "2024-07-01" }, ""},
		{"BadBirthDate", func(m *member) { m.birth = "1990-02-30" }, ""},
		{"ZeroShares", func(m *member) { m.shares, m.amount, m.paid = "0", "0.00", "0.00" }, ""},
		{"NegativeShares", func(m *member) { m.shares = "-1" }, ""},
		{"SharesBeyondInt32", func(m *member) { m.shares = "2147483648" }, ""},
		{"AmountExponent", func(m *member) { m.amount = "1e2" }, ""},
		{"AmountThreeDecimals", func(m *member) { m.amount = "100.001" }, ""},
		{"AmountThirteenDigits", func(m *member) { m.amount, m.paid = "1000000000000", "1000000000000" }, ""},
		{"AmountNotAtNominal", func(m *member) { m.amount, m.paid = "90.00", "90.00" }, ""},
		{"PaidAboveAmount", func(m *member) { m.paid = "200.00" }, ""},
		{"PaidBelowAQuarter", func(m *member) { m.paid = "10.00" }, coop.CheckPaidAtSubscription},
		{"NegativePaid", func(m *member) { m.paid = "-1.00" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ok
			tt.edit(&m)

			e := newEnv(t)
			c := e.registerIn("Coopérative Verdict", "MA-MEK", meknesToken)
			api := e.do("POST", fmt.Sprintf("/v1/cooperatives/%s/members", c.ID), nationalToken, m.admissionJSON(), nil)
			require.Less(t, api.Code, 500, api.Body.String())

			into := newEnv(t)
			imp := into.do("POST", "/v1/register", nationalToken, m.registerCSV(), map[string]string{"Content-Type": "text/csv"})
			require.Less(t, imp.Code, 500, imp.Body.String())

			if tt.defect != "" {
				assert.GreaterOrEqual(t, api.Code, 400, "a verb makes no defect: %s", api.Body.String())
				require.Equal(t, 201, imp.Code, "a register holds its defects: %s", imp.Body.String())
				c, err := into.reg.GetByNumber(t.Context(), "1/MEK/2019/77")
				require.NoError(t, err)
				if tt.defect == "withheld" {
					return
				}
				rep := coop.CheckLaw(&c, today)
				r, ok := rep.Result(tt.defect)
				require.True(t, ok, "CheckLaw reports %s", tt.defect)
				assert.Equal(t, coop.Fail, r.Outcome)
				return
			}
			assert.Equal(t, api.Code < 300, imp.Code < 300, "the API answered %d: %s\nthe import answered %d: %s",
				api.Code, api.Body.String(), imp.Code, imp.Body.String())
		})
	}
}
