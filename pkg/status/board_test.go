package status

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/strategy"
)

// TestOverdueMostOverdueFirst: overdue items come by the last day each
// was due (a month is due at its end), then in file order; the review's
// date has passed only once all of it is before today.
func TestOverdueMostOverdueFirst(t *testing.T) {
	year := strategy.Period{From: "2023/24", To: "2023/24"}
	s := &strategy.Strategy{
		Meta: strategy.Meta{NextReview: "2025-06"},
		Objectives: []strategy.Objective{
			{ID: "O1", Year: year, Due: "2024-03-31", Status: strategy.Planned},
			{ID: "O2", Year: year, Due: "2023-09-30", Status: strategy.InProgress},
			{ID: "O3", Year: year, Due: "2023-09-30", Status: strategy.Planned},
		},
		Roadmap: []strategy.Milestone{
			{ID: "R1", From: "2023-06", To: "2023-09", Status: strategy.Planned},
			{ID: "R2", From: "2023-01", To: "2023-02", Status: strategy.NotReported},
		},
	}
	for _, tc := range []struct {
		asOf          string
		want          string
		reviewOverdue bool
	}{
		{"2025-06-30", "R2 O2 O3 R1 O1", false},
		{"2025-07-01", "R2 O2 O3 R1 O1", true},
	} {
		asOf, _ := time.Parse(time.DateOnly, tc.asOf)
		b := Of("s.yaml", s, nil, Options{AsOf: asOf, StaleMonths: 6})
		var ids []string
		for _, it := range b.Overdue {
			ids = append(ids, it.ID)
		}
		if got := strings.Join(ids, " "); got != tc.want {
			t.Errorf("as of %s: overdue %s, want %s", tc.asOf, got, tc.want)
		}
		if b.NextReview != "2025-06" || b.ReviewOverdue != tc.reviewOverdue {
			t.Errorf("as of %s: next review %q overdue %v, want 2025-06 overdue %v", tc.asOf, b.NextReview, b.ReviewOverdue, tc.reviewOverdue)
		}
	}
}

// Percentages round half up, as people round: 2 of 3 is 67%, 1 of 8 is
// 13%, never the 66% and 12% that cutting off the fraction gives.
func TestPercent(t *testing.T) {
	for _, tc := range []struct{ part, whole, want int }{
		{2, 3, 67}, {1, 3, 33}, {1, 8, 13}, {3, 8, 38}, {1, 200, 1}, {0, 5, 0}, {5, 5, 100}, {1, 0, 0},
	} {
		if got := Percent(tc.part, tc.whole); got != tc.want {
			t.Errorf("Percent(%d, %d) = %d, want %d", tc.part, tc.whole, got, tc.want)
		}
	}
	for _, tc := range []struct {
		p    float64
		want int
	}{{12.5, 13}, {66.666, 67}, {12.4999, 12}, {0, 0}, {99.5, 100}} {
		if got := RoundPercent(tc.p); got != tc.want {
			t.Errorf("RoundPercent(%v) = %d, want %d", tc.p, got, tc.want)
		}
	}
}

// TestInYear: a year's review holds the objectives set for it and carries
// over those of earlier years the file records as not finished, or
// updated in the year; never later years', nor unreported ones on that
// alone.
func TestInYear(t *testing.T) {
	y := calendar.Year{Start: 2024}
	one := strategy.Period{From: "2023/24", To: "2023/24"}
	for _, c := range []struct {
		name        string
		ob          strategy.Objective
		in, carried bool
	}{
		{"set for it", strategy.Objective{Year: strategy.Period{From: "2024/25", To: "2024/25"}, Status: strategy.Done}, true, false},
		{"a span that includes it", strategy.Objective{Year: strategy.Period{From: "2023/24", To: "2025/26"}, Status: strategy.NotReported}, true, false},
		{"a later year", strategy.Objective{Year: strategy.Period{From: "2025/26", To: "2025/26"}, Status: strategy.InProgress}, false, false},
		{"earlier, in progress", strategy.Objective{Year: one, Status: strategy.InProgress}, true, true},
		{"earlier, planned", strategy.Objective{Year: one, Status: strategy.Planned}, true, true},
		{"earlier, off track", strategy.Objective{Year: one, Status: strategy.OffTrack}, true, true},
		{"earlier, done before the year", strategy.Objective{Year: one, Status: strategy.Done, Updates: []strategy.Update{{Date: "2024-03", Status: strategy.Done}}}, false, false},
		{"earlier, done in the year", strategy.Objective{Year: one, Status: strategy.Done, Updates: []strategy.Update{{Date: "2024-05", Status: strategy.Done}}}, true, true},
		{"earlier, a range ending in the year", strategy.Objective{Year: one, Status: strategy.Dropped, Updates: []strategy.Update{{Date: "2024-03/2024-04", Status: strategy.Dropped}}}, true, true},
		{"earlier, not reported", strategy.Objective{Year: one, Status: strategy.NotReported}, false, false},
		{"an unreadable year", strategy.Objective{Year: strategy.Period{From: "2023-24", To: "2023-24"}, Status: strategy.InProgress}, false, false},
		// Finished after the as-of day: it was open then.
		{"earlier, done after the day", strategy.Objective{Year: one, Status: strategy.Done, Updates: []strategy.Update{
			{Date: "2023-09", Status: strategy.InProgress}, {Date: "2025-06-01", Status: strategy.Done}}}, true, true},
		{"earlier, done before the year", strategy.Objective{Year: one, Status: strategy.Done, Updates: []strategy.Update{
			{Date: "2023-09", Status: strategy.InProgress}, {Date: "2024-02", Status: strategy.Done}}}, false, false},
		// An update without a status is a note: the status stands (found
		// by review: it dropped out of every later year).
		{"earlier, in progress, a note since", strategy.Objective{Year: one, Status: strategy.InProgress, Updates: []strategy.Update{{Date: "2023-06", Note: "kicked off"}}}, true, true},
		// Done "2025" is dated in 2025/26 (its last day), so it was not
		// done by 31 March 2025.
		{"earlier, done in a year's precision", strategy.Objective{Year: one, Status: strategy.Done, Updates: []strategy.Update{
			{Date: "2023-06", Status: strategy.InProgress}, {Date: "2025", Status: strategy.Done}}}, true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			in, carried := InYear(c.ob, y, time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC))
			if in != c.in || carried != c.carried {
				t.Errorf("InYear = %v, %v; want %v, %v", in, carried, c.in, c.carried)
			}
		})
	}
	// A year is judged at its end however late the as-of day: finishing
	// in June 2025 does not take an objective out of 2024/25's review
	// (status --year and report disagreed).
	ob := strategy.Objective{Year: one, Status: strategy.Done, Updates: []strategy.Update{
		{Date: "2023-06", Status: strategy.InProgress}, {Date: "2025-06", Status: strategy.Done}}}
	for _, day := range []time.Time{time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)} {
		if in, carried := InYear(ob, y, day); !in || !carried {
			t.Errorf("as of %s: InYear = %v, %v; want carried over", day.Format(time.DateOnly), in, carried)
		}
	}
	// An update in the year but after a mid-year as-of day is not yet
	// there.
	ob = strategy.Objective{Year: one, Status: strategy.Done, Updates: []strategy.Update{
		{Date: "2024-02", Status: strategy.Done}, {Date: "2024-12-15", Note: "case study"}}}
	if in, _ := InYear(ob, y, time.Date(2024, 9, 30, 0, 0, 0, 0, time.UTC)); in {
		t.Error("as of 2024-09-30, an update of 2024-12-15 carried the objective over")
	}
}

