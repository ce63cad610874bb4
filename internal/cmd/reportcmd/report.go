// Package reportcmd is the engage report command.
package reportcmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/gitrev"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/roundtrip"
	"github.com/engage-icb/engage/internal/xlsx"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/diff"
	"github.com/engage-icb/engage/pkg/report"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/validate"
)

// Options are report's flags and arguments.
type Options struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	File    string
	Year    string
	AsOf    string
	Since   string
	Format  string
	Output  string
	Check   bool
}

// NewCmdReport returns the report command.
func NewCmdReport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "report FILE --year FY [-f md|html|xlsx] [-o PATH]",
		Short: "Write the annual review report of a strategy, as Markdown, a web page or Excel",
		Long: `Write the annual review of a strategy for one financial year, from the
strategy file alone. It opens with a summary for a board: key figures, the
items overdue or at risk, what changed in the year and the gaps against
the national principles. Then: what the report covers; each national
principle's coverage grade, the ICB's own wording and commitments and what
delivers it; the year's objectives (each once, with the principles it
serves) and milestones; the roadmap (Mermaid charts in Markdown); metrics
against baseline and target; engagement ("you said, we did"); governance;
self-assessments; with --since REV, what changed since that git revision;
and the full text the tables shorten.

Without --as-of, a year that has ended is reported as of its last day (and
the report says so), the current year as of today. A year outside the
strategy's period that the strategy records nothing in is refused (exit 2).

Markdown (-f md) is GitHub-flavoured. HTML (-f html, or -o x.html) is one
web page for the public in the NHS.UK design system, its stylesheet inside
it: no request elsewhere, no JavaScript, WCAG 2.2 AA, printable on A4
(engage site writes a whole site of them). Excel (-f xlsx) has a Summary front page
with the key figures and a delivery chart, then a sheet per table
(Objectives, Roadmap, Metrics with a chart per metric, and more), typed
dates and numbers, status dropdowns and BRAG colours, and prints on A4; text
from the strategy is always stored as text, never as a formula. The same inputs and --as-of give the same report, so --check can
tell CI whether a published report is still current (exit 1 when stale).

A strategy's gaps (a national principle nothing answers, a review that is
overdue) are findings the report shows, in its "Gaps against the national
principles" part; they never stop it. Only a file engage cannot read, or
one that does not match the file format (engage validate lists what to
fix), is refused, with exit 1. .engage.yaml's severities and suppressions
apply as they do to engage validate.`,
		Example: `  engage report strategies/lsc.yaml --year 2023/24 -o reports/lsc-2023-24.md
  engage report strategies/lsc.yaml --year 2023/24 -f xlsx -o reports/lsc-2023-24.xlsx --as-of 2024-03-31
  engage report strategies/lsc.yaml --year 2023/24 -o lsc-2023-24.html
  engage report strategies/lsc.yaml --year 2024/25 --since v2024-review -o review.md
  engage report strategies/lsc.yaml --year 2023/24 --as-of 2024-03-31 -o reports/lsc-2023-24.md --check`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Year, "year", "", "the financial year to report on, such as 2023/24 (required)")
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "the date to report as of, YYYY-MM-DD (default today, or the year's last day once the year has ended)")
	cmd.Flags().StringVar(&opts.Since, "since", "", "a git revision of the strategy to report changes since (the last review)")
	cmdutil.FormatFlag(cmd, &opts.Format, render.Report, "", "output format (default: from -o's extension, else markdown)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	cmd.Flags().BoolVar(&opts.Check, "check", false, "compare the existing -o file with what would be written now; exit 1 when it is stale")
	return cmd
}

