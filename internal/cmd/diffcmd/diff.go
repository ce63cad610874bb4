// Package diff is the engage diff command.
package diffcmd

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/gitrev"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/style"
	"github.com/engage-icb/engage/pkg/config"
	"github.com/engage-icb/engage/pkg/diff"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
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
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: "+strings.Join(render.DiffFormatNames(), ", "))
	cmd.Flags().BoolVar(&opts.FailOnRegression, "fail-on-regression", false, "exit 1 only when something regressed (for CI)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.DiffFormatNames(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func diffRun(opts *Options) error {
	format, err := render.LookupDiff(opts.Format, render.Options{Theme: style.For(opts.IO), Terminal: opts.IO.IsStdoutTTY()})
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
	fws, err := framework.Builtin()
	if err != nil {
		return err
	}
	d := &differ{fws: fws, cfg: cfg}
	var report *diff.Report
	if opts.From == "" {
		report, err = d.paths(opts.Paths)
	} else {
		report, err = d.revisions(opts, cfg)
	}
	if d.repo != nil {
		_ = d.repo.Close()
	}
	if err != nil {
		return err
	}
	if err := format.Render(opts.IO.Out, report); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if opts.FailOnRegression {
		regs := report.Regressions()
		for _, r := range regs {
			fmt.Fprintf(opts.IO.ErrOut, "engage: regression: %s\n", r)
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

type differ struct {
	fws  *framework.Set
	cfg  *config.Config
	repo *gitrev.Repo
}

// version is one strategy as read from one side.
type version struct {
	side diff.Side
	s    *strategy.Strategy
}

// paths compares two files, or two folders by ICB code.
func (d *differ) paths(paths []string) (*diff.Report, error) {
	if len(paths) != 2 {
		return nil, cmdutil.Usage(errors.New("give two files (or folders) to compare, or --from REV to compare with git history"))
	}
	var sides [2][]version
	for i, p := range paths {
		files, err := strategy.Discover([]string{p})
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			v, err := d.load(f, "", nil)
			if err != nil {
				return nil, err
			}
			sides[i] = append(sides[i], v)
		}
	}
	if isFile(paths[0]) && isFile(paths[1]) {
		return d.report(pairOne(sides[0][0], sides[1][0])), nil
	}
	return d.report(pairByICB(sides[0], sides[1])), nil
}

// revisions compares files at --from with --to (or the working tree).
func (d *differ) revisions(opts *Options, cfg *config.Config) (*diff.Report, error) {
	repo, err := gitrev.Open(".")
	if err != nil {
		return nil, err
	}
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
		var new version
		if to == "" {
			new, err = d.load(path, "", nil)
		} else {
			new, err = d.atRev(to, opts.To, path)
		}
		if err != nil {
			return nil, err
		}
		return d.report(pairOne(old, new)), nil
	}
	paths := opts.Paths
	if len(paths) == 0 {
		if cfg != nil && len(cfg.Paths) > 0 {
			paths = cfg.Paths
		} else {
			paths = []string{cmdutil.DefaultPath}
		}
	}
	olds, err := d.folderAtRev(from, opts.From, paths)
	if err != nil {
		return nil, err
	}
	var news []version
	if to == "" {
		files, err := strategy.Discover(paths)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			v, err := d.load(f, "", nil)
			if err != nil {
				return nil, err
			}
			news = append(news, v)
		}
	} else if news, err = d.folderAtRev(to, opts.To, paths); err != nil {
		return nil, err
	}
	return d.report(pairByICB(olds, news)), nil
}

// atRev reads one file at a commit.
func (d *differ) atRev(commit, rev, path string) (version, error) {
	rel, err := d.repo.Rel(path)
	if err != nil {
		return version{}, cmdutil.Usage(err)
	}
	data, err := d.repo.ReadFile(commit, rel)
	if errors.Is(err, gitrev.ErrNotFound) {
		// Renamed since? Read it under the name it had then.
		then, perr := d.repo.PathAt(commit, rel)
		if perr != nil {
			return version{}, fmt.Errorf("%s is not in revision %s", path, rev)
		}
		if data, err = d.repo.ReadFile(commit, then); err == nil {
			path = d.display(then)
		}
	}
	if err != nil {
		return version{}, err
	}
	return d.load(path, rev, data)
}

