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
// words. On a terminal every line fits its width: the item's text and the
// shared words wrap under themselves, principles' labels are cut to leave
// them room.
type SuggestText struct {
	Options
}

// Render writes the suggestions.
func (t SuggestText) Render(w io.Writer, r *suggest.Result) error {
	th, width := t.Theme, t.cols()
	// Piped, labels are cut to 38 characters, as they always have been;
	// a terminal too narrow for the shared words beside them has them on
	// the line below.
	labelWidth := 38
	below := width > 0 && width < 9+labelWidth+1+minShared
	if below {
		labelWidth = min(labelWidth, width-9)
	}
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
		hangAt(&b, fmt.Sprintf("%s:%d:%d: ", safetext.Terminal(r.File), line, col), 4, what, width, th.Bold)
		text := safetext.Terminal(it.Text)
		if width == 0 {
			text = safetext.Truncate(text, 100)
		}
		hangAt(&b, "    ", 5, "“"+text+"”", width, th.Muted)
		if it.Top().Score == 0 {
			hangAt(&b, "    ", 6, fmt.Sprintf("no word in common with any national %s: map it by hand", r.Noun), width, plain)
			continue
		}
		if len(it.Tied) > 0 {
			hangAt(&b, "    ", 6, fmt.Sprintf("equally close to %s: choose by hand", suggest.Numbers(it.Tied, "and")), width, plain)
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
			label := fmt.Sprintf("%2d %s", c.Number, safetext.Pad(safetext.Truncate(c.Label, labelWidth), labelWidth))
			if width == 0 {
				fmt.Fprintf(&b, "    %s%s %s%s\n", mark, label, th.Muted("shares "+shared(c.Words)), note)
				continue
			}
			// Each shared word or phrase stays on one line, unless it is
			// wider than the room it has: then it breaks between its words.
			indent := 4 + 2 + 3 + labelWidth + 1
			if below {
				indent = 9
			}
			words := []string{th.Muted("shares")}
			for i, w := range c.Words {
				q := "'" + safetext.Terminal(w) + "'"
				switch {
				case i < len(c.Words)-2:
					q += ","
				case i == len(c.Words)-2:
					q += " and"
				}
				if safetext.Width(q) > width-indent {
					for _, part := range strings.Fields(q) {
						words = append(words, th.Muted(part))
					}
					continue
				}
				words = append(words, th.Muted(q))
			}
			if note != "" {
				words = append(words, strings.TrimSpace(note))
			}
			if below {
				b.WriteString(strings.TrimRight("    "+mark+label, " ") + "\n")
				flow(&b, strings.Repeat(" ", indent), indent, words, " ", width)
				continue
			}
			flow(&b, "    "+mark+label+" ", indent, words, " ", width)
		}
		if len(it.Tied) == 0 {
			hangAt(&b, "    ", 6, "confidence: "+confidenceNote(it.ConfidenceLevel), width, plain)
		}
	}
	if len(r.Items) > 0 {
		b.WriteString("\n")
	}
	summary := fmt.Sprintf("%d principles and %d objectives read: %d unmapped, %d doubtful", r.Principles, r.Objectives, counts[suggest.Unmapped], counts[suggest.Doubtful])
	if r.All {
		summary += fmt.Sprintf(", %d mapped plausibly", counts[suggest.Mapped])
	}
	hang(&b, "", summary+".", width, plain)
	if applied > 0 {
		hang(&b, "", fmt.Sprintf("engage suggest %s --apply would map the %d unmapped whose first suggestion is %s.", safetext.Terminal(r.File), applied, minLevel(r.MinConfidence)), width, plain)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// minShared is the fewest columns the words a suggestion shares are given
// beside a principle's label.
const minShared = 24

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
