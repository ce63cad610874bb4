package render

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"sync"
)

// jsonWriter writes a value as encoding/json's indented encoding would
// (two spaces, <, > and & as they are), byte for byte, but without ever
// holding the whole document: structs and lists are walked and written a
// field and an element at a time, and only what is inside them (a
// finding, an ICB's row, a string) is encoded whole. A comparison of
// 50,000 strategies or a validation with 100,000 findings is written in
// the memory of one of its items, not three copies of the document.
type jsonWriter struct {
	w   *bufio.Writer
	err error
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

func writeJSONStream(w io.Writer, v any) error {
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	jw.value(reflect.ValueOf(v), "")
	jw.raw("\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// value writes v at an indentation of prefix.
func (j *jsonWriter) value(v reflect.Value, prefix string) {
	if j.err != nil {
		return
	}
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && !implements(v) {
		if v.IsNil() {
			j.raw("null")
			return
		}
		v = v.Elem()
	}
	switch {
	case !v.IsValid():
		j.raw("null")
	case implements(v):
		j.leaf(v, prefix)
	case v.Kind() == reflect.Struct && walkable(v.Type()):
		j.object(v, prefix)
	case (v.Kind() == reflect.Slice || v.Kind() == reflect.Array) && v.Type().Elem().Kind() != reflect.Uint8:
		if v.Kind() == reflect.Slice && v.IsNil() {
			j.raw("null")
			return
		}
		if v.Len() == 0 {
			j.raw("[]")
			return
		}
		inner := prefix + "  "
		j.raw("[\n")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				j.raw(",\n")
			}
			j.raw(inner)
			j.value(v.Index(i), inner)
		}
		j.raw("\n" + prefix + "]")
	default:
		j.leaf(v, prefix)
	}
}

// object writes a struct's fields as encoding/json would.
func (j *jsonWriter) object(v reflect.Value, prefix string) {
	fields, _ := jsonFields(v.Type())
	inner := prefix + "  "
	n := 0
	for _, f := range fields {
		fv, ok := field(v, f.index)
		if !ok || f.omitEmpty && empty(fv) {
			continue
		}
		if n == 0 {
			j.raw("{\n")
		} else {
			j.raw(",\n")
		}
		n++
		key, _ := json.Marshal(f.name)
		j.raw(inner + string(key) + ": ")
		j.value(fv, inner)
	}
	if n == 0 {
		j.raw("{}")
		return
	}
	j.raw("\n" + prefix + "}")
}

// field follows an index path to a field, through embedded pointers;
// false when one of them is nil (encoding/json leaves its fields out).
func field(v reflect.Value, index []int) (reflect.Value, bool) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, true
}

// jsonPath is one field as encoding/json writes it: its name, whether it
// is left out when empty, and where it is (through embedded structs).
type jsonPath struct {
	name      string
	omitEmpty bool
	index     []int
}

var fieldCache sync.Map // reflect.Type -> []jsonPath, or nil when not walkable

// jsonFields lists a struct's fields in encoding/json's order, with the
// fields of embedded structs promoted in their place. false means the
// struct is left to encoding/json whole: two fields with one name (its
// dominance rules decide), an embedded field that is not a struct, or a
// ,string or omitzero option.
func jsonFields(t reflect.Type) ([]jsonPath, bool) {
	if c, ok := fieldCache.Load(t); ok {
		f, _ := c.([]jsonPath)
		return f, f != nil
	}
	var out []jsonPath
	ok := collect(t, nil, &out, 0)
	names := map[string]bool{}
	for _, f := range out {
		if names[f.name] {
			ok = false
		}
		names[f.name] = true
	}
	if !ok {
		out = nil
	}
	fieldCache.Store(t, out)
	return out, ok
}

func collect(t reflect.Type, index []int, out *[]jsonPath, depth int) bool {
	if depth > 8 {
		return false
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || strings.Contains(tag, ",string") || strings.Contains(tag, "omitzero") {
			if tag != "-" {
				return false
			}
			continue
		}
		path := append(append([]int(nil), index...), i)
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				if !f.IsExported() {
					continue // encoding/json ignores unexported embedded pointers
				}
				ft = ft.Elem()
			}
			if ft.Kind() != reflect.Struct {
				return false
			}
			if !collect(ft, path, out, depth+1) {
				return false
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		omit := false
		for opt := range strings.SplitSeq(opts, ",") {
			omit = omit || opt == "omitempty"
		}
		*out = append(*out, jsonPath{name: name, omitEmpty: omit, index: path})
	}
	return true
}

// leaf writes a value whole, through encoding/json, indented to prefix.
func (j *jsonWriter) leaf(v reflect.Value, prefix string) {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	x := v.Interface()
	if v.CanAddr() {
		x = v.Addr().Interface() // as encoding/json encodes an addressable value: pointer methods too
	}
	if err := enc.Encode(x); err != nil {
		j.err = err
		return
	}
	compact.Truncate(compact.Len() - 1)
	var out bytes.Buffer
	if err := json.Indent(&out, compact.Bytes(), prefix, "  "); err != nil {
		j.err = err
		return
	}
	if j.err == nil {
		_, j.err = j.w.Write(escapeJSON(out.Bytes()))
	}
}

// implements reports a value that encodes itself (MarshalJSON or
// MarshalText, on the value or its pointer).
func implements(v reflect.Value) bool {
	t := v.Type()
	if t.Implements(jsonMarshaler) || t.Implements(textMarshaler) {
		return true
	}
	pt := reflect.PointerTo(t)
	return v.CanAddr() && (pt.Implements(jsonMarshaler) || pt.Implements(textMarshaler))
}

// walkable reports a struct that can be written field by field (see
// jsonFields).
func walkable(t reflect.Type) bool {
	_, ok := jsonFields(t)
	return ok
}

// empty is encoding/json's omitempty test.
func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}
