package registry

import (
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

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
// and CRLF for Excel in French (ExcelFR).
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
	if d.BOM {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = d.Comma, d.CRLF
	if err := cw.Write(RegisterColumns); err != nil {
		return err
	}
	row, safe := make([]string, nColumns), make([]string, nColumns)
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
		d.write(row)
		if len(members) == 0 {
			// Names are written neutralised (coop.NeutralizeCell).
			if err := cw.Write(coop.NeutralizeRecord(row, safe)); err != nil {
				return err
			}
			continue
		}
		for _, m := range members {
			memberRow(row, m, at)
			d.write(row)
			if err := cw.Write(coop.NeutralizeRecord(row, safe)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
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

// ReadRegisterCSV reads a register written in the layout of
// RegisterColumns, as WriteRegisterCSV writes it, and returns its
// cooperatives in the order they first appear. source names the input in
// errors ("meknes.csv"). A name whose leading apostrophe neutralised a
// formula, as WriteRegisterCSV and spreadsheets write it, is read without
// it (coop.RestoreCell).
//
// Every row is checked before anything is returned: the header, each
// value against its column's rule, the cooperative's columns repeated
// alike on each of its rows, member numbers once per cooperative, and the
// rules a cooperative must meet to be imported (Registry.Import). The
// error is Invalid with one field error per problem, each with its
// column as Field, its rule, and "source:line:column" as Source (lines and
// columns count from 1, the header being line 1).
func ReadRegisterCSV(r io.Reader, source string) ([]coop.Cooperative, error) {
	cs, _, err := ReadRegister(r, source)
	return cs, err
}

// ReadRegister reads a register as ReadRegisterCSV does, in either
// dialect, which it tells from the header line (Dialect: commas for RFC
// 4180, semicolons for Excel in French, with or without a byte order mark,
// lines ending in LF or CRLF), and returns it.
func ReadRegister(r io.Reader, source string) ([]coop.Cooperative, Dialect, error) {
	const op = "registry.ReadRegisterCSV"
	d, r, err := detectDialect(r, op, source)
	if err != nil {
		return nil, Dialect{}, err
	}
	cs, err := readRegister(r, source, d)
	return cs, d, err
}

func readRegister(r io.Reader, source string, d Dialect) ([]coop.Cooperative, error) {
	rr := &registerReader{op: "registry.ReadRegisterCSV", source: source, bad: map[int]bool{}, byNumber: map[string]*group{}, dialect: d}
	cr := csv.NewReader(r)
	cr.Comma = d.Comma
	cr.FieldsPerRecord = -1
	if err := rr.header(cr); err != nil {
		return nil, err
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				rr.fs = append(rr.fs, located{pe.Line, pe.Column, coop.FieldError{Rule: "csv", Message: pe.Err.Error(),
					Source: fmt.Sprintf("%s:%d:%d", source, pe.Line, pe.Column)}})
				break
			}
			return nil, csvReadError(rr.op, source, err)
		}
		line, _ := cr.FieldPos(0) // a quoted field may span lines
		rr.row(rec, line)
	}
	rr.rules()
	return rr.result()
}

// registerReader reads a register file: the cooperatives in the order of
// their first rows, and every problem at its line and column.
type registerReader struct {
	op, source string
	// fs are the problems with their line and column (from 1; 0 for a
	// whole line), reported in that order.
	fs []located
	// bad are the lines with a problem of their own.
	bad      map[int]bool
	groups   []*group
	byNumber map[string]*group
	// dialect is the file's.
	dialect Dialect
}

// located is a problem at its line and column.
type located struct {
	line, col int
	f         coop.FieldError
}

// group is a cooperative read from its rows.
type group struct {
	c     coop.Cooperative
	line  int          // the first row's line
	row   []string     // the first row's cooperative columns
	lines []int        // the line of each member
	seen  map[int]bool // member numbers
}

// at is the source of a cell.
func (rr *registerReader) at(line, col int) string {
	return fmt.Sprintf("%s:%d:%d", rr.source, line, col+1)
}

// add records a problem of a cell.
func (rr *registerReader) add(line, col int, rule, param, format string, args ...any) {
	rr.bad[line] = true
	rr.fs = append(rr.fs, located{line, col + 1, coop.FieldError{Field: RegisterColumns[col], Rule: rule, Param: param,
		Message: fmt.Sprintf(format, args...), Source: rr.at(line, col)}})
}

// header reads the header line, which names the columns of
// RegisterColumns, a spreadsheet's byte order mark aside.
func (rr *registerReader) header(cr *csv.Reader) error {
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("the file is empty")
		}
		return csvReadError(rr.op, rr.source, err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	if !slices.Equal(header, RegisterColumns) {
		return (coop.Fields{{Field: "header", Rule: "columns", Param: strings.Join(RegisterColumns, ","),
			Message: "the first line must name the columns " + strings.Join(RegisterColumns, ","), Source: rr.source + ":1"}}).Err(rr.op, "invalid register")
	}
	return nil
}

// row reads a row: its cooperative's columns, the same on each of its
// rows, and its member, if any.
func (rr *registerReader) row(rec []string, line int) {
	if len(rec) != nColumns {
		rr.fs = append(rr.fs, located{line, 0, coop.FieldError{Rule: "columns", Param: strconv.Itoa(nColumns),
			Message: fmt.Sprintf("%d fields where the header has %d", len(rec), nColumns), Source: fmt.Sprintf("%s:%d", rr.source, line)}})
		return
	}
	before := len(rr.fs)
	rr.dialect.read(rec)
	for col := range freeText {
		// A name the export neutralised against spreadsheet formulas
		// reads back as it was stored (coop.RestoreCell).
		rec[col] = coop.RestoreCell(rec[col])
	}
	for col, v := range rec {
		// Names are kept as written, as the verbs keep them; a code, a
		// date or a number has no space around it.
		if !freeText[col] && v != strings.TrimSpace(v) {
			rr.add(line, col, "trimmed", "", "begins or ends with a space")
		}
	}
	number := rec[colNumber]
	if number == "" {
		rr.add(line, colNumber, "required", "", "is required")
		return
	}
	g := rr.byNumber[number]
	if g == nil {
		g = rr.cooperative(rec, line)
	} else {
		for col := colCourt; col < firstMemberColumn; col++ {
			if rec[col] != g.row[col] {
				rr.add(line, col, "same", strconv.Itoa(g.line), "%q differs from line %d's %q for the same registration number", coop.Excerpt(rec[col]), g.line, coop.Excerpt(g.row[col]))
			}
		}
	}
	if len(rr.fs) > before || !slices.ContainsFunc(rec[firstMemberColumn:], func(v string) bool { return v != "" }) {
		return
	}
	rr.member(g, rec, line)
}

// cooperative reads the cooperative of a registration number's first row.
func (rr *registerReader) cooperative(rec []string, line int) *group {
	g := &group{line: line, row: slices.Clone(rec[:firstMemberColumn]), seen: map[int]bool{}}
	c := &g.c
	c.RegistrationNumber, c.Court, c.Name, c.NameAR, c.Commune = rec[colNumber], rec[colCourt], rec[colName], rec[colNameAR], rec[colCommune]
	c.Kind, c.Status, c.FoundedUnder = coop.Kind(rec[colKind]), coop.Status(rec[colStatus]), coop.Law(rec[colFoundedUnder])
	c.Sector, c.Branch, c.Province = coop.Sector(rec[colSector]), coop.Branch(rec[colBranch]), coop.ProvinceCode(rec[colProvince])
	c.RegisteredOn = parseDateCol(rec, line, colRegisteredOn, true, rr.add, rr.dialect.dateFormat())
	c.StatusSince = parseDateCol(rec, line, colStatusSince, false, rr.add, rr.dialect.dateFormat())
	c.ConformedOn = parseDateCol(rec, line, colConformedOn, false, rr.add, rr.dialect.dateFormat())
	c.Statutes.DurationYears = parseIntCol(rec, line, colDuration, 0, 99, rr.add)
	c.Statutes.ShareNominal = parseMADCol(rec, line, colShareNominal, rr.add)
	if rec[colShareNominal] != "" && c.Statutes.ShareNominal.Sign() <= 0 {
		// Empty says the value is not recorded; a value given is a
		// share's worth.
		rr.add(line, colShareNominal, "gt", "0", "a share is worth more than nothing: leave the cell empty when the value is not recorded")
	}
	if c.Status == "" {
		c.Status = coop.Active
	}
	rr.byNumber[c.RegistrationNumber] = g
	rr.groups = append(rr.groups, g)
	return g
}

// member reads the member of a row into its cooperative.
func (rr *registerReader) member(g *group, rec []string, line int) {
	m := coop.Member{Type: coop.MemberType(rec[colMemberType]), Name: rec[colMemberName], Gender: coop.Gender(rec[colGender])}
	m.Number = parseIntCol(rec, line, colMemberNumber, 1, 1<<30, rr.add)
	if rec[colMemberNumber] == "" {
		rr.add(line, colMemberNumber, "required", "", "is required on a member's row")
	} else if g.seen[m.Number] {
		rr.add(line, colMemberNumber, "unique", "", "member %d of %s appears twice", m.Number, g.c.RegistrationNumber)
	}
	g.seen[m.Number] = true
	if rec[colMemberType] == "" {
		rr.add(line, colMemberType, "required", "", "is required on a member's row")
	}
	if rec[colCIN] != "" {
		cin, err := coop.ParseCIN(rec[colCIN])
		if err != nil {
			rr.add(line, colCIN, "cin", "", "%s", problemText(err))
		}
		m.CIN = cin
	}
	m.BirthDate = parseDateCol(rec, line, colBirthDate, false, rr.add, rr.dialect.dateFormat())
	m.JoinedOn = parseDateCol(rec, line, colJoinedOn, false, rr.add, rr.dialect.dateFormat())
	if mv, ok := rr.subscription(g, rec, line, m.JoinedOn); ok {
		m.Shares = []coop.ShareMovement{mv}
	}
	g.c.Members = append(g.c.Members, m)
	g.lines = append(g.lines, line)
}

// subscription reads a member's shares, subscribed and paid columns: the
// subscription they record at the date the member joined, or none when
// they are empty.
func (rr *registerReader) subscription(g *group, rec []string, line int, joined coop.Date) (coop.ShareMovement, bool) {
	shares := parseIntCol(rec, line, colShares, 0, 1<<31-1, rr.add)
	subscribed := parseMADCol(rec, line, colSubscribed, rr.add)
	switch {
	case rec[colShares] == "" && rec[colSubscribed] == "" && rec[colPaid] == "":
		return coop.ShareMovement{}, false
	case rec[colShares] == "" || rec[colSubscribed] == "":
		col := colShares
		if rec[colShares] != "" {
			col = colSubscribed
		}
		rr.add(line, col, "required_with", "shares,subscribed", "shares and subscribed are given together")
		return coop.ShareMovement{}, false
	}
	mv := coop.ShareMovement{Kind: coop.Subscription, On: joined, Shares: shares, Amount: subscribed}
	if mv.On.IsZero() {
		mv.On = g.c.RegisteredOn
	}
	if rec[colPaid] != "" {
		mv.Paid = decimal.NewNullDecimal(parseMADCol(rec, line, colPaid, rr.add))
	}
	return mv, true
}

// rules checks each cooperative read against the rules of an import, and
// records each problem at its line and column, unless the line has a
// problem of its own, which a rule would repeat.
func (rr *registerReader) rules() {
	for _, g := range rr.groups {
		_, err := importRules{op: rr.op, owned: true}.check(g.c, 0)
		var e *coop.Error
		if !errors.As(err, &e) {
			continue
		}
		for _, f := range e.Fields {
			path := strings.TrimPrefix(strings.TrimPrefix(f.Field, "cooperatives[0]"), ".")
			line, col := g.line, columnOf(path)
			if i, rest, ok := memberPath(path); ok && i < len(g.lines) {
				line, col = g.lines[i], columnOf(rest)
				if rest == "name" {
					col = colMemberName
				}
			}
			if rr.bad[line] {
				continue
			}
			f.Field, f.Source = RegisterColumns[col], rr.at(line, col)
			rr.fs = append(rr.fs, located{line, col + 1, f})
		}
	}
}

// result returns the cooperatives read, or every problem in the order of
// the file.
func (rr *registerReader) result() ([]coop.Cooperative, error) {
	if len(rr.fs) > 0 {
		slices.SortStableFunc(rr.fs, func(a, b located) int { return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col)) })
		fields := make(coop.Fields, len(rr.fs))
		for i, p := range rr.fs {
			fields[i] = p.f
		}
		return nil, fields.Err(rr.op, "invalid register")
	}
	out := make([]coop.Cooperative, len(rr.groups))
	for i, g := range rr.groups {
		out[i] = g.c
	}
	return out, nil
}

