package validate

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/closest"
	"github.com/engage-icb/engage/internal/icb"
	"github.com/engage-icb/engage/internal/pointer"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/internal/scaffold"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// meaning checks what the schema cannot: that IDs are unique, references
// resolve, dates exist and fall in order and inside the period, statuses
// agree with their logs, the ICB's identity holds together, and every
// national principle is answered.
type meaning struct {
	s      *strategy.Strategy
	line   func(ptr string) int // where a pointer is written, for messages
	fws    *framework.Set
	fw     *framework.Framework // nil when the framework is unknown
	asOf   time.Time
	period *calendar.Span // nil when the period is missing or unreadable
	// fwID is the ID of the framework the strategy answers.
	fwID string
	// grade says the model is whole enough to grade: coverage and
	// unmapped principles are reported only then.
	grade bool
	out   []problem
}

func (m *meaning) add(rule, ptr, msg, hint string) {
	m.out = append(m.out, problem{rule: rule, pointer: ptr, message: msg, hint: hint})
}

func checkMeaning(doc *strategy.Document, fws *framework.Set, fw *framework.Framework, fwID string, asOf time.Time, grade bool) []problem {
	line := func(ptr string) int {
		l, _ := doc.Locate(ptr, false)
		return l
	}
	m := &meaning{s: doc.Strategy, line: line, fws: fws, fw: fw, fwID: fwID, asOf: asOf, grade: grade}
	m.framework()
	m.identity()
	m.meta()
	m.ids()
	m.principles()
	m.objectives()
	m.roadmap()
	m.metrics()
	m.population()
	m.governance()
	m.activities()
	m.assessments()
	m.coverage()
	m.texts(doc.Root, nil)
	return m.out
}

// texts reports every text still holding engage init's placeholder, and
// every text with a character a reader would not see. The path to a node
// is kept as parts and joined into a pointer only for a finding: every
// scalar of the file is visited.
func (m *meaning) texts(n *yaml.Node, path []any) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			m.texts(n.Content[i+1], append(path, n.Content[i].Value))
		}
	case yaml.SequenceNode:
		for i, e := range n.Content {
			m.texts(e, append(path, i))
		}
	case yaml.ScalarNode:
		if strings.HasPrefix(n.Value, scaffold.Placeholder) {
			m.add(RuleUnwritten, pointer.New(path...),
				fmt.Sprintf("this is still to be written: %q", n.Value),
				"replace it with your own words, traceable to a public source")
		}
		if i := hiddenAt(n.Value); i >= 0 {
			r, _ := utf8.DecodeRuneInString(n.Value[i:])
			m.add(RuleHiddenCharacter, pointer.New(path...),
				fmt.Sprintf("this text holds a character no reader sees (U+%04X, %s), which can hide or reorder what the text shows", r, hiddenName(r)),
				"retype the text, or paste it as plain text; engage leaves such characters out of reports, pages and workbooks")
		}
	}
}

// hiddenAt is the offset of the first character in s a text should not
// hold, or -1: a control character other than a line break or tab, one
// of the Unicode controls that reorder how text is shown (bidirectional
// embeddings, overrides and isolates; marks too), or a line or paragraph
// separator. Every text of a file is scanned, so printable ASCII, nearly
// all of it, is passed over a byte at a time.
func hiddenAt(s string) int {
	for i := 0; i < len(s); {
		if b := s[i]; b >= 0x20 && b < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if hidden(r) {
			return i
		}
		i += size
	}
	return -1
}

func hidden(r rune) bool {
	switch {
	case r == '\n', r == '\t', r == '\r':
		return false
	case r < 0x20, r >= 0x7f && r < 0xa0: // C0 and C1 controls, DEL
		return true
	}
	return safetext.IsBidi(r) || r == '\u2028' || r == '\u2029'
}

func hiddenName(r rune) string {
	switch {
	case r == 0x1b:
		return "an escape, which starts terminal commands"
	case safetext.IsBidi(r):
		return "a right-to-left or left-to-right control"
	case r == '\u2028' || r == '\u2029':
		return "a line or paragraph separator"
	}
	return "a control character"
}

func (m *meaning) framework() {
	if m.fw != nil {
		return
	}
	m.add(RuleUnknownFramework, "/framework",
		fmt.Sprintf("framework %q is not one engage knows", m.fwID),
		frameworkHint(m.fwID, m.fws))
}

