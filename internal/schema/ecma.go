package schema

import (
	"fmt"
	"regexp"
	"strings"
)

// ECMA-262's white space and line terminators: what \s matches in the
// JavaScript regular expressions that ajv and VS Code's YAML extension
// run a schema's patterns with. Go's \s is ASCII white space only.
const ecmaSpace = `\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`

// ECMA-262's line terminators, which its . does not match (Go's . does
// not match \n only).
const ecmaLineEnd = `\n\r\x{2028}\x{2029}`

// compilePattern compiles a schema pattern so that it gives the verdict
// ECMA-262 (without flags) gives, as the editors do: \s, \S and . are
// translated to the ECMA sets. A construct that would need more than that
// to mean the same in Go is refused, so engage never disagrees silently.
func compilePattern(src string) (*regexp.Regexp, error) {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			i++
			e := src[i]
			switch {
			case e == 's' && inClass:
				b.WriteString(ecmaSpace)
			case e == 's':
				b.WriteString("[" + ecmaSpace + "]")
			case e == 'S' && !inClass:
				b.WriteString("[^" + ecmaSpace + "]")
			case strings.IndexByte("SpPckux0123456789", e) >= 0:
				// \S in a class, Unicode properties (which ECMA reads only
				// with the u flag), control and named escapes, \u, \x and
				// back references do not mean the same in both.
				return nil, fmt.Errorf("pattern %q: \\%c is not supported: engage could not check it as the editors do", src, e)
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
		case c == '[' && !inClass:
			inClass = true
			b.WriteByte(c)
			if strings.HasPrefix(src[i+1:], "^") {
				b.WriteByte('^')
				i++
			}
			if strings.HasPrefix(src[i+1:], "]") { // ] first is literal in Go, an empty class in ECMA
				return nil, fmt.Errorf("pattern %q: a class starting with ] is not supported", src)
			}
		case c == ']' && inClass:
			inClass = false
			b.WriteByte(c)
		case c == '.' && !inClass:
			b.WriteString("[^" + ecmaLineEnd + "]")
		case c == '(' && strings.HasPrefix(src[i+1:], "?") && !inClass:
			return nil, fmt.Errorf("pattern %q: groups with (? are not supported", src)
		default:
			b.WriteByte(c)
		}
	}
	return regexp.Compile(b.String())
}
