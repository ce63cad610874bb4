// Package schema validates YAML against the JSON Schema (draft 2020-12)
// engage publishes in schemas/strategy.schema.json. It interprets the
// keywords that schema uses, directly on yaml.v3 nodes, so every violation
// knows its line and column and no conversion to JSON is needed. Compile
// refuses a schema that uses any other keyword, so the published schema and
// this validator cannot drift apart unnoticed; the tests check its verdicts
// against two independent implementations.
package schema

import (
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strings"

	"github.com/engage-icb/engage/internal/pointer"
)

// Node is one compiled schema object.
type Node struct {
	// Annotations.
	Title            string
	Description      string
	EnumDescriptions []string
	// Def is the name under $defs when the node is a definition.
	Def string

	types        []string
	properties   map[string]*Node
	additional   *bool // additionalProperties: false
	additionalOf *Node // additionalProperties: {schema}
	required     []string
	enum         []any
	constVal     any
	hasConst     bool
	pattern      *regexp.Regexp
	minLength    int
	hasMinLength bool
	minimum      *big.Rat
	maximum      *big.Rat
	items        *Node
	uniqueItems  bool
	ref          string
	refNode      *Node
	oneOf        []*Node
	anyOf        []*Node
	allOf        []*Node
	ifNode       *Node
	thenNode     *Node
	elseNode     *Node
}

// Schema is a compiled schema.
type Schema struct {
	root *Node
	defs map[string]*Node
}

// annotations are keywords that describe and never fail.
var annotations = map[string]bool{
	"$schema": true, "$id": true, "$comment": true, "title": true, "description": true,
	"examples": true, "default": true, "enumDescriptions": true, "markdownDescription": true,
	"deprecated": true, "readOnly": true, "writeOnly": true, "$defs": true,
}

// Compile reads a schema document.
func Compile(data []byte) (*Schema, error) {
	var raw map[string]any
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	s := &Schema{defs: map[string]*Node{}}
	c := &compiler{s: s}
	if defs, ok := raw["$defs"].(map[string]any); ok {
		// Create every definition first so $refs can point at them.
		for name := range defs {
			s.defs[name] = &Node{Def: name}
		}
		for name, d := range defs {
			m, ok := d.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("schema: $defs/%s is not an object", name)
			}
			if err := c.fill(s.defs[name], m, "/$defs/"+name); err != nil {
				return nil, err
			}
		}
	}
	root := &Node{}
	if err := c.fill(root, raw, ""); err != nil {
		return nil, err
	}
	s.root = root
	return s, nil
}

type compiler struct{ s *Schema }

func (c *compiler) node(v any, at string) (*Node, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("schema %s: not an object", at)
	}
	n := &Node{}
	return n, c.fill(n, m, at)
}

