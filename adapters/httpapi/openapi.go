package httpapi

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
)

// Schema is a JSON Schema (2020-12, as OpenAPI 3.1 uses it), as a map.
type Schema = map[string]any

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

// mode says whether a schema describes what clients send (request) or
// what the API answers (response): a type used both ways has two
// components, "Member" and "MemberInput", since what a reply always holds
// is not what a request must give.
type mode int

const (
	response mode = iota
	request
)

type typeMode struct {
	t reflect.Type
	m mode
}

type schemaBuilder struct {
	components map[string]Schema
	names      map[typeMode]string
	owners     map[string]typeMode
	inResponse map[reflect.Type]bool
	enums      map[reflect.Type][]string
}

func newSchemaBuilder() *schemaBuilder {
	sb := &schemaBuilder{components: map[string]Schema{}, names: map[typeMode]string{}, owners: map[string]typeMode{},
		inResponse: map[reflect.Type]bool{}, enums: enumValues()}
	for _, rt := range routes() {
		if rt.Result != nil {
			markStructs(reflect.TypeOf(rt.Result), sb.inResponse)
		}
	}
	markStructs(reflect.TypeFor[Problem](), sb.inResponse)
	return sb
}

// markStructs records the struct types reachable from t.
func markStructs(t reflect.Type, seen map[reflect.Type]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] || special(t) {
		return
	}
	seen[t] = true
	for i := 0; i < t.NumField(); i++ {
		markStructs(t.Field(i).Type, seen)
	}
}

