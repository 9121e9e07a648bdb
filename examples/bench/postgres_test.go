package bench_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/postgres"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/examples/bench"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
	"github.com/taawun/taawun/stats/synthetic"
)

// loadedDatabase returns a pool on a fresh schema holding reg, loaded with
// registry.Import and analysed; the schema is dropped when tb ends. It skips
// tb when COOP_TEST_DATABASE_URL is not set.
func loadedDatabase(tb testing.TB, reg []coop.Cooperative) *pgxpool.Pool {
	tb.Helper()
	url := os.Getenv("COOP_TEST_DATABASE_URL")
	if url == "" {
		tb.Skip("COOP_TEST_DATABASE_URL is not set: no PostgreSQL to compare with " +
			"(e.g. COOP_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test?sslmode=disable)")
	}
	ctx := context.Background()
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "taawun_bench_" + hex.EncodeToString(b[:])
	admin, err := pgxpool.New(ctx, url)
	require.NoError(tb, err)
	_, err = admin.Exec(ctx, "CREATE SCHEMA "+schema)
	require.NoError(tb, err)
	cfg, err := pgxpool.ParseConfig(url)
	require.NoError(tb, err)
	cfg.ConnConfig.RuntimeParams["search_path"] = schema
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	require.NoError(tb, err)
	tb.Cleanup(func() {
		pool.Close()
		_, _ = admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	require.NoError(tb, postgres.Migrate(ctx, pool))
	// The import's clock is after every date of the varied registry, whose
	// changes of status run to four years after the last registrations:
	// the registry takes no record dated after its today.
	recorded := time.Date(2030, 1, 2, 9, 0, 0, 0, time.UTC)
	r := registry.New(postgres.New(pool, nil), &registry.Options{Now: func() time.Time { return recorded }})
	n, err := r.Import(ctx, slices.Values(reg))
	require.NoError(tb, err)
	require.Equal(tb, len(reg), n)
	_, err = pool.Exec(ctx, "ANALYZE")
	require.NoError(tb, err)
	return pool
}

// The SQL report counts what stats counts, group by group, at dates where
// members have joined, left, and cooperatives been struck off.
func TestNationalSQLAgrees(t *testing.T) {
	reg := varied(synthetic.Generate(&synthetic.Options{Seed: 9, Cooperatives: 1500, Members: 20000}))
	db := loadedDatabase(t, reg)
	for _, date := range []string{"2012-06-30", "2020-12-31", "2024-12-31"} {
		asOf := coop.MustParseDate(date)
		groups, err := bench.NationalSQL(context.Background(), db, asOf)
		require.NoError(t, err)
		want := map[bench.Group]bool{}
		add := func(tab stats.Table, region, sector bool) {
			for _, r := range tab.Rows {
				g := bench.Group{Cooperatives: r.Cooperatives, Unions: r.Unions, Members: r.Members, Women: r.Women, WomenOnly: r.WomenOnly}
				switch {
				case region && sector:
					g.Region, g.Sector = r.Keys[0], r.Keys[1]
				case region:
					g.Region, g.ByRegion = r.Keys[0], true
				default:
					g.Sector, g.BySector = r.Keys[0], true
				}
				want[g] = true
			}
		}
		for _, dims := range [][]stats.Dimension{{stats.Region, stats.Sector}, {stats.Region}, {stats.Sector}} {
			tab, err := stats.Count(slices.Values(reg), asOf, 1, dims...)
			require.NoError(t, err)
			add(tab, dims[0] == stats.Region, len(dims) == 2 || dims[0] == stats.Sector)
			if len(dims) == 2 {
				want[bench.Group{Total: true, Cooperatives: tab.Total.Cooperatives, Unions: tab.Total.Unions,
					Members: tab.Total.Members, Women: tab.Total.Women, WomenOnly: tab.Total.WomenOnly}] = true
			}
		}
		got := map[bench.Group]bool{}
		for _, g := range groups {
			got[g] = true
		}
		assert.Len(t, groups, len(got), "%s: no group twice", date)
		assert.Equal(t, want, got, date)
		assert.Positive(t, bench.TotalRow(groups).WomenOnly, date)
	}
}

// varied changes a generated registry so that every branch of the counts is
// exercised: members who left (some on the date itself) or joined after
// registration, cooperatives struck off or dissolved (some after the
// dates), and unions.
func varied(reg []coop.Cooperative) []coop.Cooperative {
	for i := range reg {
		c := &reg[i]
		switch i % 9 {
		case 1:
			if len(c.Members) > 6 {
				m := &c.Members[len(c.Members)-1]
				m.LeftOn, m.ExitReason = c.RegisteredOn.AddYears(3), coop.Withdrawal
				if !m.LeftOn.After(c.RegisteredOn) {
					m.LeftOn = c.RegisteredOn.AddDays(1)
				}
			}
		case 2:
			if len(c.Members) > 6 {
				c.Members[len(c.Members)-1].JoinedOn = c.RegisteredOn.AddYears(2)
			}
		case 4:
			c.Status, c.StatusSince, c.StatusReason = coop.StruckOff, c.RegisteredOn.AddYears(4), "art. 13"
		case 5:
			c.Status, c.StatusSince, c.StatusReason = coop.Dissolved, c.RegisteredOn.AddYears(2), "general assembly"
		}
	}
	return reg
}
