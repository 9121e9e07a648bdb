package registry

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// NameKey normalises a cooperative's name for uniqueness: case, accents and
// punctuation are ignored, and so are the words "coopérative",
// "cooperative", "coopératives" and "تعاونية" (D 13: ODCO's alphabetical
// index). "Coopérative Al Amal" and "AL-AMAL" have the same key.
func NameKey(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !isWordRune(r) }) {
		f := coop.Fold(w)
		switch f {
		case "cooperative", "cooperatives", "تعاونيه", "التعاونيه", "coop":
			continue
		}
		b.WriteString(f)
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return r == '\'' || r == '’' || !strings.ContainsRune(" \t\n-_.,;:/()[]\"«»!?&+", r)
}

// NameRequest asks ODCO to approve a name (art. 7, D 3).
type NameRequest struct {
	// Names are the proposed names in order of preference, 1 to 3.
	Names []string `json:"names" validate:"dive,text"`
	// Signatories are the future founders; at least 5 (D 3).
	Signatories []Signatory       `json:"signatories" validate:"dive"`
	Province    coop.ProvinceCode `json:"province,omitempty" validate:"omitempty,province"`
	RequestedOn coop.Date         `json:"requested_on" validate:"date-range"`
	// DecidedOn records a decision ODCO already made, within 2 days of the
	// request (art. 7); zero means today.
	DecidedOn coop.Date `json:"decided_on,omitzero" validate:"date-range"`
}

// The numbers of name approval (art. 7, Decree 2-15-617 art. 4).
const (
	MaxProposedNames  = 3
	MinSignatories    = 5
	DecisionDays      = 2
	ApprovalValidDays = 60
	RenewalGraceDays  = 7
)

// errHeld is how a transaction of ApproveName says that a name is held,
// and by which approval.
type errHeld struct{ holder NameApproval }

func (e *errHeld) Error() string { return "the name is held by approval " + e.holder.ID.String() }

// ApproveName decides a name request: the first proposed name that no live
// approval or registered cooperative holds is approved, valid 60 days.
// Invalid for a malformed request (fewer than 5 signatories, no name or more
// than 3, a decision more than 2 days after the request); Conflict, naming
// the holders, when every proposed name is taken.
// A Once guard keeps the outcome under an idempotency key.
func (r *Registry) ApproveName(ctx context.Context, req NameRequest, guards ...Guard) (NameApproval, error) {
	const op = "registry.ApproveName"
	if err := checkInput(op, req); err != nil {
		return NameApproval{}, err
	}
	today := r.today()
	decided, err := checkNameRequest(op, req, today)
	if err != nil {
		return NameApproval{}, err
	}

	var taken []string
	for _, name := range req.Names {
		key := NameKey(name)
		a := NameApproval{ID: r.newID(), Version: 1, Proposed: slices.Clone(req.Names), Name: strings.TrimSpace(name), NameKey: key,
			Status: ApprovalApproved, Signatories: slices.Clone(req.Signatories), Province: req.Province,
			RequestedOn: req.RequestedOn, DecidedOn: decided, ValidUntil: decided.AddDays(ApprovalValidDays)}
		err := r.write(ctx, op, uuid.Nil, guards, func(w *writer) error {
			w.result = a
			return approve(w.tx, a, today)
		})
		var held *errHeld
		switch {
		case errors.As(err, &held):
			taken = append(taken, fmt.Sprintf("%q is held by %s", name, r.holderName(ctx, held.holder)))
		case isTaken(err, "name"):
			// Approved for someone else in the meantime.
			if h, herr := r.store.ApprovalHolding(ctx, key); herr == nil {
				taken = append(taken, fmt.Sprintf("%q is held by %s", name, r.holderName(ctx, h)))
			} else {
				taken = append(taken, fmt.Sprintf("%q is held", name))
			}
		case err != nil:
			return NameApproval{}, wrap(op, err)
		default:
			return a.Clone(), nil
		}
	}
	return NameApproval{}, &coop.Error{Code: coop.Conflict, Op: op, Rule: coop.RuleNameHeld.ID, Article: coop.RuleNameHeld.Article,
		Message: "every proposed name is taken: " + strings.Join(taken, "; "),
		Fields:  []coop.FieldError{{Field: "names", Rule: "unique", Message: strings.Join(taken, "; ")}}}
}

// checkNameRequest checks a name request (Law 112-12 art. 7, Decree
// 2-15-617 art. 3) and returns the date of its decision: the one given, or
// today.
func checkNameRequest(op string, req NameRequest, today coop.Date) (coop.Date, error) {
	var fs coop.Fields
	if len(req.Names) == 0 || len(req.Names) > MaxProposedNames {
		fs.Add("names", "count", "1-3", "propose 1 to %d names (Decree 2-15-617 art. 3)", MaxProposedNames)
	}
	for i, n := range req.Names {
		if k := NameKey(n); len(k) < 2 || len(n) > 120 {
			fs.Add(fmt.Sprintf("names[%d]", i), "name", "", "%q is not a usable name: 2 to 120 characters besides the word cooperative", coop.Excerpt(n))
		}
	}
	checkSignatories(&fs, req.Signatories)
	decided := req.DecidedOn
	if decided.IsZero() {
		decided = today
	}
	switch {
	case req.RequestedOn.IsZero():
		fs.Add("requested_on", "required", "", "is required")
	case req.RequestedOn.After(today):
		fs.Add("requested_on", "not-future", "", "%s is after today", req.RequestedOn)
	case decided.Before(req.RequestedOn) || decided.After(req.RequestedOn.AddDays(DecisionDays)):
		fs.Add("decided_on", "within", "2 days", "ODCO decides within %d days of the request (art. 7); decided %s on a request of %s", DecisionDays, decided, req.RequestedOn)
	}
	return decided, withRule(fs.Err(op, "invalid name request"), coop.RuleNameRequest)
}

