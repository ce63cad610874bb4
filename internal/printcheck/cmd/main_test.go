package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunFailsToStart(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.xlsx")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no workbook", nil, "usage: printcheck"},
		{"a bad flag", []string{"-min-size", "nine", "x.xlsx"}, "invalid value"},
		// Without LibreOffice the error says so instead; the exit code is the same.
		{"a missing workbook", []string{missing}, "printcheck: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(tt.args, &stdout, &stderr); got != exitError {
				t.Errorf("exit code: got %d, want %d", got, exitError)
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout: got %q, want nothing", stdout.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr: got %q, want it to say %q", stderr.String(), tt.stderr)
			}
		})
	}
}
