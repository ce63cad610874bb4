// Package statuscmd is the engage status command and its set subcommand.
package statuscmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/validate"
)

// Options are status's flags and arguments.
type Options struct {
	IO             *iostreams.IOStreams
	Factory        *cmdutil.Factory
	Paths          []string
	AsOf           string
	Year           string
	Format         string
	Output         string
	StaleMonths    int
	FeedbackMonths int
	Details        bool
}

// NewCmdStatus returns the status command.
func NewCmdStatus(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "status [PATH...]",
		Short: "Show where delivery stands: objectives, milestones and metrics",
		Long: `With several strategies, an overview first: one line for each, with its
objectives, how many items are overdue, at risk or off track, and stale, and
when it is next reviewed. Then, for one strategy (name its file) or with
--details for all of them, its dashboard: objectives and milestones counted by
status, overall, by financial year, by national principle and, when the
strategy has themes, by theme; the share of objectives due by now that are
done; what is overdue (due before today, not done or dropped), the most
overdue first; what is at risk or off track, with its latest note; what is
stale (no update for --stale-months months); the milestones in this
financial year (or --year); each metric's latest value against its
baseline and target; and the engagement activities, with those that ended
over feedback_months ago without recording what changed.

-f markdown writes every dashboard for a board paper (no overview: for a
table across ICBs, engage compare -f markdown).

Statuses and their NHS BRAG colours (colour always comes with the word and
the symbol): ? not-reported, ○ planned, ▶ in-progress (green), ▲ at-risk
(amber), ✖ off-track (red), ✔ done (blue), — dropped.

Record progress with engage status set and engage metric record.`,
		Example: `  engage status
  engage status --details
  engage status strategies/lsc.yaml --year 2024/25
  engage status --as-of 2025-03-31 -o delivery.md`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return statusRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "the date to report as of, YYYY-MM-DD (default today)")
	cmd.Flags().StringVar(&opts.Year, "year", "", "only this financial year's objectives (and earlier years' not finished) and milestones, such as 2024/25")
	cmdutil.FormatFlag(cmd, &opts.Format, render.Status, "", "output format (default: from -o's extension, else text)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output); its extension (.md, .json) chooses the format")
	cmd.Flags().BoolVar(&opts.Details, "details", false, "after the overview of several strategies, each one's dashboard (text; Markdown and JSON always have them)")
	cmd.Flags().IntVar(&opts.StaleMonths, "stale-months", 0, "months without an update that make an item stale (default 6, or stale_months in .engage.yaml)")
	cmd.Flags().IntVar(&opts.FeedbackMonths, "feedback-months", 0, "months after an activity ends before it is awaiting feedback if nothing it changed is recorded (default 3, or feedback_months in .engage.yaml)")
	cmd.AddCommand(NewCmdSet(f, nil))
	return cmd
}

