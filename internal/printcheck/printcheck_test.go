package printcheck

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestParseSection(t *testing.T) {
	tests := []struct {
		section     string
		numbers     bool
		text        string
		matches     []string // printed texts the pattern must find
		page, total string   // what it reads from matches[0]
		misses      []string
	}{
		{section: "Page &P of &N", numbers: true, text: "Page &P of &N",
			matches: []string{"Page 3 of 9", "x Page 3 of 9 y", "Page3of9"}, page: "3", total: "9",
			misses: []string{"Page 3", "page 3 of 9", "3 of 9"}},
		{section: `&"Arial,Bold"&9Page &P of &N`, numbers: true, text: "Page &P of &N",
			matches: []string{"Page 12 of 40"}, page: "12", total: "40"},
		{section: "&KFF0000&BPage &P&B/&N", numbers: true, text: "Page &P/&N",
			matches: []string{"Page 2/5", "Page 2 /5"}, page: "2", total: "5"},
		{section: "&A: page &P", numbers: true, text: "&A: page &P",
			matches: []string{"Objectives: page 4"}, page: "4", total: ""},
		{section: "&P", numbers: true, text: "&P", matches: []string{"7"}, page: "7"},
		{section: "Draft &D", numbers: false},
		{section: "Q&&A &&P", numbers: false},
		{section: "", numbers: false},
		{section: "Ends with &", numbers: false},
	}
	for _, tt := range tests {
		t.Run(tt.section, func(t *testing.T) {
			n, ok := parseSection(tt.section)
			if ok != tt.numbers {
				t.Fatalf("numbers the pages: got %v, want %v", ok, tt.numbers)
			}
			if !ok {
				return
			}
			if n.text != tt.text {
				t.Errorf("text: got %q, want %q", n.text, tt.text)
			}
			for i, m := range tt.matches {
				got := n.pattern.FindStringSubmatch(m)
				if got == nil {
					t.Errorf("%s does not match %q", n.pattern, m)
					continue
				}
				if i > 0 {
					continue
				}
				if tt.page != "" && got[n.page] != tt.page {
					t.Errorf("page in %q: got %q, want %q", m, got[n.page], tt.page)
				}
				if tt.total != "" && (n.total < 0 || got[n.total] != tt.total) {
					t.Errorf("total in %q: got group %d of %q, want %q", m, n.total, got, tt.total)
				}
			}
			for _, m := range tt.misses {
				if n.pattern.MatchString(m) {
					t.Errorf("%s matches %q, want no match", n.pattern, m)
				}
			}
		})
	}
}

func TestPageNumbers(t *testing.T) {
	hf := &excelize.HeaderFooterOptions{
		OddHeader: "&LICB&RPage &P", OddFooter: "&CPage &P of &N",
		DifferentFirst: true, FirstFooter: "&CCover",
		DifferentOddEven: true, EvenFooter: "&L&P",
	}
	tests := []struct {
		page int
		want []string
	}{
		{1, nil},
		{2, []string{"&P"}},
		{3, []string{"Page &P", "Page &P of &N"}},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range pageNumbers(hf, tt.page) {
			got = append(got, n.text)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("page %d: got %q, want %q", tt.page, got, tt.want)
		}
	}
	if got := pageNumbers(nil, 1); got != nil {
		t.Errorf("no header or footer: got %v, want none", got)
	}
}

func TestFirstTitleRow(t *testing.T) {
	tests := []struct {
		ref  string
		want int
	}{
		{"'Objectives'!$1:$1", 1},
		{"Objectives!$3:$4", 3},
		{"'Objectives'!$A:$A,'Objectives'!$2:$2", 2},
		{"'Objectives'!$A:$B", 0},
		{"'Objectives'!$A$1:$B$2", 0},
	}
	for _, tt := range tests {
		if got := firstTitleRow(tt.ref); got != tt.want {
			t.Errorf("firstTitleRow(%q): got %d, want %d", tt.ref, got, tt.want)
		}
	}
}

// line lays words out left to right from x at top y, 11 pt (boxes 14.3 pt
// high), as pdftotext would give them.
func line(x, y float64, text string) []word {
	var words []word
	for _, w := range strings.Fields(text) {
		width := 6 * float64(len(w))
		words = append(words, word{xMin: x, yMin: y, xMax: x + width, yMax: y + 14.3, text: w})
		x += width + 3
	}
	return words
}