func frameworkHint(id string, fws *framework.Set) string {
	hint := "known frameworks: " + strings.Join(fws.IDs(), ", ") + " (see engage principles --list)"
	if c, ok := closest.Match(id, fws.IDs()); ok {
		hint = fmt.Sprintf("did you mean %q? %s", c, hint)
	}
	return hint
}

func (m *meaning) identity() {
	code, name := m.s.ICB.Code, m.s.ICB.Name
	if code == "" || name == "" {
		return
	}
	byCode, codeKnown := icb.ByCode(code)
	byName, nameKnown := icb.ByName(name)
	switch {
	case codeKnown && !byCode.Matches(name):
		hint := fmt.Sprintf("if the code is right, the name is %q", byCode.Name)
		if nameKnown {
			hint = fmt.Sprintf("%q has the code %s; if the code is right, the name is %q", byName.Name, byName.Code, byCode.Name)
		}
		m.add(RuleODSMismatch, "/icb/name",
			fmt.Sprintf("ODS code %s belongs to %s, not %q", code, byCode.Name, name), hint)
	case !codeKnown && nameKnown:
		m.add(RuleODSMismatch, "/icb/code",
			fmt.Sprintf("%s has the ODS code %s, not %s", byName.Name, byName.Code, code),
			fmt.Sprintf("set code: %s", byName.Code))
	}
}

func (m *meaning) meta() {
	meta := m.s.Meta
	if p := meta.Period; p != nil {
		m.periodOf(*p)
	}
	if meta.Published != "" {
		m.when(meta.Published, "/strategy/published")
	}
	if meta.Updated != "" {
		m.when(meta.Updated, "/strategy/updated")
	}
	if meta.NextReview != "" {
		if r, ok := m.when(meta.NextReview, "/strategy/next_review"); ok && r.Last.Before(m.asOf) {
			days := int(m.asOf.Sub(r.Last).Hours() / 24)
			m.add(RuleReviewOverdue, "/strategy/next_review",
				fmt.Sprintf("the next review was due %s, %s ago (as of %s)", meta.NextReview, ago(days), m.asOf.Format(time.DateOnly)),
				"review the strategy with people and communities, then set next_review to the following review date")
		}
	}
	var latest time.Time
	for i, v := range meta.Versions {
		ptr := pointer.New("strategy", "versions", i, "date")
		if r, ok := m.when(v.Date, ptr); ok {
			if r.Last.Before(latest) {
				m.add(RuleUpdateOrder, ptr,
					fmt.Sprintf("version dated %s comes after a later one: versions must be oldest first", v.Date),
					"move this version above the later one; add new versions at the end")
			}
			latest = later(latest, r.First)
		}
	}
}

// periodOf reads the strategy period, reporting what the source does not
// state (never filled in) and what cannot be read.
func (m *meaning) periodOf(p strategy.Period) {
	const ptr = "/strategy/period"
	switch {
	case strategy.IsUnknown(p.From) && strategy.IsUnknown(p.To):
		m.add(RuleNotKnown, ptr, "the strategy period is not known: the source does not state the years it covers",
			"when a source states the period, write it as period: {from: YYYY/YY, to: YYYY/YY}; until then engage cannot tell what falls outside it")
		return
	case strategy.IsUnknown(p.To):
		m.add(RuleNotKnown, ptr+"/to", "the end of the strategy period is not known: the source gives no end year",
			"when a source states the last year, write it in to:")
		if y, err := m.year(p.From, ptr+"/from"); err == nil {
			m.period = &calendar.Span{From: y, To: calendar.Year{Start: 9999}}
		}
		return
	case strategy.IsUnknown(p.From):
		m.add(RuleNotKnown, ptr+"/from", "the start of the strategy period is not known: the source gives no first year",
			"when a source states the first year, write it in from:")
		if y, err := m.year(p.To, ptr+"/to"); err == nil {
			m.period = &calendar.Span{From: calendar.Year{Start: 0}, To: y}
		}
		return
	}
	m.period = m.span(p.From, p.To, ptr)
}

// later returns the later of two times.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func ago(days int) string {
	switch {
	case days == 1:
		return "1 day"
	case days < 60:
		return fmt.Sprintf("%d days", days)
	case days < 730:
		return fmt.Sprintf("%d months", days*12/365)
	}
	return fmt.Sprintf("%d years", days/365)
}

