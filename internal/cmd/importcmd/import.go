// Package importcmd is the engage import command: updates typed into a
// report workbook, brought back into the strategy.
package importcmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	statuscmd "github.com/engage-icb/engage/internal/cmd/statuscmd"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/roundtrip"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/internal/xlsx"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Options are import's flags and arguments.
type Options struct {
	IO       *iostreams.IOStreams
	Factory  *cmdutil.Factory
	Now      func() time.Time
	Workbook string
	File     string
	Apply    bool
}

// NewCmdImport returns the import command.
func NewCmdImport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "import WORKBOOK.xlsx [STRATEGY] [--apply]",
		Short: "Bring the updates typed into a report workbook back into the strategy",
		Long: `Read the columns to fill in of an annual review workbook (engage report -o
review.xlsx): on Objectives and Roadmap, New status, Update (what happened),
Evidence link and Date; on Metrics, New value, Update and Date. Rows are
matched by ID, whatever their order. Without --apply, import shows what it
would record and changes nothing; with --apply it records every update at
once, in place, as status set and metric record do (atomic, locked, every
other byte kept), or none of them.

STRATEGY defaults to the file the workbook was made from. If the strategy
has changed since, an item changed both in the strategy and in the workbook
is not recorded: import shows both versions, and records the rest.

engage refuses, recording nothing: an ID the strategy does not have, two rows
for one ID, a status not in the list, a date it cannot read, a formula in a
cell to fill in, a workbook made from another ICB's strategy, a file that is
not a workbook engage made, and any update after which the file would not
validate.

Exit status: 0 nothing to record (or, with --apply, all recorded); 1 updates
to record (or, with --apply, items left unrecorded because they changed on
both sides); 2 the workbook cannot be imported.`,
		Example: `  engage import review.xlsx
  engage import review.xlsx strategies/lsc.yaml --apply`,
		Args: cobra.RangeArgs(1, 2),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return []string{"xlsx"}, cobra.ShellCompDirectiveFilterFileExt
			}
			return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Workbook = args[0]
			if len(args) == 2 {
				opts.File = args[1]
			}
			if runF != nil {
				return runF(opts)
			}
			return importRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Apply, "apply", false, "record the updates in the strategy (without it, only show them)")
	return cmd
}

