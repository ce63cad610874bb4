package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/internal/corpus"
	"github.com/engage-icb/engage/internal/roundtrip"
)

// BenchmarkProcessImport is engage import of a report workbook of 125
// and 1,000 objectives, every one given a new status and an update, as a
// whole process: the dry run (read the workbook, plan each update as an
// edit, validate before and after) and --apply on a fresh copy of the
// strategy each time. Target: 1,000 objectives under 500 ms, and 1,000
// about 8 times 125 (each item is edited alone: roundtrip.applyEach).
func BenchmarkProcessImport(b *testing.B) {
	bin := buildEngage(b)
	for _, n := range []int{125, 1000} {
		dir := b.TempDir()
		plan := filepath.Join(dir, "plan.yaml")
		original := corpus.OneYear(n, 1)
		if err := os.WriteFile(plan, original, 0o644); err != nil {
			b.Fatal(err)
		}
		wb := filepath.Join(dir, "updates.xlsx")
		if out, err := exec.Command(bin, "report", plan, "--year", "2024/25", "--as-of", "2025-01-01", "-o", wb).CombinedOutput(); err != nil {
			b.Fatalf("report: %v\n%s", err, out)
		}
		if err := fillAll(wb); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("dry-run/%d", n), func(b *testing.B) {
			runProcessExit(b, 1, true, bin, "import", wb, plan)
		})
		b.Run(fmt.Sprintf("apply/%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				if err := os.WriteFile(plan, original, 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if out, err := exec.Command(bin, "import", wb, plan, "--apply").CombinedOutput(); err != nil {
					b.Fatalf("import --apply: %v\n%s", err, out)
				}
			}
		})
	}
}

// fillAll gives every objective of a report workbook a new status and an
// update, as a delivery lead would type them.
func fillAll(path string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	rows, err := f.GetRows("Objectives")
	if err != nil {
		return err
	}
	head, cols := -1, map[string]int{}
	for i, r := range rows {
		for j, v := range r {
			if v == roundtrip.HeadNewStatus {
				head = i
			}
			cols[v] = j + 1
		}
		if head >= 0 {
			break
		}
	}
	if head < 0 {
		return fmt.Errorf("%s: no %q column on Objectives", path, roundtrip.HeadNewStatus)
	}
	for i := head + 1; i < len(rows); i++ {
		if len(rows[i]) == 0 || rows[i][0] == "" {
			continue
		}
		for heading, v := range map[string]string{roundtrip.HeadNewStatus: "done", roundtrip.HeadUpdate: "Delivered as planned", roundtrip.HeadDate: "2025-01-01"} {
			cell, _ := excelize.CoordinatesToCellName(cols[heading], i+1)
			if err := f.SetCellStr("Objectives", cell, v); err != nil {
				return err
			}
		}
	}
	return f.Save()
}
