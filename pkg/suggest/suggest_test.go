package suggest

import (
	"bytes"
	"flag"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/corpus"
	"github.com/engage-icb/engage/internal/icb"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

var update = flag.Bool("update", false, "rewrite the measured figures in docs/suggest.md")

func load(t testing.TB, name string) (*strategy.Strategy, *framework.Framework) {
	t.Helper()
	doc, err := strategy.Load("../../strategies/"+name, strategy.LoadOptions{})
	if err != nil || doc.Strategy == nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc.Strategy, nhse(t)
}

func nhse(t testing.TB) *framework.Framework {
	t.Helper()
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := fws.Get(framework.DefaultID)
	return fw
}

// blind suggests for every local principle of a strategy with its
// mappings removed, and returns them with the mappings the file records.
func blind(t testing.TB, name string) (items []Item, recorded map[string][]int, s *strategy.Strategy) {
	s, fw := load(t, name)
	recorded = map[string][]int{}
	for i, p := range s.Principles {
		recorded[p.ID] = p.National
		s.Principles[i].National = nil
	}
	for _, it := range For(s, fw, Options{All: true}) {
		if it.Kind == "principle" {
			items = append(items, it)
		}
	}
	return items, recorded, s
}

// firstRight says whether an item's first suggestion is one of labels: a
// principle it shares words with, and, when several share the first
// place, every one of them.
func firstRight(it Item, labels []int) bool {
	if !it.Top().Evident() {
		return false
	}
	if len(it.Tied) > 0 {
		return !slices.ContainsFunc(it.Tied, func(n int) bool { return !slices.Contains(labels, n) })
	}
	return slices.Contains(labels, it.Top().Number)
}

// inTop3 says whether one of the first three suggestions is one of labels.
func inTop3(it Item, labels []int) bool {
	return slices.ContainsFunc(it.Candidates[:min(3, len(it.Candidates))], func(c Candidate) bool {
		return c.Evident() && slices.Contains(labels, c.Number)
	})
}

// applied says whether --apply, at the default confidence, would write an
// unmapped item's first suggestion.
func applied(it Item) bool { return it.Suggested() && it.Confidence >= DefaultMinConfidence }

// suggestions writes an item's first three candidates for a table, with
// the words each shares and those near in meaning, as Evidence words
// them: "5: ‘Healthwatch’, ‘key’ as in ‘key partners’; 6: near
// ‘pamphlets’ (like ‘newsletters’)" (those with nothing to name are left
// out).
func suggestions(it Item) string {
	var parts []string
	for _, c := range it.Candidates[:min(3, len(it.Candidates))] {
		if !c.Evident() {
			continue
		}
		shared, near := c.Evidence(func(w string) string { return "‘" + w + "’" })
		why := strings.Join(shared, ", ")
		switch {
		case len(near) > 0 && why != "":
			why += " + near " + strings.Join(near, ", ")
		case len(near) > 0:
			why = "near " + strings.Join(near, ", ")
		}
		parts = append(parts, fmt.Sprintf("%d: %s", c.Number, why))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// TestAccuracyOnRealStrategies is issue 22's measure on the shipped
// strategies: with their mappings removed, SNEE's and L&SC's local
// principles are all mapped to the national numbers they state, and MSE's
// rewordings better than the 6 of 10 the first matcher managed. The
// figures, and what is proposed for MSE's rewordings, are written in
// docs/suggest.md (refresh with -update) so the docs cannot drift from the
// code.
func TestAccuracyOnRealStrategies(t *testing.T) {
	var doc strings.Builder
	fmt.Fprintf(&doc, "| strategy | local principles | top-1 right | in top 3 | --apply would write (%s or clear) | of which right |\n| --- | ---: | ---: | ---: | ---: | ---: |\n", Likely)
	var mse strings.Builder
	for _, name := range []string{"snee.yaml", "lsc.yaml", "mse.yaml"} {
		items, recorded, s := blind(t, name)
		top1, top3, writes, writesRight := 0, 0, 0, 0
		for _, it := range items {
			rec := recorded[it.ID]
			right := firstRight(it, rec)
			if right {
				top1++
			}
			if inTop3(it, rec) {
				top3++
			}
			if applied(it) {
				writes++
				if right {
					writesRight++
				}
			}
			if name == "mse.yaml" {
				verdict := "agrees"
				if !right {
					verdict = "differs"
				}
				fmt.Fprintf(&mse, "| %s | %s | %v | %s | %s | %s |\n", it.ID, cell(it.Text), rec, cell(suggestions(it)), it.ConfidenceLevel, verdict)
			}
		}
		fmt.Fprintf(&doc, "| %s (%s) | %d | %d of %d | %d of %d | %d | %d |\n", s.ICB.Short, name, len(items), top1, len(items), top3, len(items), writes, writesRight)
		switch want := map[string]int{"snee.yaml": 10, "lsc.yaml": 10, "mse.yaml": 7}[name]; {
		case top1 < want:
			t.Errorf("%s: %d of %d local principles mapped right (top-1); issue 22 asks for at least %d", name, top1, len(items), want)
		case writes != writesRight:
			t.Errorf("%s: --apply would write %d mappings, %d of them right; want every one right", name, writes, writesRight)
		}
	}
	doc.WriteString("\nWhat engage proposes for each of MSE's reworded principles, next to the mapping recorded in `strategies/mse.yaml` (a person's judgement, explained in its comments):\n\n")
	doc.WriteString("| ID | MSE's wording | recorded | engage's first three, with the words they share | confidence | |\n| --- | --- | --- | --- | --- | --- |\n")
	doc.WriteString(mse.String())
	checkDoc(t, "../../docs/suggest.md", "shipped", doc.String())
}

// evalItem is one item of testdata/suggest/eval/items.yaml.
type evalItem struct {
	ID       string `yaml:"id"`
	ICB      string `yaml:"icb"`
	Source   string `yaml:"source"`
	Kind     string `yaml:"kind"`
	Text     string `yaml:"text"`
	National []int  `yaml:"national"`
	Stated   bool   `yaml:"stated_by_source"`
	Reason   string `yaml:"reason"`
}

// The two measured sets: reworded text from 14 ICBs, and from 17 NHS
// organisations that are not ICBs (former CCGs, trusts, a Healthwatch),
// built later and blind to the matcher (see each set's README).
const (
	evalSet  = "../../testdata/suggest/eval/items.yaml"
	freshSet = "../../testdata/suggest/fresh/items.yaml"
)

func readSet(t *testing.T, path string) []evalItem { return readList[evalItem](t, path) }

// readList reads a YAML list strictly: a field the type lacks is an error.
func readList[T any](t *testing.T, path string) []T {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var items []T
	if err := dec.Decode(&items); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return items
}

// excludedPlaces are the held-out ICBs (Black Country, Gloucestershire,
// South Yorkshire) and those in strategies/ (Suffolk and North East Essex,
// Mid and South Essex, Lancashire and South Cumbria, Dorset), with the
// places in them that name NHS bodies (CCGs, trusts, councils,
// Healthwatch), as an organisation's name or its site's address would
// have them.
var excludedPlaces = []string{
	"Black Country", "Wolverhampton", "Walsall", "Dudley", "Sandwell",
	"Gloucestershire", "Gloucester", "Cheltenham",
	"South Yorkshire", "Sheffield", "Rotherham", "Barnsley", "Doncaster", "Bassetlaw",
	"Suffolk", "North East Essex", "Ipswich", "Colchester",
	"Mid and South Essex", "Mid Essex", "South Essex", "Southend", "Thurrock", "Basildon", "Castle Point", "Chelmsford",
	"Lancashire", "South Cumbria", "Morecambe", "Blackpool", "Blackburn", "Preston", "Chorley", "Fylde",
	"Dorset", "Bournemouth", "Poole",
}

// TestEvaluationSetsAreWhatIssue22Asks: at least 60 reworded items from at
// least 8 organisations, none of them the held-out three ICBs or an ICB in
// strategies/, each with a source, its text and a judgement with a reason,
// and no organisation's style dominating.
func TestEvaluationSetsAreWhatIssue22Asks(t *testing.T) {
	for _, path := range []string{evalSet, freshSet} {
		items := readSet(t, path)
		orgs := map[string]int{}
		ids := map[string]bool{}
		for _, it := range items {
			orgs[it.ICB]++
			if ids[it.ID] {
				t.Errorf("%s: %s is listed twice", path, it.ID)
			}
			ids[it.ID] = true
			for _, place := range excludedPlaces {
				if strings.Contains(it.ICB, place) || strings.Contains(it.Source, strings.ToLower(strings.ReplaceAll(place, " ", ""))) {
					t.Errorf("%s: %s is from %s (%s): the held-out ICBs and those in strategies/, and the places in them, are not in the sets", path, it.ID, it.ICB, place)
				}
			}
			if !strings.HasPrefix(it.Source, "https://") || it.Text == "" || it.Reason == "" || it.Kind == "" {
				t.Errorf("%s: %s: want a source URL, the text, its kind and a reason", path, it.ID)
			}
			for _, n := range it.National {
				if n < 1 || n > 10 {
					t.Errorf("%s: %s: national %d is not a principle of the ten", path, it.ID, n)
				}
			}
		}
		if len(items) < 60 || len(orgs) < 8 {
			t.Errorf("%s has %d items from %d organisations; issue 22 asks for at least 60 from at least 8", path, len(items), len(orgs))
		}
		for org, n := range orgs {
			if n > 9 {
				t.Errorf("%s: %d items from %s; no organisation's style should dominate", path, n, org)
			}
		}
	}
}

// Targets of issue 22 on the evaluation set. Precision meets its target;
// top-1, top-3 and recall do not yet (docs/suggest.md says by how much and
// why), so the tests fail if a figure falls below its floor: what the
// matcher measured when it last changed.
const (
	wantTop1      = 0.85
	wantTop3      = 0.97
	wantPrecision = 0.95
	wantRecall    = 0.50
)

// floors are the least each figure may measure on a set.
type floors struct{ top1, top3, precision, recall float64 }

// TestEvaluationSet measures the matcher on wording it was not built
// from: reworded principles, commitments and objectives of 14 ICBs
// (testdata/suggest/eval). The figures and every miss are written in
// docs/suggest.md.
func TestEvaluationSet(t *testing.T) {
	measureSet(t, evalSet, "evaluation", floors{top1: 0.75, top3: 0.95, precision: 0.95, recall: 0.31})
}

// TestFreshSet measures the matcher on the second set: 17 NHS
// organisations that are not ICBs, built blind to the matcher after the
// first set had been used to shape it (testdata/suggest/fresh).
func TestFreshSet(t *testing.T) {
	measureSet(t, freshSet, "fresh", floors{top1: 0.69, top3: 0.91, precision: 0.95, recall: 0.20})
}

func measureSet(t *testing.T, path, name string, floor floors) {
	m := NewMatcher(nhse(t))
	items := readSet(t, path)
	var positives, top1, top3, mainTop1, writes, writesRight, negatives, negativesWritten int
	levels := map[string][2]int{} // level: items, of which first right
	perMain := map[int][2]int{}
	orgs := map[string]bool{}
	var misses strings.Builder
	for _, e := range items {
		orgs[e.ICB] = true
		it := m.judge(Item{Text: e.Text}, 10)
		right := len(e.National) > 0 && firstRight(it, e.National)
		write := applied(it)
		if write {
			writes++
			if right {
				writesRight++
			}
		}
		if len(e.National) == 0 {
			negatives++
			if write {
				negativesWritten++
			}
		} else {
			positives++
			l := levels[it.ConfidenceLevel]
			l[0]++
			pm := perMain[e.National[0]]
			pm[0]++
			if right {
				top1++
				l[1]++
			}
			if firstRight(it, e.National[:1]) {
				mainTop1++
				pm[1]++
			}
			if inTop3(it, e.National) {
				top3++
			}
			levels[it.ConfidenceLevel] = l
			perMain[e.National[0]] = pm
		}
		if (len(e.National) > 0 && !right) || (write && !right) {
			what := "first is wrong"
			switch {
			case write:
				what = "**written wrong**"
			case len(it.Tied) > 0:
				what = "tie"
			case !it.Top().Evident():
				what = "no word shared"
			}
			fmt.Fprintf(&misses, "| %s | %s | %v | %s | %s | %s |\n", e.ID, cell(e.Text), e.National, cell(suggestions(it)), it.ConfidenceLevel, what)
		}
		t.Logf("%s %v %s %.2f tied=%v %s", e.ID, e.National, it.ConfidenceLevel, it.Confidence, it.Tied, suggestions(it))
	}
	pct := func(n, d int) string {
		if d == 0 {
			return "–"
		}
		return fmt.Sprintf("%d of %d (%.0f%%)", n, d, 100*float64(n)/float64(d))
	}
	precision := float64(writesRight) / float64(max(writes, 1))
	recall := float64(writesRight) / float64(max(positives, 1))
	var doc strings.Builder
	fmt.Fprintf(&doc, "%d items from %d organisations: %d mapped to one or two national principles by a person, %d to none.\n\n", len(items), len(orgs), positives, negatives)
	doc.WriteString("| measure | issue 22's target | measured |\n| --- | ---: | ---: |\n")
	fmt.Fprintf(&doc, "| first suggestion right (top-1) | %.0f%% | %s |\n", 100*wantTop1, pct(top1, positives))
	fmt.Fprintf(&doc, "| right principle in the first three (top-3) | %.0f%% | %s |\n", 100*wantTop3, pct(top3, positives))
	fmt.Fprintf(&doc, "| `--apply` at the default (%s or clear): precision | %.0f%% | %s |\n", Likely, 100*wantPrecision, pct(writesRight, writes))
	fmt.Fprintf(&doc, "| `--apply` at the default: recall (items mapped right) | %.0f%% | %s |\n", 100*wantRecall, pct(writesRight, positives))
	fmt.Fprintf(&doc, "| items mapped to none that `--apply` would write | | %d of %d |\n", negativesWritten, negatives)
	fmt.Fprintf(&doc, "| first suggestion is the person's main principle | | %s |\n", pct(mainTop1, positives))
	doc.WriteString("\nBy confidence, on the items a person mapped:\n\n| confidence | items | first suggestion right |\n| --- | ---: | ---: |\n")
	for _, l := range []string{Clear, Likely, Unsure} {
		fmt.Fprintf(&doc, "| %s | %d | %s |\n", l, levels[l][0], pct(levels[l][1], levels[l][0]))
	}
	doc.WriteString("\nBy the person's main principle:\n\n| principle | items | first suggestion is it |\n| --- | ---: | ---: |\n")
	for n := 1; n <= 10; n++ {
		fmt.Fprintf(&doc, "| %d | %d | %d |\n", n, perMain[n][0], perMain[n][1])
	}
	doc.WriteString("\nEvery item whose first suggestion is not one of the person's principles, and every wrong mapping `--apply` would write:\n\n")
	doc.WriteString("| ID | text as published | person's mapping | engage's first three, with the words they share | confidence | |\n| --- | --- | --- | --- | --- | --- |\n")
	doc.WriteString(misses.String())
	checkDoc(t, "../../docs/suggest.md", name, doc.String())

	for _, f := range []struct {
		what               string
		got, floor, target float64
		figure             string
	}{
		{"top-1", float64(top1) / float64(positives), floor.top1, wantTop1, pct(top1, positives)},
		{"top-3", float64(top3) / float64(positives), floor.top3, wantTop3, pct(top3, positives)},
		{"--apply precision", precision, floor.precision, wantPrecision, pct(writesRight, writes)},
		{"--apply recall", recall, floor.recall, wantRecall, pct(writesRight, positives)},
	} {
		switch {
		case f.got < f.floor:
			t.Errorf("%s set: %s: %s, below its floor of %.0f%% (issue 22's target: %.0f%%)", name, f.what, f.figure, 100*f.floor, 100*f.target)
		case f.got < f.target:
			t.Logf("%s set: %s: %s, short of issue 22's target of %.0f%%", name, f.what, f.figure, 100*f.target)
		}
	}
}

// checkDoc compares a generated block between its markers in a doc.
func checkDoc(t *testing.T, path, name, block string) {
	t.Helper()
	start, end := "<!-- measured "+name+": start (go test ./pkg/suggest -update) -->\n", "<!-- measured "+name+": end -->"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(data, []byte(start)), bytes.Index(data, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("%s has no measured block between %q and %q", path, start, end)
	}
	old := string(data[i+len(start) : j])
	if old == block {
		return
	}
	if *update {
		out := slices.Concat(data[:i+len(start)], []byte(block), data[j:])
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s's measured figures (%s) are stale: run go test ./pkg/suggest -update and read the diff.\nwant:\n%s", path, name, block)
}

func TestUnmappedAndDoubtful(t *testing.T) {
	s, fw := load(t, "snee.yaml")
	s.Principles[5].National = nil // P6: clear and accessible public information
	s.Principles[6].National = []int{2}
	items := For(s, fw, Options{})
	got := map[string]Item{}
	for _, it := range items {
		got[it.ID] = it
	}
	if it, ok := got["P6"]; !ok || it.Reason != Unmapped || it.Top().Number != 6 {
		t.Errorf("P6 without a mapping: got %+v, want unmapped with principle 6 first", it)
	}
	if it, ok := got["P7"]; !ok || it.Reason != Doubtful || it.Top().Number != 7 {
		t.Errorf("P7 mapped to 2: got %+v, want doubtful with principle 7 first", it)
	}
	if _, ok := got["P1"]; ok {
		t.Error("P1 is mapped plausibly, and is listed without --all")
	}
	for _, it := range items {
		if it.Confidence < 0 || it.Confidence > 1 || len(it.Candidates) == 0 || it.ConfidenceLevel != Level(it.Confidence) {
			t.Errorf("%s: confidence %v (%s), %d candidates", it.ID, it.Confidence, it.ConfidenceLevel, len(it.Candidates))
		}
		for i, c := range it.Candidates {
			if i > 0 && !c.Evident() && !slices.Contains(it.Recorded, c.Number) && !slices.Contains(it.Tied, c.Number) {
				t.Errorf("%s: candidate %d has no evidence and is neither recorded nor tied", it.ID, c.Number)
			}
		}
	}
	// The recorded principle is kept, whatever its rank: P7's 2.
	if it := got["P7"]; !slices.ContainsFunc(it.Candidates, func(c Candidate) bool { return c.Number == 2 }) {
		t.Errorf("P7 is mapped to 2, but 2 is not among its candidates %+v", it.Candidates)
	}
}

// TestFollows: an objective that serves only unmapped local principles is
// not unmapped itself (mapping its principle maps it): it is listed with
// --all as following, with the principles it serves, and --apply leaves
// it to its principle unless it is named.
func TestFollows(t *testing.T) {
	s, fw := load(t, "snee.yaml")
	var served string
	for i, ob := range s.Objectives {
		if len(ob.National) == 0 && len(ob.Principles) > 0 {
			served = ob.Principles[0]
			for j, p := range s.Principles {
				if slices.Contains(ob.Principles, p.ID) {
					s.Principles[j].National = nil
				}
			}
			s.Objectives[i].Principles = []string{served}
			break
		}
	}
	if served == "" {
		t.Fatal("snee.yaml has no objective grouped under a local principle")
	}
	following := 0
	for _, all := range []bool{false, true} {
		for _, it := range For(s, fw, Options{All: all}) {
			if it.Kind != "objective" || !slices.Contains(it.Serves, served) || len(it.Recorded) > 0 {
				continue
			}
			following++
			if !all || it.Reason != Follows {
				t.Errorf("--all %v: objective %s serves unmapped %s: reason %q, want it listed only with --all, as %q", all, it.ID, served, it.Reason, Follows)
			}
		}
	}
	if following == 0 {
		t.Errorf("no objective serving %s was listed with --all", served)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		text string
		want string // stems, with * for a function word and ~ for a weak one
	}{
		{"Co-production, co production and coproduction", "coproduc coproduc *and coproduc"},
		{"co-produce and co-design", "coproduc *and codesign"},
		{"under-served groups, under the Act", "underserv group *under *the act"},
		{"the communities’ needs; a community's; they need", "*the communiti needs communiti *they need"},
		{"empowerment empowering empower", "empow empow empow"},
		{"accessible information; access to inform", "accessibl information access *to inform"},
		{"marginalized organizations", "marginalis organis"},
		{"VCFSE and VCSE", "vcse *and vcse"},
		{"making use of what works", "~make ~use *of *what ~work"},
		{"answerable, answer; mutuality, mutual; resourcing, resources", "answerabl answer mutualiti mutual resourcing resourc"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokens(tt.text) {
			switch {
			case tok.stop:
				got = append(got, "*"+tok.stem)
			case tok.weak:
				got = append(got, "~"+tok.stem)
			default:
				got = append(got, tok.stem)
			}
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("tokens(%q) = %q, want %q", tt.text, s, tt.want)
		}
	}
	// Each token remembers where it is, so matches are quoted as written.
	text := "Work with the Co-production group"
	var quoted []string
	for _, tok := range tokens(text) {
		quoted = append(quoted, text[tok.start:tok.end])
	}
	if got := strings.Join(quoted, "|"); got != "Work|with|the|Co-production|group" {
		t.Errorf("token spans = %q", got)
	}
}

// TestWordsAsWritten: explanations quote the item's own words (phrases
// whole, as punctuated), never stems, the telling ones before common ones.
func TestWordsAsWritten(t *testing.T) {
	m := NewMatcher(nhse(t))
	tests := []struct {
		text  string
		first int
		words []string
	}{
		{"Work with voluntary, community and social enterprise sector (VCSE) and Healthwatch as key transformation partners.",
			5, []string{"voluntary, community and social enterprise", "sector", "VCSE", "Healthwatch", "partners"}},
		{"We will reach out to our seldom heard communities and tackle the barriers to their involvement", 4, []string{"reach out", "seldom heard", "barriers"}},
		{"Explain changes in plain English and Easy Read", 6, []string{"plain English", "Easy Read"}},
		{"people and communities", 1, []string{"people", "communities"}},
		{"people and communities in governance", 1, []string{"governance", "people", "communities"}},
	}
	for _, tt := range tests {
		c := m.Match(tt.text, 1)[0]
		if c.Number != tt.first || !slices.Equal(c.Words, tt.words) {
			t.Errorf("Match(%q) = %d sharing %q, want %d sharing %q", tt.text, c.Number, c.Words, tt.first, tt.words)
		}
	}
}

// TestPhrasesBeforeWords: the words of a phrase count as the phrase, so a
// verb does not meet another principle's noun phrase, and a phrase is not
// found across function words its entry does not have.
func TestPhrasesBeforeWords(t *testing.T) {
	m := NewMatcher(nhse(t))
	score := func(text string, n int) float64 {
		for _, c := range m.Match(text, 10) {
			if c.Number == n {
				return c.Score
			}
		}
		return 0
	}
	if s := score("We will develop our plans", 7); s != 0 {
		t.Errorf(`"develop" alone scores %v for principle 7 (community development), want 0`, s)
	}
	if s := score("community development", 7); s == 0 {
		t.Error(`"community development" scores nothing for principle 7`)
	}
	if a, b := score("communities at the centre", 7), score("community-centred approaches", 7); a >= b {
		t.Errorf(`"communities at the centre" scores %v for principle 7, "community-centred approaches" %v; want the first lower (no phrase across "at the")`, a, b)
	}
	for _, text := range []string{"the results of involvement", "the results of all our involvement"} {
		if c := m.Match(text, 1)[0]; c.Number != 2 || !slices.Equal(c.Words, []string{strings.TrimPrefix(text, "the ")}) {
			t.Errorf("Match(%q) = %d sharing %q, want 2 sharing the phrase whole", text, c.Number, c.Words)
		}
	}
	// A gap needs one of the entry's function words, and no negation or
	// conjunction the entry does not have; no phrase crosses the end of a
	// sentence.
	for _, text := range []string{"the results and involvement", "the results not of involvement", "the results and of involvement",
		"We publish the results. Of involvement, more later"} {
		for _, c := range m.Match(text, 10) {
			for _, w := range c.Words {
				if strings.Contains(w, "results") && strings.Contains(w, "nvolvement") {
					t.Errorf("Match(%q): principle %d shares %q, want no phrase found across the gap", text, c.Number, w)
				}
			}
		}
	}
	// In an exact phrase, one determiner stands for another, or for none.
	// A verb's irregular past is the verb: "seldom hear" is "seldom heard".
	if c := m.Match("Reach the people we seldom hear from", 1)[0]; c.Number != 4 || !slices.Contains(c.Words, "seldom hear") {
		t.Errorf(`Match("...seldom hear from") = %d sharing %q, want 4 sharing "seldom hear"`, c.Number, c.Words)
	}
	for _, text := range []string{"have their say", "have your say", "have a say"} {
		if c := m.Match("People "+text+" on every plan", 1)[0]; c.Number != 3 || !slices.Contains(c.Words, text) {
			t.Errorf("Match(%q) = %d sharing %q, want 3 sharing %q", text, c.Number, c.Words, text)
		}
	}
	for _, entry := range []string{"of the", "doing with", "the"} {
		if _, ok := compile(entry); ok {
			t.Errorf("compile(%q) is a term; want none: it has no word of meaning", entry)
		}
	}
	if s := score("Tackling inequalities", 9); s != 0 {
		t.Errorf(`"tackling inequalities" scores %v for principle 9 ("tackle system priorities"), want 0: "tackle" alone tells nothing`, s)
	}
}

// TestTies: an item equally close to two principles is reported as a tie,
// with no first suggestion for --apply to write, even when named.
func TestTies(t *testing.T) {
	s, fw := load(t, "snee.yaml")
	// Neither word has a vector, so neither is near in meaning to anything:
	// each is one principle's word, and they weigh the same.
	s.Principles[0].Text = "Healthwatch and Core20PLUS5"
	s.Principles[0].National = nil
	items := For(s, fw, Options{})
	it := items[slices.IndexFunc(items, func(it Item) bool { return it.ID == "P1" })]
	if !slices.Equal(it.Tied, []int{4, 5}) || it.Confidence != 0 || it.Suggested() {
		t.Fatalf("P1 = %+v, want tied between 4 and 5 with confidence 0 and no suggestion", it)
	}
	r := &Result{Items: items, MinConfidence: 0, strategy: s}
	if r.Applicable(it) {
		t.Error("a tie is applicable unasked")
	}
	if _, err := r.Accept([]string{"P1"}); err == nil || !strings.Contains(err.Error(), "equally close to 4 and 5") {
		t.Errorf("Accept(P1) error = %v, want one saying it is equally close to 4 and 5", err)
	}
}

// TestVocabularyCompiles: every word and phrase of every shipped
// framework's vocabulary and common list is a term the matcher can find.
func TestVocabularyCompiles(t *testing.T) {
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range fws.IDs() {
		fw, _ := fws.Get(id)
		entries := slices.Clone(fw.Common)
		for _, p := range fw.Principles {
			entries = append(entries, p.Vocabulary...)
		}
		m := NewMatcher(fw)
		for _, e := range entries {
			if _, ok := compile(e); !ok {
				t.Errorf("%s: %q has no word that means anything alone or in a phrase", id, e)
				continue
			}
			if len(m.hits(tokens(e))) != 1 {
				t.Errorf("%s: %q is not found whole in its own words (hits %v)", id, e, m.hits(tokens(e)))
			}
		}
	}
}

func BenchmarkFor(b *testing.B) {
	s, fw := load(b, "lsc.yaml")
	b.ReportAllocs()
	for b.Loop() {
		For(s, fw, Options{All: true})
	}
}

// BenchmarkFor40 is suggestions for a 40-objective strategy, matcher
// included (it is built once a run).
// BenchmarkFor40 and BenchmarkFor320 suggest for strategies of 40 and
// 320 objectives (1x and 8x): the matcher is built once a call, and each
// item costs the same, so the time grows by the items alone.
func BenchmarkFor40(b *testing.B)  { benchmarkFor(b, 40) }
func BenchmarkFor320(b *testing.B) { benchmarkFor(b, 320) }

func benchmarkFor(b *testing.B, objectives int) {
	path := b.TempDir() + "/s.yaml"
	if err := os.WriteFile(path, corpus.Strategy(icb.All[0], objectives, 1), 0o644); err != nil {
		b.Fatal(err)
	}
	doc, err := strategy.Load(path, strategy.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	fw := nhse(b)
	b.ReportAllocs()
	for b.Loop() {
		For(doc.Strategy, fw, Options{All: true})
	}
}

// TestVocabularySources: the terms the sources file records are the last
// of their principle's vocabulary, in order (terms added later go at the
// end, with their source), each with the page it was read on and a
// quotation that uses it (its words, stemmed, in order), so the record and
// the framework file cannot drift apart.
func TestVocabularySources(t *testing.T) {
	data, err := os.ReadFile("../../schemas/frameworks/sources/nhse-2022-vocabulary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var src struct {
		Framework  string `yaml:"framework"`
		About      string `yaml:"about"`
		LeftOut    string `yaml:"left_out"`
		Principles []struct {
			Number int `yaml:"number"`
			Terms  []struct {
				Term, Source, Quote string
			} `yaml:"terms"`
		} `yaml:"principles"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&src); err != nil {
		t.Fatal(err)
	}
	fw := nhse(t)
	if src.Framework != fw.ID {
		t.Fatalf("sources are for %q, want %q", src.Framework, fw.ID)
	}
	if len(src.Principles) != len(fw.Principles) {
		t.Fatalf("sources for %d principles, want %d", len(src.Principles), len(fw.Principles))
	}
	for i, p := range src.Principles {
		vocab := fw.Principles[i].Vocabulary
		var sourced []string
		for _, term := range p.Terms {
			sourced = append(sourced, term.Term)
			u, err := url.Parse(term.Source)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.HasSuffix(u.Host, ".") {
				t.Errorf("principle %d: %q: %q is not the address of a page", p.Number, term.Term, term.Source)
			}
			if !inOrder(tokens(term.Term), tokens(term.Quote)) {
				t.Errorf("principle %d: %q is not used in its quotation %q", p.Number, term.Term, term.Quote)
			}
		}
		if p.Number != fw.Principles[i].Number || len(sourced) > len(vocab) || !slices.Equal(sourced, vocab[len(vocab)-len(sourced):]) {
			t.Errorf("principle %d: the sourced terms %q are not the end of its vocabulary", p.Number, sourced)
		}
	}
}

// inOrder says whether the words of meaning of term come in text in
// order, as stems.
func inOrder(term, text []token) bool {
	j := 0
	for _, w := range term {
		if w.stop {
			continue
		}
		for j < len(text) && text[j].stem != w.stem {
			j++
		}
		if j == len(text) {
			return false
		}
		j++
	}
	return true
}

// TestAgreement measures how far a second reading of both sets' items,
// mapped blind by the sets' written rules (testdata/suggest/agreement),
// agrees with the sets' own mappings, by the measures the matcher is held
// to: what a careful reader reaches where engage reaches what
// TestEvaluationSet and TestFreshSet say. The figures are written into
// docs/suggest.md.
func TestAgreement(t *testing.T) {
	type reading struct {
		ID       string `yaml:"id"`
		National []int  `yaml:"national"`
		Reason   string `yaml:"reason"`
	}
	read := func(path string) map[string][]int {
		out := map[string][]int{}
		for _, r := range readList[reading](t, path) {
			if _, dup := out[r.ID]; dup || r.Reason == "" {
				t.Fatalf("%s: %s is read twice or has no reason", path, r.ID)
			}
			out[r.ID] = r.National
		}
		return out
	}
	readers := []struct {
		name string
		m    map[string][]int
	}{
		{"A", read("../../testdata/suggest/agreement/reader-a.yaml")},
		{"B", read("../../testdata/suggest/agreement/reader-b.yaml")},
	}
	var doc strings.Builder
	doc.WriteString("| set | reader | items mapped | reader's main principle is one of the set's (as top-1) | the same main principle | at least one principle in common | of the set's items mapped to none, reader says none |\n")
	doc.WriteString("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, set := range []struct{ name, path string }{{"first (ICBs)", evalSet}, {"fresh (not ICBs)", freshSet}} {
		items := readSet(t, set.path)
		for _, r := range readers {
			var mapped, top1, same, overlap, none, noneToo int
			for _, e := range items {
				got, ok := r.m[e.ID]
				if !ok {
					t.Fatalf("reader %s did not read %s", r.name, e.ID)
				}
				if len(e.National) == 0 {
					none++
					if len(got) == 0 {
						noneToo++
					}
					continue
				}
				mapped++
				if len(got) > 0 && slices.Contains(e.National, got[0]) {
					top1++
				}
				if len(got) > 0 && got[0] == e.National[0] {
					same++
				}
				if slices.ContainsFunc(got, func(n int) bool { return slices.Contains(e.National, n) }) {
					overlap++
				}
			}
			pct := func(n, d int) string { return fmt.Sprintf("%d of %d (%.0f%%)", n, d, 100*float64(n)/float64(d)) }
			fmt.Fprintf(&doc, "| %s | %s | %d | %s | %s | %s | %d of %d |\n", set.name, r.name, mapped, pct(top1, mapped), pct(same, mapped), pct(overlap, mapped), noneToo, none)
		}
	}
	sameMain := 0
	for id, a := range readers[0].m {
		if b := readers[1].m[id]; len(a) > 0 && len(b) > 0 && a[0] == b[0] || len(a) == 0 && len(b) == 0 {
			sameMain++
		}
	}
	fmt.Fprintf(&doc, "\nThe two readers give the same main principle (or both none) for %d of the %d items.\n", sameMain, len(readers[0].m))
	checkDoc(t, "../../docs/suggest.md", "agreement", doc.String())
}
