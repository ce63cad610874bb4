package schema

import (
	"encoding/json"
	"math/big"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/pointer"
)

// Kind is the kind of a violation. The zero value is not a kind.
type Kind int

// Kinds of violation, named after the keyword that failed.
const (
	Type          Kind = iota + 1 // type
	Required                      // required
	Additional                    // additionalProperties: false
	Enum                          // enum
	Const                         // const
	Pattern                       // pattern
	MinLength                     // minLength
	Minimum                       // minimum
	Maximum                       // maximum
	UniqueItems                   // uniqueItems
	NoMatch                       // oneOf or anyOf: the value has none of the allowed shapes
	MultipleMatch                 // oneOf: the value has more than one of the shapes
)

// Violation is one way a value breaks the schema.
type Violation struct {
	Kind    Kind
	Pointer string     // JSON pointer of the value (for Additional, of the unknown key)
	Node    *yaml.Node // the value; for Additional, the unknown key
	// Name is the missing key (Required) or the unknown key (Additional).
	Name string
	// At is the schema object whose keyword failed.
	At *Node
	// Want lists the types wanted (Type), the allowed shapes (NoMatch) or
	// the allowed values (Enum, Const).
	Want []string
	// Dup holds the two positions of a repeated list item (UniqueItems).
	Dup [2]int
}

// maxSteps bounds the work one document may cause, in values visited, and
// maxDepth how deeply values may nest. The loader refuses alias bombs and
// aliases inside themselves first; these are a backstop.
const (
	maxSteps = 4_000_000
	maxDepth = 20_000
)

// Validate checks a YAML document's root value against the schema.
func (s *Schema) Validate(root *yaml.Node) []Violation {
	v := &validator{steps: maxSteps}
	v.validate(root, s.root, "")
	return v.out
}

type validator struct {
	out   []Violation
	steps int
	depth int
}

func (v *validator) add(x Violation) { v.out = append(v.out, x) }

func (v *validator) validate(n *yaml.Node, s *Node, ptr string) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if v.steps--; v.steps < 0 || v.depth > maxDepth {
		return
	}
	v.depth++
	defer func() { v.depth-- }()
	if s.refNode != nil {
		v.validate(n, s.refNode, ptr)
	}
	kind := KindOf(n)
	if len(s.types) > 0 && !typeMatches(n, kind, s.types) {
		v.add(Violation{Kind: Type, Pointer: ptr, Node: n, At: s, Want: s.types})
		return
	}
	if s.hasConst && !equalsJSON(n, kind, s.constVal) {
		v.add(Violation{Kind: Const, Pointer: ptr, Node: n, At: s, Want: []string{jsonText(s.constVal)}})
	}
	if s.enum != nil && !inEnum(n, kind, s.enum) {
		want := make([]string, len(s.enum))
		for i, e := range s.enum {
			want[i] = jsonText(e)
		}
		v.add(Violation{Kind: Enum, Pointer: ptr, Node: n, At: s, Want: want})
	}
	switch kind {
	case "string":
		if s.pattern != nil && !s.pattern.MatchString(n.Value) {
			v.add(Violation{Kind: Pattern, Pointer: ptr, Node: n, At: s})
		}
		if s.hasMinLength && utf8.RuneCountInString(n.Value) < s.minLength {
			v.add(Violation{Kind: MinLength, Pointer: ptr, Node: n, At: s})
		}
	case "integer", "number":
		if s.minimum != nil {
			if r, ok := number(n); ok && r.Cmp(s.minimum) < 0 {
				v.add(Violation{Kind: Minimum, Pointer: ptr, Node: n, At: s, Want: []string{s.minimum.RatString()}})
			}
		}
		if s.maximum != nil {
			if r, ok := number(n); ok && r.Cmp(s.maximum) > 0 {
				v.add(Violation{Kind: Maximum, Pointer: ptr, Node: n, At: s, Want: []string{s.maximum.RatString()}})
			}
		}
	case "object":
		v.object(n, s, ptr)
	case "array":
		v.array(n, s, ptr)
	}
	for _, sub := range s.allOf {
		v.validate(n, sub, ptr)
	}
	if len(s.oneOf) > 0 {
		v.choice(n, s, s.oneOf, ptr, true)
	}
	if len(s.anyOf) > 0 {
		v.choice(n, s, s.anyOf, ptr, false)
	}
	if s.ifNode != nil {
		if v.passes(n, s.ifNode, ptr) {
			if s.thenNode != nil {
				v.validate(n, s.thenNode, ptr)
			}
		} else if s.elseNode != nil {
			v.validate(n, s.elseNode, ptr)
		}
	}
}

