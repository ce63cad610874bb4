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

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run())
}
