// Package site builds the public website of a set of strategies: one
// value holding every page's content (an index of every ICB with its
// grades and review dates, each ICB's current annual review and the past
// years its git history holds, each national principle across the ICBs,
// and what the grades and statuses mean), which internal/render writes as
// static HTML. The reviews are pkg/report's, so the site says what the
// Markdown and Excel reports say.
package site

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/engage-icb/engage/internal/schema"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/compare"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/report"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/schemas"
)

// Input is one strategy on the site.
type Input struct {
	Path      string
	Strategy  *strategy.Strategy
	Framework *framework.Framework
	// Earlier are the strategy as its git history holds it at the end of
	// earlier financial years (see Years), each reviewed for its year.
	Earlier []Earlier
}

// Earlier is a strategy as it stood at the end of an earlier year.
type Earlier struct {
	Year      calendar.Year
	Rev, Date string // the commit and its date
	Strategy  *strategy.Strategy
	Framework *framework.Framework
}

// Options shape the site.
type Options struct {
	AsOf    time.Time
	Version string
}

// Site is every page's content.
type Site struct {
	AsOf, Version string
	// Comparison is the grades of every ICB, by framework.
	Comparison *compare.Comparison
	ICBs       []*ICB
	Principles []Principle
	Grades     []Meaning
	Statuses   []Meaning
}

// ICB is one strategy's pages.
type ICB struct {
	Page  string // its page, such as "qe1.html"
	Path  string
	Code  string
	Name  string
	Label string // short name, or code
	// ReviewOverdue: the strategy's next review date has passed.
	ReviewOverdue bool
	Current       *report.Report
	Past          []Past
}

// Past is the review of an earlier year, from the strategy as git history
// holds it at that year's end.
type Past struct {
	Page      string
	Year      string
	Rev, Date string
	Report    *report.Report
}

// Principle is one national principle (or area) across the ICBs on its
// framework.
type Principle struct {
	Page      string
	Framework compare.FrameworkRef
	Number    int
	Label     string
	Text      string
	Entries   []Entry
}

// Entry is how one ICB answers a principle, in its current review.
type Entry struct {
	ICB     *ICB
	Grade   coverage.Grade
	Rating  string // a self-assessment's latest rating, else ""
	Section report.Section
}

// Meaning is a grade or status and what it means.
type Meaning struct {
	Name, Text string
	Grade      coverage.Grade // for a grade
}

// Years are the financial year a strategy's current review is for (the
// latest, not after the as-of date's, in which it has objectives,
// milestones or activities; else the as-of date's), and the earlier years
// it has work in, newest first: the years whose end git history may hold.
func Years(s *strategy.Strategy, asOf time.Time) (current calendar.Year, earlier []calendar.Year) {
	now := calendar.YearOf(asOf)
	has := map[int]bool{}
	mark := func(first, last time.Time) {
		for y := calendar.YearOf(first); !y.First().After(last) && y.Start <= now.Start; y.Start++ {
			has[y.Start] = true
		}
	}
	for _, o := range s.Objectives {
		if sp, err := calendar.ParseSpan(o.Year.From, o.Year.To); err == nil {
			mark(sp.First(), sp.Last())
		}
	}
	for _, m := range s.Roadmap {
		f, err1 := calendar.ParseWhen(m.From)
		l, err2 := calendar.ParseWhen(m.To)
		if err1 == nil && err2 == nil {
			mark(f.First, l.Last)
		}
	}
	for _, a := range s.Activities {
		if r, err := calendar.ParseWhen(a.Dates); err == nil {
			mark(r.First, r.Last)
		}
	}
	current = now
	for y := now; y.Start >= now.Start-50; y.Start-- {
		if has[y.Start] {
			current = y
			break
		}
	}
	for y := current; y.Start > current.Start-50; {
		y.Start--
		if has[y.Start] {
			earlier = append(earlier, y)
		}
	}
	return current, earlier
}

