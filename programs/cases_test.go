package programs_test

import (
	"testing"

	"github.com/taawun/taawun/programs/programtest"
)

func TestCaseFiles(t *testing.T) { programtest.RunDir(t, "testdata") }
