package programs_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// combinators is a programme whose three criteria join two declared facts
// of a person, a and b, each way.
const combinators = `
programs:
  - id: joined
    names: {fr: Critères joints, ar: معايير مركبة, en: Joined criteria}
    accepts: [person]
    reference: an illustrative programme
    facts:
      a: {fr: le fait A, ar: الواقعة أ, en: fact A}
      b: {fr: le fait B, ar: الواقعة ب, en: fact B}
    criteria:
      - kind: all-of
        id: both
        of: [{kind: declared, id: both-a, fact: a}, {kind: declared, id: both-b, fact: b}]
      - kind: any-of
        id: either
        of: [{kind: declared, id: either-a, fact: a}, {kind: declared, id: either-b, fact: b}]
      - kind: not
        id: not-a
        of: [{kind: declared, id: a, fact: a}]
    calls: [{id: joined-2024, names: {fr: Appel 2024, ar: دعوة 2024, en: Call 2024}, opens: 2024-01-01}]
`

// TestCombinators checks all-of, any-of and not over every pair of
// outcomes, three-valued (programs.md §1): an any-of with one pass passes
// whatever the unknowns, with no pass and an unknown it is unknown; an
// all-of with one failure fails whatever the unknowns; not keeps unknown.
// Each branch is reported under its combinator with its own reason.
func TestCombinators(t *testing.T) {
	cat := programs.Default()
	require.NoError(t, cat.LoadPrograms("joined.yaml", strings.NewReader(combinators)))
	type facts map[string]bool
	for _, tt := range []struct {
		name              string
		declared          facts
		both, either, not coop.Outcome
	}{
		{"both true", facts{"a": true, "b": true}, coop.Pass, coop.Pass, coop.Fail},
		{"a true, b false", facts{"a": true, "b": false}, coop.Fail, coop.Pass, coop.Fail},
		{"a true, b unknown", facts{"a": true}, coop.Unknown, coop.Pass, coop.Fail},
		{"a false, b true", facts{"a": false, "b": true}, coop.Fail, coop.Pass, coop.Pass},
		{"both false", facts{"a": false, "b": false}, coop.Fail, coop.Fail, coop.Pass},
		{"a false, b unknown", facts{"a": false}, coop.Fail, coop.Unknown, coop.Pass},
		{"a unknown, b true", facts{"b": true}, coop.Unknown, coop.Pass, coop.Unknown},
		{"a unknown, b false", facts{"b": false}, coop.Fail, coop.Unknown, coop.Unknown},
		{"both unknown", facts{}, coop.Unknown, coop.Unknown, coop.Unknown},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dec, err := cat.Evaluate(programs.Request{Program: "joined", AsOf: d("2024-06-01"),
				Applicant: programs.Applicant{Person: &programs.PersonFacts{Declared: tt.declared}}})
			require.NoError(t, err)
			for id, want := range map[string]coop.Outcome{"both": tt.both, "either": tt.either, "not-a": tt.not} {
				c, ok := dec.Criterion(id)
				require.True(t, ok, id)
				assert.Equal(t, want, c.Outcome, id)
				require.Len(t, c.Branches, map[string]int{"both": 2, "either": 2, "not-a": 1}[id], id)
				for _, b := range c.Branches {
					want := coop.Unknown
					if v, ok := tt.declared[map[string]string{"both-a": "a", "both-b": "b", "either-a": "a", "either-b": "b", "a": "a"}[b.ID]]; ok {
						want = map[bool]coop.Outcome{true: coop.Pass, false: coop.Fail}[v]
					}
					assert.Equal(t, want, b.Outcome, "%s/%s", id, b.ID)
					assert.NotEmpty(t, b.Reason.Text(coop.FR), "%s/%s", id, b.ID)
				}
			}
		})
	}
}

// TestCombinators_Refused checks what a programme file may not say of
// combinators and the criteria they join: every problem at its line.
func TestCombinators_Refused(t *testing.T) {
	for _, tt := range []struct {
		name, from, to, want string
	}{
		{"NotWithTwo", "of: [{kind: declared, id: a, fact: a}]", "of: [{kind: declared, id: a, fact: a}, {kind: declared, id: a2, fact: b}]",
			`joined.yaml:19: programs[0].criteria[2].of: not takes exactly one criterion, not 2`},
		{"CombinatorWithoutCriteria", "        of: [{kind: declared, id: a, fact: a}]", "        of: []",
			`programs[0].criteria[2].of: list under of the criteria not joins`},
		{"OfUnderAnotherKind", "      - kind: not\n        id: not-a\n", "      - kind: declared\n        fact: a\n        id: not-a\n",
			`programs[0].criteria[2].of: a criterion of kind declared joins no criteria`},
		{"BranchIDTaken", "id: either-b, fact: b", "id: both-a, fact: b",
			`programs[0].criteria[1].of[1].id: criterion "both-a" already appears as criteria[0].of[0]`},
		{"UnknownKindInBranch", "{kind: declared, id: both-b, fact: b}", "{kind: declarde, id: both-b, fact: b}",
			`joined.yaml:13: programs[0].criteria[0].of[1].kind: unknown criterion kind "declarde"`},
		{"UnnamedFactInBranch", "{kind: declared, id: either-b, fact: b}", "{kind: declared, id: either-b, fact: c}",
			`programs[0].criteria[1].of[1].fact: name the declared fact "c" under facts`},
		{"AcceptsOnAnotherKind", "{kind: declared, id: a, fact: a}", "{kind: declared, id: a, fact: a, accepts: [person]}",
			`programs[0].criteria[2].of[0].accepts: only a criterion of kind applicant-kind names the kinds of applicant it accepts`},
		{"AcceptsNotTaken", "{kind: declared, id: a, fact: a}", "{kind: applicant-kind, id: a, accepts: [vse]}",
			`programs[0].criteria[2].of[0].accepts[0]: "vse" is not a kind of applicant the programme accepts (person)`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(combinators, tt.from, tt.to, 1)
			require.NotEqual(t, combinators, src, "the replacement applies")
			err := programs.Default().LoadPrograms("joined.yaml", strings.NewReader(src))
			require.ErrorIs(t, err, coop.ErrInvalid)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
