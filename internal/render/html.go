package render

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/report"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// The web pages engage writes (the HTML report and the site) share one
// layout, in the NHS.UK design system: nhsuk-frontend's compiled
// stylesheet (MIT; `make nhsuk-css` refreshes it from npm), engage's own
// few rules beside it (the roadmap chart, print), and templates. Every
// value from a strategy reaches the page through html/template as text;
// links are made only to http and https addresses.
//
//go:embed assets/nhsuk-frontend.min.css assets/engage.css assets/LICENSE-nhsuk-frontend.txt
var assets embed.FS

//go:embed templates/*.tmpl
var templates embed.FS

// NHSUKFrontendVersion is the version of nhsuk-frontend whose stylesheet
// engage embeds (the Makefile's NHSUK_FRONTEND_VERSION).
const NHSUKFrontendVersion = "10.6.1"

// Asset is a file the site's pages share, in its assets/ folder.
type Asset struct {
	Name string
	Data []byte
}

// Assets are the stylesheets and the nhsuk-frontend licence, for a site's
// assets/ folder.
func Assets() []Asset {
	var out []Asset
	for _, name := range []string{"nhsuk-frontend.min.css", "engage.css", "LICENSE-nhsuk-frontend.txt"} {
		data, err := assets.ReadFile("assets/" + name)
		if err != nil {
			panic(err) // embedded at build time
		}
		out = append(out, Asset{Name: name, Data: data})
	}
	return out
}

// stylesheet is both stylesheets, for a page that carries its own.
var stylesheet = sync.OnceValue(func() template.CSS {
	var b strings.Builder
	for _, a := range Assets() {
		if strings.HasSuffix(a.Name, ".css") {
			b.Write(a.Data)
			b.WriteByte('\n')
		}
	}
	return template.CSS(b.String()) //nolint:gosec // G203: engage's own embedded stylesheet, not strategy text
})

// pageSets are the parsed templates, one set per kind of page, each with
// the layout.
var pageSets = sync.OnceValues(func() (map[string]*template.Template, error) {
	base, err := template.New("layout.tmpl").Funcs(htmlFuncs).ParseFS(templates, "templates/layout.tmpl", "templates/review.tmpl")
	if err != nil {
		return nil, err
	}
	sets := map[string]*template.Template{}
	for _, name := range []string{"report", "icb", "index", "principle", "grades", "past"} {
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(templates, "templates/"+name+".tmpl")
		}
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		sets[name] = t
	}
	return sets, nil
})

// Page is what the layout needs around a page's content.
type Page struct {
	Title       string
	Version     string
	Home        string // the site's index, "" for a page on its own
	Breadcrumbs []Crumb
	// CSS is the stylesheet written into the page; Stylesheets, when CSS
	// is empty, are the relative addresses of the shared ones.
	CSS         template.CSS
	Stylesheets []string
	Licence     string // where the nhsuk-frontend licence is, "" when it is in the page's stylesheet
	Frontend    string // nhsuk-frontend's version
	Content     any
}

// Crumb is one step of a page's breadcrumbs.
type Crumb struct{ Text, Href string }

// writePage writes a page of a kind with its content.
func writePage(w io.Writer, kind string, p Page) error {
	sets, err := pageSets()
	if err != nil {
		return err
	}
	p.Frontend = NHSUKFrontendVersion
	return sets[kind].ExecuteTemplate(w, "layout.tmpl", p)
}

// Segment is a piece of text, or a link when URL is set.
type Segment struct{ Text, URL string }

// prose splits text into plain pieces and links to the http and https
// addresses in it (as the Markdown report links them).
func prose(s string) []Segment {
	s = safetext.Shown(s)
	var out []Segment
	for s != "" {
		at := urlStart(s)
		if at < 0 {
			out = append(out, Segment{Text: s})
			break
		}
		if at > 0 {
			out = append(out, Segment{Text: s[:at]})
		}
		n := urlLen(s[at:])
		addr := s[at : at+n]
		if u, ok := safetext.WebLink(addr); ok {
			out = append(out, Segment{Text: addr, URL: u})
		} else {
			out = append(out, Segment{Text: addr})
		}
		s = s[at+n:]
	}
	return out
}

// Tag is a status or grade as an NHS.UK tag: its word, and a colour that
// is never the only sign.
type Tag struct{ Text, Colour string }

