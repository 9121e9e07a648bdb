//go:build race

package synthetic_test

// raceDetector is set when the tests run with the race detector, which
// multiplies the cost of generating the national registry by about ten.
const raceDetector = true
