package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/engage-icb/engage/internal/history"
	"github.com/engage-icb/engage/internal/safetext"
)

// HistoryFormat writes a delivery history in one format.
type HistoryFormat = Format[*history.Report]

// History are the formats a delivery history can be written in.
var History = NewRegistry(
	Spec[*history.Report]{Name: "text", New: func(o Options) HistoryFormat { return HistoryText{Options: o} }},
	Spec[*history.Report]{Name: "markdown", Aliases: []string{"md"}, Exts: []string{".md"}, New: func(Options) HistoryFormat { return HistoryMarkdown{} }},
	Spec[*history.Report]{Name: "json", Exts: []string{".json"}, New: func(Options) HistoryFormat { return HistoryJSON{} }},
)

func statusWords(e history.Event) string {
	switch {
	case e.From == "":
		return "added as " + e.To
	case e.To == "":
		return "removed (was " + e.From + ")"
	}
	return e.From + " → " + e.To
}

// HistoryText writes each item's timeline for people, statuses in their
// colours. On a terminal every line fits its width: titles are cut, and
// authors' names give way to the status moves.
type HistoryText struct {
	Options
}

// Render writes the history.
func (t HistoryText) Render(w io.Writer, r *history.Report) error {
	th, width := t.Theme, t.cols()
	var b strings.Builder
	hang(&b, "", fmt.Sprintf("Delivery history of %s: %s", r.File, plural(r.Commits, "commit", "commits")), width, th.Bold)
	if r.Unchanged > 0 {
		hang(&b, "", fmt.Sprintf("%s whose status never changed not shown (--all shows them).", plural(r.Unchanged, "item", "items")), width, th.Muted)
	}
	authorWidth, movesWidth := 0, 0
	for _, tl := range r.Timelines {
		for _, e := range tl.Events {
			authorWidth = max(authorWidth, safetext.Width(safetext.Terminal(e.Author)))
			movesWidth = max(movesWidth, safetext.Width(statusWords(e)))
		}
	}
	widest := authorWidth
	authorWidth = 20 // piped, as it has always been
	if width > 0 {
		authorWidth = min(authorWidth, widest, max(width-2-10-2-7-2-1-movesWidth, 8))
	}
	for _, tl := range r.Timelines {
		lead := tl.Kind + " " + th.Bold(safetext.Terminal(tl.ID)) + "  "
		title := safetext.Terminal(tl.Title)
		if width == 0 {
			title = safetext.Truncate(title, 70)
		}
		fmt.Fprintf(&b, "\n%s%s\n", lead, th.Muted(fit(title, width, safetext.Width(lead), 0)))
		for _, e := range tl.Events {
			row := fmt.Sprintf("  %s  %s  %s ", e.Date, e.Commit[:min(7, len(e.Commit))], safetext.Pad(safetext.Truncate(safetext.Terminal(e.Author), authorWidth), authorWidth))
			flow(&b, row, safetext.Width(row), t.moves(e), " ", width)
		}
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "\n%s\n", th.Warning(fmt.Sprintf("%s not read:", plural(len(r.Skipped), "revision", "revisions"))))
		for _, s := range r.Skipped {
			hang(&b, fmt.Sprintf("  %s  %s  ", s.Date, s.Commit[:min(7, len(s.Commit))]), safetext.Terminal(s.Reason), width, plain)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// moves is an event's status words, as statusWords writes them, each
// status in its colour (the one it moved from dimmed).
func (t HistoryText) moves(e history.Event) []string {
	th := t.Theme
	switch {
	case e.From == "":
		return []string{"added", "as", th.Status(e.To, e.To)}
	case e.To == "":
		return []string{"removed", "(was", th.Old(e.From) + ")"}
	}
	return []string{th.Old(e.From), "→", th.Status(e.To, e.To)}
}

// HistoryMarkdown writes the history as one table of changes, by date.
type HistoryMarkdown struct{}

// Render writes the history.
func (HistoryMarkdown) Render(w io.Writer, r *history.Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Delivery history of %s\n\n%s.", safetext.Markdown(safetext.Terminal(r.File)), plural(r.Commits, "commit", "commits"))
	if r.Unchanged > 0 {
		fmt.Fprintf(&b, " %s whose status never changed not shown.", plural(r.Unchanged, "item", "items"))
	}
	b.WriteString("\n\n")
	type row struct {
		tl history.Timeline
		e  history.Event
	}
	var rows []row
	for _, tl := range r.Timelines {
		for _, e := range tl.Events {
			rows = append(rows, row{tl, e})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].e.Date < rows[j].e.Date })
	b.WriteString("| date | item | change | commit | author |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range rows {
		b.WriteString(mdRow(r.e.Date, fmt.Sprintf("%s `%s`: %s", r.tl.Kind, strings.ReplaceAll(r.tl.ID, "`", "'"), safetext.MarkdownCell(safetext.Truncate(safetext.Terminal(r.tl.Title), 60))),
			safetext.MarkdownCell(statusWords(r.e)), "`"+r.e.Commit[:min(7, len(r.e.Commit))]+"`", safetext.MarkdownCell(safetext.Terminal(r.e.Author))))
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "\n%s not read:\n\n", plural(len(r.Skipped), "revision", "revisions"))
		for _, s := range r.Skipped {
			fmt.Fprintf(&b, "- %s `%s`: %s\n", s.Date, s.Commit[:min(7, len(s.Commit))], safetext.Markdown(safetext.Terminal(s.Reason)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// HistoryJSON writes the history as one versioned JSON document.
type HistoryJSON struct{}

// Render writes the history.
func (HistoryJSON) Render(w io.Writer, r *history.Report) error {
	return WriteJSON(w, struct {
		SchemaVersion int `json:"schemaVersion"`
		*history.Report
	}{SchemaVersion, r})
}
