package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/validate"
)

// sample has n errors and n warnings in two files, with awkward text.
func sample(n int) *validate.Result {
	r := &validate.Result{Files: []string{"strategies/a.yaml", "strategies/b.yaml", "strategies/clean.yaml"}}
	for i := 0; i < n; i++ {
		file := "strategies/a.yaml"
		if i%2 == 1 {
			file = "strategies/b.yaml"
		}
		r.Findings = append(r.Findings,
			finding.Finding{Rule: "not-allowed", Severity: finding.Error, File: file, Line: i + 1, Column: 3, Pointer: fmt.Sprintf("/objectives/%d/status", i),
				Message: "status \"a|b, c: 50%\" is <not> allowed\nsecond line", Hint: "did you mean \"done\"?"},
			finding.Finding{Rule: "review-overdue", Severity: finding.Warning, File: file, Line: i + 100, Column: 16, Pointer: "/strategy/next_review",
				Message: "the next review was due", Hint: "review it"})
	}
	r.Suppressed = []validate.Suppressed{{Finding: finding.Finding{Rule: "review-overdue", Severity: finding.Warning, File: "strategies/b.yaml", Line: 2, Column: 1},
		Reason: "agreed", Expires: "2027-01-01", Source: ".engage.yaml:4"}}
	return r
}

func render(t *testing.T, format string, r *validate.Result) string {
	t.Helper()
	f, err := Findings.Lookup(format, Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Render(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestLookupListsFormats(t *testing.T) {
	_, err := Findings.Lookup("xml", Options{})
	if err == nil || !strings.Contains(err.Error(), "github, json, junit, markdown, sarif, text") {
		t.Errorf("Findings.Lookup(xml) = %v, want an error listing every format", err)
	}
}

func TestSARIFMatchesOfficialSchema(t *testing.T) {
	data, err := os.ReadFile("../../testdata/sarif/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 3} {
		out := render(t, "sarif", sample(n))
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("SARIF with %d findings does not match the official schema: %v", n, err)
		}
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct{ StartLine, StartColumn int }
					} `json:"physicalLocation"`
				}
				Suppressions []struct{ Justification string }
			}
			Tool struct {
				Driver struct {
					Rules []struct{ ID, HelpURI string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(render(t, "sarif", sample(1))), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if len(res) != 3 || res[0].Locations[0].PhysicalLocation.Region.StartLine != 1 || res[0].Locations[0].PhysicalLocation.Region.StartColumn != 3 ||
		res[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "strategies/a.yaml" {
		t.Errorf("results = %+v, want the findings with their files, lines and columns", res)
	}
	if rules := log.Runs[0].Tool.Driver.Rules; rules[res[0].RuleIndex].ID != res[0].RuleID || !strings.HasSuffix(rules[res[0].RuleIndex].HelpURI, "docs/rules.md#not-allowed") || len(rules) != len(validate.Rules) {
		t.Errorf("rules = %+v: ruleIndex or helpUri wrong", rules)
	}
	if len(res[2].Suppressions) != 1 || !strings.Contains(res[2].Suppressions[0].Justification, "agreed") {
		t.Errorf("the suppressed finding is not marked with its reason: %+v", res[2])
	}
}

var commandRE = regexp.MustCompile(`^::(error|warning|notice) (file=[^,]*),(line=[0-9]+),(col=[0-9]+),(title=[^:]*)::(.*)$`)

func TestGitHubCommands(t *testing.T) {
	out := render(t, "github", sample(15))
	var commands, plain []string
	count := map[string]int{}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if m := commandRE.FindStringSubmatch(line); m != nil {
			commands = append(commands, line)
			count[m[1]]++
			if strings.ContainsAny(m[6], "\r\n") {
				t.Errorf("unescaped line break in %q", line)
			}
			continue
		}
		if strings.HasPrefix(line, "::") {
			t.Errorf("a workflow command that does not parse: %q", line)
		}
		plain = append(plain, line)
	}
	if count["error"] != GitHubLimit || count["warning"] != GitHubLimit {
		t.Errorf("annotations: %d errors, %d warnings; want %d of each", count["error"], count["warning"], GitHubLimit)
	}
	if !strings.HasPrefix(commands[0], "::error file=strategies/a.yaml,line=1,col=3,title=not-allowed::status \"a|b, c: 50%25\" is <not> allowed second line%0Ahint: did you mean") {
		t.Errorf("first command = %q", commands[0])
	}
	last := plain[len(plain)-2]
	if !strings.Contains(last, "5 more errors and 5 more warnings not shown as annotations") || !strings.Contains(last, "listed in the lines above") {
		t.Errorf("overflow line = %q", last)
	}
	if len(plain) != 12 {
		t.Errorf("%d plain lines, want the 10 findings past the limit, the overflow line and the summary", len(plain))
	}
	if out := render(t, "github", sample(2)); strings.Contains(out, "more errors") {
		t.Errorf("an overflow line without overflow:\n%s", out)
	}
}

// Issue 16: past the 10 annotations, -f github printed the raw file name,
// so a file named with line breaks and :: made engage emit workflow
// commands of its choosing (::add-mask::, ::error::). Every line is
// escaped now: the only commands are engage's own annotations.
func TestGitHubHostileText(t *testing.T) {
	r := &validate.Result{}
	for i, name := range []string{"a\n::add-mask::secret\n::error::forged.yaml", "  ::error file=x::forged.yaml", "b\r\n##[add-mask]secret.yaml"} {
		r.Files = append(r.Files, name)
		for j := 0; j < 12; j++ {
			r.Findings = append(r.Findings, finding.Finding{Rule: "not-allowed", Severity: finding.Error, File: name, Line: i*100 + j + 1, Column: 1,
				Message: "status \"x\n::warning::forged\" ##[add-mask]secret \x1b]52;c;eA==\x07", Hint: "fix it\n::notice::forged"})
		}
	}
	out := render(t, "github", r)
	commands := 0
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if m := commandRE.FindStringSubmatch(line); m != nil && !strings.HasPrefix(line, "::error file=") {
			t.Errorf("an injected command: %q", line)
		} else if m != nil {
			commands++
			continue
		}
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") || strings.Contains(line, "##[") || strings.ContainsAny(line, "\r\x1b\x07") {
			t.Errorf("a line GitHub would read as a command: %q", line)
		}
	}
	if commands != GitHubLimit {
		t.Errorf("%d annotations, want %d", commands, GitHubLimit)
	}
	if !strings.Contains(out, "a%0A::add-mask::secret%0A::error::forged.yaml:11:1: error:") {
		t.Errorf("the overflow does not show the file's name with its line breaks escaped:\n%s", out)
	}
	if !strings.Contains(out, "  %3A:error file=x::forged.yaml:101:1: error:") {
		t.Errorf("a name starting with :: is not neutralised:\n%s", out)
	}
}

// JSON shows nothing a terminal obeys, and still says exactly what the
// file says: bidi and C1 controls are \u escapes.
func TestJSONEscapesWhatTerminalsObey(t *testing.T) {
	msg := "status \"done\u202Eelbat\u009b2J\u2028\" is not allowed"
	r := &validate.Result{Files: []string{"a.yaml"}, Findings: []finding.Finding{{Rule: "not-allowed", Severity: finding.Error, File: "a\u202e.yaml", Line: 1, Column: 1, Message: msg}}}
	out := render(t, "json", r)
	if strings.ContainsAny(out, "\u202e\u009b\u2028") || !strings.Contains(out, `done\u202eelbat\u009b2J\u2028`) {
		t.Errorf("JSON = %s", out)
	}
	var back struct {
		Findings []struct{ File, Message string }
	}
	if err := json.Unmarshal([]byte(out), &back); err != nil || back.Findings[0].Message != msg || back.Findings[0].File != "a\u202e.yaml" {
		t.Errorf("read back: %+v, %v", back, err)
	}
}

func TestJUnit(t *testing.T) {
	out := render(t, "junit", sample(2))
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Skipped  int `xml:"skipped,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Name    string    `xml:"name,attr"`
				Failure *struct{} `xml:"failure"`
				Skipped *struct{} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if len(doc.Suites) != 3 || doc.Suites[2].Name != "strategies/clean.yaml" || doc.Suites[2].Cases[0].Name != "valid" {
		t.Errorf("suites = %+v, want one per file, a clean file with one passing case", doc.Suites)
	}
	// Errors fail; warnings (below the default fail level) are listed as skipped.
	if doc.Tests != 5 || doc.Failures != 2 || doc.Skipped != 2 {
		t.Errorf("tests %d, failures %d, skipped %d; want 5, 2, 2", doc.Tests, doc.Failures, doc.Skipped)
	}
	r := sample(2)
	r.FailOn = finding.Warning
	if err := xml.Unmarshal([]byte(render(t, "junit", r)), &doc); err != nil || doc.Failures != 4 {
		t.Errorf("with --fail-on warning: %d failures (%v), want 4", doc.Failures, err)
	}
}

func TestMarkdown(t *testing.T) {
	out := render(t, "markdown", sample(1))
	for _, want := range []string{
		"| ❌ fails | 3 | 1 | 1 | 0 | 1 |",
		"### strategies/a.yaml",
		`| 1:3 | ❌ error | [` + "`not-allowed`" + `](` + RulesURL + `#not-allowed) | status "a\|b, c: 50%" is &lt;not&gt; allowed second line<br>hint: did you mean "done"? |`,
		"### Suppressed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	// Every table row has as many cells as its header.
	var header int
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			header = 0
			continue
		}
		cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if header == 0 {
			header = cells
		} else if cells != header {
			t.Errorf("row has %d cell borders, header %d: %q", cells, header, line)
		}
	}
}

func TestCounts(t *testing.T) {
	r := sample(1)
	r.Findings = append(r.Findings, finding.Finding{Severity: finding.Info})
	if got := counts(r); got != "3 files checked: 1 error, 1 warning, 1 info (1 suppressed)" {
		t.Errorf("counts = %q", got)
	}
}

// A file's path in SARIF is a URI reference: "#", "?", "%" and spaces are
// percent-encoded, so code scanning opens the file named.
func TestSARIFURI(t *testing.T) {
	for path, want := range map[string]string{
		"strategies/lsc.yaml":      "strategies/lsc.yaml",
		"fn2/ICB #1.yaml":          "fn2/ICB%20%231.yaml",
		"fn2/my strategy 50%.yaml": "fn2/my%20strategy%2050%25.yaml",
		"fn2/café?.yaml":           "fn2/caf%C3%A9%3F.yaml",
		"/abs/x.yaml":              "/abs/x.yaml",
	} {
		if got := sarifURI(path); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", path, got, want)
		}
	}
}
