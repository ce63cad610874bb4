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

// HistoryText writes each item's timeline for people.
type HistoryText struct {
	Options
}

// Render writes the history.
func (t HistoryText) Render(w io.Writer, r *history.Report) error {
	th := t.Theme
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", th.Bold(fmt.Sprintf("Delivery history of %s: %s", r.File, plural(r.Commits, "commit", "commits"))))
	for _, tl := range r.Timelines {
		fmt.Fprintf(&b, "\n%s %s  %s\n", tl.Kind, th.Bold(tl.ID), th.Muted(safetext.Truncate(safetext.Terminal(tl.Title), 70)))
		for _, e := range tl.Events {
			fmt.Fprintf(&b, "  %s  %s  %-20s %s\n", e.Date, e.Commit[:min(7, len(e.Commit))], safetext.Truncate(safetext.Terminal(e.Author), 20), statusWords(e))
		}
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, "\n%s\n", th.Warning(fmt.Sprintf("%s not read:", plural(len(r.Skipped), "revision", "revisions"))))
		for _, s := range r.Skipped {
			fmt.Fprintf(&b, "  %s  %s  %s\n", s.Date, s.Commit[:min(7, len(s.Commit))], safetext.Terminal(s.Reason))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// HistoryMarkdown writes the history as one table of changes, by date.
type HistoryMarkdown struct{}

// Render writes the history.
func (HistoryMarkdown) Render(w io.Writer, r *history.Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Delivery history of %s\n\n%s.\n\n", safetext.Markdown(r.File), plural(r.Commits, "commit", "commits"))
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
