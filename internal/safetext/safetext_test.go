package safetext

import "testing"

func TestTerminal(t *testing.T) {
	if got := Terminal("a\x1b[31mb\tc\u2028d\ne"); got != "a[31mb c d e" {
		t.Errorf("Terminal = %q, want %q", got, "a[31mb c d e")
	}
}

func TestMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, text, cell string }{
		{"a|b", `a\|b`, `a\|b`},
		{"<script>", `\<script\>`, "&lt;script&gt;"},
		{"line\r\nnext", "line\r\nnext", "line<br>next"},
		{"*bold* [link](x)", `\*bold\* \[link\](x)`, `\*bold\* \[link\](x)`},
	} {
		if got := Markdown(tc.in); got != tc.text {
			t.Errorf("Markdown(%q) = %q, want %q", tc.in, got, tc.text)
		}
		if got := MarkdownCell(tc.in); got != tc.cell {
			t.Errorf("MarkdownCell(%q) = %q, want %q", tc.in, got, tc.cell)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"a longer text", 8, "a longe…"},
		{"ünïcödé", 4, "ünï…"},
	} {
		if got := Truncate(tc.in, tc.n); got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestHTML(t *testing.T) {
	in := "a\u202eb\u2066c\u200fd\x1b[0me\nf<script>"
	if got, want := HTML(in), "abcd[0me f<script>"; got != want {
		t.Errorf("HTML(%q) = %q, want %q", in, got, want)
	}
}

func TestWebLink(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"https://example.org/a?b=c", true},
		{"http://example.org", true},
		{"javascript:alert(1)", false},
		{"JAVASCRIPT:alert(1)", false},
		{"data:text/html,<script>", false},
		{"/relative", false},
		{"https://", false},
		{"https://user:pw@example.org", false},
		{" https://example.org", false},
		{"https://exa mple.org", false},
		{"https://example.org/\u202e", false},
		{"vbscript:msgbox", false},
	}
	for _, tt := range tests {
		if _, got := WebLink(tt.in); got != tt.want {
			t.Errorf("WebLink(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
