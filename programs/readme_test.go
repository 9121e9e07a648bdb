package programs_test

import (
	"log"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

// TestREADMEQuotesExamples checks that the decisions the README quotes are
// what the code prints: the summary of "Eligibility in five lines" and the
// block of "Decisions in French and Arabic", produced by Example functions.
func TestREADMEQuotesExamples(t *testing.T) {
	raw, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	readme := string(raw)

	_, block, ok := strings.Cut(readme, "From `ExampleDecision_Explain`")
	require.True(t, ok, "the README quotes ExampleDecision_Explain")
	_, block, _ = strings.Cut(block, "```\n")
	block, _, _ = strings.Cut(block, "```")
	assert.Equal(t, explainDemo(), block, "the README's decisions are ExampleDecision_Explain's output")

	dec := fiveLines()
	for _, lang := range []coop.Lang{coop.FR, coop.EN} {
		line := "fmt.Println(dec.Summary(coop." + strings.ToUpper(string(lang)) + "))"
		i := strings.Index(readme, line)
		require.GreaterOrEqual(t, i, 0, line)
		comment, _, _ := strings.Cut(readme[i+len(line):], "\n")
		assert.Equal(t, "// "+dec.Summary(lang), strings.TrimSpace(comment), line)
	}
}

// fiveLines is the decision of the README's "Eligibility in five lines":
// the cooperative of ExampleCatalogue_Evaluate.
func fiveLines() programs.Decision {
	seven := 7
	c := coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		RegisteredOn: coop.MustParseDate("2022-04-06"), Province: "MA-HAO", MemberCount: &seven}
	dec, err := programs.Default().Evaluate(programs.Request{Program: "mourafaka", AsOf: coop.MustParseDate("2024-01-15"),
		Applicant: programs.Applicant{Cooperative: &c}})
	if err != nil {
		log.Fatal(err)
	}
	return dec
}
