package registrytest

import (
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// historical returns n cooperatives of a historical register: numbered at
// the court LOAD, across provinces, laws and statuses, with members and
// share accounts.
func historical(prefix string, n int) []coop.Cooperative {
	provinces := []coop.ProvinceCode{"MA-MEK", "MA-ESI", "MA-CAS", "MA-IFR", "MA-AGD"}
	var out []coop.Cooperative
	for i := range n {
		c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
			Name: fmt.Sprintf("Coopérative %s %d", prefix, i+1), RegistrationNumber: fmt.Sprintf("1/LOAD/%d/%d", 2016+i%4, i/4+1), Court: "LOAD",
			RegisteredOn: d("2016-01-04").AddYears(i % 4).AddDays(i), Province: provinces[i%len(provinces)], Sector: coop.Agriculture,
			Statutes: coop.Statutes{DurationYears: 99, ShareNominal: mad("100")}}
		if i%7 == 3 {
			c.FoundedUnder, c.RegisteredOn, c.ConformedOn = coop.Law2483, d("1999-03-01").AddDays(i), d("2019-05-01")
		}
		if i%9 == 4 {
			c.Status, c.StatusSince = coop.Dissolved, c.RegisteredOn.AddYears(2)
		}
		for j := range 3 + i%4 {
			c.Members = append(c.Members, coop.Member{Type: coop.Natural, Name: fmt.Sprintf("M%d", j+1), Number: j + 1, Gender: coop.Female,
				Shares: []coop.ShareMovement{{Kind: coop.Subscription, On: c.RegisteredOn, Shares: 5, Amount: mad("500"),
					Paid: decimal.NewNullDecimal(mad("500"))}}})
		}
		out = append(out, c)
	}
	return out
}

func testBulkLoad(h *Harness) {
	t := h.T
	coops := historical("Chargée", 60)
	n, err := h.Reg.Import(h.Ctx, slices.Values(coops))
	require.NoError(t, err)
	assert.Equal(t, 60, n)
	p, err := h.Reg.List(h.Ctx, registry.Filter{Limit: registry.MaxLimit})
	require.NoError(t, err)
	assert.Equal(t, 60, p.Total)
	assert.True(t, slices.IsSortedFunc(p.Items, listOrder))

	for _, i := range []int{0, 3, 4, 59} {
		want := coops[i]
		got, err := h.Reg.GetByNumber(h.Ctx, want.RegistrationNumber)
		require.NoError(t, err)
		assert.Equal(t, want.Name, got.Name)
		assert.Equal(t, want.RegisteredOn, got.RegisteredOn)
		assert.Equal(t, want.FoundedUnder, got.FoundedUnder)
		assert.Equal(t, want.Status, got.Status)
		assert.Equal(t, int64(1), got.Version)
		assert.NotEqual(t, uuid.Nil, got.ID)
		require.Len(t, got.Members, len(want.Members))
		for _, m := range got.Members {
			assert.NotEqual(t, uuid.Nil, m.ID, "member IDs are assigned")
		}
		s1, p1 := want.CapitalAt(Today)
		s2, p2 := got.CapitalAt(Today)
		assert.True(t, s1.Equal(s2) && p1.Equal(p2))
		j, err := h.Reg.Journal(h.Ctx, got.ID)
		require.NoError(t, err)
		require.Len(t, j, 1)
		assert.Equal(t, registry.ChangeImported, j[0].Change.Kind())
		assert.Equal(t, want.RegisteredOn, j[0].Effective)
		at, err := h.Reg.StateAt(h.Ctx, got.ID, want.RegisteredOn)
		require.NoError(t, err)
		assert.Equal(t, asJSON(t, got), asJSON(t, at))
		approval, err := h.Reg.GetApproval(h.Ctx, got.ApprovalID)
		require.NoError(t, err)
		assert.Equal(t, registry.ApprovalUsed, approval.Status)
		assert.Equal(t, got.ID, approval.CooperativeID)
	}

	// The names are held and the numbers taken.
	_, err = h.Reg.ApproveName(h.Ctx, registry.NameRequest{Names: []string{"COOPERATIVE CHARGEE 7"}, Signatories: signatories(5), RequestedOn: Today})
	CheckCode(t, err, coop.Conflict)
	assert.Contains(t, err.Error(), coops[6].RegistrationNumber)
	a := h.Approve("Nouvelle à LOAD", d("2016-06-01"))
	reg := Registration(a.ID, d("2016-06-01"), 5)
	reg.Court = "LOAD"
	c, err := h.Reg.Register(h.Ctx, reg)
	require.NoError(t, err)
	taken := map[string]bool{}
	for _, x := range coops {
		taken[x.RegistrationNumber] = true
	}
	assert.False(t, taken[c.RegistrationNumber], "%s skips the imported numbers", c.RegistrationNumber)
	assert.Equal(t, "1/LOAD/2016/16", c.RegistrationNumber)

	// A later import adds to what is there.
	n, err = h.Reg.Import(h.Ctx, slices.Values(historical("Suivante", 3)[:0]))
	require.NoError(t, err)
	assert.Equal(t, 0, n, "an empty import stores nothing")
	all := 0
	for _, err := range h.Reg.All(h.Ctx) {
		require.NoError(t, err)
		all++
	}
	assert.Equal(t, 61, all)
}

