package suggest

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/schemas"
)

// Words near in meaning. Beyond the words an item shares with a
// principle, each of its other words may be near in meaning to one of the
// principle's own ("pamphlets" to "newsletters", "hear" to "listen"). How
// near is read from word vectors (GloVe, trained on Wikipedia and news
// text, public domain) once, by `make near`, into a table shipped next to
// the framework (schemas/frameworks/ID.near): for each of the commonest
// English words, and each principle, how much nearer the word is to the
// principle's nearest word than to the other principles' on average, and
// which word that is. Matching only looks words up in it.
const (
	// nearWeight times a word's nearness is what it adds to a
	// principle's score. Nearness 1 would add 4; in nhse-2022's table the
	// largest is 0.7 (2.8), and a word that means one principle is near
	// it about 0.45 ("empowerment" to principle 7: 1.8, half what a word
	// of one principle's vocabulary weighs).
	nearWeight = 4.0
	// nearShown is the least nearness (0 to 1) for which a word is named in
	// the explanation: weaker ones still count, but are not evidence a
	// person would check.
	nearShown = 0.15
	// nearScale is how a nearness is stored: in 1/200ths, one byte (at
	// most 200: 1).
	nearScale = 200.0
)

// A Near is a word of an item near in meaning to a word of a principle:
// "pamphlets" (as the item writes it) like "newsletters". When the
// principle's word is the item's own, the principle has it only inside a
// phrase, and In is the shortest of its label and vocabulary entries that
// has it ("experience" in "lived experience"); or the item has it inside
// another principle's phrase ("experiences" in "lived experiences"), and
// In is the word itself.
type Near struct {
	Word string `json:"word"`
	Like string `json:"like"`
	In   string `json:"in,omitempty"`
}

// Evidence is a candidate's explanation, in phrases a person can check,
// each word quoted by quote: the words it shares ("'Healthwatch'"), with
// its own words the item has that it uses inside a phrase ("'experience'
// (as in 'lived experience')"); and its words near in meaning
// ("'Pamphlets' (like 'newsletters')"). It is the one wording of the
// explanation, for the terminal and for the docs' tables.
func (c Candidate) Evidence(quote func(string) string) (shared, near []string) {
	for _, w := range c.Words {
		shared = append(shared, quote(w))
	}
	for _, n := range c.Near {
		switch {
		case strings.EqualFold(n.In, n.Like): // a word of its own, inside another's phrase here
			shared = append(shared, quote(n.Word))
		case n.In != "":
			shared = append(shared, quote(n.Word)+" (as in "+quote(n.In)+")")
		default:
			near = append(near, quote(n.Word)+" (like "+quote(n.Like)+")")
		}
	}
	return shared, near
}

// within gives, for each principle of a framework, each of its words and
// the shortest of its label and vocabulary entries that has it, for a
// Near's In: a phrase short enough to quote (a word of its wording alone
// is the word itself).
func within(fw *framework.Framework) []map[string]string {
	out := make([]map[string]string, len(fw.Principles))
	for i, p := range fw.Principles {
		out[i] = map[string]string{}
		for _, s := range append([]string{p.Label}, p.Vocabulary...) {
			for _, tk := range tokens(s) {
				if w := nearWord(s, tk); out[i][w] == "" || len(s) < len(out[i][w]) {
					out[i][w] = s
				}
			}
		}
		for _, tk := range tokens(p.Text) {
			if w := nearWord(p.Text, tk); out[i][w] == "" {
				out[i][w] = w
			}
		}
	}
	return out
}

// nearTable is a framework's table of words near in meaning.
type nearTable struct {
	words []string   // sorted
	like  [][]string // each principle's words, as the rows index them
	rows  []byte     // for each word, each principle: nearness, like index (uint16)
}

const nearMagic = "engage-near 1"

// loadNear returns the table shipped for a framework, or nil when there is
// none or it was made for other words than the framework now has. A table
// is read once a run.
func loadNear(fw *framework.Framework) *nearTable {
	if t, ok := nearTables.Load(fw); ok {
		return t.(*nearTable)
	}
	var t *nearTable
	if data, err := schemas.Frameworks.ReadFile("frameworks/" + fw.ID + ".near"); err == nil {
		if table, fp, err := parseNear(data, len(fw.Principles)); err == nil && fp == fingerprint(fw) {
			t = table
		}
	}
	nearTables.Store(fw, t)
	return t
}

// nearTables are the tables read, by framework (nil: it has none that
// fits). Frameworks are read once a run and not changed after.
var nearTables sync.Map

