package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/engage-icb/engage/internal/corpus"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/strategy"
)

// TestNothingDropped walks every shipped strategy, the strategies shaped
// like real ones and a generated national set, and checks that each
// principle, objective, milestone, metric and activity appears in every
// output that lists its kind: the report in Markdown (and its roadmap
// charts), HTML (the page's text, as a browser's parser reads it) and
// Excel for each year it falls in, the status dashboard, and
// compare. An item linked to no national principle is still listed.
func TestNothingDropped(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, src := range []string{"strategies", filepath.Join("testdata", "real-shapes")} {
		entries, err := os.ReadDir(filepath.Join(repoRoot, src))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if filepath.Ext(e.Name()) != ".yaml" {
				continue
			}
			data, err := os.ReadFile(filepath.Join(repoRoot, src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			name := strings.ReplaceAll(src, string(filepath.Separator), "-") + "-" + e.Name()
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, name)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	generated, err := corpus.NationalSet(filepath.Join(dir, "corpus"), 7)
	if err != nil {
		t.Fatal(err)
	}
	if !testing.Short() {
		for _, p := range generated {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, rel)
		}
	} else {
		rel, _ := filepath.Rel(dir, generated[0])
		files = append(files, rel)
	}

	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			doc, err := strategy.Load(filepath.Join(dir, file), strategy.LoadOptions{})
			if err != nil || doc.Strategy == nil {
				t.Fatalf("load: %v %v", err, doc.Problems)
			}
			walk(t, dir, file, doc.Strategy)
		})
	}
}

