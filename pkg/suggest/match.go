package suggest

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/engage-icb/engage/pkg/framework"
)

// A term is a word or a phrase a principle is matched by, as stems.
type term struct {
	key   string   // the stems, space-separated ("=" first for an exact phrase)
	stems []string // in order
	// exact phrases are matched token by token, function words included
	// ("you said, we did"), but for determiners, any of which (or none)
	// stands for the entry's ("have their say" meets "have your say" and
	// "have a say"). Other phrases skip function words where the entry
	// has some between two words, if one of the entry's is among them and
	// none is a negation or conjunction the entry does not have there
	// ("centre of decision-making" meets "centre of all decision-making";
	// "results of involvement" does not meet "results and involvement",
	// nor "right to be involved" "right not to be involved"), determiners
	// anywhere ("develop our plans" meets "developing plans"), and
	// nothing else ("community-centred" does not meet "communities at the
	// centre"). No phrase is found across the end of a sentence.
	exact bool
	gaps  [][]string // gaps[k]: the entry's function words before stems[k]
	words int        // words of meaning in it, for its weight
}

// compile reads one vocabulary entry: a word, or a phrase of two or more
// words of meaning, or a phrase of function words around one word of
// meaning, matched exactly. A function word or a weak word alone is not a
// term.
func compile(entry string) (term, bool) {
	toks := tokens(entry)
	var content, all []string
	var gaps [][]string
	var gap []string
	function := 0 // function words other than determiners
	for _, t := range toks {
		if !t.det {
			all = append(all, t.stem)
		}
		if t.stop && !t.det {
			function++
		}
		if t.stop {
			if len(content) > 0 {
				gap = append(gap, t.stem)
			}
			continue
		}
		content = append(content, t.stem)
		gaps = append(gaps, gap)
		gap = nil
	}
	switch {
	case len(content) >= 2:
		return term{key: strings.Join(content, " "), stems: content, gaps: gaps, words: len(content)}, true
	case len(content) == 1 && function > 0:
		// One word of meaning with function words: as telling as a
		// phrase of two words. Its determiners are left out (see exact).
		return term{key: "=" + strings.Join(all, " "), stems: all, exact: true, words: 2}, true
	case len(content) == 1 && !slices.ContainsFunc(toks, func(t token) bool { return !t.stop && t.weak }):
		// A word alone, or with determiners only ("the board").
		return term{key: content[0], stems: content, words: 1}, true
	}
	return term{}, false
}

// match returns the index of the last token of toks that the term covers
// when it starts at token i, or -1 if it does not match there.
func (t term) match(toks []token, i int) int {
	if t.exact {
		j := i
		for k, s := range t.stems {
			if k > 0 {
				j++
				for j < len(toks) && toks[j].det && !toks[j].broken {
					j++
				}
			}
			if j >= len(toks) || toks[j].stem != s || (k > 0 && toks[j].broken) {
				return -1
			}
		}
		return j
	}
	j := i
	for k, s := range t.stems {
		if k > 0 {
			j++
			// Function words other than determiners in the gap need one
			// of the entry's own among them, and no negation or
			// conjunction the entry does not have there.
			other, own := false, false
			for j < len(toks) && toks[j].stop && !toks[j].broken && (len(t.gaps[k]) > 0 || toks[j].det) {
				if !toks[j].det {
					mine := slices.Contains(t.gaps[k], toks[j].stem)
					if breakers()[toks[j].stem] && !mine {
						return -1
					}
					other = true
					own = own || mine
				}
				j++
			}
			if other && !own {
				return -1
			}
		}
		if j >= len(toks) || toks[j].stop || toks[j].stem != s || (k > 0 && toks[j].broken) {
			return -1
		}
	}
	return j
}

// A hit is a term found in a text, from token first to token last.
type hit struct {
	key         string
	first, last int
}

// Matcher scores texts against a framework's principles by the words and
// phrases they share: each principle's label and wording, and its
// vocabulary in the framework file.
type Matcher struct {
	fw      *framework.Framework
	phrases map[string][]term // by first stem, longest first
	// weights are each principle's terms and what each weighs.
	weights []map[string]float64
	common  map[string]bool
	// near is the framework's table of words near in meaning (nil: none),
	// and within each principle's entries by the words they have.
	near   *nearTable
	within []map[string]string
}

