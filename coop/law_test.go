package coop_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

var asOf = d("2024-06-30")

// base returns an active Law 112-12 cooperative registered on 2020-01-01.
func base() coop.Cooperative {
	return coop.Cooperative{Kind: coop.KindCooperative, Status: coop.Active, FoundedUnder: coop.Law11212,
		RegisteredOn: d("2020-01-01"), Province: "MA-IFR", Sector: coop.Agriculture}
}

// withMembers gives c n natural-person members, each subscribing amount
// and paying paid at subscription.
func withMembers(c coop.Cooperative, n int, amount, paid string) coop.Cooperative {
	for i := 0; i < n; i++ {
		c.Members = append(c.Members, member(coop.Natural, amount, paid))
	}
	return c
}

func member(t coop.MemberType, amount, paid string) coop.Member {
	m := coop.Member{Type: t, Gender: coop.Female}
	if amount != "" {
		mv := coop.ShareMovement{Kind: coop.Subscription, Shares: 1, Amount: coop.MustParseMAD(amount)}
		if paid != "" {
			mv.Paid = decimal.NewNullDecimal(coop.MustParseMAD(paid))
		}
		m.Shares = []coop.ShareMovement{mv}
	}
	return m
}

func outcome(t *testing.T, c coop.Cooperative, id string) (coop.Outcome, bool) {
	t.Helper()
	rep := coop.CheckLaw(&c, asOf)
	r, ok := rep.Result(id)
	if ok {
		assert.NotEmpty(t, r.Reference, id)
		assert.NotEmpty(t, r.Reason.Text(coop.EN), id)
		assert.NotEmpty(t, r.Reason.Text(coop.FR), id)
		assert.NotEmpty(t, r.Reason.Text(coop.AR), id)
		assert.NotEmpty(t, r.Params, id)
	}
	return r.Outcome, ok
}

func count(n int) *int { return &n }

