// Package suggest proposes national principles for a strategy's own
// principles and objectives, by the words and phrases they share with each
// national principle: its wording and the vocabulary the framework file
// gives it (NHS England's description of it and the field's terms), each
// weighted by how few principles use it. It helps with the judgement of
// mapping a reworded strategy; it does not replace it.
package suggest

import (
	"fmt"
	"slices"

	"github.com/engage-icb/engage/internal/pointer"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Reasons an item gets suggestions.
const (
	// Unmapped: nothing maps the item to a national principle.
	Unmapped = "unmapped"
	// Doubtful: another principle is likely (see Likely) against the
	// recorded mapping, on at least two shared words.
	Doubtful = "doubtful"
	// Mapped: the recorded mapping is plausible (listed with --all only).
	Mapped = "mapped"
	// Follows: an objective with no national numbers of its own that
	// serves local principles none of which is mapped yet: mapping them
	// maps it (listed with --all only).
	Follows = "follows"
)

// Confidence in words: how clearly the first suggestion beats the next.
const (
	Clear  = "clear"
	Likely = "likely"
	Unsure = "unsure"
)

// ClearFrom and LikelyFrom are the least confidence called clear and
// likely; below LikelyFrom a suggestion is unsure.
const (
	ClearFrom  = 0.5
	LikelyFrom = 0.3
)

// DefaultMinConfidence is the least confidence at which --apply accepts a
// suggestion unasked: a likely one. docs/suggest.md gives how often such
// suggestions are right, measured on reworded strategies.
const DefaultMinConfidence = LikelyFrom

// Least names, in words, the suggestions a least confidence takes:
// "likely or clear", "clear", or "of confidence at least 0.40".
func Least(min float64) string {
	switch min {
	case LikelyFrom:
		return "likely or clear"
	case ClearFrom:
		return "clear"
	}
	return fmt.Sprintf("of confidence at least %.2f", min)
}

// Level is confidence in words: clear, likely or unsure.
func Level(confidence float64) string {
	switch {
	case confidence >= ClearFrom:
		return Clear
	case confidence >= LikelyFrom:
		return Likely
	}
	return Unsure
}

// Item is one principle or objective and the national principles its words
// suggest.
type Item struct {
	Kind    string `json:"kind"` // principle or objective
	ID      string `json:"id"`
	Text    string `json:"text"`
	Pointer string `json:"pointer"`
	// Line and Column are where the item is written in the file (set by
	// Build; 0 when not known).
	Line   int `json:"line"`
	Column int `json:"column"`
	// Recorded is the mapping the file records: an objective's own
	// national numbers, or those of the local principles it serves.
	Recorded []int `json:"recorded"`
	// Serves are the local principles an objective serves (its
	// principles), through which it is mapped.
	Serves []string `json:"serves,omitempty"`
	Reason string   `json:"reason"`
	// Confidence is how clearly the first candidate beats the next, 0 to
	// 1: the difference of their scores over the first score plus the
	// evidence a single telling word gives (so one weak word is never
	// clear). ConfidenceLevel says it in words.
	Confidence      float64 `json:"confidence"`
	ConfidenceLevel string  `json:"confidenceLevel"`
	// Tied lists the principles that share the first place, when more than
	// one does: the item is equally close to them, and none is suggested.
	Tied       []int       `json:"tied,omitempty"`
	Candidates []Candidate `json:"candidates"`
}

// Top returns the best candidate.
func (it Item) Top() Candidate { return it.Candidates[0] }

// Suggested says whether the item has one first suggestion: a principle
// it shares words with or has words near in meaning to, and no tie for
// the first place.
func (it Item) Suggested() bool { return it.Top().Evident() && len(it.Tied) == 0 }

// Candidate is one national principle suggested for an item.
type Candidate struct {
	Number int    `json:"number"`
	Label  string `json:"label"`
	// Score is the weight of the words and phrases the item shares with
	// the principle, and of its words near in meaning to the principle's
	// (0: none).
	Score float64 `json:"score"`
	// Words are those words and phrases as the item writes them (at most
	// five): the weightiest first, and the framework's common words last.
	Words []string `json:"words"`
	// Near are the item's words it does not share as a term that are
	// near in meaning to words of the principle, or are the principle's
	// own words inside its phrases (at most three, nearest first; only
	// those near enough to name; see Evidence).
	Near []Near `json:"near,omitempty"`
}

// Evident says whether a candidate has evidence a person can check: a
// word it shares, or one near enough in meaning to name. A score from
// faint nearness alone still ranks it, but suggests nothing.
func (c Candidate) Evident() bool { return len(c.Words) > 0 || len(c.Near) > 0 }

// Options shape the suggestions.
type Options struct {
	// All lists every item, mapped or not; otherwise only unmapped and
	// doubtful ones.
	All bool
	// Keep is how many candidates to keep per item (default 3).
	Keep int
}

// judge ranks the principles for an item's text, keeping keep, and sets
// its confidence and ties.
func (m *Matcher) judge(it Item, keep int) Item {
	return judgeRanked(it, m.Match(it.Text, len(m.fw.Principles)), keep)
}

// judgeRanked sets an item's confidence and ties from its ranked
// candidates, keeping keep.
func judgeRanked(it Item, ranked []Candidate, keep int) Item {
	if len(ranked) == 0 {
		return it
	}
	// The next best is the best score of the rest: a principle with
	// nothing to name may outscore the first on faint nearness, and then
	// the first is not clear at all.
	second := 0.0
	for _, c := range ranked[1:] {
		second = max(second, c.Score)
	}
	it.Confidence = confidence(ranked[0].Score, second)
	it.ConfidenceLevel = Level(it.Confidence)
	it.Tied = nil
	if top := ranked[0].Score; top > 0 {
		for _, c := range ranked {
			if c.Score == top && c.Evident() == ranked[0].Evident() {
				it.Tied = append(it.Tied, c.Number)
			}
		}
		if len(it.Tied) < 2 {
			it.Tied = nil
		}
	}
	it.Candidates = ranked[:min(keep, len(ranked))]
	return it
}

// confidence is how clearly a score beats the next one, 0 to 1.
func confidence(first, second float64) float64 {
	if first <= 0 || second >= first {
		return 0
	}
	return round((first-second)/(first+evidence), 100)
}

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
		it = m.judge(it, len(fw.Principles))
		if len(it.Candidates) == 0 {
			return
		}
		it.Reason = reason(it.Recorded, it.Candidates)
		switch {
		case it.Reason == Doubtful && inherited:
			// Grouped under a local principle by the document itself: that
			// is the strategy's structure, not a mapping to second-guess.
			it.Reason = Mapped
		case it.Reason == Unmapped && inherited:
			it.Reason = Follows
		}
		if !listed(it.Reason, o.All) {
			return
		}
		it.Candidates = keep(it, o.Keep)
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
			Recorded: slices.Compact(rec), Serves: slices.Clone(ob.Principles)}, len(ob.National) == 0 && len(ob.Principles) > 0)
	}
	return items
}

// listed says whether an item with this reason is listed: unmapped and
// doubtful ones always, mapped and following ones with all.
func listed(reason string, all bool) bool {
	return all || (reason != Mapped && reason != Follows)
}

// keep returns the first of an item's candidates, the next n-1 with
// evidence (see Evident), and any other that shares the first place (a tie is
// shown whole) or is recorded for it (so a reader sees what the recorded
// mapping shares, even nothing), in rank order.
func keep(it Item, n int) []Candidate {
	var out []Candidate
	for i, c := range it.Candidates {
		switch {
		case i == 0, slices.Contains(it.Recorded, c.Number), slices.Contains(it.Tied, c.Number), i < n && c.Evident():
			out = append(out, c)
		}
	}
	return out
}

// reason decides whether an item needs a suggestion: it is unmapped, or
// the best principle is likely against its recorded ones (by the measure
// of confidence) and shares at least two words with it (one word in
// common is too little to doubt a person's judgement).
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
	if top := ranked[0]; !slices.Contains(recorded, top.Number) && len(top.Words) >= 2 && confidence(top.Score, best) >= LikelyFrom {
		return Doubtful
	}
	return Mapped
}
