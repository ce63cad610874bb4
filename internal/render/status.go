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
	Spec[[]*status.Board]{Name: "text", New: func(o Options) StatusFormat { return StatusText{Options: o} }},
	Spec[[]*status.Board]{Name: "markdown", Aliases: []string{"md"}, Exts: []string{".md"}, New: func(Options) StatusFormat { return StatusMarkdown{} }},
	Spec[[]*status.Board]{Name: "json", Exts: []string{".json"}, New: func(Options) StatusFormat { return StatusJSON{} }},
)

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

// StatusMarkdown writes dashboards as Markdown for a board paper.
type StatusMarkdown struct{}

// Render writes the dashboards.
func (StatusMarkdown) Render(w io.Writer, boards []*status.Board) error {
	var b strings.Builder
	head := "| | " + strings.Join(strategy.Statuses, " | ") + " | total |\n|---|" + strings.Repeat("---:|", len(strategy.Statuses)+1) + "\n"
	row := func(name string, c status.Counts) {
		fmt.Fprintf(&b, "| %s |", name)
		for _, s := range strategy.Statuses {
			fmt.Fprintf(&b, " %d |", c[s])
		}
		fmt.Fprintf(&b, " %d |\n", c.Total())
	}
	list := func(title string, items []status.Item, extra func(status.Item) string) {
		fmt.Fprintf(&b, "\n### %s (%d)\n\n", title, len(items))
		if len(items) == 0 {
			b.WriteString("None.\n")
			return
		}
		b.WriteString("| item | status | | title |\n|---|---|---|---|\n")
		for _, it := range items {
			fmt.Fprintf(&b, "| %s `%s` | %s %s | %s | %s |\n", it.Kind, strings.ReplaceAll(it.ID, "`", "'"), StatusSymbols[it.Status], it.Status,
				safetext.MarkdownCell(extra(it)), safetext.MarkdownCell(safetext.Truncate(safetext.Terminal(it.Title), 100)))
		}
	}
	if len(boards) > 0 {
		fmt.Fprintf(&b, "# Delivery as of %s\n\n", boards[0].AsOf)
	}
	if len(boards) > 1 {
		b.WriteString("| ICB | overdue | at risk or off track | stale | next review | objectives | by status |\n|---|---:|---:|---:|---|---:|---|\n")
		for _, bd := range boards {
			review := "not set"
			if bd.NextReview != "" {
				review = calendar.Display(bd.NextReview)
				if bd.ReviewOverdue {
					review += " (overdue)"
				}
			}
			var by []string
			for _, s := range strategy.Statuses {
				if n := bd.Objectives[s]; n > 0 {
					by = append(by, fmt.Sprintf("%s %d", statusWord(s), n))
				}
			}
			fmt.Fprintf(&b, "| %s | %d | %d | %d | %s | %d | %s |\n", safetext.MarkdownCell(safetext.Terminal(bd.Name)), len(bd.Overdue), len(bd.Troubled), len(bd.Stale),
				safetext.MarkdownCell(review), bd.Objectives.Total(), strings.Join(by, ", "))
		}
		b.WriteString("\n")
	}
	for i, bd := range boards {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "## %s: delivery as of %s\n\n", safetext.Markdown(safetext.Terminal(bd.Name)), bd.AsOf)
		b.WriteString(head)
		row("objectives", bd.Objectives)
		row("milestones", bd.Milestones)
		if bd.Due > 0 {
			fmt.Fprintf(&b, "\n%d of %d objectives due by %s are done (%d%%).\n", bd.DueDone, bd.Due, bd.AsOf, status.Percent(bd.DueDone, bd.Due))
		}
		if len(bd.ByPrinciple) > 0 {
			b.WriteString("\n### By national principle\n\n" + strings.Replace(head, "| |", "| principle |", 1))
			for _, g := range bd.ByPrinciple {
				row(g.Key+" "+safetext.MarkdownCell(g.Label), g.Counts)
			}
		}
		if len(bd.ByTheme) > 0 {
			b.WriteString("\n### By theme\n\n" + strings.Replace(head, "| |", "| theme |", 1))
			for _, g := range bd.ByTheme {
				row(safetext.MarkdownCell(safetext.Terminal(g.Label)), g.Counts)
			}
		}
		list("Overdue", bd.Overdue, func(it status.Item) string { return "due " + calendar.Display(it.Due) })
		list("At risk or off track", bd.Troubled, func(it status.Item) string { return safetext.Terminal(it.Note) })
		list(fmt.Sprintf("Stale: no update for %d months", bd.StaleMonths), bd.Stale, func(it status.Item) string { return "last " + calendar.Display(it.LastUpdate) })
		list("Milestones in "+bd.Window, bd.InWindow, func(it status.Item) string { return calendar.DisplaySpan(it.From, it.Due) })
		if len(bd.Metrics) > 0 {
			b.WriteString("\n### Metrics\n\n| metric | where it stands |\n|---|---|\n")
			for _, m := range bd.Metrics {
				fmt.Fprintf(&b, "| %s | %s |\n", safetext.MarkdownCell(safetext.Terminal(m.Title)), safetext.MarkdownCell(metricLine(m)))
			}
		}
		if bd.Activities > 0 {
			fmt.Fprintf(&b, "\n### Engagement activities\n\n%d recorded, %d with what changed as a result.\n", bd.Activities, bd.WithOutcome)
			fmt.Fprintf(&b, "\nAwaiting feedback (ended over %d months ago, nothing recorded of what changed):", bd.FeedbackMonths)
			if len(bd.AwaitingFeedback) == 0 {
				b.WriteString(" none.\n")
			} else {
				b.WriteString("\n\n| activity | ended | title |\n|---|---|---|\n")
				for _, a := range bd.AwaitingFeedback {
					fmt.Fprintf(&b, "| `%s` | %s | %s |\n", strings.ReplaceAll(a.ID, "`", "'"), a.Ended, safetext.MarkdownCell(safetext.Terminal(a.Title)))
				}
			}
		}
		if len(bd.Items) > 0 {
			b.WriteString("\n### Every objective and milestone\n\n| item | status | due | latest update |\n|---|---|---|---|\n")
			for _, it := range bd.Items {
				latest := calendar.Display(it.LastUpdate)
				switch {
				case it.Note != "" && latest != "":
					latest += ": " + safetext.Terminal(it.Note)
				case it.Note != "":
					latest = safetext.Terminal(it.Note)
				}
				fmt.Fprintf(&b, "| %s `%s` %s | %s | %s | %s |\n", it.Kind, strings.ReplaceAll(it.ID, "`", "'"), safetext.MarkdownCell(safetext.Terminal(it.Title)),
					statusWord(it.Status), calendar.Display(it.Due), safetext.MarkdownCell(latest))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
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
