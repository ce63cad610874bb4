package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/rogpeppe/go-internal/txtar"
)

// screenName is a golden screen's name in a screens_*.txtar scenario:
// NAME-WIDTH.txt, NAME-WIDTH-dark.txt or NAME-WIDTH-light.txt (in colour),
// and NAME-wide.txt, the same screen unwrapped, to check the others by.
var screenName = regexp.MustCompile(`^(.+)-(\d+)(-dark|-light)?\.txt$`)

// TestScreens checks every golden screen of the screens_*.txtar scenarios
// (validate, coverage, status, compare, diff, history, suggest and --help,
// each at 60, 80 and 120 columns): no line is wider than the screen, no
// word is broken across lines, and a colour screen without its colour is
// the plain screen of its width. Widths are counted in display columns
// (go-runewidth, not the width engage lays out by), escape sequences
// ignored.
func TestScreens(t *testing.T) {
	scripts, err := filepath.Glob("testdata/script/screens_*.txtar")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no screens scenarios: %v", err)
	}
	seen := map[string]map[int]bool{}
	for _, script := range scripts {
		a, err := txtar.ParseFile(script)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, f := range a.Files {
			files[f.Name] = string(f.Data)
		}
		for _, f := range a.Files {
			m := screenName.FindStringSubmatch(f.Name)
			if m == nil {
				continue
			}
			name, colour := m[1], m[3] != ""
			width, _ := strconv.Atoi(m[2])
			wide, ok := files[name+"-wide.txt"]
			if !ok {
				t.Errorf("%s: %s has no %s-wide.txt to check it by", script, f.Name, name)
				continue
			}
			screen := string(f.Data)
			if colour {
				if !strings.Contains(screen, "\x1b[") {
					t.Errorf("%s: %s has no colour", script, f.Name)
				}
				plain := files[fmt.Sprintf("%s-%d.txt", name, width)]
				if ansi.Strip(screen) != plain {
					t.Errorf("%s: %s without its colour is not %s-%d.txt: colour changed the layout", script, f.Name, name, width)
				}
			} else if strings.Contains(screen, "\x1b") {
				t.Errorf("%s: %s has escape sequences", script, f.Name)
			}
			for _, problem := range screenProblems(screen, wide, width) {
				t.Errorf("%s: %s: %s", script, f.Name, problem)
			}
			if seen[strings.SplitN(name, "-", 2)[0]] == nil {
				seen[strings.SplitN(name, "-", 2)[0]] = map[int]bool{}
			}
			seen[strings.SplitN(name, "-", 2)[0]][width] = true
		}
	}
	for _, cmd := range []string{"validate", "coverage", "status", "compare", "diff", "history", "suggest", "help"} {
		for _, w := range []int{60, 80, 120} {
			if !seen[cmd][w] {
				t.Errorf("no golden screen of %s at %d columns", cmd, w)
			}
		}
	}
}

// screenProblems lists what is wrong with a screen laid out at width,
// checked against the same screen unwrapped (wide): lines wider than
// width, and words that are not words of the wide screen (a word broken
// across lines leaves pieces that are not), unless cut with "…" from one
// that is.
func screenProblems(screen, wide string, width int) []string {
	words := map[string]bool{}
	for _, w := range strings.Fields(ansi.Strip(wide)) {
		words[w] = true
	}
	var problems []string
	for i, line := range strings.Split(strings.TrimSuffix(ansi.Strip(screen), "\n"), "\n") {
		if n := runewidth.StringWidth(line); n > width {
			problems = append(problems, fmt.Sprintf("line %d is %d columns, wider than %d: %q", i+1, n, width, line))
		}
		for _, w := range strings.Fields(line) {
			if !words[w] && !cutFrom(w, words) && w != `\` {
				problems = append(problems, fmt.Sprintf("line %d: %q is not a word of the unwrapped screen (broken across lines?): %q", i+1, w, line))
			}
		}
	}
	return problems
}

// cutFrom reports whether w is a word cut short with "…" (or "…" left
// alone by a cut): the start of one of words, or, cut at its start (as
// validate cuts a long source line), the end of one.
func cutFrom(w string, words map[string]bool) bool {
	if w == "…" {
		return true
	}
	match := strings.HasPrefix
	part, ok := strings.CutSuffix(w, "…")
	if !ok {
		if part, ok = strings.CutPrefix(w, "…"); !ok {
			return false
		}
		match = strings.HasSuffix
	}
	for full := range words {
		if match(full, part) {
			return true
		}
	}
	return false
}

// TestScreenProblems checks the checker: it finds a line too wide and a
// word broken across lines, and passes a word cut with "…".
func TestScreenProblems(t *testing.T) {
	wide := "objective L1-01 planned The ICB will develop a plan\n"
	for _, tc := range []struct {
		screen string
		width  int
		want   int
	}{
		{"objective L1-01 planned\n  The ICB will develop a plan\n", 30, 0},
		{"objective L1-01 planned The ICB will d…\n", 40, 0},
		{"…L1-01 planned The ICB\n", 40, 0},
		{"objective L1-01 plan\nned The ICB will develop a plan\n", 40, 1},
		{"objective L1-01 planned The ICB will develop a plan\n", 40, 1},
		{"\x1b[1mobjective\x1b[0m L1-01 planned The ICB\n", 31, 0},
		{"日本語 objective L1-01\n", 21, 2},
	} {
		if got := screenProblems(tc.screen, wide, tc.width); len(got) != tc.want {
			t.Errorf("screenProblems(%q) = %q, want %d problems", tc.screen, got, tc.want)
		}
	}
}
