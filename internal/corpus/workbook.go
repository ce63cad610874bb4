package corpus

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"strings"
)

// BombWorkbook writes a hostile workbook: a small file whose one sheet
// part unpacks to partMB megabytes of cells, named by sheets sheets (so a
// reader that reads each sheet's part unpacks partMB x sheets). With 50
// and 5 it is issue 16's 730 KB workbook that unzips to 250 MB.
func BombWorkbook(path string, partMB, sheets int) error {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	add := func(name, body string) error {
		w, err := zw.Create(name)
		if err == nil {
			_, err = w.Write([]byte(body))
		}
		return err
	}
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
	var list, rels strings.Builder
	for i := 1; i <= sheets; i++ {
		fmt.Fprintf(&list, `<sheet name="Sheet%d" sheetId="%d" r:id="rId%d"/>`, i, i, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`, i)
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", head + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"xl/workbook.xml", head + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + list.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
	}
	for _, p := range parts {
		if err := add(p.name, p.body); err != nil {
			return err
		}
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	row := `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("boom ", 200) + `</t></is></c></row>`
	if _, err := w.Write([]byte(head + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)); err != nil {
		return err
	}
	chunk := []byte(strings.Repeat(row, 1000))
	for n := 0; n < partMB<<20; n += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			return err
		}
	}
	if _, err := w.Write([]byte(`</sheetData></worksheet>`)); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644) //nolint:gosec // G306: test data
}
