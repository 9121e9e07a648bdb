package programs_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// provincialDoc is a small programme in the declarative format: an INDH
// provincial committee's own call, with a grant cap that changes during it.
const provincialDoc = `programs:
  - id: ifrane-agri
    names: {fr: Appui aux coopératives agricoles d'Ifrane, ar: دعم التعاونيات الفلاحية بإفران}
    operator: Provincial committee of Ifrane
    accepts: [cooperative]
    reference: Call for projects of the provincial committee of Ifrane, 2025
    informational: {quota: int}
    facts:
      women-led: {fr: une coopérative dirigée par des femmes, ar: تعاونية تسيرها نساء, en: a cooperative led by women}
    criteria:
      - kind: registered
      - kind: province
        reference: the call, art. 2
      - kind: members-aged
        id: young-members
        params: {min_age: youth_min_age}
        reference: the call, art. 3
      - {kind: declared, id: women-led, fact: women-led, reference: "the call, art. 4"}
    grant: {kind: rate-cap}
    calls:
      - id: ifrane-agri-2025
        opens: 2025-03-01
        closes: 2025-05-31
        reference: Call of 1 March 2025
        parameters:
          provinces: [MA-IFR]
          youth_min_age: 18
          max_age: {value: 40, reference: press release, unconfirmed: true, note: the call says young}
          grant_rate: "0.60"
          grant_cap:
            - {since: 2025-03-01, value: "200000"}
            - {since: 2025-04-15, value: "150000"}
          quota: 30
`

func TestLoadPrograms(t *testing.T) {
	cat := programs.Default()
	before := cat.Version()
	require.NoError(t, cat.LoadPrograms("ifrane.yaml", strings.NewReader(provincialDoc)))
	assert.NotEqual(t, before, cat.Version())
	p, ok := cat.Program("ifrane-agri")
	require.True(t, ok)
	assert.Equal(t, "دعم التعاونيات الفلاحية بإفران", p.Names.AR)
	young, _ := p.Criterion("young-members")
	assert.Equal(t, map[string]string{"min_age": "youth_min_age", "max_age": "max_age"}, young.Params)
	reg, _ := p.Criterion("registered")
	assert.Equal(t, "Law 112-12 arts. 9, 11", reg.Reference, "a kind's own reference")
	maxAge, _ := p.Calls[0].Parameter("max_age")
	assert.True(t, maxAge.Unconfirmed)
	assert.Equal(t, "the call says young", maxAge.Note)
	kinds, _ := cat.ParameterKinds("ifrane-agri")
	assert.Equal(t, programs.IntValue, kinds["quota"])
	assert.Equal(t, programs.AmountValue, kinds["grant_cap"])
	assert.Contains(t, cat.DeclaredFacts(), "women-led")

	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, RegisteredOn: d("2022-01-01"), Province: "MA-IFR",
		Declared: map[string]bool{"women-led": true},
		Members:  []coop.Member{{Type: coop.Natural, BirthDate: d("1990-01-01")}, {Type: coop.Natural, BirthDate: d("1995-01-01")}}}
	decide := func(asOf string) programs.Decision {
		dec, err := cat.Evaluate(programs.Request{Program: "ifrane-agri", AsOf: d(asOf),
			Applicant: programs.Applicant{Cooperative: &c, Project: project("300000", "120000", "0")}})
		require.NoError(t, err)
		return dec
	}
	dec := decide("2025-04-14")
	assert.Equal(t, programs.Eligible, dec.Outcome, dec.Explain(coop.EN))
	assert.Equal(t, "180000.00", coop.FormatMAD(dec.Grant.Decimal))
	r, _ := dec.Criterion("young-members")
	assert.Equal(t, []coop.Param{{Name: "youth_min_age", Value: "18", Since: d("2025-03-01")},
		{Name: "max_age", Value: "40", Since: d("2025-03-01"), Unconfirmed: true, Note: "the call says young"}}, r.Params)
	assert.Equal(t, "150000.00", coop.FormatMAD(decide("2025-04-15").Grant.Decimal))
	assert.Equal(t, cat.Version(), dec.Catalogue)
}

