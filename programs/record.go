package programs

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// RecordFormat names the format of a Record. It changes only if the shape
// of a record changes.
const RecordFormat = "taawun.decision.v1"

// Record is a decision as it is stored for an appeal: the request that was
// decided, the decision with its reasons, the version of the catalogue that
// made it and a SHA-256 hash of the request, so that anyone can show what was
// decided, on which facts, under which rules, and check that neither was
// altered.
type Record struct {
	Format    string   `json:"format"`
	Catalogue string   `json:"catalogue"`
	InputHash string   `json:"input_hash"`
	Request   Request  `json:"request"`
	Decision  Decision `json:"decision"`
}

// HashRequest returns the hex SHA-256 of the request's JSON form. The JSON
// form is stable: struct fields in declaration order, map keys sorted,
// amounts and dates as strings.
func HashRequest(req Request) (string, error) {
	b, err := json.Marshal(req)
	if err != nil {
		return "", &coop.Error{Code: coop.Internal, Op: "programs.HashRequest", Message: "internal error", Err: err}
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Decide evaluates req and returns the decision as a Record ready to store.
func (cat *Catalogue) Decide(req Request) (Record, error) {
	d, err := cat.Evaluate(req)
	if err != nil {
		return Record{}, err
	}
	// Hash the request as it reads back from its JSON form, so that a
	// replay of the stored record hashes to the same value.
	b, err := json.Marshal(req)
	if err != nil {
		return Record{}, &coop.Error{Code: coop.Internal, Op: "programs.Decide", Message: "internal error", Err: err}
	}
	var stored Request
	if err := json.Unmarshal(b, &stored); err != nil {
		return Record{}, &coop.Error{Code: coop.Internal, Op: "programs.Decide", Message: "internal error", Err: err}
	}
	h, err := HashRequest(stored)
	if err != nil {
		return Record{}, err
	}
	return Record{Format: RecordFormat, Catalogue: d.Catalogue, InputHash: h, Request: stored, Decision: d}, nil
}

// Replay is the result of deciding a stored record again.
type Replay struct {
	// Decision is the decision the catalogue makes now on the stored request.
	Decision Decision `json:"decision"`
	// Same is true when the outcome, the grant and every criterion's outcome
	// are as recorded.
	Same bool `json:"same"`
	// CatalogueChanged is true when the catalogue's version differs from
	// the one that made the recorded decision.
	CatalogueChanged bool `json:"catalogue_changed"`
	// Differences lists what changed, e.g. "existence-max: pass -> fail".
	Differences []string `json:"differences,omitempty"`
}

// Replay checks a stored record and decides its request again. A record of
// an unknown format, or whose request no longer matches its hash, is an
// Invalid error: it was altered after the decision.
func (cat *Catalogue) Replay(r Record) (Replay, error) {
	const op = "programs.Replay"
	if r.Format != RecordFormat {
		return Replay{}, &coop.Error{Code: coop.Invalid, Op: op, Message: "unknown record format " + quote(r.Format),
			Fields: []coop.FieldError{{Field: "format", Rule: "format", Param: RecordFormat, Message: "expected " + RecordFormat}}}
	}
	h, err := HashRequest(r.Request)
	if err != nil {
		return Replay{}, err
	}
	if h != r.InputHash {
		return Replay{}, &coop.Error{Code: coop.Invalid, Op: op, Message: "the request does not match its hash: the record was altered",
			Fields: []coop.FieldError{{Field: "input_hash", Rule: "hash", Message: "SHA-256 of the request is " + h}}}
	}
	d, err := cat.Evaluate(r.Request)
	if err != nil {
		return Replay{}, err
	}
	out := Replay{Decision: d, CatalogueChanged: d.Catalogue != r.Catalogue}
	old := r.Decision
	if old.Outcome != d.Outcome {
		out.Differences = append(out.Differences, "outcome: "+string(old.Outcome)+" -> "+string(d.Outcome))
	}
	if old.Grant.Valid != d.Grant.Valid || old.Grant.Valid && !old.Grant.Decimal.Equal(d.Grant.Decimal) {
		out.Differences = append(out.Differences, "grant: "+grantText(old)+" -> "+grantText(d))
	}
	out.Differences = append(out.Differences, benefitChanges(old.Benefit, d.Benefit)...)
	before := map[string]coop.Outcome{}
	for _, c := range old.Criteria {
		before[c.ID] = c.Outcome
	}
	for _, c := range d.Criteria {
		o, ok := before[c.ID]
		switch {
		case !ok:
			out.Differences = append(out.Differences, c.ID+": not reported -> "+string(c.Outcome))
		case o != c.Outcome:
			out.Differences = append(out.Differences, c.ID+": "+string(o)+" -> "+string(c.Outcome))
		}
		delete(before, c.ID)
	}
	for _, c := range old.Criteria {
		if _, gone := before[c.ID]; gone {
			out.Differences = append(out.Differences, c.ID+": "+string(c.Outcome)+" -> not reported")
		}
	}
	out.Same = len(out.Differences) == 0
	return out, nil
}

// benefitChanges says how the loan and rate of a benefit changed between
// two decisions: "loan: 60000.00 -> 50000.00".
func benefitChanges(old, now *Benefit) []string {
	var o, n Benefit
	if old != nil {
		o = *old
	}
	if now != nil {
		n = *now
	}
	var out []string
	for _, f := range []struct {
		name   string
		o, n   decimal.NullDecimal
		amount bool
	}{{"loan", o.Loan, n.Loan, true}, {"rate", o.Rate, n.Rate, false}} {
		if f.o.Valid == f.n.Valid && (!f.o.Valid || f.o.Decimal.Equal(f.n.Decimal)) {
			continue
		}
		text := func(v decimal.NullDecimal) string {
			switch {
			case !v.Valid:
				return "none"
			case f.amount:
				return coop.FormatMAD(v.Decimal)
			}
			return v.Decimal.String()
		}
		out = append(out, f.name+": "+text(f.o)+" -> "+text(f.n))
	}
	return out
}

func grantText(d Decision) string {
	if !d.Grant.Valid {
		return "none"
	}
	return coop.FormatMAD(d.Grant.Decimal)
}

// UnmarshalJSON reads a criterion result written by MarshalJSON. Reasons
// are stored rendered; a read-back reason keeps its text in each language.
func (c *CriterionResult) UnmarshalJSON(b []byte) error {
	var w struct {
		ID          string            `json:"id"`
		Outcome     coop.Outcome      `json:"outcome"`
		Reason      map[string]string `json:"reason"`
		Reference   string            `json:"reference"`
		Params      []coop.Param      `json:"params"`
		Hint        map[string]string `json:"hint"`
		Unconfirmed bool              `json:"unconfirmed"`
		Note        string            `json:"note"`
		Notes       coop.Names        `json:"notes"`
		References  coop.Names        `json:"references"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	c.ID, c.Outcome, c.Reference, c.Params = w.ID, w.Outcome, w.Reference, w.Params
	c.Unconfirmed, c.Note, c.Notes, c.References = w.Unconfirmed, w.Note, w.Notes, w.References
	c.Reason = storedReason(w.ID, w.Reason)
	c.Hint = storedReason(w.ID+".hint", w.Hint)
	return nil
}

// storedReason rebuilds a reason from its rendered texts.
func storedReason(id string, texts map[string]string) coop.Reason {
	if texts == nil {
		return coop.Reason{}
	}
	return coop.RenderedReason(id, texts["fr"], texts["en"], texts["ar"])
}
