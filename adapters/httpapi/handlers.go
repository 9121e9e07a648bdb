package httpapi

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

func (c *call) today() coop.Date { return coop.DateOf(c.a.now()) }

// dateParam reads a date query parameter, defaulting to today.
func (c *call) dateParam(name string, required bool) (coop.Date, error) {
	s := c.r.URL.Query().Get(name)
	if s == "" {
		if required {
			return coop.Date{}, coop.Fieldf(name, "required", "is required")
		}
		return c.today(), nil
	}
	d, err := coop.ParseDate(s)
	return d, coop.AtField(name, err)
}

func (c *call) intParam(name string, def, min, max int) (int, error) {
	s := c.r.URL.Query().Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, coop.Fieldf(name, "range", "%q: a whole number from %d to %d", coop.Excerpt(s), min, max)
	}
	return n, nil
}

// redact removes the personal data of co's members unless the principal's
// scope covers its province.
func (c *call) redact(co *coop.Cooperative) {
	if !c.who.Covers(co.Province) {
		redactCoop(co)
	}
}

// cooperative replies with c, redacted unless the principal covers it,
// with its version as ETag.
func (c *call) cooperative(status int, co coop.Cooperative) reply {
	c.redact(&co)
	return reply{status: status, value: co, etag: etag(co.Version)}
}

// authorize is the guard of the principal's scope: the registry checks it
// inside the write's transaction on every cooperative the write changes.
func (c *call) authorize() registry.Guard {
	who := c.who
	return registry.Authorize(func(co *coop.Cooperative) error {
		if who.Covers(co.Province) {
			return nil
		}
		return &coop.Error{Code: coop.Forbidden, Message: "your scope does not cover " + co.Name + " (" + string(co.Province) + ")"}
	})
}

// guards are the guards of a write to the cooperative of the path: the
// version of If-Match, and the principal's scope.
func (c *call) guards() ([]registry.Guard, error) {
	expect, err := c.expect()
	if err != nil {
		return nil, err
	}
	return c.keyGuards(registry.IfVersion(expect), c.authorize()), nil
}

// mutate runs a write on the cooperative of the path, with the guards of
// If-Match and of the principal's scope checked inside the write's
// transaction. A stale version is answered 412.
func (c *call) mutate(status int, do func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error)) (reply, error) {
	id, err := c.pathID("id")
	if err != nil {
		return reply{}, err
	}
	guards, err := c.guards()
	if err != nil {
		return reply{}, err
	}
	out, err := do(c.ctx, id, guards...)
	if err != nil {
		return reply{}, stale(err)
	}
	return c.result(status, out), nil
}

// stale turns the registry's refusal of a stale version into 412.
func stale(err error) error {
	if errors.Is(err, registry.ErrStaleVersion) {
		return problem(http.StatusPreconditionFailed, codePreconditionFailed, coop.ErrorMessage(err))
	}
	return err
}

func hOpenAPI(c *call) (reply, error) { return ok(openAPIDocument()), nil }

func hApproveName(c *call) (reply, error) {
	var in registry.NameRequest
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	if in.Province == "" {
		if c.who == nil || !c.who.National {
			return reply{}, c.scoped("")
		}
	} else if err := c.scoped(in.Province); err != nil {
		return reply{}, err
	}
	a, err := c.a.reg.ApproveName(c.ctx, in, c.keyGuards()...)
	if err != nil {
		return reply{}, err
	}
	return c.result(http.StatusCreated, a), nil
}

func hGetApproval(c *call) (reply, error) {
	id, err := c.pathID("id")
	if err != nil {
		return reply{}, err
	}
	a, err := c.a.reg.GetApproval(c.ctx, id)
	if err != nil {
		return reply{}, err
	}
	if !c.who.Covers(a.Province) {
		redactApproval(&a)
	}
	return ok(a), nil
}

type renewalBody struct {
	AskedOn coop.Date `json:"asked_on"`
}

