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

// Markdown writes a GitHub-flavoured Markdown summary, for
// $GITHUB_STEP_SUMMARY or a pull-request comment: a summary table first,
// then the findings grouped by file.
type Markdown struct{}

var markdownSeverity = map[finding.Severity]string{finding.Error: "❌ error", finding.Warning: "⚠️ warning", finding.Info: "ℹ️ info"}

// Render writes the summary.
func (Markdown) Render(w io.Writer, r *validate.Result) error {
	var b strings.Builder
	t := r.Tally()
	result := "✅ passes"
	if r.Failed() {
		result = "❌ fails"
	}
	b.WriteString("## engage validate\n\n")
	b.WriteString("| result | files | errors | warnings | info | suppressed |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: |\n")
	fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", result, len(r.Files), t.Errors, t.Warnings, t.Infos, len(r.Suppressed))
	if len(r.Findings) == 0 {
		b.WriteString("\nNo findings.\n")
	}
	var files []string
	byFile := map[string][]finding.Finding{}
	for _, f := range r.Findings {
		if _, ok := byFile[f.File]; !ok {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	for _, file := range files {
		fmt.Fprintf(&b, "\n### %s\n\n", safetext.Markdown(safetext.Terminal(filepath.ToSlash(file))))
		b.WriteString("| where | severity | rule | finding |\n| --- | --- | --- | --- |\n")
		for _, f := range byFile[file] {
			text := safetext.MarkdownCell(safetext.Terminal(f.Message))
			if f.Hint != "" {
				text += "<br>hint: " + safetext.MarkdownCell(safetext.Terminal(f.Hint))
			}
			fmt.Fprintf(&b, "| %d:%d | %s | [`%s`](%s#%s) | %s |\n", f.Line, f.Column, markdownSeverity[f.Severity], f.Rule, RulesURL, f.Rule, text)
		}
	}
	if len(r.Suppressed) > 0 {
		b.WriteString("\n### Suppressed\n\n| file | where | rule | reason | until |\n| --- | --- | --- | --- | --- |\n")
		for _, s := range r.Suppressed {
			f := s.Finding
			b.WriteString(mdRow(safetext.MarkdownCell(safetext.Terminal(filepath.ToSlash(f.File))), fmt.Sprintf("%d:%d", f.Line, f.Column), "`"+f.Rule+"`", safetext.MarkdownCell(safetext.Terminal(s.Reason)), s.Expires))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
