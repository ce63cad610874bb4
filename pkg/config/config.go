// Package config reads .engage.yaml, a strategy repository's settings for
// engage: default paths and framework, rule severities, the fail level, and
// suppressions that must give a reason and expire.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/closest"
	"github.com/engage-icb/engage/internal/pointer"
	"github.com/engage-icb/engage/internal/schema"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/schemas"
)

// FileName is the file engage looks for.
const FileName = ".engage.yaml"

// DefaultPath is where commands look for strategies when neither the
// command line nor the configuration names any.
const DefaultPath = "strategies"

// Rule IDs of the findings the configuration raises.
const (
	RuleUnknownRule        = "unknown-rule"
	RuleSuppressionExpired = "suppression-expired"
	RuleSuppressionUnused  = "suppression-unused"
	RuleNotConfigurable    = "rule-not-configurable"

	// ruleInvalidDate is the rule strategies' impossible dates raise too.
	ruleInvalidDate = "invalid-date"
)

// Config is a loaded .engage.yaml. The zero Config (no file) changes nothing.
type Config struct {
	// Path is the file it was read from; "" when there is none.
	Path string
	// Paths are the default paths: relative to the current directory, or
	// absolute as the file wrote them.
	Paths     []string
	Framework string
	// StaleMonths is how long without an update makes an item stale; 0
	// when not set.
	StaleMonths int
	// FeedbackMonths is how long after an activity ends its outcome may go
	// unrecorded; 0 when not set.
	FeedbackMonths int
	// MaxFileMB is the largest strategy file to read, in MB; 0 when not
	// set.
	MaxFileMB int
	// FailOn is the lowest severity that fails a run; 0 when not set.
	FailOn finding.Severity
	// Severities overrides rules' severities; Off turns rules off.
	Severities   map[string]finding.Severity
	Off          map[string]bool
	Suppressions []Suppression
}

// Suppression accepts the findings of one rule in one file, until a date.
type Suppression struct {
	File, Rule, Pointer, Reason, Expires string
	// Line and Column are where it is written in the config file.
	Line, Column int
	index        int
	abs          string    // the file's absolute path
	expires      time.Time // the last day it applies
}

// FrameworkID is the framework the configuration names for strategies
// that name none; "" when there is no configuration or it names none.
func (c *Config) FrameworkID() string {
	if c == nil {
		return ""
	}
	return c.Framework
}

// StrategyPaths returns the paths a command reads: those it was given,
// else the configuration's paths, else DefaultPath (and then fallback is
// true).
func (c *Config) StrategyPaths(given []string) (paths []string, fallback bool) {
	switch {
	case len(given) > 0:
		return given, false
	case c != nil && len(c.Paths) > 0:
		return c.Paths, false
	}
	return []string{DefaultPath}, true
}

type file struct {
	Paths          []string          `yaml:"paths"`
	Framework      string            `yaml:"framework"`
	FailOn         string            `yaml:"fail_on"`
	StaleMonths    int               `yaml:"stale_months"`
	FeedbackMonths int               `yaml:"feedback_months"`
	MaxFileMB      int               `yaml:"max_file_size_mb"`
	Rules          map[string]string `yaml:"rules"`
	Suppressions   []struct {
		File    string `yaml:"file"`
		Rule    string `yaml:"rule"`
		Pointer string `yaml:"pointer"`
		Reason  string `yaml:"reason"`
		Expires string `yaml:"expires"`
	} `yaml:"suppressions"`
}

// Search is where the configuration was looked for, and what was found.
type Search struct {
	// Path is the configuration file found; "" when there is none.
	Path string
	// Top is the last folder searched: the top of the git repository that
	// holds the starting folder, or the starting folder itself when it is
	// in no repository.
	Top string
	// InRepository says whether Top is a repository's top.
	InRepository bool
	// Ignored are configuration files passed over because another user
	// owns them (see Owned).
	Ignored []Ignored
}

// Ignored is a configuration file Find passed over, and why.
type Ignored struct {
	Path, Reason string
}

