// Package validate checks strategy files: their structure against the JSON
// Schema shipped in schemas/, then their meaning (IDs, references, dates,
// statuses, identity, coverage of the national principles). It returns
// findings; it prints nothing.
package validate

import (
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/closest"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/config"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Validator checks strategy files. It is safe for concurrent use.
type Validator struct {
	schema     *Schema
	frameworks *framework.Set
	asOf       time.Time
	config     *config.Config
	load       strategy.LoadOptions
	ready      chan struct{}
	err        error // from preparing the schema and frameworks
}

// Options configure a Validator.
type Options struct {
	// AsOf is "today" for date checks such as an overdue review.
	AsOf time.Time
	// Frameworks are the principle sets strategies may name; the built-in
	// ones when nil.
	Frameworks *framework.Set
	// Config is the project's .engage.yaml: the framework of strategies
	// that name none, rules' severities, suppressions and the fail level.
	// nil changes nothing.
	Config *config.Config
	// MaxFileSize is the largest file to read, in bytes; 0 means the
	// default, strategy.DefaultMaxFileSize.
	MaxFileSize int64
}

// New compiles the schema, reads the frameworks and returns a Validator.
func New(opts Options) (*Validator, error) {
	v := Start(opts)
	if err := v.wait(); err != nil {
		return nil, err
	}
	return v, nil
}

// Start returns a Validator at once and compiles the schema and reads the
// frameworks in the background, so that Files can read and parse files
// meanwhile: on two cores this takes a few milliseconds off every run. If
// that preparation fails (it cannot with the built-in schema and
// frameworks, which the tests check), Files reports the error for every
// file; call New to have it returned instead.
func Start(opts Options) *Validator {
	v := &Validator{asOf: calendar.Day(opts.AsOf), config: opts.Config, load: strategy.LoadOptions{MaxFileSize: opts.MaxFileSize}, ready: make(chan struct{})}
	go func() {
		defer close(v.ready)
		defer func() {
			if p := recover(); p != nil {
				v.err = fmt.Errorf("internal error while preparing the schema: %v", p)
			}
		}()
		if v.schema, v.err = CompileSchema(); v.err != nil {
			return
		}
		v.frameworks = opts.Frameworks
		if v.frameworks == nil {
			v.frameworks, v.err = framework.Builtin()
		}
	}()
	return v
}

// wait waits for the schema and frameworks.
func (v *Validator) wait() error {
	<-v.ready
	return v.err
}

// prepared waits for the schema and frameworks, which Files has already
// reported as an error if they could not be read.
func (v *Validator) prepared() {
	if err := v.wait(); err != nil {
		panic("validate: the validator was used without its schema: " + err.Error())
	}
}

// Result is what validating a set of files found, after the project's
// configuration.
type Result struct {
	// Files are the files read, in order.
	Files []string
	// Findings are those to report, with their configured severities.
	Findings []finding.Finding
	// Suppressed are findings the configuration hid.
	Suppressed []Suppressed
	// FailOn is the lowest severity that fails the run: the
	// configuration's fail_on, else error.
	FailOn finding.Severity
	// ReadErrors are files that could not be read at all.
	ReadErrors []error
}

// Suppressed is a finding the configuration hid, and why.
type Suppressed struct {
	Finding finding.Finding
	Reason  string
	Expires string
	// Source is where the suppression is written (file:line).
	Source string
}

// Tally counts the reported findings by severity.
func (r *Result) Tally() finding.Tally { return finding.Count(r.Findings) }

// Fails reports whether a finding makes the run fail.
func (r *Result) Fails(f finding.Finding) bool { return f.Severity >= r.failOn() }

// Failed reports whether the run fails.
func (r *Result) Failed() bool { return r.Tally().AtLeast(r.failOn()) > 0 }

func (r *Result) failOn() finding.Severity {
	if r.FailOn == 0 {
		return finding.Error
	}
	return r.FailOn
}

// Files loads and checks each file, using one worker per CPU, and applies
// the configuration. Findings come back sorted by file and position,
// whatever order the work finished in.
func (v *Validator) Files(paths []string) *Result {
	results := make([]fileResult, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(paths)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = v.file(paths[i])
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	r := &Result{}
	var found []finding.Finding
	for i, o := range results {
		if o.err != nil {
			r.ReadErrors = append(r.ReadErrors, o.err)
			continue
		}
		r.Files = append(r.Files, paths[i])
		found = append(found, o.findings...)
	}
	finding.Sort(found)
	v.configure(r, found)
	return r
}

// configure applies the configuration to a run's findings.
func (v *Validator) configure(r *Result, found []finding.Finding) {
	applied := v.config.Apply(found, r.Files, v.asOf, Severity)
	r.Findings = applied.Findings
	for _, s := range applied.Suppressed {
		r.Suppressed = append(r.Suppressed, Suppressed{
			Finding: s.Finding, Reason: s.By.Reason, Expires: s.By.Expires,
			Source: fmt.Sprintf("%s:%d", v.config.Path, s.By.Line),
		})
	}
	if v.config != nil {
		r.FailOn = v.config.FailOn
	}
}

type fileResult struct {
	findings []finding.Finding
	err      error
}

// file loads and checks one file. A panic (a bug) becomes that file's
// error, so that the other files are still checked and engage does not
// crash: a worker goroutine's panic would pass the command's guard.
func (v *Validator) file(path string) (r fileResult) {
	defer func() {
		if p := recover(); p != nil {
			r = fileResult{err: fmt.Errorf("internal error while checking %s: %v\nThis is a bug in engage. Please report it with the command you ran and, if you can, the file", path, p)}
		}
	}()
	doc, err := v.Load(path)
	if err == nil {
		err = v.wait()
	}
	if err != nil {
		return fileResult{err: err}
	}
	return fileResult{findings: v.Document(doc)}
}

// Document checks one loaded document: its structure, then its meaning.
func (v *Validator) Document(doc *strategy.Document) []finding.Finding {
	out, structural := v.structure(doc)
	if doc.Strategy == nil || len(doc.Problems) > 0 {
		return out
	}
	v.prepared()
	fw, id := v.Framework(doc.Strategy)
	// A value of the wrong kind is left out of the model, so grading the
	// strategy would report gaps that are only the typo: grade it once
	// what coverage reads is readable.
	// So would a list whose key is misspelt (objectves:): none of its
	// items is read.
	graded := []string{"/principles", "/objectives", "/roadmap", "/metrics", "/activities", "/framework"}
	partial := slices.ContainsFunc(structural, func(p problem) bool {
		return slices.ContainsFunc(graded, func(prefix string) bool {
			return p.pointer == prefix || strings.HasPrefix(p.pointer, prefix+"/")
		}) || misspeltList(p, graded)
	})
	for _, p := range checkMeaning(doc, v.frameworks, fw, id, v.asOf, !partial) {
		if !coveredBy(p.pointer, structural) {
			out = append(out, place(doc, p))
		}
	}
	finding.Sort(out)
	return out
}

// misspeltList reports whether a problem is an unknown key at the top of
// the file that is one of lists a slip of the keyboard away.
func misspeltList(p problem, lists []string) bool {
	if p.rule != RuleUnknownKey || strings.Count(p.pointer, "/") != 1 {
		return false
	}
	_, ok := closest.Match(p.pointer, lists)
	return ok
}

// Structure checks only that a document can be read and matches the schema:
// what a command needs before it can use the strategy's content.
func (v *Validator) Structure(doc *strategy.Document) []finding.Finding {
	out, _ := v.structure(doc)
	return out
}

// Blocking returns what stops a command using a document's content: the
// errors, after the configuration's severities and suppressions, that
// mean the file cannot be read or does not match the file format (broken
// YAML, unknown keys, values of the wrong kind). Gaps against the national
// principles and every other meaning finding never block: commands show
// them and carry on.
func (v *Validator) Blocking(doc *strategy.Document) []finding.Finding {
	applied := v.config.Apply(v.Structure(doc), []string{doc.Path}, v.asOf, Severity)
	var out []finding.Finding
	for _, f := range applied.Findings {
		if f.Severity == finding.Error && f.Rule != config.RuleSuppressionUnused && f.Rule != config.RuleSuppressionExpired {
			out = append(out, f)
		}
	}
	return out
}

// Check checks one document, structure and meaning, and applies the
// configuration: what engage validate reports for that file.
func (v *Validator) Check(doc *strategy.Document) *Result {
	r := &Result{Files: []string{doc.Path}}
	v.configure(r, v.Document(doc))
	return r
}

func (v *Validator) structure(doc *strategy.Document) ([]finding.Finding, []problem) {
	var out []finding.Finding
	for _, p := range doc.Problems {
		out = append(out, finding.Finding{
			Rule: p.Rule, Severity: severityOf(p.Rule), File: doc.Path,
			Line: p.Line, Column: p.Column, Pointer: p.Pointer, Message: p.Message, Hint: p.Hint,
		})
	}
	if len(doc.Problems) > 0 {
		return out, nil
	}
	v.prepared()
	structural := v.schema.check(doc.Root)
	for _, p := range structural {
		out = append(out, place(doc, p))
	}
	if len(structural) == 0 && doc.DecodeErr != nil {
		out = append(out, decodeFinding(doc))
	}
	finding.Sort(out)
	return out, structural
}

// Frameworks returns the principle sets the validator knows.
func (v *Validator) Frameworks() *framework.Set {
	v.prepared()
	return v.frameworks
}

// Framework returns the framework a strategy answers (framework.Choose:
// the one it names, else the configuration's, else the default) and its
// ID; nil when engage does not know it.
func (v *Validator) Framework(s *strategy.Strategy) (*framework.Framework, string) {
	v.prepared()
	id := framework.Choose(s.Framework, v.config.FrameworkID())
	fw, _ := v.frameworks.Get(id)
	return fw, id
}

// LoadOptions are the limits the validator reads files within.
func (v *Validator) LoadOptions() strategy.LoadOptions { return v.load }

// Load reads and parses one file within the validator's size limit.
func (v *Validator) Load(path string) (*strategy.Document, error) {
	return strategy.Load(path, v.load)
}

// Parse reads a strategy from src, such as a file at a git revision,
// within the validator's size limit.
func (v *Validator) Parse(path string, src []byte) *strategy.Document {
	return v.load.Parse(path, src)
}

func place(doc *strategy.Document, p problem) finding.Finding {
	var line, col int
	if p.node != nil {
		line, col = p.node.Line, p.node.Column
	} else {
		line, col = doc.Locate(p.pointer, p.atKey)
	}
	return finding.Finding{
		Rule: p.rule, Severity: severityOf(p.rule), File: doc.Path,
		Line: line, Column: col, Pointer: p.pointer, Message: p.message, Hint: p.hint,
	}
}

// coveredBy reports whether a structural finding already explains the
// value at ptr (the same value, or one that contains it), so the meaning
// checks do not report it a second time.
func coveredBy(ptr string, structural []problem) bool {
	for _, s := range structural {
		if s.pointer == "" {
			continue
		}
		if ptr == s.pointer || strings.HasPrefix(ptr, s.pointer+"/") {
			return true
		}
	}
	return false
}

var decodeLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+): (.*)`) })

// decodeFinding explains a value the schema accepts but the model cannot
// hold, such as a whole number too large for the computer.
// scalarOnLine finds the last scalar value on a line, where yaml.v3's
// type errors point.
func scalarOnLine(n *yaml.Node, line int) *yaml.Node {
	if n == nil {
		return nil
	}
	var found *yaml.Node
	if n.Kind == yaml.ScalarNode && n.Line == line {
		found = n
	}
	for _, c := range n.Content {
		if f := scalarOnLine(c, line); f != nil {
			found = f
		}
	}
	return found
}

func decodeFinding(doc *strategy.Document) finding.Finding {
	f := finding.Finding{Rule: RuleInvalidValue, Severity: finding.Error, File: doc.Path, Line: 1, Column: 1,
		Message: "a value cannot be read: " + doc.DecodeErr.Error(),
		Hint:    "check that numbers are within range and written plainly"}
	var te *yaml.TypeError
	if errors.As(doc.DecodeErr, &te) && len(te.Errors) > 0 {
		if m := decodeLineRE().FindStringSubmatch(te.Errors[0]); m != nil {
			f.Line, _ = strconv.Atoi(m[1])
			f.Message = "a value cannot be read: " + m[2]
			if n := scalarOnLine(doc.Root, f.Line); n != nil {
				f.Column = n.Column
				if strings.Contains(m[2], " into int") {
					f.Message = fmt.Sprintf("%s is not a whole number engage can read: it is too large, or not whole", n.Value)
					f.Hint = "write a whole number below 9,223,372,036,854,775,807"
				}
			}
		}
	}
	return f
}
