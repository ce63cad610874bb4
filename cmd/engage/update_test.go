package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/validate"
)

// build compiles the real binary for tests that run it as separate
// processes.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "engage")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// errorsIn returns the error findings of a strategy's content.
func errorsIn(t *testing.T, src []byte) []finding.Finding {
	t.Helper()
	v, err := validate.New(validate.Options{AsOf: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var errs []finding.Finding
	for _, f := range v.Document(strategy.Parse("lsc.yaml", src)) {
		if f.Severity == finding.Error {
			errs = append(errs, f)
		}
	}
	return errs
}

// TestKillDuringStatusSet kills engage status set at random points, 200
// times: the file is always either the old version or the new one, and
// always validates.
func TestKillDuringStatusSet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs engage 200 times: skipped with -short")
	}
	bin := build(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "lsc.yaml")
	killDuring(t, bin, dir, "status", "set", file, "L2-04", "done", "--on", "2024-03-31", "--note", "Panel reached 4,000 members")
}

// TestKillDuringImport is TestKillDuringStatusSet for engage import
// --apply of three updates typed into a report workbook (issue 20): the
// strategy is the old file or the new one with all three, never some.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("runs engage 200 times: skipped with -short")
	}
	bin := build(t)
	dir, books := t.TempDir(), t.TempDir()
	file := filepath.Join(dir, "lsc.yaml")
	old, err := os.ReadFile("../../strategies/lsc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, old, 0o644); err != nil {
		t.Fatal(err)
	}
	wb := filepath.Join(books, "lsc.xlsx")
	if out, err := exec.Command(bin, "report", file, "--year", "2023/24", "--as-of", "2024-03-31", "-o", wb).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, c := range [][4]string{{"Objectives", "L1-01", "New status", "done"}, {"Objectives", "L1-01", "Date", "2024-03-20"},
		{"Roadmap", "R01", "New status", "done"}, {"Roadmap", "R01", "Date", "2024-03-28"}, {"Metrics", "citizen-panel", "New value", "n:2100"}, {"Metrics", "citizen-panel", "Date", "2024-03-31"}} {
		if err := xlsxFill(wb, c[0], c[1], c[2], c[3]); err != nil {
			t.Fatal(err)
		}
	}
	killDuring(t, bin, dir, "import", wb, file, "--apply")
}

// killDuring kills engage at random points while it updates dir's
// lsc.yaml (a copy of strategies/lsc.yaml) with args, at least 200 times,
// and checks each time that the file is the old version or the new one,
// valid, and that nothing is left but engage's own temporary file.
func killDuring(t *testing.T, bin, dir string, args ...string) {
	t.Helper()
	file := filepath.Join(dir, "lsc.yaml")
	old, err := os.ReadFile("../../strategies/lsc.yaml")
	if err != nil {
		t.Fatal(err)
	}

	// The new version, and how long a whole run takes.
	if err := os.WriteFile(file, old, 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	run := time.Since(start)
	updated, _ := os.ReadFile(file)
	if bytes.Equal(updated, old) {
		t.Fatalf("%v changed nothing", args)
	}

	rng := rand.New(rand.NewSource(1))
	outcomes := map[string]int{}
	// Kills land at random within 1.5 runs of the start, so some find the
	// old file and some the new. If after 200 one outcome has not occurred
	// (a busy machine makes runs slower than the first), the window widens
	// and the kills go on: the test must see both, or it tests nothing.
	window := run * 3 / 2
	kills := 0
	for i := 0; i < 200 || (i < 600 && (outcomes["old"] == 0 || outcomes["new"] == 0)); i++ {
		if i >= 200 && i%50 == 0 {
			window = window * 3 / 2
		}
		kills++
		if err := os.WriteFile(file, old, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(window))))
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("kill %d: the file is gone: %v", i, err)
		}
		switch {
		case bytes.Equal(got, old):
			outcomes["old"]++
		case bytes.Equal(got, updated):
			outcomes["new"]++
		default:
			t.Fatalf("kill %d: the file is neither the old nor the new version:\n%s", i, got)
		}
		if errs := errorsIn(t, got); len(errs) > 0 {
			t.Fatalf("kill %d: the file does not validate: %+v", i, errs)
		}
		// A killed run may leave its temporary file, named as only engage
		// names files (never a .yaml, which engage would read as a strategy).
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if e.Name() != "lsc.yaml" {
				if !strings.HasPrefix(e.Name(), ".lsc.yaml.engage-") || !strings.HasSuffix(e.Name(), ".tmp") {
					t.Fatalf("kill %d: left %s, not named .lsc.yaml.engage-RANDOM.tmp", i, e.Name())
				}
				outcomes["temporary file left"]++
				_ = os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	t.Logf("%d kills within %v of start: %v", kills, window, outcomes)
	if outcomes["old"] == 0 || outcomes["new"] == 0 {
		t.Fatalf("%d kills gave %v: both the old and the new file must occur, or the kills did not land during the write", kills, outcomes)
	}
}

