package diff

import (
	"testing"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

func TestStatusNote(t *testing.T) {
	tests := []struct {
		old, new, note string
		backwards      bool
	}{
		{"planned", "done", "moved forward", false},
		{"done", "in-progress", "moved backwards", true},
		{"in-progress", "at-risk", "", false},
		{"at-risk", "planned", "moved backwards", true},
		{"not-reported", "planned", "first reported", false},
		{"done", "not-reported", "no longer reported", false},
		{"in-progress", "dropped", "dropped", false},
	}
	for _, tt := range tests {
		note, back := statusNote(tt.old, tt.new)
		if note != tt.note || back != tt.backwards {
			t.Errorf("statusNote(%s, %s) = %q, %v; want %q, %v", tt.old, tt.new, note, back, tt.note, tt.backwards)
		}
	}
}

// TestMove: a move is told at the precision both dates are written.
func TestMove(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"2024-03-31", "2024-05-31", "slipped 61 days"},
		{"2024-03-31", "2024-03-30", "brought forward 1 day"},
		{"2023-09", "2023-11", "slipped 2 months"},
		{"2024-03", "2024-06-30", "slipped 3 months"}, // a month against a day: months
		{"2025-03", "2025-02", "brought forward 1 month"},
		{"2024", "2026", "slipped 2 years"},
		{"2023/24", "2024/25", "slipped 1 year"},
		{"2024-03", "2024-03-31", ""}, // the same last day
	} {
		a, err1 := calendar.ParseWhen(c.old)
		b, err2 := calendar.ParseWhen(c.new)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if got := move(a, b, "slipped", "brought forward"); got != c.want {
			t.Errorf("move(%s, %s) = %q, want %q", c.old, c.new, got, c.want)
		}
	}
}

func TestUpdates(t *testing.T) {
	a := strategy.Update{Date: "2024-01-01", Status: "in-progress"}
	b := strategy.Update{Date: "2024-02-01", Status: "done", Note: "finished"}
	if _, changed := updates(nil, []strategy.Update{}); changed {
		t.Error("an empty log and no log differ")
	}
	f, _ := updates([]strategy.Update{a}, []strategy.Update{a, b})
	if f.Note != "1 entry added; latest 2024-02-01 done: finished" {
		t.Errorf("appended: %q", f.Note)
	}
	f, _ = updates([]strategy.Update{a, b}, []strategy.Update{b})
	if f.Note != "earlier entries were changed or removed: the log should only grow" {
		t.Errorf("rewritten: %q", f.Note)
	}
}

// ver is a version of a strategy on a framework.
func ver(s *strategy.Strategy, fw *framework.Framework) Version {
	return Version{Strategy: s, Framework: fw, FrameworkID: fw.ID}
}

func fw(t *testing.T) *framework.Framework {
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := fws.Get("nhse-2022")
	return f
}

// Order of keyed lists and of plain lists does not count.
func TestOrderDoesNotCount(t *testing.T) {
	old := &strategy.Strategy{
		ICB:        strategy.ICB{Code: "QJG", Places: []string{"A", "B"}},
		Principles: []strategy.Principle{{ID: "P1", National: []int{1, 2}}, {ID: "P2", National: []int{3}}},
		Objectives: []strategy.Objective{{ID: "O1", Status: "planned"}, {ID: "O2", Status: "done"}},
	}
	new := &strategy.Strategy{
		ICB:        strategy.ICB{Code: "QJG", Places: []string{"B", "A"}},
		Principles: []strategy.Principle{{ID: "P2", National: []int{3}}, {ID: "P1", National: []int{2, 1}}},
		Objectives: []strategy.Objective{{ID: "O2", Status: "done"}, {ID: "O1", Status: "planned"}},
	}
	c := Compare(ver(old, fw(t)), ver(new, fw(t)))
	if c.Differs() {
		t.Errorf("reordering differs: %+v", c)
	}
}

func TestRemovedObjective(t *testing.T) {
	old := &strategy.Strategy{Objectives: []strategy.Objective{{ID: "O1", Status: "planned"}, {ID: "O2", Status: "dropped"}}}
	c := Compare(ver(old, fw(t)), ver(&strategy.Strategy{}, fw(t)))
	if len(c.Changes) != 2 || c.Changes[0].Regression == "" || c.Changes[1].Regression != "" {
		t.Errorf("changes = %+v; want O1's removal a regression and dropped O2's not", c.Changes)
	}
}
