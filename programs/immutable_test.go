package programs_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// scribble changes everything exported that it can reach from v: every
// string, number and flag, every element of every slice and map, through
// every pointer; it adds a key to every map and sets every func to nil.
// It returns how many values it changed.
func scribble(v reflect.Value, seen map[uintptr]bool) int {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return 0
		}
		seen[v.Pointer()] = true
		return scribble(v.Elem(), seen)
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		return scribble(v.Elem(), seen)
	case reflect.Struct:
		n := 0
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				n += scribble(v.Field(i), seen)
			}
		}
		return n
	case reflect.Slice:
		n := 0
		for i := 0; i < v.Len(); i++ {
			n += scribble(v.Index(i), seen)
		}
		return n
	case reflect.Array:
		n := 0
		for i := 0; i < v.Len(); i++ {
			n += scribble(v.Index(i), seen)
		}
		return n
	case reflect.Map:
		if v.IsNil() {
			return 0
		}
		n := 0
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			n += scribble(e, seen)
			v.SetMapIndex(k, e)
		}
		if v.Type().Key().Kind() == reflect.String {
			v.SetMapIndex(reflect.ValueOf("scribbled").Convert(v.Type().Key()), reflect.New(v.Type().Elem()).Elem())
			n++
		}
		return n
	}
	if !v.CanSet() {
		return 0
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "-scribbled")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(v.Int() + 7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(v.Uint() + 7)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Func:
		if v.IsNil() {
			return 0
		}
		v.Set(reflect.Zero(v.Type()))
	default:
		return 0
	}
	return 1
}

// TestCatalogue_Immutable changes everything the public API of a catalogue
// returns (its programmes, calls, parameters, criteria, kinds and their
// messages, parameter kinds, a decision) and shows that the catalogue's
// version and later decisions are unchanged.
func TestCatalogue_Immutable(t *testing.T) {
	t.Parallel() // the tests of the largest corpora run side by side
	cat := programs.Default()
	applicants := recordedApplicants()[:300]
	if raceDetector {
		applicants = applicants[:100] // the detector is slow; the mutations are the same
	}
	decideAll := func() string {
		var out []string
		for _, id := range cat.ProgramIDs() {
			for _, date := range recordedDates {
				for _, a := range applicants {
					if id == "motatawi3" {
						a = programs.Applicant{Person: &programs.PersonFacts{BirthDate: a.Cooperative.RegisteredOn.AddYears(-20)}}
					}
					dec, err := cat.Evaluate(programs.Request{Program: id, AsOf: coop.MustParseDate(date), Applicant: a})
					require.NoError(t, err)
					out = append(out, fingerprint(dec)+"|"+dec.Explain(coop.FR)+dec.Explain(coop.AR)+dec.Explain(coop.EN))
				}
			}
		}
		b, err := json.Marshal(out)
		require.NoError(t, err)
		return string(b)
	}
	version := cat.Version()
	programsJSON, err := json.Marshal(cat.Programs())
	require.NoError(t, err)
	before := decideAll()

	reach := []struct {
		name string
		get  func() any
	}{
		{"Programs", func() any { ps := cat.Programs(); return &ps }},
		{"Program", func() any { p, _ := cat.Program("indh-income"); return p }},
		{"ProgramGenerationSolidaire", func() any { p, _ := cat.Program("generation-solidaire"); return p }},
		{"ProgramMourafaka", func() any { p, _ := cat.Program("mourafaka"); return p }},
		{"Call", func() any { p, _ := cat.Program("moazara"); c, _ := p.Call("moazara-2024"); return c }},
		{"CallAt", func() any {
			p, _ := cat.Program("mourafaka")
			c, _ := p.CallAt(coop.MustParseDate("2024-01-01"))
			return c
		}},
		{"Parameter", func() any {
			p, _ := cat.Program("craft-casa-settat")
			prm, _ := p.Calls[0].Parameter("branches")
			return prm
		}},
		{"Criterion", func() any { p, _ := cat.Program("piae"); c, _ := p.Criterion("members-age"); return c }},
		{"Kinds", func() any { ks := cat.Kinds(); return &ks }},
		{"GrantKinds", func() any { gs := cat.GrantKinds(); return &gs }},
		{"ParameterKinds", func() any { m, _ := cat.ParameterKinds("indh-income"); return &m }},
		{"ProgramIDs", func() any { ids := cat.ProgramIDs(); return &ids }},
		{"DeclaredFacts", func() any { fs := cat.DeclaredFacts(); return &fs }},
		{"Decision", func() any {
			a := applicants[3]
			dec, err := cat.Evaluate(programs.Request{Program: "indh-income", AsOf: coop.MustParseDate("2023-06-30"), Applicant: a})
			require.NoError(t, err)
			return &dec
		}},
	}
	for _, r := range reach {
		n := scribble(reflect.ValueOf(r.get()), map[uintptr]bool{})
		assert.Positive(t, n, "%s: nothing to change", r.name)
	}

	assert.Equal(t, version, cat.Version(), "the version is unchanged")
	after, err := json.Marshal(cat.Programs())
	require.NoError(t, err)
	assert.JSONEq(t, string(programsJSON), string(after), "the programmes are unchanged")
	assert.Equal(t, before, decideAll(), "every decision is unchanged")
	assert.Equal(t, version, programs.Default().Version(), "another catalogue is unchanged")
}

// TestCatalogue_Version shows that a change to any programme, call,
// criterion or parameter changes the version, and that the same data gives
// the same version.
func TestCatalogue_Version(t *testing.T) {
	base := programs.Default().Version()
	changes := []struct {
		name string
		doc  string
	}{
		{"NewCall", "- {program: moazara, id: moazara-2026, opens: 2026-08-01}"},
		{"NewCallOtherDate", "- {program: moazara, id: moazara-2026, opens: 2026-08-02}"},
		{"NewCallWithParameter", "- {program: moazara, id: moazara-2026, opens: 2026-08-01, parameters: {regions: [MA-01]}}"},
		{"NewCallOtherValue", "- {program: moazara, id: moazara-2026, opens: 2026-08-01, parameters: {regions: [MA-02]}}"},
		{"NewCallUnconfirmed", "- {program: moazara, id: moazara-2026, opens: 2026-08-01, parameters: {regions: {value: [MA-02], unconfirmed: true, note: press}}}"},
		{"NewCallReference", "- {program: moazara, id: moazara-2026, opens: 2026-08-01, reference: call of 2026}"},
	}
	seen := map[string]string{base: "built-in"}
	for _, c := range changes {
		cat := programs.Default()
		require.NoError(t, cat.LoadCalls("call.yaml", stringsReader(c.doc)), c.name)
		v := cat.Version()
		prev, dup := seen[v]
		assert.False(t, dup, "%s has the version of %s", c.name, prev)
		seen[v] = c.name
		again := programs.Default()
		require.NoError(t, again.LoadCalls("call.yaml", stringsReader(c.doc)))
		assert.Equal(t, v, again.Version(), "%s: the same data, the same version", c.name)
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }
