package render

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/report"
	"github.com/engage-icb/engage/pkg/strategy"
)

// page is a web page as a browser's parser reads it.
type page struct {
	root *html.Node
	text string // the text of the body, as a reader sees it
}

func parsePage(t *testing.T, data []byte) page {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return page{root: root, text: b.String()}
}

// elements lists the page's elements.
func (p page) elements() []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.root)
	return out
}

// TestHTMLHostile renders a strategy full of text a page could run (script
// tags, event handlers, javascript: links, an iframe, bidi controls) and
// parses the page as a browser would: every piece is text, the page holds
// only the elements engage writes, and every link is http, https or an
// anchor.
func TestHTMLHostile(t *testing.T) {
	src, err := os.ReadFile("testdata/hostile-html.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d := strategy.Parse("hostile-html.yaml", src)
	if d.Strategy == nil {
		t.Fatalf("%v", d.Problems)
	}
	fws, _ := framework.Builtin()
	fw, _ := fws.Get(framework.DefaultID)
	r := report.Build("hostile-html.yaml", d.Strategy, fw, report.Options{Year: calendar.Year{Start: 2024}, AsOf: reportAsOf, Version: "test"})
	var b bytes.Buffer
	if err := (ReportHTML{}).Render(&b, r); err != nil {
		t.Fatal(err)
	}
	p := parsePage(t, b.Bytes())
	allowed := map[string]bool{}
	for _, e := range strings.Fields(`html head body meta title style a header div span nav ol ul li main h1 h2 h3 p
		table caption thead tbody tr th td strong dl dt dd br figure figcaption footer`) {
		allowed[e] = true
	}
	styles := 0
	for _, n := range p.elements() {
		if !allowed[n.Data] {
			t.Errorf("the page has a <%s> element: strategy text became markup", n.Data)
		}
		if n.Data == "style" {
			styles++
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>: an event handler in the page", n.Data, a.Key, a.Val)
			}
			if a.Key == "href" && !strings.HasPrefix(a.Val, "#") && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://") {
				t.Errorf("<a href=%q>: links must be http, https or anchors", a.Val)
			}
		}
	}
	if styles != 1 {
		t.Errorf("%d <style> elements, want engage's one", styles)
	}
	for _, want := range []string{
		"NHS Somerset ICB <script>alert('icb')</script>",
		"We listen </p><script>alert('principle')</script> to everyone",
		"<img src=x onerror=alert('title')>People & Communities",
		"Read javascript:alert('commitment') and data:text/html,<script>alert(1)</script> as text",
		"<svg onload=alert('milestone')>",
		"They said: <script>document.location=",
		"Bidi: evil and isolate controls are dropped",
		"reversed text",
		"javascript:alert('gov')",
	} {
		if !strings.Contains(p.text, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
	if strings.ContainsAny(b.String(), "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
		t.Error("a bidirectional control character reached the page")
	}
}

// TestHTMLShipped writes the report of every shipped strategy: one h1,
// every table captioned, statuses as words.
func TestHTMLShipped(t *testing.T) {
	for name, r := range annualReports(t) {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := (ReportHTML{}).Render(&b, r); err != nil {
				t.Fatal(err)
			}
			p := parsePage(t, b.Bytes())
			h1, tables, captions := 0, 0, 0
			for _, n := range p.elements() {
				switch n.Data {
				case "h1":
					h1++
				case "table":
					tables++
				case "caption":
					captions++
				case "html":
					if lang := attr(n, "lang"); lang != "en-GB" {
						t.Errorf("lang = %q, want en-GB", lang)
					}
				}
			}
			if h1 != 1 || tables != captions {
				t.Errorf("%d h1, %d tables, %d captions: want one h1 and a caption for each table", h1, tables, captions)
			}
			for _, want := range []string{r.Title(), "Summary", "Gaps against the national", "You said, we did", "Governance", "nhsuk-frontend " + NHSUKFrontendVersion} {
				if !strings.Contains(p.text, want) {
					t.Errorf("the page does not show %q", want)
				}
			}
		})
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestTimelineCarriedOver: an objective carried over into the year runs
// from the year's start to the as-of day while open, and to the day it
// was finished when that was in the year (it was drawn as running all
// year: found by review).
func TestTimelineCarriedOver(t *testing.T) {
	one := strategy.Period{From: "2023/24", To: "2023/24"}
	s := &strategy.Strategy{Objectives: []strategy.Objective{
		{ID: "OPEN", Year: one, Title: "Still open", Status: strategy.InProgress,
			Updates: []strategy.Update{{Date: "2023-06", Status: strategy.InProgress}}},
		{ID: "DONE", Year: one, Title: "Finished in May", Status: strategy.Done,
			Updates: []strategy.Update{{Date: "2023-06", Status: strategy.InProgress}, {Date: "2024-05-10", Status: strategy.Done}}},
		// Finished before the year, in its review for a note in it: no
		// bar (it ran all year: found by review).
		{ID: "BEFORE", Year: one, Title: "Finished in December", Status: strategy.Done,
			Updates: []strategy.Update{{Date: "2023-12-01", Status: strategy.Done}, {Date: "2024-06-01", Note: "a case study"}}},
	}}
	r := report.Build("t.yaml", s, nil, report.Options{Year: calendar.Year{Start: 2024}, AsOf: time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC)})
	c := htmlTimeline(r)
	if c == nil || len(c.Bars) != 2 {
		t.Fatalf("chart %+v; want two bars", c)
	}
	want := map[string]string{"OPEN": "100.00", "DONE": "10.96"} // 1 April to 10 May: 40 of 365 days
	for _, b := range c.Bars {
		if b.Left != "0.00" || b.Width != want[b.ID] {
			t.Errorf("%s: left %s%%, width %s%%; want 0.00%%, %s%%", b.ID, b.Left, b.Width, want[b.ID])
		}
	}
}
