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
