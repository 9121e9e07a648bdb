package registry

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/taawun/taawun/coop"
)

// MaxProblems is the most problems the reading of a register lists, in the
// order of the file; the error says how many there are beyond them.
const MaxProblems = 1000

// ReadRegisterCSV reads a register written in the layout of
// RegisterColumns, as WriteRegisterCSV writes it, and returns its
// cooperatives in the order they appear. source names the input in errors
// ("meknes.csv"). A name whose leading apostrophe neutralised a formula,
// as WriteRegisterCSV and spreadsheets write it, is read without it
// (coop.RestoreCell).
//
// Every row is checked before anything is returned: the header, each
// value against its column's rule (the member's columns even when the
// cooperative's fail), the cooperative's columns repeated alike on each of
// its rows, which follow one another, member numbers once per
// cooperative, and the rules a cooperative must meet to be imported
// (Registry.Import). The error is Invalid with one field error per problem
// (MaxProblems at most), each with its column as Field, its rule, and
// "source:line:column" as Source (lines and columns count from 1, the
// header being line 1), or "source:sheet!cell" in a workbook.
func ReadRegisterCSV(r io.Reader, source string) ([]coop.Cooperative, error) {
	cs, _, err := ReadRegister(r, source)
	return cs, err
}

// ReadRegister reads a register as ReadRegisterCSV does, in any of its
// dialects, which it tells from the first bytes: a workbook (XLSX), or CSV
// whose header line has commas (RFC4180) or semicolons (ExcelFR), with or
// without a byte order mark, lines ending in LF or CRLF. It returns the
// cooperatives and the dialect.
func ReadRegister(r io.Reader, source string) ([]coop.Cooperative, Dialect, error) {
	rr, err := openRegister(r, source)
	if err != nil {
		return nil, Dialect{}, err
	}
	var out []coop.Cooperative
	if err := rr.read(func(c coop.Cooperative) error {
		out = append(out, c)
		return nil
	}); err != nil {
		return nil, rr.dialect, err
	}
	return out, rr.dialect, nil
}

// rowSource is where a register's rows come from: a CSV file or a sheet.
type rowSource interface {
	// header reads the header, which must name the columns.
	header(rr *registerReader) error
	// next returns the next row, with nColumns values, and its line;
	// io.EOF after the last. A problem of the file's syntax is a
	// *located error.
	next() ([]string, int, error)
}

// openRegister tells the dialect of a register file from its first bytes
// and returns a reader of its rows.
func openRegister(r io.Reader, source string) (*registerReader, error) {
	const op = "registry.ReadRegisterCSV"
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(4); bytes.Equal(b, []byte("PK\x03\x04")) {
		rows, sheet, err := openWorkbook(br, op, source)
		if err != nil {
			return nil, err
		}
		rr := newRegisterReader(op, source, XLSX, rows)
		rr.sheet = sheet
		return rr, nil
	}
	d, body, err := detectDialect(br, op, source)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(body)
	cr.Comma = d.Comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return newRegisterReader(op, source, d, &csvRows{cr: cr}), nil
}

func newRegisterReader(op, source string, d Dialect, rows rowSource) *registerReader {
	return &registerReader{op: op, source: source, dialect: d, rows: rows, bad: map[int]bool{}, badCells: map[[2]int]bool{},
		firstLine: map[string]int{}}
}

// csvRows are the rows of a CSV file.
type csvRows struct {
	cr *csv.Reader
}

func (s *csvRows) header(rr *registerReader) error {
	header, err := s.cr.Read()
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

func (s *csvRows) next() ([]string, int, error) {
	rec, err := s.cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, 0, &located{pe.Line, pe.Column, coop.FieldError{Rule: "csv", Message: pe.Err.Error()}}
		}
		return nil, 0, err
	}
	line, _ := s.cr.FieldPos(0) // a quoted field may span lines
	if len(rec) != nColumns {
		return nil, line, &located{line, 0, coop.FieldError{Rule: "columns", Param: strconv.Itoa(nColumns),
			Message: fmt.Sprintf("%d fields where the header has %d", len(rec), nColumns)}}
	}
	// The record is reused by the next read: a cooperative keeps a copy
	// of its columns (registerReader.cooperative), and strings are shared.
	return rec, line, nil
}

