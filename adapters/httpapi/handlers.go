package httpapi

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
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

// member is mutate for a route with a {member} path value.
func (c *call) member(do func(ctx context.Context, id, member uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error)) (reply, error) {
	m, err := c.pathID("member")
	if err != nil {
		return reply{}, err
	}
	return c.mutate(http.StatusOK, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return do(ctx, id, m, guards...)
	})
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

func hAdmit(c *call) (reply, error) {
	var in registry.Admission
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.mutate(http.StatusCreated, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.AdmitMember(ctx, id, in, guards...)
	})
}

func hSubscribe(c *call) (reply, error) {
	var in registry.Subscription
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.SubscribeShares(ctx, id, m, in, guards...)
	})
}

func hPay(c *call) (reply, error) {
	var in registry.Payment
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.PayShares(ctx, id, m, in, guards...)
	})
}

func hWithdraw(c *call) (reply, error) {
	var in registry.WithdrawalInput
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.RequestWithdrawal(ctx, id, m, in, guards...)
	})
}

func hAnswer(c *call) (reply, error) {
	var in registry.WithdrawalAnswer
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.AnswerWithdrawal(ctx, id, m, in, guards...)
	})
}

func hExclude(c *call) (reply, error) {
	var in registry.Exclusion
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.ExcludeMember(ctx, id, m, in, guards...)
	})
}

func hDeparture(c *call) (reply, error) {
	var in registry.Departure
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.member(func(ctx context.Context, id, m uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.RecordDeparture(ctx, id, m, in, guards...)
	})
}

type transferBody struct {
	From uuid.UUID `json:"from"`
	To   uuid.UUID `json:"to"`
	registry.Transfer
}

