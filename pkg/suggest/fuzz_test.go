package suggest

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/engage-icb/engage/internal/edit"
	"github.com/engage-icb/engage/internal/fuzzseed"
	"github.com/engage-icb/engage/pkg/strategy"
)

// FuzzApply checks suggest --apply's promise on any input: after Apply,
// reading the file again shows each unmapped principle and objective
// mapped to the national principle asked for, and nothing else changed.
func FuzzApply(f *testing.F) {
	for _, src := range fuzzseed.Files() {
		f.Add(src, uint8(6))
	}
	for _, src := range fuzzseed.Layouts() {
		f.Add(src, uint8(2))
	}
	f.Fuzz(func(t *testing.T, src []byte, n uint8) {
		before := strategy.Parse("f.yaml", src)
		if before.Strategy == nil || before.DecodeErr != nil {
			return
		}
		number := int(n)%10 + 1
		want := *before.Strategy
		want.Principles = slices.Clone(want.Principles)
		want.Objectives = slices.Clone(want.Objectives)
		var mappings []Mapping
		seen := map[string]bool{}
		for i, p := range want.Principles {
			if p.ID != "" && len(p.National) == 0 && !seen["p"+p.ID] {
				mappings = append(mappings, Mapping{Kind: "principle", ID: p.ID, Number: number})
				want.Principles[i].National = []int{number}
			}
			seen["p"+p.ID] = true
		}
		for i, o := range want.Objectives {
			if o.ID != "" && len(o.National) == 0 && !seen["o"+o.ID] {
				mappings = append(mappings, Mapping{Kind: "objective", ID: o.ID, Number: number})
				want.Objectives[i].National = []int{number}
			}
			seen["o"+o.ID] = true
		}
		if len(mappings) == 0 {
			return
		}
		out, _, err := Apply(src, mappings)
		if errors.Is(err, edit.ErrUnsafe) && !edit.HasAlias(src) {
			t.Fatalf("the edit changed something else (caught by edit.Check): %v\n%s", err, src)
		}
		if err != nil {
			return // a refusal: nothing was changed
		}
		after := strategy.Parse("f.yaml", out)
		if after.Strategy == nil || after.DecodeErr != nil {
			t.Fatalf("the edited file cannot be read (%v %v):\n%s", after.Problems, after.DecodeErr, out)
		}
		if !reflect.DeepEqual(*after.Strategy, want) {
			t.Fatalf("the edit changed more (or less) than asked:\n got %+v %+v\nwant %+v %+v\n%s", after.Strategy.Principles, after.Strategy.Objectives, want.Principles, want.Objectives, out)
		}
	})
}