func importRun(opts *Options) error {
	errOut := opts.IO.ErrOut
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	v, err := cmdutil.NewValidator(opts.Factory, cfg, opts.Now())
	if err != nil {
		return err
	}
	limit := v.LoadOptions().Limit()
	info, err := os.Stat(opts.Workbook)
	if err != nil {
		return cmdutil.Usage(fmt.Errorf("cannot read the workbook %s: %w", opts.Workbook, errors.Unwrap(err)))
	}
	if !info.Mode().IsRegular() {
		return cmdutil.Usage(fmt.Errorf("%s is not a file", opts.Workbook))
	}
	if info.Size() > limit {
		fmt.Fprintf(errOut, "engage: %s cannot be imported: it is %s, over the %s limit\n  hint: raise the limit with --max-file-size, or max_file_size_mb in .engage.yaml\n",
			opts.Workbook, strategy.SizeText(info.Size()), strategy.SizeText(limit))
		return cmdutil.ErrSilent
	}
	data, err := os.ReadFile(opts.Workbook)
	if err != nil {
		return err
	}
	ret, problems, err := roundtrip.Read(data, xlsx.DefaultLimits)
	var unreadable *roundtrip.Unreadable
	var large *xlsx.TooLargeError
	switch {
	case errors.As(err, &unreadable):
		fmt.Fprintf(errOut, "engage: %s cannot be imported: %s\n", opts.Workbook, unreadable.Reason)
		if unreadable.Hint != "" {
			fmt.Fprintf(errOut, "  hint: %s\n", unreadable.Hint)
		}
		return cmdutil.ErrSilent
	case errors.As(err, &large):
		fmt.Fprintf(errOut, "engage: %s cannot be imported: %s\n", opts.Workbook, large.What)
		return cmdutil.ErrSilent
	case err != nil:
		return err
	}
	// Problems in the cells are reported with those of the plan, all at
	// once, so the workbook needs correcting only once.
	readProblems := problems
	file := opts.File
	switch {
	case file == "" && ret.PropsLost:
		return cmdutil.Usage(fmt.Errorf("%s has lost the properties engage report gave it, which name the strategy it was made from (the program that last saved it dropped them, as some do): name the strategy file, engage import %s STRATEGY", opts.Workbook, opts.Workbook))
	case file == "":
		if file, err = madeFrom(opts.Workbook, ret); err != nil {
			return cmdutil.Usage(err)
		}
	}

	cmdutil.RoomFor(file)
	today := calendar.Day(opts.Now()).Format(time.DateOnly)
	src, err := os.ReadFile(file)
	if err != nil {
		return cmdutil.Usage(fmt.Errorf("cannot read %s: %w", file, errors.Unwrap(err)))
	}
	if int64(len(src)) > limit {
		return cmdutil.Usage(fmt.Errorf("%s is %s, over the %s limit", file, strategy.SizeText(int64(len(src))), strategy.SizeText(limit)))
	}
	plan, problems, err := roundtrip.Build(file, src, ret, today)
	if err != nil {
		return err
	}
	if problems = append(readProblems, problems...); len(problems) > 0 {
		return refuse(errOut, opts.Workbook, problems)
	}
	if !opts.Apply {
		if added := status.Added(statuscmd.Checker(v), file, src, plan.Out); len(added) > 0 {
			fmt.Fprintf(errOut, "engage: %s cannot be imported: its updates would add %s to %s, which it does not have now; nothing is recorded:\n", opts.Workbook, statuscmd.ErrorCount(len(added)), file)
			_ = render.List(errOut, added, "  ")
			return cmdutil.ErrFindings
		}
		show(opts.IO.Out, opts.Workbook, file, plan)
		if len(plan.Changes) == 0 && len(plan.Conflicts) == 0 {
			return nil
		}
		if len(plan.Changes) > 0 {
			fmt.Fprintf(opts.IO.Out, "%s to record: run again with --apply to record %s.\n", updates(len(plan.Changes)), them(len(plan.Changes)))
		}
		return cmdutil.ErrFindings
	}
	if len(plan.Changes) == 0 {
		show(opts.IO.Out, opts.Workbook, file, plan)
		if len(plan.Conflicts) > 0 {
			return cmdutil.ErrFindings
		}
		return nil
	}
	// Planned again if the file read under the lock is not the one
	// planned, so that what is recorded is what the plan says of the file
	// as it is.
	var final *roundtrip.Plan
	err = statuscmd.Apply(opts.Factory, file, func(now []byte) ([]byte, string, error) {
		if bytes.Equal(now, src) {
			final = plan
			return plan.Out, fmt.Sprintf("%s recorded from %s", updates(len(plan.Changes)), opts.Workbook), nil
		}
		p, problems, err := roundtrip.Build(file, now, ret, today)
		if err != nil {
			return nil, "", err
		}
		if len(problems) > 0 {
			return nil, "", &status.Refusal{Message: "the strategy changed while the workbook was being imported", Hint: "run engage import again"}
		}
		final = p
		return p.Out, fmt.Sprintf("%s recorded from %s", updates(len(p.Changes)), opts.Workbook), nil
	})
	if err != nil {
		return err
	}
	show(opts.IO.Out, opts.Workbook, file, final)
	if len(final.Conflicts) > 0 {
		return cmdutil.ErrFindings
	}
	return nil
}

// refuse says why a workbook cannot be imported, a line for each cell.
func refuse(w io.Writer, workbook string, problems []roundtrip.Problem) error {
	fmt.Fprintf(w, "engage: %s cannot be imported, so nothing is recorded (%s):\n", workbook, count(len(problems), "problem"))
	cells := false
	for _, p := range problems {
		if p.Where == "" {
			fmt.Fprintf(w, "  %s: %s\n", workbook, p.Message)
		} else {
			cells = true
			fmt.Fprintf(w, "  %s: %s: %s\n", workbook, p.Where, p.Message)
		}
		if p.Hint != "" {
			fmt.Fprintf(w, "    hint: %s\n", p.Hint)
		}
	}
	if cells {
		fmt.Fprintln(w, "Correct the workbook and run engage import again.")
	}
	return cmdutil.ErrSilent
}