func testBulkLoadAllOrNothing(h *Harness) {
	t := h.T
	first := historical("Première", 1)
	_, err := h.Reg.Import(h.Ctx, slices.Values(first))
	require.NoError(t, err)
	count := func() int {
		p, err := h.Reg.List(h.Ctx, registry.Filter{})
		require.NoError(t, err)
		return p.Total
	}
	tests := []struct {
		name  string
		edit  func([]coop.Cooperative)
		code  coop.Code
		field string
	}{
		{"NumberTwiceInTheBatch", func(cs []coop.Cooperative) { cs[4].RegistrationNumber = cs[1].RegistrationNumber }, coop.Conflict, "registration_number"},
		{"NameTwiceInTheBatch", func(cs []coop.Cooperative) { cs[5].Name = "COOPERATIVE LOT 3" }, coop.Conflict, "name"},
		{"NumberAlreadyStored", func(cs []coop.Cooperative) { cs[2].RegistrationNumber = first[0].RegistrationNumber }, coop.Conflict, "registration_number"},
		{"NameAlreadyStored", func(cs []coop.Cooperative) { cs[6].Name = first[0].Name }, coop.Conflict, "name"},
		{"IDTwiceInTheBatch", func(cs []coop.Cooperative) { cs[0].ID = uuid.New(); cs[7].ID = cs[0].ID }, coop.Conflict, "id"},
		{"InvalidProvince", func(cs []coop.Cooperative) { cs[3].Province = "MA-XXX" }, coop.Invalid, "cooperatives[3].province"},
		{"NoNumber", func(cs []coop.Cooperative) { cs[8].RegistrationNumber = "" }, coop.Invalid, "cooperatives[8].registration_number"},
	}
	for _, tt := range tests {
		batch := historical("Lot", 9)
		for i := range batch {
			batch[i].RegistrationNumber = fmt.Sprintf("2/LOAD/2020/%d", i+1)
		}
		tt.edit(batch)
		_, err := h.Reg.Import(h.Ctx, slices.Values(batch))
		CheckCode(t, err, tt.code)
		var e *coop.Error
		require.True(t, errors.As(err, &e), tt.name)
		require.NotEmpty(t, e.Fields, tt.name)
		assert.Equal(t, tt.field, e.Fields[0].Field, "%s: %v", tt.name, err)
		assert.Equal(t, 1, count(), "%s stores nothing", tt.name)
		_, err = h.Store.ApprovalHolding(h.Ctx, registry.NameKey(batch[0].Name))
		CheckCode(t, err, coop.NotFound)
	}
}

