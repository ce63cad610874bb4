package strategy

import (
	"reflect"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// decodeFast fills out from a document's nodes the way yaml.v3's
// Node.Decode does, for documents made only of what strategy files
// usually hold: mappings into structs, sequences into slices, and plain
// strings, whole numbers and decimals. It reads the tags the parser has
// already resolved instead of resolving every scalar again, which made
// Node.Decode a tenth of the cost of validating a file. It reports false,
// having possibly filled part of out, on anything else (aliases, custom
// tags, a value of the wrong kind, numbers in other notations); the caller
// then decodes a fresh value with Node.Decode, which also explains errors.
// FuzzDecode checks the two agree.
func decodeFast(n *yaml.Node, out reflect.Value) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return true // yaml.v3 leaves the zero value
	}
	if out.CanAddr() {
		// A type that reads itself (such as Period) gets the node, as
		// Node.Decode gives it.
		if u, ok := out.Addr().Interface().(yaml.Unmarshaler); ok {
			return u.UnmarshalYAML(n) == nil
		}
	}
	switch out.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			return false
		}
		switch n.Tag {
		case "!!str", "!!timestamp", "!!int", "!!float", "!!bool":
			out.SetString(n.Value)
			return true
		}
		return false
	case reflect.Int, reflect.Int64:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || !plainDigits(n.Value) {
			return false
		}
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil || out.OverflowInt(i) {
			return false
		}
		out.SetInt(i)
		return true
	case reflect.Float64:
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") || !plainDecimal(n.Value) {
			return false
		}
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			return false
		}
		out.SetFloat(f)
		return true
	case reflect.Pointer:
		if n.Kind != yaml.MappingNode {
			return false
		}
		v := reflect.New(out.Type().Elem())
		if !decodeFast(n, v.Elem()) {
			return false
		}
		out.Set(v)
		return true
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return false
		}
		s := reflect.MakeSlice(out.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if item.Tag == "!!null" || !decodeFast(item, s.Index(i)) {
				// (yaml.v3 drops null items from a list)
				return false
			}
		}
		out.Set(s)
		return true
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return false
		}
		return decodeStruct(n, out)
	}
	return false
}

func decodeStruct(n *yaml.Node, out reflect.Value) bool {
	fields, ok := fieldsOf(out.Type())
	if !ok {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag != "!!str" {
			return false
		}
		f, ok := fields[k.Value]
		if !ok {
			continue // yaml.v3 skips keys the struct does not have
		}
		if !decodeFast(n.Content[i+1], out.Field(f)) {
			return false
		}
	}
	return true
}

// structFields is a struct's yaml keys and fields, and whether decodeFast
// can fill it: not when a field is inline or takes its key from its name,
// which only Node.Decode does.
type structFields struct {
	byKey map[string]int
	ok    bool
}

var fieldCache sync.Map // reflect.Type -> structFields

// fieldsOf maps a struct's yaml keys to its fields; ok is false when
// decodeFast must leave the struct to Node.Decode.
func fieldsOf(t reflect.Type) (map[string]int, bool) {
	if m, ok := fieldCache.Load(t); ok {
		sf := m.(structFields)
		return sf.byKey, sf.ok
	}
	sf := structFields{byKey: map[string]int{}, ok: true}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() && !f.Anonymous { // yaml.v3 reads embedded structs too
			continue
		}
		key, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch {
		case key == "-":
		case key == "" || strings.Contains(opts, "inline"):
			sf.ok = false
		default:
			sf.byKey[key] = i
		}
	}
	fieldCache.Store(t, sf)
	return sf.byKey, sf.ok
}

// plainDigits is a whole number with an optional minus sign and no
// leading zero, the only notation decodeFast reads as an integer.
func plainDigits(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > 18 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plainDecimal is a plain decimal number such as 12, -3.5 or 0.25.
func plainDecimal(s string) bool {
	whole, frac, dot := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	if !plainDigits(whole) {
		return false
	}
	if !dot {
		return true
	}
	if frac == "" || len(frac) > 15 {
		return false
	}
	for i := 0; i < len(frac); i++ {
		if frac[i] < '0' || frac[i] > '9' {
			return false
		}
	}
	return true
}
