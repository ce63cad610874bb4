package rootcmd

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/internal/style"
)

// setHelp makes --help (and engage help) fit the terminal: written as
// cobra writes it, but with every paragraph, table, example and flag
// wrapped at words to the window's width. Help that is not going to a
// terminal is cobra's, unchanged.
func setHelp(root *cobra.Command, io *iostreams.IOStreams) {
	plain := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		if !io.IsStdoutTTY() {
			plain(c, args)
			return
		}
		width := io.TerminalWidth()
		// --help runs before the root's PersistentPreRunE, which would
		// apply --width: read it here.
		if fl := c.Flags().Lookup("width"); fl != nil && fl.Changed {
			if n, err := strconv.Atoi(fl.Value.String()); err == nil && io.SetWidth(n) == nil {
				width = io.TerminalWidth()
			}
		}
		_, _ = fmt.Fprint(c.OutOrStdout(), Help(c, width, style.For(io).Bold))
	})
}

// Help is a command's help laid out for a terminal of the given width: the
// sections cobra writes, in its order, their headings styled by heading.
func Help(c *cobra.Command, width int, heading func(string) string) string {
	c.LocalFlags() // merges the inherited flags, as running the command does
	var b strings.Builder
	text := strings.TrimRight(c.Long, " \t\n")
	if text == "" {
		text = c.Short
	}
	if text != "" {
		b.WriteString(reflow(text, width) + "\n")
	}
	if !c.Runnable() && !c.HasSubCommands() {
		return b.String()
	}
	b.WriteString(heading("Usage:") + "\n")
	if c.Runnable() {
		wrapLine(&b, "  ", 4, c.UseLine(), width)
	}
	if c.HasAvailableSubCommands() {
		wrapLine(&b, "  ", 4, c.CommandPath()+" [command]", width)
	}
	if len(c.Aliases) > 0 {
		b.WriteString("\n" + heading("Aliases:") + "\n")
		wrapLine(&b, "  ", 4, c.NameAndAliases(), width)
	}
	if c.HasExample() {
		b.WriteString("\n" + heading("Examples:") + "\n")
		// A command continued over several lines is one command, laid
		// out afresh.
		for _, line := range strings.Split(strings.ReplaceAll(c.Example, " \\\n", " "), "\n") {
			example(&b, line, width)
		}
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n" + heading("Available Commands:") + "\n")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				name := fmt.Sprintf("  %-*s ", sub.NamePadding(), sub.Name())
				wrapLine(&b, name, safetext.Width(name), sub.Short, width)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n" + heading("Flags:") + "\n" + strings.TrimRight(c.LocalFlags().FlagUsagesWrapped(width), " \n") + "\n")
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n" + heading("Global Flags:") + "\n" + strings.TrimRight(c.InheritedFlags().FlagUsagesWrapped(width), " \n") + "\n")
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n")
		wrapLine(&b, "", 0, fmt.Sprintf("Use %q for more information about a command.", c.CommandPath()+" [command] --help"), width)
	}
	return b.String()
}

// wrapLine writes text after first, wrapped at words to width, the lines
// after the first indented by indent; when first leaves too little room,
// the text goes below it, indented by two more than first.
func wrapLine(b *strings.Builder, first string, indent int, text string, width int) {
	used := safetext.Width(first)
	if width-max(used, indent) < 20 {
		if strings.TrimSpace(first) != "" {
			b.WriteString(strings.TrimRight(first, " ") + "\n")
		}
		lead := len(first) - len(strings.TrimLeft(first, " ")) + 4
		first, used, indent = strings.Repeat(" ", lead), lead, lead
	}
	lines := safetext.Wrap(text, width-used)
	b.WriteString(first + lines[0] + "\n")
	if len(lines) > 1 {
		for _, l := range safetext.Wrap(strings.Join(lines[1:], " "), width-indent) {
			b.WriteString(strings.Repeat(" ", indent) + l + "\n")
		}
	}
}

// gap finds a table's second column: text after two or more spaces.
var gap = regexp.MustCompile(`^( +)(\S.*?\S|\S)( {2,}| (?:\s*)$)`)

