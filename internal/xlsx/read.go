package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Limits bound what Read unpacks of a workbook, so that a small file that
// unzips to gigabytes (a zip bomb), or that names one large part from
// many sheets, is refused at once rather than read.
type Limits struct {
	// Unpacked is the most bytes Read unpacks in all, counting a part
	// each time it is read (two sheets naming one part count it twice).
	Unpacked int64
	// Entries is the most files the zip may hold.
	Entries int
}

// DefaultLimits suit engage's own workbooks: a report of a strategy at
// the 10 MB size limit unpacks to about 13 MB in 21 files.
var DefaultLimits = Limits{Unpacked: 64 << 20, Entries: 10_000}

// TooLargeError is a workbook Read refused by its Limits.
type TooLargeError struct {
	What string // what is over the limit
}

func (e *TooLargeError) Error() string { return e.What }

// Contents are a workbook's sheets, in order, with the text of each cell
// that has a value, by cell name.
type Contents struct {
	Sheets []string
	Cells  map[string]map[string]string
	// Unpacked is how many bytes reading it unpacked.
	Unpacked int64
}

// Equal reports whether two workbooks have the same sheets and the same
// values in every cell.
func (c *Contents) Equal(o *Contents) bool {
	if strings.Join(c.Sheets, "\x00") != strings.Join(o.Sheets, "\x00") {
		return false
	}
	for _, name := range c.Sheets {
		a, b := c.Cells[name], o.Cells[name]
		if len(a) != len(b) {
			return false
		}
		for ref, v := range a {
			if w, ok := b[ref]; !ok || w != v {
				return false
			}
		}
	}
	return true
}

// OpenZip opens a workbook's zip, refusing one that holds more files
// than l allows (a *TooLargeError) or is not a zip at all.
func OpenZip(data []byte, l Limits) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New("not an Excel workbook (it is not a zip file)")
	}
	if len(zr.File) > l.Entries {
		return nil, &TooLargeError{fmt.Sprintf("the workbook holds %d files, more than the %d engage reads", len(zr.File), l.Entries)}
	}
	return zr, nil
}

// Read reads the cell values of a workbook written by engage, Excel,
// LibreOffice or excelize, within DefaultLimits. Formatting is ignored.
func Read(data []byte) (*Contents, error) { return ReadLimited(data, DefaultLimits) }

// ReadLimited is Read within limits: the zip's entries are counted and
// the sizes its directory declares for the parts to read are added up
// before anything is unpacked, and what is actually unpacked is counted
// as it is read (a directory can lie), so a workbook over the limits is
// refused with a *TooLargeError having unpacked at most l.Unpacked bytes.
// Parts are decoded as they are read, never held whole.
func ReadLimited(data []byte, l Limits) (*Contents, error) {
	zr, err := OpenZip(data, l)
	if err != nil {
		return nil, err
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	left := l.Unpacked
	over := func() error {
		return &TooLargeError{fmt.Sprintf("the workbook unpacks to more than %d MB (counting each part each time a sheet names it), more than engage reads", l.Unpacked>>20)}
	}
	// declared checks the sizes the zip's directory gives for parts about
	// to be read, before any is unpacked.
	declared := func(names ...string) error {
		var sum uint64
		for _, n := range names {
			if f := files[n]; f != nil {
				sum += f.UncompressedSize64
			}
		}
		if left < 0 || sum > uint64(left) {
			return over()
		}
		return nil
	}
	readXML := func(name string, v any) error {
		f := files[name]
		if f == nil {
			return fmt.Errorf("not an Excel workbook: it has no %s", name)
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer func() { _ = rc.Close() }()
		r := &budget{r: rc, left: &left, over: over}
		if err := xml.NewDecoder(r).Decode(v); err != nil {
			if r.err != nil {
				return r.err
			}
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var relations struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := declared("xl/workbook.xml", "xl/_rels/workbook.xml.rels"); err != nil {
		return nil, err
	}
	if err := readXML("xl/workbook.xml", &book); err != nil {
		return nil, err
	}
	if err := readXML("xl/_rels/workbook.xml.rels", &relations); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	var strsPart string
	for _, r := range relations.Rels {
		target := r.Target
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join("xl", target)
		}
		targets[r.ID] = target
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			strsPart = target
		}
	}
	parts := []string{strsPart}
	for _, sh := range book.Sheets {
		parts = append(parts, targets[sh.ID])
	}
	if err := declared(parts...); err != nil {
		return nil, err
	}
	var strs []string
	if strsPart != "" && files[strsPart] != nil {
		var sst struct {
			Items []richText `xml:"si"`
		}
		if err := readXML(strsPart, &sst); err != nil {
			return nil, err
		}
		for _, si := range sst.Items {
			strs = append(strs, si.String())
		}
	}
	c := &Contents{Cells: map[string]map[string]string{}}
	for _, sh := range book.Sheets {
		var ws struct {
			Rows []struct {
				Cells []struct {
					Ref    string   `xml:"r,attr"`
					Type   string   `xml:"t,attr"`
					Value  string   `xml:"v"`
					Inline richText `xml:"is"`
				} `xml:"c"`
			} `xml:"sheetData>row"`
		}
		if err := readXML(targets[sh.ID], &ws); err != nil {
			return nil, err
		}
		cells := map[string]string{}
		for _, r := range ws.Rows {
			for _, cl := range r.Cells {
				v := cl.Value
				switch cl.Type {
				case "s":
					i, err := strconv.Atoi(v)
					if err != nil || i < 0 || i >= len(strs) {
						return nil, fmt.Errorf("sheet %q, cell %s: no shared string %q", sh.Name, cl.Ref, v)
					}
					v = strs[i]
				case "inlineStr":
					v = cl.Inline.String()
				}
				if v != "" {
					cells[cl.Ref] = v
				}
			}
		}
		c.Sheets = append(c.Sheets, sh.Name)
		c.Cells[sh.Name] = cells
	}
	c.Unpacked = l.Unpacked - left
	return c, nil
}

// budget counts what is unpacked against what is left of the limit, and
// stops the read once it is spent.
type budget struct {
	r    io.Reader
	left *int64
	over func() error
	err  error
}

func (b *budget) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.r.Read(p)
	*b.left -= int64(n)
	if *b.left < 0 {
		b.err = b.over()
		return 0, b.err
	}
	return n, err
}

// richText is text in a cell: plain, or in runs.
type richText struct {
	T    string `xml:"t"`
	Runs []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (r richText) String() string {
	if len(r.Runs) == 0 {
		return r.T
	}
	var b strings.Builder
	for _, run := range r.Runs {
		b.WriteString(run.T)
	}
	return b.String()
}
