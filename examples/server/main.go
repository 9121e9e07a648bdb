// Command server serves the Taawun JSON API: the registry, statistics and
// eligibility under /v1, documented at /v1/openapi.json.
//
//	go run ./examples/server                      # in memory, the cooperatives of the sources
//	go run ./examples/server -national            # in memory, the synthetic national registry
//	go run ./examples/server -dsn postgres://...  # on PostgreSQL (migrated at start)
//	go run ./examples/server -programs examples/regional/programme.yaml
//
// -programs adds the programmes of one or more files (comma-separated) in
// the declarative format of programs.LoadPrograms to the built-in
// catalogue; a file the catalogue refuses stops the server with the file,
// line and field of every problem.
//
// Bearer tokens and their scopes come from -tokens FILE or the TAAWUN_TOKENS
// variable, a JSON list such as
//
//	[{"token": "…", "subject": "ministry", "national": true},
//	 {"token": "…", "subject": "odco-meknes", "delegation": "meknes"}]
//
// Without either, the server makes a national token and a Meknès
// delegation token for this run and writes them, in the format of -tokens,
// to a file only its owner may read, whose path it logs.
//
// The server listens at once: /healthz answers 200 while it runs, and
// /readyz and the API answer 503 with Retry-After until the registry is
// loaded. Loading logs its progress (cooperatives read and the rate) every
// second. The read model of statistics and screenings is built before the
// server is ready (on PostgreSQL by streaming the tables), then kept
// current commit by commit, including the commits of other servers on the
// same database, which it follows (registry.Registry.Follow). Servers
// started together on one empty database load it once: the others wait
// for the first and find it loaded.
//
// Logs are JSON (slog) on standard error, one line a request with its
// method, path, query, status, bytes, duration and the principal's
// subject. -debug ADDR serves expvar (with the heap and resident memory
// under "memory") and pprof on a second listener for operators. Unless
// GOGC is set, the collector runs when new garbage reaches half the live
// heap (GOGC=50). SIGINT or SIGTERM shut the server down gracefully.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"iter"
	"log/slog"
	"math"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/taawun/taawun/adapters/httpapi"
	"github.com/taawun/taawun/adapters/httpapi/apidocs"
	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/adapters/postgres"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats/synthetic"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (loopback unless told otherwise: -addr :8080 listens on every interface)")
	national := flag.Bool("national", false, "load the synthetic national registry (60,939 cooperatives) instead of the demo cooperatives")
	dsn := flag.String("dsn", "", "PostgreSQL connection string; empty keeps the registry in memory")
	tokensFile := flag.String("tokens", "", "JSON file of bearer tokens and their scopes (default: $TAAWUN_TOKENS)")
	programFiles := flag.String("programs", "", "comma-separated programme files to add to the built-in catalogue")
	maxImports := flag.Int("max-imports", 2, "register imports served at once; one more is answered 503 with Retry-After")
	debugAddr := flag.String("debug", "", "address of an operators' listener with expvar at /debug/vars and pprof at /debug/pprof/ (none when empty; never expose it)")
	flag.Parse()

	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	if os.Getenv("GOGC") == "" {
		// The heap is mostly the registry, which lives as long as the
		// server: collecting when the garbage reaches half of it keeps
		// the resident memory within about 1.5 times the live heap.
		debug.SetGCPercent(50)
	}
	cat, err := catalogue(*programFiles)
	if err != nil {
		log.Error("the programme files are refused", slog.Any("error", err))
		os.Exit(1)
	}
	if err := run(log, cat, *addr, *debugAddr, *national, *dsn, *tokensFile, *maxImports); err != nil {
		log.Error("server stopped", slog.Any("error", err))
		os.Exit(1)
	}
}

