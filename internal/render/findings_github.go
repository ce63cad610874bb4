package render

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/validate"
)

// GitHubLimit is how many annotations of each kind GitHub shows per step.
const GitHubLimit = 10

// GitHub writes GitHub Actions workflow commands, which GitHub shows as
// annotations on the pull request:
//
//	::error file=F,line=L,col=C,title=RULE::message
//
// GitHub shows at most GitHubLimit errors, warnings and notices per step,
// so the findings past that are written as plain lines in the log, with a
// line saying how many and where they are. Every line is escaped: text
// from a file (its name, its values) can never be read as a workflow
// command of its own.
type GitHub struct{}

var githubCommand = map[finding.Severity]string{finding.Error: "error", finding.Warning: "warning", finding.Info: "notice"}

// Render writes the commands, then the overflow, then the summary.
func (GitHub) Render(w io.Writer, r *validate.Result) error {
	var b, rest strings.Builder
	shown := map[finding.Severity]int{}
	hidden := map[finding.Severity]int{}
	for _, f := range r.Findings {
		if shown[f.Severity] >= GitHubLimit {
			hidden[f.Severity]++
			rest.WriteString(githubLine(fmt.Sprintf("%s:%d:%d: %s: %s [%s]", filepath.ToSlash(f.File), f.Line, f.Column, f.Severity, f.Message, f.Rule)) + "\n")
			continue
		}
		shown[f.Severity]++
		msg := safetext.Terminal(f.Message)
		if f.Hint != "" {
			msg += "\nhint: " + safetext.Terminal(f.Hint)
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", githubCommand[f.Severity],
			githubProperty(filepath.ToSlash(f.File)), f.Line, f.Column, githubProperty(f.Rule), githubData(msg))
	}
	if rest.Len() > 0 {
		var parts []string
		for _, s := range []finding.Severity{finding.Error, finding.Warning, finding.Info} {
			if n := hidden[s]; n > 0 {
				parts = append(parts, plural(n, "more "+s.String(), "more "+s.String()+plural0(s)))
			}
		}
		b.WriteString(rest.String())
		fmt.Fprintf(&b, "engage: %s not shown as annotations (GitHub shows %d of each kind per step); they are listed in the lines above in this log.\n",
			strings.Join(parts, " and "), GitHubLimit)
	}
	b.WriteString(githubLine(counts(r)) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// plural0 is the plural ending of a severity's name ("errors", "info").
func plural0(s finding.Severity) string {
	if s == finding.Info {
		return ""
	}
	return "s"
}

// githubLine makes text one line of the log that GitHub shows as it is:
// line breaks are written %0D and %0A, control characters dropped, and
// nothing in it can be read as a workflow command: not a line starting
// with :: (GitHub reads "::add-mask::..." and "::error::..." from any
// line of a step's output), nor the older ##[command] anywhere in it.
func githubLine(s string) string {
	s = safetext.Terminal(strings.NewReplacer("\r", "%0D", "\n", "%0A", "##[", "##%5B").Replace(s))
	if t := strings.TrimLeft(s, " \t"); strings.HasPrefix(t, "::") {
		s = s[:len(s)-len(t)] + "%3A" + t[1:]
	}
	return s
}

// githubData escapes a workflow command's message.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProperty escapes a workflow command's property value.
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