// problemText is what a parsing error says: its field error's message when
// it has one.
func problemText(err error) string {
	var e *coop.Error
	if errors.As(err, &e) && len(e.Fields) > 0 {
		return e.Fields[0].Message
	}
	return coop.ErrorMessage(err)
}

func csvReadError(op, source string, err error) error {
	return &coop.Error{Code: coop.Invalid, Op: op, Message: "the register cannot be read",
		Fields: []coop.FieldError{{Rule: "csv", Message: err.Error(), Source: source}}, Err: err}
}

var memberRE = regexp.MustCompile(`^members\[(\d+)\]\.?(.*)$`)

// memberPath splits "members[3].birth_date" into 3 and "birth_date".
func memberPath(path string) (int, string, bool) {
	m := memberRE.FindStringSubmatch(path)
	if m == nil {
		return 0, "", false
	}
	i, _ := strconv.Atoi(m[1])
	return i, m[2], true
}

// columnOf returns the CSV column of a field of the model: a cooperative's
// field, or a member's (its share movement's amount and paid part are
// subscribed and paid).
func columnOf(path string) int {
	switch {
	case path == "statutes.duration_years":
		return colDuration
	case path == "statutes.share_nominal":
		return colShareNominal
	case path == "type":
		return colMemberType
	case path == "number":
		return colMemberNumber
	case strings.HasSuffix(path, ".amount"), strings.HasSuffix(path, ".shares"):
		if strings.HasSuffix(path, ".shares") {
			return colShares
		}
		return colSubscribed
	case strings.HasSuffix(path, ".paid"):
		return colPaid
	}
	name := path
	if i := strings.IndexAny(name, ".["); i >= 0 {
		name = name[:i]
	}
	if i := slices.Index(RegisterColumns, name); i >= 0 {
		return i
	}
	return colNumber
}

