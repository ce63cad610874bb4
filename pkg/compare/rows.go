package compare

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/engage-icb/engage/pkg/coverage"
)

// Detail is the per-ICB rows' columns, shared by every format.
var Detail = []string{"ICB", "population", "period", "state", "versions", "last updated", "next review", "themes", "local principles",
	"objectives (unlinked)", "done of due", "overdue", "metrics (measured)", "activities (what changed recorded)", "public involvement body", "self-assessments"}

// Row is an ICB's detail as text, in Detail's order.
func (c ICB) Row() []string {
	done := "none due"
	if pct, ok := c.DonePercent(); ok {
		done = fmt.Sprintf("%d of %d (%d%%)", c.DueDone, c.Due, pct)
	}
	review := or(c.NextReview, "not set")
	if c.ReviewOverdue {
		review += " (overdue)"
	}
	themes := strconv.Itoa(c.Themes)
	if len(c.ThemeTitles) > 0 {
		themes += ": " + strings.Join(c.ThemeTitles, "; ")
	}
	return []string{c.Label() + " (" + c.Code + ")", or(c.Population, "not stated"), or(c.Period, "not set"), or(c.State, "not set"), or(c.Versions, "none recorded"), or(c.Updated, "not set"), review,
		themes, strconv.Itoa(c.LocalPrinciples), fmt.Sprintf("%d (%d)", c.Objectives, c.Unlinked), done, strconv.Itoa(c.Overdue),
		fmt.Sprintf("%d (%d)", c.Metrics, c.MetricsMeasured), fmt.Sprintf("%d (%d)", c.Activities, c.WithOutcome), or(c.InvolvementBody, "none named"), strconv.Itoa(c.SelfAssessments)}
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// Cell is a grade as a matrix cell shows it: symbol and word.
func Cell(g coverage.Grade) string { return g.Symbol() + " " + g.String() }

// Note explains a block whose columns are self-assessments.
func (b Block) Note() string {
	var names []string
	for _, icb := range b.ICBs {
		if icb.Ratings != nil {
			names = append(names, icb.Label())
		}
	}
	if len(names) == 0 {
		return ""
	}
	return strings.Join(names, ", ") + ": a self-assessment, shown by the rating it recorded for each " + b.Framework.Noun + " (not-reported when its source gives none), not by coverage."
}

// Heading names a block: the national principles, or another framework.
func (b Block) Heading() string {
	return fmt.Sprintf("%s (%s)", b.Framework.Title, b.Framework.ID)
}
