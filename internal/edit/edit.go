// Package edit changes a YAML file in place, as a person would: it finds
// where a value is written and splices new text in, leaving every other
// byte as it was (comments, key order, quoting, blank lines, line endings).
// It never re-marshals the document.
package edit

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Doc is a YAML document being edited.
type Doc struct {
	src  []byte
	Root *yaml.Node // the top-level mapping
	nl   string     // the file's line ending
}

// Open parses src for editing.
func Open(src []byte) (*Doc, error) {
	d := &Doc{src: src, nl: "\n"}
	if bytes.Contains(src, []byte("\r\n")) {
		d.nl = "\r\n"
	}
	return d, d.parse()
}

func (d *Doc) parse() error {
	var doc yaml.Node
	if err := yaml.Unmarshal(d.src, &doc); err != nil {
		return err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return errors.New("the file is not a set of keys")
	}
	d.Root = doc.Content[0]
	return nil
}

// Bytes returns the document's text.
func (d *Doc) Bytes() []byte { return d.src }

// splice replaces src[start:end] with text and parses the result again, so
// nodes always describe the current text.
func (d *Doc) splice(start, end int, text string) error {
	out := make([]byte, 0, len(d.src)+len(text))
	out = append(out, d.src[:start]...)
	out = append(out, text...)
	out = append(out, d.src[end:]...)
	old := d.src
	d.src = out
	if err := d.parse(); err != nil {
		d.src = old
		_ = d.parse()
		return fmt.Errorf("the edit would break the YAML: %w", err)
	}
	return nil
}

// offset turns a node's line and column (in characters) into a byte offset.
func (d *Doc) offset(line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(d.src[off:], '\n')
		if i < 0 {
			return len(d.src)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(d.src) && d.src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(d.src[off:])
		off += size
	}
	return off
}

// Child returns the value of key in mapping m, and its key node.
func Child(m *yaml.Node, key string) (value, keyNode *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1], m.Content[i]
		}
	}
	return nil, nil
}

// scalarEnd returns the byte offset just past a single-line scalar's
// source text.
func (d *Doc) scalarEnd(n *yaml.Node, start int) (int, error) {
	switch n.Style {
	case 0, yaml.TaggedStyle, yaml.FlowStyle:
		if strings.ContainsAny(n.Value, "\n") {
			return 0, errors.New("the value runs over several lines")
		}
		if !bytes.HasPrefix(d.src[start:], []byte(n.Value)) {
			return 0, errors.New("the value is not written plainly")
		}
		return start + len(n.Value), nil
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		q := d.src[start]
		for i := start + 1; i < len(d.src); i++ {
			switch {
			case d.src[i] == '\n':
				return 0, errors.New("the quoted value runs over several lines")
			case q == '"' && d.src[i] == '\\':
				i++
			case d.src[i] == q && q == '\'' && i+1 < len(d.src) && d.src[i+1] == '\'':
				i++
			case d.src[i] == q:
				return i + 1, nil
			}
		}
	}
	return 0, errors.New("the value is written as a block")
}

// SetScalar replaces the value of key in mapping m with text (already
// written as YAML). The key must exist and hold a single-line scalar.
func (d *Doc) SetScalar(m *yaml.Node, key, text string) error {
	v, _ := Child(m, key)
	if v == nil || v.Kind != yaml.ScalarNode {
		return fmt.Errorf("%s has no single value to change", key)
	}
	start := d.offset(v.Line, v.Column)
	end, err := d.scalarEnd(v, start)
	if err != nil {
		return fmt.Errorf("%s: %w; edit it by hand", key, err)
	}
	return d.splice(start, end, text)
}

// KV is one key and its value, already written as YAML.
type KV struct {
	Key, Value string
}

// Append adds an entry (a mapping of the given keys, in order) at the end
// of the list under key in mapping m, creating the key when m has none.
// The entry is written in the style of the entries already there (block or
// {flow}), or of m.
func (d *Doc) Append(m *yaml.Node, key string, entry []KV) error {
	list, keyNode := Child(m, key)
	switch {
	case list == nil && m.Style&yaml.FlowStyle != 0:
		return d.insertFlowKey(m, key, "["+flowMap(entry)+"]")
	case list == nil:
		return d.insertBlockKey(m, key, entry)
	case list.Kind == yaml.ScalarNode && list.ShortTag() == "!!null":
		// "updates:" with nothing after it: write the list on the lines below.
		return d.fillEmpty(m, keyNode, list, entry)
	case list.Kind != yaml.SequenceNode:
		return fmt.Errorf("%s is not a list", key)
	case list.Style&yaml.FlowStyle != 0:
		return d.appendFlowList(list, flowMap(entry))
	}
	last := list.Content[len(list.Content)-1]
	dash := d.offset(last.Line, last.Column)
	// The entry's "- " is before its first key on the same line.
	lineStart := bytes.LastIndexByte(d.src[:dash], '\n') + 1
	indent := indentOf(d.src[lineStart:])
	if last.Kind == yaml.MappingNode && last.Style&yaml.FlowStyle != 0 {
		return d.insertAfter(lineStart, indent, strings.Repeat(" ", indent)+"- "+flowMap(entry))
	}
	keyIndent := utf8.RuneCount(d.src[lineStart:dash])
	return d.insertAfter(lineStart, indent, blockMap(entry, indent, keyIndent, d.nl))
}

