package render

import (
	"encoding/json"
	"io"

	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/validate"
)

// SchemaVersion is the version of engage's JSON output. It changes only
// when a field is removed or changes meaning.
const SchemaVersion = 1

// JSON writes findings as one JSON document:
// {"schemaVersion":1,"findings":[...],"summary":{"files","errors","warnings"}}.
type JSON struct{}

type jsonFindings struct {
	SchemaVersion int               `json:"schemaVersion"`
	Findings      []finding.Finding `json:"findings"`
	Summary       jsonSummary       `json:"summary"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// Render writes the document, indented by two spaces.
func (JSON) Render(w io.Writer, r *validate.Result) error {
	t := r.Tally()
	doc := jsonFindings{
		SchemaVersion: SchemaVersion,
		Findings:      r.Findings,
		Summary:       jsonSummary{Files: len(r.Files), Errors: t.Errors, Warnings: t.Warnings},
	}
	if doc.Findings == nil {
		doc.Findings = []finding.Finding{}
	}
	return WriteJSON(w, doc)
}

// WriteJSON writes v indented by two spaces, without escaping <, > and &.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
