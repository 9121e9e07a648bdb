// Package programtest runs eligibility and compliance case files as Go
// tests, the way OpenFisca users write YAML tests, but checked by go test
// and checking the explanation, not only the verdict:
//
//	func TestMyCases(t *testing.T) { programtest.RunFile(t, "testdata/mourafaka.yaml") }
//	func TestAllCases(t *testing.T) { programtest.RunDir(t, "testdata/cases") } // every *.yaml below it
//
// Each case runs as a subtest named after the case. A failing case prints
// the case, the expected and the actual outcome and every criterion's result
// with its reason and reference. A malformed file (bad YAML, an unknown key,
// an unknown programme, call, criterion, sector or province, a bad date or
// amount) fails the test with the file, the line and what is wrong: unknown
// keys are errors, never ignored.
//
// # The case-file format
//
// A file is a YAML list of cases. A case has exactly one of program (a
// programme's ID, see programs/CATALOGUE.md) or check (law-112-12):
//
//	# testdata/mourafaka.yaml
//	- name: Mourafaka accepts a cooperative registered exactly four years before the call date
//	  program: mourafaka            # a programme's ID
//	  call: mourafaka-t4            # optional; default: the latest call opened on or before as_of
//	  as_of: 2026-04-06
//	  cooperative:
//	    registered_on: 2022-04-06
//	    sector: agriculture
//	    province: MA-HAO
//	    member_count: 7
//	  expect:
//	    outcome: eligible           # eligible | ineligible | undetermined
//	    failed: []                  # optional: the exact set of failing criterion IDs
//	    unknown: []                 # optional: the exact set of unknown criterion IDs
//	    passed: [existence-max]     # optional: these criteria (at least) pass
//	    grant: "300000.00"          # optional, for a funding programme: the exact grant
//	    changes_on: 2026-04-07      # optional: the date the outcome changes, or none
//	    benefit: {loan: "60000.00"} # optional: fields of the benefit, or none (below)
//
//	- name: A four-member cooperative breaks article 14
//	  check: law-112-12
//	  as_of: 2024-01-01
//	  cooperative: {registered_on: 2020-01-01, member_count: 4}
//	  expect:
//	    outcome: non-compliant      # compliant | non-compliant | undetermined
//	    failed: [members-min]
//
// A case may also name a phase: of its call. The applicant is a
// cooperative: (or a union, kind: union), a person: for the programmes of
// persons, or an enterprise: (an association, a very small enterprise or an
// auto-entrepreneur, for Forsa and Intelaka), with a project: for the
// programmes that fund one. A cooperative's keys:
//
//	kind                   cooperative (default) or union
//	name                   text
//	sector                 a sector slug (coop.Sectors): agriculture, handicraft, housing, food, argan, ...
//	branch                 a lower-case English slug: weaving, jewellery, beekeeping, ...
//	province               an ISO 3166-2 code, e.g. MA-CAS; the region follows from it
//	registered_on          a date; absent: not registered
//	status                 active (default), dissolved, in-liquidation or struck-off
//	status_since           the date the status began; before it the cooperative was active
//	founded_under          112-12 (default) or 24-83
//	conformed_on           for a Law 24-83 cooperative, when its conformed statutes were registered
//	member_count           the members at as_of, when no register is given
//	members                the member register (below); overrides member_count
//	declared               facts declared true or false: {disadvantaged-members: true}
//	capital                {share_nominal: amount}
//	turnover               by year: {2022: "6000000.00", 2023: "5500000.00"}
//	last_year_end_members  the members at the last closed year end (art. 47)
//	governance             {board_size: n} or {managers: n}, and {auditor: true}
//	duration_years         the statutory duration (art. 5)
//
// A member has type (natural, the default, or legal; a union's members are
// cooperative), gender (female or male), birth_date, joined_on, left_on,
// subscribed, paid_at_subscription and paid (amounts). A person has
// birth_date, gender and declared facts ({resident: true}). An enterprise
// has kind (association, vse or auto-entrepreneur, required), name,
// created_on (its creation, from which its existence counts), turnover (of
// the last closed year) and declared facts. A project has cost, own_cash
// and own_in_kind (amounts) and zone (rural or urban, for a loan whose rate
// depends on it). Dates are YYYY-MM-DD; amounts are strings or numbers with
// at most two decimals, read exactly, never through a float.
//
// A decision's benefit (programs.Benefit) is expected field by field: kind
// (rate-cap, honour-loan, guaranteed-loan), grant, loan, rate,
// guarantee_share, repayment_years and grace_years, an amount or a rate
// being none when it must be null (a loan stated by its ceiling, with no
// project figures); benefit: none expects no benefit at all (an
// ineligible applicant).
//
// The failed, unknown and passed lists name the programme's criteria; a
// combinator (all-of, any-of, not) is one criterion, whose joined criteria
// the explanation shows beneath it.
package programtest
