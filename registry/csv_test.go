package registry_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/taawun/taawun/adapters/memory"
	"github.com/taawun/taawun/coop"
	"github.com/taawun/taawun/registry"
	"github.com/taawun/taawun/stats/synthetic"
)

// TestRegisterCSV_RoundTrip exports the Meknès delegation of the synthetic
// national registry at a date, imports the file into an empty registry and
// exports that: the two files are the same bytes, names with spaces around
// them, no-break spaces and Arabic included.
func TestRegisterCSV_RoundTrip(t *testing.T) {
	ctx := context.Background()
	at := coop.MustParseDate("2024-12-31")
	meknes := registry.Filter{Delegation: "meknes"}
	// The delegation's cooperatives of the synthetic national registry.
	national := registry.New(memory.New(), &registry.Options{Now: clock})
	i := 0
	_, err := national.ImportOwned(ctx, func(yield func(coop.Cooperative) bool) {
		for c := range synthetic.All(nil) {
			if !meknes.Matches(&c) {
				continue
			}
			if i++; i%40 == 0 {
				c.Name = " " + strings.Replace(c.Name, " ", "\u00a0", 1) + " "
				c.NameAR = "تعاونية " + c.Name + "\u00a0"
				if len(c.Members) > 0 {
					c.Members[0].Name = "\u00a0" + c.Members[0].Name + " الأمل "
				}
			}
			if !yield(c) {
				return
			}
		}
	})
	require.NoError(t, err)

	// In each dialect: export, import, export gives the same bytes. Under
	// the race detector, the files hold the delegation's first 1,200
	// cooperatives registered (a workbook of the whole delegation takes a
	// minute there, and ten seconds without it, where it is whole).
	sel := meknes
	if raceDetector {
		var dates []coop.Date
		for c := range national.Cooperatives(ctx, &err) {
			dates = append(dates, c.RegisteredOn)
		}
		require.NoError(t, err)
		require.Greater(t, len(dates), 1200)
		slices.SortFunc(dates, coop.Date.Compare)
		sel.RegisteredTo = dates[1199]
	}
	// Each file holds the cooperatives selected that are registered by the
	// date, a row per member counted then.
	var want, members int
	for c := range national.Cooperatives(ctx, &err) {
		if sel.Matches(&c) && !c.RegisteredOn.After(at) {
			want++
			count, _ := c.MembersAt(at)
			members += max(count, 1)
		}
	}
	require.NoError(t, err)
	assert.Greater(t, want, 1000)
	var first bytes.Buffer
	for _, d := range registry.Dialects() {
		var out bytes.Buffer
		require.NoError(t, national.Export(ctx, &out, sel, at, d))
		empty := registry.New(memory.New(), &registry.Options{Now: clock})
		rep, err := empty.ImportRegister(ctx, bytes.NewReader(out.Bytes()), "meknes"+d.Extension(), nil)
		require.NoError(t, err, d.Name)
		assert.Equal(t, d.Name, rep.Dialect.Name, "the dialect is told by the first bytes and the header")
		assert.Equal(t, want, rep.Imported, "%s: every cooperative selected", d.Name)
		var again bytes.Buffer
		require.NoError(t, empty.Export(ctx, &again, sel, at, d))
		assert.True(t, bytes.Equal(out.Bytes(), again.Bytes()), "%s: export, import, export gives the same bytes", d.Name)
		switch d {
		case registry.RFC4180:
			first = out
			continue
		case registry.XLSX:
			checkWorkbook(t, out.Bytes())
			continue
		}
		assert.True(t, strings.HasPrefix(out.String(), "\ufeff"+strings.Join(registry.RegisterColumns, ";")+"\r\n"), "a BOM, semicolons and CRLF")
		assert.Regexp(t, `;[0-9]{2}/[0-9]{2}/[0-9]{4};`, out.String(), "dates day first")
		assert.Regexp(t, `;[0-9]+,[0-9]{2}\r\n`, out.String(), "decimal commas")
	}
	assert.Contains(t, first.String(), ",\" Coop", "names with spaces around them are in the file")
	assert.Contains(t, first.String(), "\u00a0")
	assert.Equal(t, members+1, strings.Count(first.String(), "\n"), "a header and a row per member")
	assert.True(t, strings.HasPrefix(first.String(), strings.Join(registry.RegisterColumns, ",")+"\n"))
}

