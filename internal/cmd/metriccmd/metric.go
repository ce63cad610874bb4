// Package metriccmd is the engage metric command.
package metriccmd

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	statuscmd "github.com/engage-icb/engage/internal/cmd/statuscmd"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// NewCmdMetric returns the metric command, which holds record.
func NewCmdMetric(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "metric <command>",
		Short: "Record measures of progress",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(NewCmdRecord(f, nil))
	return cmd
}

// RecordOptions are metric record's flags and arguments.
type RecordOptions struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	Now     func() time.Time
	File    string
	ID      string
	Value   string
	On      string
	Note    string
	Force   bool
}

// NewCmdRecord returns the metric record command.
func NewCmdRecord(f *cmdutil.Factory, runF func(*RecordOptions) error) *cobra.Command {
	opts := &RecordOptions{IO: f.IOStreams, Factory: f, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "record FILE ID VALUE",
		Short: "Record a measured value of a metric",
		Long: `Append a measured value (with its date and an optional note) to a metric's
actuals, in place: every other byte of the file stays as it was, the file is
replaced atomically under a lock, and engage refuses (leaving the file
untouched) an unknown metric, a value that is not a number, a date before
the last recorded value (unless --force), or a change after which the file
would not validate.

VALUE is written as given (every digit of a long count is kept); a
negative VALUE such as -3 needs no "--" before it. A value the source
states approximately keeps its qualifier: "over 350" or "about 1200" is
recorded as the number with qualifier: over (the qualifiers are the file
format's: ` + strings.Join(strategy.Qualifiers, ", ") + `).`,
		Example: `  engage metric record strategies/lsc.yaml citizen-panel 2100 --on 2024-03-31 --note "After the spring campaign"
  engage metric record strategies/lsc.yaml waiting-list-change -3 --on 2024-03-31
  engage metric record strategies/lsc.yaml citizen-panel "over 2100" --on 2024-03`,
		Args:        cobra.ExactArgs(3),
		Annotations: map[string]string{cmdutil.NegativeNumbers: "true"},
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			switch len(args) {
			case 0:
				return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
			case 1:
				return statuscmd.ItemIDs(args[0], "metric"), cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File, opts.ID, opts.Value = args[0], safetext.ItemID(args[1]), args[2]
			if runF != nil {
				return runF(opts)
			}
			today := calendar.Day(opts.Now()).Format(time.DateOnly)
			on := opts.On
			if on == "" {
				on = today
			}
			u := status.Update{ID: opts.ID, Value: opts.Value, Date: on, Note: opts.Note, Today: today, Force: opts.Force}
			return statuscmd.Apply(opts.Factory, opts.File, func(src []byte) ([]byte, string, error) { return status.RecordMetric(src, u) })
		},
	}
	cmd.Flags().StringVar(&opts.On, "on", "", "when it was measured, as exactly as you know it: a day (2024-03-31), a month (2024-03), a year, a financial year (2023/24) or a range (2024-01/2024-03) (default today)")
	cmd.Flags().StringVar(&opts.Note, "note", "", "anything a reader needs to know about the value")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "record it even if the date is before the last recorded value, or after today")
	return cmd
}
