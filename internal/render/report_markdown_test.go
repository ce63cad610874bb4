package render

import "testing"

func TestCellAndTextEscaping(t *testing.T) {
	tests := []struct {
		name, in, cell, text string
	}{
		{"pipe", "a | b", `a \| b`, `a \| b`},
		{"html", "<script>x</script> & co", "&lt;script&gt;x&lt;/script&gt; &amp; co", `\<script\>x\</script\> & co`},
		{"newlines", "one\ntwo\r\nthree", "one two  three", "one two  three"},
		{"emphasis", "*bold* _it_ `code` [l](u)", `\*bold\* \_it\_ \` + "`" + `code\` + "`" + ` \[l\](u)`, `\*bold\* \_it\_ \` + "`" + `code\` + "`" + ` \[l\](u)`},
		{"list marker", "- not a list", "- not a list", `\- not a list`},
		{"heading", "# not a heading", "# not a heading", `\# not a heading`},
		{"address", "see https://example.org/a_b.", "see <https://example.org/a_b>.", `see <https://example.org/a_b>.`},
		{"address in brackets", "(https://example.org/x(1))", "(<https://example.org/x(1)>)", "(<https://example.org/x(1)>)"},
		{"address then pipe", "https://a.example|b", `<https://a.example>\|b`, `<https://a.example>\|b`},
		{"quoted address", `=HYPERLINK("http://x","y")`, `=HYPERLINK("<http://x>","y")`, `=HYPERLINK("<http://x>","y")`},
		{"not an address", "http:// and https", "http:// and https", "http:// and https"},
		{"control characters", "a\x00b\x1bc\u0085d", "abcd", "abcd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cell(tt.in); got != tt.cell {
				t.Errorf("cell(%q) = %q, want %q", tt.in, got, tt.cell)
			}
			if got := text(tt.in); got != tt.text {
				t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.text)
			}
		})
	}
}

func TestTableCompactStyle(t *testing.T) {
	tb := newTable("item", "n").alignRight(1)
	tb.row("a", "1")
	tb.row("", "2")
	want := "| item | n |\n| --- | ---: |\n| a | 1 |\n| | 2 |\n"
	if got := tb.String(); got != want {
		t.Errorf("table = %q, want %q", got, want)
	}
}

func TestAnchor(t *testing.T) {
	for in, want := range map[string]string{
		"Overdue and at risk in full": "#overdue-and-at-risk-in-full",
		"Changes since v2024-review":  "#changes-since-v2024-review",
		"Changes since v1.2 (final)":  "#changes-since-v12-final",
		"What’s new":                  "#whats-new",
	} {
		if got := anchor(in); got != want {
			t.Errorf("anchor(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRoadmapCharts checks the charts' layout on every shipped strategy:
// each objective and milestone with dates in one bar of one chart, at
// most chartBars bars a chart, and each label within the room Mermaid
// gives it on the narrowest screen.
func TestRoadmapCharts(t *testing.T) {
	for name, r := range annualReports(t) {
		want := map[string]bool{}
		for _, sec := range r.Sections {
			for _, row := range sec.Rows {
				if _, _, ok := barDays(row); ok {
					want[row.Kind+"/"+row.ID] = true
				}
			}
		}
		seen := map[string]int{}
		for i, c := range roadmapCharts(r) {
			if len(c.bars) > chartBars {
				t.Errorf("%s chart %d: %d bars, want at most %d", name, i+1, len(c.bars), chartBars)
			}
			for _, b := range c.bars {
				seen[b.row.Kind+"/"+b.row.ID]++
				if w, room := textWidth(c.label(b), chartFont), c.room(b); w > room && c.label(b) != ganttText(b.row.ID)+" "+markdownSymbol(b.row.Status) {
					t.Errorf("%s: the label %q is %.0f px wide, with room for %.0f", name, c.label(b), w, room)
				}
			}
		}
		for k := range want {
			if seen[k] != 1 {
				t.Errorf("%s: %s is in %d bars, want 1", name, k, seen[k])
			}
		}
	}
}
