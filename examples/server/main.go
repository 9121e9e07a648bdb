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
// delegation token for this run and prints them. Logs are JSON (slog) on
// standard error; SIGINT or SIGTERM shut the server down gracefully.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/taawun/taawun/adapters/httpapi"
	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/adapters/postgres"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats/synthetic"
)

func main() {
	addr := flag.String("addr", ":8080", "address to listen on")
	national := flag.Bool("national", false, "load the synthetic national registry (60,939 cooperatives) instead of the demo cooperatives")
	dsn := flag.String("dsn", "", "PostgreSQL connection string; empty keeps the registry in memory")
	tokensFile := flag.String("tokens", "", "JSON file of bearer tokens and their scopes (default: $TAAWUN_TOKENS)")
	programFiles := flag.String("programs", "", "comma-separated programme files to add to the built-in catalogue")
	flag.Parse()

	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	cat, err := catalogue(*programFiles)
	if err != nil {
		log.Error("the programme files are refused", slog.Any("error", err))
		os.Exit(1)
	}
	if err := run(log, cat, *addr, *national, *dsn, *tokensFile); err != nil {
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

func run(log *slog.Logger, cat *programs.Catalogue, addr string, national bool, dsn, tokensFile string) error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	auth, err := authenticator(log, tokensFile)
	if err != nil {
		return err
	}

	var store registry.Store
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
		store = postgres.New(pool, nil)
	}
	reg := registry.New(store, nil)
	if err := load(ctx, log, reg, national); err != nil {
		return err
	}

	go purgeKeys(ctx, log, reg)
	api := httpapi.NewHandler(reg, &httpapi.Options{Authenticate: auth, Logger: log, RequestTimeout: 30 * time.Second, Catalogue: cat})
	srv := &http.Server{
		Addr:              addr,
		Handler:           accessLog(log, api),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info("serving the Taawun API", slog.String("addr", addr), slog.String("openapi", "/v1/openapi.json"),
		slog.String("catalogue", cat.Version()), slog.Any("programs", cat.ProgramIDs()))
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
// national registry. A registry that already holds cooperatives (a
// PostgreSQL database used before) is left as it is.
func load(ctx context.Context, log *slog.Logger, reg *registry.Registry, national bool) error {
	p, err := reg.List(ctx, registry.Filter{Limit: 1})
	if err != nil {
		return err
	}
	if p.Total > 0 {
		log.Info("the registry already holds cooperatives", slog.Int("cooperatives", p.Total))
		return nil
	}
	start := time.Now()
	cs := demo()
	if national {
		cs = synthetic.Generate(nil)
	}
	n, err := reg.Import(ctx, slices.Values(cs))
	if err != nil {
		return fmt.Errorf("loading: %w", err)
	}
	log.Info("registry loaded", slog.Int("cooperatives", n), slog.Duration("took", time.Since(start)))
	return nil
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
		log.Info("no tokens given: made two for this run", slog.String("national_token", nat), slog.String("meknes_token", mek))
	}
	return httpapi.BearerTokens(scopes)
}

func randomToken() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b[:])
}

// accessLog logs each request with its status and duration.
func accessLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		log.Info("request", slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", sw.status),
			slog.Duration("took", time.Since(start)))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(s int) { w.status = s; w.ResponseWriter.WriteHeader(s) }
