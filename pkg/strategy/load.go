package strategy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/pointer"
	"github.com/engage-icb/engage/internal/safetext"
)

// MaxDepth is how deeply values may nest. The deepest value in a real
// strategy is about six levels down; thousands of levels make every
// later step slow and memory-hungry.
const MaxDepth = 64

// DefaultMaxFileSize is the largest strategy file engage reads unless told
// otherwise, in bytes. Real strategies are tens of kilobytes; the limit
// keeps a wrong file (a log, an export) from using the machine's memory.
const DefaultMaxFileSize = 10 << 20

// LoadOptions are the limits a file is read within.
type LoadOptions struct {
	// MaxFileSize is the largest file to read, in bytes; 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64
}

// Limit is the largest file these options read, in bytes.
func (o LoadOptions) Limit() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// maxValueNodes bounds how many values a file may expand to through YAML
// aliases, so an "alias bomb" is refused instead of exhausting memory.
const maxValueNodes = 1_000_000

// Rule IDs of the problems the loader finds. Package validate documents them.
const (
	RuleTooLarge          = "file-too-large"
	RuleNotText           = "not-text"
	RuleSyntax            = "yaml-syntax"
	RuleEmpty             = "empty-file"
	RuleMultipleDocuments = "multiple-documents"
	RuleNotMapping        = "not-a-mapping"
	RuleDuplicateKey      = "duplicate-key"
	RuleUnsupportedYAML   = "unsupported-yaml"
)

// ReadRules are the loader's rules: a file one of them finds is not read,
// so nothing in it is checked. They cannot be turned off, lowered or
// suppressed (.engage.yaml): a file engage cannot read would pass.
var ReadRules = []string{RuleTooLarge, RuleNotText, RuleSyntax, RuleEmpty, RuleMultipleDocuments, RuleNotMapping, RuleDuplicateKey, RuleUnsupportedYAML}

// Document is one strategy file as read: its source, its YAML tree (which
// knows where every value is) and the typed model. A file with Problems has
// no Strategy.
type Document struct {
	Path     string
	Source   []byte
	Root     *yaml.Node // the top-level mapping
	Strategy *Strategy  // nil when the file could not be read into the model
	// DecodeErr says which values could not be read into the model. Those
	// values are left empty in Strategy (nil only when nothing could be read).
	DecodeErr error
	Problems  []Problem
}

// Problem is something that stops a file being read at all.
type Problem struct {
	Rule    string
	Line    int
	Column  int
	Pointer string
	Message string
	Hint    string
}

// Load reads and parses one file. The error is for I/O failures only (a file
// that does not exist or cannot be read); anything wrong with the content,
// including a size over the limit, is a Problem in the Document.
func Load(path string, opts LoadOptions) (*Document, error) {
	info, err := StatFile(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, ReadError(path, err)
	}
	defer func() { _ = f.Close() }() // read-only: nothing to lose on close
	limit := opts.Limit()
	if info.Size() > limit {
		return tooLarge(path, info.Size(), limit), nil
	}
	src := make([]byte, 0, info.Size()+1) // +1 to see the end at once
	src, err = readAll(io.LimitReader(f, limit+1), src)
	if err != nil {
		return nil, ReadError(path, err)
	}
	if int64(len(src)) > limit {
		return tooLarge(path, int64(len(src)), limit), nil
	}
	return Parse(path, src), nil
}

// Parse reads a strategy from src, such as a file at a git revision,
// refusing it (as Load does) when it is over the limit.
func (o LoadOptions) Parse(path string, src []byte) *Document {
	if n := int64(len(src)); n > o.Limit() {
		return tooLarge(path, n, o.Limit())
	}
	return Parse(path, src)
}

// StatFile checks that path is a regular file engage can open without
// waiting (opening a named pipe or a device could wait for ever), and
// explains in plain words when it is not.
func StatFile(path string) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, ReadError(path, err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("cannot read %q: it is a folder", path)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("cannot read %q: it is not a regular file (it is a %s)", path, fileKind(info.Mode()))
	}
	return info, nil
}

