package cmdutil

import (
	"bytes"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
)

// Write renders a result in a format to the output file (atomically: the
// whole file or none of it), or to standard output when output is "".
func Write[R any](io *iostreams.IOStreams, output string, reg *render.Registry[R], format string, o render.Options, r R) error {
	f, err := reg.Lookup(format, o)
	if err != nil {
		return Usage(err)
	}
	var buf bytes.Buffer
	if err := f.Render(&buf, r); err != nil {
		return err
	}
	if output == "" {
		_, err := io.Out.Write(buf.Bytes())
		return err
	}
	return atomicfile.Write(output, buf.Bytes(), 0o644)
}