func reportRun(opts *Options) error {
	if opts.Year == "" {
		return cmdutil.Usage(errors.New("--year is required: the financial year to report on, such as --year 2023/24"))
	}
	year, err := calendar.ParseYear(opts.Year)
	if err != nil {
		return cmdutil.Usage(fmt.Errorf("--year %q: %w", opts.Year, err))
	}
	if _, ok := cmdutil.IsInput(opts.Output, []string{opts.File}); ok {
		return cmdutil.Usage(fmt.Errorf("-o %s is the strategy itself; write the report to another file", opts.Output))
	}
	if err := cmdutil.NotYAML("-o ", opts.Output, "the report", "report.md"); err != nil {
		return err
	}
	format, err := render.Report.Choose(opts.Format, opts.Output)
	if err != nil {
		return cmdutil.Usage(err)
	}
	if opts.Check && opts.Output == "" {
		return cmdutil.Usage(errors.New("--check needs -o: the report to check"))
	}
	if render.Report.Binary(format) && opts.Output == "" && opts.IO.IsStdoutTTY() {
		return cmdutil.Usage(errors.New("an Excel workbook is not for the terminal: write it to a file with -o"))
	}
	asOf, err := cmdutil.AsOf(opts.AsOf, opts.Factory.Now)
	if err != nil {
		return err
	}
	yearEnd := false
	if opts.AsOf == "" {
		asOf, yearEnd = report.AsOf(year, asOf)
	}
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	v, err := cmdutil.NewValidator(opts.Factory, cfg, asOf)
	if err != nil {
		return err
	}
	cmdutil.RoomFor(opts.File)
	read, err := cmdutil.ReadStrategy(opts.IO.ErrOut, v, opts.File, "cannot be reported on")
	if err != nil {
		return err
	}
	doc := read.Doc
	if err := report.CheckYear(doc.Strategy, year); err != nil {
		return cmdutil.Usage(fmt.Errorf("--year %w", err))
	}
	now := version(v, doc, "")
	r := report.Build(opts.File, doc.Strategy, now.Framework, report.Options{Year: year, AsOf: asOf, AsOfYearEnd: yearEnd, Version: opts.Factory.Version})
	r.Fingerprint = roundtrip.SHA256(doc.Source)
	r.FromOutput = fromOutput(opts.File, opts.Output)
	if opts.Since != "" {
		old, err := atRevision(v, opts.File, opts.Since)
		if err != nil {
			return err
		}
		c := diff.Compare(old, now)
		r.Changes, r.Since = &c, opts.Since
	}
	f, err := render.Report.Lookup(format, render.Options{Theme: render.Plain{}})
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := f.Render(&out, r); err != nil {
		return err
	}
	if opts.Check {
		return check(opts, render.Report.Binary(format), out.Bytes())
	}
	if opts.Output == "" {
		w := opts.IO.Out
		if render.Report.Binary(format) {
			if w, err = opts.IO.BinaryOut(); err != nil {
				return cmdutil.Usage(err)
			}
		}
		_, err := w.Write(out.Bytes())
		return err
	}
	if err := atomicfile.Write(opts.Output, out.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "Wrote %s: %s\n", opts.Output, r.Title())
	return nil
}

// version is a strategy as one side of a comparison: its file, revision and
// the framework it answers.
func version(v *validate.Validator, doc *strategy.Document, rev string) diff.Version {
	fw, id := v.Framework(doc.Strategy)
	return diff.Version{Side: diff.Side{File: doc.Path, Rev: rev}, Strategy: doc.Strategy, Framework: fw, FrameworkID: id}
}

// atRevision reads the strategy as it was at a git revision (under the
// name it had then).
func atRevision(v *validate.Validator, file, rev string) (diff.Version, error) {
	repo, err := gitrev.Open(filepath.Dir(file))
	if err != nil {
		return diff.Version{}, err
	}
	defer func() { _ = repo.Close() }()
	repo.MaxSize = v.LoadOptions().Limit()
	commit, err := repo.Resolve(rev)
	if err != nil {
		return diff.Version{}, cmdutil.Usage(fmt.Errorf("--since: %w", err))
	}
	rel, err := repo.Rel(file)
	if err != nil {
		return diff.Version{}, err
	}
	data, _, err := repo.FileAt(commit, rel)
	var large *gitrev.TooLargeError
	if errors.As(err, &large) {
		return diff.Version{}, fmt.Errorf("--since: %s at %s: %w", file, rev, err)
	}
	if err != nil {
		return diff.Version{}, fmt.Errorf("--since: %s is not in revision %s", file, rev)
	}
	old := v.Parse(file, data)
	if old.Strategy == nil {
		return diff.Version{}, fmt.Errorf("--since: %s at %s cannot be read as a strategy", file, rev)
	}
	return version(v, old, rev), nil
}

