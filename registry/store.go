package registry

import (
	"context"
	"encoding/json"
	"iter"
	"time"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// Store keeps cooperatives, their journals and name approvals. It is the
// driver beneath Registry: it stores what it is given, atomically, and
// guards what only storage can guard (unique IDs, registration numbers and
// held names). It holds no rule of the law and no rule of the registry:
// versions, identity fields, guards and every message a user reads are
// Registry's. registrytest.Run checks that every Store behaves alike.
//
// # Sharing
//
// A value a Store returns may share memory with the store and with other
// readers: it is an immutable snapshot, and the caller must not modify it
// or anything reachable from it (Clone a cooperative to change it). A value
// given to a Store becomes the store's: the caller never modifies it
// afterwards. A store may therefore keep what it is given and hand the same
// value to every reader, and a write that replaces a cooperative never
// changes what a reader already holds.
//
// # Errors
//
// Stores return *coop.Error: NotFound for what does not exist, Conflict
// (made with Taken) when a unique ID, registration number or held name is
// already taken, Unavailable when the storage cannot be reached, Internal
// otherwise, and ctx.Err() unwrapped when the context is done. An error
// changes nothing.
type Store interface {
	// Get returns the cooperative with the given ID, or NotFound.
	Get(ctx context.Context, id uuid.UUID) (coop.Cooperative, error)
	// GetByNumber returns the cooperative with the given registration
	// number, or NotFound.
	GetByNumber(ctx context.Context, number string) (coop.Cooperative, error)
	// List returns a page of the cooperatives matching f, in the order of
	// (registered_on, id), with the total number matching. f has been
	// checked by the registry; its Limit is 1 to MaxLimit.
	List(ctx context.Context, f Filter) (Page, error)
	// All iterates the whole registry in the order of (registered_on, id),
	// without holding it all in memory where the store can avoid it. The
	// iteration stops at the first error, which it yields.
	All(ctx context.Context) iter.Seq2[coop.Cooperative, error]
	// Journal returns the cooperative's journal in sequence order, or
	// NotFound.
	Journal(ctx context.Context, id uuid.UUID) ([]Entry, error)
	// GetApproval returns the approval with the given ID, or NotFound.
	GetApproval(ctx context.Context, id uuid.UUID) (NameApproval, error)
	// ApprovalHolding returns the approval that holds the name key (status
	// approved or used), or NotFound.
	ApprovalHolding(ctx context.Context, key string) (NameApproval, error)

	// Write runs fn in one transaction. What fn does through the Tx is
	// committed together when fn returns nil, and none of it when fn
	// returns an error, which Write then returns as it is. Writes to several
	// cooperatives, their journals and approvals commit together or not at
	// all. fn reaches the store only through the Tx: the store may hold
	// locks while fn runs. A store may run fn more than once when its
	// storage asks for a transaction to be retried; fn must then have no
	// effect outside the Tx.
	Write(ctx context.Context, fn func(Tx) error) error

	// Load stores many new cooperatives at once, each with its name
	// approval and its first journal entry, as prepared by the registry:
	// all of them, or none when any record, or the sequence itself, yields
	// an error or clashes (Taken) with what is stored or with another
	// record. It returns how many it stored. Records are read once, in
	// order; a store should not hold them all in memory where it can avoid
	// it. A load is one commit (see Position).
	Load(ctx context.Context, records iter.Seq2[Record, error]) (int, error)

	// Position returns the position of the last commit that changed a
	// cooperative, 0 before the first. Every Write that puts or creates a
	// cooperative, and every Load, is one commit; positions grow by one in
	// the order the commits are made, by every process that shares the
	// store, so that two readers at one position see the same
	// cooperatives.
	Position(ctx context.Context) (uint64, error)
	// Changed returns, as of one snapshot, the position of the snapshot's
	// last commit and the state of every cooperative that a commit after
	// position after changed, each once. It returns Gone instead when the
	// store no longer knows what changed after that position (it forgets
	// old commits), when more than limit cooperatives changed, or when
	// after is beyond its last commit: the caller then reads everything
	// again (Snapshot).
	Changed(ctx context.Context, after uint64, limit int) (ChangeSet, error)
	// Snapshot calls add with every cooperative, as of one snapshot, and
	// returns the position of that snapshot's last commit. It stops at the
	// first error add returns, which it returns. The cooperatives add sees
	// must carry at least what the read model reads (readmodel.Builder.Add
	// lists it); a store may leave the rest out, so as to stream its
	// tables rather than read each cooperative whole. add must not keep
	// what it is given.
	Snapshot(ctx context.Context, add func(*coop.Cooperative) error) (uint64, error)
}

// MemberWriter is implemented by a change that writes only the members it
// names, adding those it names that were not in the register at its end:
// every other member keeps its place and stays as it was, share account
// and all. The registry then copies the member register only when the
// change rewrites a member already in it (an admission appends to a
// register it shares), and a store compares and writes only the members
// named. A change that does not implement it may write any member.
type MemberWriter interface {
	Change
	// WritesMembers returns the IDs of the members the change writes or
	// adds.
	WritesMembers() []uuid.UUID
}

// ChangeSet is what Store.Changed returns.
type ChangeSet struct {
	// Position is the position of the last commit of the snapshot read.
	Position uint64
	// Cooperatives are the states, as of Position, of the cooperatives
	// changed after the position asked.
	Cooperatives []coop.Cooperative
	// Gone is set when the store cannot tell what changed: read everything
	// again.
	Gone bool
}

// A Notifier is a Store that several processes may write: a process learns
// of another's commits by waiting for them. The PostgreSQL store is one,
// and so is the memory store for registries that share it in one process.
type Notifier interface {
	// WaitCommit returns nil once the store's position may be beyond
	// after, or ctx's error when ctx is done first. It may return early,
	// without a new commit (the caller then waits again), and returns at
	// the latest after a polling interval of the store's, so that a lost
	// notification delays a reader by that interval at most. It returns
	// another error when the store cannot be reached.
	WaitCommit(ctx context.Context, after uint64) error
}

// A Pinger is a Store that can tell whether its storage answers.
type Pinger interface {
	// Ping returns nil when the storage answers, Unavailable otherwise.
	Ping(ctx context.Context) error
}

// Tx is a transaction of a Store, valid only during the Write that made
// it. Its reads see its own writes.
type Tx interface {
	// Lock reads the cooperatives with the given IDs and keeps other
	// transactions from writing them until this one ends. It returns them in
	// the order asked, or NotFound when one does not exist. Whatever the
	// order asked, a store takes its locks in one fixed order, so that two
	// transactions never wait for each other.
	Lock(ids ...uuid.UUID) ([]coop.Cooperative, error)
	// Put stores c, which the transaction locked, as its new state, and
	// appends e to its journal. The registry gives c its next version and e
	// the same number as its sequence.
	Put(c coop.Cooperative, e Entry) error
	// Create stores a new cooperative with its first journal entry.
	// Taken("id") or Taken("registration_number") on a clash.
	Create(c coop.Cooperative, first Entry) error
	// Sequence advances the counter of registration numbers of a court and
	// year and returns its new value, from 1.
	Sequence(court string, year int) (int, error)
	// NumberTaken reports whether a cooperative holds the registration
	// number.
	NumberTaken(number string) (bool, error)

	// LockApproval reads an approval and keeps other transactions from
	// writing it until this one ends; NotFound when it does not exist.
	LockApproval(id uuid.UUID) (NameApproval, error)
	// ApprovalHolding is Store.ApprovalHolding inside the transaction,
	// locking the approval it returns.
	ApprovalHolding(key string) (NameApproval, error)
	// PutApproval stores a new approval or a new state of one. Taken("name")
	// when its status holds the name and another approval holds the key.
	PutApproval(a NameApproval) error

	// Key returns the idempotency record under key, locked until the
	// transaction ends, or NotFound.
	Key(key string) (KeyRecord, error)
	// AddKey stores a new idempotency record; Taken("key") when one is
	// stored under its key.
	AddKey(k KeyRecord) error
	// PutKey replaces the idempotency record under k's key.
	PutKey(k KeyRecord) error
	// DeleteKey removes the idempotency record under key, if any.
	DeleteKey(key string) error
	// PurgeKeys removes the idempotency records whose Until is before t
	// and returns how many it removed.
	PurgeKeys(t time.Time) (int, error)
}

// Record is a cooperative prepared by the registry for Store.Load: the
// cooperative at version 1, the name approval it holds (status used) and
// its first journal entry.
type Record struct {
	Cooperative coop.Cooperative
	Approval    NameApproval
	First       Entry
}

// Taken returns the Conflict a store reports when a unique value is
// already taken: field is "id", "registration_number", "approval_id" or
// "name" (a name held by another approval). The registry turns it into a
// message that names the holder where it can.
func Taken(field string) *coop.Error {
	return &coop.Error{Code: coop.Conflict, Message: takenMessages[field],
		Fields: []coop.FieldError{{Field: field, Rule: "unique", Message: "already taken"}}}
}

var takenMessages = map[string]string{
	"id":                  "the ID is already taken",
	"registration_number": "the registration number is already taken",
	"approval_id":         "the name approval is already used",
	"name":                "the name is already held",
	"key":                 "the idempotency key is already taken",
}

// NotFound returns the NotFound error a store reports for a cooperative,
// an approval or a registration number it does not hold, what naming it
// ("cooperative 6f1c…").
func NotFound(what string) *coop.Error {
	return &coop.Error{Code: coop.NotFound, Message: what + " not found"}
}

// Filter selects cooperatives. Its fields are ANDed; a zero field means
// "any".
type Filter struct {
	Kind       coop.Kind         `json:"kind,omitempty" validate:"omitempty,enum"`
	Region     coop.RegionCode   `json:"region,omitempty" validate:"omitempty,region"`
	Province   coop.ProvinceCode `json:"province,omitempty" validate:"omitempty,province"`
	Delegation coop.DelegationID `json:"delegation,omitempty" validate:"omitempty,delegation"`
	Sector     coop.Sector       `json:"sector,omitempty" validate:"omitempty,sector"`
	Status     coop.Status       `json:"status,omitempty" validate:"omitempty,enum"`
	// RegisteredFrom and RegisteredTo bound the registration date, both
	// inclusive.
	RegisteredFrom coop.Date `json:"registered_from,omitzero" validate:"date-range"`
	RegisteredTo   coop.Date `json:"registered_to,omitzero" validate:"date-range"`
	// Name matches cooperatives whose name contains it, ignoring case,
	// accents and punctuation.
	Name string `json:"name,omitempty" validate:"text"`
	// Limit is the page size: 1 to MaxLimit, 0 meaning DefaultLimit.
	Limit int `json:"limit,omitempty" validate:"int-range"`
	// Cursor continues a listing after the last item of a previous page
	// (Page.Next); empty starts at the beginning.
	Cursor string `json:"cursor,omitempty" validate:"text"`
}

// Page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// MarshalJSON writes the page with its items as an array, empty or not.
func (p Page) MarshalJSON() ([]byte, error) {
	type plain Page // the fields, without this method
	if p.Items == nil {
		p.Items = []coop.Cooperative{}
	}
	return json.Marshal(plain(p))
}

// Page is a page of a listing.
type Page struct {
	Items []coop.Cooperative `json:"items"`
	// Total is the number of cooperatives matching the filter, on every
	// page.
	Total int `json:"total"`
	// Next continues the listing; empty on the last page.
	Next string `json:"next,omitempty"`
}

// EntryKind is the kind of an entry of the local register (art. 10).
type EntryKind string

// The kinds of entry.
const (
	// EntryRegistration is the first registration (arts. 9, 11).
	EntryRegistration EntryKind = "registration"
	// EntryModification is a modifying entry (art. 12).
	EntryModification EntryKind = "modification"
	// EntryRemoval is the removal from the register (art. 13).
	EntryRemoval EntryKind = "removal"
)

// Entry is an entry of a cooperative's chronological journal: what changed,
// when it took effect and when it was recorded.
type Entry struct {
	// Seq is the entry's number in the cooperative's journal, from 1: the
	// version the entry made.
	Seq  int       `json:"seq"`
	Kind EntryKind `json:"kind"`
	// Effective is the date the change took effect.
	Effective coop.Date `json:"effective"`
	// Recorded is when the registry recorded the entry (UTC, microseconds).
	Recorded time.Time `json:"recorded"`
	// Late is set on a modifying entry recorded more than 30 days after the
	// change (art. 12).
	Late bool `json:"late,omitempty"`
	// Change is what changed, replayable by StateAt.
	Change Change `json:"change"`
}

// ApprovalStatus is where a name approval stands.
type ApprovalStatus string

// The statuses of a name approval. Approved and used approvals hold their
// name.
const (
	ApprovalApproved ApprovalStatus = "approved"
	ApprovalUsed     ApprovalStatus = "used"
	ApprovalExpired  ApprovalStatus = "expired"
	ApprovalRefused  ApprovalStatus = "refused"
)

// HoldsName reports whether an approval in status s keeps its name from
// others.
func (s ApprovalStatus) HoldsName() bool { return s == ApprovalApproved || s == ApprovalUsed }

// Signatory is a signatory of a name request (D 3).
type Signatory struct {
	Name string   `json:"name,omitempty" validate:"text"`
	CIN  coop.CIN `json:"cin,omitzero"`
}

// NameApproval is ODCO's approval of a cooperative's name (art. 7, D 3-4):
// decided within 2 days, valid 60 days, renewable once for 60 days if asked
// within 7 days after expiry.
type NameApproval struct {
	ID      uuid.UUID `json:"id"`
	Version int64     `json:"version"`
	// Proposed are the names proposed, in order of preference (1 to 3).
	Proposed []string `json:"proposed"`
	// Name is the approved name; NameKey its normalised form, unique among
	// the approvals that hold their name.
	Name        string            `json:"name"`
	NameKey     string            `json:"name_key"`
	Status      ApprovalStatus    `json:"status"`
	Signatories []Signatory       `json:"signatories"`
	Province    coop.ProvinceCode `json:"province,omitempty"`
	RequestedOn coop.Date         `json:"requested_on"`
	DecidedOn   coop.Date         `json:"decided_on"`
	ValidUntil  coop.Date         `json:"valid_until"`
	Renewed     bool              `json:"renewed,omitempty"`
	// CooperativeID is the cooperative registered under the name.
	CooperativeID uuid.UUID `json:"cooperative_id,omitzero"`
}

// Clone returns a deep copy of the approval.
func (a NameApproval) Clone() NameApproval {
	out := a
	out.Proposed = append([]string(nil), a.Proposed...)
	out.Signatories = append([]Signatory(nil), a.Signatories...)
	return out
}

// Clone returns a deep copy of the entry.
func (e Entry) Clone() Entry {
	if e.Change != nil {
		e.Change = cloneChange(e.Change)
	}
	return e
}
