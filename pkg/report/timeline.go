package report

import (
	"strings"
	"time"

	"github.com/engage-icb/engage/pkg/calendar"
)

// Bar is one item on the year's roadmap chart: an objective (from the
// start of its years to when it is due) or a milestone, with the days it
// spans.
type Bar struct {
	Row
	First, Last time.Time
}

// Timeline is what the year's roadmap chart draws: the year's objectives,
// then its milestones, each whose dates can be read. Items whose dates
// cannot be read are still in the report's tables.
func (r *Report) Timeline() []Bar {
	var bars []Bar
	for _, o := range r.objectives {
		from, to, found := strings.Cut(o.Year, " to ")
		if !found {
			to = from
		}
		span, err1 := calendar.ParseSpan(from, to)
		due, err2 := calendar.ParseWhen(o.Due)
		if err1 != nil || err2 != nil || due.Last.Before(span.First()) {
			continue
		}
		bars = append(bars, Bar{Row: o, First: span.First(), Last: due.Last})
	}
	for _, m := range r.Roadmap {
		from, err1 := calendar.ParseWhen(m.From)
		to, err2 := calendar.ParseWhen(m.To)
		if err1 != nil || err2 != nil {
			continue
		}
		bars = append(bars, Bar{Row: m, First: from.First, Last: to.Last})
	}
	return bars
}

// YearRange is the first and last day of the financial year reported.
func (r *Report) YearRange() (first, last time.Time, ok bool) {
	y, err := calendar.ParseYear(r.Year)
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	return y.First(), y.Last(), true
}
