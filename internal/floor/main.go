// Command floor is the floor engage's validation is measured against (make
// bench-peers): it only reads YAML files into yaml.v3 nodes, on GOMAXPROCS
// workers, and checks nothing. No validator can be faster than reading
// the files.
//
//	go run ./internal/floor PATH...
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"gopkg.in/yaml.v3"
)

func main() {
	// The same collector setting as engage (cmd/engage/main.go), so the
	// two differ only in the work they do.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	var paths []string
	for _, arg := range os.Args[1:] {
		err := filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error { //nolint:gosec // G703: walking the folders named is the job
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				paths = append(paths, p)
			}
			return err
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(2)
		}
	}
	jobs := make(chan string)
	var nodes, failed atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				data, err := os.ReadFile(p) //nolint:gosec // G304: the files named
				var n yaml.Node
				if err == nil {
					err = yaml.Unmarshal(data, &n)
				}
				if err != nil {
					failed.Add(1)
					continue
				}
				nodes.Add(int64(len(n.Content)))
			}
		}()
	}
	for _, p := range paths {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("%d files read, %d could not be\n", len(paths), failed.Load())
	if failed.Load() > 0 {
		os.Exit(1)
	}
}
