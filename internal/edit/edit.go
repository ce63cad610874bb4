// Package edit changes a YAML file in place, as a person would: it finds
// where a value is written and splices new text in, leaving every other
// byte as it was (comments, key order, quoting, blank lines, line endings).
// It never re-marshals the document.
//
// Positions come from yaml.v3's nodes, counted as YAML counts them: lines
// end at LF, CR LF, a lone CR, NEL, U+2028 or U+2029, columns are
// characters, and a byte-order mark does not count. A node's position is
// that of its anchor or tag when it has one; the content starts after them.
// Where a flow collection ({...} or [...]) ends is found by scanning it as
// YAML does, so a quote inside plain text (the people's panel) is text, not
// the start of a quoted value.
package edit

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
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
	// cr: the file's line breaks are lone CRs; while it is edited, src
	// holds them as LF (the same document to YAML) and Bytes turns them
	// back.
	cr bool
	// plain: the only line breaks are LF and CR LF, so lines can be found
	// with a byte search.
	plain bool
}

var bom = []byte("\xEF\xBB\xBF")

// Open parses src for editing.
func Open(src []byte) (*Doc, error) {
	d := &Doc{src: src, nl: "\n"}
	crlf := bytes.Count(src, []byte("\r\n"))
	switch {
	case crlf > 0 && crlf >= bytes.Count(src, []byte("\n"))-crlf:
		// Lines added end as most of the file's do: one stray CR LF
		// (a line pasted from Windows) does not make them all CR LF.
		d.nl = "\r\n"
	case bytes.IndexByte(src, '\r') >= 0 && bytes.IndexByte(src, '\n') < 0:
		d.cr = true
		d.src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
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
	d.plain = !hasOtherBreaks(d.src)
	return nil
}

// hasOtherBreaks reports whether src has a line break other than LF and
// CR LF: a lone CR, NEL (U+0085), U+2028 or U+2029.
func hasOtherBreaks(src []byte) bool {
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\r':
			if i+1 >= len(src) || src[i+1] != '\n' {
				return true
			}
		case 0xC2, 0xE2:
			if breakAt(src, i) > 0 {
				return true
			}
		}
	}
	return false
}

