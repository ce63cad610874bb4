package render

import (
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/validate"
)

// JUnit writes a JUnit XML report, which GitHub, GitLab and Jenkins show as
// test results: one testsuite per file, one testcase per finding. A finding
// that fails the run (at or above --fail-on) is a failure; one below it is a
// skipped testcase, listed without failing the report. A file without
// findings has one passing testcase.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitMessage `xml:"failure"`
	Skipped   *junitMessage `xml:"skipped"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// Render writes the report.
func (JUnit) Render(w io.Writer, r *validate.Result) error {
	doc := junitSuites{Name: "engage validate"}
	byFile := map[string][]int{}
	for i, f := range r.Findings {
		byFile[f.File] = append(byFile[f.File], i)
	}
	files := append([]string{}, r.Files...)
	for file := range byFile {
		if !contains(files, file) {
			files = append(files, file) // a finding on .engage.yaml
		}
	}
	for _, file := range files {
		name := filepath.ToSlash(file)
		s := junitSuite{Name: name}
		for _, i := range byFile[file] {
			f := r.Findings[i]
			c := junitCase{
				Name:      fmt.Sprintf("%s at %d:%d", f.Rule, f.Line, f.Column),
				Classname: name, File: name, Line: f.Line,
			}
			text := fmt.Sprintf("%s:%d:%d: %s: %s [%s]", name, f.Line, f.Column, f.Severity, safetext.Terminal(f.Message), f.Rule)
			if f.Hint != "" {
				text += "\nhint: " + safetext.Terminal(f.Hint)
			}
			if f.Pointer != "" {
				text += "\nat: " + f.Pointer
			}
			msg := &junitMessage{Message: f.Severity.String() + ": " + safetext.Terminal(f.Message), Type: f.Rule, Text: text}
			if r.Fails(f) {
				c.Failure = msg
				s.Failures++
			} else {
				c.Skipped = msg
				s.Skipped++
			}
			s.Cases = append(s.Cases, c)
		}
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "valid", Classname: name, File: name})
		}
		s.Tests = len(s.Cases)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Skipped += s.Skipped
		doc.Suites = append(doc.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
