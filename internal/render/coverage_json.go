package render

import (
	"io"

	"github.com/engage-icb/engage/pkg/coverage"
)

// CoverageJSON writes strategies' coverage as one versioned JSON document.
type CoverageJSON struct{}

// Render writes the document.
func (CoverageJSON) Render(w io.Writer, graded []coverage.Graded) error {
	if graded == nil {
		graded = []coverage.Graded{}
	}
	return WriteJSON(w, struct {
		SchemaVersion int               `json:"schemaVersion"`
		Strategies    []coverage.Graded `json:"strategies"`
	}{SchemaVersion, graded})
}
