// Package root builds engage's command tree and runs it: the one place that
// turns errors into messages and exit codes.
package rootcmd

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/buildinfo"
	"github.com/engage-icb/engage/internal/cmd/activitycmd"
	"github.com/engage-icb/engage/internal/cmd/comparecmd"
	"github.com/engage-icb/engage/internal/cmd/coveragecmd"
	"github.com/engage-icb/engage/internal/cmd/diffcmd"
	"github.com/engage-icb/engage/internal/cmd/historycmd"
	"github.com/engage-icb/engage/internal/cmd/importcmd"
	"github.com/engage-icb/engage/internal/cmd/initcmd"
	"github.com/engage-icb/engage/internal/cmd/metriccmd"
	"github.com/engage-icb/engage/internal/cmd/principlescmd"
	"github.com/engage-icb/engage/internal/cmd/reportcmd"
	"github.com/engage-icb/engage/internal/cmd/schemacmd"
	"github.com/engage-icb/engage/internal/cmd/sitecmd"
	"github.com/engage-icb/engage/internal/cmd/statuscmd"
	"github.com/engage-icb/engage/internal/cmd/suggestcmd"
	"github.com/engage-icb/engage/internal/cmd/validatecmd"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
)

// NewCmdRoot returns the engage command with every subcommand.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	var color string
	var noColor bool
	var width int
	cmd := &cobra.Command{
		Use:   "engage <command>",
		Short: "Keep an ICB's strategy for working with people and communities as code",
		Long: `engage keeps an NHS Integrated Care Board's strategy for working in
partnership with people and communities as YAML in git, and checks it
against the ten principles of NHS England's statutory guidance.`,
		Example: `  engage validate                     # check ./strategies
  engage validate my-icb.yaml --format json
  engage coverage strategies/lsc.yaml
  engage principles`,
		Version:       f.Version + buildinfo.Read().Details(),
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if noColor {
				color = iostreams.ColorNever
			}
			if err := f.IOStreams.SetColorMode(color); err != nil {
				return cmdutil.Usage(err)
			}
			if cmd.Flags().Changed("width") {
				if err := f.IOStreams.SetWidth(width); err != nil {
					return cmdutil.Usage(err)
				}
			}
			if cmd.Flags().Changed("max-file-size") && f.MaxFileMB < 1 {
				return cmdutil.Usage(fmt.Errorf("--max-file-size is in megabytes and must be at least 1, not %d", f.MaxFileMB))
			}
			return nil
		},
	}
	cmd.SetIn(f.IOStreams.In)
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	cmd.SetVersionTemplate("engage version {{.Version}}\n")
	setHelp(cmd, f.IOStreams)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return cmdutil.Usage(plainFlagError(err)) })
	cmd.PersistentFlags().StringVar(&color, "color", iostreams.ColorAuto, "colour output: auto (on a terminal, unless NO_COLOR is set), always or never")
	cmd.PersistentFlags().BoolVar(&noColor, "no-color", false, "same as --color=never")
	cmd.PersistentFlags().IntVar(&width, "width", 0, "the terminal's width in columns (default: the window's, or COLUMNS); piped output is never wrapped")
	cmd.PersistentFlags().IntVar(&f.MaxFileMB, "max-file-size", 0, "largest strategy file to read, in MB (default: max_file_size_mb in .engage.yaml, else 10)")
	cmd.PersistentFlags().StringVar(&f.ConfigPath, "config", "", "configuration file to use (default: .engage.yaml here or in a folder above, up to the top of the git repository)")
	cmd.PersistentFlags().BoolVar(&f.Verbose, "verbose", os.Getenv("ENGAGE_DEBUG") != "", "say on standard error which configuration is used, and why (also ENGAGE_DEBUG=1)")
	cmd.AddCommand(
		validatecmd.NewCmdValidate(f, nil),
		coveragecmd.NewCmdCoverage(f, nil),
		comparecmd.NewCmdCompare(f, nil),
		sitecmd.NewCmdSite(f, nil),
		diffcmd.NewCmdDiff(f, nil),
		historycmd.NewCmdHistory(f, nil),
		statuscmd.NewCmdStatus(f, nil),
		reportcmd.NewCmdReport(f, nil),
		suggestcmd.NewCmdSuggest(f, nil),
		metriccmd.NewCmdMetric(f),
		importcmd.NewCmdImport(f, nil),
		activitycmd.NewCmdActivity(f),
		initcmd.NewCmdInit(f, nil),
		principlescmd.NewCmdPrinciples(f, nil),
		schemacmd.NewCmdSchema(f, nil),
	)
	return cmd
}

// Execute runs engage with the given arguments and returns the exit code.
// It is the only place errors become messages: a panic becomes a request to
// report a bug, never a stack trace.
func Execute(f *cmdutil.Factory, args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(f.IOStreams.ErrOut, "engage: internal error: %v\n", r)
			fmt.Fprintln(f.IOStreams.ErrOut, "This is a bug in engage. Please report it with the command you ran and, if you can, the file it read.")
			code = cmdutil.ExitError
		}
	}()
	cmd := NewCmdRoot(f)
	cmd.SetArgs(cmdutil.NumberArgs(cmd, args))
	ran, err := cmd.ExecuteC()
	if err == nil || errors.Is(err, cmdutil.ErrFindings) || errors.Is(err, cmdutil.ErrSilent) {
		return cmdutil.ExitCode(err)
	}
	fmt.Fprintf(f.IOStreams.ErrOut, "engage: %s\n", err)
	var usage *cmdutil.UsageError
	if errors.As(err, &usage) || isCobraUsage(err) {
		// The help of the command that was run ("engage suggest --help"),
		// or engage's own for an unknown command.
		path := "engage"
		if ran != nil {
			path = ran.CommandPath()
		}
		fmt.Fprintf(f.IOStreams.ErrOut, "Run '%s --help' for usage.\n", path)
	}
	return cmdutil.ExitCode(err)
}

// isCobraUsage reports cobra's own argument errors (unknown command, wrong
// number of arguments), which it does not type.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, s := range []string{"unknown command", "accepts ", "requires at least", "unknown flag", "unknown shorthand"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

var flagValueRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^invalid argument "(.*)" for "(.*?)" flag: (strconv\.Parse(Int|Uint|Float|Bool)): (.*)$`)
})

// plainFlagError says in plain words what a flag's value should be, for
// the parse errors of numbers and yes/no flags, which name Go's parser.
func plainFlagError(err error) error {
	m := flagValueRE().FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	want := map[string]string{"Int": "a whole number, such as 5", "Uint": "a whole number, such as 5", "Float": "a number", "Bool": "true or false"}[m[4]]
	flag := m[2]
	if i := strings.LastIndex(flag, "--"); i >= 0 {
		flag = flag[i:] // "-n, --number" names the long form
	}
	if strings.Contains(m[5], "value out of range") {
		return fmt.Errorf("%s: %s is too large", flag, m[1])
	}
	return fmt.Errorf("%s: %q is not %s", flag, m[1], want)
}
