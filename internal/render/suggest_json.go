package render

import (
	"io"

	"github.com/engage-icb/engage/pkg/suggest"
)

// SuggestJSON writes suggestions as one versioned JSON document.
type SuggestJSON struct{}

// Render writes the document.
func (SuggestJSON) Render(w io.Writer, r *suggest.Result) error {
	return WriteJSON(w, struct {
		SchemaVersion int `json:"schemaVersion"`
		*suggest.Result
	}{SchemaVersion, r})
}