// show writes the plan: the updates, the items changed on both sides with
// both versions, and the rows already recorded.
func show(w io.Writer, workbook, file string, p *roundtrip.Plan) {
	from := "the workbook was made from this file as it is now"
	switch {
	case p.Unknown:
		from = "the workbook no longer says which file it was made from: each row is checked against its " + strconv.Quote(roundtrip.HeadAsMade) + " column"
	case !p.Same:
		from = "the file has changed since the workbook was made"
	}
	fmt.Fprintf(w, "%s → %s (%s)\n", safetext.Terminal(workbook), safetext.Terminal(file), from)
	for _, c := range p.Changes {
		fmt.Fprintf(w, "  %s\n", c.Summary)
	}
	if len(p.Changes) == 0 {
		fmt.Fprintln(w, "  nothing new to record")
	}
	if len(p.Conflicts) > 0 {
		fmt.Fprintf(w, "Not recorded, because %s changed in the strategy since the workbook was made (%d):\n", it(len(p.Conflicts)), len(p.Conflicts))
		for _, c := range p.Conflicts {
			fmt.Fprintf(w, "  %s %s (%s row %d)\n", c.Row.Kind, c.Row.ID, c.Row.Sheet, c.Row.Number)
			fmt.Fprintf(w, "    when the workbook was made: %s\n", c.AsMade)
			fmt.Fprintf(w, "    in the strategy now:        %s\n", c.Now)
			fmt.Fprintf(w, "    the workbook asks:          %s\n", c.Asked)
		}
		fmt.Fprintln(w, "  If an update still stands, record it with engage status set or engage metric record, or make a new workbook.")
	}
	if len(p.Already) > 0 {
		ids := make([]string, len(p.Already))
		for i, r := range p.Already {
			ids[i] = r.ID
		}
		fmt.Fprintf(w, "Already in the strategy, so not recorded again: %s\n", strings.Join(ids, ", "))
	}
}

func updates(n int) string { return count(n, "update") }

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func it(n int) string {
	if n == 1 {
		return "this item"
	}
	return "these items"
}

// madeFrom finds the strategy file a workbook was made from, when the
// command does not name it: by its path from the workbook's folder, which
// workbooks record; else (a workbook moved since, or made before engage
// recorded that path) by the path report was given, from here or from the
// workbook's folder, refusing to choose when both are files. A path is
// followed only where it is relative and leads inside this folder or the
// workbook's: the workbook's properties are anyone's to edit.
func madeFrom(workbook string, ret *roundtrip.Returned) (string, error) {
	dir := filepath.Dir(workbook)
	var tried []string
	found := func(p string) bool {
		if !slices.Contains(tried, p) {
			tried = append(tried, p)
		}
		info, err := os.Stat(p)
		return err == nil && info.Mode().IsRegular() && (inside(p, ".") || inside(p, dir))
	}
	if relative(ret.FromWorkbook) {
		if p := filepath.Join(dir, filepath.FromSlash(ret.FromWorkbook)); found(p) {
			return p, nil
		}
	}
	if relative(ret.Strategy) {
		here, there := filepath.Clean(ret.Strategy), filepath.Join(dir, ret.Strategy)
		hereOK, thereOK := found(here), found(there)
		switch {
		case hereOK && thereOK && !sameFile(here, there):
			return "", fmt.Errorf("%s was made from %q, and both %q and %q are such files: name the one it was made from, engage import %s STRATEGY", workbook, ret.Strategy, here, there, workbook)
		case hereOK:
			return here, nil
		case thereOK:
			return there, nil
		}
	}
	if len(tried) == 0 {
		return "", fmt.Errorf("%s does not say, by a relative path, which strategy it was made from (%q): name the strategy file, engage import %s STRATEGY", workbook, ret.Strategy, workbook)
	}
	quoted := make([]string, len(tried))
	for i, p := range tried {
		quoted[i] = strconv.Quote(p)
	}
	return "", fmt.Errorf("%s was made from %q, which is not at %s (engage looks only inside this folder and the workbook's): name the strategy file, engage import %s STRATEGY", workbook, ret.Strategy, strings.Join(quoted, " or "), workbook)
}

// relative reports a path that names no root, drive or share.
func relative(p string) bool {
	return p != "" && !filepath.IsAbs(p) && !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, `\`) && filepath.VolumeName(p) == ""
}

// inside reports whether path p is in folder dir or below it.
func inside(p, dir string) bool {
	ap, err1 := filepath.Abs(p)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(ad, ap)
	return err == nil && filepath.IsLocal(rel)
}

func sameFile(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}
