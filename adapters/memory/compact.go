package memory

import (
	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// compacted is a cooperative as the store keeps it: every field as given,
// except the member register, which is held in columns a fraction of its
// size. A coop.Member is 264 bytes, with its enumerations as strings and
// its rare fields inline, and a share movement 96 bytes with two decimals;
// here a member is 96 bytes, its rare fields out of line, and a movement 24
// bytes, its amounts numbers in a table of the cooperative's distinct
// amounts and its counterparty out of line. cooperative gives back the
// register exactly as it was given: the same values, marshalling to the
// same JSON byte for byte.
//
// A compacted value is immutable once made, and shared by readers.
type compacted struct {
	c       coop.Cooperative // Members left out
	members []member
	moves   []move
	amounts []decimal.Decimal
	parties []uuid.UUID
	rare    []rareMember
	// register tells a nil register from an empty one.
	register uint8
}

// The states of a register.
const (
	registerNil   uint8 = iota // c.Members == nil
	registerEmpty              // an empty register, not nil
	registerSome               // members
)

// member is a compacted coop.Member.
type member struct {
	id                 uuid.UUID
	name               string
	cin                coop.CIN
	phone              coop.Phone
	birth, join, leave coop.Date
	number             int32
	// moves is the index in compacted.moves of the member's first
	// movement; its movements run to the next member's first.
	moves uint32
	// rare is 1 + the index of the member's rare fields; 0 when none.
	rare                uint32
	typ, gender, reason uint8
	flags               uint8
}

// The flags of a member.
const (
	sharesGiven uint8 = 1 << iota // Shares is not nil
)

// rareMember holds the fields few members have: a legal person's ICE, a
// member cooperative's ID, contact and admission details, a withdrawal
// request. whole keeps, as given, a member whose values do not fit the
// columns (an enumeration outside its list, a number beyond 32 bits).
type rareMember struct {
	ice           coop.ICE
	cooperativeID uuid.UUID
	address       string
	occupation    string
	admittedBy    string
	withdrawal    *coop.WithdrawalRequest
	whole         *coop.Member
}

// move is a compacted coop.ShareMovement.
type move struct {
	on     coop.Date
	shares int32
	amount uint32 // index in compacted.amounts
	paid   uint32 // 1 + index in compacted.amounts; 0: the zero NullDecimal
	party  uint32 // 1 + index in compacted.parties; 0: none
	kind   uint8
	flags  uint8
}

// The flags of a movement.
const (
	inKind      uint8 = 1 << iota // InKind
	paidInvalid                   // Paid has an amount but is not Valid
)

// The enumerations' lists: a value is stored as 1 + its index, the empty
// value as 0.
var (
	memberTypes   = []coop.MemberType{coop.Natural, coop.Legal, coop.MemberCooperative}
	genders       = []coop.Gender{coop.Female, coop.Male}
	exitReasons   = []coop.ExitReason{coop.Withdrawal, coop.Exclusion, coop.Death, coop.Incapacity, coop.TransferredOut}
	movementKinds = []coop.MovementKind{coop.Subscription, coop.Payment, coop.TransferIn, coop.TransferOut, coop.Refund}
)

// code returns the code of v in list, and false when v is not in it.
func code[T ~string](list []T, v T) (uint8, bool) {
	if v == "" {
		return 0, true
	}
	for i, w := range list {
		if w == v {
			return uint8(i + 1), true
		}
	}
	return 0, false
}

// value returns the value of code c in list.
func value[T ~string](list []T, c uint8) T {
	if c == 0 {
		return ""
	}
	return list[c-1]
}

// fitsInt32 reports whether n is stored as it is in 32 bits.
func fitsInt32(n int) bool { return n == int(int32(n)) }

// compact returns c with its member register in columns. c is the
// store's: the values it refers to are shared, never changed.
func compact(c coop.Cooperative) *compacted {
	p := &compacted{c: c}
	p.c.Members = nil
	switch {
	case c.Members == nil:
		p.register = registerNil
		return p
	case len(c.Members) == 0:
		p.register = registerEmpty
		return p
	}
	p.register = registerSome
	moves := 0
	for i := range c.Members {
		moves += len(c.Members[i].Shares)
	}
	p.members = make([]member, len(c.Members))
	p.moves = make([]move, 0, moves)
	var amounts amountTable
	for i := range c.Members {
		p.addMember(&p.members[i], &c.Members[i], &amounts)
	}
	p.amounts = amounts.values
	return p
}

// addMember compacts m into cm, appending its movements.
func (p *compacted) addMember(cm *member, m *coop.Member, amounts *amountTable) {
	cm.moves = uint32(len(p.moves))
	typ, ok1 := code(memberTypes, m.Type)
	gender, ok2 := code(genders, m.Gender)
	reason, ok3 := code(exitReasons, m.ExitReason)
	if !ok1 || !ok2 || !ok3 || !fitsInt32(m.Number) || !movesFit(m.Shares) {
		whole := *m
		p.rare = append(p.rare, rareMember{whole: &whole})
		cm.rare = uint32(len(p.rare))
		return
	}
	*cm = member{id: m.ID, name: m.Name, cin: m.CIN, phone: m.Phone,
		birth: m.BirthDate, join: m.JoinedOn, leave: m.LeftOn, number: int32(m.Number),
		moves: cm.moves, typ: typ, gender: gender, reason: reason}
	if m.Shares != nil {
		cm.flags |= sharesGiven
	}
	if m.ICE != (coop.ICE{}) || m.CooperativeID != uuid.Nil || m.Address != "" || m.Occupation != "" ||
		m.AdmittedBy != "" || m.Withdrawal != nil {
		p.rare = append(p.rare, rareMember{ice: m.ICE, cooperativeID: m.CooperativeID, address: m.Address,
			occupation: m.Occupation, admittedBy: m.AdmittedBy, withdrawal: m.Withdrawal})
		cm.rare = uint32(len(p.rare))
	}
	for j := range m.Shares {
		s := &m.Shares[j]
		kind, _ := code(movementKinds, s.Kind)
		mv := move{on: s.On, shares: int32(s.Shares), amount: amounts.index(s.Amount), kind: kind}
		if s.Paid != (decimal.NullDecimal{}) {
			mv.paid = amounts.index(s.Paid.Decimal) + 1
			if !s.Paid.Valid {
				mv.flags |= paidInvalid
			}
		}
		if s.InKind {
			mv.flags |= inKind
		}
		if s.Counterparty != uuid.Nil {
			p.parties = append(p.parties, s.Counterparty)
			mv.party = uint32(len(p.parties))
		}
		p.moves = append(p.moves, mv)
	}
}

// movesFit reports whether every movement fits the columns.
func movesFit(ms []coop.ShareMovement) bool {
	for i := range ms {
		if _, ok := code(movementKinds, ms[i].Kind); !ok || !fitsInt32(ms[i].Shares) {
			return false
		}
	}
	return true
}

// cooperative returns the cooperative, its register rebuilt in new
// slices.
func (p *compacted) cooperative() coop.Cooperative {
	c, _, _ := p.expand(nil, nil)
	return c
}

// expand returns the cooperative, its register rebuilt in members and
// moves, which it reuses when large enough, and the slices it used.
func (p *compacted) expand(members []coop.Member, moves []coop.ShareMovement) (coop.Cooperative, []coop.Member, []coop.ShareMovement) {
	c := p.c
	switch p.register {
	case registerNil:
		return c, members, moves
	case registerEmpty:
		c.Members = []coop.Member{}
		return c, members, moves
	}
	if cap(members) < len(p.members) {
		members = make([]coop.Member, len(p.members))
	}
	members = members[:len(p.members)]
	if cap(moves) < len(p.moves) {
		moves = make([]coop.ShareMovement, len(p.moves))
	}
	moves = moves[:len(p.moves)]
	for i := range p.moves {
		mv := &p.moves[i]
		s := coop.ShareMovement{Kind: value(movementKinds, mv.kind), On: mv.on, Shares: int(mv.shares),
			Amount: p.amounts[mv.amount], InKind: mv.flags&inKind != 0}
		if mv.paid != 0 {
			s.Paid = decimal.NullDecimal{Decimal: p.amounts[mv.paid-1], Valid: mv.flags&paidInvalid == 0}
		}
		if mv.party != 0 {
			s.Counterparty = p.parties[mv.party-1]
		}
		moves[i] = s
	}
	for i := range p.members {
		cm := &p.members[i]
		if cm.rare != 0 && p.rare[cm.rare-1].whole != nil {
			members[i] = *p.rare[cm.rare-1].whole
			continue
		}
		m := coop.Member{ID: cm.id, Number: int(cm.number), Type: value(memberTypes, cm.typ), Name: cm.name,
			CIN: cm.cin, Gender: value(genders, cm.gender), BirthDate: cm.birth, Phone: cm.phone,
			JoinedOn: cm.join, LeftOn: cm.leave, ExitReason: value(exitReasons, cm.reason)}
		if cm.flags&sharesGiven != 0 {
			end := uint32(len(p.moves))
			if i+1 < len(p.members) {
				end = p.members[i+1].moves
			}
			m.Shares = moves[cm.moves:end:end]
			if m.Shares == nil {
				m.Shares = []coop.ShareMovement{}
			}
		}
		if cm.rare != 0 {
			r := &p.rare[cm.rare-1]
			m.ICE, m.CooperativeID, m.Address, m.Occupation = r.ice, r.cooperativeID, r.address, r.occupation
			m.AdmittedBy, m.Withdrawal = r.admittedBy, r.withdrawal
		}
		members[i] = m
	}
	c.Members = members
	return c, members, moves
}

// amountTable numbers the distinct amounts of a register: a cooperative's
// share movements repeat a few amounts (the nominal value times a few
// counts), which it then holds once.
type amountTable struct {
	values []decimal.Decimal
	keys   []amountKey
	byKey  map[amountKey]uint32
}

// amountKey identifies an amount exactly: its coefficient and exponent,
// and whether it is the zero Decimal. An amount whose coefficient does not
// fit 18 digits is wide: it has no key and is never shared.
type amountKey struct {
	coef int64
	exp  int32
	zero bool
	wide bool
}

// tableScan is the size up to which the table is searched in order; a
// larger one is indexed.
const tableScan = 16

// index returns the index of d in the table, adding it when new.
func (t *amountTable) index(d decimal.Decimal) uint32 {
	k := amountKey{wide: true}
	if d.NumDigits() <= 18 {
		k = amountKey{coef: d.CoefficientInt64(), exp: d.Exponent(), zero: d == decimal.Decimal{}}
		if i, ok := t.find(k); ok {
			return i
		}
	}
	t.values = append(t.values, d)
	t.keys = append(t.keys, k)
	i := uint32(len(t.values) - 1)
	switch {
	case k.wide:
	case t.byKey != nil:
		t.byKey[k] = i
	case len(t.keys) > tableScan:
		t.byKey = make(map[amountKey]uint32, 2*len(t.keys))
		for j, k2 := range t.keys {
			if _, dup := t.byKey[k2]; !dup && !k2.wide {
				t.byKey[k2] = uint32(j)
			}
		}
	}
	return i
}

// find returns the index of the amount of key k, if the table holds it.
func (t *amountTable) find(k amountKey) (uint32, bool) {
	if t.byKey != nil {
		i, ok := t.byKey[k]
		return i, ok
	}
	for i, k2 := range t.keys {
		if k2 == k {
			return uint32(i), true
		}
	}
	return 0, false
}
