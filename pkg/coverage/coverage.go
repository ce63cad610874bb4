// Package coverage grades how strongly a strategy answers each principle of
// its national framework, from missing (nothing maps to it) to measured (a
// metric with a recorded value), and lists what supports each grade.
package coverage

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/engage-icb/engage/internal/pointer"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Grade is how strongly a strategy answers a principle. Each grade includes
// the ones below it. The zero value is not a grade.
type Grade int

// Grades, weakest first.
const (
	// Missing: nothing in the strategy maps to the principle.
	Missing Grade = iota + 1
	// Stated: a local principle maps to it, but nothing delivers it.
	Stated
	// Planned: an objective, milestone or metric (not dropped) delivers it.
	Planned
	// Delivering: one of those is in progress, at risk, off track or
	// done, or an engagement activity answers it.
	Delivering
	// Evidenced: one is done, with an update linking to evidence, or an
	// activity records what changed as a result.
	Evidenced
	// Measured: a metric for it has a measured value (a baseline or an actual).
	Measured
)

// Grades lists every grade, weakest first.
var Grades = []Grade{Missing, Stated, Planned, Delivering, Evidenced, Measured}

var gradeNames = map[Grade]string{
	Missing: "missing", Stated: "stated", Planned: "planned",
	Delivering: "delivering", Evidenced: "evidenced", Measured: "measured",
}

// String names the grade.
func (g Grade) String() string {
	if s, ok := gradeNames[g]; ok {
		return s
	}
	return fmt.Sprintf("grade(%d)", int(g))
}

var gradeSymbols = map[Grade]string{
	Missing: "✗", Stated: "○", Planned: "◔", Delivering: "◑", Evidenced: "◕", Measured: "●",
}

// Symbol pairs the grade with a symbol (✗ ○ ◔ ◑ ◕ ●, filling up as the
// grade rises), so it reads without colour.
func (g Grade) Symbol() string { return gradeSymbols[g] }

// MarshalJSON writes the grade's name.
func (g Grade) MarshalJSON() ([]byte, error) { return json.Marshal(g.String()) }

// Support is one item of the strategy that answers a principle.
type Support struct {
	Kind    string `json:"kind"` // principle, objective, milestone, metric or activity
	ID      string `json:"id"`
	Title   string `json:"title"`
	Status  string `json:"status,omitempty"`
	Grade   Grade  `json:"grade"` // the grade this item alone gives
	Via     string `json:"via,omitempty"`
	Pointer string `json:"pointer"`
}

// Principle is the coverage of one framework principle.
type Principle struct {
	Number   int       `json:"number"`
	Label    string    `json:"label"`
	Text     string    `json:"text"`
	Grade    Grade     `json:"grade"`
	Supports []Support `json:"supports"`
	// Dropped are the dropped objectives and milestones that map to it:
	// they give it no grade, but they answer it (a dropped objective was
	// reported as linked to no national principle).
	Dropped []Support `json:"dropped,omitempty"`
}

// Answering is every objective and milestone that maps to the principle,
// dropped ones too, in the order of Supports then Dropped.
func (p Principle) Answering() []Support {
	return append(slices.Clone(p.Supports), p.Dropped...)
}

// Report is the coverage of every principle of a framework by one strategy.
type Report struct {
	Framework  *framework.Framework `json:"-"`
	Principles []Principle          `json:"principles"`
}

// Counts returns how many principles have each grade.
func (r Report) Counts() map[Grade]int {
	m := map[Grade]int{}
	for _, p := range r.Principles {
		m[p.Grade]++
	}
	return m
}