func hRenewApproval(c *call) (reply, error) {
	id, err := c.pathID("id")
	if err != nil {
		return reply{}, err
	}
	var in renewalBody
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	a, err := c.a.reg.GetApproval(c.ctx, id)
	if err != nil {
		return reply{}, err
	}
	if err := c.scoped(a.Province); err != nil {
		return reply{}, err
	}
	a, err = c.a.reg.RenewApproval(c.ctx, id, in.AskedOn, c.keyGuards()...)
	if err != nil {
		return reply{}, err
	}
	return c.result(http.StatusOK, a), nil
}

func hRegister(c *call) (reply, error) {
	var in registry.Registration
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	if err := c.scoped(in.Province); err != nil {
		return reply{}, err
	}
	co, err := c.a.reg.Register(c.ctx, in, c.keyGuards(c.authorize())...)
	if err != nil {
		return reply{}, err
	}
	return c.result(http.StatusCreated, co), nil
}

// selection reads the criteria a listing and an export share: kind,
// region, province, delegation, sector and status.
func selection(q url.Values) registry.Filter {
	return registry.Filter{Kind: coop.Kind(q.Get("kind")), Region: coop.RegionCode(q.Get("region")), Province: coop.ProvinceCode(q.Get("province")),
		Delegation: coop.DelegationID(q.Get("delegation")), Sector: coop.Sector(q.Get("sector")), Status: coop.Status(q.Get("status"))}
}

func hList(c *call) (reply, error) {
	q := c.r.URL.Query()
	f := selection(q)
	f.Name, f.Cursor = q.Get("name"), q.Get("cursor")
	var fs coop.Fields
	for _, p := range []struct {
		name string
		dst  *coop.Date
	}{{"registered_from", &f.RegisteredFrom}, {"registered_to", &f.RegisteredTo}} {
		if s := q.Get(p.name); s != "" {
			d, err := coop.ParseDate(s)
			fs.Merge(p.name, err)
			*p.dst = d
		}
	}
	limit, err := c.intParam("limit", 0, 1, registry.MaxLimit)
	fs.Merge("", err)
	f.Limit = limit
	if len(q.Get("name")) > 200 {
		fs.Add("name", "max", "200", "at most 200 characters")
	}
	if err := fs.Err("httpapi.List", "invalid query"); err != nil {
		return reply{}, err
	}
	p, err := c.a.reg.List(c.ctx, f)
	if err != nil {
		return reply{}, err
	}
	for i := range p.Items {
		c.redact(&p.Items[i])
	}
	return ok(p), nil
}

func hGet(c *call) (reply, error) {
	id, err := c.pathID("id")
	if err != nil {
		return reply{}, err
	}
	co, err := c.a.reg.Get(c.ctx, id)
	if err != nil {
		return reply{}, err
	}
	if match := c.r.Header.Get("If-None-Match"); match != "" && match == etag(co.Version) {
		return reply{status: http.StatusNotModified, raw: []byte{}, contentType: "application/json", etag: etag(co.Version)}, nil
	}
	return c.cooperative(http.StatusOK, co), nil
}

func hGetByNumber(c *call) (reply, error) {
	co, err := c.a.reg.GetByNumber(c.ctx, c.r.PathValue("number"))
	if err != nil {
		return reply{}, err
	}
	return c.cooperative(http.StatusOK, co), nil
}

func hStateAt(c *call) (reply, error) {
	id, err := c.pathID("id")
	if err != nil {
		return reply{}, err
	}
	date, err := c.dateParam("date", true)
	if err != nil {
		return reply{}, err
	}
	co, err := c.a.reg.StateAt(c.ctx, id, date)
	if err != nil {
		return reply{}, err
	}
	// Personal data follows the scope over the cooperative as it is now,
	// wherever its seat was then.
	cur, err := c.a.reg.Get(c.ctx, id)
	if err != nil {
		return reply{}, err
	}
	if !c.who.Covers(cur.Province) {
		redactCoop(&co)
	}
	return ok(co), nil
}

