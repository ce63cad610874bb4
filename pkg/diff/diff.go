// Package diff compares two versions of a strategy in its own terms: items
// matched by ID (objectives, milestones, principles, metrics, assessment
// rounds), governance bodies, values and partners by name, ICBs by code. It
// ignores formatting, comments, key order and the order of lists, and names
// what matters to a reader: status moves, date slips, objectives removed
// without being dropped, coverage grades that change, and regressions.
package diff

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Op is what happened to an item.
type Op string

// Ops.
const (
	Added   Op = "added"
	Removed Op = "removed"
	Changed Op = "changed"
)

// Field is one changed field of an item.
type Field struct {
	Name string `json:"field"`
	Old  string `json:"old"`
	New  string `json:"new"`
	// Note says what the change means: "moved forward", "slipped 2 months".
	Note string `json:"note,omitempty"`
	// Added and Removed are, for a list of texts or entries, each entry
	// the list gained and lost (Old and New join them).
	Added   []string `json:"added,omitempty"`
	Removed []string `json:"removed,omitempty"`
}

// Change is one item added, removed or changed.
type Change struct {
	Kind   string  `json:"kind"` // strategy, principle, objective, milestone, metric, governance, value, partner, involvement level, self-assessment
	ID     string  `json:"id"`
	Title  string  `json:"title,omitempty"`
	Op     Op      `json:"op"`
	Fields []Field `json:"fields,omitempty"`
	// Regression says why the change is a regression; empty when it is not.
	Regression string `json:"regression,omitempty"`
}

// GradeChange is a national principle whose coverage grade changed.
type GradeChange struct {
	Number     int            `json:"number"`
	Label      string         `json:"label"`
	Old        coverage.Grade `json:"old"`
	New        coverage.Grade `json:"new"`
	Regression bool           `json:"regression"`
}

// Side names one version: a file, and the git revision it was read at
// ("" for a file as it is on disk).
type Side struct {
	File string `json:"file"`
	Rev  string `json:"rev,omitempty"`
}

// Comparison is the difference between two versions of one strategy.
type Comparison struct {
	Code     string        `json:"icb"`
	Name     string        `json:"name"`
	Old      Side          `json:"old"`
	New      Side          `json:"new"`
	Changes  []Change      `json:"changes"`
	Coverage []GradeChange `json:"coverage"`
}

// Regressions lists why the comparison is a regression, if it is.
func (c *Comparison) Regressions() []string {
	var out []string
	for _, ch := range c.Changes {
		if ch.Regression != "" {
			out = append(out, fmt.Sprintf("%s %s: %s", ch.Kind, ch.ID, ch.Regression))
		}
	}
	for _, g := range c.Coverage {
		if g.Regression {
			out = append(out, fmt.Sprintf("national principle %d (%s): coverage fell from %s to %s", g.Number, g.Label, g.Old, g.New))
		}
	}
	return out
}

// Differs reports whether anything changed.
func (c *Comparison) Differs() bool { return len(c.Changes) > 0 || len(c.Coverage) > 0 }

// Version is one version of a strategy, as read from one side.
type Version struct {
	Side     Side
	Strategy *strategy.Strategy
	// Framework is the framework it answers (nil when engage does not
	// know it), and FrameworkID that framework's ID.
	Framework   *framework.Framework
	FrameworkID string
}

