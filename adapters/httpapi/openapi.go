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

type schemaBuilder struct {
	components map[string]Schema
	names      map[reflect.Type]string
}

func buildDocument() map[string]any {
	sb := &schemaBuilder{components: map[string]Schema{}, names: map[reflect.Type]string{}}
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
			params = append(params, map[string]any{"name": name, "in": "path", "required": true, "schema": Schema{"type": "string"}})
		}
		for _, q := range rt.Query {
			s := Schema{"type": q.Type}
			if q.Type == "date" {
				s = Schema{"type": "string", "format": "date"}
			}
			params = append(params, map[string]any{"name": q.Name, "in": "query", "required": q.Required, "description": q.Doc, "schema": s})
		}
		if rt.Method == "POST" && rt.Auth == scopedWrite {
			params = append(params, map[string]any{"name": "Idempotency-Key", "in": "header", "required": false,
				"description": "a retried request with the same key and body gets the first response", "schema": Schema{"type": "string", "maxLength": 200}})
		}
		if rt.ETag && rt.Method == "POST" && rt.OK != 201 {
			params = append(params, map[string]any{"name": "If-Match", "in": "header", "required": false,
				"description": "the ETag read; a stale one is answered 412", "schema": Schema{"type": "string"}})
		}
		if len(params) > 0 {
			op["parameters"] = params
		}
		if rt.Body != nil {
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"application/json": map[string]any{"schema": sb.schema(reflect.TypeOf(rt.Body))}}}
		}
		if rt.CSVBody {
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{
				"text/csv": map[string]any{"schema": Schema{"type": "string", "description": registerCSVDoc}}}}
		}
		content := map[string]any{}
		if rt.CSVOnly {
			content["text/csv"] = map[string]any{"schema": Schema{"type": "string", "description": registerCSVDoc}}
		} else {
			content["application/json"] = map[string]any{"schema": sb.schema(reflect.TypeOf(rt.Result))}
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
		responses := map[string]any{strconv.Itoa(rt.OK): ok,
			"default": map[string]any{"description": "an error (RFC 9457 problem details)",
				"content": map[string]any{"application/problem+json": map[string]any{"schema": sb.schema(reflect.TypeOf(Problem{}))}}}}
		if rt.ID == "getCooperative" || rt.Aggregate {
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

const decimalPattern = `^-?[0-9]+(\.[0-9]+)?$`

func nullable(s Schema) Schema { return Schema{"anyOf": []any{s, Schema{"type": "null"}}} }

// schema returns the schema of t: a $ref to a component for named structs.
func (sb *schemaBuilder) schema(t reflect.Type) Schema {
	switch {
	case t == tDate:
		return Schema{"type": []any{"string", "null"}, "format": "date"}
	case t == tTime:
		return Schema{"type": "string", "format": "date-time"}
	case t == tDecimal:
		return Schema{"type": "string", "pattern": decimalPattern}
	case t == tNullDecimal:
		return Schema{"type": []any{"string", "null"}, "pattern": decimalPattern}
	case t == tUUID:
		return Schema{"type": "string", "format": "uuid"}
	case t == tReason:
		return Schema{"type": []any{"object", "null"}, "properties": Schema{"fr": Schema{"type": "string"}, "en": Schema{"type": "string"}, "ar": Schema{"type": "string"}},
			"additionalProperties": false}
	case t == tRaw:
		return Schema{}
	case textTypes[t]:
		return Schema{"type": "string"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return nullable(sb.schema(t.Elem()))
	case reflect.String:
		return Schema{"type": "string"}
	case reflect.Bool:
		return Schema{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return Schema{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return Schema{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return Schema{"type": "string"}
		}
		return Schema{"type": []any{"array", "null"}, "items": sb.schema(t.Elem())}
	case reflect.Map:
		return Schema{"type": []any{"object", "null"}, "additionalProperties": sb.schema(t.Elem())}
	case reflect.Interface:
		return Schema{}
	case reflect.Struct:
		name := sb.names[t]
		if name == "" {
			name = componentName(t)
			sb.names[t] = name
			sb.components[name] = Schema{} // placeholder for recursive types
			props := Schema{}
			sb.fields(t, props)
			sb.components[name] = Schema{"type": "object", "properties": props, "additionalProperties": false}
		}
		return Schema{"$ref": "#/components/schemas/" + name}
	}
	return Schema{}
}

// fields adds the JSON properties of struct t, flattening embedded structs
// as encoding/json does.
func (sb *schemaBuilder) fields(t reflect.Type, props Schema) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || f.Type.Kind() == reflect.Func {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				sb.fields(ft, props)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		props[name] = sb.schema(f.Type)
	}
}

func componentName(t reflect.Type) string {
	pkg := t.PkgPath()
	if i := strings.LastIndex(pkg, "/"); i >= 0 {
		pkg = pkg[i+1:]
	}
	n := t.Name()
	if n == "" {
		n = "Anonymous"
	}
	if i := strings.Index(n, "["); i >= 0 {
		n = n[:i]
	}
	return pkg + "." + n
}
