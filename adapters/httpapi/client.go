package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
)

// Client calls a Taawun server with the library's own types: one method
// per operation of the API, each taking a context. A refusal comes back as
// a *coop.Error with the server's code, message, article and field errors,
// so that errors.Is(err, coop.ErrNotFound) and coop.ErrorCode work across
// the wire as they do in process.
//
// A Client is safe for concurrent use.
type Client struct {
	base  string
	http  *http.Client
	token string
}

// ClientOptions configures a Client. The zero value is usable.
type ClientOptions struct {
	// HTTPClient sends the requests; http.DefaultClient when nil.
	HTTPClient *http.Client
	// Token is sent as a bearer token on every request; anonymous when
	// empty (the registry's public facts only).
	Token string
}

// NewClient returns a client of the server at base, e.g.
// "https://taawun.example.ma" (the /v1 prefix is added by the methods).
func NewClient(base string, opts *ClientOptions) *Client {
	if opts == nil {
		opts = &ClientOptions{}
	}
	c := &Client{base: strings.TrimSuffix(base, "/"), http: opts.HTTPClient, token: opts.Token}
	if c.http == nil {
		c.http = http.DefaultClient
	}
	return c
}

// CallOption adds a guard or a key to a writing call.
type CallOption func(*http.Request)

// IfVersion makes the write conditional on the cooperative's version
// (If-Match): a stale version is refused with coop.Conflict and nothing
// is written.
func IfVersion(v int64) CallOption {
	return func(r *http.Request) { r.Header.Set("If-Match", strconv.Quote(strconv.FormatInt(v, 10))) }
}

// IdempotencyKey makes a retried write safe: the server performs the
// first request with the key once and answers its retries with the same
// result.
func IdempotencyKey(key string) CallOption {
	return func(r *http.Request) { r.Header.Set("Idempotency-Key", key) }
}

// ReturnMinimal asks the server for the status and headers of a write
// without its body (Prefer: return=minimal, RFC 7240): the call's result
// is then left as it was, and a client that needs only the new version
// reads it from the ETag.
func ReturnMinimal() CallOption {
	return func(r *http.Request) { r.Header.Set("Prefer", "return=minimal") }
}

// do sends one request and decodes the success body into out (unless nil
// or the body is empty).
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body, out any, opts []CallOption) error {
	u := c.base + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	var rd io.Reader
	contentType := "application/json"
	switch b := body.(type) {
	case nil:
	case csvBody:
		rd, contentType = b.r, "text/csv"
	default:
		j, err := json.Marshal(b)
		if err != nil {
			return &coop.Error{Code: coop.Invalid, Op: "httpapi.Client", Message: "the request cannot be encoded", Err: err}
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return &coop.Error{Code: coop.Invalid, Op: "httpapi.Client", Message: "the request cannot be made", Err: err}
	}
	if body != nil {
		req.Header.Set("Content-Type", contentType)
	}
	accept := "application/json"
	if _, ok := out.(io.Writer); ok {
		accept = "text/csv"
	}
	req.Header.Set("Accept", accept)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for _, o := range opts {
		o(req)
	}
	res, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &coop.Error{Code: coop.Unavailable, Op: "httpapi.Client", Message: "the server cannot be reached", Err: err}
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		return &coop.Error{Code: coop.Unavailable, Op: "httpapi.Client", Message: "the reply was cut", Err: err}
	}
	if res.StatusCode >= 300 {
		return problemError(res.StatusCode, data)
	}
	if w, ok := out.(io.Writer); ok {
		if _, err := w.Write(data); err != nil {
			return err
		}
		return nil
	}
	if out == nil || len(data) == 0 {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return &coop.Error{Code: coop.Internal, Op: "httpapi.Client", Message: "the reply cannot be read", Err: err}
	}
	return nil
}