// span reads a pair of financial years; nil when either is unreadable.
func (m *meaning) span(from, to, ptr string) *calendar.Span {
	f, errF := m.year(from, ptr+"/from")
	t, errT := m.year(to, ptr+"/to")
	if errF != nil || errT != nil {
		return nil
	}
	if t.Start < f.Start {
		m.add(RuleDateOrder, ptr+"/to",
			fmt.Sprintf("the span ends (%s) before it starts (%s)", to, from),
			"swap from and to, or correct the year")
		return nil
	}
	return &calendar.Span{From: f, To: t}
}

func (m *meaning) year(s, ptr string) (calendar.Year, error) {
	y, err := calendar.ParseYear(s)
	if err != nil {
		m.add(RuleInvalidDate, ptr, fmt.Sprintf("%q is not a real financial year", s), err.Error())
	}
	return y, err
}

// when reads a date at the precision its source gives (calendar.ParseWhen).
func (m *meaning) when(s, ptr string) (calendar.Range, bool) {
	r, err := calendar.ParseWhen(s)
	if err != nil {
		m.add(RuleInvalidDate, ptr, fmt.Sprintf("%q is not a real date", s),
			"check the day and month: write a day (2024-03-31), a month (2024-03), a year (2024) or a range (2023-09/2023-10)")
		return calendar.Range{}, false
	}
	return r, true
}

// inPeriod reports what certainly falls outside the strategy period: a
// span that starts (at the latest its written start allows) before the
// period starts, or ends (at the earliest) after it ends. A date written
// as a month or a year is outside only when all of it is.
func (m *meaning) inPeriod(from, to calendar.Range, what, ptr string) {
	if m.period == nil {
		return
	}
	if from.Last.Before(m.period.First()) || to.First.After(m.period.Last()) {
		m.add(RuleOutsidePeriod, ptr,
			fmt.Sprintf("%s falls outside the strategy period %s (%s to %s)", what, m.period,
				m.period.First().Format(time.DateOnly), m.period.Last().Format(time.DateOnly)),
			"correct the date, or widen strategy.period if the strategy really runs longer")
	}
}

type idUse struct {
	kind string
	ptr  string
}

func (m *meaning) ids() {
	seen := map[string]idUse{}
	check := func(kind, list string, i int, id string) {
		if id == "" {
			return
		}
		ptr := pointer.New(list, i, "id")
		if first, dup := seen[id]; dup {
			m.add(RuleDuplicateID, ptr,
				fmt.Sprintf("ID %q is already used by %s %s on line %d", id, article(first.kind), first.kind, m.line(first.ptr)),
				"give each theme, principle, objective, milestone, metric, activity and assessment its own ID")
			return
		}
		seen[id] = idUse{kind, ptr}
	}
	for i, p := range m.s.Principles {
		check("principle", "principles", i, p.ID)
	}
	for i, o := range m.s.Objectives {
		check("objective", "objectives", i, o.ID)
	}
	for i, ms := range m.s.Roadmap {
		check("milestone", "roadmap", i, ms.ID)
	}
	for i, t := range m.s.Themes {
		check("theme", "themes", i, t.ID)
	}
	for i, a := range m.s.Activities {
		check("activity", "activities", i, a.ID)
	}
	for i, mt := range m.s.Metrics {
		check("metric", "metrics", i, mt.ID)
	}
	for i, a := range m.s.SelfAssessments {
		check("self-assessment", "self_assessments", i, a.ID)
	}
	names := map[string]bool{}
	for i, b := range m.s.Governance {
		key := strings.ToLower(strings.TrimSpace(b.Name))
		if names[key] {
			m.add(RuleDuplicateID, pointer.New("governance", i, "name"),
				fmt.Sprintf("governance body %q is listed twice", b.Name), "remove one of them, or merge what they say")
		}
		names[key] = true
	}
}

// national checks that each number exists in fw.
func (m *meaning) national(fw *framework.Framework, numbers []int, ptr string) {
	for j, n := range numbers {
		m.number(fw, n, ptr+"/"+strconv.Itoa(j))
	}
}

// number checks that a principle number exists in fw.
func (m *meaning) number(fw *framework.Framework, n int, ptr string) {
	if fw == nil {
		return
	}
	if _, ok := fw.Principle(n); ok {
		return
	}
	hint := fmt.Sprintf("%s has %ss %s: run engage principles --framework %s to see them", fw.ID, fw.Noun(), fw.Numbers(), fw.ID)
	if n > len(fw.Principles) && n <= fw.Declared && len(fw.Missing) > 0 {
		hint = strings.Join(fw.Missing, " ") + " " + hint
	}
	m.add(RuleUnknownPrinciple, ptr,
		fmt.Sprintf("national %s %d does not exist in %s", fw.Noun(), n, fw.ID), hint)
}

