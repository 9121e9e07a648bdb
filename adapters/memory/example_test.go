package memory_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// The memory store keeps a registry in the process: for tests, examples
// and a server whose registry is loaded at start. It passes the same
// conformance suite as PostgreSQL.
func ExampleNew() {
	ctx := context.Background()
	today := coop.MustParseDate("2024-06-30")
	reg := registry.New(memory.New(), &registry.Options{Now: func() time.Time { return today.Time() }})
	tinas := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212, Name: "Coopérative Tinas",
		RegistrationNumber: "1/MEK/2019/106", Court: "MEK", RegisteredOn: coop.MustParseDate("2019-04-15"), Province: "MA-MEK",
		Statutes: coop.Statutes{DurationYears: 99, ShareNominal: coop.MustParseMAD("100")}}
	for _, name := range []string{"Amina", "Khadija", "Hind", "Saida", "Latifa"} {
		tinas.Members = append(tinas.Members, coop.Member{Type: coop.Natural, Name: name, Gender: coop.Female})
	}
	if _, err := reg.ImportOne(ctx, tinas); err != nil {
		log.Fatal(err)
	}
	page, err := reg.List(ctx, registry.Filter{Delegation: "meknes"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Total, page.Items[0].Name, page.Items[0].RegistrationNumber)
	// Output:
	// 1 Coopérative Tinas 1/MEK/2019/106
}