// TestAsOn: the strategy as its record stood on a day leaves out what is
// dated after it and never changes the strategy it was given.
func TestAsOn(t *testing.T) {
	day := time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)
	s := &strategy.Strategy{
		Objectives: []strategy.Objective{
			{ID: "A", Status: strategy.Done, Updates: []strategy.Update{{Date: "2024-06", Status: strategy.InProgress}, {Date: "2025-06", Status: strategy.Done, Note: "finished"}}},
			{ID: "B", Status: strategy.Done, Updates: []strategy.Update{{Date: "2025-06-01", Status: strategy.Done}}},
			{ID: "C", Status: strategy.AtRisk, Updates: []strategy.Update{{Date: "2024-06", Status: strategy.AtRisk}, {Date: "2025-05", Note: "a note only"}}},
			{ID: "D", Status: strategy.InProgress, Updates: []strategy.Update{{Date: "2025-04", Status: strategy.InProgress}}},
			{ID: "F", Status: strategy.Done, Updates: []strategy.Update{{Date: "2025", Status: strategy.Done}}},
			{ID: "E", Status: strategy.Planned},
		},
		Roadmap: []strategy.Milestone{{ID: "M", Status: strategy.Done, Updates: []strategy.Update{{Date: "2025-04-02", Status: strategy.Done}}}},
		Metrics: []strategy.Metric{{ID: "K", Actuals: []strategy.Measurement{{Value: 1, Date: "2024-12"}, {Value: 2, Date: "2025-04"}}}},
		SelfAssessments: []strategy.Assessment{
			{ID: "R1", Date: "2024-10", Findings: []strategy.Finding{{Principle: 1, Rating: "Good"}}},
			{ID: "R2", Date: "2025-10", Findings: []strategy.Finding{{Principle: 1, Rating: "Poor"}}},
		},
	}
	before := fmt.Sprintf("%#v", *s)
	got := AsOn(s, day)
	if fmt.Sprintf("%#v", *s) != before {
		t.Fatal("AsOn changed the strategy it was given")
	}
	want := map[string]struct {
		status  string
		updates int
	}{
		"A": {strategy.InProgress, 1},  // done since: in progress then
		"B": {strategy.NotReported, 0}, // its only status is later: not known then
		"C": {strategy.AtRisk, 1},      // a later note changes no status
		"D": {strategy.NotReported, 0}, // April 2025 begins after the day
		"F": {strategy.Done, 1},        // 2025 may have been by then
		"E": {strategy.Planned, 0},
	}
	for _, o := range got.Objectives {
		if w := want[o.ID]; o.Status != w.status || len(o.Updates) != w.updates {
			t.Errorf("objective %s: %s with %d updates; want %s with %d", o.ID, o.Status, len(o.Updates), w.status, w.updates)
		}
	}
	if m := got.Roadmap[0]; m.Status != strategy.NotReported || len(m.Updates) != 0 {
		t.Errorf("milestone: %s with %d updates; want not reported with none", m.Status, len(m.Updates))
	}
	if a := got.Metrics[0].Actuals; len(a) != 1 || a[0].Value != 1 {
		t.Errorf("metric actuals %v; want the 2024-12 one only", a)
	}
	if r := got.Rating(1); r != "Good" {
		t.Errorf("rating %q; want the 2024-10 round's Good", r)
	}
	// This month's update is in today's status (it was left out until
	// the month ended: found by review).
	month := &strategy.Strategy{Objectives: []strategy.Objective{{ID: "M", Status: strategy.Done, Updates: []strategy.Update{{Date: "2026-12", Status: strategy.Done}}}}}
	if got := AsOn(month, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)); got != month {
		t.Errorf("an update dated this month was left out of today's status: %+v", got.Objectives)
	}
	// Nothing dated after the day: the same strategy.
	if AsOn(s, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) != s {
		t.Error("AsOn copied a strategy with nothing after the day")
	}
}
