package httpapi

import (
	"bufio"
	"cmp"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Metrics counts the API's requests and exposes them, with the gauges a
// server adds, in the Prometheus text exposition format (version 0.0.4) at
// GET /metrics of the handler given it in Options.Metrics:
//
//	taawun_http_requests_total{route="GET /v1/cooperatives/{id}",status="200"}  counter
//	taawun_http_request_duration_seconds{route="..."}                          histogram
//
// Routes are the patterns of the route table, never raw paths, so that the
// number of series stays bounded; a request no route matches counts under
// route="unmatched". A Metrics is safe for concurrent use and may serve
// several handlers.
type Metrics struct {
	mu       sync.RWMutex
	requests map[requestKey]*atomic.Uint64
	latency  map[string]*histogram
	gauges   []gauge
}

// DurationBuckets are the upper bounds, in seconds, of the request
// duration histogram.
var DurationBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

type requestKey struct {
	route  string
	status int
}

type histogram struct {
	counts []atomic.Uint64 // one per bucket, then +Inf
	sum    atomic.Uint64   // nanoseconds
}

type gauge struct {
	name, help string
	value      func() float64
}

// NewMetrics returns an empty set of metrics.
func NewMetrics() *Metrics {
	return &Metrics{requests: map[requestKey]*atomic.Uint64{}, latency: map[string]*histogram{}}
}

// Gauge adds a gauge whose value is read at each scrape, e.g. the number
// of cooperatives in the registry or how far a load has come. name must be
// a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*) not given before.
func (m *Metrics) Gauge(name, help string, value func() float64) error {
	if !validMetricName(name) {
		return fmt.Errorf("httpapi.Metrics: %q is not a metric name", name)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, g := range m.gauges {
		if g.name == name {
			return fmt.Errorf("httpapi.Metrics: gauge %q is given twice", name)
		}
	}
	m.gauges = append(m.gauges, gauge{name: name, help: help, value: value})
	return nil
}

func validMetricName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || r == ':' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// observe counts one request.
func (m *Metrics) observe(route string, status int, took time.Duration) {
	key := requestKey{route, status}
	m.mu.RLock()
	c, h := m.requests[key], m.latency[route]
	m.mu.RUnlock()
	if c == nil || h == nil {
		m.mu.Lock()
		if c = m.requests[key]; c == nil {
			c = new(atomic.Uint64)
			m.requests[key] = c
		}
		if h = m.latency[route]; h == nil {
			h = &histogram{counts: make([]atomic.Uint64, len(DurationBuckets)+1)}
			m.latency[route] = h
		}
		m.mu.Unlock()
	}
	c.Add(1)
	s := took.Seconds()
	i, _ := slices.BinarySearch(DurationBuckets, s)
	h.counts[i].Add(1)
	h.sum.Add(uint64(took.Nanoseconds()))
}

// ServeHTTP writes the metrics in the Prometheus text format.
func (m *Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	bw := bufio.NewWriter(w)
	m.write(bw)
	_ = bw.Flush()
}

func (m *Metrics) write(w *bufio.Writer) {
	// The series as they are now: counters and histograms are read after
	// the lock is released, each atomically.
	type counter struct {
		k requestKey
		n *atomic.Uint64
	}
	type series struct {
		route string
		h     *histogram
	}
	m.mu.RLock()
	counters := make([]counter, 0, len(m.requests))
	for k, n := range m.requests {
		counters = append(counters, counter{k, n})
	}
	histograms := make([]series, 0, len(m.latency))
	for r, h := range m.latency {
		histograms = append(histograms, series{r, h})
	}
	gauges := slices.Clone(m.gauges)
	m.mu.RUnlock()
	slices.SortFunc(counters, func(a, b counter) int {
		return cmp.Or(strings.Compare(a.k.route, b.k.route), cmp.Compare(a.k.status, b.k.status))
	})
	slices.SortFunc(histograms, func(a, b series) int { return strings.Compare(a.route, b.route) })

	fmt.Fprintln(w, "# HELP taawun_http_requests_total Requests answered, by route pattern and status.")
	fmt.Fprintln(w, "# TYPE taawun_http_requests_total counter")
	for _, c := range counters {
		fmt.Fprintf(w, "taawun_http_requests_total{route=%s,status=\"%d\"} %d\n", labelValue(c.k.route), c.k.status, c.n.Load())
	}
	fmt.Fprintln(w, "# HELP taawun_http_request_duration_seconds Time to answer a request, by route pattern.")
	fmt.Fprintln(w, "# TYPE taawun_http_request_duration_seconds histogram")
	for _, sr := range histograms {
		route, h := sr.route, sr.h
		var cum uint64
		for i := range h.counts {
			cum += h.counts[i].Load()
			le := "+Inf"
			if i < len(DurationBuckets) {
				le = strconv.FormatFloat(DurationBuckets[i], 'g', -1, 64)
			}
			fmt.Fprintf(w, "taawun_http_request_duration_seconds_bucket{route=%s,le=%q} %d\n", labelValue(route), le, cum)
		}
		fmt.Fprintf(w, "taawun_http_request_duration_seconds_sum{route=%s} %s\n", labelValue(route),
			strconv.FormatFloat(float64(h.sum.Load())/1e9, 'g', -1, 64))
		fmt.Fprintf(w, "taawun_http_request_duration_seconds_count{route=%s} %d\n", labelValue(route), cum)
	}
	for _, g := range gauges {
		fmt.Fprintf(w, "# HELP %s %s\n", g.name, strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(g.help))
		fmt.Fprintf(w, "# TYPE %s gauge\n", g.name)
		v := g.value()
		text := strconv.FormatFloat(v, 'g', -1, 64)
		switch {
		case math.IsNaN(v):
			text = "NaN"
		case math.IsInf(v, 1):
			text = "+Inf"
		case math.IsInf(v, -1):
			text = "-Inf"
		}
		fmt.Fprintf(w, "%s %s\n", g.name, text)
	}
}

// labelValue quotes a label value as the text format wants it.
func labelValue(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