// registerReader reads a register file a row at a time: each cooperative
// once its rows are read, and every problem at its line and column.
type registerReader struct {
	op, source string
	dialect    Dialect
	rows       rowSource
	// sheet is the sheet read, for the source of a problem; empty in CSV.
	sheet string
	// fs are the first MaxProblems problems with their line and column
	// (from 1; 0 for a whole line); problems counts them all.
	fs       []located
	problems int
	// bad are the lines of the cooperative being read with a problem of
	// their own, and badCells their cells with one.
	bad      map[int]bool
	badCells map[[2]int]bool
	// cur is the cooperative being read; firstLine the first line of each
	// registration number read.
	cur       *group
	firstLine map[string]int
	emit      func(coop.Cooperative) error
}

// located is a problem at its line and column.
type located struct {
	line, col int
	f         coop.FieldError
}

func (l *located) Error() string { return l.f.Message }

// group is a cooperative read from its rows.
type group struct {
	c     coop.Cooperative
	line  int          // the first row's line
	row   []string     // the first row's cooperative columns
	lines []int        // the line of each member
	seen  map[int]bool // member numbers
	// aside marks rows read for their problems only: without a
	// registration number, or apart from the cooperative's first rows.
	aside bool
}

// read reads every row, calls emit with each cooperative read as long as
// no problem is found, and returns every problem, or the error emit
// returns, which stops the reading.
func (rr *registerReader) read(emit func(coop.Cooperative) error) error {
	rr.emit = emit
	if err := rr.rows.header(rr); err != nil {
		return err
	}
	for {
		rec, line, err := rr.rows.next()
		if errors.Is(err, io.EOF) {
			break
		}
		var l *located
		if errors.As(err, &l) {
			l.f.Source = rr.at(l.line, l.col-1)
			if l.col == 0 {
				l.f.Source = fmt.Sprintf("%s:%d", rr.source, l.line)
			}
			rr.report(*l)
			if l.f.Rule == "csv" {
				break // the rest of the file cannot be told apart
			}
			continue
		}
		if err != nil {
			return csvReadError(rr.op, rr.source, err)
		}
		if err := rr.row(rec, line); err != nil {
			return err
		}
	}
	if err := rr.finish(); err != nil {
		return err
	}
	return rr.result()
}

// at is the source of a cell.
func (rr *registerReader) at(line, col int) string {
	if rr.sheet != "" {
		return fmt.Sprintf("%s:%s!%s%d", rr.source, rr.sheet, columnLetters(col+1), line)
	}
	return fmt.Sprintf("%s:%d:%d", rr.source, line, col+1)
}

