package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// StatusSymbols pairs each status with a symbol, so it reads without
// colour: the NHS BRAG colours (blue done, green in progress, amber at risk,
// red off track) only ever add to the word and the symbol.
var StatusSymbols = map[string]string{
	strategy.NotReported: "?", strategy.Planned: "○", strategy.InProgress: "▶",
	strategy.AtRisk: "▲", strategy.OffTrack: "✖", strategy.Done: "✔", strategy.Dropped: "—",
}

// StatusFormat writes delivery dashboards in one format.
type StatusFormat = Format[[]*status.Board]

// Status are the formats delivery dashboards can be written in.
var Status = NewRegistry(
	Spec[[]*status.Board]{Name: "text", New: func(o Options) StatusFormat { return StatusText{Options: o} }, Each: &Each{Between: statusBetween}},
	Spec[[]*status.Board]{Name: "markdown", Aliases: []string{"md"}, Exts: []string{".md"}, New: func(Options) StatusFormat { return StatusMarkdown{} }, Each: &Each{Between: "\n", Once: "# "}},
	Spec[[]*status.Board]{Name: "json", Exts: []string{".json"}, New: func(Options) StatusFormat { return StatusJSON{} }, Each: &Each{JSONKey: "strategies"}},
)

// statusBetween is what the text dashboard writes between two strategies.
var statusBetween = "\n" + strings.Repeat("─", 60) + "\n\n"

// StatusText writes dashboards for people: styled on a terminal, plain and
// aligned when piped.
type StatusText struct {
	Options
}

