package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// StatusText writes dashboards for people: with several strategies, an
// overview of them first (one line each), then, with Details or for a
// single strategy, each one's dashboard. On a terminal every line fits
// its width; piped, each record is one line, aligned.
type StatusText struct {
	Options
}

// statusWidth is the widest status word with its symbol.
var statusWidth = func() int {
	n := 0
	for _, s := range strategy.Statuses {
		n = max(n, safetext.Width(statusWord(s)))
	}
	return n
}()

// Render writes the overview and the dashboards.
func (t StatusText) Render(w io.Writer, boards []*status.Board) error {
	var b strings.Builder
	if len(boards) > 1 {
		t.overview(&b, boards)
		if !t.Details {
			hang(&b, "", "Each one's dashboard: engage status FILE, or --details.", t.cols(), t.Theme.Muted)
		}
	}
	if len(boards) == 1 || t.Details {
		for i, bd := range boards {
			if i > 0 || len(boards) > 1 {
				rule := 60
				if t.cols() > 0 {
					rule = min(rule, t.cols())
				}
				b.WriteString("\n" + strings.Repeat("─", rule) + "\n\n")
			}
			t.board(&b, bd)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// StatusOverview is a board with only what the overview of several
// strategies reads of it (the ICB, the review date, how many items are
// overdue, at risk and stale, the objectives' counts): for a command that
// keeps thousands of boards to write the overview, so it need not keep
// their items. TestStatusOverview checks the overview of these is the
// overview of the whole boards.
func StatusOverview(bd *status.Board) *status.Board {
	return &status.Board{File: bd.File, Code: bd.Code, Name: bd.Name, AsOf: bd.AsOf,
		NextReview: bd.NextReview, ReviewOverdue: bd.ReviewOverdue, Objectives: bd.Objectives,
		Overdue: make([]status.Item, len(bd.Overdue)), Troubled: make([]status.Item, len(bd.Troubled)), Stale: make([]status.Item, len(bd.Stale))}
}

// overview writes one line per strategy: what is overdue, at risk or off
// track and stale, when it is next reviewed, and its objectives, in all
// and by status (symbols, with a key below). A narrow window shortens an
// overdue review to "overdue", then the ICB's name, then the objectives by
// status, which it cuts whole, ending "…".
func (t StatusText) overview(b *strings.Builder, boards []*status.Board) {
	th, width := t.Theme, t.cols()
	hang(b, "", fmt.Sprintf("Delivery as of %s: %d strategies", boards[0].AsOf, len(boards)), width, th.Bold)
	b.WriteString("\n")
	head := []string{"ICB", "overdue", "at risk", "stale", "next review"}
	const nameCol, reviewCol = 0, 4
	review := func(bd *status.Board, short bool) string {
		switch {
		case bd.NextReview == "":
			return "not set"
		case bd.ReviewOverdue && short:
			return "overdue"
		case bd.ReviewOverdue:
			return calendar.Display(bd.NextReview) + " overdue"
		}
		return calendar.Display(bd.NextReview)
	}
	rows := make([][]string, len(boards))
	totals := make([]string, len(boards))
	totalWidth := 0
	// A name that several strategies share (a folder with an earlier
	// version beside the current one) is told apart by its file, below
	// the folder all the files share.
	named := map[string]int{}
	files := make([]string, len(boards))
	for i, bd := range boards {
		named[bd.Name]++
		files[i] = bd.File
	}
	shared := sharedFolder(files)
	for i, bd := range boards {
		name := bd.Name
		if named[name] > 1 {
			name += " (" + strings.TrimPrefix(bd.File, shared) + ")"
		}
		rows[i] = []string{safetext.Terminal(name), strconv.Itoa(len(bd.Overdue)), strconv.Itoa(len(bd.Troubled)),
			strconv.Itoa(len(bd.Stale)), review(bd, false)}
		totals[i] = strconv.Itoa(bd.Objectives.Total())
		totalWidth = max(totalWidth, len(totals[i]))
	}
	cols := make([]int, len(head))
	measure := func() int {
		n := 0
		for j := range head {
			cols[j] = safetext.Width(head[j])
			for _, r := range rows {
				cols[j] = max(cols[j], safetext.Width(r[j]))
			}
			n += cols[j] + 2
		}
		return n
	}
	// What the objectives column needs at least: the header, or a total
	// and "…".
	minObjectives := max(len("objectives"), totalWidth+3)
	used := measure()
	if width > 0 && used+minObjectives > width {
		for i, bd := range boards {
			rows[i][reviewCol] = review(bd, true)
		}
		used = measure()
		if used+minObjectives > width {
			cols[nameCol] = max(cols[nameCol]-(used+minObjectives-width), 6)
			used = width - minObjectives
		}
	}
	room := 0 // the objectives column's width; 0: all of it
	if width > 0 {
		room = width - used
	}
	cell := func(j int, s string) string {
		if j == nameCol {
			return safetext.Pad(safetext.Truncate(s, cols[j]), cols[j])
		}
		if j == reviewCol {
			return safetext.Pad(s, cols[j])
		}
		return strings.Repeat(" ", cols[j]-safetext.Width(s)) + s // numbers to the right
	}
	var l strings.Builder
	for j, h := range head {
		l.WriteString(th.Bold(cell(j, h)) + "  ")
	}
	b.WriteString(l.String() + th.Bold("objectives") + "\n")
	for i, bd := range boards {
		l.Reset()
		for j, c := range rows[i] {
			c = cell(j, c)
			switch {
			case j == nameCol:
				c = th.Bold(c)
			case j == 1 && len(bd.Overdue) > 0, j == 2 && len(bd.Troubled) > 0, j == reviewCol && bd.ReviewOverdue:
				c = th.Error(c)
			case j == 3 && len(bd.Stale) > 0:
				c = th.Warning(c)
			}
			l.WriteString(c + "  ")
		}
		objectives := strings.Repeat(" ", totalWidth-len(totals[i])) + totals[i]
		if by := t.statusSymbols(bd.Objectives, room-totalWidth-2); by != "" {
			objectives += "  " + by
		}
		b.WriteString(strings.TrimRight(l.String()+objectives, " ") + "\n")
	}
	var key []string
	for _, s := range strategy.Statuses {
		key = append(key, th.Status(s, statusWord(s)))
	}
	b.WriteString("\n")
	flow(b, "Objectives by status: ", len("Objectives by status: "), key, "  ", width)
	b.WriteString("\n")
}

// sharedFolder is the folder, ending in a slash, that holds every file
// ("" when they share none).
func sharedFolder(files []string) string {
	prefix := files[0]
	for _, f := range files[1:] {
		for !strings.HasPrefix(f, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	if i := strings.LastIndexAny(prefix, `/\`); i >= 0 {
		return prefix[:i+1]
	}
	return ""
}

// statusSymbols writes counts by status as symbols and numbers ("? 18  ▶ 6"),
// as many as fit in room columns (under 1: all), ending "…" when some do
// not.
func (t StatusText) statusSymbols(c status.Counts, room int) string {
	var parts, plainParts []string
	for _, s := range strategy.Statuses {
		if c[s] > 0 {
			p := fmt.Sprintf("%s %d", StatusSymbols[s], c[s])
			parts, plainParts = append(parts, t.Theme.Status(s, p)), append(plainParts, p)
		}
	}
	if t.cols() == 0 {
		return strings.Join(parts, "  ")
	}
	used := 0
	for i, p := range plainParts {
		w := safetext.Width(p)
		if i > 0 {
			w += 2
		}
		more := 0
		if i < len(plainParts)-1 {
			more = 3 // "  …"
		}
		if used+w+more > room {
			if i == 0 {
				return "…"
			}
			return strings.Join(parts[:i], "  ") + "  …"
		}
		used += w
	}
	return strings.Join(parts, "  ")
}

// counts writes counts by status, each with its word ("? not-reported 18"),
// or "none".
func (t StatusText) counts(c status.Counts) []string {
	var parts []string
	for _, s := range strategy.Statuses {
		if c[s] > 0 {
			parts = append(parts, t.Theme.Status(s, fmt.Sprintf("%s %d", statusWord(s), c[s])))
		}
	}
	if len(parts) == 0 {
		return []string{t.Theme.Muted("none")}
	}
	return parts
}

// widestCount is the widest one status's count can be ("? not-reported
// 999").
var widestCount = statusWidth + 4

// groups writes counts by year, principle or theme: the label (in
// labelWidth columns, fewer when the window is narrow), the total, and the
// counts by status.
func (t StatusText) groups(b *strings.Builder, title string, groups []status.Group, label func(status.Group) string, labelWidth int) {
	if len(groups) == 0 {
		return
	}
	width := t.cols()
	fmt.Fprintf(b, "\n%s\n", t.Theme.Bold(title))
	if width > 0 { // the counts keep room for their widest
		labelWidth = max(min(labelWidth, width-2-1-3-3-widestCount), minText)
	}
	for _, g := range groups {
		lead := fmt.Sprintf("  %s %3d   ", safetext.Pad(safetext.Truncate(label(g), labelWidth), labelWidth), g.Counts.Total())
		flow(b, lead, safetext.Width(lead), t.counts(g.Counts), "  ", width)
	}
}

// board writes one strategy's dashboard.
func (t StatusText) board(b *strings.Builder, bd *status.Board) {
	th, width := t.Theme, t.cols()
	hang(b, "", safetext.Terminal(bd.Name)+" · delivery as of "+bd.AsOf, width, th.Bold)
	scope := "all years"
	if bd.Year != "" {
		scope = "financial year " + bd.Year
	}
	hang(b, "", bd.File+" · "+scope, width, th.Muted)
	b.WriteString("\n")
	flow(b, fmt.Sprintf("%-12s %3d   ", "Objectives", bd.Objectives.Total()), 18, t.counts(bd.Objectives), "  ", width)
	flow(b, fmt.Sprintf("%-12s %3d   ", "Milestones", bd.Milestones.Total()), 18, t.counts(bd.Milestones), "  ", width)
	share := "none due yet"
	if bd.Due > 0 {
		share = fmt.Sprintf("%d of %d due done (%d%%)", bd.DueDone, bd.Due, status.Percent(bd.DueDone, bd.Due))
	}
	hang(b, fmt.Sprintf("%-12s       ", "Due by now"), share, width, plain)
	if bd.CarriedOver > 0 {
		hang(b, fmt.Sprintf("%-12s       ", "Carried over"), carriedLine(bd), width, plain)
	}
	t.groups(b, "Objectives by financial year", bd.ByYear, func(g status.Group) string { return g.Key }, 20)
	t.groups(b, "Objectives and milestones by national principle", bd.ByPrinciple, func(g status.Group) string {
		return fmt.Sprintf("%2s %s", g.Key, safetext.Terminal(g.Label))
	}, 39)
	t.groups(b, "Objectives and milestones by theme", bd.ByTheme, func(g status.Group) string { return safetext.Terminal(g.Label) }, 39)

	t.items(b, "Overdue", bd.Overdue, func(it status.Item) string { return "due " + calendar.Display(it.Due) }, nil)
	t.items(b, "At risk or off track", bd.Troubled, nil, func(it status.Item) string {
		note := it.Note
		if note == "" {
			note = "(no note)"
		}
		return "latest: " + safetext.Terminal(note)
	})
	t.items(b, fmt.Sprintf("Stale: no update for %d months", bd.StaleMonths), bd.Stale, func(it status.Item) string { return "last " + calendar.Display(it.LastUpdate) }, nil)
	t.items(b, "Milestones in "+bd.Window, bd.InWindow, func(it status.Item) string { return calendar.DisplaySpan(it.From, it.Due) }, nil)

	fmt.Fprintf(b, "\n%s\n", th.Bold(fmt.Sprintf("Metrics (%d)", len(bd.Metrics))))
	if len(bd.Metrics) == 0 {
		fmt.Fprintf(b, "  %s\n", th.Muted("none"))
	}
	idWidth := 26 // piped, as it has always been
	if width > 0 {
		idWidth = 0
		for _, m := range bd.Metrics {
			idWidth = max(idWidth, safetext.Width(safetext.Terminal(m.ID)))
		}
		idWidth = min(idWidth, 26, max(width/3, minText))
	}
	for _, m := range bd.Metrics {
		hang(b, "  "+safetext.Pad(safetext.Truncate(safetext.Terminal(m.ID), idWidth), idWidth)+" ", metricLine(m), width, plain)
	}
	if bd.Activities > 0 {
		fmt.Fprintf(b, "\n%s\n", th.Bold(fmt.Sprintf("Engagement activities (%d, %d with what changed recorded)", bd.Activities, bd.WithOutcome)))
		hangAt(b, "  ", 4, fmt.Sprintf("Awaiting feedback: ended over %d months ago, nothing recorded of what changed (%d)", bd.FeedbackMonths, len(bd.AwaitingFeedback)), width, th.Muted)
		idWidth := 0
		for _, a := range bd.AwaitingFeedback {
			idWidth = max(idWidth, safetext.Width(safetext.Terminal(a.ID)))
		}
		for _, a := range bd.AwaitingFeedback {
			lead := "  " + safetext.Pad(safetext.Terminal(a.ID), idWidth) + "  ended " + a.Ended + "  "
			t.row(b, lead, safetext.Terminal(a.Title), "", 50, 0)
		}
	}
}

// items writes a list of objectives and milestones, a row each: kind, ID,
// status, then a date (when) or nothing, then the title, then a note
// (note) or nothing, each column as wide as its widest entry.
func (t StatusText) items(b *strings.Builder, title string, list []status.Item, when, note func(status.Item) string) {
	th := t.Theme
	fmt.Fprintf(b, "\n%s\n", th.Bold(fmt.Sprintf("%s (%d)", title, len(list))))
	if len(list) == 0 {
		fmt.Fprintf(b, "  %s\n", th.Muted("none"))
		return
	}
	// IDs in at least eight columns and statuses in fourteen, as they
	// always have been; dates as wide as the widest.
	kindWidth, idWidth, whenWidth := 0, 8, 0
	for _, it := range list {
		kindWidth = max(kindWidth, safetext.Width(it.Kind))
		idWidth = max(idWidth, safetext.Width(safetext.Terminal(it.ID)))
		if when != nil {
			whenWidth = max(whenWidth, safetext.Width(when(it)))
		}
	}
	for _, it := range list {
		lead := "  " + safetext.Pad(it.Kind, kindWidth) + " " + safetext.Pad(safetext.Terminal(it.ID), idWidth) + " " +
			th.Status(it.Status, safetext.Pad(statusWord(it.Status), statusWidth)) + "  "
		if when != nil {
			lead += safetext.Pad(when(it), whenWidth) + "  "
		}
		if note != nil {
			t.row(b, lead, safetext.Terminal(it.Title), note(it), 40, 68)
			continue
		}
		t.row(b, lead, safetext.Terminal(it.Title), "", 50, 0)
	}
}

// row writes lead, then text (muted) and, when there is one, a note
// (muted) after it. Piped, text is cut at pipedText columns and the note
// at pipedNote, as they always have been. On a terminal the title and
// note share what lead leaves (the note goes below the title when they
// would have under 30 columns each), or, when lead leaves under 20
// columns, go on the lines below, indented by six, cut to fit.
func (t StatusText) row(b *strings.Builder, lead, text, note string, pipedText, pipedNote int) {
	th, width := t.Theme, t.cols()
	if width == 0 {
		line := lead + th.Muted(safetext.Truncate(text, pipedText))
		if note != "" {
			line = lead + safetext.Truncate(text, pipedText) + "  " + th.Muted(safetext.Truncate(note, pipedNote))
		}
		b.WriteString(line + "\n")
		return
	}
	used := safetext.Width(lead)
	room := width - used
	if room < 20 {
		b.WriteString(strings.TrimRight(lead, " ") + "\n")
		b.WriteString("      " + th.Muted(fit(text, width, 6, 0)) + "\n")
		if note != "" {
			b.WriteString("      " + th.Muted(fit(note, width, 6, 0)) + "\n")
		}
		return
	}
	if note == "" {
		b.WriteString(lead + th.Muted(fit(text, width, used, 0)) + "\n")
		return
	}
	// Side by side when both fit whole or each gets 30 columns; else the
	// note goes below the title.
	textRoom := min(safetext.Width(text), max(room/2, room-2-safetext.Width(note)))
	if safetext.Width(text)+2+safetext.Width(note) > room && room < 62 {
		b.WriteString(lead + fit(text, width, used, 0) + "\n")
		b.WriteString("      " + th.Muted(fit(note, width, 6, 0)) + "\n")
		return
	}
	shown := safetext.Truncate(text, textRoom)
	b.WriteString(lead + shown + "  " + th.Muted(fit(note, width, used+safetext.Width(shown)+2, 0)) + "\n")
}
