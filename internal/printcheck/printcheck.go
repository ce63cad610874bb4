// Package printcheck checks what an Excel workbook looks like on paper. It
// prints the workbook to PDF with LibreOffice (soffice --headless
// --convert-to pdf) and reads each page back with poppler (pdftotext
// -bbox-layout for the words and their boxes, pdftohtml -xml for the
// outline), and reports, page by page:
//
//   - text printed under the smallest size allowed (9 pt unless told);
//   - a page of a sheet without the sheet's header row: the first row of
//     its print titles (_xlnm.Print_Titles), or, for a sheet that sets
//     none, its first row with text, which then prints on its first page
//     only;
//   - a page without the page number that the sheet's header or footer
//     asks for (&P, &N: "Page 2 of 5"), or with one out of sequence;
//   - a page that is not A4 landscape.
//
// # Sizes from box heights
//
// pdftotext gives each word a box from the baseline less the font's ascent
// to the baseline less its descent, both times the size the word is
// printed at, with the ascent and descent taken from the PDF's font
// descriptor. LibreOffice (7.4) writes 0 for both, so poppler (22.12)
// uses its defaults, 0.95 and -0.35: every box is 1.30 times the printed
// size, whatever the font. Measured on workbooks made with excelize in
// Calibri (printed in Carlito, or DejaVu Sans where Carlito is not
// installed), Carlito, Arial (Liberation Sans) and Liberation Sans,
// regular and bold, accented and typographic characters, at 8, 9 and
// 11 pt, at 100% and 50%: boxes of 10.392, 11.718 and 14.297 pt at 100%,
// 1.30 times 7.994, 9.014 and 10.998 pt (LibreOffice rounds sizes to
// 0.01 mm), and exactly half at 50%; sheets fitted to the page scale the
// same way (TestCalibration). Since that rests on what two programs do
// today, every run prints a calibration workbook
// (14.4 pt text in each of those fonts) in the same LibreOffice run,
// measures the ratio from it, and fails with an error if the fonts no
// longer agree on it.
//
// # Pages to sheets
//
// LibreOffice prints the visible sheets in order, and its PDF export
// gives every sheet that prints a page an outline entry (a bookmark)
// named after the sheet, pointing at the sheet's first page; a sheet's
// pages run to the next entry. This holds however alike the sheets'
// texts are (the comparison's per-ICB sheets share their header rows) and
// costs nothing: the workbooks are printed whole, all of them in one
// LibreOffice run, which is what takes the time (about 2 s for a report
// here; 21 s for make check-print's 16 workbooks and 580 pages, on two
// busy cores; reading the PDFs takes under a second).
//
// # Finding the header row
//
// A cell is on a page when its text, spaces left out, is spelled by words
// that follow each other as a cell's lines do: along a line, then on the
// line below within the same columns (so a header wrapped over lines, or
// broken inside a word by a narrow column, still counts; pdftotext's own
// order cannot be used, as it runs the lines of cells side by side
// together). A row is on a page when its cells are level: their first
// lines, last lines or middles within a few lines of each other, however
// each is aligned. Every page that shows one of the sheet's rows (two of
// its cells with letters in them, side by side: a chart on a page of its
// own shows its axis labels from the same cells, one at a time) must show
// every cell of the header row; for a sheet not fitted to one page wide,
// whose columns LibreOffice may split over pages, one cell is enough.
//
// # Limits
//
// Sizes are those of text poppler can read: text drawn as pictures
// (a chart LibreOffice renders as an image) is not measured. pdftotext
// does not say a word's rotation; a word turned on its side has its
// length as its height, and a turned single character can look smaller
// than it is (the reports turn no text). Whether a page shows table rows
// is judged from the text alone, so a chart whose labels pair two of a
// row's cells side by side would count as rows. The layout is LibreOffice's
// with the fonts installed: Excel's Calibri is printed in Carlito, which
// has its widths (make check-print installs it); without it LibreOffice
// uses a wider font, rows wrap more and the pages differ from Excel's.
// Header and footer fields other than the page numbers (&D, &F, &A and
// the like) are matched as any text.
package printcheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// DefaultMinSize is the smallest printed text allowed, in points, unless
// Options say otherwise: issue 17's board packs.
const DefaultMinSize = 9

