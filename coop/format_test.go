package coop_test

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/taawun/taawun/coop"
)

// locales are the CLDR locales of the languages.
var locales = map[coop.Lang]string{coop.FR: "fr-MA", coop.AR: "ar-MA", coop.EN: "en"}

// TestFormatsCLDR checks the month names and the long date pattern against
// CLDR's data (testdata/cldr, from cldr-dates-modern 45), and the number
// separators against golang.org/x/text, which formats from CLDR.
func TestFormatsCLDR(t *testing.T) {
	raw, err := os.ReadFile("testdata/cldr/dates.json")
	require.NoError(t, err)
	var cldr struct {
		Locales map[string]struct {
			Months map[string]string `json:"months"`
			Long   string            `json:"long"`
		} `json:"locales"`
	}
	require.NoError(t, json.Unmarshal(raw, &cldr))
	d := coop.MustParseDate("2026-04-16")
	for lang, loc := range locales {
		data, ok := cldr.Locales[loc]
		require.True(t, ok, loc)
		for m := 1; m <= 12; m++ {
			assert.Equal(t, data.Months[strconv.Itoa(m)], coop.MonthName(m, lang), "%s month %d", loc, m)
		}
		want := strings.NewReplacer("MMMM", data.Months["4"], "d", "16", "y", "2026").Replace(data.Long)
		assert.Equal(t, want, coop.FormatDate(d, lang), loc)

		p := message.NewPrinter(language.MustParse(loc))
		for _, c := range []int64{0, 5, 99, 100, 123456, 99999999, 27000050, 123456789012345} {
			want := p.Sprint(number.Decimal(float64(c)/100, number.Scale(2)))
			assert.Equal(t, want, coop.FormatAmount(c, lang), "%s %d centimes", loc, c)
		}
		for _, bp := range []int64{0, 833, 3000, 3333, 10000, 125050} {
			want := p.Sprint(number.Percent(float64(bp)/10000, number.MaxFractionDigits(2)))
			assert.Equal(t, want, coop.FormatPercent(bp, lang), "%s %d basis points", loc, bp)
		}
	}
}

func TestFormatDate(t *testing.T) {
	tests := []struct {
		date       string
		fr, ar, en string
	}{
		{"2026-04-06", "6 avril 2026", "6 أبريل 2026", "April 6, 2026"},
		{"2025-07-01", "1er juillet 2025", "1 يوليوز 2025", "July 1, 2025"},
		{"2024-08-31", "31 août 2024", "31 غشت 2024", "August 31, 2024"},
		{"2023-05-15", "15 mai 2023", "15 ماي 2023", "May 15, 2023"},
		{"2022-12-25", "25 décembre 2022", "25 دجنبر 2022", "December 25, 2022"},
	}
	for _, tt := range tests {
		d := coop.MustParseDate(tt.date)
		assert.Equal(t, tt.fr, coop.FormatDate(d, coop.FR))
		assert.Equal(t, tt.ar, coop.FormatDate(d, coop.AR))
		assert.Equal(t, tt.en, coop.FormatDate(d, coop.EN))
	}
	assert.Empty(t, coop.FormatDate(coop.Date{}, coop.FR))
	assert.Equal(t, "-1.234,50", coop.FormatAmount(-123450, coop.FR))
}

// TestAgreement checks the joins a rendered reason makes: «لـ» joined to a
// word but not to a digit, and "région" before a region named with its
// article.
func TestAgreement(t *testing.T) {
	msg := &coop.Message{ID: "test.join", EN: "for {0} in {1}", FR: "pour {0}, région {1}", AR: "لـ{0} في جهة {1}"}
	tests := []struct {
		arg    coop.Arg
		fr, ar string
	}{
		{coop.TextArg("عضوين"), "pour عضوين, région de l'Oriental", "لعضوين في جهة الشرق"},
		{coop.IntArg(3), "pour 3, région de l'Oriental", "لـ3 في جهة الشرق"},
	}
	for _, tt := range tests {
		r := coop.NewReason(msg, tt.arg, coop.RegionArg("MA-02"))
		assert.Equal(t, tt.fr, r.Text(coop.FR))
		assert.Equal(t, tt.ar, r.Text(coop.AR))
	}
}

// TestIsolate: in Arabic, an amount, a percentage, a law's number and a
// Latin name keep their direction inside the sentence (U+2068 … U+2069); a
// plain number and a date do not need to.
func TestIsolate(t *testing.T) {
	msg := &coop.Message{ID: "test.isolate", EN: "{0}", FR: "{0}", AR: "القيمة {0}"}
	tests := []struct {
		arg  coop.Arg
		want string
	}{
		{coop.AmountArg(coop.MustParseMAD("270000")), "القيمة \u2068270.000,00\u2069"},
		{coop.RatioArg(1, 12), "القيمة \u20688,33\u200e%\u200e\u2069"},
		{coop.TextArg("Ouch Almaz"), "القيمة \u2068Ouch Almaz\u2069"},
		{coop.IntArg(12), "القيمة 12"},
		{coop.DateArg(coop.MustParseDate("2026-04-06")), "القيمة 6 أبريل 2026"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, coop.NewReason(msg, tt.arg).Text(coop.AR))
	}
	assert.Equal(t, "القانون رقم \u2068112.12\u2069، المادة 26", coop.Cite("Law 112-12 art. 26", coop.AR))
}

func TestIsolate_ArabicText(t *testing.T) {
	msg := &coop.Message{ID: "test.isolate.ar", EN: "{0}", FR: "{0}", AR: "الدعوة {0}"}
	got := coop.NewReason(msg, coop.TextArg("طلب مشاريع 2023: تحسين الدخل")).Text(coop.AR)
	assert.Equal(t, "الدعوة طلب مشاريع 2023: تحسين الدخل", got, "an Arabic text reads right to left as it stands")
}