// Compare compares an old and a new version of a strategy.
func Compare(oldV, newV Version) Comparison {
	old, new := oldV.Strategy, newV.Strategy
	fwOld, fwNew := oldV.Framework, newV.Framework
	c := Comparison{Code: new.ICB.Code, Name: new.Name(), Old: oldV.Side, New: newV.Side, Changes: []Change{}, Coverage: []GradeChange{}}
	var period *calendar.Span
	if p := new.Meta.Period; p != nil {
		if sp, err := calendar.ParseSpan(p.From, p.To); err == nil {
			period = &sp
		}
	}
	if ch, ok := compareDocument(oldV, newV); ok {
		c.Changes = append(c.Changes, ch)
	}
	add := func(chs []Change) { c.Changes = append(c.Changes, chs...) }
	add(keyed("theme", old.Themes, new.Themes, func(t strategy.Theme) (string, string) { return t.ID, t.Title }, nil))
	add(keyed("principle", old.Principles, new.Principles, func(p strategy.Principle) (string, string) { return p.ID, p.Wording() }, nil))
	add(keyed("objective", old.Objectives, new.Objectives, func(o strategy.Objective) (string, string) { return o.ID, o.Title },
		func(ch *Change, o, n *strategy.Objective) { objective(ch, o, n) }))
	add(keyed("milestone", old.Roadmap, new.Roadmap, func(m strategy.Milestone) (string, string) { return m.ID, m.Title },
		func(ch *Change, o, n *strategy.Milestone) { milestone(ch, o, n, period) }))
	add(keyed("metric", old.Metrics, new.Metrics, func(m strategy.Metric) (string, string) { return m.ID, m.Title }, nil))
	add(keyed("governance", old.Governance, new.Governance, func(b strategy.Body) (string, string) { return b.Name, "" }, nil))
	add(keyed("value", old.Values, new.Values, func(v strategy.Value) (string, string) { return v.Name, "" }, nil))
	add(keyed("partner", old.Partners, new.Partners, func(p strategy.Partner) (string, string) { return p.Name, "" }, nil))
	add(keyed("involvement level", old.Spectrum, new.Spectrum, func(l strategy.Level) (string, string) { return l.Level, "" }, nil))
	add(keyed("activity", old.Activities, new.Activities, func(a strategy.Activity) (string, string) { return a.ID, a.Title }, nil))
	add(keyed("self-assessment", old.SelfAssessments, new.SelfAssessments, func(a strategy.Assessment) (string, string) { return a.ID, a.Method }, nil))
	if fwOld != nil && fwNew != nil && fwOld.ID == fwNew.ID {
		before, after := coverage.Of(old, fwOld), coverage.Of(new, fwNew)
		for i, p := range after.Principles {
			if o := before.Principles[i].Grade; o != p.Grade {
				c.Coverage = append(c.Coverage, GradeChange{Number: p.Number, Label: p.Label, Old: o, New: p.Grade,
					Regression: p.Grade < o && new.Kind() == strategy.KindStrategy})
			}
		}
	}
	return c
}

// compareDocument compares what the document says about itself: the ICB,
// the strategy's metadata, its framework, vision and mission.
func compareDocument(oldV, newV Version) (Change, bool) {
	old, new := oldV.Strategy, newV.Strategy
	ch := Change{Kind: "strategy", ID: new.ICB.Code, Title: new.Meta.Title, Op: Changed}
	ch.Fields = append(ch.Fields, fields(reflect.ValueOf(old.ICB), reflect.ValueOf(new.ICB), "icb.")...)
	ch.Fields = append(ch.Fields, fields(reflect.ValueOf(old.Meta), reflect.ValueOf(new.Meta), "strategy.")...)
	for _, f := range []struct {
		name     string
		old, new any
	}{
		{"framework", oldV.FrameworkID, newV.FrameworkID},
		{"vision", old.Vision, new.Vision},
		{"mission", old.Mission, new.Mission},
	} {
		if o, n := canonical(reflect.ValueOf(f.old)), canonical(reflect.ValueOf(f.new)); o != n {
			ch.Fields = append(ch.Fields, Field{Name: f.name, Old: o, New: n})
		}
	}
	for i := range ch.Fields {
		if ch.Fields[i].Name == "strategy.next_review" {
			ch.Fields[i].Note = dateMove(ch.Fields[i].Old, ch.Fields[i].New, "moved", "brought forward")
		}
	}
	return ch, len(ch.Fields) > 0
}

