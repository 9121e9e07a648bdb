package httpapi_test

import (
	"bufio"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/httpapi"
	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/registry"
)

// sampleLine is a sample of the Prometheus text format: a name, labels
// and a value.
var sampleLine = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$`)

// scrape reads /metrics into its samples, checking every line's syntax.
func scrape(t *testing.T, e *env) map[string]float64 {
	t.Helper()
	res := e.do("GET", "/metrics", "", nil, nil)
	require.Equal(t, 200, res.Code)
	assert.Equal(t, "text/plain; version=0.0.4; charset=utf-8", res.Header().Get("Content-Type"))
	out := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(res.Body.String()))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# HELP ") || strings.HasPrefix(line, "# TYPE ") {
			continue
		}
		m := sampleLine.FindStringSubmatch(line)
		require.NotNil(t, m, "a sample line: %q", line)
		v, err := strconv.ParseFloat(m[len(m)-1], 64)
		require.NoError(t, err)
		out[strings.TrimSuffix(line, " "+m[len(m)-1])] = v
	}
	return out
}

// TestMetrics counts requests by route pattern and status, with their
// durations, and serves the caller's gauges, in the Prometheus text format.
func TestMetrics(t *testing.T) {
	m := httpapi.NewMetrics()
	reg := registry.New(memory.New(), &registry.Options{Now: clock})
	loaded := 0.0
	require.NoError(t, m.Gauge("taawun_load_progress_ratio", "how far the registry's load has come, 0 to 1", func() float64 { return loaded }))
	require.Error(t, m.Gauge("taawun_load_progress_ratio", "twice", func() float64 { return 0 }))
	require.Error(t, m.Gauge("taawun load", "not a name", func() float64 { return 0 }))
	e := &env{t: t, reg: reg, h: httpapi.NewHandler(reg, &httpapi.Options{Now: clock, Metrics: m})}

	for range 3 {
		e.do("GET", "/v1/programs", "", nil, nil)
	}
	e.do("GET", "/v1/cooperatives/00000000-0000-4000-8000-00000000beef", "", nil, nil)
	e.do("GET", "/v1/cooperatives/00000000-0000-4000-8000-00000000cafe", "", nil, nil)
	e.do("GET", "/v1/nowhere/1", "", nil, nil)
	e.do("GET", "/v1/nowhere/2", "", nil, nil)
	// A client that hung up is not an error of the server.
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	rec := e.serveCtx(gone, "GET", "/v1/cooperatives", "", nil, nil)
	require.Equal(t, httpapi.StatusClientClosed, rec.Code, rec.Body.String())
	loaded = 0.5

	got := scrape(t, e)
	tests := []struct {
		sample string
		want   float64
	}{
		{`taawun_http_requests_total{route="GET /v1/programs",status="200"}`, 3},
		{`taawun_http_requests_total{route="GET /v1/cooperatives/{id}",status="404"}`, 2},
		{`taawun_http_requests_total{route="unmatched",status="404"}`, 2},
		{`taawun_http_request_duration_seconds_count{route="GET /v1/programs"}`, 3},
		{`taawun_http_request_duration_seconds_bucket{route="GET /v1/programs",le="+Inf"}`, 3},
		{`taawun_http_request_duration_seconds_count{route="GET /v1/cooperatives/{id}"}`, 2},
		{`taawun_load_progress_ratio`, 0.5},
		{`taawun_http_requests_total{route="GET /v1/cooperatives",status="499"}`, 1},
	}
	for _, tt := range tests {
		v, ok := got[tt.sample]
		require.True(t, ok, "%s is scraped", tt.sample)
		assert.Equal(t, tt.want, v, tt.sample)
	}
	// Buckets are cumulative; a path is never a label.
	prev := 0.0
	for _, le := range append(httpapi.DurationBuckets, 0) {
		key := `taawun_http_request_duration_seconds_bucket{route="GET /v1/programs",le="` + strconv.FormatFloat(le, 'g', -1, 64) + `"}`
		if le == 0 {
			key = `taawun_http_request_duration_seconds_bucket{route="GET /v1/programs",le="+Inf"}`
		}
		require.Contains(t, got, key)
		assert.GreaterOrEqual(t, got[key], prev)
		prev = got[key]
	}
	for k := range got {
		assert.NotContains(t, k, "beef")
		assert.NotContains(t, k, "nowhere")
	}
	assert.Positive(t, got[`taawun_http_request_duration_seconds_sum{route="GET /v1/programs"}`])

	// Without Metrics, /metrics is not served.
	plain := newEnv(t)
	assert.Equal(t, 404, plain.do("GET", "/metrics", "", nil, nil).Code)
}
