// Package status is delivery tracking: the dashboard of where a strategy's
// objectives, milestones and metrics stand, and the safe in-place updates
// that record progress.
package status

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Options shape a dashboard.
type Options struct {
	// AsOf is "today".
	AsOf time.Time
	// Year limits the dashboard to one financial year's objectives and
	// milestones, and sets the window for milestones; nil for all years
	// (the window is then AsOf's financial year).
	Year *calendar.Year
	// StaleMonths is how long without an update makes an item stale.
	StaleMonths int
	// FeedbackMonths is how long after an engagement activity ends its
	// outcome may go unrecorded before the activity is awaiting feedback;
	// 0 for DefaultFeedbackMonths.
	FeedbackMonths int
}

// DefaultFeedbackMonths is how long after an activity ends engage expects
// what changed to be fed back, unless configured.
const DefaultFeedbackMonths = 3

// Percent is part of whole as a whole percentage, rounded half up: 2 of 3
// is 67%, 1 of 8 is 13%.
func Percent(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return (part*200 + whole) / (whole * 2)
}

// RoundPercent rounds a percentage half up to a whole one.
func RoundPercent(p float64) int { return int(math.Floor(p + 0.5)) }

// Counts is how many items have each status.
type Counts map[string]int

// Total is the number of items counted.
func (c Counts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

func newCounts() Counts {
	c := Counts{}
	for _, s := range strategy.Statuses {
		c[s] = 0
	}
	return c
}

// Group is the status counts of one year or one national principle.
type Group struct {
	Key    string `json:"key"`
	Label  string `json:"label,omitempty"`
	Counts Counts `json:"counts"`
}

// Item is an objective or milestone the dashboard points out.
type Item struct {
	Kind       string `json:"kind"`
	ID         string `json:"id"`
	Title      string `json:"title"`
	Status     string `json:"status"`
	Due        string `json:"due,omitempty"`
	From       string `json:"from,omitempty"` // milestones
	LastUpdate string `json:"lastUpdate,omitempty"`
	Note       string `json:"note,omitempty"` // the latest note
	// CarriedFrom is the year an objective was set for, when a dashboard
	// of a later year carries it over (see InYear).
	CarriedFrom string `json:"carriedOverFrom,omitempty"`
}

// Value is a metric value as its source states it, and when it was
// measured.
type Value struct {
	Value     float64 `json:"value"`
	Qualifier string  `json:"qualifier,omitempty"`
	Date      string  `json:"date,omitempty"`
	Note      string  `json:"note,omitempty"`
}

// Activity is an engagement activity the dashboard points out.
type Activity struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Dates string `json:"dates"`
	// Ended is the last day the activity's dates stand for; empty when
	// its dates are unknown.
	Ended string `json:"ended"`
	// WhatChanged: the activity records what changed as a result.
	WhatChanged bool `json:"whatChangedRecorded"`
}

// Metric is where a metric stands.
type Metric struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Unit     string `json:"unit,omitempty"`
	Baseline *Value `json:"baseline,omitempty"`
	Target   *Value `json:"target,omitempty"`
	Latest   *Value `json:"latest,omitempty"`
	// Progress is how far the latest value has moved from the baseline
	// towards the target, in percent; nil when it cannot be said.
	Progress *float64 `json:"progress,omitempty"`
	// ProgressApproximate says a value it is worked out from is
	// approximate in its source ("about 300", "over 120").
	ProgressApproximate bool `json:"progressApproximate,omitempty"`
}

// ProgressText is the progress in words: "27% of the way", "about 27% of
// the way" when a value behind it is approximate, "" when not known.
func (m Metric) ProgressText() string {
	if m.Progress == nil {
		return ""
	}
	about := ""
	if m.ProgressApproximate {
		about = "about "
	}
	return fmt.Sprintf("%s%d%% of the way", about, RoundPercent(*m.Progress))
}

