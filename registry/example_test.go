package registry_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

func ExampleRegistry_Register() {
	ctx := context.Background()
	today := coop.MustParseDate("2024-06-03")
	reg := registry.New(memory.New(), &registry.Options{Now: func() time.Time { return today.Time() }})

	approval, err := reg.ApproveName(ctx, registry.NameRequest{
		Names:       []string{"Coopérative Tinas", "Coopérative Nahla"},
		Signatories: []registry.Signatory{{Name: "Amina"}, {Name: "Khadija"}, {Name: "Hind"}, {Name: "Saida"}, {Name: "Latifa"}},
		Province:    "MA-MEK", RequestedOn: coop.MustParseDate("2024-06-01"),
	})
	if err != nil {
		log.Fatal(err)
	}
	r := registry.Registration{ApprovalID: approval.ID, Kind: coop.KindCooperative, RegisteredOn: today,
		Sector: coop.Agriculture, Branch: "beekeeping", Province: "MA-MEK",
		Statutes:   coop.Statutes{DurationYears: 99, ShareNominal: coop.MustParseMAD("100")},
		Governance: coop.Governance{Managers: []coop.Officer{{Name: "Amina"}}}}
	for _, name := range []string{"Amina", "Khadija", "Hind", "Saida", "Latifa"} {
		r.Founders = append(r.Founders, registry.Founder{Member: coop.Member{Type: coop.Natural, Name: name, Gender: coop.Female},
			Shares: 4, Amount: coop.MustParseMAD("400"), Paid: coop.MustParseMAD("100")})
	}
	c, err := reg.Register(ctx, r)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Name, c.RegistrationNumber, approval.ValidUntil)

	// A sixth member cannot be admitted without the assembly's decision.
	_, err = reg.AdmitMember(ctx, c.ID, registry.Admission{On: today, Member: coop.Member{Type: coop.Natural, Name: "Nora"},
		Shares: 1, Amount: coop.MustParseMAD("100"), Paid: coop.MustParseMAD("100")})
	fmt.Println(err)
	// Output:
	// Coopérative Tinas 1/MEK/2024/1 2024-08-02
	// registry.AdmitMember: invalid admission (Law 112-12 arts. 7, 15, 17): admitted_by: the general assembly that voted the admission is required (art. 15)
}
