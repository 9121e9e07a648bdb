package readmodel_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/stats/synthetic"
)

// change makes the kind of change a registry commits to a copy of c: a
// member admitted, a payment, a status, a move, a declared fact, a member
// who leaves.
func change(r *rand.Rand, c coop.Cooperative, step int) coop.Cooperative {
	c.Members = slices.Clone(c.Members)
	on := c.RegisteredOn.AddDays(100 + step)
	switch r.IntN(6) {
	case 0:
		c.Members = append(c.Members, coop.Member{ID: uuid.New(), Type: coop.Natural, Gender: coop.Female, JoinedOn: on,
			BirthDate: coop.MustParseDate("1990-03-04"),
			Shares:    []coop.ShareMovement{{Kind: coop.Subscription, On: on, Shares: 1, Amount: decimal.NewFromInt(100), Paid: decimal.NewNullDecimal(decimal.NewFromInt(25))}}})
	case 1:
		if len(c.Members) > 0 {
			m := &c.Members[r.IntN(len(c.Members))]
			m.Shares = append(slices.Clip(m.Shares), coop.ShareMovement{Kind: coop.Payment, On: on, Amount: decimal.NewFromInt(75)})
		}
	case 2:
		c.Status, c.StatusSince = coop.Dissolved, on
	case 3:
		c.Province = []coop.ProvinceCode{"MA-MEK", "MA-ESI", "MA-NOU"}[r.IntN(3)]
	case 4:
		c.Declared = map[string]bool{"disadvantaged-members": r.IntN(2) == 0}
		c.Branch = "weaving"
	case 5:
		if len(c.Members) > 1 {
			c.Members[0].LeftOn = on
		}
	}
	return c
}

// withIDs gives each cooperative an ID, as a registry does.
func withIDs(cs []coop.Cooperative) []coop.Cooperative {
	for i := range cs {
		cs[i].ID = uuid.New()
	}
	return cs
}

// TestLive_AsRebuilt applies batches of changes and new cooperatives and
// checks after each that the model equals one built afresh from the
// cooperatives as they stand, and that every model made before is
// unchanged.
func TestLive_AsRebuilt(t *testing.T) {
	cs := withIDs(varied())
	r := rand.New(rand.NewPCG(1, 2))
	base, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	live := readmodel.NewLive(base, 7)
	require.Equal(t, uint64(7), live.Model().Version())

	type kept struct {
		m  *readmodel.Model
		cs []coop.Cooperative
	}
	var history []kept
	extra := withIDs(synthetic.Generate(&synthetic.Options{Seed: 9, Cooperatives: 1500, Members: 15000}))
	for step := range 40 {
		var batch []coop.Cooperative
		for range 1 + r.IntN(40) {
			i := r.IntN(len(cs))
			cs[i] = change(r, cs[i], step)
			batch = append(batch, cs[i])
		}
		if step%3 == 0 {
			// New cooperatives fill the last page and open new ones.
			n := 1 + r.IntN(60)
			batch = append(batch, extra[:n]...)
			cs = append(cs, extra[:n]...)
			extra = extra[n:]
		}
		m, err := live.Apply(uint64(8+step), batch)
		require.NoError(t, err)
		require.Equal(t, uint64(8+step), m.Version())
		require.Same(t, m, live.Model())
		fresh, err := readmodel.FromCooperatives(cs)
		require.NoError(t, err)
		require.Empty(t, m.Diff(fresh, 5), "after step %d", step)
		require.Equal(t, fresh.Size(), m.Size(), "after step %d", step)
		history = append(history, kept{m, slices.Clone(cs)})
	}
	for i, h := range history {
		fresh, err := readmodel.FromCooperatives(h.cs)
		require.NoError(t, err)
		require.Empty(t, h.m.Diff(fresh, 5), "the model of step %d changed after it was made", i)
	}
}

