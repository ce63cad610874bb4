package suggest

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// A token is one word of a text: its stem, and where it is in the text
// (byte offsets), so a match can be quoted as the text writes it.
type token struct {
	stem       string
	start, end int
	// stop is a function word ("the", "of", "we"): it counts only inside
	// a phrase that names it ("you said, we did"), and is skipped inside
	// other phrases where the entry has one (see term.match). det is a
	// determiner ("the", "our"), skipped inside any phrase.
	stop, det bool
	// weak is a word with too little meaning alone ("make", "use",
	// "work"): it counts only inside a phrase.
	weak bool
	// broken says a sentence ends between this word and the one before
	// (".", ";", ":", "?" or "!"): no phrase is found across it.
	broken bool
}

// tokens splits text into words, joins the prefixes "co" and "re" to the
// word they begin ("co-production", "co production" and "coproduction"
// meet), and stems each with the Snowball English stemmer.
func tokens(text string) []token {
	type word struct {
		s          string
		start, end int
	}
	var words []word
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			words = append(words, word{text[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, word{text[start:], start, len(text)})
	}
	var out []token
	prevEnd := 0
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i].s)
		from, to := words[i].start, words[i].end
		if i+1 < len(words) && joins(w, text[to:words[i+1].start]) {
			w += strings.ToLower(words[i+1].s)
			to = words[i+1].end
			i++
		}
		if utf8.RuneCountInString(w) < 2 {
			continue
		}
		broken := len(out) > 0 && strings.ContainsAny(text[prevEnd:from], ".;:?!")
		out = append(out, token{stem: stem(w), start: from, end: to, stop: stopword(w), det: determiners()[w], weak: weakWords()[w], broken: broken})
		prevEnd = to
	}
	return out
}

// joins says whether a prefix joins the next word across the gap between
// them: "co" and "re" across a hyphen or a space, "under" and "over" only
// across a hyphen ("under-served"; "under the Act" stays apart).
func joins(prefix, gap string) bool {
	switch prefix {
	case "co", "re":
		return gap == "-" || gap == " " || gap == "‐" || gap == "‑"
	case "under", "over", "non":
		return gap == "-" || gap == "‐" || gap == "‑"
	}
	return false
}

// stem is the Snowball English stem of a lower-case word, with American
// "-ize" spellings read as British "-ise" and a few stems set apart or
// joined where Snowball's rules would confuse the field's words.
func stem(w string) string {
	if s, ok := keepApart[w]; ok {
		return s
	}
	if base, ok := irregular[w]; ok {
		w = base
	}
	stems.Lock()
	s, ok := stems.m[w]
	stems.Unlock()
	if ok {
		return s
	}
	s = snowball(w)
	stems.Lock()
	if len(stems.m) < maxStems {
		stems.m[w] = s
	}
	stems.Unlock()
	return s
}

// stems remembers the stems found: Snowball costs a few microseconds a
// word, and strategies repeat their words (at most maxStems are kept).
var stems = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

const maxStems = 1 << 16

func snowball(w string) string {
	for _, suf := range []string{"ize", "ized", "izes", "izing", "ization", "izations"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			w = strings.TrimSuffix(w, suf) + "is" + suf[2:]
			break
		}
	}
	s := english.Stem(w, true)
	if j, ok := joinStems[s]; ok {
		return j
	}
	return s
}

// keepApart are words whose Snowball stem would meet a word of another
// meaning: "accessible" information is not "access" to services, the noun
// "information" is not the verb "inform", "accountable" is not "take into
// account", "activities" are not being "active", a community's "needs"
// are not what "they need", "planning" is not "plans", "governance" is not
// "government", to explain "clearly" is not "clear" information; and
// terms of the vocabulary whose stem would meet everyday words: being
// "answerable" is not to "answer" a letter, "mutuality" not "mutual"
// respect, "resourcing" partners not "resources", "representativeness"
// not "representatives", "intersectional" not an "intersection".
var keepApart = map[string]string{
	"answerable": "answerabl", "answerability": "answerabl", "mutuality": "mutualiti",
	"resourcing": "resourcing", "representativeness": "representativeness",
	"intersectional": "intersectional", "intersectionality": "intersectional",
	"accessible": "accessibl", "accessibility": "accessibl", "inaccessible": "accessibl",
	"information": "information", "accountable": "accountabl", "accountability": "accountabl",
	"earliest": "earli", "earlier": "earli", "learnt": "learn",
	"activity": "activiti", "activities": "activiti",
	"needs": "needs", "planning": "planning", "governance": "governance", "clearly": "clearly",
}

// irregular are past forms of English verbs that Snowball, which only
// cuts endings, leaves apart from their verb: "seldom heard" is "seldom
// hear", "what you told us" is "tell". Forms that are as often other
// words ("left", "found", "saw", "thought", "felt", "met") are not here.
var irregular = map[string]string{
	"heard": "hear", "told": "tell", "said": "say", "gave": "give", "given": "give",
	"took": "take", "taken": "take", "built": "build", "led": "lead", "held": "hold",
	"brought": "bring", "spoke": "speak", "spoken": "speak",
	"chose": "choose", "chosen": "choose", "sought": "seek", "taught": "teach",
	"understood": "understand", "knew": "know", "known": "know", "shown": "show",
	"grew": "grow", "grown": "grow", "began": "begin", "begun": "begin",
	"went": "go", "gone": "go", "came": "come", "seen": "see", "wrote": "write",
	"written": "write", "kept": "keep", "sent": "send", "spent": "spend",
	"fed": "feed", "done": "do", "did": "do", "made": "make", "meant": "mean",
}

// joinStems are Snowball stems of one word family that its rules leave
// apart ("coproduction" and "coproduce", "empowerment" and "empower").
var joinStems = map[string]string{
	"coproduct": "coproduc", "empower": "empow", "vcfse": "vcse",
}

// stopword says whether a word is a function word: Snowball's English list
// and a few more of the same kind.
func stopword(w string) bool {
	return english.IsStopWord(w) || moreStopWords()[w]
}

var moreStopWords = sync.OnceValue(func() map[string]bool {
	return set(`would could must shall may might also within without across upon via per us
		whose every especially including etc`)
})

// breakers are function words that end a phrase's gap unless its entry
// has them there: "the right not to be involved" is not "right to be
// involved", "involved, but not in decisions" is not "involved in
// decisions".
var breakers = sync.OnceValue(func() map[string]bool {
	return set(`not no nor but or and`)
})

// determiners may come between the words of any phrase: "develop our
// plans" is "developing plans"; in an exact phrase one stands for
// another, or for none ("have their say" is "have your say" and "have a
// say").
var determiners = sync.OnceValue(func() map[string]bool {
	return set(`a an the our their your its his her my this these those`)
})

// weakWords are words that mean too little alone to suggest a principle,
// but carry meaning in a phrase ("making connections", "what works").
var weakWords = sync.OnceValue(func() map[string]bool {
	return set(`make makes making made use uses using used ensure ensuring work works working worked
		take takes taking get gets getting way ways well continue continuing new many much
		able want wants provide provides providing put puts putting give gives giving achieve achieving
		tackle tackles tackling`)
})

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
