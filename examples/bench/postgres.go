package bench

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/taawun/taawun/coop"
)

// Group is one row of the national report computed in SQL: a region and a
// sector, a region or a sector alone (the other empty, with ByRegion or
// BySector telling which), or the national total (Total).
type Group struct {
	Region, Sector            string
	ByRegion, BySector, Total bool
	Cooperatives, Unions      int
	Members, Women            int
	WomenOnly                 int
}

// nationalSQL is the national report as a PostgreSQL user writes it over the
// schema of adapters/postgres: the register at $1 (registered by then and not
// struck off, art. 13), its members at $1 (joined by then, defaulting to the
// registration date, and not yet left), grouped by region × sector, region,
// sector and in total (GROUPING SETS). A cooperative with no register counts its
// member_count.
const nationalSQL = `
WITH c AS (
    SELECT id, kind, region, sector, registered_on, member_count
    FROM cooperatives
    WHERE registered_on <= $1
      AND NOT (status = 'struck-off' AND (status_since IS NULL OR status_since <= $1))
), m AS (
    SELECT m.cooperative_id,
           count(*) AS members,
           count(*) FILTER (WHERE m.gender = 'female') AS women
    FROM members m JOIN c ON c.id = m.cooperative_id
    WHERE coalesce(m.joined_on, c.registered_on) <= $1
      AND (m.left_on IS NULL OR $1 < m.left_on)
    GROUP BY m.cooperative_id
), r AS (
    SELECT c.kind, c.region, c.sector,
           CASE WHEN EXISTS (SELECT 1 FROM members x WHERE x.cooperative_id = c.id)
                THEN coalesce(m.members, 0) ELSE coalesce(c.member_count, 0) END AS members,
           coalesce(m.women, 0) AS women
    FROM c LEFT JOIN m ON m.cooperative_id = c.id
)
SELECT coalesce(region, ''), coalesce(sector, ''),
       GROUPING(sector) = 1 AND GROUPING(region) = 0 AS by_region,
       GROUPING(region) = 1 AND GROUPING(sector) = 0 AS by_sector,
       GROUPING(region) = 1 AND GROUPING(sector) = 1 AS total,
       count(*) FILTER (WHERE kind = 'cooperative'),
       count(*) FILTER (WHERE kind = 'union'),
       coalesce(sum(members), 0),
       coalesce(sum(women), 0),
       count(*) FILTER (WHERE members > 0 AND women = members)
FROM r
GROUP BY GROUPING SETS ((region, sector), (region), (sector), ())`

// NationalSQL runs the national report's query at asOf.
func NationalSQL(ctx context.Context, db *pgxpool.Pool, asOf coop.Date) ([]Group, error) {
	rows, err := db.Query(ctx, nationalSQL, asOf.Time())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Group
	for rows.Next() {
		var g Group
		if err := rows.Scan(&g.Region, &g.Sector, &g.ByRegion, &g.BySector, &g.Total, &g.Cooperatives, &g.Unions,
			&g.Members, &g.Women, &g.WomenOnly); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// TotalRow returns the national total of the rows.
func TotalRow(rows []Group) Group {
	for _, g := range rows {
		if g.Total {
			return g
		}
	}
	return Group{}
}
