// Package validate is the engage validate command.
package validate

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/pkg/cmdutil"
	"github.com/engage-icb/engage/pkg/iostreams"
	"github.com/engage-icb/engage/pkg/render"
	"github.com/engage-icb/engage/pkg/style"
	"github.com/engage-icb/engage/pkg/validate"
)

// Options are validate's flags and arguments.
type Options struct {
	IO     *iostreams.IOStreams
	Now    func() time.Time
	Paths  []string
	Format string
	Strict bool
	AsOf   string
}

// NewCmdValidate returns the validate command. runF replaces the work in
// tests; nil runs validateRun.
func NewCmdValidate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check strategy files against the file format and the national principles",
		Long: `Check strategy files: their structure against the JSON Schema (engage schema),
then their meaning: unique IDs, references that resolve, real dates inside the
strategy period, statuses that agree with their delivery logs, the ICB's ODS
code and name, and coverage of every national principle.

PATH may be files or folders (searched for *.yaml and *.yml). With no PATH,
./strategies is checked. Every finding names its rule; docs/rules.md explains
each one.

Exit status: 0 when nothing is at error level (with --strict: nor at warning
level), 1 when something is, 2 when engage cannot run (a bad flag, a path that
does not exist, a file that cannot be read).`,
		Example: `  engage validate
  engage validate strategies/lsc.yaml --as-of 2024-01-01
  engage validate --format json strategies/ > findings.json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: "+strings.Join(render.FindingsFormatNames(), ", "))
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "exit 1 on warnings as well as errors")
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "the date to check against, YYYY-MM-DD (default today)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.FindingsFormatNames(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func validateRun(opts *Options) error {
	asOf, err := cmdutil.AsOf(opts.AsOf, opts.Now)
	if err != nil {
		return err
	}
	format, err := render.LookupFindings(opts.Format, render.Options{
		Theme:    style.For(opts.IO),
		Terminal: opts.IO.IsStdoutTTY(),
		Source:   sourceLines(),
	})
	if err != nil {
		return cmdutil.Usage(fmt.Errorf("--format: %w", err))
	}
	files, err := cmdutil.StrategyFiles(opts.Paths)
	if err != nil {
		return err
	}
	v, err := validate.New(validate.Options{AsOf: asOf})
	if err != nil {
		return err
	}
	res := v.Files(files)
	if err := format.Render(opts.IO.Out, &render.Findings{Files: res.Files, Findings: res.Findings}); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	for _, e := range res.ReadErrors {
		fmt.Fprintf(opts.IO.ErrOut, "engage: %s\n", e)
	}
	if len(res.ReadErrors) > 0 {
		return cmdutil.ErrSilent
	}
	errs, warns := res.Counts()
	if errs > 0 || (opts.Strict && warns > 0) {
		return cmdutil.ErrFindings
	}
	return nil
}

// sourceLines reads a file's lines on first use, to show findings in context.
func sourceLines() render.SourceFunc {
	var mu sync.Mutex
	cache := map[string][][]byte{}
	return func(file string, n int) (string, bool) {
		mu.Lock()
		defer mu.Unlock()
		lines, ok := cache[file]
		if !ok {
			data, err := os.ReadFile(file)
			if err == nil {
				lines = bytes.Split(data, []byte("\n"))
			}
			cache[file] = lines
		}
		if n < 1 || n > len(lines) {
			return "", false
		}
		return strings.TrimRight(string(lines[n-1]), "\r"), true
	}
}
