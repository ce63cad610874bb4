// Package cmdutil holds what every command shares: the factory of
// dependencies, the exit codes, and the errors that choose between them.
package cmdutil

import (
	"errors"
	"fmt"
	"time"

	"github.com/engage-icb/engage/internal/iostreams"
)

// Exit codes, documented in the README.
const (
	ExitOK       = 0 // nothing at or above the fail level
	ExitFindings = 1 // findings at or above the fail level
	ExitError    = 2 // usage error, or a file or folder that cannot be read
)

// Factory carries what commands need from the outside world, so tests can
// replace it.
type Factory struct {
	IOStreams *iostreams.IOStreams
	Version   string
	// Now is "today" when --as-of is not given.
	Now func() time.Time
	// ConfigPath is --config: the configuration file to use instead of
	// looking for .engage.yaml.
	ConfigPath string
	// MaxFileMB is --max-file-size, in MB; 0 when not given.
	MaxFileMB int
	// Verbose is --verbose, or ENGAGE_DEBUG set: say on standard error
	// what engage decided and why (which configuration it used).
	Verbose bool
}

// Debugf writes a line on standard error when Verbose is on.
func (f *Factory) Debugf(format string, args ...any) {
	if f.Verbose {
		fmt.Fprintf(f.IOStreams.ErrOut, "engage: "+format+"\n", args...)
	}
}

// ErrFindings means a command ran and reported findings at the fail level;
// its output already says what they are, so nothing more is printed.
var ErrFindings = errors.New("findings")

// ErrSilent means a command failed and has already said why on standard
// error; engage exits with ExitError without another message.
var ErrSilent = errors.New("failed")

// UsageError is a mistake in how engage was called: a bad flag or argument.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usage wraps err as a UsageError.
func Usage(err error) error { return &UsageError{Err: err} }

// ExitCode maps an error from a command to the process exit code.
func ExitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, ErrFindings):
		return ExitFindings
	}
	return ExitError
}
