// Package fan spreads the elements of a sequence over worker goroutines, in
// chunks reused from one batch to the next. Screening a registry against the
// programmes and computing the national statistics both use it to work on
// all cores while reading the registry once, in order, on the caller's
// goroutine.
package fan