// SizeText writes a size in whole megabytes when it is one, such as 10 MB.
func SizeText(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// fileKind names a kind of file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// readAll is io.ReadAll into a buffer sized by the caller.
func readAll(r io.Reader, b []byte) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

func tooLarge(path string, size, limit int64) *Document {
	return &Document{Path: path, Problems: []Problem{{
		Rule: RuleTooLarge, Line: 1, Column: 1,
		Message: fmt.Sprintf("the file is %.1f MB, over the %s limit for a strategy file", float64(size)/(1<<20), SizeText(limit)),
		Hint:    "a strategy file is normally well under 1 MB: check this is the right file (if it is, raise the limit with max_file_size_mb in .engage.yaml or --max-file-size)",
	}}}
}

// Parse reads a strategy from src, whatever its size. path names it in
// messages.
func Parse(path string, src []byte) *Document {
	d := &Document{Path: path, Source: src}
	d.Root, d.Problems = ReadYAML(src, "examples/minimal.yaml")
	if len(d.Problems) > 0 {
		return d
	}
	var s Strategy
	if decodeFast(d.Root, reflect.ValueOf(&s).Elem()) {
		d.Strategy = &s
		return d
	}
	s = Strategy{}
	if err := d.Root.Decode(&s); err != nil {
		d.DecodeErr = err
		// A type mismatch leaves that value empty and decodes the rest:
		// keep the rest, so the meaning of a file can be checked even
		// while one of its values is the wrong kind.
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return d
		}
	}
	d.Strategy = &s
	return d
}

// ReadYAML reads one YAML document whose top level is a set of keys, as
// every file engage reads is: UTF-8 text, one document, no duplicate or
// merge keys, no alias that expands without end. It returns the top-level
// mapping, or the problems that stop the file being read. example names a
// file to start from, for hints.
func ReadYAML(src []byte, example string) (*yaml.Node, []Problem) {
	if p, bad := checkText(src); bad {
		return nil, []Problem{p}
	}
	var doc yaml.Node
	if !mayHoldDocuments(src) {
		// One document for certain: parse from memory, as yaml.Unmarshal
		// does, which is faster than through a Decoder's reader.
		if err := yaml.Unmarshal(src, &doc); err != nil {
			return nil, []Problem{syntaxProblem(src, err)}
		}
		return topLevel(&doc, example)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, []Problem{syntaxProblem(src, err)}
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return nil, []Problem{{
			Rule: RuleMultipleDocuments, Line: secondDocument(src), Column: 1,
			Message: "the file holds more than one YAML document (a line with --- starts another)",
			Hint:    "keep one strategy per file: remove the --- line and what follows, or move it to its own file",
		}}
	} else if !errors.Is(err, io.EOF) {
		return nil, []Problem{syntaxProblem(src, err)}
	}
	return topLevel(&doc, example)
}

// mayHoldDocuments reports whether a line after the first starts with a
// document marker (--- or ...), so the file may hold more than one YAML
// document.
func mayHoldDocuments(src []byte) bool {
	for _, marker := range []string{"\n---", "\n..."} {
		if bytes.Contains(src, []byte(marker)) {
			return true
		}
	}
	return false
}

// topLevel returns a document's top-level mapping, or why it has none.
func topLevel(doc *yaml.Node, example string) (*yaml.Node, []Problem) {
	if len(doc.Content) == 0 || (doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].ShortTag() == "!!null") {
		return nil, []Problem{{
			Rule: RuleEmpty, Line: 1, Column: 1,
			Message: "the file is empty or holds only comments",
			Hint:    "start from " + example,
		}}
	}
	root := doc.Content[0]
	if root.Kind == yaml.AliasNode {
		root = root.Alias
	}
	if root.Kind != yaml.MappingNode {
		return nil, []Problem{{
			Rule: RuleNotMapping, Line: root.Line, Column: root.Column,
			Message: fmt.Sprintf("the file holds %s, not a set of key: value lines", describeNode(root)),
			Hint:    "start from " + example,
		}}
	}
	c := inspector{}
	c.walk(root, "")
	if len(c.problems) > 0 {
		return nil, c.problems
	}
	return root, nil
}

