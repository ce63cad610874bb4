// Package compare is the engage compare command.
package comparecmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/internal/style"
	"github.com/engage-icb/engage/pkg/compare"
)

// Options are compare's flags and arguments.
type Options struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	Paths   []string
	AsOf    string
	Format  string
	Output  string
}

var formats = []string{"text", "markdown", "xlsx", "json"}

// NewCmdCompare returns the compare command.
func NewCmdCompare(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "compare [PATH...]",
		Short: "Compare ICBs' strategies side by side",
		Long: `Set several ICBs' strategies side by side: a matrix of the coverage grade
of each national principle (rows) for each ICB (columns), each as a symbol
and a word, then a row per ICB: period, state, last updated, next review
(flagged when overdue), local principles, objectives, the share of due
objectives done, overdue items, metrics (how many measured), the governance
body for public involvement, and self-assessments.

Strategies on another framework (such as Dorset's 2018 self-assessment on
stg-2018) are compared on their own framework in a separate block, never
forced onto the national ten.

PATH may be files or folders; with none, ./strategies is read. A file that
does not match the file format is left out, with its errors, and engage
exits 1 after comparing the rest.

Formats: text (for people), markdown, json (versioned), and xlsx (a Matrix
sheet with heat-map colours and frozen headers, an ICBs sheet, a Grades
sheet with a chart, and a sheet per ICB), which needs -o.`,
		Example: `  engage compare strategies/
  engage compare strategies/ -f markdown -o comparison.md
  engage compare strategies/ -f xlsx -o comparison.xlsx --as-of 2026-03-31`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return compareRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "the date to compare as of, YYYY-MM-DD (default today)")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", "text, markdown, xlsx or json (default: from -o's extension, else text)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func compareRun(opts *Options) error {
	format := opts.Format
	if format == "" {
		switch strings.ToLower(filepath.Ext(opts.Output)) {
		case ".xlsx":
			format = "xlsx"
		case ".md":
			format = "markdown"
		case ".json":
			format = "json"
		default:
			format = "text"
		}
	}
	switch format {
	case "text", "markdown", "xlsx", "json":
	default:
		return cmdutil.Usage(fmt.Errorf("--format: unknown format %q: use one of %s", format, strings.Join(formats, ", ")))
	}
	if format == "xlsx" && opts.Output == "" && opts.IO.IsStdoutTTY() {
		return cmdutil.Usage(errors.New("an Excel workbook is not for the terminal: write it to a file with -o"))
	}
	asOf, err := cmdutil.AsOf(opts.AsOf, opts.Factory.Now)
	if err != nil {
		return err
	}
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	files, err := cmdutil.StrategyFiles(opts.Paths, cfg)
	if err != nil {
		return err
	}
	if in, ok := cmdutil.IsInput(opts.Output, files); ok {
		return cmdutil.Usage(fmt.Errorf("-o %s is the strategy %s, which is being compared; write the comparison to another file", opts.Output, in))
	}
	v, err := cmdutil.NewValidator(cfg, asOf)
	if err != nil {
		return err
	}
	readable, readErr := cmdutil.ReadStrategies(opts.IO.ErrOut, v, files, "is left out of the comparison", nil)
	var inputs []compare.Input
	for _, r := range readable {
		inputs = append(inputs, compare.Input{Path: r.Path, Strategy: r.Doc.Strategy, Framework: r.Framework})
	}
	c := compare.Build(inputs, asOf)

	var out bytes.Buffer
	switch format {
	case "json":
		err = render.WriteJSON(&out, struct {
			SchemaVersion int `json:"schemaVersion"`
			*compare.Comparison
		}{render.SchemaVersion, c})
	case "markdown":
		err = c.WriteMarkdown(&out)
	case "xlsx":
		err = c.WriteExcel(&out)
	default:
		th := style.For(opts.IO)
		if opts.Output != "" {
			th = style.New(&out, false)
		}
		writeText(&out, th, c)
	}
	if err != nil {
		return err
	}
	if opts.Output == "" {
		if _, err := opts.IO.Out.Write(out.Bytes()); err != nil {
			return err
		}
	} else {
		if err := atomicfile.Write(opts.Output, out.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.ErrOut, "Wrote %s: %d strategies compared as of %s\n", opts.Output, len(inputs), c.AsOf)
	}
	return readErr
}

// writeText writes the comparison for people: per block, the matrix, then
// the rows per ICB as label: value lines.
func writeText(w io.Writer, th *style.Theme, c *compare.Comparison) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", th.Muted("As of "+c.AsOf+". Grades, weakest first: ✗ missing, ○ stated, ◔ planned, ◑ delivering, ◕ evidenced, ● measured."))
	for _, bl := range c.Blocks {
		fmt.Fprintf(&b, "\n%s\n\n", th.Bold(safetext.Terminal(bl.Heading())))
		labelWidth := 0
		for _, p := range bl.Principles {
			labelWidth = max(labelWidth, utf8.RuneCountInString(p.Label)+6)
		}
		colWidth := len("◑ delivering") + 2
		for _, icb := range bl.ICBs {
			colWidth = max(colWidth, utf8.RuneCountInString(safetext.Terminal(icb.Label()))+2)
		}
		b.WriteString(pad("", labelWidth))
		for j, icb := range bl.ICBs {
			label := pad(safetext.Terminal(icb.Label()), colWidth)
			if j == len(bl.ICBs)-1 {
				label = strings.TrimRight(label, " ")
			}
			b.WriteString(th.Bold(label))
		}
		b.WriteString("\n")
		for i, p := range bl.Principles {
			b.WriteString(pad(fmt.Sprintf("%2d  %s", p.Number, safetext.Terminal(p.Label)), labelWidth))
			for j, icb := range bl.ICBs {
				cell := pad(safetext.Terminal(icb.Cell(i)), colWidth)
				if j == len(bl.ICBs)-1 {
					cell = strings.TrimRight(cell, " ")
				}
				if icb.Ratings == nil {
					cell = th.Grade(icb.Grades[i], cell)
				}
				b.WriteString(cell)
			}
			b.WriteString("\n")
		}
		if note := bl.Note(); note != "" {
			fmt.Fprintf(&b, "\n%s\n", th.Muted(safetext.Terminal(note)))
		}
		for _, icb := range bl.ICBs {
			row := icb.Row()
			fmt.Fprintf(&b, "\n%s  %s\n", th.Bold(safetext.Terminal(row[0])), th.Muted(safetext.Terminal(icb.File)))
			for i := 1; i < len(row); i++ {
				value := safetext.Terminal(row[i])
				if i == 4 && icb.ReviewOverdue {
					value = th.Error(value)
				}
				fmt.Fprintf(&b, "  %-24s %s\n", compare.Detail[i], value)
			}
		}
	}
	_, _ = io.WriteString(w, b.String())
}

// pad pads s with spaces to n characters (not bytes).
func pad(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s + " "
}
