// Package report builds the annual review report of a strategy for a
// financial year: one value holding everything a board, a committee or the
// public reads, so that every format engage writes it in (Markdown, Excel)
// has the same content.
package report

import (
	"slices"
	"strconv"
	"strings"
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
	File string
	// FromOutput is File's path from the folder the report is written to,
	// slash-separated, when it is written to a file: a workbook keeps it,
	// so that engage import finds the strategy from wherever it is run.
	FromOutput string
	Year       string
	AsOf       string
	// AsOfYearEnd says the report is as of the year's last day because
	// the year had ended and no other date was given.
	AsOfYearEnd bool
	Version     string // engage's version, recorded in the output
	// Fingerprint is the SHA-256, in hex, of the strategy file's bytes,
	// when the caller read them: a workbook keeps it, so that engage import
	// can tell whether the file has changed since.
	Fingerprint string
	ICB         strategy.ICB
	Name        string
	Meta        strategy.Meta
	Kind        string
	Vision      string
	Framework   *framework.Framework
	Coverage    coverage.Report
	// Summary is the key figures, for the front of the report.
	Summary Summary
	// Board is the year's delivery: counts, overdue, at risk, metrics.
	Board *status.Board
	// Gaps are the framework's principles nothing answers (missing) or
	// only a local principle states (nothing delivers them); Unknowns say
	// what the strategy's sources leave unsaid.
	Gaps     []Gap
	Unknowns []string
	// Ratings are, for a self-assessment, the rating it recorded for each
	// of the framework's principles, in order ("" where none is): a
	// self-assessment is judged by what it found, not by coverage, so it
	// has no Gaps. Nil for a strategy.
	Ratings []Rating
	Themes  []strategy.Theme
	// Principles are the national principles with the year's work on each;
	// Unlinked holds the local principles, objectives and milestones that
	// answer none, so that nothing the file holds is dropped.
	Principles []Section
	Unlinked   Section
	Roadmap    []Row
	// Metrics are every metric the strategy sets, with all its values
	// (baseline, actuals in order, target), for charts over time.
	Metrics []strategy.Metric
	// Recorded is the strategy as the file holds it, all it records: the
	// review is of it as it stood on the as-of day (status.AsOn), but a
	// workbook's as-made column is taken from Recorded, so that import
	// compares each row with the file as it was when the workbook was
	// made (a past year's workbook refused every item changed since).
	Recorded *strategy.Strategy
	// Sections group the year's objectives and milestones for the
	// roadmap chart, each item in one section.
	Sections []RoadmapSection
	// Activities are the engagement activities that took place in the
	// year: "you said, we did".
	Activities  []strategy.Activity
	Governance  []strategy.Body
	Assessments []strategy.Assessment
	// Since and Changes are set with --since: the revision compared with,
	// and what changed.
	Since   string
	Changes *diff.Comparison

	objectives []Row
	local      []strategy.Principle
}

// Gap is a national principle the strategy does not answer (Missing) or
// only states (Stated: nothing delivers it).
type Gap struct {
	Number int
	Label  string
	Text   string
	Grade  coverage.Grade
}

// Rating is a self-assessment's rating of one principle of its framework.
type Rating struct {
	Number int
	Label  string
	Rating string // "" when the self-assessment records none
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
	// Metrics (any year) and the year's Activities that serve the
	// principle: with the objectives and milestones, everything behind
	// its grade.
	Metrics    []strategy.Metric
	Activities []strategy.Activity
}

// Row is an objective or milestone as the report shows it.
type Row struct {
	Kind   string
	ID     string
	Title  string
	Status string
	Year   string // objectives: the financial year(s)
	// CarriedOver says an objective set for an earlier year is in the
	// year's review because it is not finished, or was updated in the
	// year (status.InYear).
	CarriedOver bool
	From, To    string // milestones
	Due         string
	Owner       string
	LatestDate  string
	LatestNote  string
	// Log is its delivery log, as the file has it.
	Log      []strategy.Update
	Evidence string // the latest evidence link
	// National are the national principles it answers, however it is
	// linked to them (directly, or through local principles or objectives).
	National []int
}