// testBulkLoadInBatches imports more cooperatives than one batch of
// checks holds, on several cores: the first invalid one in the order of
// the sequence is named, whichever batch holds it, and nothing is stored;
// a valid load stores them all, and the caller's cooperatives are left as
// they were.
func testBulkLoadInBatches(h *Harness) {
	t := h.T
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	const n = 700
	tests := []struct {
		name    string
		invalid []int
		field   string
	}{
		{"in the last batch", []int{650}, "cooperatives[650].province"},
		{"the first of two", []int{520, 300}, "cooperatives[300].province"},
		{"the first of a batch", []int{256}, "cooperatives[256].province"},
		{"the first cooperative", []int{0, 699}, "cooperatives[0].province"},
	}
	for _, tt := range tests {
		cs := historical("Lot "+tt.name, n)
		for _, i := range tt.invalid {
			cs[i].Province = "MA-XXX"
		}
		_, err := h.Reg.Import(h.Ctx, slices.Values(cs))
		CheckCode(t, err, coop.Invalid)
		var e *coop.Error
		require.True(t, errors.As(err, &e), tt.name)
		require.NotEmpty(t, e.Fields, tt.name)
		assert.Equal(t, tt.field, e.Fields[0].Field, "%s: %v", tt.name, err)
		p, err := h.Reg.List(h.Ctx, registry.Filter{})
		require.NoError(t, err)
		assert.Zero(t, p.Total, "%s stores nothing", tt.name)
	}

	cs := historical("Grand lot", n)
	got, err := h.Reg.Import(h.Ctx, slices.Values(cs))
	require.NoError(t, err)
	assert.Equal(t, n, got)
	p, err := h.Reg.List(h.Ctx, registry.Filter{Limit: registry.MaxLimit})
	require.NoError(t, err)
	assert.Equal(t, n, p.Total)
	members := 0
	for i, c := range cs {
		assert.Equal(t, uuid.Nil, c.ID, "the caller's cooperative %d keeps no ID", i)
		assert.Equal(t, uuid.Nil, c.Members[0].ID, "nor its members")
		members += len(c.Members)
	}
	stored, ids := 0, map[uuid.UUID]bool{}
	for c, err := range h.Store.All(h.Ctx) {
		require.NoError(t, err)
		require.NotEqual(t, uuid.Nil, c.ID)
		ids[c.ID] = true
		for _, m := range c.Members {
			require.NotEqual(t, uuid.Nil, m.ID)
			ids[m.ID] = true
		}
		stored += len(c.Members)
	}
	assert.Equal(t, members, stored, "every member is stored")
	assert.Len(t, ids, n+members, "every ID assigned is distinct")
	for _, i := range []int{0, 255, 256, 511, 699} {
		c, err := h.Reg.GetByNumber(h.Ctx, cs[i].RegistrationNumber)
		require.NoError(t, err)
		assert.Equal(t, cs[i].Name, c.Name)
		assert.Len(t, c.Members, len(cs[i].Members))
	}
}

