package registry

import (
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
)

// noRule is the rule of a refusal that no article states: an input
// missing, an ID that names nothing.
var noRule coop.Rule

// refuse returns a refusal for the rule of the law lr, naming it and
// citing its article; field and rule name the field in error and the rule
// of the field that failed.
func refuse(code coop.Code, op string, lr coop.Rule, field, rule, format string, args ...any) *coop.Error {
	msg := fmt.Sprintf(format, args...)
	e := &coop.Error{Code: code, Op: op, Rule: lr.ID, Article: lr.Article, Message: msg}
	if field != "" {
		e.Fields = []coop.FieldError{{Field: field, Rule: rule, Message: msg}}
	}
	return e
}

// mustBeActive refuses a change to a cooperative that is not active.
func mustBeActive(op string, c *coop.Cooperative, on coop.Date) error {
	if s := c.StatusAt(on); s != coop.Active {
		return refuse(coop.FailedPrecondition, op, coop.RuleActive, "", "", "the cooperative is %s since %s", s, c.StatusSince)
	}
	return nil
}

// activeMember returns the member with the given ID, who must be a member
// on on.
func activeMember(op string, c *coop.Cooperative, id uuid.UUID, on coop.Date, field string) (*coop.Member, error) {
	m, ok := c.Member(id)
	if !ok {
		return nil, refuse(coop.NotFound, op, noRule, field, "member", "no member %s in the register", id)
	}
	if !m.ActiveAt(on, c.RegisteredOn) {
		return nil, refuse(coop.FailedPrecondition, op, coop.RuleMemberOnDate, field, "member", "%s is not a member on %s", memberName(m), on)
	}
	return m, nil
}

func memberName(m *coop.Member) string {
	if m.Name != "" {
		return fmt.Sprintf("member no. %d (%s)", m.Number, m.Name)
	}
	return fmt.Sprintf("member no. %d", m.Number)
}

// onField renames the field "on" of update's date errors to the name the
// request gave the date.
func onField(name string) func(coop.Cooperative, error) (coop.Cooperative, error) {
	return func(c coop.Cooperative, err error) (coop.Cooperative, error) {
		var e *coop.Error
		if err == nil || !errors.As(err, &e) {
			return c, err
		}
		out := *e
		out.Fields = append([]coop.FieldError(nil), e.Fields...)
		for i := range out.Fields {
			if out.Fields[i].Field == "on" {
				out.Fields[i].Field = name
			}
		}
		return c, &out
	}
}

// checkInput refuses an input that breaks coop's input grammar (text
// without control characters, whole numbers and amounts within the
// registry's bounds, dates within its calendar), before any store is
// read.
func checkInput(op string, in any) error {
	var err error
	if d, ok := in.(coop.Date); ok {
		err = coop.AtField("on", coop.CheckDate(d))
	} else {
		err = coop.CheckInput(in)
	}
	var e *coop.Error
	if !errors.As(err, &e) {
		return nil
	}
	out := *e
	out.Op = op
	return &out
}

// noVotes refuses a decision whose votes are not given: none cast.
func noVotes(op string, art coop.Rule, v coop.Votes) error {
	if v.Cast() > 0 {
		return nil
	}
	return refuse(coop.Invalid, op, art, "votes", "required", "the votes cast are required: for, against")
}

// noID refuses an ID left out of an input (the zero UUID).
func noID(op, field string, id uuid.UUID) error {
	if id != uuid.Nil {
		return nil
	}
	return refuse(coop.Invalid, op, noRule, field, "required", "is required")
}
