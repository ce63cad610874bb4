package main

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/engage-icb/engage/internal/corpus"
)

// buildEngage builds the real binary once for the whole-process benchmarks.
func buildEngage(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "engage")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runProcess times whole runs of the binary, start-up included, as a user
// or CI sees them. ns/op is the wall time of one run.
func runProcess(b *testing.B, bin string, args ...string) {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%v: %v\n%s", args, err, out)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, args...)
		cmd.Dir = "../.."
		cmd.Stdout, cmd.Stderr = nil, nil
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProcessValidateShipped is `engage validate` on strategies/ as a
// whole process. Target (issue 2): well under 50 ms.
func BenchmarkProcessValidateShipped(b *testing.B) {
	runProcess(b, buildEngage(b), "validate", "--as-of", "2026-11-22", "strategies")
}

// BenchmarkProcessHistory1000 is `engage history` on a file with 1,000
// commits of status updates (40 objectives). Target (issue 4): under 1 s.
func BenchmarkProcessHistory1000(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.HistoryRepo(dir, 1000, 40); err != nil {
		b.Fatal(err)
	}
	bin := buildEngage(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "history", corpus.HistoryFile)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
}

// BenchmarkProcessReportMarkdown and BenchmarkProcessReportExcel are
// `engage report` of the largest shipped strategy (L&SC) for 2023/24.
func BenchmarkProcessReportMarkdown(b *testing.B) {
	runProcess(b, buildEngage(b), "report", "strategies/lsc.yaml", "--year", "2023/24", "--as-of", "2024-04-01",
		"-o", filepath.Join(b.TempDir(), "lsc.md"))
}

func BenchmarkProcessReportExcel(b *testing.B) {
	runProcess(b, buildEngage(b), "report", "strategies/lsc.yaml", "--year", "2023/24", "--as-of", "2024-04-01",
		"-o", filepath.Join(b.TempDir(), "lsc.xlsx"))
}

// BenchmarkProcessCompare42 is `engage compare` of 42 synthetic ICBs (40
// objectives each) to an Excel workbook. Target (issue 7): under 300 ms.
func BenchmarkProcessCompare42(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpus.ICBs(dir, 40); err != nil {
		b.Fatal(err)
	}
	runProcess(b, buildEngage(b), "compare", "--as-of", "2026-11-22", dir, "-o", filepath.Join(dir, "cmp.xlsx"))
}

// BenchmarkProcessVersion is `engage --version`: the cost of starting up.
func BenchmarkProcessVersion(b *testing.B) {
	runProcess(b, buildEngage(b), "--version")
}
