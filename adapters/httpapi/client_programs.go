package httpapi

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/programs"
	"github.com/taawun/taawun/stats"
)

// ExpiringLabels lists the labels in force whose validity ends between
// from (today when zero) and to.
func (c *Client) ExpiringLabels(ctx context.Context, from, to coop.Date) ([]stats.Expiry, error) {
	q := dateQuery("from", from)
	q.Set("to", to.String())
	var out []stats.Expiry
	return out, c.do(ctx, "GET", "/v1/labels/expiring", q, nil, &out, nil)
}

// Programs reads the catalogue of programmes.
func (c *Client) Programs(ctx context.Context) ([]programs.Program, error) {
	var out []programs.Program
	return out, c.do(ctx, "GET", "/v1/programs", nil, nil, &out, nil)
}

// Program reads one programme of the catalogue.
func (c *Client) Program(ctx context.Context, id string) (programs.Program, error) {
	var out programs.Program
	return out, c.do(ctx, "GET", "/v1/programs/"+url.PathEscape(id), nil, nil, &out, nil)
}

// EligibilityRequest asks for a decision: on a registered cooperative
// (CooperativeID) or on facts posted with the request (Facts), never
// both.
type EligibilityRequest struct {
	// AsOf is the date of the decision; today when zero.
	AsOf coop.Date `json:"as_of"`
	// Call and Phase name a call and its phase; the call in force when
	// empty.
	Call          string     `json:"call,omitempty"`
	Phase         string     `json:"phase,omitempty"`
	CooperativeID *uuid.UUID `json:"cooperative_id,omitempty"`
	programs.Facts
}

// Eligibility is a decision with its summary in each language and the
// SHA-256 of its inputs, for the record.
type Eligibility struct {
	Decision  programs.Decision    `json:"decision"`
	Summary   map[coop.Lang]string `json:"summary"`
	InputHash string               `json:"input_hash"`
}

// Eligibility decides the eligibility of a cooperative or of posted facts
// for a programme.
func (c *Client) Eligibility(ctx context.Context, program string, in EligibilityRequest) (Eligibility, error) {
	var out Eligibility
	return out, c.do(ctx, "POST", "/v1/programs/"+url.PathEscape(program)+"/eligibility", nil, in, &out, nil)
}

// EligibilityAllRequest asks for the decisions of every programme of the
// catalogue on one applicant: a registered cooperative (CooperativeID) or
// facts posted with the request (Facts), never both. Each programme is
// decided under its call in force at AsOf.
type EligibilityAllRequest struct {
	// AsOf is the date of the decisions; today when zero.
	AsOf          coop.Date  `json:"as_of"`
	CooperativeID *uuid.UUID `json:"cooperative_id,omitempty"`
	programs.Facts
}

// EligibilityAll is the decision of every programme of the catalogue on
// one applicant, in the catalogue's order, made on one version of it.
type EligibilityAll struct {
	AsOf coop.Date `json:"as_of"`
	// Catalogue is the version of the catalogue that made the decisions.
	Catalogue string        `json:"catalogue"`
	Decisions []Eligibility `json:"decisions"`
}

// EligibilityAll decides one applicant against every programme of the
// catalogue.
func (c *Client) EligibilityAll(ctx context.Context, in EligibilityAllRequest) (EligibilityAll, error) {
	var out EligibilityAll
	return out, c.do(ctx, "POST", "/v1/eligibility", nil, in, &out, nil)
}

// FollowUp reads the visits done, due and overdue for each beneficiary of
// a programme at asOf (today when zero).
func (c *Client) FollowUp(ctx context.Context, program string, asOf coop.Date) (programs.FollowUpReport, error) {
	var out programs.FollowUpReport
	return out, c.do(ctx, "GET", "/v1/programs/"+url.PathEscape(program)+"/follow-up", dateQuery("as_of", asOf), nil, &out, nil)
}

// ScreeningRequest screens the whole registry at AsOf (today when zero)
// against Programs (every programme when empty), in the calls named by
// programme in Calls (the call in force otherwise).
type ScreeningRequest struct {
	AsOf     coop.Date         `json:"as_of"`
	Programs []string          `json:"programs,omitempty"`
	Calls    map[string]string `json:"calls,omitempty"`
}

// Screen screens the registry and returns the summary: counts by outcome
// and by failing or unknown criterion.
func (c *Client) Screen(ctx context.Context, in ScreeningRequest) (programs.ScreenReport, error) {
	var out programs.ScreenReport
	return out, c.do(ctx, "POST", "/v1/screenings", nil, in, &out, nil)
}