// catalogue returns the built-in catalogue with the programmes of the
// comma-separated files.
func catalogue(files string) (*programs.Catalogue, error) {
	cat := programs.Default()
	for _, path := range strings.Split(files, ",") {
		if path = strings.TrimSpace(path); path == "" {
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("-programs: %w", err)
		}
		err = cat.LoadPrograms(path, f)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return cat, nil
}

func run(log *slog.Logger, cat *programs.Catalogue, addr, debugAddr string, national bool, dsn, tokensFile string, maxImports int) error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if debugAddr != "" {
		go serveDebug(ctx, log, debugAddr)
	}

	auth, err := authenticator(log, tokensFile)
	if err != nil {
		return err
	}

	var store registry.Store
	// exclusive runs the load alone among the servers of one database.
	exclusive := func(ctx context.Context, _ string, fn func(context.Context) error) error { return fn(ctx) }
	if dsn == "" {
		store = memory.New()
	} else {
		pool, err := pgxpool.New(ctx, dsn)
		if err != nil {
			return fmt.Errorf("-dsn: %w", err)
		}
		defer pool.Close()
		if err := postgres.Migrate(ctx, pool); err != nil {
			return fmt.Errorf("migrating the database: %w", err)
		}
		pg := postgres.New(pool, nil)
		defer pg.Close()
		store, exclusive = pg, pg.Exclusive
	}
	reg := registry.New(store, nil)

	// The server answers at once: /healthz says it runs, /readyz and the
	// API answer 503 until the registry is loaded and its read model
	// built; /readyz answers 503 too while the store cannot be reached.
	var ready atomic.Bool
	go purgeKeys(ctx, log, reg)
	metrics, err := serverMetrics(reg, ready.Load)
	if err != nil {
		return err
	}
	api := httpapi.NewHandler(reg, &httpapi.Options{Authenticate: auth, Logger: log, RequestTimeout: 30 * time.Second,
		Catalogue: cat, AccessLog: true, Ready: ready.Load, Metrics: metrics, MaxImports: maxImports})
	srv := &http.Server{
		Addr:              addr,
		Handler:           withDocs(api),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 2)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("serving the Taawun API", slog.String("addr", addr), slog.String("openapi", "/v1/openapi.json"),
		slog.String("catalogue", cat.Version()), slog.Any("programs", cat.ProgramIDs()))
	go func() {
		err := exclusive(ctx, "load", func(ctx context.Context) error { return load(ctx, log, reg, national) })
		if err == nil {
			err = buildModel(ctx, log, reg)
		}
		if err != nil {
			errc <- err
			return
		}
		ready.Store(true)
		log.Info("ready", slog.String("since_start", since(processStart)))
		// Other servers on the database commit too: apply their commits.
		_ = reg.Follow(ctx, &registry.FollowOptions{OnError: func(err error) {
			log.Warn("following the registry's commits", slog.Any("error", err))
		}})
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// load fills an empty registry: the demo cooperatives, or the synthetic
// national registry, logging its progress. A registry that already holds
// cooperatives (a PostgreSQL database used before, or loaded by a server
// started at the same time) is left as it is.
func load(ctx context.Context, log *slog.Logger, reg *registry.Registry, national bool) error {
	p, err := reg.List(ctx, registry.Filter{Limit: 1})
	if err != nil {
		return err
	}
	if p.Total > 0 {
		log.Info("the registry already holds cooperatives", slog.Int("cooperatives", p.Total))
		loadDone.Store(int64(p.Total))
		loadTotal.Store(int64(p.Total))
		return nil
	}
	start := time.Now()
	d := demo()
	cs, total := slices.Values(d), len(d)
	if national {
		// Generated as it is imported, so that the registry is never
		// held twice.
		cs, total = synthetic.All(nil), synthetic.DefaultCooperatives
	}
	loadTotal.Store(int64(total))
	prog := &progress{log: log, total: total, start: start, last: start}
	n, err := reg.ImportOwned(ctx, prog.count(cs))
	if err != nil {
		return fmt.Errorf("loading: %w", err)
	}
	log.Info("registry loaded", slog.Int("cooperatives", n), slog.String("took", since(prog.start)),
		slog.String("rate", rate(n, time.Since(prog.start))))
	return nil
}

// buildModel builds the read model that statistics and screenings read
// before the server says it is ready, so that the first of them does not
// wait for it: in memory from the registry, on PostgreSQL by streaming the
// tables. From then on it is kept current commit by commit.
func buildModel(ctx context.Context, log *slog.Logger, reg *registry.Registry) error {
	start := time.Now()
	m, err := reg.ReadModel(ctx)
	if err != nil {
		return fmt.Errorf("building the read model: %w", err)
	}
	// What the load allocated and no longer needs goes back to the system.
	debug.FreeOSMemory()
	mem := memoryNow()
	log.Info("read model built", slog.Int("cooperatives", m.Len()), slog.Uint64("version", m.Version()),
		slog.String("took", since(start)), slog.String("heap_live", mb(mem.HeapLive)), slog.String("resident", mb(mem.Resident)))
	return nil
}

// progress logs how far a load has come, at most once a second.
type progress struct {
	log         *slog.Logger
	total, done int
	start, last time.Time
}

// count passes seq on, logging the count and rate as it goes.
func (p *progress) count(seq iter.Seq[coop.Cooperative]) iter.Seq[coop.Cooperative] {
	return func(yield func(coop.Cooperative) bool) {
		for c := range seq {
			if !yield(c) {
				return
			}
			p.done++
			loadDone.Store(int64(p.done))
			if p.done%1024 == 0 {
				if now := time.Now(); now.Sub(p.last) >= time.Second {
					p.last = now
					p.log.Info("loading", slog.Int("cooperatives", p.done), slog.Int("of", p.total),
						slog.String("rate", rate(p.done, now.Sub(p.start))))
				}
			}
		}
	}
}

// withDocs serves the API's reference page at /docs/, rendered from
// /v1/openapi.json by the embedded Swagger UI, and the API at every other
// path.
// The paths are matched as they come, so that the API answers unclean
// paths itself.
func withDocs(api http.Handler) http.Handler {
	docs := apidocs.Handler("/docs/", "/v1/openapi.json")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/docs" || strings.HasPrefix(r.URL.Path, "/docs/") {
			docs.ServeHTTP(w, r)
			return
		}
		api.ServeHTTP(w, r)
	})
}

