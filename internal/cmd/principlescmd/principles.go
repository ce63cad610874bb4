// Package principles is the engage principles command.
package principlescmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/closest"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/style"
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
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: text or json")
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
	if opts.Format != "text" && opts.Format != "json" {
		return cmdutil.Usage(fmt.Errorf("--format: unknown format %q: use one of json, text", opts.Format))
	}
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
		if opts.Format == "json" {
			return render.WriteJSON(opts.IO.Out, struct {
				SchemaVersion int                    `json:"schemaVersion"`
				Frameworks    []*framework.Framework `json:"frameworks"`
			}{render.SchemaVersion, list})
		}
		return writeList(opts.IO.Out, list)
	}
	fw, ok := fws.Get(opts.Framework)
	if !ok {
		msg := fmt.Sprintf("--framework: %q is not a framework engage knows (known: %s)", opts.Framework, strings.Join(fws.IDs(), ", "))
		if c, ok := closest.Match(opts.Framework, fws.IDs()); ok {
			msg += fmt.Sprintf("; did you mean %q?", c)
		}
		return cmdutil.Usage(fmt.Errorf("%s", msg))
	}
	if opts.Format == "json" {
		return render.WriteJSON(opts.IO.Out, struct {
			SchemaVersion int `json:"schemaVersion"`
			*framework.Framework
		}{render.SchemaVersion, fw})
	}
	return writeFramework(opts.IO.Out, style.For(opts.IO), fw)
}

func writeList(w io.Writer, list []*framework.Framework) error {
	var b strings.Builder
	for _, fw := range list {
		count := fmt.Sprintf("%d %ss", len(fw.Principles), fw.Noun())
		if fw.Declared > len(fw.Principles) {
			count = fmt.Sprintf("%d of %d %ss named", len(fw.Principles), fw.Declared, fw.Noun())
		}
		fmt.Fprintf(&b, "%-10s  %s, %s: %s (%s)\n", fw.ID, fw.Publisher, fw.Published, fw.Title, count)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeFramework(w io.Writer, th *style.Theme, fw *framework.Framework) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", th.Bold(fw.Title))
	fmt.Fprintf(&b, "%s\n\n", th.Muted(fmt.Sprintf("%s · %s, %s", fw.ID, fw.Publisher, fw.Published)))
	for _, p := range fw.Principles {
		fmt.Fprintf(&b, "%2d. %s\n", p.Number, p.Text)
	}
	for _, m := range fw.Missing {
		fmt.Fprintf(&b, "\n%s\n", th.Warning("Note: "+m))
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "%s\n", th.Muted("Wording as quoted in: "+fw.QuotedFrom))
	if fw.Source.URL != "" {
		fmt.Fprintf(&b, "%s\n", th.Muted("Source: "+fw.Source.URL))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
