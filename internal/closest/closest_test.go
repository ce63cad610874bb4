package closest

import (
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	statuses := []string{"not-reported", "planned", "in-progress", "at-risk", "off-track", "done", "dropped"}
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"donee", "done", true},
		{"Done", "done", true},
		{"inprogress", "in-progress", true},
		{"plannde", "planned", true},
		{"complete", "", false},
		{"x", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got, ok := Match(tt.word, statuses)
			if ok != tt.ok || (ok && got != tt.want) {
				t.Errorf("Match(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestAll(t *testing.T) {
	if got := All("QJH", []string{"QJ2", "QE1", "QJG"}); len(got) != 2 || got[0] != "QJ2" || got[1] != "QJG" {
		t.Errorf("All(QJH) = %v, want [QJ2 QJG]", got)
	}
	if got := All("zzzz", []string{"QJ2"}); got != nil {
		t.Errorf("All(zzzz) = %v, want none", got)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"statsu", "status", 1}, {"naem", "name", 1},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// A "did you mean" runs on every misspelt value of a file: for words it
// allocates nothing (issue 16: 100,000 findings spent 150 MB here).
func TestDistanceAllocatesNothing(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = Distance("in-progres", "not-reported") }); n != 0 {
		t.Errorf("Distance allocates %v times a call, want 0", n)
	}
	if got := Distance(strings.Repeat("a", 40)+"x", strings.Repeat("a", 40)+"y"); got != 1 {
		t.Errorf("long words: %d, want 1", got)
	}
}
