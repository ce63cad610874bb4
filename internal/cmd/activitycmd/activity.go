// Package activitycmd is the engage activity command: recording engagement
// activities and what changed as a result ("you said, we did").
package activitycmd

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/cmd/statuscmd"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// NewCmdActivity returns the activity command, which holds add and outcome.
func NewCmdActivity(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "activity <command>",
		Short: "Record engagement activities and what changed as a result",
		Long: `Keep the strategy's log of engagement ("you said, we did"): add an activity
when it has happened, and record what changed as a result once it is known.
Both change the file in place with status set's guarantees: only the lines
they add, atomically, under a lock, refusing anything that would add a
validation error. engage status lists activities still awaiting feedback.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(NewCmdAdd(f, nil), NewCmdOutcome(f, nil))
	return cmd
}

// AddOptions are activity add's flags and arguments.
type AddOptions struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	File    string
	status.NewActivity
}

// NewCmdAdd returns the activity add command.
func NewCmdAdd(f *cmdutil.Factory, runF func(*AddOptions) error) *cobra.Command {
	opts := &AddOptions{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "add FILE --id ID --title TEXT --dates WHEN",
		Short: "Record an engagement activity",
		Long: `Append an engagement activity to the strategy's activities: what was done,
when (as exactly as the source gives it: 2024-05, 2024-05/2024-06, 2024),
how, who took part and how many (as the source states it: "over 200
people"), which communities it reached, what people said, and which
principles and objectives it served. Record what changed as a result
later, with engage activity outcome.`,
		Example: `  engage activity add strategies/lsc.yaml --id A-2024-maternity --title "Maternity experience survey and drop-in sessions" \
    --dates 2024-05/2024-06 --method survey --method "drop-in sessions" --reach "at least 400 responses" \
    --community "new parents" --heard "Parents wanted more help with feeding at night" --principle P4`,
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			a := opts.NewActivity
			return statuscmd.Apply(opts.Factory, opts.File, func(src []byte) ([]byte, string, error) { return status.AddActivity(src, a) })
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.ID, "id", "", "an ID for the activity, unique in the file, such as A-2024-maternity (required)")
	fl.StringVar(&opts.Title, "title", "", "what was done, in the source's words (required)")
	fl.StringVar(&opts.Dates, "dates", "", "when it took place, as exactly as the source says: 2024-05, 2024-05/2024-06, 2024, or unknown (required)")
	fl.StringArrayVar(&opts.Methods, "method", nil, "how people were involved: survey, listening event, workshop, focus group... (repeatable)")
	fl.StringVar(&opts.Reach, "reach", "", `who took part and how many, as the source states it, such as "over 200 people"`)
	fl.StringArrayVar(&opts.Communities, "community", nil, "a community reached, such as carers or young people (repeatable)")
	fl.StringArrayVar(&opts.Partners, "partner", nil, "who the ICB worked with on it, such as Healthwatch (repeatable)")
	fl.StringVar(&opts.Heard, "heard", "", "what people said, in the source's words")
	fl.IntSliceVar(&opts.National, "national", nil, "a national principle number it answers (repeatable)")
	fl.StringArrayVar(&opts.Principles, "principle", nil, "a local principle ID it answers (repeatable)")
	fl.StringArrayVar(&opts.Objectives, "objective", nil, "an objective ID it served (repeatable)")
	fl.StringArrayVar(&opts.Evidence, "evidence", nil, "a public web address that shows it (repeatable)")
	fl.StringVar(&opts.Note, "note", "", "anything else a reader needs to know, such as where the account comes from")
	for _, name := range []string{"id", "title", "dates"} {
		_ = cmd.MarkFlagRequired(name)
	}
	return cmd
}

// OutcomeOptions are activity outcome's flags and arguments.
type OutcomeOptions struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	Now     func() time.Time
	File    string
	On      string
	status.Outcome
}

// NewCmdOutcome returns the activity outcome command.
func NewCmdOutcome(f *cmdutil.Factory, runF func(*OutcomeOptions) error) *cobra.Command {
	opts := &OutcomeOptions{IO: f.IOStreams, Factory: f, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "outcome FILE ID --note TEXT",
		Short: "Record what changed as a result of an engagement activity",
		Long: `Record "we did": what changed as a result of an activity (a decision, a
service change, a plan, information for the public, or no change and why),
when, and a public web address that shows it. The activity is then evidence
for the principles it answers, and no longer awaiting feedback.`,
		Example: `  engage activity outcome strategies/lsc.yaml A-2024-maternity --kind service-change --on 2024-09 \
    --note "Night-time feeding support added to the health visiting service" --evidence https://example.org/you-said-we-did`,
		Args: cobra.ExactArgs(2),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			switch len(args) {
			case 0:
				return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
			case 1:
				return statuscmd.ItemIDs(args[0], "activity"), cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File, opts.ID = args[0], safetext.ItemID(args[1])
			if runF != nil {
				return runF(opts)
			}
			o := opts.Outcome
			o.Date = opts.On
			if o.Date == "" {
				o.Date = calendar.Day(opts.Now()).Format(time.DateOnly)
			}
			return statuscmd.Apply(opts.Factory, opts.File, func(src []byte) ([]byte, string, error) { return status.RecordOutcome(src, o) })
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Note, "note", "", "what changed, in plain English (required)")
	cmdutil.EnumFlag(cmd, &opts.Kind, "kind", "", strategy.OutcomeKinds, "what kind of change it was")
	fl.StringVar(&opts.On, "on", "", "when it changed or was decided, as exactly as you know it: 2024-09-12, 2024-09, 2024 (default today)")
	fl.StringVar(&opts.Evidence, "evidence", "", "a public web address that shows it")
	fl.BoolVar(&opts.Force, "force", false, "record it even if the date is before the activity or its last outcome")
	_ = cmd.MarkFlagRequired("note")
	return cmd
}
