// Package httpapi is the reference HTTP adapter of Taawun: a JSON API
// under /v1 over a registry.Registry, the programme catalogue and the
// statistics, returned by NewHandler as an http.Handler that the caller
// serves.
//
// # Routes
//
// Every route is declared once in routes.go, with Go 1.22 mux patterns:
// name approvals; cooperatives (register, get by ID or registration number,
// list with filters and cursor pages, state at a date, journal, the Law
// 112-12 check); members (admit, subscribe, pay, withdraw and answer,
// exclude, transfer, departure); governance and life events; programmes,
// eligibility (for a registered cooperative or for posted facts in the
// case-file shape) and screening; statistics as JSON or CSV; the register
// as CSV or a workbook, imported as a stream (Options.MaxImports at once,
// Options.ImportTimeout each). The OpenAPI 3.1 document at /v1/openapi.json
// is generated from the same table, with JSON schemas reflected from the Go types and named
// for what they are (Cooperative, Decision, Admission): required lists (in
// a reply, every field always written; in a request, every field the API
// refuses a request without), enums for every closed set (kinds, statuses,
// sectors, regions, provinces, delegations, outcomes, dimensions, problem
// codes), patterns for dates and amounts and bounds for numbers and text.
// A type a request gives and a reply holds has two schemas, Member for the
// reply and MemberInput for the request. Errors are Problem on every
// operation. The tests check every response they receive against the
// document, send one request per constraint of every request body and
// query parameter and expect the documented 400, and check that leaving
// out any optional field is accepted; .ci/oapi-check generates a client
// with oapi-codegen and builds it.
//
// # Errors and input
//
// Errors are RFC 9457 problem details (application/problem+json) with the
// error code, the rule of the law and the article cited and the invalid
// fields; internal errors say
// "internal error" and go to Options.Logger. Bodies are bounded
// (Options.MaxBodyBytes), must be application/json, and unknown fields and
// unknown query parameters are refused (see Input). Every request has a
// deadline (Options.RequestTimeout).
//
// # Languages
//
// A reply is in the language the request's Accept-Language prefers among
// French, Arabic and English (fr-MA reads French, ar-MA Arabic; q-values
// choose), otherwise in Options.Lang (French unless set); it says so in
// Content-Language and varies on Accept-Language. A problem's title, detail
// and field messages are written in it: in English the precise messages
// with their values; in French and Arabic the text of each field's rule and,
// for a refusal by a rule of the law, the rule's name with its article cited
// in the reader's language (coop.Error.Text, coop.FieldError.Text). The Go
// client asks for English unless ClientOptions.Lang says otherwise.
//
// # Concurrency control
//
// Cooperatives carry their version as ETag. A write with If-Match is
// guarded by the registry inside its transaction (registry.IfVersion): a
// stale version is answered 412 and changes nothing. The version is never
// a body field.
//
// A write (a POST that changes the registry) with an Idempotency-Key is
// done once. The key belongs to the principal that sent it, for that
// operation: the registry's store keeps it (a table on PostgreSQL, so that
// it survives a restart), written in the transaction of the change it
// guards, for 24 hours, never evicted before. A retry with the same key and
// body gets the first reply, with Idempotent-Replayed: true, once the
// principal's scope is checked again on the cooperatives the write changed:
// the key keeps the status, Location, ETag and the versions the write made,
// not the body, and a replay renders the cooperatives at those versions
// (registry.Registry.AtVersion), so that a key costs a few hundred bytes
// whatever the size of the cooperative;
// with another body, 422; while the first request runs, 409. A request
// refused, or cancelled before it committed, leaves its key free. On the
// POSTs that only compute (eligibility, screening) the header changes
// nothing.
//
// A write sent with Prefer: return=minimal (RFC 7240) is answered with its
// status, Location and ETag and no body, and Preference-Applied:
// return=minimal: what a client that only needs the new version saves is
// the encoding of the whole cooperative, members and all.
//
// # Input
//
// Bodies are one JSON object in UTF-8 whose keys are the field names
// exactly, each at most once; amounts are JSON strings in the grammar of
// coop.ParseMAD; whole numbers are integer literals. Query strings are
// percent-encoded, each parameter at most once; a request carries at most
// one Authorization header. The registry then applies its own grammar
// (coop.CheckInput) before any store sees the input. A database that cannot
// be reached is answered 503 with Retry-After.
//
// # Aggregates and screenings at national scale
//
// Statistics, label coverage and expiries, support activity and
// programme follow-up are computed from the registry's read model
// (registry.Registry.ReadModel), never by copying cooperatives. Their
// replies are kept while nothing commits through the registry, per query,
// Accept, Accept-Language and date, with a weak ETag: a client that sends
// it back in If-None-Match gets 304 Not Modified, and any commit changes
// it. Server-Timing says how long the figures took to compute and encode
// (compute;dur, encode;dur) or that kept ones answered (cache;dur=0).
//
// POST /v1/screenings answers its counts as JSON, or, when Accept asks for
// application/x-ndjson, every decision as a JSON line
// ({cooperative_id, name, decision}, with every criterion and reason) as
// it is made, then {summary}; text/csv gives a line a decision for a
// spreadsheet (the outcome and the criteria that fail or are unknown, read
// as the screening decided them, without making any reason). With ?view=summary an NDJSON line holds the outcome, the
// date it changes and the criteria that fail or are unknown, without
// reasons: 175 bytes a decision rather than 4 KB. ?outcome=eligible (or
// several outcomes, comma-separated) streams only the decisions with those
// outcomes, made whole while the others are only counted; the summary
// still counts every decision. The stream is flushed after its first line
// and then at least every 50 ms; it holds a line at a time, and a stream
// of 100,000 lines or 32 MB or more gives the memory its lines took back
// to the system when it ends.
//
// # Operations
//
// GET /healthz answers 200 while the handler runs. With Options.Ready,
// GET /readyz and every /v1 route answer 503 with Retry-After until Ready
// reports true (a server loading its registry and building its read
// model), and /readyz 200 after, as long as the store answers
// (registry.Registry.Ping): 503 while the database refuses connections.
// With Options.Metrics, GET /metrics serves Prometheus metrics with
// prometheus/client_golang: requests by route pattern and status, their
// durations as a histogram, the Go runtime's (go_*) and the process's
// (process_*) metrics, and the gauges the caller adds (examples/server adds
// the registry's size, the load's progress and readiness). /metrics asks no
// token: serve it where only operators reach it, or leave Options.Metrics
// nil and mount the Metrics handler on an operators' listener.
// Options.AccessLog logs a line a request: method, path, query (the values
// of parameters no route declares are redacted, so that nothing a client
// adds is logged), status, bytes, duration and the principal's subject.
//
// # Client
//
// Client calls a Taawun server with the library's own types: a method per
// operation (Register, AdmitMember, Get, List, Eligibility, Screen,
// Stats, NationalReport, ...), each taking a context, the writes taking
// IfVersion and IdempotencyKey options. A refusal comes back as a
// *coop.Error with the server's code, message, article and field errors,
// so that errors.Is(err, coop.ErrNotFound) and coop.ErrorCode hold across
// the wire; HTTP's own refusals map to the nearest code (401 to
// coop.Forbidden, 412 to coop.Conflict). ScreenDecisions reads a
// screening's NDJSON stream decision by decision, all of them or those of
// some outcomes. A test drives every operation of the API through it.
//
// # Authorization
//
// Options.Authenticate, a hook the caller supplies (BearerTokens is one),
// finds the Principal of a request. The registry is public (Law 112-12 art.
// 9): anyone reads a cooperative's registered facts. Members' and
// officers' personal data (names, CIN, birth dates, phones, addresses;
// Law 09-08) is redacted unless the principal's scope covers the
// cooperative. Every write needs a principal (401 without one), and its
// scope is a guard the registry checks inside the write's transaction on
// every cooperative the write changes (registry.Authorize): a union
// admitting a cooperative of another delegation is refused 403, and nothing
// is written.
package httpapi
