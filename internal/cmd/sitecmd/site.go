// Package sitecmd is the engage site command.
package sitecmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/gitrev"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/site"
	"github.com/engage-icb/engage/pkg/validate"
)

// Marker is the file in a site's folder that lists the files engage wrote
// there, so a later run may replace and tidy them and nothing else.
const Marker = ".engage-site"

// Options are site's flags and arguments.
type Options struct {
	IO      *iostreams.IOStreams
	Factory *cmdutil.Factory
	Paths   []string
	AsOf    string
	Output  string
	NoGit   bool
}

// NewCmdSite returns the site command.
func NewCmdSite(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f}
	cmd := &cobra.Command{
		Use:   "site [PATH...] -o DIR",
		Short: "Write an accessible static website of every ICB's annual review",
		Long: `Write a static website of the strategies, for the public, in the NHS.UK
design system: an index (what the site is, every ICB with its coverage
grades as a table, and its review dates), a page per ICB with its current
annual review (the same content as engage report's), a page for each
earlier year whose end the strategy's git history holds, a page per
national principle across the ICBs, and a page saying what the grades and
statuses mean.

Pages link to each other by relative address, so the folder works opened
from disk, on GitHub Pages or on any web server. They make no request
elsewhere (the stylesheets are in DIR/assets/), need no JavaScript, meet
WCAG 2.2 AA (make test checks them with axe-core, Pa11y and the Nu HTML
Checker in a real browser) and print on A4.

An ICB's current review is of the latest financial year, up to the one
--as-of falls in, in which its strategy has objectives, milestones or
activities. A past year's review is built from the strategy as it was in
the last commit on or before that year's end (31 March); --no-git leaves
past years out.

PATH may be files or folders; with none, ./strategies is read. A file that
does not match the file format is left out, with its errors, and engage
exits 1 after writing the rest. DIR must be new, empty, or a site engage
wrote before (it keeps a list of its files in DIR/` + Marker + `); engage
replaces only its own files there, and removes those it wrote before that
the site no longer has.`,
		Example: `  engage site strategies/ -o site
  engage site strategies/ -o public --as-of 2026-03-31`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return siteRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "the date to build the site as of, YYYY-MM-DD (default today)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "the folder to write the site into (required)")
	cmd.Flags().BoolVar(&opts.NoGit, "no-git", false, "do not read git history for past years' reviews")
	return cmd
}

func siteRun(opts *Options) error {
	if opts.Output == "" {
		return cmdutil.Usage(errors.New("-o is required: the folder to write the site into, such as -o site"))
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
	previous, err := ownFiles(opts.Output)
	if err != nil {
		return err
	}
	v, err := cmdutil.NewValidator(opts.Factory, cfg, asOf)
	if err != nil {
		return err
	}
	readable, readErr := cmdutil.ReadStrategies(opts.IO.ErrOut, v, files, "is left out of the site")
	if len(readable) == 0 {
		// A site of nothing would replace a published one with empty pages.
		fmt.Fprintf(opts.IO.ErrOut, "engage: no strategy could be read, so no site is written (%s is as it was)\n", opts.Output)
		return cmdutil.ErrSilent
	}
	// Two files for one ICB (a copy made beside the strategy) would be
	// published as two strategies: say so.
	byCode := map[string][]string{}
	var codes []string
	for _, r := range readable {
		// A self-assessment beside the ICB's strategy is another
		// document, not a copy.
		code := r.Doc.Strategy.ICB.Code
		if code == "" {
			continue
		}
		code += " " + r.Doc.Strategy.Kind()
		if byCode[code] == nil {
			codes = append(codes, code)
		}
		byCode[code] = append(byCode[code], safetext.Terminal(r.Path))
	}
	for _, code := range codes {
		if paths := byCode[code]; len(paths) > 1 {
			fmt.Fprintf(opts.IO.ErrOut, "engage: warning: %s are %s ICB %s's %s, and the site has a page for each, as if they were different ICBs\n  hint: keep only the current strategy in the folder (git keeps the earlier ones, and the site shows their years' reviews)\n",
				safetext.And(paths), map[bool]string{true: "both", false: "all"}[len(paths) == 2], safetext.Terminal(strings.Fields(code)[0]), strings.Fields(code)[1])
		}
	}
	repos := map[string]*gitrev.Repo{}
	defer func() {
		for _, r := range repos {
			if r != nil {
				_ = r.Close()
			}
		}
	}()
	var inputs []site.Input
	for _, r := range readable {
		in := site.Input{Path: r.Path, Strategy: r.Doc.Strategy, Framework: r.Framework}
		if !opts.NoGit {
			in.Earlier = earlier(v, repos, r.Path, in, asOf, func(why string) {
				fmt.Fprintf(opts.IO.ErrOut, "engage: %s: %s\n", safetext.Terminal(r.Path), why)
			})
		}
		inputs = append(inputs, in)
	}
	s := site.Build(inputs, site.Options{AsOf: asOf, Version: opts.Factory.Version})
	pages, err := render.SiteHTML(s)
	if err != nil {
		return err
	}
	if err := write(opts.Output, pages, previous, files); err != nil {
		return err
	}
	strategies := fmt.Sprintf("%d strategies", len(s.ICBs))
	if len(s.ICBs) == 1 {
		strategies = "1 strategy"
	}
	fmt.Fprintf(opts.IO.ErrOut, "Wrote %s: %d pages for %s as of %s; open %s\n", opts.Output, countPages(pages), strategies, s.AsOf, filepath.Join(opts.Output, "index.html"))
	return readErr
}

// writeWhole writes a file through a temporary file beside it, renamed
// into place.
func writeWhole(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(tmp.Name()) }()
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil { //nolint:gosec // G302: a website others read
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func countPages(files []render.Asset) int {
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f.Name, ".html") {
			n++
		}
	}
	return n
}

