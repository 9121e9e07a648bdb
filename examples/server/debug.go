package main

import (
	"bytes"
	"context"
	"errors"
	"expvar"
	"log/slog"
	"net/http"
	_ "net/http/pprof" // the profiles, on the debug listener only
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"time"
)

// memoryFigures is what the process holds: the heap the last collection
// found live, the heap's spans in use, and the resident memory the system
// counts (0 where /proc is not there).
type memoryFigures struct {
	HeapLive  uint64 `json:"heap_live_bytes"`
	HeapInUse uint64 `json:"heap_inuse_bytes"`
	Resident  uint64 `json:"resident_bytes"`
}

// memoryNow reads the process's memory figures.
func memoryNow() memoryFigures {
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"}}
	metrics.Read(samples)
	var f memoryFigures
	if samples[0].Value.Kind() == metrics.KindUint64 {
		f.HeapLive = samples[0].Value.Uint64()
	}
	if samples[1].Value.Kind() == metrics.KindUint64 && samples[2].Value.Kind() == metrics.KindUint64 {
		f.HeapInUse = samples[1].Value.Uint64() + samples[2].Value.Uint64()
	}
	f.Resident = resident()
	return f
}

// resident is the resident set size from /proc/self/statm, in bytes.
func resident() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fields := bytes.Fields(b)
	if len(fields) < 2 {
		return 0
	}
	pages, err := strconv.ParseUint(string(fields[1]), 10, 64)
	if err != nil {
		return 0
	}
	return pages * uint64(os.Getpagesize())
}

// mb writes a number of bytes in MB.
func mb(n uint64) string { return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64) + " MB" }

func init() {
	expvar.Publish("memory", expvar.Func(func() any { return memoryNow() }))
	expvar.Publish("goroutines", expvar.Func(func() any { return runtime.NumGoroutine() }))
}

// serveDebug serves expvar at /debug/vars (the memory figures under
// "memory") and the profiles at /debug/pprof/ on addr until ctx ends. The
// listener is for operators: it has no authentication and is never the
// API's address.
func serveDebug(ctx context.Context, log *slog.Logger, addr string) {
	srv := &http.Server{Addr: addr, Handler: http.DefaultServeMux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	log.Info("serving the debug listener", slog.String("addr", addr), slog.String("vars", "/debug/vars"), slog.String("pprof", "/debug/pprof/"))
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Error("the debug listener stopped", slog.Any("error", err))
	}
}
