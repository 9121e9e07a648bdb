// Command regional loads a programme written only in the declarative format
// at run time, shows what the catalogue made of it, and decides a
// cooperative under each of its calls.
//
//	go run ./examples/regional [-programme examples/regional/programme.yaml] [-lang fr|ar|en]
//
// programme.yaml beside this file is a regional call-for-projects programme
// with two calls and dated parameters; cases.yaml checks it with case files
// (main_test.go). Edit the file, run the command again: no Go code changes
// and nothing is recompiled. A file the catalogue refuses is reported with
// the file, the line and the field of every problem.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

func main() {
	path := flag.String("programme", "examples/regional/programme.yaml", "the programme file to load")
	langFlag := flag.String("lang", "fr", "language of the reasons: fr, ar or en")
	flag.Parse()
	lang, err := coop.ParseLang(*langFlag)
	if err != nil {
		log.Fatalf("-lang: %v", err)
	}
	cat, ids, err := load(*path)
	if err != nil {
		var e *coop.Error
		if errors.As(err, &e) {
			for _, f := range e.Fields {
				fmt.Fprintf(os.Stderr, "%s: %s: %s\n", f.Source, f.Field, f.Message)
			}
			os.Exit(1)
		}
		log.Fatal(err)
	}
	fmt.Printf("catalogue %s\n\n", cat.Version())
	for _, id := range ids {
		p, _ := cat.Program(id)
		describe(os.Stdout, p, lang)
		for _, call := range p.Calls {
			dec, err := cat.Evaluate(programs.Request{Program: p.ID, Call: call.ID, AsOf: call.Opens.AddDays(45), Applicant: applicant()})
			if err != nil {
				log.Fatal(err)
			}
			fmt.Println(dec.Explain(lang))
		}
	}
}

// load returns the built-in catalogue with the programmes of the file at
// path, and their IDs.
func load(path string) (*programs.Catalogue, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	cat := programs.Default()
	before := cat.ProgramIDs()
	if err := cat.LoadPrograms(path, f); err != nil {
		return nil, nil, err
	}
	var added []string
	for _, id := range cat.ProgramIDs() {
		if !slices.Contains(before, id) {
			added = append(added, id)
		}
	}
	return cat, added, nil
}

// describe prints a programme as the catalogue holds it: its criteria by
// kind with the parameters they read, and its calls with their dated
// parameters.
func describe(w io.Writer, p *programs.Program, lang coop.Lang) {
	fmt.Fprintf(w, "%s — %s\n  %s\n  criteria:\n", p.ID, p.Names.In(lang), p.Reference)
	for _, c := range p.Criteria {
		var reads []string
		for role, name := range c.Params {
			reads = append(reads, role+"="+name)
		}
		slices.Sort(reads)
		if c.Fact != "" {
			reads = append(reads, "fact="+c.Fact)
		}
		fmt.Fprintf(w, "    %-20s %-18s %s\n", c.ID, c.Kind, strings.Join(reads, " "))
	}
	for _, call := range p.Calls {
		fmt.Fprintf(w, "  call %s, %s to %s\n", call.ID, call.Opens, call.Closes)
		for _, prm := range call.Parameters {
			for _, v := range prm.Values {
				flag := ""
				if prm.Unconfirmed {
					flag = " (unconfirmed: " + prm.Note + ")"
				}
				fmt.Fprintf(w, "    %-22s %-14s from %s%s\n", prm.Name, v.Value, v.Since, flag)
			}
		}
	}
	fmt.Fprintln(w)
}

// applicant is an agricultural cooperative of Taroudant with a project of
// 400,000 MAD.
func applicant() programs.Applicant {
	member := func(g coop.Gender, born string) coop.Member {
		return coop.Member{Type: coop.Natural, Gender: g, BirthDate: coop.MustParseDate(born)}
	}
	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		Name: "Coopérative Tifawin", Province: "MA-TAR", Sector: coop.Agriculture, RegisteredOn: coop.MustParseDate("2021-05-10"),
		Declared: map[string]bool{"collective-project": true},
		Members: []coop.Member{member(coop.Female, "1980-02-01"), member(coop.Female, "1975-07-12"), member(coop.Male, "1994-03-03"),
			member(coop.Male, "1960-01-20"), member(coop.Male, "1962-11-30")}}
	project, err := programs.NewProject("400000", "100000", "40000")
	if err != nil {
		log.Fatal(err)
	}
	return programs.Applicant{Cooperative: &c, Project: project}
}
