package rootcmd

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/safetext"
)

// TestHelpFits lays every command's help out at several widths: no line
// is wider than the window (unless it is one word that no line could
// hold, such as a quoted argument of an example, which cannot be broken
// without changing the command), and no word is lost, added or broken:
// the words are the help's words (an example's comment may move above
// it), less the backslashes that continue a wrapped example.
func TestHelpFits(t *testing.T) {
	f, _ := factory()
	root := NewCmdRoot(f)
	all := append([]*cobra.Command{root}, commands(root)...)
	for _, c := range all {
		want := helpWords(Help(c, 10000, plainText))
		slices.Sort(want)
		for _, width := range []int{40, 60, 80, 120} {
			got := Help(c, width, plainText)
			for _, line := range strings.Split(got, "\n") {
				if safetext.Width(line) > width && len(shellWords(strings.TrimSuffix(line, ` \`))) > 1 {
					t.Errorf("%s --help at %d columns: %q is %d columns", c.CommandPath(), width, line, safetext.Width(line))
				}
			}
			words := helpWords(got)
			slices.Sort(words)
			if !slices.Equal(words, want) {
				t.Errorf("%s --help at %d columns has other words than unwrapped:\n%v\nwant\n%v", c.CommandPath(), width, words, want)
			}
		}
	}
}

// TestHelpUnwrapped checks that help laid out wider than any line is
// cobra's own help, word for word.
func TestHelpUnwrapped(t *testing.T) {
	f, _ := factory()
	root := NewCmdRoot(f)
	for _, c := range append([]*cobra.Command{root}, commands(root)...) {
		var b strings.Builder
		c.SetOut(&b)
		if err := c.Help(); err != nil { // not a terminal: cobra's help
			t.Fatal(err)
		}
		if got, want := helpWords(Help(c, 10000, plainText)), helpWords(b.String()); !slices.Equal(got, want) {
			t.Errorf("%s: help at any width says\n%v\nbut cobra's says\n%v", c.CommandPath(), got, want)
		}
	}
}

func helpWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if w != `\` {
			out = append(out, w)
		}
	}
	return out
}

func plainText(s string) string { return s }
