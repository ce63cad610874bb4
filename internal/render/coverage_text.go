package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/strategy"
)

// CoverageText writes the grades for people; on a terminal every line is
// wrapped at words to its width.
type CoverageText struct {
	Options
}

// Render writes the grades.
func (t CoverageText) Render(w io.Writer, graded []coverage.Graded) error {
	th := t.Theme
	width := t.cols()
	var b strings.Builder
	for i, g := range graded {
		if i > 0 {
			b.WriteString("\n")
		}
		name := g.ICB.Name
		if g.ICB.Short != "" {
			name = g.ICB.Short + " · " + name
		}
		hang(&b, "", safetext.Terminal(name), width, th.Bold)
		meta := []string{g.File, safetext.Terminal(g.Title)}
		if g.Period != "" {
			meta = append(meta, g.Period)
		}
		hang(&b, "", strings.Join(meta, " · "), width, th.Muted)
		hang(&b, "", fmt.Sprintf("Framework: %s — %s", g.Framework.ID, g.Framework.Title), width, th.Muted)
		if g.Kind == strategy.KindSelfAssessment {
			hang(&b, "", "A self-assessment: grades are shown for information; coverage is not required.", width, th.Muted)
		}
		b.WriteString("\n")
		for _, p := range g.Principles {
			word := fmt.Sprintf("%s %-10s", p.Grade.Symbol(), p.Grade)
			lead := fmt.Sprintf("%3d  %s  ", p.Number, th.Grade(p.Grade, word))
			hang(&b, lead, safetext.Terminal(p.Label), width, plain)
			if sup := supports(p.Supports); sup != "" {
				hang(&b, strings.Repeat(" ", 19), safetext.Terminal(sup), width, th.Muted)
			}
		}
		b.WriteString("\n")
		var counts []string
		for j := len(coverage.Grades) - 1; j >= 0; j-- {
			gr := coverage.Grades[j]
			if n := g.Summary[gr.String()]; n > 0 {
				counts = append(counts, fmt.Sprintf("%d %s", n, gr))
			}
		}
		hang(&b, "", fmt.Sprintf("%d %ss: %s", len(g.Principles), g.Noun, strings.Join(counts, ", ")), width, plain)
		if len(g.Themes) > 0 {
			fmt.Fprintf(&b, "\n%s\n", th.Bold("By theme"))
			for _, t := range g.Themes {
				nums := make([]string, len(t.National))
				for i, n := range t.National {
					nums[i] = strconv.Itoa(n)
				}
				answers := "answers no national " + g.Noun
				if len(nums) > 0 {
					answers = "national " + strings.Join(nums, ", ")
				}
				locals := "no local principle"
				switch len(t.Principles) {
				case 0:
				case 1:
					locals = "principle " + t.Principles[0]
				default:
					locals = "principles " + strings.Join(t.Principles, ", ")
				}
				hangAt(&b, "  ", 4, fmt.Sprintf("%s: %s; %s", safetext.Terminal(t.Title), safetext.Terminal(locals), answers), width, plain)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// supports lists what supports a principle, grouped by kind: "principle P1;
// objectives Y1-04, L2-04 (in-progress); metric citizen-panel (measured);
// activity A-survey (what changed recorded)".
var kindPlurals = map[string]string{
	"principle": "principles", "objective": "objectives", "milestone": "milestones",
	"metric": "metrics", "activity": "activities",
}

func supports(sups []coverage.Support) string {
	order := []string{"principle", "objective", "milestone", "metric", "activity"}
	groups := map[string][]string{}
	for _, s := range sups {
		item := s.ID
		switch {
		case s.Kind == "metric" && s.Grade == coverage.Measured:
			item += " (measured)"
		case s.Kind == "activity" && s.Grade == coverage.Evidenced:
			item += " (what changed recorded)"
		case s.Status != "" && s.Status != strategy.NotReported:
			item += " (" + s.Status + ")"
		}
		if strings.HasPrefix(s.Via, "objective ") {
			item += " via " + s.Via
		}
		groups[s.Kind] = append(groups[s.Kind], item)
	}
	var parts []string
	for _, k := range order {
		if items := groups[k]; len(items) > 0 {
			name := k
			if len(items) > 1 {
				name = kindPlurals[k]
			}
			parts = append(parts, name+" "+strings.Join(items, ", "))
		}
	}
	return strings.Join(parts, "; ")
}
