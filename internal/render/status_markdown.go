package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// StatusMarkdown writes dashboards as Markdown for a board paper.
type StatusMarkdown struct{}

// Render writes the dashboards.
func (StatusMarkdown) Render(w io.Writer, boards []*status.Board) error {
	var b strings.Builder
	counts := func(first string, rows func(row func(name string, c status.Counts))) {
		t := newTable(append(append([]string{first}, strategy.Statuses...), "total")...).alignRight(1)
		rows(func(name string, c status.Counts) {
			cells := []string{name}
			for _, s := range strategy.Statuses {
				cells = append(cells, strconv.Itoa(c[s]))
			}
			t.row(append(cells, strconv.Itoa(c.Total()))...)
		})
		b.WriteString(t.String())
	}
	list := func(title, column string, items []status.Item, extra func(status.Item) string) {
		fmt.Fprintf(&b, "\n### %s (%d)\n\n", title, len(items))
		if len(items) == 0 {
			b.WriteString("None.\n")
			return
		}
		t := newTable("item", "status", column, "title")
		for _, it := range items {
			t.row(it.Kind+"\u00a0"+idCell(it.ID), statusCell(it.Status), extra(it),
				safetext.MarkdownCell(safetext.Truncate(safetext.Terminal(it.Title), 100)))
		}
		b.WriteString(t.String())
	}
	if len(boards) > 0 {
		fmt.Fprintf(&b, "# Delivery as of %s\n\n", boards[0].AsOf)
	}
	for i, bd := range boards {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "## %s: delivery as of %s\n\n", safetext.Markdown(safetext.Terminal(bd.Name)), bd.AsOf)
		counts("items", func(row func(string, status.Counts)) {
			row("objectives", bd.Objectives)
			row("milestones", bd.Milestones)
		})
		if bd.CarriedOver > 0 {
			fmt.Fprintf(&b, "\nCarried over: %s.\n", carriedLine(bd))
		}
		if bd.Due > 0 {
			fmt.Fprintf(&b, "\n%d of %d objectives due by %s are done (%d%%).\n", bd.DueDone, bd.Due, bd.AsOf, status.Percent(bd.DueDone, bd.Due))
		}
		if len(bd.ByPrinciple) > 0 {
			b.WriteString("\n### By national principle\n\n")
			counts("principle", func(row func(string, status.Counts)) {
				for _, g := range bd.ByPrinciple {
					row(g.Key+" "+safetext.MarkdownCell(safetext.Terminal(g.Label)), g.Counts)
				}
			})
		}
		if len(bd.ByTheme) > 0 {
			b.WriteString("\n### By theme\n\n")
			counts("theme", func(row func(string, status.Counts)) {
				for _, g := range bd.ByTheme {
					row(safetext.MarkdownCell(safetext.Terminal(g.Label)), g.Counts)
				}
			})
		}
		list("Overdue", "due", bd.Overdue, func(it status.Item) string { return dateCell(calendar.Display(it.Due)) })
		list("At risk or off track", "latest note", bd.Troubled, func(it status.Item) string { return safetext.MarkdownCell(safetext.Terminal(it.Note)) })
		list(fmt.Sprintf("Stale: no update for %d months", bd.StaleMonths), "last update", bd.Stale, func(it status.Item) string { return dateCell(calendar.Display(it.LastUpdate)) })
		list("Milestones in "+bd.Window, "when", bd.InWindow, func(it status.Item) string { return dateCell(calendar.DisplaySpan(it.From, it.Due)) })
		if len(bd.Metrics) > 0 {
			b.WriteString("\n### Metrics\n\n")
			t := newTable("metric", "where it stands")
			for _, m := range bd.Metrics {
				t.row(safetext.MarkdownCell(safetext.Terminal(m.Title)), safetext.MarkdownCell(metricLine(m)))
			}
			b.WriteString(t.String())
		}
		if bd.Activities > 0 {
			fmt.Fprintf(&b, "\n### Engagement activities\n\n%d recorded, %d with what changed as a result.\n", bd.Activities, bd.WithOutcome)
			fmt.Fprintf(&b, "\nAwaiting feedback (ended over %d months ago, nothing recorded of what changed):", bd.FeedbackMonths)
			if len(bd.AwaitingFeedback) == 0 {
				b.WriteString(" none.\n")
			} else {
				t := newTable("activity", "ended", "title")
				for _, a := range bd.AwaitingFeedback {
					t.row(idCell(a.ID), dateCell(a.Ended), safetext.MarkdownCell(safetext.Terminal(a.Title)))
				}
				b.WriteString("\n\n" + t.String())
			}
		}
		if len(bd.Items) > 0 {
			b.WriteString("\n### Every objective and milestone\n\n")
			t := newTable("item", "status", "due", "latest update")
			for _, it := range bd.Items {
				latest := dateCell(calendar.Display(it.LastUpdate))
				switch {
				case it.Note != "" && latest != "":
					latest += ": " + safetext.MarkdownCell(safetext.Terminal(it.Note))
				case it.Note != "":
					latest = safetext.MarkdownCell(safetext.Terminal(it.Note))
				}
				t.row(it.Kind+"\u00a0"+idCell(it.ID)+" "+safetext.MarkdownCell(safetext.Terminal(it.Title)),
					statusCell(it.Status), dateCell(calendar.Display(it.Due)), latest)
			}
			b.WriteString(t.String())
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// carriedLine says how many of a year's objectives are carried over from
// earlier years: "2 of the 5 objectives were set for earlier years (not
// finished, or updated in 2025/26)".
func carriedLine(bd *status.Board) string {
	set := "were set for earlier years"
	if bd.CarriedOver == 1 {
		set = "was set for an earlier year"
	}
	of := fmt.Sprintf("%d of the %d objectives", bd.CarriedOver, bd.Objectives.Total())
	switch bd.Objectives.Total() {
	case 1:
		of = "the year's one objective"
	case 2:
		if bd.CarriedOver == 2 {
			of = "both objectives"
		}
	case bd.CarriedOver:
		of = fmt.Sprintf("all %d objectives", bd.CarriedOver)
	}
	return fmt.Sprintf("%s %s (not finished, or updated in %s)", of, set, bd.Year)
}