// testBulkLoadOwned loads cooperatives the registry keeps without copying
// them: it refuses what Import refuses, in the same words, stores what
// Import stores, and a later write leaves the imported state as it was.
func testBulkLoadOwned(h *Harness) {
	t := h.T
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	const n = 600
	bad := historical("Refusée", n)
	bad[400].Province = "MA-XXX"
	_, err := h.Reg.ImportOwned(h.Ctx, slices.Values(bad))
	CheckCode(t, err, coop.Invalid)
	var e *coop.Error
	require.True(t, errors.As(err, &e))
	require.NotEmpty(t, e.Fields)
	assert.Equal(t, "cooperatives[400].province", e.Fields[0].Field)
	p, err := h.Reg.List(h.Ctx, registry.Filter{})
	require.NoError(t, err)
	assert.Zero(t, p.Total, "a refused load stores nothing")

	want := historical("Possédée", n)
	got, err := h.Reg.ImportOwned(h.Ctx, slices.Values(historical("Possédée", n)))
	require.NoError(t, err)
	assert.Equal(t, n, got)
	for _, i := range []int{0, 299, 599} {
		c, err := h.Reg.GetByNumber(h.Ctx, want[i].RegistrationNumber)
		require.NoError(t, err)
		assert.Equal(t, want[i].Name, c.Name)
		assert.Equal(t, want[i].RegisteredOn, c.RegisteredOn)
		require.Len(t, c.Members, len(want[i].Members))
		for j := range c.Members {
			assert.NotEqual(t, uuid.Nil, c.Members[j].ID)
			assert.Equal(t, want[i].Members[j].Name, c.Members[j].Name)
			assert.Equal(t, want[i].Members[j].Shares, c.Members[j].Shares)
		}
	}

	// A write copies before it changes: the imported state stays in the
	// journal as it was loaded.
	c, err := h.Reg.GetByNumber(h.Ctx, want[0].RegistrationNumber)
	require.NoError(t, err)
	members := len(c.Members)
	_, err = h.Reg.AdmitMember(h.Ctx, c.ID, registry.Admission{On: c.RegisteredOn.AddYears(1), AdmittedBy: "OGM",
		Member: coop.Member{Type: coop.Natural, Name: "Nouvelle", Gender: coop.Female}, Shares: 5, Amount: mad("500"), Paid: mad("500")})
	require.NoError(t, err)
	j, err := h.Reg.Journal(h.Ctx, c.ID)
	require.NoError(t, err)
	require.Len(t, j, 2)
	imported, ok := j[0].Change.(registry.Imported)
	require.True(t, ok, "%T", j[0].Change)
	assert.Len(t, imported.State.Members, members)
	after, err := h.Reg.Get(h.Ctx, c.ID)
	require.NoError(t, err)
	assert.Len(t, after.Members, members+1)
}

// testImportAsTheVerbs: an import refuses what the verbs would refuse, each
// at its field, and takes names as the verbs take them, spaces, no-break
// spaces and Arabic included.
func testImportAsTheVerbs(h *Harness) {
	t := h.T
	tests := []struct {
		name  string
		edit  func(c *coop.Cooperative)
		field string
	}{
		{"RegisteredInTheFuture", func(c *coop.Cooperative) { c.RegisteredOn = d("2099-01-01") }, "registered_on"},
		{"DissolvedWithoutDate", func(c *coop.Cooperative) { c.Status, c.StatusSince = coop.Dissolved, coop.Date{} }, "status_since"},
		{"StatusInTheFuture", func(c *coop.Cooperative) { c.Status, c.StatusSince = coop.Dissolved, Today.AddDays(1) }, "status_since"},
		{"AnotherCourt", func(c *coop.Cooperative) { c.Court = "MEK" }, "court"},
		{"NominalBelowTheLaw", func(c *coop.Cooperative) { c.Statutes.ShareNominal = mad("50") }, "statutes.share_nominal"},
		{"SubscriptionNotAtNominal", func(c *coop.Cooperative) { c.Members[1].Shares[0].Amount = mad("450") }, "members[1].shares[0].amount"},
	}
	for _, tt := range tests {
		c := historical("Verbes", 1)[0]
		tt.edit(&c)
		_, err := h.Reg.ImportOne(h.Ctx, c)
		CheckField(t, err, coop.Invalid, tt.field)
	}

	// Names as written, through the API's verbs and the import alike.
	for i, name := range []string{" Coopérative Espacée ", "Coopérative\u00a0Insécable", "تعاونية الأمل "} {
		c := historical(fmt.Sprintf("Nom %d", i), 1)[0]
		c.RegistrationNumber = fmt.Sprintf("1/LOAD/2016/%d", 100+i)
		c.Name, c.NameAR = name, name
		c.Members[0].Name = name
		got, err := h.Reg.ImportOne(h.Ctx, c)
		require.NoError(t, err, name)
		assert.Equal(t, name, got.Name)
		assert.Equal(t, name, got.Members[0].Name)
	}
}

