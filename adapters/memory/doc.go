// Package memory is the embedded registry.Store: every cooperative, its
// journal and the name approvals held in memory.
//
// It is safe for concurrent use. Committed values are immutable snapshots:
// a write builds new ones and never changes what was stored, so readers
// share them without copies and a concurrent write never tears what a
// reader holds (registry.Store's Sharing section says what callers may do
// with them). A transaction (Write) holds the write lock while it runs,
// stages its writes, and applies them together when it returns nil, or
// drops them. Load checks a whole batch before storing any of it. It
// passes registrytest.Run like every other store.
//
// Listings keep an index sorted by (registered_on, id), so a page costs a
// binary search and the matching scan, and All iterates in that order.
package memory