// check compares the report on disk with the one just generated: bytes
// for Markdown and HTML (Windows line endings taken as engage's, since
// git checks text out so on Windows), cell contents for Excel. The file
// on disk may be anything (committed by anyone), so it is read within
// limits set by the fresh report: a Markdown report of another size
// (allowing a CR for each line) is stale unread, and a
// workbook may be a few times larger than engage's (Excel adds to what it
// saves) but no more.
func check(opts *Options, workbook bool, fresh []byte) error {
	info, err := strategy.StatFile(opts.Output)
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(opts.IO.ErrOut, "engage: %s does not exist yet: write it with the same command without --check\n", opts.Output)
		return cmdutil.ErrFindings
	}
	if err != nil {
		return err
	}
	stale := func() error {
		fmt.Fprintf(opts.IO.ErrOut, "engage: %s is stale: it differs from what the strategy gives now; regenerate it with the same command without --check\n", opts.Output)
		return cmdutil.ErrFindings
	}
	minSize, maxSize := int64(len(fresh)), int64(len(fresh)+bytes.Count(fresh, []byte("\n")))
	if workbook {
		minSize, maxSize = 0, checkSlack+checkFactor*int64(len(fresh))
	}
	if info.Size() > maxSize || info.Size() < minSize {
		if workbook {
			fmt.Fprintf(opts.IO.ErrOut, "engage: %s is %s, far larger than the workbook this report is (%s), so it cannot be this report; engage has not read it\n",
				opts.Output, strategy.SizeText(info.Size()), strategy.SizeText(int64(len(fresh))))
		}
		return stale()
	}
	existing, err := os.ReadFile(opts.Output)
	if err != nil {
		return err
	}
	same, crlf := bytes.Equal(existing, fresh), false
	switch {
	case !same && workbook:
		if same, err = sameCells(existing, fresh); err != nil {
			return fmt.Errorf("read %s: %w; regenerate it with the same command without --check", opts.Output, err)
		}
	case !same:
		same = bytes.Equal(bytes.ReplaceAll(existing, []byte("\r\n"), []byte("\n")), fresh)
		crlf = same
	}
	if !same {
		return stale()
	}
	if crlf {
		fmt.Fprintf(opts.IO.ErrOut, "%s is current (its lines end as Windows ends them, CRLF; engage writes LF)\n", opts.Output)
		return nil
	}
	fmt.Fprintf(opts.IO.ErrOut, "%s is current\n", opts.Output)
	return nil
}

// The most a published workbook may be beside engage's own, in its file
// size and in what it unpacks to: Excel saves more than engage writes,
// but a few times more, not a zip bomb's thousands.
const (
	checkSlack  = 16 << 20
	checkFactor = 4
)

// sameCells reports whether two workbooks have the same sheets and the
// same values in every cell. fresh is engage's own; existing is read
// within limits that fresh sets.
func sameCells(existing, fresh []byte) (bool, error) {
	cb, err := xlsx.ReadLimited(fresh, xlsx.Limits{Unpacked: 1 << 40, Entries: 1 << 20})
	if err != nil {
		return false, err
	}
	ca, err := xlsx.ReadLimited(existing, xlsx.Limits{Unpacked: checkSlack + checkFactor*cb.Unpacked, Entries: xlsx.DefaultLimits.Entries})
	if err != nil {
		return false, err
	}
	return ca.Equal(cb), nil
}

// fromOutput is file's path from the folder of out, slash-separated, or
// "" when the report goes to standard output or no such path exists (two
// Windows drives).
func fromOutput(file, out string) string {
	if out == "" {
		return ""
	}
	absFile, err := filepath.Abs(file)
	if err != nil {
		return ""
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(filepath.Dir(absOut), absFile)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(rel)
}
