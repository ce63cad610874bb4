package coverage

import (
	"fmt"
	"testing"

	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

func nhse(t *testing.T) *framework.Framework {
	t.Helper()
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := fws.Get("nhse-2022")
	return fw
}

func TestGradeLadder(t *testing.T) {
	evidence := []strategy.Update{{Date: "2024-01-01", Status: strategy.Done, Evidence: "https://example.org"}}
	s := &strategy.Strategy{
		Principles: []strategy.Principle{
			{ID: "P2", National: []int{2}},
			{ID: "P3", National: []int{3}},
			{ID: "P4", National: []int{4}},
			{ID: "P5", National: []int{5}},
			{ID: "P6", National: []int{6}},
			{ID: "P7", National: []int{7}},
		},
		Objectives: []strategy.Objective{
			{ID: "O3", Principles: []string{"P3"}, Status: strategy.NotReported},
			{ID: "O4", Principles: []string{"P4"}, Status: strategy.AtRisk},
			{ID: "O5", Principles: []string{"P5"}, Status: strategy.Done},
			{ID: "O6", Principles: []string{"P6"}, Status: strategy.Done, Updates: evidence},
			{ID: "O7", National: []int{7}, Status: strategy.Dropped},
			{ID: "O8", National: []int{8}, Status: strategy.Dropped},
		},
		Roadmap: []strategy.Milestone{{ID: "R9", National: []int{9}, Status: strategy.Planned}},
		Metrics: []strategy.Metric{
			{ID: "M10", Objectives: []string{"O10"}},
			{ID: "M1", National: []int{1}, Baseline: &strategy.Measurement{Value: 3}},
		},
	}
	s.Objectives = append(s.Objectives, strategy.Objective{ID: "O10", National: []int{10}, Status: strategy.Planned})
	want := map[int]Grade{
		1:  Measured,   // a metric with a baseline
		2:  Stated,     // a local principle only
		3:  Planned,    // an objective, not reported
		4:  Delivering, // at risk is still under way
		5:  Delivering, // done, but without evidence
		6:  Evidenced,  // done, with evidence
		7:  Stated,     // a dropped objective counts for nothing
		8:  Missing,    // only a dropped objective
		9:  Planned,    // a milestone
		10: Planned,    // an objective, and a metric without values through it
	}
	r := Of(s, nhse(t))
	for _, p := range r.Principles {
		if p.Grade != want[p.Number] {
			t.Errorf("principle %d: got %s, want %s (supports %+v)", p.Number, p.Grade, want[p.Number], p.Supports)
		}
	}
	if got := r.Counts()[Planned]; got != 3 {
		t.Errorf("Counts()[planned] = %d, want 3", got)
	}
	// A dropped objective gives no grade but still answers its principle
	// (it was reported as linked to no national principle).
	for _, n := range []int{7, 8} {
		p := r.Principles[n-1]
		if a := p.Answering(); len(p.Dropped) != 1 || a[len(a)-1].ID != fmt.Sprintf("O%d", n) {
			t.Errorf("principle %d: dropped %+v; want O%d", n, p.Dropped, n)
		}
		for _, sup := range p.Supports {
			if sup.Status == strategy.Dropped {
				t.Errorf("principle %d: dropped %s among the supports that grade it", n, sup.ID)
			}
		}
	}
}

func TestSupportsSayHow(t *testing.T) {
	s := &strategy.Strategy{
		Principles: []strategy.Principle{{ID: "P1", National: []int{1}}},
		Objectives: []strategy.Objective{{ID: "O1", Principles: []string{"P1"}, Status: strategy.InProgress}},
		Metrics:    []strategy.Metric{{ID: "M1", Objectives: []string{"O1"}, Actuals: []strategy.Measurement{{Value: 1, Date: "2024-01"}}}},
	}
	p := Of(s, nhse(t)).Principles[0]
	if len(p.Supports) != 3 {
		t.Fatalf("supports = %+v, want principle, objective and metric", p.Supports)
	}
	if got := p.Supports[1].Via; got != "principle P1" {
		t.Errorf("objective via = %q, want principle P1", got)
	}
	if got := p.Supports[2].Via; got != "objective O1" {
		t.Errorf("metric via = %q, want objective O1", got)
	}
	if p.Grade != Measured {
		t.Errorf("grade = %s, want measured", p.Grade)
	}
}

func TestIgnoresNumbersOutsideFramework(t *testing.T) {
	s := &strategy.Strategy{Principles: []strategy.Principle{{ID: "P", National: []int{0, 11, -1}}}}
	for _, p := range Of(s, nhse(t)).Principles {
		if p.Grade != Missing {
			t.Errorf("principle %d graded %s from out-of-range numbers", p.Number, p.Grade)
		}
	}
}

func TestGradeNames(t *testing.T) {
	for _, g := range Grades {
		if g.String() == "" || g.String()[0] == 'g' {
			t.Errorf("grade %d has no name", int(g))
		}
	}
	if Grade(0).String() != "grade(0)" {
		t.Errorf("the zero grade is named %q", Grade(0).String())
	}
}
