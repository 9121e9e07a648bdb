package programtest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/taawun/taawun/programs"
)

// Runner runs case files against a catalogue.
type Runner struct {
	// Catalogue decides the cases; nil means programs.Default().
	Catalogue *programs.Catalogue
}

func (r Runner) catalogue() *programs.Catalogue {
	if r.Catalogue != nil {
		return r.Catalogue
	}
	return programs.Default()
}

// RunFile runs the cases of one file against the built-in catalogue.
func RunFile(t *testing.T, path string) { t.Helper(); Runner{}.RunFile(t, path) }

// RunDir runs every *.yaml and *.yml file below dir against the built-in
// catalogue, one subtest per file.
func RunDir(t *testing.T, dir string) { t.Helper(); Runner{}.RunDir(t, dir) }

// CaseResult is the outcome of one case: what it gave, and how that differs
// from what it expected.
type CaseResult struct {
	Case   programs.Case
	Result programs.Result
	// Mismatches lists the differences with the expectation; empty when the
	// case passes.
	Mismatches []string
	// Err is set when the case could not be decided at all.
	Err error
}

// Passed reports whether the case gave what it expected.
func (r *CaseResult) Passed() bool { return r.Err == nil && len(r.Mismatches) == 0 }

// Report renders a failing case: where it is, what it asked, the
// differences and every criterion with its outcome, reason and reference.
func (r *CaseResult) Report() string {
	c := &r.Case
	head := fmt.Sprintf("%s:%d: %s\n  as of %s, %s\n  ", c.File, c.Line, c.Name, c.AsOf, target(c))
	if r.Err != nil {
		return head + r.Err.Error()
	}
	return head + strings.Join(r.Mismatches, "\n  ") + "\n" + indent(r.Result.Explanation)
}

// CheckFile parses the case file at path and decides every case, without a
// testing.T: a tool or a CI job can report on case files with it. A malformed
// file is a *programs.CaseError naming the file and the line.
func (r Runner) CheckFile(path string) ([]CaseResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cat := r.catalogue()
	cases, err := cat.ParseCases(f, path)
	if err != nil {
		return nil, err
	}
	out := make([]CaseResult, len(cases))
	for i := range cases {
		out[i].Case = cases[i]
		res, err := cat.RunCase(&cases[i])
		if err != nil {
			out[i].Err = err
			continue
		}
		out[i].Result = res
		out[i].Mismatches = cases[i].Mismatches(res)
	}
	return out, nil
}

// RunFile runs the cases of one file, each as a subtest.
func (r Runner) RunFile(t *testing.T, path string) {
	t.Helper()
	results, err := r.CheckFile(path)
	if err != nil {
		t.Fatalf("malformed case file:\n%v", err)
	}
	for i := range results {
		res := &results[i]
		t.Run(res.Case.Name, func(t *testing.T) {
			if !res.Passed() {
				t.Error(res.Report())
			}
		})
	}
}

// RunDir runs every *.yaml and *.yml file below dir, one subtest per file
// named after its path relative to dir. A directory with no case file fails.
func (r Runner) RunDir(t *testing.T, dir string) {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("case directory: %v", err)
	}
	if len(files) == 0 {
		t.Fatalf("case directory %s holds no *.yaml file", dir)
	}
	slices.Sort(files)
	for _, path := range files {
		rel, _ := filepath.Rel(dir, path)
		t.Run(rel, func(t *testing.T) { r.RunFile(t, path) })
	}
}

func target(c *programs.Case) string {
	if c.Check != "" {
		return "check " + c.Check
	}
	s := "programme " + c.Program
	if c.Call != "" {
		s += ", call " + c.Call
	}
	if c.Phase != "" {
		s += ", phase " + c.Phase
	}
	return s
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
}
