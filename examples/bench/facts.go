package bench

import (
	"time"

	"github.com/taawun/taawun/coop"
)

// Facts is a cooperative flattened for a rule engine, as a user of cel-go or
// expr would have to prepare it: dates as time.Time at midnight UTC with a
// flag for a missing one, a member's admission defaulting to the
// registration date, the status normalised.
type Facts struct {
	Kind           string
	Registered     bool
	RegisteredOn   time.Time
	Status         string
	HasStatusSince bool
	StatusSince    time.Time
	FoundedUnder   string
	Conformed      bool
	ConformedOn    time.Time
	Sector         string
	Members        []MemberFacts
}

// MemberFacts is a member flattened for a rule engine.
type MemberFacts struct {
	Female   bool
	HasBirth bool
	Birth    time.Time
	JoinedOn time.Time
	Left     bool
	LeftOn   time.Time
}

// FactsOf flattens c.
func FactsOf(c *coop.Cooperative) Facts {
	f := Facts{
		Kind:         string(c.Kind),
		Registered:   !c.RegisteredOn.IsZero(),
		RegisteredOn: c.RegisteredOn.Time(),
		Status:       string(c.Status),
		FoundedUnder: string(c.FoundedUnder),
		Conformed:    !c.ConformedOn.IsZero(),
		ConformedOn:  c.ConformedOn.Time(),
		Sector:       string(c.Sector),
		Members:      make([]MemberFacts, len(c.Members)),
	}
	if f.Status == "" {
		f.Status = string(coop.Active)
	}
	if f.FoundedUnder == "" {
		f.FoundedUnder = string(coop.Law11212)
	}
	if !c.StatusSince.IsZero() {
		f.HasStatusSince, f.StatusSince = true, c.StatusSince.Time()
	}
	for i := range c.Members {
		m := &c.Members[i]
		joined := m.JoinedOn
		if joined.IsZero() {
			joined = c.RegisteredOn
		}
		f.Members[i] = MemberFacts{
			Female:   m.Gender == coop.Female,
			HasBirth: !m.BirthDate.IsZero(),
			Birth:    m.BirthDate.Time(),
			JoinedOn: joined.Time(),
			Left:     !m.LeftOn.IsZero(),
			LeftOn:   m.LeftOn.Time(),
		}
	}
	return f
}

// AddYears is the calendar-year function a user of a rule engine has to
// supply: the same month and day n years later, 29 February becoming 28
// February in a common year (programs.md §1; time.AddDate would give 1
// March).
func AddYears(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	y += n
	if m == time.February && d == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		d = 28
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