// columnLetters names the n-th column of a sheet: A, B, ..., Z, AA, ...
func columnLetters(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// add records a problem of a cell.
func (rr *registerReader) add(line, col int, rule, param, format string, args ...any) {
	rr.bad[line] = true
	rr.badCells[[2]int{line, col}] = true
	rr.report(located{line, col + 1, coop.FieldError{Field: RegisterColumns[col], Rule: rule, Param: param,
		Message: fmt.Sprintf(format, args...), Source: rr.at(line, col)}})
}

// report records a problem, listing the first MaxProblems.
func (rr *registerReader) report(p located) {
	rr.problems++
	if len(rr.fs) < MaxProblems {
		rr.fs = append(rr.fs, p)
	}
}

// row reads a row: its cooperative's columns, the same on each of its
// rows, and its member, if any, whatever the problems of the others.
func (rr *registerReader) row(rec []string, line int) error {
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
	var g *group
	switch {
	case number == "":
		rr.add(line, colNumber, "required", "", "is required")
		g = rr.cooperative(rec, line)
		g.aside = true
	case rr.cur != nil && number == rr.cur.c.RegistrationNumber:
		g = rr.cur
		for col := colCourt; col < firstMemberColumn; col++ {
			if rec[col] != g.row[col] {
				rr.add(line, col, "same", strconv.Itoa(g.line), "%q differs from line %d's %q for the same registration number", coop.Excerpt(rec[col]), g.line, coop.Excerpt(g.row[col]))
			}
		}
	default:
		if err := rr.finish(); err != nil {
			return err
		}
		g = rr.cooperative(rec, line)
		if first, ok := rr.firstLine[number]; ok {
			rr.add(line, colNumber, "contiguous", strconv.Itoa(first),
				"the rows of %s follow one another: they start at line %d, and other rows come between", coop.Excerpt(number), first)
			g.aside = true
		} else {
			rr.firstLine[number] = line
			rr.cur = g
		}
	}
	if slices.ContainsFunc(rec[firstMemberColumn:], func(v string) bool { return v != "" }) {
		rr.member(g, rec, line)
	}
	return nil
}

// finish ends the cooperative being read: it is checked against the rules
// of an import, and emitted while the file has no problem.
func (rr *registerReader) finish() error {
	g := rr.cur
	rr.cur = nil
	if g == nil {
		return nil
	}
	rr.rules(g)
	clear(rr.bad)
	clear(rr.badCells)
	if rr.problems > 0 {
		return nil
	}
	return rr.emit(g.c)
}

// cooperative reads the cooperative of a registration number's first row.
func (rr *registerReader) cooperative(rec []string, line int) *group {
	g := &group{line: line, row: slices.Clone(rec[:firstMemberColumn]), seen: map[int]bool{}}
	c := &g.c
	c.RegistrationNumber, c.Court, c.Name, c.NameAR, c.Commune = g.row[colNumber], g.row[colCourt], g.row[colName], g.row[colNameAR], g.row[colCommune]
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
	return g
}

// member reads the member of a row into its cooperative.
func (rr *registerReader) member(g *group, rec []string, line int) {
	m := coop.Member{Type: coop.MemberType(rec[colMemberType]), Name: rec[colMemberName], Gender: coop.Gender(rec[colGender])}
	m.Number = parseIntCol(rec, line, colMemberNumber, 1, 1<<30, rr.add)
	if rec[colMemberNumber] == "" {
		rr.add(line, colMemberNumber, "required", "", "is required on a member's row")
	} else if g.seen[m.Number] {
		rr.add(line, colMemberNumber, "unique", "", "member %d of %s appears twice", m.Number, coop.Excerpt(g.c.RegistrationNumber))
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
	if g.aside {
		return
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

// valueRules are the rules of a value alone, which no problem of another
// cell of its line can cause.
var valueRules = map[string]bool{"enum": true, "province": true, "region": true, "delegation": true, "sector": true,
	"branch": true, "text": true, "max": true, "gte": true, "int-range": true, "date-range": true, "mad": true, "amount": true}

// rules checks a cooperative read against the rules of an import, and
// records each problem at its line and column, unless its cell has a
// problem of its own, which the rule would repeat, or its line has one
// and the rule spans several values, which that problem may cause.
func (rr *registerReader) rules(g *group) {
	_, err := importRules{op: rr.op, owned: true}.check(g.c, 0)
	var e *coop.Error
	if !errors.As(err, &e) {
		return
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
		if rr.badCells[[2]int{line, col}] || (rr.bad[line] && !valueRules[f.Rule]) {
			continue
		}
		f.Field, f.Source = RegisterColumns[col], rr.at(line, col)
		rr.report(located{line, col + 1, f})
	}
}

// result returns nil, or every problem in the order of the file.
func (rr *registerReader) result() error {
	if rr.problems == 0 {
		return nil
	}
	slices.SortStableFunc(rr.fs, func(a, b located) int { return cmp.Or(cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col)) })
	fields := make(coop.Fields, len(rr.fs))
	for i, p := range rr.fs {
		fields[i] = p.f
	}
	msg := "invalid register"
	if rr.problems > len(fields) {
		msg = fmt.Sprintf("invalid register: %d problems, the first %d listed", rr.problems, len(fields))
	}
	return fields.Err(rr.op, msg)
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
	case strings.HasSuffix(path, ".shares"):
		return colShares
	case strings.HasSuffix(path, ".amount"):
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
