// Package registry is the registry of Moroccan cooperatives: ODCO's
// central register and the courts' local registers (Law 112-12 arts. 9-13,
// Decree 2-15-617), as a service over a small Store.
//
// # Operations
//
// Registry owns every rule, and the Store (adapters/memory,
// adapters/postgres) only stores:
//
//   - name approval by ODCO (art. 7, D 3-4): at least 5 signatories, up to 3
//     proposed names, decided within 2 days, valid 60 days, renewable once
//     within 7 days after expiry; names unique after normalisation (NameKey);
//   - registration at a court (arts. 7-11): an approved name still valid, at
//     least 5 founders (3 cooperatives for a union), capital of at least
//     1000.00 in shares of at least 100.00, each cash share a quarter paid,
//     first officers; the registration number part/court/year/sequence, the
//     sequence restarting each 1 January (D 7);
//   - the member register (arts. 15-30): admission, subscriptions, payments,
//     withdrawal (art. 19: refused below 5 members or the capital floor,
//     silence for 20 days is acceptance), exclusion (art. 20: two thirds of
//     votes cast), transfers (art. 28), death or incapacity;
//   - governance and life: general assemblies with their quorum (art. 43),
//     board or managers (arts. 47-65), auditor (art. 72), statutes, seat,
//     turnover, dissolution, liquidation, striking off (art. 13);
//   - queries: by ID or registration number, filtered listings with stable
//     order and cursors, the whole registry as an iterator, a historical
//     register imported as it stands.
//
// # The journal
//
// Every change appends an Entry to the cooperative's journal, the law's
// chronological register: its sequence, kind (registration, modification,
// removal), effective and recorded dates, whether it was late (art. 12: more
// than 30 days), and the Change itself. StateAt replays the changes effective
// on or before a date, so the registry can say what it held at any past
// date, even when an entry was recorded late.
//
// # Errors and concurrency
//
// Every refusal is a *coop.Error with a code (Invalid for bad input,
// FailedPrecondition when the law or the state forbids it, NotFound,
// Conflict), a message citing the article and the fields concerned; it
// changes nothing. Each cooperative has a version: a write that names a
// stale version is a Conflict. A Registry is safe for concurrent use; it
// reads the clock only through Options.Now.
package registry
