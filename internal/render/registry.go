package render

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// Format writes one kind of result, R, in one format.
type Format[R any] interface {
	Render(w io.Writer, r R) error
}

// Spec describes one format of a registry.
type Spec[R any] struct {
	// Name is what --format takes.
	Name string
	// Aliases are other names --format accepts for it.
	Aliases []string
	// Exts are the file extensions (".md") that choose it when a command
	// infers the format from its output file.
	Exts []string
	// Binary formats (a workbook) are not written to a terminal.
	Binary bool
	// New makes the format with a command's options.
	New func(Options) Format[R]
	// Each, for a format of a list result, says how to write it one item
	// at a time (Stream); nil when it cannot be.
	Each *Each
}

// Registry is the formats one kind of result can be written in: the one
// list --help, the unknown-format error and shell completion come from.
type Registry[R any] struct {
	specs []Spec[R]
}

// NewRegistry returns a registry of the formats a result can be written
// in. The first is the default.
func NewRegistry[R any](specs ...Spec[R]) *Registry[R] {
	return &Registry[R]{specs: specs}
}

// Names lists the formats' names, sorted.
func (g *Registry[R]) Names() []string {
	names := make([]string, 0, len(g.specs))
	for _, s := range g.specs {
		names = append(names, s.Name)
	}
	slices.Sort(names)
	return names
}

// Default is the name of the format used when none is named or inferred.
func (g *Registry[R]) Default() string { return g.specs[0].Name }

// Help lists the formats for a flag's usage text: "json, markdown or text".
func (g *Registry[R]) Help() string {
	names := g.Names()
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// spec finds the format with a name or an alias.
func (g *Registry[R]) spec(name string) (Spec[R], error) {
	for _, s := range g.specs {
		if s.Name == name || slices.Contains(s.Aliases, name) {
			return s, nil
		}
	}
	return Spec[R]{}, fmt.Errorf("unknown format %q: use one of %s", name, strings.Join(g.Names(), ", "))
}

// Check reports whether name (or an alias) is one of the formats; the
// error lists them all.
func (g *Registry[R]) Check(name string) error {
	_, err := g.spec(name)
	return err
}

// Canonical returns a format's name given its name or an alias.
func (g *Registry[R]) Canonical(name string) (string, error) {
	s, err := g.spec(name)
	return s.Name, err
}

// Lookup returns the format with a name (or an alias), made with o.
func (g *Registry[R]) Lookup(name string, o Options) (Format[R], error) {
	s, err := g.spec(name)
	if err != nil {
		return nil, err
	}
	if o.Theme == nil {
		o.Theme = Plain{}
	}
	return s.New(o), nil
}

// Binary reports whether a format writes bytes for a program, not text
// for a terminal.
func (g *Registry[R]) Binary(name string) bool {
	s, err := g.spec(name)
	return err == nil && s.Binary
}

// Choose returns the format to write: the one named (flag), else the one
// the output file's extension says, else (no output file, or one without
// an extension) the default. An extension no format claims is an error
// that lists those that do, rather than a silent default: report -o
// x.docx would otherwise write Markdown into a file Word cannot open.
//
// A format named that is not the one the extension claims is refused
// too: report -f xlsx -o x.md would write a workbook into a file every
// program opens as Markdown.
func (g *Registry[R]) Choose(flag, output string) (string, error) {
	ext := strings.ToLower(filepath.Ext(output))
	if flag != "" {
		name, err := g.Canonical(flag)
		if err != nil {
			return "", fmt.Errorf("--format: %w", err)
		}
		for _, s := range g.specs {
			if slices.Contains(s.Exts, ext) && s.Name != name {
				want, _ := g.spec(name)
				better := "a name without an extension"
				if len(want.Exts) > 0 {
					better = "a name ending " + want.Exts[0]
				}
				return "", fmt.Errorf("-o %s ends %s, which is %s, but -f %s writes %s: give the file %s, or leave out -f", output, ext, s.Name, flag, name, better)
			}
		}
		return name, nil
	}
	if ext == "" {
		return g.Default(), nil
	}
	var known []string
	for _, s := range g.specs {
		if slices.Contains(s.Exts, ext) {
			return s.Name, nil
		}
		known = append(known, s.Exts...)
	}
	last := len(known) - 1
	exts := strings.Join(known[:last], ", ") + " or " + known[last]
	return "", fmt.Errorf("-o %s: engage writes no format that ends %s; name a file ending %s, or give the format with -f (%s)", output, ext, exts, g.Help())
}
