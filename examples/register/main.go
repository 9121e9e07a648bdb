// Command register takes a delegation's register out of Taawun as CSV or
// as a workbook and back in: the layout ODCO delegations keep in
// spreadsheets, one row per member with the cooperative's columns repeated
// (registry.RegisterColumns).
//
// Export the Meknès delegation of the synthetic national registry at a
// date, then import the file into an empty registry, which checks every
// row first and stores nothing unless all pass:
//
//	go run ./examples/register -export meknes.csv -delegation meknes -as-of 2024-12-31
//	go run ./examples/register -import meknes.csv
//
// The dialect is the file's: -dialect excel-fr writes CSV as Excel in
// French opens it, a file named .xlsx is a workbook (headers in French and
// Arabic, dates as dates); the import tells the dialect itself.
//
// A refused file prints each problem with its line, column and rule, and
// the command exits with status 1.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats/synthetic"
)

func main() {
	export := flag.String("export", "", "write the register of the synthetic national registry to this CSV file")
	delegation := flag.String("delegation", "meknes", "the ODCO delegation to export (empty for the whole country)")
	asOf := flag.String("as-of", synthetic.AsOf.String(), "the date of the register (YYYY-MM-DD)")
	imp := flag.String("import", "", "import this CSV file or workbook into an empty registry")
	dialect := flag.String("dialect", "", "the dialect of the export: rfc4180, excel-fr or xlsx (default: xlsx for a .xlsx file, else rfc4180)")
	flag.Parse()
	if (*export == "") == (*imp == "") {
		fmt.Fprintln(os.Stderr, "give -export FILE or -import FILE")
		flag.Usage()
		os.Exit(2)
	}
	at, err := coop.ParseDate(*asOf)
	if err != nil {
		log.Fatalf("-as-of: %v", err)
	}
	ctx := context.Background()
	if *export != "" {
		d := registry.RFC4180
		if strings.HasSuffix(*export, ".xlsx") {
			d = registry.XLSX
		}
		if *dialect != "" {
			var ok bool
			if d, ok = registry.DialectNamed(*dialect); !ok {
				log.Fatalf("-dialect: %q is not rfc4180, excel-fr or xlsx", *dialect)
			}
		}
		if err := exportRegister(ctx, *export, coop.DelegationID(*delegation), at, d); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := importRegister(ctx, *imp); err != nil {
		var e *coop.Error
		if errors.As(err, &e) && len(e.Fields) > 0 {
			fmt.Fprintf(os.Stderr, "%s: %s, nothing imported:\n", *imp, e.Message)
			for _, f := range e.Fields {
				fmt.Fprintf(os.Stderr, "  %s\t%s\t%s: %s\n", f.Source, f.Field, f.Rule, f.Message)
			}
			os.Exit(1)
		}
		log.Fatal(err)
	}
}

func exportRegister(ctx context.Context, file string, delegation coop.DelegationID, at coop.Date, d registry.Dialect) error {
	// Only the delegation's cooperatives are loaded: the register of a
	// delegation needs no other.
	f := registry.Filter{Delegation: delegation}
	reg := registry.New(memory.New(), nil)
	if _, err := reg.ImportOwned(ctx, func(yield func(coop.Cooperative) bool) {
		for c := range synthetic.All(nil) {
			if f.Matches(&c) && !yield(c) {
				return
			}
		}
	}); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := reg.Export(ctx, &b, f, at, d); err != nil {
		return err
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: the register of %s at %s, %s (%d bytes)\n", file, name(delegation), at, d.Name, b.Len())
	return nil
}

func importRegister(ctx context.Context, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	start := time.Now()
	reg := registry.New(memory.New(), nil)
	rep, err := reg.ImportRegister(ctx, f, file, nil)
	if err != nil {
		return err
	}
	n := rep.Imported
	p, err := reg.List(ctx, registry.Filter{Limit: 1})
	if err != nil {
		return err
	}
	fmt.Printf("%s (%s): %d cooperatives imported in %s; the registry holds %d\n", file, rep.Dialect.Name, n, time.Since(start).Round(time.Millisecond), p.Total)
	return nil
}

func name(d coop.DelegationID) string {
	if d == "" {
		return "the whole country"
	}
	return "the " + string(d) + " delegation"
}
