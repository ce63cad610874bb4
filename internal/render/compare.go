package render

import (
	"io"

	"github.com/engage-icb/engage/pkg/compare"
)

// CompareFormat writes a comparison of strategies in one format.
type CompareFormat = Format[*compare.Comparison]

// Compare are the formats a comparison can be written in.
var Compare = NewRegistry(
	Spec[*compare.Comparison]{Name: "text", New: func(o Options) CompareFormat { return CompareText{Options: o} }},
	Spec[*compare.Comparison]{Name: "markdown", Aliases: []string{"md"}, Exts: []string{".md"}, New: func(Options) CompareFormat { return CompareMarkdown{} }},
	Spec[*compare.Comparison]{Name: "xlsx", Exts: []string{".xlsx"}, Binary: true, New: func(Options) CompareFormat { return CompareXLSX{} }},
	Spec[*compare.Comparison]{Name: "json", Exts: []string{".json"}, New: func(Options) CompareFormat { return CompareJSON{} }},
)

// CompareJSON writes a comparison as one versioned JSON document.
type CompareJSON struct{}

// Render writes the document.
func (CompareJSON) Render(w io.Writer, c *compare.Comparison) error {
	return WriteJSON(w, struct {
		SchemaVersion int `json:"schemaVersion"`
		*compare.Comparison
	}{SchemaVersion, c})
}
