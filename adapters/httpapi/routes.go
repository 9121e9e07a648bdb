package httpapi

import (
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
)

// authLevel says who may call a route. Routes that touch one cooperative
// check in their handler that the principal's scope covers it.
type authLevel int

const (
	public        authLevel = iota // anyone; personal data redacted unless in scope
	authenticated                  // any principal
	scopedWrite                    // a principal covering the cooperative
)

// param is a query parameter.
type param struct {
	Name, Type, Doc string
	Required        bool
}

// route is one operation: its pattern, who may call it, what it reads and
// answers, and its handler. routes() lists them all; the mux and the
// OpenAPI document are both built from it.
type route struct {
	Method, Path, ID, Summary, Tag string
	Auth                           authLevel
	Query                          []param
	Body                           any // a value of the request body's type
	OK                             int // success status
	Result                         any // a value of the success body's type
	CSV                            bool
	// CSVOnly marks a route that answers text/csv only; CSVBody one whose
	// body is text/csv.
	CSVOnly, CSVBody bool
	ETag             bool
	// Location marks a route that creates the cooperative it answers, and
	// says where it is.
	Location bool
	// Conditional marks a GET answered 304 when If-None-Match names its
	// ETag.
	Conditional bool
	// Aggregate marks a route whose reply depends only on the registry's
	// state and the request, never on the principal: kept while nothing commits, with an ETag
	// answered by 304 (see aggregates).
	Aggregate bool
	// Stream marks a route that also streams its result as NDJSON or CSV
	// lines when the Accept header asks for them.
	Stream bool
	Handle func(*call) (reply, error)
}

var (
	pAsOf      = param{"as_of", "date", "date of the figures or of the check (YYYY-MM-DD); default today", false}
	pDecimals  = param{"decimals", "integer", "decimals of the percentages, 0 to 4 (default 1)", false}
	pFormat    = param{"format", "string", "json (default) or csv", false}
	pDialect   = param{"dialect", "string", "rfc4180 (default: commas, decimal point, dates YYYY-MM-DD) excel-fr (Excel in French: semicolons, decimal comma, dates DD/MM/YYYY, BOM, CRLF) or xlsx (a workbook: headers in French and Arabic, dates as dates, amounts as numbers)", false}
	listParams = []param{{"kind", "string", "cooperative or union", false}, {"region", "string", "ISO 3166-2 region code", false},
		{"province", "string", "ISO 3166-2 province code", false}, {"delegation", "string", "ODCO delegation ID", false},
		{"sector", "string", "sector slug", false}, {"status", "string", "status", false},
		{"registered_from", "date", "registered on or after", false}, {"registered_to", "date", "registered on or before", false},
		{"name", "string", "part of the name, ignoring case and accents", false}, {"limit", "integer", "page size, 1 to 1000 (default 50)", false},
		{"cursor", "string", "the next cursor of the previous page", false}}
)

