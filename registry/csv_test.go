package registry_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	national := registry.New(memory.New(), &registry.Options{Now: clock})
	i := 0
	_, err := national.ImportOwned(ctx, func(yield func(coop.Cooperative) bool) {
		for c := range synthetic.All(nil) {
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

	// In each dialect: export, import, export gives the same bytes.
	var first bytes.Buffer
	var n int
	for _, d := range registry.Dialects() {
		var out bytes.Buffer
		require.NoError(t, national.Export(ctx, &out, meknes, at, d))
		empty := registry.New(memory.New(), &registry.Options{Now: clock})
		cs, read, err := registry.ReadRegister(bytes.NewReader(out.Bytes()), "meknes.csv")
		require.NoError(t, err, d.Name)
		assert.Equal(t, d.Name, read.Name, "the dialect is told by the header")
		n, err = empty.ImportOwned(ctx, slices.Values(cs))
		require.NoError(t, err)
		var again bytes.Buffer
		require.NoError(t, empty.Export(ctx, &again, meknes, at, d))
		assert.Equal(t, out.String(), again.String(), "%s: export, import, export gives the same bytes", d.Name)
		if d == registry.RFC4180 {
			first = out
			continue
		}
		assert.True(t, strings.HasPrefix(out.String(), "\ufeff"+strings.Join(registry.RegisterColumns, ";")+"\r\n"), "a BOM, semicolons and CRLF")
		assert.Regexp(t, `;[0-9]{2}/[0-9]{2}/[0-9]{4};`, out.String(), "dates day first")
		assert.Regexp(t, `;[0-9]+,[0-9]{2}\r\n`, out.String(), "decimal commas")
	}
	assert.Contains(t, first.String(), ",\" Coop", "names with spaces around them are in the file")
	assert.Contains(t, first.String(), "\u00a0")

	// The file holds the delegation's cooperatives registered by the date,
	// a row per member counted then.
	var want, members int
	for c := range national.Cooperatives(ctx, &err) {
		if meknes.Matches(&c) && !c.RegisteredOn.After(at) {
			want++
			count, _ := c.MembersAt(at)
			members += max(count, 1)
		}
	}
	require.NoError(t, err)
	assert.Greater(t, want, 1000)
	assert.Equal(t, want, n)
	assert.Equal(t, members+1, strings.Count(first.String(), "\n"), "a header and a row per member")
	assert.True(t, strings.HasPrefix(first.String(), strings.Join(registry.RegisterColumns, ",")+"\n"))
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
