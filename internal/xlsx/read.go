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

// maxPart is the most engage reads of one part of a workbook: a guard
// against a small file that unzips to gigabytes.
const maxPart = 256 << 20

// Contents are a workbook's sheets, in order, with the text of each cell
// that has a value, by cell name.
type Contents struct {
	Sheets []string
	Cells  map[string]map[string]string
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

// Read reads the cell values of a workbook written by engage, Excel,
// LibreOffice or excelize. Formatting is ignored.
func Read(data []byte) (*Contents, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New("not an Excel workbook (it is not a zip file)")
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	readPart := func(name string) ([]byte, error) {
		f := files[name]
		if f == nil {
			return nil, fmt.Errorf("not an Excel workbook: it has no %s", name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer func() { _ = rc.Close() }()
		body, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(body) > maxPart {
			return nil, fmt.Errorf("%s is larger than %d MB unpacked", name, maxPart>>20)
		}
		return body, nil
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
	if err := readXML(readPart, "xl/workbook.xml", &book); err != nil {
		return nil, err
	}
	if err := readXML(readPart, "xl/_rels/workbook.xml.rels", &relations); err != nil {
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
	var strs []string
	if strsPart != "" && files[strsPart] != nil {
		var sst struct {
			Items []richText `xml:"si"`
		}
		if err := readXML(readPart, strsPart, &sst); err != nil {
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
		if err := readXML(readPart, targets[sh.ID], &ws); err != nil {
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
	return c, nil
}

func readXML(readPart func(string) ([]byte, error), name string, v any) error {
	body, err := readPart(name)
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(body, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
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
