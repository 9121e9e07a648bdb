package registry

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
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
//
// The cooperatives are checked and copied on every core (GOMAXPROCS), a
// batch at a time, while the store takes the ones before: cs is then read
// on a goroutine of Import's, never after Import returns. IDs are assigned
// in the order of cs, so that Options.NewID is called from one goroutine
// at a time.
func (r *Registry) Import(ctx context.Context, cs iter.Seq[coop.Cooperative]) (int, error) {
	return r.load(ctx, "registry.Import", cs, false, nil)
}

// ImportOwned is Import for cooperatives that become the registry's as cs
// yields them: it keeps them as they are, without copying them. The caller
// must not keep, read or modify a cooperative after yielding it, nor
// anything it refers to (members, share accounts, maps); values that two
// cooperatives share must be immutable (decimals are). A decoder that
// makes each cooperative afresh, or synthetic.All, yields such
// cooperatives: a national registry is then loaded without being held
// twice.
func (r *Registry) ImportOwned(ctx context.Context, cs iter.Seq[coop.Cooperative]) (int, error) {
	return r.load(ctx, "registry.ImportOwned", cs, true, nil)
}

// load is Import, copying the cooperatives unless they are owned. end,
// when given, is asked once cs has ended whether it ended well: its error
// stores nothing and is returned.
func (r *Registry) load(ctx context.Context, op string, cs iter.Seq[coop.Cooperative], owned bool, end func() error) (int, error) {
	recorded := r.recorded()
	var size readmodel.Size
	records := func(yield func(Record, error) bool) {
		for in, err := range checkImports(importRules{op: op, owned: owned, today: r.today()}, cs, runtime.GOMAXPROCS(0)) {
			if err != nil {
				yield(Record{}, err)
				return
			}
			size.Cooperatives++
			size.Members += len(in.c.Members)
			for i := range in.c.Members {
				size.Moves += len(in.c.Members[i].Shares)
			}
			if !yield(r.importRecord(in, recorded), nil) {
				return
			}
		}
		if end != nil {
			if err := end(); err != nil {
				yield(Record{}, err)
			}
		}
	}
	n, err := r.store.Load(ctx, records)
	r.staleModel()
	if err != nil {
		return 0, wrap(op, err)
	}
	r.model.mu.Lock()
	if r.model.live != nil {
		prev := r.model.live.Model().Size()
		size.Cooperatives += prev.Cooperatives
		size.Members += prev.Members
		size.Moves += prev.Moves
	}
	r.model.size = size
	r.model.mu.Unlock()
	return n, nil
}

// importBatchSize is the number of cooperatives an import checks as one
// batch.
const importBatchSize = 256

// imported is a cooperative of an import, checked, with its name key.
type imported struct {
	c   coop.Cooperative
	key string
}

// importBatch is a batch of an import: the cooperatives from the start-th
// of the sequence, replaced by their checked copies, or the error of the
// first invalid one (at errAt, the batch ending there).
type importBatch struct {
	start int
	cs    []coop.Cooperative
	out   []imported
	err   error
	done  chan struct{}
}

// check checks the batch's cooperatives, copying them unless owned, and
// stops at the first invalid one.
func (b *importBatch) check(rules importRules) {
	defer close(b.done)
	b.out = make([]imported, 0, len(b.cs))
	for k := range b.cs {
		in, err := rules.check(b.cs[k], b.start+k)
		if err != nil {
			b.err = err
			break
		}
		b.out = append(b.out, in)
	}
	b.cs = nil
}

