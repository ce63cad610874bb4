package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// The namespaces of SpreadsheetML and DrawingML.
const (
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel  = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsChart   = "http://schemas.openxmlformats.org/drawingml/2006/chart"
	nsDrawing = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsXdr     = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
	relType   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctPrefix  = "application/vnd.openxmlformats-officedocument."
	xmlHead   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	emuPerPx  = 9525
)

// part is one file of the package.
type part struct {
	name string
	body []byte
}

// write writes the package: [Content_Types].xml first, then the parts by
// name, each compressed, with no timestamps.
func (wb *Workbook) write(w io.Writer) error {
	strs := &sharedStrings{index: map[string]int{}}
	var parts []part
	add := func(name string, body []byte) { parts = append(parts, part{name, body}) }
	types := []string{
		override("/xl/workbook.xml", ctPrefix+"spreadsheetml.sheet.main+xml"),
		override("/xl/styles.xml", ctPrefix+"spreadsheetml.styles+xml"),
		override("/xl/sharedStrings.xml", ctPrefix+"spreadsheetml.sharedStrings+xml"),
		override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
		override("/docProps/app.xml", ctPrefix+"extended-properties+xml"),
	}
	charts := 0
	for i, s := range wb.sheets {
		n := strconv.Itoa(i + 1)
		types = append(types, override("/xl/worksheets/sheet"+n+".xml", ctPrefix+"spreadsheetml.worksheet+xml"))
		add("xl/worksheets/sheet"+n+".xml", s.xml(i, strs))
		if len(s.charts) == 0 {
			continue
		}
		types = append(types, override("/xl/drawings/drawing"+n+".xml", ctPrefix+"drawing+xml"))
		add("xl/worksheets/_rels/sheet"+n+".xml.rels", rels(relType+"drawing", "../drawings/drawing"+n+".xml"))
		var targets []string
		for _, c := range s.charts {
			charts++
			cn := strconv.Itoa(charts)
			types = append(types, override("/xl/charts/chart"+cn+".xml", ctPrefix+"drawingml.chart+xml"))
			add("xl/charts/chart"+cn+".xml", c.chart.xml())
			targets = append(targets, "../charts/chart"+cn+".xml")
		}
		add("xl/drawings/drawing"+n+".xml", s.drawing())
		add("xl/drawings/_rels/drawing"+n+".xml.rels", rels(relType+"chart", targets...))
	}
	add("xl/workbook.xml", wb.workbookXML())
	var targets []string
	for i := range wb.sheets {
		targets = append(targets, "worksheets/sheet"+strconv.Itoa(i+1)+".xml")
	}
	wbRels := rels(relType+"worksheet", targets...)
	n := len(wb.sheets)
	wbRels = bytes.Replace(wbRels, []byte("</Relationships>"), []byte(
		rel(n+1, relType+"styles", "styles.xml")+rel(n+2, relType+"sharedStrings", "sharedStrings.xml")+"</Relationships>"), 1)
	add("xl/_rels/workbook.xml.rels", wbRels)
	add("xl/styles.xml", wb.stylesXML())
	add("xl/sharedStrings.xml", strs.xml())
	add("docProps/core.xml", wb.props.coreXML())
	add("docProps/app.xml", []byte(xmlHead+`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>engage</Application></Properties>`))
	add("_rels/.rels", []byte(xmlHead+`<Relationships xmlns="`+nsPkgRel+`">`+
		rel(1, relType+"officeDocument", "xl/workbook.xml")+
		rel(2, "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml")+
		rel(3, relType+"extended-properties", "docProps/app.xml")+`</Relationships>`))
	slices.SortFunc(parts, func(a, b part) int { return strings.Compare(a.name, b.name) })
	slices.Sort(types)
	ct := xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` + strings.Join(types, "") + `</Types>`
	parts = append([]part{{"[Content_Types].xml", []byte(ct)}}, parts...)

	zw := zip.NewWriter(w)
	for _, p := range parts {
		out, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := out.Write(p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

func override(name, ct string) string {
	return `<Override PartName="` + name + `" ContentType="` + ct + `"/>`
}

func rel(id int, typ, target string) string {
	return `<Relationship Id="rId` + strconv.Itoa(id) + `" Type="` + typ + `" Target="` + target + `"/>`
}

// rels lists relationships rId1, rId2, ... of one type.
func rels(typ string, targets ...string) []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="` + nsPkgRel + `">`)
	for i, t := range targets {
		b.WriteString(rel(i+1, typ, t))
	}
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

// esc escapes text for XML, replacing characters XML cannot hold.
func esc(s string) string {
	if !strings.ContainsAny(s, "&<>\"'\t\n\r") && isXMLText(s) {
		return s
	}
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// isXMLText reports whether s needs no replacing for XML: no control
// characters, no non-characters, and no U+FFFD, which ranging over
// invalid UTF-8 yields (xml.EscapeText replaces those bytes).
func isXMLText(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0xFFFE || r == 0xFFFF || r == 0xFFFD {
			return false
		}
	}
	return true
}

