package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// SummaryItems is how many of the items needing attention the summary
// names; the rest are listed in full later in the report.
const SummaryItems = 5

// Summary is the report's key figures: what a board reads first.
type Summary struct {
	// Objectives and Milestones are the year's, counted by status;
	// CarriedOver is how many of the objectives were set for an earlier
	// year (status.InYear).
	Objectives, Milestones status.Counts
	CarriedOver            int
	// Due is how many of the year's objectives are due by the as-of date
	// (not dropped), DueDone how many of those are done.
	Due, DueDone int
	// Overdue is how many of the year's objectives and milestones are due
	// before the as-of date and not done or dropped; Troubled how many
	// are at risk or off track.
	Overdue, Troubled int
	// Grades counts the national principles at each coverage grade,
	// strongest first, leaving out grades no principle has.
	Grades []GradeCount
	// Activities is how many engagement activities the year has (Undated
	// of them with dates the source does not give), and WithOutcome how
	// many of them record what changed as a result.
	Activities, Undated, WithOutcome int
	// Metrics is how many metrics the strategy sets, and Measured how
	// many have a value since their baseline.
	Metrics, Measured int
	// Year is what changed in the year itself.
	Year YearChanges
}

// GradeCount is how many national principles have a grade.
type GradeCount struct {
	Grade coverage.Grade
	Count int
}

// YearChanges is what the strategy records as having changed during the
// reported year: its own versions, and the updates to objectives and
// milestones dated in the year.
type YearChanges struct {
	Versions []strategy.Version
	// Updated is how many of the year's objectives and milestones have an
	// update dated in the year; Done how many of them were recorded done
	// in the year.
	Updated, Done int
}

// Attention is every item the board should look at: those off track or
// at risk first, then those overdue, most overdue first. Each is listed
// once.
func (r *Report) Attention() []status.Item {
	var out []status.Item
	seen := map[string]bool{}
	add := func(it status.Item) {
		if key := it.Kind + "/" + it.ID; !seen[key] {
			seen[key] = true
			out = append(out, it)
		}
	}
	troubled := slices.Clone(r.Board.Troubled)
	slices.SortStableFunc(troubled, func(a, b status.Item) int {
		return cmp.Compare(severity(b.Status), severity(a.Status))
	})
	for _, it := range troubled {
		add(it)
	}
	overdue := slices.Clone(r.Board.Overdue)
	slices.SortStableFunc(overdue, func(a, b status.Item) int { return dueOrder(a).Compare(dueOrder(b)) })
	for _, it := range overdue {
		add(it)
	}
	return out
}

// TopAttention is the first SummaryItems of Attention, and how many more
// there are.
func (r *Report) TopAttention() (top []status.Item, more int) {
	all := r.Attention()
	if len(all) <= SummaryItems {
		return all, 0
	}
	return all[:SummaryItems], len(all) - SummaryItems
}

func severity(s string) int {
	if s == strategy.OffTrack {
		return 2
	}
	return 1
}

