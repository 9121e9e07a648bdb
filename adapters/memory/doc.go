// Package memory is the embedded registry.Store: every cooperative, its
// journal and the name approvals held in memory.
//
// It is safe for concurrent use. Committed values are immutable snapshots:
// a write builds new ones and never changes what was stored, so a
// concurrent write never tears what a reader holds (registry.Store's
// Sharing section says what callers may do with them). A transaction
// (Write) holds the write lock while it runs, stages its writes, and
// applies them together when it returns nil, or drops them. Load checks a
// whole batch before storing any of it. It passes registrytest.Run like
// every other store.
//
// # A compact register
//
// Member registers are kept in columns: a member in 96 bytes (its
// enumerations as small numbers, its rare fields — a legal person's ICE, a
// member cooperative's ID, address, occupation, admission, withdrawal —
// out of line), a share movement in 24 (its amounts numbers in a table of
// the cooperative's distinct amounts, its counterparty out of line). The
// state an import journaled is the cooperative's state until it changes,
// and is kept once. The national registry (60,939 cooperatives, 764,000
// members) is held in about 195 MB, against 413 MB as coop values.
//
// A read gives back exactly the values written, marshalling to the same
// JSON byte for byte: Get, List and All rebuild each cooperative they
// return in new slices, which the caller owns; Snapshot rebuilds every
// register in the same two buffers, so a national snapshot allocates
// nothing per cooperative. A member whose values do not fit the columns
// (an enumeration outside its list, a number beyond 32 bits) is kept whole.
//
// Listings keep an index sorted by (registered_on, id), so a page costs a
// binary search and the matching scan, and All iterates in that order.
package memory