// Options shape a report.
type Options struct {
	Year    calendar.Year
	AsOf    time.Time
	Version string
	// AsOfYearEnd: AsOf is the year's last day because the year has ended
	// (see AsOf).
	AsOfYearEnd bool
	// FeedbackMonths is how long after an activity ends its outcome may go
	// unrecorded (status.DefaultFeedbackMonths when 0).
	FeedbackMonths int
}

// Build assembles the report of a strategy for a financial year.
func Build(path string, s *strategy.Strategy, fw *framework.Framework, o Options) *Report {
	year := o.Year
	// The year as the file's own record stood on the as-of day: what it
	// records since is not in the review (status.AsOn).
	recorded := s
	s = status.AsOn(s, o.AsOf)
	r := &Report{Recorded: recorded,
		File: path, Year: year.String(), AsOf: calendar.Day(o.AsOf).Format(time.DateOnly), AsOfYearEnd: o.AsOfYearEnd, Version: o.Version,
		ICB: s.ICB, Name: s.Name(), Meta: s.Meta, Kind: s.Kind(), Vision: s.Vision, Framework: fw,
		Themes: s.Themes, Governance: s.Governance, Assessments: s.SelfAssessments, local: s.Principles, Metrics: s.Metrics,
	}
	r.Board = status.Of(path, s, fw, status.Options{AsOf: o.AsOf, Year: &year, StaleMonths: 6, FeedbackMonths: o.FeedbackMonths})
	r.Unknowns = unknowns(s)
	r.Activities = activitiesIn(s.Activities, year)
	var objectives []Row
	for _, ob := range s.Objectives {
		in, carried := status.InYear(ob, year, calendar.Day(o.AsOf))
		if !in {
			continue
		}
		span, _ := calendar.ParseSpan(ob.Year.From, ob.Year.To)
		row := Row{Kind: "objective", ID: ob.ID, Title: ob.Title, Status: ob.Status, Year: ob.Year.String(), CarriedOver: carried, Due: ob.Due, Owner: ob.Owner}
		if row.Due == "" {
			row.Due = span.Last().Format(time.DateOnly)
		}
		latest(&row, ob.Updates)
		objectives = append(objectives, row)
	}
	var milestones []Row
	for _, m := range s.Roadmap {
		from, err1 := calendar.ParseWhen(m.From)
		to, err2 := calendar.ParseWhen(m.To)
		if err1 != nil || err2 != nil || to.Last.Before(year.First()) || from.First.After(year.Last()) {
			continue
		}
		row := Row{Kind: "milestone", ID: m.ID, Title: m.Title, Status: m.Status, From: m.From, To: m.To, Due: m.To}
		latest(&row, m.Updates)
		milestones = append(milestones, row)
	}
	if fw != nil {
		r.Coverage = coverage.Of(s, fw)
		link(r, s, objectives, milestones)
		for _, p := range r.Coverage.Principles {
			switch {
			case s.Kind() == strategy.KindSelfAssessment:
				r.Ratings = append(r.Ratings, Rating{Number: p.Number, Label: p.Label, Rating: s.Rating(p.Number)})
			case p.Grade <= coverage.Stated:
				r.Gaps = append(r.Gaps, Gap{Number: p.Number, Label: p.Label, Text: p.Text, Grade: p.Grade})
			}
		}
	}
	// Every local principle, objective and milestone the file holds for
	// the year is in a section; those that answer no national principle
	// are in Unlinked.
	r.Unlinked = Section{Label: "Linked to no national principle"}
	for _, p := range s.Principles {
		if len(p.National) == 0 {
			r.Unlinked.Local = append(r.Unlinked.Local, p)
		}
	}
	for i := range objectives {
		if len(objectives[i].National) == 0 {
			r.Unlinked.Objectives = append(r.Unlinked.Objectives, objectives[i])
		}
	}
	for i := range milestones {
		if len(milestones[i].National) == 0 {
			r.Unlinked.Milestones = append(r.Unlinked.Milestones, milestones[i])
		}
	}
	r.objectives = objectives
	r.Roadmap = milestones
	r.Sections = r.sections(s, objectives, milestones)
	r.summarise(s, year)
	return r
}

