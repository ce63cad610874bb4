// Package report builds the annual review report of a strategy for a
// financial year: one value holding everything a board, a committee or the
// public reads, so that every format engage writes it in (Markdown, Excel)
// has the same content.
package report

import (
	"time"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/diff"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Report is the annual review of one strategy for one financial year.
type Report struct {
	File      string
	Year      string
	AsOf      string
	Version   string // engage's version, recorded in the output
	ICB       strategy.ICB
	Name      string
	Meta      strategy.Meta
	Kind      string
	Vision    string
	Framework *framework.Framework
	Coverage  coverage.Report
	// Board is the year's delivery: counts, overdue, at risk, metrics.
	Board       *status.Board
	Principles  []Section
	Roadmap     []Row
	Governance  []strategy.Body
	Assessments []strategy.Assessment
	// Since and Changes are set with --since: the revision compared with,
	// and what changed.
	Since   string
	Changes *diff.Comparison
}

// Section is one national principle: how the strategy answers it this year.
type Section struct {
	Number     int
	Label      string
	Text       string
	Grade      coverage.Grade
	Local      []strategy.Principle
	Objectives []Row
	Milestones []Row
}

// Row is an objective or milestone as the report shows it.
type Row struct {
	Kind       string
	ID         string
	Title      string
	Status     string
	Year       string // objectives: the financial year(s)
	From, To   string // milestones
	Due        string
	Owner      string
	LatestDate string
	LatestNote string
	Evidence   string // the latest evidence link
	National   []int
}

// Options shape a report.
type Options struct {
	Year    calendar.Year
	AsOf    time.Time
	Version string
}

// Build assembles the report of a strategy for a financial year.
func Build(path string, s *strategy.Strategy, fw *framework.Framework, o Options) *Report {
	year := o.Year
	r := &Report{
		File: path, Year: year.String(), AsOf: calendar.Day(o.AsOf).Format(time.DateOnly), Version: o.Version,
		ICB: s.ICB, Name: s.Name(), Meta: s.Meta, Kind: s.Kind(), Vision: s.Vision, Framework: fw,
		Governance: s.Governance, Assessments: s.SelfAssessments,
	}
	r.Board = status.Of(path, s, fw, status.Options{AsOf: o.AsOf, Year: &year, StaleMonths: 6})
	if fw == nil {
		return r
	}
	r.Coverage = coverage.Of(s, fw)
	objectives := map[string]Row{}
	for _, ob := range s.Objectives {
		span, err := calendar.ParseSpan(ob.Year.From, ob.Year.To)
		if err != nil || year.Start < span.From.Start || year.Start > span.To.Start {
			continue
		}
		row := Row{Kind: "objective", ID: ob.ID, Title: ob.Title, Status: ob.Status, Year: ob.Year.String(), Due: ob.Due, Owner: ob.Owner, National: ob.National}
		if row.Due == "" {
			row.Due = span.Last().Format(time.DateOnly)
		}
		latest(&row, ob.Updates)
		objectives[ob.ID] = row
	}
	milestones := map[string]Row{}
	for _, m := range s.Roadmap {
		from, err1 := calendar.ParseMonthOrDate(m.From)
		to, err2 := calendar.ParseMonthOrDate(m.To)
		if err1 != nil || err2 != nil || to.Last.Before(year.First()) || from.First.After(year.Last()) {
			continue
		}
		row := Row{Kind: "milestone", ID: m.ID, Title: m.Title, Status: m.Status, From: m.From, To: m.To, Due: m.To}
		latest(&row, m.Updates)
		milestones[m.ID] = row
		r.Roadmap = append(r.Roadmap, row)
	}
	local := map[string]strategy.Principle{}
	for _, p := range s.Principles {
		if _, dup := local[p.ID]; !dup {
			local[p.ID] = p
		}
	}
	for _, p := range r.Coverage.Principles {
		sec := Section{Number: p.Number, Label: p.Label, Text: p.Text, Grade: p.Grade}
		for _, sup := range p.Supports {
			switch sup.Kind {
			case "principle":
				sec.Local = append(sec.Local, local[sup.ID])
			case "objective":
				if row, ok := objectives[sup.ID]; ok {
					sec.Objectives = append(sec.Objectives, row)
				}
			case "milestone":
				if row, ok := milestones[sup.ID]; ok {
					sec.Milestones = append(sec.Milestones, row)
				}
			}
		}
		r.Principles = append(r.Principles, sec)
	}
	return r
}

// latest fills in a row's latest update, note and evidence.
func latest(row *Row, updates []strategy.Update) {
	for i := len(updates) - 1; i >= 0; i-- {
		u := updates[i]
		if row.LatestDate == "" {
			row.LatestDate = u.Date
		}
		if row.LatestNote == "" && u.Note != "" {
			row.LatestNote = u.Note
		}
		if row.Evidence == "" && u.Evidence != "" {
			row.Evidence = u.Evidence
		}
	}
}

// Title is the report's title.
func (r *Report) Title() string {
	return r.Name + ": working with people and communities, annual review " + r.Year
}

// Noun is what the report's framework calls its items: principle, area.
func (r *Report) Noun() string {
	if r.Framework == nil {
		return "principle"
	}
	return r.Framework.Noun()
}

// Objectives are the year's objectives, each once, in the order the
// national principles list them (an objective may deliver several).
func (r *Report) Objectives() []Row {
	var out []Row
	seen := map[string]bool{}
	for _, p := range r.Principles {
		for _, o := range p.Objectives {
			if !seen[o.ID] {
				seen[o.ID] = true
				out = append(out, o)
			}
		}
	}
	return out
}
