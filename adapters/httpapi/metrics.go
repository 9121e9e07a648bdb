package httpapi

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/common/model"
)

// Metrics counts the API's requests and exposes them, with the Go runtime's
// and the process's metrics and the gauges a server adds, with
// github.com/prometheus/client_golang, at GET /metrics of the handler given
// it in Options.Metrics:
//
//	taawun_http_requests_total{route="GET /v1/cooperatives/{id}",status="200"}  counter
//	taawun_http_request_duration_seconds{route="..."}                          histogram
//	go_*, process_*                                                           runtime and process
//
// Routes are the patterns of the route table, never raw paths, so that the
// number of series stays bounded; a request no route matches counts under
// route="unmatched". /metrics asks no token: expose the handler only where
// operators reach it, or leave Options.Metrics nil and serve the Metrics
// (an http.Handler) on an operators' listener of its own. A Metrics is safe
// for concurrent use and may serve several handlers.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	handler  http.Handler
}

// DurationBuckets are the upper bounds, in seconds, of the request
// duration histogram.
var DurationBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// NewMetrics returns the metrics of a server: the requests' counters and
// durations, the Go runtime's and the process's.
func NewMetrics() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "taawun_http_requests_total", Help: "Requests answered, by route pattern and status.",
	}, []string{"route", "status"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "taawun_http_request_duration_seconds", Help: "Time to answer a request, by route pattern.", Buckets: DurationBuckets,
	}, []string{"route"})
	m.reg.MustRegister(m.requests, m.latency, collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.handler = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	return m
}

// Gauge adds a gauge whose value is read at each scrape, e.g. the number
// of cooperatives in the registry or how far a load has come. name must be
// a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*) not given before.
func (m *Metrics) Gauge(name, help string, value func() float64) error {
	if !model.LegacyValidation.IsValidMetricName(name) {
		return fmt.Errorf("httpapi.Metrics: %q is not a metric name", name)
	}
	if err := m.reg.Register(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, value)); err != nil {
		return fmt.Errorf("httpapi.Metrics: gauge %q: %w", name, err)
	}
	return nil
}

// observe counts one request.
func (m *Metrics) observe(route string, status int, took time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route).Observe(took.Seconds())
}

// ServeHTTP writes the metrics in the format the scraper asks for (the
// Prometheus text format by default).
func (m *Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	m.handler.ServeHTTP(w, r)
}
