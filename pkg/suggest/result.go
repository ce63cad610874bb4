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
	// Following counts the objectives that follow unmapped local
	// principles (listed only with All).
	Following int `json:"-"`

	strategy *strategy.Strategy
}

// Build suggests national principles for a document's local principles
// and objectives. minConfidence is the least confidence Accept takes
// without naming items.
func Build(doc *strategy.Document, fw *framework.Framework, o Options, minConfidence float64) *Result {
	s := doc.Strategy
	r := &Result{File: doc.Path, Framework: fw.ID, Items: []Item{}, Noun: fw.Noun(),
		Principles: len(s.Principles), Objectives: len(s.Objectives), All: o.All,
		MinConfidence: minConfidence, strategy: s}
	every := o
	every.All = true
	for _, it := range For(s, fw, every) {
		if it.Reason == Follows {
			r.Following++
		}
		if listed(it.Reason, o.All) {
			r.Items = append(r.Items, it)
		}
	}
	for i, it := range r.Items {
		r.Items[i].Line, r.Items[i].Column = doc.Locate(it.Pointer, false)
	}
	return r
}

// Applicable says whether Accept, naming no items, takes an item's first
// suggestion: it is unmapped (an objective that follows its local
// principles is not: mapping those maps it), has one first suggestion (no
// tie) and is confident enough.
func (r *Result) Applicable(it Item) bool {
	return it.Reason == Unmapped && it.Suggested() && it.Confidence >= r.MinConfidence
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
				return nil, r.unknown(id)
			case !ok || (it.Reason != Unmapped && it.Reason != Follows):
				return nil, r.mapped(id)
			case !it.Top().Evident():
				return nil, fmt.Errorf("%s: its words share nothing with any national principle; map it by hand", id)
			case len(it.Tied) > 0:
				return nil, fmt.Errorf("%s: its words are equally close to %s; choose by hand and write national: [N]", id, Numbers(it.Tied, "and"))
			}
			out = append(out, mapping(it, true))
		}
		return out, nil
	}
	for _, it := range r.Items {
		if r.Applicable(it) {
			out = append(out, mapping(it, false))
		}
	}
	return out, nil
}

// mapping is an item's first suggestion as a Mapping.
func mapping(it Item, named bool) Mapping {
	return Mapping{Kind: it.Kind, ID: it.ID, Number: it.Top().Number, Label: it.Top().Label, Level: it.ConfidenceLevel, Named: named}
}

// mapped is the error for an item named with --id that is already mapped:
// by its own national numbers, or through the local principles it serves.
func (r *Result) mapped(id string) error {
	for _, o := range r.strategy.Objectives {
		if o.ID == id && len(o.National) == 0 && len(o.Principles) > 0 {
			return fmt.Errorf("%s counts towards national principles through the local principles it serves (principles: [%s]); to change that, change those principles' national numbers or its principles", id, strings.Join(o.Principles, ", "))
		}
	}
	return fmt.Errorf("%s is already mapped to a national principle (its national numbers); change a recorded mapping by hand", id)
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

// unknown is the error for an ID that names nothing in the file, with the
// likeliest fix: the ID as the file writes it, one --id each, or the IDs
// there are.
func (r *Result) unknown(id string) error {
	var ids []string
	for _, p := range r.strategy.Principles {
		ids = append(ids, p.ID)
	}
	for _, o := range r.strategy.Objectives {
		ids = append(ids, o.ID)
	}
	e := &UnknownIDError{ID: id}
	switch i := slices.IndexFunc(ids, func(s string) bool { return strings.EqualFold(s, id) }); {
	case i >= 0:
		e.Hint = fmt.Sprintf("did you mean %s? IDs are matched as the file writes them", ids[i])
	case strings.ContainsAny(id, ", "):
		e.Hint = "give one ID to each --id, and repeat --id for more (--id P1 --id P2)"
	default:
		e.Hint = "its IDs are " + list(ids, 12)
	}
	return e
}

// list writes at most n of ids, saying how many more there are.
func list(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:n], ", "), len(ids)-n)
}

// UnknownIDError is an ID given to Accept that names no principle or
// objective in the file, with a hint to fix it.
type UnknownIDError struct{ ID, Hint string }

func (e *UnknownIDError) Error() string {
	msg := fmt.Sprintf("%s: the file has no principle or objective %s", e.ID, e.ID)
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}
