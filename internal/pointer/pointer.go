// Package pointer builds and reads JSON pointers (RFC 6901), the paths
// engage uses to name a value in a file: /objectives/3/status.
package pointer

import (
	"fmt"
	"strconv"
	"strings"
)

// New builds a pointer from keys and list indexes.
func New(parts ...any) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteByte('/')
		switch v := p.(type) {
		case string:
			b.WriteString(Escape(v))
		case int:
			b.WriteString(strconv.Itoa(v))
		default:
			b.WriteString(Escape(fmt.Sprint(v)))
		}
	}
	return b.String()
}

// Escape encodes a key as a pointer token: ~ becomes ~0 and / becomes ~1.
func Escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// Unescape decodes a pointer token.
func Unescape(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// Split returns a pointer's decoded tokens; the root ("") has none.
func Split(ptr string) []string {
	if ptr == "" {
		return nil
	}
	toks := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, t := range toks {
		toks[i] = Unescape(t)
	}
	return toks
}

// Parent returns the pointer to the value that holds ptr's value.
func Parent(ptr string) string {
	if i := strings.LastIndexByte(ptr, '/'); i >= 0 {
		return ptr[:i]
	}
	return ""
}
