package cmdutil

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/pkg/finding"
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
// strategy's model (suggest), and keeps them: see EachStrategy.
func ReadStrategies(errOut io.Writer, v *validate.Validator, files []string, leftOut string, ignore func(finding.Finding) bool) ([]Readable, error) {
	var out []Readable
	err := EachStrategy(errOut, v, files, leftOut, ignore, func(r Readable) { out = append(out, r) })
	return out, err
}

// EachStrategy loads the files one at a time for a command that works on
// each strategy's model (coverage, compare, status), and calls fn with
// each that can be used. Nothing of a file is kept once fn returns (its
// nodes, its text, its model), so a command that keeps only what it
// computes from each reads any number of files in the memory of a few.
// A file that cannot be read, that does not match the file format (apart
// from findings ignore accepts, which may be nil), or that names a
// framework engage does not know is reported on errOut, saying what it is
// left out of (such as "cannot be graded"), and skipped. The error is what
// the command should end with once it has used the rest: ErrSilent when a
// file could not be read, ErrFindings when one was skipped, else nil.
func EachStrategy(errOut io.Writer, v *validate.Validator, files []string, leftOut string, ignore func(finding.Finding) bool, fn func(Readable)) error {
	failed, unreadable := false, false
	for _, path := range files {
		doc, err := v.Load(path)
		if err != nil {
			fmt.Fprintf(errOut, "engage: %s\n", err)
			unreadable = true
			continue
		}
		fs := v.Structure(doc)
		if ignore != nil {
			fs = slices.DeleteFunc(fs, ignore)
		}
		if len(fs) > 0 {
			fmt.Fprintf(errOut, "engage: %s %s until it matches the file format:\n", path, leftOut)
			_ = render.List(errOut, fs, "  ")
			failed = true
			continue
		}
		fw, id := v.Framework(doc.Strategy)
		if fw == nil {
			fmt.Fprintf(errOut, "engage: %s names framework %q, which engage does not know (known: %s)\n",
				path, id, strings.Join(v.Frameworks().IDs(), ", "))
			failed = true
			continue
		}
		fn(Readable{Path: path, Doc: doc, Framework: fw})
	}
	switch {
	case unreadable:
		return ErrSilent
	case failed:
		return ErrFindings
	}
	return nil
}
