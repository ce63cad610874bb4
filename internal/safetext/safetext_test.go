package safetext

import (
	"strings"
	"testing"
)

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
		{"日本語の文章", 7, "日本語…"},
		{"anything", 0, ""},
	} {
		if got := Truncate(tc.in, tc.n); got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestShown(t *testing.T) {
	in := "a\u202eb\u2066c\u200fd\x1b[0me\nf<script>"
	if got, want := Shown(in), "abcd[0me f<script>"; got != want {
		t.Errorf("Shown(%q) = %q, want %q", in, got, want)
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

func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"plain", 5},
		{"\x1b[1;31mred\x1b[0m", 3},
		{"◑ delivering", 12},
		{"日本", 4},
		{"é", 1},
	} {
		if got := Width(tc.in); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  []string
	}{
		{"fits", 10, []string{"fits"}},
		{"", 10, []string{""}},
		{"no limit at all here", 0, []string{"no limit at all here"}},
		{"the quick brown fox jumps", 10, []string{"the quick", "brown fox", "jumps"}},
		{"exactly ten", 11, []string{"exactly ten"}},
		{"exactly ten", 10, []string{"exactly", "ten"}},
		{"spaces   between\twords", 40, []string{"spaces between words"}},
		{"see https://example.org/a/long/path now", 12, []string{"see", "https://example.org/a/long/path", "now"}},
		{"日本語の文章です", 6, []string{"日本語", "の文章", "です"}},
		{"naïve café résumé", 11, []string{"naïve café", "résumé"}},
		{"grades: ✗ missing, ○ stated", 16, []string{"grades:", "✗ missing,", "○ stated"}},
		{"from planned → done", 14, []string{"from planned", "→ done"}},
	} {
		got := Wrap(tc.in, tc.width)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
		for _, line := range got {
			if tc.width > 0 && Width(line) > tc.width && strings.Contains(line, " ") {
				t.Errorf("Wrap(%q, %d): line %q is %d columns", tc.in, tc.width, line, Width(line))
			}
		}
	}
}

func TestPad(t *testing.T) {
	if got := Pad("日本", 6); got != "日本  " {
		t.Errorf("Pad = %q, want %q", got, "日本  ")
	}
	if got := Pad("toolong", 3); got != "toolong" {
		t.Errorf("Pad = %q, want %q", got, "toolong")
	}
}
