package validate

import (
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/internal/fuzzseed"
	"github.com/engage-icb/engage/pkg/strategy"
)

// FuzzValidate checks that validating any input never panics and that every
// finding names a registered rule and a real place in the file.
func FuzzValidate(f *testing.F) {
	for _, src := range fuzzseed.Files() {
		f.Add(src)
	}
	f.Add([]byte("engage: 1\nicb: {code: QJG, name: x}\nstrategy: {title: t, state: draft, period: {from: 2023/24, to: 2022/23}}\n"))
	f.Add([]byte("objectives: [{id: a, year: {from: 2023/24}, updates: [{date: 2023-02-30, status: done}]}]\n"))
	f.Add([]byte("principles: [{id: P, national: [1, x, 99999999999999999999]}]\nroadmap: [{from: 2024-13, to: x}]\n"))
	v, err := New(Options{AsOf: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d := strategy.Parse("fuzz.yaml", src)
		lines := yamlLines(src)
		for _, fd := range v.Document(d) {
			if _, ok := LookupRule(fd.Rule); !ok {
				t.Fatalf("unregistered rule %q in %+v", fd.Rule, fd)
			}
			if fd.Line < 1 || fd.Line > lines || fd.Column < 1 || fd.Message == "" {
				t.Fatalf("finding outside the file (%d lines): %+v", lines, fd)
			}
		}
	})
}

// yamlLines counts lines as YAML does: a line ends at \n, \r\n or a lone
// \r (old Mac files), and yaml.v3 also breaks at NEL, LS and PS.
func yamlLines(src []byte) int {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	lines := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			lines++
		}
	}
	return lines
}
