package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/engage-icb/engage/pkg/framework"
)

// FrameworkFormat writes a national principle set in one format.
type FrameworkFormat = Format[*framework.Framework]

// Framework are the formats a principle set can be written in.
var Framework = NewRegistry(
	Spec[*framework.Framework]{Name: "text", New: func(o Options) FrameworkFormat { return FrameworkText{Options: o} }},
	Spec[*framework.Framework]{Name: "json", Exts: []string{".json"}, New: func(Options) FrameworkFormat { return FrameworkJSON{} }},
)

// FrameworksFormat writes the list of principle sets in one format.
type FrameworksFormat = Format[[]*framework.Framework]

// Frameworks are the formats the list of principle sets can be written in.
var Frameworks = NewRegistry(
	Spec[[]*framework.Framework]{Name: "text", New: func(o Options) FrameworksFormat { return FrameworksText{Options: o} }},
	Spec[[]*framework.Framework]{Name: "json", Exts: []string{".json"}, New: func(Options) FrameworksFormat { return FrameworksJSON{} }},
)

// FrameworkText writes a principle set word for word, with its source;
// on a terminal each principle and note wraps under itself.
type FrameworkText struct {
	Options
}

// Render writes the principles.
func (t FrameworkText) Render(w io.Writer, fw *framework.Framework) error {
	th, width := t.Theme, t.cols()
	var b strings.Builder
	hang(&b, "", fw.Title, width, th.Bold)
	hang(&b, "", fmt.Sprintf("%s · %s, %s", fw.ID, fw.Publisher, fw.Published), width, th.Muted)
	b.WriteString("\n")
	for _, p := range fw.Principles {
		hang(&b, fmt.Sprintf("%2d. ", p.Number), p.Text, width, plain)
	}
	for _, m := range fw.Missing {
		b.WriteString("\n")
		hangAt(&b, "", 2, "Note: "+m, width, th.Warning)
	}
	b.WriteString("\n")
	hangAt(&b, "", 2, "Wording as quoted in: "+fw.QuotedFrom, width, th.Muted)
	if fw.Source.URL != "" {
		hangAt(&b, "", 2, "Source: "+fw.Source.URL, width, th.Muted)
	}
	if len(fw.Copies) > 0 {
		fmt.Fprintf(&b, "%s\n", th.Muted("Checked against:"))
		for _, c := range fw.Copies {
			hang(&b, th.Muted("  - "), c.Title+": "+c.URL, width, th.Muted)
		}
	}
	if len(fw.Disagreements) > 0 {
		hangAt(&b, "", 2, fmt.Sprintf("Where public copies still differ: %d notes in schemas/frameworks/%s.yaml (engage principles -f json lists them).", len(fw.Disagreements), fw.ID), width, th.Muted)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// FrameworkJSON writes a principle set as one versioned JSON document.
type FrameworkJSON struct{}

// Render writes the document.
func (FrameworkJSON) Render(w io.Writer, fw *framework.Framework) error {
	return WriteJSON(w, struct {
		SchemaVersion int `json:"schemaVersion"`
		*framework.Framework
	}{SchemaVersion, fw})
}

// FrameworksText lists the principle sets, one a line (wrapped under
// itself on a terminal).
type FrameworksText struct {
	Options
}

// Render writes the list.
func (t FrameworksText) Render(w io.Writer, list []*framework.Framework) error {
	var b strings.Builder
	for _, fw := range list {
		count := fmt.Sprintf("%d %ss", len(fw.Principles), fw.Noun())
		if fw.Declared > len(fw.Principles) {
			count = fmt.Sprintf("%d of %d %ss named", len(fw.Principles), fw.Declared, fw.Noun())
		}
		hang(&b, fmt.Sprintf("%-10s  ", fw.ID), fmt.Sprintf("%s, %s: %s (%s)", fw.Publisher, fw.Published, fw.Title, count), t.cols(), plain)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// FrameworksJSON writes the principle sets as one versioned JSON document.
type FrameworksJSON struct{}

// Render writes the document.
func (FrameworksJSON) Render(w io.Writer, list []*framework.Framework) error {
	return WriteJSON(w, struct {
		SchemaVersion int                    `json:"schemaVersion"`
		Frameworks    []*framework.Framework `json:"frameworks"`
	}{SchemaVersion, list})
}