// Weights of the matcher, in one place. A term weighs ln(N/df)+1, where
// N is the number of principles and df the number whose words include it,
// times phraseWeight per extra word of meaning for a phrase, times
// commonWeight for a term in the framework's common list.
const (
	phraseWeight = 0.5
	commonWeight = 0.25
	// evidence is the score a first principle needs to be halfway to
	// certain with nothing else in the running: confidence is the first
	// score less the second, over the first plus evidence. It is set so
	// that one telling word or phrase alone (a word of one principle
	// weighs ln(10)+1 = 3.3, a phrase of two words 5.0) stays unsure:
	// a person would not accept a mapping on one shared word, and
	// --apply does not either.
	evidence = 12.0
)

// NewMatcher reads a framework's wordings and vocabularies. Other
// wordings the framework records (also_quoted) are left out: they are
// quoted from the strategies themselves, so matching them would flatter
// the very strategies they came from (see docs/suggest.md).
func NewMatcher(fw *framework.Framework) *Matcher {
	m := &Matcher{fw: fw, phrases: map[string][]term{}, near: loadNear(fw)}
	if m.near != nil {
		m.within = within(fw)
	}
	terms := map[string]term{}
	add := func(entry string) (string, bool) {
		t, ok := compile(entry)
		if !ok {
			return "", false
		}
		terms[t.key] = t
		if len(t.stems) > 1 {
			first := t.stems[0]
			if !slices.ContainsFunc(m.phrases[first], func(u term) bool { return u.key == t.key }) {
				m.phrases[first] = append(m.phrases[first], t)
			}
		}
		return t.key, true
	}
	common := map[string]bool{}
	m.common = common
	for _, c := range fw.Common {
		if k, ok := add(c); ok {
			common[k] = true
		}
	}
	vocab := make([][]string, len(fw.Principles))
	for i, p := range fw.Principles {
		for _, v := range p.Vocabulary {
			if k, ok := add(v); ok {
				vocab[i] = append(vocab[i], k)
			}
		}
	}
	for _, list := range m.phrases {
		slices.SortStableFunc(list, func(a, b term) int { return cmp.Compare(len(b.stems), len(a.stems)) })
	}
	// Each principle's wording is read with every phrase known: the
	// principle has each phrase its wording holds, even inside a longer
	// one ("decision-making" in "centre of decision-making"), and each
	// word no phrase covers, so the words of "community development" count
	// as that phrase, not as "community" and "development".
	keys := make([]map[string]bool, len(fw.Principles))
	df := map[string]int{}
	for i, p := range fw.Principles {
		keys[i] = map[string]bool{}
		toks := tokens(p.Label + "\n" + p.Text)
		covered := make([]bool, len(toks))
		for j := range toks {
			for _, t := range m.phrases[toks[j].stem] {
				if last := t.match(toks, j); last >= 0 && (t.exact || !toks[j].stop) {
					keys[i][t.key] = true
					for c := j; c <= last; c++ {
						covered[c] = true
					}
				}
			}
		}
		for j, t := range toks {
			if !covered[j] && !t.stop && !t.weak {
				keys[i][t.stem] = true
				if _, ok := terms[t.stem]; !ok {
					terms[t.stem] = term{key: t.stem, stems: []string{t.stem}, words: 1}
				}
			}
		}
		for _, k := range vocab[i] {
			keys[i][k] = true
		}
		for k := range keys[i] {
			df[k]++
		}
	}
	n := float64(len(fw.Principles))
	for i := range fw.Principles {
		w := map[string]float64{}
		for k := range keys[i] {
			x := (math.Log(n/float64(df[k])) + 1) * (1 + phraseWeight*float64(terms[k].words-1))
			if common[k] {
				x *= commonWeight
			}
			w[k] = x
		}
		m.weights = append(m.weights, w)
	}
	return m
}

// hits finds the terms in a text's tokens, left to right, the longest
// phrase first; a word inside a phrase found is not counted again alone.
func (m *Matcher) hits(toks []token) []hit {
	var out []hit
	for i := 0; i < len(toks); {
		best, last := term{}, -1
		for _, t := range m.phrases[toks[i].stem] {
			if !t.exact && toks[i].stop {
				continue
			}
			if j := t.match(toks, i); j > last {
				best, last = t, j
			}
		}
		if last >= 0 {
			out = append(out, hit{best.key, i, last})
			i = last + 1
			continue
		}
		if !toks[i].stop && !toks[i].weak {
			out = append(out, hit{toks[i].stem, i, i})
		}
		i++
	}
	return out
}

