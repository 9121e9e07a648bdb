package readmodel_test

import (
	"context"
	"slices"
	"testing"
	"unsafe"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/stats/synthetic"
)

// varied returns synthetic cooperatives made varied: declared facts,
// branches, members who left or joined late, missing genders and birth
// dates, no register, dissolved and struck off.
func varied() []coop.Cooperative {
	cs := synthetic.Generate(&synthetic.Options{Seed: 5, Cooperatives: 2000, Members: 24000, DefectRate: 0.2})
	for i := range cs {
		c := &cs[i]
		switch i % 6 {
		case 1:
			c.Declared = map[string]bool{"disadvantaged-members": true, "precarious-situation": false}
		case 2:
			if len(c.Members) > 2 {
				c.Members[0].Gender, c.Members[1].BirthDate = "", coop.Date{}
				c.Members[2].LeftOn = c.RegisteredOn.AddYears(2)
				c.Members[1].JoinedOn = c.RegisteredOn.AddYears(1)
			}
		case 3:
			c.Members, c.MemberCount = nil, nil
			if i%2 == 0 {
				n := 3 + i%7
				c.MemberCount = &n
			}
		case 4:
			c.Status, c.StatusSince = coop.StruckOff, c.RegisteredOn.AddYears(3)
		case 5:
			c.Branch = []coop.Branch{"weaving", "beekeeping", "home-made"}[i%3]
		}
	}
	return cs
}

var dates = []coop.Date{coop.MustParseDate("2010-06-30"), coop.MustParseDate("2019-12-31"), coop.MustParseDate("2024-12-31")}

// TestModel_AsCooperatives checks that the read model answers every
// question the rules and the statistics ask as the cooperatives do, at
// several dates.
func TestModel_AsCooperatives(t *testing.T) {
	cs := varied()
	for name, build := range map[string]func() (*readmodel.Model, error){
		"Build":            func() (*readmodel.Model, error) { return readmodel.Build(context.Background(), slices.Values(cs)) },
		"FromCooperatives": func() (*readmodel.Model, error) { return readmodel.FromCooperatives(cs) },
		"BuildSized exactly": func() (*readmodel.Model, error) {
			exact, err := readmodel.FromCooperatives(cs)
			if err != nil {
				return nil, err
			}
			return readmodel.BuildSized(context.Background(), slices.Values(cs), exact.Size())
		},
		"BuildSized too small": func() (*readmodel.Model, error) {
			return readmodel.BuildSized(context.Background(), slices.Values(cs), readmodel.Size{Cooperatives: 2, Members: 3, Moves: 1})
		},
		"BuildSized too large": func() (*readmodel.Model, error) {
			return readmodel.BuildSized(context.Background(), slices.Values(cs), readmodel.Size{Cooperatives: 1e5, Members: 1e6, Moves: 2e6})
		},
		"BuildSized negative": func() (*readmodel.Model, error) {
			return readmodel.BuildSized(context.Background(), slices.Values(cs), readmodel.Size{Cooperatives: -1, Members: -5, Moves: -9})
		},
	} {
		t.Run(name, func(t *testing.T) {
			m, err := build()
			require.NoError(t, err)
			require.Equal(t, len(cs), m.Len())
			members, moves := 0, 0
			for i := range cs {
				members += len(cs[i].Members)
				for j := range cs[i].Members {
					moves += len(cs[i].Members[j].Shares)
				}
			}
			require.Equal(t, readmodel.Size{Cooperatives: len(cs), Members: members, Moves: moves}, m.Size())
			for i := range cs {
				c, k := &cs[i], m.Coop(i)
				require.Equal(t, c.ID, m.ID(i))
				require.Equal(t, c.Name, m.Name(i))
				require.Equal(t, c.IsUnion(), k.IsUnion())
				require.Equal(t, c.Province, k.Province())
				require.Equal(t, c.Province.Region(), k.Region())
				require.Equal(t, c.Sector, k.Sector())
				require.Equal(t, c.Branch, m.Branch(k))
				require.Equal(t, c.RegisteredOn, k.Registered)
				require.Equal(t, c.ConformedOn, k.ConformedOn)
				wantLaw := c.FoundedUnder
				if wantLaw == "" {
					wantLaw = coop.Law11212
				}
				require.Equal(t, wantLaw, k.FoundedUnder())
				for _, fact := range []string{"disadvantaged-members", "precarious-situation", "never-declared"} {
					v, ok := c.Declared[fact]
					gv, gok := m.Declared(i, m.Fact(fact), fact)
					require.Equal(t, ok, gok, "cooperative %d declares %s", i, fact)
					require.Equal(t, v, gv)
				}
				members := m.Members(k)
				require.Len(t, members, len(c.Members))
				for _, asOf := range dates {
					require.Equal(t, c.StatusAt(asOf), k.StatusAt(asOf))
					require.Equal(t, c.StatusAt(asOf) == coop.Active, k.ActiveAt(asOf))
					n, known := c.MembersAt(asOf)
					gn, gknown := m.MembersAt(k, asOf)
					require.Equal(t, n, gn)
					require.Equal(t, known, gknown)
					var sub, paid decimal.Decimal
					var gsub, gpaid int64
					for j := range c.Members {
						cm, gm := &c.Members[j], &members[j]
						require.Equal(t, cm.ActiveAt(asOf, c.RegisteredOn), gm.ActiveAt(asOf))
						require.Equal(t, cm.BirthDate, gm.Birth)
						require.Equal(t, cm.Type.IsLegalPerson(), gm.Legal)
						wantGender := map[coop.Gender]readmodel.Gender{coop.Female: readmodel.Female, coop.Male: readmodel.Male}[cm.Gender]
						require.Equal(t, wantGender, gm.Gender)
						k := cm.CapitalAt(asOf)
						sub, paid = sub.Add(k.Subscribed), paid.Add(k.Paid)
						for _, mv := range m.MemberMoves(m.Coop(i), j) {
							if !mv.On.After(asOf) {
								gsub, gpaid = gsub+mv.Subscribed, gpaid+mv.Paid
							}
						}
					}
					require.True(t, sub.Shift(2).Equal(decimal.NewFromInt(gsub)), "subscribed capital of cooperative %d at %s", i, asOf)
					require.True(t, paid.Shift(2).Equal(decimal.NewFromInt(gpaid)), "paid capital of cooperative %d at %s", i, asOf)
				}
			}
		})
	}
}