func hJournal(c *call) (reply, error) {
	id, err := c.pathID("id")
	if err != nil {
		return reply{}, err
	}
	cur, err := c.a.reg.Get(c.ctx, id)
	if err != nil {
		return reply{}, err
	}
	j, err := c.a.reg.Journal(c.ctx, id)
	if err != nil {
		return reply{}, err
	}
	if !c.who.Covers(cur.Province) {
		for i := range j {
			redactEntry(&j[i])
		}
	}
	return ok(j), nil
}

func hCompliance(c *call) (reply, error) {
	id, err := c.pathID("id")
	if err != nil {
		return reply{}, err
	}
	asOf, err := c.dateParam("as_of", false)
	if err != nil {
		return reply{}, err
	}
	co, err := c.a.reg.Get(c.ctx, id)
	if err != nil {
		return reply{}, err
	}
	return ok(coop.CheckLaw(&co, asOf)), nil
}

// verb is the handler of a write whose input is the body.
func verb[T any](do func(r *registry.Registry, ctx context.Context, id uuid.UUID, in T, guards ...registry.Guard) (coop.Cooperative, error)) func(*call) (reply, error) {
	return func(c *call) (reply, error) {
		var in T
		if err := c.decode(&in); err != nil {
			return reply{}, err
		}
		return c.mutate(http.StatusOK, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
			return do(c.a.reg, ctx, id, in, guards...)
		})
	}
}

var (
	hAssembly  = verb((*registry.Registry).HoldAssembly)
	hBoard     = verb((*registry.Registry).ElectBoard)
	hManagers  = verb((*registry.Registry).AppointManagers)
	hAuditor   = verb((*registry.Registry).AppointAuditor)
	hStatutes  = verb((*registry.Registry).AmendStatutes)
	hSeat      = verb((*registry.Registry).ChangeSeat)
	hTurnover  = verb((*registry.Registry).ReportTurnover)
	hDissolve  = statusVerb[dissolutionBody]((*registry.Registry).Dissolve)
	hLiquidate = statusVerb[liquidationBody]((*registry.Registry).OpenLiquidation)
	hStrikeOff = statusVerb[strikeOffBody]((*registry.Registry).StrikeOff)
)

// The bodies of the three changes of status, each with the fields its
// verb reads (a registry.StatusChange as JSON is each of them).
type (
	// dissolutionBody: the decision that dissolves (art. 82), and the
	// extraordinary assembly's votes when it decided.
	dissolutionBody struct {
		On     coop.Date   `json:"on"`
		Reason string      `json:"reason"`
		Votes  *coop.Votes `json:"votes,omitempty"`
	}
	// liquidationBody: the liquidator appointed (art. 83).
	liquidationBody struct {
		On         coop.Date `json:"on"`
		Liquidator string    `json:"liquidator"`
		Reason     string    `json:"reason,omitempty"`
	}
	// strikeOffBody: the ground of art. 13.
	strikeOffBody struct {
		On     coop.Date `json:"on"`
		Reason string    `json:"reason"`
	}
)

func (b dissolutionBody) change() registry.StatusChange {
	return registry.StatusChange{On: b.On, Reason: b.Reason, Votes: b.Votes}
}

func (b liquidationBody) change() registry.StatusChange {
	return registry.StatusChange{On: b.On, Reason: b.Reason, Liquidator: b.Liquidator}
}

func (b strikeOffBody) change() registry.StatusChange {
	return registry.StatusChange{On: b.On, Reason: b.Reason}
}

// statusVerb is the handler of a change of status whose body is B.
func statusVerb[B interface{ change() registry.StatusChange }](do func(r *registry.Registry, ctx context.Context, id uuid.UUID, in registry.StatusChange, guards ...registry.Guard) (coop.Cooperative, error)) func(*call) (reply, error) {
	return func(c *call) (reply, error) {
		var b B
		if err := c.decode(&b); err != nil {
			return reply{}, err
		}
		in := b.change()
		return c.mutate(http.StatusOK, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
			return do(c.a.reg, ctx, id, in, guards...)
		})
	}
}
