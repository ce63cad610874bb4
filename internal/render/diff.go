package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/diff"
)

// DiffFormat writes a diff report in one format.
type DiffFormat = Format[*diff.Report]

// Diff are the formats a diff report can be written in.
var Diff = NewRegistry(
	Spec[*diff.Report]{Name: "text", New: func(o Options) DiffFormat { return DiffText{Options: o} }},
	Spec[*diff.Report]{Name: "markdown", Aliases: []string{"md"}, Exts: []string{".md"}, New: func(Options) DiffFormat { return DiffMarkdown{} }},
	Spec[*diff.Report]{Name: "json", Exts: []string{".json"}, New: func(Options) DiffFormat { return DiffJSON{} }},
)

// sideName writes "strategies/lsc.yaml at HEAD~1" or the file alone.
func sideName(s diff.Side) string {
	switch {
	case s.Rev == "":
		return s.File
	case s.File == "":
		return s.Rev
	}
	return s.File + " at " + s.Rev
}

var opSymbol = map[diff.Op]string{diff.Added: "+", diff.Removed: "-", diff.Changed: "~"}

// DiffText writes a diff for people: each change with a symbol and a word
// (+ added, - removed, ~ changed), field by field, with what it means. In
// colour, a replaced value is dimmed and its replacement shown in its
// status's or grade's colour. On a terminal every line fits its width:
// values and notes are wrapped whole rather than cut.
type DiffText struct {
	Options
}