func TestCheckLaw_Thresholds(t *testing.T) {
	tests := []struct {
		name string
		id   string
		c    coop.Cooperative
		want coop.Outcome // "" means not reported
	}{
		{"4 members", coop.CheckMembersMin, func() coop.Cooperative { c := base(); c.MemberCount = count(4); return c }(), coop.Fail},
		{"5 members", coop.CheckMembersMin, func() coop.Cooperative { c := base(); c.MemberCount = count(5); return c }(), coop.Pass},
		{"6 members", coop.CheckMembersMin, func() coop.Cooperative { c := base(); c.MemberCount = count(6); return c }(), coop.Pass},
		{"no members given", coop.CheckMembersMin, base(), ""},
		{"union of 2", coop.CheckMembersMin, func() coop.Cooperative { c := base(); c.Kind = coop.KindUnion; c.MemberCount = count(2); return c }(), coop.Fail},
		{"union of 3", coop.CheckMembersMin, func() coop.Cooperative { c := base(); c.Kind = coop.KindUnion; c.MemberCount = count(3); return c }(), coop.Pass},
		{"register of 5, one left", coop.CheckMembersMin, func() coop.Cooperative {
			c := withMembers(base(), 5, "", "")
			c.Members[4].LeftOn = asOf
			return c
		}(), coop.Fail},
		{"register of 5, one leaves tomorrow", coop.CheckMembersMin, func() coop.Cooperative {
			c := withMembers(base(), 5, "", "")
			c.Members[4].LeftOn = asOf.AddDays(1)
			return c
		}(), coop.Pass},
		{"member joining tomorrow", coop.CheckMembersMin, func() coop.Cooperative {
			c := withMembers(base(), 5, "", "")
			c.Members[4].JoinedOn = asOf.AddDays(1)
			return c
		}(), coop.Fail},

		{"capital 999.95", coop.CheckCapitalMin, withMembers(base(), 5, "199.99", "199.99"), coop.Fail},
		{"capital 1000.00", coop.CheckCapitalMin, withMembers(base(), 5, "200.00", "200.00"), coop.Pass},
		{"capital 1000.05", coop.CheckCapitalMin, withMembers(base(), 5, "200.01", "200.01"), coop.Pass},
		{"no capital data", coop.CheckCapitalMin, withMembers(base(), 5, "", ""), ""},
		{"partial capital below", coop.CheckCapitalMin, func() coop.Cooperative {
			c := withMembers(base(), 4, "200.00", "200.00")
			c.Members = append(c.Members, member(coop.Natural, "", ""))
			return c
		}(), coop.Unknown},
		{"partial capital already enough", coop.CheckCapitalMin, func() coop.Cooperative {
			c := withMembers(base(), 4, "250.00", "250.00")
			c.Members = append(c.Members, member(coop.Natural, "", ""))
			return c
		}(), coop.Pass},

		{"nominal 99.99", coop.CheckShareNominalMin, func() coop.Cooperative { c := base(); c.Statutes.ShareNominal = coop.MustParseMAD("99.99"); return c }(), coop.Fail},
		{"nominal 100.00", coop.CheckShareNominalMin, func() coop.Cooperative { c := base(); c.Statutes.ShareNominal = coop.MustParseMAD("100"); return c }(), coop.Pass},
		{"nominal 100.01", coop.CheckShareNominalMin, func() coop.Cooperative { c := base(); c.Statutes.ShareNominal = coop.MustParseMAD("100.01"); return c }(), coop.Pass},
		{"nominal absent", coop.CheckShareNominalMin, base(), ""},

		{"paid 24.99 of 100", coop.CheckPaidAtSubscription, withMembers(base(), 5, "100.00", "24.99"), coop.Fail},
		{"paid 25.00 of 100", coop.CheckPaidAtSubscription, withMembers(base(), 5, "100.00", "25.00"), coop.Pass},
		{"paid 25.01 of 100", coop.CheckPaidAtSubscription, withMembers(base(), 5, "100.00", "25.01"), coop.Pass},
		{"paid at subscription unknown for some", coop.CheckPaidAtSubscription, func() coop.Cooperative {
			c := withMembers(base(), 5, "100.00", "")
			c.Members[0].Shares[0].Paid = decimal.NewNullDecimal(coop.MustParseMAD("25"))
			return c
		}(), coop.Unknown},
		{"in kind exempt", coop.CheckPaidAtSubscription, func() coop.Cooperative {
			c := withMembers(base(), 5, "300.00", "300.00")
			c.Members[0].Shares[0].InKind = true
			c.Members[0].Shares[0].Paid = decimal.NewNullDecimal(decimal.Zero)
			return c
		}(), coop.Pass},

		{"unpaid, 3 years minus a day", coop.CheckPaidWithin3Years, func() coop.Cooperative {
			c := withMembers(base(), 5, "400.00", "100.00")
			c.RegisteredOn = asOf.AddYears(-3).AddDays(1)
			return c
		}(), coop.Pass},
		{"unpaid, exactly 3 years", coop.CheckPaidWithin3Years, func() coop.Cooperative {
			c := withMembers(base(), 5, "400.00", "100.00")
			c.RegisteredOn = asOf.AddYears(-3)
			return c
		}(), coop.Fail},
		{"fully paid after 3 years", coop.CheckPaidWithin3Years, func() coop.Cooperative {
			c := withMembers(base(), 5, "400.00", "100.00")
			for i := range c.Members {
				c.Members[i].Shares = append(c.Members[i].Shares, coop.ShareMovement{Kind: coop.Payment, On: d("2021-01-01"), Amount: coop.MustParseMAD("300")})
			}
			return c
		}(), coop.Pass},
		{"new member's shares due 3 years after joining", coop.CheckPaidWithin3Years, func() coop.Cooperative {
			c := withMembers(base(), 5, "400.00", "400.00")
			c.Members[4].JoinedOn = d("2022-01-01")
			c.Members[4].Shares[0].On = d("2022-01-01")
			c.Members[4].Shares[0].Paid = decimal.NewNullDecimal(coop.MustParseMAD("100"))
			return c
		}(), coop.Pass},

		{"natural 64.99%", coop.CheckNaturalPersonsCapital, func() coop.Cooperative {
			c := withMembers(base(), 4, "1624.75", "1624.75")
			c.Members = append(c.Members, member(coop.Legal, "3501.00", "3501.00"))
			return c
		}(), coop.Fail},
		{"natural 65%", coop.CheckNaturalPersonsCapital, func() coop.Cooperative {
			c := withMembers(base(), 4, "1625.00", "1625.00")
			c.Members = append(c.Members, member(coop.Legal, "3500.00", "3500.00"))
			return c
		}(), coop.Pass},
		{"natural only, partial data", coop.CheckNaturalPersonsCapital, func() coop.Cooperative {
			c := withMembers(base(), 4, "250.00", "250.00")
			c.Members = append(c.Members, member(coop.Natural, "", ""))
			return c
		}(), coop.Pass},
		{"legal member with unknown capital", coop.CheckNaturalPersonsCapital, func() coop.Cooperative {
			c := withMembers(base(), 4, "250.00", "250.00")
			c.Members = append(c.Members, member(coop.Legal, "", ""))
			return c
		}(), coop.Unknown},

		{"legal 1 of 3 votes", coop.CheckLegalPersonsVotes, func() coop.Cooperative {
			c := withMembers(base(), 4, "", "")
			c.Members = append(c.Members, member(coop.Legal, "", ""), member(coop.Legal, "", ""))
			return c
		}(), coop.Pass}, // 2 of 6 = exactly a third
		{"legal above a third", coop.CheckLegalPersonsVotes, func() coop.Cooperative {
			c := withMembers(base(), 3, "", "")
			c.Members = append(c.Members, member(coop.Legal, "", ""), member(coop.Legal, "", ""))
			return c
		}(), coop.Fail}, // 2 of 5

		{"duration 99", coop.CheckDurationMax, func() coop.Cooperative { c := base(); c.Statutes.DurationYears = 99; return c }(), coop.Pass},
		{"duration 100", coop.CheckDurationMax, func() coop.Cooperative { c := base(); c.Statutes.DurationYears = 100; return c }(), coop.Fail},
		{"duration absent", coop.CheckDurationMax, base(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := outcome(t, tt.c, tt.id)
			if tt.want == "" {
				assert.False(t, ok, "%s should not be reported, got %s", tt.id, got)
				return
			}
			require.True(t, ok, "%s not reported", tt.id)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCheckLaw_Governance(t *testing.T) {
	board := func(n int) coop.Governance { return coop.Governance{Directors: make([]coop.Officer, n)} }
	managers := func(n int) coop.Governance { return coop.Governance{Managers: make([]coop.Officer, n)} }
	turnover := func(y2022, y2023 string) map[int]decimal.Decimal {
		return map[int]decimal.Decimal{2022: coop.MustParseMAD(y2022), 2023: coop.MustParseMAD(y2023)}
	}
	tests := []struct {
		name string
		edit func(*coop.Cooperative)
		id   string
		want coop.Outcome
	}{
		{"2 directors", func(c *coop.Cooperative) { c.Governance = board(2) }, coop.CheckBoardSize, coop.Fail},
		{"3 directors", func(c *coop.Cooperative) { c.Governance = board(3) }, coop.CheckBoardSize, coop.Pass},
		{"4 directors", func(c *coop.Cooperative) { c.Governance = board(4) }, coop.CheckBoardSize, coop.Fail},
		{"12 directors", func(c *coop.Cooperative) { c.Governance = board(12) }, coop.CheckBoardSize, coop.Pass},
		{"15 directors", func(c *coop.Cooperative) { c.Governance = board(15) }, coop.CheckBoardSize, coop.Fail},
		{"3 managers", func(c *coop.Cooperative) { c.Governance = managers(3) }, coop.CheckManagersMax, coop.Pass},
		{"4 managers", func(c *coop.Cooperative) { c.Governance = managers(4) }, coop.CheckManagersMax, coop.Fail},

		{"managers, 50 members", func(c *coop.Cooperative) {
			c.Governance, c.LastYearEndMembers, c.Turnover = managers(1), count(50), turnover("0", "0")
		}, coop.CheckBoardRequired, coop.Pass},
		{"managers, 51 members", func(c *coop.Cooperative) {
			c.Governance, c.LastYearEndMembers = managers(1), count(51)
		}, coop.CheckBoardRequired, coop.Fail},
		{"managers, turnover 5,000,000.00 twice", func(c *coop.Cooperative) {
			c.Governance, c.LastYearEndMembers, c.Turnover = managers(1), count(10), turnover("5000000.00", "5000000.00")
		}, coop.CheckBoardRequired, coop.Pass},
		{"managers, turnover 5,000,000.01 twice", func(c *coop.Cooperative) {
			c.Governance, c.LastYearEndMembers, c.Turnover = managers(1), count(10), turnover("5000000.01", "5000000.01")
		}, coop.CheckBoardRequired, coop.Fail},
		{"managers, above once only", func(c *coop.Cooperative) {
			c.Governance, c.LastYearEndMembers, c.Turnover = managers(1), count(10), turnover("6000000.00", "4000000.00")
		}, coop.CheckBoardRequired, coop.Pass},
		{"managers, turnover missing", func(c *coop.Cooperative) {
			c.Governance, c.LastYearEndMembers = managers(1), count(10)
		}, coop.CheckBoardRequired, coop.Unknown},
		{"managers, one year below, other missing", func(c *coop.Cooperative) {
			c.Governance, c.LastYearEndMembers = managers(1), count(10)
			c.Turnover = map[int]decimal.Decimal{2023: coop.MustParseMAD("100")}
		}, coop.CheckBoardRequired, coop.Pass},
		{"board, 51 members", func(c *coop.Cooperative) { c.Governance, c.LastYearEndMembers = board(6), count(51) }, coop.CheckBoardRequired, coop.Pass},

		{"no auditor, 10,000,000.00 twice", func(c *coop.Cooperative) {
			c.Governance, c.Turnover = board(3), turnover("10000000.00", "10000000.00")
		}, coop.CheckAuditorRequired, coop.Pass},
		{"no auditor, 10,000,000.01 twice", func(c *coop.Cooperative) {
			c.Governance, c.Turnover = board(3), turnover("10000000.01", "10000000.01")
		}, coop.CheckAuditorRequired, coop.Fail},
		{"auditor, 10,000,000.01 twice", func(c *coop.Cooperative) {
			c.Governance, c.Turnover = board(3), turnover("10000000.01", "10000000.01")
			c.Governance.Auditor = &coop.Auditor{Name: "Fiduciaire"}
		}, coop.CheckAuditorRequired, coop.Pass},
		{"no auditor, one year's turnover unknown", func(c *coop.Cooperative) {
			c.Governance, c.Turnover = board(3), turnover("10000000.01", "10000000.01")
			delete(c.Turnover, asOf.Year()-2)
		}, coop.CheckAuditorRequired, coop.Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			tt.edit(&c)
			got, ok := outcome(t, c, tt.id)
			require.True(t, ok, "%s not reported", tt.id)
			assert.Equal(t, tt.want, got)
		})
	}
	// Governance checks are not reported when the cooperative does not say
	// how it is run.
	c := base()
	for _, id := range []string{coop.CheckBoardRequired, coop.CheckBoardSize, coop.CheckManagersMax, coop.CheckAuditorRequired} {
		_, ok := outcome(t, c, id)
		assert.False(t, ok, id)
	}
}

func TestCheckLaw_Transition108(t *testing.T) {
	tests := []struct {
		name      string
		conformed string
		asOf      string
		want      coop.Outcome
	}{
		{"not conformed, before the deadline", "", "2019-12-31", coop.Pass},
		{"not conformed, after the deadline", "", "2020-01-01", coop.Fail},
		{"conformed on the deadline", "2019-12-31", "2024-01-01", coop.Pass},
		{"conformed a day late", "2020-01-01", "2024-01-01", coop.Fail},
		{"conformed in 2018", "2018-06-30", "2018-07-01", coop.Pass},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			c.FoundedUnder = coop.Law2483
			c.RegisteredOn = d("1998-11-05")
			if tt.conformed != "" {
				c.ConformedOn = d(tt.conformed)
			}
			rep := coop.CheckLaw(&c, d(tt.asOf))
			r, ok := rep.Result(coop.CheckTransition108)
			require.True(t, ok)
			assert.Equal(t, tt.want, r.Outcome)
			assert.Equal(t, "Law 112-12 art. 108 (Law 74-16)", r.Reference)
		})
	}
	c := base()
	rep := coop.CheckLaw(&c, asOf)
	_, ok := rep.Result(coop.CheckTransition108)
	assert.False(t, ok, "reported for a Law 112-12 cooperative")
}

func TestCheckLaw_Outcome(t *testing.T) {
	c := withMembers(base(), 5, "200.00", "200.00")
	c.Statutes.ShareNominal = coop.MustParseMAD("100")
	rep := coop.CheckLaw(&c, asOf)
	assert.Equal(t, coop.Compliant, rep.Outcome)
	assert.Empty(t, rep.Failed())

	c.MemberCount = nil
	c.Members = c.Members[:4]
	rep = coop.CheckLaw(&c, asOf)
	assert.Equal(t, coop.NonCompliant, rep.Outcome)
	assert.Equal(t, []string{coop.CheckMembersMin, coop.CheckCapitalMin}, rep.Failed())
	r, _ := rep.Result(coop.CheckMembersMin)
	assert.Equal(t, "4 members on June 30, 2024; the minimum is 5: 1 more is needed", r.Reason.Text(coop.EN))
	assert.Equal(t, "4 adhérents au 30 juin 2024\u00a0; le minimum est de 5\u00a0: il en manque 1", r.Reason.Text(coop.FR))
	assert.Equal(t, "4 أعضاء بتاريخ 30 يونيو 2024؛ الحد الأدنى 5: ينقص عضو واحد", r.Reason.Text(coop.AR))
	assert.Equal(t, "Law 112-12 art. 14", r.Reference)
	assert.Equal(t, []coop.Param{{Name: "min_members", Value: "5", Since: coop.LawInForce}}, r.Params)

	u := base()
	u.Members = []coop.Member{member(coop.Natural, "500", ""), member(coop.Natural, "500", ""), member(coop.Natural, "500", ""),
		member(coop.Natural, "500", ""), member(coop.Natural, "500", "")}
	rep = coop.CheckLaw(&u, asOf)
	_, reported := rep.Result(coop.CheckPaidAtSubscription)
	assert.False(t, reported, "no payment at subscription is given for anyone: the check is not reported")
}

func TestConformsToLaw11212(t *testing.T) {
	c := base()
	assert.True(t, coop.ConformsToLaw11212(&c, asOf))
	c.FoundedUnder = coop.Law2483
	assert.False(t, coop.ConformsToLaw11212(&c, asOf))
	c.ConformedOn = d("2019-12-31")
	assert.True(t, coop.ConformsToLaw11212(&c, asOf))
	assert.False(t, coop.ConformsToLaw11212(&c, d("2019-12-30")), "conformed after as_of")
	c.ConformedOn = d("2020-01-01")
	assert.False(t, coop.ConformsToLaw11212(&c, asOf))
}

// TestCheckLaw_PartialFacts follows programs.md §3 as clarified: a check
// with partial facts is unknown only when the missing facts could change
// it, and a check whose facts are entirely absent is not reported.
func TestCheckLaw_PartialFacts(t *testing.T) {
	unknownNatural := coop.Member{Type: coop.Natural, Gender: coop.Female}
	unknownLegal := coop.Member{Type: coop.Legal}
	tests := []struct {
		name    string
		members []coop.Member
		want    coop.Outcome // "" when the check is not reported
		msg     string
	}{
		{"92 percent known, an unknown natural person can only raise it",
			[]coop.Member{member(coop.Natural, "4600", "4600"), member(coop.Legal, "400", "400"), unknownNatural},
			coop.Pass, "natural-persons-capital.pass-partial"},
		{"92 percent known, an unknown legal person could lower it below 65",
			[]coop.Member{member(coop.Natural, "4600", "4600"), member(coop.Legal, "400", "400"), unknownLegal},
			coop.Unknown, "natural-persons-capital.unknown"},
		{"50 percent known, an unknown legal person can only lower it",
			[]coop.Member{member(coop.Natural, "500", "500"), member(coop.Legal, "500", "500"), unknownLegal},
			coop.Fail, "natural-persons-capital.fail-partial"},
		{"50 percent known, an unknown natural person could raise it",
			[]coop.Member{member(coop.Natural, "500", "500"), member(coop.Legal, "500", "500"), unknownNatural},
			coop.Unknown, "natural-persons-capital.unknown"},
		{"nobody's subscription given", []coop.Member{unknownNatural, unknownLegal}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			c.Members = tt.members
			rep := coop.CheckLaw(&c, asOf)
			r, ok := rep.Result(coop.CheckNaturalPersonsCapital)
			if tt.want == "" {
				assert.False(t, ok, "not reported")
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, r.Outcome, r.Reason.Text(coop.EN))
			assert.Equal(t, tt.msg, r.Reason.MessageID())
		})
	}

	// No turnover given at all: the auditor check is not reported, though
	// the cooperative says how it is run.
	c := withMembers(base(), 5, "200.00", "200.00")
	c.Governance = coop.Governance{Managers: []coop.Officer{{Name: "Fatima", Since: d("2020-01-01")}}}
	rep := coop.CheckLaw(&c, asOf)
	_, ok := rep.Result(coop.CheckAuditorRequired)
	assert.False(t, ok, "auditor-required is not reported without any turnover")
	_, ok = rep.Result(coop.CheckManagersMax)
	assert.True(t, ok)
}

// TestCheckLaw_NothingDecided: a report with no check it could decide is
// undetermined, never compliant (programs.md §3, clarified 2026-12-03).
func TestCheckLaw_NothingDecided(t *testing.T) {
	asOf := coop.MustParseDate("2024-06-01")
	tests := []struct {
		name string
		c    coop.Cooperative
		want coop.Compliance
	}{
		{"an empty cooperative", coop.Cooperative{}, coop.Undetermined},
		{"a count of members alone, enough", coop.Cooperative{Kind: coop.KindCooperative, MemberCount: new(7)}, coop.Compliant},
		{"a count of members alone, too few", coop.Cooperative{Kind: coop.KindCooperative, MemberCount: new(3)}, coop.NonCompliant},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := coop.CheckLaw(&tt.c, asOf)
			assert.Equal(t, tt.want, rep.Outcome, "%+v", rep.Results)
		})
	}
}
