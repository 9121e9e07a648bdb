package coop_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/taawun/taawun/coop"
)

func TestPlural(t *testing.T) {
	tests := []struct {
		lang coop.Lang
		n    int64
		want coop.PluralForm
	}{
		{coop.FR, 0, coop.One}, {coop.FR, 1, coop.One}, {coop.FR, 2, coop.Other}, {coop.FR, 100, coop.Other},
		{coop.EN, 0, coop.Other}, {coop.EN, 1, coop.One}, {coop.EN, 2, coop.Other},
		{coop.AR, 0, coop.Zero}, {coop.AR, 1, coop.One}, {coop.AR, 2, coop.Two}, {coop.AR, 3, coop.Few},
		{coop.AR, 10, coop.Few}, {coop.AR, 11, coop.Many}, {coop.AR, 99, coop.Many}, {coop.AR, 100, coop.Other},
		{coop.AR, 102, coop.Other}, {coop.AR, 103, coop.Few}, {coop.AR, 111, coop.Many}, {coop.AR, 1000, coop.Other},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, coop.Plural(tt.lang, tt.n), "%s %d", tt.lang, tt.n)
	}
}

func TestReason_Plural(t *testing.T) {
	msg := &coop.Message{ID: "test.members",
		EN: "{0 one{# member} other{# members}} on {1}",
		FR: "{0 one{# adhérent} other{# adhérents}} au {1}",
		AR: "{0 zero{لا أعضاء} one{عضو واحد} two{عضوان} few{# أعضاء} many{# عضوا} other{# عضو}} بتاريخ {1}"}
	for _, m := range []string{msg.EN, msg.FR, msg.AR} {
		require.NoError(t, coop.CheckTemplate(m))
	}
	on := coop.DateArg(coop.MustParseDate("2024-05-01"))
	tests := []struct {
		n          int
		en, fr, ar string
	}{
		{0, "0 members on May 1, 2024", "0 adhérent au 1er mai 2024", "لا أعضاء بتاريخ 1 ماي 2024"},
		{1, "1 member on May 1, 2024", "1 adhérent au 1er mai 2024", "عضو واحد بتاريخ 1 ماي 2024"},
		{2, "2 members on May 1, 2024", "2 adhérents au 1er mai 2024", "عضوان بتاريخ 1 ماي 2024"},
		{7, "7 members on May 1, 2024", "7 adhérents au 1er mai 2024", "7 أعضاء بتاريخ 1 ماي 2024"},
		{25, "25 members on May 1, 2024", "25 adhérents au 1er mai 2024", "25 عضوا بتاريخ 1 ماي 2024"},
		{300, "300 members on May 1, 2024", "300 adhérents au 1er mai 2024", "300 عضو بتاريخ 1 ماي 2024"},
	}
	for _, tt := range tests {
		r := coop.NewReason(msg, coop.IntArg(tt.n), on)
		assert.Equal(t, tt.en, r.Text(coop.EN))
		assert.Equal(t, tt.fr, r.Text(coop.FR))
		assert.Equal(t, tt.ar, r.Text(coop.AR))
	}
}

func TestCheckTemplate(t *testing.T) {
	bad := []string{"{6}", "{0 one{x}}", "{0 one{x} other{y}", "{0 several{x} other{y}}", "x}"}
	for _, s := range bad {
		assert.Error(t, coop.CheckTemplate(s), s)
	}
	assert.NoError(t, coop.CheckTemplate("{0} and {1 one{# year} other{# years}}"))
}

func TestListArgs(t *testing.T) {
	r := coop.NewReason(&coop.Message{ID: "t", EN: "{0}", FR: "{0}", AR: "{0}"}, coop.ListArg(coop.ArgRegions, []string{"MA-02", "MA-03", "MA-01"}))
	assert.Equal(t, "L'Oriental, Fès-Meknès et Tanger-Tétouan-Al Hoceïma", r.Text(coop.FR))
	assert.Equal(t, "الشرق، فاس - مكناس وطنجة - تطوان - الحسيمة", r.Text(coop.AR))
	r = coop.NewReason(&coop.Message{ID: "t", EN: "{0}", FR: "{0}", AR: "{0}"}, coop.NamesArg(coop.Names{FR: "appel", EN: "call", AR: "دعوة"}))
	assert.Equal(t, "دعوة", r.Text(coop.AR))
	assert.Equal(t, "call", r.Text(coop.EN))
	r = coop.NewReason(&coop.Message{ID: "t", EN: "{0}", FR: "{0}", AR: "{0}"}, coop.StatusArg(coop.Dissolved))
	assert.Equal(t, "dissoute", r.Text(coop.FR))
}

func TestCite(t *testing.T) {
	tests := []struct{ ref, fr, ar string }{
		{"Law 112-12 art. 26", "loi n° 112-12, art. 26", "القانون رقم \u2068112.12\u2069، المادة 26"},
		{"Law 112-12 arts. 14, 85", "loi n° 112-12, art. 14 et 85", "القانون رقم \u2068112.12\u2069، المادتان 14 و85"},
		{"Law 112-12 arts. 5, 7, 11, 14, 26", "loi n° 112-12, art. 5, 7, 11, 14 et 26", "القانون رقم \u2068112.12\u2069، المواد 5، 7، 11، 14 و26"},
		{"Law 112-12 arts. 42-43", "loi n° 112-12, art. 42 à 43", "القانون رقم \u2068112.12\u2069، المواد 42 إلى 43"},
		{"Law 112-12 art. 108 (Law 74-16)", "loi n° 112-12, art. 108 (loi n° 74-16)", "القانون رقم \u2068112.12\u2069، المادة 108 (القانون رقم \u206874.16\u2069)"},
		{"Law 112-12 art. 7; Decree 2-15-617 art. 3", "loi n° 112-12, art. 7\u00a0; décret n° 2-15-617, art. 3", "القانون رقم \u2068112.12\u2069، المادة 7؛ المرسوم رقم \u20682.15.617\u2069، المادة 3"},
		{"Mourafaka 4th tranche call (ODCO, 6 April 2022)", "Mourafaka 4th tranche call (ODCO, 6 April 2022)", "Mourafaka 4th tranche call (ODCO, 6 April 2022)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.fr, coop.Cite(tt.ref, coop.FR))
		assert.Equal(t, tt.ar, coop.Cite(tt.ref, coop.AR))
		assert.Equal(t, tt.ref, coop.Cite(tt.ref, coop.EN))
	}
}
