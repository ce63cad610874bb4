// Package finding is what engage reports about a file: a rule, a severity,
// where (file, line, column, JSON pointer) and what to do about it.
package finding

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
)

// Severity is how much a finding matters. The zero value is not a severity.
type Severity int

// Severities, from least to most serious.
const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = map[Severity]string{Info: "info", Warning: "warning", Error: "error"}

// String names the severity as the JSON output does.
func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads a severity's name.
func ParseSeverity(name string) (Severity, bool) {
	for s, n := range severityNames {
		if n == name {
			return s, true
		}
	}
	return 0, false
}

// MarshalJSON writes the severity's name.
func (s Severity) MarshalJSON() ([]byte, error) {
	return json.Marshal(s.String())
}

// Finding is one thing engage reports about one place in one file.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Pointer  string   `json:"pointer"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint"`
}

// Sort orders findings by file, line and column. It is stable: findings at
// the same place keep the order they were found in, which is the same on
// every run.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
		)
	})
}

// Tally is how many findings have each severity.
type Tally struct {
	Errors, Warnings, Infos int
}

// Count tallies findings by severity.
func Count(fs []Finding) Tally {
	var t Tally
	for _, f := range fs {
		switch f.Severity {
		case Error:
			t.Errors++
		case Warning:
			t.Warnings++
		case Info:
			t.Infos++
		}
	}
	return t
}

// AtLeast counts the findings at or above a severity.
func (t Tally) AtLeast(s Severity) int {
	switch s {
	case Error:
		return t.Errors
	case Warning:
		return t.Errors + t.Warnings
	}
	return t.Errors + t.Warnings + t.Infos
}
