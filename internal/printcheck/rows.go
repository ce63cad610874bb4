package printcheck

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
)

// pageText is a page's words with their keys: their text without spaces,
// which is how a cell's text is matched to them.
type pageText struct {
	words []word
	keys  []string
}

func newPageText(p page) pageText {
	keys := make([]string, len(p.words))
	for i, w := range p.words {
		keys[i] = squash(w.text)
	}
	return pageText{p.words, keys}
}

// squash is text without its spaces, as words run together.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// checkHeader says what is missing of the sheet's header row on the page,
// if anything. A page that shows none of the sheet's rows (a chart on a
// page of its own) needs no header row.
func checkHeader(t pageText, s sheet) string {
	if len(s.header) == 0 {
		return ""
	}
	found := t.findRow(s.header)
	var missing []string
	for i, cell := range s.header {
		if !found[i] {
			missing = append(missing, cell)
		}
	}
	switch {
	case len(missing) == 0:
		return ""
	case !s.fitWidth && len(missing) < len(s.header):
		return "" // LibreOffice may print the other columns on other pages
	case !t.carriesRows(s.body):
		return ""
	}
	expected := quoteList(s.header, 4)
	if 2*len(missing) <= len(s.header) {
		return fmt.Sprintf("header row without %s (expected %s)", quoteList(missing, 4), expected)
	}
	why := ""
	if !s.titles {
		why = "; the sheet repeats no rows on its pages (set print titles: _xlnm.Print_Titles)"
	}
	return fmt.Sprintf("no header row (expected %s)%s", expected, why)
}

// quoteList is "'ID', 'Title', 'Status'", with at most n items before "...".
func quoteList(items []string, n int) string {
	var quoted []string
	for i, it := range items {
		if i == n {
			quoted = append(quoted, "...")
			break
		}
		quoted = append(quoted, "'"+it+"'")
	}
	return strings.Join(quoted, ", ")
}

// carriesRows reports whether the page shows one of the rows: two of its
// cells with letters in them (one, if it has only one) found side by side.
// Numbers are left out, and a single cell is not enough, because a chart
// prints its axis labels (the ICBs' names, counts) from the same cells.
func (t pageText) carriesRows(rows [][]string) bool {
	for _, row := range rows {
		var lettered []string
		for _, cell := range row {
			if strings.IndexFunc(cell, unicode.IsLetter) >= 0 {
				lettered = append(lettered, cell)
			}
		}
		if len(lettered) == 0 {
			continue
		}
		n := 0
		for _, f := range t.findRow(lettered) {
			if f {
				n++
			}
		}
		if n >= min(2, len(lettered)) {
			return true
		}
	}
	return false
}

// rowBand is how far apart, in box heights, a row's cells may be: cells
// aligned alike (their first lines, their last lines or their middles)
// are level; this allows for a wrapped cell beside one aligned otherwise.
const rowBand = 3.5

// findRow finds a row's cells on the page: found[i] is true when cell i is
// spelled by the page's words in the band of the page where most of the
// cells are found together.
func (t pageText) findRow(cells []string) (found []bool) {
	type hit struct {
		cell                     int
		top, bottom, mid, height float64
	}
	var hits []hit
	for ci, cell := range cells {
		want := squash(cell)
		for i, key := range t.keys {
			if key == "" || !strings.HasPrefix(want, key) {
				continue
			}
			if ok, bottom := t.spells([]int{i}, key, want); ok {
				w := t.words[i]
				hits = append(hits, hit{ci, w.yMin, bottom, (w.yMin + bottom) / 2, w.yMax - w.yMin})
			}
		}
	}
	found = make([]bool, len(cells))
	best := 0
	for _, anchor := range hits {
		in := make([]bool, len(cells))
		n := 0
		band := rowBand * anchor.height
		for _, h := range hits {
			level := math.Abs(h.top-anchor.top) <= band || math.Abs(h.bottom-anchor.bottom) <= band || math.Abs(h.mid-anchor.mid) <= band
			if !in[h.cell] && level {
				in[h.cell] = true
				n++
			}
		}
		if n > best {
			found, best = in, n
		}
	}
	return found
}

// spells reports whether the chain of words (indexes), which spells got,
// can be carried on to spell want as a cell's text reads: along its line,
// then on the line below within the cell's columns; and where the last
// line ends. pdftotext's own order cannot be used: it runs the lines of
// cells side by side together.
func (t pageText) spells(chain []int, got, want string) (bool, float64) {
	last, first := t.words[chain[len(chain)-1]], t.words[chain[0]]
	if got == want {
		return true, last.yMax
	}
	h := first.yMax - first.yMin
	left, right := first.xMin, first.xMax
	for _, i := range chain {
		left, right = min(left, t.words[i].xMin), max(right, t.words[i].xMax)
	}
	for i, w := range t.words {
		next := got + t.keys[i]
		if t.keys[i] == "" || !strings.HasPrefix(want, next) || slices.Contains(chain, i) {
			continue
		}
		sameLine := math.Abs(w.yMin-last.yMin) < 0.25*h && w.xMin >= last.xMax-0.1*h && w.xMin-last.xMax < 1.2*h
		below := w.yMin-last.yMin > 0.5*h && w.yMin-last.yMin < 1.7*h && w.xMin >= left-h && w.xMin <= right
		if !sameLine && !below {
			continue
		}
		if ok, bottom := t.spells(append(chain[:len(chain):len(chain)], i), next, want); ok {
			return true, bottom
		}
	}
	return false, 0
}
