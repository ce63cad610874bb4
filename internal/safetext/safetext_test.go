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
