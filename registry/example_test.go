package registry_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
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

// A write names the version the caller read and who may change what; the
// registry checks both inside the write's transaction, on the state it is
// about to change.
func ExampleAuthorize() {
	ctx := context.Background()
	today := coop.MustParseDate("2024-06-03")
	reg := registry.New(memory.New(), &registry.Options{Now: func() time.Time { return today.Time() }})
	tinas := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212, Name: "Coopérative Tinas",
		RegistrationNumber: "1/MEK/2019/106", Court: "MEK", RegisteredOn: coop.MustParseDate("2019-04-15"), Province: "MA-MEK",
		Statutes: coop.Statutes{DurationYears: 99, ShareNominal: coop.MustParseMAD("100")}}
	for _, name := range []string{"Amina", "Khadija", "Hind", "Saida", "Latifa"} {
		tinas.Members = append(tinas.Members, coop.Member{Type: coop.Natural, Name: name, Gender: coop.Female})
	}
	c, err := reg.ImportOne(ctx, tinas)
	if err != nil {
		log.Fatal(err)
	}

	// An agent of the Casablanca delegation may change Casablanca's
	// cooperatives only.
	casablanca := registry.Authorize(func(c *coop.Cooperative) error {
		if c.Province.Delegation() != "casablanca" {
			return &coop.Error{Code: coop.Forbidden, Message: c.Name + " is outside the Casablanca delegation"}
		}
		return nil
	})
	nora := registry.Admission{On: today, AdmittedBy: "OGM 2024-06-03", Member: coop.Member{Type: coop.Natural, Name: "Nora"},
		Shares: 1, Amount: coop.MustParseMAD("100"), Paid: coop.MustParseMAD("100")}
	_, err = reg.AdmitMember(ctx, c.ID, nora, casablanca)
	fmt.Println(coop.ErrorCode(err), coop.ErrorMessage(err))

	// A version read before another write is stale.
	c, err = reg.AdmitMember(ctx, c.ID, nora, registry.IfVersion(c.Version))
	fmt.Println(c.Version, err)
	_, err = reg.AdmitMember(ctx, c.ID, nora, registry.IfVersion(1))
	fmt.Println(coop.ErrorCode(err), coop.ErrorMessage(err))
	// Output:
	// forbidden Coopérative Tinas is outside the Casablanca delegation
	// 2 <nil>
	// conflict the cooperative changed: it is at version 2, not 1
}

// A delegation's register kept in a spreadsheet is imported whole, or not
// at all: each problem is reported with its line, column and rule.
func ExampleRegistry_ImportCSV() {
	ctx := context.Background()
	reg := registry.New(memory.New(), nil)
	file := `registration_number,court,name,name_ar,kind,registered_on,status,status_since,founded_under,conformed_on,sector,branch,province,commune,duration_years,share_nominal,member_number,member_type,member_name,gender,cin,birth_date,joined_on,shares,subscribed,paid
1/MEK/2019/106,MEK,Coopérative Tinas Cop,,cooperative,2019-04-15,active,,112-12,,agriculture,beekeeping,MA-MEK,,99,100.00,1,natural,Amal,female,,1990-02-30,,10,1000.00,1000.00
1/MEK/2019/106,MEK,Coopérative Tinas Cop,,cooperative,2019-04-15,active,,112-12,,agriculture,beekeeping,MA-MEK,,99,100.00,2,natural,Hafsa,F,,,,10,1000.00,1000.00
`
	_, err := reg.ImportCSV(ctx, strings.NewReader(file), "meknes.csv")
	var e *coop.Error
	if errors.As(err, &e) {
		for _, f := range e.Fields {
			fmt.Println(f.Source, f.Field, f.Rule)
		}
	}

	file = strings.Replace(strings.Replace(file, "1990-02-30", "1990-02-28", 1), ",F,", ",female,", 1)
	n, err := reg.ImportCSV(ctx, strings.NewReader(file), "meknes.csv")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(n, "imported")
	var out strings.Builder
	if err := reg.ExportCSV(ctx, &out, registry.Filter{Delegation: "meknes"}, coop.MustParseDate("2024-12-31")); err != nil {
		log.Fatal(err)
	}
	fmt.Println(out.String() == file)
	// Output:
	// meknes.csv:2:22 birth_date date
	// meknes.csv:3:20 gender enum
	// 1 imported
	// true
}

// Two registries over one store, as two servers over one PostgreSQL
// database: the second follows the first one's commits, and a read after
// WaitModel shows them.
func ExampleRegistry_Follow() {
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	today := coop.MustParseDate("2024-06-03")
	opts := &registry.Options{Now: func() time.Time { return today.Time() }}
	store := memory.New()
	writer, reader := registry.New(store, opts), registry.New(store, opts)
	if _, err := reader.ReadModel(ctx); err != nil {
		log.Fatal(err)
	}
	followed := make(chan error, 1)
	go func() { followed <- reader.Follow(ctx, nil) }()

	approval, err := writer.ApproveName(ctx, registry.NameRequest{Names: []string{"Coopérative Nahla"},
		Signatories: []registry.Signatory{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}, {Name: "E"}},
		Province:    "MA-MEK", RequestedOn: today})
	if err != nil {
		log.Fatal(err)
	}
	r := registry.Registration{ApprovalID: approval.ID, Kind: coop.KindCooperative, RegisteredOn: today,
		Sector: coop.Agriculture, Province: "MA-MEK", Statutes: coop.Statutes{DurationYears: 99, ShareNominal: coop.MustParseMAD("100")},
		Governance: coop.Governance{Managers: []coop.Officer{{Name: "A"}}}}
	for _, name := range []string{"A", "B", "C", "D", "E"} {
		r.Founders = append(r.Founders, registry.Founder{Member: coop.Member{Type: coop.Natural, Name: name},
			Shares: 2, Amount: coop.MustParseMAD("200"), Paid: coop.MustParseMAD("200")})
	}
	if _, err := writer.Register(ctx, r); err != nil {
		log.Fatal(err)
	}

	position, err := writer.Position(ctx)
	if err != nil {
		log.Fatal(err)
	}
	wait, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	m, err := reader.WaitModel(wait, position)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("cooperatives the follower sees:", m.Len())
	stop()
	fmt.Println("Follow ended:", errors.Is(<-followed, context.Canceled))
	// Output:
	// cooperatives the follower sees: 1
	// Follow ended: true
}
