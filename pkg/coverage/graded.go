package coverage

import (
	"slices"

	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Graded is one strategy file's coverage, with what a reader needs to
// know which strategy and framework it is.
type Graded struct {
	File      string       `json:"file"`
	ICB       ICB          `json:"icb"`
	Title     string       `json:"title"`
	Kind      string       `json:"kind"`
	Period    string       `json:"period,omitempty"`
	Framework FrameworkRef `json:"framework"`
	// Summary counts the principles at each grade, every grade named.
	Summary    map[string]int `json:"summary"`
	Principles []Principle    `json:"principles"`
	// Themes are the strategy's themes, each with its local principles
	// and the national principles they answer; none when it has none.
	Themes []Theme `json:"themes,omitempty"`
	// Noun is what the framework calls its items ("principle", "area").
	Noun string `json:"-"`
}

// Theme is one of the strategy's themes as coverage sees it.
type Theme struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Principles []string `json:"principles"` // local principle IDs
	National   []int    `json:"national"`   // the national numbers they answer
}

// themes groups the local principles by theme.
func themes(s *strategy.Strategy) []Theme {
	var out []Theme
	for _, t := range s.Themes {
		th := Theme{ID: t.ID, Title: t.Title, Principles: []string{}, National: []int{}}
		for _, p := range s.Principles {
			if p.Theme != t.ID {
				continue
			}
			th.Principles = append(th.Principles, p.ID)
			for _, n := range p.National {
				if !slices.Contains(th.National, n) {
					th.National = append(th.National, n)
				}
			}
		}
		slices.Sort(th.National)
		out = append(out, th)
	}
	return out
}

// ICB identifies a graded strategy's ICB.
type ICB struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Short string `json:"short,omitempty"`
}

// FrameworkRef names a framework.
type FrameworkRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// GradeFile grades the strategy read from path against the framework it
// answers.
func GradeFile(path string, s *strategy.Strategy, fw *framework.Framework) Graded {
	rep := Of(s, fw)
	g := Graded{
		File:       path,
		ICB:        ICB{Code: s.ICB.Code, Name: s.ICB.Name, Short: s.ICB.Short},
		Title:      s.Meta.Title,
		Kind:       s.Kind(),
		Framework:  FrameworkRef{ID: fw.ID, Title: fw.Title},
		Noun:       fw.Noun(),
		Summary:    map[string]int{},
		Principles: rep.Principles,
		Themes:     themes(s),
	}
	if s.Meta.Period != nil {
		g.Period = s.Meta.Period.String()
	}
	for _, gr := range Grades {
		g.Summary[gr.String()] = 0
	}
	for gr, n := range rep.Counts() {
		g.Summary[gr.String()] = n
	}
	return g
}
