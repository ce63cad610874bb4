// Package iostreams is engage's one door to the terminal: the input, output
// and error streams, whether they are terminals, how wide the window is, and
// whether to use colour.
// Commands write through it, so tests run them against buffers, both as if
// on a terminal and as if piped.
//
// Out and ErrOut sanitise everything written to them (see door): whatever
// text a command prints, from a file, a file name, git or a flag, no
// control character or escape sequence reaches the terminal or the CI log
// but the colours engage's own styles add, and bidi controls are shown,
// not obeyed. Only BinaryOut, for a workbook written to a pipe, and the
// question engage itself asks the terminal (HasDarkBackground) are raw.
package iostreams

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"
	"github.com/muesli/termenv"
)

// Colour modes for --color.
const (
	ColorAuto   = "auto"
	ColorAlways = "always"
	ColorNever  = "never"
)

// Widths: DefaultWidth when a terminal's width cannot be measured, and
// MinWidth the narrowest engage lays output out in (--width, COLUMNS and
// ENGAGE_FORCE_TTY below it are refused or ignored).
const (
	DefaultWidth = 80
	MinWidth     = 20
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
	realTTY   bool // standard output is a terminal, not forced to be one
	colorMode string
	noColor   bool // NO_COLOR is set
	width     int
	env       func(string) string

	darkOnce sync.Once
	dark     bool
}

// System returns the process's real streams. The width is standard
// output's window width, measured; COLUMNS, when it holds a number, wins
// over the measurement (as it does for many tools), and --width over both
// (SetWidth). ENGAGE_FORCE_TTY makes engage treat standard output as a
// terminal (its value, when a number, is the width it measures), for tests
// and for tools that capture a terminal.
func System() *IOStreams {
	s := newStreams(os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	s.outTTY = isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd())
	s.realTTY = s.outTTY
	if s.outTTY {
		if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w >= MinWidth {
			s.width = w
		}
	}
	if v, ok := os.LookupEnv("ENGAGE_FORCE_TTY"); ok && v != "" && v != "0" {
		s.outTTY = true
		if w, err := strconv.Atoi(v); err == nil && w >= MinWidth {
			s.width = w
		}
	}
	if w, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && w >= MinWidth {
		s.width = w
	}
	if v, ok := os.LookupEnv("NO_COLOR"); ok && v != "" {
		s.noColor = true
	}
	if os.Getenv("TERM") == "dumb" {
		s.noColor = true
	}
	return s
}

// Test returns streams backed by buffers, not a terminal, without colour.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	noEnv := func(string) string { return "" }
	return newStreams(in, out, errOut, noEnv), in, out, errOut
}

func newStreams(in io.Reader, out, errOut io.Writer, env func(string) string) *IOStreams {
	s := &IOStreams{In: in, rawOut: out, colorMode: ColorAuto, width: DefaultWidth, env: env}
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

// SetStdoutTTY makes test streams behave as a terminal of the given width,
// or as a pipe.
func (s *IOStreams) SetStdoutTTY(tty bool, width int) {
	s.outTTY, s.width = tty, width
}

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// TerminalWidth is the width, in columns, to lay out terminal output in.
// Output that is not going to a terminal is not laid out to any width.
func (s *IOStreams) TerminalWidth() int { return s.width }

// SetWidth sets --width: the terminal's width, in columns, whatever was
// measured. It refuses a width under MinWidth.
func (s *IOStreams) SetWidth(n int) error {
	if n < MinWidth {
		return fmt.Errorf("--width is in columns and must be at least %d, not %d", MinWidth, n)
	}
	s.width = n
	return nil
}

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

// ColorProfile is how many colours the terminal shows: none when colour is
// off; otherwise what TERM and COLORTERM say (termenv's reading of them),
// and at least the 16 ANSI colours, which every terminal engage runs in
// has.
func (s *IOStreams) ColorProfile() termenv.Profile {
	if !s.ColorEnabled() {
		return termenv.Ascii
	}
	environ := envFunc(s.env)
	p := termenv.NewOutput(s.Out, termenv.WithTTY(true), termenv.WithEnvironment(environ)).ColorProfile()
	if p == termenv.Ascii {
		return termenv.ANSI
	}
	return p
}

// HasDarkBackground reports whether the terminal's background is dark, so
// the theme can choose colours that read on it. COLORFGBG (foreground;
// background, as rxvt, Konsole, iTerm2 and others set it; 0-6 and 8 are
// dark backgrounds) answers first; then, on a real terminal with colour
// on, the terminal itself is asked (OSC 11), waiting at most queryTimeout;
// otherwise, and in tmux and screen (which may be showing on several
// terminals), dark.
func (s *IOStreams) HasDarkBackground() bool {
	s.darkOnce.Do(func() {
		s.dark = true
		if bg, ok := colorFGBG(s.env("COLORFGBG")); ok {
			s.dark = bg <= 6 || bg == 8
			return
		}
		t := s.env("TERM")
		if !s.realTTY || !s.ColorEnabled() || strings.HasPrefix(t, "screen") || strings.HasPrefix(t, "tmux") || t == "dumb" {
			return
		}
		// The question (OSC 11) is engage's own: it goes to the terminal
		// itself, not through the door, which lets no OSC pass.
		if f, ok := s.rawOut.(*os.File); ok {
			if dark, ok := askBackground(f, queryTimeout); ok {
				s.dark = dark
			}
		}
	})
	return s.dark
}

// colorFGBG reads the background colour from COLORFGBG ("15;0", or
// "15;default;0").
func colorFGBG(v string) (int, bool) {
	i := strings.LastIndex(v, ";")
	if i < 0 {
		return 0, false
	}
	bg, err := strconv.Atoi(v[i+1:])
	return bg, err == nil && bg >= 0
}

// envFunc adapts a getenv function to termenv's Environ.
type envFunc func(string) string

func (e envFunc) Getenv(key string) string { return e(key) }

func (e envFunc) Environ() []string {
	var out []string
	for _, k := range []string{"TERM", "COLORTERM", "TERM_PROGRAM"} {
		if v := e(k); v != "" {
			out = append(out, k+"="+v)
		}
	}
	return out
}