func routes() []route {
	coopT := coop.Cooperative{}
	return []route{
		{Method: "GET", Path: "/v1/openapi.json", ID: "openapi", Summary: "This API's OpenAPI 3.1 document", Tag: "meta", OK: 200, Result: map[string]any{}, Handle: hOpenAPI},

		{Method: "POST", Path: "/v1/name-approvals", ID: "approveName", Summary: "Ask ODCO to approve a cooperative's name (art. 7)", Tag: "registry",
			Auth: scopedWrite, Body: registry.NameRequest{}, OK: 201, Result: registry.NameApproval{}, Handle: hApproveName},
		{Method: "GET", Path: "/v1/name-approvals/{id}", ID: "getNameApproval", Summary: "A name approval (signatories redacted out of scope)", Tag: "registry",
			OK: 200, Result: registry.NameApproval{}, Handle: hGetApproval},
		{Method: "POST", Path: "/v1/name-approvals/{id}/renewal", ID: "renewNameApproval", Summary: "Renew a lapsed approval once (D 4)", Tag: "registry",
			Auth: scopedWrite, Body: renewalBody{}, OK: 200, Result: registry.NameApproval{}, Handle: hRenewApproval},

		{Method: "POST", Path: "/v1/cooperatives", ID: "register", Summary: "Register a cooperative under an approved name (arts. 7-11)", Tag: "registry",
			Auth: scopedWrite, Body: registry.Registration{}, OK: 201, Result: coopT, ETag: true, Location: true, Handle: hRegister},
		{Method: "GET", Path: "/v1/cooperatives", ID: "listCooperatives", Summary: "List cooperatives with filters and cursor pages", Tag: "registry",
			Query: listParams, OK: 200, Result: registry.Page{}, Handle: hList},
		{Method: "GET", Path: "/v1/register", ID: "exportRegister", Summary: "The register at a date, seats and statuses of that date, as CSV or a workbook (dialect), a row per member (columns of registry.RegisterColumns; personal data out of scope left empty)", Tag: "registry",
			Query: append([]param{pAsOf, pDialect}, listParams[:6]...), OK: 200, CSVOnly: true, Handle: hExportRegister},
		{Method: "POST", Path: "/v1/register", ID: "importRegister", Summary: "Import a register from CSV or a workbook, read as a stream: every problem of the file at its line and column, nothing written unless all pass; 503 busy beyond Options.MaxImports at once", Tag: "registry",
			Auth: authenticated, CSVBody: true, OK: 201, Result: ImportResult{}, Handle: hImportRegister},
		{Method: "GET", Path: "/v1/cooperatives/{id}", ID: "getCooperative", Summary: "A cooperative (members' personal data redacted out of scope)", Tag: "registry",
			OK: 200, Result: coopT, ETag: true, Conditional: true, Handle: hGet},
		{Method: "GET", Path: "/v1/registration-numbers/{number}", ID: "getByNumber", Summary: "A cooperative by registration number (its slashes percent-encoded: 1%2FMEK%2F2019%2F106)", Tag: "registry",
			OK: 200, Result: coopT, ETag: true, Handle: hGetByNumber},
		{Method: "GET", Path: "/v1/cooperatives/{id}/state", ID: "stateAt", Summary: "The cooperative as it stood at a date", Tag: "registry",
			Query: []param{{"date", "date", "the date (YYYY-MM-DD)", true}}, OK: 200, Result: coopT, Handle: hStateAt},
		{Method: "GET", Path: "/v1/cooperatives/{id}/journal", ID: "journal", Summary: "The cooperative's chronological journal", Tag: "registry",
			OK: 200, Result: []registry.Entry{}, Handle: hJournal},
		{Method: "GET", Path: "/v1/cooperatives/{id}/compliance", ID: "compliance", Summary: "The Law 112-12 check at a date", Tag: "law",
			Query: []param{pAsOf}, OK: 200, Result: coop.Report{}, Handle: hCompliance},

		{Method: "POST", Path: "/v1/cooperatives/{id}/members", ID: "admitMember", Summary: "Admit a member (art. 15)", Tag: "members",
			Auth: scopedWrite, Body: registry.Admission{}, OK: 201, Result: coopT, ETag: true, Handle: hAdmit},
		{Method: "POST", Path: "/v1/cooperatives/{id}/members/{member}/subscriptions", ID: "subscribeShares", Summary: "Subscribe shares (arts. 7, 26)", Tag: "members",
			Auth: scopedWrite, Body: registry.Subscription{}, OK: 200, Result: coopT, ETag: true, Handle: hSubscribe},
		{Method: "POST", Path: "/v1/cooperatives/{id}/members/{member}/payments", ID: "payShares", Summary: "Pay up shares (art. 26)", Tag: "members",
			Auth: scopedWrite, Body: registry.Payment{}, OK: 200, Result: coopT, ETag: true, Handle: hPay},
		{Method: "POST", Path: "/v1/cooperatives/{id}/members/{member}/withdrawal", ID: "requestWithdrawal", Summary: "Record a withdrawal request (arts. 18-19)", Tag: "members",
			Auth: scopedWrite, Body: registry.WithdrawalInput{}, OK: 200, Result: coopT, ETag: true, Handle: hWithdraw},
		{Method: "POST", Path: "/v1/cooperatives/{id}/members/{member}/withdrawal/answer", ID: "answerWithdrawal", Summary: "The board's answer within 20 days (art. 19)", Tag: "members",
			Auth: scopedWrite, Body: registry.WithdrawalAnswer{}, OK: 200, Result: coopT, ETag: true, Handle: hAnswer},
		{Method: "POST", Path: "/v1/cooperatives/{id}/members/{member}/exclusion", ID: "excludeMember", Summary: "Exclude a member by two thirds (art. 20)", Tag: "members",
			Auth: scopedWrite, Body: registry.Exclusion{}, OK: 200, Result: coopT, ETag: true, Handle: hExclude},
		{Method: "POST", Path: "/v1/cooperatives/{id}/members/{member}/departure", ID: "recordDeparture", Summary: "Death or incapacity (art. 24)", Tag: "members",
			Auth: scopedWrite, Body: registry.Departure{}, OK: 200, Result: coopT, ETag: true, Handle: hDeparture},
		{Method: "POST", Path: "/v1/cooperatives/{id}/transfers", ID: "transferShares", Summary: "Transfer shares between members (art. 28)", Tag: "members",
			Auth: scopedWrite, Body: transferBody{}, OK: 200, Result: coopT, ETag: true, Handle: hTransfer},

		{Method: "POST", Path: "/v1/cooperatives/{id}/assemblies", ID: "holdAssembly", Summary: "Record a general assembly (art. 43 quorum)", Tag: "governance",
			Auth: scopedWrite, Body: registry.AssemblyInput{}, OK: 200, Result: coopT, ETag: true, Handle: hAssembly},
		{Method: "POST", Path: "/v1/cooperatives/{id}/board", ID: "electBoard", Summary: "Elect the board (art. 50)", Tag: "governance",
			Auth: scopedWrite, Body: registry.Officers{}, OK: 200, Result: coopT, ETag: true, Handle: hBoard},
		{Method: "POST", Path: "/v1/cooperatives/{id}/managers", ID: "appointManagers", Summary: "Appoint managers (arts. 47, 65)", Tag: "governance",
			Auth: scopedWrite, Body: registry.Officers{}, OK: 200, Result: coopT, ETag: true, Handle: hManagers},
		{Method: "POST", Path: "/v1/cooperatives/{id}/auditor", ID: "appointAuditor", Summary: "Appoint the auditor (art. 72)", Tag: "governance",
			Auth: scopedWrite, Body: registry.AuditorInput{}, OK: 200, Result: coopT, ETag: true, Handle: hAuditor},
		{Method: "POST", Path: "/v1/cooperatives/{id}/statutes", ID: "amendStatutes", Summary: "Amend the statutes (arts. 42-43)", Tag: "governance",
			Auth: scopedWrite, Body: registry.Amendment{}, OK: 200, Result: coopT, ETag: true, Handle: hStatutes},
		{Method: "POST", Path: "/v1/cooperatives/{id}/seat", ID: "changeSeat", Summary: "Move the seat", Tag: "governance",
			Auth: scopedWrite, Body: registry.SeatChange{}, OK: 200, Result: coopT, ETag: true, Handle: hSeat},
		{Method: "POST", Path: "/v1/cooperatives/{id}/turnover", ID: "reportTurnover", Summary: "Report a closed year's turnover (art. 68)", Tag: "governance",
			Auth: scopedWrite, Body: registry.TurnoverInput{}, OK: 200, Result: coopT, ETag: true, Handle: hTurnover},
		{Method: "POST", Path: "/v1/cooperatives/{id}/dissolution", ID: "dissolve", Summary: "Dissolve (art. 82)", Tag: "life",
			Auth: scopedWrite, Body: dissolutionBody{}, OK: 200, Result: coopT, ETag: true, Handle: hDissolve},
		{Method: "POST", Path: "/v1/cooperatives/{id}/liquidation", ID: "openLiquidation", Summary: "Appoint the liquidator (art. 83)", Tag: "life",
			Auth: scopedWrite, Body: liquidationBody{}, OK: 200, Result: coopT, ETag: true, Handle: hLiquidate},
		{Method: "POST", Path: "/v1/cooperatives/{id}/striking-off", ID: "strikeOff", Summary: "Strike off the register (art. 13)", Tag: "life",
			Auth: scopedWrite, Body: strikeOffBody{}, OK: 200, Result: coopT, ETag: true, Handle: hStrikeOff},

		{Method: "POST", Path: "/v1/support-actions", ID: "recordSupport", Summary: "Record a support action and the cooperatives it reached", Tag: "support",
			Auth: scopedWrite, Body: registry.SupportAction{}, OK: 201, Result: registry.RecordedAction{}, Handle: hRecordSupport},
		{Method: "POST", Path: "/v1/cooperatives/{id}/selections", ID: "select", Summary: "Record a selection by a programme's call", Tag: "support",
			Auth: scopedWrite, Body: registry.SelectionInput{}, OK: 200, Result: coopT, ETag: true, Handle: hSelect},
		{Method: "GET", Path: "/v1/cooperatives/{id}/labels", ID: "labelsAt", Summary: "The labels and approvals held at a date", Tag: "labels",
			Query: []param{{"date", "date", "the date (YYYY-MM-DD); default today", false}}, OK: 200, Result: []coop.Label{}, Handle: hLabelsAt},
		{Method: "POST", Path: "/v1/cooperatives/{id}/labels", ID: "awardLabel", Summary: "Record a label, brand right, certification or approval", Tag: "labels",
			Auth: scopedWrite, Body: registry.LabelInput{}, OK: 200, Result: coopT, ETag: true, Handle: hAwardLabel},
		{Method: "POST", Path: "/v1/cooperatives/{id}/labels/{label}/suspension", ID: "suspendLabel", Summary: "Suspend a label", Tag: "labels",
			Auth: scopedWrite, Body: registry.LabelChange{}, OK: 200, Result: coopT, ETag: true, Handle: hSuspendLabel},
		{Method: "POST", Path: "/v1/cooperatives/{id}/labels/{label}/withdrawal", ID: "withdrawLabel", Summary: "Withdraw a label", Tag: "labels",
			Auth: scopedWrite, Body: registry.LabelChange{}, OK: 200, Result: coopT, ETag: true, Handle: hWithdrawLabel},
		{Method: "POST", Path: "/v1/cooperatives/{id}/groupings", ID: "joinGrouping", Summary: "Join the National Federation or an EIG", Tag: "groupings",
			Auth: scopedWrite, Body: registry.GroupingInput{}, OK: 200, Result: coopT, ETag: true, Handle: hJoinGrouping},
		{Method: "POST", Path: "/v1/cooperatives/{id}/groupings/{grouping}/end", ID: "leaveGrouping", Summary: "End a membership of a grouping", Tag: "groupings",
			Auth: scopedWrite, Body: endBody{}, OK: 200, Result: coopT, ETag: true, Handle: hLeaveGrouping},
		{Method: "POST", Path: "/v1/cooperatives/{id}/union-members", ID: "joinUnion", Summary: "Admit a cooperative to this union (art. 85)", Tag: "groupings",
			Auth: scopedWrite, Body: registry.UnionMembership{}, OK: 200, Result: coopT, ETag: true, Handle: hJoinUnion},
		{Method: "GET", Path: "/v1/labels/expiring", ID: "expiringLabels", Summary: "Labels in force whose validity ends in a period", Tag: "labels",
			Query: []param{{"from", "date", "start of the period; default today", false}, {"to", "date", "end of the period", true}}, OK: 200, Result: []stats.Expiry{}, Aggregate: true, Handle: hExpiring},

		{Method: "GET", Path: "/v1/programs", ID: "listPrograms", Summary: "The catalogue of programmes with calls, parameters and criteria", Tag: "programs",
			OK: 200, Result: []programs.Program{}, Handle: hPrograms},
		{Method: "GET", Path: "/v1/programs/{program}", ID: "getProgram", Summary: "One programme", Tag: "programs",
			OK: 200, Result: programs.Program{}, Handle: hProgram},
		{Method: "POST", Path: "/v1/eligibility", ID: "eligibilityAll", Summary: "Decide one applicant, a registered cooperative or posted facts, against every programme of the catalogue", Tag: "programs",
			Body: EligibilityAllRequest{}, OK: 200, Result: EligibilityAll{}, Handle: hEligibilityAll},
		{Method: "POST", Path: "/v1/programs/{program}/eligibility", ID: "eligibility", Summary: "Decide eligibility for a registered cooperative or for posted facts", Tag: "programs",
			Body: EligibilityRequest{}, OK: 200, Result: Eligibility{}, Handle: hEligibility},
		{Method: "GET", Path: "/v1/programs/{program}/follow-up", ID: "followUp", Summary: "Visits done, due and overdue for each beneficiary", Tag: "programs",
			Query: []param{pAsOf}, OK: 200, Result: programs.FollowUpReport{}, Aggregate: true, Handle: hFollowUp},
		{Method: "POST", Path: "/v1/screenings", ID: "screen", Summary: "Screen the whole registry against programmes", Tag: "programs",
			Auth: authenticated, Body: ScreeningRequest{}, OK: 200, Result: programs.ScreenReport{}, Stream: true, Handle: hScreen,
			Query: []param{{"view", "string", "full (default): NDJSON lines with every decision, each criterion with its reason; summary: lines of {cooperative_id, program, call, outcome, changes_on, changes_to, failed, unknown}, without reasons", false},
				{"outcome", "string", "eligible, ineligible or undetermined, comma-separated: a stream holds only the decisions with one of these outcomes, and its counts still cover every decision", false}}},

		{Method: "GET", Path: "/v1/stats", ID: "counts", Summary: "Counts by one or two dimensions at a date (JSON or CSV)", Tag: "statistics",
			Query: []param{pAsOf, {"by", "string", "one or two of region, province, delegation, sector, kind, status, year, comma-separated", true}, pDecimals, pFormat},
			OK:    200, Result: stats.Table{}, CSV: true, Aggregate: true, Handle: hStats},
		{Method: "GET", Path: "/v1/stats/national", ID: "nationalReport", Summary: "The national report at a date (JSON or CSV)", Tag: "statistics",
			Query: []param{pAsOf, {"youth_max_age", "integer", "young members are 18 to this age (default 35)", false}, pDecimals, pFormat},
			OK:    200, Result: stats.Report{}, CSV: true, Aggregate: true, Handle: hNational},
		{Method: "GET", Path: "/v1/stats/activity", ID: "activityReport", Summary: "A delegation's support activity over a period", Tag: "statistics",
			Query: []param{{"from", "date", "first day", true}, {"to", "date", "last day", true}, {"delegation", "string", "ODCO delegation ID", false},
				{"program", "string", "programme ID", false}}, OK: 200, Result: stats.Activity{}, Aggregate: true, Handle: hActivity},
		{Method: "GET", Path: "/v1/stats/labels", ID: "labelCoverage", Summary: "Label coverage by one or two dimensions at a date", Tag: "statistics",
			Query: []param{pAsOf, {"by", "string", "one or two dimensions, comma-separated", true}, pDecimals}, OK: 200, Result: stats.LabelCoverage{}, Aggregate: true, Handle: hLabelCoverage},
	}
}
