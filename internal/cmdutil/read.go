package cmdutil

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/validate"
)

// Readable is a strategy file that matches the file format, with the
// framework it is on.
type Readable struct {
	Path      string
	Doc       *strategy.Document
	Framework *framework.Framework
}

// ReadStrategies loads the files for a command that works on each
// strategy's model, and keeps them all (suggest): see EachStrategy, which
// commands that read many files use instead.
func ReadStrategies(errOut io.Writer, v *validate.Validator, files []string, leftOut string) ([]Readable, error) {
	var out []Readable
	err := EachStrategy(errOut, v, files, leftOut, func(r Readable) { out = append(out, r) })
	return out, err
}

// EachStrategy loads the files one at a time for a command that works on
// each strategy's model (coverage, compare, status), and calls fn with
// each that can be used. Nothing of a file is kept once fn returns (its
// nodes, its text, its model), so a command that keeps only what it
// computes from each reads any number of files in the memory of a few. A
// file that cannot be read, that does not match the file format (the
// errors Validator.Blocking returns: gaps and other findings never stop a
// command), or that names a framework engage does not know is reported on
// errOut, saying what it is left out of (such as "cannot be graded"), and
// skipped. The error is what the command should end with once it has used
// the rest: ErrSilent when a file could not be read, ErrFindings when one
// was skipped, else nil.
func EachStrategy(errOut io.Writer, v *validate.Validator, files []string, leftOut string, fn func(Readable)) error {
	failed, unreadable := false, false
	for _, path := range files {
		r, err := ReadStrategy(errOut, v, path, leftOut)
		switch {
		case errors.Is(err, ErrSilent):
			unreadable = true
		case err != nil:
			failed = true
		default:
			fn(r)
		}
	}
	switch {
	case unreadable:
		return ErrSilent
	case failed:
		return ErrFindings
	}
	return nil
}

// ReadStrategy is ReadStrategies for one file: the error is ErrSilent
// when the file cannot be read, ErrFindings when it is refused, having
// said why on errOut.
func ReadStrategy(errOut io.Writer, v *validate.Validator, path, leftOut string) (Readable, error) {
	doc, err := v.Load(path)
	if err != nil {
		fmt.Fprintf(errOut, "engage: %s\n", err)
		return Readable{}, ErrSilent
	}
	if blocking := v.Blocking(doc); len(blocking) > 0 {
		fmt.Fprintf(errOut, "engage: %s %s until it matches the file format (%s; engage validate %s shows every finding):\n",
			path, leftOut, plural(len(blocking), "error"), path)
		_ = render.List(errOut, blocking, "  ")
		return Readable{}, ErrFindings
	}
	fw, id := v.Framework(doc.Strategy)
	if fw == nil {
		fmt.Fprintf(errOut, "engage: %s names framework %q, which engage does not know (known: %s)\n",
			path, id, strings.Join(v.Frameworks().IDs(), ", "))
		return Readable{}, ErrFindings
	}
	return Readable{Path: path, Doc: doc, Framework: fw}, nil
}

// plural writes "1 error" or "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
