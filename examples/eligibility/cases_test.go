package main

import (
	"testing"

	"github.com/taawun/taawun/programs/programtest"
)

// TestExampleCases keeps the example case file true.
func TestExampleCases(t *testing.T) { programtest.RunFile(t, "cases.yaml") }