// codeOfProblem maps the adapter's own HTTP codes to the library's.
var codeOfProblem = map[string]coop.Code{
	codeUnauthenticated:    coop.Forbidden,
	codeMethodNotAllowed:   coop.Invalid,
	codeTooLarge:           coop.Invalid,
	codeUnsupportedMedia:   coop.Invalid,
	codePreconditionFailed: coop.Conflict,
	codeIdempotency:        coop.Conflict,
	codeKeyInUse:           coop.Conflict,
	codeTimeout:            coop.Unavailable,
}

// problemError turns a problem reply into a *coop.Error.
func problemError(status int, body []byte) error {
	var p Problem
	if err := json.Unmarshal(body, &p); err != nil || p.Code == "" {
		code := coop.Internal
		for c, s := range statusOf {
			if s == status && c != coop.Internal {
				code = c
			}
		}
		return &coop.Error{Code: code, Op: "httpapi.Client", Message: fmt.Sprintf("HTTP %d", status)}
	}
	code := coop.Code(p.Code)
	if c, ok := codeOfProblem[p.Code]; ok {
		code = c
	}
	msg := p.Detail
	if msg == "" {
		msg = p.Title
	}
	return &coop.Error{Code: code, Op: "httpapi.Client", Message: msg, Article: p.Article, Fields: p.Errors,
		Err: fmt.Errorf("HTTP %d %s", status, p.Code)}
}

func coopPath(id uuid.UUID, rest ...string) string {
	return "/v1/cooperatives/" + id.String() + strings.Join(rest, "")
}

func dateQuery(name string, d coop.Date) url.Values {
	q := url.Values{}
	if !d.IsZero() {
		q.Set(name, d.String())
	}
	return q
}

// OpenAPI returns the server's OpenAPI 3.1 document.
func (c *Client) OpenAPI(ctx context.Context) (map[string]any, error) {
	var out map[string]any
	return out, c.do(ctx, "GET", "/v1/openapi.json", nil, nil, &out, nil)
}

// ApproveName asks for a name approval (art. 7).
func (c *Client) ApproveName(ctx context.Context, in registry.NameRequest, opts ...CallOption) (registry.NameApproval, error) {
	var out registry.NameApproval
	return out, c.do(ctx, "POST", "/v1/name-approvals", nil, in, &out, opts)
}

// NameApproval reads a name approval.
func (c *Client) NameApproval(ctx context.Context, id uuid.UUID) (registry.NameApproval, error) {
	var out registry.NameApproval
	return out, c.do(ctx, "GET", "/v1/name-approvals/"+id.String(), nil, nil, &out, nil)
}

// RenewNameApproval renews a lapsed approval once (D 4), asked on askedOn.
func (c *Client) RenewNameApproval(ctx context.Context, id uuid.UUID, askedOn coop.Date, opts ...CallOption) (registry.NameApproval, error) {
	var out registry.NameApproval
	return out, c.do(ctx, "POST", "/v1/name-approvals/"+id.String()+"/renewal", nil, renewalBody{AskedOn: askedOn}, &out, opts)
}

// Register registers a cooperative under an approved name (arts. 7-11).
func (c *Client) Register(ctx context.Context, in registry.Registration, opts ...CallOption) (coop.Cooperative, error) {
	var out coop.Cooperative
	return out, c.do(ctx, "POST", "/v1/cooperatives", nil, in, &out, opts)
}

// setSelection sets in q the criteria of f a listing and an export share:
// kind, region, province, delegation, sector and status.
func setSelection(q url.Values, f registry.Filter) {
	for _, kv := range [][2]string{{"kind", string(f.Kind)}, {"region", string(f.Region)}, {"province", string(f.Province)},
		{"delegation", string(f.Delegation)}, {"sector", string(f.Sector)}, {"status", string(f.Status)}} {
		if kv[1] != "" {
			q.Set(kv[0], kv[1])
		}
	}
}

