// Package coverage is the engage coverage command.
package coveragecmd

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/internal/style"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Options are coverage's flags and arguments.
type Options struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	Now     func() time.Time
	Paths   []string
	Format  string
}

// NewCmdCoverage returns the coverage command.
func NewCmdCoverage(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "coverage [PATH...]",
		Short: "Grade how strongly a strategy answers each national principle",
		Long: `For each principle of the strategy's framework, show its grade and what
supports it. Grades, weakest first:

  ✗ missing     nothing in the strategy maps to the principle
  ○ stated      a local principle maps to it, but nothing delivers it
  ◔ planned     an objective, milestone or metric (not dropped) delivers it
  ◑ delivering  one of those is in progress, at risk, off track or done
  ◕ evidenced   one is done, with an update linking to evidence
  ● measured    a metric for it has a measured value (baseline or actual)

PATH may be files or folders; with none, ./strategies is read. A file that
does not match the file format is not graded: engage lists what to fix and
exits 1.`,
		Example: `  engage coverage strategies/lsc.yaml
  engage coverage --format json strategies/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return coverageRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// Graded is one strategy's coverage.
type Graded struct {
	File       string               `json:"file"`
	ICB        ICB                  `json:"icb"`
	Title      string               `json:"title"`
	Kind       string               `json:"kind"`
	Period     string               `json:"period,omitempty"`
	Framework  FrameworkRef         `json:"framework"`
	Summary    map[string]int       `json:"summary"`
	Principles []coverage.Principle `json:"principles"`
	noun       string
}

// ICB identifies the strategy's ICB in the JSON output.
type ICB struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Short string `json:"short,omitempty"`
}

// FrameworkRef names a framework in the JSON output.
type FrameworkRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func coverageRun(opts *Options) error {
	if opts.Format != "text" && opts.Format != "json" {
		return cmdutil.Usage(fmt.Errorf("--format: unknown format %q: use one of json, text", opts.Format))
	}
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	files, err := cmdutil.StrategyFiles(opts.Paths, cfg)
	if err != nil {
		return err
	}
	v, err := cmdutil.NewValidator(cfg, opts.Now())
	if err != nil {
		return err
	}
	readable, readErr := cmdutil.ReadStrategies(opts.IO.ErrOut, v, files, "cannot be graded", nil)
	var graded []Graded
	for _, r := range readable {
		graded = append(graded, grade(r.Path, r.Doc.Strategy, r.Framework))
	}
	if opts.Format == "json" {
		if graded == nil {
			graded = []Graded{}
		}
		if err := render.WriteJSON(opts.IO.Out, struct {
			SchemaVersion int      `json:"schemaVersion"`
			Strategies    []Graded `json:"strategies"`
		}{render.SchemaVersion, graded}); err != nil {
			return err
		}
	} else {
		width := 0
		if opts.IO.IsStdoutTTY() {
			width = opts.IO.TerminalWidth()
		}
		writeText(opts.IO.Out, style.For(opts.IO), graded, width)
	}
	return readErr
}

func grade(path string, s *strategy.Strategy, fw *framework.Framework) Graded {
	rep := coverage.Of(s, fw)
	g := Graded{
		File:       path,
		ICB:        ICB{Code: s.ICB.Code, Name: s.ICB.Name, Short: s.ICB.Short},
		Title:      s.Meta.Title,
		Kind:       s.Kind(),
		Framework:  FrameworkRef{ID: fw.ID, Title: fw.Title},
		noun:       fw.Noun(),
		Summary:    map[string]int{},
		Principles: rep.Principles,
	}
	if s.Meta.Period != nil {
		g.Period = s.Meta.Period.String()
	}
	for _, gr := range coverage.Grades {
		g.Summary[gr.String()] = 0
	}
	for gr, n := range rep.Counts() {
		g.Summary[gr.String()] = n
	}
	return g
}

// writeText writes the grades for people; on a terminal (width > 0) long
// lines are wrapped to its width.
func writeText(w io.Writer, th *style.Theme, graded []Graded, width int) {
	var b strings.Builder
	for i, g := range graded {
		if i > 0 {
			b.WriteString("\n")
		}
		name := g.ICB.Name
		if g.ICB.Short != "" {
			name = g.ICB.Short + " · " + name
		}
		fmt.Fprintf(&b, "%s\n", th.Bold(safetext.Terminal(name)))
		meta := []string{g.File, safetext.Terminal(g.Title)}
		if g.Period != "" {
			meta = append(meta, g.Period)
		}
		fmt.Fprintf(&b, "%s\n", th.Muted(strings.Join(meta, " · ")))
		fmt.Fprintf(&b, "%s\n", th.Muted(fmt.Sprintf("Framework: %s — %s", g.Framework.ID, g.Framework.Title)))
		if g.Kind == strategy.KindSelfAssessment {
			fmt.Fprintf(&b, "%s\n", th.Muted("A self-assessment: grades are shown for information; coverage is not required."))
		}
		b.WriteString("\n")
		for _, p := range g.Principles {
			word := fmt.Sprintf("%s %-10s", p.Grade.Symbol(), p.Grade)
			fmt.Fprintf(&b, "%3d  %s  %s\n", p.Number, th.Grade(p.Grade, word), safetext.Terminal(p.Label))
			if sup := supports(p.Supports); sup != "" {
				for _, line := range wrap(safetext.Terminal(sup), width-19) {
					fmt.Fprintf(&b, "%s%s\n", strings.Repeat(" ", 19), th.Muted(line))
				}
			}
		}
		b.WriteString("\n")
		var counts []string
		for j := len(coverage.Grades) - 1; j >= 0; j-- {
			gr := coverage.Grades[j]
			if n := g.Summary[gr.String()]; n > 0 {
				counts = append(counts, fmt.Sprintf("%d %s", n, gr))
			}
		}
		fmt.Fprintf(&b, "%d %ss: %s\n", len(g.Principles), g.noun, strings.Join(counts, ", "))
	}
	_, _ = io.WriteString(w, b.String())
}

// supports lists what supports a principle, grouped by kind: "principle P1;
// objectives Y1-04, L2-04 (in-progress); metric citizen-panel (measured)".
func supports(sups []coverage.Support) string {
	order := []string{"principle", "objective", "milestone", "metric"}
	groups := map[string][]string{}
	for _, s := range sups {
		item := s.ID
		switch {
		case s.Kind == "metric" && s.Grade == coverage.Measured:
			item += " (measured)"
		case s.Status != "" && s.Status != strategy.NotReported:
			item += " (" + s.Status + ")"
		}
		if strings.HasPrefix(s.Via, "objective ") {
			item += " via " + s.Via
		}
		groups[s.Kind] = append(groups[s.Kind], item)
	}
	var parts []string
	for _, k := range order {
		if items := groups[k]; len(items) > 0 {
			name := k
			if len(items) > 1 {
				name += "s"
			}
			parts = append(parts, name+" "+strings.Join(items, ", "))
		}
	}
	return strings.Join(parts, "; ")
}

// wrap breaks text into lines of at most width characters at spaces; with
// width under 20 it does not wrap.
func wrap(text string, width int) []string {
	if width < 20 || utf8.RuneCountInString(text) <= width {
		return []string{text}
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width:
			lines = append(lines, line)
			line = word
		default:
			line += " " + word
		}
	}
	return append(lines, line)
}

// indent writes everything indented by two spaces.