func (c *compiler) nodes(v any, at string) ([]*Node, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("schema %s: not a list", at)
	}
	out := make([]*Node, len(list))
	for i, e := range list {
		n, err := c.node(e, fmt.Sprintf("%s/%d", at, i))
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

func (c *compiler) fill(n *Node, m map[string]any, at string) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := m[k]
		var err error
		switch k {
		case "title":
			n.Title, _ = v.(string)
		case "description":
			n.Description, _ = v.(string)
		case "enumDescriptions":
			for _, d := range v.([]any) {
				s, _ := d.(string)
				n.EnumDescriptions = append(n.EnumDescriptions, s)
			}
		case "type":
			switch t := v.(type) {
			case string:
				n.types = []string{t}
			case []any:
				for _, e := range t {
					s, _ := e.(string)
					n.types = append(n.types, s)
				}
			}
		case "properties":
			props, ok := v.(map[string]any)
			if !ok {
				return fmt.Errorf("schema %s/properties: not an object", at)
			}
			n.properties = map[string]*Node{}
			for name, p := range props {
				if n.properties[name], err = c.node(p, at+"/properties/"+name); err != nil {
					return err
				}
			}
		case "additionalProperties":
			switch b := v.(type) {
			case bool:
				if b {
					return fmt.Errorf("schema %s: additionalProperties: true is the default; leave it out", at)
				}
				n.additional = &b
			case map[string]any:
				if n.additionalOf, err = c.node(b, at+"/additionalProperties"); err != nil {
					return err
				}
			default:
				return fmt.Errorf("schema %s: additionalProperties must be false or a schema", at)
			}
		case "required":
			for _, e := range v.([]any) {
				s, _ := e.(string)
				n.required = append(n.required, s)
			}
		case "enum":
			n.enum, _ = v.([]any)
		case "const":
			n.constVal, n.hasConst = v, true
		case "pattern":
			src, _ := v.(string)
			if n.pattern, err = compilePattern(src); err != nil {
				return fmt.Errorf("schema %s/pattern: %w", at, err)
			}
		case "minLength":
			num, _ := v.(json.Number)
			i, err := num.Int64()
			if err != nil {
				return fmt.Errorf("schema %s/minLength: %w", at, err)
			}
			n.minLength, n.hasMinLength = int(i), true
		case "minimum":
			num, _ := v.(json.Number)
			r, ok := new(big.Rat).SetString(num.String())
			if !ok {
				return fmt.Errorf("schema %s/minimum: not a number", at)
			}
			n.minimum = r
		case "maximum":
			num, _ := v.(json.Number)
			r, ok := new(big.Rat).SetString(num.String())
			if !ok {
				return fmt.Errorf("schema %s/maximum: not a number", at)
			}
			n.maximum = r
		case "items":
			if n.items, err = c.node(v, at+"/items"); err != nil {
				return err
			}
		case "uniqueItems":
			n.uniqueItems, _ = v.(bool)
		case "$ref":
			ref, _ := v.(string)
			name, ok := strings.CutPrefix(ref, "#/$defs/")
			if !ok || c.s.defs[name] == nil {
				return fmt.Errorf("schema %s: $ref %q: only references to #/$defs/NAME are supported", at, ref)
			}
			n.ref, n.refNode = name, c.s.defs[name]
		case "oneOf":
			n.oneOf, err = c.nodes(v, at+"/oneOf")
		case "anyOf":
			n.anyOf, err = c.nodes(v, at+"/anyOf")
		case "allOf":
			n.allOf, err = c.nodes(v, at+"/allOf")
		case "if":
			n.ifNode, err = c.node(v, at+"/if")
		case "then":
			n.thenNode, err = c.node(v, at+"/then")
		case "else":
			n.elseNode, err = c.node(v, at+"/else")
		default:
			if !annotations[k] {
				return fmt.Errorf("schema %s: keyword %q is not supported by engage's validator", at, k)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// shapes returns n with its $ref, allOf, oneOf and anyOf followed: every
// schema object a value n describes must (or may) match.
func (n *Node) shapes() []*Node {
	out := []*Node{n}
	for i := 0; i < len(out) && i < 64; i++ {
		cur := out[i]
		if cur.refNode != nil {
			out = append(out, cur.refNode)
		}
		out = append(out, cur.allOf...)
		out = append(out, cur.oneOf...)
		out = append(out, cur.anyOf...)
	}
	return out
}

// At returns the schema describing the value at a JSON pointer, before its
// $ref is followed (so the property's own description is kept).
func (s *Schema) At(ptr string) *Node {
	cur := s.root
	for _, tok := range pointer.Split(ptr) {
		var next *Node
		for _, sh := range cur.shapes() {
			if p, ok := sh.properties[tok]; ok {
				next = p
				break
			}
			if sh.items != nil && isIndex(tok) {
				next = sh.items
				break
			}
			if sh.additionalOf != nil {
				next = sh.additionalOf
				break
			}
		}
		if next == nil {
			return nil
		}
		cur = next
	}
	return cur
}

// Describe returns the first description on n or what it refers to.
func (n *Node) Describe() string {
	if n == nil {
		return ""
	}
	for _, sh := range n.shapes() {
		if sh.Description != "" {
			return sh.Description
		}
	}
	return ""
}

// Noun returns the title of the object n describes ("objective"), if any.
func (n *Node) Noun() string {
	if n == nil {
		return ""
	}
	for _, sh := range n.shapes() {
		if sh.Title != "" && len(sh.types) == 1 && sh.types[0] == "object" {
			return sh.Title
		}
	}
	return ""
}

// Keys lists the keys an object described by n may have, sorted.
func (n *Node) Keys() []string {
	seen := map[string]bool{}
	var keys []string
	if n == nil {
		return nil
	}
	for _, sh := range n.shapes() {
		for k := range sh.properties {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// EnumDescription returns the description of an allowed value.
func (n *Node) EnumDescription(value string) string {
	if n == nil {
		return ""
	}
	for _, sh := range n.shapes() {
		for i, v := range sh.enum {
			if v == value && i < len(sh.EnumDescriptions) {
				return sh.EnumDescriptions[i]
			}
		}
	}
	return ""
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
