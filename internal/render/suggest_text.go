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
// file:line:column, then its candidates.
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
			what = fmt.Sprintf("%s %s is mapped to %s, but its words match %d better (doubtful)", it.Kind, it.ID, numbers(it.Recorded), it.Top().Number)
		default:
			what = fmt.Sprintf("%s %s is mapped to %s", it.Kind, it.ID, numbers(it.Recorded))
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s\n", safetext.Terminal(r.File), line, col, th.Bold(what))
		fmt.Fprintf(&b, "    %s\n", th.Muted("“"+safetext.Truncate(safetext.Terminal(it.Text), 100)+"”"))
		if it.Top().Score == 0 {
			fmt.Fprintf(&b, "    no word in common with any national %s: map it by hand\n", r.Noun)
			continue
		}
		for i, c := range it.Candidates {
			if c.Score == 0 {
				break
			}
			mark := "  "
			if i == 0 {
				mark = "→ "
			}
			note := ""
			if slices.Contains(it.Recorded, c.Number) {
				note = "  (recorded)"
			}
			label := fmt.Sprintf("%2d %-38s", c.Number, safetext.Truncate(c.Label, 38))
			fmt.Fprintf(&b, "    %s%s score %.2f  %s%s\n", mark, label, c.Score, th.Muted(strings.Join(c.Words, ", ")), note)
		}
		fmt.Fprintf(&b, "    confidence %.2f\n", it.Confidence)
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
		fmt.Fprintf(&b, "engage suggest %s --apply would map the %d unmapped with confidence of at least %.2f.\n", safetext.Terminal(r.File), applied, r.MinConfidence)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// numbers writes 1, or 1 and 3.
func numbers(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, " and ")
}
