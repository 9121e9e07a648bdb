package registry

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/taawun/taawun/coop"
)

// The register as a workbook (.xlsx), written and read with
// github.com/xuri/excelize/v2: one sheet, "Registre", whose first row names
// the columns in French and second in Arabic, with the values of
// RegisterColumns beneath, typed: dates as dates (shown DD/MM/YYYY), amounts
// as numbers (shown with two decimals), numbers as numbers, the rest as
// text.

// RegisterSheet is the name of the register's sheet in a workbook.
const RegisterSheet = "Registre"

// WorkbookType is the media type of a workbook.
const WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// RegisterHeaders are the headers of the columns of RegisterColumns in a
// workbook, in French (the first row) and in Arabic (the second).
var RegisterHeaders = [2][]string{{
	"N° d'immatriculation", "Tribunal", "Dénomination", "Dénomination en arabe", "Type", "Date d'immatriculation", "Situation",
	"Situation depuis le", "Loi de constitution", "Mise en conformité le", "Secteur", "Filière", "Province", "Commune",
	"Durée (années)", "Valeur nominale de la part (MAD)", "N° d'adhérent", "Type d'adhérent", "Nom de l'adhérent", "Sexe",
	"CIN", "Date de naissance", "Date d'adhésion", "Parts", "Capital souscrit (MAD)", "Capital libéré (MAD)",
}, {
	"رقم التقييد", "المحكمة", "التسمية", "التسمية بالعربية", "الصنف", "تاريخ التقييد", "الوضعية",
	"الوضعية منذ", "قانون التأسيس", "تاريخ الملاءمة", "القطاع", "فرع النشاط", "الإقليم", "الجماعة",
	"المدة (بالسنوات)", "القيمة الاسمية للحصة (درهم)", "رقم العضو", "صنف العضو", "اسم العضو", "الجنس",
	"رقم البطاقة الوطنية", "تاريخ الازدياد", "تاريخ الانخراط", "الحصص", "رأس المال المكتتب (درهم)", "رأس المال المحرر (درهم)",
}}

// cellKind is how a column's values are typed in a workbook.
type cellKind uint8

const (
	textCell cellKind = iota
	dateCell
	amountCell
	numberCell
)

// cellKinds types each column of RegisterColumns.
var cellKinds = func() [nColumns]cellKind {
	var k [nColumns]cellKind
	for _, c := range dateColumns {
		k[c] = dateCell
	}
	for _, c := range amountColumns {
		k[c] = amountCell
	}
	for _, c := range []int{colDuration, colMemberNumber, colShares} {
		k[c] = numberCell
	}
	return k
}()

// sheetWriter writes the register's rows to a workbook.
type sheetWriter struct {
	w      io.Writer
	f      *excelize.File
	sw     *excelize.StreamWriter
	line   int
	styles [4]int // by cellKind
	cells  []any
}

func newSheetWriter(w io.Writer, at coop.Date) (*sheetWriter, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", RegisterSheet); err != nil {
		return nil, err
	}
	// The properties are those of the register, not of the moment it is
	// written: the same register gives the same bytes.
	stamp := at.String() + "T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{Title: "Registre des coopératives au " + coop.FormatDate(at, coop.FR),
		Creator: "Taawun", Created: stamp, Modified: stamp, Language: "fr-MA"}); err != nil {
		return nil, err
	}
	s := &sheetWriter{w: w, f: f, cells: make([]any, nColumns)}
	// In a fixed order: the styles are numbered as they are made.
	for _, st := range []struct {
		kind   cellKind
		format string
	}{{dateCell, "dd/mm/yyyy"}, {amountCell, "#,##0.00"}, {numberCell, "0"}} {
		kind := st.kind
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &st.format})
		if err != nil {
			return nil, err
		}
		s.styles[kind] = id
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	if s.sw, err = f.NewStreamWriter(RegisterSheet); err != nil {
		return nil, err
	}
	if err := s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	if err := s.sw.SetColWidth(1, nColumns, 18); err != nil {
		return nil, err
	}
	for _, headers := range RegisterHeaders {
		for i, h := range headers {
			s.cells[i] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := s.next(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// next writes the cells as the next row.
func (s *sheetWriter) next() error {
	s.line++
	return s.sw.SetRow("A"+strconv.Itoa(s.line), s.cells)
}

// write writes a row given in RFC 4180's form, each value typed by its
// column; a text that a spreadsheet would run as a formula is neutralised
// (coop.NeutralizeCell).
func (s *sheetWriter) write(row []string) error {
	for i, v := range row {
		s.cells[i] = nil
		if v == "" {
			continue
		}
		switch cellKinds[i] {
		case dateCell:
			if d, err := coop.ParseDate(v); err == nil {
				s.cells[i] = excelize.Cell{StyleID: s.styles[dateCell], Value: d.Time()}
				continue
			}
		case amountCell:
			if a, err := decimal.NewFromString(v); err == nil {
				f, _ := a.Float64()
				s.cells[i] = excelize.Cell{StyleID: s.styles[amountCell], Value: f}
				continue
			}
		case numberCell:
			if n, err := strconv.Atoi(v); err == nil {
				s.cells[i] = excelize.Cell{StyleID: s.styles[numberCell], Value: n}
				continue
			}
		}
		s.cells[i] = coop.NeutralizeCell(v)
	}
	return s.next()
}

func (s *sheetWriter) close() error {
	if err := s.sw.Flush(); err != nil {
		return err
	}
	_, err := s.f.WriteTo(s.w)
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// sheetRows are the rows of a workbook's register sheet.
type sheetRows struct {
	f    *excelize.File
	rows *excelize.Rows
	line int
	// pending is a row read with the header that is not the Arabic one.
	pending []string
}

// openWorkbook opens a workbook and the rows of its register sheet: the
// sheet named RegisterSheet, else the first.
func openWorkbook(r io.Reader, op, source string) (*sheetRows, string, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, "", csvReadError(op, source, fmt.Errorf("not a workbook (.xlsx) that can be read: %w", err))
	}
	sheets := f.GetSheetList()
	sheet := RegisterSheet
	if len(sheets) == 0 {
		_ = f.Close()
		return nil, "", csvReadError(op, source, fmt.Errorf("the workbook has no sheet"))
	}
	if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		sheet = sheets[0]
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		_ = f.Close()
		return nil, "", csvReadError(op, source, err)
	}
	return &sheetRows{f: f, rows: rows}, sheet, nil
}

// read returns the next row's values as text, or io.EOF.
func (s *sheetRows) read() ([]string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, err
		}
		return nil, io.EOF
	}
	s.line++
	return s.rows.Columns(excelize.Options{RawCellValue: true})
}

