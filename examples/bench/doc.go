// Package bench measures Taawun at national scale against the tools its
// users would otherwise pick: the same eligibility criteria written as
// cel-go and expr-lang expressions, and the national statistics written as
// SQL GROUP BY over the registry loaded in PostgreSQL.
//
// It is a separate module so that the library's dependencies stay lean:
// cel-go and expr are needed here only. The benchmarks are in bench_test.go;
// README.md says how to run them and gives the latest figures. The tests of
// this package check that the peers compute the same thing as Taawun before
// anyone compares their speed.
package bench