// checkText refuses content that is not UTF-8 text.
func checkText(src []byte) (Problem, bool) {
	if utf16(src) {
		return Problem{Rule: RuleNotText, Line: 1, Column: 1,
			Message: "the file is saved as UTF-16 (Notepad's \"Unicode\"); engage reads UTF-8 text",
			Hint:    "save it again as UTF-8: in Notepad, Save As with Encoding UTF-8; in VS Code, click the encoding in the status bar, then Save with Encoding, UTF-8"}, true
	}
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF\xEF\xBB\xBF")) {
		return Problem{Rule: RuleNotText, Line: 1, Column: 1,
			Message: "the file starts with two byte-order marks (invisible characters an editor writes), and YAML reads the second as text",
			Hint:    "save the file again as UTF-8 (in VS Code: click the encoding in the status bar, then Save with Encoding, UTF-8)"}, true
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := lineCol(src, i)
		return Problem{Rule: RuleNotText, Line: line, Column: col,
			Message: "the file is not text (it holds a zero byte): is it a binary file named .yaml?",
			Hint:    "save the strategy as plain UTF-8 text"}, true
	}
	if utf8.Valid(src) {
		return Problem{}, false
	}
	i := 0
	for i < len(src) {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	line, col := lineCol(src, i)
	return Problem{Rule: RuleNotText, Line: line, Column: col,
		Message: fmt.Sprintf("the file is not valid UTF-8 text (byte 0x%02X)", src[i]),
		Hint:    "re-save the file as UTF-8; text pasted from Word or saved as Windows-1252 often causes this"}, true
}

// utf16 reports text saved as UTF-16: with its byte-order mark, or with
// every other byte of its first characters zero.
func utf16(src []byte) bool {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return true
	}
	if len(src) < 8 {
		return false
	}
	le, be := true, true
	for i := 0; i < 8; i += 2 {
		le = le && src[i] != 0 && src[i+1] == 0
		be = be && src[i] == 0 && src[i+1] != 0
	}
	return le || be
}

// lineCol turns a byte offset into a 1-based line and column (in characters).
func lineCol(src []byte, off int) (int, int) {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(src[start:off])
}

var lineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// syntaxProblem explains a YAML syntax error in plain English.
func syntaxProblem(src []byte, err error) Problem {
	msg := err.Error()
	line, col := 1, 1
	if m := lineRE().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	text := sourceLine(src, line)
	p := Problem{Rule: RuleSyntax, Line: line, Column: col,
		Message: "the YAML cannot be read: " + msg,
		Hint:    "check the indentation and quoting on this line and the line before it"}
	tabbed := strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token")
	if tabbed && !strings.Contains(text, "\t") && strings.Contains(sourceLine(src, line+1), "\t") {
		// yaml.v3 names the line before a tab that breaks the indentation.
		line++
		text = sourceLine(src, line)
		p.Line = line
	}
	switch {
	case tabbed && strings.Contains(text, "\t"):
		p.Column = 1 + utf8.RuneCountInString(text[:strings.IndexByte(text, '\t')])
		p.Message = "a tab is used for indentation; YAML only allows spaces"
		p.Hint = "replace the tab with spaces (two per level); most editors can convert tabs to spaces"
	case strings.Contains(msg, "mapping values are not allowed"):
		p.Column = colonColumn(text)
		p.Message = "a colon followed by a space starts a new key here, where none is expected"
		p.Hint = `if this is text that contains ": ", put the whole text in quotes; otherwise check the indentation`
		if v, ok := valueStart(text); ok && (strings.HasPrefix(text[v:], "\u201c") || strings.HasPrefix(text[v:], "\u2018")) {
			// Word and Outlook turn " into curly quotes, which YAML reads
			// as letters of the text.
			p.Hint = "the quotes here are curly (“ ” or ‘ ’, as a word processor types them), which YAML reads as part of the text: put the text in straight quotes (\") instead"
		}
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-' indicator"):
		// yaml.v3 names the line where the block starts, not the line
		// that breaks it: that is the first line the file cannot be read
		// up to.
		if bad, ok := firstBadLine(src, line, err.Error()); ok {
			return afterValue(p, src, bad)
		}
		p.Message = "the block that starts here is not indented consistently: a line below it does not line up"
		p.Hint = "items of the same list, and keys of the same block, must start in the same column"
	case strings.Contains(msg, "found character that cannot start any token"), strings.Contains(msg, "did not find expected alphabetic or numeric character"):
		if c, ok := valueStart(text); ok && strings.ContainsRune("@`%*&!|>", rune(text[c])) {
			p.Column = 1 + utf8.RuneCountInString(text[:c])
			p.Message = fmt.Sprintf("a value cannot start with %q unquoted: YAML reads it as a sign of its own", text[c:c+1])
			p.Hint = "put the whole text in quotes: \"" + strings.ReplaceAll(strings.TrimSpace(text[c:]), `"`, `\"`) + "\""
		}
	case strings.Contains(msg, "exceeded max depth"):
		p.Message = "the file nests lists and blocks more than 10,000 levels deep, which no strategy does"
		p.Hint = "check that the file is a strategy file; an indentation or bracket fault can nest it this deep"
	case strings.Contains(msg, "could not find expected ':'"):
		p.Message = "a key is missing its colon, or a text runs on to the next line without quotes"
		p.Hint = "write key: value, and put text that runs over several lines in quotes or after >-"
	case strings.Contains(msg, "found unexpected end of stream"), strings.Contains(msg, "found unexpected end"):
		p.Message = "the file ends in the middle of something: a quote or bracket is not closed"
		p.Hint = "look for an opening \" ' [ or { above without its closing partner"
	}
	return p
}

