package report

import (
	"testing"
	"time"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

func TestShort(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Set up a panel", 60, "Set up a panel"},
		{"Set up a\n residents'  panel", 60, "Set up a residents' panel"},
		{"The ICB will develop a communications and engagement function", 30, "The ICB will develop a…"},
		{"Engage early, and feed back", 14, "Engage early…"},
		{"Supercalifragilisticexpialidocious", 10, "Supercali…"},
	}
	for _, tt := range tests {
		if got := Short(tt.in, tt.n); got != tt.want {
			t.Errorf("Short(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
		if got := []rune(Short(tt.in, tt.n)); len(got) > tt.n {
			t.Errorf("Short(%q, %d) is %d characters long", tt.in, tt.n, len(got))
		}
	}
}

func TestAsOf(t *testing.T) {
	y := calendar.Year{Start: 2023}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		today, want string
		yearEnd     bool
	}{
		{"2024-03-31", "2024-03-31", false}, // the last day itself: the year has not ended
		{"2024-04-01", "2024-03-31", true},
		{"2026-11-30", "2024-03-31", true},
		{"2023-09-14", "2023-09-14", false},
		{"2020-01-01", "2020-01-01", false}, // a year to come: as of today
	}
	for _, tt := range tests {
		got, yearEnd := AsOf(y, day(tt.today))
		if got.Format(time.DateOnly) != tt.want || yearEnd != tt.yearEnd {
			t.Errorf("AsOf(2023/24, %s) = %s, %v; want %s, %v", tt.today, got.Format(time.DateOnly), yearEnd, tt.want, tt.yearEnd)
		}
	}
}

func TestCheckYear(t *testing.T) {
	s := &strategy.Strategy{
		Meta: strategy.Meta{Period: &strategy.Period{From: "2023/24", To: "2025/26"}},
		// O1's update in 2020/21 is before the year it is set for: it
		// makes no review of 2020/21 (which would have held nothing).
		Objectives: []strategy.Objective{{ID: "O1", Year: strategy.Period{From: "2027/28", To: "2027/28"}, Status: strategy.Planned,
			Updates: []strategy.Update{{Date: "2020-06", Note: "an early note"}}}},
		Roadmap:    []strategy.Milestone{{ID: "R1", From: "2021-05", To: "2021-06"}},
		Activities: []strategy.Activity{{ID: "A1", Dates: "2019-10"}},
	}
	tests := []struct {
		year int
		ok   bool
	}{
		{2023, true}, {2025, true},
		{2022, false}, {2026, false}, {2020, false}, // outside, with nothing in them
		{2027, true}, {2021, true}, {2019, true}, // outside, but the file records an objective, a milestone, an activity
	}
	for _, tt := range tests {
		err := CheckYear(s, calendar.Year{Start: tt.year})
		if (err == nil) != tt.ok {
			t.Errorf("CheckYear(%d/%02d) = %v, want ok %v", tt.year, (tt.year+1)%100, err, tt.ok)
		}
	}
	s.Meta.Period = &strategy.Period{From: "2023/24", To: strategy.Unknown}
	if err := CheckYear(s, calendar.Year{Start: 2030}); err != nil {
		t.Errorf("a period with no end stated: %v", err)
	}
	s.Meta.Period = nil
	if err := CheckYear(s, calendar.Year{Start: 2010}); err != nil {
		t.Errorf("no period: %v", err)
	}
}

func TestAttention(t *testing.T) {
	r := &Report{Board: &status.Board{
		Overdue: []status.Item{
			{Kind: "objective", ID: "O1", Status: strategy.NotReported, Due: "2025-03-31"},
			{Kind: "milestone", ID: "R1", Status: strategy.AtRisk, Due: "2024-06"},
			{Kind: "milestone", ID: "R2", Status: strategy.Planned, Due: "2023-09"},
		},
		Troubled: []status.Item{
			{Kind: "milestone", ID: "R1", Status: strategy.AtRisk, Due: "2024-06"},
			{Kind: "objective", ID: "O2", Status: strategy.OffTrack, Due: "2026-03-31"},
		},
	}}
	var got []string
	for _, it := range r.Attention() {
		got = append(got, it.ID)
	}
	want := []string{"O2", "R1", "R2", "O1"} // off track, at risk, then the most overdue first; each once
	if len(got) != len(want) {
		t.Fatalf("Attention = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Attention = %v, want %v", got, want)
		}
	}
}

// TestSelfAssessmentRatings: a self-assessment is reported by the ratings
// it recorded (the latest for each), with no gaps; a strategy by coverage.
func TestSelfAssessmentRatings(t *testing.T) {
	fw := &framework.Framework{Principles: []framework.Principle{{Number: 1, Label: "One"}, {Number: 2, Label: "Two"}, {Number: 3, Label: "Three"}}}
	s := &strategy.Strategy{
		Meta: strategy.Meta{Kind: strategy.KindSelfAssessment},
		SelfAssessments: []strategy.Assessment{
			{ID: "A1", Findings: []strategy.Finding{{Principle: 1, Rating: "Requires improvement"}, {Principle: 2, Rating: "Good"}}},
			{ID: "A2", Findings: []strategy.Finding{{Principle: 1, Rating: "Good"}, {Principle: 3}}},
		},
	}
	r := Build("sa.yaml", s, fw, Options{Year: calendar.Year{Start: 2024}, AsOf: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)})
	if len(r.Gaps) != 0 {
		t.Errorf("a self-assessment has gaps: %+v", r.Gaps)
	}
	if got, want := r.RatingCounts(), "2 Good, 1 not reported (its source gives none)"; got != want {
		t.Errorf("RatingCounts = %q, want %q", got, want)
	}
	if got := r.RatingOf(3); got != "not reported" {
		t.Errorf("RatingOf(3) = %q", got)
	}
	s.Meta.Kind = ""
	if r := Build("s.yaml", s, fw, Options{Year: calendar.Year{Start: 2024}, AsOf: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)}); r.Ratings != nil || len(r.Gaps) != 3 {
		t.Errorf("a strategy: ratings %v, %d gaps; want none and 3", r.Ratings, len(r.Gaps))
	}
}
