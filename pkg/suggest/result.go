package suggest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

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
// suggestion: it is unmapped, has one first suggestion (no tie), is
// confident enough, and is not an objective that serves local principles
// (mapping those maps it).
func (r *Result) Applicable(it Item) bool {
	if it.Reason != Unmapped || !it.Suggested() || it.Confidence < r.MinConfidence {
		return false
	}
	return it.Kind != "objective" || !slices.ContainsFunc(r.strategy.Objectives, func(o strategy.Objective) bool {
		return o.ID == it.ID && len(o.Principles) > 0
	})
}

// Accept picks the mappings to write: the first suggestion for each
// unmapped item named in ids, or, with no ids, for each Applicable one.
// An ID that names nothing, an item already mapped, one whose words match
// no principle or one equally close to several is an error, which starts
// with the ID.
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
			case len(it.Tied) > 0:
				return nil, fmt.Errorf("%s: its words are equally close to %s; choose by hand and write national: [N]", id, Numbers(it.Tied, "and"))
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

// Numbers writes 3, "3 and 6" or "3, 6 and 9" (with "or" for conj "or").
func Numbers(ns []int, conj string) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " " + conj + " " + s[len(s)-1]
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