// earlier reads a strategy as its git history holds it at the end of each
// earlier year it has work in. A file outside git, or a year before its
// first commit, has none. A year left out for another reason (the version
// then cannot be read; the clone is shallow, so the history is not here)
// is told to leftOut, so that a public site never loses a year unsaid.
func earlier(v *validate.Validator, repos map[string]*gitrev.Repo, path string, in site.Input, asOf time.Time, leftOut func(string)) []site.Earlier {
	_, years := site.Years(in.Strategy, asOf)
	if len(years) == 0 {
		return nil
	}
	dir := filepath.Dir(path)
	repo, seen := repos[dir]
	if !seen {
		repo, _ = gitrev.Open(dir)
		repos[dir] = repo
	}
	if repo == nil {
		return nil
	}
	rel, err := repo.Rel(path)
	if err != nil {
		return nil
	}
	commits, err := repo.Mainline(rel)
	if err != nil {
		return nil
	}
	var out []site.Earlier
	var before []string // years no commit reaches
	for _, y := range years {
		end := y.Last().AddDate(0, 0, 1)
		found := false
		for _, c := range commits { // newest first
			when, err := time.Parse(time.RFC3339, c.Date)
			if err != nil || !when.Before(end) || c.Blob == "" {
				continue
			}
			found = true
			short := c.Hash[:min(7, len(c.Hash))]
			data, err := repo.ReadFile(c.Hash, c.Path)
			if err != nil {
				leftOut(fmt.Sprintf("the %s review is left out: its version (commit %s) cannot be read from git: %v", y, short, err))
				break
			}
			doc := v.Parse(path, data)
			if doc.Strategy == nil || len(v.Blocking(doc)) > 0 {
				leftOut(fmt.Sprintf("the %s review is left out: the file as committed then (commit %s, %s) has errors; engage validate on that version says what", y, short, calendar.Day(when).Format(time.DateOnly)))
				break
			}
			fw, _ := v.Framework(doc.Strategy)
			out = append(out, site.Earlier{Year: y, Rev: c.Hash, Date: calendar.Day(when).Format(time.DateOnly), Strategy: doc.Strategy, Framework: fw})
			break
		}
		if !found {
			before = append(before, y.String())
		}
	}
	if len(before) > 0 && repo.Shallow() {
		leftOut(fmt.Sprintf("the %s reviews are left out: this is a shallow clone, so the history they come from is not here; check out the whole history (fetch-depth: 0 in actions/checkout, or git fetch --unshallow)", strings.Join(before, ", ")))
	}
	return out
}

