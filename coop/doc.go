// Package coop is the domain of Taawun: Moroccan cooperatives under Law
// 112-12 (Dahir 1-14-189 of 21 November 2014, as amended by Law 74-16) and
// its decrees, with no I/O.
//
// # The cooperative
//
// A Cooperative is a cooperative or a union of cooperatives (art. 85): its
// identity (name, registration number, ICE), its seat (province, and through
// it the region and the ODCO delegation), its sector and branch, its status
// (active, dissolved, in-liquidation, struck-off, with the transitions the
// law allows), the law it was founded under (112-12, or 24-83 with the date
// its statutes were conformed, art. 108), its statutes, its member register
// (art. 17) with each member's share account (subscriptions, payments,
// transfers, refunds; arts. 7, 26-30), its governance (a board or up to
// three managers, an auditor; arts. 47-76) and its turnover by year.
//
// Facts may be missing. A cooperative described for an eligibility check may
// give only a member count, or no capital at all; the checks treat a missing
// fact as unknown, never as false.
//
// # The Law 112-12 check
//
// CheckLaw evaluates the checks of Law 112-12 at a date (LawMessages lists
// them with their articles).
// Each Result carries a stable ID ("members-min"), a three-valued Outcome
// (pass, fail, unknown), the article, the parameter values with the date from
// which they are in force, and a Reason with the actual values, rendered on
// demand in French, English or Arabic. Non-compliance is an outcome, never an
// error. The package also computes what the law fixes: the quorum of a
// general assembly (Quorum, art. 43), majorities (Votes.Adopted, arts. 20,
// 43), the legal reserve (LegalReserveAllocation, art. 69), withdrawal
// deadlines (arts. 18-19), the non-member trade cap (art. 6) and late
// modifying entries (art. 12).
//
// # Dates and money
//
// Date is a civil date with the period arithmetic of programs.md §1:
// AddYears and AddMonths clamp to the end of the month (2024-02-29 plus one
// year is 2025-02-28) and never spill into the next month as
// time.Time.AddDate does; WholeYears, Age, ExistenceAtMost and
// ExistenceAtLeast count whole years with inclusive bounds. Nothing in the
// package reads the clock: every rule takes its date.
//
// Amounts are dirhams in decimal.Decimal, never float64. ParseMAD refuses
// exponents and more than two decimals; FloorMAD rounds grants down to the
// centime.
//
// # Territory, sectors and identifiers
//
// The 12 regions and 75 prefectures and provinces of Decree 2-15-40 carry
// their ISO 3166-2 codes, HCP codes and names in French, Arabic and English;
// ParseProvince and ParseRegion accept codes and names ignoring case, accents
// and punctuation. ODCO delegations are a separate relation: the Meknès
// delegation serves Khénifra, Midelt and Errachidia, which lie in other
// regions. Sectors are stable slugs. ICE (15 digits divisible by 97), CIN
// and Moroccan phone numbers (normalised to E.164) are value types with
// Parse, String and text marshalling.
//
// # Input rules and rules of the law
//
// What a value must be to enter the registry at all is declared on the
// input types as validate tags (text, int-range, date-range, mad, amount,
// enum, province, max=200, …) and checked by CheckInput with
// go-playground/validator/v10; Validate methods add the rules that span
// fields. Every rule of the law has one ID and one article in the catalogue
// Rules: the rules of state CheckLaw reports, and the rules of decision
// (RuleTwoThirds, RuleWithdrawal, …) the registry's verbs apply.
//
// # Errors
//
// Every error the library returns for a reason of its own is an *Error with
// a Code (Invalid, NotFound, Conflict, FailedPrecondition, Internal), a
// message safe to show to users, the rule of the law that refused the input
// and its article when one did, and every field problem at once. Test codes with errors.Is against the
// sentinels (ErrInvalid, ErrNotFound, ...) or with ErrorCode. Parsers never
// panic; their Must variants, meant for literals, do.
//
// # Concurrency
//
// Values of this package are plain data. Functions are safe for concurrent
// use; a Cooperative is not synchronised, and Clone makes a deep copy.
// InBatches spreads a registry over worker goroutines for the computations
// that read all of it (programme screening, national statistics).
package coop