// TestConcurrentStatusSet runs 50 status set calls on one file at once:
// all 50 updates land.
func TestConcurrentStatusSet(t *testing.T) {
	bin := build(t)
	old, err := os.ReadFile("../../strategies/lsc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "lsc.yaml")
	if err := os.WriteFile(file, old, 0o644); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	failures := make(chan string, 50)
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			status := []string{"in-progress", "at-risk"}[i%2]
			out, err := exec.Command(bin, "status", "set", file, "L2-04", status, "--on", "2024-03-31", "--note", fmt.Sprintf("update %02d", i)).CombinedOutput()
			if err != nil {
				failures <- fmt.Sprintf("update %d: %v: %s", i, err, out)
			}
		}(i)
	}
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
	got, _ := os.ReadFile(file)
	for i := 0; i < 50; i++ {
		if !bytes.Contains(got, []byte(fmt.Sprintf(`note: "update %02d"`, i))) {
			t.Errorf("update %02d did not land", i)
		}
	}
	d := strategy.Parse(file, got)
	for _, o := range d.Strategy.Objectives {
		if o.ID == "L2-04" && len(o.Updates) != 51 {
			t.Errorf("L2-04 has %d updates, want 1 + 50", len(o.Updates))
		}
	}
	if errs := errorsIn(t, got); len(errs) > 0 {
		t.Errorf("the file does not validate: %+v", errs)
	}
}

// TestSaveDuringStatusSet is issue 16's lost save: another program (an
// editor) rewrites the file in place, in two writes with a pause between,
// while status set runs. status set used to read the half-written file and
// rename its update over it: about half of 40 runs ended with the
// truncated file plus the update. Now the file is always the editor's
// whole save, with the update or (when engage saw the save and refused)
// without it.
func TestSaveDuringStatusSet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs engage 40 times: skipped with -short")
	}
	bin := build(t)
	old, err := os.ReadFile("../../strategies/lsc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	saved := append([]byte("# Saved by the editor while engage ran.\n"), old...)
	u := status.Update{ID: "L2-04", Status: "done", Date: "2024-03-31", Note: "Panel reached 4,000 members"}
	both, _, err := status.SetStatus(saved, u)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "lsc.yaml")
	args := []string{"status", "set", file, u.ID, u.Status, "--on", u.Date, "--note", u.Note}
	if err := os.WriteFile(file, old, 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	run := time.Since(start)
	rng := rand.New(rand.NewSource(16))
	outcomes := map[string]int{}
	for i := 0; i < 40; i++ {
		if err := os.WriteFile(file, old, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The editor: truncate, write half, pause, write the rest.
		time.Sleep(time.Duration(rng.Int63n(int64(run))))
		f, err := os.OpenFile(file, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = f.Write(saved[:len(saved)/2])
		time.Sleep(time.Duration(5+rng.Intn(20)) * time.Millisecond)
		_, _ = f.Write(saved[len(saved)/2:])
		_ = f.Close()
		runErr := cmd.Wait()
		got, _ := os.ReadFile(file)
		switch {
		case bytes.Equal(got, saved) && runErr == nil:
			outcomes["engage first, then the editor's save"]++
		case bytes.Equal(got, saved) && strings.Contains(stderr.String(), "engage has not changed it"):
			outcomes["engage saw the save and refused"]++
		case bytes.Equal(got, saved):
			// It read the half-written file, in which L2-04 may be missing
			// or the YAML broken: refused too.
			outcomes["engage refused the half-written file"]++
		case bytes.Equal(got, both) && runErr == nil:
			outcomes["the editor's save, then engage's update"]++
		default:
			t.Fatalf("run %d: the file is neither the editor's save nor the save with the update (exit %v, %s):\n%.300s", i, runErr, stderr.String(), got)
		}
	}
	t.Logf("40 runs: %v", outcomes)
	if outcomes["engage saw the save and refused"]+outcomes["engage refused the half-written file"] == 0 {
		t.Errorf("40 runs gave %v: the save never overlapped the update, so this tested nothing", outcomes)
	}
}
