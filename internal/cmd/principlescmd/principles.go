// Package principlescmd is the engage principles command.
package principlescmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/closest"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/pkg/framework"
)

// Options are principles' flags.
type Options struct {
	IO        *iostreams.IOStreams
	Framework string
	List      bool
	Format    string
}

// NewCmdPrinciples returns the principles command.
func NewCmdPrinciples(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "principles",
		Short: "Print a national principle set, word for word",
		Long: `Print the principles of a national framework with their exact wording and
source. Without --framework, prints the ten principles of NHS England's
statutory guidance "Working in partnership with people and communities"
(July 2022). --list names every framework engage knows.`,
		Example: `  engage principles
  engage principles --framework stg-2018
  engage principles --list`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return principlesRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Framework, "framework", framework.DefaultID, "the framework to print")
	cmd.Flags().BoolVar(&opts.List, "list", false, "list the frameworks engage knows")
	cmdutil.FormatFlag(cmd, &opts.Format, render.Framework, "text", "output format")
	_ = cmd.RegisterFlagCompletionFunc("framework", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		fws, err := framework.Builtin()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return fws.IDs(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func principlesRun(opts *Options) error {
	ro := cmdutil.Screen(opts.IO)
	fws, err := framework.Builtin()
	if err != nil {
		return err
	}
	if opts.List {
		var list []*framework.Framework
		for _, id := range fws.IDs() {
			fw, _ := fws.Get(id)
			list = append(list, fw)
		}
		return cmdutil.WriteFormat(opts.IO, "", render.Frameworks, opts.Format, ro, list)
	}
	fw, ok := fws.Get(opts.Framework)
	if !ok {
		msg := fmt.Sprintf("--framework: %q is not a framework engage knows (known: %s)", opts.Framework, strings.Join(fws.IDs(), ", "))
		if c, ok := closest.Match(opts.Framework, fws.IDs()); ok {
			msg += fmt.Sprintf("; did you mean %q?", c)
		}
		return cmdutil.Usage(fmt.Errorf("%s", msg))
	}
	return cmdutil.WriteFormat(opts.IO, "", render.Framework, opts.Format, ro, fw)
}
