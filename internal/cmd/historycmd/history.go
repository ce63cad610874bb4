// Package historycmd is the engage history command.
package historycmd

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/gitrev"
	"github.com/engage-icb/engage/internal/history"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
)

// Options are history's flags and arguments.
type Options struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	File    string
	Format  string
	All     bool
}

// NewCmdHistory returns the history command.
func NewCmdHistory(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "history FILE",
		Short: "Show each objective's and milestone's status over the file's git history",
		Long: `Read every committed version of a strategy file, following it through
renames, and show when each objective's and milestone's status changed: the
date, commit and author, and the status it moved from and to. The history is
the checked-out branch's own line: a branch merged in counts from its merge. Versions where
the file was deleted, could not be read or was over the size limit
(--max-file-size) are listed, not hidden.

Only the items that changed are shown (their status moved, or they were added
after the file's first version, or removed); --all shows every item.`,
		Example: `  engage history strategies/lsc.yaml
  engage history strategies/lsc.yaml --all
  engage history strategies/lsc.yaml -f markdown > delivery.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return historyRun(opts)
		},
	}
	cmdutil.FormatFlag(cmd, &opts.Format, render.History, "text", "output format")
	cmd.Flags().BoolVar(&opts.All, "all", false, "every objective and milestone, also those whose status never changed")
	return cmd
}

func historyRun(opts *Options) error {
	format, err := render.History.Lookup(opts.Format, cmdutil.Screen(opts.IO))
	if err != nil {
		return cmdutil.Usage(fmt.Errorf("--format: %w", err))
	}
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	// The repository that holds the file, wherever engage runs.
	repo, err := gitrev.Open(filepath.Dir(opts.File))
	if err != nil {
		return err
	}
	defer func() { _ = repo.Close() }()
	// A revision over the size limit is listed as skipped, not read.
	repo.MaxSize = cmdutil.MaxFileSize(opts.Factory, cfg)
	rel, err := repo.Rel(opts.File)
	if err != nil {
		return cmdutil.Usage(err)
	}
	report, err := history.Build(repo, rel, opts.File)
	if err != nil {
		return err
	}
	if repo.Shallow() {
		fmt.Fprintln(opts.IO.ErrOut, "engage: this is a shallow clone, so only its newest commits are here and the history starts with them; check out the whole history (fetch-depth: 0 in actions/checkout, or git fetch --unshallow)")
	}
	if !opts.All {
		report = report.Changed()
	}
	return format.Render(opts.IO.Out, report)
}
