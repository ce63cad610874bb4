package suggest

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/schemas"
)

// TestNearTablesCurrent: every shipped framework with a vocabulary has a
// table of words near in meaning, made from the words it has now; one
// without (stg-2018) has none and is matched by its words alone.
func TestNearTablesCurrent(t *testing.T) {
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range fws.IDs() {
		fw, _ := fws.Get(id)
		vocabulary := slices.ContainsFunc(fw.Principles, func(p framework.Principle) bool { return len(p.Vocabulary) > 0 })
		data, err := schemas.Frameworks.ReadFile("frameworks/" + id + ".near")
		if !vocabulary {
			if err == nil {
				t.Errorf("%s has a near table but no vocabulary to make it from", id)
			}
			if NewMatcher(fw).near != nil {
				t.Errorf("%s: the matcher has a near table", id)
			}
			continue
		}
		if err != nil {
			t.Errorf("schemas/frameworks/%s.near is missing: run make near", id)
			continue
		}
		table, fp, err := parseNear(data, len(fw.Principles))
		if err != nil {
			t.Errorf("schemas/frameworks/%s.near: %v (run make near)", id, err)
			continue
		}
		if fp != fingerprint(fw) {
			t.Errorf("schemas/frameworks/%s.near was made from other words than %s.yaml has now: run make near, then go test ./pkg/suggest -update, and read the diff", id, id)
		}
		if len(table.words) < NearWords*9/10 {
			t.Errorf("%s.near holds %d words, want about %d", id, len(table.words), NearWords)
		}
		if NewMatcher(fw).near == nil {
			t.Errorf("%s: the matcher did not load its near table", id)
		}
	}
}

// testFramework has three principles, and vectors in three dimensions:
// "listen" and "hear" point one way, "inform" and "publicise" another,
// "ownership" a third.
func testFramework() (*framework.Framework, []string, func(string) []float32) {
	fw := &framework.Framework{ID: "test", Principles: []framework.Principle{
		{Number: 1, Label: "Listen", Text: "Listen to people"},
		{Number: 2, Label: "Inform", Text: "Inform the public", Vocabulary: []string{"public information"}},
		{Number: 3, Label: "Own", Text: "Share ownership"},
	}}
	vecs := map[string][]float32{
		"listen": {1, 0, 0}, "hear": {0.9, 0.1, 0}, "people": {0.5, 0.5, 0.5},
		"inform": {0, 1, 0}, "public": {0.1, 0.9, 0.1}, "information": {0, 1, 0.1}, "publicise": {0.1, 0.95, 0},
		"share": {0.3, 0.3, 0.9}, "ownership": {0, 0, 1}, "organizing": {0.1, 0, 0.9},
		"person": {0.5, 0.5, 0.5},
		"the":    {1, 1, 1}, // a function word: never a row
	}
	common := []string{"the", "people", "hear", "Publicise", "publicise", "hear", "ownership", "x1", "nowhere", "person", "organizing"}
	return fw, common, func(w string) []float32 { return vecs[w] }
}

// TestBuildNear: a table made from vectors reads back; each word's
// nearness to a principle is how much nearer it is to the principle's
// nearest word than the principles' nearest are on average, and names
// that word.
func TestBuildNear(t *testing.T) {
	fw, common, vector := testFramework()
	data, err := BuildNear(fw, common, vector, "test vectors\nwith a newline")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("source test vectors with a newline\n")) {
		t.Errorf("the source is not one header line:\n%.300s", data)
	}
	table, fp, err := parseNear(data, len(fw.Principles))
	if err != nil {
		t.Fatal(err)
	}
	if fp != fingerprint(fw) {
		t.Error("the table's fingerprint is not the framework's")
	}
	// Letters only, no function words, no word without a vector, once each.
	if want := []string{"hear", "organizing", "ownership", "people", "person", "publicise"}; !slices.Equal(table.words, want) {
		t.Errorf("words = %q, want %q", table.words, want)
	}
	if x, like := table.near("hear", 0); like != "listen" || x < 0.3 {
		t.Errorf(`near("hear", 1) = %.2f like %q, want well over 0 like "listen"`, x, like)
	}
	if x, like := table.near("publicise", 1); like != "inform" && like != "information" || x < 0.3 {
		t.Errorf(`near("publicise", 2) = %.2f like %q, want well over 0 like "inform"`, x, like)
	}
	if x, _ := table.near("hear", 2); x != 0 {
		t.Errorf(`near("hear", 3) = %.2f, want 0: it is further from "ownership" than the average`, x)
	}
	if x, like := table.near("nowhere", 0); x != 0 || like != "" {
		t.Errorf(`near("nowhere", 1) = %.2f %q, want nothing: not in the table`, x, like)
	}
	// A British spelling the table lacks is found in its American form.
	if x, like := table.near("organising", 2); x == 0 || like != "ownership" {
		t.Errorf(`near("organising", 3) = %.2f %q, want it read as "organizing", near "ownership"`, x, like)
	}
	for british, us := range map[string]string{"organisations": "organizations", "behaviour": "behavior", "centre": "center", "programmes": "programs", "listen": "listen", "is": "is"} {
		if got := american(british); got != us {
			t.Errorf("american(%q) = %q, want %q", british, got, us)
		}
	}
	// A framework with a principle no word of which has a vector is refused.
	fw.Principles[2] = framework.Principle{Number: 3, Label: "Zzq", Text: "Xxv"}
	if _, err := BuildNear(fw, common, vector, ""); err == nil || !strings.Contains(err.Error(), "principle 3") {
		t.Errorf("BuildNear with a principle of no known word: err = %v, want one naming principle 3", err)
	}
}