func (v *validator) object(n *yaml.Node, s *Node, ptr string) {
	if len(s.required) > 0 {
		for _, name := range s.required {
			if child(n, name) == nil {
				v.add(Violation{Kind: Required, Pointer: ptr, Node: n, Name: name, At: s})
			}
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		p, ok := s.properties[key.Value]
		switch {
		case ok:
			v.validate(val, p, ptr+"/"+pointer.Escape(key.Value))
		case s.additionalOf != nil:
			v.validate(val, s.additionalOf, ptr+"/"+pointer.Escape(key.Value))
		case s.additional != nil:
			v.add(Violation{Kind: Additional, Pointer: ptr + "/" + pointer.Escape(key.Value), Node: key, Name: key.Value, At: s})
		}
	}
}

func (v *validator) array(n *yaml.Node, s *Node, ptr string) {
	if s.items != nil {
		for i, e := range n.Content {
			v.validate(e, s.items, ptr+"/"+strconv.Itoa(i))
		}
	}
	if s.uniqueItems {
		seen := make(map[string]int, len(n.Content))
		for i, e := range n.Content {
			c := canonical(e, 0)
			if j, dup := seen[c]; dup {
				v.add(Violation{Kind: UniqueItems, Pointer: ptr, Node: n, At: s, Dup: [2]int{j, i}})
				return
			}
			seen[c] = i
		}
	}
}

// choice applies oneOf (exactly one shape) or anyOf (at least one). When
// none fits, it reports the shape whose type the value has, so a badly
// written text is explained as text; when the value has none of the types,
// it reports the shapes it may take.
func (v *validator) choice(n *yaml.Node, s *Node, branches []*Node, ptr string, exactlyOne bool) {
	matched := 0
	var failed [][]Violation
	for _, b := range branches {
		sub := &validator{steps: v.steps, depth: v.depth}
		sub.validate(n, b, ptr)
		v.steps = sub.steps
		if len(sub.out) == 0 {
			matched++
		} else {
			failed = append(failed, sub.out)
		}
	}
	switch {
	case matched > 1 && exactlyOne:
		v.add(Violation{Kind: MultipleMatch, Pointer: ptr, Node: n, At: s})
	case matched == 0:
		var wants []string
		for i, out := range failed {
			// A branch of another type, or one that is a single word (such
			// as unknown), is a shape the value could take.
			if len(out) == 1 && (out[0].Kind == Type || out[0].Kind == Const) && out[0].Pointer == ptr {
				wants = append(wants, shapeName(branches[i], out[0]))
				continue
			}
			v.out = append(v.out, out...)
			return
		}
		v.add(Violation{Kind: NoMatch, Pointer: ptr, Node: n, At: s, Want: wants})
	}
}

func shapeName(b *Node, t Violation) string {
	for _, sh := range b.shapes() {
		if sh.Title != "" {
			return sh.Title
		}
	}
	return strings.Join(t.Want, " or ")
}

// passes reports whether n matches s, without reporting anything.
func (v *validator) passes(n *yaml.Node, s *Node, ptr string) bool {
	sub := &validator{steps: v.steps, depth: v.depth}
	sub.validate(n, s, ptr)
	v.steps = sub.steps
	return len(sub.out) == 0
}

func child(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// KindOf names a YAML value's JSON type: object, array, string,
// integer, number, boolean or null.
func KindOf(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	case yaml.DocumentNode:
		return "null"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!bool":
		return "boolean"
	case "!!int":
		return "integer"
	case "!!float":
		if _, ok := number(n); ok {
			return "number"
		}
	}
	return "string"
}

func typeMatches(n *yaml.Node, kind string, want []string) bool {
	for _, w := range want {
		switch {
		case w == kind:
			return true
		case w == "number" && kind == "integer":
			return true
		case w == "integer" && kind == "number":
			if r, ok := number(n); ok && r.IsInt() {
				return true
			}
		}
	}
	return false
}

var decimal = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)
})

// number reads a YAML number exactly. Infinity and NaN are not numbers in
// JSON, so they are not numbers here.
func number(n *yaml.Node) (*big.Rat, bool) {
	if n.Kind != yaml.ScalarNode {
		return nil, false
	}
	switch n.ShortTag() {
	case "!!int":
		var i int64
		if n.Decode(&i) == nil {
			return new(big.Rat).SetInt64(i), true
		}
		var u uint64
		if n.Decode(&u) == nil {
			return new(big.Rat).SetUint64(u), true
		}
	case "!!float":
		if decimal().MatchString(n.Value) && len(n.Value) < 400 {
			return new(big.Rat).SetString(n.Value)
		}
	}
	return nil, false
}

func equalsJSON(n *yaml.Node, kind string, want any) bool {
	switch w := want.(type) {
	case string:
		return kind == "string" && n.Value == w
	case json.Number:
		r, ok := number(n)
		if !ok {
			return false
		}
		wr, ok := new(big.Rat).SetString(w.String())
		return ok && r.Cmp(wr) == 0
	case bool:
		var b bool
		return kind == "boolean" && n.Decode(&b) == nil && b == w
	case nil:
		return kind == "null"
	}
	return false
}

func inEnum(n *yaml.Node, kind string, enum []any) bool {
	for _, e := range enum {
		if equalsJSON(n, kind, e) {
			return true
		}
	}
	return false
}

func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// canonical writes a value so that equal JSON values read the same.
func canonical(n *yaml.Node, depth int) string {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if depth > 64 {
		return "…"
	}
	switch KindOf(n) {
	case "integer", "number":
		r, _ := number(n)
		return "n:" + r.RatString()
	case "string":
		return "s:" + strconv.Quote(n.Value)
	case "object":
		parts := make([]string, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			parts = append(parts, strconv.Quote(n.Content[i].Value)+":"+canonical(n.Content[i+1], depth+1))
		}
		sort.Strings(parts)
		return "{" + strings.Join(parts, ",") + "}"
	case "array":
		parts := make([]string, len(n.Content))
		for i, e := range n.Content {
			parts[i] = canonical(e, depth+1)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return KindOf(n) + ":" + n.Value
}
