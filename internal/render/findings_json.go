package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

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
// Characters a terminal would obey rather than show (C1 controls, bidi
// controls, line separators) are written as \u escapes, so the JSON says
// exactly what the file says and still shows nothing a terminal acts on.
//
// It writes the document a field and an element at a time
// (jsonstream.go), so its memory is that of the largest item in it, not
// of the document: the same bytes as encoding/json's indented encoding,
// which TestJSONStreamIsEncodingJSON checks for every result.
func WriteJSON(w io.Writer, v any) error {
	return encodeJSON(w, v)
}

// encodeJSON is how WriteJSON encodes; the test compares it with
// wholeJSON.
var encodeJSON = writeJSONStream

// wholeJSON is encoding/json's indented encoding of the whole document at
// once, escaped as WriteJSON escapes: what writeJSONStream must equal.
func wholeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeJSON(b.Bytes()))
	return err
}

// escapeJSON writes the characters that could only be inside a JSON
// string, and that encoding/json leaves as they are, as \u escapes.
func escapeJSON(data []byte) []byte {
	if !bytes.ContainsAny(data, "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f"+
		"\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f"+
		"\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029") {
		return data
	}
	out := make([]byte, 0, len(data)+64)
	for _, r := range string(data) {
		switch {
		case r >= 0x80 && r <= 0x9f, r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	return out
}