// keyed matches two lists by key and compares the pairs field by field;
// more adds meaning to a changed pair. An item whose key repeats is matched
// once, by its first appearance.
func keyed[T any](kind string, old, new []T, key func(T) (id, title string), more func(*Change, *T, *T)) []Change {
	oldBy := map[string]int{}
	for i, o := range old {
		if id, _ := key(o); id != "" {
			if _, dup := oldBy[id]; !dup {
				oldBy[id] = i
			}
		}
	}
	var out []Change
	seen := map[string]bool{}
	for i := range new {
		id, title := key(new[i])
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		j, ok := oldBy[id]
		if !ok {
			out = append(out, Change{Kind: kind, ID: id, Title: title, Op: Added})
			continue
		}
		ch := Change{Kind: kind, ID: id, Title: title, Op: Changed,
			Fields: fields(reflect.ValueOf(old[j]), reflect.ValueOf(new[i]), "")}
		if more != nil {
			more(&ch, &old[j], &new[i])
		}
		if len(ch.Fields) > 0 {
			out = append(out, ch)
		}
	}
	for i := range old {
		id, title := key(old[i])
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		ch := Change{Kind: kind, ID: id, Title: title, Op: Removed}
		if o, ok := any(old[i]).(strategy.Objective); ok && o.Status != strategy.Dropped {
			ch.Regression = "removed without being marked dropped"
		}
		out = append(out, ch)
	}
	return out
}

// fields compares two structs field by field, by their YAML names.
func fields(old, new reflect.Value, prefix string) []Field {
	var out []Field
	t := old.Type()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == "" || name == "-" || name == "id" {
			continue
		}
		if name == "updates" {
			if f, ok := updates(old.Field(i).Interface().([]strategy.Update), new.Field(i).Interface().([]strategy.Update)); ok {
				out = append(out, f)
			}
			continue
		}
		if old.Field(i).Kind() == reflect.Slice && old.Field(i).Type().Elem().Kind() != reflect.Int {
			// Lists of texts or entries: what was added and lost. (Lists
			// of numbers read best whole: national: 1, 2 → 1, 3.)
			if f, ok := list(prefix+name, old.Field(i), new.Field(i)); ok {
				out = append(out, f)
			}
			continue
		}
		o, n := canonical(old.Field(i)), canonical(new.Field(i))
		if o != n {
			out = append(out, Field{Name: prefix + name, Old: o, New: n})
		}
	}
	return out
}

// list compares two lists whatever their order: what the new one lost
// (Old) and gained (New), so an added entry shows as itself, not as the
// whole list before and after.
func list(name string, old, new reflect.Value) (Field, bool) {
	count := func(v reflect.Value) map[string]int {
		m := map[string]int{}
		for i := 0; i < v.Len(); i++ {
			m[canonical(v.Index(i))]++
		}
		return m
	}
	before, after := count(old), count(new)
	var lost, gained []string
	for k, n := range before {
		for ; n > after[k]; n-- {
			lost = append(lost, k)
		}
	}
	for k, n := range after {
		for ; n > before[k]; n-- {
			gained = append(gained, k)
		}
	}
	if len(lost)+len(gained) == 0 {
		return Field{}, false
	}
	sort.Strings(lost)
	sort.Strings(gained)
	sep := ", "
	if old.Type().Elem().Kind() == reflect.Struct {
		sep = " | "
	}
	var note []string
	if len(gained) > 0 {
		note = append(note, plural(len(gained), "added", "added"))
	}
	if len(lost) > 0 {
		note = append(note, plural(len(lost), "removed", "removed"))
	}
	return Field{Name: name, Old: strings.Join(lost, sep), New: strings.Join(gained, sep), Note: strings.Join(note, ", "), Added: gained, Removed: lost}, true
}