func (wb *Workbook) workbookXML() []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	b.WriteString(`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range wb.sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, esc(s.Name), i+1, i+1)
	}
	b.WriteString(`</sheets>`)
	var names []string
	for i, s := range wb.sheets {
		if s.filter != "" {
			from, to, _ := strings.Cut(s.filter, ":")
			names = append(names, fmt.Sprintf(`<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s!%s:%s</definedName>`,
				i, esc(quoteSheet(s.Name)), absolute(from), absolute(to)))
		}
	}
	if len(names) > 0 {
		b.WriteString(`<definedNames>` + strings.Join(names, "") + `</definedNames>`)
	}
	b.WriteString(`</workbook>`)
	return []byte(b.String())
}

// quoteSheet quotes a sheet name for a formula: 'L&SC', 'It”s'.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// absolute turns B3 into $B$3.
func absolute(ref string) string {
	col, row, err := parseCell(ref)
	if err != nil {
		return ref
	}
	return "$" + ColumnName(col) + "$" + strconv.Itoa(row)
}

// xml writes the worksheet. Its elements follow the schema's order.
func (s *Sheet) xml(index int, strs *sharedStrings) []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"`)
	if index == 0 {
		b.WriteString(` tabSelected="1"`)
	}
	if cols, rows := s.freeze[0], s.freeze[1]; cols > 0 || rows > 0 {
		pane := map[[2]bool]string{{true, false}: "topRight", {false, true}: "bottomLeft", {true, true}: "bottomRight"}[[2]bool{cols > 0, rows > 0}]
		b.WriteString(`><pane`)
		if cols > 0 {
			fmt.Fprintf(&b, ` xSplit="%d"`, cols)
		}
		if rows > 0 {
			fmt.Fprintf(&b, ` ySplit="%d"`, rows)
		}
		fmt.Fprintf(&b, ` topLeftCell="%s" activePane="%s" state="frozen"/><selection pane="%s"/></sheetView>`, s.Cell(cols+1, rows+1), pane, pane)
	} else {
		b.WriteString(`/>`)
	}
	b.WriteString(`</sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(s.widths) > 0 {
		b.WriteString(`<cols>`)
		for i, w := range s.widths {
			fmt.Fprintf(&b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(w, 'f', -1, 64))
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	for _, r := range slices.Sorted(maps.Keys(s.rows)) {
		rw := s.rows[r]
		fmt.Fprintf(&b, `<row r="%d"`, r)
		if rw.height > 0 {
			fmt.Fprintf(&b, ` ht="%s" customHeight="1"`, strconv.FormatFloat(rw.height, 'f', -1, 64))
		}
		b.WriteString(`>`)
		for _, c := range slices.Sorted(maps.Keys(rw.cells)) {
			cl := rw.cells[c]
			b.WriteString(`<c r="` + s.Cell(c, r) + `"`)
			style := cl.style
			if cl.kind == 's' && formulaLike(cl.text) {
				style = s.wb.quoted(style)
			}
			if style != 0 {
				fmt.Fprintf(&b, ` s="%d"`, style)
			}
			switch cl.kind {
			case 's':
				fmt.Fprintf(&b, ` t="s"><v>%d</v></c>`, strs.add(cl.text))
			case 'n':
				b.WriteString(`><v>` + cl.text + `</v></c>`)
			default:
				b.WriteString(`/>`)
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
	if s.filter != "" {
		b.WriteString(`<autoFilter ref="` + s.filter + `"/>`)
	}
	priority := 0
	for _, rs := range s.rules {
		b.WriteString(`<conditionalFormatting sqref="` + rs.ref + `">`)
		for _, r := range rs.rules {
			priority++
			fmt.Fprintf(&b, `<cfRule type="cellIs" dxfId="%d" priority="%d" operator="equal"><formula>%s</formula></cfRule>`,
				s.wb.format(r.Format), priority, esc(`"`+strings.ReplaceAll(r.Equals, `"`, `""`)+`"`))
		}
		b.WriteString(`</conditionalFormatting>`)
	}
	if len(s.lists) > 0 {
		fmt.Fprintf(&b, `<dataValidations count="%d">`, len(s.lists))
		for _, l := range s.lists {
			fmt.Fprintf(&b, `<dataValidation type="list" errorStyle="stop" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="%s" error="%s" sqref="%s"><formula1>%s</formula1></dataValidation>`,
				esc(l.title), esc(l.message), l.ref, esc(`"`+strings.Join(l.items, ",")+`"`))
		}
		b.WriteString(`</dataValidations>`)
	}
	b.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	b.WriteString(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`)
	if len(s.charts) > 0 {
		b.WriteString(`<drawing r:id="rId1"/>`)
	}
	b.WriteString(`</worksheet>`)
	return []byte(b.String())
}

// sharedStrings is the workbook's table of text, each text once.
type sharedStrings struct {
	list  []string
	index map[string]int
	count int
}

func (t *sharedStrings) add(s string) int {
	t.count++
	if i, ok := t.index[s]; ok {
		return i
	}
	t.index[s] = len(t.list)
	t.list = append(t.list, s)
	return len(t.list) - 1
}

func (t *sharedStrings) xml() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, xmlHead+`<sst xmlns="%s" count="%d" uniqueCount="%d">`, nsMain, t.count, len(t.list))
	for _, s := range t.list {
		b.WriteString(`<si><t xml:space="preserve">` + esc(s) + `</t></si>`)
	}
	b.WriteString(`</sst>`)
	return []byte(b.String())
}

// stylesXML writes the fonts, fills, borders and cell formats of the
// styles, and the conditional formats.
func (wb *Workbook) stylesXML() []byte {
	var fonts, fills, borders []string
	index := func(list *[]string, x string) int {
		if i := slices.Index(*list, x); i >= 0 {
			return i
		}
		*list = append(*list, x)
		return len(*list) - 1
	}
	fills = []string{`<fill><patternFill patternType="none"/></fill>`, `<fill><patternFill patternType="gray125"/></fill>`}
	var xfs strings.Builder
	for _, st := range wb.styles {
		font := index(&fonts, fontXML(st.Bold, st.Size, st.Color, true))
		fill := 0
		if st.Fill != "" {
			fill = index(&fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF`+st.Fill+`"/><bgColor indexed="64"/></patternFill></fill>`)
		}
		border := `<border><left/><right/><top/><bottom/><diagonal/></border>`
		if st.Rule != "" {
			border = `<border><left/><right/><top/><bottom style="thin"><color rgb="FF` + st.Rule + `"/></bottom><diagonal/></border>`
		}
		bd := index(&borders, border)
		fmt.Fprintf(&xfs, `<xf numFmtId="0" fontId="%d" fillId="%d" borderId="%d" xfId="0"`, font, fill, bd)
		if st.quote {
			xfs.WriteString(` quotePrefix="1"`)
		}
		if font > 0 {
			xfs.WriteString(` applyFont="1"`)
		}
		if fill > 0 {
			xfs.WriteString(` applyFill="1"`)
		}
		if bd > 0 {
			xfs.WriteString(` applyBorder="1"`)
		}
		if st.Wrap || st.VAlign != "" {
			xfs.WriteString(` applyAlignment="1"><alignment`)
			if st.VAlign != "" {
				xfs.WriteString(` vertical="` + st.VAlign + `"`)
			}
			if st.Wrap {
				xfs.WriteString(` wrapText="1"`)
			}
			xfs.WriteString(`/></xf>`)
		} else {
			xfs.WriteString(`/>`)
		}
	}
	var b strings.Builder
	b.WriteString(xmlHead + `<styleSheet xmlns="` + nsMain + `">`)
	fmt.Fprintf(&b, `<fonts count="%d">%s</fonts>`, len(fonts), strings.Join(fonts, ""))
	fmt.Fprintf(&b, `<fills count="%d">%s</fills>`, len(fills), strings.Join(fills, ""))
	fmt.Fprintf(&b, `<borders count="%d">%s</borders>`, len(borders), strings.Join(borders, ""))
	b.WriteString(`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(&b, `<cellXfs count="%d">%s</cellXfs>`, len(wb.styles), xfs.String())
	b.WriteString(`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`)
	fmt.Fprintf(&b, `<dxfs count="%d">`, len(wb.formats))
	for _, f := range wb.formats {
		b.WriteString(`<dxf>` + fontXML(f.Bold, 0, f.Color, false))
		if f.Fill != "" {
			b.WriteString(`<fill><patternFill patternType="solid"><fgColor rgb="FF` + f.Fill + `"/><bgColor rgb="FF` + f.Fill + `"/></patternFill></fill>`)
		}
		b.WriteString(`</dxf>`)
	}
	b.WriteString(`</dxfs></styleSheet>`)
	return []byte(b.String())
}

// fontXML writes a font; a whole font (not a conditional format's) names
// its size and face.
func fontXML(bold bool, size float64, color string, whole bool) string {
	var b strings.Builder
	b.WriteString(`<font>`)
	if bold {
		b.WriteString(`<b/>`)
	}
	if whole {
		if size == 0 {
			size = 11
		}
		b.WriteString(`<sz val="` + strconv.FormatFloat(size, 'f', -1, 64) + `"/>`)
	}
	if color != "" {
		b.WriteString(`<color rgb="FF` + color + `"/>`)
	}
	if whole {
		b.WriteString(`<name val="Calibri"/><family val="2"/>`)
	}
	b.WriteString(`</font>`)
	return b.String()
}

func (p Props) coreXML() []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, e := range []struct{ tag, value string }{
		{"dc:title", p.Title}, {"dc:subject", p.Subject}, {"dc:creator", p.Creator}, {"cp:keywords", p.Keywords},
		{"dc:description", p.Description}, {"cp:lastModifiedBy", p.LastModifiedBy},
	} {
		if e.value != "" {
			b.WriteString(`<` + e.tag + `>` + esc(e.value) + `</` + e.tag + `>`)
		}
	}
	if p.Created != "" {
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + esc(p.Created) + `</dcterms:created>`)
	}
	if p.Modified != "" {
		b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + esc(p.Modified) + `</dcterms:modified>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return []byte(b.String())
}

