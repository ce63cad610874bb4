package iostreams

import (
	"fmt"
	"io"
	"unicode/utf8"
)

// maxSequence is the longest escape sequence the door waits to see the end
// of across writes; a longer one is dropped as far as it has gone.
const maxSequence = 4096

// door is the writer every byte engage writes to standard output and
// standard error goes through (text, not workbooks: see BinaryOut). It
// removes what a terminal would act on rather than show:
//
//   - control characters (C0 but line feed and tab, DEL, C1), so no
//     carriage return overwrites a line and no bell rings;
//   - escape sequences, whole: CSI (screen clears, cursor moves), OSC
//     (window titles, OSC 8 hyperlinks, OSC 52 clipboard writes), DCS, SOS,
//     PM and APC strings, and two- and three-character escapes; only SGR
//     (colour and bold: ESC [ digits and ; m), which is all engage's styles
//     emit, passes, and only while colour is on;
//   - bytes that are not UTF-8 (a terminal in an 8-bit mode reads 0x9B as
//     CSI): each becomes U+FFFD;
//
// and makes visible what would reorder or break the text it is in: bidi
// controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) and the
// line and paragraph separators (U+2028, U+2029) are written <U+202E>.
//
// A sequence or character cut between two writes is held until the next.
type door struct {
	w     io.Writer
	color func() bool // SGR passes
	carry []byte
}

// chunk is how much of a long write the door cleans and passes on at a
// time, so a write of any size costs it no more memory than this.
const chunk = 64 << 10

func (d *door) Write(p []byte) (int, error) {
	sgr := d.color != nil && d.color()
	for off := 0; off < len(p); {
		end := min(off+chunk, len(p))
		data := p[off:end]
		if len(d.carry) > 0 {
			data = append(d.carry, data...)
			d.carry = nil
		}
		out, rest := clean(data, sgr)
		if len(rest) > 0 {
			d.carry = append([]byte(nil), rest...)
		}
		if len(out) > 0 {
			if _, err := d.w.Write(out); err != nil {
				return off, err
			}
		}
		off = end
	}
	return len(p), nil
}

// safe reports whether a byte can be written as it is.
func safe(c byte) bool {
	return c >= 0x20 && c < 0x7f || c == '\n' || c == '\t'
}

// clean returns data without what a terminal would act on (see door), and
// the cut-off tail that must wait for the next write.
func clean(data []byte, sgr bool) (out, rest []byte) {
	i := 0
	for i < len(data) && safe(data[i]) {
		i++
	}
	if i == len(data) {
		return data, nil // all plain ASCII
	}
	out = make([]byte, 0, len(data)+16)
	out = append(out, data[:i]...)
	for i < len(data) {
		c := data[i]
		switch {
		case safe(c):
			j := i + 1
			for j < len(data) && safe(data[j]) {
				j++
			}
			out = append(out, data[i:j]...)
			i = j
		case c == 0x1b:
			n, keep := escape(data[i:], sgr)
			if n < 0 {
				return out, data[i:]
			}
			if keep {
				out = append(out, data[i:i+n]...)
			}
			i += n
		case c < 0x80:
			i++ // another control character
		default:
			r, size := utf8.DecodeRune(data[i:])
			switch {
			case r == utf8.RuneError && size <= 1:
				if !utf8.FullRune(data[i:]) {
					return out, data[i:]
				}
				out = append(out, "\uFFFD"...)
				size = 1
			case r >= 0x80 && r <= 0x9f:
				// C1 control: dropped
			case visible(r):
				out = fmt.Appendf(out, "<U+%04X>", r)
			default:
				out = append(out, data[i:i+size]...)
			}
			i += size
		}
	}
	return out, nil
}

// visible reports the characters the door writes as <U+XXXX>: bidi
// controls, and the line and paragraph separators.
func visible(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	switch r {
	case 0x200e, 0x200f, 0x061c, 0x2028, 0x2029:
		return true
	}
	return false
}

// escape measures the escape sequence at b[0] (ESC): its length, and
// whether it may be written (an SGR sequence while colour is on). -1 means
// it is cut off: wait for more.
func escape(b []byte, sgr bool) (n int, keep bool) {
	if len(b) < 2 {
		return -1, false
	}
	switch c := b[1]; {
	case c == '[': // CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, a final 0x40-0x7E
		plain := true // only digits and ;, no intermediates: SGR if it ends in m
		for i := 2; i < len(b); i++ {
			switch d := b[i]; {
			case d >= 0x30 && d <= 0x3f:
				plain = plain && (d >= '0' && d <= '9' || d == ';')
			case d >= 0x20 && d <= 0x2f:
				plain = false
			case d >= 0x40 && d <= 0x7e:
				return i + 1, sgr && plain && d == 'm'
			default:
				return i, false // broken off by another character: drop what came before it
			}
			if i >= maxSequence {
				return i + 1, false
			}
		}
		return cutOff(b)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		// A string, ended by BEL or ST (ESC \); a line break ends it too,
		// so the rest of the output is not swallowed.
		for i := 2; i < len(b); i++ {
			switch {
			case b[i] == 0x07:
				return i + 1, false
			case b[i] == 0x1b && i+1 < len(b) && b[i+1] == '\\':
				return i + 2, false
			case b[i] == 0x1b && i+1 == len(b):
				return cutOff(b)
			case b[i] == '\n':
				return i, false
			case i >= maxSequence:
				return i + 1, false
			}
		}
		return cutOff(b)
	case c >= 0x20 && c <= 0x2f: // ESC, intermediates, a final character
		for i := 2; i < len(b); i++ {
			if b[i] < 0x20 || b[i] > 0x2f {
				if b[i] >= 0x30 && b[i] <= 0x7e {
					return i + 1, false
				}
				return i, false
			}
		}
		return cutOff(b)
	case c >= 0x30 && c <= 0x7e: // a two-character escape (ESC c resets the terminal)
		return 2, false
	}
	return 1, false // a lone ESC
}

// cutOff is a sequence that has not ended yet: wait for the rest, unless
// it is already too long to be anything but an attack.
func cutOff(b []byte) (int, bool) {
	if len(b) > maxSequence {
		return len(b), false
	}
	return -1, false
}
