package httpapi_test

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mutation is a valid request changed in one place: a required field
// removed, or a value that breaks one constraint of the document (400
// expected), or an optional field removed (success expected).
type mutation struct {
	name string
	body any
	ok   bool
}

// mutations walks value v against schema s and returns one mutation of
// the whole body per constraint met on the way.
func (e *env) mutations(s map[string]any, v any, set func(any) any, at string) []mutation {
	s = e.resolve(s)
	if alts, ok := s["anyOf"].([]any); ok {
		for _, a := range alts {
			if as := e.resolve(a.(map[string]any)); as["type"] != "null" {
				return e.mutations(as, v, set, at)
			}
		}
	}
	var out []mutation
	bad := func(what string, x any) { out = append(out, mutation{at + ": " + what, set(x), false}) }
	if enum, ok := s["enum"].([]any); ok && len(enum) > 0 {
		bad("not in the enum", "not-a-value")
	}
	if p, ok := s["pattern"].(string); ok {
		bad("not matching "+p, "12/31/2024")
	}
	if n, ok := s["maxLength"].(float64); ok {
		bad("too long", strings.Repeat("x", int(n)*4+1))
	}
	if n, ok := s["maximum"].(float64); ok && n < math.MaxInt64 {
		bad("above the maximum", int64(n)+1)
	}
	if n, ok := s["minimum"].(float64); ok && n > math.MinInt64 {
		bad("below the minimum", int64(n)-1)
	}
	switch x := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		required := asList(s["required"])
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			without := func() map[string]any {
				c := make(map[string]any, len(x))
				for kk, vv := range x {
					if kk != k {
						c[kk] = vv
					}
				}
				return c
			}()
			minProps, _ := s["minProperties"].(float64)
			optional := !slices.Contains(required, k) && float64(len(without)) >= minProps
			out = append(out, mutation{at + "." + k + " removed", set(without), optional})
			ps, ok := props[k].(map[string]any)
			require.True(e.t, ok, "%s.%s is in the document", at, k)
			out = append(out, e.mutations(ps, x[k], func(nv any) any {
				c := make(map[string]any, len(x))
				for kk, vv := range x {
					c[kk] = vv
				}
				c[k] = nv
				return set(c)
			}, at+"."+k)...)
		}
	case []any:
		if items, ok := s["items"].(map[string]any); ok && len(x) > 0 {
			out = append(out, e.mutations(items, x[0], func(nv any) any {
				c := slices.Clone(x)
				c[0] = nv
				return set(c)
			}, at+"[0]")...)
		}
	}
	return out
}

func (e *env) resolve(s map[string]any) map[string]any {
	for {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		s = e.doc["components"].(map[string]any)["schemas"].(map[string]any)[strings.TrimPrefix(ref, "#/components/schemas/")].(map[string]any)
	}
}