// reflow lays a command's long description out at width: each paragraph
// (lines between blank lines) rewrapped; an indented block is a table (a
// term, then its description from a common column, with description lines
// of their own continuing the one before) whose descriptions wrap under
// themselves, or, too narrow for that, go under their terms.
func reflow(text string, width int) string {
	var b strings.Builder
	for i, para := range strings.Split(text, "\n\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		lines := strings.Split(para, "\n")
		if !strings.HasPrefix(lines[0], " ") {
			wrapLine(&b, "", 0, strings.Join(lines, " "), width)
			continue
		}
		table(&b, lines, width)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// table lays out an indented block (see reflow).
func table(b *strings.Builder, lines []string, width int) {
	type row struct {
		indent int
		term   string
		desc   string
	}
	// The description column: where the text of a line made only of a
	// description starts, or else the most common column after a gap.
	col, votes := 0, map[int]int{}
	lead := len(lines[0]) - len(strings.TrimLeft(lines[0], " "))
	for _, l := range lines {
		if n := len(l) - len(strings.TrimLeft(l, " ")); n > lead+2 {
			col = n
		}
		if m := gap.FindStringSubmatch(l); m != nil && len(m[0]) < len(l) {
			votes[len(m[0])]++
		}
	}
	if col == 0 {
		best := 0
		for c, v := range votes {
			if v > best || v == best && c < col {
				col, best = c, v
			}
		}
	}
	var rows []row
	for _, l := range lines {
		n := len(l) - len(strings.TrimLeft(l, " "))
		switch {
		case col > 0 && n >= col && len(rows) > 0:
			r := &rows[len(rows)-1]
			r.desc = strings.TrimSpace(r.desc + " " + strings.TrimSpace(l))
		case col > 0 && len(l) > col && l[col-1] == ' ':
			rows = append(rows, row{n, strings.TrimSpace(l[:col]), strings.TrimSpace(l[col:])})
		default:
			rows = append(rows, row{n, strings.TrimSpace(l), ""})
		}
	}
	for _, r := range rows {
		pad := strings.Repeat(" ", r.indent)
		switch {
		case r.desc == "":
			wrapLine(b, pad, r.indent+4, r.term, width)
		case width-col >= 20 && r.indent+safetext.Width(r.term) < col:
			wrapLine(b, safetext.Pad(pad+r.term, col), col, r.desc, width)
		case width-col >= 20:
			wrapLine(b, pad, r.indent+4, r.term, width)
			wrapLine(b, strings.Repeat(" ", col), col, r.desc, width)
		default:
			wrapLine(b, pad, r.indent+4, r.term, width)
			wrapLine(b, pad+"    ", r.indent+4, r.desc, width)
		}
	}
}

// example writes a line of an example: whole when it fits; else its
// comment on lines of its own above it, and the command broken between
// arguments (never inside quotes) with a backslash, so it still runs when
// copied.
func example(b *strings.Builder, line string, width int) {
	if safetext.Width(line) <= width {
		b.WriteString(line + "\n")
		return
	}
	indent := len(line) - len(strings.TrimLeft(line, " "))
	pad := strings.Repeat(" ", indent)
	cmd, comment := line, ""
	if i := strings.Index(line, " # "); i > 0 {
		cmd, comment = strings.TrimRight(line[:i], " "), line[i+3:]
	}
	if comment != "" {
		wrapLine(b, pad+"# ", indent+2, comment, width)
		if safetext.Width(cmd) <= width {
			b.WriteString(cmd + "\n")
			return
		}
	}
	words := shellWords(strings.TrimSpace(cmd))
	var l strings.Builder
	l.WriteString(pad)
	used := indent
	for i, w := range words {
		ww := safetext.Width(w)
		if i > 0 && used+1+ww+2 > width { // room for " \"
			b.WriteString(l.String() + " \\\n")
			l.Reset()
			l.WriteString(pad + "    ")
			used = indent + 4
		} else if i > 0 {
			l.WriteString(" ")
			used++
		}
		l.WriteString(w)
		used += ww
	}
	b.WriteString(l.String() + "\n")
}

// shellWords splits a command line at spaces outside quotes.
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	quote := rune(0)
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == ' ':
			if w.Len() > 0 {
				words = append(words, w.String())
				w.Reset()
			}
			continue
		}
		w.WriteRune(r)
	}
	if w.Len() > 0 {
		words = append(words, w.String())
	}
	return words
}
