package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/schemas"
	"github.com/engage-icb/engage/strategies"
)

func compiled(t testing.TB) *Schema {
	t.Helper()
	s, err := Compile(schemas.StrategySchema)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func parse(t testing.TB, src string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Content[0]
}

func TestCompileRejectsUnsupportedKeywords(t *testing.T) {
	for _, src := range []string{
		`{"type": "object", "patternProperties": {"x": {}}}`,
		`{"$ref": "https://example.com/other.json"}`,
		`{"additionalProperties": true}`,
		`{"format": "date"}`,
	} {
		if _, err := Compile([]byte(src)); err == nil {
			t.Errorf("Compile(%s) = nil error, want it refused", src)
		}
	}
}

func TestValidateKinds(t *testing.T) {
	s, err := Compile([]byte(`{
		"type": "object", "additionalProperties": false, "required": ["a"],
		"properties": {
			"a": {"type": "string", "pattern": "^[a-z]+$", "minLength": 2},
			"n": {"type": "integer", "minimum": 0, "maximum": 9},
			"e": {"enum": ["x", "y"]},
			"c": {"const": 1},
			"l": {"type": "array", "items": {"type": "integer"}, "uniqueItems": true},
			"o": {"oneOf": [{"$ref": "#/$defs/word"}, {"type": "object"}]}
		},
		"$defs": {"word": {"title": "word", "type": "string", "pattern": "^w"}}
	}`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		src  string
		want string // kinds at pointers
	}{
		{"a: ab", ""},
		{"a: ab\nn: 1.0\nc: 1.0\nl: [1, 2]\no: wx\ne: x", ""},
		{"n: 1", "Required@"},
		{"a: ab\nzz: 1", "Additional@/zz"},
		{"a: 5", "Type@/a"},
		{"a: AB", "Pattern@/a"},
		{"a: b", "MinLength@/a"},
		{"a: ab\nn: -1", "Minimum@/n"},
		{"a: ab\nn: 10", "Maximum@/n"},
		{"a: ab\nn: 1.5", "Type@/n"},
		{"a: ab\ne: z", "Enum@/e"},
		{"a: ab\nc: 2", "Const@/c"},
		{"a: ab\nl: [1, 1]", "UniqueItems@/l"},
		{"a: ab\nl: [1, x]", "Type@/l/1"},
		{"a: ab\no: xx", "Pattern@/o"},
		{"a: ab\no: 5", "NoMatch@/o"},
		{"a: 2024-01-01", "Pattern@/a"}, // a timestamp is text
	}
	names := map[Kind]string{Type: "Type", Required: "Required", Additional: "Additional", Enum: "Enum", Const: "Const",
		Pattern: "Pattern", MinLength: "MinLength", Minimum: "Minimum", Maximum: "Maximum", UniqueItems: "UniqueItems", NoMatch: "NoMatch", MultipleMatch: "MultipleMatch"}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			var got []string
			for _, v := range s.Validate(parse(t, tt.src)) {
				got = append(got, names[v.Kind]+"@"+v.Pointer)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("Validate(%q) = %v, want %q", tt.src, got, tt.want)
			}
		})
	}
}

// TestPublishedSchemaIsDocumented checks that an editor can explain every
// key and every allowed value of the published schema.
func TestPublishedSchemaIsDocumented(t *testing.T) {
	var raw map[string]any
	if err := json.Unmarshal(schemas.StrategySchema, &raw); err != nil {
		t.Fatal(err)
	}
	var walk func(v any, at string)
	walk = func(v any, at string) {
		m, ok := v.(map[string]any)
		if !ok {
			if l, ok := v.([]any); ok {
				for i, e := range l {
					walk(e, fmt.Sprintf("%s/%d", at, i))
				}
			}
			return
		}
		if props, ok := m["properties"].(map[string]any); ok {
			for name, p := range props {
				if d, _ := p.(map[string]any)["description"].(string); d == "" && !strings.Contains(at, "/if") {
					t.Errorf("%s/properties/%s has no description", at, name)
				}
			}
		}
		if enum, ok := m["enum"].([]any); ok {
			descs, _ := m["enumDescriptions"].([]any)
			if len(descs) != len(enum) {
				t.Errorf("%s: %d enum values but %d enumDescriptions", at, len(enum), len(descs))
			}
		}
		for k, e := range m {
			walk(e, at+"/"+k)
		}
	}
	walk(raw, "")
}