// Board is one strategy's delivery dashboard.
type Board struct {
	File string `json:"file"`
	Code string `json:"icb"`
	Name string `json:"name"`
	AsOf string `json:"asOf"`
	// NextReview is when the strategy says it will next be reviewed, as
	// it writes it; ReviewOverdue that the date has passed.
	NextReview    string `json:"nextReview,omitempty"`
	ReviewOverdue bool   `json:"reviewOverdue"`
	Year          string `json:"year,omitempty"`
	Window        string `json:"window"`
	StaleMonths   int    `json:"staleMonths"`
	Objectives    Counts `json:"objectives"`
	// CarriedOver is how many of Objectives a dashboard of one year
	// carries over from earlier years (see InYear).
	CarriedOver int     `json:"carriedOver"`
	Milestones  Counts  `json:"milestones"`
	ByYear      []Group `json:"byYear"`
	ByPrinciple []Group `json:"byPrinciple"`
	// ByTheme groups objectives and milestones by the themes of the local
	// principles they deliver, when the strategy has themes.
	ByTheme []Group `json:"byTheme,omitempty"`
	// Due is how many objectives are due by AsOf (not dropped); DueDone
	// how many of those are done.
	Due     int `json:"due"`
	DueDone int `json:"dueDone"`
	// Overdue is the most overdue first: by the last day each was due,
	// then in file order.
	Overdue  []Item   `json:"overdue"`
	Troubled []Item   `json:"atRiskOrOffTrack"`
	Stale    []Item   `json:"stale"`
	InWindow []Item   `json:"milestonesInWindow"`
	Metrics  []Metric `json:"metrics"`
	// Activities counts the engagement activities recorded, and
	// WithOutcome those that record what changed; AwaitingFeedback are
	// those that ended over FeedbackMonths ago with nothing recorded.
	Activities       int        `json:"activities"`
	WithOutcome      int        `json:"activitiesWithOutcome"`
	FeedbackMonths   int        `json:"feedbackMonths"`
	AwaitingFeedback []Activity `json:"awaitingFeedback"`
	// Items is every objective and milestone in scope, and ActivityItems
	// every activity, in file order: the dashboard's lists point some
	// out, these leave none out.
	Items         []Item     `json:"items"`
	ActivityItems []Activity `json:"activityItems"`
}

// Of computes the dashboard of a strategy; fw (may be nil) groups by
// national principle.
func Of(path string, s *strategy.Strategy, fw *framework.Framework, o Options) *Board {
	asOf := calendar.Day(o.AsOf)
	s = AsOn(s, asOf)
	window := calendar.YearOf(asOf)
	if o.Year != nil {
		window = *o.Year
	}
	if o.FeedbackMonths <= 0 {
		o.FeedbackMonths = DefaultFeedbackMonths
	}
	b := &Board{File: path, Code: s.ICB.Code, Name: s.Name(), AsOf: asOf.Format(time.DateOnly),
		Window: window.String(), StaleMonths: o.StaleMonths, Objectives: newCounts(), Milestones: newCounts(),
		ByYear: []Group{}, ByPrinciple: []Group{}, Overdue: []Item{}, Troubled: []Item{}, Stale: []Item{}, InWindow: []Item{}, Metrics: []Metric{},
		FeedbackMonths: o.FeedbackMonths, AwaitingFeedback: []Activity{}, Items: []Item{}, ActivityItems: []Activity{}}
	if o.Year != nil {
		b.Year = o.Year.String()
	}
	b.NextReview, b.ReviewOverdue = s.Meta.NextReview, calendar.Passed(s.Meta.NextReview, asOf)
	staleBefore := asOf.AddDate(0, -o.StaleMonths, 0)
	years := map[string]Counts{}
	inScope := map[string]bool{}
	for _, ob := range s.Objectives {
		var carried bool
		if o.Year != nil {
			var in bool
			if in, carried = InYear(ob, *o.Year, asOf); !in {
				continue
			}
		}
		inScope["objective/"+ob.ID] = true
		b.Objectives[ob.Status]++
		key := ob.Year.String()
		if years[key] == nil {
			years[key] = newCounts()
		}
		years[key][ob.Status]++
		it := item("objective", ob.ID, ob.Title, ob.Status, ob.Updates)
		if carried {
			it.CarriedFrom = key
			b.CarriedOver++
		}
		dueBy, hasDue := ob.DueBy()
		due := dueBy.Last
		if hasDue {
			it.Due = ob.Due
			if it.Due == "" {
				it.Due = due.Format(time.DateOnly)
			}
		}
		b.point(it, hasDue && due.Before(asOf), ob.Updates, staleBefore, o.StaleMonths)
		b.Items = append(b.Items, it)
		if hasDue && !due.After(asOf) && ob.Status != strategy.Dropped {
			b.Due++
			if ob.Status == strategy.Done {
				b.DueDone++
			}
		}
	}
	for _, m := range s.Roadmap {
		from, err1 := calendar.ParseWhen(m.From)
		to, err2 := calendar.ParseWhen(m.To)
		if err1 != nil || err2 != nil {
			continue
		}
		overlaps := !to.Last.Before(window.First()) && !from.First.After(window.Last())
		if o.Year != nil && !overlaps {
			continue
		}
		inScope["milestone/"+m.ID] = true
		b.Milestones[m.Status]++
		it := item("milestone", m.ID, m.Title, m.Status, m.Updates)
		it.From, it.Due = m.From, m.To
		b.point(it, to.Last.Before(asOf), m.Updates, staleBefore, o.StaleMonths)
		b.Items = append(b.Items, it)
		if overlaps {
			b.InWindow = append(b.InWindow, it)
		}
	}
	keys := make([]string, 0, len(years))
	for k := range years {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.ByYear = append(b.ByYear, Group{Key: k, Counts: years[k]})
	}
	if fw != nil {
		linked := map[string]bool{}
		for _, p := range coverage.Of(s, fw).Principles {
			g := Group{Key: strconv.Itoa(p.Number), Label: p.Label, Counts: newCounts()}
			for _, sup := range p.Answering() {
				if (sup.Kind == "objective" || sup.Kind == "milestone") && inScope[sup.Kind+"/"+sup.ID] {
					g.Counts[sup.Status]++
					linked[sup.Kind+"/"+sup.ID] = true
				}
			}
			b.ByPrinciple = append(b.ByPrinciple, g)
		}
		// Nothing is dropped: what answers no national principle is
		// counted in a group of its own.
		none := Group{Key: "-", Label: "Linked to no national " + fw.Noun(), Counts: newCounts()}
		for _, ob := range s.Objectives {
			if inScope["objective/"+ob.ID] && !linked["objective/"+ob.ID] {
				none.Counts[ob.Status]++
			}
		}
		for _, m := range s.Roadmap {
			if inScope["milestone/"+m.ID] && !linked["milestone/"+m.ID] {
				none.Counts[m.Status]++
			}
		}
		if none.Counts.Total() > 0 {
			b.ByPrinciple = append(b.ByPrinciple, none)
		}
	}
	b.ByTheme = byTheme(s, inScope)
	for _, m := range s.Metrics {
		b.Metrics = append(b.Metrics, metric(m))
	}
	b.activities(s.Activities, asOf, o.FeedbackMonths)
	sort.SliceStable(b.Overdue, func(i, j int) bool { return lastDay(b.Overdue[i].Due).Before(lastDay(b.Overdue[j].Due)) })
	return b
}