// InsertBefore adds an entry to the list under key in mapping m, before
// its entry at index i, in the style of that entry.
func (d *Doc) InsertBefore(m *yaml.Node, key string, i int, entry []KV) error {
	list, _ := Child(m, key)
	if list == nil || list.Kind != yaml.SequenceNode || i < 0 || i >= len(list.Content) {
		return fmt.Errorf("%s has no entry %d", key, i+1)
	}
	at := list.Content[i]
	pos := d.offset(at.Line, at.Column)
	if list.Style&yaml.FlowStyle != 0 {
		return d.splice(pos, pos, flowMap(entry)+", ")
	}
	lineStart := bytes.LastIndexByte(d.src[:pos], '\n') + 1
	indent := indentOf(d.src[lineStart:])
	if at.Kind == yaml.MappingNode && at.Style&yaml.FlowStyle != 0 {
		return d.splice(lineStart, lineStart, strings.Repeat(" ", indent)+"- "+flowMap(entry)+d.nl)
	}
	keyIndent := utf8.RuneCount(d.src[lineStart:pos])
	return d.splice(lineStart, lineStart, blockMap(entry, indent, keyIndent, d.nl)+d.nl)
}

// insertAfter inserts lines after the block that starts on the line at
// lineStart: after its last line indented more than indent (or the line
// itself).
func (d *Doc) insertAfter(lineStart, indent int, text string) error {
	at := d.blockEnd(lineStart, indent)
	if at > 0 && d.src[at-1] != '\n' {
		text = d.nl + text
	}
	return d.splice(at, at, text+d.nl)
}

// blockEnd returns the offset just past the last line of the block that
// starts on the line at lineStart: that line, and the lines after it that
// are blank, comments, or indented more than indent, up to the last such
// line with content.
func (d *Doc) blockEnd(lineStart, indent int) int {
	end := lineEnd(d.src, lineStart)
	for off := end; off < len(d.src); {
		next := lineEnd(d.src, off)
		line := d.src[off:next]
		trimmed := bytes.TrimSpace(line)
		switch {
		case len(trimmed) == 0, trimmed[0] == '#' && indentOf(line) > indent:
		case indentOf(line) > indent:
			end = next
		default:
			return end
		}
		off = next
	}
	return end
}

// lineEnd returns the offset just past the line at off (past its \n).
func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

func indentOf(line []byte) int {
	return len(line) - len(bytes.TrimLeft(line, " "))
}

// insertBlockKey adds "key:" and a list of one entry at the end of block
// mapping m.
func (d *Doc) insertBlockKey(m *yaml.Node, key string, entry []KV) error {
	first := m.Content[0]
	start := d.offset(first.Line, first.Column)
	lineStart := bytes.LastIndexByte(d.src[:start], '\n') + 1
	keyIndent := utf8.RuneCount(d.src[lineStart:start])
	// m's block: from its first key's line, lines indented at least as far
	// as its keys (the first line may start with "- ").
	text := strings.Repeat(" ", keyIndent) + key + ":" + d.nl + blockMap(entry, keyIndent+2, keyIndent+4, d.nl)
	return d.insertAfter(lineStart, keyIndent-1, text)
}

// fillEmpty writes a one-entry list under a key whose value is empty.
func (d *Doc) fillEmpty(m, keyNode, empty *yaml.Node, entry []KV) error {
	start := d.offset(keyNode.Line, keyNode.Column)
	lineStart := bytes.LastIndexByte(d.src[:start], '\n') + 1
	keyIndent := utf8.RuneCount(d.src[lineStart:start])
	end := lineEnd(d.src, start)
	text := blockMap(entry, keyIndent+2, keyIndent+4, d.nl)
	if end == len(d.src) && (end == 0 || d.src[end-1] != '\n') {
		text = d.nl + text
	}
	return d.splice(end, end, text+d.nl)
}

