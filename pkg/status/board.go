// Package status is delivery tracking: the dashboard of where a strategy's
// objectives, milestones and metrics stand, and the safe in-place updates
// that record progress.
package status

import (
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
}

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
}

// Value is a metric value and when it was measured.
type Value struct {
	Value float64 `json:"value"`
	Date  string  `json:"date,omitempty"`
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
}

// Board is one strategy's delivery dashboard.
type Board struct {
	File        string  `json:"file"`
	Code        string  `json:"icb"`
	Name        string  `json:"name"`
	AsOf        string  `json:"asOf"`
	Year        string  `json:"year,omitempty"`
	Window      string  `json:"window"`
	StaleMonths int     `json:"staleMonths"`
	Objectives  Counts  `json:"objectives"`
	Milestones  Counts  `json:"milestones"`
	ByYear      []Group `json:"byYear"`
	ByPrinciple []Group `json:"byPrinciple"`
	// Due is how many objectives are due by AsOf (not dropped); DueDone
	// how many of those are done.
	Due      int      `json:"due"`
	DueDone  int      `json:"dueDone"`
	Overdue  []Item   `json:"overdue"`
	Troubled []Item   `json:"atRiskOrOffTrack"`
	Stale    []Item   `json:"stale"`
	InWindow []Item   `json:"milestonesInWindow"`
	Metrics  []Metric `json:"metrics"`
}

// Of computes the dashboard of a strategy; fw (may be nil) groups by
// national principle.
func Of(path string, s *strategy.Strategy, fw *framework.Framework, o Options) *Board {
	asOf := calendar.Day(o.AsOf)
	window := calendar.YearOf(asOf)
	if o.Year != nil {
		window = *o.Year
	}
	b := &Board{File: path, Code: s.ICB.Code, Name: s.Name(), AsOf: asOf.Format(time.DateOnly),
		Window: window.String(), StaleMonths: o.StaleMonths, Objectives: newCounts(), Milestones: newCounts(),
		ByYear: []Group{}, ByPrinciple: []Group{}, Overdue: []Item{}, Troubled: []Item{}, Stale: []Item{}, InWindow: []Item{}, Metrics: []Metric{}}
	if o.Year != nil {
		b.Year = o.Year.String()
	}
	staleBefore := asOf.AddDate(0, -o.StaleMonths, 0)
	years := map[string]Counts{}
	inScope := map[string]bool{}
	for _, ob := range s.Objectives {
		span, ok := yearSpan(ob.Year)
		if o.Year != nil && (!ok || o.Year.Start < span.From.Start || o.Year.Start > span.To.Start) {
			continue
		}
		inScope["objective/"+ob.ID] = true
		b.Objectives[ob.Status]++
		key := ob.Year.String()
		if years[key] == nil {
			years[key] = newCounts()
		}
		years[key][ob.Status]++
		it := item("objective", ob.ID, ob.Title, ob.Status, ob.Updates)
		due, hasDue := dueOf(ob)
		if hasDue {
			it.Due = due.Format(time.DateOnly)
		}
		b.point(it, hasDue && due.Before(asOf), ob.Updates, staleBefore, o.StaleMonths)
		if hasDue && !due.After(asOf) && ob.Status != strategy.Dropped {
			b.Due++
			if ob.Status == strategy.Done {
				b.DueDone++
			}
		}
	}
	for _, m := range s.Roadmap {
		from, err1 := calendar.ParseMonthOrDate(m.From)
		to, err2 := calendar.ParseMonthOrDate(m.To)
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
		for _, p := range coverage.Of(s, fw).Principles {
			g := Group{Key: strconv.Itoa(p.Number), Label: p.Label, Counts: newCounts()}
			for _, sup := range p.Supports {
				if (sup.Kind == "objective" || sup.Kind == "milestone") && inScope[sup.Kind+"/"+sup.ID] {
					g.Counts[sup.Status]++
				}
			}
			b.ByPrinciple = append(b.ByPrinciple, g)
		}
	}
	for _, m := range s.Metrics {
		b.Metrics = append(b.Metrics, metric(m))
	}
	return b
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
		if last, err := calendar.ParseDate(updates[len(updates)-1].Date); err == nil && last.Before(staleBefore) {
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

func yearSpan(p strategy.Period) (calendar.Span, bool) {
	sp, err := calendar.ParseSpan(p.From, p.To)
	return sp, err == nil
}

// dueOf is when an objective is due: its due date, else the last day of its
// (last) financial year.
func dueOf(o strategy.Objective) (time.Time, bool) {
	if t, err := calendar.ParseDate(o.Due); err == nil {
		return t, true
	}
	if y, err := calendar.ParseYear(o.Year.To); err == nil {
		return y.Last(), true
	}
	return time.Time{}, false
}

func metric(m strategy.Metric) Metric {
	out := Metric{ID: m.ID, Title: m.Title, Unit: m.Unit}
	if m.Baseline != nil {
		out.Baseline = &Value{Value: m.Baseline.Value, Date: m.Baseline.Date}
	}
	if m.Target != nil {
		out.Target = &Value{Value: m.Target.Value, Date: m.Target.Date}
	}
	if n := len(m.Actuals); n > 0 {
		out.Latest = &Value{Value: m.Actuals[n-1].Value, Date: m.Actuals[n-1].Date}
	}
	if out.Baseline != nil && out.Target != nil && out.Latest != nil && out.Target.Value != out.Baseline.Value {
		p := (out.Latest.Value - out.Baseline.Value) / (out.Target.Value - out.Baseline.Value) * 100
		out.Progress = &p
	}
	return out
}
