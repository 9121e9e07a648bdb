package readmodel

import (
	"fmt"
	"slices"

	"github.com/google/uuid"
)

// Diff lists the differences between the cooperatives of m and those of o,
// matched by ID whatever their order: a cooperative one holds and the other
// does not, or one whose compact form differs (dates, status, territory,
// sector, branch, declared facts, stated count, members and their share
// movements). It is empty when the two models answer every question alike:
// a model kept current by a Live and one built afresh from the same
// registry, for instance. It lists at most limit differences (all when
// limit is 0 or less).
func (m *Model) Diff(o *Model, limit int) []string {
	var out []string
	add := func(format string, args ...any) bool {
		out = append(out, fmt.Sprintf(format, args...))
		return limit > 0 && len(out) >= limit
	}
	at := make(map[uuid.UUID]int, o.Len())
	for j := range o.Len() {
		at[o.ID(j)] = j
	}
	facts := slices.Concat(m.facts, o.facts)
	slices.Sort(facts)
	facts = slices.Compact(facts)
	for i := range m.Len() {
		id := m.ID(i)
		j, ok := at[id]
		if !ok {
			if add("cooperative %s: only in the first model", id) {
				return out
			}
			continue
		}
		delete(at, id)
		if d := m.diffCoop(i, o, j, facts); d != "" {
			if add("cooperative %s: %s", id, d) {
				return out
			}
		}
	}
	for id := range at {
		if add("cooperative %s: only in the second model", id) {
			return out
		}
	}
	return out
}

// diffCoop describes the first difference between the i-th cooperative of
// m and the j-th of o, or returns "".
func (m *Model) diffCoop(i int, o *Model, j int, facts []string) string {
	a, b := m.Coop(i), o.Coop(j)
	type fields struct {
		Registered, StatusSince, ConformedOn any
		Status, Province, Sector, Branch     any
		Union, Law, Count                    any
		CountKnown                           bool
		Name                                 string
	}
	describe := func(x *Model, c *Coop, k int) fields {
		n, known := x.MemberCount(c)
		return fields{c.Registered, c.StatusSince, c.ConformedOn, c.Status(), c.Province(), c.Sector(), x.Branch(c),
			c.IsUnion(), c.FoundedUnder(), n, known, x.Name(k)}
	}
	if fa, fb := describe(m, a, i), describe(o, b, j); fa != fb {
		return fmt.Sprintf("%+v, not %+v", fa, fb)
	}
	if sa, sb := m.seatsOf(i), o.seatsOf(j); !slices.Equal(sa, sb) {
		return fmt.Sprintf("previous seats %v, not %v", sa, sb)
	}
	for _, f := range facts {
		va, oka := m.Declared(i, m.Fact(f), f)
		vb, okb := o.Declared(j, o.Fact(f), f)
		if va != vb || oka != okb {
			return fmt.Sprintf("declares %s %v (%v), not %v (%v)", f, va, oka, vb, okb)
		}
	}
	ma, mb := m.Members(a), o.Members(b)
	if len(ma) != len(mb) {
		return fmt.Sprintf("%d members, not %d", len(ma), len(mb))
	}
	for k := range ma {
		x, y := ma[k], mb[k]
		x.movesEnd, y.movesEnd = 0, 0
		if x != y {
			return fmt.Sprintf("member %d is %+v, not %+v", k, x, y)
		}
		if !slices.Equal(m.MemberMoves(a, k), o.MemberMoves(b, k)) {
			return fmt.Sprintf("the share movements of member %d differ", k)
		}
	}
	return ""
}

// seatsOf returns the previous seats of the i-th cooperative.
func (m *Model) seatsOf(i int) []seatLeft {
	if m.Coop(i).flags&flagMoved == 0 {
		return nil
	}
	return m.pages[i>>pageBits].seats[i&pageMask]
}
