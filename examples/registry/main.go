// Command registry walks a cooperative through its life in the registry,
// from ODCO's name approval to its striking off, and prints its journal and
// what the registry said at a past date.
//
//	go run ./examples/registry
//
// The cooperative, Tinas Cop of Ouislane (Meknès prefecture), honey, is
// named in the source documents; its dates, members and events here are
// illustrative.
package main

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

func main() {
	ctx := context.Background()
	var today coop.Date
	clock := func() time.Time { return today.Time() }
	reg := registry.New(memory.New(), &registry.Options{Now: clock})
	at := func(s string) coop.Date { today = coop.MustParseDate(s); return today }
	must := func(c coop.Cooperative, err error) coop.Cooperative {
		if err != nil {
			log.Fatal(err)
		}
		return c
	}
	mad := coop.MustParseMAD

	at("2019-03-04")
	approval, err := reg.ApproveName(ctx, registry.NameRequest{
		Names:       []string{"Coopérative Tinas", "Coopérative Nahl Ouislane"},
		Signatories: []registry.Signatory{{Name: "Amina"}, {Name: "Khadija"}, {Name: "Hind"}, {Name: "Saida"}, {Name: "Latifa"}},
		Province:    "MA-MEK", RequestedOn: coop.MustParseDate("2019-03-02"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("name %q approved on %s, valid until %s\n", approval.Name, approval.DecidedOn, approval.ValidUntil)

	r := registry.Registration{ApprovalID: approval.ID, Kind: coop.KindCooperative, RegisteredOn: at("2019-04-15"),
		Sector: coop.Agriculture, Branch: "beekeeping", Province: "MA-MEK", Commune: "Ouislane",
		Statutes:   coop.Statutes{DurationYears: 99, ShareNominal: mad("100"), MinSharesPerMember: 2},
		Governance: coop.Governance{Managers: []coop.Officer{{Name: "Amina", Role: "manager"}}}}
	for _, name := range []string{"Amina", "Khadija", "Hind", "Saida", "Latifa"} {
		r.Founders = append(r.Founders, registry.Founder{Member: coop.Member{Type: coop.Natural, Name: name, Gender: coop.Female},
			Shares: 5, Amount: mad("500"), Paid: mad("125")})
	}
	c := must(reg.Register(ctx, r))
	fmt.Printf("registered %s as %s\n", c.Name, c.RegistrationNumber)

	c = must(reg.HoldAssembly(ctx, c.ID, registry.AssemblyInput{Assembly: coop.Assembly{Kind: coop.Ordinary, Date: at("2020-06-20"), Call: 1, Present: 5,
		Resolutions: []coop.Resolution{{Subject: "accounts 2019", Votes: coop.Votes{For: 5}}, {Subject: "admission of Nora", Votes: coop.Votes{For: 4, Against: 1}}}}}))
	c = must(reg.AdmitMember(ctx, c.ID, registry.Admission{On: today, AdmittedBy: "OGM 2020-06-20",
		Member: coop.Member{Type: coop.Natural, Name: "Nora", Gender: coop.Female}, Shares: 3, Amount: mad("300"), Paid: mad("300")}))
	for _, m := range c.Members[:5] {
		c = must(reg.PayShares(ctx, c.ID, m.ID, registry.Payment{On: at("2021-12-20"), Amount: mad("375")}))
	}
	c = must(reg.ReportTurnover(ctx, c.ID, registry.TurnoverInput{On: at("2022-06-25"), Year: 2021, Amount: "186000"}))
	c = must(reg.RequestWithdrawal(ctx, c.ID, c.Members[5].ID, registry.WithdrawalInput{Received: at("2022-09-01")}))
	// A modifying entry recorded more than 30 days after the change is late.
	at("2023-03-01")
	c = must(reg.ChangeSeat(ctx, c.ID, registry.SeatChange{On: coop.MustParseDate("2023-01-10"), Province: "MA-HAJ", Commune: "Agouraï", Votes: coop.Votes{For: 5}}))
	c = must(reg.Dissolve(ctx, c.ID, registry.StatusChange{On: at("2024-02-10"), Reason: "EGM of 2024-02-10", Votes: &coop.Votes{For: 4, Against: 1}}))
	c = must(reg.OpenLiquidation(ctx, c.ID, registry.StatusChange{On: at("2024-03-01"), Liquidator: "Amina"}))
	c = must(reg.StrikeOff(ctx, c.ID, registry.StatusChange{On: at("2024-11-30"), Reason: "liquidation-closed"}))
	fmt.Printf("status %s since %s (%s)\n\n", c.Status, c.StatusSince, c.StatusReason)

	journal, err := reg.Journal(ctx, c.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("journal:")
	for _, e := range journal {
		late := ""
		if e.Late {
			late = "  LATE (art. 12)"
		}
		fmt.Printf("  %2d  %-12s  effective %s  recorded %s  %s%s\n", e.Seq, e.Kind, e.Effective, coop.DateOf(e.Recorded), e.Change.Kind(), late)
	}

	past, err := reg.StateAt(ctx, c.ID, coop.MustParseDate("2022-12-31"))
	if err != nil {
		log.Fatal(err)
	}
	n, _ := past.MembersAt(coop.MustParseDate("2022-12-31"))
	sub, paid := past.CapitalAt(coop.MustParseDate("2022-12-31"))
	rep := coop.CheckLaw(&past, coop.MustParseDate("2022-12-31"))
	fmt.Printf("\non 2022-12-31: %s, seat %s, %d members, capital %s subscribed, %s paid; Law 112-12: %s\n",
		past.Status, past.Province.Name(coop.FR), n, coop.FormatMAD(sub), coop.FormatMAD(paid), rep.Outcome)
}
