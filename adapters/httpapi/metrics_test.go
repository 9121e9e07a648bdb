package httpapi_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil/promlint"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/adapters/httpapi"
	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/registry"
)

// scrape reads /metrics with the Prometheus text parser
// (prometheus/common/expfmt), checks it with client_golang's promlint, and
// returns its samples by name and labels, the labels in order ("le" last).
func scrape(t *testing.T, e *env) map[string]float64 {
	t.Helper()
	res := e.do("GET", "/metrics", "", nil, nil)
	require.Equal(t, 200, res.Code)
	assert.True(t, strings.HasPrefix(res.Header().Get("Content-Type"), "text/plain; version=0.0.4"), res.Header().Get("Content-Type"))
	problems, err := promlint.New(bytes.NewReader(res.Body.Bytes())).Lint()
	require.NoError(t, err)
	assert.Empty(t, problems, "promlint")
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(bytes.NewReader(res.Body.Bytes()))
	require.NoError(t, err)
	out := map[string]float64{}
	for name, f := range families {
		for _, m := range f.GetMetric() {
			var labels []string
			for _, l := range m.GetLabel() {
				labels = append(labels, fmt.Sprintf("%s=%q", l.GetName(), l.GetValue()))
			}
			key := func(suffix string, extra ...string) string {
				all := append(slices.Clone(labels), extra...)
				if len(all) == 0 {
					return name + suffix
				}
				return name + suffix + "{" + strings.Join(all, ",") + "}"
			}
			switch {
			case m.GetCounter() != nil:
				out[key("")] = m.GetCounter().GetValue()
			case m.GetGauge() != nil:
				out[key("")] = m.GetGauge().GetValue()
			case m.GetHistogram() != nil:
				h := m.GetHistogram()
				for _, b := range h.GetBucket() {
					out[key("_bucket", fmt.Sprintf("le=%q", strconv.FormatFloat(b.GetUpperBound(), 'g', -1, 64)))] = float64(b.GetCumulativeCount())
				}
				out[key("_bucket", `le="+Inf"`)] = float64(h.GetSampleCount())
				out[key("_count")] = float64(h.GetSampleCount())
				out[key("_sum")] = h.GetSampleSum()
			}
		}
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

	// The Go runtime's and the process's series, every operator expects.
	var goSeries, processSeries bool
	for k := range got {
		goSeries = goSeries || strings.HasPrefix(k, "go_")
		processSeries = processSeries || strings.HasPrefix(k, "process_")
	}
	assert.True(t, goSeries, "go_ series")
	assert.True(t, processSeries, "process_ series")

	// Without Metrics, /metrics is not served.
	plain := newEnv(t)
	assert.Equal(t, 404, plain.do("GET", "/metrics", "", nil, nil).Code)
}
