package status

import (
	"cmp"
	"slices"
	"time"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/strategy"
)

// AsOn is the strategy as its own record stood on a day, so that a review
// of a year that has ended says where things stood at its end however
// much has been recorded since, and one as of an earlier day what was
// known then. What it records as dated after the day is left out: an
// objective's or milestone's updates (its status is then that of the
// latest update left: see updatesOn), a metric's actuals and a
// self-assessment's rounds. When nothing is dated after the day, s
// itself is returned; s is never changed.
func AsOn(s *strategy.Strategy, day time.Time) *strategy.Strategy {
	day = calendar.Day(day)
	log := func(updates *[]strategy.Update, status *string) bool {
		us, st, cut := updatesOn(*updates, *status, day)
		*updates, *status = us, st
		return cut
	}
	out := *s
	var c1, c2, c3, c4 bool
	out.Objectives, c1 = edited(s.Objectives, func(o *strategy.Objective) bool { return log(&o.Updates, &o.Status) })
	out.Roadmap, c2 = edited(s.Roadmap, func(m *strategy.Milestone) bool { return log(&m.Updates, &m.Status) })
	out.Metrics, c3 = edited(s.Metrics, func(m *strategy.Metric) bool {
		n := len(m.Actuals)
		m.Actuals = slices.DeleteFunc(slices.Clone(m.Actuals), func(a strategy.Measurement) bool { return after(a.Date, day) })
		return len(m.Actuals) < n
	})
	out.SelfAssessments = slices.DeleteFunc(slices.Clone(s.SelfAssessments), func(a strategy.Assessment) bool { return after(a.Date, day) })
	c4 = len(out.SelfAssessments) < len(s.SelfAssessments)
	if !c1 && !c2 && !c3 && !c4 {
		return s
	}
	return &out
}

// edited is items with edit applied to a copy of each, and whether it
// changed any; items itself when it changed none. items is never changed.
func edited[T any](items []T, edit func(*T) bool) ([]T, bool) {
	out := slices.Clone(items)
	changed := false
	for i := range out {
		changed = edit(&out[i]) || changed
	}
	if !changed {
		return items, false
	}
	return out, true
}

// updatesOn is an item's updates and status as they stood on a day, and
// whether any update was left out as dated after it. The status is the
// item's own when no update left out records one; else that of the
// latest update left that records one; else the status the first update
// left out replaced (its was); else not reported, since the file does
// not say what it was before.
func updatesOn(updates []strategy.Update, status string, day time.Time) ([]strategy.Update, string, bool) {
	var kept []strategy.Update
	var firstLater *strategy.Update
	for i, u := range updates {
		if after(u.Date, day) {
			if firstLater == nil && u.Status != "" {
				firstLater = &updates[i]
			}
			continue
		}
		kept = append(kept, u)
	}
	if len(kept) == len(updates) {
		return updates, status, false
	}
	if firstLater != nil {
		status = cmp.Or(firstLater.Was, strategy.NotReported)
		for _, u := range kept {
			if u.Status != "" {
				status = u.Status
			}
		}
	}
	return kept, status, true
}

// after reports whether a date is after a day: whether it begins after it
// (an update dated 2024-04 is after 31 March 2024; one dated 2024 is not,
// as it may have been by then, and one dated this month is in today's
// status). A date that cannot be read is not (validate reports it).
func after(date string, day time.Time) bool {
	w, err := calendar.ParseWhen(date)
	return err == nil && w.First.After(day)
}

// UpdatedIn reports whether an objective has an update that may be in a
// financial year: dated in it, or at a precision that reaches into it
// (an update dated 2025 may be in 2024/25 or 2025/26, so both years'
// reviews hold the objective: none leaves it out).
func UpdatedIn(ob strategy.Objective, y calendar.Year) bool {
	year := calendar.Range{First: y.First(), Last: y.Last()}
	for _, u := range ob.Updates {
		if w, err := calendar.ParseWhen(u.Date); err == nil && w.Overlaps(year) {
			return true
		}
	}
	return false
}