// checkWorkbook checks the register as a workbook: headers in French and
// Arabic, dates as dates, amounts and numbers as numbers (a cell holds the
// number, and shows it in its format).
func checkWorkbook(t *testing.T, b []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{registry.RegisterSheet}, f.GetSheetList())
	// The first three rows as a spreadsheet shows them, and as stored.
	read := func(opts ...excelize.Options) [][]string {
		rows, err := f.Rows(registry.RegisterSheet)
		require.NoError(t, err)
		defer rows.Close()
		var out [][]string
		for i := 0; i < 3 && rows.Next(); i++ {
			r, err := rows.Columns(opts...)
			require.NoError(t, err)
			out = append(out, r)
		}
		return out
	}
	shown, raw := read(), read(excelize.Options{RawCellValue: true})
	require.Len(t, shown, 3)
	require.Len(t, raw, 3)
	assert.Equal(t, registry.RegisterHeaders[0], shown[0], "French headers")
	assert.Equal(t, registry.RegisterHeaders[1], shown[1], "Arabic headers")
	col := func(name string) int { return slices.Index(registry.RegisterColumns, name) }
	for _, tc := range []struct {
		column      string
		stored, saw string
	}{
		{"registered_on", `^[0-9]{5}$`, `^[0-9]{2}/[0-9]{2}/[0-9]{4}$`}, // a date: a day number shown day first
		{"share_nominal", `^[0-9.]+$`, `^[0-9,]+\.[0-9]{2}$`},           // an amount: a number shown with two decimals
		{"registration_number", `/`, `/`},                               // text
	} {
		assert.Regexp(t, tc.stored, raw[2][col(tc.column)], tc.column)
		assert.Regexp(t, tc.saw, shown[2][col(tc.column)], tc.column)
	}
}

// registerFile is a valid register of two cooperatives, the second with a
// member who joined later and whose paid part is not known.
const registerFile = `registration_number,court,name,name_ar,kind,registered_on,status,status_since,founded_under,conformed_on,sector,branch,province,commune,duration_years,share_nominal,member_number,member_type,member_name,gender,cin,birth_date,joined_on,shares,subscribed,paid
1/MEK/2019/106,MEK,Coopérative Tinas Cop,تعاونية تيناس,cooperative,2019-04-15,active,,112-12,,agriculture,beekeeping,MA-MEK,Ouislane,99,100.00,1,natural,Amal,female,D123456,1990-05-01,,10,1000.00,1000.00
1/MEK/2019/106,MEK,Coopérative Tinas Cop,تعاونية تيناس,cooperative,2019-04-15,active,,112-12,,agriculture,beekeeping,MA-MEK,Ouislane,99,100.00,2,natural,Hafsa,female,,1988-02-11,,10,1000.00,1000.00
2/MEK/2020/4,MEK,"Coopérative Zitoun, Meknès",,cooperative,2020-02-03,dissolved,2024-06-30,112-12,,agriculture,,MA-MEK,,,100.00,1,natural,Said,male,,,,5,500.00,500.00
2/MEK/2020/4,MEK,"Coopérative Zitoun, Meknès",,cooperative,2020-02-03,dissolved,2024-06-30,112-12,,agriculture,,MA-MEK,,,100.00,2,legal,Association Al Amal,,,,2023-01-10,3,300.00,
`