// Find looks for .engage.yaml in dir and each folder above it up to the
// top of the git repository that holds dir (the folder with .git), or in
// dir alone when no folder above it is in a repository: a configuration
// from outside the project (a parent folder's, or another user's) never
// applies. A file that neither the current user nor root owns is passed
// over (listed in Ignored), as is a folder named .engage.yaml.
func Find(dir string) (Search, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return Search{}, err
	}
	var folders []string
	top := ""
	for d := dir; ; {
		folders = append(folders, d)
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			top = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	s := Search{Top: top, InRepository: top != ""}
	if top == "" {
		s.Top, folders = dir, folders[:1]
	}
	for _, d := range folders {
		p := filepath.Join(d, FileName)
		info, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if _, lerr := os.Lstat(p); lerr == nil {
				return s, fmt.Errorf("configuration file %s: it is a symbolic link to something that does not exist; fix or remove the link", p)
			}
			continue
		case err != nil:
			return s, fmt.Errorf("configuration file: %w", strategy.ReadError(p, err))
		case info.IsDir():
			continue
		}
		if ok, why := Owned(info); !ok {
			s.Ignored = append(s.Ignored, Ignored{Path: p, Reason: why})
			continue
		}
		s.Path = p
		return s, nil
	}
	return s, nil
}

// Load reads and checks a config file. rules are the rule IDs engage has,
// so that a misspelt one is caught. Findings are problems with the file
// itself (each an error); the error is for a file that cannot be read.
func Load(path string, rules []string) (*Config, []finding.Finding, error) {
	src, err := readConfig(path)
	if err != nil {
		return nil, nil, fmt.Errorf("configuration file: %w", err)
	}
	return Parse(path, src, rules)
}

// Parse reads a config from src; path names it and anchors its relative
// paths.
func Parse(path string, src []byte, rules []string) (*Config, []finding.Finding, error) {
	display := path
	if rel, err := filepath.Rel(".", path); err == nil && filepath.IsLocal(rel) {
		display = rel
	}
	root, problems := strategy.ReadYAML(src, "docs/config.md")
	var out []finding.Finding
	for _, p := range problems {
		out = append(out, finding.Finding{Rule: p.Rule, Severity: finding.Error, File: display, Line: p.Line, Column: p.Column, Pointer: p.Pointer, Message: p.Message, Hint: p.Hint})
	}
	if root == nil {
		return nil, out, nil
	}
	sch, err := compiled()
	if err != nil {
		return nil, nil, err
	}
	for _, p := range sch.Check(root) {
		out = append(out, at(display, p.Node, p.Rule, p.Pointer, p.Message, p.Hint))
	}
	if len(out) > 0 {
		return nil, out, nil
	}
	var f file
	if err := root.Decode(&f); err != nil {
		return nil, append(out, finding.Finding{Rule: schema.RuleInvalidValue, Severity: finding.Error, File: display, Line: 1, Column: 1, Message: err.Error()}), nil
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, nil, err
	}
	c := &Config{Path: path, Framework: f.Framework, StaleMonths: f.StaleMonths, FeedbackMonths: f.FeedbackMonths, MaxFileMB: f.MaxFileMB, Severities: map[string]finding.Severity{}, Off: map[string]bool{}}
	for _, p := range f.Paths {
		if filepath.IsAbs(p) {
			c.Paths = append(c.Paths, filepath.Clean(p))
			continue
		}
		c.Paths = append(c.Paths, relative(filepath.Join(dir, p)))
	}
	if f.FailOn != "" {
		c.FailOn, _ = finding.ParseSeverity(f.FailOn)
	}
	known := map[string]bool{}
	for _, r := range rules {
		known[r] = true
	}
	checkRule := func(rule, ptr string, key bool) {
		if slices.Contains(strategy.ReadRules, rule) {
			n := locate(root, ptr)
			if key {
				n = locateKey(root, ptr)
			}
			out = append(out, at(display, n, RuleNotConfigurable, ptr,
				fmt.Sprintf("%s cannot be turned off, changed or suppressed: a file it finds is not read, so nothing in it would be checked", rule),
				"remove this; fix the file instead (engage validate says where)"))
			return
		}
		if known[rule] {
			return
		}
		hint := "the rules are listed in docs/rules.md"
		if m, ok := closest.Match(rule, rules); ok {
			hint = fmt.Sprintf("did you mean %q? %s", m, hint)
		}
		n := locate(root, ptr)
		if key {
			n = locateKey(root, ptr)
		}
		out = append(out, at(display, n, RuleUnknownRule, ptr, fmt.Sprintf("there is no rule %q", rule), hint))
	}
	names := make([]string, 0, len(f.Rules))
	for name := range f.Rules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		checkRule(name, pointer.New("rules", name), true)
		if level := f.Rules[name]; level == "off" {
			c.Off[name] = true
		} else {
			c.Severities[name], _ = finding.ParseSeverity(level)
		}
	}
	for i, s := range f.Suppressions {
		ptr := pointer.New("suppressions", i)
		checkRule(s.Rule, ptr+"/rule", false)
		node := locate(root, ptr)
		sup := Suppression{File: s.File, Rule: s.Rule, Pointer: s.Pointer, Reason: s.Reason, Expires: s.Expires,
			Line: node.Line, Column: node.Column, index: i, abs: absolute(dir, s.File)}
		if sup.expires, err = calendar.ParseDate(s.Expires); err != nil {
			out = append(out, at(display, locate(root, ptr+"/expires"), ruleInvalidDate, ptr+"/expires",
				fmt.Sprintf("%q is not a real date", s.Expires), "check the day and month: write YYYY-MM-DD"))
		}
		if s.Reason != "" && strings.TrimSpace(s.Reason) == "" {
			out = append(out, at(display, locate(root, ptr+"/reason"), schema.RuleInvalidValue, ptr+"/reason",
				"the reason is blank", "say why the finding is accepted for now, and who agreed it"))
		}
		c.Suppressions = append(c.Suppressions, sup)
	}
	if len(out) > 0 {
		return nil, out, nil
	}
	return c, nil, nil
}

