package render

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/diff"
	"github.com/engage-icb/engage/pkg/report"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// ReportHTML writes an annual review as one web page in the NHS.UK design
// system, for the public: the same content as the Markdown report, its
// stylesheet inside the page, so it needs nothing else and makes no
// request elsewhere. It works without JavaScript and prints on A4.
type ReportHTML struct{}

// Render writes the page.
func (ReportHTML) Render(w io.Writer, r *report.Report) error {
	return writePage(w, "report", Page{
		Title: r.Title(), Version: r.Version, CSS: inlineCSS(),
		Content: NewReview(r, nil),
	})
}

// inlineCSS is the stylesheets for a page's <style>, where @charset has
// no place.
func inlineCSS() template.CSS {
	return template.CSS(strings.ReplaceAll(string(stylesheet()), "@charset \"UTF-8\";\n", "")) //nolint:gosec // G203: engage's own stylesheet
}

// Review is an annual review as a page shows it.
type Review struct {
	R     *report.Report
	Chart *Chart
	// Covers are the rows of "What this report covers".
	Covers []Cover
	// Unlinked: something answers no national principle.
	Unlinked bool
	// Years link to the reviews of other years (on a site).
	Years []Crumb
}

// Cover is one row of what a report covers.
type Cover struct{ Key, Value string }

// NewReview lays a report out for a page; years link to other years'
// reviews.
func NewReview(r *report.Report, years []Crumb) *Review {
	v := &Review{R: r, Chart: htmlTimeline(r), Years: years}
	u := r.Unlinked
	v.Unlinked = len(u.Local)+len(u.Objectives)+len(u.Milestones) > 0
	row := func(k, val string) {
		if val != "" {
			v.Covers = append(v.Covers, Cover{k, val})
		}
	}
	row("ICB", r.ICB.Name+" ("+r.ICB.Code+")")
	if p := r.ICB.Population; p != nil {
		row("Population served", strategy.Amount(p.Value, p.Qualifier, "people"))
	}
	row("Strategy", r.Meta.Title+" ("+r.Meta.State+")")
	if r.Meta.Period != nil {
		row("Strategy period", r.Meta.Period.String())
	}
	row("Versions", r.Meta.History())
	row("Financial year reported", r.Year)
	row("Report as of", r.AsOf)
	row("Source last updated", calendar.Display(r.Meta.Updated))
	row("Next review", calendar.Display(r.Meta.NextReview))
	if len(r.Themes) > 0 {
		var themes []string
		for _, t := range r.Themes {
			themes = append(themes, t.Title)
		}
		row("Themes", strings.Join(themes, "; "))
	}
	if r.Framework != nil {
		row("National framework", r.Framework.Title+" ("+r.Framework.ID+")")
	}
	return v
}

// The templates' small views.
type (
	itemsView struct {
		Title string
		Items []status.Item
		Note  string // a sentence after the heading
	}
	rowsView struct {
		Caption string
		Rows    []report.Row
	}
	localView struct {
		P     strategy.Principle
		Theme string
	}
	valueView struct {
		V    *status.Value
		Unit string
	}
)

func init() {
	htmlFuncs["items"] = func(title string, items []status.Item) itemsView { return itemsView{Title: title, Items: items} }
	htmlFuncs["itemsNoted"] = func(title, note string, items []status.Item) itemsView {
		return itemsView{Title: title, Items: items, Note: note}
	}
	htmlFuncs["rows"] = func(_ *report.Report, caption string, rows []report.Row) rowsView { return rowsView{caption, rows} }
	htmlFuncs["local"] = func(r *report.Report, p strategy.Principle) localView { return localView{p, r.Theme(p.Theme)} }
	htmlFuncs["val"] = func(v *status.Value, unit string) valueView { return valueView{v, unit} }
	htmlFuncs["changeDetail"] = changeDetail
	htmlFuncs["topAttention"] = func(r *report.Report) attentionView {
		top, more := r.TopAttention()
		return attentionView{top, more}
	}
	htmlFuncs["statusKey"] = func() []report.Key { return report.StatusKey }
	htmlFuncs["gradeKey"] = func() []gradeKeyView {
		out := make([]gradeKeyView, len(report.GradeKey))
		for i, k := range report.GradeKey {
			out[i] = gradeKeyView{coverage.Grades[i], k.Meaning}
		}
		return out
	}
	htmlFuncs["serves"] = principlesOf
	// A chart's label is the start of a title: the tables have it whole.
	htmlFuncs["label"] = func(title string) string { return report.Short(title, 70) }
}

type (
	// attentionView is the summary's items needing attention first, and
	// how many more there are.
	attentionView struct {
		Items []status.Item
		More  int
	}
	gradeKeyView struct {
		Grade   coverage.Grade
		Meaning string
	}
)

// changeDetail writes what changed in one item, as the Markdown report
// does.
func changeDetail(c diff.Change) string {
	var detail []string
	for _, f := range c.Fields {
		d := fmt.Sprintf("%s: %s → %s", f.Name, safetext.OrNone(f.Old), safetext.OrNone(f.New))
		if f.Note != "" {
			d += " (" + f.Note + ")"
		}
		detail = append(detail, d)
	}
	if c.Regression != "" {
		detail = append(detail, "regression: "+c.Regression)
	}
	return strings.Join(detail, "; ")
}