// badLineLimit is the largest file firstBadLine searches: it reads the
// file's first lines again a few times over (a binary search), and a
// strategy is a few tens of KB.
const badLineLimit = 256 << 10

// firstBadLine is the first line, from line from on, such that the file
// read up to and including it fails as the whole file does (msg): the
// line that breaks a block yaml.v3 reports by the block's first line. A
// file cut anywhere else fails otherwise (in the middle of a text or a
// list over several lines), and so does not count.
func firstBadLine(src []byte, from int, msg string) (int, bool) {
	if len(src) > badLineLimit {
		return 0, false
	}
	ends := []int{} // ends[i]: the offset after line i+1
	for i, b := range src {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(src) {
		ends = append(ends, len(src))
	}
	fails := func(line int) bool {
		var n yaml.Node
		err := yaml.Unmarshal(src[:ends[line-1]], &n)
		return err != nil && err.Error() == msg
	}
	lo, hi := max(from, 1), len(ends)
	if lo > hi || !fails(hi) {
		return 0, false // lines that end in lone CRs, which are not counted
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, true
}

// afterValue explains the line that breaks a block: a value quoted or in
// brackets with more text after it, or else the line's indentation.
func afterValue(p Problem, src []byte, line int) Problem {
	text := sourceLine(src, line)
	p.Line, p.Column = line, 1+len(text)-len(strings.TrimLeft(text, " "))
	p.Message = "this line does not line up with the block it is in"
	p.Hint = "items of the same list, and keys of the same block, must start in the same column"
	c, ok := valueStart(text)
	if !ok || !textAfter(strings.TrimSpace(text[c:])) {
		return p
	}
	value := strings.TrimSpace(text[c:])
	p.Column = 1 + utf8.RuneCountInString(text[:c])
	switch value[0] {
	case '\'':
		p.Message = "the text goes on after its closing quote"
		p.Hint = "inside '...', write an apostrophe as two ('People''s panel'), or put the whole text in double quotes"
	case '"':
		p.Message = "the text goes on after its closing quote"
		p.Hint = "put the whole text in quotes"
	default: // [ or {: textAfter is true for nothing else
		p.Message = fmt.Sprintf("a value starting with %q is read as a list or a block, and the text goes on after it", value[:1])
		p.Hint = "put the whole text in quotes: \"" + strings.ReplaceAll(value, `"`, `\"`) + "\""
	}
	return p
}

// textAfter reports whether a value that starts with a quote or a bracket
// has more than a comment after its close ("'People\'s plan'", "[Draft]
// plan"); false for any other value.
func textAfter(value string) bool {
	if value == "" {
		return false
	}
	end := -1
	switch value[0] {
	case '\'':
		for i := 1; i < len(value); i++ {
			if value[i] == '\'' {
				if i+1 < len(value) && value[i+1] == '\'' {
					i++
					continue
				}
				end = i
				break
			}
		}
	case '"':
		for i := 1; i < len(value); i++ {
			if value[i] == '\\' {
				i++
				continue
			}
			if value[i] == '"' {
				end = i
				break
			}
		}
	case '[', '{':
		depth := 0
		for i := 0; i < len(value) && end < 0; i++ {
			switch value[i] {
			case '[', '{':
				depth++
			case ']', '}':
				if depth--; depth == 0 {
					end = i
				}
			}
		}
	}
	if end < 0 {
		return false
	}
	rest := strings.TrimSpace(value[end+1:])
	return rest != "" && !strings.HasPrefix(rest, "#")
}

// valueStart is the byte offset where a line's value starts: after
// "key: " or "- ", when there is one.
func valueStart(text string) (int, bool) {
	i := len(text) - len(strings.TrimLeft(text, " "))
	for strings.HasPrefix(text[i:], "- ") {
		i += 2
		for i < len(text) && text[i] == ' ' {
			i++
		}
	}
	if k := strings.Index(text[i:], ": "); k >= 0 && !strings.ContainsAny(text[i:i+k], "'\"[{") {
		i += k + 2
		for i < len(text) && text[i] == ' ' {
			i++
		}
	}
	if i >= len(text) {
		return 0, false
	}
	return i, true
}

// colonColumn is the column of the colon that starts an unexpected key on
// a line: the second ": " when the line starts with a key (key: text: more),
// else the first.
func colonColumn(line string) int {
	var at []int
	for i := 0; i+1 < len(line); i++ {
		if line[i] == ':' && (line[i+1] == ' ' || line[i+1] == '\t') {
			at = append(at, i)
		}
	}
	if strings.HasSuffix(line, ":") {
		at = append(at, len(line)-1)
	}
	switch len(at) {
	case 0:
		return 1
	case 1:
		return 1 + utf8.RuneCountInString(line[:at[0]])
	}
	return 1 + utf8.RuneCountInString(line[:at[1]])
}

// secondDocument returns the line of the --- that starts a second document:
// the first --- line after some content.
func secondDocument(src []byte) int {
	content := false
	for i, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "---") && content:
			return i + 1
		case t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(line, "---") && !strings.HasPrefix(line, "%"):
			content = true
		}
	}
	return 1
}