// parseNear reads a table: a header of text lines, then the rows.
func parseNear(data []byte, principles int) (*nearTable, string, error) {
	line := func() (string, error) {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return "", fmt.Errorf("near table ends early")
		}
		s := string(data[:i])
		data = data[i+1:]
		return s, nil
	}
	field := func(name string) (string, error) {
		s, err := line()
		if err != nil {
			return "", err
		}
		v, ok := strings.CutPrefix(s, name+" ")
		if !ok {
			return "", fmt.Errorf("near table: want %q, have %q", name, s)
		}
		return v, nil
	}
	if s, err := line(); err != nil || s != nearMagic {
		return nil, "", fmt.Errorf("not a near table")
	}
	fp, err := field("fingerprint")
	if err != nil {
		return nil, "", err
	}
	if _, err := field("source"); err != nil {
		return nil, "", err
	}
	t := &nearTable{}
	for range principles {
		v, err := field("like")
		if err != nil {
			return nil, "", err
		}
		t.like = append(t.like, strings.Fields(v))
	}
	v, err := field("words")
	if err != nil {
		return nil, "", err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return nil, "", fmt.Errorf("near table: bad word count %q", v)
	}
	// The words are cut from one string, not copied one by one.
	end := 0
	for range n {
		i := bytes.IndexByte(data[end:], '\n')
		if i < 0 {
			return nil, "", fmt.Errorf("near table ends early")
		}
		end += i + 1
	}
	block := string(data[:end])
	data = data[end:]
	t.words = make([]string, 0, n)
	for start := 0; start < len(block); {
		i := strings.IndexByte(block[start:], '\n')
		t.words = append(t.words, block[start:start+i])
		start += i + 1
	}
	if len(data) != n*principles*3 || !slices.IsSorted(t.words) {
		return nil, "", fmt.Errorf("near table: rows do not fit the words")
	}
	t.rows = data
	for i := 0; i < len(data); i += 3 {
		if k := int(binary.LittleEndian.Uint16(data[i+1:])); k >= len(t.like[i/3%principles]) || float64(data[i]) > nearScale {
			return nil, "", fmt.Errorf("near table: entry %d names no word or is over 1", i/3)
		}
	}
	return t, fp, nil
}

// row returns a word's row in the table, or -1. A British spelling the
// table lacks is looked up in its American form, which the vectors' text
// (mostly American) has more often: "mobilise" as "mobilize",
// "organisational" as "organizational".
func (t *nearTable) row(word string) int {
	i, ok := slices.BinarySearch(t.words, word)
	if !ok {
		if us := american(word); us != word {
			i, ok = slices.BinarySearch(t.words, us)
		}
	}
	if !ok {
		return -1
	}
	return i
}

// near returns how near word is to principle p (0 to 1) and its nearest
// word there.
func (t *nearTable) near(word string, p int) (float64, string) {
	return t.at(t.row(word), p)
}

// at returns how near the word of row i is to principle p, and its
// nearest word there (row -1: none).
func (t *nearTable) at(i, p int) (float64, string) {
	if i < 0 {
		return 0, ""
	}
	at := (i*len(t.like) + p) * 3
	x := float64(t.rows[at]) / nearScale
	if x == 0 {
		return 0, ""
	}
	return x, t.like[p][binary.LittleEndian.Uint16(t.rows[at+1:])]
}

// american spells a British word the American way, by its ending: -ise,
// -isation and their forms as -ize, -our as -or, -tre as -ter, -ogue as -og
// ("programme" too). Words that only look British ("advise", "exercise",
// "hour", "four") are never in the table under the American form either,
// or are the same word there.
func american(w string) string {
	if w == "programme" || w == "programmes" {
		return strings.Replace(w, "mme", "m", 1)
	}
	for _, r := range [][2]string{
		{"isation", "ization"}, {"isations", "izations"}, {"ise", "ize"}, {"ised", "ized"},
		{"ises", "izes"}, {"ising", "izing"}, {"iser", "izer"}, {"isers", "izers"},
		{"our", "or"}, {"ours", "ors"}, {"oured", "ored"}, {"ouring", "oring"}, {"ourable", "orable"},
		{"tre", "ter"}, {"tres", "ters"}, {"ogue", "og"}, {"ogues", "ogs"},
	} {
		if strings.HasSuffix(w, r[0]) && len(w) > len(r[0])+2 {
			return strings.TrimSuffix(w, r[0]) + r[1]
		}
	}
	return w
}

// nearWord is how a token is looked up: its letters in lower case, as the
// word vectors spell words.
func nearWord(text string, tk token) string {
	return strings.ToLower(strings.ReplaceAll(text[tk.start:tk.end], "’", "'"))
}