func TestBuild_Refused(t *testing.T) {
	tests := []struct {
		name  string
		c     coop.Cooperative
		field string
	}{
		{"UnknownProvince", coop.Cooperative{Province: "MA-XXX"}, "cooperatives[0].province"},
		{"UnknownSector", coop.Cooperative{Sector: "mining-of-dreams"}, "cooperatives[0].sector"},
		{"UnknownStatus", coop.Cooperative{Status: "asleep"}, "cooperatives[0].status"},
		{"ThreeDecimals", coop.Cooperative{Members: []coop.Member{{Shares: []coop.ShareMovement{
			{Kind: coop.Subscription, Amount: decimal.RequireFromString("100.005")}}}}}, "cooperatives[0].members[0].shares[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readmodel.FromCooperatives([]coop.Cooperative{tt.c})
			require.ErrorIs(t, err, coop.ErrInvalid)
			var e *coop.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.field, e.Fields[0].Field)
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := readmodel.Build(ctx, slices.Values(make([]coop.Cooperative, 5000)))
	require.ErrorIs(t, err, context.Canceled)
}

// TestModel_Compact checks the sizes the package documents.
func TestModel_Compact(t *testing.T) {
	m, err := readmodel.FromCooperatives(synthetic.Generate(&synthetic.Options{Seed: 1, Cooperatives: 1000, Members: 12000}))
	require.NoError(t, err)
	assert.Equal(t, 1000, m.Len())
	assert.Equal(t, uintptr(20), sizeOf[readmodel.Member]())
	assert.Equal(t, uintptr(48), sizeOf[readmodel.Coop]())
	assert.Equal(t, uintptr(24), sizeOf[readmodel.Move]())
}

func sizeOf[T any]() uintptr {
	var v T
	return unsafe.Sizeof(v)
}

// TestWithoutMembers builds a model that leaves the members out: the
// cooperatives' own columns are those of the full model, every register
// reads as not given and every count of members as unknown, whether the
// model is built from a slice or from a sequence.
func TestWithoutMembers(t *testing.T) {
	cs := synthetic.Generate(&synthetic.Options{Seed: 3, Cooperatives: 300, Members: 3600})
	n := 7
	cs[0].Members, cs[0].MemberCount = nil, &n
	full, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	fromSeq, err := readmodel.Build(t.Context(), slices.Values(cs), readmodel.WithoutMembers)
	require.NoError(t, err)
	fromSlice, err := readmodel.FromCooperatives(cs, readmodel.WithoutMembers)
	require.NoError(t, err)
	asOf := coop.MustParseDate("2024-06-30")
	for _, m := range []*readmodel.Model{fromSeq, fromSlice} {
		require.True(t, m.WithoutMembers())
		assert.False(t, full.WithoutMembers())
		assert.Equal(t, readmodel.Size{Cooperatives: len(cs)}, m.Size())
		for i := range cs {
			c, fc := m.Coop(i), full.Coop(i)
			assert.Equal(t, full.ID(i), m.ID(i))
			assert.Equal(t, fc.Registered, c.Registered)
			assert.Equal(t, fc.ProvinceIndex(), c.ProvinceIndex())
			assert.False(t, m.HasRegister(c))
			assert.Empty(t, m.Members(c))
			_, known := m.MembersAt(c, asOf)
			assert.False(t, known, "no count of members in a model without them")
			_, stated := m.MemberCount(c)
			assert.False(t, stated)
		}
	}
	got, known := full.MembersAt(full.Coop(0), asOf)
	assert.True(t, known)
	assert.Equal(t, 7, got, "the full model reads the stated count")
}

// TestModel_Run checks that a run of one page holds the cooperatives
// Coop returns, in place: at the start of a page, inside it, one alone and
// up to its last.
func TestModel_Run(t *testing.T) {
	m, err := readmodel.FromCooperatives(varied())
	require.NoError(t, err)
	require.Greater(t, m.Len(), readmodel.PageSize)
	tests := []struct {
		name     string
		from, to int
	}{
		{"a page's first half", 0, readmodel.PageSize / 2},
		{"a whole page", 0, readmodel.PageSize},
		{"inside the second page", readmodel.PageSize + 3, readmodel.PageSize + 700},
		{"one", 5, 6},
		{"to the last", readmodel.PageSize, m.Len()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			run := m.Run(tt.from, tt.to)
			require.Len(t, run, tt.to-tt.from)
			assert.Equal(t, tt.to-tt.from, cap(run), "a run cannot be appended into the next cooperatives")
			for k := range run {
				assert.Same(t, m.Coop(tt.from+k), &run[k], "cooperative %d", tt.from+k)
			}
		})
	}
}