// lastDay is the last day a due date stands for (a month's last day).
func lastDay(due string) time.Time {
	r, _ := calendar.ParseWhen(due)
	return r.Last
}

// byTheme counts the objectives and milestones in scope by the themes of
// the local principles they deliver (one count per theme an item serves),
// with those that serve none in a group of their own.
func byTheme(s *strategy.Strategy, inScope map[string]bool) []Group {
	if len(s.Themes) == 0 {
		return nil
	}
	themeOf := map[string]string{}
	for _, p := range s.Principles {
		if _, dup := themeOf[p.ID]; !dup {
			themeOf[p.ID] = p.Theme
		}
	}
	groups := map[string]Counts{}
	count := func(kind, id, status string, principles []string) {
		if !inScope[kind+"/"+id] {
			return
		}
		seen := map[string]bool{}
		for _, pid := range principles {
			t := themeOf[pid]
			if t == "" || seen[t] {
				continue
			}
			seen[t] = true
			if groups[t] == nil {
				groups[t] = newCounts()
			}
			groups[t][status]++
		}
		if len(seen) == 0 {
			if groups[""] == nil {
				groups[""] = newCounts()
			}
			groups[""][status]++
		}
	}
	for _, ob := range s.Objectives {
		count("objective", ob.ID, ob.Status, ob.Principles)
	}
	// A milestone serves its own principles and those of the objectives
	// it is for, as it does in the counts by national principle.
	objectivePrinciples := map[string][]string{}
	for _, ob := range s.Objectives {
		if _, dup := objectivePrinciples[ob.ID]; !dup {
			objectivePrinciples[ob.ID] = ob.Principles
		}
	}
	for _, m := range s.Roadmap {
		principles := slices.Clone(m.Principles)
		for _, id := range m.Objectives {
			principles = append(principles, objectivePrinciples[id]...)
		}
		count("milestone", m.ID, m.Status, principles)
	}
	var out []Group
	for _, t := range s.Themes {
		c := groups[t.ID]
		if c == nil {
			c = newCounts()
		}
		out = append(out, Group{Key: t.ID, Label: t.Title, Counts: c})
	}
	if c := groups[""]; c != nil {
		out = append(out, Group{Key: "-", Label: "In no theme", Counts: c})
	}
	return out
}

