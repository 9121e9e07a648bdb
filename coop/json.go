package coop

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// The member register is the bulk of a cooperative's JSON: a housing
// cooperative has thousands of members. AppendJSON writes a cooperative with
// the bytes json.Marshal writes for its fields and tags (the tests compare
// both), its register by hand, without reflection and without the second
// pass encoding/json makes over what a MarshalJSON method returns.

// AppendJSON appends to b the JSON that json.Marshal writes for c.
func (c *Cooperative) AppendJSON(b []byte) []byte {
	b = slices.Grow(b, c.jsonSize())
	b = append(b, '{')
	sep := func() {
		if b[len(b)-1] != '{' {
			b = append(b, ',')
		}
	}
	str := func(key, v string) {
		if v != "" {
			sep()
			b = append(b, key...)
			b = appendJSONString(b, v)
		}
	}
	date := func(key string, d Date) {
		if !d.IsZero() {
			sep()
			b = append(b, key...)
			b = appendJSONDate(b, d)
		}
	}
	// small encodes the parts a cooperative has few of with encoding/json.
	small := func(key string, v any) {
		sep()
		b = append(b, key...)
		j, err := json.Marshal(v)
		if err != nil {
			j = []byte("null")
		}
		b = append(b, j...)
	}
	if c.ID != uuid.Nil {
		b = append(b, `"id":`...)
		b = appendUUID(b, c.ID)
	}
	if c.Version != 0 {
		sep()
		b = append(b, `"version":`...)
		b = strconv.AppendInt(b, c.Version, 10)
	}
	sep()
	b = append(b, `"kind":`...)
	b = appendJSONString(b, string(c.Kind))
	str(`"name":`, c.Name)
	str(`"name_ar":`, c.NameAR)
	str(`"registration_number":`, c.RegistrationNumber)
	str(`"court":`, c.Court)
	str(`"ice":`, c.ICE.s)
	str(`"sector":`, string(c.Sector))
	str(`"branch":`, string(c.Branch))
	str(`"province":`, string(c.Province))
	str(`"commune":`, c.Commune)
	str(`"address":`, c.Address)
	date(`"registered_on":`, c.RegisteredOn)
	b = append(b, `,"status":`...)
	b = appendJSONString(b, string(c.Status))
	date(`"status_since":`, c.StatusSince)
	b = append(b, `,"founded_under":`...)
	b = appendJSONString(b, string(c.FoundedUnder))
	date(`"conformed_on":`, c.ConformedOn)
	small(`"statutes":`, c.Statutes)
	if len(c.Members) > 0 {
		b = append(b, `,"members":[`...)
		for i := range c.Members {
			if i > 0 {
				b = append(b, ',')
			}
			b = c.Members[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	if c.MemberCount != nil {
		b = append(b, `,"member_count":`...)
		b = strconv.AppendInt(b, int64(*c.MemberCount), 10)
	}
	if c.LastYearEndMembers != nil {
		b = append(b, `,"last_year_end_members":`...)
		b = strconv.AppendInt(b, int64(*c.LastYearEndMembers), 10)
	}
	small(`"governance":`, c.Governance)
	if len(c.Assemblies) > 0 {
		small(`"assemblies":`, c.Assemblies)
	}
	if c.ApprovalID != uuid.Nil {
		b = append(b, `,"approval_id":`...)
		b = appendUUID(b, c.ApprovalID)
	}
	str(`"liquidator":`, c.Liquidator)
	str(`"status_reason":`, c.StatusReason)
	if len(c.Supports) > 0 {
		small(`"supports":`, c.Supports)
	}
	if len(c.Selections) > 0 {
		small(`"selections":`, c.Selections)
	}
	if len(c.Labels) > 0 {
		small(`"labels":`, c.Labels)
	}
	if len(c.Groupings) > 0 {
		small(`"groupings":`, c.Groupings)
	}
	if len(c.Turnover) > 0 {
		small(`"turnover":`, c.Turnover)
	}
	if len(c.Declared) > 0 {
		small(`"declared":`, c.Declared)
	}
	return append(b, '}')
}

// jsonSize estimates the length of c's JSON, to allocate it once.
func (c *Cooperative) jsonSize() int {
	n := 1024 + 160*len(c.Members)
	for i := range c.Members {
		n += 112 * len(c.Members[i].Shares)
	}
	return n
}

// appendJSON appends the member's JSON, as encoding/json writes it.
func (m *Member) appendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = appendUUID(b, m.ID)
	if m.Number != 0 {
		b = append(b, `,"number":`...)
		b = strconv.AppendInt(b, int64(m.Number), 10)
	}
	b = append(b, `,"type":`...)
	b = appendJSONString(b, string(m.Type))
	field := func(key, v string) {
		if v != "" {
			b = append(b, key...)
			b = appendJSONString(b, v)
		}
	}
	date := func(key string, d Date) {
		if !d.IsZero() {
			b = append(b, key...)
			b = appendJSONDate(b, d)
		}
	}
	field(`,"name":`, m.Name)
	field(`,"cin":`, m.CIN.s)
	field(`,"ice":`, m.ICE.s)
	if m.CooperativeID != uuid.Nil {
		b = append(b, `,"cooperative_id":`...)
		b = appendUUID(b, m.CooperativeID)
	}
	field(`,"gender":`, string(m.Gender))
	date(`,"birth_date":`, m.BirthDate)
	field(`,"phone":`, m.Phone.s)
	field(`,"address":`, m.Address)
	field(`,"occupation":`, m.Occupation)
	date(`,"joined_on":`, m.JoinedOn)
	field(`,"admitted_by":`, m.AdmittedBy)
	date(`,"left_on":`, m.LeftOn)
	field(`,"exit_reason":`, string(m.ExitReason))
	if len(m.Shares) > 0 {
		b = append(b, `,"shares":[`...)
		for i := range m.Shares {
			if i > 0 {
				b = append(b, ',')
			}
			b = m.Shares[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	if w := m.Withdrawal; w != nil {
		b = append(b, `,"withdrawal":{"received":`...)
		b = appendJSONDate(b, w.Received)
		b = append(b, `,"answer_due":`...)
		b = appendJSONDate(b, w.AnswerDue)
		field(`,"answer":`, w.Answer)
		date(`,"answered_on":`, w.AnsweredOn)
		b = append(b, `,"effective_on":`...)
		b = appendJSONDate(b, w.EffectiveOn)
		field(`,"reason":`, w.Reason)
		b = append(b, '}')
	}
	return append(b, '}')
}

func (mv *ShareMovement) appendJSON(b []byte) []byte {
	b = append(b, `{"kind":`...)
	b = appendJSONString(b, string(mv.Kind))
	b = append(b, `,"on":`...)
	b = appendJSONDate(b, mv.On)
	if mv.Shares != 0 {
		b = append(b, `,"shares":`...)
		b = strconv.AppendInt(b, int64(mv.Shares), 10)
	}
	b = append(b, `,"amount":`...)
	b = appendJSONDecimal(b, mv.Amount)
	b = append(b, `,"paid":`...)
	if mv.Paid.Valid {
		b = appendJSONDecimal(b, mv.Paid.Decimal)
	} else {
		b = append(b, "null"...)
	}
	if mv.InKind {
		b = append(b, `,"in_kind":true`...)
	}
	if mv.Counterparty != uuid.Nil {
		b = append(b, `,"counterparty":`...)
		b = appendUUID(b, mv.Counterparty)
	}
	return append(b, '}')
}

// appendJSONDate appends a date as Date.MarshalJSON writes it.
func appendJSONDate(b []byte, d Date) []byte {
	if d.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = d.appendTo(b)
	return append(b, '"')
}

func appendUUID(b []byte, id uuid.UUID) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	for i, x := range id {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hexDigits[x>>4], hexDigits[x&0xF])
	}
	return append(b, '"')
}

// pow10 are the powers of ten an amount's scale takes.
var pow10 = [...]int64{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// appendJSONDecimal appends d as decimal.Decimal.MarshalJSON writes it: a
// quoted string without trailing zeros. Amounts of up to 18 digits are
// written without allocating; others, and the decimal package's
// non-default settings, go through the package itself.
func appendJSONDecimal(b []byte, d decimal.Decimal) []byte {
	exp := d.Exponent()
	if !decimal.TrimTrailingZeros || decimal.UseScientificNotation || decimal.MarshalJSONWithoutQuotes ||
		exp > 0 || exp < -18 || d.NumDigits() > 18 {
		s, _ := d.MarshalJSON()
		return append(b, s...)
	}
	c := d.CoefficientInt64()
	b = append(b, '"')
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	p := pow10[-exp]
	b = strconv.AppendInt(b, c/p, 10)
	if frac := c % p; frac != 0 {
		digits := int(-exp)
		for frac%10 == 0 {
			frac /= 10
			digits--
		}
		b = append(b, '.')
		var tmp [19]byte
		f := strconv.AppendInt(tmp[:0], frac, 10)
		for range digits - len(f) {
			b = append(b, '0')
		}
		b = append(b, f...)
	}
	return append(b, '"')
}

// appendJSONString appends s as encoding/json writes a string: HTML
// characters, control characters, U+2028 and U+2029 escaped, invalid UTF-8
// replaced.
func appendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