// statusColours are the NHS BRAG colours of the statuses, as tags.
var statusColours = map[string]string{
	strategy.Done: "blue", strategy.InProgress: "green", strategy.AtRisk: "orange",
	strategy.OffTrack: "red", strategy.Planned: "aqua-green", strategy.NotReported: "white", strategy.Dropped: "grey",
}

// gradeColours run from red (missing) to blue (measured).
var gradeColours = map[coverage.Grade]string{
	coverage.Missing: "red", coverage.Stated: "orange", coverage.Planned: "yellow",
	coverage.Delivering: "aqua-green", coverage.Evidenced: "green", coverage.Measured: "blue",
}

func statusTag(s string) Tag {
	c, ok := statusColours[s]
	if !ok {
		c = "white"
	}
	return Tag{Text: s, Colour: c}
}

func gradeTag(g coverage.Grade) Tag { return Tag{Text: g.String(), Colour: gradeColours[g]} }

// percent writes a share of a width for the chart: "12.5".
func percent(v float64) string {
	return fmt.Sprintf("%.2f", math.Max(0, math.Min(100, v)))
}

var htmlFuncs = template.FuncMap{
	"prose":   prose,
	"text":    safetext.Shown,
	"weblink": func(s string) string { u, _ := safetext.WebLink(s); return u },
	"status":  statusTag,
	"grade":   gradeTag,
	"display": calendar.Display,
	"span":    calendar.DisplaySpan,
	"when":    whenText,
	"outcome": func(o strategy.Outcome) string {
		return strings.TrimPrefix(strings.TrimSuffix(outcomeWhen(o), ")"), " (")
	},
	"join":      strings.Join,
	"found":     report.Found,
	"sentence":  sentence,
	"statuses":  func() []string { return strategy.Statuses },
	"count":     func(c status.Counts, s string) int { return c[s] },
	"due":       dueLine,
	"figure":    func(f *strategy.Figure) string { return f.String() },
	"amount":    func(f *strategy.Figure, unit string) string { return strategy.Amount(f.Value, f.Qualifier, unit) },
	"value":     htmlValue,
	"version":   func(v strategy.Version) string { v.Source = ""; return versionLine(v) },
	"figures":   keyFigures,
	"yearDone":  yearChanges,
	"add":       func(a, b int) int { return a + b },
	"plural":    plural,
	"hasPrefix": strings.HasPrefix,
	"words":     strategy.Words,
}

// htmlValue writes a metric value as its source states it: "around 4,000
// people (2024-03)"; the note follows separately.
func htmlValue(v *status.Value, unit string) string {
	s := strategy.Amount(v.Value, v.Qualifier, unit)
	if v.Date != "" {
		s += " (" + calendar.Display(v.Date) + ")"
	}
	return s
}

// Chart is the roadmap drawn across the year: the months, and a bar for
// each item placed by its days.
type Chart struct {
	Months []string
	Bars   []ChartBar
}

// ChartBar is one bar: where it starts and how wide it is, as shares of
// the year, and whether it runs on before or after the year.
type ChartBar struct {
	report.Bar
	Left, Width         string
	Before, After       bool
	FirstText, LastText string
}

// htmlTimeline lays the report's roadmap out across its financial year.
func htmlTimeline(r *report.Report) *Chart {
	first, last, ok := r.YearRange()
	bars := r.Timeline()
	if !ok || len(bars) == 0 {
		return nil
	}
	end := last.AddDate(0, 0, 1)
	days := end.Sub(first).Hours() / 24
	c := &Chart{}
	for m := first; m.Before(end); m = m.AddDate(0, 1, 0) {
		c.Months = append(c.Months, m.Format("Jan"))
	}
	for _, b := range bars {
		from, to := b.First, b.Last.AddDate(0, 0, 1)
		cb := ChartBar{Bar: b, Before: from.Before(first), After: to.After(end),
			FirstText: b.First.Format(time.DateOnly), LastText: b.Last.Format(time.DateOnly)}
		from, to = maxTime(from, first), minTime(to, end)
		if b.CarriedOver && !to.After(from) {
			// Due before the year: it runs on from the year's start to
			// the day the report is as of, or to when it was finished
			// or dropped in the year (it was drawn as running all year).
			if asOf, err := calendar.ParseDate(r.AsOf); err == nil {
				from, to = first, minTime(asOf.AddDate(0, 0, 1), end)
				if ended, ok := endedOn(b.Row); ok {
					// Finished before the year (in its review for a
					// note in it): no bar; the tables list it.
					to = minTime(to, ended)
				}
				cb.Before = true
			}
		}
		if !to.After(from) {
			continue
		}
		cb.Left = percent(from.Sub(first).Hours() / 24 / days * 100)
		cb.Width = percent(to.Sub(from).Hours() / 24 / days * 100)
		c.Bars = append(c.Bars, cb)
	}
	return c
}