// TestLive_Compacts changes one large cooperative many times: the members
// it leaves behind are reclaimed, so that the model stays near the size of
// what it holds.
func TestLive_Compacts(t *testing.T) {
	cs := withIDs(synthetic.Generate(&synthetic.Options{Seed: 3, Cooperatives: 200, Members: 2400}))
	big := &cs[17]
	for len(big.Members) < 3000 {
		big.Members = append(big.Members, coop.Member{ID: uuid.New(), Type: coop.Natural, Gender: coop.Male, JoinedOn: big.RegisteredOn})
	}
	m, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	live := readmodel.NewLive(m, 1)
	for v := range 200 {
		big.Members = append(slices.Clip(big.Members), coop.Member{ID: uuid.New(), Type: coop.Natural, Gender: coop.Female, JoinedOn: big.RegisteredOn.AddDays(v)})
		m, err = live.Apply(uint64(v+2), []coop.Cooperative{*big})
		require.NoError(t, err)
	}
	fresh, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	require.Empty(t, m.Diff(fresh, 5))
	assert.Equal(t, fresh.Size(), m.Size())
	assert.Equal(t, 3200, len(m.Members(m.Coop(17))))
}

// TestLive_Refused shows that a value the model cannot hold refuses the
// whole batch and leaves the latest model, and the next Apply, as they
// were.
func TestLive_Refused(t *testing.T) {
	cs := withIDs(synthetic.Generate(&synthetic.Options{Seed: 4, Cooperatives: 50, Members: 600}))
	m, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	live := readmodel.NewLive(m, 3)
	m = live.Model()

	good := cs[2]
	good.Branch = "beekeeping"
	newcomer := coop.Cooperative{ID: uuid.New(), Name: "Nouvelle", Branch: "pottery", RegisteredOn: coop.MustParseDate("2024-01-02")}
	bad := cs[5]
	bad.Province = "MA-XXX"
	_, err = live.Apply(4, []coop.Cooperative{good, newcomer, bad})
	require.ErrorIs(t, err, coop.ErrInvalid)
	var e *coop.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "cooperatives["+bad.ID.String()+"].province", e.Fields[0].Field)
	assert.Same(t, m, live.Model(), "the latest model is kept")
	assert.Equal(t, uint64(3), live.Version())

	_, err = live.Apply(2, nil)
	require.Error(t, err, "a version below the latest")

	// The refused batch left nothing behind: the newcomer is new again,
	// and the branches are numbered as the model lists them.
	other := coop.Cooperative{ID: uuid.New(), Name: "Autre", Branch: "weaving", RegisteredOn: coop.MustParseDate("2024-02-03")}
	next, err := live.Apply(5, []coop.Cooperative{newcomer, other, good})
	require.NoError(t, err)
	fresh, err := readmodel.FromCooperatives(append(slices.Clone(cs[:2]), append([]coop.Cooperative{good}, append(slices.Clone(cs[3:]), newcomer, other)...)...))
	require.NoError(t, err)
	require.Empty(t, next.Diff(fresh, 5))
	assert.Equal(t, len(cs)+2, next.Len())
}

// TestModel_Diff shows what Diff reports.
func TestModel_Diff(t *testing.T) {
	cs := withIDs(synthetic.Generate(&synthetic.Options{Seed: 6, Cooperatives: 30, Members: 300}))
	a, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	reversed := slices.Clone(cs)
	slices.Reverse(reversed)
	b, err := readmodel.FromCooperatives(reversed)
	require.NoError(t, err)
	assert.Empty(t, a.Diff(b, 0), "the order does not matter")

	changed := slices.Clone(cs)
	changed[3].Status, changed[3].StatusSince = coop.StruckOff, coop.MustParseDate("2020-01-01")
	changed[4].Members = changed[4].Members[1:]
	c, err := readmodel.FromCooperatives(changed[1:])
	require.NoError(t, err)
	d := a.Diff(c, 0)
	require.Len(t, d, 3)
	assert.Contains(t, d[0], cs[0].ID.String()+": only in the first model")
	assert.Contains(t, d[1], cs[3].ID.String())
	assert.Contains(t, d[2], cs[4].ID.String())
	assert.Len(t, a.Diff(c, 2), 2)
}
