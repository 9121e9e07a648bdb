package main

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/stats/synthetic"
)

// TestScreen checks the screening by region against a screening that only
// counts: the regions' cooperatives and eligible ones add up to its
// counts, and each region with an ineligible cooperative quotes a reason
// in the language asked for. An unknown programme is refused.
func TestScreen(t *testing.T) {
	reg := synthetic.Generate(&synthetic.Options{Seed: 3, Cooperatives: 1500, Members: 18000})
	line := regexp.MustCompile(`(?m)^  \S.*?\s+(\d+) of\s+(\d+) eligible$`)
	for _, tc := range []struct {
		program string
		lang    coop.Lang
		says    string // a word of the reasons in lang
	}{
		{"mourafaka", coop.FR, "immatriculée"},
		{"mourafaka", coop.AR, "سنوات"},
		{"craft-casa-settat", coop.FR, "coopérative"},
	} {
		t.Run(fmt.Sprint(tc.program, "/", tc.lang), func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, screenTo(&out, reg, tc.program, tc.lang))
			rep, err := programs.Default().ScreenCooperatives(context.Background(), reg, programs.ScreenOptions{AsOf: synthetic.AsOf, Programs: []string{tc.program}})
			require.NoError(t, err)
			want, _ := rep.Counts(tc.program)
			eligible, screened := 0, 0
			for _, m := range line.FindAllStringSubmatch(out.String(), -1) {
				e, _ := strconv.Atoi(m[1])
				n, _ := strconv.Atoi(m[2])
				eligible, screened = eligible+e, screened+n
			}
			assert.Equal(t, len(reg), screened, out.String())
			assert.Equal(t, want.Eligible, eligible, out.String())
			assert.Contains(t, out.String(), fmt.Sprintf("%d of %d cooperatives eligible", want.Eligible, len(reg)))
			if want.Ineligible > 0 {
				assert.Contains(t, out.String(), tc.says)
			}
		})
	}
	assert.ErrorContains(t, screenTo(&bytes.Buffer{}, reg, "mourafka", coop.FR), `"mourafka"`)
}