// Render writes the dashboards.
func (t StatusText) Render(w io.Writer, boards []*status.Board) error {
	th := t.Theme
	var b strings.Builder
	// Pad before styling, so colour codes do not upset the alignment.
	word := func(s string, width int) string {
		return th.Status(s, fmt.Sprintf("%-*s", width, StatusSymbols[s]+" "+s))
	}
	counts := func(c status.Counts) string {
		var parts []string
		for _, s := range strategy.Statuses {
			if c[s] > 0 {
				parts = append(parts, th.Status(s, fmt.Sprintf("%s %s %d", StatusSymbols[s], s, c[s])))
			}
		}
		if len(parts) == 0 {
			return th.Muted("none")
		}
		return strings.Join(parts, "  ")
	}
	items := func(title string, list []status.Item, line func(status.Item) string) {
		fmt.Fprintf(&b, "\n%s\n", th.Bold(fmt.Sprintf("%s (%d)", title, len(list))))
		if len(list) == 0 {
			fmt.Fprintf(&b, "  %s\n", th.Muted("none"))
		}
		for _, it := range list {
			fmt.Fprintf(&b, "  %-9s %-8s %s %s\n", it.Kind, safetext.Terminal(it.ID), word(it.Status, 14), line(it))
		}
	}
	for i, bd := range boards {
		if i > 0 {
			b.WriteString(statusBetween)
		}
		fmt.Fprintf(&b, "%s\n", th.Bold(safetext.Terminal(bd.Name)+" · delivery as of "+bd.AsOf))
		scope := "all years"
		if bd.Year != "" {
			scope = "financial year " + bd.Year
		}
		fmt.Fprintf(&b, "%s\n\n", th.Muted(bd.File+" · "+scope))
		fmt.Fprintf(&b, "%-12s %3d   %s\n", "Objectives", bd.Objectives.Total(), counts(bd.Objectives))
		fmt.Fprintf(&b, "%-12s %3d   %s\n", "Milestones", bd.Milestones.Total(), counts(bd.Milestones))
		share := "none due yet"
		if bd.Due > 0 {
			share = fmt.Sprintf("%d of %d due done (%d%%)", bd.DueDone, bd.Due, status.Percent(bd.DueDone, bd.Due))
		}
		fmt.Fprintf(&b, "%-12s       %s\n", "Due by now", share)
		if len(bd.ByYear) > 0 {
			fmt.Fprintf(&b, "\n%s\n", th.Bold("Objectives by financial year"))
			for _, g := range bd.ByYear {
				fmt.Fprintf(&b, "  %-20s %3d   %s\n", g.Key, g.Counts.Total(), counts(g.Counts))
			}
		}
		if len(bd.ByPrinciple) > 0 {
			fmt.Fprintf(&b, "\n%s\n", th.Bold("Objectives and milestones by national principle"))
			for _, g := range bd.ByPrinciple {
				fmt.Fprintf(&b, "  %2s %-36s %3d   %s\n", g.Key, safetext.Truncate(g.Label, 36), g.Counts.Total(), counts(g.Counts))
			}
		}
		if len(bd.ByTheme) > 0 {
			fmt.Fprintf(&b, "\n%s\n", th.Bold("Objectives and milestones by theme"))
			for _, g := range bd.ByTheme {
				fmt.Fprintf(&b, "  %-39s %3d   %s\n", safetext.Truncate(safetext.Terminal(g.Label), 39), g.Counts.Total(), counts(g.Counts))
			}
		}
		items("Overdue", bd.Overdue, func(it status.Item) string {
			return "due " + calendar.Display(it.Due) + "  " + th.Muted(safetext.Truncate(safetext.Terminal(it.Title), 50))
		})
		items("At risk or off track", bd.Troubled, func(it status.Item) string {
			note := it.Note
			if note == "" {
				note = "(no note)"
			}
			return safetext.Truncate(safetext.Terminal(it.Title), 40) + "  " + th.Muted("latest: "+safetext.Truncate(safetext.Terminal(note), 60))
		})
		items(fmt.Sprintf("Stale: no update for %d months", bd.StaleMonths), bd.Stale, func(it status.Item) string {
			return "last " + calendar.Display(it.LastUpdate) + "  " + th.Muted(safetext.Truncate(safetext.Terminal(it.Title), 50))
		})
		items("Milestones in "+bd.Window, bd.InWindow, func(it status.Item) string {
			return calendar.DisplaySpan(it.From, it.Due) + "  " + th.Muted(safetext.Truncate(safetext.Terminal(it.Title), 50))
		})
		fmt.Fprintf(&b, "\n%s\n", th.Bold(fmt.Sprintf("Metrics (%d)", len(bd.Metrics))))
		if len(bd.Metrics) == 0 {
			fmt.Fprintf(&b, "  %s\n", th.Muted("none"))
		}
		for _, m := range bd.Metrics {
			fmt.Fprintf(&b, "  %-26s %s\n", safetext.Truncate(safetext.Terminal(m.ID), 26), metricLine(m))
		}
		if bd.Activities > 0 {
			fmt.Fprintf(&b, "\n%s\n", th.Bold(fmt.Sprintf("Engagement activities (%d, %d with what changed recorded)", bd.Activities, bd.WithOutcome)))
			fmt.Fprintf(&b, "  %s\n", th.Muted(fmt.Sprintf("Awaiting feedback: ended over %d months ago, nothing recorded of what changed (%d)", bd.FeedbackMonths, len(bd.AwaitingFeedback))))
			for _, a := range bd.AwaitingFeedback {
				fmt.Fprintf(&b, "  %-16s ended %s  %s\n", safetext.Terminal(a.ID), a.Ended, th.Muted(safetext.Truncate(safetext.Terminal(a.Title), 50)))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// metricLine writes "latest 2,100 people (2024-03), baseline 1,340 people
// (2023-06-21), target around 4,000 people; 27% of the way": each value as
// its source states it.
func metricLine(m status.Metric) string {
	val := func(v *status.Value) string {
		if v == nil {
			return "—"
		}
		s := strategy.Amount(v.Value, v.Qualifier, m.Unit)
		if v.Date != "" {
			s += " (" + calendar.Display(v.Date) + ")"
		}
		return s
	}
	line := "latest " + val(m.Latest) + ", baseline " + val(m.Baseline) + ", target " + val(m.Target)
	if m.Progress != nil {
		line += fmt.Sprintf("; %d%% of the way", status.RoundPercent(*m.Progress))
	}
	return line
}

// StatusJSON writes dashboards as one versioned JSON document.
type StatusJSON struct{}

// Render writes the dashboards.
func (StatusJSON) Render(w io.Writer, boards []*status.Board) error {
	if boards == nil {
		boards = []*status.Board{}
	}
	return WriteJSON(w, struct {
		SchemaVersion int             `json:"schemaVersion"`
		Strategies    []*status.Board `json:"strategies"`
	}{SchemaVersion, boards})
}