// checkSignatories checks the future founders who sign a name request:
// at least 5, each named (Decree 2-15-617 art. 3).
func checkSignatories(fs *coop.Fields, ss []Signatory) {
	if len(ss) < MinSignatories {
		fs.Add("signatories", "min", "5", "%d signatories; the request needs at least %d (Decree 2-15-617 art. 3)", len(ss), MinSignatories)
	}
	for i, s := range ss {
		if strings.TrimSpace(s.Name) == "" {
			fs.Add(fmt.Sprintf("signatories[%d].name", i), "required", "", "is required")
		}
	}
}

// approve stores approval a unless a live approval holds its name; one
// that lapsed by today (60 days, and the 7 in which it could still be
// renewed) is marked expired, and the name is free again.
func approve(tx Tx, a NameApproval, today coop.Date) error {
	holder, err := tx.ApprovalHolding(a.NameKey)
	switch {
	case coop.ErrorCode(err) == coop.NotFound:
	case err != nil:
		return err
	case holder.Status == ApprovalApproved && lapsed(holder, today):
		holder.Status, holder.Version = ApprovalExpired, holder.Version+1
		if err := tx.PutApproval(holder); err != nil {
			return err
		}
	default:
		return &errHeld{holder}
	}
	return tx.PutApproval(a)
}

// holderName describes the holder of a name: the cooperative registered
// under it, or the approval.
func (r *Registry) holderName(ctx context.Context, a NameApproval) string {
	if a.Status == ApprovalUsed && a.CooperativeID != uuid.Nil {
		if c, err := r.store.Get(ctx, a.CooperativeID); err == nil {
			return fmt.Sprintf("cooperative %q (%s)", c.Name, c.RegistrationNumber)
		}
	}
	return fmt.Sprintf("name approval %s of %s, valid until %s", a.ID, a.DecidedOn, a.ValidUntil)
}

// isTaken reports whether err is a store's Taken error about field.
func isTaken(err error, field string) bool {
	var e *coop.Error
	if !errors.As(err, &e) || e.Code != coop.Conflict {
		return false
	}
	for _, f := range e.Fields {
		if f.Field == field && f.Rule == "unique" {
			return true
		}
	}
	return false
}

// lapsed reports whether an approved name can no longer be used or renewed
// at today.
func lapsed(a NameApproval, today coop.Date) bool {
	limit := a.ValidUntil
	if !a.Renewed {
		limit = limit.AddDays(RenewalGraceDays)
	}
	return today.After(limit)
}

// RenewApproval extends an approval once by 60 days, when asked within 7
// days after it expired (Decree 2-15-617 art. 4). FailedPrecondition
// otherwise; NotFound for an unknown approval.
// A Once guard keeps the outcome under an idempotency key.
func (r *Registry) RenewApproval(ctx context.Context, id uuid.UUID, askedOn coop.Date, guards ...Guard) (NameApproval, error) {
	const op = "registry.RenewApproval"
	art := coop.RuleApprovalValidity
	if err := checkInput(op, struct {
		AskedOn coop.Date `json:"asked_on" validate:"date-range"`
	}{askedOn}); err != nil {
		return NameApproval{}, err
	}
	if askedOn.IsZero() || askedOn.After(r.today()) {
		return NameApproval{}, &coop.Error{Code: coop.Invalid, Op: op, Message: "invalid renewal",
			Fields: []coop.FieldError{{Field: "asked_on", Rule: "date", Message: "a date on or before today is required"}}}
	}
	var out NameApproval
	err := r.write(ctx, op, uuid.Nil, guards, func(w *writer) error {
		a, err := w.tx.LockApproval(id)
		if err != nil {
			return err
		}
		switch {
		case a.Status != ApprovalApproved:
			return &coop.Error{Code: coop.FailedPrecondition, Op: op, Rule: art.ID, Article: art.Article, Message: "only an approved, unused name can be renewed; this one is " + string(a.Status)}
		case a.Renewed:
			return &coop.Error{Code: coop.FailedPrecondition, Op: op, Rule: art.ID, Article: art.Article, Message: "an approval is renewed only once"}
		case !askedOn.After(a.ValidUntil):
			return &coop.Error{Code: coop.FailedPrecondition, Op: op, Rule: art.ID, Article: art.Article,
				Message: fmt.Sprintf("the approval is valid until %s; renewal is asked within %d days after that", a.ValidUntil, RenewalGraceDays)}
		case askedOn.After(a.ValidUntil.AddDays(RenewalGraceDays)):
			return &coop.Error{Code: coop.FailedPrecondition, Op: op, Rule: art.ID, Article: art.Article,
				Message: fmt.Sprintf("the approval expired on %s; renewal had to be asked by %s", a.ValidUntil, a.ValidUntil.AddDays(RenewalGraceDays))}
		}
		a = a.Clone()
		a.ValidUntil, a.Renewed, a.Version = a.ValidUntil.AddDays(ApprovalValidDays), true, a.Version+1
		out, w.result = a, a
		return w.tx.PutApproval(a)
	})
	if err != nil {
		return NameApproval{}, err
	}
	return out.Clone(), nil
}

// GetApproval returns a name approval, or NotFound.
func (r *Registry) GetApproval(ctx context.Context, id uuid.UUID) (NameApproval, error) {
	a, err := r.store.GetApproval(ctx, id)
	if err != nil {
		return NameApproval{}, wrap("registry.GetApproval", err)
	}
	return a.Clone(), nil
}