// SetKey gives mapping m the key with value (already written as YAML, on
// one line): it adds "key: value" right after the entry for the key named
// after (at the end of m when m has no such key), or replaces an empty
// flow list ("key: []"). A key that already has a value is not changed.
func (d *Doc) SetKey(m *yaml.Node, key, value, after string) error {
	if m == nil || m.Kind != yaml.MappingNode || len(m.Content) == 0 {
		return errors.New("cannot find the entry to change")
	}
	if v, _ := Child(m, key); v != nil {
		if v.Kind == yaml.SequenceNode && len(v.Content) == 0 && v.Style&yaml.FlowStyle != 0 {
			open := d.offset(v.Line, v.Column)
			end, err := d.flowEnd(open)
			if err != nil {
				return err
			}
			return d.splice(open, end, value)
		}
		return fmt.Errorf("%s already has a value", key)
	}
	if m.Style&yaml.FlowStyle != 0 {
		return d.insertFlowKey(m, key, value)
	}
	first := m.Content[0]
	start := d.offset(first.Line, first.Column)
	lineStart := bytes.LastIndexByte(d.src[:start], '\n') + 1
	keyIndent := utf8.RuneCount(d.src[lineStart:start])
	text := strings.Repeat(" ", keyIndent) + key + ": " + value
	if _, k := Child(m, after); k != nil {
		at := d.offset(k.Line, k.Column)
		// After the key's line and its value's lines, indented further.
		return d.insertAfter(bytes.LastIndexByte(d.src[:at], '\n')+1, keyIndent, text)
	}
	return d.insertAfter(lineStart, keyIndent-1, text)
}

// insertFlowKey adds ", key: value" before the closing } of flow mapping m.
func (d *Doc) insertFlowKey(m *yaml.Node, key, value string) error {
	open := d.offset(m.Line, m.Column)
	end, err := d.flowEnd(open)
	if err != nil {
		return err
	}
	sep := ", "
	if len(m.Content) == 0 {
		sep = ""
	}
	return d.splice(end-1, end-1, sep+key+": "+value)
}

// appendFlowList adds ", item" before the closing ] of a flow list.
func (d *Doc) appendFlowList(list *yaml.Node, item string) error {
	open := d.offset(list.Line, list.Column)
	end, err := d.flowEnd(open)
	if err != nil {
		return err
	}
	sep := ", "
	if len(list.Content) == 0 {
		sep = ""
	}
	return d.splice(end-1, end-1, sep+item)
}

// flowEnd returns the offset just past the bracket that closes the flow
// collection opening at open.
func (d *Doc) flowEnd(open int) (int, error) {
	if open >= len(d.src) || (d.src[open] != '{' && d.src[open] != '[') {
		return 0, errors.New("cannot find where the list or block starts")
	}
	depth := 0
	for i := open; i < len(d.src); i++ {
		switch c := d.src[i]; c {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
		case '"', '\'':
			for i++; i < len(d.src) && d.src[i] != c; i++ {
				if c == '"' && d.src[i] == '\\' {
					i++
				}
			}
		case '#':
			if i > 0 && (d.src[i-1] == ' ' || d.src[i-1] == '\t') {
				i = lineEnd(d.src, i) - 1
			}
		}
	}
	return 0, errors.New("cannot find where the list or block ends")
}

func flowMap(entry []KV) string {
	parts := make([]string, len(entry))
	for i, kv := range entry {
		parts[i] = kv.Key + ": " + kv.Value
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func blockMap(entry []KV, dashIndent, keyIndent int, nl string) string {
	var b strings.Builder
	for i, kv := range entry {
		if i == 0 {
			b.WriteString(strings.Repeat(" ", dashIndent) + "- " + strings.Repeat(" ", max(keyIndent-dashIndent-2, 0)))
		} else {
			b.WriteString(nl + strings.Repeat(" ", keyIndent))
		}
		b.WriteString(kv.Key + ": " + kv.Value)
	}
	return b.String()
}

// Quote writes text as a YAML double-quoted scalar, safe in block and
// flow context alike.
func Quote(text string) string {
	// Every escape strconv.Quote writes (\n, \t, \", \\, \xXX, \uXXXX...) is
	// also a YAML double-quoted escape.
	q := strconv.Quote(text)
	return q
}

// Text writes text as a YAML scalar a person would write: plain when YAML
// reads it back as the same text in block and flow context alike (letters,
// digits, spaces and simple punctuation, not a number, date or YAML word),
// else double-quoted.
func Text(text string) string {
	if plainSafe(text) {
		return text
	}
	return Quote(text)
}

func plainSafe(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || !utf8.ValidString(s) {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~":
		return false
	}
	if s[0] >= '0' && s[0] <= '9' || strings.ContainsAny(s[:1], "-+.?!&*@`|>%'\"") {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune(" -_.'()/", r):
		default:
			return false
		}
	}
	return true
}