// link puts each of the year's objectives and milestones, and each local
// principle, under every national principle it answers, and records those
// numbers on its row.
func link(r *Report, s *strategy.Strategy, objectives, milestones []Row) {
	index := func(rows []Row) map[string]*Row {
		m := map[string]*Row{}
		for i := range rows {
			if _, dup := m[rows[i].ID]; !dup {
				m[rows[i].ID] = &rows[i]
			}
		}
		return m
	}
	byObjective, byMilestone := index(objectives), index(milestones)
	for _, p := range r.Coverage.Principles {
		for _, sup := range p.Answering() {
			var row *Row
			switch sup.Kind {
			case "objective":
				row = byObjective[sup.ID]
			case "milestone":
				row = byMilestone[sup.ID]
			}
			if row != nil && !slices.Contains(row.National, p.Number) {
				row.National = append(row.National, p.Number)
			}
		}
	}
	local := map[string]strategy.Principle{}
	for _, p := range r.local {
		if _, dup := local[p.ID]; !dup {
			local[p.ID] = p
		}
	}
	metrics := map[string]strategy.Metric{}
	for _, m := range s.Metrics {
		if _, dup := metrics[m.ID]; !dup {
			metrics[m.ID] = m
		}
	}
	activities := map[string]strategy.Activity{} // the year's
	for _, a := range r.Activities {
		if _, dup := activities[a.ID]; !dup {
			activities[a.ID] = a
		}
	}
	for _, p := range r.Coverage.Principles {
		sec := Section{Number: p.Number, Label: p.Label, Text: p.Text, Grade: p.Grade}
		for _, sup := range p.Supports {
			switch sup.Kind {
			case "principle":
				sec.Local = append(sec.Local, local[sup.ID])
			case "objective":
				if row, ok := byObjective[sup.ID]; ok {
					sec.Objectives = append(sec.Objectives, *row)
				}
			case "milestone":
				if row, ok := byMilestone[sup.ID]; ok {
					sec.Milestones = append(sec.Milestones, *row)
				}
			case "metric":
				if m, ok := metrics[sup.ID]; ok && !slices.ContainsFunc(sec.Metrics, func(x strategy.Metric) bool { return x.ID == m.ID }) {
					sec.Metrics = append(sec.Metrics, m)
				}
			case "activity":
				if a, ok := activities[sup.ID]; ok && !slices.ContainsFunc(sec.Activities, func(x strategy.Activity) bool { return x.ID == a.ID }) {
					sec.Activities = append(sec.Activities, a)
				}
			}
		}
		r.Principles = append(r.Principles, sec)
	}
	// The sections were filled before every row knew all its numbers.
	for i := range r.Principles {
		for j := range r.Principles[i].Objectives {
			r.Principles[i].Objectives[j].National = byObjective[r.Principles[i].Objectives[j].ID].National
		}
		for j := range r.Principles[i].Milestones {
			r.Principles[i].Milestones[j].National = byMilestone[r.Principles[i].Milestones[j].ID].National
		}
	}
}

// NoGaps is the sentence for a strategy without gaps, in every format.
func (r *Report) NoGaps() string {
	if r.Ratings != nil {
		return "None shown: a self-assessment is judged by what it found, not by how much of it answers each national " + r.Noun() + ". Its ratings: " + r.RatingCounts() + "; see Self-assessments."
	}
	return "None: every national " + r.Noun() + " is answered, and an objective, milestone, metric or activity serves each."
}

