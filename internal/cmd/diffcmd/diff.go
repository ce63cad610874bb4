// Package diffcmd is the engage diff command.
package diffcmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/gitrev"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/config"
	"github.com/engage-icb/engage/pkg/diff"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/validate"
)

// Options are diff's flags and arguments.
type Options struct {
	IO               *iostreams.IOStreams
	Factory          *cmdutil.Factory
	Paths            []string
	From, To         string
	Format           string
	FailOnRegression bool
}

// NewCmdDiff returns the diff command.
func NewCmdDiff(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "diff [OLD NEW | FILE --from REV | --from REV [PATH...]]",
		Short: "Show what changed between two versions of a strategy",
		Long: `Compare strategies in their own terms, not line by line: objectives,
milestones, principles and metrics are matched by ID, governance bodies by
name, and strategies in folders by ICB code, so formatting, comments, key
order and list order do not count. engage names what matters: status moves,
dates that slip, objectives removed without being marked dropped, changes of
each national principle's coverage grade, and changes to the period, the next
review and the vision.

  engage diff OLD.yaml NEW.yaml          two files (or two folders)
  engage diff FILE --from REV [--to REV] one file at two git revisions
  engage diff --from REV [--to REV] [PATH...]
                                         every strategy under PATH (default:
                                         .engage.yaml's paths, or ./strategies)

--to defaults to the working tree. Exit status as diff(1): 0 no difference,
1 differences, 2 trouble. With --fail-on-regression, exit 1 only for a
regression: a principle's coverage grade falls, an objective's status moves
backwards or it disappears without being marked dropped, or a milestone
slips past the end of the strategy period.`,
		Example: `  engage diff old/lsc.yaml strategies/lsc.yaml
  engage diff strategies/lsc.yaml --from HEAD~1
  engage diff --from origin/main --fail-on-regression
  engage diff --from v2023 --to v2024 -f markdown > changes.md`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return diffRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "the old version: a git revision (branch, tag, commit, HEAD~1)")
	cmd.Flags().StringVar(&opts.To, "to", "", "the new version: a git revision (default: the working tree)")
	cmdutil.FormatFlag(cmd, &opts.Format, render.Diff, "text", "output format")
	cmd.Flags().BoolVar(&opts.FailOnRegression, "fail-on-regression", false, "exit 1 only when something regressed (for CI)")
	return cmd
}

func diffRun(opts *Options) error {
	format, err := render.Diff.Lookup(opts.Format, cmdutil.Screen(opts.IO))
	if err != nil {
		return cmdutil.Usage(fmt.Errorf("--format: %w", err))
	}
	if opts.To != "" && opts.From == "" {
		return cmdutil.Usage(errors.New("--to needs --from: name the old revision too"))
	}
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	v, err := cmdutil.NewValidator(opts.Factory, cfg, opts.Factory.Now())
	if err != nil {
		return err
	}
	d := &differ{v: v}
	var pairs []diff.Pair
	if opts.From == "" {
		pairs, err = d.paths(opts.Paths)
	} else {
		pairs, err = d.revisions(opts, cfg)
	}
	if d.repo != nil {
		_ = d.repo.Close()
	}
	if err != nil {
		return err
	}
	report := diff.Build(pairs)
	if err := format.Render(opts.IO.Out, report); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if opts.FailOnRegression {
		regs := report.Regressions()
		for _, r := range regs {
			fmt.Fprintf(opts.IO.ErrOut, "engage: regression: %s\n", safetext.Terminal(r))
		}
		if len(regs) > 0 {
			return cmdutil.ErrFindings
		}
		return nil
	}
	if report.Differs() {
		return cmdutil.ErrFindings
	}
	return nil
}

// differ reads the versions to compare, from disk and from git.
type differ struct {
	v    *validate.Validator
	repo *gitrev.Repo
}

// paths compares two files, or two folders by ICB code.
func (d *differ) paths(paths []string) ([]diff.Pair, error) {
	if len(paths) != 2 {
		return nil, cmdutil.Usage(errors.New("give two files (or folders) to compare, or --from REV to compare with git history"))
	}
	var sides [2][]diff.Version
	for i, p := range paths {
		vs, err := d.onDisk([]string{p})
		if err != nil {
			return nil, err
		}
		sides[i] = vs
	}
	if strategy.IsStrategyFile(paths[0]) && strategy.IsStrategyFile(paths[1]) {
		return []diff.Pair{{Old: &sides[0][0], New: &sides[1][0]}}, nil
	}
	return diff.PairByICB(sides[0], sides[1]), nil
}