// ownFiles checks the site's folder may be written (new, empty, or a site
// engage wrote) and returns the files engage wrote there before.
func ownFiles(dir string) ([]string, error) {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, cmdutil.Usage(fmt.Errorf("-o %s is a file: the site is a folder; name a new or empty folder", dir))
	}
	marker, err := os.ReadFile(filepath.Join(dir, Marker))
	if errors.Is(err, fs.ErrNotExist) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		if len(entries) > 0 {
			return nil, cmdutil.Usage(fmt.Errorf("-o %s is a folder engage did not write (it has no %s file) and is not empty: name a new or empty folder, so nothing in it is replaced", dir, Marker))
		}
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, line := range strings.Split(string(marker), "\n") {
		if name := strings.TrimSpace(line); name != "" && !strings.HasPrefix(name, "#") && filepath.IsLocal(name) {
			names = append(names, name)
		}
	}
	return names, nil
}

// write writes the site's files, each whole or not at all, then the list
// of them, then removes the files an earlier run wrote that this one did
// not. A page is written to a temporary file beside it and renamed into
// place, so a reader never sees half a page; pages are not flushed to
// disk one by one (two flushes a file cost over a second for the 42
// ICBs' site here, and the site can always be rebuilt): the list, written
// last, is (atomicfile.Write).
func write(dir string, files []render.Asset, previous, inputs []string) error {
	if err := checkTargets(dir, files, previous); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "assets"), 0o755); err != nil { //nolint:gosec // G301: a website others read
		return err
	}
	var names []string
	for _, f := range files {
		if err := writeWhole(filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data); err != nil {
			return err
		}
		names = append(names, f.Name)
	}
	list := "# The files engage site wrote here; engage replaces and removes only these.\n" + strings.Join(names, "\n") + "\n"
	if err := atomicfile.Write(filepath.Join(dir, Marker), []byte(list), 0o644); err != nil {
		return err
	}
	for _, old := range previous {
		if slices.Contains(names, old) || linkOnTheWay(dir, old) != "" || !siteFile(old) {
			continue
		}
		// Only a file (or a link, itself) engage wrote: never a folder,
		// never through a link to elsewhere, never a strategy it read.
		p := filepath.Join(dir, filepath.FromSlash(old))
		if _, in := cmdutil.IsInput(p, inputs); in {
			continue
		}
		if info, err := os.Lstat(p); err != nil || info.IsDir() {
			continue
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// siteFile reports whether a name in the list of engage's files is one
// engage site writes: a page, or a file under assets/. Any other name (a
// hand-edited or damaged list naming a strategy) is never removed.
func siteFile(name string) bool {
	if path.Clean(name) != name || strings.HasPrefix(name, "../") || strings.Contains(name, "/../") {
		return false // assets/../notes.yaml is not under assets/
	}
	return strings.HasSuffix(strings.ToLower(name), ".html") || strings.HasPrefix(name, "assets/")
}

// checkTargets refuses to write the site where it would write through a
// link in the folder (to files elsewhere), replace the list of engage's
// files through a link, or replace a file engage did not write there.
func checkTargets(dir string, files []render.Asset, previous []string) error {
	if info, err := os.Lstat(filepath.Join(dir, Marker)); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return cmdutil.Usage(fmt.Errorf("%s is a link: engage does not write through links in the site's folder; remove it, or name a new folder", filepath.Join(dir, Marker)))
	}
	for _, f := range files {
		if link := linkOnTheWay(dir, f.Name); link != "" {
			return cmdutil.Usage(fmt.Errorf("%s is a link: engage does not write through links in the site's folder, which could lead anywhere; remove it, or name a new folder", link))
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		info, err := os.Lstat(p)
		switch {
		case err != nil:
			continue
		case info.IsDir():
			return cmdutil.Usage(fmt.Errorf("%s is a folder where engage writes a page; move it, or name a new folder", p))
		case !slices.Contains(previous, f.Name):
			return cmdutil.Usage(fmt.Errorf("%s is not a file engage wrote (it is not in %s), and the site has a page of that name; move it, or name a new folder, so nothing of yours is replaced", p, Marker))
		}
	}
	return nil
}

// linkOnTheWay is the first folder between dir and the file rel names
// (slash-separated) that is a link, or "".
func linkOnTheWay(dir, rel string) string {
	parts := strings.Split(rel, "/")
	p := dir
	for _, part := range parts[:len(parts)-1] {
		p = filepath.Join(p, part)
		if info, err := os.Lstat(p); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			return p
		}
	}
	return ""
}
