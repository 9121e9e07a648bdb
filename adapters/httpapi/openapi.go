package httpapi

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

var (
	docOnce sync.Once
	doc     map[string]any
)

// openAPIDocument builds the OpenAPI 3.1 document from routes(): every
// path, operation, parameter, request body and response, with schemas
// reflected from the Go types the handlers decode and encode.
func openAPIDocument() map[string]any {
	docOnce.Do(func() { doc = buildDocument() })
	return doc
}

const (
	response mode = iota
	request
)

func buildDocument() map[string]any {
	sb := newSchemaBuilder()
	paths := map[string]any{}
	for _, rt := range routes() {
		p := openAPIPath(rt.Path)
		item, _ := paths[p].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[p] = item
		}
		item[strings.ToLower(rt.Method)] = sb.operation(rt)
	}
	sb.components["Problem"]["required"] = []string{"type", "title", "status", "code"}
	sb.components["Problem"]["properties"].(Schema)["code"] = Schema{"type": "string", "enum": problemCodes()}
	comps := map[string]any{}
	for k, v := range sb.components {
		comps[k] = v
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "Taawun", "version": "1",
			"description": "The registry of Moroccan cooperatives under Law 112-12, their statistics and the eligibility of support programmes. " +
				"Anyone reads a cooperative's registered facts (art. 9); members' personal data and every write need a bearer token whose scope covers the cooperative."},
		"paths": paths,
		"components": map[string]any{"schemas": comps,
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}}},
	}
}

// operation is the document of a route's operation.
func (sb *schemaBuilder) operation(rt route) map[string]any {
	op := map[string]any{"operationId": rt.ID, "summary": rt.Summary, "tags": []string{rt.Tag}}
	if params := sb.parameters(rt); len(params) > 0 {
		op["parameters"] = params
	}
	if rt.Body != nil {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
			"application/json": map[string]any{"schema": sb.schema(reflect.TypeOf(rt.Body), request)}}}
	}
	if rt.CSVBody {
		op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
			"text/csv":            map[string]any{"schema": Schema{"type": "string", "description": registerCSVDoc}},
			registry.WorkbookType: map[string]any{"schema": Schema{"type": "string", "format": "binary", "description": registerWorkbookDoc}}}}
	}
	op["responses"] = sb.responses(rt)
	switch rt.Auth {
	case public:
		op["security"] = []any{map[string]any{}, map[string]any{"bearer": []string{}}}
	default:
		op["security"] = []any{map[string]any{"bearer": []string{}}}
	}
	return op
}

// parameters are a route's path, query and header parameters.
func (sb *schemaBuilder) parameters(rt route) []any {
	var params []any
	for _, name := range pathParams(rt.Path) {
		params = append(params, map[string]any{"name": name, "in": "path", "required": true, "schema": pathParamSchema(name)})
	}
	for _, q := range rt.Query {
		params = append(params, map[string]any{"name": q.Name, "in": "query", "required": q.Required, "description": q.Doc, "schema": sb.queryParamSchema(q)})
	}
	if rt.Method == "POST" && rt.Auth == scopedWrite {
		params = append(params, map[string]any{"name": "Idempotency-Key", "in": "header", "required": false,
			"description": "a retried request with the same key and body gets the first response",
			"schema":      Schema{"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[!-~]+$"}})
		params = append(params, map[string]any{"name": "Prefer", "in": "header", "required": false,
			"description": "return=minimal (RFC 7240): the status, Location and ETag of the write, without its body",
			"schema":      Schema{"type": "string"}})
	}
	if rt.ETag && rt.Method == "POST" && rt.OK != 201 {
		params = append(params, map[string]any{"name": "If-Match", "in": "header", "required": false,
			"description": "the ETag read; a stale one is answered 412", "schema": Schema{"type": "string", "pattern": `^(W/)?"[0-9]+"$`}})
	}
	return params
}

// success is the document of a route's success response: its media types
// and headers.
func (sb *schemaBuilder) success(rt route) map[string]any {
	content := map[string]any{}
	switch {
	case rt.CSVOnly:
		content["text/csv"] = map[string]any{"schema": Schema{"type": "string", "description": registerCSVDoc}}
		content[registry.WorkbookType] = map[string]any{"schema": Schema{"type": "string", "format": "binary", "description": registerWorkbookDoc}}
	case rt.ID == "openapi":
		content["application/json"] = map[string]any{"schema": sb.openAPIDocumentSchema()}
	default:
		content["application/json"] = map[string]any{"schema": sb.schema(reflect.TypeOf(rt.Result), response)}
	}
	if rt.CSV {
		content["text/csv"] = map[string]any{"schema": Schema{"type": "string"}}
	}
	if rt.Stream {
		content["application/x-ndjson"] = map[string]any{"schema": Schema{"type": "string",
			"description": "one JSON object a line, {cooperative_id, name, decision} for every decision as it is made (with view=summary, {cooperative_id, program, call, outcome, changes_on, changes_to, failed, unknown}), then {summary}"}}
		content["text/csv"] = map[string]any{"schema": Schema{"type": "string",
			"description": "cooperative_id,name,program,call,outcome,failed,unknown, a line for every decision as it is made"}}
	}
	ok := map[string]any{"description": "success", "content": content}
	if headers := successHeaders(rt); len(headers) > 0 {
		ok["headers"] = headers
	}
	return ok
}