// Render writes the report.
func (t DiffText) Render(w io.Writer, r *diff.Report) error {
	th, width := t.Theme, t.cols()
	var b strings.Builder
	for _, s := range r.Removed {
		hangAt(&b, "", 2, fmt.Sprintf("- strategy %s removed: %s (%s)", s.Code, safetext.Terminal(s.Name), sideName(s.Side)), width, th.Removed)
	}
	for _, s := range r.Added {
		hangAt(&b, "", 2, fmt.Sprintf("+ strategy %s added: %s (%s)", s.Code, safetext.Terminal(s.Name), sideName(s.Side)), width, th.Added)
	}
	changes, regressions := 0, 0
	for i := range r.Comparisons {
		c := &r.Comparisons[i]
		changes += len(c.Changes) + len(c.Coverage)
		regressions += len(c.Regressions())
		if !c.Differs() {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		hangAt(&b, "", 2, fmt.Sprintf("%s: %s → %s", safetext.Terminal(c.Name), sideName(c.Old), sideName(c.New)), width, th.Bold)
		for _, ch := range c.Changes {
			line := fmt.Sprintf("%s %s %s", opSymbol[ch.Op], ch.Kind, ch.ID)
			if ch.Kind == "strategy" {
				line = fmt.Sprintf("%s strategy", opSymbol[ch.Op])
			}
			if ch.Op != diff.Changed {
				line += " " + string(ch.Op)
			}
			if ch.Title != "" && ch.Kind != "strategy" {
				title := safetext.Terminal(ch.Title)
				if width == 0 {
					title = safetext.Truncate(title, 70)
				}
				line += ": " + title
			}
			// The title is cut to the line on a terminal, as it is cut
			// to 70 characters piped: the fields below say what changed.
			fmt.Fprintf(&b, "  %s\n", opStyle(th, ch.Op)(fit(line, width, 2, 0)))
			for _, f := range ch.Fields {
				if entries := len(f.Added) + len(f.Removed); entries > 0 {
					// A list's entries, each on its own line and whole:
					// two entries may differ only at their ends.
					hangAt(&b, "      ", 8, f.Name+": "+safetext.Terminal(f.Note), width, plain)
					for _, e := range f.Removed {
						hang(&b, "        "+th.Removed("- "), safetext.Terminal(e), width, th.Removed)
					}
					for _, e := range f.Added {
						hang(&b, "        "+th.Added("+ "), safetext.Terminal(e), width, th.Added)
					}
					continue
				}
				t.field(&b, f)
			}
			if ch.Regression != "" {
				hangAt(&b, "      ", 8, "⚠ regression: "+safetext.Terminal(ch.Regression), width, th.Error)
			}
		}
		if len(c.Coverage) > 0 {
			b.WriteString("  coverage of the national principles:\n")
			for _, g := range c.Coverage {
				if width == 0 {
					fmt.Fprintf(&b, "      %d %s: %s → %s", g.Number, g.Label, th.Old(g.Old.String()), th.Grade(g.New, g.New.String()))
					if g.Regression {
						b.WriteString("  " + th.Error("⚠ regression"))
					}
					b.WriteString("\n")
					continue
				}
				items := append(strings.Fields(fmt.Sprintf("%d %s:", g.Number, g.Label)), th.Old(g.Old.String()), "→", th.Grade(g.New, g.New.String()))
				if g.Regression {
					items = append(items, th.Error("⚠ regression"))
				}
				flow(&b, "      ", 8, items, " ", width)
			}
		}
	}
	if !r.Differs() {
		b.WriteString("no differences\n")
	} else {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		summary := plural(changes, "change", "changes")
		if n := len(r.Added) + len(r.Removed); n > 0 {
			summary += ", " + plural(n, "strategy added or removed", "strategies added or removed")
		}
		summary += "; " + plural(regressions, "regression", "regressions")
		fmt.Fprintf(&b, "%s\n", summary)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// field writes a field's change: "status: planned → in-progress  (moved
// forward)", the old value dimmed and the new in its status's colour.
// Piped, each value is cut to 60 characters, as it always has been; on a
// terminal the line wraps, values whole, under the field's name.
func (t DiffText) field(b *strings.Builder, f diff.Field) {
	th, width := t.Theme, t.cols()
	newStyle := plain
	if f.Name == "status" {
		newStyle = func(s string) string { return th.Status(f.New, s) }
	}
	if width == 0 {
		fmt.Fprintf(b, "      %s: %s → %s", f.Name, th.Old(safetext.OrNone(safetext.Truncate(safetext.Terminal(f.Old), 60))), newStyle(safetext.OrNone(safetext.Truncate(safetext.Terminal(f.New), 60))))
		if f.Note != "" {
			fmt.Fprintf(b, "  (%s)", safetext.Terminal(f.Note))
		}
		b.WriteString("\n")
		return
	}
	items := []string{f.Name + ":"}
	for _, w := range strings.Fields(safetext.OrNone(safetext.Terminal(f.Old))) {
		items = append(items, th.Old(w))
	}
	items = append(items, "→")
	for _, w := range strings.Fields(safetext.OrNone(safetext.Terminal(f.New))) {
		items = append(items, newStyle(w))
	}
	if f.Note != "" {
		items = append(items, strings.Fields("("+safetext.Terminal(f.Note)+")")...)
	}
	flow(b, "      ", 8, items, " ", width)
}

func opStyle(th Theme, op diff.Op) func(string) string {
	switch op {
	case diff.Added:
		return th.Added
	case diff.Removed:
		return th.Removed
	}
	return th.Changed
}

// DiffMarkdown writes a diff for a pull-request comment.
type DiffMarkdown struct{}

var opWord = map[diff.Op]string{diff.Added: "➕ added", diff.Removed: "➖ removed", diff.Changed: "✏️ changed"}

// Render writes the report.
func (DiffMarkdown) Render(w io.Writer, r *diff.Report) error {
	var b strings.Builder
	b.WriteString("## engage diff\n\n")
	if !r.Differs() {
		b.WriteString("No differences.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	if regs := r.Regressions(); len(regs) > 0 {
		fmt.Fprintf(&b, "**%s:**\n\n", plural(len(regs), "regression", "regressions"))
		for _, reg := range regs {
			fmt.Fprintf(&b, "- ⚠️ %s\n", safetext.Markdown(safetext.Terminal(reg)))
		}
		b.WriteString("\n")
	}
	for _, s := range r.Removed {
		fmt.Fprintf(&b, "- ➖ strategy **%s** removed: %s\n", safetext.Markdown(s.Code), safetext.Markdown(safetext.Terminal(s.Name)))
	}
	for _, s := range r.Added {
		fmt.Fprintf(&b, "- ➕ strategy **%s** added: %s\n", safetext.Markdown(s.Code), safetext.Markdown(safetext.Terminal(s.Name)))
	}
	if len(r.Added)+len(r.Removed) > 0 {
		b.WriteString("\n")
	}
	for i := range r.Comparisons {
		c := &r.Comparisons[i]
		if !c.Differs() {
			continue
		}
		fmt.Fprintf(&b, "### %s\n\n%s → %s\n\n", safetext.Markdown(safetext.Terminal(c.Name)), safetext.Markdown(sideName(c.Old)), safetext.Markdown(sideName(c.New)))
		if len(c.Changes) > 0 {
			b.WriteString("| change | item | detail |\n| --- | --- | --- |\n")
			for _, ch := range c.Changes {
				item := ch.Kind + " `" + strings.ReplaceAll(ch.ID, "`", "'") + "`"
				if ch.Kind == "strategy" {
					item = "strategy"
				}
				var detail []string
				if ch.Title != "" && ch.Kind != "strategy" && ch.Op != diff.Changed {
					detail = append(detail, safetext.MarkdownCell(safetext.Truncate(safetext.Terminal(ch.Title), 100)))
				}
				for _, f := range ch.Fields {
					if len(f.Added)+len(f.Removed) > 0 {
						d := f.Name + ": " + safetext.MarkdownCell(safetext.Terminal(f.Note))
						for _, e := range f.Removed {
							d += "<br>➖ " + safetext.MarkdownCell(safetext.Terminal(e))
						}
						for _, e := range f.Added {
							d += "<br>➕ " + safetext.MarkdownCell(safetext.Terminal(e))
						}
						detail = append(detail, d)
						continue
					}
					d := fmt.Sprintf("%s: %s → %s", f.Name, safetext.MarkdownCell(safetext.OrNone(safetext.Truncate(safetext.Terminal(f.Old), 80))), safetext.MarkdownCell(safetext.OrNone(safetext.Truncate(safetext.Terminal(f.New), 80))))
					if f.Note != "" {
						d += " (" + safetext.MarkdownCell(safetext.Terminal(f.Note)) + ")"
					}
					detail = append(detail, d)
				}
				if ch.Regression != "" {
					detail = append(detail, "⚠️ regression: "+safetext.MarkdownCell(safetext.Terminal(ch.Regression)))
				}
				b.WriteString(mdRow(opWord[ch.Op], item, strings.Join(detail, "<br>")))
			}
			b.WriteString("\n")
		}
		if len(c.Coverage) > 0 {
			b.WriteString("| national principle | was | now | |\n| --- | --- | --- | --- |\n")
			for _, g := range c.Coverage {
				flag := ""
				if g.Regression {
					flag = "⚠️ regression"
				}
				b.WriteString(mdRow(fmt.Sprintf("%d %s", g.Number, safetext.MarkdownCell(safetext.Terminal(g.Label))), g.Old.String(), g.New.String(), flag))
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// DiffJSON writes a diff as one versioned JSON document.
type DiffJSON struct{}

// Render writes the report.
func (DiffJSON) Render(w io.Writer, r *diff.Report) error {
	doc := struct {
		SchemaVersion int `json:"schemaVersion"`
		*diff.Report
		Summary struct {
			Differs     bool     `json:"differs"`
			Regressions []string `json:"regressions"`
		} `json:"summary"`
	}{SchemaVersion: SchemaVersion, Report: r}
	doc.Summary.Differs = r.Differs()
	doc.Summary.Regressions = r.Regressions()
	if doc.Summary.Regressions == nil {
		doc.Summary.Regressions = []string{}
	}
	if r.Added == nil {
		r.Added = []diff.Strategy{}
	}
	if r.Removed == nil {
		r.Removed = []diff.Strategy{}
	}
	return WriteJSON(w, doc)
}
