// Package readmodel is the compact read model of a registry: what the
// eligibility rules and the statistics read of every cooperative, held in
// columns, derived from the registry and never a second source of truth. A
// member takes 20
// bytes (its dates as day numbers, gender and kind), a cooperative 48 (its
// dates, status, territory and sector as indexes, declared facts as bits),
// a share movement 24 (its amounts in integer centimes), instead of the
// 256 bytes of a coop.Member and the 592 of a coop.Cooperative, so that
// screening a national registry and counting it read a few tens of
// megabytes, in order, on all cores.
//
// A Model is derived from the registry and never a second source of truth:
// Build reads it from cooperatives, and registry.Registry.ReadModel keeps
// one for the registry's current state, rebuilt when a change has
// committed. It answers for any date as the cooperatives do.
package readmodel