// walk checks one strategy's outputs.
func walk(t *testing.T, dir, file string, s *strategy.Strategy) {
	const asOf = "2026-12-01"
	every := map[string][]string{} // kind: IDs
	for _, p := range s.Principles {
		every["principle"] = append(every["principle"], p.ID)
	}
	for _, o := range s.Objectives {
		every["objective"] = append(every["objective"], o.ID)
	}
	for _, m := range s.Roadmap {
		every["milestone"] = append(every["milestone"], m.ID)
	}
	for _, m := range s.Metrics {
		every["metric"] = append(every["metric"], m.ID)
	}
	for _, a := range s.Activities {
		every["activity"] = append(every["activity"], a.ID)
	}

	// The report of each year: what that year must list.
	for _, y := range yearsOf(s) {
		md, stderr, code := engageIn(t, dir, "report", file, "--year", y.String(), "--as-of", asOf)
		if code != 0 {
			t.Fatalf("report --year %s: exit %d\n%s", y, code, stderr)
		}
		xlsx := filepath.Join(t.TempDir(), "r.xlsx")
		if _, stderr, code := engageIn(t, dir, "report", file, "--year", y.String(), "--as-of", asOf, "-o", xlsx); code != 0 {
			t.Fatalf("report --year %s -o xlsx: exit %d\n%s", y, code, stderr)
		}
		workbook := workbookText(t, xlsx)
		// Tables keep IDs on one line with an invisible word joiner after
		// each hyphen; a reader (and find-in-page) sees the plain ID.
		md = strings.ReplaceAll(md, "\u2060", "")
		chart := mermaidBlocks(md)
		page, stderr, code := engageIn(t, dir, "report", file, "--year", y.String(), "--as-of", asOf, "-f", "html")
		if code != 0 {
			t.Fatalf("report --year %s -f html: exit %d\n%s", y, code, stderr)
		}
		pageText := htmlText(t, page)
		want := inYear(s, y)
		for kind, ids := range want {
			for _, id := range ids {
				if !strings.Contains(md, "`"+id+"`") {
					t.Errorf("%s report: %s %s is missing from the Markdown", y, kind, id)
				}
				if !hasWord(workbook, id) {
					t.Errorf("%s report: %s %s is missing from the workbook", y, kind, id)
				}
				if !hasWord(pageText, id) {
					t.Errorf("%s report: %s %s is missing from the HTML page", y, kind, id)
				}
				if (kind == "objective" || kind == "milestone") && !regexp.MustCompile(`(?m)^\s+`+regexp.QuoteMeta(id)+` `).MatchString(chart) {
					t.Errorf("%s report: %s %s is missing from the roadmap chart", y, kind, id)
				}
			}
		}
	}

	// The dashboard lists every objective, milestone, metric and activity.
	out, stderr, code := engageIn(t, dir, "status", "-f", "json", "--as-of", asOf, file)
	if code != 0 {
		t.Fatalf("status: exit %d\n%s", code, stderr)
	}
	var st struct {
		Strategies []struct {
			Items         []struct{ Kind, ID string }
			Metrics       []struct{ ID string }
			ActivityItems []struct{ ID string }
		}
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil || len(st.Strategies) != 1 {
		t.Fatalf("status json: %v\n%s", err, out)
	}
	listed := map[string]bool{}
	b := st.Strategies[0]
	for _, it := range b.Items {
		listed[it.Kind+"/"+it.ID] = true
	}
	for _, m := range b.Metrics {
		listed["metric/"+m.ID] = true
	}
	for _, a := range b.ActivityItems {
		listed["activity/"+a.ID] = true
	}
	for _, kind := range []string{"objective", "milestone", "metric", "activity"} {
		for _, id := range every[kind] {
			if !listed[kind+"/"+id] {
				t.Errorf("status: %s %s is missing", kind, id)
			}
		}
	}

	// compare lists every item, in JSON and on the ICB's sheet.
	out, stderr, code = engageIn(t, dir, "compare", "-f", "json", "--as-of", asOf, file)
	if code != 0 {
		t.Fatalf("compare: exit %d\n%s", code, stderr)
	}
	var cmp struct {
		Blocks []struct {
			ICBs []struct {
				Items []struct{ Kind, ID string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &cmp); err != nil || len(cmp.Blocks) != 1 || len(cmp.Blocks[0].ICBs) != 1 {
		t.Fatalf("compare json: %v\n%s", err, out)
	}
	listed = map[string]bool{}
	for _, it := range cmp.Blocks[0].ICBs[0].Items {
		listed[it.Kind+"/"+it.ID] = true
	}
	xlsx := filepath.Join(t.TempDir(), "c.xlsx")
	if _, stderr, code := engageIn(t, dir, "compare", "--as-of", asOf, "-o", xlsx, file); code != 0 {
		t.Fatalf("compare -o xlsx: exit %d\n%s", code, stderr)
	}
	workbook := workbookText(t, xlsx)
	for kind, ids := range every {
		for _, id := range ids {
			if !listed[kind+"/"+id] {
				t.Errorf("compare json: %s %s is missing", kind, id)
			}
			if !strings.Contains(workbook, ": "+kind+" "+id+" | ") {
				t.Errorf("compare workbook: %s %s is missing", kind, id)
			}
		}
	}
}

// yearsOf is every financial year an objective, milestone or activity of
// the strategy falls in, or its period covers.
func yearsOf(s *strategy.Strategy) []calendar.Year {
	seen := map[int]bool{}
	var out []calendar.Year
	add := func(first, last time.Time) {
		for y := calendar.YearOf(first); !y.First().After(last); y.Start++ {
			if !seen[y.Start] {
				seen[y.Start] = true
				out = append(out, y)
			}
		}
	}
	if p := s.Meta.Period; p != nil {
		if sp, err := calendar.ParseSpan(p.From, p.To); err == nil {
			add(sp.First(), sp.Last())
		}
	}
	for _, o := range s.Objectives {
		if sp, ok := objectiveSpan(o); ok {
			add(sp.First(), sp.Last())
		}
	}
	for _, m := range s.Roadmap {
		if from, to, ok := milestoneDays(m); ok {
			add(from, to)
		}
	}
	for _, a := range s.Activities {
		if r, err := calendar.ParseWhen(a.Dates); err == nil {
			add(r.First, r.Last)
		}
	}
	return out
}

// inYear is what the report of year y must list: every local principle
// and metric; the objectives set for y; the milestones and activities
// that touch it (and activities whose dates are unknown).
func inYear(s *strategy.Strategy, y calendar.Year) map[string][]string {
	want := map[string][]string{}
	for _, p := range s.Principles {
		want["principle"] = append(want["principle"], p.ID)
	}
	for _, m := range s.Metrics {
		want["metric"] = append(want["metric"], m.ID)
	}
	touches := func(first, last time.Time) bool { return !last.Before(y.First()) && !first.After(y.Last()) }
	for _, o := range s.Objectives {
		if sp, ok := objectiveSpan(o); ok && touches(sp.First(), sp.Last()) {
			want["objective"] = append(want["objective"], o.ID)
		}
	}
	for _, m := range s.Roadmap {
		if from, to, ok := milestoneDays(m); ok && touches(from, to) {
			want["milestone"] = append(want["milestone"], m.ID)
		}
	}
	for _, a := range s.Activities {
		r, err := calendar.ParseWhen(a.Dates)
		if strategy.IsUnknown(a.Dates) || (err == nil && touches(r.First, r.Last)) {
			want["activity"] = append(want["activity"], a.ID)
		}
	}
	return want
}

func objectiveSpan(o strategy.Objective) (calendar.Span, bool) {
	sp, err := calendar.ParseSpan(o.Year.From, o.Year.To)
	return sp, err == nil
}

func milestoneDays(m strategy.Milestone) (from, to time.Time, ok bool) {
	f, err1 := calendar.ParseWhen(m.From)
	l, err2 := calendar.ParseWhen(m.To)
	return f.First, l.Last, err1 == nil && err2 == nil
}

// mermaidBlocks are the report's roadmap charts, one after another.
func mermaidBlocks(md string) string {
	var charts strings.Builder
	for {
		_, rest, ok := strings.Cut(md, "```mermaid\n")
		if !ok {
			return charts.String()
		}
		chart, after, _ := strings.Cut(rest, "```")
		charts.WriteString(chart)
		md = after
	}
}

// htmlText is the text of a web page's body as a browser's parser reads
// it (not its stylesheet), its elements' text separated by spaces.
func htmlText(t *testing.T, page string) string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "head" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteByte(' ')
		}
	}
	walk(root)
	return b.String()
}

// hasWord reports whether id appears in text on its own, not inside a
// longer ID.
func hasWord(text, id string) bool {
	return regexp.MustCompile(`(^|[^A-Za-z0-9_.-])` + regexp.QuoteMeta(id) + `($|[^A-Za-z0-9_.-])`).MatchString(text)
}