func TestLoadPrograms_Refused(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // a change to provincialDoc
		want     string // one problem of the error, as it prints
	}{
		{"UnknownKind", "kind: province", "kind: provinces",
			`ifrane.yaml:12: programs[0].criteria[1].kind: unknown criterion kind "provinces"`},
		{"ParameterNotRead", "          quota: 30", "          quota: 30\n          sectors: [agriculture]",
			`ifrane.yaml:34: programs[0].calls[0].parameters.sectors: no criterion of ifrane-agri reads "sectors"`},
		{"ParameterOfWrongKind", "youth_min_age: 18", "youth_min_age: \"0.5\"",
			`ifrane.yaml:27: programs[0].calls[0].parameters.youth_min_age: expected a whole number, not "0.5"`},
		{"ListForANumber", "youth_min_age: 18", "youth_min_age: [18]",
			`ifrane.yaml:27: programs[0].calls[0].parameters.youth_min_age: expected a whole number`},
		{"TwoProgrammesOneID", "", "  - id: ifrane-agri\n    names: {fr: Doublon}\n    accepts: [cooperative]\n    reference: x\n",
			`ifrane.yaml:34: programs[1].id: programme "ifrane-agri" already appears at ifrane.yaml:2`},
		{"BuiltInID", "id: ifrane-agri\n", "id: mourafaka\n",
			`ifrane.yaml:2: programs[0].id: programme "mourafaka" is already in the catalogue`},
		{"UnknownKey", "    operator:", "    operateur: x\n    operator:",
			`ifrane.yaml:4: programs[0].operateur: unknown key "operateur"`},
		{"UnknownRole", "params: {min_age: youth_min_age}", "params: {youngest: youth_min_age}",
			`ifrane.yaml:16: programs[0].criteria[2].params.youngest: criterion "young-members" has no parameter role "youngest" (roles: min_age, max_age)`},
		{"KindWithoutID", "        id: young-members\n", "",
			`ifrane.yaml:14: programs[0].criteria[2].id: a criterion of kind members-aged names its own ID`},
		{"DeclaredWithoutFact", "fact: women-led, ", "",
			`ifrane.yaml:18: programs[0].criteria[3].fact: a criterion of kind declared names the declared fact it reads`},
		{"TwoCriteriaOneID", "id: women-led, fact", "id: young-members, fact",
			`ifrane.yaml:18: programs[0].criteria[3].id: criterion "young-members" already appears as criteria[2]`},
		{"UnknownGrant", "grant: {kind: rate-cap}", "grant: {kind: lump-sum}",
			`ifrane.yaml:19: programs[0].grant.kind: unknown grant kind "lump-sum"`},
		{"InformationalOfUnknownKind", "informational: {quota: int}", "informational: {quota: number}",
			`ifrane.yaml:7: programs[0].informational.quota: "number" is not a kind of value`},
		{"UnconfirmedWithoutNote", ", note: the call says young", "",
			`ifrane.yaml:28: programs[0].calls[0].parameters.max_age.note: an unconfirmed value needs a note`},
		{"DatesOutOfOrder", "since: 2025-04-15", "since: 2025-02-15",
			`ifrane.yaml:32: programs[0].calls[0].parameters.grant_cap[1].since: values must be in date order`},
		{"BadDate", "opens: 2025-03-01", "opens: 2025-02-30",
			`ifrane.yaml:22: programs[0].calls[0].opens: "2025-02-30" is not a calendar date`},
		{"UnknownProvince", "provinces: [MA-IFR]", "provinces: [MA-IFX]",
			`ifrane.yaml:26: programs[0].calls[0].parameters.provinces: "MA-IFX" is not a province code`},
		{"UnknownApplicantKind", "accepts: [cooperative]", "accepts: [ngo]",
			`ifrane.yaml:5: programs[0].accepts[0]: "ngo" is not a kind of applicant`},
		{"NoFrenchName", "names: {fr: Appui aux coopératives agricoles d'Ifrane, ar:", "names: {ar:",
			`ifrane.yaml:3: programs[0].names.fr: the programme's official French name is required`},
		{"NotYAML", "criteria:", "criteria: [",
			`ifrane.yaml:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := provincialDoc + tt.new
			if tt.old != "" {
				require.Contains(t, provincialDoc, tt.old)
				doc = strings.Replace(provincialDoc, tt.old, tt.new, 1)
			}
			cat := programs.Default()
			before := cat.Version()
			err := cat.LoadPrograms("ifrane.yaml", strings.NewReader(doc))
			require.ErrorIs(t, err, coop.ErrInvalid)
			assert.Contains(t, err.Error(), tt.want)
			var e *coop.Error
			require.ErrorAs(t, err, &e)
			for _, f := range e.Fields {
				assert.True(t, strings.HasPrefix(f.Source, "ifrane.yaml:"), "every problem is located: %+v", f)
			}
			assert.Equal(t, before, cat.Version(), "a refused file changes nothing")
			_, added := cat.Program("ifrane-agri")
			assert.False(t, added)
		})
	}
}

// TestLoadPrograms_EveryProblemInOnePass: the problems of a programme file
// are reported together, each at its line: an unknown criterion kind does
// not hide a bad province, a date or a value of the wrong kind.
func TestLoadPrograms_EveryProblemInOnePass(t *testing.T) {
	doc := strings.NewReplacer("kind: province", "kind: provinces", "provinces: [MA-IFR]", "provinces: [MA-IFX]",
		"opens: 2025-03-01", "opens: 2025-02-30", "youth_min_age: 18", "youth_min_age: \"0.5\"").Replace(provincialDoc)
	err := programs.Default().LoadPrograms("ifrane.yaml", strings.NewReader(doc))
	var e *coop.Error
	require.ErrorAs(t, err, &e)
	var got []string
	for _, f := range e.Fields {
		got = append(got, f.Source+" "+f.Field)
	}
	assert.Equal(t, []string{
		"ifrane.yaml:12 programs[0].criteria[1].kind",
		"ifrane.yaml:22 programs[0].calls[0].opens",
		"ifrane.yaml:26 programs[0].calls[0].parameters.provinces",
		"ifrane.yaml:27 programs[0].calls[0].parameters.youth_min_age",
	}, got)
}

// TestLoadPrograms_BuiltIn reads the embedded catalogue file as a user's
// file would be read: it holds the eight built-in programmes, and loading
// it into a catalogue that has them is refused whole.
func TestLoadPrograms_BuiltIn(t *testing.T) {
	b, err := os.ReadFile("catalogue.yaml")
	require.NoError(t, err)
	cat := programs.Default()
	err = cat.LoadPrograms("catalogue.yaml", strings.NewReader(string(b)))
	require.ErrorIs(t, err, coop.ErrInvalid)
	var e *coop.Error
	require.ErrorAs(t, err, &e)
	assert.Len(t, e.Fields, 10, "each of the ten programmes is already in the catalogue")
	assert.Contains(t, err.Error(), `catalogue.yaml:9: programs[0].id: programme "mourafaka" is already in the catalogue`)
}

// TestLoadPrograms_SyntaxErrorAt: a YAML syntax error is reported at its
// line and column, a flow mapping or list left open at its bracket.
func TestLoadPrograms_SyntaxErrorAt(t *testing.T) {
	tests := []struct {
		name, doc, source, message string
	}{
		{"UnclosedBrace", "programs:\n  - id: x\n    names: {fr: \"a\", ar: b\n    accepts: [cooperative]\n",
			"p.yaml:3:12", `the "{" opened here is not closed: "}" expected by line 4, column 5`},
		{"UnclosedBracket", "programs:\n  - id: x\n    accepts: [cooperative\n    reference: r\n",
			"p.yaml:3:14", `the "[" opened here is not closed: "]" expected by line 4, column 5`},
		{"BadIndent", "programs:\n  - id: x\n    names: {fr: a}\n   accepts: [cooperative]\n",
			"p.yaml:4:4", "value is not allowed in this context"},
		{"UnclosedQuote", "programs:\n  - id: x\n    reference: \"r\n",
			"p.yaml:3:16", "could not find end character of double-quoted text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := programs.Default().LoadPrograms("p.yaml", strings.NewReader(tt.doc))
			var e *coop.Error
			require.ErrorAs(t, err, &e)
			require.Len(t, e.Fields, 1)
			assert.Equal(t, tt.source, e.Fields[0].Source)
			assert.Equal(t, tt.message, e.Fields[0].Message)
			assert.Equal(t, "yaml", e.Fields[0].Rule)
		})
	}
}
