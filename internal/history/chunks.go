package history

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/pkg/strategy"
)

// chunkReader reads revisions of a strategy incrementally. Consecutive
// revisions differ by a few lines, and YAML's top-level keys, and the items
// of a block list, parse independently: so each revision is cut into such
// chunks, and only chunks not seen before are parsed. Whenever a revision
// has anything that could tie chunks together (anchors and aliases,
// document markers, directives, a top level that is not plain keys), or a
// chunk does not parse, the whole revision is read by read() instead, so
// the result is always what the full loader gives (FuzzChunks checks it).
type chunkReader struct {
	items    map[string]chunkItem // an item's text → what it holds
	sections map[string]bool      // a section's text → it parsed cleanly
}

type chunkItem struct {
	it item
	ok bool
}

func newChunkReader() *chunkReader {
	return &chunkReader{items: map[string]chunkItem{}, sections: map[string]bool{}}
}

// nodeStart reports whether a line may hold an anchor, alias or tag: an
// &, * or ! where a YAML node can start (at the start, or after a space,
// [, { or ,). It may say yes to text that only looks like one; that costs a
// full parse, never a wrong answer.
func nodeStart(line []byte) bool {
	for i := bytes.IndexAny(line, "&*!"); i >= 0; {
		if i == 0 || strings.IndexByte(" \t[{,", line[i-1]) >= 0 {
			return true
		}
		next := bytes.IndexAny(line[i+1:], "&*!")
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

// topKey is a plain top-level key line.
var topKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([A-Za-z0-9_][A-Za-z0-9_ -]*):(\s|$)`) })

func (c *chunkReader) read(data []byte) snapshot {
	if s, ok := c.chunked(data); ok {
		return s
	}
	return read(data)
}

// chunked reads a revision chunk by chunk; ok is false when it cannot (and
// read must decide). Chunks are runs of whole lines, taken as substrings of
// the revision's text without copying.
func (c *chunkReader) chunked(data []byte) (snapshot, bool) {
	if !printable(data) || bytes.HasPrefix(data, []byte("\ufeff")) {
		return snapshot{}, false
	}
	text := data // read in place: chunks are looked up as string(bytes), which does not copy
	lines := lineStarts(text)
	line := func(i int) []byte { return text[lines[i]:lines[i+1]] }
	type section struct {
		key        string
		start, end int // lines [start, end)
	}
	var sections []section
	keys := map[string]bool{}
	for i := 0; i+1 < len(lines); i++ {
		l := line(i)
		if nodeStart(l) || bytes.IndexByte(l, '\t') >= 0 || bytes.HasPrefix(l, []byte("<<")) {
			return snapshot{}, false
		}
		if t := bytes.TrimSpace(l); len(t) == 0 || t[0] == '#' {
			continue
		}
		if l[0] == ' ' {
			if len(sections) == 0 {
				return snapshot{}, false // content before the first key
			}
			continue
		}
		if bytes.HasPrefix(l, []byte("---")) || bytes.HasPrefix(l, []byte("...")) || l[0] == '%' {
			return snapshot{}, false
		}
		m := topKey().FindSubmatch(l)
		if m == nil {
			return snapshot{}, false
		}
		key := string(bytes.TrimRight(m[1], " ")) // "a :" is the key "a"
		if keys[key] {
			return snapshot{}, false
		}
		keys[key] = true
		if len(sections) > 0 {
			sections[len(sections)-1].end = i
		}
		sections = append(sections, section{key: key, start: i})
	}
	if len(sections) == 0 {
		return snapshot{}, false
	}
	sections[len(sections)-1].end = len(lines) - 1
	var snap snapshot
	for _, s := range sections {
		if s.key == "objectives" || s.key == "roadmap" {
			if items, ok := c.list(text, lines, s.key, s.start, s.end); ok {
				if s.key == "objectives" {
					snap.objectives = items
				} else {
					snap.milestones = items
				}
				continue
			}
		}
		if !c.section(text[lines[s.start]:lines[s.end]], s.key, &snap) {
			return snapshot{}, false
		}
	}
	return snap, true
}

// printable reports whether data is UTF-8 made only of the characters YAML
// allows anywhere, comments included (tab and printable characters), with
// lines that end in \n or \r\n only (YAML also breaks lines at a lone \r
// and at NEL, LS and PS, which the chunker does not).
func printable(data []byte) bool {
	for i := 0; i < len(data); {
		b := data[i]
		if b < utf8.RuneSelf {
			if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f {
				return false
			}
			if b == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError || r < 0xa0 || (r >= 0xd800 && r < 0xe000) || r == 0xfffe || r == 0xffff || r == 0xfeff || r == 0x2028 || r == 0x2029 {
			return false
		}
		i += size
	}
	return true
}

// lineStarts returns the offset of each line's start, and len(text) last.
func lineStarts(text []byte) []int {
	starts := make([]int, 1, bytes.Count(text, []byte("\n"))+2)
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && i+1 < len(text) {
			starts = append(starts, i+1)
		}
	}
	return append(starts, len(text))
}

// section parses a whole top-level section, once per distinct text.
func (c *chunkReader) section(text []byte, key string, snap *snapshot) bool {
	list := key == "objectives" || key == "roadmap"
	if ok, seen := c.sections[string(text)]; seen && !list {
		return ok
	}
	root, problems := strategy.ReadYAML(text, "")
	ok := len(problems) == 0
	if ok && list {
		var doc struct {
			Objectives []item `yaml:"objectives"`
			Roadmap    []item `yaml:"roadmap"`
		}
		if err := root.Decode(&doc); err != nil {
			var te *yaml.TypeError
			ok = errors.As(err, &te)
		}
		snap.objectives = append(snap.objectives, doc.Objectives...)
		snap.milestones = append(snap.milestones, doc.Roadmap...)
	}
	if !list {
		c.sections[string(text)] = ok
	}
	return ok
}

// list reads a block list section (lines [start, end): "objectives:" and
// its "  - " items) item by item; ok is false when the section is not
// written that way.
func (c *chunkReader) list(text []byte, lines []int, key string, start, end int) ([]item, bool) {
	head := bytes.TrimRight(text[lines[start]:lines[start+1]], "\r\n")
	if i := bytes.Index(head, []byte(" #")); i >= 0 {
		head = head[:i]
	}
	if string(bytes.TrimSpace(head)) != key+":" {
		return nil, false // objectives: [...] on one line, or anything else
	}
	indent := -1
	var items []item
	first := -1 // the current item's first line
	flush := func(upto int) bool {
		if first < 0 {
			return true
		}
		it, ok := c.item(text[lines[first]:lines[upto]])
		items = append(items, it)
		return ok
	}
	for i := start + 1; i < end; i++ {
		l := text[lines[i]:lines[i+1]]
		trimmed := bytes.TrimSpace(l)
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		n := len(l) - len(bytes.TrimLeft(l, " "))
		if indent < 0 {
			indent = n
		}
		switch {
		case n < indent:
			return nil, false
		case n == indent:
			rest := l[n:]
			if !bytes.HasPrefix(rest, []byte("- ")) && string(bytes.TrimRight(rest, "\r\n")) != "-" {
				return nil, false
			}
			if !flush(i) {
				return nil, false
			}
			first = i
		default:
			if first < 0 {
				return nil, false
			}
		}
	}
	if !flush(end) {
		return nil, false
	}
	return items, true
}

// item parses one list item ("  - id: ...") once per distinct text.
func (c *chunkReader) item(text []byte) (item, bool) {
	if got, seen := c.items[string(text)]; seen {
		return got.it, got.ok
	}
	var doc yaml.Node
	ok := false
	var it item
	dec := yaml.NewDecoder(bytes.NewReader(text))
	if err := dec.Decode(&doc); err == nil && len(doc.Content) == 1 {
		seq := doc.Content[0]
		if seq.Kind == yaml.SequenceNode && len(seq.Content) == 1 && seq.Content[0].Kind == yaml.MappingNode {
			// The same checks the full loader makes, on this item alone.
			wrapped := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "x"}, seq}}
			insp := strategy.Inspect(wrapped)
			if len(insp) == 0 {
				err := seq.Content[0].Decode(&it)
				var te *yaml.TypeError
				ok = err == nil || errors.As(err, &te)
			}
		}
	}
	c.items[string(text)] = chunkItem{it, ok}
	return it, ok
}
