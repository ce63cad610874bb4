package printcheck

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// The programs Check runs: LibreOffice prints, poppler reads.
const (
	soffice   = "soffice"
	pdftotext = "pdftotext"
	pdftohtml = "pdftohtml"
)

// Available reports whether the programs Check runs are installed: nil, or
// an error that names the missing ones and the Debian packages that bring
// them.
func Available() error {
	var missing []string
	if _, err := exec.LookPath(soffice); err != nil {
		missing = append(missing, "LibreOffice (soffice; apt-get install libreoffice-calc-nogui)")
	}
	for _, tool := range []string{pdftotext, pdftohtml} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool+" (apt-get install poppler-utils)")
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("printcheck needs %s", strings.Join(missing, " and "))
	}
	return nil
}

// printPDF prints every workbook in one LibreOffice run (it takes seconds
// to start) into outDir, with its settings kept in profileDir so that runs
// side by side do not share a profile. The PDFs are named after the
// workbooks.
func printPDF(ctx context.Context, profileDir, outDir string, workbooks []string) error {
	args := append([]string{
		"-env:UserInstallation=file://" + filepath.ToSlash(profileDir),
		"--headless", "--convert-to", "pdf", "--outdir", outDir,
	}, workbooks...)
	cmd := exec.CommandContext(ctx, soffice, args...) //nolint:gosec // G204: the workbooks are copies in a folder of printcheck's own
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	// soffice exits 0 even when it cannot load a file: read what it says,
	// and look for every PDF.
	if err != nil || bytes.Contains(out.Bytes(), []byte("Error:")) {
		return fmt.Errorf("LibreOffice could not print the workbooks to PDF: %w\n%s", errors.Join(err, ctx.Err()), out.Bytes())
	}
	for _, wb := range workbooks {
		if _, err := os.Stat(pdfName(outDir, wb)); err != nil {
			return fmt.Errorf("LibreOffice wrote no PDF for %q: %w\n%s", filepath.Base(wb), err, out.Bytes())
		}
	}
	return nil
}

// pdfName is where LibreOffice prints a workbook into dir.
func pdfName(dir, workbook string) string {
	return filepath.Join(dir, strings.TrimSuffix(filepath.Base(workbook), filepath.Ext(workbook))+".pdf")
}

// document is a printed workbook as poppler reads it.
type document struct {
	pages []page
	// bookmarks are the PDF's outline: LibreOffice gives each printed
	// sheet one, at its first page.
	bookmarks []bookmark
}

type page struct {
	width, height float64 // points
	words         []word  // in pdftotext's reading order
}

// word is one word's box, in points from the top left of the page. Its
// height is poppler's: the font's ascent less its descent, times the size
// it is printed at.
type word struct {
	xMin, yMin, xMax, yMax float64
	text                   string
}

type bookmark struct {
	title string
	page  int // from 1
}

// readPDF reads a PDF's words (pdftotext -bbox-layout) and its outline
// (pdftohtml -xml, which prints the outline with each entry's page).
func readPDF(ctx context.Context, path string) (document, error) {
	layout, err := exec.CommandContext(ctx, pdftotext, "-bbox-layout", path, "-").Output() //nolint:gosec // G204: a PDF LibreOffice wrote
	if err != nil {
		return document{}, fmt.Errorf("pdftotext -bbox-layout %q: %w%s", path, err, stderrOf(err))
	}
	pages, err := parseLayout(layout)
	if err != nil {
		return document{}, fmt.Errorf("read pdftotext's words of %q: %w", path, err)
	}
	// Only the outline is needed: one page keeps the rest of the output
	// short (the outline's pages are still those of the whole document).
	cmd := exec.CommandContext(ctx, pdftohtml, "-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", path) //nolint:gosec // G204: a PDF LibreOffice wrote
	cmd.Dir = filepath.Dir(path)
	outline, err := cmd.Output()
	if err != nil {
		return document{}, fmt.Errorf("pdftohtml -xml %q: %w%s", path, err, stderrOf(err))
	}
	bookmarks, err := parseOutline(outline)
	if err != nil {
		return document{}, fmt.Errorf("read the outline of %q: %w", path, err)
	}
	return document{pages: pages, bookmarks: bookmarks}, nil
}

func stderrOf(err error) string {
	var exit *exec.ExitError
	if errors.As(err, &exit) && len(exit.Stderr) > 0 {
		return ": " + strings.TrimSpace(string(exit.Stderr))
	}
	return ""
}

// parseLayout reads pdftotext -bbox-layout's XHTML: pages of flows of
// blocks of lines of words, of which only the pages and words matter here.
func parseLayout(data []byte) ([]page, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Entity = xml.HTMLEntity
	var pages []page
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return pages, nil
		}
		if err != nil {
			return nil, err
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch start.Name.Local {
		case "page":
			var p page
			if p.width, err = attr(start, "width"); err != nil {
				return nil, err
			}
			if p.height, err = attr(start, "height"); err != nil {
				return nil, err
			}
			pages = append(pages, p)
		case "word":
			if len(pages) == 0 {
				return nil, errors.New("a word outside any page")
			}
			var w word
			for _, a := range []struct {
				name string
				v    *float64
			}{{"xMin", &w.xMin}, {"yMin", &w.yMin}, {"xMax", &w.xMax}, {"yMax", &w.yMax}} {
				if *a.v, err = attr(start, a.name); err != nil {
					return nil, err
				}
			}
			var text string
			if err := dec.DecodeElement(&text, &start); err != nil {
				return nil, err
			}
			if w.text = strings.TrimSpace(text); w.text != "" {
				p := &pages[len(pages)-1]
				p.words = append(p.words, w)
			}
		}
	}
}

func attr(e xml.StartElement, name string) (float64, error) {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			v, err := strconv.ParseFloat(a.Value, 64)
			if err != nil {
				return 0, fmt.Errorf("<%s %s=%q>: %w", e.Name.Local, name, a.Value, err)
			}
			return v, nil
		}
	}
	return 0, fmt.Errorf("<%s> has no %s", e.Name.Local, name)
}

// parseOutline reads the <outline> of pdftohtml -xml's output: items with
// a title and a page, nested in outlines of their own for sub-entries.
func parseOutline(data []byte) ([]bookmark, error) {
	start := bytes.Index(data, []byte("<outline>"))
	if start < 0 {
		return nil, nil
	}
	end := bytes.LastIndex(data, []byte("</outline>"))
	if end < start {
		return nil, errors.New("the outline is not closed")
	}
	dec := xml.NewDecoder(bytes.NewReader(data[start : end+len("</outline>")]))
	dec.Entity = xml.HTMLEntity
	var bookmarks []bookmark
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return bookmarks, nil
		}
		if err != nil {
			return nil, err
		}
		if start, ok := tok.(xml.StartElement); ok && start.Name.Local == "item" {
			n, err := attr(start, "page")
			if err != nil {
				return nil, err
			}
			var title string
			if err := dec.DecodeElement(&title, &start); err != nil {
				return nil, err
			}
			bookmarks = append(bookmarks, bookmark{title: strings.TrimSpace(title), page: int(n)})
		}
	}
}