// drawing places the sheet's charts.
func (s *Sheet) drawing() []byte {
	var b strings.Builder
	b.WriteString(xmlHead + `<xdr:wsDr xmlns:xdr="` + nsXdr + `" xmlns:a="` + nsDrawing + `">`)
	for i, c := range s.charts {
		fmt.Fprintf(&b, `<xdr:oneCellAnchor><xdr:from><xdr:col>%d</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>%d</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`, c.col-1, c.row-1)
		fmt.Fprintf(&b, `<xdr:ext cx="%d" cy="%d"/>`, c.chart.Width*emuPerPx, c.chart.Height*emuPerPx)
		fmt.Fprintf(&b, `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="%d" name="Chart %d" descr="%s"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`, i+2, i+1, esc(c.chart.AltText))
		b.WriteString(`<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>`)
		fmt.Fprintf(&b, `<a:graphic><a:graphicData uri="%s"><c:chart xmlns:c="%s" xmlns:r="%s" r:id="rId%d"/></a:graphicData></a:graphic>`, nsChart, nsChart, nsRel, i+1)
		b.WriteString(`</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`)
	}
	b.WriteString(`</xdr:wsDr>`)
	return []byte(b.String())
}

// palette colours series that name no colour: NHS Blue, NHS Light Blue,
// NHS Dark Blue, NHS Mid Grey and NHS Aqua Green.
var palette = []string{"005EB8", "41B6E6", "003087", "768692", "00A499"}