func hTransfer(c *call) (reply, error) {
	var in transferBody
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	return c.mutate(http.StatusOK, func(ctx context.Context, id uuid.UUID, guards ...registry.Guard) (coop.Cooperative, error) {
		return c.a.reg.TransferShares(ctx, id, in.From, in.To, in.Transfer, guards...)
	})
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

func hPrograms(c *call) (reply, error) { return ok(c.a.cat.Programs()), nil }

func hProgram(c *call) (reply, error) {
	p, found := c.a.cat.Program(c.r.PathValue("program"))
	if !found {
		return reply{}, coop.Errorf(coop.NotFound, "unknown programme %q", coop.Excerpt(c.r.PathValue("program")))
	}
	return ok(p), nil
}

// EligibilityRequest asks for a decision: for a registered cooperative
// (cooperative_id) or for facts in the shape of a case file.
func hEligibility(c *call) (reply, error) {
	var in EligibilityRequest
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	if in.AsOf.IsZero() {
		in.AsOf = c.today()
	}
	var app programs.Applicant
	if in.CooperativeID != nil {
		if in.Cooperative != nil || in.Person != nil {
			return reply{}, coop.Fieldf("cooperative", "exclusive", "give cooperative_id or facts, not both")
		}
		co, err := c.a.reg.Get(c.ctx, *in.CooperativeID)
		if err != nil {
			return reply{}, err
		}
		app.Cooperative = &co
		if in.Project != nil {
			f := programs.Facts{Project: in.Project}
			a, err := f.Applicant()
			if err != nil {
				return reply{}, err
			}
			app.Project = a.Project
		}
	} else {
		a, err := in.Facts.Applicant()
		if err != nil {
			return reply{}, err
		}
		app = a
	}
	req := programs.Request{Program: c.r.PathValue("program"), Call: in.Call, Phase: in.Phase, AsOf: in.AsOf, Applicant: app}
	rec, err := c.a.cat.Decide(req)
	if err != nil {
		return reply{}, err
	}
	out := Eligibility{Decision: rec.Decision, InputHash: rec.InputHash, Summary: map[coop.Lang]string{}}
	for _, l := range coop.Langs {
		out.Summary[l] = rec.Decision.Summary(l)
	}
	return ok(out), nil
}

func hScreen(c *call) (reply, error) {
	var in ScreeningRequest
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	if in.AsOf.IsZero() {
		in.AsOf = c.today()
	}
	// The registry's read model, kept current commit by commit.
	m, err := c.readModel()
	if err != nil {
		return reply{}, err
	}
	opts := programs.ScreenOptions{AsOf: in.AsOf, Programs: in.Programs, Calls: in.Calls}
	accept := c.r.Header.Get("Accept")
	switch {
	case strings.Contains(accept, "application/x-ndjson"):
		return streamScreening(c, m, opts, ndjsonLine, "application/x-ndjson")
	case strings.Contains(accept, "text/csv"):
		return streamScreening(c, m, opts, csvLine, "text/csv; charset=utf-8")
	}
	start := time.Now()
	rep, err := c.a.cat.ScreenModel(c.ctx, m, opts)
	if err != nil {
		return reply{}, err
	}
	c.w.Header().Set("Server-Timing", timing("compute", time.Since(start)))
	return ok(rep), nil
}

// screenedDecision is a line of a streamed screening: a cooperative and
// its decision for one programme, with every criterion and reason.
type screenedDecision struct {
	CooperativeID uuid.UUID          `json:"cooperative_id"`
	Name          string             `json:"name"`
	Decision      *programs.Decision `json:"decision"`
}

// streamScreening screens m and writes every decision as it is made, a
// line each (encoded by line), flushed to the client as it goes; a last
// NDJSON line, or nothing for a CSV, carries the counts. The decisions of
// the workers are written one at a time.
func streamScreening(c *call, m *readmodel.Model, opts programs.ScreenOptions, line func(b []byte, m *readmodel.Model, i int, d *programs.Decision) []byte, contentType string) (reply, error) {
	// Refuse an unknown programme before anything is written.
	if _, err := c.a.cat.ScreenModel(c.ctx, &readmodel.Model{}, opts); err != nil {
		return reply{}, err
	}
	h := c.w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "no-store")
	c.w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(c.w)
	var mu sync.Mutex
	out := bufio.NewWriterSize(c.w, 64<<10)
	if contentType != "application/x-ndjson" {
		_, _ = out.WriteString("cooperative_id,name,program,call,outcome,failed,unknown\n")
	}
	var werr error
	lastFlush, first := time.Now(), true
	bufs := sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}
	opts.OnDecision = func(i int, d *programs.Decision) {
		bp := bufs.Get().(*[]byte)
		b := line((*bp)[:0], m, i, d)
		mu.Lock()
		if werr == nil {
			_, werr = out.Write(b)
			// The first decision at once, then at most every 50 ms.
			if werr == nil && (first || time.Since(lastFlush) > 50*time.Millisecond) {
				if werr = out.Flush(); werr == nil {
					_ = rc.Flush()
				}
				first, lastFlush = false, time.Now()
			}
		}
		mu.Unlock()
		*bp = b
		bufs.Put(bp)
	}
	rep, err := c.a.cat.ScreenModel(c.ctx, m, opts)
	if err == nil && contentType == "application/x-ndjson" {
		var b []byte
		if b, err = json.Marshal(map[string]any{"summary": rep}); err == nil {
			_, _ = out.Write(append(b, '\n'))
		}
	}
	if ferr := out.Flush(); werr == nil {
		werr = ferr
	}
	_ = rc.Flush()
	if err != nil || werr != nil {
		// The status is sent: the client sees the stream end early.
		c.a.log.Warn("a screening stream ended early", slog.Any("error", errors.Join(err, werr)))
	}
	return reply{streamed: true}, nil
}

// ndjsonLine writes a decision as a JSON line.
func ndjsonLine(b []byte, m *readmodel.Model, i int, d *programs.Decision) []byte {
	j, err := json.Marshal(screenedDecision{CooperativeID: m.ID(i), Name: m.Name(i), Decision: d})
	if err != nil {
		return b
	}
	return append(append(b, j...), '\n')
}

