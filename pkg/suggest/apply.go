package suggest

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/edit"
)

// Mapping is an accepted suggestion: map the principle or objective with
// this ID to a national principle.
type Mapping struct {
	Kind   string // principle or objective
	ID     string
	Number int
	// Label, Level and Named say, for the summary, what the principle is
	// called, how confident the suggestion was, and whether it was named
	// with --id.
	Label string
	Level string
	Named bool
}

// Apply writes mappings into a strategy's source as "national: [N]", after
// the item's text or title, changing no other byte. An item that already
// has national numbers is refused: a recorded judgement is never
// overwritten. The summary lists what was mapped.
func Apply(src []byte, mappings []Mapping) ([]byte, string, error) {
	d, err := edit.Open(src)
	if err != nil {
		return nil, "", err
	}
	var done []string
	type target struct {
		list  string
		index int
	}
	var targets []target
	for _, m := range mappings {
		list, after := "principles", "text"
		if m.Kind == "objective" {
			list, after = "objectives", "title"
		}
		item := find(d, list, m.ID)
		if item == nil {
			return nil, "", fmt.Errorf("there is no %s %q", m.Kind, m.ID)
		}
		targets = append(targets, target{list, d.Index(list, item)})
		if err := d.SetKey(item, "national", "["+strconv.Itoa(m.Number)+"]", after); err != nil {
			return nil, "", fmt.Errorf("%s %s: %w", m.Kind, m.ID, err)
		}
		what := fmt.Sprintf("%s %s → %d", m.Kind, m.ID, m.Number)
		if m.Label != "" {
			what += " " + m.Label
		}
		switch {
		case m.Level != "" && m.Named:
			what += " (" + m.Level + "; named with --id)"
		case m.Level != "":
			what += " (" + m.Level + ")"
		}
		done = append(done, what)
	}
	// Whatever the file's layout, nothing but the mappings may change.
	err = edit.Check(src, d.Bytes(), func(doc map[string]any) bool {
		for i, m := range mappings {
			it := edit.Item(doc, targets[i].list, targets[i].index)
			if it == nil {
				return false
			}
			it["national"] = []any{m.Number}
		}
		return true
	})
	if err != nil {
		return nil, "", err
	}
	if len(done) == 1 {
		return d.Bytes(), "mapped " + done[0], nil
	}
	// One mapping a line, so each fits a terminal.
	return d.Bytes(), fmt.Sprintf("mapped %d items:\n  %s", len(done), strings.Join(done, "\n  ")), nil
}

// find returns the entry of the list under key whose id is id.
func find(d *edit.Doc, key, id string) *yaml.Node {
	list, _ := edit.Child(d.Root, key)
	if list == nil {
		return nil
	}
	for _, it := range list.Content {
		if v, _ := edit.Child(it, "id"); v != nil && v.Value == id {
			return it
		}
	}
	return nil
}
