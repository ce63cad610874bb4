// Package comparecmd is the engage compare command.
package comparecmd

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/pkg/compare"
)

// Options are compare's flags and arguments.
type Options struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	Paths   []string
	AsOf    string
	Format  string
	Output  string
}

// NewCmdCompare returns the compare command.
func NewCmdCompare(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "compare [PATH...]",
		Short: "Compare ICBs' strategies side by side",
		Long: `Set several ICBs' strategies side by side: a matrix of the coverage grade
of each national principle (rows) for each ICB (columns), each as a symbol
and a word, then a row per ICB: period, state, last updated, next review
(flagged when overdue), local principles, objectives, the share of due
objectives done, overdue items, metrics (how many measured), the governance
body for public involvement, and self-assessments.

Strategies on another framework (such as Dorset's 2018 self-assessment on
stg-2018) are compared on their own framework in a separate block, never
forced onto the national ten.

PATH may be files or folders; with none, ./strategies is read. A file that
does not match the file format is left out, with its errors, and engage
exits 1 after comparing the rest.

Formats: text (for people), markdown, json (versioned), and xlsx (a Matrix
sheet with heat-map colours and frozen headers, an ICBs sheet, a Grades
sheet with a chart, and a sheet per ICB), which needs -o.`,
		Example: `  engage compare strategies/
  engage compare strategies/ -f markdown -o comparison.md
  engage compare strategies/ -f xlsx -o comparison.xlsx --as-of 2026-03-31`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return compareRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "the date to compare as of, YYYY-MM-DD (default today)")
	cmdutil.FormatFlag(cmd, &opts.Format, render.Compare, "", "output format (default: from -o's extension, else text)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	return cmd
}

func compareRun(opts *Options) error {
	// Overwriting a strategy named on the command line is the first thing
	// to say (the files found in folders are checked once they are found).
	if in, ok := cmdutil.IsInput(opts.Output, opts.Paths); ok {
		return cmdutil.Usage(fmt.Errorf("-o %s is the strategy %s, which is being compared; write the comparison to another file", opts.Output, in))
	}
	if err := cmdutil.NotYAML("-o ", opts.Output, "the comparison", "comparison.md"); err != nil {
		return err
	}
	format, err := render.Compare.Choose(opts.Format, opts.Output)
	if err != nil {
		return cmdutil.Usage(err)
	}
	if render.Compare.Binary(format) && opts.Output == "" && opts.IO.IsStdoutTTY() {
		return cmdutil.Usage(errors.New("an Excel workbook is not for the terminal: write it to a file with -o"))
	}
	asOf, err := cmdutil.AsOf(opts.AsOf, opts.Factory.Now)
	if err != nil {
		return err
	}
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	files, err := cmdutil.StrategyFiles(opts.Paths, cfg)
	if err != nil {
		return err
	}
	if in, ok := cmdutil.IsInput(opts.Output, files); ok {
		return cmdutil.Usage(fmt.Errorf("-o %s is the strategy %s, which is being compared; write the comparison to another file", opts.Output, in))
	}
	v, err := cmdutil.NewValidator(opts.Factory, cfg, asOf)
	if err != nil {
		return err
	}
	// Each strategy's column, and nothing else of it, is kept.
	b := compare.NewBuilder(asOf)
	readErr := cmdutil.EachStrategy(opts.IO.ErrOut, v, files, "is left out of the comparison", func(r cmdutil.Readable) {
		b.Add(compare.Input{Path: r.Path, Strategy: r.Doc.Strategy, Framework: r.Framework})
	})
	c := b.Comparison()

	ro := cmdutil.Screen(opts.IO)
	if opts.Output != "" {
		ro = render.Options{Theme: render.Plain{}}
	}
	if err := cmdutil.WriteFormat(opts.IO, opts.Output, render.Compare, format, ro, c); err != nil {
		return err
	}
	if opts.Output != "" {
		fmt.Fprintf(opts.IO.ErrOut, "Wrote %s: %d strategies compared as of %s\n", opts.Output, b.Len(), c.AsOf)
	}
	return readErr
}
