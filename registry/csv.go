package registry

import (
	"cmp"
	"context"
	"encoding/csv"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/taawun/taawun/coop"
)

// RegisterColumns are the columns of the register as CSV, in order: one
// row per member, the cooperative's columns repeated on each of its rows.
// A cooperative with no member at the date has one row whose member
// columns are empty.
//
//	registration_number  the court's number, e.g. 1/MEK/2019/106 (required; identifies the cooperative)
//	court                the court's code, e.g. MEK
//	name, name_ar        the names in Latin and Arabic script (name required)
//	kind                 cooperative or union
//	registered_on        YYYY-MM-DD (required)
//	status               active, dissolved, in-liquidation or struck-off, at the date
//	status_since         YYYY-MM-DD, empty when active
//	founded_under        112-12 or 24-83
//	conformed_on         YYYY-MM-DD, the conformity to Law 112-12 of a cooperative founded under Law 24-83 (art. 108)
//	sector, branch       the sector slug (agriculture, crafts, ...) and its branch
//	province             ISO 3166-2 code, e.g. MA-MEK, of the seat at the date
//	commune              the commune of the seat at the date
//	duration_years       the statutory duration (art. 5)
//	share_nominal        the nominal value of a share in MAD, e.g. 100.00 (art. 26)
//	member_number        the member's number in the register (1, 2, ...)
//	member_type          natural, legal or cooperative
//	member_name          the member's name
//	gender               female or male
//	cin                  the national identity card number
//	birth_date           YYYY-MM-DD
//	joined_on            YYYY-MM-DD, empty for a founder (the registration date)
//	shares               the shares held at the date
//	subscribed, paid     the capital subscribed and paid up at the date, in MAD; paid is empty when not known
//
// Money is written with two decimals and a point, dates as YYYY-MM-DD;
// fields are quoted as RFC 4180 says. A union's members are written by
// name: the link to their own registration is not kept.
var RegisterColumns = []string{
	"registration_number", "court", "name", "name_ar", "kind", "registered_on", "status", "status_since",
	"founded_under", "conformed_on", "sector", "branch", "province", "commune", "duration_years", "share_nominal",
	"member_number", "member_type", "member_name", "gender", "cin", "birth_date", "joined_on", "shares", "subscribed", "paid",
}

// freeText are the columns of names, written as the register has them.
var freeText = map[int]bool{colName: true, colNameAR: true, colCommune: true, colMemberName: true}

// The index of each column in RegisterColumns.
const (
	colNumber = iota
	colCourt
	colName
	colNameAR
	colKind
	colRegisteredOn
	colStatus
	colStatusSince
	colFoundedUnder
	colConformedOn
	colSector
	colBranch
	colProvince
	colCommune
	colDuration
	colShareNominal
	colMemberNumber
	colMemberType
	colMemberName
	colGender
	colCIN
	colBirthDate
	colJoinedOn
	colShares
	colSubscribed
	colPaid
	nColumns
)

// firstMemberColumn is where the member's columns start.
const firstMemberColumn = colMemberNumber

// WriteRegisterCSV writes the register of cs at a date as CSV with the
// columns of RegisterColumns: every cooperative registered on or before at,
// with the members who count at that date (joined by it and not yet
// left) and their share position from the movements dated by it, its
// status and seat (province and commune) as they stood then. Cooperatives are written in the order of their
// registration dates and numbers, members in the order of their numbers,
// so that the same register gives the same bytes. A cell a spreadsheet
// would run as a formula (a name that starts with "=", "+", "-" or "@") is
// written neutralised with a leading apostrophe (coop.NeutralizeCell).
func WriteRegisterCSV(w io.Writer, cs iter.Seq[coop.Cooperative], at coop.Date) error {
	return WriteRegister(w, cs, at, RFC4180)
}

// WriteRegister writes the register as WriteRegisterCSV does, in dialect
// d: with semicolons, decimal commas, dates DD/MM/YYYY, a byte order mark
// and CRLF for Excel in French (ExcelFR); as a workbook for XLSX.
func WriteRegister(w io.Writer, cs iter.Seq[coop.Cooperative], at coop.Date, d Dialect) error {
	var sel []coop.Cooperative
	for c := range cs {
		if !c.RegisteredOn.IsZero() && !c.RegisteredOn.After(at) {
			sel = append(sel, c)
		}
	}
	slices.SortFunc(sel, func(a, b coop.Cooperative) int {
		return cmp.Or(a.RegisteredOn.Compare(b.RegisteredOn), strings.Compare(a.RegistrationNumber, b.RegistrationNumber))
	})
	out, err := d.newWriter(w, at)
	if err != nil {
		return err
	}
	row := make([]string, nColumns)
	for i := range sel {
		c := &sel[i]
		cooperativeRow(row, c, at)
		members := make([]*coop.Member, 0, len(c.Members))
		for j := range c.Members {
			if c.Members[j].ActiveAt(at, c.RegisteredOn) {
				members = append(members, &c.Members[j])
			}
		}
		slices.SortStableFunc(members, func(a, b *coop.Member) int { return cmp.Compare(a.Number, b.Number) })
		if len(members) == 0 {
			if err := out.write(row); err != nil {
				return err
			}
			continue
		}
		for _, m := range members {
			memberRow(row, m, at)
			if err := out.write(row); err != nil {
				return err
			}
		}
	}
	return out.close()
}

