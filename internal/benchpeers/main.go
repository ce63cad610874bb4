//go:build unix

// Command benchpeers (make bench-peers) times engage validate against its
// floor (internal/floor: the same files only parsed into yaml.v3 nodes, on
// the same number of cores) on the 10,000-file corpus, and against ajv-cli
// (the same schemas/strategy.schema.json, draft 2020-12) on 1,000 of the
// files, and prints the ratios next to issue 8's targets. Times are whole
// processes, the median of several runs.
//
//	go run ./internal/benchpeers -engage bin/engage -floor bin/floor -ajv PATH -corpus bin/corpus
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	engage := flag.String("engage", "bin/engage", "the engage binary")
	floor := flag.String("floor", "bin/floor", "the floor binary")
	ajv := flag.String("ajv", "", "the ajv-cli binary")
	yaml2json := flag.String("yaml2json", "scripts/yaml2json.mjs", "the script that converts the files for ajv")
	corpus := flag.String("corpus", "bin/corpus", "the corpus from make corpus")
	runs := flag.Int("runs", 5, "runs of each command (ajv: 3)")
	flag.Parse()
	if err := run(*engage, *floor, *ajv, *yaml2json, *corpus, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "bench-peers:", err)
		os.Exit(1)
	}
}

// timing is the median wall time of runs of a command, and its largest
// peak memory.
type timing struct {
	median time.Duration
	peakMB float64
}

func measure(runs int, name string, args ...string) (timing, error) {
	var times []time.Duration
	var peak int64
	for range runs {
		cmd := exec.Command(name, args...) //nolint:gosec // G204: the tools this program was given
		cmd.Stdout, cmd.Stderr = nil, os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return timing{}, fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
		}
		times = append(times, time.Since(start))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss) // kilobytes on Linux
		}
	}
	slices.Sort(times)
	return timing{median: times[len(times)/2], peakMB: float64(peak) / 1024}, nil
}

func run(engage, floor, ajv, yaml2json, corpus string, runs int) error {
	all := filepath.Join(corpus, "files")
	n, err := count(all)
	if err != nil {
		return fmt.Errorf("%w (run make corpus first)", err)
	}
	// The first ten folders of 100 files: the 1,000-file corpus.
	var thousand []string
	for i := range 10 {
		thousand = append(thousand, filepath.Join(all, fmt.Sprintf("%03d", i)))
	}
	jsonDir := filepath.Join(corpus, "json1000")
	if _, err := os.Stat(jsonDir); err != nil {
		args := append([]string{yaml2json, jsonDir}, thousand...)
		if out, err := exec.Command("node", args...).CombinedOutput(); err != nil { //nolint:gosec // G204: our script
			return fmt.Errorf("converting the files to JSON for ajv: %w\n%s", err, out)
		}
	}
	fmt.Printf("bench-peers: %d cores (GOMAXPROCS), whole-process wall time, median of %d runs (ajv %d)\n\n", runtime.NumCPU(), runs, min(runs, 3))
	validateAll, err := measure(runs, engage, "validate", "--as-of", "2026-01-01", all)
	if err != nil {
		return err
	}
	floorAll, err := measure(runs, floor, all)
	if err != nil {
		return err
	}
	validate1k, err := measure(runs, engage, append([]string{"validate", "--as-of", "2026-01-01"}, thousand...)...)
	if err != nil {
		return err
	}
	floor1k, err := measure(runs, floor, thousand...)
	if err != nil {
		return err
	}
	ajvArgs := []string{"validate", "--spec=draft2020", "--strict=false", "--errors=line", "-s", "schemas/strategy.schema.json", "-d"}
	ajv1k, err := measure(min(runs, 3), ajv, append(ajvArgs, filepath.Join(jsonDir, "*.json"))...)
	if err != nil {
		return err
	}
	// ajv-cli reading the YAML itself (js-yaml, YAML 1.1: it reads dates
	// as timestamps, so it finds every file invalid; the time still counts).
	ajvYAML, err := measure(min(runs, 3), "sh", "-c", strings.Join(quote(append([]string{ajv}, ajvArgs...)), " ")+
		" "+quote([]string{filepath.Join(all, "00[0-9]", "*.yaml")})[0]+" >/dev/null 2>&1; true")
	if err != nil {
		return err
	}
	row := func(what string, t timing) {
		fmt.Printf("  %-66s %8.0f ms  %6.0f MB peak\n", what, float64(t.median.Microseconds())/1000, t.peakMB)
	}
	row(fmt.Sprintf("engage validate, %d files", n), validateAll)
	row(fmt.Sprintf("floor (parse into yaml.v3 nodes only), %d files", n), floorAll)
	row("engage validate, 1,000 files", validate1k)
	row("floor, 1,000 files", floor1k)
	row("ajv-cli (draft 2020-12) on the YAML, 1,000 files", ajvYAML)
	row("ajv-cli (draft 2020-12) on the files made JSON first, 1,000 files", ajv1k)
	ratio := float64(validateAll.median) / float64(floorAll.median)
	speedup := float64(ajvYAML.median) / float64(validate1k.median)
	speedupJSON := float64(ajv1k.median) / float64(validate1k.median)
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT MET"
	}
	fmt.Printf("\n  engage / floor on %d files: %.2fx (target: within 1.5x) %s\n", n, ratio, verdict(ratio <= 1.5))
	fmt.Printf("  ajv-cli / engage on 1,000 files: %.1fx on the YAML, %.1fx on JSON (target: engage at least 10x faster) %s\n", speedup, speedupJSON, verdict(speedup >= 10))
	fmt.Printf("  floor / ajv-cli on YAML: %.2fx: parsing alone bounds what any yaml.v3 validator can gain on ajv\n",
		float64(floor1k.median)/float64(ajvYAML.median))
	fmt.Printf("  engage peak memory on %d files: %.0f MB (target: under 200 MB) %s\n", n, validateAll.peakMB, verdict(validateAll.peakMB < 200))
	return nil
}

// quote quotes words for sh.
func quote(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	return out
}

func count(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			n++
		}
		return err
	})
	return n, err
}
