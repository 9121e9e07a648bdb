package registry

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// Import stores cooperatives from a historical register as they stand,
// keeping their registration numbers and dates: nothing is replayed. Each
// one's name is held as if approved and used, and its journal starts with
// one "imported" entry effective on its registration date. IDs missing on a
// cooperative or a member are assigned.
//
// Import is all or nothing: it stores every cooperative, or none when one
// is invalid (Invalid, naming it as "cooperatives[i]") or clashes with what
// is stored or with another one of the sequence (Conflict on its ID,
// registration number or name). It reads cs once, through the store's bulk
// load, and returns how many it stored.
func (r *Registry) Import(ctx context.Context, cs iter.Seq[coop.Cooperative]) (int, error) {
	const op = "registry.Import"
	recorded := r.recorded()
	records := func(yield func(Record, error) bool) {
		i := 0
		for c := range cs {
			rec, err := r.importRecord(op, c, i, recorded)
			if !yield(rec, err) || err != nil {
				return
			}
			i++
		}
	}
	n, err := r.store.Load(ctx, records)
	r.gen.Add(1)
	if err != nil {
		return 0, wrap(op, err)
	}
	return n, nil
}

// ImportOne imports one cooperative as Import does and returns it as
// stored.
func (r *Registry) ImportOne(ctx context.Context, c coop.Cooperative) (coop.Cooperative, error) {
	var stored coop.Cooperative
	_, err := r.Import(ctx, func(yield func(coop.Cooperative) bool) {
		if c.ID == uuid.Nil {
			c.ID = r.newID()
		}
		stored = c
		yield(c)
	})
	if err != nil {
		return coop.Cooperative{}, unindex(err)
	}
	return r.Get(ctx, stored.ID)
}

// importRecord checks and prepares the i-th cooperative of an import.
func (r *Registry) importRecord(op string, c coop.Cooperative, i int, recorded time.Time) (Record, error) {
	var fs coop.Fields
	if NameKey(c.Name) == "" {
		fs.Add("name", "required", "", "is required")
	}
	if strings.TrimSpace(c.RegistrationNumber) == "" {
		fs.Add("registration_number", "required", "", "is required")
	}
	if c.RegisteredOn.IsZero() {
		fs.Add("registered_on", "required", "", "is required")
	}
	fs.Merge("", coop.CheckInput(c))
	fs.Merge("", c.Validate())
	if err := fs.Err(op, "invalid cooperative"); err != nil {
		return Record{}, coop.AtField(fmt.Sprintf("cooperatives[%d]", i), err)
	}
	c = c.Clone()
	if c.ID == uuid.Nil {
		c.ID = r.newID()
	}
	for i := range c.Members {
		if c.Members[i].ID == uuid.Nil {
			c.Members[i].ID = r.newID()
		}
	}
	a := NameApproval{ID: r.newID(), Version: 1, Proposed: []string{c.Name}, Name: c.Name, NameKey: NameKey(c.Name),
		Status: ApprovalUsed, Province: c.Province, RequestedOn: c.RegisteredOn, DecidedOn: c.RegisteredOn, ValidUntil: c.RegisteredOn,
		CooperativeID: c.ID}
	c.ApprovalID, c.Version = a.ID, 1
	return Record{Cooperative: c, Approval: a,
		First: Entry{Seq: 1, Kind: EntryRegistration, Effective: c.RegisteredOn, Recorded: recorded, Change: Imported{State: c}}}, nil
}

// unindex removes the "cooperatives[0]." prefix of the field errors of a
// one-cooperative import.
func unindex(err error) error {
	var e *coop.Error
	if !errors.As(err, &e) {
		return err
	}
	out := *e
	out.Fields = make([]coop.FieldError, len(e.Fields))
	for i, f := range e.Fields {
		f.Field = strings.TrimPrefix(strings.TrimPrefix(f.Field, "cooperatives[0]"), ".")
		out.Fields[i] = f
	}
	return &out
}

// Imported is a cooperative taken from a historical register as it stood.
type Imported struct {
	State coop.Cooperative `json:"state"`
}

func init() { registerChange[Imported]() }

// Kind implements Change.
func (Imported) Kind() ChangeKind { return ChangeImported }

// Apply implements Change: the state is the cooperative as imported.
func (ch Imported) Apply(c *coop.Cooperative, _ coop.Date) { *c = ch.State.Clone() }

// Redacted implements Redacter.
func (ch Imported) Redacted() Change { return Imported{State: ch.State.Redacted()} }
