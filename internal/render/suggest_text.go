package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/strategy"
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
		line, col := it.Line, it.Column
		var what string
		switch it.Reason {
		case suggest.Follows:
			what = fmt.Sprintf("%s %s serves %s, not mapped yet: mapping %s maps it", it.Kind, it.ID, ids(it.Serves), ids(it.Serves))
		case suggest.Unmapped:
			what = fmt.Sprintf("%s %s is not mapped to a national %s", it.Kind, it.ID, r.Noun)
		case suggest.Doubtful:
			what = fmt.Sprintf("%s %s is mapped to %s, but its words are closer to %d (doubtful)", it.Kind, it.ID, suggest.Numbers(it.Recorded, "and"), it.Top().Number)
		default:
			what = fmt.Sprintf("%s %s is mapped to %s", it.Kind, it.ID, suggest.Numbers(it.Recorded, "and"))
			if len(it.Serves) > 0 {
				what += fmt.Sprintf(" (serves %s)", ids(it.Serves))
			}
		}
		hangAt(&b, fmt.Sprintf("%s:%d:%d: ", safetext.Terminal(r.File), line, col), 4, what, width, th.Bold)
		// The whole text, piped too (the words it shares may be anywhere),
		// in the terminal's own colour: it is the evidence.
		if strategy.IsUnknown(it.Text) {
			// The file says its wording is not known: there is nothing
			// to quote, nor to match.
			why := "its wording is not known (the file says unknown), so there are no words to check its mapping against"
			if it.Reason == suggest.Unmapped {
				why = "its wording is not known (the file says unknown): map it by hand, from what the source does say"
			}
			hangAt(&b, "    ", 6, why, width, plain)
			continue
		}
		hangAt(&b, "    ", 5, "“"+safetext.Terminal(it.Text)+"”", width, plain)
		if !it.Top().Evident() {
			switch it.Reason {
			case suggest.Unmapped:
				hangAt(&b, "    ", 6, fmt.Sprintf("no word in common with any national %s: map it by hand", r.Noun), width, plain)
			default:
				hangAt(&b, "    ", 6, fmt.Sprintf("no word in common with any national %s", r.Noun), width, plain)
			}
			continue
		}
		if len(it.Tied) > 0 {
			tie := fmt.Sprintf("equally close to %s", suggest.Numbers(it.Tied, "and"))
			if it.Reason == suggest.Unmapped || it.Reason == suggest.Follows {
				tie += ": choose by hand"
			}
			hangAt(&b, "    ", 6, tie, width, plain)
		}
		for i, c := range it.Candidates {
			recorded := slices.Contains(it.Recorded, c.Number)
			if !c.Evident() && !recorded {
				continue
			}
			mark := "  "
			if i == 0 && len(it.Tied) == 0 {
				mark = "→ "
			}
			label := fmt.Sprintf("%2d %s", c.Number, safetext.Pad(safetext.Truncate(c.Label, labelWidth), labelWidth))
			// Each shared word or phrase stays on one line, unless it is
			// wider than the room it has: then it breaks between its words.
			indent := 4 + 2 + 3 + labelWidth + 1
			if below {
				indent = 9
			}
			words := evidence(th, c, width-indent)
			// "(recorded)" comes first: after the evidence it would read as
			// part of its last word's explanation.
			if recorded {
				words = append([]string{"(recorded)"}, words...)
			}
			if width == 0 {
				fmt.Fprintf(&b, "    %s%s %s\n", mark, label, strings.Join(words, " "))
				continue
			}
			if below {
				b.WriteString(strings.TrimRight("    "+mark+label, " ") + "\n")
				flow(&b, strings.Repeat(" ", indent), indent, words, " ", width)
				continue
			}
			flow(&b, "    "+mark+label+" ", indent, words, " ", width)
		}
		if len(it.Tied) == 0 {
			hangAt(&b, "    ", 6, "confidence: "+confidenceNote(it), width, plain)
		}
	}
	if len(r.Items) > 0 {
		b.WriteString("\n")
	}
	summary := fmt.Sprintf("%d principles and %d objectives read: %d unmapped, %d doubtful", r.Principles, r.Objectives, counts[suggest.Unmapped], counts[suggest.Doubtful])
	if r.All {
		summary += fmt.Sprintf(", %d mapped plausibly", counts[suggest.Mapped])
	}
	if r.Following > 0 {
		summary += "; " + plural(r.Following, "objective follows", "objectives follow") + " local principles not mapped yet"
		if !r.All {
			summary += " (--all lists them)"
		}
	}
	hang(&b, "", summary+".", width, plain)
	// The command to run next is on a line of its own, whole, to copy.
	switch {
	case applied > 0:
		hang(&b, "", fmt.Sprintf("To map the %d unmapped whose first suggestion is %s, run:", applied, suggest.Least(r.MinConfidence)), width, plain)
		fmt.Fprintf(&b, "    engage suggest %s --apply\n", safetext.Terminal(r.File))
	case counts[suggest.Unmapped] > 0:
		hang(&b, "", fmt.Sprintf("No unmapped item's first suggestion is %s: read each, then write national: [N] by hand, or accept one with:", suggest.Least(r.MinConfidence)), width, plain)
		fmt.Fprintf(&b, "    engage suggest %s --apply --id ID\n", safetext.Terminal(r.File))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// minShared is the fewest columns the words a suggestion shares are given
// beside a principle's label.
const minShared = 24

// ids writes local principle IDs as "P1", "P1 and P2".
func ids(list []string) string {
	safe := make([]string, len(list))
	for i, id := range list {
		safe[i] = safetext.Terminal(id)
	}
	return safetext.And(safe)
}

// evidence is why a candidate is suggested, as items a line may break
// between: the words it shares, as the item writes them ("shares
// 'Healthwatch' and 'VCSE'"), then its words near in meaning to the
// principle's ("near in meaning: 'pamphlets' (like 'newsletters')"), as
// suggest.Candidate.Evidence words them. The words are the evidence: in
// the text's own colour, not dimmed. A phrase wider than room breaks
// between its words (room 0 or less: never).
func evidence(th Theme, c suggest.Candidate, room int) []string {
	shared, near := c.Evidence(func(w string) string { return "'" + safetext.Terminal(w) + "'" })
	items := []string{th.Muted("shares")}
	if len(shared) == 0 && len(near) > 0 {
		items = nil
	}
	list := func(phrases []string) {
		for i, q := range phrases {
			switch {
			case i < len(phrases)-2:
				q += ","
			case i == len(phrases)-2:
				q += " and"
			}
			items = append(items, fitRoom(q, room)...)
		}
	}
	list(shared)
	switch {
	case len(shared) == 0 && len(near) == 0:
		items = append(items, "no", "word")
	case len(near) > 0:
		if len(shared) > 0 {
			items[len(items)-1] += ";"
		}
		items = append(items, th.Muted("near"), th.Muted("in"), th.Muted("meaning:"))
		list(near)
	}
	return items
}

// fitRoom keeps an explanation's phrase on one line if it fits room; a
// wider one is cut before "(as in" or "(like", so the principle's words
// stay together, and then between words (room 0 or less: never cut).
func fitRoom(q string, room int) []string {
	if room <= 0 || safetext.Width(q) <= room {
		return []string{q}
	}
	for _, at := range []string{" (as in ", " (like "} {
		if i := strings.Index(q, at); i > 0 {
			return append(fitRoom(q[:i], room), fitRoom(q[i+1:], room)...)
		}
	}
	return strings.Fields(q)
}

// confidenceNote says what the confidence level means.
func confidenceNote(it suggest.Item) string {
	if it.ConfidenceLevel != suggest.Unsure {
		return it.ConfidenceLevel
	}
	// Unsure because the next is close behind, or because the first has
	// too little to go on (see suggest's confidence).
	next := 0.0
	for _, c := range it.Candidates[1:] {
		next = max(next, c.Score)
	}
	if next > it.Top().Score/2 {
		return "unsure (others close behind)"
	}
	return "unsure (few telling words)"
}
