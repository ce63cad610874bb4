package suggest

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// An index scores a text against each principle of a framework by TF-IDF
// cosine similarity: words that are frequent in the text and rare across
// the principles count most.
type index struct {
	idf  map[string]float64
	docs []vector // one per principle, in the framework's order
}

// vector is a text's weighted terms, normalised to length 1.
type vector map[string]float64

// newIndex builds an index over one text per principle.
func newIndex(texts []string) *index {
	ix := &index{idf: map[string]float64{}}
	tokenised := make([][]string, len(texts))
	df := map[string]int{}
	for i, t := range texts {
		tokenised[i] = tokens(t)
		seen := map[string]bool{}
		for _, w := range tokenised[i] {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	n := float64(len(texts))
	for w, d := range df {
		// Smoothed: a word in every principle still counts a little.
		ix.idf[w] = math.Log((1+n)/(1+float64(d))) + 1
	}
	for _, toks := range tokenised {
		ix.docs = append(ix.docs, ix.vector(toks))
	}
	return ix
}

// vector weighs tokens by (1 + log tf) × idf, ignoring words no principle
// uses, and normalises.
func (ix *index) vector(toks []string) vector {
	tf := map[string]int{}
	for _, w := range toks {
		if _, ok := ix.idf[w]; ok {
			tf[w]++
		}
	}
	v := vector{}
	var norm float64
	for w, n := range tf {
		x := (1 + math.Log(float64(n))) * ix.idf[w]
		v[w] = x
		norm += x * x
	}
	norm = math.Sqrt(norm)
	for w := range v {
		v[w] /= norm
	}
	return v
}

// score is the cosine similarity of a query with principle i, and the
// shared words that contributed most, strongest first.
func (ix *index) score(q vector, i int) (float64, []string) {
	d := ix.docs[i]
	type part struct {
		word string
		x    float64
	}
	var parts []part
	var sum float64
	for w, x := range q {
		if y, ok := d[w]; ok {
			sum += x * y
			parts = append(parts, part{w, x * y})
		}
	}
	slices.SortFunc(parts, func(a, b part) int {
		if a.x != b.x {
			if a.x > b.x {
				return -1
			}
			return 1
		}
		return strings.Compare(a.word, b.word)
	})
	words := make([]string, 0, 5)
	for _, p := range parts {
		if len(words) == 5 {
			break
		}
		words = append(words, p.word)
	}
	return sum, words
}

// tokens splits text into lower-case word stems, without common words.
func tokens(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(f) < 3 || stopwords()[f] {
			continue
		}
		out = append(out, stem(f))
	}
	return out
}

// stem strips common English endings, so "communities" and "community",
// "engaging" and "engagement" meet. It is deliberately light: a wrong
// merge costs more than a missed one.
func stem(w string) string {
	if r, ok := spelling[w]; ok {
		w = r
	}
	for _, suf := range []string{"ities", "ation", "ement", "ments", "ment", "ness", "ing", "ies", "ity", "ed", "es", "ly", "s", "e", "y"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// spelling joins the forms the strategies use for the same thing.
var spelling = map[string]string{
	"coproduction": "production", "coproduce": "produce", "vcfse": "vcse",
	"marginalised": "excluded", "underserved": "excluded",
}

// stopwords are words too common to tell principles apart, read on first
// use.
var stopwords = sync.OnceValue(func() map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(`the and for with that this from are was were will would can could
		should our their them they its into about how what which who whom where when have has had been
		being all any each every more most other some such only own same than too very just also
		not but out off over under again further then once here there both few nor per via upon
		ensure make use using work working`) {
		words[w] = true
	}
	return words
})
