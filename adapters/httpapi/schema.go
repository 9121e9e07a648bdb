package httpapi

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats"
)

// Schema is a JSON Schema (2020-12, as OpenAPI 3.1 uses it), as a map.
type Schema = map[string]any

// mode says whether a schema describes what clients send (request) or
// what the API answers (response): a type used both ways has two
// components, "Member" and "MemberInput", since what a reply always holds
// is not what a request must give.
type mode int

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
	if s, ok := textSchema(t, m); ok {
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
	case reflect.Struct:
		return sb.object(t, m)
	}
	return scalar(t.Kind(), m)
}

// textSchema is the schema of a type that JSON writes as text of its own
// form (a date, an amount, an ID, a reason in three languages), if t is
// one.
func textSchema(t reflect.Type, m mode) (Schema, bool) {
	switch {
	case t == tDate:
		s := Schema{"type": "string", "format": "date"}
		if m == request {
			s["pattern"] = datePattern
		}
		return s, true
	case t == tTime:
		return Schema{"type": "string", "format": "date-time"}, true
	case t == tDecimal:
		pattern := decimalPattern
		if m == request {
			pattern = amountPattern
		}
		return Schema{"type": "string", "pattern": pattern}, true
	case t == tNullDecimal:
		pattern := decimalPattern
		if m == request {
			pattern = amountPattern
		}
		return nullable(Schema{"type": "string", "pattern": pattern}), true
	case t == tUUID:
		return Schema{"type": "string", "format": "uuid"}, true
	case t == tReason:
		return Schema{"type": "object", "properties": Schema{"fr": Schema{"type": "string"}, "en": Schema{"type": "string"}, "ar": Schema{"type": "string"}},
			"required": []string{"fr", "en", "ar"}, "additionalProperties": false}, true
	case t == tRaw:
		return Schema{}, true
	case textTypes[t]:
		s := Schema{"type": "string"}
		if m == request {
			s["maxLength"] = 40
		}
		return s, true
	}
	return nil, false
}

// scalar is the schema of a string, boolean or number of kind k, bounded
// in a request.
func scalar(k reflect.Kind, m mode) Schema {
	switch k {
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
	}
	return Schema{}
}

// object is a $ref to the component of struct t in mode m, made on first
// use.
func (sb *schemaBuilder) object(t reflect.Type, m mode) Schema {
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
		if m == request {
			s = declaredBounds(s, f.Field.Tag.Get("validate"))
		}
		props[f.Name] = s
	}
}

// declaredBounds adds to the schema s of a request field the bounds its
// validate tag declares (coop.CheckInput): max=N, a text of at most N
// characters; gte=N, a number of at least N.
func declaredBounds(s Schema, tag string) Schema {
	if tag == "" || s["type"] == nil {
		return s
	}
	for rule := range strings.SplitSeq(tag, ",") {
		name, param, ok := strings.Cut(rule, "=")
		n, err := strconv.Atoi(param)
		if !ok || err != nil {
			continue
		}
		switch {
		case name == "max" && s["type"] == "string":
			s["maxLength"] = n
		case name == "gte" && s["type"] == "integer":
			s["minimum"] = n
		}
	}
	return s
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
	case "dialect":
		return Schema{"type": "string", "enum": []string{registry.RFC4180.Name, registry.ExcelFR.Name}}
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
