package stats

import (
	"cmp"
	"iter"
	"slices"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// ActivityOptions selects the support actions of an activity report.
type ActivityOptions struct {
	// From and To bound the actions' start dates, both inclusive; required.
	From coop.Date `json:"from"`
	To   coop.Date `json:"to"`
	// Delegation keeps the actions a delegation reports: those it is named
	// on, or, when an action names none, those reaching cooperatives it
	// serves. Empty means every delegation.
	Delegation coop.DelegationID `json:"delegation,omitempty"`
	// Program keeps one programme's actions; empty means all.
	Program string `json:"program,omitempty"`
}

// KindActivity counts the actions of one kind.
type KindActivity struct {
	Kind         coop.SupportKind `json:"kind"`
	Sessions     int              `json:"sessions"`
	Cooperatives int              `json:"cooperatives"`
	People       int              `json:"people"`
	Women        int              `json:"women"`
	Youth        int              `json:"youth"`
}

// Funding sums what a funder put in.
type Funding struct {
	Funder       string          `json:"funder"`
	Amount       decimal.Decimal `json:"amount"`
	Cost         decimal.Decimal `json:"cost"`
	Cooperatives int             `json:"cooperatives"`
}

// Activity is a delegation's activity report for a period, as delegations
// publish it ("12 training sessions for the managers of 57 cooperatives").
type Activity struct {
	From       coop.Date         `json:"from"`
	To         coop.Date         `json:"to"`
	Delegation coop.DelegationID `json:"delegation,omitempty"`
	Program    string            `json:"program,omitempty"`
	// Sessions counts distinct actions; Cooperatives distinct cooperatives
	// reached; People, Women and Youth the participants they sent.
	Sessions     int            `json:"sessions"`
	Cooperatives int            `json:"cooperatives"`
	People       int            `json:"people"`
	Women        int            `json:"women"`
	Youth        int            `json:"youth"`
	ByKind       []KindActivity `json:"by_kind"`
	Funding      []Funding      `json:"funding"`
}

// ActivityReport aggregates the support actions recorded in the
// cooperatives of seq. Invalid for missing or inverted dates or an unknown
// delegation.
func ActivityReport(seq iter.Seq[coop.Cooperative], opts ActivityOptions) (Activity, error) {
	var fs coop.Fields
	if opts.From.IsZero() || opts.To.IsZero() || opts.To.Before(opts.From) {
		fs.Add("to", "after", "from", "give a period: from, then to on or after it")
	}
	if opts.Delegation != "" && !opts.Delegation.Valid() {
		fs.Add("delegation", "delegation", "", "%q is not a delegation", opts.Delegation)
	}
	if err := fs.Err("stats.ActivityReport", "invalid report"); err != nil {
		return Activity{}, err
	}
	t := activityTally{a: Activity{From: opts.From, To: opts.To, Delegation: opts.Delegation, Program: opts.Program, ByKind: []KindActivity{}, Funding: []Funding{}},
		sessions: map[uuid.UUID]coop.SupportKind{}, coops: map[uuid.UUID]bool{}, kindCoops: map[kindCoop]bool{},
		kinds: map[coop.SupportKind]*KindActivity{}, funders: map[string]*Funding{}}
	for c := range seq {
		for _, s := range c.Supports {
			if opts.counts(&c, &s) {
				t.add(&c, &s)
			}
		}
	}
	return t.report(), nil
}

// counts reports whether support s of c falls in the period, programme and
// delegation of the report (the delegation of the action, or of the
// cooperative's seat when the action started).
func (opts *ActivityOptions) counts(c *coop.Cooperative, s *coop.Support) bool {
	if s.Start.Before(opts.From) || s.Start.After(opts.To) || (opts.Program != "" && s.Program != opts.Program) {
		return false
	}
	if opts.Delegation == "" {
		return true
	}
	d := s.Delegation
	if d == "" {
		d = c.ProvinceAt(s.Start).Delegation()
	}
	return d == opts.Delegation
}

// kindCoop is a cooperative reached by a kind of support.
type kindCoop struct {
	kind coop.SupportKind
	id   uuid.UUID
}

// activityTally adds up the supports of an activity report.
type activityTally struct {
	a         Activity
	sessions  map[uuid.UUID]coop.SupportKind
	coops     map[uuid.UUID]bool
	kindCoops map[kindCoop]bool
	kinds     map[coop.SupportKind]*KindActivity
	funders   map[string]*Funding
}

// add counts support s of c.
func (t *activityTally) add(c *coop.Cooperative, s *coop.Support) {
	t.sessions[s.ActionID] = s.Kind
	t.coops[c.ID] = true
	k := t.kinds[s.Kind]
	if k == nil {
		k = &KindActivity{Kind: s.Kind}
		t.kinds[s.Kind] = k
	}
	if !t.kindCoops[kindCoop{s.Kind, c.ID}] {
		t.kindCoops[kindCoop{s.Kind, c.ID}] = true
		k.Cooperatives++
	}
	k.People += s.People
	k.Women += s.Women
	k.Youth += s.Youth
	t.a.People += s.People
	t.a.Women += s.Women
	t.a.Youth += s.Youth
	if f := s.Financing; f != nil {
		g := t.funders[f.Funder]
		if g == nil {
			g = &Funding{Funder: f.Funder}
			t.funders[f.Funder] = g
		}
		g.Amount = g.Amount.Add(f.Amount)
		g.Cost = g.Cost.Add(f.Cost)
		g.Cooperatives++
	}
}

// report is the activity counted: kinds in order, funders by amount.
func (t *activityTally) report() Activity {
	a := t.a
	a.Sessions, a.Cooperatives = len(t.sessions), len(t.coops)
	for _, kind := range t.sessions {
		t.kinds[kind].Sessions++
	}
	for _, k := range t.kinds {
		a.ByKind = append(a.ByKind, *k)
	}
	slices.SortFunc(a.ByKind, func(x, y KindActivity) int { return cmp.Compare(x.Kind, y.Kind) })
	for _, f := range t.funders {
		a.Funding = append(a.Funding, *f)
	}
	slices.SortFunc(a.Funding, func(x, y Funding) int { return y.Amount.Cmp(x.Amount) })
	return a
}

// LabelRow is one row of a label-coverage table.
type LabelRow struct {
	Keys         []string `json:"keys"`
	Cooperatives int      `json:"cooperatives"`
	// Labelled counts the cooperatives holding at least one label; Share is
	// their percentage of the row's cooperatives, to the table's decimals.
	Labelled int                    `json:"labelled"`
	Share    decimal.Decimal        `json:"share"`
	ByKind   map[coop.LabelKind]int `json:"by_kind"`
}

// LabelCoverage is the label coverage of the register at a date, grouped
// by one or two dimensions (sector, province, ...).
type LabelCoverage struct {
	AsOf       coop.Date   `json:"as_of"`
	Dimensions []Dimension `json:"dimensions"`
	Rows       []LabelRow  `json:"rows"`
}

// Labels computes the label coverage at asOf: for each group, how many
// cooperatives hold a label in force and how many hold each kind.
func Labels(seq iter.Seq[coop.Cooperative], asOf coop.Date, decimals int, dims ...Dimension) (LabelCoverage, error) {
	if err := checkTable(asOf, decimals, dims); err != nil {
		return LabelCoverage{}, err
	}
	type key [2]string
	rows := map[key]*LabelRow{}
	for c := range seq {
		if !InRegistry(&c, asOf) {
			continue
		}
		var k key
		for i, d := range dims {
			k[i] = d.key(&c, asOf)
		}
		r := rows[k]
		if r == nil {
			r = &LabelRow{Keys: slices.Clone(k[:len(dims)]), ByKind: map[coop.LabelKind]int{}}
			rows[k] = r
		}
		r.Cooperatives++
		held := c.LabelsAt(asOf)
		if len(held) > 0 {
			r.Labelled++
		}
		kinds := map[coop.LabelKind]bool{}
		for _, l := range held {
			if !kinds[l.Kind] {
				kinds[l.Kind] = true
				r.ByKind[l.Kind]++
			}
		}
	}
	out := LabelCoverage{AsOf: asOf, Dimensions: slices.Clone(dims), Rows: []LabelRow{}}
	for _, r := range rows {
		if r.Cooperatives > 0 {
			r.Share = decimal.NewFromInt(int64(r.Labelled)).Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(int64(r.Cooperatives)), int32(decimals))
		}
		out.Rows = append(out.Rows, *r)
	}
	slices.SortFunc(out.Rows, func(a, b LabelRow) int {
		for i := range a.Keys {
			if c := compareKey(dims[i], a.Keys[i], b.Keys[i]); c != 0 {
				return c
			}
		}
		return 0
	})
	return out, nil
}

// Expiry is a label that comes to an end soon.
type Expiry struct {
	CooperativeID uuid.UUID         `json:"cooperative_id"`
	Name          string            `json:"name"`
	Province      coop.ProvinceCode `json:"province"`
	Label         coop.Label        `json:"label"`
}

// Expiring lists the labels in force on from whose validity ends between
// from and to, both inclusive, soonest first.
func Expiring(seq iter.Seq[coop.Cooperative], from, to coop.Date) ([]Expiry, error) {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return nil, coop.Fieldf("to", "after", "give a period: from, then to on or after it")
	}
	out := []Expiry{}
	for c := range seq {
		for _, l := range c.LabelsAt(from) {
			if !l.ValidUntil.IsZero() && !l.ValidUntil.After(to) {
				out = append(out, Expiry{CooperativeID: c.ID, Name: c.Name, Province: c.Province, Label: l})
			}
		}
	}
	slices.SortFunc(out, func(a, b Expiry) int { return a.Label.ValidUntil.Compare(b.Label.ValidUntil) })
	return out, nil
}