// fullRegister returns a cooperative whose member register uses every
// field a member and a share movement have: natural and legal persons, a
// member who left and was refunded, a transfer between two members, a
// contribution in kind, a pending withdrawal, amounts at several scales
// and a payment not yet known.
func fullRegister(number string) coop.Cooperative {
	on := d("2018-03-12")
	ids := []uuid.UUID{uuid.MustParse("6f1c1f0e-0000-4000-8000-000000000001"), uuid.MustParse("6f1c1f0e-0000-4000-8000-000000000002"),
		uuid.MustParse("6f1c1f0e-0000-4000-8000-000000000003"), uuid.MustParse("6f1c1f0e-0000-4000-8000-000000000004"),
		uuid.MustParse("6f1c1f0e-0000-4000-8000-000000000005"), uuid.MustParse("6f1c1f0e-0000-4000-8000-000000000006")}
	sub := func(n int, amount, paid string) coop.ShareMovement {
		return coop.ShareMovement{Kind: coop.Subscription, On: on, Shares: n, Amount: mad(amount), Paid: decimal.NewNullDecimal(mad(paid))}
	}
	return coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		Name: "Coopérative Registre Complet " + number, RegistrationNumber: number, Court: "LOAD", RegisteredOn: on,
		Province: "MA-ESI", Sector: coop.Agriculture, Statutes: coop.Statutes{DurationYears: 99, ShareNominal: mad("100")},
		Members: []coop.Member{
			{ID: ids[0], Number: 1, Type: coop.Natural, Name: "Fatima Zahra Amrani", Gender: coop.Female, BirthDate: d("1980-02-29"),
				CIN: coop.MustParseCIN("JB123456"), Phone: coop.MustParsePhone("0612345678"), Address: "Douar Ait Ali, Essaouira",
				Occupation: "arganière", Shares: []coop.ShareMovement{sub(10, "1000", "250"),
					{Kind: coop.Payment, On: d("2019-01-15"), Amount: mad("750.00")}}},
			{ID: ids[1], Number: 2, Type: coop.Legal, Name: "Société Atlas Argan SARL", ICE: coop.MustParseICE("002136093000040"),
				Shares: []coop.ShareMovement{sub(20, "2000", "2000"),
					{Kind: coop.TransferOut, On: d("2020-06-01"), Shares: 5, Amount: mad("500"), Paid: decimal.NewNullDecimal(mad("500")), Counterparty: ids[2]}}},
			{ID: ids[2], Number: 3, Type: coop.Natural, Name: "Khadija Ouali", Gender: coop.Female, BirthDate: d("1995-07-01"),
				JoinedOn: d("2019-04-02"), AdmittedBy: "OGM 2019-04-02",
				Shares: []coop.ShareMovement{sub(2, "200", "200"),
					{Kind: coop.TransferIn, On: d("2020-06-01"), Shares: 5, Amount: mad("500"), Paid: decimal.NewNullDecimal(mad("500")), Counterparty: ids[1]}}},
			{ID: ids[3], Number: 4, Type: coop.Natural, Name: "Hassan Idrissi", Gender: coop.Male, BirthDate: d("1970-11-30"),
				LeftOn: d("2021-12-31"), ExitReason: coop.Withdrawal,
				Shares: []coop.ShareMovement{sub(3, "300", "300"), {Kind: coop.Refund, On: d("2022-02-01"), Shares: 3, Amount: mad("300"), Paid: decimal.NewNullDecimal(mad("300"))}}},
			{ID: ids[4], Number: 5, Type: coop.Natural, Name: "Aicha Bennani", Gender: coop.Female, BirthDate: d("1988-05-05"),
				Shares: []coop.ShareMovement{{Kind: coop.Subscription, On: on, Shares: 4, Amount: mad("400"), Paid: decimal.NewNullDecimal(mad("400")), InKind: true}}},
			{ID: ids[5], Number: 6, Type: coop.Natural, Name: "Youssef Alaoui", Gender: coop.Male, BirthDate: d("1990-09-09"),
				Withdrawal: &coop.WithdrawalRequest{Received: d("2024-05-02"), AnswerDue: d("2024-05-22"), EffectiveOn: d("2024-12-31")},
				Shares:     []coop.ShareMovement{{Kind: coop.Subscription, On: on, Shares: 1, Amount: mad("100")}}},
		}}
}

