package strategy

import (
	"io/fs"
	"testing"

	"github.com/engage-icb/engage/strategies"
)

// seeds are the shipped strategies and a few shapes of broken file.
func seeds(f *testing.F) {
	files, _ := fs.Glob(strategies.FS, "*.yaml")
	for _, name := range files {
		src, _ := fs.ReadFile(strategies.FS, name)
		f.Add(src)
	}
	for _, s := range []string{"", "# only\n", "- a\n", "a:\n\tb: c\n", "a: 1\na: 2\n", "x: &a [*a]\n",
		"b: &b {x: 1}\nc:\n  <<: *b\n", "a: 1\n---\nb: 2\n", "\ufeffengage: 1\r\n", "title: \"unclosed\n"} {
		f.Add([]byte(s))
	}
}

// FuzzParse checks that any input gives a Document without panicking, that
// problems have a place and an explanation, and that a file with problems
// has no model.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Parse("fuzz.yaml", src)
		for _, p := range d.Problems {
			if p.Line < 1 || p.Column < 1 || p.Message == "" || p.Hint == "" || p.Rule == "" {
				t.Fatalf("badly formed problem %+v for %q", p, src)
			}
		}
		if len(d.Problems) > 0 && d.Strategy != nil {
			t.Fatalf("a file with problems has a model: %q", src)
		}
		if d.Root != nil {
			// Every place the loader can name must be locatable.
			d.Locate("/objectives/0/status", false)
			d.Locate("/icb/code", true)
		}
	})
}