// List lists cooperatives with f's filters, a page at a time: pass the
// page's Next as the next filter's Cursor.
func (c *Client) List(ctx context.Context, f registry.Filter) (registry.Page, error) {
	q := url.Values{}
	setSelection(q, f)
	for _, kv := range [][2]string{{"name", f.Name}, {"cursor", f.Cursor}} {
		if kv[1] != "" {
			q.Set(kv[0], kv[1])
		}
	}
	if !f.RegisteredFrom.IsZero() {
		q.Set("registered_from", f.RegisteredFrom.String())
	}
	if !f.RegisteredTo.IsZero() {
		q.Set("registered_to", f.RegisteredTo.String())
	}
	if f.Limit != 0 {
		q.Set("limit", strconv.Itoa(f.Limit))
	}
	var out registry.Page
	return out, c.do(ctx, "GET", "/v1/cooperatives", q, nil, &out, nil)
}

// csvBody is a request body sent as text/csv.
type csvBody struct{ r io.Reader }

// ExportRegister writes to w the register of the cooperatives matching f
// (its kind, region, province, delegation, sector and status) at a date
// (today when zero), as CSV in the layout of registry.RegisterColumns.
// Personal data the client's token does not cover is left empty.
func (c *Client) ExportRegister(ctx context.Context, w io.Writer, f registry.Filter, at coop.Date) error {
	q := dateQuery("as_of", at)
	setSelection(q, f)
	return c.do(ctx, "GET", "/v1/register", q, nil, w, nil)
}

// ImportRegister sends a register as CSV (registry.RegisterColumns) to be
// imported: every row is checked and nothing is stored unless the whole
// file passes; a refusal lists each problem with its line and column as
// a field error's Source. It returns how many cooperatives were stored.
func (c *Client) ImportRegister(ctx context.Context, r io.Reader, opts ...CallOption) (int, error) {
	var out ImportResult
	err := c.do(ctx, "POST", "/v1/register", nil, csvBody{r}, &out, opts)
	return out.Imported, err
}

// Get reads a cooperative; members' personal data is redacted unless the
// client's token covers it.
func (c *Client) Get(ctx context.Context, id uuid.UUID) (coop.Cooperative, error) {
	var out coop.Cooperative
	return out, c.do(ctx, "GET", coopPath(id), nil, nil, &out, nil)
}

// ByNumber reads a cooperative by its registration number, e.g.
// "1/MEK/2019/106".
func (c *Client) ByNumber(ctx context.Context, number string) (coop.Cooperative, error) {
	var out coop.Cooperative
	return out, c.do(ctx, "GET", "/v1/registration-numbers/"+url.PathEscape(number), nil, nil, &out, nil)
}

// StateAt reads the cooperative as it stood at a date.
func (c *Client) StateAt(ctx context.Context, id uuid.UUID, date coop.Date) (coop.Cooperative, error) {
	var out coop.Cooperative
	return out, c.do(ctx, "GET", coopPath(id, "/state"), url.Values{"date": {date.String()}}, nil, &out, nil)
}

// Journal reads the cooperative's chronological journal.
func (c *Client) Journal(ctx context.Context, id uuid.UUID) ([]registry.Entry, error) {
	var out []registry.Entry
	return out, c.do(ctx, "GET", coopPath(id, "/journal"), nil, nil, &out, nil)
}

// Compliance runs the Law 112-12 check at asOf (today when zero).
func (c *Client) Compliance(ctx context.Context, id uuid.UUID, asOf coop.Date) (coop.Report, error) {
	var out coop.Report
	return out, c.do(ctx, "GET", coopPath(id, "/compliance"), dateQuery("as_of", asOf), nil, &out, nil)
}

// write posts a change of one cooperative and returns its new state.
func (c *Client) write(ctx context.Context, path string, body any, opts []CallOption) (coop.Cooperative, error) {
	var out coop.Cooperative
	return out, c.do(ctx, "POST", path, nil, body, &out, opts)
}

// AdmitMember admits a member (art. 15).
func (c *Client) AdmitMember(ctx context.Context, id uuid.UUID, in registry.Admission, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/members"), in, opts)
}

