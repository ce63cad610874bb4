package printcheck

import (
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// pageNumber is a header or footer section that numbers the pages, such as
// "&CPage &P of &N": what a reader should find on each printed page.
type pageNumber struct {
	// text is the section as a person reads it: "Page &P of &N".
	text string
	// pattern matches the printed section; its groups are the page number
	// and the number of pages, -1 for one the section does not show.
	pattern     *regexp.Regexp
	page, total int
}

// pageNumbers is the sections of a sheet's header and footer that number
// the page as LibreOffice prints its kth page (from 1): the first page's
// own header and footer when the sheet sets different ones, the even
// pages' on every second page.
func pageNumbers(hf *excelize.HeaderFooterOptions, k int) []pageNumber {
	if hf == nil {
		return nil
	}
	header, footer := hf.OddHeader, hf.OddFooter
	switch {
	case hf.DifferentFirst && k == 1:
		header, footer = hf.FirstHeader, hf.FirstFooter
	case hf.DifferentOddEven && k%2 == 0:
		header, footer = hf.EvenHeader, hf.EvenFooter
	}
	var numbers []pageNumber
	for _, s := range append(sections(header), sections(footer)...) {
		if n, ok := parseSection(s); ok {
			numbers = append(numbers, n)
		}
	}
	return numbers
}

// sections splits a header or footer into its left, centre and right
// parts (&L, &C, &R), each still with its other codes.
func sections(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s)-1; i++ {
		if s[i] != '&' {
			continue
		}
		switch s[i+1] {
		case 'L', 'C', 'R':
			parts = append(parts, s[start:i])
			start = i + 2
			i++
		default:
			i++ // && and every other code: skip the character after &
		}
	}
	parts = append(parts, s[start:])
	var nonEmpty []string
	for _, p := range parts {
		if p != "" {
			nonEmpty = append(nonEmpty, p)
		}
	}
	return nonEmpty
}

// parseSection turns a section's codes into a pattern for its printed
// text, if it numbers the pages (&P or &N). The codes are Excel's
// (ECMA-376 part 1, 18.3.1.39 headerFooter): formatting ones (&B, &"font",
// &9, &K color) print nothing, the fields other than the page numbers
// (&D, &T, &F, &A, &Z, &G) print text this check does not predict, && is
// an ampersand.
func parseSection(s string) (pageNumber, bool) {
	var text, pattern strings.Builder
	n := pageNumber{page: -1, total: -1}
	group := 0
	literal := func(lit string) {
		text.WriteString(lit)
		for i, word := range strings.Fields(lit) {
			if i > 0 || pattern.Len() > 0 {
				pattern.WriteString(`\s*`)
			}
			pattern.WriteString(regexp.QuoteMeta(word))
		}
	}
	field := func(code, re string) {
		text.WriteString(code)
		if pattern.Len() > 0 {
			pattern.WriteString(`\s*`)
		}
		pattern.WriteString(re)
	}
	for i := 0; i < len(s); {
		if s[i] != '&' || i == len(s)-1 {
			end := len(s)
			if j := strings.IndexByte(s[i+1:], '&'); j >= 0 {
				end = i + 1 + j
			}
			literal(s[i:end])
			i = end
			continue
		}
		code := s[i+1]
		i += 2
		switch {
		case code == '&':
			literal("&")
		case code == 'P':
			group++
			n.page = group
			field("&P", `(\d+)`)
		case code == 'N':
			group++
			n.total = group
			field("&N", `(\d+)`)
		case strings.IndexByte("DTFAZG", code) >= 0:
			field("&"+string(code), `.*?`)
		case code == '"': // &"font,style"
			if end := strings.IndexByte(s[i:], '"'); end >= 0 {
				i += end + 1
			} else {
				i = len(s)
			}
		case code >= '0' && code <= '9': // &9: font size
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
		case code == 'K': // &KFF0000: colour
			i = min(i+6, len(s))
		}
		// &B, &I, &U, &E, &S, &X, &Y, &O, &H and unknown codes print nothing.
	}
	if group == 0 {
		return pageNumber{}, false
	}
	n.text = strings.TrimSpace(text.String())
	n.pattern = regexp.MustCompile(pattern.String())
	return n, true
}
