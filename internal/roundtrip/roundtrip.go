// Package roundtrip is the annual review workbook's round trip: what the
// report workbook carries so that delivery leads can type their updates
// into it (the columns to fill in, and properties that say which strategy
// it was made from), and how engage import reads those updates back and
// plans them as changes to the strategy.
//
// The report writer (internal/render) and the reader here share this
// file's names, so the two cannot drift apart. The reader finds columns by
// their heading, not their place, so a workbook whose columns were
// widened, moved or added to, whose rows were sorted or filtered, or that
// Excel or LibreOffice saved again, still reads.
package roundtrip

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/engage-icb/engage/pkg/strategy"
)

// The workbook's custom properties (File > Info > Properties > Advanced
// in Excel) that tie it to the strategy it was made from.
const (
	PropStrategy = "engage-strategy" // the strategy file's path, as report was given it
	// PropFromWorkbook is the strategy file's path from the workbook's
	// folder, with forward slashes, so that engage import finds the file
	// wherever it is run from (workbooks made before it have only
	// PropStrategy).
	PropFromWorkbook = "engage-strategy-from-workbook"
	PropICB          = "engage-icb"    // the ICB's code
	PropSHA256       = "engage-sha256" // SHA-256 of the file's bytes, in hex
)

// The headings of the columns to fill in, and of the column that records
// each item as it was when the workbook was made.
const (
	HeadID        = "ID"
	HeadNewStatus = "New status"
	HeadUpdate    = "Update (what happened)"
	HeadEvidence  = "Evidence link"
	HeadDate      = "Date"
	HeadNewValue  = "New value"
	HeadAsMade    = "As made (engage)"
)

// A Sheet is a report sheet that takes updates: its name, the kind of
// item its rows are, and its columns to fill in.
type Sheet struct {
	Name   string
	Kind   string // objective, milestone or metric
	Inputs []string
}

// Sheets are the sheets that take updates.
var Sheets = []Sheet{
	{Name: "Objectives", Kind: "objective", Inputs: []string{HeadNewStatus, HeadUpdate, HeadEvidence, HeadDate}},
	{Name: "Roadmap", Kind: "milestone", Inputs: []string{HeadNewStatus, HeadUpdate, HeadEvidence, HeadDate}},
	{Name: "Metrics", Kind: "metric", Inputs: []string{HeadNewValue, HeadUpdate, HeadDate}},
}

// SheetNamed returns the sheet that takes updates with that name.
func SheetNamed(name string) (Sheet, bool) {
	for _, s := range Sheets {
		if s.Name == name {
			return s, true
		}
	}
	return Sheet{}, false
}

// ItemState is an objective's or milestone's delivery as a line of text:
// its status, how many updates its log has and the last one's date. The
// workbook keeps it for each row (HeadAsMade), so that import can tell
// whether the item changed in the strategy since the workbook was made.
func ItemState(status string, log []strategy.Update) string {
	if status == "" {
		status = "(none)"
	}
	s := fmt.Sprintf("status %s; %s", status, count(len(log), "update"))
	if n := len(log); n > 0 {
		s += "; last " + log[n-1].Date
	}
	return s
}

// MetricState is a metric's measurements as a line of text (see
// ItemState): how many, and the last one's value and date.
func MetricState(actuals int, last float64, lastDate string) string {
	s := count(actuals, "measurement")
	if actuals > 0 {
		s += fmt.Sprintf("; last %s on %s", strconv.FormatFloat(last, 'g', -1, 64), lastDate)
	}
	return s
}

// StateOf is the state (ItemState, MetricState) of a strategy's item.
func StateOf(item any) string {
	switch it := item.(type) {
	case *strategy.Objective:
		return ItemState(it.Status, it.Updates)
	case *strategy.Milestone:
		return ItemState(it.Status, it.Updates)
	case *strategy.Metric:
		if it == nil {
			return MetricState(0, 0, "")
		}
		if n := len(it.Actuals); n > 0 {
			return MetricState(n, it.Actuals[n-1].Value, it.Actuals[n-1].Date)
		}
		return MetricState(0, 0, "")
	}
	return ""
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
