package programs_test

import (
	"bytes"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
)

var update = flag.Bool("update", false, "write CATALOGUE.md from the built-in catalogue")

// TestReference keeps CATALOGUE.md, CATALOGUE.fr.md and CATALOGUE.ar.md
// equal to the built-in catalogue's reference in English, French and
// Arabic: a change to catalogue.yaml that is not written there fails. The
// French and Arabic ones hold no English outside code.
func TestReference(t *testing.T) {
	for _, tt := range []struct {
		lang coop.Lang
		file string
	}{{coop.EN, "CATALOGUE.md"}, {coop.FR, "CATALOGUE.fr.md"}, {coop.AR, "CATALOGUE.ar.md"}} {
		var b bytes.Buffer
		require.NoError(t, programs.Default().WriteReferenceIn(&b, tt.lang))
		if *update {
			require.NoError(t, os.WriteFile(tt.file, b.Bytes(), 0o644))
		}
		want, err := os.ReadFile(tt.file)
		require.NoError(t, err)
		require.Equal(t, string(want), b.String(), "%s is stale: go test ./programs -run TestReference -update", tt.file)
		if tt.lang == coop.EN {
			continue
		}
		code := regexp.MustCompile("`[^`]*`|<a id=\"[^\"]*\"></a>|\\(#[^)]*\\)")
		var frNames []string
		for _, p := range programs.Default().Programs() {
			frNames = append(frNames, p.Names.FR)
		}
		for i, line := range strings.Split(b.String(), "\n") {
			prose := code.ReplaceAllString(line, "")
			if tt.lang == coop.AR {
				// Names of programmes and calls keep their French official
				// form beside the Arabic one; the prose is Arabic.
				for _, n := range frNames {
					prose = strings.ReplaceAll(prose, n, "")
				}
				assert.False(t, latin.MatchString(prose), "%s:%d: Latin letters in Arabic: %s", tt.file, i+1, line)
				continue
			}
			assert.Empty(t, signable(prose, tt.lang), "%s:%d: %s", tt.file, i+1, line)
		}
	}
}