// line is the shape properties of a thin line of a colour.
func line(color string) string {
	return `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="` + color + `"/></a:solidFill></a:ln></c:spPr>`
}

// xml writes the chart: a bar chart with a title and a legend below.
func (c Chart) xml() []byte {
	dir, grouping, overlap := "col", "clustered", ""
	catPos, valPos := "b", "l"
	if c.Kind != Column {
		dir, catPos, valPos = "bar", "l", "b"
	}
	if c.Kind == StackedBar {
		grouping, overlap = "stacked", `<c:overlap val="100"/>`
	}
	var b strings.Builder
	b.WriteString(xmlHead + `<c:chartSpace xmlns:c="` + nsChart + `" xmlns:a="` + nsDrawing + `" xmlns:r="` + nsRel + `">`)
	b.WriteString(`<c:roundedCorners val="0"/><c:chart>`)
	b.WriteString(`<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:t>` + esc(c.Title) + `</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`)
	b.WriteString(`<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>`)
	b.WriteString(`<c:barChart><c:barDir val="` + dir + `"/><c:grouping val="` + grouping + `"/><c:varyColors val="0"/>`)
	for i, s := range c.Series {
		fmt.Fprintf(&b, `<c:ser><c:idx val="%d"/><c:order val="%d"/><c:tx><c:strRef><c:f>%s</c:f></c:strRef></c:tx>`, i, i, esc(s.Name))
		fill := s.Fill
		if fill == "" {
			fill = palette[i%len(palette)]
		}
		b.WriteString(`<c:spPr><a:solidFill><a:srgbClr val="` + fill + `"/></a:solidFill></c:spPr>`)
		b.WriteString(`<c:invertIfNegative val="0"/>`)
		b.WriteString(`<c:cat><c:strRef><c:f>` + esc(s.Categories) + `</c:f></c:strRef></c:cat>`)
		b.WriteString(`<c:val><c:numRef><c:f>` + esc(s.Values) + `</c:f></c:numRef></c:val></c:ser>`)
	}
	b.WriteString(`<c:gapWidth val="150"/>` + overlap + `<c:axId val="1"/><c:axId val="2"/></c:barChart>`)
	b.WriteString(`<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="` + catPos + `"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/>` + line("768692") + `<c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`)
	b.WriteString(`<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="` + valPos + `"/><c:majorGridlines>` + line("D9D9D9") + `</c:majorGridlines><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/>` + line("768692") + `<c:crossAx val="1"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`)
	b.WriteString(`</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`)
	return []byte(b.String())
}
