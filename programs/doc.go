// Package programs is the eligibility engine of Taawun and the catalogue of
// the public support programmes for Moroccan cooperatives (CATALOGUE.md in
// this directory, with CATALOGUE.fr.md and CATALOGUE.ar.md in French and
// Arabic, generated from catalogue.yaml, lists every programme, call,
// parameter and criterion with its source): Mourafaka, INDH income
// improvement, the Casablanca-Settat craft programme, Moazara, the Lalla Al
// Moutaâouina and Génération Solidaire prizes, PIAE, Motatawi3, and the
// entrepreneurship programmes Forsa and Intelaka, whose applicants are
// persons, very small enterprises and auto-entrepreneurs.
//
// # Programmes as data
//
// A Program accepts kinds of applicant, has Calls (tranches, editions) with
// opening and closing dates, and Criteria with stable IDs and references.
// A call's Parameters are dated: each value applies from a date, and a
// decision names the value used and the date from which it was in force.
// When a request names no call, the latest call opened on or before the date
// is used; when none had opened, the decision is ineligible with call-window
// as its only criterion.
//
// Programmes are data. A criterion is an instance of a Kind
// (existence-max, region, members-aged, declared, …), which declares the
// parameters it reads by role with their kinds, its reasons and its own
// reference; a programme maps a role to another parameter when it needs to
// (Génération Solidaire reads members-aged's min_age from youth_min_age).
// The built-in programmes are written in the declarative format of
// catalogue.yaml, embedded in the package and read by the loader users call:
// Catalogue.LoadPrograms reads a whole programme, its calls and their dated
// parameters, each with its reference and an unconfirmed flag with a note;
// Catalogue.LoadCalls adds calls to programmes already there. A document
// with an unknown kind, a parameter no criterion reads or of the wrong
// kind, two programmes with one ID, or a call that sets neither end of a
// range a criterion reads (ParamSpec.Bound; one end leaves the range open
// at the other) is refused whole, each problem with its file, line and
// field, in the order of the file. A rule the built-in kinds cannot express is a
// Kind written in Go and added with Catalogue.AddKind.
//
// What officers write is said in the format: a range with either end, each
// inclusive or strict (strict: [max] for "under 35 years", "less than 3
// years old"); either-or rules with the combinators all-of, any-of and not
// (Forsa: a person of 18 and over with a project, or a very small
// enterprise less than 3 years old), three-valued, each joined criterion
// reported beneath its combinator with its own reason; facts a person, an
// enterprise or a cooperative declares; applicants other than cooperatives
// (EnterpriseFacts: associations, very small enterprises,
// auto-entrepreneurs); and benefits as kinds — a grant at a rate with a cap
// (rate-cap), an honour loan with a grant part (honour-loan), a guaranteed
// bank loan whose rate depends on the project's zone (guaranteed-loan) —
// which a decision states with their amounts and parameters (Benefit).
//
// A Catalogue is immutable: additions publish a new snapshot, accessors
// return deep copies, and its Version is a digest of its data, which every
// decision and record names.
//
// # Decisions
//
// Catalogue.Evaluate decides a Request: an applicant (a coop.Cooperative, a
// person or an enterprise, and optionally a project) against a programme at
// a date; Catalogue.EvaluateAll decides one applicant against every
// programme. Every
// criterion is evaluated and reported, none short-circuits, each with a
// three-valued outcome: pass, fail, or unknown when a missing fact could
// change it. The programme is ineligible if any criterion fails, otherwise
// undetermined if any is unknown, otherwise eligible. Each criterion carries
// its reason with the actual values, rendered on demand in French, English
// or Arabic (screening many cooperatives formats nothing it does not show):
// kinds, sectors, branches, regions and declared facts by their names,
// numbers agreeing with their nouns by the CLDR plural rules (coop.Plural),
// calls by their official titles. It carries its reference (that of the
// call parameter it reads, when the call gives one), its parameters and,
// when it fails or is unknown, a hint saying what would change it ("2 more
// members"); a rule or a value the sources do not confirm is flagged
// unconfirmed with its note. The decision also says on which date its
// outcome will change if nothing else changes ("eligible until
// 2026-04-06"), taking into account the call that becomes the default one
// on a later date, and the grant and the benefit when the programme has one
// and the outcome is not ineligible, rounded down to the centime.
//
// A call named in a request is evaluated on its own terms even before it
// opens: call-window fails and every other criterion is reported, with the
// call's parameters as they stand on its opening. A project amount that is
// not given makes the criteria that read it unknown; it is never read as
// 0.00 (programs.md §1-2, clarified on 2026-12-01).
//
// Not eligible is an outcome, never an error. Errors are reserved for
// requests that cannot be decided: an unknown programme, call or phase, no
// date, no applicant.
//
// # Records, screening, extension
//
// Catalogue.Decide returns a Record, the stable JSON form of a decision with
// a SHA-256 hash of its inputs and the catalogue's version, which
// Catalogue.Replay checks and decides again for an appeal.
// Catalogue.Screen evaluates a whole registry (an iter.Seq of cooperatives)
// against one or all programmes on all cores and counts outcomes and failing
// criteria; Catalogue.ScreenModel does it over the registry's compact read
// model (coop/readmodel), which the rules read in every case: a decision
// made while screening allocates nothing. ScreenOptions.OnDecision hands out
// each decision with its reasons; ScreenOptions.Outcomes hands out only
// those of some outcomes (the eligible cooperatives, say), and the others
// are counted without being made whole. ScreenOptions.OnScreened hands out
// every decision as the screening decided it for its counts (a Screened:
// the outcome and the criteria that failed or are unknown), and makes the
// reasons only of those whose Screened.Decision the caller asks for.
//
// # Case files
//
// ParseCases reads the YAML case files whose format package programtest
// documents, and
// RunCase decides them; the programtest package runs them under go test.
//
// # Concurrency
//
// A Catalogue is safe for concurrent use, including additions while
// decisions run: each addition publishes a new snapshot. The rules of a
// Kind must be safe for concurrent use and must not modify the applicant.
//
// # Dates
//
// A rule decides at the date it is given, which need not be the date its
// criterion was bound at: the date an outcome changes on
// (Decision.ChangesOn) is found by deciding at later dates with the rules
// already bound, as long as no parameter takes a new value and the call
// does not open in between. A kind that decides by Binding.AsOf instead
// has its criterion bound again at each of those dates, which is correct
// and slower.
package programs
