package httpapi

import (
	"context"
	"io"
	"net/url"
	"strconv"

	"github.com/google/uuid"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

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