var schemaCache *schema.Schema

func compiled() (*schema.Schema, error) {
	if schemaCache != nil {
		return schemaCache, nil
	}
	s, err := schema.Compile(schemas.ConfigSchema)
	if err != nil {
		return nil, fmt.Errorf("config schema: %w", err)
	}
	schemaCache = s
	return s, nil
}

func at(file string, n *yaml.Node, rule, ptr, msg, hint string) finding.Finding {
	line, col := 1, 1
	if n != nil {
		line, col = n.Line, n.Column
	}
	return finding.Finding{Rule: rule, Severity: finding.Error, File: file, Line: line, Column: col, Pointer: ptr, Message: msg, Hint: hint}
}

// locate finds the node at a pointer, or the nearest one above it.
func locate(root *yaml.Node, ptr string) *yaml.Node {
	n := root
	for _, tok := range pointer.Split(ptr) {
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					next = n.Content[i+1]
				}
			}
		case yaml.SequenceNode:
			var idx int
			if _, err := fmt.Sscanf(tok, "%d", &idx); err == nil && idx >= 0 && idx < len(n.Content) {
				next = n.Content[idx]
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	return n
}

// locateKey finds the key of the value at a pointer.
func locateKey(root *yaml.Node, ptr string) *yaml.Node {
	parent := locate(root, pointer.Parent(ptr))
	toks := pointer.Split(ptr)
	if parent.Kind == yaml.MappingNode && len(toks) > 0 {
		for i := 0; i+1 < len(parent.Content); i += 2 {
			if parent.Content[i].Value == toks[len(toks)-1] {
				return parent.Content[i]
			}
		}
	}
	return locate(root, ptr)
}

// absolute is a path from the configuration, relative to its folder
// unless it is absolute already.
func absolute(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

// relative writes an absolute path relative to the current directory when
// that is shorter to read.
func relative(abs string) string {
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	if rel, err := filepath.Rel(wd, abs); err == nil {
		return rel
	}
	return abs
}

// readConfig reads a configuration file: a regular file of at most 1 MB.
func readConfig(path string) ([]byte, error) {
	info, err := strategy.StatFile(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > 1<<20 {
		return nil, fmt.Errorf("%s is %.1f MB; a configuration file is a few lines", path, float64(info.Size())/(1<<20))
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, strategy.ReadError(path, err)
	}
	return src, nil
}
