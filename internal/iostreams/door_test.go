package iostreams

import (
	"bytes"
	"strings"
	"testing"
)

func TestDoor(t *testing.T) {
	tests := []struct {
		name, in, want string
		color          bool
	}{
		{"plain text", "ok: 3 files\n\tindented", "ok: 3 files\n\tindented", false},
		{"UTF-8 text", "Ö1 ● measured — done ✔", "Ö1 ● measured — done ✔", false},
		{"screen clear and colour from a file", "a\x1b[2J\x1b[31mb", "ab", false},
		{"colour passes while colour is on", "\x1b[1;31merror\x1b[0m", "\x1b[1;31merror\x1b[0m", true},
		{"but not other CSI", "\x1b[2J\x1b[?25lx\x1b[1 q", "x", true},
		{"OSC 52 clipboard write (BEL)", "done\x1b]52;c;ZWNobyBoaQ==\x07!", "done!", true},
		{"OSC 8 hyperlink (ST)", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click", true},
		{"window title", "\x1b]0;pwned\x07title", "title", false},
		{"DCS string", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab", false},
		{"unterminated OSC ends at the line", "a\x1b]0;no end\nnext line", "a\nnext line", false},
		{"two- and three-character escapes", "\x1bcreset\x1b(Bcharset\x1b7saved", "resetcharsetsaved", false},
		{"a lone escape", "a\x1b\x01b", "ab", false},
		{"carriage return, bell, backspace, DEL", "real\rfake\x07\x08\x7f!", "realfake!", false},
		{"C1 CSI as a character", "a\u009b2Jb", "a2Jb", false},
		{"a byte that is not UTF-8", "a\x9b2Jb\xff", "a\uFFFD2Jb\uFFFD", false},
		{"right-to-left override", "file\u202Etxt.exe", "file<U+202E>txt.exe", false},
		{"other bidi controls and separators", "\u2066a\u2069\u200f\u061c\u2028", "<U+2066>a<U+2069><U+200F><U+061C><U+2028>", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			d := &door{w: &buf, color: func() bool { return tt.color }}
			if n, err := d.Write([]byte(tt.in)); err != nil || n != len(tt.in) {
				t.Fatalf("Write = %d, %v; want %d, nil", n, err, len(tt.in))
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			// The same, a byte at a time: nothing cut between writes gets
			// through.
			buf.Reset()
			for i := 0; i < len(tt.in); i++ {
				_, _ = d.Write([]byte{tt.in[i]})
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("a byte at a time: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDoorLongSequence(t *testing.T) {
	var buf bytes.Buffer
	d := &door{w: &buf}
	_, _ = d.Write([]byte("a\x1b]52;c;" + strings.Repeat("A", 10000)))
	_, _ = d.Write([]byte("\x07b\n"))
	if got := buf.String(); strings.ContainsRune(got, 0x1b) || !strings.HasPrefix(got, "a") || !strings.HasSuffix(got, "b\n") {
		t.Errorf("got %.60q...", got)
	}
}

func TestStreamsGoThroughTheDoor(t *testing.T) {
	s, _, out, errOut := Test()
	_, _ = s.Out.Write([]byte("out\x1b]52;c;eA==\x07\n"))
	_, _ = s.ErrOut.Write([]byte("err\x1b[2J\n"))
	if out.String() != "out\n" || errOut.String() != "err\n" {
		t.Errorf("out %q, err %q", out.String(), errOut.String())
	}
	w, err := s.BinaryOut()
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write([]byte("PK\x03\x04\x1b"))
	if !strings.HasSuffix(out.String(), "PK\x03\x04\x1b") {
		t.Errorf("BinaryOut changed the bytes: %q", out.String())
	}
	s.outTTY = true
	if _, err := s.BinaryOut(); err == nil {
		t.Error("BinaryOut on a terminal: nil error")
	}
}

func BenchmarkDoor(b *testing.B) {
	line := []byte("strategies/lsc.yaml:105:13: error: status \"donee\" is not one of the allowed values [not-allowed] — ✔\n")
	var buf bytes.Buffer
	d := &door{w: &buf}
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		buf.Reset()
		_, _ = d.Write(line)
	}
}

// A write longer than the door's chunk, with characters and sequences cut
// at every boundary, comes out whole.
func TestDoorLongWrite(t *testing.T) {
	in := strings.Repeat("é✔ text\x1b[2J\u202e", 30000)
	want := strings.Repeat("é✔ text<U+202E>", 30000)
	var buf bytes.Buffer
	d := &door{w: &buf}
	if n, err := d.Write([]byte(in)); err != nil || n != len(in) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if buf.String() != want {
		t.Errorf("a %d-byte write came out as %d bytes, not the %d wanted", len(in), buf.Len(), len(want))
	}
}