// Of grades the strategy against the framework. Numbers the framework does
// not have are ignored here (validate reports them).
func Of(s *strategy.Strategy, fw *framework.Framework) Report {
	r := Report{Framework: fw, Principles: make([]Principle, len(fw.Principles))}
	for i, p := range fw.Principles {
		r.Principles[i] = Principle{Number: p.Number, Label: p.Label, Text: p.Text, Grade: Missing, Supports: []Support{}}
	}
	add := func(numbers []link, sup Support) {
		for _, l := range numbers {
			if l.number < 1 || l.number > len(r.Principles) {
				continue
			}
			p := &r.Principles[l.number-1]
			sup := sup
			sup.Via = l.via
			if sup.Status == strategy.Dropped {
				p.Dropped = append(p.Dropped, sup)
				continue
			}
			p.Supports = append(p.Supports, sup)
			p.Grade = max(p.Grade, sup.Grade)
		}
	}
	m := newMapper(s)
	for i, p := range s.Principles {
		add(direct(p.National), Support{Kind: "principle", ID: p.ID, Title: p.Wording(), Grade: Stated, Pointer: pointer.New("principles", i)})
	}
	for i, o := range s.Objectives {
		g := itemGrade(o.Status, o.Updates)
		add(m.objective(o), Support{Kind: "objective", ID: o.ID, Title: o.Title, Status: o.Status, Grade: g, Pointer: pointer.New("objectives", i)})
	}
	for i, ms := range s.Roadmap {
		g := itemGrade(ms.Status, ms.Updates)
		add(m.linked(ms.National, ms.Principles, ms.Objectives), Support{Kind: "milestone", ID: ms.ID, Title: ms.Title, Status: ms.Status, Grade: g, Pointer: pointer.New("roadmap", i)})
	}
	for i, mt := range s.Metrics {
		g := Planned
		if mt.Measured() {
			g = Measured
		}
		add(m.linked(mt.National, mt.Principles, mt.Objectives), Support{Kind: "metric", ID: mt.ID, Title: mt.Title, Grade: g, Pointer: pointer.New("metrics", i)})
	}
	for i, a := range s.Activities {
		add(m.linked(a.National, a.Principles, a.Objectives), Support{Kind: "activity", ID: a.ID, Title: a.Title, Grade: activityGrade(a), Pointer: pointer.New("activities", i)})
	}
	return r
}

// activityGrade is the grade an engagement activity gives: it delivers
// its principles, and once it records what changed as a result (what
// national principle 2 asks to feed back), it is evidence for them.
func activityGrade(a strategy.Activity) Grade {
	if len(a.Changed) > 0 {
		return Evidenced
	}
	return Delivering
}

// itemGrade is the grade an objective or milestone gives by its status.
// A dropped item gives none (it is listed under Dropped).
func itemGrade(status string, updates []strategy.Update) Grade {
	switch status {
	case strategy.Dropped:
		return Missing
	case strategy.InProgress, strategy.AtRisk, strategy.OffTrack:
		return Delivering
	case strategy.Done:
		if strategy.HasEvidence(updates) {
			return Evidenced
		}
		return Delivering
	}
	return Planned
}

// link is a national principle number an item answers, and how.
type link struct {
	number int
	via    string // "" when the item names the number itself
}

func direct(numbers []int) []link {
	out := make([]link, len(numbers))
	for i, n := range numbers {
		out[i] = link{number: n}
	}
	return out
}

// mapper resolves the national numbers an item answers through the local
// principles and objectives it names.
type mapper struct {
	local      map[string][]int
	objectives map[string]strategy.Objective
}

func newMapper(s *strategy.Strategy) *mapper {
	m := &mapper{local: map[string][]int{}, objectives: map[string]strategy.Objective{}}
	// With a repeated ID (which validate reports), the first definition
	// is the one references mean.
	for _, p := range s.Principles {
		if _, dup := m.local[p.ID]; !dup {
			m.local[p.ID] = p.National
		}
	}
	for _, o := range s.Objectives {
		if _, dup := m.objectives[o.ID]; !dup {
			m.objectives[o.ID] = o
		}
	}
	return m
}

func (m *mapper) objective(o strategy.Objective) []link {
	return m.linked(o.National, o.Principles, nil)
}

func (m *mapper) linked(national []int, principles, objectives []string) []link {
	out := direct(national)
	seen := map[int]bool{}
	for _, n := range national {
		seen[n] = true
	}
	addVia := func(ns []int, via string) {
		for _, n := range ns {
			if !seen[n] {
				seen[n] = true
				out = append(out, link{number: n, via: via})
			}
		}
	}
	for _, id := range principles {
		addVia(m.local[id], "principle "+id)
	}
	for _, id := range objectives {
		if o, ok := m.objectives[id]; ok {
			for _, l := range m.objective(o) {
				addVia([]int{l.number}, "objective "+id)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b link) int { return a.number - b.number })
	return out
}