// SubscribeShares records a member's subscription of shares (arts. 7, 26).
func (c *Client) SubscribeShares(ctx context.Context, id, member uuid.UUID, in registry.Subscription, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/members/", member.String(), "/subscriptions"), in, opts)
}

// PayShares records a payment on a member's shares (art. 26).
func (c *Client) PayShares(ctx context.Context, id, member uuid.UUID, in registry.Payment, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/members/", member.String(), "/payments"), in, opts)
}

// RequestWithdrawal records a member's withdrawal request (arts. 18-19).
func (c *Client) RequestWithdrawal(ctx context.Context, id, member uuid.UUID, in registry.WithdrawalInput, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/members/", member.String(), "/withdrawal"), in, opts)
}

// AnswerWithdrawal records the board's answer to a withdrawal (art. 19).
func (c *Client) AnswerWithdrawal(ctx context.Context, id, member uuid.UUID, in registry.WithdrawalAnswer, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/members/", member.String(), "/withdrawal/answer"), in, opts)
}

// ExcludeMember excludes a member by two thirds of the votes (art. 20).
func (c *Client) ExcludeMember(ctx context.Context, id, member uuid.UUID, in registry.Exclusion, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/members/", member.String(), "/exclusion"), in, opts)
}

// RecordDeparture records a member's death or incapacity (art. 24).
func (c *Client) RecordDeparture(ctx context.Context, id, member uuid.UUID, in registry.Departure, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/members/", member.String(), "/departure"), in, opts)
}

// TransferShares transfers shares from one member to another (art. 28).
func (c *Client) TransferShares(ctx context.Context, id, from, to uuid.UUID, in registry.Transfer, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/transfers"), transferBody{From: from, To: to, Transfer: in}, opts)
}

// HoldAssembly records a general assembly (art. 43).
func (c *Client) HoldAssembly(ctx context.Context, id uuid.UUID, in registry.AssemblyInput, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/assemblies"), in, opts)
}

// ElectBoard records the election of the board (art. 50).
func (c *Client) ElectBoard(ctx context.Context, id uuid.UUID, in registry.Officers, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/board"), in, opts)
}

// AppointManagers records the appointment of managers (arts. 47, 65).
func (c *Client) AppointManagers(ctx context.Context, id uuid.UUID, in registry.Officers, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/managers"), in, opts)
}

// AppointAuditor records the appointment of the auditor (art. 72).
func (c *Client) AppointAuditor(ctx context.Context, id uuid.UUID, in registry.AuditorInput, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/auditor"), in, opts)
}

// AmendStatutes records an amendment of the statutes (arts. 42-43).
func (c *Client) AmendStatutes(ctx context.Context, id uuid.UUID, in registry.Amendment, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/statutes"), in, opts)
}

// ChangeSeat records a move of the seat.
func (c *Client) ChangeSeat(ctx context.Context, id uuid.UUID, in registry.SeatChange, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/seat"), in, opts)
}

// ReportTurnover records a closed year's turnover (art. 68).
func (c *Client) ReportTurnover(ctx context.Context, id uuid.UUID, in registry.TurnoverInput, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/turnover"), in, opts)
}

// Dissolve records the dissolution (art. 82).
func (c *Client) Dissolve(ctx context.Context, id uuid.UUID, in registry.StatusChange, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/dissolution"), in, opts)
}

// OpenLiquidation records the appointment of the liquidator (art. 83).
func (c *Client) OpenLiquidation(ctx context.Context, id uuid.UUID, in registry.StatusChange, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/liquidation"), in, opts)
}

// StrikeOff strikes the cooperative off the register (art. 13).
func (c *Client) StrikeOff(ctx context.Context, id uuid.UUID, in registry.StatusChange, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/striking-off"), in, opts)
}

// RecordSupport records a support action and the cooperatives it reached.
func (c *Client) RecordSupport(ctx context.Context, in registry.SupportAction, opts ...CallOption) (registry.RecordedAction, error) {
	var out registry.RecordedAction
	return out, c.do(ctx, "POST", "/v1/support-actions", nil, in, &out, opts)
}

