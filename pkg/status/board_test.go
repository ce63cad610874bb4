package status

import (
	"strings"
	"testing"
	"time"

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
