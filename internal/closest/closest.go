// Package closest finds the nearest of a set of words to a misspelt one, for
// "did you mean" hints.
package closest

import (
	"strings"
	"unicode/utf8"
)

// Match returns the candidate nearest to word, when one is near enough to be
// a likely typo: at most a third of the word's letters differ (at least one,
// at most three). Case is ignored. Ties go to the earlier candidate.
func Match(word string, candidates []string) (string, bool) {
	w := strings.ToLower(word)
	limit := min(max(utf8.RuneCountInString(w)/3, 1), 3)
	best, bestD := "", limit+1
	for _, c := range candidates {
		d := Distance(w, strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best, bestD <= limit
}

// All returns every candidate as near to word as the nearest, when that is
// near enough to be a likely typo (as Match), in the candidates' order.
func All(word string, candidates []string) []string {
	w := strings.ToLower(word)
	limit := min(max(utf8.RuneCountInString(w)/3, 1), 3)
	var best []string
	bestD := limit + 1
	for _, c := range candidates {
		switch d := Distance(w, strings.ToLower(c)); {
		case d < bestD:
			best, bestD = []string{c}, d
		case d == bestD:
			best = append(best, c)
		}
	}
	if bestD > limit {
		return nil
	}
	return best
}

// Distance is the optimal-string-alignment edit distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours each cost one.
func Distance(a, b string) int {
	// Words are short: their runes and the three rows fit on the stack,
	// so a "did you mean" on each of 100,000 findings allocates nothing.
	var abuf, bbuf [32]rune
	var rows [3][33]int
	ra, rb := runes(abuf[:0], a), runes(bbuf[:0], b)
	var prev2, prev, cur []int
	if len(rb) < len(rows[0]) {
		prev2, prev, cur = rows[0][:len(rb)+1], rows[1][:len(rb)+1], rows[2][:len(rb)+1]
	} else {
		prev2, prev, cur = make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// runes appends the runes of s to buf.
func runes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}