// breakAt returns the length of the line break at src[i] as YAML reads
// it (CR LF is one), or 0 when there is none.
func breakAt(src []byte, i int) int {
	switch src[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2:
		if i+1 < len(src) && src[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// Bytes returns the document's text.
func (d *Doc) Bytes() []byte {
	if d.cr {
		return bytes.ReplaceAll(d.src, []byte("\n"), []byte("\r"))
	}
	return d.src
}

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

// offset turns a node's line and column (in characters) into a byte
// offset, counting lines and skipping a byte-order mark as YAML does.
func (d *Doc) offset(line, col int) int {
	off := 0
	if bytes.HasPrefix(d.src, bom) {
		off = len(bom)
	}
	for l := 1; l < line; l++ {
		next := d.nextLine(off)
		if next < 0 {
			return len(d.src)
		}
		off = next
	}
	for c := 1; c < col && off < len(d.src) && breakAt(d.src, off) == 0; c++ {
		_, size := utf8.DecodeRune(d.src[off:])
		off += size
	}
	return off
}

// nextLine returns the offset of the line after the one at off, as YAML
// counts lines, or -1 when it is the last.
func (d *Doc) nextLine(off int) int {
	if d.plain {
		i := bytes.IndexByte(d.src[off:], '\n')
		if i < 0 {
			return -1
		}
		return off + i + 1
	}
	for i := off; i < len(d.src); i++ {
		if n := breakAt(d.src, i); n > 0 {
			return i + n
		}
	}
	return -1
}

// start returns the byte offset of a node's content: past its anchor
// (&name) and tag (!tag) when it has them, and the space after them.
func (d *Doc) start(n *yaml.Node) int {
	off := d.offset(n.Line, n.Column)
	for off < len(d.src) && (d.src[off] == '&' || d.src[off] == '!') {
		for off < len(d.src) && !isSpace(d.src[off]) && !isFlowIndicator(d.src[off]) {
			off++
		}
		for off < len(d.src) && isSpace(d.src[off]) {
			off++
		}
	}
	return off
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isFlowIndicator(c byte) bool { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}' }

// lineStart returns the offset of the start of the line holding off, as
// YAML counts lines.
func (d *Doc) lineStart(off int) int {
	if d.plain {
		return bytes.LastIndexByte(d.src[:off], '\n') + 1
	}
	for i := off - 1; i >= 0; i-- {
		// A break ends at i: \n (alone or after \r), a lone \r, NEL (C2 85),
		// U+2028 or U+2029 (E2 80 A8/A9).
		switch c := d.src[i]; {
		case c == '\n', c == '\r' && (i+1 >= len(d.src) || d.src[i+1] != '\n'):
			return i + 1
		case c == 0x85 && i >= 1 && breakAt(d.src, i-1) == 2,
			(c == 0xA8 || c == 0xA9) && i >= 2 && breakAt(d.src, i-2) == 3:
			return i + 1
		}
	}
	return 0
}

// lineEnd returns the offset just past the line at off (past its line
// break), as YAML counts lines.
func (d *Doc) lineEnd(off int) int {
	if d.plain {
		return lineEnd(d.src, off)
	}
	for i := off; i < len(d.src); i++ {
		if n := breakAt(d.src, i); n > 0 {
			return i + n
		}
	}
	return len(d.src)
}

// endsLine reports whether the text before at ends with a line break.
func (d *Doc) endsLine(at int) bool {
	return at > 0 && d.lineStart(at) == at
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

// style is a scalar's quoting, without the tagged and flow bits.
func style(n *yaml.Node) yaml.Style {
	return n.Style &^ (yaml.TaggedStyle | yaml.FlowStyle)
}

// scalarEnd returns the byte offset just past a scalar's source text,
// which starts at start: a plain scalar on one line, or a quoted one.
func (d *Doc) scalarEnd(n *yaml.Node, start int) (int, error) {
	switch style(n) {
	case 0:
		if strings.ContainsAny(n.Value, "\r\n\u0085\u2028\u2029") {
			return 0, errors.New("the value runs over several lines")
		}
		if !bytes.HasPrefix(d.src[start:], []byte(n.Value)) {
			return 0, errors.New("the value is not written plainly")
		}
		return start + len(n.Value), nil
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		return quotedEnd(d.src, start)
	}
	return 0, errors.New("the value is written as a block")
}

// quotedEnd returns the offset just past the quoted scalar that opens at
// src[start] (a ' or ").
func quotedEnd(src []byte, start int) (int, error) {
	q := src[start]
	for i := start + 1; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case q == '\'' && src[i] == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case src[i] == q:
			return i + 1, nil
		}
	}
	return 0, errors.New("cannot find where the quoted value ends")
}

// SetString replaces the value of key in mapping m with a string, written
// in the style the old value was (plain, 'single' or "double" quotes) when
// that style can hold it, else double-quoted. An anchor or tag before the
// old value stays. The key must exist and hold a single-line scalar.
func (d *Doc) SetString(m *yaml.Node, key, value string) error {
	v, _ := Child(m, key)
	if v == nil || v.Kind != yaml.ScalarNode {
		return fmt.Errorf("%s has no single value to change", key)
	}
	if at := d.offset(v.Line, v.Column); v.Value == "" && style(v) == 0 && at < len(d.src) && (d.src[at] == '&' || d.src[at] == '!') {
		// An empty value with a tag or anchor ("status: !"): the value
		// goes after them on their line, never on the line below
		// (FuzzSetStatus).
		end := at
		for at < len(d.src) && (d.src[at] == '&' || d.src[at] == '!') {
			for at < len(d.src) && !isSpace(d.src[at]) && !isFlowIndicator(d.src[at]) {
				at++
			}
			end = at
			for at < len(d.src) && (d.src[at] == ' ' || d.src[at] == '\t') {
				at++
			}
		}
		return d.splice(end, end, " "+styled(style(v), value))
	}
	start := d.start(v)
	end, err := d.scalarEnd(v, start)
	if err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	return d.splice(start, end, styled(style(v), value))
}

// styled writes a string as a YAML scalar in a style, falling back to
// double quotes when the style cannot hold it.
func styled(s yaml.Style, value string) string {
	switch s {
	case 0:
		if plainWord(value) {
			return value
		}
	case yaml.SingleQuotedStyle:
		if !strings.ContainsFunc(value, func(r rune) bool { return r < ' ' || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 }) {
			return "'" + strings.ReplaceAll(value, "'", "''") + "'"
		}
	}
	return Quote(value)
}

// plainWord reports whether s can be written unquoted and still read as
// the same string: letters, digits and hyphens, starting with a letter,
// and not a word YAML reads as a boolean or null.
func plainWord(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || r != '-' && (r < '0' || r > '9')) {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return false
	}
	return true
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
	case list.Kind == yaml.ScalarNode && list.ShortTag() == "!!null" && list.Value == "":
		// "updates:" with nothing after it: write the list on the lines below.
		return d.fillEmpty(keyNode, entry)
	case list.Kind == yaml.ScalarNode && list.ShortTag() == "!!null" && style(list) == 0 && list.Style&yaml.TaggedStyle == 0 && list.Anchor == "":
		// "updates: null" or "updates: ~": the list replaces the word.
		start := d.start(list)
		end, err := d.scalarEnd(list, start)
		if err != nil {
			return err
		}
		return d.splice(start, end, "["+flowMap(entry)+"]")
	case list.Kind != yaml.SequenceNode:
		return fmt.Errorf("%s is not a list", key)
	case list.Style&yaml.FlowStyle != 0:
		return d.appendFlowList(list, flowMap(entry))
	}
	last := list.Content[len(list.Content)-1]
	dash := d.start(last)
	// The entry's "- " is before its first key on the same line.
	lineStart := d.lineStart(dash)
	indent := indentOf(d.src[lineStart:])
	if last.Kind == yaml.MappingNode && last.Style&yaml.FlowStyle != 0 {
		return d.insertAfter(lineStart, indent, strings.Repeat(" ", indent)+"- "+flowMap(entry), last)
	}
	keyIndent := utf8.RuneCount(d.src[lineStart:dash])
	return d.insertAfter(lineStart, indent, blockMap(entry, indent, keyIndent, d.nl), last)
}

// InsertBefore adds an entry to the list under key in mapping m, before
// its entry at index i, in the style of that entry.
func (d *Doc) InsertBefore(m *yaml.Node, key string, i int, entry []KV) error {
	list, _ := Child(m, key)
	if list == nil || list.Kind != yaml.SequenceNode || i < 0 || i >= len(list.Content) {
		return fmt.Errorf("%s has no entry %d", key, i+1)
	}
	at := list.Content[i]
	pos := d.start(at)
	if list.Style&yaml.FlowStyle != 0 {
		return d.splice(pos, pos, flowMap(entry)+", ")
	}
	lineStart := d.lineStart(pos)
	indent := indentOf(d.src[lineStart:])
	if at.Kind == yaml.MappingNode && at.Style&yaml.FlowStyle != 0 {
		return d.splice(lineStart, lineStart, strings.Repeat(" ", indent)+"- "+flowMap(entry)+d.nl)
	}
	keyIndent := utf8.RuneCount(d.src[lineStart:pos])
	return d.splice(lineStart, lineStart, blockMap(entry, indent, keyIndent, d.nl)+d.nl)
}

// insertAfter inserts lines after the block that starts on the line at
// lineStart: after its last line indented more than indent (or the line
// itself). last is the node the block holds (its last value is the last
// thing before the new lines): when that is a block scalar that keeps its
// trailing line breaks (|+ or >+), the blank lines after it are its own,
// and the new lines go after them.
func (d *Doc) insertAfter(lineStart, indent int, text string, last *yaml.Node) error {
	// A quoted value or a flow collection may run onto lines indented less
	// than the block (yaml.v3 allows it), and a block of text may hold
	// lines that look like comments: the block goes on at least to the
	// line where the last of them ends.
	if end := d.extent(last); end > 0 {
		if from := d.lineStart(end - 1); from > lineStart {
			lineStart = from
		}
	}
	at := d.blockEnd(lineStart, indent)
	if d.keepsBreaks(last) {
		at = d.blankLinesEnd(at)
	}
	if at > 0 && !d.endsLine(at) {
		if b := lastValue(last); at == len(d.src) && b != nil && (style(b) == yaml.LiteralStyle || style(b) == yaml.FoldedStyle) {
			// A line break after it would become part of its text.
			return errors.New("the file ends inside a block of text (| or >) without a final line break; add a line break at the end of the file")
		}
		text = d.nl + text
	}
	return d.splice(at, at, text+d.nl)
}

// extent returns the offset just past the last quoted scalar, block
// scalar or flow collection in n (keys included), or 0 when it has none.
func (d *Doc) extent(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	switch {
	case n.Kind == yaml.ScalarNode && (style(n) == yaml.DoubleQuotedStyle || style(n) == yaml.SingleQuotedStyle):
		if end, err := quotedEnd(d.src, d.start(n)); err == nil {
			return end
		}
		return 0
	case n.Kind == yaml.ScalarNode && (style(n) == yaml.LiteralStyle || style(n) == yaml.FoldedStyle):
		// Its lines are those after the header indented more than the
		// header's line (a line that looks like a comment among them is
		// text), up to the last that is not empty.
		off := d.start(n)
		indent := indentOf(d.src[d.lineStart(off):])
		end := d.lineEnd(off)
	loop:
		for at := end; at < len(d.src); {
			next := d.lineEnd(at)
			line := d.src[at:next]
			switch {
			case len(bytes.TrimSpace(line)) > 0:
				if indentOf(line) <= indent {
					break loop
				}
				end = next
			case indentOf(line) > indent:
				// Spaces past the text's indentation are text (a line
				// holding " "); past the header's only, they are trailing
				// space the text drops, and new lines after them leave
				// the text as it was.
				end = next
			}
			at = next
		}
		return end
	case (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && n.Style&yaml.FlowStyle != 0:
		if end, err := d.flowEnd(d.start(n)); err == nil {
			return end
		}
		return 0
	}
	end := 0
	for _, c := range n.Content {
		end = max(end, d.extent(c))
	}
	return end
}

// keepsBreaks reports whether the last value inside n is a block scalar
// with the keep indicator (|+, >+, |2+, |+2...).
func (d *Doc) keepsBreaks(n *yaml.Node) bool {
	n = lastValue(n)
	if n == nil || n.Kind != yaml.ScalarNode || (style(n) != yaml.LiteralStyle && style(n) != yaml.FoldedStyle) {
		return false
	}
	off := d.start(n)
	for i := off + 1; i < len(d.src) && d.src[i] != ' ' && d.src[i] != '\t' && d.src[i] != '#' && breakAt(d.src, i) == 0; i++ {
		if d.src[i] == '+' {
			return true
		}
	}
	return false
}

// lastValue returns the last value inside n: n itself when it is not a
// collection.
func lastValue(n *yaml.Node) *yaml.Node {
	for n != nil && (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode || n.Kind == yaml.DocumentNode) && len(n.Content) > 0 {
		n = n.Content[len(n.Content)-1]
	}
	return n
}

// blankLinesEnd returns the offset past the lines that are blank (spaces
// or tabs only) from off on.
func (d *Doc) blankLinesEnd(off int) int {
	for off < len(d.src) {
		next := d.lineEnd(off)
		if len(bytes.TrimSpace(d.src[off:next])) != 0 {
			break
		}
		off = next
	}
	return off
}

// blockEnd returns the offset just past the last line of the block that
// starts on the line at lineStart: that line, and the lines after it that
// are blank, comments, or indented more than indent, up to the last such
// line with content.
func (d *Doc) blockEnd(lineStart, indent int) int {
	end := d.lineEnd(lineStart)
	for off := end; off < len(d.src); {
		next := d.lineEnd(off)
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
	start := d.start(first)
	lineStart := d.lineStart(start)
	keyIndent := utf8.RuneCount(d.src[lineStart:start])
	// m's block: from its first key's line, lines indented at least as far
	// as its keys (the first line may start with "- ").
	text := strings.Repeat(" ", keyIndent) + key + ":" + d.nl + blockMap(entry, keyIndent+2, keyIndent+4, d.nl)
	return d.insertAfter(lineStart, keyIndent-1, text, m)
}

// fillEmpty writes a one-entry list under a key whose value is empty.
func (d *Doc) fillEmpty(keyNode *yaml.Node, entry []KV) error {
	start := d.start(keyNode)
	lineStart := d.lineStart(start)
	keyIndent := utf8.RuneCount(d.src[lineStart:start])
	end := d.lineEnd(start)
	text := blockMap(entry, keyIndent+2, keyIndent+4, d.nl)
	if end == len(d.src) && !d.endsLine(end) {
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
		if v.Kind == yaml.AliasNode {
			return fmt.Errorf("%s is an alias (*%s) of a value written elsewhere, which other entries may share; write the value out in full here", key, v.Value)
		}
		if v.Anchor != "" {
			return fmt.Errorf("%s is anchored (&%s), so aliases elsewhere may share it; write the value out in full where it is used", key, v.Anchor)
		}
		if v.Kind == yaml.SequenceNode && len(v.Content) == 0 && v.Style&yaml.FlowStyle != 0 {
			open := d.start(v)
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
	start := d.start(first)
	lineStart := d.lineStart(start)
	keyIndent := utf8.RuneCount(d.src[lineStart:start])
	text := strings.Repeat(" ", keyIndent) + key + ": " + value
	if v, k := Child(m, after); k != nil {
		at := d.start(k)
		// After the key's line and its value's lines, indented further.
		return d.insertAfter(d.lineStart(at), keyIndent, text, v)
	}
	return d.insertAfter(lineStart, keyIndent-1, text, m)
}

// insertFlowKey adds ", key: value" before the closing } of flow mapping m.
func (d *Doc) insertFlowKey(m *yaml.Node, key, value string) error {
	end, err := d.flowEnd(d.start(m))
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
	end, err := d.flowEnd(d.start(list))
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
// collection opening at open. It reads the collection as YAML does: a
// quote opens a quoted scalar only where a value starts (after [ { , :
// ? or an anchor or tag), so an apostrophe inside plain text is text; a
// # starts a comment only after a space or a line break.
func (d *Doc) flowEnd(open int) (int, error) {
	src := d.src
	if open >= len(src) || (src[open] != '{' && src[open] != '[') {
		return 0, errors.New("cannot find where the list or block starts")
	}
	depth := 0
	token := true   // at the start of a value: a quote here opens a quoted scalar
	quoted := false // just after a quoted scalar: a ':' here is always an indicator
	for i := open; i < len(src); i++ {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			if i+1 < len(src) && src[i+1] == '#' {
				i = d.lineEnd(i+1) - 1 // the comment, up to its line break
			}
			continue
		case c == '{' || c == '[':
			depth++
			token = true
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return i + 1, nil
			}
			token = false
		case c == ',':
			token = true
		case c == ':' && (token || quoted || i+1 == len(src) || isSpace(src[i+1]) || isFlowIndicator(src[i+1])):
			token = true
		case c == '?' && token && (i+1 == len(src) || isSpace(src[i+1])):
		case token && (c == '"' || c == '\''):
			end, err := quotedEnd(src, i)
			if err != nil {
				return 0, err
			}
			i = end - 1
			token, quoted = false, true
			continue
		case token && (c == '&' || c == '!'):
			for i+1 < len(src) && !isSpace(src[i+1]) && !isFlowIndicator(src[i+1]) {
				i++
			}
		case token && c == '*':
			for i+1 < len(src) && !isSpace(src[i+1]) && !isFlowIndicator(src[i+1]) {
				i++
			}
			token = false
		default:
			token = false // inside a plain scalar
		}
		quoted = false
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
	return strconv.Quote(text)
}

// Check holds an edit to its promise: after must say exactly what before
// says once want has made the intended change to before's data (the values
// YAML reads, as maps, lists and scalars). want reports false when it
// cannot find what it was to change. Check is the last line of defence
// against an edit that lands in the wrong place: whatever the layout of
// the file, a change to anything else is refused.
func Check(before, after []byte, want func(doc map[string]any) bool) error {
	b, err := data(before)
	if err != nil {
		return err
	}
	a, err := data(after)
	if err != nil {
		return fmt.Errorf("the edit would break the YAML: %w", err)
	}
	if !want(b) || !reflect.DeepEqual(a, b) {
		return ErrUnsafe
	}
	return nil
}

// Data is a document's values as Check compares them: every mapping a
// map[string]any, whatever its keys.
func Data(src []byte) (map[string]any, error) { return data(src) }

// data reads a document's values, with every mapping's keys as text (so a
// mapping is always a map[string]any, whatever its keys).
func data(src []byte) (map[string]any, error) {
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		return nil, err
	}
	m, _ := textKeys(v).(map[string]any)
	return m, nil
}

func textKeys(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = textKeys(e)
		}
		return v
	case map[any]any:
		// Keys of other types are told apart by their type: 0 and 0.0
		// (0: and 0.: in YAML) are two keys, which one text would make
		// one, holding either value by chance (FuzzSetStatus).
		m := make(map[string]any, len(v))
		for k, e := range v {
			key, ok := k.(string)
			if !ok {
				key = fmt.Sprintf("\x00%T\x00%v", k, k)
			}
			m[key] = textKeys(e)
		}
		return m
	case []any:
		for i, e := range v {
			v[i] = textKeys(e)
		}
	}
	return v
}

// ErrUnsafe is Check's refusal. Outside files whose values are shared
// through aliases (*name), where changing one changes the others, it
// means the editor has a bug: the fuzz targets fail on it.
var ErrUnsafe = errors.New("engage could not make this change in this file's layout without changing something else")

// HasAlias reports whether a document uses an alias (*name), which makes
// one value appear in several places.
func HasAlias(src []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return false
	}
	var walk func(n *yaml.Node) bool
	walk = func(n *yaml.Node) bool {
		if n.Kind == yaml.AliasNode {
			return true
		}
		for _, c := range n.Content {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(&doc)
}

// Value is what YAML reads a value written as text (such as "done",
// "2024-03-31" or a quoted note) as, the way Check compares it.
func Value(text string) any {
	var v struct{ V any }
	if err := yaml.Unmarshal([]byte("v: "+text), &v); err != nil {
		return nil
	}
	return v.V
}

// Entry is what YAML reads an entry of keys and values as.
func Entry(entry []KV) map[string]any {
	m := make(map[string]any, len(entry))
	for _, kv := range entry {
		m[kv.Key] = textKeys(Value(kv.Value))
	}
	return m
}

// Item returns entry i of the list under key in doc, as Check's want
// function sees it.
func Item(doc map[string]any, key string, i int) map[string]any {
	list, _ := doc[key].([]any)
	if i < 0 || i >= len(list) {
		return nil
	}
	m, _ := list[i].(map[string]any)
	return m
}

// Index returns the position of item in the list under key in the
// document's top-level mapping, or -1.
func (d *Doc) Index(key string, item *yaml.Node) int {
	list, _ := Child(d.Root, key)
	if list == nil {
		return -1
	}
	for i, n := range list.Content {
		if n == item {
			return i
		}
	}
	return -1
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
