package rootcmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Reference writes the command-line reference (docs/cli/) from the command
// tree, so the documentation cannot drift from the flags: an index page
// (README.md) and a page per command, keyed by file name.
func Reference(root *cobra.Command) map[string]string {
	pages := map[string]string{}
	var idx strings.Builder
	idx.WriteString("# Command-line reference\n\n")
	idx.WriteString("<!-- Generated from the command tree by `make docs`; do not edit. -->\n\n")
	idx.WriteString(root.Long + "\n\n")
	idx.WriteString("| command | does |\n| --- | --- |\n")
	for _, c := range commands(root) {
		fmt.Fprintf(&idx, "| [`%s`](%s) | %s |\n", c.CommandPath(), page(c), c.Short)
		pages[page(c)] = commandPage(c)
	}
	idx.WriteString("\nGlobal flags, accepted by every command:\n\n")
	flagTable(&idx, root.PersistentFlags())
	idx.WriteString("\nExit status: 0 ok; 1 findings at the fail level (or, for `coverage`, a file\nthat cannot be graded); 2 usage error, a bad configuration, or a file or\nfolder that cannot be read.\n")
	idx.WriteString("\nShell completion: `engage completion bash|zsh|fish|powershell` prints a\nscript that completes commands, flags, format names and framework IDs.\n")
	pages["README.md"] = idx.String()
	return pages
}

// commands lists every command and subcommand (status set, activity
// add...), each after its parent.
func commands(root *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() && c.Name() != "help" && c.Name() != "completion" {
			out = append(out, c)
			out = append(out, commands(c)...)
		}
	}
	return out
}

// page is a command's file: engage_status_set.md for engage status set.
func page(c *cobra.Command) string { return strings.ReplaceAll(c.CommandPath(), " ", "_") + ".md" }

func commandPage(c *cobra.Command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", c.CommandPath())
	b.WriteString("<!-- Generated from the command tree by `make docs`; do not edit. -->\n\n")
	fmt.Fprintf(&b, "%s.\n\n", c.Short)
	fmt.Fprintf(&b, "```text\n%s\n```\n\n", c.UseLine())
	if c.Long != "" {
		fmt.Fprintf(&b, "```text\n%s\n```\n\n", c.Long)
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("## Flags\n\n")
		flagTable(&b, c.LocalNonPersistentFlags())
		b.WriteString("\n")
	}
	if c.Example != "" {
		fmt.Fprintf(&b, "## Examples\n\n```sh\n%s\n```\n\n", c.Example)
	}
	if subs := commands(c); len(subs) > 0 {
		b.WriteString("## Commands\n\n| command | does |\n| --- | --- |\n")
		for _, sub := range subs {
			fmt.Fprintf(&b, "| [`%s`](%s) | %s |\n", sub.CommandPath(), page(sub), sub.Short)
		}
		b.WriteString("\n")
	}
	// The root's own flags, as its help lists them: one list, so that a
	// new one is never left out of a page.
	var global []string
	c.Root().PersistentFlags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden && f.Name != "help" {
			global = append(global, "`--"+f.Name+"`")
		}
	})
	fmt.Fprintf(&b, "Global flags (%s): see [the index](README.md).\n", strings.Join(global, ", "))
	return b.String()
}

func flagTable(b *strings.Builder, fs *pflag.FlagSet) {
	b.WriteString("| flag | default | meaning |\n| --- | --- | --- |\n")
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		name := "`--" + f.Name + "`"
		if f.Shorthand != "" {
			name = "`-" + f.Shorthand + "`, " + name
		}
		def := strings.Trim(f.DefValue, "[]")
		// An empty cell is one space: markdownlint's compact table style.
		if def == "" || def == "false" {
			def = " "
		} else {
			def = " `" + def + "` "
		}
		fmt.Fprintf(b, "| %s |%s| %s |\n", name, def, strings.ReplaceAll(f.Usage, "|", "\\|"))
	})
}
