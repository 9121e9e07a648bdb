package programs_test

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/programs"
)

var update = flag.Bool("update", false, "write CATALOGUE.md from the built-in catalogue")

// TestReference keeps CATALOGUE.md equal to the built-in catalogue's
// reference: a change to catalogue.yaml that is not written there fails.
func TestReference(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, programs.Default().WriteReference(&b))
	if *update {
		require.NoError(t, os.WriteFile("CATALOGUE.md", b.Bytes(), 0o644))
	}
	want, err := os.ReadFile("CATALOGUE.md")
	require.NoError(t, err)
	require.Equal(t, string(want), b.String(), "CATALOGUE.md is stale: go test ./programs -run TestReference -update")
}
