package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/suggest"
)

// SuggestText writes suggestions for people: each item at its
// file:line:column, then the principles its words are closest to, with
// the words they share as the item writes them and the confidence in
// words.
type SuggestText struct {
	Options
}

// Render writes the suggestions.
func (t SuggestText) Render(w io.Writer, r *suggest.Result) error {
	th := t.Theme
	var b strings.Builder
	counts := map[string]int{}
	applied := 0
	for _, it := range r.Items {
		counts[it.Reason]++
		if r.Applicable(it) {
			applied++
		}
		place := r.Places[it.Pointer]
		line, col := place[0], place[1]
		var what string
		switch it.Reason {
		case suggest.Unmapped:
			what = fmt.Sprintf("%s %s is not mapped to a national %s", it.Kind, it.ID, r.Noun)
		case suggest.Doubtful:
			what = fmt.Sprintf("%s %s is mapped to %s, but its words are closer to %d (doubtful)", it.Kind, it.ID, suggest.Numbers(it.Recorded, "and"), it.Top().Number)
		default:
			what = fmt.Sprintf("%s %s is mapped to %s", it.Kind, it.ID, suggest.Numbers(it.Recorded, "and"))
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s\n", safetext.Terminal(r.File), line, col, th.Bold(what))
		fmt.Fprintf(&b, "    %s\n", th.Muted("“"+safetext.Truncate(safetext.Terminal(it.Text), 100)+"”"))
		if it.Top().Score == 0 {
			fmt.Fprintf(&b, "    no word in common with any national %s: map it by hand\n", r.Noun)
			continue
		}
		if len(it.Tied) > 0 {
			fmt.Fprintf(&b, "    equally close to %s: choose by hand\n", suggest.Numbers(it.Tied, "and"))
		}
		for i, c := range it.Candidates {
			if c.Score == 0 {
				break
			}
			mark := "  "
			if i == 0 && len(it.Tied) == 0 {
				mark = "→ "
			}
			note := ""
			if slices.Contains(it.Recorded, c.Number) {
				note = "  (recorded)"
			}
			label := fmt.Sprintf("%2d %-38s", c.Number, safetext.Truncate(c.Label, 38))
			fmt.Fprintf(&b, "    %s%s %s%s\n", mark, label, th.Muted("shares "+shared(c.Words)), note)
		}
		if len(it.Tied) == 0 {
			fmt.Fprintf(&b, "    confidence: %s\n", confidenceNote(it.ConfidenceLevel))
		}
	}
	if len(r.Items) > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%d principles and %d objectives read: %d unmapped, %d doubtful", r.Principles, r.Objectives, counts[suggest.Unmapped], counts[suggest.Doubtful])
	if r.All {
		fmt.Fprintf(&b, ", %d mapped plausibly", counts[suggest.Mapped])
	}
	b.WriteString(".\n")
	if applied > 0 {
		fmt.Fprintf(&b, "engage suggest %s --apply would map the %d unmapped whose first suggestion is %s.\n", safetext.Terminal(r.File), applied, minLevel(r.MinConfidence))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// shared quotes the words an item shares with a principle: 'a', 'b' and 'c'.
func shared(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + safetext.Terminal(w) + "'"
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// confidenceNote says what the confidence level means.
func confidenceNote(level string) string {
	if level == suggest.Unsure {
		return "unsure (few telling words, or others close behind)"
	}
	return level
}

// minLevel names the least confidence --apply takes: "likely or clear".
func minLevel(min float64) string {
	switch min {
	case suggest.LikelyFrom:
		return "likely or clear"
	case suggest.ClearFrom:
		return "clear"
	}
	return fmt.Sprintf("of confidence at least %.2f", min)
}