func sourceLine(src []byte, line int) string {
	for i := 1; i < line; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return string(src)
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("a single value (%q)", safetext.Truncate(n.Value, 41))
	}
	return "something else"
}

// inspector walks a YAML tree and refuses what a strategy file must not
// contain: duplicate keys, keys that are not text, merge keys, and alias
// expansions that would make checking it exhaust memory or time.
type inspector struct {
	nodes    int
	depth    int                 // of the value being walked
	tooDeep  bool                // reported
	open     map[*yaml.Node]bool // anchored values being walked, to catch an alias inside itself
	problems []Problem
}

func (c *inspector) fail(n *yaml.Node, rule, pointer, msg, hint string) {
	c.problems = append(c.problems, Problem{Rule: rule, Line: n.Line, Column: n.Column, Pointer: pointer, Message: msg, Hint: hint})
}

// standardTags are the YAML tags a value may carry explicitly, such as
// !!str to keep 2024 as text.
var standardTags = map[string]bool{"!!str": true, "!!int": true, "!!float": true, "!!bool": true,
	"!!null": true, "!!timestamp": true, "!!seq": true, "!!map": true}

// quoteValue quotes text from the file for a message, at most 60 characters.
func quoteValue(s string) string { return strconv.Quote(safetext.Truncate(s, 61)) }

