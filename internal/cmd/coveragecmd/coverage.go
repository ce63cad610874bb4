// Package coveragecmd is the engage coverage command.
package coveragecmd

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/pkg/coverage"
)

// Options are coverage's flags and arguments.
type Options struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	Now     func() time.Time
	Paths   []string
	Format  string
}

// NewCmdCoverage returns the coverage command.
func NewCmdCoverage(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "coverage [PATH...]",
		Short: "Grade how strongly a strategy answers each national principle",
		Long: `For each principle of the strategy's framework, show its grade and what
supports it. Grades, weakest first:

  ✗ missing     nothing in the strategy maps to the principle
  ○ stated      a local principle maps to it, but nothing delivers it
  ◔ planned     an objective, milestone or metric (not dropped) delivers it
  ◑ delivering  one of those is in progress, at risk, off track or done
  ◕ evidenced   one is done, with an update linking to evidence
  ● measured    a metric for it has a measured value (baseline or actual)

PATH may be files or folders; with none, ./strategies is read. A file that
does not match the file format is not graded: engage lists what to fix and
exits 1.`,
		Example: `  engage coverage strategies/lsc.yaml
  engage coverage --format json strategies/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return coverageRun(opts)
		},
	}
	cmdutil.FormatFlag(cmd, &opts.Format, render.Coverage, "text", "output format")
	return cmd
}

func coverageRun(opts *Options) error {
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	files, err := cmdutil.StrategyFiles(opts.Paths, cfg)
	if err != nil {
		return err
	}
	v, err := cmdutil.NewValidator(opts.Factory, cfg, opts.Now())
	if err != nil {
		return err
	}
	// Each file's grades are written as soon as they are known, and
	// nothing of it is kept: any number of files, in the memory of one.
	out, err := render.Stream(render.Coverage, opts.Format, cmdutil.Screen(opts.IO), opts.IO.Out)
	if err != nil {
		return err
	}
	var werr error
	readErr := cmdutil.EachStrategy(opts.IO.ErrOut, v, files, "cannot be graded", func(r cmdutil.Readable) {
		if werr == nil {
			werr = out.Add(coverage.GradeFile(r.Path, r.Doc.Strategy, r.Framework))
		}
	})
	if werr == nil {
		werr = out.Close()
	}
	if werr != nil {
		return werr
	}
	return readErr
}
