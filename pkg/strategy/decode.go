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
	if out.Type() == periodType {
		p := out.Addr().Interface().(*Period)
		if n.Kind == yaml.ScalarNode {
			p.From, p.To = n.Value, n.Value
			return true
		}
		if n.Kind != yaml.MappingNode {
			return false
		}
		return decodeStruct(n, out)
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
	fields := fieldsOf(out.Type())
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

var (
	periodType = reflect.TypeFor[Period]()
	fieldCache sync.Map // reflect.Type -> map[string]int
)

// fieldsOf maps a struct's yaml keys to its fields.
func fieldsOf(t reflect.Type) map[string]int {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := range t.NumField() {
		if key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); key != "" {
			m[key] = i
		}
	}
	fieldCache.Store(t, m)
	return m
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
