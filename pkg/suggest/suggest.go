// Package suggest proposes national principles for a strategy's own
// principles and objectives, by how closely their words match each
// national principle's published wordings (TF-IDF cosine similarity). It
// helps with the judgement of mapping a reworded strategy; it does not
// replace it.
package suggest

import (
	"cmp"
	"slices"

	"github.com/engage-icb/engage/internal/pointer"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Reasons an item gets suggestions.
const (
	// Unmapped: nothing maps the item to a national principle.
	Unmapped = "unmapped"
	// Doubtful: the recorded mapping matches the item's words much less
	// well than another principle does.
	Doubtful = "doubtful"
	// Mapped: the recorded mapping is plausible (listed with --all only).
	Mapped = "mapped"
)

// DefaultMinConfidence is the least confidence at which --apply accepts a
// suggestion unasked. On the shipped strategies (docs/suggest.md) every
// suggestion above it is right.
const DefaultMinConfidence = 0.15

// Item is one principle or objective and the national principles its words
// suggest.
type Item struct {
	Kind    string `json:"kind"` // principle or objective
	ID      string `json:"id"`
	Text    string `json:"text"`
	Pointer string `json:"pointer"`
	// Recorded is the mapping the file records: an objective's own
	// national numbers, or those of the local principles it serves.
	Recorded []int  `json:"recorded"`
	Reason   string `json:"reason"`
	// Confidence is how clearly the top candidate beats the next: the
	// difference of their scores, 0 to 1.
	Confidence float64     `json:"confidence"`
	Candidates []Candidate `json:"candidates"`
}

// Top returns the best candidate.
func (it Item) Top() Candidate { return it.Candidates[0] }

// Candidate is one national principle suggested for an item.
type Candidate struct {
	Number int    `json:"number"`
	Label  string `json:"label"`
	// Score is the cosine similarity, 0 (no word in common) to 1.
	Score float64 `json:"score"`
	// Words are the stems shared with the principle that counted most.
	Words []string `json:"words"`
}

// Options shape the suggestions.
type Options struct {
	// All lists every item, mapped or not; otherwise only unmapped and
	// doubtful ones.
	All bool
	// Keep is how many candidates to keep per item (default 3).
	Keep int
}

// Matcher scores texts against a framework's principles.
type Matcher struct {
	fw *framework.Framework
	ix *index
}

// NewMatcher indexes a framework: each principle's label and text. Other
// wordings the framework records (also_quoted) are left out: they are
// quoted from the strategies themselves, so matching them would flatter
// the very strategies they came from (see docs/suggest.md).
func NewMatcher(fw *framework.Framework) *Matcher {
	texts := make([]string, len(fw.Principles))
	for i, p := range fw.Principles {
		texts[i] = p.Label + "\n" + p.Text
	}
	return &Matcher{fw: fw, ix: newIndex(texts)}
}

// Match returns the framework's principles ranked by how well text matches
// them, best first, keeping the first keep.
func (m *Matcher) Match(text string, keep int) []Candidate {
	q := m.ix.vector(tokens(text))
	all := make([]Candidate, len(m.fw.Principles))
	for i, p := range m.fw.Principles {
		score, words := m.ix.score(q, i)
		all[i] = Candidate{Number: p.Number, Label: p.Label, Score: round(score), Words: words}
	}
	slices.SortStableFunc(all, func(a, b Candidate) int { return cmp.Compare(b.Score, a.Score) })
	return all[:min(keep, len(all))]
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// For suggests national principles for a strategy's local principles and
// objectives.
func For(s *strategy.Strategy, fw *framework.Framework, o Options) []Item {
	if o.Keep <= 0 {
		o.Keep = 3
	}
	m := NewMatcher(fw)
	local := map[string][]int{}
	for _, p := range s.Principles {
		local[p.ID] = p.National
	}
	var items []Item
	consider := func(it Item, inherited bool) {
		ranked := m.Match(it.Text, len(fw.Principles))
		if len(ranked) == 0 {
			return
		}
		it.Reason = reason(it.Recorded, ranked)
		if it.Reason == Doubtful && inherited {
			// Grouped under a local principle by the document itself: that
			// is the strategy's structure, not a mapping to second-guess.
			it.Reason = Mapped
		}
		it.Confidence = ranked[0].Score
		if len(ranked) > 1 {
			it.Confidence = round(ranked[0].Score - ranked[1].Score)
		}
		if it.Reason == Mapped && !o.All {
			return
		}
		it.Candidates = ranked[:min(o.Keep, len(ranked))]
		items = append(items, it)
	}
	for i, p := range s.Principles {
		consider(Item{Kind: "principle", ID: p.ID, Text: p.Text, Pointer: pointer.New("principles", i),
			Recorded: slices.Clone(p.National)}, false)
	}
	for i, ob := range s.Objectives {
		rec := slices.Clone(ob.National)
		for _, id := range ob.Principles {
			rec = append(rec, local[id]...)
		}
		slices.Sort(rec)
		consider(Item{Kind: "objective", ID: ob.ID, Text: ob.Title, Pointer: pointer.New("objectives", i),
			Recorded: slices.Compact(rec)}, len(ob.National) == 0)
	}
	return items
}

// reason decides whether an item needs a suggestion: it is unmapped, or
// its recorded principles score under half of the best one's, which shares
// at least two words with it (one word in common is too little to doubt a
// person's judgement).
func reason(recorded []int, ranked []Candidate) string {
	if len(recorded) == 0 {
		return Unmapped
	}
	best := 0.0
	for _, c := range ranked {
		if slices.Contains(recorded, c.Number) {
			best = max(best, c.Score)
		}
	}
	if top := ranked[0]; !slices.Contains(recorded, top.Number) && len(top.Words) >= 2 && top.Score >= 0.2 && best < top.Score/2 {
		return Doubtful
	}
	return Mapped
}