func TestReadRegisterCSV(t *testing.T) {
	cs, err := registry.ReadRegisterCSV(strings.NewReader(registerFile), "register.csv")
	require.NoError(t, err)
	require.Len(t, cs, 2)
	tinas, zitoun := cs[0], cs[1]
	assert.Equal(t, "Coopérative Tinas Cop", tinas.Name)
	assert.Equal(t, "تعاونية تيناس", tinas.NameAR)
	assert.Equal(t, coop.ProvinceCode("MA-MEK"), tinas.Province)
	assert.Equal(t, 99, tinas.Statutes.DurationYears)
	require.Len(t, tinas.Members, 2)
	assert.Equal(t, "D123456", tinas.Members[0].CIN.String())
	k := tinas.Members[1].CapitalAt(coop.MustParseDate("2024-12-31"))
	assert.Equal(t, 10, k.Shares)
	assert.Equal(t, "1000.00", coop.FormatMAD(k.Paid))
	assert.Equal(t, coop.Dissolved, zitoun.Status)
	assert.Equal(t, "Coopérative Zitoun, Meknès", zitoun.Name)
	late := zitoun.Members[1]
	assert.Equal(t, coop.MustParseDate("2023-01-10"), late.JoinedOn)
	assert.False(t, late.CapitalAt(coop.MustParseDate("2024-12-31")).PaidKnown, "an empty paid is not known")

	// Written back at a date after everything, the file is the same.
	var out bytes.Buffer
	require.NoError(t, registry.WriteRegisterCSV(&out, func(yield func(coop.Cooperative) bool) {
		for _, c := range cs {
			if !yield(c) {
				return
			}
		}
	}, coop.MustParseDate("2024-12-31")))
	assert.Equal(t, registerFile, out.String())

	// Before Zitoun's dissolution and its late member, the register says so.
	out.Reset()
	require.NoError(t, registry.WriteRegisterCSV(&out, func(yield func(coop.Cooperative) bool) {
		for _, c := range cs {
			if !yield(c) {
				return
			}
		}
	}, coop.MustParseDate("2022-12-31")))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 4)
	assert.Contains(t, lines[3], ",active,,112-12,")
}

// TestReadRegisterCSV_Refused changes valid lines of registerFile and
// checks that each problem is reported at its line and column with its
// rule.
func TestReadRegisterCSV_Refused(t *testing.T) {
	lines := strings.Split(registerFile, "\n")
	// set sets column col of the lines to v.
	set := func(col int, v string, at ...int) string {
		out := append([]string(nil), lines...)
		for _, line := range at {
			f := strings.Split(out[line-1], ",")
			f[col-1] = v
			out[line-1] = strings.Join(f, ",")
		}
		return strings.Join(out, "\n")
	}
	tests := []struct {
		name   string
		file   string
		field  string
		rule   string
		source string
	}{
		{"BadDate", set(6, "2019-02-30", 2, 3), "registered_on", "date", "register.csv:2:6"},
		{"BadProvince", set(13, "MA-ZZZ", 2, 3), "province", "province", "register.csv:2:13"},
		{"BadKind", set(5, "company", 2, 3), "kind", "enum", "register.csv:2:5"},
		{"RepeatedColumnDiffers", set(15, "50", 3), "duration_years", "same", "register.csv:3:15"},
		{"MemberTwice", set(17, "1", 3), "member_number", "unique", "register.csv:3:17"},
		{"BadCIN", set(21, "12", 3), "cin", "cin", "register.csv:3:21"},
		{"BornAfterJoining", set(22, "2020-01-01", 3), "birth_date", "before", "register.csv:3:22"},
		{"AmountExponent", set(25, "1e3", 2), "subscribed", "mad", "register.csv:2:25"},
		{"PaidAboveSubscribed", set(26, "2000.00", 2), "paid", "lte", "register.csv:2:26"},
		{"SharesWithoutAmount", set(25, "", 2), "subscribed", "required_with", "register.csv:2:25"},
		{"NegativeShares", set(24, "-1", 2), "shares", "integer", "register.csv:2:24"},
		{"NoNumber", set(1, "", 2), "registration_number", "required", "register.csv:2:1"},
		{"PaddedCode", set(20, " female", 2), "gender", "trimmed", "register.csv:2:20"},
		{"ZeroNominal", set(16, "0.00", 2, 3), "share_nominal", "gt", "register.csv:2:16"},
		{"NotAtNominal", strings.Replace(registerFile, ",10,1000.00,1000.00\n", ",10,900.00,900.00\n", 1), "subscribed", "nominal", "register.csv:2:25"},
		{"AnotherCourt", strings.ReplaceAll(registerFile, "1/MEK/2019/106,MEK", "1/MEK/2019/106,FES"), "court", "number", "register.csv:2:2"},
		{"DissolvedWithoutDate", strings.ReplaceAll(registerFile, "dissolved,2024-06-30", "dissolved,"), "status_since", "required", "register.csv:4:8"},
		{"UnionMemberType", set(18, "cooperative", 2), "member_type", "member-type", "register.csv:2:18"},
		{"WrongHeader", strings.Replace(registerFile, "member_name", "nom", 1), "header", "columns", "register.csv:1"},
		{"ShortRow", strings.Replace(registerFile, ",10,1000.00,1000.00\n1/MEK", ",10,1000.00\n1/MEK", 1), "", "columns", "register.csv:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := registry.New(memory.New(), &registry.Options{Now: clock})
			n, err := reg.ImportCSV(context.Background(), strings.NewReader(tt.file), "register.csv")
			require.ErrorIs(t, err, coop.ErrInvalid)
			assert.Zero(t, n)
			var e *coop.Error
			require.ErrorAs(t, err, &e)
			require.Len(t, e.Fields, 1, "%v", e.Fields)
			assert.Equal(t, tt.field, e.Fields[0].Field)
			assert.Equal(t, tt.rule, e.Fields[0].Rule)
			assert.Equal(t, tt.source, e.Fields[0].Source)
			p, err := reg.List(context.Background(), registry.Filter{})
			require.NoError(t, err)
			assert.Zero(t, p.Total, "nothing is written")
		})
	}
}