// TestModel_BranchIndex checks that cooperatives of one model with the same
// branch share its index, that one without a branch has index 0, and that
// every index is below Branches, in a model built at once and in the
// models a Live makes as new branches arrive.
func TestModel_BranchIndex(t *testing.T) {
	cs := withIDs(varied()[:60])
	for i := range cs {
		cs[i].Branch = []coop.Branch{"", "weaving", "beekeeping", "weaving"}[i%4]
	}
	built, err := readmodel.FromCooperatives(cs)
	require.NoError(t, err)
	live := readmodel.NewLive(built, 1)
	later := slices.Clone(cs[:3])
	later[0].Branch, later[1].Branch, later[2].Branch = "pottery", "", "weaving"
	grown, err := live.Apply(2, later)
	require.NoError(t, err)
	next := slices.Clone(cs)
	copy(next, later)
	for _, tc := range []struct {
		name string
		m    *readmodel.Model
		cs   []coop.Cooperative
	}{{"built", built, cs}, {"after a new branch", grown, next}} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, len(tc.cs), tc.m.Len())
			byBranch := map[coop.Branch]int{}
			for i := range tc.cs {
				c := tc.m.Coop(i)
				k := c.BranchIndex()
				assert.Less(t, k, tc.m.Branches(), "cooperative %d", i)
				assert.Equal(t, tc.cs[i].Branch, tc.m.Branch(c), "cooperative %d", i)
				if tc.cs[i].Branch == "" {
					assert.Zero(t, k, "cooperative %d has no branch", i)
					continue
				}
				if seen, ok := byBranch[tc.cs[i].Branch]; ok {
					assert.Equal(t, seen, k, "cooperative %d", i)
				}
				byBranch[tc.cs[i].Branch] = k
			}
			assert.Len(t, byBranch, tc.m.Branches()-1, "one index for each branch named")
		})
	}
	assert.Equal(t, 3, built.Branches(), "the older model keeps its own branches")
}