// TestAgreesWithReferenceImplementation validates the shipped strategies
// and hundreds of mutations of them with this package and with
// santhosh-tekuri/jsonschema, an independent implementation of draft
// 2020-12, and requires the same verdict on every one.
func TestAgreesWithReferenceImplementation(t *testing.T) {
	ours := compiled(t)
	ref := referenceSchema(t)
	files, _ := fs.Glob(strategies.FS, "*.yaml")
	minimal, err := os.ReadFile("../../examples/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string][]byte{"examples/minimal.yaml": minimal}
	for _, f := range files {
		sources[f], _ = fs.ReadFile(strategies.FS, f)
	}
	checked, invalid := 0, 0
	for name, src := range sources {
		var doc yaml.Node
		if err := yaml.Unmarshal(src, &doc); err != nil {
			t.Fatal(err)
		}
		root := doc.Content[0]
		for i, m := range mutations(root) {
			label := fmt.Sprintf("%s mutation %d (%s)", name, i, m.desc)
			m.apply()
			oursValid := len(ours.Validate(root)) == 0
			refErr := ref.Validate(toJSON(root))
			m.undo()
			checked++
			if !oursValid {
				invalid++
			}
			if oursValid != (refErr == nil) {
				t.Errorf("%s: engage says valid=%v, reference says %v", label, oursValid, refErr)
			}
		}
	}
	if checked < 500 || invalid < checked/3 {
		t.Errorf("checked %d documents (%d invalid): the corpus is too small to mean much", checked, invalid)
	}
	t.Logf("%d documents, %d invalid: same verdict from both validators", checked, invalid)
}

func referenceSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemas.StrategySchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://example.com/strategy.schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type mutation struct {
	desc        string
	apply, undo func()
}

// mutations lists single changes to a document: every scalar replaced by a
// number, a word, nothing or a list; every key removed; an unknown key
// added to every block; every list emptied.
func mutations(root *yaml.Node) []mutation {
	var out []mutation
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.ScalarNode:
			for _, r := range []struct{ tag, value string }{{"!!int", "7"}, {"!!str", "x"}, {"!!null", ""}, {"!!float", "-2.5"}, {"!!str", "2023/24"}, {"!!str", "done"}} {
				old := *n
				r := r
				out = append(out, mutation{
					desc:  path + " = " + r.value,
					apply: func() { n.Tag, n.Value, n.Style = r.tag, r.value, 0 },
					undo:  func() { *n = old },
				})
			}
		case yaml.MappingNode:
			content := n.Content
			for i := 0; i+1 < len(content); i += 2 {
				i := i
				out = append(out, mutation{
					desc: path + " without " + content[i].Value,
					apply: func() {
						n.Content = append(append([]*yaml.Node{}, content[:i]...), content[i+2:]...)
					},
					undo: func() { n.Content = content },
				})
				walk(content[i+1], path+"/"+content[i].Value)
			}
			out = append(out, mutation{
				desc: path + " with bogus key",
				apply: func() {
					n.Content = append(append([]*yaml.Node{}, content...),
						&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "bogus"},
						&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "x"})
				},
				undo: func() { n.Content = content },
			})
		case yaml.SequenceNode:
			content := n.Content
			out = append(out, mutation{desc: path + " emptied", apply: func() { n.Content = nil }, undo: func() { n.Content = content }})
			for i, e := range content {
				walk(e, path+"/"+strconv.Itoa(i))
			}
		}
	}
	walk(root, "")
	return out
}

// toJSON converts YAML to the values the reference validator reads,
// keeping timestamps as the text they were written as.
func toJSON(n *yaml.Node) any {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toJSON(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, e := range n.Content {
			l[i] = toJSON(e)
		}
		return l
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int", "!!float":
		if r, ok := number(n); ok {
			return json.Number(r.FloatString(10))
		}
	}
	return n.Value
}

func TestAt(t *testing.T) {
	s := compiled(t)
	tests := []struct{ ptr, want string }{
		{"/objectives/3/status", "Where delivery stands now"},
		{"/icb/code", "ODS organisation code"},
		{"/metrics/0/actuals/2/value", "The number."},
		{"/objectives/0/year", "financial year"},
	}
	for _, tt := range tests {
		if got := s.At(tt.ptr).Describe(); !strings.Contains(got, tt.want) {
			t.Errorf("At(%s).Describe() = %q, want it to contain %q", tt.ptr, got, tt.want)
		}
	}
	if s.At("/nonsense/key") != nil {
		t.Error("At(/nonsense/key) != nil")
	}
	keys := s.At("/objectives/0").Keys()
	sort.Strings(keys)
	if strings.Join(keys, ",") != "due,id,national,owner,principles,status,title,updates,year" {
		t.Errorf("objective keys = %v", keys)
	}
	if d := s.At("/objectives/0/status").EnumDescription("done"); !strings.Contains(d, "BRAG blue") {
		t.Errorf("EnumDescription(done) = %q", d)
	}
}

func TestWebAddress(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.org/minutes": true,
		"http://x":                    true,
		"https://":                    false,
		"http://":                     false,
		"https://exa mple.org":        false,
		"https://example.org/\u00a0x": false, // ECMA's \s, as the editors read the pattern
		"ftp://example.org":           false,
		"example.org":                 false,
	} {
		if got := WebAddress(s); got != want {
			t.Errorf("WebAddress(%q) = %v, want %v", s, got, want)
		}
	}
}
