package render

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/report"
	"github.com/engage-icb/engage/pkg/strategy"
)

// The roadmap as Mermaid gantt charts GitHub draws: sections by theme or
// national principle, at most chartBars bars a chart, each bar labelled
// "ID short title" with its status symbol, and status through Mermaid's
// task tags (done, active, crit for overdue, at risk or off track).
//
// Mermaid draws a gantt chart as wide as its container and places a
// bar's label inside the bar when it fits, else to its right, else to its
// left, where it is cut off at the chart's edge. So each label is
// shortened to fit where Mermaid will put it on the narrowest screen the
// chart is read on (chartWidth: GitHub's Markdown column on a 390-414 px
// phone); it fits on any wider screen, where every bar and gap is wider.

const (
	chartBars  = 15  // bars a chart holds at most
	chartWidth = 360 // px: the narrowest container the chart must fit
	// Mermaid's gantt defaults: the left and right margins, and the task
	// labels' font size.
	chartLeft, chartRight = 75, 75
	chartFont             = 11
	// sectionWidth is the room a section title has in the left margin.
	sectionWidth = chartLeft - 12
	// axisGap is the room each tick label ("Sep 2024") needs.
	axisGap = 52
)

// bar is one task of a chart.
type bar struct {
	row        report.Row
	from, to   time.Time // to is exclusive: the day after the last
	sectionKey string
	section    string
}

// chart is one Mermaid gantt chart.
type chart struct {
	bars     []bar
	from, to time.Time
}

// roadmapCharts lays out the year's objectives and milestones as charts of
// at most chartBars bars, sections kept together where they fit.
func roadmapCharts(r *report.Report) []chart {
	var sections [][]bar
	for i, sec := range r.Sections {
		name := sectionName(r, i, sec)
		var bars []bar
		for _, row := range sec.Rows {
			from, to, ok := barDays(row)
			if !ok {
				continue
			}
			bars = append(bars, bar{row: row, from: from, to: to, sectionKey: sec.Key, section: name})
		}
		// A section too big for a chart is split into near-equal parts.
		if parts := (len(bars) + chartBars - 1) / chartBars; parts > 1 {
			size := (len(bars) + parts - 1) / parts
			for len(bars) > size {
				sections = append(sections, bars[:size])
				bars = bars[size:]
			}
		}
		if len(bars) > 0 {
			sections = append(sections, bars)
		}
	}
	var charts []chart
	var cur []bar
	flush := func() {
		if len(cur) == 0 {
			return
		}
		c := chart{bars: cur, from: cur[0].from, to: cur[0].to}
		for _, b := range cur {
			if b.from.Before(c.from) {
				c.from = b.from
			}
			if b.to.After(c.to) {
				c.to = b.to
			}
		}
		charts = append(charts, c)
		cur = nil
	}
	for _, sec := range sections {
		if len(cur)+len(sec) > chartBars {
			flush()
		}
		cur = append(cur, sec...)
	}
	flush()
	return charts
}

// barDays is when a bar runs: an objective from the start of its year(s)
// to its due date, a milestone from its start to its end.
func barDays(row report.Row) (from, to time.Time, ok bool) {
	if row.Kind == "objective" {
		span, err1 := spanOf(row.Year)
		due, err2 := calendar.ParseWhen(row.Due)
		if err1 != nil || err2 != nil || due.Last.Before(span.First()) {
			return time.Time{}, time.Time{}, false
		}
		return span.First(), due.Last.AddDate(0, 0, 1), true
	}
	f, err1 := calendar.ParseWhen(row.From)
	t, err2 := calendar.ParseWhen(row.To)
	if err1 != nil || err2 != nil || t.Last.Before(f.First) {
		return time.Time{}, time.Time{}, false
	}
	return f.First, t.Last.AddDate(0, 0, 1), true
}

// sectionName is what a chart's section is called: short enough for the
// chart's left margin ("Principle 3", a short theme title, "Theme 2").
func sectionName(r *report.Report, i int, sec report.RoadmapSection) string {
	themed := len(r.Themes) > 0
	switch {
	case sec.Key == "" && themed:
		return "No theme"
	case sec.Key == "":
		return "No " + r.Noun()
	case !themed:
		return capitalise(r.Noun()) + " " + sec.Key
	}
	// Themes by their titles when every title fits the margin, else all
	// by number (the caption above the chart names them).
	fits := true
	for _, t := range r.Themes {
		fits = fits && textWidth(ganttText(t.Title), chartFont) <= sectionWidth
	}
	if fits {
		return ganttText(sec.Title)
	}
	for n, t := range r.Themes {
		if t.ID == sec.Key {
			return fmt.Sprintf("Theme %d", n+1)
		}
	}
	return fmt.Sprintf("Theme %d", i+1)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// monthName writes a month as the chart's axis does: "Apr 2023".
func monthName(t time.Time) string { return t.Format("Jan 2006") }

// span writes the months a chart covers: "Apr 2023 to Mar 2025".
func (c chart) span() string {
	last := c.to.AddDate(0, 0, -1)
	if monthName(c.from) == monthName(last) {
		return monthName(c.from)
	}
	return monthName(c.from) + " to " + monthName(last)
}

// sections lists the chart's section names in order, each once.
func (c chart) sections() []string {
	var out []string
	for _, b := range c.bars {
		if len(out) == 0 || out[len(out)-1] != b.section {
			out = append(out, b.section)
		}
	}
	return out
}

// mermaid writes the chart.
func (c chart) mermaid(r *report.Report, n, of int, overdue map[string]bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "gantt\n    title %s\n", c.span())
	fmt.Fprintf(&b, "    accTitle: %s\n", ganttText(fmt.Sprintf("%s roadmap, chart %d of %d", r.Name, n, of)))
	fmt.Fprintf(&b, "    accDescr: %s\n", ganttText(fmt.Sprintf("%d objectives and milestones from %s in sections %s. The tables below list each with its status and dates.",
		len(c.bars), c.span(), safetext.And(c.sections()))))
	fmt.Fprintf(&b, "    dateFormat YYYY-MM-DD\n    axisFormat %%b %%Y\n    tickInterval %dmonth\n    todayMarker off\n", c.tickMonths())
	section := ""
	for i, br := range c.bars {
		if br.section != section || i == 0 {
			section = br.section
			fmt.Fprintf(&b, "    section %s\n", section)
		}
		fmt.Fprintf(&b, "    %s :%st%d, %s, %s\n", c.label(br), tags(br.row, overdue), i+1,
			br.from.Format(time.DateOnly), br.to.Format(time.DateOnly))
	}
	return b.String()
}