// csvLine writes a decision as a CSV record: the criteria that failed and
// those unknown by their IDs, separated by spaces.
func csvLine(b []byte, m *readmodel.Model, i int, d *programs.Decision) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{m.ID(i).String(), m.Name(i), d.Program, d.Call, string(d.Outcome),
		strings.Join(d.IDs(coop.Fail), " "), strings.Join(d.IDs(coop.Unknown), " ")})
	w.Flush()
	return append(b, buf.Bytes()...)
}

func (c *call) wantsCSV() (bool, error) {
	switch f := c.r.URL.Query().Get("format"); f {
	case "csv":
		return true, nil
	case "", "json":
		return f == "" && strings.Contains(c.r.Header.Get("Accept"), "text/csv"), nil
	default:
		return false, coop.Fieldf("format", "enum", "%q: json or csv", coop.Excerpt(f))
	}
}

func hStats(c *call) (reply, error) {
	var fs coop.Fields
	asOf, err := c.dateParam("as_of", false)
	fs.Merge("", err)
	decimals, err := c.intParam("decimals", 1, 0, 4)
	fs.Merge("", err)
	dims, err := c.dimensions()
	fs.Merge("", err)
	csv, err := c.wantsCSV()
	fs.Merge("", err)
	if err := fs.Err("httpapi.Stats", "invalid query"); err != nil {
		return reply{}, err
	}
	m, err := c.readModel()
	if err != nil {
		return reply{}, err
	}
	t, err := stats.CountModel(m, asOf, decimals, dims...)
	if err != nil {
		return reply{}, err
	}
	if csv {
		var b bytes.Buffer
		if err := t.WriteCSV(&b, lang(c.r)); err != nil {
			return reply{}, err
		}
		return reply{status: http.StatusOK, raw: b.Bytes(), contentType: "text/csv; charset=utf-8"}, nil
	}
	return ok(t), nil
}

func hNational(c *call) (reply, error) {
	var fs coop.Fields
	asOf, err := c.dateParam("as_of", false)
	fs.Merge("", err)
	decimals, err := c.intParam("decimals", 1, 0, 4)
	fs.Merge("", err)
	youth, err := c.intParam("youth_max_age", stats.DefaultYouthMaxAge, 18, 120)
	fs.Merge("", err)
	csv, err := c.wantsCSV()
	fs.Merge("", err)
	if err := fs.Err("httpapi.National", "invalid query"); err != nil {
		return reply{}, err
	}
	m, err := c.readModel()
	if err != nil {
		return reply{}, err
	}
	r, err := stats.NationalModel(m, stats.ReportOptions{AsOf: asOf, Decimals: decimals, YouthMaxAge: youth})
	if err != nil {
		return reply{}, err
	}
	if csv {
		var b bytes.Buffer
		if err := r.WriteCSV(&b, lang(c.r)); err != nil {
			return reply{}, err
		}
		return reply{status: http.StatusOK, raw: b.Bytes(), contentType: "text/csv; charset=utf-8"}, nil
	}
	return ok(r), nil
}

// dimensions reads the by parameter: one or two dimensions, comma-separated.
func (c *call) dimensions() ([]stats.Dimension, error) {
	var dims []stats.Dimension
	for _, s := range strings.Split(c.r.URL.Query().Get("by"), ",") {
		d, err := stats.ParseDimension(strings.TrimSpace(s))
		if err != nil {
			return nil, coop.AtField("by", err)
		}
		dims = append(dims, d)
	}
	return dims, nil
}

// lang reads the first language of Accept-Language that Taawun speaks.
func lang(r *http.Request) coop.Lang {
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		if l, err := coop.ParseLang(tag); err == nil {
			return l
		}
	}
	return coop.FR
}