func parseDateCol(rec []string, line, col int, required bool, add func(int, int, string, string, string, ...any), format string) coop.Date {
	s := rec[col]
	if s == "" {
		if required {
			add(line, col, "required", "", "is required")
		}
		return coop.Date{}
	}
	d, err := coop.ParseDate(s)
	if err != nil {
		add(line, col, "date", format, "%q is not a date (%s)", coop.Excerpt(s), format)
	}
	return d
}

func parseIntCol(rec []string, line, col, lo, hi int, add func(int, int, string, string, string, ...any)) int {
	s := rec[col]
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		add(line, col, "integer", fmt.Sprintf("%d..%d", lo, hi), "%q is not a whole number from %d to %d", coop.Excerpt(s), lo, hi)
		return 0
	}
	return n
}

func parseMADCol(rec []string, line, col int, add func(int, int, string, string, string, ...any)) decimal.Decimal {
	s := rec[col]
	if s == "" {
		return decimal.Decimal{}
	}
	d, err := coop.ParseMAD(s)
	if err != nil {
		add(line, col, "mad", "", "%s", problemText(err))
	}
	return d
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

// ImportCSV reads a register as CSV (ReadRegisterCSV) and imports it
// (Import): every row is checked first, and nothing is stored unless the
// whole file passes and no registration number or name is taken. It
// returns how many cooperatives it stored.
func (r *Registry) ImportCSV(ctx context.Context, rd io.Reader, source string) (int, error) {
	cs, err := ReadRegisterCSV(rd, source)
	if err != nil {
		return 0, err
	}
	return r.ImportOwned(ctx, slices.Values(cs))
}
