package httpapi_test

import (
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
)

// hostileNames are names a spreadsheet would run as formulas.
var hostileNames = []string{`=HYPERLINK("http://evil.example","x")`, `+cmd|' /C calc'!A0`, `-2+3+cmd|' /C calc'!A0`, `@SUM(1+1)*cmd|x`, `'=quoted`}

// live reports whether a spreadsheet would run cell as a formula.
func live(cell string) bool {
	return cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && coop.NeutralizeCell(cell) != cell
}

// cells reads every cell of a CSV, or of a workbook's sheets.
func cells(t *testing.T, body string) []string {
	t.Helper()
	if strings.HasPrefix(body, "PK\x03\x04") {
		f, err := excelize.OpenReader(strings.NewReader(body))
		require.NoError(t, err)
		defer f.Close()
		var out []string
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			require.NoError(t, err)
			for _, r := range rows {
				out = append(out, r...)
			}
		}
		return out
	}
	r := csv.NewReader(strings.NewReader(body))
	if b, ok := strings.CutPrefix(body, "\ufeff"); ok {
		// Excel in French: semicolons.
		r = csv.NewReader(strings.NewReader(b))
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	var out []string
	for _, rec := range recs {
		out = append(out, rec...)
	}
	return out
}

// TestFormulaNames writes names that start like formulas through the JSON
// API (a registration, an admission) and the register import, on every
// store: they are stored as given, every CSV the API writes (the register,
// statistics, screenings) neutralises them, and the register exported
// imports back with the names as they were, and exports again the same
// bytes.
func TestFormulaNames(t *testing.T) {
	for name, open := range stores(t) {
		t.Run(name, func(t *testing.T) {
			e := open(t)
			c := e.registerIn(hostileNames[0], "MA-MEK", meknesToken)
			assert.Equal(t, hostileNames[0], c.Name, "stored as given")
			res := e.do("POST", "/v1/cooperatives/"+c.ID.String()+"/members", meknesToken, map[string]any{"on": today, "admitted_by": "OGM 2024",
				"member": map[string]any{"type": "natural", "name": hostileNames[1]}, "shares": 5, "amount": "500", "paid": "500"}, nil)
			require.Equal(t, 201, res.Code, res.Body.String())
			row := func(n int, member string) string {
				return strings.Join([]string{"2/MEK/2021/7", "MEK", hostileNames[2], "", "cooperative", "2021-03-01", "active", "", "112-12", "", "agriculture", "", "MA-MEK", "",
					"99", "100.00", string(rune('0' + n)), "natural", member, "female", "", "", "", "10", "1000.00", "1000.00"}, ",")
			}
			file := strings.Join(registry.RegisterColumns, ",") + "\n" + row(1, `"`+strings.ReplaceAll(hostileNames[3], `"`, `""`)+`"`) + "\n" +
				row(2, hostileNames[4]) + "\n" + row(3, "Fadma") + "\n" + row(4, "Itto") + "\n" + row(5, "Tuda") + "\n"
			res = e.do("POST", "/v1/register", nationalToken, file, map[string]string{"Content-Type": "text/csv"})
			require.Equal(t, 201, res.Code, res.Body.String())

			exports := map[string]string{}
			for what, path := range map[string]string{"register": "/v1/register?as_of=" + today.String(), "stats": "/v1/stats?by=province&format=csv",
				"register-excel-fr": "/v1/register?dialect=excel-fr&as_of=" + today.String(), "register-xlsx": "/v1/register?dialect=xlsx&as_of=" + today.String()} {
				res := e.do("GET", path, nationalToken, nil, nil)
				require.Equal(t, 200, res.Code, res.Body.String())
				exports[what] = res.Body.String()
			}
			res = e.do("POST", "/v1/screenings", nationalToken, map[string]any{"as_of": today.String()}, map[string]string{"Accept": "text/csv"})
			require.Equal(t, 200, res.Code, res.Body.String())
			exports["screening"] = res.Body.String()
			for what, body := range exports {
				for _, cell := range cells(t, body) {
					assert.False(t, live(cell), "%s: the cell %q would run as a formula", what, cell)
				}
			}
			for _, n := range hostileNames[:3] {
				for _, dialect := range []string{"register", "register-excel-fr", "register-xlsx"} {
					assert.Contains(t, cells(t, exports[dialect]), coop.NeutralizeCell(n), "%s holds %q, neutralised", dialect, n)
				}
			}
			assert.True(t, slices.ContainsFunc(cells(t, exports["screening"]), func(s string) bool { return s == "'"+hostileNames[0] }))

			// Read back: the names as they were, the same bytes again.
			back := newEnv(t)
			res = back.do("POST", "/v1/register", nationalToken, exports["register"], map[string]string{"Content-Type": "text/csv"})
			require.Equal(t, 201, res.Code, res.Body.String())
			p, err := back.reg.List(t.Context(), registry.Filter{})
			require.NoError(t, err)
			var names []string
			for _, c := range p.Items {
				names = append(names, c.Name)
				for _, m := range c.Members {
					names = append(names, m.Name)
				}
			}
			for i, n := range hostileNames {
				if i >= 2 {
					// Through the register import, a leading apostrophe marks
					// text, as in a spreadsheet: "'=quoted" is stored "=quoted".
					n = coop.RestoreCell(n)
				}
				assert.Contains(t, names, n, "read back as stored")
			}
			again := back.do("GET", "/v1/register?as_of="+today.String(), nationalToken, nil, nil)
			assert.Equal(t, exports["register"], again.Body.String())

			// The workbook reads back alike.
			book := newEnv(t)
			res = book.do("POST", "/v1/register", nationalToken, exports["register-xlsx"], map[string]string{"Content-Type": registry.WorkbookType})
			require.Equal(t, 201, res.Code, res.Body.String())
			again = book.do("GET", "/v1/register?dialect=xlsx&as_of="+today.String(), nationalToken, nil, nil)
			assert.Equal(t, exports["register-xlsx"], again.Body.String())
		})
	}
}
