package cmdutil

import (
	"bytes"
	"fmt"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/style"
)

// Write renders a result in a text format to the output file
// (atomically: the whole file or none of it), or to standard output when
// output is "".
func Write[R any](io *iostreams.IOStreams, output string, f render.Format[R], r R) error {
	return write(io, output, f, r, false)
}

func write[R any](io *iostreams.IOStreams, output string, f render.Format[R], r R, binary bool) error {
	if output == "" {
		w := io.Out
		if binary {
			var err error
			if w, err = io.BinaryOut(); err != nil {
				return Usage(err)
			}
		}
		if err := f.Render(w, r); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := f.Render(&buf, r); err != nil {
		return fmt.Errorf("write %s: %w", output, err)
	}
	return atomicfile.Write(output, buf.Bytes(), 0o644)
}

// WriteFormat looks up a format by name and writes the result with it
// (see Write).
func WriteFormat[R any](io *iostreams.IOStreams, output string, reg *render.Registry[R], format string, o render.Options, r R) error {
	f, err := reg.Lookup(format, o)
	if err != nil {
		return Usage(fmt.Errorf("--format: %w", err))
	}
	return write(io, output, f, r, reg.Binary(format))
}

// Screen is how a format lays out what goes to standard output: in the
// theme's colours, and, when standard output is a terminal, for people at
// the terminal's width.
func Screen(io *iostreams.IOStreams) render.Options {
	return render.Options{Theme: style.For(io), Terminal: io.IsStdoutTTY(), Width: io.TerminalWidth()}
}