// TestImportCSV_ThreeBadRows: a file with three bad rows is refused with
// three located errors, and nothing is written, not even its good rows.
func TestImportCSV_ThreeBadRows(t *testing.T) {
	lines := strings.Split(registerFile, "\n")
	lines[1] = strings.Replace(lines[1], "1990-05-01", "1990-13-01", 1)
	lines[2] = strings.Replace(lines[2], "Hafsa,female", "Hafsa,F", 1)
	lines[4] = strings.Replace(lines[4], "legal,", "robot,", 1)
	reg := registry.New(memory.New(), &registry.Options{Now: clock})
	_, err := reg.ImportCSV(context.Background(), strings.NewReader(strings.Join(lines, "\n")), "meknes.csv")
	var e *coop.Error
	require.ErrorAs(t, err, &e)
	var got []string
	for _, f := range e.Fields {
		got = append(got, f.Source+" "+f.Field+" "+f.Rule)
	}
	assert.Equal(t, []string{"meknes.csv:2:22 birth_date date", "meknes.csv:3:20 gender enum", "meknes.csv:5:18 member_type enum"}, got)
	p, err := reg.List(context.Background(), registry.Filter{})
	require.NoError(t, err)
	assert.Zero(t, p.Total)
}

// clock is the registries' clock in these tests: 2025-01-15, 10:00 UTC.
func clock() time.Time { return time.Date(2025, 1, 15, 10, 0, 0, 0, time.UTC) }

