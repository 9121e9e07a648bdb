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
//   - support actions, programme selections, labels and approvals, and
//     groupings (unions, the National Federation, EIGs);
//   - queries: by ID or registration number, filtered listings with stable
//     order and cursors, the whole registry as an iterator, a historical
//     register imported as it stands, in bulk, all or nothing (Import).
//
// # The journal
//
// Every change appends an Entry to the cooperative's journal, the law's
// chronological register: its sequence, kind (registration, modification,
// removal), effective and recorded dates, whether it was late (art. 12: more
// than 30 days), and the Change itself. Each kind of change is a type of its
// own (MemberAdmitted, SharesPaid, BoardElected, ...), beside the verb that
// records it, with its own Apply; ChangeKinds lists them, EncodeChange and
// DecodeChange give their JSON. StateAt replays the changes effective on or
// before a date, so the registry can say what it held at any past date,
// even when an entry was recorded late.
//
// # Guards and transactions
//
// Each verb is one transaction of the Store: it locks the cooperatives it
// changes, checks the caller's guards on their current state, applies the
// rules, and stores the new states with their journal entries, all or
// nothing. A verb that changes two cooperatives (a union admitting a
// cooperative, a cooperative leaving a union, a union excluding one, a
// support action reaching several) commits every side or none. Guards are
// given after a verb's input:
//
//	reg.AdmitMember(ctx, id, in, registry.IfVersion(7), registry.Authorize(inScope))
//
// IfVersion is the version the caller read (an HTTP If-Match): a stale one
// is a Conflict on the field "version". Authorize is asked about every
// cooperative the verb changes, on the state it is about to change, so
// that no change of seat or of membership between a check and a write can
// slip past it. A refused guard changes nothing.
//
// # Snapshots
//
// The cooperatives and entries the registry returns, read or written, are
// immutable snapshots shared with the store and with every other reader: a
// later write builds new values and never changes them, so a reader never
// sees a half-made change. They must not be modified; Clone one to work on
// a copy. Reading the whole registry (All, Cooperatives) copies nothing.
//
// # Errors
//
// Every refusal is a *coop.Error with a code (Invalid for bad input,
// FailedPrecondition when the law or the state forbids it, NotFound,
// Conflict, Forbidden for a refused Authorize guard, Unavailable when the
// store cannot be reached), a message citing the article and the fields
// concerned; it changes nothing. A Registry is safe for concurrent use; it
// reads the clock only through Options.Now.
//
// # The register as CSV and as a workbook
//
// A delegation's register leaves and enters in one documented layout, one
// row per member with the cooperative's columns repeated (RegisterColumns).
// ExportCSV, Export and WriteRegister write the register at a date: the
// cooperatives registered by then, at their seat and in their status of
// that date, the members who counted then, their shares, capital
// subscribed and paid from the movements dated by then. Three dialects
// (Dialect) are written and read, told apart by the first bytes and the
// header line: RFC 4180 (commas, decimal point, dates YYYY-MM-DD), Excel in
// French locale (ExcelFR: semicolons, decimal comma, dates DD/MM/YYYY, a
// byte order mark, CRLF) and a workbook (XLSX: headers in French and
// Arabic, dates as dates, amounts as numbers). An export imported into an
// empty registry exports to the same bytes in each. No cell written holds
// a live spreadsheet formula (coop.NeutralizeCell).
//
// ImportRegister (and ImportCSV) reads a file once, as a stream, feeding
// the store's bulk load a cooperative at a time, and stores it whole or
// not at all. ReadRegister and the import report every problem of the file
// in one pass, "file:line:column" (or "file:sheet!cell") as each one's
// Source; a registration number the registry holds is a Conflict naming
// each at its line with the cooperative holding it.
//
// # Stores
//
// A Store only stores: it runs transactions (Write, with a Tx to lock,
// read and write), bulk loads (Load, which Import uses), and reads. The
// rules, versions, identity fields and messages are the registry's, so that
// every store behaves alike; registrytest.Run is the suite each passes.
package registry
