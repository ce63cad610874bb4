package cmdutil

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/render"
)

// FormatFlag adds --format (-f), whose value must be one of a registry's
// formats (or empty, when def is empty and the command infers the format
// from its output file): its usage lists them, shell completion offers
// them, and a wrong one is a usage error, listing them, before the command
// runs.
func FormatFlag[R any](cmd *cobra.Command, p *string, reg *render.Registry[R], def, usage string) {
	cmd.Flags().StringVarP(p, "format", "f", def, usage+": "+reg.Help())
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(reg.Names(), cobra.ShellCompDirectiveNoFileComp))
	check(cmd, func() error {
		if *p == "" {
			return nil
		}
		if err := reg.Check(*p); err != nil {
			return Usage(fmt.Errorf("--format: %w", err))
		}
		return nil
	})
}

// EnumFlag adds a flag whose value must be one of values: its usage lists
// them, shell completion offers them, and a wrong one is a usage error
// before the command runs.
func EnumFlag(cmd *cobra.Command, p *string, name, def string, values []string, usage string) {
	cmd.Flags().StringVar(p, name, def, usage+": "+OrList(values))
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
	check(cmd, func() error {
		if *p != "" && !slices.Contains(values, *p) {
			return Usage(fmt.Errorf("--%s must be %s, not %q", name, OrList(values), *p))
		}
		return nil
	})
}

// check runs fn before the command, after any check already there.
func check(cmd *cobra.Command, fn func() error) {
	prev := cmd.PreRunE
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		if prev != nil {
			if err := prev(c, args); err != nil {
				return err
			}
		}
		return fn()
	}
}

// OrList writes "a, b or c".
func OrList(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}