// modelFacts returns what the read model reads of c's members.
func modelFacts(c coop.Cooperative) coop.Cooperative {
	out := coop.Cooperative{ID: c.ID, Members: make([]coop.Member, len(c.Members))}
	for i, m := range c.Members {
		out.Members[i] = coop.Member{ID: m.ID, Type: m.Type, Gender: m.Gender, BirthDate: m.BirthDate, JoinedOn: m.JoinedOn, LeftOn: m.LeftOn}
		for _, s := range m.Shares {
			out.Members[i].Shares = append(out.Members[i].Shares, coop.ShareMovement{Kind: s.Kind, On: s.On, Amount: s.Amount, Paid: s.Paid})
		}
	}
	return out
}

// testRegisterReadsBack imports a register that uses every field of a
// member and a share movement and reads it back through every read of the
// store, byte for byte as given: a store may keep registers in any form,
// but reads give back what was written. A later write leaves the state
// the journal recorded at import as it was.
func testRegisterReadsBack(h *Harness) {
	t := h.T
	in := fullRegister("1/LOAD/2018/41")
	_, err := h.Reg.Import(h.Ctx, slices.Values([]coop.Cooperative{in, fullRegister("1/LOAD/2018/42")}))
	require.NoError(t, err)
	got, err := h.Reg.GetByNumber(h.Ctx, in.RegistrationNumber)
	require.NoError(t, err)
	want := in
	want.ID, want.Version, want.ApprovalID = got.ID, got.Version, got.ApprovalID
	w := asJSON(t, want)

	reads := map[string]coop.Cooperative{"GetByNumber": got}
	c, err := h.Store.Get(h.Ctx, got.ID)
	require.NoError(t, err)
	reads["Get"] = c
	p, err := h.Store.List(h.Ctx, registry.Filter{Name: "Registre Complet 1/LOAD/2018/41", Limit: 10})
	require.NoError(t, err)
	require.Len(t, p.Items, 1)
	reads["List"] = p.Items[0]
	for c, err := range h.Store.All(h.Ctx) {
		require.NoError(t, err)
		if c.ID == got.ID {
			reads["All"] = c
		}
	}
	_, err = h.Store.Snapshot(h.Ctx, func(c *coop.Cooperative) error {
		if c.ID == got.ID {
			// Snapshot may leave out what the read model does not read.
			reads["Snapshot"] = modelFacts(*c)
		}
		return nil
	})
	require.NoError(t, err)
	j, err := h.Store.Journal(h.Ctx, got.ID)
	require.NoError(t, err)
	require.Len(t, j, 1)
	imp, ok := j[0].Change.(registry.Imported)
	require.True(t, ok, "the first entry is the import")
	reads["Journal"] = imp.State
	set, err := h.Store.Changed(h.Ctx, 0, 10)
	require.NoError(t, err)
	for _, c := range set.Cooperatives {
		if c.ID == got.ID {
			reads["Changed"] = c
		}
	}
	for name, c := range reads {
		if name == "Snapshot" {
			assert.Equal(t, asJSON(t, modelFacts(want)), asJSON(t, c), name)
			continue
		}
		assert.Equal(t, w, asJSON(t, c), name)
	}
	assert.ElementsMatch(t, []string{"GetByNumber", "Get", "List", "All", "Snapshot", "Journal", "Changed"},
		slices.Collect(maps.Keys(reads)), "every read found the cooperative")

	// A write: the state changes, the imported one in the journal does not.
	after, err := h.Reg.SubscribeShares(h.Ctx, got.ID, in.Members[0].ID, registry.Subscription{On: Today, Shares: 1,
		Amount: mad("100"), Paid: mad("100")})
	require.NoError(t, err)
	require.Len(t, after.Members[0].Shares, 3)
	c, err = h.Store.Get(h.Ctx, got.ID)
	require.NoError(t, err)
	assert.Equal(t, asJSON(t, after), asJSON(t, c))
	j, err = h.Store.Journal(h.Ctx, got.ID)
	require.NoError(t, err)
	require.Len(t, j, 2)
	assert.Equal(t, w, asJSON(t, j[0].Change.(registry.Imported).State), "the journal keeps the imported state")
}
