package roundtrip

import (
	"bytes"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/edit"
	"github.com/engage-icb/engage/pkg/status"
)

// An import of many updates would cost updates x file size if each were
// made on the whole file (each in-place edit reads the whole file again).
// So each update is made on its item alone: the item's lines, under its
// list's key, as a small document of their own; the items are then put
// back, and the whole result is checked once, as edit.Check checks one
// edit: the file must say what it said, with each changed item as its
// small document says. Where that cannot be done (a list in flow style or
// not at the top, aliases, line breaks other than LF or CR LF), or the
// check fails, the updates are made one after another on the whole file.

// itemEdit is an update to make, and the item it is for.
type itemEdit struct {
	list  string // objectives, roadmap or metrics
	index int    // the item's place in its list
	u     status.Update
	kind  string
}

// change is the edit that records the update: metric record's for a
// metric, status set's for an objective or milestone.
func (e itemEdit) change() func([]byte, status.Update) ([]byte, string, error) {
	if e.kind == "metric" {
		return status.RecordMetric
	}
	return status.SetStatus
}

// span is where an item's lines are in the file.
type span struct{ start, end int }

// applyEach makes the edits on each item alone, or reports ok false when
// it cannot (the caller then makes them on the whole file). It returns
// the new file, each edit's summary, and the refusal of any edit that
// status.SetStatus or RecordMetric refused.
func applyEach(src []byte, root *yaml.Node, edits []itemEdit) (out []byte, summaries []string, refusals []error, ok bool) {
	if len(edits) == 0 {
		return src, nil, nil, true
	}
	if edit.HasAlias(src) || (bytes.IndexByte(src, '\r') >= 0 && bytes.Count(src, []byte("\r\n")) != bytes.Count(src, []byte("\r"))) {
		return nil, nil, nil, false
	}
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	lineStarts := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			lineStarts = append(lineStarts, i+1)
		}
	}
	lineStart := func(line int) int { // line from 1
		if line-1 < len(lineStarts) {
			return lineStarts[line-1]
		}
		return len(src)
	}
	spans := map[string][]span{}
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, nil, nil, false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, seq := root.Content[i], root.Content[i+1]
		if key.Value != "objectives" && key.Value != "roadmap" && key.Value != "metrics" {
			continue
		}
		if key.Column != 1 || seq.Kind != yaml.SequenceNode || seq.Style&yaml.FlowStyle != 0 {
			return nil, nil, nil, false
		}
		end := len(src)
		if i+2 < len(root.Content) {
			end = lineStart(root.Content[i+2].Line)
		}
		var list []span
		for j, it := range seq.Content {
			if it.Line <= key.Line {
				return nil, nil, nil, false
			}
			s := span{start: lineStart(it.Line), end: end}
			if j+1 < len(seq.Content) {
				s.end = lineStart(seq.Content[j+1].Line)
			}
			if s.end < s.start || (j > 0 && s.start < list[j-1].start) {
				return nil, nil, nil, false
			}
			list = append(list, s)
		}
		spans[key.Value] = list
	}
	type done struct {
		span
		text  []byte
		list  string
		index int
	}
	var made []done
	for _, e := range edits {
		list := spans[e.list]
		if e.index >= len(list) {
			return nil, nil, nil, false
		}
		sp := list[e.index]
		head := e.list + ":" + nl
		mini := append([]byte(head), src[sp.start:sp.end]...)
		after, summary, err := e.change()(mini, e.u)
		if err != nil {
			summaries, refusals = append(summaries, ""), append(refusals, err)
			continue
		}
		if !bytes.HasPrefix(after, []byte(head)) {
			return nil, nil, nil, false
		}
		summaries, refusals = append(summaries, summary), append(refusals, nil)
		made = append(made, done{span: sp, text: after[len(head):], list: e.list, index: e.index})
	}
	// Put the items back: the file's bytes between them as they were.
	slices.SortFunc(made, func(a, b done) int { return a.start - b.start })
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	at := 0
	for _, m := range made {
		buf.Write(src[at:m.start])
		buf.Write(m.text)
		at = m.end
	}
	buf.Write(src[at:])
	out = buf.Bytes()
	// One check of the whole: what the file said, with each changed item
	// as its own small document now says.
	type place struct {
		list  string
		index int
	}
	items := map[place]any{}
	for _, m := range made {
		d, err := edit.Data(append([]byte(m.list+":"+nl), m.text...))
		if err != nil {
			return nil, nil, nil, false
		}
		l, _ := d[m.list].([]any)
		if len(l) != 1 {
			return nil, nil, nil, false
		}
		items[place{m.list, m.index}] = l[0]
	}
	err := edit.Check(src, out, func(doc map[string]any) bool {
		for _, m := range made {
			l, _ := doc[m.list].([]any)
			if m.index >= len(l) {
				return false
			}
			l[m.index] = items[place{m.list, m.index}]
		}
		return true
	})
	if err != nil {
		return nil, nil, nil, false
	}
	return out, summaries, refusals, true
}
