// Package iostreams is engage's one door to the terminal: the input, output
// and error streams, whether they are terminals, and whether to use colour.
// Commands write through it, so tests run them against buffers, both as if
// on a terminal and as if piped.
//
// Out and ErrOut sanitise everything written to them (see door): whatever
// text a command prints, from a file, a file name, git or a flag, no
// control character or escape sequence reaches the terminal or the CI log
// but the colours engage's own styles add, and bidi controls are shown,
// not obeyed. Only BinaryOut, for a workbook written to a pipe, is raw.
package iostreams

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/mattn/go-isatty"
)

// Colour modes for --color.
const (
	ColorAuto   = "auto"
	ColorAlways = "always"
	ColorNever  = "never"
)

// IOStreams holds the streams a command reads and writes.
type IOStreams struct {
	In io.Reader
	// Out and ErrOut are standard output and standard error, through the
	// door that sanitises text.
	Out    io.Writer
	ErrOut io.Writer
	rawOut io.Writer

	outTTY    bool
	colorMode string
	noColor   bool // NO_COLOR is set
	width     int
}

// System returns the process's real streams. ENGAGE_FORCE_TTY makes engage
// treat standard output as a terminal (its value, when a number, is the
// width), for tests and for tools that capture a terminal.
func System() *IOStreams {
	s := newStreams(os.Stdin, os.Stdout, os.Stderr)
	s.outTTY = isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd())
	if v, ok := os.LookupEnv("ENGAGE_FORCE_TTY"); ok && v != "" && v != "0" {
		s.outTTY = true
		if w, err := strconv.Atoi(v); err == nil && w > 20 {
			s.width = w
		}
	}
	if v, ok := os.LookupEnv("NO_COLOR"); ok && v != "" {
		s.noColor = true
	}
	if os.Getenv("TERM") == "dumb" {
		s.noColor = true
	}
	return s
}

// Test returns streams backed by buffers, not a terminal, without colour,
// through the same door as the real ones.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return newStreams(in, out, errOut), in, out, errOut
}

func newStreams(in io.Reader, out, errOut io.Writer) *IOStreams {
	s := &IOStreams{In: in, rawOut: out, colorMode: ColorAuto, width: 80}
	s.Out = &door{w: out, color: s.ColorEnabled}
	s.ErrOut = &door{w: errOut, color: s.ColorEnabled}
	return s
}

// BinaryOut is standard output without the door, for bytes that are not
// text (a workbook piped to a file). It refuses when standard output is a
// terminal.
func (s *IOStreams) BinaryOut() (io.Writer, error) {
	if s.outTTY {
		return nil, errors.New("a workbook is not for the terminal: write it to a file with -o, or pipe it")
	}
	return s.rawOut, nil
}

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// TerminalWidth is the width to lay out terminal output in.
func (s *IOStreams) TerminalWidth() int { return s.width }

// SetColorMode sets --color: auto, always or never.
func (s *IOStreams) SetColorMode(mode string) error {
	switch mode {
	case ColorAuto, ColorAlways, ColorNever:
		s.colorMode = mode
		return nil
	}
	return fmt.Errorf("--color must be auto, always or never, not %q", mode)
}

// ColorEnabled reports whether output should be coloured: always with
// --color=always; never with --color=never; otherwise only on a terminal
// and when NO_COLOR is not set.
func (s *IOStreams) ColorEnabled() bool {
	switch s.colorMode {
	case ColorAlways:
		return true
	case ColorNever:
		return false
	}
	return s.outTTY && !s.noColor
}
