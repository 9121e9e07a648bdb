package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// TestExportImport runs the command's two halves as the README shows them:
// the Meknès delegation out to a file, and the file into an empty registry;
// then the same file with a row broken is refused at that row.
func TestExportImport(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "meknes.csv")
	require.NoError(t, exportRegister(ctx, file, "meknes", coop.MustParseDate("2024-12-31"), registry.RFC4180))
	require.NoError(t, importRegister(ctx, file))

	b, err := os.ReadFile(file)
	require.NoError(t, err)
	lines := strings.Split(string(b), "\n")
	lines[3] = strings.Replace(lines[3], ",MA-", ",XX-", 1)
	bad := filepath.Join(t.TempDir(), "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o644))
	err = importRegister(ctx, bad)
	var e *coop.Error
	require.ErrorAs(t, err, &e)
	require.NotEmpty(t, e.Fields)
	assert.Equal(t, bad+":4:13", e.Fields[0].Source)
	assert.Equal(t, "province", e.Fields[0].Field)
}