// checkImports yields the cooperatives of cs in order, checked and copied
// unless owned, or the error of the first invalid one, checking batches on
// up to workers goroutines while the ones before are yielded.
func checkImports(rules importRules, cs iter.Seq[coop.Cooperative], workers int) iter.Seq2[imported, error] {
	return func(yield func(imported, error) bool) {
		if workers <= 1 {
			i := 0
			for c := range cs {
				in, err := rules.check(c, i)
				if !yield(in, err) || err != nil {
					return
				}
				i++
			}
			return
		}
		var (
			batches = make(chan *importBatch, 2*workers) // in the order of cs
			slots   = make(chan struct{}, workers)       // batches being checked
			quit    = make(chan struct{})
			wg      sync.WaitGroup
		)
		// The sequence is read, and each batch handed to a checker, on a
		// goroutine of its own; the batches reach the consumer in order.
		wg.Go(func() {
			defer close(batches)
			send := func(b *importBatch) bool {
				select {
				case slots <- struct{}{}:
				case <-quit:
					return false
				}
				wg.Go(func() {
					b.check(rules)
					<-slots
				})
				select {
				case batches <- b:
					return true
				case <-quit:
					return false
				}
			}
			b := &importBatch{done: make(chan struct{})}
			i := 0
			for c := range cs {
				b.cs = append(b.cs, c)
				if i++; len(b.cs) == importBatchSize {
					if !send(b) {
						return
					}
					b = &importBatch{start: i, cs: make([]coop.Cooperative, 0, importBatchSize), done: make(chan struct{})}
				}
			}
			if len(b.cs) > 0 {
				send(b)
			}
		})
		defer func() {
			close(quit)
			wg.Wait()
		}()
		for b := range batches {
			<-b.done
			for _, in := range b.out {
				if !yield(in, nil) {
					return
				}
			}
			if b.err != nil {
				yield(imported{}, b.err)
				return
			}
		}
	}
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

// importRules are the rules an import checks each cooperative against.
type importRules struct {
	op    string
	owned bool
	// today bounds the dates of the record; zero leaves them unbounded
	// (ReadRegisterCSV, which knows no clock: the import checks them).
	today coop.Date
}

// check checks the i-th cooperative of an import and returns what the
// registry keeps: a copy, or c itself when owned, with its name key.
func (rules importRules) check(c coop.Cooperative, i int) (imported, error) {
	op, owned := rules.op, rules.owned
	var fs coop.Fields
	key := NameKey(c.Name)
	if key == "" {
		fs.Add("name", "required", "", "is required")
	}
	if strings.TrimSpace(c.RegistrationNumber) == "" {
		fs.Add("registration_number", "required", "", "is required")
	}
	if c.RegisteredOn.IsZero() {
		fs.Add("registered_on", "required", "", "is required")
	}
	fs.Merge("", c.Validate())
	checkRecord(&fs, &c, rules.today)
	if err := fs.Err(op, "invalid cooperative"); err != nil {
		return imported{}, coop.AtField(fmt.Sprintf("cooperatives[%d]", i), err)
	}
	if !owned {
		c = c.Clone()
	}
	return imported{c: c, key: key}, nil
}

// importRecord makes the record of a checked cooperative: the IDs it
// lacks, its name approval and its first journal entry.
func (r *Registry) importRecord(in imported, recorded time.Time) Record {
	c := in.c
	if c.ID == uuid.Nil {
		c.ID = r.newID()
	}
	for i := range c.Members {
		if c.Members[i].ID == uuid.Nil {
			c.Members[i].ID = r.newID()
		}
	}
	a := NameApproval{ID: r.newID(), Version: 1, Proposed: []string{c.Name}, Name: c.Name, NameKey: in.key,
		Status: ApprovalUsed, Province: c.Province, RequestedOn: c.RegisteredOn, DecidedOn: c.RegisteredOn, ValidUntil: c.RegisteredOn,
		CooperativeID: c.ID}
	c.ApprovalID, c.Version = a.ID, 1
	return Record{Cooperative: c, Approval: a,
		First: Entry{Seq: 1, Kind: EntryRegistration, Effective: c.RegisteredOn, Recorded: recorded, Change: Imported{State: c}}}
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

// Kind implements Change.
func (Imported) Kind() ChangeKind { return ChangeImported }

// Apply implements Change: the state is the cooperative as imported.
func (ch Imported) Apply(c *coop.Cooperative, _ coop.Date) { *c = ch.State.Clone() }

// Redacted implements Redacter.
func (ch Imported) Redacted() Change { return Imported{State: ch.State.Redacted()} }

// checkRecord checks what a registered cooperative's record must be,
// whether it comes through the verbs or an import, so that an import takes
// the values the verbs take and refuses those they refuse. What it takes
// that a verb would not is a defect against the law (fewer than 5
// members, shares less than a quarter paid, ...): a register of record
// holds its cooperatives as they are, and CheckLaw reports the defect. It
// also holds members whose names it withholds. It refuses: a member's name
// over 200 bytes, a subscription of no share; a registration
// and a status change not after today; a date for any status but active;
// the court of the registration number; a share, when its value is
// recorded, worth at least 100.00 MAD under Law 112-12 (art. 26), and each
// subscription worth its shares at that value (art. 26).
func checkRecord(fs *coop.Fields, c *coop.Cooperative, today coop.Date) {
	checkRecordDates(fs, c, today)
	if parts := strings.Split(c.RegistrationNumber, "/"); len(parts) == 4 && c.Court != "" && parts[1] != c.Court {
		fs.Add("court", "number", parts[1], "%q is not the court of the registration number %s", c.Court, c.RegistrationNumber)
	}
	nominal := c.Statutes.ShareNominal
	if nominal.Sign() > 0 && c.FoundedUnder == coop.Law11212 && nominal.LessThan(coop.MinShareNominal()) {
		fs.Add("statutes.share_nominal", "gte", "100.00", "a share is worth at least 100.00 MAD (art. 26); got %s", coop.FormatMAD(nominal))
	}
	for i := range c.Members {
		for j := range c.Members[i].Shares {
			checkSubscriptionRecord(fs, fmt.Sprintf("members[%d].shares[%d]", i, j), &c.Members[i].Shares[j], nominal)
		}
	}
}

// checkRecordDates refuses a registration or a change of status after
// today (when today is set) and a status other than active without its
// date.
func checkRecordDates(fs *coop.Fields, c *coop.Cooperative, today coop.Date) {
	if !today.IsZero() {
		if c.RegisteredOn.After(today) {
			fs.Add("registered_on", "not-future", "", "%s is after today", c.RegisteredOn)
		}
		if c.StatusSince.After(today) {
			fs.Add("status_since", "not-future", "", "%s is after today", c.StatusSince)
		}
	}
	if c.Status != coop.Active && c.Status.Valid() && c.StatusSince.IsZero() {
		fs.Add("status_since", "required", "", "the date the cooperative became %s is required", c.Status)
	}
}

// checkSubscriptionRecord checks a recorded subscription at field: of at
// least one share, worth its shares at the nominal value when that value
// is recorded (art. 26).
func checkSubscriptionRecord(fs *coop.Fields, field string, mv *coop.ShareMovement, nominal decimal.Decimal) {
	if mv.Kind != coop.Subscription {
		return
	}
	if mv.Shares <= 0 {
		fs.Add(field+".shares", "gt", "0", "a subscription is of at least one share")
		return
	}
	if nominal.Sign() <= 0 {
		return // not recorded: a register of old may not say
	}
	if worth := nominal.Mul(decimal.NewFromInt(int64(mv.Shares))); !mv.Amount.Equal(worth) {
		fs.Add(field+".amount", "nominal", coop.FormatMAD(worth),
			"%d shares of %s MAD are worth %s, not %s (art. 26)", mv.Shares, coop.FormatMAD(nominal), coop.FormatMAD(worth), coop.FormatMAD(mv.Amount))
	}
}