// canonical writes a value so that equal values read the same whatever the
// order of their lists.
func canonical(v reflect.Value) string {
	if !v.IsValid() {
		return ""
	}
	if s, ok := v.Interface().(fmt.Stringer); ok && v.Kind() != reflect.Pointer {
		return s.String()
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return ""
		}
		return canonical(v.Elem())
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int64:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Int {
			// Numbers in numeric order: national: 5, 6, 10.
			nums := make([]int, v.Len())
			for i := range nums {
				nums[i] = int(v.Index(i).Int())
			}
			slices.Sort(nums)
			parts := make([]string, len(nums))
			for i, n := range nums {
				parts[i] = strconv.Itoa(n)
			}
			return strings.Join(parts, ", ")
		}
		parts := make([]string, 0, v.Len())
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, canonical(v.Index(i)))
		}
		sort.Strings(parts)
		sep := ", "
		if v.Type().Elem().Kind() == reflect.Struct {
			sep = " | "
		}
		return strings.Join(parts, sep)
	case reflect.Struct:
		var parts []string
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if s := canonical(v.Field(i)); s != "" && name != "" {
				parts = append(parts, name+": "+s)
			}
		}
		return strings.Join(parts, "; ")
	}
	return fmt.Sprint(v.Interface())
}

// updates compares delivery logs, which should only grow.
func updates(old, new []strategy.Update) (Field, bool) {
	if len(old) == len(new) && prefix(old, new) {
		return Field{}, false
	}
	f := Field{Name: "updates", Old: plural(len(old), "entry", "entries"), New: plural(len(new), "entry", "entries")}
	if len(new) >= len(old) && prefix(old, new) {
		added := new[len(old):]
		last := added[len(added)-1]
		f.Note = fmt.Sprintf("%s added; latest %s", plural(len(added), "entry", "entries"), last.Date)
		if last.Status != "" {
			f.Note += " " + last.Status
		}
		if last.Note != "" {
			f.Note += ": " + last.Note
		}
		return f, true
	}
	f.Note = "earlier entries were changed or removed: the log should only grow"
	return f, true
}