// successHeaders are the headers of a route's success response.
func successHeaders(rt route) map[string]any {
	headers := map[string]any{}
	str := Schema{"type": "string"}
	if rt.ETag {
		headers["ETag"] = map[string]any{"schema": str, "description": "the cooperative's version"}
	}
	if rt.Method == "POST" && rt.Auth == scopedWrite {
		headers["Preference-Applied"] = map[string]any{"schema": Schema{"type": "string", "enum": []string{"return=minimal"}},
			"description": "return=minimal when the request preferred it: the body is then empty"}
		headers["Idempotent-Replayed"] = map[string]any{"schema": Schema{"type": "string", "enum": []string{"true"}},
			"description": "true when the reply is a retry's, answered from the Idempotency-Key"}
	}
	if rt.Aggregate {
		headers["ETag"] = map[string]any{"schema": str,
			"description": "the registry's state and the request: sent back in If-None-Match, answered 304 while nothing has changed"}
		headers["Server-Timing"] = map[string]any{"schema": str,
			"description": "compute;dur=<ms>, encode;dur=<ms> when the figures were computed, cache;dur=0 when kept ones answered"}
	}
	if rt.Stream {
		headers["Server-Timing"] = map[string]any{"schema": str, "description": "compute;dur=<ms>: the screening's time, on the JSON summary"}
	}
	return headers
}

// responses are a route's responses: its success and the problems it may
// answer.
func (sb *schemaBuilder) responses(rt route) map[string]any {
	problemRef := sb.schema(reflect.TypeFor[Problem](), response)
	problem := func(why string) map[string]any {
		return map[string]any{"description": why + " (RFC 9457 problem details)",
			"content": map[string]any{"application/problem+json": map[string]any{"schema": problemRef}}}
	}
	responses := map[string]any{strconv.Itoa(rt.OK): sb.success(rt),
		"400":     problem("a malformed or invalid request: every field at fault in errors"),
		"503":     problem("the registry is loading or its storage cannot be reached; Retry-After says when to try again"),
		"default": problem("an error")}
	if len(pathParams(rt.Path)) > 0 {
		responses["404"] = problem("no such resource")
	}
	if rt.Auth != public {
		responses["401"] = problem("no bearer token, or an unknown one")
	}
	if rt.Auth == scopedWrite || rt.CSVBody {
		responses["403"] = problem("the token's scope does not cover the cooperative")
		responses["409"] = problem("a conflict: a name or number taken, or a request with this Idempotency-Key still running")
		responses["422"] = problem("refused by the law or the state of the cooperative, or an Idempotency-Key reused with another body")
	}
	if rt.ETag && rt.Method == "POST" && rt.OK != 201 {
		responses["412"] = problem("If-Match names a version that is not the cooperative's")
	}
	if rt.Body != nil || rt.CSVBody {
		responses["413"] = problem("the body is too large")
		responses["415"] = problem("the body is not of the media type the operation takes")
	}
	if rt.Conditional || rt.Aggregate {
		responses["304"] = map[string]any{"description": "not modified since the ETag of If-None-Match"}
	}
	return responses
}

// registerCSVDoc describes the register's CSV layout.
var registerCSVDoc = "CSV with a header line, one row per member, the cooperative's columns repeated on its rows, which follow one another: " +
	strings.Join(registry.RegisterColumns, ",") + ". RFC 4180 (commas, dates YYYY-MM-DD, amounts in MAD with two decimals and a point) " +
	"or as Excel in French saves it (semicolons, dates DD/MM/YYYY, decimal commas, UTF-8 with or without a BOM, CRLF), told by the header line. " +
	"A name a spreadsheet would run as a formula is written with a leading apostrophe."

var registerWorkbookDoc = "An Office Open XML workbook: the sheet " + registry.RegisterSheet + " (else the first), the columns of the CSV " +
	"named in French on the first row (or as in CSV) and in Arabic on the second (optional on import), dates as dates, amounts as numbers."

func openAPIPath(p string) string { return strings.ReplaceAll(p, "...}", "}") }

func pathParams(p string) []string {
	var out []string
	for _, seg := range strings.Split(p, "/") {
		if strings.HasPrefix(seg, "{") {
			out = append(out, strings.TrimSuffix(strings.TrimSuffix(strings.Trim(seg, "{}"), "..."), "}"))
		}
	}
	return out
}

var (
	tDate        = reflect.TypeOf(coop.Date{})
	tTime        = reflect.TypeOf(time.Time{})
	tDecimal     = reflect.TypeOf(decimal.Decimal{})
	tNullDecimal = reflect.TypeOf(decimal.NullDecimal{})
	tUUID        = reflect.TypeOf(uuid.UUID{})
	tReason      = reflect.TypeOf(coop.Reason{})
	tRaw         = reflect.TypeOf(json.RawMessage{})
	textTypes    = map[reflect.Type]bool{reflect.TypeOf(coop.ICE{}): true, reflect.TypeOf(coop.CIN{}): true, reflect.TypeOf(coop.Phone{}): true}
)

const (
	decimalPattern = `^-?[0-9]+(\.[0-9]+)?$`
	// amountPattern is what coop.ParseMAD takes: at most 12 digits before
	// the point and 2 after it.
	amountPattern = `^[0-9]{1,12}(\.[0-9]{1,2})?$`
	datePattern   = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	// maxInputText is the longest text a request may give, in characters:
	// coop.MaxTextBytes holds it in any script.
	maxInputText = coop.MaxTextBytes / 4
)