// TestReadRegister_ExcelFR reads a register as Excel in French locale saves
// it by hand: a byte order mark, semicolons, CRLF, decimal commas with
// grouped thousands, dates day first. A file with one bad cell is refused
// with that cell's line and column.
func TestReadRegister_ExcelFR(t *testing.T) {
	head := "\ufeff" + strings.Join(registry.RegisterColumns, ";") + "\r\n"
	row := func(member, name, born, shares, subscribed string) string {
		return "1/MEK/2020/7;MEK;Coopérative Azrou;تعاونية أزرو;cooperative;15/01/2020;active;;112-12;;agriculture;;MA-MEK;;99;100,00;" +
			member + ";natural;" + name + ";female;;" + born + ";;" + shares + ";" + subscribed + ";" + subscribed + "\r\n"
	}
	good := head + row("1", "Fadma", "03/02/1990", "6", "600,00") + row("2", "Itto", "", "10", "1 000,00") + row("3", "Tuda", "", "6", "600,00") +
		row("4", "Aicha", "", "6", "600,00") + row("5", "Hada", "", "6", "600,00")
	cs, d, err := registry.ReadRegister(strings.NewReader(good), "azrou.csv")
	require.NoError(t, err)
	assert.Equal(t, registry.ExcelFR, d)
	require.Len(t, cs, 1)
	c := cs[0]
	assert.Equal(t, coop.MustParseDate("2020-01-15"), c.RegisteredOn)
	assert.Equal(t, "100", c.Statutes.ShareNominal.String())
	assert.Equal(t, coop.MustParseDate("1990-02-03"), c.Members[0].BirthDate)
	assert.Equal(t, "600", c.Members[0].Shares[0].Amount.String())
	assert.Equal(t, "1000", c.Members[1].Shares[0].Amount.String())

	bad := head + row("1", "Fadma", "30/02/1990", "6", "600,00") + row("2", "Itto", "", "6", "600,00")
	_, _, err = registry.ReadRegister(strings.NewReader(bad), "azrou.csv")
	var e *coop.Error
	require.ErrorAs(t, err, &e)
	require.Len(t, e.Fields, 1, "%v", e.Fields)
	assert.Equal(t, "azrou.csv:2:22", e.Fields[0].Source)
	assert.Equal(t, "birth_date", e.Fields[0].Field)

	_, _, err = registry.ReadRegister(strings.NewReader("registration_number\tcourt\n"), "tabs.csv")
	require.ErrorAs(t, err, &e)
	assert.Contains(t, e.Error(), "semicolons (Excel in French")
}

