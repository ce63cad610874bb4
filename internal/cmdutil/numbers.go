package cmdutil

import (
	"regexp"
	"strings"
	"sync"

	"github.com/spf13/cobra"
)

// NegativeNumbers is the annotation of a command whose arguments may be
// negative numbers (metric record FILE ID -3), which the flag parser would
// otherwise read as flags (-3 as the flag -3).
const NegativeNumbers = "engage/negative-numbers"

var negative = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^-([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)
})

// NumberArgs rewrites the arguments of a command annotated with
// NegativeNumbers so that the negative numbers among them stay arguments:
// they move, in order, after a "--" (where the flag parser reads nothing
// as a flag). A negative number that is a flag's value (--on -3) stays
// where it is. Other commands' arguments are returned as they are.
func NumberArgs(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd.Annotations[NegativeNumbers] == "" {
		return args
	}
	var out, nums []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			out = append(out, "--")
			out = append(out, nums...)
			return append(out, args[i+1:]...)
		case negative().MatchString(a):
			nums = append(nums, a)
			continue
		}
		out = append(out, a)
		if takesValue(cmd, a) && i+1 < len(args) {
			out = append(out, args[i+1])
			i++
		}
	}
	if len(nums) > 0 {
		out = append(append(out, "--"), nums...)
	}
	return out
}

// takesValue reports whether an argument is a flag of cmd that reads the
// next argument as its value (--note TEXT, not --force or --note=TEXT).
func takesValue(cmd *cobra.Command, a string) bool {
	if !strings.HasPrefix(a, "-") || strings.Contains(a, "=") || a == "-" {
		return false
	}
	name := strings.TrimLeft(a, "-")
	f := cmd.Flags().Lookup(name)
	if f == nil {
		f = cmd.InheritedFlags().Lookup(name)
	}
	if f == nil && !strings.HasPrefix(a, "--") && len(name) == 1 {
		if f = cmd.Flags().ShorthandLookup(name); f == nil {
			f = cmd.InheritedFlags().ShorthandLookup(name)
		}
	}
	return f != nil && f.NoOptDefVal == ""
}