// TestParseNearRefuses: a damaged table is refused, never read past its
// end, and the matcher then goes without it.
func TestParseNearRefuses(t *testing.T) {
	fw, common, vector := testFramework()
	good, err := BuildNear(fw, common, vector, "test")
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{
		"empty":        nil,
		"not a table":  []byte("hello\n"),
		"cut short":    good[:len(good)-1],
		"one too many": append(slices.Clone(good), 0),
		"header only":  good[:bytes.Index(good, []byte("words "))],
		"word count":   bytes.Replace(good, []byte("words 6\n"), []byte("words -1\n"), 1),
	}
	// A row naming a word the principle does not have.
	broken := slices.Clone(good)
	broken[len(broken)-2], broken[len(broken)-1] = 0xff, 0xff
	bad["like index"] = broken
	for name, data := range bad {
		if _, _, err := parseNear(data, len(fw.Principles)); err == nil {
			t.Errorf("%s: parseNear accepted it", name)
		}
	}
	for cut := range len(good) {
		if _, _, err := parseNear(good[:cut], len(fw.Principles)); err == nil {
			t.Errorf("parseNear accepted the table cut to %d of its %d bytes", cut, len(good))
		}
	}
}

// TestNearExplains: a word the item does not share but is near in meaning
// to a principle's is counted and named as the item writes it, with the
// principle's word; one the principle has only inside a phrase is named
// with that phrase.
func TestNearExplains(t *testing.T) {
	m := NewMatcher(nhse(t))
	find := func(text string, number int) Candidate {
		t.Helper()
		for _, c := range m.Match(text, 10) {
			if c.Number == number {
				return c
			}
		}
		t.Fatalf("Match(%q) has no principle %d", text, number)
		return Candidate{}
	}
	// "Pamphlets" shares nothing with principle 6, but is near its
	// "newsletters".
	c := find("Pamphlets to every home.", 6)
	if len(c.Words) != 0 || !slices.Contains(c.Near, Near{Word: "Pamphlets", Like: "newsletters"}) {
		t.Errorf("principle 6 for \"Pamphlets...\": words %q, near %+v; want no word shared and 'Pamphlets' near 'newsletters'", c.Words, c.Near)
	}
	// "experience" alone is principle 8's only inside "lived experience".
	c = find("We value patient experience.", 8)
	if !slices.ContainsFunc(c.Near, func(n Near) bool {
		return n.Word == "experience" && strings.Contains(n.In, "experience") && n.In != "experience"
	}) {
		t.Errorf("principle 8 for \"experience\": near %+v; want 'experience' in one of its phrases", c.Near)
	}
	// One word of the principle is named once, for the nearest of the
	// item's words to it.
	c = find("Reporting in the annual report", 2)
	if n := slices.IndexFunc(c.Near, func(n Near) bool { return n.Like == "report" }); n < 0 || slices.ContainsFunc(c.Near[n+1:], func(m Near) bool { return m.Like == "report" }) {
		t.Errorf("principle 2 for \"Reporting ... report\": near %+v; want 'report' named once", c.Near)
	}
	c = find("Hold providers to account", 8)
	if len(c.Near) != 1 || c.Near[0].In != "hold to account" {
		t.Errorf("principle 8 for \"Hold providers to account\": near %+v; want 'hold to account' named once", c.Near)
	}
	// British spellings the vectors' text has less often are read in
	// their American form.
	if m.near.row("mobilise") < 0 || m.near.row("mobilise") != m.near.row("mobilize") {
		t.Errorf(`"mobilise" is row %d, "mobilize" %d: want the same row`, m.near.row("mobilise"), m.near.row("mobilize"))
	}
	// Words without a vector (names, acronyms) count as shared words only.
	c = find("Healthwatch", 5)
	if c.Score != 3.3 || len(c.Near) != 0 {
		t.Errorf("principle 5 for \"Healthwatch\": %+v; want 3.3 for the word alone and nothing near", c)
	}
	// The framework without a table is matched by its words alone.
	fws, _ := framework.Builtin()
	stg, _ := fws.Get("stg-2018")
	for _, c := range NewMatcher(stg).Match("Pamphlets to every home.", 10) {
		if len(c.Near) > 0 {
			t.Errorf("stg-2018 principle %d has words near in meaning %+v; it has no table", c.Number, c.Near)
		}
	}
}

// TestEvidentFirst: faint nearness orders principles with nothing to name,
// but never above one that shares a word, and a principle with nothing to
// name that outscores the first leaves it at confidence 0.
func TestEvidentFirst(t *testing.T) {
	ranked := []Candidate{
		{Number: 7, Score: 5.84},
		{Number: 5, Score: 3.42, Words: []string{"Healthwatch"}},
		{Number: 1, Score: 0.2},
	}
	order(ranked)
	it := judgeRanked(Item{}, ranked, 3)
	if it.Top().Number != 5 || !it.Suggested() || it.Confidence != 0 || len(it.Tied) != 0 {
		t.Errorf("first %d, suggested %v, confidence %v, tied %v; want 5, suggested, 0, no tie", it.Top().Number, it.Suggested(), it.Confidence, it.Tied)
	}
	if got := []int{it.Candidates[1].Number, it.Candidates[2].Number}; got[0] != 7 || got[1] != 1 {
		t.Errorf("after the first: %v, want [7 1] (by score)", got)
	}
	// Equal scores with and without evidence are no tie.
	ranked = []Candidate{{Number: 2, Score: 3.3}, {Number: 4, Score: 3.3, Near: []Near{{Word: "hear", Like: "listen"}}}}
	order(ranked)
	if it := judgeRanked(Item{}, ranked, 2); it.Top().Number != 4 || len(it.Tied) != 0 {
		t.Errorf("first %d, tied %v; want 4 and no tie", it.Top().Number, it.Tied)
	}
}
