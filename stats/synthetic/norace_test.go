//go:build !race

package synthetic_test

// raceDetector is set when the tests run with the race detector (see
// race_test.go).
const raceDetector = false
