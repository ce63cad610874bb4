// Package suggestcmd is the engage suggest command.
package suggestcmd

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	statuscmd "github.com/engage-icb/engage/internal/cmd/statuscmd"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/suggest"
)

// Options are suggest's flags and arguments.
type Options struct {
	IO            *iostreams.IOStreams
	Factory       *cmdutil.Factory
	Now           func() time.Time
	File          string
	All           bool
	Apply         bool
	IDs           []string
	MinConfidence float64
	Format        string
}

// NewCmdSuggest returns the suggest command.
func NewCmdSuggest(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "suggest FILE",
		Short: "Suggest national principles for local principles and objectives by their wording",
		Long: `For each local principle and objective that no national principle is mapped
to, and each whose mapping looks doubtful (its words are likely closer to
another national principle), suggest national principles by the words and
phrases they share: each national principle's wording and its vocabulary in
the framework file (NHS England's description of it and the field's terms),
each weighing more the fewer principles use it; and by the item's words near
in meaning to the principle's (from word vectors, in a table shipped with
the framework). Each suggestion quotes the words it shares and the near
ones, as the item writes them; the first comes with a confidence
in words (clear, likely or unsure; a number from 0 to 1 in JSON), and an
item equally close to two principles is shown as a tie.

With --apply, engage writes "national: [N]" into the file for each unmapped
item whose first suggestion is likely or clear (see --min-confidence) or,
with --id, for the items named, touching no other line, atomically and only
if the file stays valid. A tie is never written. A recorded mapping, even a
doubtful one, is never changed: that is a person's judgement. Suggestions
are a starting point; read them before you accept them (docs/suggest.md says
how often they are right).`,
		Example: `  engage suggest strategies/mse.yaml --all
  engage suggest my-icb.yaml --apply
  engage suggest my-icb.yaml --apply --id P3 --id O2-01
  engage suggest my-icb.yaml -f json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			for i, id := range opts.IDs {
				opts.IDs[i] = safetext.ItemID(id)
			}
			if runF != nil {
				return runF(opts)
			}
			return suggestRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.All, "all", false, "list every principle and objective, mapped or not")
	cmd.Flags().BoolVar(&opts.Apply, "apply", false, "write the first suggestion into the file for each unmapped item (see --min-confidence and --id)")
	cmd.Flags().StringArrayVar(&opts.IDs, "id", nil, "with --apply: accept the suggestion for this item only (repeat for more)")
	cmd.Flags().Float64Var(&opts.MinConfidence, "min-confidence", suggest.DefaultMinConfidence, fmt.Sprintf("with --apply: the least confidence (0 to 1) to accept a suggestion without --id; likely is %v, clear %v", suggest.LikelyFrom, suggest.ClearFrom))
	cmdutil.FormatFlag(cmd, &opts.Format, render.Suggest, "text", "output format")
	return cmd
}

func suggestRun(opts *Options) error {
	if len(opts.IDs) > 0 && !opts.Apply {
		return cmdutil.Usage(errors.New("--id chooses what --apply writes: add --apply"))
	}
	if !(opts.MinConfidence >= 0 && opts.MinConfidence <= 1) { // NaN fails both
		return cmdutil.Usage(fmt.Errorf("--min-confidence %v: give a number from 0 to 1", opts.MinConfidence))
	}
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	v, err := cmdutil.NewValidator(opts.Factory, cfg, opts.Now())
	if err != nil {
		return err
	}
	readable, err := cmdutil.ReadStrategies(opts.IO.ErrOut, v, []string{opts.File}, "cannot be read for suggestions")
	if err != nil {
		return err
	}
	res := suggest.Build(readable[0].Doc, readable[0].Framework, suggest.Options{All: opts.All}, opts.MinConfidence)
	if opts.Apply {
		mappings, err := res.Accept(opts.IDs)
		var unknown *suggest.UnknownIDError
		switch {
		case errors.As(err, &unknown):
			return cmdutil.Usage(fmt.Errorf("--id %w", err))
		case err != nil:
			// Nothing to suggest for a named item is a finding about the
			// file, not a mistake in the command line.
			fmt.Fprintf(opts.IO.ErrOut, "engage: %s: --id %s; the file is unchanged\n", safetext.Terminal(opts.File), safetext.Terminal(err.Error()))
			return cmdutil.ErrFindings
		}
		if len(mappings) == 0 {
			fmt.Fprintf(opts.IO.ErrOut, "%s: nothing to apply: no unmapped item has a first suggestion that is %s. Read the suggestions (engage suggest %s), then write national: [N] by hand, or accept one with --id ID\n", safetext.Terminal(opts.File), suggest.Least(opts.MinConfidence), safetext.Terminal(opts.File))
			return nil
		}
		return statuscmd.Apply(opts.Factory, opts.File, func(src []byte) ([]byte, string, error) {
			return suggest.Apply(src, mappings)
		})
	}
	format, err := render.Suggest.Lookup(opts.Format, cmdutil.Screen(opts.IO))
	if err != nil {
		return cmdutil.Usage(fmt.Errorf("--format: %w", err))
	}
	return format.Render(opts.IO.Out, res)
}