// TestReadRegister_EveryProblemInOnePass: the problems of a file are all
// reported at once, each at its cell: a member's columns are read even
// when the cooperative's fail, rows apart from their cooperative's are
// named, and a workbook's problems are at their sheet and cell.
func TestReadRegister_EveryProblemInOnePass(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(registerFile, "\n"), "\n")
	set := func(line []string, col, v string) string {
		out := slices.Clone(line)
		out[slices.Index(registry.RegisterColumns, col)] = v
		return strings.Join(out, ",")
	}
	fields := func(i int) []string { return strings.Split(lines[i], ",") }
	type problem struct{ field, rule, source string }
	tests := []struct {
		name string
		file string
		want []problem
	}{
		{"CooperativeAndMemberColumns", strings.Join([]string{lines[0], set(fields(1), "registered_on", "2019-02-30"),
			set(fields(2), "birth_date", "1988-13-11"), lines[3], lines[4]}, "\n"), []problem{
			{"registered_on", "date", "f.csv:2:6"}, {"registered_on", "same", "f.csv:3:6"}, {"birth_date", "date", "f.csv:3:22"}}},
		{"BadRowsOfOneCooperative", strings.Join([]string{lines[0], set(strings.Split(set(fields(1), "registered_on", "x"), ","), "gender", "f"),
			set(fields(2), "cin", "12"), lines[3], lines[4]}, "\n"), []problem{
			{"registered_on", "date", "f.csv:2:6"}, {"gender", "enum", "f.csv:2:20"}, {"registered_on", "same", "f.csv:3:6"}, {"cin", "cin", "f.csv:3:21"}}},
		{"RowsApart", strings.Join([]string{lines[0], lines[1], lines[3], lines[2], lines[4]}, "\n"), []problem{
			{"registration_number", "contiguous", "f.csv:4:1"}, {"registration_number", "contiguous", "f.csv:5:1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := registry.ReadRegisterCSV(strings.NewReader(tt.file), "f.csv")
			var e *coop.Error
			require.ErrorAs(t, err, &e)
			var got []problem
			for _, f := range e.Fields {
				got = append(got, problem{f.Field, f.Rule, f.Source})
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestReadRegister_Workbook reads a register typed by hand in a workbook:
// dates typed as text the French way, amounts with a decimal comma, the
// Arabic header row left out; a bad cell is named by its sheet and cell.
func TestReadRegister_Workbook(t *testing.T) {
	book := func(rows ...[]any) []byte {
		f := excelize.NewFile()
		defer f.Close()
		require.NoError(t, f.SetSheetName("Sheet1", "Feuil1"))
		header := make([]any, len(registry.RegisterHeaders[0]))
		for i, h := range registry.RegisterHeaders[0] {
			header[i] = h
		}
		require.NoError(t, f.SetSheetRow("Feuil1", "A1", &header))
		for i, r := range rows {
			require.NoError(t, f.SetSheetRow("Feuil1", fmt.Sprintf("A%d", i+2), &r))
		}
		var b bytes.Buffer
		require.NoError(t, f.Write(&b))
		return b.Bytes()
	}
	row := func(member int, name, born string, subscribed any) []any {
		return []any{"1/MEK/2020/7", "MEK", "Coopérative Azrou", "تعاونية أزرو", "cooperative", time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC),
			"active", nil, "112-12", nil, "agriculture", nil, "MA-MEK", nil, 99, 100, member, "natural", name, "female", nil, born, nil, 6,
			subscribed, subscribed}
	}
	good := book(row(1, "Fadma", "03/02/1990", "600,00"), row(2, "Itto", "", 600), row(3, "Tuda", "", 600.0),
		row(4, "Aicha", "", "600.00"), row(5, "Hada", "", 600))
	cs, d, err := registry.ReadRegister(bytes.NewReader(good), "azrou.xlsx")
	require.NoError(t, err)
	assert.Equal(t, registry.XLSX, d)
	require.Len(t, cs, 1)
	assert.Equal(t, coop.MustParseDate("2020-01-15"), cs[0].RegisteredOn)
	assert.Equal(t, coop.MustParseDate("1990-02-03"), cs[0].Members[0].BirthDate)
	for _, m := range cs[0].Members {
		assert.Equal(t, "600", m.Shares[0].Amount.String(), m.Name)
	}

	bad := book(row(1, "Fadma", "30/02/1990", 600), row(2, "Itto", "", "6OO"))
	_, _, err = registry.ReadRegister(bytes.NewReader(bad), "azrou.xlsx")
	var e *coop.Error
	require.ErrorAs(t, err, &e)
	var sources []string
	for _, f := range e.Fields {
		sources = append(sources, f.Field+"@"+f.Source)
	}
	assert.Equal(t, []string{"birth_date@azrou.xlsx:Feuil1!V2", "subscribed@azrou.xlsx:Feuil1!Y3", "paid@azrou.xlsx:Feuil1!Z3"}, sources)
}

// TestReadRegister_ManyProblems: a file with more problems than
// MaxProblems lists the first ones and says how many there are.
func TestReadRegister_ManyProblems(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(registerFile, "\n"), "\n")
	var b strings.Builder
	b.WriteString(lines[0] + "\n")
	n := registry.MaxProblems + 200
	for i := range n {
		f := strings.Split(lines[1], ",")
		f[0] = fmt.Sprintf("%d/MEK/2019/1", i+1)
		f[5] = "never"
		b.WriteString(strings.Join(f, ",") + "\n")
	}
	_, err := registry.ReadRegisterCSV(strings.NewReader(b.String()), "f.csv")
	var e *coop.Error
	require.ErrorAs(t, err, &e)
	assert.Len(t, e.Fields, registry.MaxProblems)
	assert.Contains(t, e.Message, fmt.Sprintf("%d problems, the first %d listed", n, registry.MaxProblems))
}
