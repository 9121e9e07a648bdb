package registry

import (
	"context"
	"iter"
	"time"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// Store keeps cooperatives, their journals and name approvals. It is the
// driver beneath Registry: it stores what it is given and guards what only
// storage can guard atomically (unique IDs, registration numbers and name
// keys, sequences, versions); every rule of the law lives in Registry.
//
// Implementations are safe for concurrent use, never alias the caller's
// memory (values go in and come out as copies), return coop errors with the
// codes below, return ctx.Err() unwrapped when the context is done, and
// behave identically: registrytest.Run checks them all.
type Store interface {
	// Get returns the cooperative with the given ID, or NotFound.
	Get(ctx context.Context, id uuid.UUID) (coop.Cooperative, error)
	// GetByNumber returns the cooperative with the given registration
	// number, or NotFound.
	GetByNumber(ctx context.Context, number string) (coop.Cooperative, error)
	// List returns a page of the cooperatives matching f, in the order of
	// (registered_on, id), with the total number matching.
	List(ctx context.Context, f Filter) (Page, error)
	// All iterates the whole registry in the order of (registered_on, id),
	// without holding it all in memory where the store can avoid it. The
	// iteration stops at the first error, which it yields.
	All(ctx context.Context) iter.Seq2[coop.Cooperative, error]

	// Create stores a new cooperative at version 1 with its first journal
	// entry (sequence 1). When c.RegistrationNumber is empty, Create assigns
	// the next sequence of (c.Court, year of c.RegisteredOn), restarting at 1
	// each year, and sets the number to number(seq). When c.ApprovalID is set,
	// the approval is marked used in the same step. Conflict when the ID, the
	// registration number or the approval's name is already taken.
	Create(ctx context.Context, c coop.Cooperative, first Entry, number func(seq int) string) (coop.Cooperative, error)
	// Update reads the cooperative, calls fn on a copy and, if fn returns no
	// error, stores the copy at the next version with the entry fn returned
	// appended to the journal (its sequence assigned by the store), all in
	// one atomic step. When expect is not 0 and the stored version differs,
	// Update returns Conflict without calling fn. An error from fn changes
	// nothing and is returned as is. NotFound when there is no such
	// cooperative.
	Update(ctx context.Context, id uuid.UUID, expect int64, fn func(*coop.Cooperative) (Entry, error)) (coop.Cooperative, error)
	// Journal returns the cooperative's journal in sequence order, or
	// NotFound.
	Journal(ctx context.Context, id uuid.UUID) ([]Entry, error)

	// CreateApproval stores a new name approval. When its status holds the
	// name (approved or used), its NameKey must be free: Conflict otherwise,
	// with the holder's name in the message.
	CreateApproval(ctx context.Context, a NameApproval) error
	// GetApproval returns the approval with the given ID, or NotFound.
	GetApproval(ctx context.Context, id uuid.UUID) (NameApproval, error)
	// ApprovalHolding returns the approval that holds the name key (status
	// approved or used), or NotFound.
	ApprovalHolding(ctx context.Context, key string) (NameApproval, error)
	// UpdateApproval is Update for approvals: fn changes a copy, which is
	// stored at the next version if fn succeeds. A status that stops holding
	// the name (expired, refused) frees its key.
	UpdateApproval(ctx context.Context, id uuid.UUID, fn func(*NameApproval) error) (NameApproval, error)
}

// Filter selects cooperatives. Its fields are ANDed; a zero field means
// "any".
type Filter struct {
	Kind       coop.Kind         `json:"kind,omitempty"`
	Region     coop.RegionCode   `json:"region,omitempty"`
	Province   coop.ProvinceCode `json:"province,omitempty"`
	Delegation coop.DelegationID `json:"delegation,omitempty"`
	Sector     coop.Sector       `json:"sector,omitempty"`
	Status     coop.Status       `json:"status,omitempty"`
	// RegisteredFrom and RegisteredTo bound the registration date, both
	// inclusive.
	RegisteredFrom coop.Date `json:"registered_from,omitzero"`
	RegisteredTo   coop.Date `json:"registered_to,omitzero"`
	// Name matches cooperatives whose name contains it, ignoring case,
	// accents and punctuation.
	Name string `json:"name,omitempty"`
	// Limit is the page size: 1 to MaxLimit, 0 meaning DefaultLimit.
	Limit int `json:"limit,omitempty"`
	// Cursor continues a listing after the last item of a previous page
	// (Page.Next); empty starts at the beginning.
	Cursor string `json:"cursor,omitempty"`
}

// Page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

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
	// Seq is the entry's number in the cooperative's journal, from 1.
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
	Name string   `json:"name"`
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

// Clone returns a deep copy of the entry.
func (e Entry) Clone() Entry {
	out := e
	ch := &out.Change
	if ch.State != nil {
		s := ch.State.Clone()
		ch.State = &s
	}
	if ch.Member != nil {
		cc := coop.Cooperative{Members: []coop.Member{*ch.Member}}
		m := cc.Clone().Members[0]
		ch.Member = &m
	}
	if ch.Movement != nil {
		mv := *ch.Movement
		ch.Movement = &mv
	}
	if ch.Withdrawal != nil {
		w := *ch.Withdrawal
		ch.Withdrawal = &w
	}
	if ch.Assembly != nil {
		a := *ch.Assembly
		a.Resolutions = append([]coop.Resolution(nil), a.Resolutions...)
		ch.Assembly = &a
	}
	ch.Officers = append([]coop.Officer(nil), ch.Officers...)
	if ch.Auditor != nil {
		a := *ch.Auditor
		ch.Auditor = &a
	}
	if ch.Statutes != nil {
		st := *ch.Statutes
		ch.Statutes = &st
	}
	if ch.Support != nil {
		s := coopClone(func(x *coop.Cooperative) { x.Supports = []coop.Support{*ch.Support} }).Supports[0]
		ch.Support = &s
	}
	if ch.Selection != nil {
		s := *ch.Selection
		ch.Selection = &s
	}
	if ch.Label != nil {
		l := coopClone(func(x *coop.Cooperative) { x.Labels = []coop.Label{*ch.Label} }).Labels[0]
		ch.Label = &l
	}
	if ch.Grouping != nil {
		g := *ch.Grouping
		ch.Grouping = &g
	}
	return out
}

// Clone returns a deep copy of the approval.
func (a NameApproval) Clone() NameApproval {
	out := a
	out.Proposed = append([]string(nil), a.Proposed...)
	out.Signatories = append([]Signatory(nil), a.Signatories...)
	return out
}