// revisions compares files at --from with --to (or the working tree).
func (d *differ) revisions(opts *Options, cfg *config.Config) ([]diff.Pair, error) {
	// The repository that holds what is compared (the first path), else
	// the one engage runs in.
	where := "."
	if len(opts.Paths) > 0 {
		where = opts.Paths[0]
		if info, err := os.Stat(where); err != nil || !info.IsDir() {
			where = filepath.Dir(where)
		}
	}
	repo, err := gitrev.Open(where)
	if err != nil {
		return nil, err
	}
	repo.MaxSize = d.v.LoadOptions().Limit()
	d.repo = repo
	from, err := repo.Resolve(opts.From)
	if err != nil {
		return nil, cmdutil.Usage(fmt.Errorf("--from: %w", err))
	}
	var to string
	if opts.To != "" {
		if to, err = repo.Resolve(opts.To); err != nil {
			return nil, cmdutil.Usage(fmt.Errorf("--to: %w", err))
		}
	}
	if len(opts.Paths) == 1 && strategy.IsStrategyFile(opts.Paths[0]) {
		path := opts.Paths[0]
		old, err := d.atRev(from, opts.From, path)
		if err != nil {
			return nil, err
		}
		var new diff.Version
		if to == "" {
			new, err = d.load(path)
		} else {
			new, err = d.atRev(to, opts.To, path)
		}
		if err != nil {
			return nil, err
		}
		return []diff.Pair{{Old: &old, New: &new}}, nil
	}
	paths, _ := cfg.StrategyPaths(opts.Paths)
	olds, err := d.folderAtRev(from, opts.From, paths)
	if err != nil {
		return nil, err
	}
	var news []diff.Version
	if to == "" {
		news, err = d.onDisk(paths)
	} else {
		news, err = d.folderAtRev(to, opts.To, paths)
	}
	if err != nil {
		return nil, err
	}
	return diff.PairByICB(olds, news), nil
}

// onDisk reads every strategy under paths as it is on disk.
func (d *differ) onDisk(paths []string) ([]diff.Version, error) {
	files, err := strategy.Discover(paths)
	if err != nil {
		return nil, err
	}
	var out []diff.Version
	for _, f := range files {
		v, err := d.load(f)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// atRev reads one file at a commit, under the name it had then.
func (d *differ) atRev(commit, rev, path string) (diff.Version, error) {
	rel, err := d.repo.Rel(path)
	if err != nil {
		return diff.Version{}, cmdutil.Usage(err)
	}
	data, then, err := d.repo.FileAt(commit, rel)
	var large *gitrev.TooLargeError
	switch {
	case errors.Is(err, gitrev.ErrNotFound):
		return diff.Version{}, fmt.Errorf("%s is not in revision %s", path, rev)
	case errors.As(err, &large):
		return diff.Version{}, fmt.Errorf("cannot compare %s at %s: %w", path, rev, err)
	case err != nil:
		return diff.Version{}, err
	}
	if then != rel {
		path = d.repo.Display(then)
	}
	return d.version(d.v.Parse(path, data), rev)
}

// folderAtRev reads every strategy under paths at a commit.
func (d *differ) folderAtRev(commit, rev string, paths []string) ([]diff.Version, error) {
	var rels []string
	for _, p := range paths {
		rel, err := d.repo.Rel(p)
		if err != nil {
			return nil, cmdutil.Usage(err)
		}
		rels = append(rels, rel)
	}
	files, err := d.repo.ListFiles(commit, rels)
	if err != nil {
		return nil, err
	}
	var out []diff.Version
	for _, f := range files {
		if !strategy.InScan(f) {
			continue
		}
		data, err := d.repo.ReadFile(commit, f)
		var large *gitrev.TooLargeError
		if errors.As(err, &large) {
			return nil, fmt.Errorf("cannot compare %s at %s: %w", d.repo.Display(f), rev, err)
		}
		if err != nil {
			return nil, err
		}
		v, err := d.version(d.v.Parse(d.repo.Display(f), data), rev)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// load reads a strategy from disk.
func (d *differ) load(path string) (diff.Version, error) {
	doc, err := d.v.Load(path)
	if err != nil {
		return diff.Version{}, err
	}
	return d.version(doc, "")
}

// version is a document as one side of a comparison, or why it cannot be.
func (d *differ) version(doc *strategy.Document, rev string) (diff.Version, error) {
	where := doc.Path
	if rev != "" {
		where += " at " + rev
	}
	if doc.Strategy == nil {
		msg := "it cannot be read as a strategy"
		if len(doc.Problems) > 0 {
			p := doc.Problems[0]
			msg = fmt.Sprintf("line %d:%d: %s", p.Line, p.Column, p.Message)
		}
		return diff.Version{}, fmt.Errorf("cannot compare %s: %s (run engage validate on it)", where, msg)
	}
	fw, id := d.v.Framework(doc.Strategy)
	return diff.Version{Side: diff.Side{File: doc.Path, Rev: rev}, Strategy: doc.Strategy, Framework: fw, FrameworkID: id}, nil
}
