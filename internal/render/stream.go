package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// Each says how a format of a list result (one item per strategy file,
// such as coverage or status) writes the list one item at a time: the
// text between two items, or, for a JSON document
// {"schemaVersion": 1, KEY: [...]}, the KEY. A command that streams (Stream)
// keeps nothing of a file once its item is written, so it reads any number
// of files in the memory of one. The streamed bytes are the bytes Render
// writes for the whole list: TestStreamIsRender checks every format.
type Each struct {
	Between string
	JSONKey string
	// Once starts a line the list's output opens with, above the first
	// item (a heading for the whole list, such as "# Delivery as of ..."):
	// it and the blank line after it are written for the first item only.
	Once string
}

// Streamer writes a list result one item at a time.
type Streamer[T any] struct {
	w    io.Writer
	f    Format[[]T]
	each *Each
	n    int
	kept []T // for a format without Each: written whole by Close
}

// Stream starts writing a list result in a format, an item at a time
// (Add, then Close). A format that cannot be written so (no Each: a
// table laid out across every strategy, such as the status overview)
// keeps the items and writes them whole at Close.
func Stream[T any](reg *Registry[[]T], name string, o Options, w io.Writer) (*Streamer[T], error) {
	s, err := reg.spec(name)
	if err != nil {
		return nil, err
	}
	if o.Theme == nil {
		o.Theme = Plain{}
	}
	return &Streamer[T]{w: w, f: s.New(o), each: s.Each}, nil
}

// Add writes one item.
func (s *Streamer[T]) Add(x T) error {
	if s.each == nil {
		s.kept = append(s.kept, x)
		return nil
	}
	defer func() { s.n++ }()
	if s.each.JSONKey == "" {
		if s.n > 0 {
			if _, err := io.WriteString(s.w, s.each.Between); err != nil {
				return err
			}
		}
		if s.each.Once == "" || s.n == 0 {
			return s.f.Render(s.w, []T{x})
		}
		var b bytes.Buffer
		if err := s.f.Render(&b, []T{x}); err != nil {
			return err
		}
		out := b.Bytes()
		if bytes.HasPrefix(out, []byte(s.each.Once)) {
			if i := bytes.Index(out, []byte("\n\n")); i >= 0 {
				out = out[i+2:]
			}
		}
		_, err := s.w.Write(out)
		return err
	}
	var b bytes.Buffer
	if s.n == 0 {
		fmt.Fprintf(&b, "{\n  \"schemaVersion\": %d,\n  %q: [\n", SchemaVersion, s.each.JSONKey)
	} else {
		b.WriteString(",\n")
	}
	b.WriteString("    ")
	enc := json.NewEncoder(&b)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode's line break: the next item or Close ends the line
	_, err := s.w.Write(escapeJSON(b.Bytes()))
	return err
}

// Close ends the list.
func (s *Streamer[T]) Close() error {
	switch {
	case s.each == nil:
		return s.f.Render(s.w, s.kept)
	case s.each.JSONKey == "" && s.n == 0:
		return s.f.Render(s.w, nil)
	case s.each.JSONKey == "":
		return nil
	case s.n == 0:
		_, err := fmt.Fprintf(s.w, "{\n  \"schemaVersion\": %d,\n  %q: []\n}\n", SchemaVersion, s.each.JSONKey)
		return err
	}
	_, err := io.WriteString(s.w, "\n  ]\n}\n")
	return err
}
