// Package validatecmd is the engage validate command.
package validatecmd

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/pkg/finding"
)

// Options are validate's flags and arguments.
type Options struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	Now     func() time.Time
	Paths   []string
	Formats []string
	Strict  bool
	FailOn  string
	AsOf    string
}

// NewCmdValidate returns the validate command. runF replaces the work in
// tests; nil runs validateRun.
func NewCmdValidate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Check strategy files against the file format and the national principles",
		Long: `Check strategy files: their structure against the JSON Schema (engage schema),
then their meaning: unique IDs, references that resolve, real dates inside the
strategy period, statuses that agree with their delivery logs, the ICB's ODS
code and name, and coverage of every national principle.

PATH may be files or folders (searched for *.yaml and *.yml). With no PATH,
the paths in .engage.yaml are checked, else ./strategies. Every finding names
its rule; docs/rules.md explains each one. .engage.yaml can change rules'
severities and suppress findings until a date (docs/config.md).

-f FORMAT[=FILE] may be given several times: each format goes to its file
(written atomically), or to standard output without one. Formats: text (for
people), json, github (workflow annotations), junit, sarif and markdown (for
$GITHUB_STEP_SUMMARY).

Exit status: 0 when nothing is at the fail level (--fail-on, default error),
1 when something is, 2 when engage cannot run (a bad flag or configuration, a
path that does not exist, a file that cannot be read).`,
		Example: `  engage validate
  engage validate strategies/lsc.yaml --as-of 2024-01-01
  engage validate --format json strategies/ > findings.json
  engage validate -f github -f sarif=engage.sarif -f markdown=$GITHUB_STEP_SUMMARY`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return validateRun(opts)
		},
	}
	cmd.Flags().StringArrayVarP(&opts.Formats, "format", "f", []string{"text"}, "output FORMAT[=FILE], repeatable; formats: "+strings.Join(render.Findings.Names(), ", "))
	cmdutil.EnumFlag(cmd, &opts.FailOn, "fail-on", "", []string{"error", "warning", "info"}, "lowest severity that makes the run fail (default error, or fail_on in .engage.yaml)")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "same as --fail-on warning")
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "the date to check against, YYYY-MM-DD (default today)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.Findings.Names(), cobra.ShellCompDirectiveNoSpace))
	return cmd
}

// output is one -f FORMAT[=FILE].
type output struct {
	format render.FindingsFormat
	file   string // "" for standard output
	spec   string // the -f value, FORMAT=FILE
}

func validateRun(opts *Options) error {
	asOf, err := cmdutil.AsOf(opts.AsOf, opts.Now)
	if err != nil {
		return err
	}
	outputs, err := parseOutputs(opts)
	if err != nil {
		return err
	}
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	failOn := failLevel(opts)
	files, err := cmdutil.StrategyFiles(opts.Paths, cfg)
	if err != nil {
		return err
	}
	if err := refuseOverwrite(outputs, files); err != nil {
		return err
	}
	res := cmdutil.StartValidator(opts.Factory, cfg, asOf).Files(files)
	if failOn != 0 {
		res.FailOn = failOn
	}
	for _, o := range outputs {
		if err := cmdutil.Write(opts.IO, o.file, o.format, res); err != nil {
			return err
		}
	}
	for _, e := range res.ReadErrors {
		fmt.Fprintf(opts.IO.ErrOut, "engage: %s\n", e)
	}
	if len(res.ReadErrors) > 0 {
		return cmdutil.ErrSilent
	}
	if res.Failed() {
		return cmdutil.ErrFindings
	}
	return nil
}

func parseOutputs(opts *Options) ([]output, error) {
	var outs []output
	for _, spec := range opts.Formats {
		name, file, _ := strings.Cut(spec, "=")
		if file == "-" {
			file = ""
		}
		ro := render.Options{Theme: render.Plain{}, Version: opts.Factory.Version}
		if file == "" {
			ro = cmdutil.Screen(opts.IO)
			ro.Source, ro.Version = sourceLines(), opts.Factory.Version
		}
		format, err := render.Findings.Lookup(name, ro)
		if err != nil {
			return nil, cmdutil.Usage(fmt.Errorf("--format: %w", err))
		}
		// Two outputs to one file: the second would replace the first.
		for i, o := range outs {
			if _, same := cmdutil.IsInput(file, []string{o.file}); same {
				return nil, cmdutil.Usage(fmt.Errorf("--format: -f %s and -f %s both write %s, so the second would replace the first; give each its own file", opts.Formats[i], spec, file))
			}
		}
		outs = append(outs, output{format: format, file: file, spec: spec})
	}
	return outs, nil
}

// failLevel is the fail level the flags set, 0 when they set none (the
// configuration's, else error, applies).
func failLevel(opts *Options) finding.Severity {
	switch {
	case opts.FailOn != "":
		s, _ := finding.ParseSeverity(opts.FailOn) // EnumFlag has checked it
		return s
	case opts.Strict:
		return finding.Warning
	}
	return 0
}

// refuseOverwrite stops an output file replacing one of the strategies
// being checked.
func refuseOverwrite(outputs []output, files []string) error {
	for _, o := range outputs {
		if _, ok := cmdutil.IsInput(o.file, files); ok {
			return cmdutil.Usage(fmt.Errorf("--format: %s is one of the strategies being checked; write the output to another file", o.file))
		}
		if o.file != "" {
			name, _, _ := strings.Cut(o.spec, "=")
			if err := cmdutil.NotYAML("--format "+name+"=", o.file, "the "+name+" output", "results."+name); err != nil {
				return err
			}
		}
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
