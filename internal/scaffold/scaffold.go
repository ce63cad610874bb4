// Package scaffold writes a new strategy file for an ICB: every section,
// with comments saying what goes there, ready for its authors to word.
package scaffold

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/engage-icb/engage/internal/icb"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/framework"
)

// Placeholder starts every text the authors still have to write; validate
// reports each one (rule unwritten) until it is replaced.
const Placeholder = "To be written"

//go:embed strategy.yaml.tmpl
var text string

// tmpl is parsed on first use, not at every start of engage.
var tmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("strategy").Funcs(template.FuncMap{
		"comment": comment,
		"lower":   lowerFirst,
	}).Parse(text))
})

// Strategy returns a new strategy for the ICB, answering the framework,
// for a three-year period starting in today's financial year.
func Strategy(b icb.ICB, fw *framework.Framework, today time.Time) ([]byte, error) {
	year := calendar.YearOf(today)
	data := struct {
		ICB                            icb.ICB
		Framework                      *framework.Framework
		Placeholder                    string
		Today, Review, Month, From, To string
	}{
		ICB: b, Framework: fw, Placeholder: Placeholder,
		Today:  today.Format(time.DateOnly),
		Review: today.AddDate(1, 0, 0).Format(time.DateOnly),
		Month:  today.Format("2006-01"),
		From:   year.String(),
		To:     calendar.Year{Start: year.Start + 2}.String(),
	}
	var buf bytes.Buffer
	if err := tmpl().Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("scaffold: %w", err)
	}
	return buf.Bytes(), nil
}

// comment wraps text into YAML comment lines, indented by indent spaces.
func comment(indent int, text string) string {
	pad := strings.Repeat(" ", indent) + "# "
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(pad)+len(line)+1+len(w) > 80 {
			lines = append(lines, pad+line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, pad+line), "\n")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
