//go:build race

package programs_test

// raceDetector is set when the tests run with the race detector, which
// multiplies the cost of each decision by about ten: the tests that decide
// every applicant of a large corpus sequentially take a part of it then,
// and the whole of it under go test ./... without the detector.
const raceDetector = true