// TestOpenAPI_Constraints takes a valid request of every writing operation
// and sends it again with one constraint of the document broken at a
// time: each required field removed, each enum, pattern, bound and length
// exceeded, at every depth. Each is answered 400. Each optional field
// removed in turn still succeeds: the document requires what the API
// requires, no more and no less.
func TestOpenAPI_Constraints(t *testing.T) {
	writes := scopeWrites()
	ids := make([]string, 0, len(writes))
	for id := range writes {
		if id != "importRegister" {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	total := 0
	for _, id := range ids {
		w := writes[id][0]
		t.Run(id, func(t *testing.T) {
			f := newScopeFixture(t)
			path := w.path(f)
			op := f.e.operation("POST", path)
			schema := op["requestBody"].(map[string]any)["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
			var body any
			raw, err := json.Marshal(w.body(f))
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(raw, &body))
			for _, m := range f.e.mutations(schema, body, func(v any) any { return v }, "$") {
				total++
				if m.ok {
					// A success writes: each on a fixture of its own.
					g := newScopeFixture(t)
					res := g.e.do("POST", w.path(g), nationalToken, rebase(t, m.body, f, g), nil)
					assert.Less(t, res.Code, 300, "%s %s: the document makes it optional: %s", id, m.name, res.Body.String())
					continue
				}
				before := f.state(t)
				res := f.e.do("POST", path, nationalToken, m.body, nil)
				assert.Equal(t, 400, res.Code, "%s %s: %s", id, m.name, res.Body.String())
				assert.Equal(t, before, f.state(t), "%s %s changed nothing", id, m.name)
			}
		})
	}
	t.Logf("%d requests, each breaking one constraint or leaving out one optional field", total)
}

// rebase rewrites the IDs of fixture f in body to those of fixture g.
func rebase(t *testing.T, body any, f, g *scopeFixture) any {
	raw, err := json.Marshal(body)
	require.NoError(t, err)
	s := string(raw)
	pairs := []string{}
	add := func(a, b fmt.Stringer) { pairs = append(pairs, a.String(), b.String()) }
	add(f.mek.ID, g.mek.ID)
	add(f.esi.ID, g.esi.ID)
	add(f.esi2.ID, g.esi2.ID)
	add(f.mekUnion.ID, g.mekUnion.ID)
	add(f.esiUnion.ID, g.esiUnion.ID)
	add(f.esiLabel, g.esiLabel)
	add(f.esiEIG, g.esiEIG)
	add(f.mekInEsiU, g.mekInEsiU)
	add(f.esiInMekU, g.esiInMekU)
	add(f.esiApproval, g.esiApproval)
	add(f.esiUnusedApproval, g.esiUnusedApproval)
	for i := range f.esi.Members {
		add(f.esi.Members[i].ID, g.esi.Members[i].ID)
	}
	s = strings.NewReplacer(pairs...).Replace(s)
	var out any
	require.NoError(t, json.Unmarshal([]byte(s), &out))
	return out
}

// TestOpenAPI_QueryConstraints sends, for every query parameter of every
// operation, a value that breaks its documented schema, and leaves out
// each required one: each is answered 400 naming the parameter.
func TestOpenAPI_QueryConstraints(t *testing.T) {
	f := newScopeFixture(t)
	total := 0
	for tmpl, item := range f.e.doc["paths"].(map[string]any) {
		op, ok := item.(map[string]any)["get"].(map[string]any)
		if !ok {
			continue
		}
		id := f.esi.ID.String()
		if strings.HasPrefix(tmpl, "/v1/name-approvals/") {
			id = f.esiApproval.String()
		}
		path := strings.NewReplacer("{id}", id, "{program}", "mourafaka", "{number}", "1%2FESI%2F2022%2F1").Replace(tmpl)
		params, _ := op["parameters"].([]any)
		// A valid query: every required parameter with a valid value.
		valid := map[string]string{}
		for _, p := range params {
			p := p.(map[string]any)
			if p["in"] == "query" && p["required"] == true {
				valid[p["name"].(string)] = validQueryValue(p["name"].(string))
			}
		}
		query := func(name, value string, drop bool) string {
			var parts []string
			for k, v := range valid {
				if k != name {
					parts = append(parts, k+"="+v)
				}
			}
			if !drop {
				parts = append(parts, name+"="+value)
			}
			return path + "?" + strings.Join(parts, "&")
		}
		res := f.e.do("GET", query("", "", true), nationalToken, nil, nil)
		require.Less(t, res.Code, 300, "%s with its required parameters: %s", tmpl, res.Body.String())
		for _, p := range params {
			p := p.(map[string]any)
			if p["in"] != "query" {
				continue
			}
			name, s := p["name"].(string), f.e.resolve(p["schema"].(map[string]any))
			var cases []string
			if p["required"] == true {
				cases = append(cases, "")
			}
			if _, ok := s["enum"]; ok {
				cases = append(cases, "not-a-value")
			}
			if _, ok := s["pattern"]; ok {
				cases = append(cases, "12%2F31%2F2024")
			}
			if n, ok := s["maximum"].(float64); ok {
				cases = append(cases, fmt.Sprint(int64(n)+1))
			}
			if n, ok := s["minimum"].(float64); ok {
				cases = append(cases, fmt.Sprint(int64(n)-1))
			}
			if s["type"] == "integer" {
				cases = append(cases, "ten")
			}
			for _, v := range cases {
				total++
				res := f.e.do("GET", query(name, v, v == ""), nationalToken, nil, nil)
				require.Equal(t, 400, res.Code, "%s %s=%q: %s", tmpl, name, v, res.Body.String())
				assert.Contains(t, res.Body.String(), `"field":"`+name+`"`, "%s %s=%q names the parameter", tmpl, name, v)
			}
		}
	}
	t.Logf("%d requests, each with one query parameter out of its schema", total)

	// Every problem of a query at once.
	res := f.e.do("GET", "/v1/stats?format=xml&decimals=9", "", nil, nil)
	require.Equal(t, 400, res.Code)
	var fields []string
	for _, fe := range decode[struct {
		Errors []struct{ Field string } `json:"errors"`
	}](t, res).Errors {
		fields = append(fields, fe.Field)
	}
	slices.Sort(fields)
	assert.Equal(t, []string{"by", "decimals", "format"}, fields)
}

// validQueryValue is a valid value of a required query parameter.
func validQueryValue(name string) string {
	switch name {
	case "by":
		return "region"
	case "date", "to", "from":
		return "2024-06-30"
	}
	return "x"
}

// TestEmptyLists: the lists the document gives as arrays are arrays when
// empty, never null.
func TestEmptyLists(t *testing.T) {
	e := newEnv(t)
	tests := []struct{ path, want string }{
		{"/v1/cooperatives?name=nothing", `"items":[]`},
		{"/v1/stats?by=region", `"rows":[]`},
		{"/v1/stats/national", `"rows":[]`},
	}
	for _, tt := range tests {
		res := e.do("GET", tt.path, "", nil, nil)
		require.Equal(t, 200, res.Code, res.Body.String())
		assert.Contains(t, res.Body.String(), tt.want, tt.path)
	}
}
