package postgres_test

import (
	"context"
	"log"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/taawun/taawun/adapters/postgres"
	"github.com/taawun/taawun/registry"
)

// The PostgreSQL store keeps the registry in a database: migrate it, then
// make a registry over the store; two servers on one database follow each
// other's commits (registry.Registry.Follow). It passes the same
// conformance suite as the memory store.
func ExampleNew() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // postgres://…
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()
	if err := postgres.Migrate(ctx, pool); err != nil {
		log.Fatal(err)
	}
	reg := registry.New(postgres.New(pool, nil), nil)
	page, err := reg.List(ctx, registry.Filter{Delegation: "meknes", Limit: 10})
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%d cooperatives in the Meknès delegation", page.Total)
}
