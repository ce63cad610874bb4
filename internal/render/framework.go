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
	Spec[[]*framework.Framework]{Name: "text", New: func(Options) FrameworksFormat { return FrameworksText{} }},
	Spec[[]*framework.Framework]{Name: "json", Exts: []string{".json"}, New: func(Options) FrameworksFormat { return FrameworksJSON{} }},
)

// FrameworkText writes a principle set word for word, with its source.
type FrameworkText struct {
	Options
}

// Render writes the principles.
func (t FrameworkText) Render(w io.Writer, fw *framework.Framework) error {
	th := t.Theme
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", th.Bold(fw.Title))
	fmt.Fprintf(&b, "%s\n\n", th.Muted(fmt.Sprintf("%s · %s, %s", fw.ID, fw.Publisher, fw.Published)))
	for _, p := range fw.Principles {
		fmt.Fprintf(&b, "%2d. %s\n", p.Number, p.Text)
	}
	for _, m := range fw.Missing {
		fmt.Fprintf(&b, "\n%s\n", th.Warning("Note: "+m))
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "%s\n", th.Muted("Wording as quoted in: "+fw.QuotedFrom))
	if fw.Source.URL != "" {
		fmt.Fprintf(&b, "%s\n", th.Muted("Source: "+fw.Source.URL))
	}
	if len(fw.Copies) > 0 {
		fmt.Fprintf(&b, "%s\n", th.Muted("Checked against:"))
		for _, c := range fw.Copies {
			fmt.Fprintf(&b, "%s\n", th.Muted("  - "+c.Title+": "+c.URL))
		}
	}
	if len(fw.Disagreements) > 0 {
		fmt.Fprintf(&b, "%s\n", th.Muted(fmt.Sprintf("Where public copies still differ: %d notes in schemas/frameworks/%s.yaml (engage principles -f json lists them).", len(fw.Disagreements), fw.ID)))
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

// FrameworksText lists the principle sets, one a line.
type FrameworksText struct{}

// Render writes the list.
func (FrameworksText) Render(w io.Writer, list []*framework.Framework) error {
	var b strings.Builder
	for _, fw := range list {
		count := fmt.Sprintf("%d %ss", len(fw.Principles), fw.Noun())
		if fw.Declared > len(fw.Principles) {
			count = fmt.Sprintf("%d of %d %ss named", len(fw.Principles), fw.Declared, fw.Noun())
		}
		fmt.Fprintf(&b, "%-10s  %s, %s: %s (%s)\n", fw.ID, fw.Publisher, fw.Published, fw.Title, count)
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