// activities counts the engagement log and points out activities that
// ended over feedbackMonths ago without recording what changed.
func (b *Board) activities(list []strategy.Activity, asOf time.Time, feedbackMonths int) {
	expected := asOf.AddDate(0, -feedbackMonths, 0)
	for _, a := range list {
		b.Activities++
		act := Activity{ID: a.ID, Title: a.Title, Dates: a.Dates, WhatChanged: len(a.Changed) > 0}
		r, err := calendar.ParseWhen(a.Dates)
		if err == nil {
			act.Ended = r.Last.Format(time.DateOnly)
		}
		b.ActivityItems = append(b.ActivityItems, act)
		if act.WhatChanged {
			b.WithOutcome++
			continue
		}
		if err == nil && r.Last.Before(expected) {
			b.AwaitingFeedback = append(b.AwaitingFeedback, act)
		}
	}
}

// point files an item under overdue, at risk or off track, and stale.
func (b *Board) point(it Item, pastDue bool, updates []strategy.Update, staleBefore time.Time, staleMonths int) {
	open := it.Status != strategy.Done && it.Status != strategy.Dropped
	if pastDue && open {
		b.Overdue = append(b.Overdue, it)
	}
	if it.Status == strategy.AtRisk || it.Status == strategy.OffTrack {
		b.Troubled = append(b.Troubled, it)
	}
	if open && staleMonths > 0 && len(updates) > 0 {
		// The latest day the last update's date allows: a month-only
		// update is stale only once all of the month is long enough ago.
		if last, err := calendar.ParseWhen(updates[len(updates)-1].Date); err == nil && last.Last.Before(staleBefore) {
			b.Stale = append(b.Stale, it)
		}
	}
}

func item(kind, id, title, status string, updates []strategy.Update) Item {
	it := Item{Kind: kind, ID: id, Title: title, Status: status}
	if n := len(updates); n > 0 {
		it.LastUpdate = updates[n-1].Date
		for i := n - 1; i >= 0; i-- {
			if updates[i].Note != "" {
				it.Note = updates[i].Note
				break
			}
		}
	}
	return it
}

// InYear says whether an objective is in a financial year's review as of
// a day: set for the year (its year, or span of years, includes it), or
// carried over: set for an earlier year and, by the file, not finished
// when the year ended or on the day, if that is sooner (planned, in
// progress, at risk or off track, as its updates by then say: see
// updatesOn), or updated during the year by the day (UpdatedIn). An objective whose
// status is not reported is not carried over on that alone: its own
// year's review already says its status is not known.
func InYear(ob strategy.Objective, y calendar.Year, asOf time.Time) (in, carried bool) {
	span, ok := yearSpan(ob.Year)
	switch {
	case !ok || span.From.Start > y.Start:
		return false, false
	case span.To.Start >= y.Start:
		return true, false
	}
	day := calendar.Day(asOf)
	if day.After(y.Last()) {
		day = y.Last()
	}
	updates, status, _ := updatesOn(ob.Updates, ob.Status, day)
	switch status {
	case strategy.Planned, strategy.InProgress, strategy.AtRisk, strategy.OffTrack:
		return true, true
	}
	ob.Updates = updates
	updated := UpdatedIn(ob, y)
	return updated, updated
}

func yearSpan(p strategy.Period) (calendar.Span, bool) {
	sp, err := calendar.ParseSpan(p.From, p.To)
	return sp, err == nil
}

func metric(m strategy.Metric) Metric {
	out := Metric{ID: m.ID, Title: m.Title, Unit: m.Unit}
	value := func(v strategy.Measurement) *Value {
		return &Value{Value: v.Value, Qualifier: v.Qualifier, Date: v.Date, Note: v.Note}
	}
	if m.Baseline != nil {
		out.Baseline = value(*m.Baseline)
	}
	if m.Target != nil {
		out.Target = value(*m.Target)
	}
	if n := len(m.Actuals); n > 0 {
		out.Latest = value(m.Actuals[n-1])
	}
	if out.Baseline != nil && out.Target != nil && out.Latest != nil && out.Target.Value != out.Baseline.Value {
		p := (out.Latest.Value - out.Baseline.Value) / (out.Target.Value - out.Baseline.Value) * 100
		out.Progress = &p
		out.ProgressApproximate = out.Baseline.Qualifier != "" || out.Target.Qualifier != "" || out.Latest.Qualifier != ""
	}
	return out
}
