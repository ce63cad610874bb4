package root

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Reference writes the command-line reference (docs/cli.md) from the
// command tree, so the documentation cannot drift from the flags.
func Reference(root *cobra.Command) string {
	var b strings.Builder
	b.WriteString("# Command-line reference\n\n")
	b.WriteString("<!-- Generated from the command tree by `make docs`; do not edit. -->\n\n")
	b.WriteString(root.Long + "\n\n")
	b.WriteString("Global flags:\n\n")
	flagTable(&b, root.PersistentFlags())
	b.WriteString("\nExit status: 0 ok; 1 findings at the fail level (or, for `coverage`, a file\nthat cannot be graded); 2 usage error or a file or folder that cannot be read.\n")
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() || c.Name() == "help" {
			continue
		}
		fmt.Fprintf(&b, "\n## engage %s\n\n%s.\n\n", c.Name(), c.Short)
		fmt.Fprintf(&b, "```\n%s\n```\n\n", c.UseLine())
		if c.Long != "" {
			fmt.Fprintf(&b, "```text\n%s\n```\n\n", c.Long)
		}
		if c.HasAvailableLocalFlags() {
			b.WriteString("Flags:\n\n")
			flagTable(&b, c.LocalNonPersistentFlags())
			b.WriteString("\n")
		}
		if c.Example != "" {
			fmt.Fprintf(&b, "Examples:\n\n```\n%s\n```\n", c.Example)
		}
	}
	return b.String()
}

func flagTable(b *strings.Builder, fs *pflag.FlagSet) {
	b.WriteString("| flag | default | meaning |\n|---|---|---|\n")
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		name := "`--" + f.Name + "`"
		if f.Shorthand != "" {
			name = "`-" + f.Shorthand + "`, " + name
		}
		def := f.DefValue
		if def == "" || def == "false" {
			def = ""
		} else {
			def = "`" + def + "`"
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", name, def, strings.ReplaceAll(f.Usage, "|", "\\|"))
	})
}