// endedOn is the day after an item finished or was dropped: the last day
// of the latest update that set the status it has, when that is done or
// dropped.
func endedOn(row report.Row) (time.Time, bool) {
	if row.Status != strategy.Done && row.Status != strategy.Dropped {
		return time.Time{}, false
	}
	var ended time.Time
	found := false
	for _, u := range row.Log {
		if w, err := calendar.ParseWhen(u.Date); err == nil && u.Status == row.Status {
			ended, found = w.Last.AddDate(0, 0, 1), true
		}
	}
	return ended, found
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// htmlFact is one key figure of a review's summary: a label and a sentence.
type htmlFact struct{ Key, Value string }

// keyFigures are the figures a board reads first, as the Markdown's
// summary gives them, in words (a screen reader reads a status symbol as
// its character's name, so the page has none).
func keyFigures(r *report.Report) []htmlFact {
	sum := r.Summary
	words := func(c status.Counts) string {
		var parts []string
		for _, s := range strategy.Statuses {
			if c[s] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", c[s], s))
			}
		}
		return strings.Join(parts, ", ")
	}
	in := func(c status.Counts, note string) string {
		s := fmt.Sprintf("%d in %s%s", c.Total(), r.Year, note)
		if by := words(c); by != "" {
			s += ": " + by
		}
		return s
	}
	facts := []htmlFact{
		{"Objectives", in(sum.Objectives, carriedOver(sum, r.Year)) + ". " + dueDone(sum.Due, sum.DueDone, r.AsOf)},
		{"Milestones", in(sum.Milestones, "") + "."},
	}
	total := sum.Objectives.Total() + sum.Milestones.Total()
	if total == 0 {
		facts = append(facts, htmlFact{"Overdue", "none: the year has no objectives or milestones."})
	} else {
		facts = append(facts, htmlFact{"Overdue", fmt.Sprintf("%s of the year's %d objectives and milestones (due before %s, not done or dropped).", countOrNone(sum.Overdue), total, r.AsOf)})
	}
	facts = append(facts, htmlFact{"At risk or off track", countOrNone(sum.Troubled) + "."})
	switch {
	case r.Ratings != nil:
		facts = append(facts, htmlFact{"National " + r.Noun() + "s", r.RatingsSummary() + "."})
	case r.Framework != nil:
		var grades []string
		for _, g := range sum.Grades {
			grades = append(grades, fmt.Sprintf("%d %s", g.Count, g.Grade))
		}
		facts = append(facts, htmlFact{"National " + r.Noun() + "s", fmt.Sprintf("%d of %d answered; %s (strongest first).",
			len(r.Coverage.Principles)-missing(r), len(r.Coverage.Principles), strings.Join(grades, ", "))})
	}
	if sum.Activities == 0 {
		facts = append(facts, htmlFact{"You said, we did", "no engagement activity recorded in " + r.Year + "."})
	} else {
		facts = append(facts, htmlFact{"You said, we did", activitiesLine(sum, r.Year)})
	}
	if sum.Metrics == 0 {
		facts = append(facts, htmlFact{"Metrics", "none set."})
	} else {
		facts = append(facts, htmlFact{"Metrics", fmt.Sprintf("%d, %s with a value recorded since its baseline.", sum.Metrics, countOrNone(sum.Measured))})
	}
	return facts
}

// yearChanges says what changed during the reported year, as the
// Markdown's "What changed" does.
func yearChanges(r *report.Report) []string {
	sum := r.Summary
	var out []string
	for _, v := range sum.Year.Versions {
		out = append(out, "The strategy, "+calendar.Display(v.Date)+": "+v.Title+".")
	}
	if total := sum.Objectives.Total() + sum.Milestones.Total(); total > 0 {
		out = append(out, fmt.Sprintf("%s of the year's %d objectives and milestones %s an update dated in %s; %s recorded done in it.",
			capitalise(countOrNone(sum.Year.Updated)), total, hasHave(sum.Year.Updated), r.Year, countOrNone(sum.Year.Done)))
	}
	return out
}