func TestFindRow(t *testing.T) {
	header := []string{"ID", "Public involvement body", "Self-assessments", "Status"}
	var wrapped []word
	// Two wrapped cells side by side, in the order pdftotext reads them:
	// line by line across the cells, a word broken by a narrow column.
	wrapped = append(wrapped, line(50, 70, "ID")...)
	wrapped = append(wrapped, line(100, 56, "Public")...)
	wrapped = append(wrapped, line(200, 56, "Self-")...)
	wrapped = append(wrapped, line(100, 70, "involvement")...)
	wrapped = append(wrapped, line(200, 70, "assessmen")...)
	wrapped = append(wrapped, line(100, 84, "body")...)
	wrapped = append(wrapped, line(200, 84, "ts")...)
	wrapped = append(wrapped, line(300, 70, "Status")...)
	wrapped = append(wrapped, line(50, 100, "X-01 The board green")...)

	var bodyOnly []word
	bodyOnly = append(bodyOnly, line(50, 70, "X-40 The board's Status report")...)
	bodyOnly = append(bodyOnly, line(50, 300, "X-41 ID cards for every Self-assessments")...)

	tests := []struct {
		name  string
		words []word
		want  []string
	}{
		{"one line", append(line(50, 60, "ID Public involvement body Self-assessments Status"), line(50, 80, "X-01 green")...), nil},
		{"wrapped side by side", wrapped, nil},
		{"header words scattered in the body", bodyOnly, []string{"Public involvement body", "Status"}},
		{"no header", line(50, 60, "X-41 An objective green"), header},
		{"a cell cut short", line(50, 60, "ID Public involvement Self-assessments Status"), []string{"Public involvement body"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := newPageText(page{words: tt.words}).findRow(header)
			var got []string
			for i, f := range found {
				if !f {
					got = append(got, header[i])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("missing: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCheckHeader(t *testing.T) {
	grades := sheet{
		name: "Grades", header: []string{"ICB", "framework", "missing", "stated"}, headerRow: 1, fitWidth: true,
		body: [][]string{{"L&SC", "nhse-2022", "0", "2"}, {"MSE", "nhse-2022", "1", "3"}},
	}
	// A row whose first cell wraps over six lines, beside one aligned to
	// the bottom: their first lines are 70 pt apart, their last level.
	var bottomAligned []word
	for i, w := range strings.Fields("one two three four five six") {
		bottomAligned = append(bottomAligned, line(50, 80+14*float64(i), w)...)
	}
	bottomAligned = append(bottomAligned, line(150, 150, "L&SC")...)
	tests := []struct {
		name  string
		words []word
		sheet sheet
		want  string
	}{
		{"header and rows", append(line(50, 60, "ICB framework missing stated"), line(50, 80, "L&SC nhse-2022 0 2")...), grades, ""},
		{"rows without header", line(50, 80, "MSE nhse-2022 1 3"), grades,
			"no header row (expected 'ICB', 'framework', 'missing', 'stated'); the sheet repeats no rows on its pages (set print titles: _xlnm.Print_Titles)"},
		{"a header cell missing", append(line(50, 60, "ICB framework missing"), line(50, 80, "L&SC nhse-2022 0 2")...), grades,
			"header row without 'stated' (expected 'ICB', 'framework', 'missing', 'stated')"},
		// A chart on a page of its own: the legend and the axis labels come
		// from the same cells, the ICBs' names and counts level with each
		// other, but no row's two lettered cells.
		{"a chart", append(line(50, 60, "missing stated"), line(50, 300, "0 2 4 L&SC MSE")...), grades, ""},
		{"columns split over pages", append(line(50, 60, "ICB framework"), line(50, 80, "L&SC nhse-2022")...),
			sheet{name: "Grades", header: grades.header, headerRow: 1, body: grades.body, titles: true}, ""},
		{"rows of cells level at their last lines", bottomAligned,
			sheet{name: "Wrapped", header: []string{"Objective", "ICB"}, headerRow: 1, fitWidth: true, titles: true,
				body: [][]string{{"one two three four five six", "L&SC"}}},
			"no header row (expected 'Objective', 'ICB')"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checkHeader(newPageText(page{words: tt.words}), tt.sheet); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAnalyse(t *testing.T) {
	a4 := func(words ...[]word) page {
		p := page{width: 841.89, height: 595.28}
		for _, w := range words {
			p.words = append(p.words, w...)
		}
		return p
	}
	objectives := sheet{
		name: "Objectives", header: []string{"ID", "Title"}, headerRow: 1, titles: true, fitWidth: true,
		body:         [][]string{{"X-01", "First"}, {"X-30", "Thirtieth"}, {"X-60", "Sixtieth"}},
		headerFooter: &excelize.HeaderFooterOptions{OddFooter: "&CPage &P of &N"},
	}
	doc := document{
		pages: []page{
			a4(line(50, 60, "Summary text")),
			a4(line(50, 60, "ID Title"), line(50, 80, "X-01 First"), line(400, 550, "Page 2 of 5")),
			a4(line(50, 80, "X-30 Thirtieth"), line(400, 550, "Page 3 of 5")),
			a4(line(50, 60, "ID Title"), line(50, 80, "X-60 Sixtieth")),
			{width: 595.28, height: 841.89, words: append(line(50, 60, "ID Title"), line(400, 550, "Page 4 of 5")...)},
		},
		bookmarks: []bookmark{{"Summary", 1}, {"Objectives", 2}},
	}
	small := doc.pages[0].words[1]
	small.yMax = small.yMin + 1.3*6.1
	doc.pages[0].words[1] = small

	report, err := analyse([]sheet{{name: "Summary", header: []string{"Summary"}, headerRow: 1}, objectives}, doc, 1.3, 9)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range report.Problems {
		got = append(got, p.Kind.String()+": "+p.String())
	}
	want := []string{
		`small text: Summary, page 1 of 1 (PDF page 1): text at 6.1 pt, under 9 pt (1 of 2 words under 9 pt, such as "text")`,
		`no header row: Objectives, page 2 of 4 (PDF page 3): no header row (expected 'ID', 'Title')`,
		`no page number: Objectives, page 3 of 4 (PDF page 4): no page number: the header or footer says "Page &P of &N"`,
		`paper: Objectives, page 4 of 4 (PDF page 5): printed on 210 x 297 mm paper (portrait), want A4 landscape (297 x 210 mm)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\ngot\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if report.Pages != 5 || report.SmallestText < 6.09 || report.SmallestText > 6.11 {
		t.Errorf("report: got %d pages, smallest %.2f pt, want 5 pages, 6.1 pt", report.Pages, report.SmallestText)
	}

	// Numbers out of sequence.
	doc.pages[3] = a4(line(50, 60, "ID Title"), line(400, 550, "Page 7 of 5"))
	report, _ = analyse([]sheet{objectives}, document{pages: doc.pages[1:4], bookmarks: []bookmark{{"Objectives", 1}}}, 1.3, 9)
	got = nil
	for _, p := range report.Problems {
		got = append(got, p.Message)
	}
	want = []string{
		"no header row (expected 'ID', 'Title')",
		`numbered 7 after 3 on the page before ("Page 7 of 5")`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\ngot\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSpans(t *testing.T) {
	pages := make([]page, 6)
	a, b, c := sheet{name: "A"}, sheet{name: "B"}, sheet{name: "C"}
	tests := []struct {
		name      string
		sheets    []sheet
		bookmarks []bookmark
		want      string
		wantErr   bool
	}{
		{"by bookmarks", []sheet{a, b, c}, []bookmark{{"A", 1}, {"B", 3}, {"C", 6}}, "A 1-2, B 3-5, C 6-6", false},
		{"a sheet that prints nothing", []sheet{a, b, c}, []bookmark{{"A", 1}, {"C", 2}}, "A 1-1, C 2-6", false},
		{"one sheet, no outline", []sheet{a}, nil, "A 1-6", false},
		{"sheets, no outline", []sheet{a, b}, nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := spans(tt.sheets, document{pages: pages, bookmarks: tt.bookmarks})
			if (err != nil) != tt.wantErr {
				t.Fatalf("error: got %v, want error %v", err, tt.wantErr)
			}
			var s []string
			for _, sp := range got {
				s = append(s, fmt.Sprintf("%s %d-%d", sp.sheet.name, sp.first, sp.last))
			}
			if strings.Join(s, ", ") != tt.want {
				t.Errorf("got %q, want %q", strings.Join(s, ", "), tt.want)
			}
		})
	}
}
