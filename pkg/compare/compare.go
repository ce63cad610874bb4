// Package compare sets several ICBs' strategies side by side: how strongly
// each answers each principle of its framework, and where each stands on
// review and delivery. Strategies on different frameworks are compared in
// separate blocks, never forced onto one another's principles.
package compare

import (
	"cmp"
	"slices"
	"time"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Comparison is every block of a comparison.
type Comparison struct {
	AsOf   string  `json:"asOf"`
	Blocks []Block `json:"blocks"`
}

// Block is the strategies on one framework.
type Block struct {
	Framework  FrameworkRef `json:"framework"`
	Principles []Principle  `json:"principles"`
	ICBs       []ICB        `json:"icbs"`
}

// FrameworkRef names a block's framework.
type FrameworkRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Noun  string `json:"noun"`
}

// Principle is one row of a block's matrix.
type Principle struct {
	Number int    `json:"number"`
	Label  string `json:"label"`
}

// ICB is one strategy's column and row.
type ICB struct {
	File       string `json:"file"`
	Code       string `json:"code"`
	Name       string `json:"name"`
	Short      string `json:"short,omitempty"`
	Title      string `json:"title"`
	Kind       string `json:"kind"`
	Period     string `json:"period,omitempty"`
	State      string `json:"state,omitempty"`
	Updated    string `json:"updated,omitempty"`
	NextReview string `json:"nextReview,omitempty"`
	// ReviewOverdue: the next review date has passed.
	ReviewOverdue bool `json:"reviewOverdue"`
	// Grades are the coverage grades, one per principle of the block.
	Grades []coverage.Grade `json:"grades"`
	// Ratings, for a self-assessment, are its latest recorded rating of
	// each principle or area ("not-reported" when none is recorded): a
	// self-assessment is compared by what it found, not by coverage.
	Ratings         []string `json:"ratings,omitempty"`
	LocalPrinciples int      `json:"localPrinciples"`
	Themes          int      `json:"themes"`
	Objectives      int      `json:"objectives"`
	// Unlinked is how many objectives answer no national principle.
	Unlinked int `json:"objectivesUnlinked"`
	// Due is how many objectives are due by the as-of date (not dropped),
	// DueDone how many of those are done.
	Due     int `json:"due"`
	DueDone int `json:"dueDone"`
	// Overdue is how many objectives and milestones are past due and not
	// done or dropped.
	Overdue         int `json:"overdue"`
	Metrics         int `json:"metrics"`
	MetricsMeasured int `json:"metricsMeasured"`
	// InvolvementBody names the governance body for public involvement,
	// empty when the strategy names none.
	InvolvementBody string `json:"involvementBody"`
	SelfAssessments int    `json:"selfAssessments"`
	// Activities is how many engagement activities are recorded, and
	// WithOutcome how many record what changed as a result.
	Activities  int `json:"activities"`
	WithOutcome int `json:"activitiesWithOutcome"`
	// Versions is the strategy's publication history, newest first.
	Versions string `json:"versions,omitempty"`
	// Population is how many people the ICB serves, as the strategy
	// states it ("about 1,200,000 people"); empty when it does not.
	Population string `json:"population,omitempty"`
	// ThemeTitles are the strategy's themes, in its order.
	ThemeTitles []string `json:"themeTitles,omitempty"`
	// Items is every principle, objective, milestone, metric and activity
	// in the strategy, in file order, with the national principles each
	// answers: nothing in a file is left out of a comparison.
	Items []Item `json:"items"`
}

// Item is one thing in a strategy, as a comparison lists it.
type Item struct {
	Kind     string `json:"kind"` // principle, objective, milestone, metric or activity
	ID       string `json:"id"`
	Title    string `json:"title"`
	Status   string `json:"status,omitempty"`
	National []int  `json:"national"` // empty when it answers none
}

// Label is the ICB's short name, or its code.
func (c ICB) Label() string {
	return cmp.Or(c.Short, c.Code, c.File)
}

// Cell is what the matrix shows for principle i: the coverage grade as a
// symbol and a word, or for a self-assessment its rating.
func (c ICB) Cell(i int) string {
	if c.Ratings != nil {
		if c.Ratings[i] == strategy.NotReported {
			return "? " + strategy.NotReported
		}
		return "rated " + c.Ratings[i]
	}
	return Cell(c.Grades[i])
}

// DonePercent is the share of due objectives done, and false when none is
// due.
func (c ICB) DonePercent() (int, bool) {
	if c.Due == 0 {
		return 0, false
	}
	return status.Percent(c.DueDone, c.Due), true
}

// Input is one strategy to compare, with the framework it is on.
type Input struct {
	Path      string
	Strategy  *strategy.Strategy
	Framework *framework.Framework
}

// Build compares strategies as of a date. The national framework's block
// comes first, then the others by ID; within a block the ICBs keep the
// order given.
func Build(inputs []Input, asOf time.Time) *Comparison {
	b := NewBuilder(asOf)
	for _, in := range inputs {
		b.Add(in)
	}
	return b.Comparison()
}

// Builder builds a comparison one strategy at a time, keeping only each
// strategy's column (a few hundred bytes), never the strategy: a
// comparison of 50,000 files needs the memory of their columns alone.
type Builder struct {
	c    *Comparison
	asOf time.Time
	byID map[string]int
	n    int
}

