package httpapi

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/coop/readmodel"
	"github.com/taawun/taawun/programs"
)

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
	app, err := c.applicant(in.CooperativeID, in.Facts)
	if err != nil {
		return reply{}, err
	}
	req := programs.Request{Program: c.r.PathValue("program"), Call: in.Call, Phase: in.Phase, AsOf: in.AsOf, Applicant: app}
	rec, err := c.a.cat.Decide(req)
	if err != nil {
		return reply{}, err
	}
	return ok(eligibility(rec)), nil
}

// eligibility is the reply of a recorded decision, with its summary in
// each language.
func eligibility(rec programs.Record) Eligibility {
	out := Eligibility{Decision: rec.Decision, InputHash: rec.InputHash, Summary: map[coop.Lang]string{}}
	for _, l := range coop.Langs {
		out.Summary[l] = rec.Decision.Summary(l)
	}
	return out
}

// applicant is the applicant of an eligibility request: the registered
// cooperative id, with the project posted if any, or the facts posted.
func (c *call) applicant(id *uuid.UUID, facts programs.Facts) (programs.Applicant, error) {
	if id == nil {
		return facts.Applicant()
	}
	if facts.Cooperative != nil || facts.Person != nil || facts.Enterprise != nil {
		return programs.Applicant{}, coop.Fieldf("cooperative", "exclusive", "give cooperative_id or facts, not both")
	}
	co, err := c.a.reg.Get(c.ctx, *id)
	if err != nil {
		return programs.Applicant{}, err
	}
	app := programs.Applicant{Cooperative: &co}
	if facts.Project != nil {
		only := programs.Facts{Project: facts.Project}
		a, err := only.Applicant()
		if err != nil {
			return programs.Applicant{}, err
		}
		app.Project = a.Project
	}
	return app, nil
}