// dueOrder is when an item was due, for ordering: the last day its due
// date stands for (an unreadable one sorts last).
func dueOrder(it status.Item) time.Time {
	r, err := calendar.ParseWhen(it.Due)
	if err != nil {
		return time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return r.Last
}

// summarise fills in the report's summary.
func (r *Report) summarise(s *strategy.Strategy, year calendar.Year) {
	bd := r.Board
	sum := Summary{Objectives: bd.Objectives, Milestones: bd.Milestones, CarriedOver: bd.CarriedOver, Due: bd.Due, DueDone: bd.DueDone,
		Overdue: len(bd.Overdue), Troubled: len(bd.Troubled), Activities: len(r.Activities), Metrics: len(s.Metrics)}
	for _, a := range r.Activities {
		if len(a.Changed) > 0 {
			sum.WithOutcome++
		}
		if _, err := calendar.ParseWhen(a.Dates); err != nil {
			sum.Undated++
		}
	}
	for _, m := range s.Metrics {
		if len(m.Actuals) > 0 {
			sum.Measured++
		}
	}
	for i := len(coverage.Grades) - 1; i >= 0; i-- {
		g := coverage.Grades[i]
		n := 0
		for _, p := range r.Coverage.Principles {
			if p.Grade == g {
				n++
			}
		}
		if n > 0 {
			sum.Grades = append(sum.Grades, GradeCount{Grade: g, Count: n})
		}
	}
	during := year.DatedIn
	for _, v := range s.Meta.Versions {
		if during(v.Date) {
			sum.Year.Versions = append(sum.Year.Versions, v)
		}
	}
	count := func(updates []strategy.Update) {
		updated, done := false, false
		for _, u := range updates {
			if during(u.Date) {
				updated = true
				done = done || u.Status == strategy.Done
			}
		}
		if updated {
			sum.Year.Updated++
		}
		if done {
			sum.Year.Done++
		}
	}
	ids := map[string]bool{}
	for _, o := range r.objectives {
		ids["objective/"+o.ID] = true
	}
	for _, m := range r.Roadmap {
		ids["milestone/"+m.ID] = true
	}
	for _, o := range s.Objectives {
		if ids["objective/"+o.ID] {
			ids["objective/"+o.ID] = false // once, if an ID repeats
			count(o.Updates)
		}
	}
	for _, m := range s.Roadmap {
		if ids["milestone/"+m.ID] {
			ids["milestone/"+m.ID] = false
			count(m.Updates)
		}
	}
	r.Summary = sum
}

// Regressions is how many of the changes since --since's revision are
// regressions, coverage grades that fell included.
func (r *Report) Regressions() int {
	if r.Changes == nil {
		return 0
	}
	n := 0
	for _, c := range r.Changes.Changes {
		if c.Regression != "" {
			n++
		}
	}
	for _, g := range r.Changes.Coverage {
		if g.Regression {
			n++
		}
	}
	return n
}

// Key pairs a status or a grade with what it means, for the report's key.
type Key struct {
	Name, Meaning string
}

// StatusKey says what each status means, in the order reports list them.
var StatusKey = []Key{
	{strategy.NotReported, "no source says how it stands"},
	{strategy.Planned, "agreed and scheduled, not started"},
	{strategy.InProgress, "under way and on track"},
	{strategy.AtRisk, "under way but may miss its date or aim"},
	{strategy.OffTrack, "will miss its date or aim without action"},
	{strategy.Done, "delivered"},
	{strategy.Dropped, "deliberately stopped"},
}

// GradeKey says what each coverage grade means, weakest first; each grade
// includes the ones below it.
var GradeKey = []Key{
	{coverage.Missing.String(), "nothing in the strategy answers it"},
	{coverage.Stated.String(), "a local principle states it, nothing delivers it"},
	{coverage.Planned.String(), "an objective, milestone or metric is planned for it"},
	{coverage.Delivering.String(), "work on it is under way or done, or an engagement activity serves it"},
	{coverage.Evidenced.String(), "delivered with a link to evidence, or an activity records what changed"},
	{coverage.Measured.String(), "a metric for it has a measured value"},
}

// RoadmapSection is one group of the roadmap: the year's objectives and
// milestones that serve one theme, or (without themes) one national
// principle first, or none. Each item is in one section.
type RoadmapSection struct {
	// Key is the theme's ID or the principle's number; empty for the
	// items in no theme or answering no principle.
	Key   string
	Title string
	Rows  []Row
}

// sections groups the year's objectives and milestones for the roadmap:
// by the theme of the first local principle each serves when the
// strategy has themes, else by the first national principle it answers.
func (r *Report) sections(s *strategy.Strategy, objectives, milestones []Row) []RoadmapSection {
	var keys []string
	groups := map[string]*RoadmapSection{}
	add := func(key, title string, row Row) {
		g := groups[key]
		if g == nil {
			g = &RoadmapSection{Key: key, Title: title}
			groups[key] = g
		}
		g.Rows = append(g.Rows, row)
	}
	if len(s.Themes) > 0 {
		themeOf := map[string]string{}
		for _, p := range s.Principles {
			if _, dup := themeOf[p.ID]; !dup {
				themeOf[p.ID] = p.Theme
			}
		}
		objectivePrinciples := map[string][]string{}
		for _, o := range s.Objectives {
			if _, dup := objectivePrinciples[o.ID]; !dup {
				objectivePrinciples[o.ID] = o.Principles
			}
		}
		milestonePrinciples := map[string][]string{}
		for _, m := range s.Roadmap {
			if _, dup := milestonePrinciples[m.ID]; !dup {
				ps := slices.Clone(m.Principles)
				for _, id := range m.Objectives {
					ps = append(ps, objectivePrinciples[id]...)
				}
				milestonePrinciples[m.ID] = ps
			}
		}
		theme := func(principles []string) string {
			for _, p := range principles {
				if t := themeOf[p]; t != "" && r.Theme(t) != "" {
					return t
				}
			}
			return ""
		}
		for _, o := range objectives {
			t := theme(objectivePrinciples[o.ID])
			add(t, r.Theme(t), o)
		}
		for _, m := range milestones {
			t := theme(milestonePrinciples[m.ID])
			add(t, r.Theme(t), m)
		}
		for _, t := range s.Themes {
			keys = append(keys, t.ID)
		}
	} else {
		label := map[int]string{}
		for _, p := range r.Coverage.Principles {
			label[p.Number] = p.Label
		}
		first := func(row Row) string {
			if len(row.National) == 0 {
				return ""
			}
			return fmt.Sprint(slices.Min(row.National))
		}
		for _, row := range append(slices.Clone(objectives), milestones...) {
			k := first(row)
			title := ""
			if k != "" {
				var n int
				_, _ = fmt.Sscan(k, &n)
				title = label[n]
			}
			add(k, title, row)
		}
		for _, p := range r.Coverage.Principles {
			keys = append(keys, fmt.Sprint(p.Number))
		}
	}
	var out []RoadmapSection
	for _, k := range append(keys, "") {
		if g := groups[k]; g != nil {
			out = append(out, *g)
			delete(groups, k)
		}
	}
	return out
}

// AsOf is the date a report on year is as of when no date is given: today,
// or the year's last day once the year has ended (yearEnd), so that a
// past year is reported as it stood at its end.
func AsOf(year calendar.Year, today time.Time) (asOf time.Time, yearEnd bool) {
	today = calendar.Day(today)
	if last := year.Last(); today.After(last) {
		return last, true
	}
	return today, false
}

// CheckYear refuses a year the strategy cannot be reported on: one
// outside its stated period in which it records nothing (see recordsIn). A strategy without a period,
// or with an end not stated, is reported on for any year it reaches.
func CheckYear(s *strategy.Strategy, year calendar.Year) error {
	p := s.Meta.Period
	if p == nil {
		return nil
	}
	var before, after bool
	if from, err := calendar.ParseYear(p.From); err == nil && year.Start < from.Start {
		before = true
	}
	if to, err := calendar.ParseYear(p.To); err == nil && year.Start > to.Start {
		after = true
	}
	if !before && !after {
		return nil
	}
	if recordsIn(s, year) {
		return nil
	}
	return fmt.Errorf("%s is outside the strategy's period (%s) and the strategy records nothing in it: give a year from its period", year, p)
}

// recordsIn reports whether the strategy sets an objective for the year,
// records an update in it of one the year's review holds
// (status.InYear), or has a milestone or an activity in it. (An
// objective carried over only because it is not finished does not make a
// year after the strategy's period one to report on, nor does an update
// of an objective set for a later year make an earlier one.)
func recordsIn(s *strategy.Strategy, year calendar.Year) bool {
	in := calendar.Range{First: year.First(), Last: year.Last()}
	for _, o := range s.Objectives {
		held, carried := status.InYear(o, year, year.Last())
		if held && (!carried || status.UpdatedIn(o, year)) {
			return true
		}
	}
	for _, m := range s.Roadmap {
		from, err1 := calendar.ParseWhen(m.From)
		to, err2 := calendar.ParseWhen(m.To)
		if err1 == nil && err2 == nil && (calendar.Range{First: from.First, Last: to.Last}).Overlaps(in) {
			return true
		}
	}
	for _, a := range s.Activities {
		if d, err := calendar.ParseWhen(a.Dates); err == nil && d.Overlaps(in) {
			return true
		}
	}
	return false
}

// Short shortens text to at most n characters at a word boundary, ending
// it with "…" when anything is cut; text that fits is returned whole.
// Line breaks and runs of spaces become one space.
func Short(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	runes := []rune(text)
	cut := n - 1 // room for the ellipsis
	end := cut
	for end > 0 && runes[end] != ' ' {
		end--
	}
	if end < cut/2 { // one long word: cut inside it
		end = cut
	}
	return strings.TrimRightFunc(string(runes[:end]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '"' && r != '\''
	}) + "…"
}
