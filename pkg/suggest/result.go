package suggest

import (
	"fmt"
	"slices"

	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Result is the suggestions for one strategy file, with what a reader
// needs to act on them.
type Result struct {
	File      string `json:"file"`
	Framework string `json:"framework"`
	Items     []Item `json:"items"`
	// Noun is what the framework calls its items ("principle", "area").
	Noun string `json:"-"`
	// Principles and Objectives count what was read.
	Principles int `json:"-"`
	Objectives int `json:"-"`
	// All says every item is listed, mapped or not.
	All bool `json:"-"`
	// MinConfidence is the least confidence --apply accepts unasked.
	MinConfidence float64 `json:"-"`
	// Places are where each item is written (line, column), by pointer.
	Places map[string][2]int `json:"-"`

	strategy *strategy.Strategy
}

// Build suggests national principles for a document's local principles
// and objectives. minConfidence is the least confidence Accept takes
// without naming items.
func Build(doc *strategy.Document, fw *framework.Framework, o Options, minConfidence float64) *Result {
	s := doc.Strategy
	r := &Result{File: doc.Path, Framework: fw.ID, Items: For(s, fw, o), Noun: fw.Noun(),
		Principles: len(s.Principles), Objectives: len(s.Objectives), All: o.All,
		MinConfidence: minConfidence, Places: map[string][2]int{}, strategy: s}
	if r.Items == nil {
		r.Items = []Item{}
	}
	for _, it := range r.Items {
		line, col := doc.Locate(it.Pointer, false)
		r.Places[it.Pointer] = [2]int{line, col}
	}
	return r
}

// Applicable says whether Accept, naming no items, takes an item's first
// suggestion: it is unmapped, clear enough, and not an objective that
// serves local principles (mapping those maps it).
func (r *Result) Applicable(it Item) bool {
	if it.Reason != Unmapped || it.Top().Score == 0 || it.Confidence < r.MinConfidence {
		return false
	}
	return it.Kind != "objective" || !slices.ContainsFunc(r.strategy.Objectives, func(o strategy.Objective) bool {
		return o.ID == it.ID && len(o.Principles) > 0
	})
}

// Accept picks the mappings to write: the first suggestion for each
// unmapped item named in ids, or, with no ids, for each Applicable one.
// An ID that names nothing, an item already mapped or one whose words
// match no principle is an error, which starts with the ID.
func (r *Result) Accept(ids []string) ([]Mapping, error) {
	byID := map[string]Item{}
	for _, it := range r.Items {
		byID[it.ID] = it
	}
	var out []Mapping
	if len(ids) > 0 {
		for _, id := range ids {
			it, ok := byID[id]
			switch {
			case !ok && !r.has(id):
				return nil, &UnknownIDError{ID: id}
			case !ok || it.Reason != Unmapped:
				return nil, fmt.Errorf("%s is already mapped to a national principle; change a recorded mapping by hand", id)
			case it.Top().Score == 0:
				return nil, fmt.Errorf("%s: its words share nothing with any national principle; map it by hand", id)
			}
			out = append(out, Mapping{Kind: it.Kind, ID: it.ID, Number: it.Top().Number})
		}
		return out, nil
	}
	for _, it := range r.Items {
		if r.Applicable(it) {
			out = append(out, Mapping{Kind: it.Kind, ID: it.ID, Number: it.Top().Number})
		}
	}
	return out, nil
}

func (r *Result) has(id string) bool {
	s := r.strategy
	return slices.ContainsFunc(s.Principles, func(p strategy.Principle) bool { return p.ID == id }) ||
		slices.ContainsFunc(s.Objectives, func(o strategy.Objective) bool { return o.ID == id })
}

// UnknownIDError is an ID given to Accept that names no principle or
// objective in the file.
type UnknownIDError struct{ ID string }

func (e *UnknownIDError) Error() string {
	return fmt.Sprintf("%s: the file has no principle or objective %s", e.ID, e.ID)
}
