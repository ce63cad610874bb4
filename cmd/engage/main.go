// Command engage keeps an NHS Integrated Care Board's strategy for working
// with people and communities as code. See the README.
package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is engage's garbage collector setting: a run's live heap is
// small (a few parsed files at a time), so collecting when the heap has
// grown fivefold rather than twofold halves the time validation of many
// files spends collecting, for a peak of tens of megabytes
// (docs/performance.md). GOGC, when set, wins.
const gcPercent = 400

// memoryLimit is the soft limit the collector keeps the heap under: with
// gcPercent alone a run whose live heap is large (a 10 MB file with
// 100,000 findings, a comparison of 50,000 strategies) would grow to five
// times it; above the limit the collector works harder instead, at some
// cost in time (docs/performance.md). Runs that stay below it, nearly
// all, are not affected. GOMEMLIMIT, when set, wins.
const memoryLimit = 256 << 20

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run())
}