func special(t reflect.Type) bool {
	return t == tDate || t == tTime || t == tDecimal || t == tNullDecimal || t == tUUID || t == tReason || t == tRaw || textTypes[t]
}

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
		op := map[string]any{"operationId": rt.ID, "summary": rt.Summary, "tags": []string{rt.Tag}}
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
		if len(params) > 0 {
			op["parameters"] = params
		}
		if rt.Body != nil {
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"application/json": map[string]any{"schema": sb.schema(reflect.TypeOf(rt.Body), request)}}}
		}
		if rt.CSVBody {
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"text/csv": map[string]any{"schema": Schema{"type": "string", "description": registerCSVDoc}}}}
		}
		content := map[string]any{}
		switch {
		case rt.CSVOnly:
			content["text/csv"] = map[string]any{"schema": Schema{"type": "string", "description": registerCSVDoc}}
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
				"description": "one JSON object a line, {cooperative_id, name, decision} for every decision as it is made, then {summary}"}}
			content["text/csv"] = map[string]any{"schema": Schema{"type": "string",
				"description": "cooperative_id,name,program,call,outcome,failed,unknown, a line for every decision as it is made"}}
		}
		ok := map[string]any{"description": "success", "content": content}
		if rt.ETag {
			ok["headers"] = map[string]any{"ETag": map[string]any{"schema": Schema{"type": "string"}, "description": "the cooperative's version"}}
		}
		if rt.Method == "POST" && rt.Auth == scopedWrite {
			headers, _ := ok["headers"].(map[string]any)
			if headers == nil {
				headers = map[string]any{}
				ok["headers"] = headers
			}
			headers["Preference-Applied"] = map[string]any{"schema": Schema{"type": "string", "enum": []string{"return=minimal"}},
				"description": "return=minimal when the request preferred it: the body is then empty"}
			headers["Idempotent-Replayed"] = map[string]any{"schema": Schema{"type": "string", "enum": []string{"true"}},
				"description": "true when the reply is a retry's, answered from the Idempotency-Key"}
		}
		if rt.Aggregate {
			ok["headers"] = map[string]any{
				"ETag": map[string]any{"schema": Schema{"type": "string"},
					"description": "the registry's state and the request: sent back in If-None-Match, answered 304 while nothing has changed"},
				"Server-Timing": map[string]any{"schema": Schema{"type": "string"},
					"description": "compute;dur=<ms>, encode;dur=<ms> when the figures were computed, cache;dur=0 when kept ones answered"}}
		}
		if rt.Stream {
			ok["headers"] = map[string]any{"Server-Timing": map[string]any{"schema": Schema{"type": "string"},
				"description": "compute;dur=<ms>: the screening's time, on the JSON summary"}}
		}
		problemRef := sb.schema(reflect.TypeFor[Problem](), response)
		problem := func(why string) map[string]any {
			return map[string]any{"description": why + " (RFC 9457 problem details)",
				"content": map[string]any{"application/problem+json": map[string]any{"schema": problemRef}}}
		}
		responses := map[string]any{strconv.Itoa(rt.OK): ok,
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
		op["responses"] = responses
		switch rt.Auth {
		case public:
			op["security"] = []any{map[string]any{}, map[string]any{"bearer": []string{}}}
		default:
			op["security"] = []any{map[string]any{"bearer": []string{}}}
		}
		item[strings.ToLower(rt.Method)] = op
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

// registerCSVDoc describes the register's CSV layout.
var registerCSVDoc = "RFC 4180 CSV with a header line, one row per member, the cooperative's columns repeated: " +
	strings.Join(registry.RegisterColumns, ",") + ". Dates YYYY-MM-DD, amounts in MAD with two decimals and a point."

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

func nullable(s Schema) Schema { return Schema{"anyOf": []any{s, Schema{"type": "null"}}} }

// renamed names the components whose Go names would clash or say nothing
// to a client.
var renamed = map[reflect.Type]string{
	reflect.TypeFor[coop.Report]():     "LawReport",
	reflect.TypeFor[coop.Outcome]():    "CheckOutcome",
	reflect.TypeFor[stats.Report]():    "NationalReport",
	reflect.TypeFor[renewalBody]():     "Renewal",
	reflect.TypeFor[transferBody]():    "TransferRequest",
	reflect.TypeFor[endBody]():         "GroupingEnd",
	reflect.TypeFor[dissolutionBody](): "Dissolution",
	reflect.TypeFor[liquidationBody](): "Liquidation",
	reflect.TypeFor[strikeOffBody]():   "StrikingOff",
}

// inputRequired lists, for each type a request gives, the fields the API
// refuses a request without. TestOpenAPI_Constraints removes each from a
// valid request and expects 400, and removes every other field and
// expects the request to succeed.
var inputRequired = map[reflect.Type][]string{
	reflect.TypeFor[registry.NameRequest]():      {"names", "signatories", "requested_on"},
	reflect.TypeFor[renewalBody]():               {"asked_on"},
	reflect.TypeFor[registry.Registration]():     {"approval_id", "kind", "registered_on", "sector", "province", "statutes", "founders", "governance"},
	reflect.TypeFor[registry.Founder]():          {"member", "shares", "amount", "paid"},
	reflect.TypeFor[coop.Member]():               {"type", "name"},
	reflect.TypeFor[coop.Statutes]():             {"duration_years", "share_nominal"},
	reflect.TypeFor[coop.Officer]():              {"name"},
	reflect.TypeFor[registry.Signatory]():        {"name"},
	reflect.TypeFor[registry.Admission]():        {"on", "admitted_by", "member", "shares", "amount", "paid"},
	reflect.TypeFor[registry.Subscription]():     {"on", "shares", "amount", "paid"},
	reflect.TypeFor[registry.Payment]():          {"on", "amount"},
	reflect.TypeFor[registry.WithdrawalInput]():  {"received"},
	reflect.TypeFor[registry.WithdrawalAnswer](): {"on", "accept"},
	reflect.TypeFor[registry.Exclusion]():        {"on", "votes", "reason"},
	reflect.TypeFor[coop.Votes]():                {"for"},
	reflect.TypeFor[registry.Departure]():        {"on", "reason"},
	reflect.TypeFor[registry.Transfer]():         {"on", "shares"},
	reflect.TypeFor[transferBody]():              {"from", "to", "on", "shares"},
	reflect.TypeFor[registry.AssemblyInput]():    {"assembly"},
	reflect.TypeFor[coop.Assembly]():             {"kind", "date", "call", "present"},
	reflect.TypeFor[registry.Officers]():         {"on", "officers"},
	reflect.TypeFor[registry.AuditorInput]():     {"on", "auditor"},
	reflect.TypeFor[coop.Auditor]():              {"name", "term_years"},
	reflect.TypeFor[registry.Amendment]():        {"on", "statutes", "votes"},
	reflect.TypeFor[registry.SeatChange]():       {"on", "province", "votes"},
	reflect.TypeFor[registry.TurnoverInput]():    {"on", "year", "amount"},
	reflect.TypeFor[dissolutionBody]():           {"on", "reason"},
	reflect.TypeFor[liquidationBody]():           {"on", "liquidator"},
	reflect.TypeFor[strikeOffBody]():             {"on", "reason"},
	reflect.TypeFor[registry.SupportAction]():    {"kind", "title", "start", "reached"},
	reflect.TypeFor[registry.Participation]():    {"cooperative_id"},
	reflect.TypeFor[registry.SelectionInput]():   {"selection"},
	reflect.TypeFor[coop.Selection]():            {"program", "selected_on"},
	reflect.TypeFor[registry.LabelInput]():       {"label"},
	reflect.TypeFor[coop.Label]():                {"kind", "name", "issuer", "valid_from"},
	reflect.TypeFor[registry.LabelChange]():      {"on", "reason"},
	reflect.TypeFor[registry.GroupingInput]():    {"grouping"},
	reflect.TypeFor[coop.Grouping]():             {"kind", "name", "from"},
	reflect.TypeFor[endBody]():                   {"on"},
	reflect.TypeFor[registry.UnionMembership]():  {"cooperative_id", "on", "admitted_by", "shares", "amount", "paid"},
}

// neverNull are the lists a reply always writes as arrays, empty or not:
// a generated client reads them as slices, not pointers.
var neverNull = map[string]bool{
	"Page.Items":            true, // registry.Page.MarshalJSON
	"Table.Rows":            true, // stats.Table.MarshalJSON
	"Decision.Criteria":     true, // every criterion of the programme
	"ScreenReport.Programs": true, // every programme screened
}

// name returns the component name of struct or enum type t in mode m.
func (sb *schemaBuilder) name(t reflect.Type, m mode) string {
	if n, ok := sb.names[typeMode{t, m}]; ok {
		return n
	}
	n := renamed[t]
	if n == "" {
		n = t.Name()
		if i := strings.Index(n, "["); i >= 0 {
			n = n[:i]
		}
	}
	if base, ok := strings.CutSuffix(n, "Input"); ok && renamed[t] == "" {
		// The registry's XInput is the body of a request: XBody, so that
		// "Input" names the request side of a type replies use too.
		n = base + "Body"
	}
	if m == request && sb.inResponse[t] {
		n += "Input"
	}
	if prev, ok := sb.owners[n]; ok && prev != (typeMode{t, m}) {
		panic(fmt.Sprintf("httpapi: two OpenAPI schemas named %s (%v and %v): name one in renamed", n, prev.t, t))
	}
	sb.owners[n] = typeMode{t, m}
	sb.names[typeMode{t, m}] = n
	return n
}

// schema returns the schema of t in mode m: a $ref to a component for
// named structs and closed sets.
func (sb *schemaBuilder) schema(t reflect.Type, m mode) Schema {
	switch {
	case t == tDate:
		s := Schema{"type": "string", "format": "date"}
		if m == request {
			s["pattern"] = datePattern
		}
		return s
	case t == tTime:
		return Schema{"type": "string", "format": "date-time"}
	case t == tDecimal:
		if m == request {
			return Schema{"type": "string", "pattern": amountPattern}
		}
		return Schema{"type": "string", "pattern": decimalPattern}
	case t == tNullDecimal:
		if m == request {
			return nullable(Schema{"type": "string", "pattern": amountPattern})
		}
		return nullable(Schema{"type": "string", "pattern": decimalPattern})
	case t == tUUID:
		return Schema{"type": "string", "format": "uuid"}
	case t == tReason:
		return Schema{"type": "object", "properties": Schema{"fr": Schema{"type": "string"}, "en": Schema{"type": "string"}, "ar": Schema{"type": "string"}},
			"required": []string{"fr", "en", "ar"}, "additionalProperties": false}
	case t == tRaw:
		return Schema{}
	case textTypes[t]:
		s := Schema{"type": "string"}
		if m == request {
			s["maxLength"] = 40
		}
		return s
	}
	if values, ok := sb.enums[t]; ok {
		n := sb.name(t, response)
		if _, done := sb.components[n]; !done {
			sb.components[n] = Schema{"type": "string", "enum": values, "x-enum-varnames": enumVarNames(n, values)}
		}
		return Schema{"$ref": "#/components/schemas/" + n}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return nullable(sb.schema(t.Elem(), m))
	case reflect.String:
		s := Schema{"type": "string"}
		if m == request {
			s["maxLength"] = maxInputText
		}
		return s
	case reflect.Bool:
		return Schema{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		s := Schema{"type": "integer"}
		if m == request {
			s["minimum"], s["maximum"] = coop.MinInt, coop.MaxInt
		}
		return s
	case reflect.Float32, reflect.Float64:
		return Schema{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return Schema{"type": "string"}
		}
		return Schema{"type": "array", "items": sb.schema(t.Elem(), m)}
	case reflect.Map:
		s := Schema{"type": "object", "additionalProperties": sb.schema(t.Elem(), m)}
		if values, ok := sb.enums[t.Key()]; ok {
			s["propertyNames"] = Schema{"enum": values}
		}
		return s
	case reflect.Interface:
		return Schema{}
	case reflect.Struct:
		n := sb.name(t, m)
		if _, done := sb.components[n]; !done {
			sb.components[n] = Schema{} // placeholder for recursive types
			props := Schema{}
			var required []string
			sb.fields(t, m, props, &required)
			s := Schema{"type": "object", "properties": props, "additionalProperties": false}
			if m == request {
				required = inputRequired[t]
				if t == reflect.TypeFor[coop.Governance]() {
					// The first officers: a board or managers (arts. 5, 65).
					s["minProperties"] = 1
				}
			}
			if len(required) > 0 {
				s["required"] = required
			}
			sb.components[n] = s
		}
		return Schema{"$ref": "#/components/schemas/" + n}
	}
	return Schema{}
}

// fields adds the JSON properties of struct t, flattening embedded structs
// as encoding/json does, and the ones a reply always holds (those without
// omitempty or omitzero) to required.
func (sb *schemaBuilder) fields(t reflect.Type, m mode, props Schema, required *[]string) {
	for f := range jsonFields(t) {
		ft := f.Field.Type
		s := sb.schema(ft, m)
		if m == response && !f.Omitted {
			*required = append(*required, f.Name)
			// A slice or map left empty is written as null, but for the
			// lists that are never nil.
			switch ft.Kind() {
			case reflect.Slice, reflect.Map:
				if ft.Elem().Kind() != reflect.Uint8 && !neverNull[f.Owner.Name()+"."+f.Field.Name] {
					s = nullable(s)
				}
			}
			if ft == tDate {
				s = Schema{"type": []any{"string", "null"}, "format": "date"}
			}
		}
		props[f.Name] = s
	}
}

// enumVarNames names the constants a generator makes for the values of
// enum n, "KindCooperative", "ProvinceCodeMAMEK", so that no constant
// clashes with a type or with another enum's value.
func enumVarNames(n string, values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		var b strings.Builder
		b.WriteString(n)
		up := true
		for _, r := range v {
			switch {
			case r >= 'a' && r <= 'z':
				if up {
					r -= 'a' - 'A'
				}
				b.WriteRune(r)
				up = false
			case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
				b.WriteRune(r)
				up = false
			default:
				up = true
			}
		}
		out[i] = b.String()
	}
	return out
}

// queryParamSchema is the schema of a query parameter: its closed set or
// its bounds.
func (sb *schemaBuilder) queryParamSchema(q param) Schema {
	switch q.Name {
	case "kind":
		return sb.schema(reflect.TypeFor[coop.Kind](), response)
	case "region":
		return sb.schema(reflect.TypeFor[coop.RegionCode](), response)
	case "province":
		return sb.schema(reflect.TypeFor[coop.ProvinceCode](), response)
	case "delegation":
		return sb.schema(reflect.TypeFor[coop.DelegationID](), response)
	case "sector":
		return sb.schema(reflect.TypeFor[coop.Sector](), response)
	case "status":
		return sb.schema(reflect.TypeFor[coop.Status](), response)
	case "format":
		return Schema{"type": "string", "enum": []string{"json", "csv"}}
	case "limit":
		return Schema{"type": "integer", "minimum": 1, "maximum": registry.MaxLimit}
	case "decimals":
		return Schema{"type": "integer", "minimum": 0, "maximum": 4}
	case "youth_max_age":
		return Schema{"type": "integer", "minimum": 18, "maximum": 120}
	case "by":
		dims := strings.Join(sb.enums[reflect.TypeFor[stats.Dimension]()], "|")
		return Schema{"type": "string", "pattern": "^(" + dims + ")(,(" + dims + "))?$"}
	case "name":
		return Schema{"type": "string", "maxLength": 200}
	case "cursor":
		return Schema{"type": "string", "maxLength": 200}
	}
	switch q.Type {
	case "date":
		return Schema{"type": "string", "format": "date", "pattern": datePattern}
	case "integer":
		return Schema{"type": "integer"}
	}
	return Schema{"type": "string", "maxLength": maxInputText}
}

// pathParamSchema is the schema of a path parameter.
func pathParamSchema(name string) Schema {
	switch name {
	case "number":
		return Schema{"type": "string", "pattern": `^[0-9]+/[A-Z]+/[0-9]{4}/[0-9]+$`,
			"description": "a registration number, part/court/year/sequence, with its slashes percent-encoded as %2F", "example": "1/MEK/2019/106"}
	case "program":
		return Schema{"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}
	}
	return Schema{"type": "string", "format": "uuid"}
}

// openAPIDocumentSchema is the schema of this document itself.
func (sb *schemaBuilder) openAPIDocumentSchema() Schema {
	if _, done := sb.components["OpenAPIDocument"]; !done {
		sb.components["OpenAPIDocument"] = Schema{"type": "object", "required": []string{"openapi", "info", "paths", "components"},
			"properties": Schema{
				"openapi": Schema{"type": "string", "enum": []string{"3.1.0"}},
				"info": Schema{"type": "object", "required": []string{"title", "version"}, "properties": Schema{
					"title": Schema{"type": "string"}, "version": Schema{"type": "string"}, "description": Schema{"type": "string"}}},
				"paths":      Schema{"type": "object", "additionalProperties": Schema{"type": "object"}},
				"components": Schema{"type": "object", "additionalProperties": Schema{"type": "object"}},
			}}
	}
	return Schema{"$ref": "#/components/schemas/OpenAPIDocument"}
}