func statusRun(opts *Options) error {
	asOf, err := cmdutil.AsOf(opts.AsOf, opts.Factory.Now)
	if err != nil {
		return err
	}
	o := status.Options{AsOf: asOf, StaleMonths: 6}
	if opts.Year != "" {
		y, err := calendar.ParseYear(opts.Year)
		if err != nil {
			return cmdutil.Usage(fmt.Errorf("--year %q: %w", opts.Year, err))
		}
		o.Year = &y
	}
	// Each file's dashboard is written as soon as it is known where the
	// format allows (render.Stream), and nothing else of the file is kept.
	if in, ok := cmdutil.IsInput(opts.Output, opts.Paths); ok {
		return cmdutil.Usage(fmt.Errorf("-o %s is the strategy %s; write the dashboard to another file", opts.Output, in))
	}
	if err := cmdutil.NotYAML("-o ", opts.Output, "the dashboard", "delivery.md"); err != nil {
		return err
	}
	format, err := render.Status.Choose(opts.Format, opts.Output)
	if err != nil {
		return cmdutil.Usage(err)
	}
	opts.Format = format
	ro := cmdutil.Screen(opts.IO)
	ro.Details = opts.Details
	// To a file, the whole of it is written at the end, atomically.
	var file bytes.Buffer
	dest := io.Writer(opts.IO.Out)
	if opts.Output != "" {
		ro = render.Options{Details: opts.Details}
		dest = &file
	}
	out, err := render.Stream(render.Status, opts.Format, ro, dest)
	if err != nil {
		return cmdutil.Usage(fmt.Errorf("--format: %w", err))
	}
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	if cfg != nil && cfg.StaleMonths > 0 {
		o.StaleMonths = cfg.StaleMonths
	}
	if opts.StaleMonths < 0 {
		return cmdutil.Usage(errors.New("--stale-months must be 1 or more"))
	} else if opts.StaleMonths > 0 {
		o.StaleMonths = opts.StaleMonths
	}
	if cfg != nil && cfg.FeedbackMonths > 0 {
		o.FeedbackMonths = cfg.FeedbackMonths
	}
	if opts.FeedbackMonths < 0 {
		return cmdutil.Usage(errors.New("--feedback-months must be 1 or more"))
	} else if opts.FeedbackMonths > 0 {
		o.FeedbackMonths = opts.FeedbackMonths
	}
	files, err := cmdutil.StrategyFiles(opts.Paths, cfg)
	if err != nil {
		return err
	}
	if in, ok := cmdutil.IsInput(opts.Output, files); ok {
		return cmdutil.Usage(fmt.Errorf("-o %s is the strategy %s; write the dashboard to another file", opts.Output, in))
	}
	v, err := cmdutil.NewValidator(opts.Factory, cfg, asOf)
	if err != nil {
		return err
	}
	// Each file's dashboard is kept only until it is written. The text
	// overview of several strategies is laid out across all of them, so
	// they are kept, but only what the overview reads of each
	// (render.StatusOverview), unless --details shows each whole; a single
	// strategy's dashboard is shown whole.
	name, _ := render.Status.Canonical(opts.Format)
	overviewOnly := name == "text" && !opts.Details
	var first *status.Board
	n := 0
	add := func(b *status.Board) error {
		n++
		if !overviewOnly {
			return out.Add(b)
		}
		switch n {
		case 1:
			first = b
			return nil
		case 2:
			if err := out.Add(render.StatusOverview(first)); err != nil {
				return err
			}
			first = nil
		}
		return out.Add(render.StatusOverview(b))
	}
	var werr error
	readErr := cmdutil.EachStrategy(opts.IO.ErrOut, v, files, "is left out of the dashboard", func(r cmdutil.Readable) {
		if werr == nil {
			werr = add(status.Of(r.Path, r.Doc.Strategy, r.Framework, o))
		}
	})
	if werr == nil && first != nil {
		werr = out.Add(first)
	}
	if werr != nil {
		return werr
	}
	if err := out.Close(); err != nil {
		return err
	}
	if opts.Output != "" {
		if err := atomicfile.Write(opts.Output, file.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.ErrOut, "Wrote %s\n", opts.Output)
	}
	return readErr
}

// SetOptions are status set's flags and arguments.
type SetOptions struct {
	IO       *iostreams.IOStreams
	Factory  *cmdutil.Factory
	Now      func() time.Time
	File     string
	ID       string
	Status   string
	Note     string
	Evidence string
	On       string
	Force    bool
}