// loadDone and loadTotal tell /metrics how far the load has come.
var loadDone, loadTotal atomic.Int64

// serverMetrics are the API's request metrics with the server's gauges:
// the registry's size, the load's progress and readiness.
func serverMetrics(reg *registry.Registry, ready func() bool) (*httpapi.Metrics, error) {
	m := httpapi.NewMetrics()
	return m, errors.Join(
		m.Gauge("taawun_registry_cooperatives", "Cooperatives and unions in the registry.", func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			p, err := reg.List(ctx, registry.Filter{Limit: 1})
			if err != nil {
				return math.NaN()
			}
			return float64(p.Total)
		}),
		m.Gauge("taawun_load_progress_ratio", "How far the load of the registry at start has come, 0 to 1.", func() float64 {
			if total := loadTotal.Load(); total > 0 {
				return float64(loadDone.Load()) / float64(total)
			}
			return 0
		}),
		m.Gauge("taawun_ready", "1 once the registry is loaded and the API serves, 0 before.", func() float64 {
			if ready() {
				return 1
			}
			return 0
		}),
	)
}

// processStart is when the process started, as near as Go tells.
var processStart = time.Now()

// since is the time since start in human units, to the millisecond.
func since(start time.Time) string { return time.Since(start).Round(time.Millisecond).String() }

// rate is n cooperatives over d, per second.
func rate(n int, d time.Duration) string {
	if d <= 0 {
		return "-"
	}
	return strconv.Itoa(int(float64(n)/d.Seconds())) + "/s"
}

// purgeKeys removes expired idempotency keys every hour, until ctx ends.
func purgeKeys(ctx context.Context, log *slog.Logger, reg *registry.Registry) {
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			n, err := reg.PurgeKeys(ctx)
			if err != nil {
				log.Warn("purging expired idempotency keys", slog.Any("error", err))
				continue
			}
			log.Info("purged expired idempotency keys", slog.Int("keys", n))
		}
	}
}

// authenticator reads the tokens, or makes two for this run.
func authenticator(log *slog.Logger, file string) (httpapi.Authenticator, error) {
	var raw []byte
	switch {
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("-tokens: %w", err)
		}
		raw = b
	case os.Getenv("TAAWUN_TOKENS") != "":
		raw = []byte(os.Getenv("TAAWUN_TOKENS"))
	}
	var scopes []httpapi.TokenScope
	if raw != nil {
		var err error
		if scopes, err = httpapi.ParseTokens(raw); err != nil {
			return nil, err
		}
	} else {
		nat, mek := randomToken(), randomToken()
		scopes = []httpapi.TokenScope{
			{Token: nat, Principal: httpapi.Principal{Subject: "national", National: true}},
			{Token: mek, Principal: httpapi.Principal{Subject: "odco-meknes"}, Delegation: coop.DelegationID("meknes")},
		}
		path, err := writeTokens(nat, mek)
		if err != nil {
			return nil, err
		}
		// The tokens go to a file only the owner reads, never to the log.
		log.Info("no tokens given: made two for this run", slog.String("tokens_file", path))
	}
	return httpapi.BearerTokens(scopes)
}

// writeTokens writes the tokens made for a run, in the format of -tokens,
// to a new file of the temporary directory that only its owner may read,
// and returns its path.
func writeTokens(national, meknes string) (string, error) {
	f, err := os.CreateTemp("", "taawun-tokens-*.json") // mode 0600
	if err != nil {
		return "", fmt.Errorf("writing the tokens made for the run: %w", err)
	}
	_, err = fmt.Fprintf(f, `[{"token":%q,"subject":"national","national":true},`+"\n"+` {"token":%q,"subject":"odco-meknes","delegation":"meknes"}]`+"\n", national, meknes)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o600)
	}
	return f.Name(), err
}

func randomToken() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b[:])
}
