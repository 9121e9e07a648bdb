// Package memory is the embedded registry.Store: every cooperative, its
// journal and the name approvals held in memory.
//
// It is safe for concurrent use: one read-write lock guards the store, so
// each operation is atomic, and Update and UpdateApproval are atomic
// read-modify-writes. Values are deep-copied on the way in and on the way
// out: mutating what it returned never changes what it holds. It passes
// registrytest.Run like every other store.
//
// Listings keep an index sorted by (registered_on, id), so a page costs a
// binary search and the matching scan, and All iterates in that order.
package memory