func (m *meaning) refs(ids []string, known map[string]bool, kind, ptr string) {
	for j, id := range ids {
		if known[id] {
			continue
		}
		hint := fmt.Sprintf("name %s %s this file defines", article(kind), kind)
		if len(known) == 0 {
			plural := kind + "s"
			if strings.HasSuffix(kind, "y") {
				plural = strings.TrimSuffix(kind, "y") + "ies"
			}
			hint = fmt.Sprintf("the file defines no %s at all: check that the key of their list is spelt right", plural)
		}
		if c, ok := closest.Match(id, sortedKeys(known)); ok {
			hint = fmt.Sprintf("did you mean %q?", c)
		}
		m.add(RuleUnresolved, ptr+"/"+strconv.Itoa(j),
			fmt.Sprintf("there is no %s with ID %q in this file", kind, id), hint)
	}
}

func (m *meaning) localIDs() map[string]bool {
	ids := map[string]bool{}
	for _, p := range m.s.Principles {
		ids[p.ID] = true
	}
	return ids
}

func (m *meaning) objectiveIDs() map[string]bool {
	ids := map[string]bool{}
	for _, o := range m.s.Objectives {
		ids[o.ID] = true
	}
	return ids
}

func (m *meaning) principles() {
	themes := map[string]bool{}
	for _, t := range m.s.Themes {
		themes[t.ID] = true
	}
	for i, p := range m.s.Principles {
		base := pointer.New("principles", i)
		m.national(m.fw, p.National, base+"/national")
		if p.Theme != "" && !themes[p.Theme] {
			hint := "name a theme listed under themes: by its ID"
			if c, ok := closest.Match(p.Theme, sortedKeys(themes)); ok {
				hint = fmt.Sprintf("did you mean %q?", c)
			}
			m.add(RuleUnresolved, base+"/theme", fmt.Sprintf("there is no theme with ID %q in this file", p.Theme), hint)
		}
		if strategy.IsUnknown(p.Text) {
			m.add(RuleNotKnown, base+"/text",
				fmt.Sprintf("the wording of principle %s is not known: the source names it but does not give its words", p.ID),
				"when a source gives its words, write them in text:")
		}
		if len(p.National) == 0 && m.fw != nil && m.grade {
			m.add(RuleUnmapped, base,
				fmt.Sprintf("principle %s is mapped to no national %s, so it counts towards none", p.ID, m.fw.Noun()),
				fmt.Sprintf("add national: [...] with the numbers it answers (engage suggest %s proposes some), or leave it out if it answers none", "FILE"))
		}
	}
}

func (m *meaning) objectives() {
	local := m.localIDs()
	for i, o := range m.s.Objectives {
		base := pointer.New("objectives", i)
		m.national(m.fw, o.National, base+"/national")
		m.refs(o.Principles, local, "local principle", base+"/principles")
		year := base + "/year"
		if o.Year.From == o.Year.To {
			if y, err := m.year(o.Year.From, year); err == nil {
				r := calendar.Range{First: y.First(), Last: y.Last()}
				m.inPeriod(r, r, "year "+o.Year.From, year)
			}
		} else if sp := m.span(o.Year.From, o.Year.To, year); sp != nil {
			from := calendar.Range{First: sp.From.First(), Last: sp.From.Last()}
			to := calendar.Range{First: sp.To.First(), Last: sp.To.Last()}
			m.inPeriod(from, to, "years "+sp.String(), year)
		}
		if o.Due != "" {
			if r, ok := m.when(o.Due, base+"/due"); ok {
				m.inPeriod(r, r, "due date "+o.Due, base+"/due")
			}
		}
		m.log("objective "+o.ID, o.Status, o.Updates, base)
	}
}