// Found is what a self-assessment round found for a principle, in one
// text for a table's cell: its summary, then its strengths and what it
// would improve, each list as the file gives it ("Strengths: a; b. To
// improve: c.").
func Found(f strategy.Finding) string {
	parts := []string{strings.TrimSpace(f.Summary)}
	list := func(label string, items []string) {
		var kept []string
		for _, it := range items {
			if it = strings.TrimSpace(it); it != "" {
				kept = append(kept, strings.TrimSuffix(it, "."))
			}
		}
		if len(kept) > 0 {
			parts = append(parts, label+": "+strings.Join(kept, "; ")+".")
		}
	}
	list("Strengths", f.Strengths)
	list("To improve", f.Improvements)
	return strings.TrimSpace(strings.Join(parts, " "))
}

// RecordedItem is the objective, milestone or metric of an ID as the file
// holds it (see Recorded): a *strategy.Objective, *strategy.Milestone or
// *strategy.Metric, the first with the ID; nil when there is none.
func (r *Report) RecordedItem(kind, id string) any {
	if r.Recorded == nil {
		return nil
	}
	switch kind {
	case "objective":
		for i := range r.Recorded.Objectives {
			if r.Recorded.Objectives[i].ID == id {
				return &r.Recorded.Objectives[i]
			}
		}
	case "milestone":
		for i := range r.Recorded.Roadmap {
			if r.Recorded.Roadmap[i].ID == id {
				return &r.Recorded.Roadmap[i]
			}
		}
	case "metric":
		for i := range r.Recorded.Metrics {
			if r.Recorded.Metrics[i].ID == id {
				return &r.Recorded.Metrics[i]
			}
		}
	}
	return nil
}

// RatingOf is a self-assessment's rating of a principle, "not reported"
// when it records none.
func (r *Report) RatingOf(number int) string {
	for _, x := range r.Ratings {
		if x.Number == number && x.Rating != "" {
			return x.Rating
		}
	}
	return "not reported"
}

// RatingsSummary is a self-assessment's line in the summary: "a
// self-assessment, shown by the rating it recorded for each, not graded
// by coverage: 9 not reported (its source gives none)".
func (r *Report) RatingsSummary() string {
	return "a self-assessment, shown by the rating it recorded for each, not graded by coverage: " + r.RatingCounts()
}

// RatingCounts counts a self-assessment's ratings, in the order they first
// come: "2 Good, 7 not reported (its source gives none)".
func (r *Report) RatingCounts() string {
	var order []string
	n := map[string]int{}
	for _, x := range r.Ratings {
		if n[x.Rating] == 0 {
			order = append(order, x.Rating)
		}
		n[x.Rating]++
	}
	var parts []string
	for _, k := range order {
		if k == "" {
			parts = append(parts, strconv.Itoa(n[k])+" not reported (its source gives none)")
		} else {
			parts = append(parts, strconv.Itoa(n[k])+" "+k)
		}
	}
	return strings.Join(parts, ", ")
}

// unknowns says what the strategy's sources leave unsaid.
func unknowns(s *strategy.Strategy) []string {
	var out []string
	if p := s.Meta.Period; p != nil && !p.Known() {
		out = append(out, "The strategy period is "+p.String()+".")
	}
	for _, p := range s.Principles {
		if strategy.IsUnknown(p.Text) {
			out = append(out, "The source names principle "+p.ID+" but does not give its words.")
		}
	}
	return out
}

// activitiesIn are the activities whose dates fall in the year (or cannot
// be read, so they are not lost).
func activitiesIn(all []strategy.Activity, y calendar.Year) []strategy.Activity {
	var out []strategy.Activity
	year := calendar.Range{First: y.First(), Last: y.Last()}
	for _, a := range all {
		if r, err := calendar.ParseWhen(a.Dates); err != nil || r.Overlaps(year) {
			out = append(out, a)
		}
	}
	return out
}

// latest fills in a row's latest update, note and evidence.
func latest(row *Row, updates []strategy.Update) {
	row.Log = updates
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

// Objectives are the year's objectives, each once, in the file's order.
func (r *Report) Objectives() []Row { return r.objectives }

// Theme returns the title of the theme with an ID, or "" when there is none.
func (r *Report) Theme(id string) string {
	for _, t := range r.Themes {
		if t.ID == id {
			return t.Title
		}
	}
	return ""
}
