package render

import (
	"io"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// StatusSymbols pairs each status with a symbol, so it reads without
// colour: the NHS BRAG colours (blue done, green in progress, amber at risk,
// red off track) only ever add to the word and the symbol.
var StatusSymbols = map[string]string{
	strategy.NotReported: "?", strategy.Planned: "○", strategy.InProgress: "▶",
	strategy.AtRisk: "▲", strategy.OffTrack: "✖", strategy.Done: "✔", strategy.Dropped: "—",
}

// statusWord writes a status as the terminal shows it: its symbol and
// word ("▶ in-progress"). Markdown writes its own (mdStatus).
func statusWord(s string) string {
	if sym, ok := StatusSymbols[s]; ok {
		return sym + " " + s
	}
	return s
}

// StatusFormat writes delivery dashboards in one format.
type StatusFormat = Format[[]*status.Board]

// Status are the formats delivery dashboards can be written in.
var Status = NewRegistry(
	Spec[[]*status.Board]{Name: "text", New: func(o Options) StatusFormat { return StatusText{Options: o} }}, // an overview across every strategy first: written whole
	Spec[[]*status.Board]{Name: "markdown", Aliases: []string{"md"}, Exts: []string{".md"}, New: func(Options) StatusFormat { return StatusMarkdown{} }, Each: &Each{Between: "\n", Once: "# "}},
	Spec[[]*status.Board]{Name: "json", Exts: []string{".json"}, New: func(Options) StatusFormat { return StatusJSON{} }, Each: &Each{JSONKey: "strategies"}},
)

// metricLine writes "latest 2,100 people (2024-03), baseline 1,340 people
// (2023-06-21), target around 4,000 people; 27% of the way": each value as
// its source states it.
func metricLine(m status.Metric) string {
	val := func(v *status.Value) string {
		if v == nil {
			return "—"
		}
		s := strategy.Amount(v.Value, v.Qualifier, m.Unit)
		if v.Date != "" {
			s += " (" + calendar.Display(v.Date) + ")"
		}
		return s
	}
	line := "latest " + val(m.Latest) + ", baseline " + val(m.Baseline) + ", target " + val(m.Target)
	if m.Progress != nil {
		line += "; " + m.ProgressText()
	}
	return line
}

// StatusJSON writes dashboards as one versioned JSON document.
type StatusJSON struct{}

// Render writes the dashboards.
func (StatusJSON) Render(w io.Writer, boards []*status.Board) error {
	if boards == nil {
		boards = []*status.Board{}
	}
	return WriteJSON(w, struct {
		SchemaVersion int             `json:"schemaVersion"`
		Strategies    []*status.Board `json:"strategies"`
	}{SchemaVersion, boards})
}