func (m *meaning) roadmap() {
	local, objectives := m.localIDs(), m.objectiveIDs()
	for i, ms := range m.s.Roadmap {
		base := pointer.New("roadmap", i)
		m.national(m.fw, ms.National, base+"/national")
		m.refs(ms.Principles, local, "local principle", base+"/principles")
		m.refs(ms.Objectives, objectives, "objective", base+"/objectives")
		from, okF := m.when(ms.From, base+"/from")
		to, okT := m.when(ms.To, base+"/to")
		if okF && okT {
			if to.Last.Before(from.First) {
				m.add(RuleDateOrder, base+"/to",
					fmt.Sprintf("the milestone ends (%s) before it starts (%s)", ms.To, ms.From),
					"swap from and to, or correct the date")
			} else {
				m.inPeriod(from, to, "the milestone ("+ms.From+" to "+ms.To+")", base)
			}
		}
		m.log("milestone "+ms.ID, ms.Status, ms.Updates, base)
	}
}

// log checks an item's delivery log: real dates in order, and the item's
// status matching the latest update that records one.
//
// Dates at different precisions are in order unless one is certainly
// earlier than one above it: 2022 after 2022-11 is in order (it may be
// December); 2022-10 after 2022-11 is not.
func (m *meaning) log(item, status string, updates []strategy.Update, base string) {
	var prev time.Time
	prevText := ""
	latest := -1
	for j, u := range updates {
		ptr := fmt.Sprintf("%s/updates/%d", base, j)
		if r, ok := m.when(u.Date, ptr+"/date"); ok {
			if r.Last.Before(prev) {
				m.add(RuleUpdateOrder, ptr+"/date",
					fmt.Sprintf("update dated %s comes after one dated %s: the log must be in date order", u.Date, prevText),
					"move this update above the later one; add new updates at the end")
			}
			if r.First.After(prev) {
				prev, prevText = r.First, u.Date
			}
		}
		if u.Status != "" {
			latest = j
		}
	}
	if status == strategy.Dropped && !slices.ContainsFunc(updates, func(u strategy.Update) bool { return u.Status == strategy.Dropped && u.Note != "" }) {
		m.add(RuleDroppedNoReason, base+"/status", item+" is dropped, but no update says why",
			"add an update with status: dropped and a note saying why it was stopped (readers and the board need the reason)")
	}
	if latest < 0 || !strategy.ValidStatus(status) {
		return
	}
	if u := updates[latest]; u.Status != status {
		m.add(RuleStatusMismatch, base+"/status",
			fmt.Sprintf("status is %q but the latest update (%s, line %d) says %q", status, u.Date, m.line(fmt.Sprintf("%s/updates/%d", base, latest)), u.Status),
			fmt.Sprintf("set status: %s, or add an update that records the change to %s", u.Status, status))
	}
}

func (m *meaning) metrics() {
	local, objectives := m.localIDs(), m.objectiveIDs()
	for i, mt := range m.s.Metrics {
		base := pointer.New("metrics", i)
		m.national(m.fw, mt.National, base+"/national")
		m.refs(mt.Principles, local, "local principle", base+"/principles")
		m.refs(mt.Objectives, objectives, "objective", base+"/objectives")
		for _, v := range []struct {
			key string
			m   *strategy.Measurement
		}{{"baseline", mt.Baseline}, {"target", mt.Target}} {
			if v.m == nil {
				continue
			}
			if v.m.Date != "" {
				m.when(v.m.Date, base+"/"+v.key+"/date")
			}
			m.whole(v.m.Value, mt.Unit, base+"/"+v.key+"/value")
		}
		var prev time.Time
		for j, a := range mt.Actuals {
			ptr := fmt.Sprintf("%s/actuals/%d", base, j)
			if r, ok := m.when(a.Date, ptr+"/date"); ok {
				if r.Last.Before(prev) {
					m.add(RuleUpdateOrder, ptr+"/date",
						fmt.Sprintf("actual dated %s comes after a later one: actuals must be in date order", a.Date),
						"move this value above the later one; add new values at the end")
				}
				prev = later(prev, r.First)
			}
			m.whole(a.Value, mt.Unit, ptr+"/value")
		}
	}
}

// whole reports a count (of people, responses...) that is not a whole
// number.
func (m *meaning) whole(v float64, unit, ptr string) {
	if strategy.CountUnit(unit) && v != math.Trunc(v) {
		m.add(RuleNotWhole, ptr,
			fmt.Sprintf("%s %s is not a whole number: a count of %s must be whole", strconv.FormatFloat(v, 'f', -1, 64), unit, unit),
			"write the number the source gives; if it says 'about', write the number with qualifier: about")
	}
}