// Select records the cooperative's selection by a programme's call.
func (c *Client) Select(ctx context.Context, id uuid.UUID, in registry.SelectionInput, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/selections"), in, opts)
}

// LabelsAt reads the labels and approvals the cooperative held at date
// (today when zero).
func (c *Client) LabelsAt(ctx context.Context, id uuid.UUID, date coop.Date) ([]coop.Label, error) {
	var out []coop.Label
	return out, c.do(ctx, "GET", coopPath(id, "/labels"), dateQuery("date", date), nil, &out, nil)
}

// AwardLabel records a label, brand right, certification or approval.
func (c *Client) AwardLabel(ctx context.Context, id uuid.UUID, in registry.LabelInput, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/labels"), in, opts)
}

// SuspendLabel suspends a label.
func (c *Client) SuspendLabel(ctx context.Context, id, label uuid.UUID, in registry.LabelChange, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/labels/", label.String(), "/suspension"), in, opts)
}

// WithdrawLabel withdraws a label.
func (c *Client) WithdrawLabel(ctx context.Context, id, label uuid.UUID, in registry.LabelChange, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/labels/", label.String(), "/withdrawal"), in, opts)
}

// JoinGrouping records the cooperative joining the National Federation or
// an EIG.
func (c *Client) JoinGrouping(ctx context.Context, id uuid.UUID, in registry.GroupingInput, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/groupings"), in, opts)
}

// LeaveGrouping ends the cooperative's membership of a grouping on a date;
// for a union, both sides change together.
func (c *Client) LeaveGrouping(ctx context.Context, id, grouping uuid.UUID, on coop.Date, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(id, "/groupings/", grouping.String(), "/end"), endBody{On: on}, opts)
}

// JoinUnion admits a cooperative to the union id (art. 85); both change in
// one transaction. The union is returned.
func (c *Client) JoinUnion(ctx context.Context, union uuid.UUID, in registry.UnionMembership, opts ...CallOption) (coop.Cooperative, error) {
	return c.write(ctx, coopPath(union, "/union-members"), in, opts)
}

// ExpiringLabels lists the labels in force whose validity ends between
// from (today when zero) and to.
func (c *Client) ExpiringLabels(ctx context.Context, from, to coop.Date) ([]stats.Expiry, error) {
	q := dateQuery("from", from)
	q.Set("to", to.String())
	var out []stats.Expiry
	return out, c.do(ctx, "GET", "/v1/labels/expiring", q, nil, &out, nil)
}

// Programs reads the catalogue of programmes.
func (c *Client) Programs(ctx context.Context) ([]programs.Program, error) {
	var out []programs.Program
	return out, c.do(ctx, "GET", "/v1/programs", nil, nil, &out, nil)
}

// Program reads one programme of the catalogue.
func (c *Client) Program(ctx context.Context, id string) (programs.Program, error) {
	var out programs.Program
	return out, c.do(ctx, "GET", "/v1/programs/"+url.PathEscape(id), nil, nil, &out, nil)
}

// EligibilityRequest asks for a decision: on a registered cooperative
// (CooperativeID) or on facts posted with the request (Facts), never
// both.
type EligibilityRequest struct {
	// AsOf is the date of the decision; today when zero.
	AsOf coop.Date `json:"as_of"`
	// Call and Phase name a call and its phase; the call in force when
	// empty.
	Call          string     `json:"call,omitempty"`
	Phase         string     `json:"phase,omitempty"`
	CooperativeID *uuid.UUID `json:"cooperative_id,omitempty"`
	programs.Facts
}

// Eligibility is a decision with its summary in each language and the
// SHA-256 of its inputs, for the record.
type Eligibility struct {
	Decision  programs.Decision    `json:"decision"`
	Summary   map[coop.Lang]string `json:"summary"`
	InputHash string               `json:"input_hash"`
}

