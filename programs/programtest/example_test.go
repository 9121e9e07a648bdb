package programtest_test

import (
	"fmt"
	"log"

	"github.com/taawun/taawun/programs/programtest"
)

// A tool or a CI job reports on a case file without a testing.T; in a
// test, programtest.RunFile(t, path) runs each case as a subtest.
func ExampleRunner_CheckFile() {
	results, err := programtest.Runner{}.CheckFile("../../examples/eligibility/cases.yaml")
	if err != nil {
		log.Fatal(err)
	}
	passed := 0
	for i := range results {
		if results[i].Passed() {
			passed++
		} else {
			fmt.Println(results[i].Report())
		}
	}
	fmt.Printf("%d of %d cases give what they expect\n", passed, len(results))
	// Output:
	// 4 of 4 cases give what they expect
}
