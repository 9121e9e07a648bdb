package registry

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// EncodeCursor returns the cursor that continues a listing after the
// cooperative registered on registered with the given ID. Listings are
// ordered by (registered_on, id), so a cursor stays valid while the registry
// changes: it never skips or repeats a cooperative that was there before.
func EncodeCursor(registered coop.Date, id uuid.UUID) string {
	return base64.RawURLEncoding.EncodeToString([]byte(registered.String() + "|" + id.String()))
}

// DecodeCursor reads a cursor made by EncodeCursor. A cooperative with no
// registration date sorts first (the zero Date).
func DecodeCursor(s string) (coop.Date, uuid.UUID, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return coop.Date{}, uuid.Nil, coop.Fieldf("cursor", "cursor", "not a cursor")
	}
	date, id, ok := strings.Cut(string(b), "|")
	if !ok {
		return coop.Date{}, uuid.Nil, coop.Fieldf("cursor", "cursor", "not a cursor")
	}
	var d coop.Date
	if date != "" {
		if d, err = coop.ParseDate(date); err != nil {
			return coop.Date{}, uuid.Nil, coop.Fieldf("cursor", "cursor", "not a cursor")
		}
	}
	u, err := uuid.Parse(id)
	if err != nil {
		return coop.Date{}, uuid.Nil, coop.Fieldf("cursor", "cursor", "not a cursor")
	}
	return d, u, nil
}

// Matches reports whether c passes the filter's criteria (not its limit or
// cursor). Stores that filter in memory use it, so that every store
// filters alike.
func (f *Filter) Matches(c *coop.Cooperative) bool {
	switch {
	case f.Kind != "" && c.Kind != f.Kind,
		f.Province != "" && c.Province != f.Province,
		f.Region != "" && c.Province.Region() != f.Region,
		f.Delegation != "" && c.Province.Delegation() != f.Delegation,
		f.Sector != "" && c.Sector != f.Sector,
		f.Status != "" && c.Status != f.Status,
		!f.RegisteredFrom.IsZero() && c.RegisteredOn.Before(f.RegisteredFrom),
		!f.RegisteredTo.IsZero() && c.RegisteredOn.After(f.RegisteredTo):
		return false
	}
	if f.Name != "" {
		return strings.Contains(coop.Fold(c.Name), coop.Fold(f.Name)) || strings.Contains(coop.Fold(c.NameAR), coop.Fold(f.Name))
	}
	return true
}

// MatchesAt reports whether c, as it stood at the end of at, passes the
// filter's criteria: its seat and status are those of that date
// (coop.Cooperative.SeatAt, StatusAt), as the register at a date writes
// them.
func (f *Filter) MatchesAt(c *coop.Cooperative, at coop.Date) bool {
	then := *c
	then.Province, then.Commune, then.Address = c.SeatAt(at)
	then.Status = c.StatusAt(at)
	return f.Matches(&then)
}

// Part returns the part of the local register a cooperative belongs to
// (Decree 2-15-617 art. 7): 1 when its members are natural persons, 2 legal
// persons, 3 both, 4 for a union.
func Part(c *coop.Cooperative) int {
	if c.IsUnion() {
		return 4
	}
	natural, legal := false, false
	for _, m := range c.Members {
		if m.Type.IsLegalPerson() {
			legal = true
		} else {
			natural = true
		}
	}
	switch {
	case natural && legal:
		return 3
	case legal:
		return 2
	}
	return 1
}

// FormatNumber writes a registration number as part/court/year/sequence,
// e.g. "1/IFR/2024/17" (Decree 2-15-617 art. 7 fixes the four components;
// their layout, set by Arrêté 1369.16, is unconfirmed, so this one is ours).
func FormatNumber(part int, court string, year, seq int) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(part))
	b.WriteByte('/')
	b.WriteString(court)
	b.WriteByte('/')
	b.WriteString(strconv.Itoa(year))
	b.WriteByte('/')
	b.WriteString(strconv.Itoa(seq))
	return b.String()
}
