// Package stats computes the statistics ODCO delegations, the ministry and
// researchers publish, from the registry at any date: counts of
// cooperatives, unions and members by region, province, ODCO delegation,
// sector, status, year of registration, or any pair of these (sector x
// region); members by gender, young members, women-only cooperatives,
// average and median size, subscribed and paid capital; growth between two
// dates.
//
// Every function is pure: it reads an iter.Seq of cooperatives (the
// registry's iterator, or any slice) at an explicit date and returns plain
// values that marshal to JSON and write to CSV. The national report reads
// the registry's compact read model (NationalModel over coop/readmodel, on
// all cores); National builds one from the cooperatives first. A cooperative counts at a
// date when it is registered by then and not struck off; members count when
// they joined on or before the date and had not left.
//
// Percentages use the largest-remainder method, so every table sums to
// exactly 100 at the chosen number of decimals.
//
// The subpackage synthetic generates a national registry calibrated to the
// official figures, for tests, benchmarks and examples.
package stats