// ScreenedDecision is a decision of a streamed screening (ScreenDecisions):
// a cooperative and its decision for one programme, with every criterion
// and its reason.
type ScreenedDecision struct {
	CooperativeID uuid.UUID         `json:"cooperative_id"`
	Name          string            `json:"name"`
	Decision      programs.Decision `json:"decision"`
}

// ScreenDecisions screens the registry as Screen does, and calls fn with
// each decision as the server streams it: only those whose outcome is one
// of outcomes when any is given (the eligible cooperatives with their
// reasons, say), every decision otherwise. It returns the counts of every
// decision, with which the stream ends. An error from fn stops the stream
// and is returned; a stream cut before its counts is Unavailable.
func (c *Client) ScreenDecisions(ctx context.Context, in ScreeningRequest, outcomes []programs.Outcome, fn func(*ScreenedDecision) error) (programs.ScreenReport, error) {
	var q url.Values
	if len(outcomes) > 0 {
		os := make([]string, len(outcomes))
		for i, o := range outcomes {
			os[i] = string(o)
		}
		q = url.Values{"outcome": {strings.Join(os, ",")}}
	}
	req, err := c.request(ctx, "POST", "/v1/screenings", q, in, nil)
	if err != nil {
		return programs.ScreenReport{}, err
	}
	req.Header.Set("Accept", "application/x-ndjson")
	res, err := c.send(req)
	if err != nil {
		return programs.ScreenReport{}, err
	}
	defer res.Body.Close()
	dec := json.NewDecoder(res.Body)
	for {
		// A line is a decision, or the counts that end the stream.
		var line struct {
			ScreenedDecision
			Summary *programs.ScreenReport `json:"summary"`
		}
		if err := dec.Decode(&line); err != nil {
			if ctx.Err() != nil {
				return programs.ScreenReport{}, ctx.Err()
			}
			return programs.ScreenReport{}, &coop.Error{Code: coop.Unavailable, Op: "httpapi.Client", Message: "the stream ended before its counts", Err: err}
		}
		if line.Summary != nil {
			return *line.Summary, nil
		}
		if err := fn(&line.ScreenedDecision); err != nil {
			return programs.ScreenReport{}, err
		}
	}
}

// StatsQuery asks for counts by one or two dimensions.
type StatsQuery struct {
	// AsOf is the date of the figures; today when zero.
	AsOf coop.Date
	// By holds one or two dimensions.
	By []stats.Dimension
	// Decimals of the percentages, 0 to 4; the server's default (1) when
	// nil.
	Decimals *int
}

func (q StatsQuery) values() url.Values {
	v := dateQuery("as_of", q.AsOf)
	by := make([]string, len(q.By))
	for i, d := range q.By {
		by[i] = string(d)
	}
	v.Set("by", strings.Join(by, ","))
	if q.Decimals != nil {
		v.Set("decimals", strconv.Itoa(*q.Decimals))
	}
	return v
}

// Stats counts cooperatives, unions and members by one or two dimensions.
func (c *Client) Stats(ctx context.Context, q StatsQuery) (stats.Table, error) {
	var out stats.Table
	return out, c.do(ctx, "GET", "/v1/stats", q.values(), nil, &out, nil)
}

// NationalReport reads the national report. Zero options take the
// server's defaults (today, 1 decimal, young members up to 35).
func (c *Client) NationalReport(ctx context.Context, o stats.ReportOptions) (stats.Report, error) {
	q := dateQuery("as_of", o.AsOf)
	if o.Decimals != 0 {
		q.Set("decimals", strconv.Itoa(o.Decimals))
	}
	if o.YouthMaxAge != 0 {
		q.Set("youth_max_age", strconv.Itoa(o.YouthMaxAge))
	}
	var out stats.Report
	return out, c.do(ctx, "GET", "/v1/stats/national", q, nil, &out, nil)
}

// Activity reads a delegation's support activity over a period.
func (c *Client) Activity(ctx context.Context, o stats.ActivityOptions) (stats.Activity, error) {
	q := url.Values{"from": {o.From.String()}, "to": {o.To.String()}}
	if o.Delegation != "" {
		q.Set("delegation", string(o.Delegation))
	}
	if o.Program != "" {
		q.Set("program", o.Program)
	}
	var out stats.Activity
	return out, c.do(ctx, "GET", "/v1/stats/activity", q, nil, &out, nil)
}

// LabelCoverage reads label coverage by one or two dimensions.
func (c *Client) LabelCoverage(ctx context.Context, q StatsQuery) (stats.LabelCoverage, error) {
	var out stats.LabelCoverage
	return out, c.do(ctx, "GET", "/v1/stats/labels", q.values(), nil, &out, nil)
}
