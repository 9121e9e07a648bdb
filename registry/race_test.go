//go:build race

package registry_test

// raceDetector is set when the tests run with the race detector, which
// multiplies the cost of reading and writing workbooks by about ten.
const raceDetector = true