// Build assembles the site.
func Build(inputs []Input, o Options) *Site {
	st := &Site{AsOf: calendar.Day(o.AsOf).Format(time.DateOnly), Version: o.Version}
	var cmpIn []compare.Input
	pages := map[string]int{}
	byPath := map[string]*ICB{}
	for _, in := range inputs {
		s := in.Strategy
		year, _ := Years(s, o.AsOf)
		slug := page(s.ICB.Code, in.Path, pages)
		icb := &ICB{Page: slug + ".html", Path: in.Path, Code: s.ICB.Code, Name: cmp.Or(s.ICB.Name, s.Name()), Label: s.Name(),
			Current: report.Build(in.Path, s, in.Framework, report.Options{Year: year, AsOf: o.AsOf, Version: o.Version})}
		for _, e := range in.Earlier {
			icb.Past = append(icb.Past, Past{
				Page: fmt.Sprintf("%s-%d-%02d.html", slug, e.Year.Start, (e.Year.Start+1)%100),
				Year: e.Year.String(), Rev: e.Rev, Date: e.Date,
				Report: report.Build(in.Path, e.Strategy, e.Framework, report.Options{Year: e.Year, AsOf: e.Year.Last(), Version: o.Version}),
			})
		}
		st.ICBs = append(st.ICBs, icb)
		byPath[in.Path] = icb
		if in.Framework != nil {
			cmpIn = append(cmpIn, compare.Input{Path: in.Path, Strategy: s, Framework: in.Framework})
		}
	}
	st.Comparison = compare.Build(cmpIn, o.AsOf)
	for _, b := range st.Comparison.Blocks {
		for _, c := range b.ICBs {
			byPath[c.File].ReviewOverdue = c.ReviewOverdue
			byPath[c.File].Label = c.Label()
		}
		for i, p := range b.Principles {
			pr := Principle{Page: fmt.Sprintf("%s-%s-%d.html", b.Framework.ID, b.Framework.Noun, p.Number), Framework: b.Framework, Number: p.Number, Label: p.Label}
			for _, c := range b.ICBs {
				icb := byPath[c.File]
				e := Entry{ICB: icb, Grade: c.Grades[i]}
				if c.Ratings != nil {
					e.Rating = c.Ratings[i]
				}
				for _, sec := range icb.Current.Principles {
					if sec.Number == p.Number {
						e.Section = sec
						pr.Text = sec.Text
					}
				}
				pr.Entries = append(pr.Entries, e)
			}
			st.Principles = append(st.Principles, pr)
		}
	}
	for _, g := range coverage.Grades {
		st.Grades = append(st.Grades, Meaning{Name: g.String(), Text: g.Meaning(), Grade: g})
	}
	st.Statuses = statusMeanings()
	return st
}

// page is a page name for an ICB: its code, lower case, or the file's
// name; a second strategy for the same ICB gets "-2".
func page(code, path string, seen map[string]int) string {
	slug := strings.ToLower(code)
	if slug == "" {
		slug = strings.TrimSuffix(path[strings.LastIndexAny(path, `/\`)+1:], ".yaml")
	}
	slug = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, slug)
	if slug == "" || slug == "index" || slug == "grades" {
		slug = "icb-" + slug
	}
	seen[slug]++
	if n := seen[slug]; n > 1 {
		slug = fmt.Sprintf("%s-%d", slug, n)
	}
	return slug
}

// statusMeanings are the statuses with what the file format says each
// means (the schema's descriptions, which editors show too).
func statusMeanings() []Meaning {
	var node *schema.Node
	if s, err := schema.Compile(schemas.StrategySchema); err == nil {
		node = s.At("/objectives/0/status")
	}
	var out []Meaning
	for _, st := range strategy.Statuses {
		m := Meaning{Name: st}
		if node != nil {
			m.Text = node.EnumDescription(st)
		}
		out = append(out, m)
	}
	return out
}
