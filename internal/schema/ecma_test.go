package schema

import "testing"

// TestPatternsAreECMA checks that patterns give the verdicts of ECMA-262
// (what ajv and VS Code run), not Go's: \s is every Unicode space, and .
// stops at every line terminator.
func TestPatternsAreECMA(t *testing.T) {
	for _, tc := range []struct {
		pattern, text string
		match         bool
	}{
		{`^https?://[^\s]+$`, "https://example.org/a", true},
		{`^https?://[^\s]+$`, "https://example.org/a b", false},
		{`^https?://[^\s]+$`, "https://example.org/a\u00a0b", false}, // non-breaking space
		{`^https?://[^\s]+$`, "https://example.org/a\u2003b", false}, // em space
		{`^https?://[^\s]+$`, "https://example.org/a\ufeffb", false}, // byte order mark
		{`^\S+$`, "a\u00a0b", false},
		{`^\S+$`, "ab", true},
		{`^a\sb$`, "a\u3000b", true},
		{`^(/.*)?$`, "/objectives/0", true},
		{`^(/.*)?$`, "/a\u2028b", false}, // . stops at a line separator
		{`^[0-9]{4}/[0-9]{2}$`, "2023/24", true},
		{`^[.]$`, ".", true},
	} {
		re, err := compilePattern(tc.pattern)
		if err != nil {
			t.Fatalf("compilePattern(%q): %v", tc.pattern, err)
		}
		if got := re.MatchString(tc.text); got != tc.match {
			t.Errorf("%q on %q = %v, want %v (ECMA-262)", tc.pattern, tc.text, got, tc.match)
		}
	}
}

// TestPatternsRefused checks that what cannot be given the ECMA verdict is
// refused rather than checked differently.
func TestPatternsRefused(t *testing.T) {
	for _, p := range []string{`[\S]`, `\p{L}`, `\u00a0`, `(a)\1`, `(?=a)`, `[]a]`, `\cA`} {
		if _, err := compilePattern(p); err == nil {
			t.Errorf("compilePattern(%q) = nil error, want a refusal", p)
		}
	}
}