func (m *meaning) population() {
	if p := m.s.ICB.Population; p != nil && p.Value != math.Trunc(p.Value) {
		m.add(RuleNotWhole, "/icb/population",
			fmt.Sprintf("a population of %s is not a whole number of people", strconv.FormatFloat(p.Value, 'f', -1, 64)),
			"write the number the source gives; if it says 'about 1.8 million', write {value: 1800000, qualifier: about}")
	}
}

func (m *meaning) governance() {
	for i, b := range m.s.Governance {
		if b.Since != "" {
			m.when(b.Since, pointer.New("governance", i, "since"))
		}
	}
}

// activities checks the engagement log: dates, links, figures, and
// outcomes that come after the activity starts, in order.
func (m *meaning) activities() {
	local, objectives := m.localIDs(), m.objectiveIDs()
	for i, a := range m.s.Activities {
		base := pointer.New("activities", i)
		m.national(m.fw, a.National, base+"/national")
		m.refs(a.Principles, local, "local principle", base+"/principles")
		m.refs(a.Objectives, objectives, "objective", base+"/objectives")
		var dates calendar.Range
		okDates := false
		if strategy.IsUnknown(a.Dates) {
			m.add(RuleNotKnown, base+"/dates", fmt.Sprintf("when activity %s took place is not known: the source does not say", a.ID),
				"when a source dates it, write the dates at its precision (2024-05, 2024-05/2024-06, 2024)")
		} else {
			dates, okDates = m.when(a.Dates, base+"/dates")
		}
		if a.Reach != nil {
			m.whole(a.Reach.Value, a.Reach.Unit, base+"/reach")
		}
		var prev time.Time
		for j, o := range a.Changed {
			if o.Date == "" {
				continue
			}
			ptr := fmt.Sprintf("%s/changed/%d/date", base, j)
			r, ok := m.when(o.Date, ptr)
			if !ok {
				continue
			}
			if okDates && r.Last.Before(dates.First) {
				m.add(RuleDateOrder, ptr,
					fmt.Sprintf("what changed is dated %s, before the activity began (%s)", o.Date, a.Dates),
					"correct the date: an outcome comes after the engagement that led to it")
			}
			if r.Last.Before(prev) {
				m.add(RuleUpdateOrder, ptr,
					fmt.Sprintf("outcome dated %s comes after a later one: outcomes must be oldest first", o.Date),
					"move this outcome above the later one; add new outcomes at the end")
			}
			prev = later(prev, r.First)
		}
	}
}

func (m *meaning) assessments() {
	for i, a := range m.s.SelfAssessments {
		base := pointer.New("self_assessments", i)
		m.when(a.Date, base+"/date")
		fw := m.fw
		if a.Framework != "" {
			var ok bool
			if fw, ok = m.fws.Get(a.Framework); !ok {
				m.add(RuleUnknownFramework, base+"/framework",
					fmt.Sprintf("framework %q is not one engage knows", a.Framework), frameworkHint(a.Framework, m.fws))
			}
		}
		for j, f := range a.Findings {
			m.number(fw, f.Principle, fmt.Sprintf("%s/findings/%d/principle", base, j))
		}
	}
}

// coverage reports national principles a strategy leaves unanswered.
func (m *meaning) coverage() {
	if !m.grade || m.fw == nil || m.s.Kind() != strategy.KindStrategy {
		return
	}
	rep := coverage.Of(m.s, m.fw)
	for _, p := range rep.Principles {
		switch p.Grade {
		case coverage.Missing:
			// At principles: (or, without one, the top of the file): where
			// the mapping that answers it goes.
			m.out = append(m.out, problem{rule: RulePrincipleMissing, pointer: "/principles", atKey: true,
				message: fmt.Sprintf("nothing in the strategy answers national %s %d: %q", m.fw.Noun(), p.Number, p.Text),
				hint:    fmt.Sprintf("map a local principle to it under principles: (national: [%d]) and add an objective that delivers it", p.Number)})
		case coverage.Stated:
			m.add(RulePrincipleStated, p.Supports[0].Pointer+"/national",
				fmt.Sprintf("national %s %d (%s) is stated but nothing delivers it: no objective, milestone, metric or activity maps to it", m.fw.Noun(), p.Number, p.Label),
				fmt.Sprintf("add an objective with national: [%d], or with principles: [%s]", p.Number, p.Supports[0].ID))
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// article is "a" or "an", for the kinds of item a file has.
func article(kind string) string {
	if kind != "" && strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an"
	}
	return "a"
}