// NewBuilder starts a comparison as of a date.
func NewBuilder(asOf time.Time) *Builder {
	return &Builder{c: &Comparison{AsOf: calendar.Day(asOf).Format(time.DateOnly)}, asOf: asOf, byID: map[string]int{}}
}

// Add puts one strategy in its framework's block.
func (b *Builder) Add(in Input) {
	fw := in.Framework
	i, ok := b.byID[fw.ID]
	if !ok {
		i = len(b.c.Blocks)
		b.byID[fw.ID] = i
		blk := Block{Framework: FrameworkRef{ID: fw.ID, Title: fw.Title, Noun: fw.Noun()}}
		for _, p := range fw.Principles {
			blk.Principles = append(blk.Principles, Principle{Number: p.Number, Label: p.Label})
		}
		b.c.Blocks = append(b.c.Blocks, blk)
	}
	b.c.Blocks[i].ICBs = append(b.c.Blocks[i].ICBs, column(in, b.asOf))
	b.n++
}

// Len is how many strategies have been added.
func (b *Builder) Len() int { return b.n }

// Comparison is the comparison of the strategies added, blocks in order.
func (b *Builder) Comparison() *Comparison {
	c := *b.c
	c.Blocks = slices.Clone(b.c.Blocks)
	slices.SortStableFunc(c.Blocks, func(a, b Block) int {
		return cmp.Or(-cmp.Compare(boolInt(a.Framework.ID == framework.DefaultID), boolInt(b.Framework.ID == framework.DefaultID)),
			cmp.Compare(a.Framework.ID, b.Framework.ID))
	})
	return &c
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func column(in Input, asOf time.Time) ICB {
	s := status.AsOn(in.Strategy, asOf)
	col := ICB{
		File: in.Path, Code: s.ICB.Code, Name: s.ICB.Name, Short: s.ICB.Short,
		Title: s.Meta.Title, Kind: s.Kind(), State: s.Meta.State,
		Updated: cmp.Or(s.Meta.Updated, s.Meta.Published), NextReview: s.Meta.NextReview,
		LocalPrinciples: len(s.Principles), Themes: len(s.Themes), Objectives: len(s.Objectives),
		Metrics: len(s.Metrics), SelfAssessments: len(s.SelfAssessments), Activities: len(s.Activities),
		Versions: s.Meta.History(),
	}
	if p := s.ICB.Population; p != nil {
		col.Population = strategy.Amount(p.Value, p.Qualifier, "people")
	}
	for _, t := range s.Themes {
		col.ThemeTitles = append(col.ThemeTitles, t.Title)
	}
	for _, a := range s.Activities {
		if len(a.Changed) > 0 {
			col.WithOutcome++
		}
	}
	if s.Meta.Period != nil {
		col.Period = s.Meta.Period.String()
	}
	col.ReviewOverdue = calendar.Passed(s.Meta.NextReview, asOf)
	linked := map[string]bool{}
	national := map[string][]int{} // kind/ID: the numbers it answers
	for _, p := range coverage.Of(s, in.Framework).Principles {
		col.Grades = append(col.Grades, p.Grade)
		for _, sup := range p.Answering() {
			if sup.Kind == "objective" {
				linked[sup.ID] = true
			}
			key := sup.Kind + "/" + sup.ID
			if !slices.Contains(national[key], p.Number) {
				national[key] = append(national[key], p.Number)
			}
		}
	}
	col.Items = items(s, national)
	for _, o := range s.Objectives {
		if !linked[o.ID] {
			col.Unlinked++
		}
	}
	if col.Kind == strategy.KindSelfAssessment {
		for _, p := range in.Framework.Principles {
			col.Ratings = append(col.Ratings, cmp.Or(s.Rating(p.Number), strategy.NotReported))
		}
	}
	board := status.Of(in.Path, s, in.Framework, status.Options{AsOf: asOf})
	col.Due, col.DueDone, col.Overdue = board.Due, board.DueDone, len(board.Overdue)
	for _, m := range s.Metrics {
		if m.Measured() {
			col.MetricsMeasured++
		}
	}
	for _, b := range s.Governance {
		if b.Role == "public-involvement" {
			col.InvolvementBody = b.Name
			break
		}
	}
	return col
}

// items lists every item of a strategy in file order, each with the
// national principles it answers.
func items(s *strategy.Strategy, national map[string][]int) []Item {
	out := []Item{}
	add := func(kind, id, title, status string) {
		n := national[kind+"/"+id]
		if n == nil {
			n = []int{}
		}
		out = append(out, Item{Kind: kind, ID: id, Title: title, Status: status, National: n})
	}
	for _, p := range s.Principles {
		add("principle", p.ID, p.Wording(), "")
	}
	for _, o := range s.Objectives {
		add("objective", o.ID, o.Title, o.Status)
	}
	for _, m := range s.Roadmap {
		add("milestone", m.ID, m.Title, m.Status)
	}
	for _, m := range s.Metrics {
		add("metric", m.ID, m.Title, "")
	}
	for _, a := range s.Activities {
		add("activity", a.ID, a.Title, "")
	}
	return out
}