func (s *sheetRows) header(rr *registerReader) error {
	first, err := s.read()
	if err != nil && err != io.EOF {
		return csvReadError(rr.op, rr.source, err)
	}
	trimmed := trimRow(first)
	switch {
	case equalRow(trimmed, RegisterColumns), equalRow(trimmed, RegisterHeaders[0]):
	default:
		return (coop.Fields{{Field: "header", Rule: "columns", Param: strings.Join(RegisterColumns, ","),
			Message: "the first row of the sheet must name the columns, in French (" + strings.Join(RegisterHeaders[0], ", ") +
				") or as " + strings.Join(RegisterColumns, ","), Source: rr.at(1, 0)}}).Err(rr.op, "invalid register")
	}
	second, err := s.read()
	switch {
	case err == io.EOF:
		return nil
	case err != nil:
		return csvReadError(rr.op, rr.source, err)
	case !equalRow(trimRow(second), RegisterHeaders[1]):
		s.pending = second
	}
	return nil
}

func (s *sheetRows) next() ([]string, int, error) {
	for {
		var rec []string
		if s.pending != nil {
			rec, s.pending = s.pending, nil
		} else {
			var err error
			if rec, err = s.read(); err != nil {
				if err == io.EOF {
					_ = s.rows.Close()
					_ = s.f.Close()
				}
				return nil, s.line, err
			}
		}
		rec = trimRow(rec)
		if len(rec) == 0 {
			continue // an empty row
		}
		if len(rec) > nColumns {
			return nil, s.line, &located{s.line, nColumns + 1, coop.FieldError{Rule: "columns", Param: strconv.Itoa(nColumns),
				Message: fmt.Sprintf("%d cells where the header has %d", len(rec), nColumns)}}
		}
		out := make([]string, nColumns)
		for i, v := range rec {
			out[i] = cellText(cellKinds[i], v)
		}
		return out, s.line, nil
	}
}

// trimRow drops the empty cells that end a row.
func trimRow(rec []string) []string {
	for len(rec) > 0 && strings.TrimSpace(rec[len(rec)-1]) == "" {
		rec = rec[:len(rec)-1]
	}
	return rec
}

func equalRow(rec, want []string) bool {
	if len(rec) != len(want) {
		return false
	}
	for i := range rec {
		if strings.TrimSpace(rec[i]) != want[i] {
			return false
		}
	}
	return true
}

// cellText is the value of a cell in RFC 4180's form: a date cell's serial
// number as YYYY-MM-DD, an amount with two decimals. A value typed as
// text is left for the dialect and the column's rule to read.
func cellText(kind cellKind, raw string) string {
	switch kind {
	case dateCell:
		if f, err := strconv.ParseFloat(raw, 64); err == nil && f >= 1 && f < 2958466 && f == math.Trunc(f) {
			if t, err := excelize.ExcelDateToTime(f, false); err == nil {
				return t.Format(time.DateOnly)
			}
		}
	case amountCell:
		if !strings.ContainsAny(raw, ",") {
			if a, err := decimal.NewFromString(raw); err == nil {
				// A number in a cell is a double: an amount of centimes
				// reads back within a hair of them.
				if r := a.Round(2); r.Sub(a).Abs().LessThan(decimal.New(1, -6)) {
					return r.StringFixed(2)
				}
			}
		}
	}
	return raw
}
