package validate

import (
	"testing"
	"unicode"
)

// hidden, written out for speed, is exactly what its comment says:
// Unicode's control characters and bidirectional controls, and the line
// and paragraph separators, but line breaks and tabs.
func TestHiddenIsUnicodes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r != '\n' && r != '\t' && r != '\r' &&
			(unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029')
		if got := hidden(r); got != want {
			t.Fatalf("hidden(%U) = %v, want %v", r, got, want)
		}
	}
	if i := hiddenAt("plain text, then \u202ereversed"); i != 17 {
		t.Errorf("hiddenAt = %d, want 17", i)
	}
}
