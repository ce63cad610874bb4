package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/engage-icb/engage/internal/corpus"
)

// Issue 16's benchmarks: whole runs of engage at the sizes where a cost
// must stay bounded or grow no faster than the input. Each reports peak-MB;
// where linearity matters, there are two sizes, 1x and 8x. The inputs are
// generated (internal/corpus), so these run without make corpus. Figures:
// docs/performance.md.

// writeFile writes a generated input into a temporary folder.
func writeFile(b *testing.B, name string, data []byte) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkProcessReportExcelObjectives is the Excel report of a strategy
// whose objectives are all in the year reported on: 1,000 and 8,000.
// Target: 8,000 under 1 s, and about 8 times 1,000 (it was quadratic).
func BenchmarkProcessReportExcelObjectives(b *testing.B) {
	bin := buildEngage(b)
	for _, n := range []int{1000, 8000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			in := writeFile(b, "plan.yaml", corpus.OneYear(n, 1))
			runProcessExit(b, 0, true, bin, "report", in, "--year", "2024/25", "--as-of", "2025-01-01", "-o", filepath.Join(b.TempDir(), "r.xlsx"))
		})
	}
}

// BenchmarkProcessReportAtSizeLimit is the report of a strategy of 9.9 MB,
// just under the 10 MB limit, in every format. Target: under 10 s and
// 500 MB each.
func BenchmarkProcessReportAtSizeLimit(b *testing.B) {
	bin := buildEngage(b)
	in := writeFile(b, "plan.yaml", corpus.AtSize(9_900_000))
	for _, ext := range []string{"md", "xlsx"} {
		b.Run(ext, func(b *testing.B) {
			runProcessExit(b, 0, true, bin, "report", in, "--year", "2024/25", "--as-of", "2025-01-01", "-o", filepath.Join(b.TempDir(), "r."+ext))
		})
	}
}

// BenchmarkProcessReportCheckBomb is report --check against a 160 KB
// workbook whose one sheet part unpacks to 50 MB, named by five sheets
// (250 MB in all): refused, exit 2. Target: under 1 s and 100 MB (it took
// 27 s and 3.9 GB).
func BenchmarkProcessReportCheckBomb(b *testing.B) {
	bin := buildEngage(b)
	dir := b.TempDir()
	bomb := filepath.Join(dir, "report.xlsx")
	if err := corpus.BombWorkbook(bomb, 50, 5); err != nil {
		b.Fatal(err)
	}
	plan, err := filepath.Abs("../../examples/minimal.yaml")
	if err != nil {
		b.Fatal(err)
	}
	runProcessExit(b, 2, true, bin, "report", plan, "--year", "2025/26", "--as-of", "2025-06-01", "-o", bomb, "--check")
}

// BenchmarkProcessManyFiles is coverage, compare and status over 6,250
// and 50,000 small strategies (1 KB each). Target: under 300 MB peak at
// 50,000 (they took 1.2 to 1.8 GB), and time about 8 times 6,250.
func BenchmarkProcessManyFiles(b *testing.B) {
	bin := buildEngage(b)
	root := b.TempDir()
	dirs := map[int]string{}
	for _, n := range []int{6250, 50000} {
		dirs[n] = filepath.Join(root, fmt.Sprint(n))
		if _, err := corpus.SmallFiles(dirs[n], n); err != nil {
			b.Fatal(err)
		}
	}
	for _, command := range [][]string{{"coverage"}, {"compare", "--as-of", "2025-07-01"}, {"status", "--as-of", "2025-07-01"}} {
		for _, n := range []int{6250, 50000} {
			b.Run(fmt.Sprintf("%s/%d", command[0], n), func(b *testing.B) {
				runProcessExit(b, 0, true, bin, append(command, dirs[n])...)
			})
		}
	}
}

// BenchmarkProcessValidateFindings is validate of one file with 12,500
// and 100,000 findings (all errors, each with a hint), in every format.
// Target: under 500 MB peak at 100,000 in every format (1.2 to 1.7 GB).
func BenchmarkProcessValidateFindings(b *testing.B) {
	bin := buildEngage(b)
	files := map[int]string{12500: writeFile(b, "f12500.yaml", corpus.Findings(12500)), 100000: writeFile(b, "f100000.yaml", corpus.Findings(100000))}
	for _, format := range []string{"text", "json", "github", "junit", "sarif", "markdown"} {
		for _, n := range []int{12500, 100000} {
			b.Run(fmt.Sprintf("%s/%d", format, n), func(b *testing.B) {
				runProcessExit(b, 1, true, bin, "validate", "--as-of", "2025-07-01", "-f", format, files[n])
			})
		}
	}
}
