package programs_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/stats/synthetic"
)

var record = flag.Bool("record", false, "write testdata/recorded-decisions.txt from the catalogue as it decides now")

const recordedFile = "testdata/recorded-decisions.txt"

// recordedApplicants are 3,000 synthetic cooperatives made varied: defects,
// missing genders and birth dates, declared facts true, false or absent,
// branches, projects, members who left or joined late, 24-83 cooperatives.
func recordedApplicants() []programs.Applicant {
	coops := synthetic.Generate(&synthetic.Options{Seed: 11, Cooperatives: 3000, Members: 36000, DefectRate: 0.2})
	branches := []coop.Branch{"weaving", "jewellery", "pottery", "beekeeping", ""}
	out := make([]programs.Applicant, len(coops))
	for i := range coops {
		c := coops[i]
		switch i % 7 {
		case 1:
			c.Declared = map[string]bool{programs.FactDisadvantagedMembers: true, programs.FactPrecariousSituation: true}
		case 2:
			c.Declared = map[string]bool{programs.FactDisadvantagedMembers: false, programs.FactPrecariousSituation: false}
		case 3:
			if len(c.Members) > 1 {
				c.Members[0].Gender, c.Members[1].BirthDate = "", coop.Date{}
			}
		case 4:
			if len(c.Members) > 2 {
				m := &c.Members[len(c.Members)-1]
				m.LeftOn = c.RegisteredOn.AddYears(2)
				c.Members[1].JoinedOn = c.RegisteredOn.AddYears(1)
			}
		case 5:
			c.Members, c.MemberCount = nil, nil
			if i%2 == 0 {
				n := 4 + i%5
				c.MemberCount = &n
			}
		}
		c.Branch = branches[i%len(branches)]
		if i%11 == 0 {
			c.Province = ""
		}
		a := programs.Applicant{Cooperative: &c}
		if i%3 == 0 {
			cost := decimal.NewFromInt(int64(50000 + (i*7919)%500000))
			a.Project = &programs.Project{Cost: decimal.NewNullDecimal(cost), OwnCash: decimal.NewNullDecimal(cost.Mul(decimal.RequireFromString("0.3")).Round(2)),
				OwnInKind: decimal.NewNullDecimal(cost.Mul(decimal.RequireFromString("0.15")).Round(2))}
		}
		out[i] = a
	}
	return out
}

// recordedDates are the dates of the recording: calls open and closed.
var recordedDates = []string{"2023-06-30", "2024-03-15", "2024-08-15"}

// fingerprint writes what a decision decided: its outcome, call, grant and
// change date, and each criterion's outcome and parameters.
func fingerprint(d programs.Decision) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s|%s|%s|", d.Outcome, d.Call, d.Phase, d.ChangesOn, d.ChangesTo)
	if d.Grant.Valid {
		b.WriteString(coop.FormatMAD(d.Grant.Decimal))
	}
	for _, c := range d.Criteria {
		fmt.Fprintf(&b, "|%s:%s", c.ID, c.Outcome)
		for _, p := range c.Params {
			fmt.Fprintf(&b, ":%s=%s@%s", p.Name, p.Value, p.Since)
		}
		writeReason(&b, c.Reason)
		writeReason(&b, c.Hint)
	}
	return b.String()
}

// writeReason writes a reason's message and arguments as values.
func writeReason(b *strings.Builder, r coop.Reason) {
	if r.IsZero() {
		return
	}
	fmt.Fprintf(b, ":%s(", r.MessageID())
	for _, a := range r.Args() {
		if a.Kind != coop.ArgNone {
			fmt.Fprintf(b, "%d/%d/%s,", a.Kind, a.Int, a.Text())
		}
	}
	b.WriteString(")")
}

// recordDecisions decides every applicant for every programme at every
// date and returns one line per programme, date and block of 100
// applicants, with the hash of their fingerprints.
func recordDecisions(t *testing.T, cat *programs.Catalogue) []string {
	applicants := recordedApplicants()
	var lines []string
	for _, id := range []string{"mourafaka", "indh-income", "craft-casa-settat", "moazara", "lalla-al-moutaaouina", "generation-solidaire", "piae", "motatawi3"} {
		for _, date := range recordedDates {
			for block := 0; block < len(applicants); block += 100 {
				h := sha256.New()
				for i := block; i < block+100 && i < len(applicants); i++ {
					a := applicants[i]
					if id == "motatawi3" {
						p := &programs.PersonFacts{}
						if c := a.Cooperative; len(c.Members) > 0 {
							p.BirthDate, p.Gender = c.Members[0].BirthDate, c.Members[0].Gender
						}
						a = programs.Applicant{Person: p}
					}
					d, err := cat.Evaluate(programs.Request{Program: id, AsOf: coop.MustParseDate(date), Applicant: a})
					require.NoError(t, err)
					fmt.Fprintln(h, fingerprint(d))
				}
				lines = append(lines, fmt.Sprintf("%s %s %04d %s", id, date, block, hex.EncodeToString(h.Sum(nil)[:12])))
			}
		}
	}
	return lines
}

// TestRecordedDecisions decides 3,000 varied cooperatives (and as many
// persons) for every programme at three dates and compares every decision
// with the recording: the same outcomes, calls, grants, change dates,
// criteria, parameters and reasons. It was recorded before the catalogue
// became data and showed the change identical; it was recorded again with
// the rules clarified on 2026-12-01, which changed no outcome, call, grant
// or criterion outcome of these 72,000 decisions, only change dates (the
// default call of a later date, the opening of a first call) and the
// messages and arguments of reasons. It was recorded again when the kind of
// applicant came to be named with its article ("a cooperative", "an
// association"), which changed that argument of applicant-kind alone.
func TestRecordedDecisions(t *testing.T) {
	t.Parallel() // the tests of the largest corpora run side by side
	got := recordDecisions(t, programs.Default())
	if *record {
		require.NoError(t, os.WriteFile(recordedFile, []byte(strings.Join(got, "\n")+"\n"), 0o644))
		t.Logf("recorded %d blocks in %s", len(got), recordedFile)
		return
	}
	f, err := os.Open(recordedFile)
	require.NoError(t, err)
	defer f.Close()
	var want []string
	for s := bufio.NewScanner(f); s.Scan(); {
		want = append(want, s.Text())
	}
	require.Len(t, got, len(want))
	for i := range want {
		require.Equal(t, want[i], got[i], "block %d decides differently", i)
	}
}