// tickMonths is the axis's step: the fewest months that leave each tick
// label its room on the narrowest screen.
func (c chart) tickMonths() int {
	months := c.to.Sub(c.from).Hours() / 24 / 30.44
	for _, m := range []int{1, 2, 3, 6, 12, 24, 60} {
		if timeline()*float64(m)/months >= axisGap {
			return m
		}
	}
	return 120
}

// timeline is the width of a chart's time axis on the narrowest screen.
func timeline() float64 { return chartWidth - chartLeft - chartRight }

// tags are a task's Mermaid tags: done, active (in progress), crit
// (overdue, at risk or off track).
func tags(row report.Row, overdue map[string]bool) string {
	var t []string
	switch row.Status {
	case strategy.Done:
		t = append(t, "done")
	case strategy.InProgress, strategy.AtRisk, strategy.OffTrack:
		t = append(t, "active")
	}
	if overdue[row.Kind+"/"+row.ID] || row.Status == strategy.AtRisk || row.Status == strategy.OffTrack {
		t = append(t, "crit")
	}
	if len(t) == 0 {
		return ""
	}
	return strings.Join(t, ", ") + ", "
}

// label is a bar's text: its ID, as much of its title as fits where
// Mermaid will place it, and its status symbol.
func (c chart) label(br bar) string {
	id := ganttText(br.row.ID)
	sym := markdownSymbol(br.row.Status)
	room := c.room(br)
	title := ganttText(br.row.Title)
	if textWidth(id+" "+title+" "+sym, chartFont) <= room {
		return id + " " + title + " " + sym
	}
	// As many whole words as fit with "…" after them.
	budget := room - textWidth(id+" … "+sym, chartFont)
	words := strings.Fields(title)
	n, used := 0, 0.0
	for ; n < len(words)-1; n++ {
		w := textWidth(words[n], chartFont)
		if n > 0 {
			w += textWidth(" ", chartFont)
		}
		if used+w > budget {
			break
		}
		used += w
	}
	for n > 0 && strings.TrimRight(words[n-1], ",.;-–") == "" {
		n--
	}
	if n == 0 {
		return id + " " + sym
	}
	short := strings.TrimRight(strings.Join(words[:n], " "), ",.;-–")
	return id + " " + short + "… " + sym
}

// room is the widest label Mermaid can show for a bar on the narrowest
// screen: inside the bar, to its right (Mermaid goes right only while
// the label ends a left margin and a half short of the edge), or to its
// left (ending 5 px before the bar, and not into the section titles).
func (c chart) room(br bar) float64 {
	T := timeline()
	total := c.to.Sub(c.from).Seconds()
	s := T * br.from.Sub(c.from).Seconds() / total
	e := T * br.to.Sub(c.from).Seconds() / total
	inside := e - s - 2
	right := T + chartLeft + chartRight - 1.5*chartLeft - e - 5
	left := s - 5 - 3
	return math.Max(inside, math.Max(right, left))
}

// textWidth estimates how wide text is drawn at a font size, in px: the
// advance widths of Helvetica (which Arial, and Liberation Sans, share),
// 10% wider for Trebuchet MS, which Mermaid's theme asks for first and
// which most readers' systems have; 1 em for anything else (symbols).
func textWidth(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		if r >= ' ' && r <= '~' {
			units += helvetica[r-' ']
		} else {
			units += 1000
		}
	}
	return float64(units) * size / 1000 * 1.1
}

// helvetica are the advance widths of Helvetica's printable ASCII
// characters, space to tilde, in thousandths of an em (Adobe's AFM).
var helvetica = [95]int{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0-9
	278, 278, 584, 584, 584, 556, 1015, // : to @
	667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // A-Z
	278, 278, 278, 469, 556, 333, // [ to `
	556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // a-z
	334, 260, 334, 584, // { to ~
}

// ganttText keeps a task name to what Mermaid's gantt syntax reads as text,
// without control characters.
func ganttText(s string) string {
	s = ganttReplacer.Replace(safetext.Terminal(s))
	return strings.Join(strings.Fields(s), " ")
}

var ganttReplacer = strings.NewReplacer(":", " -", ";", ",", "#", "no.", "\n", " ", "\r", " ", "`", "'", "%", " percent")
