package registry

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// ImportReport is what the import of a register file did.
type ImportReport struct {
	// Imported is how many cooperatives were stored.
	Imported int
	// Dialect is the dialect the file was read in.
	Dialect Dialect
}

// ImportCSV reads a register file (ReadRegister) and imports it
// (ImportRegister), and returns how many cooperatives it stored.
func (r *Registry) ImportCSV(ctx context.Context, rd io.Reader, source string) (int, error) {
	rep, err := r.ImportRegister(ctx, rd, source, nil)
	return rep.Imported, err
}

// ImportRegister reads a register file in any dialect (ReadRegister) and
// imports its cooperatives (ImportOwned) as it reads them: the file is
// read once, a cooperative at a time, so that the memory an import holds
// does not grow with the file (but for the store's own, the memory store
// keeping what it holds in memory). It is all or nothing: nothing is
// stored unless every row passes and no registration number or name is
// taken.
//
// admit, when given, is asked about each cooperative before it is
// imported; its error stops the import, which stores nothing and returns
// it (an HTTP adapter refuses a cooperative outside the principal's
// scope).
//
// The error lists every problem of the file at its line and column
// (ReadRegisterCSV); a registration number already in the registry is a
// Conflict that lists each one taken at its line, with the cooperative
// that holds it.
func (r *Registry) ImportRegister(ctx context.Context, rd io.Reader, source string, admit func(*coop.Cooperative) error) (ImportReport, error) {
	const op = "registry.ImportRegister"
	rr, err := openRegister(rd, source)
	if err != nil {
		return ImportReport{}, err
	}
	rep := ImportReport{Dialect: rr.dialect}
	errStopped := errors.New("the import stopped")
	var readErr error
	cs := func(yield func(coop.Cooperative) bool) {
		readErr = rr.read(func(c coop.Cooperative) error {
			if admit != nil {
				if err := admit(&c); err != nil {
					return err
				}
			}
			if !yield(c) {
				return errStopped
			}
			return nil
		})
		if errors.Is(readErr, errStopped) {
			readErr = nil
		}
	}
	n, err := r.load(ctx, op, cs, true, func() error { return readErr })
	switch {
	case readErr != nil:
		return rep, readErr
	case err != nil:
		return rep, r.clashes(ctx, op, err, rr)
	}
	rep.Imported = n
	return rep, nil
}

// NumberFinder is a Store that tells in one call which of many
// registration numbers it holds. A store that is not one is asked number
// by number (Store.GetByNumber).
type NumberFinder interface {
	// FindNumbers returns the ID of the cooperative holding each of
	// numbers that the store holds.
	FindNumbers(ctx context.Context, numbers []string) (map[string]uuid.UUID, error)
}

// maxClashes is the most registration numbers taken that an import
// reports with the cooperative holding each.
const maxClashes = 100

// clashes turns a load refused on a clash into a Conflict naming each
// registration number of the file the registry holds, at its line, with
// the cooperative that holds it; another error, or a clash on names alone,
// is returned as it is.
func (r *Registry) clashes(ctx context.Context, op string, err error, rr *registerReader) error {
	var e *coop.Error
	if !errors.As(err, &e) || e.Code != coop.Conflict {
		return err
	}
	numbers := make([]string, 0, len(rr.firstLine))
	for n := range rr.firstLine {
		numbers = append(numbers, n)
	}
	held, ferr := r.findNumbers(ctx, numbers)
	if ferr != nil || len(held) == 0 {
		// Two numbers of the file alike cannot be: the reading refuses
		// them. What is taken is what the registry holds.
		return err
	}
	taken := make([]string, 0, len(held))
	for n := range held {
		taken = append(taken, n)
	}
	slices.SortFunc(taken, func(a, b string) int { return cmp.Compare(rr.firstLine[a], rr.firstLine[b]) })
	var fs coop.Fields
	for i, n := range taken {
		if i == maxClashes {
			break
		}
		line := rr.firstLine[n]
		name := held[n].String()
		if c, gerr := r.store.Get(ctx, held[n]); gerr == nil {
			name = c.Name
		}
		fs = append(fs, coop.FieldError{Field: "registration_number", Rule: "registered", Param: name,
			Message: fmt.Sprintf("%s is the registration number of %q (%s), already in the registry", coop.Excerpt(n), coop.Excerpt(name), held[n]),
			Source:  rr.at(line, colNumber)})
	}
	msg := fmt.Sprintf("%d registration numbers of the file are already in the registry", len(taken))
	if len(taken) == 1 {
		msg = "a registration number of the file is already in the registry"
	}
	return &coop.Error{Code: coop.Conflict, Op: op, Message: msg, Fields: fs, Err: err}
}

// findNumbers asks the store which of numbers it holds.
func (r *Registry) findNumbers(ctx context.Context, numbers []string) (map[string]uuid.UUID, error) {
	if f, ok := r.store.(NumberFinder); ok {
		return f.FindNumbers(ctx, numbers)
	}
	out := map[string]uuid.UUID{}
	for _, n := range numbers {
		c, err := r.store.GetByNumber(ctx, n)
		var e *coop.Error
		switch {
		case err == nil:
			out[n] = c.ID
		case errors.As(err, &e) && e.Code == coop.NotFound:
		default:
			return nil, err
		}
	}
	return out, nil
}
