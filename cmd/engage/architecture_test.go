package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestArchitectureMap checks docs/architecture.md's map against the
// packages that exist: every package it names exists, and every package
// that exists is named.
func TestArchitectureMap(t *testing.T) {
	doc, err := os.ReadFile("../../docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	start, end := strings.Index(text, "## The map"), strings.Index(text, "## One command")
	if start < 0 || end < start {
		t.Fatal("docs/architecture.md has no section between \"## The map\" and \"## One command\"")
	}
	named := map[string]bool{}
	code := regexp.MustCompile("`([a-z0-9/<>]+)`")
	for _, line := range strings.Split(text[start:end], "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		first, rest, _ := strings.Cut(strings.TrimPrefix(line, "| "), " |")
		for _, m := range code.FindAllStringSubmatch(first, -1) {
			p := m[1]
			if p == "internal/cmd/<verb>cmd" {
				// The commands are listed by name in the description.
				for _, c := range code.FindAllStringSubmatch(rest, -1) {
					if strings.HasSuffix(c[1], "cmd") && !strings.Contains(c[1], "/") {
						named["internal/cmd/"+c[1]] = true
					}
				}
				continue
			}
			named[p] = true
		}
	}
	exists := map[string]bool{}
	err = filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() && path != "../.." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "bin" || name == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			rel, _ := filepath.Rel("../..", filepath.Dir(path))
			exists[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Packages named by a parent's row (internal/corpus/gen, xlsxtest).
	for p := range exists {
		if !named[p] && (named[filepath.Dir(p)] && strings.Contains(text[start:end], "`"+p+"`") || strings.Contains(text[start:end], "`"+filepath.Base(p)+"`")) {
			named[p] = true
		}
	}
	for _, p := range sorted(named) {
		if !exists[p] {
			t.Errorf("docs/architecture.md names %s, which is not a package", p)
		}
	}
	for _, p := range sorted(exists) {
		if !named[p] {
			t.Errorf("%s is a package that docs/architecture.md's map does not name", p)
		}
	}
}

func sorted(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