// hEligibilityAll decides one applicant against every programme of the
// catalogue (programs.Catalogue.DecideAll).
func hEligibilityAll(c *call) (reply, error) {
	var in EligibilityAllRequest
	if err := c.decode(&in); err != nil {
		return reply{}, err
	}
	if in.AsOf.IsZero() {
		in.AsOf = c.today()
	}
	app, err := c.applicant(in.CooperativeID, in.Facts)
	if err != nil {
		return reply{}, err
	}
	recs, err := c.a.cat.DecideAll(in.AsOf, app)
	if err != nil {
		return reply{}, err
	}
	out := EligibilityAll{AsOf: in.AsOf, Decisions: make([]Eligibility, len(recs))}
	for i, rec := range recs {
		out.Decisions[i] = eligibility(rec)
		out.Catalogue = rec.Catalogue
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
	line := ndjsonLine
	switch view := c.r.URL.Query().Get("view"); view {
	case "", "full":
	case "summary":
		// The date each outcome changes is part of the summary.
		line, opts.ChangeDates = summaryLine, true
	default:
		return reply{}, coop.Fieldf("view", "enum", "%q: full or summary", coop.Excerpt(view))
	}
	if v := c.r.URL.Query().Get("outcome"); v != "" {
		// A stream of the decisions of these outcomes only; the counts
		// still cover every decision.
		for o := range strings.SplitSeq(v, ",") {
			out := programs.Outcome(strings.TrimSpace(o))
			if !out.Valid() {
				return reply{}, coop.Fieldf("outcome", "enum", "%q: eligible, ineligible or undetermined, comma-separated", coop.Excerpt(o))
			}
			opts.Outcomes = append(opts.Outcomes, out)
		}
	}
	accept := c.r.Header.Get("Accept")
	switch {
	case strings.Contains(accept, "application/x-ndjson"):
		return streamScreening(c, m, opts, line, "application/x-ndjson")
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
func streamScreening(c *call, m *readmodel.Model, opts programs.ScreenOptions, line lineFunc, contentType string) (reply, error) {
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
	lines, written := 0, 0
	lastFlush, first := time.Now(), true
	bufs := sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}
	opts.OnScreened = func(i int, v *programs.Screened) {
		bp := bufs.Get().(*[]byte)
		b := line((*bp)[:0], m, i, v)
		mu.Lock()
		lines++
		written += len(b)
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
	if bigStream(lines, written) {
		// The lines of a large stream were garbage as soon as written; the
		// memory they took goes back to the system rather than stay
		// resident until the next collection that needs it.
		debug.FreeOSMemory()
	}
	if err != nil || werr != nil {
		// The status is sent: the client sees the stream end early.
		c.a.log.Warn("a screening stream ended early", slog.Any("error", errors.Join(err, werr)))
	}
	return reply{streamed: true}, nil
}

// releaseAfter is the number of lines after which a stream gives back to
// the system the memory its lines took: a screening of a delegation's
// registry does not, one of the national registry does.
const releaseAfter = 100_000

// releaseAfterBytes is the same in bytes written: a stream of fewer,
// larger lines (the decisions of one outcome, made whole) leaves as much
// garbage behind.
const releaseAfterBytes = 32 << 20

// bigStream reports whether a stream of lines lines and written bytes
// gives back the memory they took when it ends.
func bigStream(lines, written int) bool {
	return lines >= releaseAfter || written >= releaseAfterBytes
}

// lineFunc appends to b the line of a streamed screening for v, the
// decision of the i-th cooperative of m. A line that reads only the
// outcome and the failing criteria (csvLine) leaves the reasons unmade.
type lineFunc func(b []byte, m *readmodel.Model, i int, v *programs.Screened) []byte

// ndjsonLine writes a decision as a JSON line.
func ndjsonLine(b []byte, m *readmodel.Model, i int, v *programs.Screened) []byte {
	j, err := json.Marshal(screenedDecision{CooperativeID: m.ID(i), Name: m.Name(i), Decision: v.Decision()})
	if err != nil {
		return b
	}
	return append(append(b, j...), '\n')
}

// screenedSummary is a line of a screening streamed with view=summary:
// a cooperative, the outcome of one programme, the date it changes and
// the criteria that fail or are unknown, without reasons.
type screenedSummary struct {
	CooperativeID uuid.UUID        `json:"cooperative_id"`
	Program       string           `json:"program"`
	Call          string           `json:"call,omitempty"`
	Outcome       programs.Outcome `json:"outcome"`
	ChangesOn     coop.Date        `json:"changes_on,omitzero"`
	ChangesTo     programs.Outcome `json:"changes_to,omitempty"`
	Failed        []string         `json:"failed,omitempty"`
	Unknown       []string         `json:"unknown,omitempty"`
}

// summaryLine writes a decision as a summary line (screenedSummary).
func summaryLine(b []byte, m *readmodel.Model, i int, v *programs.Screened) []byte {
	d := v.Decision() // made whole already: the summary asks for change dates
	j, err := json.Marshal(screenedSummary{CooperativeID: m.ID(i), Program: d.Program, Call: d.Call, Outcome: d.Outcome,
		ChangesOn: d.ChangesOn, ChangesTo: d.ChangesTo, Failed: d.IDs(coop.Fail), Unknown: d.IDs(coop.Unknown)})
	if err != nil {
		return b
	}
	return append(append(b, j...), '\n')
}

// csvLine writes a decision as a CSV record: the criteria that failed and
// those unknown by their IDs, separated by spaces. It reads the decision
// as the screening decided it, and makes no reason.
func csvLine(b []byte, m *readmodel.Model, i int, v *programs.Screened) []byte {
	e := csvEncoders.Get().(*csvEncoder)
	defer csvEncoders.Put(e)
	e.ids = v.Failed(e.ids[:0])
	failed := strings.Join(e.ids, " ")
	e.ids = v.Unknown(e.ids[:0])
	_ = e.w.Write([]string{m.ID(i).String(), coop.NeutralizeCell(m.Name(i)), v.Program(), v.Call(), string(v.Outcome()),
		failed, strings.Join(e.ids, " ")})
	e.w.Flush()
	b = append(b, e.buf.Bytes()...)
	e.buf.Reset()
	return b
}

// csvEncoder writes the records of a CSV stream into buf, one at a time;
// csvEncoders keeps them from one record to the next, so that a record
// does not allocate the writer's buffer again.
type csvEncoder struct {
	buf bytes.Buffer
	w   *csv.Writer
	ids []string
}

var csvEncoders = sync.Pool{New: func() any {
	e := &csvEncoder{}
	e.w = csv.NewWriter(&e.buf)
	return e
}}