// Options are the settings of a check; the zero value checks for
// DefaultMinSize and throws the PDFs away.
type Options struct {
	// MinSize is the smallest printed text allowed, in points.
	MinSize float64
	// PDFDir, if set, is where the PDFs are kept, named after the
	// workbooks, for a person to look at.
	PDFDir string
}

// Kind is what is wrong with a page. The zero Kind is no kind: every
// Problem has one of the others.
type Kind int

const (
	_ Kind = iota
	// SmallText is text printed under the smallest size allowed.
	SmallText
	// NoHeader is a page without its sheet's header row.
	NoHeader
	// NoPageNumber is a page without the page number its sheet's header
	// or footer asks for, or with one out of sequence.
	NoPageNumber
	// Paper is a page that is not A4 landscape.
	Paper
)

func (k Kind) String() string {
	switch k {
	case SmallText:
		return "small text"
	case NoHeader:
		return "no header row"
	case NoPageNumber:
		return "no page number"
	case Paper:
		return "paper"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Problem is one thing wrong with one printed page.
type Problem struct {
	Kind  Kind
	Sheet string
	// Page and Pages are the page's place among its sheet's pages, from
	// 1; PDFPage is its page in the whole workbook's PDF.
	Page, Pages, PDFPage int
	// Message says what is wrong in plain English.
	Message string
}

// String is the problem as a person reads it: "Objectives, page 2 of 3
// (PDF page 7): no header row (expected 'ID', 'Title', ...)".
func (p Problem) String() string {
	return fmt.Sprintf("%s, page %d of %d (PDF page %d): %s", p.Sheet, p.Page, p.Pages, p.PDFPage, p.Message)
}

// Report is what one workbook looks like printed.
type Report struct {
	// Workbook is the path the workbook was given as.
	Workbook string
	// Pages is the number of pages it prints on; SmallestText the size of
	// its smallest text, in points (0 if it prints none).
	Pages        int
	SmallestText float64
	Problems     []Problem
}

// Check prints one workbook and returns what is wrong with its pages.
func Check(path string, opts Options) ([]Problem, error) {
	reports, err := CheckAll([]string{path}, opts)
	if err != nil {
		return nil, err
	}
	return reports[0].Problems, nil
}

// CheckAll prints the workbooks in one LibreOffice run and returns a
// report on each, in the order given. An error means a workbook could not
// be read or printed, or the programs it needs are missing (Available).
func CheckAll(paths []string, opts Options) ([]Report, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	if err := Available(); err != nil {
		return nil, err
	}
	minSize := opts.MinSize
	if minSize == 0 {
		minSize = DefaultMinSize
	}
	// A workbook excelize cannot read fails before LibreOffice starts.
	books := make([][]sheet, len(paths))
	fonts := append([]string(nil), calibrationFonts...)
	for i, path := range paths {
		sheets, font, err := readWorkbook(path)
		if err != nil {
			return nil, err
		}
		books[i] = sheets
		if font != "" && !slices.Contains(fonts, font) {
			fonts = append(fonts, font)
		}
	}

	tmp, err := os.MkdirTemp("", "printcheck-")
	if err != nil {
		return nil, err
	}
	defer func() { _ = os.RemoveAll(tmp) }()
	inDir, outDir := filepath.Join(tmp, "in"), filepath.Join(tmp, "out")
	if opts.PDFDir != "" {
		outDir = opts.PDFDir
	}
	for _, dir := range []string{inDir, outDir} {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, err
		}
	}
	// LibreOffice names each PDF after its workbook, so workbooks of the
	// same name from different folders are copied under names of their own.
	calibration := filepath.Join(inDir, "printcheck-calibration.xlsx")
	if err := writeCalibration(calibration, fonts); err != nil {
		return nil, err
	}
	used := map[string]bool{"printcheck-calibration": true}
	copies := make([]string, len(paths))
	for i, path := range paths {
		copies[i] = filepath.Join(inDir, uniqueName(used, path))
		if err := copyFile(copies[i], path); err != nil {
			return nil, err
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute+time.Duration(len(paths))*20*time.Second)
	defer cancel()
	if err := printPDF(ctx, filepath.Join(tmp, "profile"), outDir, append([]string{calibration}, copies...)); err != nil {
		return nil, err
	}
	calibrationPDF := pdfName(outDir, calibration)
	ratio, err := measureRatio(ctx, calibrationPDF, calibrationSize)
	if err != nil {
		return nil, err
	}
	_ = os.Remove(calibrationPDF)
	reports := make([]Report, len(paths))
	for i, path := range paths {
		doc, err := readPDF(ctx, pdfName(outDir, copies[i]))
		if err != nil {
			return nil, err
		}
		if reports[i], err = analyse(books[i], doc, ratio, minSize); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		reports[i].Workbook = path
	}
	return reports, nil
}

// uniqueName is the file name a workbook is printed under: its own, or
// with -2, -3 and so on before the extension when another has it.
func uniqueName(used map[string]bool, path string) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(filepath.Base(path), ext)
	name := stem
	for n := 2; used[name]; n++ {
		name = fmt.Sprintf("%s-%d", stem, n)
	}
	used[name] = true
	return name + ext
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer func() { _ = in.Close() }()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}

// The paper every page should be: A4 landscape, in points, and how far a
// page may be from it (LibreOffice's sizes are in 0.01 mm).
const (
	a4Long, a4Short = 841.89, 595.28
	paperTolerance  = 1.0
)

// sizeTolerance is how far under the smallest size text may measure and
// still pass: LibreOffice rounds sizes to 0.01 mm (0.028 pt), so 9 pt
// prints at 9.014 pt and 8.95 pt at 8.957.
const sizeTolerance = 0.03

// span is the pages one sheet prints on, from 1.
type span struct {
	sheet       sheet
	first, last int
}

// spans tells which pages belong to which sheet, by the PDF's outline.
func spans(sheets []sheet, doc document) ([]span, error) {
	if len(doc.pages) == 0 {
		return nil, nil
	}
	if len(doc.bookmarks) == 0 {
		if len(sheets) == 1 {
			return []span{{sheets[0], 1, len(doc.pages)}}, nil
		}
		return nil, errors.New("the PDF has no outline to tell its sheets' pages apart")
	}
	byName := map[string]sheet{}
	for _, s := range sheets {
		byName[s.name] = s
	}
	var out []span
	if doc.bookmarks[0].page > 1 {
		out = append(out, span{sheet{}, 1, doc.bookmarks[0].page - 1})
	}
	for i, b := range doc.bookmarks {
		last := len(doc.pages)
		if i+1 < len(doc.bookmarks) {
			last = doc.bookmarks[i+1].page - 1
		}
		if b.page < 1 || last < b.page {
			continue
		}
		s, ok := byName[b.title]
		if !ok {
			s = sheet{name: b.title}
		}
		out = append(out, span{s, b.page, last})
	}
	return out, nil
}

// analyse checks every page of a printed workbook.
func analyse(sheets []sheet, doc document, ratio, minSize float64) (Report, error) {
	report := Report{Pages: len(doc.pages)}
	sp, err := spans(sheets, doc)
	if err != nil {
		return report, err
	}
	for _, s := range sp {
		lastNumber := map[int]int{} // the page numbers found, by header or footer section
		for n := s.first; n <= s.last; n++ {
			p := doc.pages[n-1]
			k, pages := n-s.first+1, s.last-s.first+1
			add := func(kind Kind, format string, args ...any) {
				report.Problems = append(report.Problems, Problem{
					Kind: kind, Sheet: s.sheet.name, Page: k, Pages: pages, PDFPage: n,
					Message: fmt.Sprintf(format, args...),
				})
			}
			if msg := checkPaper(p); msg != "" {
				add(Paper, "%s", msg)
			}
			smallest, msg := checkSizes(p, ratio, minSize)
			if smallest > 0 && (report.SmallestText == 0 || smallest < report.SmallestText) {
				report.SmallestText = smallest
			}
			if msg != "" {
				add(SmallText, "%s", msg)
			}
			if msg := checkHeader(newPageText(p), s.sheet); msg != "" {
				add(NoHeader, "%s", msg)
			}
			for i, number := range pageNumbers(s.sheet.headerFooter, k) {
				prev, seen := lastNumber[i]
				got, msg := checkPageNumber(p, number, prev, seen)
				if got > 0 {
					lastNumber[i] = got
				}
				if msg != "" {
					add(NoPageNumber, "%s", msg)
				}
			}
		}
	}
	return report, nil
}

// checkPaper says what is wrong with the page's paper, if anything.
func checkPaper(p page) string {
	if math.Abs(p.width-a4Long) <= paperTolerance && math.Abs(p.height-a4Short) <= paperTolerance {
		return ""
	}
	mm := func(pt float64) float64 { return math.Round(pt * 25.4 / 72) }
	orientation := "landscape"
	if p.height > p.width {
		orientation = "portrait"
	}
	return fmt.Sprintf("printed on %g x %g mm paper (%s), want A4 landscape (297 x 210 mm)", mm(p.width), mm(p.height), orientation)
}

// checkSizes is the size of the page's smallest text, in points, and what
// is wrong with it if it is under minSize.
func checkSizes(p page, ratio, minSize float64) (float64, string) {
	smallest := 0.0
	for _, w := range p.words {
		if size := (w.yMax - w.yMin) / ratio; smallest == 0 || size < smallest {
			smallest = size
		}
	}
	if smallest == 0 || smallest >= minSize-sizeTolerance {
		return smallest, ""
	}
	var under int
	var examples []string
	for _, w := range p.words {
		size := (w.yMax - w.yMin) / ratio
		if size < minSize-sizeTolerance {
			under++
		}
		if size < smallest+sizeTolerance && len(examples) < 6 {
			examples = append(examples, w.text)
		}
	}
	return smallest, fmt.Sprintf("text at %.1f pt, under %g pt (%d of %d words under %g pt, such as %q)",
		smallest, minSize, under, len(p.words), minSize, strings.Join(examples, " "))
}

// checkPageNumber finds the page number a header or footer section asks
// for on the page: the number it shows (0 if none) and what is wrong, if
// anything. prev is the number the sheet's previous page showed, if seen.
func checkPageNumber(p page, n pageNumber, prev int, seen bool) (int, string) {
	texts := make([]string, len(p.words))
	for i, w := range p.words {
		texts[i] = w.text
	}
	matches := n.pattern.FindAllStringSubmatch(strings.Join(texts, " "), -1)
	if len(matches) == 0 {
		return 0, fmt.Sprintf("no page number: the header or footer says %q", n.text)
	}
	number := func(m []string, group int) int {
		if group < 0 {
			return -1
		}
		v := 0
		_, _ = fmt.Sscan(m[group], &v)
		return v
	}
	m := matches[0]
	for _, c := range matches {
		if number(c, n.page) == prev+1 {
			m = c
			break
		}
	}
	page, total := number(m, n.page), number(m, n.total)
	switch {
	case page >= 0 && seen && page != prev+1:
		return page, fmt.Sprintf("numbered %d after %d on the page before (%q)", page, prev, m[0])
	case page >= 0 && total >= 0 && page > total:
		return page, fmt.Sprintf("numbered %d of %d (%q)", page, total, m[0])
	}
	return max(page, 0), ""
}
