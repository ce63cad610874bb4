package printcheck

import (
	"context"
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// calibrationFonts are the fonts every calibration workbook is printed
// in: Excel's Calibri and Arial, what LibreOffice prints them in (Carlito,
// Liberation Sans) and its fallback (DejaVu Sans). The workbooks' own
// default fonts are added.
var calibrationFonts = []string{"Calibri", "Carlito", "Arial", "Liberation Sans", "DejaVu Sans"}

// calibrationSize is the size of the calibration text, in points: 5.08 mm,
// a whole number of LibreOffice's 0.01 mm, so it prints unrounded.
const calibrationSize = 14.4

// writeCalibration writes a workbook with one line of calibrationSize text
// in each font, regular and bold, printed at 100% on A4 landscape.
func writeCalibration(path string, fonts []string) error {
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	const name = "Calibration"
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	row := 1
	for _, font := range fonts {
		for _, bold := range []bool{false, true} {
			style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: font, Size: calibrationSize, Bold: bold}})
			if err != nil {
				return err
			}
			cell, _ := excelize.CoordinatesToCellName(1, row)
			if err := f.SetCellValue(name, cell, fmt.Sprintf("Hxg %s bold=%t Café – “q”", font, bold)); err != nil {
				return err
			}
			if err := f.SetCellStyle(name, cell, cell, style); err != nil {
				return err
			}
			row++
		}
	}
	a4, landscape, scale := 9, "landscape", uint(100)
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, AdjustTo: &scale}); err != nil {
		return err
	}
	if err := f.SaveAs(path); err != nil {
		return fmt.Errorf("write the calibration workbook: %w", err)
	}
	return nil
}

// ratioSpread is how far the fonts' box heights may differ before the
// ratio is no longer one number: LibreOffice's rounding is 0.2% at 14.4 pt.
const ratioSpread = 0.01

// measureRatio reads a printed calibration workbook: the ratio of a word's
// box height to the size it is printed at, the same for every font (see
// the package comment) or an error.
func measureRatio(ctx context.Context, pdf string, size float64) (float64, error) {
	doc, err := readPDF(ctx, pdf)
	if err != nil {
		return 0, err
	}
	lo, hi, sum, n := math.Inf(1), 0.0, 0.0, 0
	for _, p := range doc.pages {
		for _, w := range p.words {
			h := w.yMax - w.yMin
			lo, hi, sum, n = min(lo, h), max(hi, h), sum+h, n+1
		}
	}
	if n == 0 {
		return 0, fmt.Errorf("calibration: LibreOffice printed no text poppler can read in %q", pdf)
	}
	if hi/lo-1 > ratioSpread {
		return 0, fmt.Errorf("calibration: %g pt text in different fonts gives boxes %.3f to %.3f pt high: "+
			"LibreOffice or poppler now uses each font's own ascent and descent, and printcheck cannot tell "+
			"which font a word is in", size, lo, hi)
	}
	return sum / float64(n) / size, nil
}