// Match returns the framework's principles ranked by how well text
// matches them, best first (equal scores in the framework's order),
// keeping the first keep.
func (m *Matcher) Match(text string, keep int) []Candidate {
	toks := tokens(text)
	hits := m.hits(toks)
	// The item's words that may be near in meaning: each once, as the
	// table spells them, with where it first is.
	type word struct {
		row, at int // the word's row in the near table, its first token
	}
	var words []word
	if m.near != nil {
		seen := map[string]bool{}
		for j, tk := range toks {
			if w := nearWord(text, tk); !tk.stop && !tk.weak && !m.common[tk.stem] && !seen[w] {
				seen[w] = true
				if row := m.near.row(w); row >= 0 {
					words = append(words, word{row, j})
				}
			}
		}
	}
	all := make([]Candidate, len(m.fw.Principles))
	for i, p := range m.fw.Principles {
		type part struct {
			words  string
			x      float64
			at     int
			common bool
		}
		var parts []part
		seen := map[string]bool{}
		sharedStems := map[string]bool{} // of every word inside what it shares
		var score float64
		for _, h := range hits {
			x, ok := m.weights[i][h.key]
			if !ok {
				continue
			}
			for j := h.first; j <= h.last; j++ {
				sharedStems[toks[j].stem] = true
			}
			if seen[h.key] {
				continue
			}
			seen[h.key] = true
			score += x
			parts = append(parts, part{text[toks[h.first].start:toks[h.last].end], x, h.first, m.common[h.key]})
		}
		// The words that tell first, weightiest first; common words last.
		slices.SortStableFunc(parts, func(a, b part) int {
			if a.common != b.common {
				if a.common {
					return 1
				}
				return -1
			}
			if c := cmp.Compare(b.x, a.x); c != 0 {
				return c
			}
			return cmp.Compare(a.at, b.at)
		})
		shared := []string{}
		for _, pt := range parts[:min(len(parts), 5)] {
			shared = append(shared, pt.words)
		}
		// Words near in meaning count whether shared or not (the nearness
		// of a shared word is what makes it telling); the explanation names
		// those near enough to check whose stem it shares nowhere in the
		// text ("the experience of care" with "lived experience" shared
		// names no "experience" again).
		type close struct {
			near Near
			x    float64
		}
		var named []close
		for _, w := range words {
			x, like := m.near.at(w.row, i)
			if x == 0 {
				continue
			}
			score += nearWeight * x
			if x >= nearShown && !sharedStems[toks[w.at].stem] {
				n := Near{Word: text[toks[w.at].start:toks[w.at].end], Like: like}
				if stem(like) == toks[w.at].stem {
					n.In = m.within[i][like]
				}
				named = append(named, close{n, x})
			}
		}
		// The nearest first; a word or phrase of the principle is named
		// once ("Report" and "Reporting" are both in "report back", "Hold"
		// and "account" in "hold to account").
		slices.SortStableFunc(named, func(a, b close) int { return cmp.Compare(b.x, a.x) })
		var near []Near
		for _, c := range named {
			if len(near) < 3 && !slices.ContainsFunc(near, func(n Near) bool { return n.Like == c.near.Like || n.In != "" && n.In == c.near.In }) {
				near = append(near, c.near)
			}
		}
		all[i] = Candidate{Number: p.Number, Label: p.Label, Score: round(score, 100), Words: shared, Near: near}
	}
	order(all)
	return all[:min(keep, len(all))]
}

// order ranks candidates: those with evidence to name first (faint
// nearness alone orders the rest, but never puts one above a principle
// the item shares a word with), each by score, best first, equal scores
// in the framework's order.
func order(all []Candidate) {
	slices.SortStableFunc(all, func(a, b Candidate) int {
		if a.Evident() != b.Evident() {
			if a.Evident() {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.Score, a.Score)
	})
}

func round(x, unit float64) float64 { return math.Round(x*unit) / unit }
