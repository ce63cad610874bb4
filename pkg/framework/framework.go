// Package framework holds national principle sets as data: NHS England's
// 2022 statutory guidance, the System Transformation Group's 2018 areas, and
// any later edition added as a file under schemas/frameworks.
package framework

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/schemas"
)

// DefaultID is the framework a strategy answers when neither it nor its
// project names one.
const DefaultID = "nhse-2022"

// Choose returns the ID of the framework a strategy answers: the one the
// file names, else the project's (framework: in .engage.yaml), else
// DefaultID. It is the one place this rule is written.
func Choose(named, project string) string {
	switch {
	case named != "":
		return named
	case project != "":
		return project
	}
	return DefaultID
}

// Framework is one national principle set.
type Framework struct {
	ID         string `yaml:"id" json:"id"`
	Title      string `yaml:"title" json:"title"`
	Publisher  string `yaml:"publisher" json:"publisher"`
	Published  string `yaml:"published" json:"published"`
	Term       string `yaml:"term" json:"term"`
	Declared   int    `yaml:"declared" json:"declared"`
	Source     Source `yaml:"source" json:"source"`
	QuotedFrom string `yaml:"quoted_from" json:"quotedFrom"`
	// Copies are the independent public copies of the wording it was
	// checked against, and Disagreements where copies still differ.
	Copies        []Source `yaml:"copies" json:"copies,omitempty"`
	Disagreements []string `yaml:"disagreements" json:"disagreements,omitempty"`
	Missing       []string `yaml:"missing" json:"missing,omitempty"`
	// Common are words and phrases every principle shares ("people",
	// "health", "decision-making"): matching by wording weighs them down,
	// since they tell no principle from another.
	Common     []string    `yaml:"common" json:"common,omitempty"`
	Principles []Principle `yaml:"principles" json:"principles"`
}

// Source names where a framework's wording comes from.
type Source struct {
	Title string `yaml:"title" json:"title"`
	URL   string `yaml:"url" json:"url,omitempty"`
	Note  string `yaml:"note" json:"note,omitempty"`
}

// Principle is one numbered principle (or area) of a framework.
type Principle struct {
	Number     int     `yaml:"number" json:"number"`
	Label      string  `yaml:"label" json:"label"`
	Text       string  `yaml:"text" json:"text"`
	AlsoQuoted []Quote `yaml:"also_quoted" json:"alsoQuoted,omitempty"`
	// Vocabulary are the words and phrases, beyond its own wording, that
	// speak of this principle: from the publisher's description of it and
	// the field's terms. Matching by wording (engage suggest) uses them.
	Vocabulary []string `yaml:"vocabulary" json:"vocabulary,omitempty"`
}

// Quote is another public wording of a principle and where it appears.
type Quote struct {
	Text  string `yaml:"text" json:"text"`
	Where string `yaml:"where" json:"where"`
}

// Principle returns the principle numbered n.
func (f *Framework) Principle(n int) (Principle, bool) {
	if n >= 1 && n <= len(f.Principles) {
		return f.Principles[n-1], true
	}
	return Principle{}, false
}

// Numbers describes the valid principle numbers, such as "1 to 10".
func (f *Framework) Numbers() string {
	return "1 to " + strconv.Itoa(len(f.Principles))
}

// Noun is what the framework calls its items, singular ("principle", "area").
func (f *Framework) Noun() string {
	if f.Term == "" {
		return "principle"
	}
	return f.Term
}

// Set is the frameworks engage knows, by ID.
type Set struct {
	byID map[string]*Framework
	ids  []string
}

// Get returns the framework with the given ID.
func (s *Set) Get(id string) (*Framework, bool) {
	f, ok := s.byID[id]
	return f, ok
}

// IDs lists the known framework IDs in order.
func (s *Set) IDs() []string { return s.ids }

var (
	builtinOnce sync.Once
	builtin     *Set
	builtinErr  error
)

// Builtin returns the frameworks shipped in the binary. They are read on
// first use, not at start-up.
func Builtin() (*Set, error) {
	builtinOnce.Do(func() { builtin, builtinErr = Load(schemas.Frameworks) })
	return builtin, builtinErr
}

// Load reads every *.yaml file in fsys (recursively) as a framework.
func Load(fsys fs.FS) (*Set, error) {
	s := &Set{byID: map[string]*Framework{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".yaml" {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		f, err := Parse(data)
		if err != nil {
			return fmt.Errorf("load framework %q: %w", p, err)
		}
		if want := strings.TrimSuffix(path.Base(p), ".yaml"); f.ID != want {
			return fmt.Errorf("load framework %q: id %q should match the file name %q", p, f.ID, want)
		}
		if _, dup := s.byID[f.ID]; dup {
			return fmt.Errorf("load framework %q: id %q is used twice", p, f.ID)
		}
		s.byID[f.ID] = f
		s.ids = append(s.ids, f.ID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(s.ids)
	return s, nil
}

// Parse reads one framework file strictly and checks it is well formed:
// principles numbered 1, 2, 3... in order, each with a text.
func Parse(data []byte) (*Framework, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f Framework
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	if f.ID == "" || f.Title == "" {
		return nil, fmt.Errorf("id and title are required")
	}
	if len(f.Principles) == 0 {
		return nil, fmt.Errorf("no principles")
	}
	for i, p := range f.Principles {
		if p.Number != i+1 {
			return nil, fmt.Errorf("principle %d is numbered %d: number them 1, 2, 3... in order", i+1, p.Number)
		}
		if p.Text == "" || p.Label == "" {
			return nil, fmt.Errorf("principle %d needs a text and a label", p.Number)
		}
		if err := checkTerms(p.Vocabulary); err != nil {
			return nil, fmt.Errorf("principle %d: vocabulary: %w", p.Number, err)
		}
	}
	if err := checkTerms(f.Common); err != nil {
		return nil, fmt.Errorf("common: %w", err)
	}
	if f.Declared < len(f.Principles) {
		return nil, fmt.Errorf("declared %d but lists %d principles", f.Declared, len(f.Principles))
	}
	if f.Declared > len(f.Principles) && len(f.Missing) == 0 {
		return nil, fmt.Errorf("declares %d but lists %d: say what is missing and why under missing", f.Declared, len(f.Principles))
	}
	return &f, nil
}

// checkTerms refuses an empty word or phrase, or one listed twice.
func checkTerms(terms []string) error {
	seen := map[string]bool{}
	for i, t := range terms {
		k := strings.ToLower(strings.TrimSpace(t))
		if k == "" {
			return fmt.Errorf("entry %d is empty", i+1)
		}
		if seen[k] {
			return fmt.Errorf("%q is listed twice", t)
		}
		seen[k] = true
	}
	return nil
}
