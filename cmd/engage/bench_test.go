package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/engage-icb/engage/internal/corpus"
	"github.com/engage-icb/engage/internal/icb"
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
// or CI sees them. ns/op is the wall time of one run. (Allocations
// reported are the benchmark's own, not engage's.)
func runProcess(b *testing.B, bin string, args ...string) {
	b.Helper()
	runProcessExit(b, 0, false, bin, args...)
}

// runProcessExit is runProcess for a command whose exit code is want;
// with peakMB it reports peak-MB, the largest resident memory of a run,
// measured by internal/peakrss (Linux would count the test binary's own
// memory in a child it starts directly).
func runProcessExit(b *testing.B, want int, peakMB bool, bin string, args ...string) {
	b.Helper()
	b.ReportAllocs()
	peakFile := filepath.Join(b.TempDir(), "peak")
	if peakMB {
		peakrss := filepath.Join(filepath.Dir(bin), "peakrss")
		if out, err := exec.Command("go", "build", "-o", peakrss, "../../internal/peakrss").CombinedOutput(); err != nil {
			b.Fatalf("go build peakrss: %v\n%s", err, out)
		}
		args = append([]string{peakFile, bin}, args...)
		bin = peakrss
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != want {
		b.Fatalf("%v: %v (want exit %d)\n%s", args, err, want, out)
	}
	var peak int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, args...)
		cmd.Dir = "../.."
		cmd.Stdout, cmd.Stderr = nil, nil
		if err := cmd.Run(); cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != want {
			b.Fatal(err)
		}
		if kb, err := os.ReadFile(peakFile); err == nil {
			n, _ := strconv.ParseInt(strings.TrimSpace(string(kb)), 10, 64)
			peak = max(peak, n)
		}
	}
	if peakMB {
		b.ReportMetric(float64(peak)/1024, "peak-MB")
	}
}

// corpusDir is the corpus make corpus writes; make bench passes it.
func corpusDir(b *testing.B) string {
	b.Helper()
	dir := os.Getenv("ENGAGE_CORPUS")
	if dir == "" {
		b.Skip("SKIPPED: ENGAGE_CORPUS is not set: run make bench, which generates the corpus (make corpus) and sets it")
	}
	return dir
}

// BenchmarkProcessValidateOne is `engage validate` of one shipped strategy
// (L&SC, the largest). Target (issue 8): under 20 ms.
func BenchmarkProcessValidateOne(b *testing.B) {
	runProcess(b, buildEngage(b), "validate", "--as-of", "2026-11-22", "strategies/lsc.yaml")
}

// BenchmarkProcessValidateCorpus is `engage validate` of the 10,000-file
// corpus. Targets (issue 8): within 1.5x of the floor (make bench-peers)
// and a peak under 200 MB.
func BenchmarkProcessValidateCorpus(b *testing.B) {
	runProcessExit(b, 0, true, buildEngage(b), "validate", "--as-of", "2026-01-01", filepath.Join(corpusDir(b), "files"))
}

// BenchmarkProcessDiffCorpora is `engage diff` of the 42 ICBs' strategies
// against the same a year of delivery later (exit 1: they differ).
func BenchmarkProcessDiffCorpora(b *testing.B) {
	dir := corpusDir(b)
	runProcessExit(b, 1, false, buildEngage(b), "diff", filepath.Join(dir, "icbs"), filepath.Join(dir, "icbs-next"))
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
	b.ReportAllocs()
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

// BenchmarkProcessReportHTML is the same as one web page. Target (issue
// 19): under 50 ms.
func BenchmarkProcessReportHTML(b *testing.B) {
	runProcess(b, buildEngage(b), "report", "strategies/lsc.yaml", "--year", "2023/24", "--as-of", "2024-04-01",
		"-o", filepath.Join(b.TempDir(), "lsc.html"))
}

// BenchmarkProcessSite42 is `engage site` of the corpus's 42 ICBs (10-80
// objectives each) at 1x, and of eight times as many strategies (the 42
// eight times over, 336 files) at 8x, to show the cost grows linearly.
// Targets (issue 19): the 42 under 2 s and 200 MB.
func BenchmarkProcessSite42(b *testing.B) {
	dir := corpusDir(b)
	bin := buildEngage(b)
	for _, n := range []int{1, 8} {
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			src := filepath.Join(dir, "icbs")
			if n > 1 {
				src = b.TempDir()
				for i := 0; i < n; i++ {
					sub := filepath.Join(src, fmt.Sprint(i))
					if err := os.MkdirAll(sub, 0o755); err != nil {
						b.Fatal(err)
					}
					entries, _ := os.ReadDir(filepath.Join(dir, "icbs"))
					for _, e := range entries {
						data, err := os.ReadFile(filepath.Join(dir, "icbs", e.Name()))
						if err != nil {
							b.Fatal(err)
						}
						if err := os.WriteFile(filepath.Join(sub, e.Name()), data, 0o644); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
			out := filepath.Join(b.TempDir(), "site")
			runProcessExit(b, 0, true, bin, "site", "--as-of", "2026-01-01", "--no-git", src, "-o", out)
		})
	}
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

// BenchmarkProcessSuggest40 is `engage suggest --all` of a 40-objective
// strategy: every principle and objective matched and listed. Target
// (issue 22): under 20 ms.
func BenchmarkProcessSuggest40(b *testing.B) {
	path := filepath.Join(b.TempDir(), "s40.yaml")
	if err := os.WriteFile(path, corpus.Strategy(icb.All[0], 40, 1), 0o644); err != nil {
		b.Fatal(err)
	}
	runProcess(b, buildEngage(b), "suggest", "--all", path)
}

// BenchmarkProcessVersion is `engage --version`: the cost of starting up.
func BenchmarkProcessVersion(b *testing.B) {
	runProcess(b, buildEngage(b), "--version")
}