// Eligibility decides the eligibility of a cooperative or of posted facts
// for a programme.
func (c *Client) Eligibility(ctx context.Context, program string, in EligibilityRequest) (Eligibility, error) {
	var out Eligibility
	return out, c.do(ctx, "POST", "/v1/programs/"+url.PathEscape(program)+"/eligibility", nil, in, &out, nil)
}

// FollowUp reads the visits done, due and overdue for each beneficiary of
// a programme at asOf (today when zero).
func (c *Client) FollowUp(ctx context.Context, program string, asOf coop.Date) (programs.FollowUpReport, error) {
	var out programs.FollowUpReport
	return out, c.do(ctx, "GET", "/v1/programs/"+url.PathEscape(program)+"/follow-up", dateQuery("as_of", asOf), nil, &out, nil)
}

// ScreeningRequest screens the whole registry at AsOf (today when zero)
// against Programs (every programme when empty), in the calls named by
// programme in Calls (the call in force otherwise).
type ScreeningRequest struct {
	AsOf     coop.Date         `json:"as_of"`
	Programs []string          `json:"programs,omitempty"`
	Calls    map[string]string `json:"calls,omitempty"`
}

// Screen screens the registry and returns the summary: counts by outcome
// and by failing or unknown criterion.
func (c *Client) Screen(ctx context.Context, in ScreeningRequest) (programs.ScreenReport, error) {
	var out programs.ScreenReport
	return out, c.do(ctx, "POST", "/v1/screenings", nil, in, &out, nil)
}

// StatsQuery asks for counts by one or two dimensions.
type StatsQuery struct {
	// AsOf is the date of the figures; today when zero.
	AsOf coop.Date
	// By holds one or two dimensions.
	By []stats.Dimension
	// Decimals of the percentages, 0 to 4; the server's default (1) when
	// nil.
	Decimals *int
}

func (q StatsQuery) values() url.Values {
	v := dateQuery("as_of", q.AsOf)
	by := make([]string, len(q.By))
	for i, d := range q.By {
		by[i] = string(d)
	}
	v.Set("by", strings.Join(by, ","))
	if q.Decimals != nil {
		v.Set("decimals", strconv.Itoa(*q.Decimals))
	}
	return v
}

// Stats counts cooperatives, unions and members by one or two dimensions.
func (c *Client) Stats(ctx context.Context, q StatsQuery) (stats.Table, error) {
	var out stats.Table
	return out, c.do(ctx, "GET", "/v1/stats", q.values(), nil, &out, nil)
}

// NationalReport reads the national report. Zero options take the
// server's defaults (today, 1 decimal, young members up to 35).
func (c *Client) NationalReport(ctx context.Context, o stats.ReportOptions) (stats.Report, error) {
	q := dateQuery("as_of", o.AsOf)
	if o.Decimals != 0 {
		q.Set("decimals", strconv.Itoa(o.Decimals))
	}
	if o.YouthMaxAge != 0 {
		q.Set("youth_max_age", strconv.Itoa(o.YouthMaxAge))
	}
	var out stats.Report
	return out, c.do(ctx, "GET", "/v1/stats/national", q, nil, &out, nil)
}

// Activity reads a delegation's support activity over a period.
func (c *Client) Activity(ctx context.Context, o stats.ActivityOptions) (stats.Activity, error) {
	q := url.Values{"from": {o.From.String()}, "to": {o.To.String()}}
	if o.Delegation != "" {
		q.Set("delegation", string(o.Delegation))
	}
	if o.Program != "" {
		q.Set("program", o.Program)
	}
	var out stats.Activity
	return out, c.do(ctx, "GET", "/v1/stats/activity", q, nil, &out, nil)
}

// LabelCoverage reads label coverage by one or two dimensions.
func (c *Client) LabelCoverage(ctx context.Context, q StatsQuery) (stats.LabelCoverage, error) {
	var out stats.LabelCoverage
	return out, c.do(ctx, "GET", "/v1/stats/labels", q.values(), nil, &out, nil)
}