// folderAtRev reads every strategy under paths at a commit.
func (d *differ) folderAtRev(commit, rev string, paths []string) ([]version, error) {
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
	var out []version
	for _, f := range files {
		if !strategy.IsStrategyFile(f) || hidden(f) {
			continue
		}
		data, err := d.repo.ReadFile(commit, f)
		if err != nil {
			return nil, err
		}
		v, err := d.load(d.display(f), rev, data)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// display turns a path relative to the repository's top into one relative
// to the working directory, for messages.
func (d *differ) display(rel string) string {
	p, err := filepath.Rel(".", filepath.Join(d.repo.Top, filepath.FromSlash(rel)))
	if err != nil || !filepath.IsLocal(p) {
		return rel
	}
	return p
}

// load reads a strategy from disk (data nil) or from data.
func (d *differ) load(path, rev string, data []byte) (version, error) {
	var doc *strategy.Document
	var err error
	if data == nil {
		if doc, err = strategy.Load(path); err != nil {
			return version{}, err
		}
	} else {
		doc = strategy.Parse(path, data)
	}
	where := path
	if rev != "" {
		where += " at " + rev
	}
	if doc.Strategy == nil {
		msg := "it cannot be read as a strategy"
		if len(doc.Problems) > 0 {
			p := doc.Problems[0]
			msg = fmt.Sprintf("line %d:%d: %s", p.Line, p.Column, p.Message)
		}
		return version{}, fmt.Errorf("cannot compare %s: %s (run engage validate on it)", where, msg)
	}
	return version{side: diff.Side{File: path, Rev: rev}, s: doc.Strategy}, nil
}

type pair struct{ old, new *version }

func pairOne(old, new version) []pair { return []pair{{&old, &new}} }

// pairByICB matches strategies by ICB code (by file when a code is missing
// or repeated).
func pairByICB(olds, news []version) []pair {
	key := func(vs []version) (map[string]*version, []string) {
		m := map[string]*version{}
		var order []string
		for i := range vs {
			k := vs[i].s.ICB.Code
			if _, dup := m[k]; k == "" || dup {
				k = "file:" + vs[i].side.File
			}
			m[k] = &vs[i]
			order = append(order, k)
		}
		return m, order
	}
	oldBy, oldOrder := key(olds)
	newBy, newOrder := key(news)
	var out []pair
	for _, k := range newOrder {
		out = append(out, pair{oldBy[k], newBy[k]})
	}
	for _, k := range oldOrder {
		if newBy[k] == nil {
			out = append(out, pair{oldBy[k], nil})
		}
	}
	return out
}

func (d *differ) report(pairs []pair) *diff.Report {
	r := &diff.Report{Comparisons: []diff.Comparison{}}
	for _, p := range pairs {
		switch {
		case p.old == nil:
			r.Added = append(r.Added, diff.Strategy{Code: p.new.s.ICB.Code, Name: p.new.s.Name(), Side: p.new.side})
		case p.new == nil:
			r.Removed = append(r.Removed, diff.Strategy{Code: p.old.s.ICB.Code, Name: p.old.s.Name(), Side: p.old.side})
		default:
			c := diff.Compare(p.old.s, p.new.s, d.framework(p.old.s), d.framework(p.new.s))
			c.Old, c.New = p.old.side, p.new.side
			r.Comparisons = append(r.Comparisons, c)
		}
	}
	sort.SliceStable(r.Comparisons, func(i, j int) bool { return r.Comparisons[i].New.File < r.Comparisons[j].New.File })
	return r
}

func (d *differ) framework(s *strategy.Strategy) *framework.Framework {
	id := s.FrameworkID()
	if s.Framework == "" && d.cfg != nil && d.cfg.Framework != "" {
		id = d.cfg.Framework
	}
	fw, _ := d.fws.Get(id)
	return fw
}

func isFile(p string) bool { return strategy.IsStrategyFile(p) }

func hidden(path string) bool {
	for _, part := range strings.Split(path, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}
