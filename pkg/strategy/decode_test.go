package strategy

import (
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"
)

// upper reads itself: any scalar, in capitals, as Node.Decode would call.
type upper struct{ S string }

func (u *upper) UnmarshalYAML(n *yaml.Node) error {
	u.S = "UP:" + n.Value
	return nil
}

type inner struct {
	B string `yaml:"b"`
}

// TestDecodeFastFallsBack checks the fast decoder on what only Node.Decode
// does right: it calls a type's own UnmarshalYAML, whatever the type, and
// it leaves structs with untagged or inline fields to Node.Decode (by
// reporting false) rather than fill them differently.
func TestDecodeFastFallsBack(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		out  any
		fast bool
	}{
		{"unmarshaler", "u: x\n", &struct {
			U upper `yaml:"u"`
		}{}, true},
		{"unmarshaler in a list", "u: [x, y]\n", &struct {
			U []upper `yaml:"u"`
		}{}, true},
		{"untagged field", "name: x\n", &struct{ Name string }{}, false},
		{"inline field", "b: x\n", &struct {
			inner `yaml:",inline"`
		}{}, false},
		{"skipped field", "a: x\n", &struct {
			A string `yaml:"a"`
			B string `yaml:"-"`
		}{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n yaml.Node
			if err := yaml.Unmarshal([]byte(tc.src), &n); err != nil {
				t.Fatal(err)
			}
			fast := reflect.New(reflect.TypeOf(tc.out).Elem())
			ok := decodeFast(n.Content[0], fast.Elem())
			if ok != tc.fast {
				t.Fatalf("decodeFast = %v, want %v", ok, tc.fast)
			}
			if !ok {
				return
			}
			slow := reflect.New(reflect.TypeOf(tc.out).Elem())
			if err := n.Content[0].Decode(slow.Interface()); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(fast.Interface(), slow.Interface()) {
				t.Errorf("fast %+v, Node.Decode %+v", fast.Elem(), slow.Elem())
			}
		})
	}
}
