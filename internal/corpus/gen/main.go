// Command gen writes engage's benchmark corpus (make corpus): the 42 ICBs'
// synthetic strategies, the same with a year of status changes, a corpus
// of many strategy files, and a git repository of status updates. The
// same seed gives the same files.
//
//	go run ./internal/corpus/gen -o bin/corpus -seed 1 -files 10000 -commits 1000
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/engage-icb/engage/internal/corpus"
)

func main() {
	out := flag.String("o", "bin/corpus", "folder to write the corpus into (replaced)")
	seed := flag.Int("seed", 1, "seed of the random choices")
	files := flag.Int("files", 10000, "number of files in files/")
	commits := flag.Int("commits", 1000, "number of commits in history/")
	flag.Parse()
	if err := run(*out, *seed, *files, *commits); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func run(out string, seed, files, commits int) error {
	start := time.Now()
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	icbs, next := filepath.Join(out, "icbs"), filepath.Join(out, "icbs-next")
	for _, d := range []string{icbs, next, filepath.Join(out, "history")} {
		if err := os.MkdirAll(d, 0o755); err != nil { //nolint:gosec // G301: test data
			return err
		}
	}
	paths, err := corpus.NationalSet(icbs, seed)
	if err != nil {
		return err
	}
	for _, p := range paths {
		data, err := os.ReadFile(p) //nolint:gosec // G304: the file just written
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(next, filepath.Base(p)), corpus.Next(data, seed), 0o644); err != nil { //nolint:gosec // G306: test data
			return err
		}
	}
	all, err := corpus.Files(filepath.Join(out, "files"), files, seed)
	if err != nil {
		return err
	}
	if err := corpus.HistoryRepo(filepath.Join(out, "history"), commits, 40); err != nil {
		return err
	}
	var size int64
	for _, p := range all {
		if st, err := os.Stat(p); err == nil {
			size += st.Size()
		}
	}
	fmt.Printf("corpus: wrote %s in %s: icbs/ and icbs-next/ (42 ICBs, 10-80 objectives each), files/ (%d files, %d MB), history/ (%d commits of %s)\n",
		out, time.Since(start).Round(time.Millisecond), len(all), size>>20, commits, corpus.HistoryFile)
	return nil
}