func (c *inspector) walk(n *yaml.Node, ptr string) {
	c.nodes++
	c.depth++
	defer func() { c.depth-- }()
	if c.depth > MaxDepth {
		if !c.tooDeep {
			c.tooDeep = true
			c.fail(n, RuleUnsupportedYAML, "", fmt.Sprintf("values are nested more than %d levels deep", MaxDepth),
				"a strategy needs a few levels (objectives, then an objective, then its updates): check the brackets and indentation around here")
		}
		return
	}
	if c.nodes > maxValueNodes {
		if c.nodes == maxValueNodes+1 {
			c.fail(n, RuleUnsupportedYAML, ptr, "the file expands to over a million values through aliases (*name)", "write the values out instead of repeating anchors; this looks like an \"alias bomb\"")
		}
		return
	}
	if n.Style&yaml.TaggedStyle != 0 && !standardTags[n.Tag] {
		c.fail(n, RuleUnsupportedYAML, ptr, fmt.Sprintf("the tag %s is not supported: strategy files hold plain text, numbers, lists and keys", quoteValue(n.Tag)),
			"remove the tag (the word starting with ! before the value)")
		return
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return
		}
		if c.open[n.Alias] {
			c.fail(n, RuleUnsupportedYAML, ptr, fmt.Sprintf("the alias *%s is inside the value it refers to, so it would never end", n.Value), "an alias can only refer to a value defined before it and outside it")
			return
		}
		if c.open == nil {
			c.open = map[*yaml.Node]bool{}
		}
		c.open[n.Alias] = true
		c.walk(n.Alias, ptr)
		delete(c.open, n.Alias)
	case yaml.MappingNode:
		var seen map[string]*yaml.Node
		if len(n.Content) > 32 {
			seen = make(map[string]*yaml.Node, len(n.Content)/2)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			if k.Kind != yaml.ScalarNode {
				c.fail(k, RuleUnsupportedYAML, ptr, "a key is a list or mapping; keys must be plain words", "write the key as a word, like title:")
				continue
			}
			if k.ShortTag() == "!!merge" {
				c.fail(k, RuleUnsupportedYAML, ptr, "merge keys (<<) are not supported in strategy files", "write the keys out in full, so that each item reads on its own")
				continue
			}
			if first := earlier(n, i, k.Value, seen); first != nil {
				c.fail(k, RuleDuplicateKey, ptr+"/"+pointer.Escape(k.Value),
					fmt.Sprintf("key %q appears twice in the same block (first at line %d)", k.Value, first.Line),
					"remove one of them; YAML would silently keep only the last")
				continue
			}
			if seen != nil {
				seen[k.Value] = k
			}
			c.walk(v, ptr+"/"+pointer.Escape(k.Value))
		}
	case yaml.SequenceNode:
		for i, e := range n.Content {
			c.walk(e, ptr+"/"+strconv.Itoa(i))
		}
	}
}

// Inspect checks a YAML tree as ReadYAML does (duplicate keys, merge keys,
// keys that are not text, aliases without end) and returns the problems.
func Inspect(n *yaml.Node) []Problem {
	c := inspector{}
	c.walk(n, "")
	return c.problems
}

// earlier returns an earlier key of mapping n with the same text as key i.
// Small mappings (most of a strategy) are scanned; large ones use seen.
func earlier(n *yaml.Node, i int, key string, seen map[string]*yaml.Node) *yaml.Node {
	if seen != nil {
		return seen[key]
	}
	for j := 0; j < i; j += 2 {
		if k := n.Content[j]; k.Value == key && k.Kind == yaml.ScalarNode {
			return k
		}
	}
	return nil
}

// Locate returns where the value at a JSON pointer is written. When the
// pointer names something the file does not have, it returns the nearest
// thing that is there. keyPos asks for the key's position rather than the
// value's (for "unknown key" findings).
func (d *Document) Locate(ptr string, keyPos bool) (line, col int) {
	if d.Root == nil {
		return 1, 1
	}
	n, key := d.Root, (*yaml.Node)(nil)
	for _, tok := range pointer.Split(ptr) {
		child, k := lookup(n, tok)
		if child == nil {
			key = nil
			break
		}
		n, key = child, k
	}
	if keyPos && key != nil {
		return key.Line, key.Column
	}
	return n.Line, n.Column
}

func lookup(n *yaml.Node, tok string) (value, key *yaml.Node) {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == tok {
				v := n.Content[i+1]
				for v.Kind == yaml.AliasNode {
					v = v.Alias
				}
				return v, n.Content[i]
			}
		}
	case yaml.SequenceNode:
		i, err := strconv.Atoi(tok)
		if err == nil && i >= 0 && i < len(n.Content) {
			v := n.Content[i]
			for v.Kind == yaml.AliasNode {
				v = v.Alias
			}
			return v, nil
		}
	}
	return nil, nil
}
