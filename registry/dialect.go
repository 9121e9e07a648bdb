package registry

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/taawun/taawun/coop"
)

// Dialect is a way the register is written: as CSV, or as a workbook.
// The register import reads every dialect, told apart by the first bytes
// and the header line; the export writes the one asked for.
type Dialect struct {
	// Name is the dialect's name in the API: "rfc4180", "excel-fr", "xlsx".
	Name string
	// Workbook writes an Office Open XML workbook (.xlsx) rather than CSV:
	// typed cells, headers in French and Arabic (RegisterHeaders).
	Workbook bool
	// Comma separates the fields.
	Comma rune
	// CRLF ends the lines with a carriage return; BOM opens the file with
	// a byte order mark, which Excel needs to read UTF-8.
	CRLF, BOM bool
	// DecimalComma writes amounts with a decimal comma ("600,00");
	// DayFirst writes dates day first ("15/01/2020").
	DecimalComma, DayFirst bool
}

// The dialects of the register.
var (
	// RFC4180 is CSV as RFC 4180 writes it: commas, a decimal point, dates
	// YYYY-MM-DD, lines ending in LF.
	RFC4180 = Dialect{Name: "rfc4180", Comma: ','}
	// ExcelFR is CSV as Excel in French locale saves and opens it
	// ("CSV UTF-8"): semicolons, a decimal comma, dates DD/MM/YYYY, a byte
	// order mark and lines ending in CRLF.
	ExcelFR = Dialect{Name: "excel-fr", Comma: ';', CRLF: true, BOM: true, DecimalComma: true, DayFirst: true}
	// XLSX is the register as a workbook: one sheet, RegisterSheet, its
	// dates as dates and amounts as numbers. A value a clerk typed as text
	// is read as Excel in French writes it (DD/MM/YYYY, "600,00") or as
	// RFC 4180 does.
	XLSX = Dialect{Name: "xlsx", Workbook: true, DecimalComma: true, DayFirst: true}
)

// Dialects lists the dialects of the register.
func Dialects() []Dialect { return []Dialect{RFC4180, ExcelFR, XLSX} }

// ContentType is the media type of a register file in the dialect.
func (d Dialect) ContentType() string {
	if d.Workbook {
		return WorkbookType
	}
	return "text/csv; charset=utf-8"
}

// Extension is the file name extension of the dialect: ".csv" or ".xlsx".
func (d Dialect) Extension() string {
	if d.Workbook {
		return ".xlsx"
	}
	return ".csv"
}

// DialectNamed returns the dialect of the given name.
func DialectNamed(name string) (Dialect, bool) {
	for _, d := range Dialects() {
		if d.Name == name {
			return d, true
		}
	}
	return Dialect{}, false
}

// dateColumns and amountColumns are the columns whose values a dialect
// writes its own way.
var (
	dateColumns   = []int{colRegisteredOn, colStatusSince, colConformedOn, colBirthDate, colJoinedOn}
	amountColumns = []int{colShareNominal, colSubscribed, colPaid}
)

// dateFormat says how the dialect writes a date, for errors.
func (d Dialect) dateFormat() string {
	if d.Workbook {
		return "a date, or DD/MM/YYYY"
	}
	if d.DayFirst {
		return "DD/MM/YYYY"
	}
	return "YYYY-MM-DD"
}

// write turns a row written in RFC 4180 into the dialect, in place.
func (d Dialect) write(row []string) {
	if d.DayFirst {
		for _, col := range dateColumns {
			if s := row[col]; len(s) == 10 && s[4] == '-' && s[7] == '-' {
				row[col] = s[8:10] + "/" + s[5:7] + "/" + s[0:4]
			}
		}
	}
	if d.DecimalComma {
		for _, col := range amountColumns {
			row[col] = strings.Replace(row[col], ".", ",", 1)
		}
	}
}

// read turns a row read in the dialect into RFC 4180's, in place: dates
// DD/MM/YYYY to YYYY-MM-DD, amounts with a decimal comma (and spaces or
// points grouping the thousands) to a decimal point. A value already in
// RFC 4180's form, or in neither, is left for the column's rule to judge.
func (d Dialect) read(rec []string) {
	if d.DayFirst {
		for _, col := range dateColumns {
			if s := rec[col]; len(s) == 10 && s[2] == '/' && s[5] == '/' {
				rec[col] = s[6:10] + "-" + s[3:5] + "-" + s[0:2]
			}
		}
	}
	if d.DecimalComma {
		for _, col := range amountColumns {
			s := rec[col]
			if !strings.Contains(s, ",") {
				continue
			}
			rec[col] = strings.Replace(thousands.Replace(s), ",", ".", 1)
		}
	}
}

// thousands takes out what groups the thousands of an amount written with
// a decimal comma: spaces, no-break spaces and points.
var thousands = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ".", "")

// detectDialect reads the header line of a register file and tells its
// dialect: semicolons are Excel's in French locale, commas RFC 4180's. It
// returns a reader of the whole file without its byte order mark.
func detectDialect(br *bufio.Reader, op, source string) (Dialect, io.Reader, error) {
	most := br.Size() // a header line is far shorter
	bom := false
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\ufeff")) {
		_, _ = br.Discard(3)
		bom = true
	}
	head, _ := br.Peek(most) // what there is, up to most
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	switch {
	case len(head) == 0:
		return Dialect{}, nil, csvReadError(op, source, fmt.Errorf("the file is empty"))
	case bytes.Contains(head, []byte(";")):
		d := ExcelFR
		d.BOM = bom
		return d, br, nil
	case bytes.Contains(head, []byte(",")):
		return RFC4180, br, nil
	}
	return Dialect{}, nil, (coop.Fields{{Field: "header", Rule: "columns", Param: strings.Join(RegisterColumns, ","),
		Message: "the first line must name the columns " + strings.Join(RegisterColumns, ",") +
			", separated by commas (RFC 4180: decimal point, dates YYYY-MM-DD) or by semicolons (Excel in French: decimal comma, dates DD/MM/YYYY), in UTF-8",
		Source: source + ":1"}}).Err(op, "invalid register")
}