// rowWriter writes the rows of the register, given in RFC 4180's form.
type rowWriter interface {
	write(row []string) error
	close() error
}

// newWriter starts a register file in the dialect: its byte order mark
// and header.
func (d Dialect) newWriter(w io.Writer, at coop.Date) (rowWriter, error) {
	if d.Workbook {
		return newSheetWriter(w, at)
	}
	if d.BOM {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = d.Comma, d.CRLF
	if err := cw.Write(RegisterColumns); err != nil {
		return nil, err
	}
	return &csvWriter{d: d, cw: cw, row: make([]string, nColumns), safe: make([]string, nColumns)}, nil
}

// csvWriter writes the register as CSV in its dialect.
type csvWriter struct {
	d         Dialect
	cw        *csv.Writer
	row, safe []string
}

// write writes a row in the dialect, its names neutralised
// (coop.NeutralizeCell).
func (c *csvWriter) write(row []string) error {
	copy(c.row, row)
	c.d.write(c.row)
	return c.cw.Write(coop.NeutralizeRecord(c.row, c.safe))
}

func (c *csvWriter) close() error {
	c.cw.Flush()
	return c.cw.Error()
}

// cooperativeRow fills the cooperative's columns of row with c as it
// stood at at, and clears the others.
func cooperativeRow(row []string, c *coop.Cooperative, at coop.Date) {
	clear(row)
	row[colNumber], row[colCourt], row[colName], row[colNameAR] = c.RegistrationNumber, c.Court, c.Name, c.NameAR
	row[colKind], row[colRegisteredOn] = string(c.Kind), c.RegisteredOn.String()
	st := c.StatusAt(at)
	row[colStatus] = string(st)
	if st != coop.Active && st != "" {
		row[colStatusSince] = dateText(c.StatusSince)
	}
	row[colFoundedUnder], row[colConformedOn] = string(c.FoundedUnder), dateText(c.ConformedOn)
	if !c.ConformedOn.IsZero() && c.ConformedOn.After(at) {
		row[colConformedOn] = ""
	}
	province, commune, _ := c.SeatAt(at)
	row[colSector], row[colBranch], row[colProvince], row[colCommune] = string(c.Sector), string(c.Branch), string(province), commune
	if c.Statutes.DurationYears != 0 {
		row[colDuration] = strconv.Itoa(c.Statutes.DurationYears)
	}
	if !c.Statutes.ShareNominal.IsZero() {
		row[colShareNominal] = coop.FormatMAD(c.Statutes.ShareNominal)
	}
}

// memberRow fills the member's columns of row with m as it stood at at.
func memberRow(row []string, m *coop.Member, at coop.Date) {
	clear(row[firstMemberColumn:])
	if m.Number != 0 {
		row[colMemberNumber] = strconv.Itoa(m.Number)
	}
	row[colMemberType], row[colMemberName], row[colGender] = string(m.Type), m.Name, string(m.Gender)
	row[colCIN], row[colBirthDate], row[colJoinedOn] = m.CIN.String(), dateText(m.BirthDate), dateText(m.JoinedOn)
	if k := m.CapitalAt(at); k.HasData {
		row[colShares], row[colSubscribed] = strconv.Itoa(k.Shares), coop.FormatMAD(k.Subscribed)
		if k.PaidKnown {
			row[colPaid] = coop.FormatMAD(k.Paid)
		}
	}
}

func dateText(d coop.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// ExportCSV writes the register of the cooperatives matching f at a date
// as CSV (WriteRegisterCSV): f selects by kind, region, province,
// delegation, sector, status or name, the seat and status being those of
// the date (Filter.MatchesAt); its Limit and Cursor are ignored.
func (r *Registry) ExportCSV(ctx context.Context, w io.Writer, f Filter, at coop.Date) error {
	return r.Export(ctx, w, f, at, RFC4180)
}

// Export writes the register as ExportCSV does, in dialect d (WriteRegister).
func (r *Registry) Export(ctx context.Context, w io.Writer, f Filter, at coop.Date, d Dialect) error {
	f.Limit, f.Cursor = 0, ""
	if err := f.Validate(); err != nil {
		return err
	}
	var iterErr error
	err := WriteRegister(w, func(yield func(coop.Cooperative) bool) {
		for c := range r.Cooperatives(ctx, &iterErr) {
			if f.MatchesAt(&c, at) && !yield(c) {
				return
			}
		}
	}, at, d)
	if iterErr != nil {
		return iterErr
	}
	return err
}