// principleWords are the words each principle of a framework is near to:
// every word of its label, wording and vocabulary but function words and
// weak ones, in lower case, sorted.
func principleWords(fw *framework.Framework) [][]string {
	out := make([][]string, len(fw.Principles))
	for i, p := range fw.Principles {
		seen := map[string]bool{}
		for _, s := range append([]string{p.Label, p.Text}, p.Vocabulary...) {
			for _, tk := range tokens(s) {
				if w := nearWord(s, tk); !tk.stop && !tk.weak && !seen[w] && !strings.ContainsAny(w, " \t") {
					seen[w] = true
					out[i] = append(out[i], w)
				}
			}
		}
		slices.Sort(out[i])
	}
	return out
}

// fingerprint identifies what a near table was made from: a framework's
// labels, wordings, vocabularies and common words, the principle words
// read from them (so a change to how words are read changes it too), the
// function and weak words no row is kept for, and how many rows.
func fingerprint(fw *framework.Framework) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00", nearMagic, NearWords)
	for _, ws := range principleWords(fw) {
		fmt.Fprintf(h, "w\x00%s\x00", strings.Join(ws, " "))
	}
	for _, m := range []map[string]bool{moreStopWords(), weakWords()} {
		fmt.Fprintf(h, "s\x00%s\x00", strings.Join(slices.Sorted(maps.Keys(m)), " "))
	}
	for _, c := range fw.Common {
		fmt.Fprintf(h, "c\x00%s\x00", c)
	}
	for _, p := range fw.Principles {
		fmt.Fprintf(h, "p\x00%d\x00%s\x00%s\x00", p.Number, p.Label, p.Text)
		for _, v := range p.Vocabulary {
			fmt.Fprintf(h, "v\x00%s\x00", v)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// NearWords is how many of the commonest words a table holds.
const NearWords = 20000

// BuildNear makes a framework's near table from word vectors: vector
// gives a word's vector (nil if it has none), commonest lists candidate
// words commonest first (the first NearWords words of letters only that
// are not function words are kept). source says where the vectors come
// from, for the table's header.
func BuildNear(fw *framework.Framework, commonest []string, vector func(string) []float32, source string) ([]byte, error) {
	like := principleWords(fw)
	type unit struct {
		words []string
		vecs  [][]float64
	}
	units := make([]unit, len(like))
	for p, ws := range like {
		for _, w := range ws {
			if v := vector(w); v != nil {
				units[p].words = append(units[p].words, w)
				units[p].vecs = append(units[p].vecs, normal(v))
			}
		}
		if len(units[p].words) == 0 {
			return nil, fmt.Errorf("principle %d: no word of it has a vector", fw.Principles[p].Number)
		}
		if len(units[p].words) > math.MaxUint16 {
			return nil, fmt.Errorf("principle %d: %d words, more than a table row can name", fw.Principles[p].Number, len(units[p].words))
		}
	}
	var words []string
	seen := map[string]bool{}
	for _, w := range commonest {
		if len(words) == NearWords {
			break
		}
		if seen[w] || !letters(w) || stopword(w) || weakWords()[w] || len(w) < 2 {
			continue
		}
		if vector(w) == nil {
			continue
		}
		seen[w] = true
		words = append(words, w)
	}
	slices.Sort(words)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\nfingerprint %s\nsource %s\n", nearMagic, fingerprint(fw), strings.ReplaceAll(source, "\n", " "))
	for _, u := range units {
		fmt.Fprintf(&b, "like %s\n", strings.Join(u.words, " "))
	}
	fmt.Fprintf(&b, "words %d\n", len(words))
	for _, w := range words {
		b.WriteString(w + "\n")
	}
	best := make([]float64, len(units))
	at := make([]int, len(units))
	for _, w := range words {
		v := normal(vector(w))
		mean := 0.0
		for p, u := range units {
			best[p], at[p] = math.Inf(-1), 0
			for k, x := range u.vecs {
				if s := dot(v, x); s > best[p] {
					best[p], at[p] = s, k
				}
			}
			mean += best[p]
		}
		mean /= float64(len(units))
		for p := range units {
			q := math.Round((best[p] - mean) * nearScale)
			q = max(0, min(nearScale, q))
			b.WriteByte(byte(q))
			b.Write(binary.LittleEndian.AppendUint16(nil, uint16(at[p]))) //nolint:gosec // at[p] < len(units[p].words) <= MaxUint16, checked above
		}
	}
	return b.Bytes(), nil
}

func letters(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return w != ""
}

func normal(v []float32) []float64 {
	out := make([]float64, len(v))
	var n float64
	for i, x := range v {
		out[i] = float64(x)
		n += float64(x) * float64(x)
	}
	if n = math.Sqrt(n); n > 0 {
		for i := range out {
			out[i] /= n
		}
	}
	return out
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range min(len(a), len(b)) {
		s += a[i] * b[i]
	}
	return s
}
