// Package initcmd is the engage init command.
package initcmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/internal/closest"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/icb"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/scaffold"
	"github.com/engage-icb/engage/pkg/framework"
)

// Options are init's flags.
type Options struct {
	IO        *iostreams.IOStreams
	Now       func() time.Time
	Code      string
	Output    string
	Framework string
	Force     bool
}

// NewCmdInit returns the init command.
func NewCmdInit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "init --code ODS [-o FILE]",
		Short: "Start a new strategy file for an ICB",
		Long: `Write a new strategy for one of the 42 ICBs: its ODS code fills in its name,
the national principles are listed for you to word as your own, with a first
objective and milestone, and comments explain each section. Texts still to
be written start "To be written"; engage validate reports each one until it
is replaced, and reports the principles nothing delivers yet.

Without -o the strategy is printed (use -o rather than > on Windows
PowerShell 5.1, whose > writes UTF-16). -o will not replace an existing file
unless --force is given.`,
		Example: `  engage init --code QR1 -o strategies/gloucestershire.yaml
  engage init --code QJG    # print it, to read first`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Code, "code", "", "the ICB's ODS code, such as QJG (press Tab for the list)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (default: print it)")
	cmd.Flags().StringVar(&opts.Framework, "framework", framework.DefaultID, "the national framework the strategy answers")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace the output file if it exists")
	_ = cmd.RegisterFlagCompletionFunc("code", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		out := make([]string, len(icb.All))
		for i, b := range icb.All {
			out[i] = b.Code + "\t" + b.Name
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("framework", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		fws, err := framework.Builtin()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return fws.IDs(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func initRun(opts *Options) error {
	if opts.Code == "" {
		return cmdutil.Usage(errors.New("--code is required: your ICB's ODS code, such as --code QJG for NHS Suffolk and North East Essex ICB"))
	}
	code := strings.ToUpper(strings.TrimSpace(opts.Code))
	b, ok := icb.ByCode(code)
	if !ok {
		codes := make([]string, len(icb.All))
		for i, x := range icb.All {
			codes[i] = x.Code
		}
		msg := fmt.Sprintf("--code: %q is not the ODS code of one of the 42 ICBs", opts.Code)
		if near := closest.All(code, codes); len(near) > 0 {
			var names []string
			for _, c := range near {
				x, _ := icb.ByCode(c)
				names = append(names, fmt.Sprintf("%s (%s)", c, x.Name))
			}
			msg += "; did you mean " + strings.Join(names, " or ") + "?"
		}
		return cmdutil.Usage(errors.New(msg))
	}
	fws, err := framework.Builtin()
	if err != nil {
		return err
	}
	fw, ok := fws.Get(opts.Framework)
	if !ok {
		return cmdutil.Usage(fmt.Errorf("--framework: %q is not a framework engage knows (known: %s)", opts.Framework, strings.Join(fws.IDs(), ", ")))
	}
	data, err := scaffold.Strategy(b, fw, opts.Now())
	if err != nil {
		return err
	}
	if opts.Output == "" {
		_, err := opts.IO.Out.Write(data)
		return err
	}
	if info, err := os.Stat(opts.Output); err == nil && info.IsDir() {
		return cmdutil.Usage(fmt.Errorf("%s is a folder: name the file to write, such as %s", opts.Output, filepath.Join(opts.Output, "strategy.yaml")))
	} else if err == nil && !opts.Force {
		return cmdutil.Usage(fmt.Errorf("%s already exists: choose another file, or add --force to replace it", opts.Output))
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write %q: %w", opts.Output, err)
	}
	if err := atomicfile.Write(opts.Output, data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "Wrote %s for %s. Next: replace each \"%s\" text, then run engage validate %s\n", opts.Output, b.Name, scaffold.Placeholder, opts.Output)
	return nil
}