// NewCmdSet returns the status set command.
func NewCmdSet(f *cmdutil.Factory, runF func(*SetOptions) error) *cobra.Command {
	opts := &SetOptions{IO: f.IOStreams, Factory: f, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "set FILE ID STATUS",
		Short: "Record a new status for an objective or milestone",
		Long: `Record progress in place: append an update (date, status, note, evidence) to
the objective's or milestone's delivery log and set its status. Every other
byte of the file stays as it was: comments, key order, quoting, blank lines,
line endings. The file is replaced atomically, under a lock, so concurrent
updates all land.

engage refuses, leaving the file untouched: an unknown ID, a status that is
not one of not-reported, planned, in-progress, at-risk, off-track, done,
dropped; a date before the item's last update (unless --force); and any
change after which the file would not validate.`,
		Example: `  engage status set strategies/lsc.yaml L2-04 done --note "4,000 members reached" --evidence https://example.org/panel
  engage status set strategies/lsc.yaml R07 at-risk --on 2023-08-15 --note "Recruitment slower than planned"`,
		Args: cobra.ExactArgs(3),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			switch len(args) {
			case 0:
				return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
			case 1:
				return itemIDs(args[0], "objective", "milestone"), cobra.ShellCompDirectiveNoFileComp
			case 2:
				return strategy.Statuses, cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File, opts.ID, opts.Status = args[0], safetext.ItemID(args[1]), args[2]
			if runF != nil {
				return runF(opts)
			}
			return setRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Note, "note", "", "what happened, in plain English")
	cmd.Flags().StringVar(&opts.Evidence, "evidence", "", "a public web address that shows it")
	cmd.Flags().StringVar(&opts.On, "on", "", "when it happened, as exactly as you know it: a day (2024-03-31), a month (2024-03), a year or a range (default today)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "record it even if the date is before the item's last update, or after today")
	return cmd
}

func setRun(opts *SetOptions) error {
	today := calendar.Day(opts.Now()).Format(time.DateOnly)
	on := opts.On
	if on == "" {
		on = today
	}
	u := status.Update{ID: opts.ID, Status: opts.Status, Date: on, Note: opts.Note, Evidence: opts.Evidence, Today: today, Force: opts.Force}
	return Apply(opts.Factory, opts.File, func(src []byte) ([]byte, string, error) { return status.SetStatus(src, u) })
}

// Apply makes a change to a strategy file through status.UpdateFile and
// reports the outcome.
func Apply(f *cmdutil.Factory, file string, change func([]byte) ([]byte, string, error)) error {
	io := f.IOStreams
	cmdutil.RoomFor(file)
	cfg, err := cmdutil.LoadConfig(f)
	if err != nil {
		return err
	}
	v, err := cmdutil.NewValidator(f, cfg, f.Now())
	if err != nil {
		return err
	}
	check := Checker(v)
	lock := atomicfile.LockOptions{Waiting: func(holder string) {
		if holder != "" {
			fmt.Fprintf(io.ErrOut, "engage: waiting for another engage writing %s... (%s holds the lock on its folder)\n", file, holder)
		} else {
			fmt.Fprintf(io.ErrOut, "engage: waiting for another engage writing %s...\n", file)
		}
	}}
	if t := os.Getenv("ENGAGE_LOCK_TIMEOUT"); t != "" {
		d, err := time.ParseDuration(t)
		if err != nil || d <= 0 {
			return cmdutil.Usage(fmt.Errorf("ENGAGE_LOCK_TIMEOUT %q: give a time such as 30s or 2m", t))
		}
		lock.Timeout = d
	}
	summary, err := status.UpdateFile(file, status.UpdateOptions{Load: v.LoadOptions(), Check: check, Lock: lock}, change)
	var refusal *status.Refusal
	var invalid *status.Invalid
	var timeout *atomicfile.LockTimeoutError
	switch {
	case errors.As(err, &timeout):
		fmt.Fprintf(io.ErrOut, "engage: %s is unchanged: %s\n", file, timeout)
		return cmdutil.ErrSilent
	case errors.As(err, &refusal):
		where := file
		if refusal.Line > 0 {
			where = fmt.Sprintf("%s:%d:%d", file, refusal.Line, refusal.Column)
		}
		fmt.Fprintf(io.ErrOut, "engage: %s: %s; the file is unchanged\n", where, refusal.Message)
		if refusal.Hint != "" {
			fmt.Fprintf(io.ErrOut, "  hint: %s\n", refusal.Hint)
		}
		return cmdutil.ErrSilent
	case errors.As(err, &invalid):
		fmt.Fprintf(io.ErrOut, "engage: %s: the change would add %s the file does not have now; the file is unchanged:\n", file, ErrorCount(len(invalid.Findings)))
		_ = render.List(io.ErrOut, invalid.Findings, "  ")
		return cmdutil.ErrFindings
	case err != nil:
		return err
	}
	fmt.Fprintf(io.ErrOut, "%s: %s\n", file, summary)
	return nil
}

// Checker finds a file's errors as engage validate reports them: after
// the configuration.
func Checker(v *validate.Validator) status.Checker {
	return func(path string, src []byte) []finding.Finding {
		var errs []finding.Finding
		for _, f := range v.Check(v.Parse(path, src)).Findings {
			if f.Severity == finding.Error {
				errs = append(errs, f)
			}
		}
		return errs
	}
}

// ErrorCount is "an error" or "N errors".
func ErrorCount(n int) string {
	if n == 1 {
		return "an error"
	}
	return fmt.Sprintf("%d errors", n)
}

// itemIDs lists the IDs (with titles) of a file's items, for completion:
// one line each, "ID<tab>description", so each is made one line of text.
func itemIDs(file string, kinds ...string) []string {
	doc, err := strategy.Load(file, strategy.LoadOptions{})
	if err != nil || doc.Strategy == nil { // for completion: the default limit
		return nil
	}
	var out []string
	add := func(id, desc string) {
		out = append(out, safetext.Terminal(id)+"\t"+safetext.Terminal(desc))
	}
	for _, k := range kinds {
		switch k {
		case "objective":
			for _, o := range doc.Strategy.Objectives {
				add(o.ID, o.Status+": "+o.Title)
			}
		case "milestone":
			for _, m := range doc.Strategy.Roadmap {
				add(m.ID, m.Status+": "+m.Title)
			}
		case "metric":
			for _, m := range doc.Strategy.Metrics {
				add(m.ID, m.Title)
			}
		case "activity":
			for _, a := range doc.Strategy.Activities {
				add(a.ID, a.Dates+": "+a.Title)
			}
		}
	}
	return out
}

// ItemIDs lists a file's item IDs for completion (used by metric record).
func ItemIDs(file string, kinds ...string) []string { return itemIDs(file, kinds...) }