// prefix reports whether log a is the start of log b.
func prefix(a, b []strategy.Update) bool {
	if len(a) > len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// status ranks: how far along an item is. Not reported says nothing about
// that, and dropped is a decision, not a step back.
var statusRank = map[string]int{
	strategy.Planned: 1, strategy.InProgress: 2, strategy.AtRisk: 2, strategy.OffTrack: 2, strategy.Done: 3,
}

// statusNote says what a status change means, and whether it went backwards.
func statusNote(old, new string) (note string, backwards bool) {
	o, n := statusRank[old], statusRank[new]
	switch {
	case new == strategy.Dropped:
		return "dropped", false
	case old == strategy.NotReported:
		return "first reported", false
	case new == strategy.NotReported:
		return "no longer reported", false
	case o > 0 && n > 0 && n < o:
		return "moved backwards", true
	case n > o:
		return "moved forward", false
	}
	return "", false
}

func objective(ch *Change, o, n *strategy.Objective) {
	for i := range ch.Fields {
		f := &ch.Fields[i]
		switch f.Name {
		case "status":
			note, backwards := statusNote(o.Status, n.Status)
			f.Note = note
			if backwards {
				ch.Regression = fmt.Sprintf("status moved backwards, %s to %s", o.Status, n.Status)
			}
		case "due", "year":
			if before, ok := o.DueBy(); ok {
				if after, ok := n.DueBy(); ok {
					f.Note = move(before, after, "slipped", "brought forward")
				}
			}
		}
	}
}

func milestone(ch *Change, o, n *strategy.Milestone, period *calendar.Span) {
	for i := range ch.Fields {
		f := &ch.Fields[i]
		switch f.Name {
		case "status":
			f.Note, _ = statusNote(o.Status, n.Status)
		case "to":
			before, err1 := calendar.ParseMonthOrDate(o.To)
			after, err2 := calendar.ParseMonthOrDate(n.To)
			if err1 != nil || err2 != nil {
				continue
			}
			f.Note = move(before, after, "slipped", "brought forward")
			if period != nil && after.Last.After(period.Last()) && !before.Last.After(period.Last()) {
				ch.Regression = fmt.Sprintf("now ends %s, after the strategy period ends (%s)", n.To, period.Last().Format(time.DateOnly))
			}
		case "from":
			f.Note = dateMove(o.From, n.From, "starts later", "starts earlier")
		}
	}
}

func dateMove(old, new, later, earlier string) string {
	a, err1 := calendar.ParseMonthOrDate(old)
	b, err2 := calendar.ParseMonthOrDate(new)
	if err1 != nil || err2 != nil {
		return ""
	}
	return move(a, b, later, earlier)
}

// move says how far a date moved, at the precision both are written:
// days between days, else months ("slipped 4 months" from 2025-03 to
// 2025-07, not "122 days"), else years; measured from the last day each
// stands for.
func move(old, new calendar.Range, later, earlier string) string {
	word := later
	var n int
	var one, many string
	switch {
	case old.Precision == calendar.DayPrecision && new.Precision == calendar.DayPrecision:
		n, one, many = int(new.Last.Sub(old.Last).Hours()/24), "day", "days"
	default:
		n, one, many = (new.Last.Year()-old.Last.Year())*12+int(new.Last.Month())-int(old.Last.Month()), "month", "months"
		if n%12 == 0 && max(old.Precision, new.Precision) <= calendar.CalendarYear {
			n, one, many = n/12, "year", "years"
		}
	}
	switch {
	case n == 0:
		return ""
	case n < 0:
		word, n = earlier, -n
	}
	return word + " " + plural(n, one, many)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Strategy names one strategy in a set by its ICB.
type Strategy struct {
	Code string `json:"icb"`
	Name string `json:"name"`
	Side
}

// Report is the difference between two sets of strategies (or two files):
// each strategy in both, compared, and the ICBs only in one.
type Report struct {
	Comparisons []Comparison `json:"comparisons"`
	Added       []Strategy   `json:"added"`
	Removed     []Strategy   `json:"removed"`
}

// Differs reports whether anything changed.
func (r *Report) Differs() bool {
	if len(r.Added) > 0 || len(r.Removed) > 0 {
		return true
	}
	for i := range r.Comparisons {
		if r.Comparisons[i].Differs() {
			return true
		}
	}
	return false
}

// Pair is one strategy on both sides: Old is nil when it was added, New
// when it was removed.
type Pair struct{ Old, New *Version }

// PairByICB matches two sets of strategies by ICB code (by file when a
// code is missing or repeated): those in the new set in its order, then
// those only in the old.
func PairByICB(olds, news []Version) []Pair {
	key := func(vs []Version) (map[string]*Version, []string) {
		m := map[string]*Version{}
		var order []string
		for i := range vs {
			k := vs[i].Strategy.ICB.Code
			if _, dup := m[k]; k == "" || dup {
				k = "file:" + vs[i].Side.File
			}
			m[k] = &vs[i]
			order = append(order, k)
		}
		return m, order
	}
	oldBy, oldOrder := key(olds)
	newBy, newOrder := key(news)
	var out []Pair
	for _, k := range newOrder {
		out = append(out, Pair{oldBy[k], newBy[k]})
	}
	for _, k := range oldOrder {
		if newBy[k] == nil {
			out = append(out, Pair{oldBy[k], nil})
		}
	}
	return out
}

// Build compares each pair: strategies on both sides are compared (in
// order of their new file), the others listed as added or removed.
func Build(pairs []Pair) *Report {
	r := &Report{Comparisons: []Comparison{}}
	for _, p := range pairs {
		switch {
		case p.Old == nil:
			r.Added = append(r.Added, Strategy{Code: p.New.Strategy.ICB.Code, Name: p.New.Strategy.Name(), Side: p.New.Side})
		case p.New == nil:
			r.Removed = append(r.Removed, Strategy{Code: p.Old.Strategy.ICB.Code, Name: p.Old.Strategy.Name(), Side: p.Old.Side})
		default:
			r.Comparisons = append(r.Comparisons, Compare(*p.Old, *p.New))
		}
	}
	sort.SliceStable(r.Comparisons, func(i, j int) bool { return r.Comparisons[i].New.File < r.Comparisons[j].New.File })
	return r
}

// Regressions lists every regression, naming its strategy.
func (r *Report) Regressions() []string {
	var out []string
	for i := range r.Comparisons {
		c := &r.Comparisons[i]
		for _, reg := range c.Regressions() {
			out = append(out, c.New.File+": "+reg)
		}
	}
	return out
}
