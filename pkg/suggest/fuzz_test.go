package suggest

import (
	"errors"
	"reflect"
	"slices"
	"strings"
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

// FuzzMatch checks the matcher on any text: it does not panic, every
// principle is ranked once, those with words to name first and each group
// by score, and each word it
// says an item shares, or has near in meaning to the principle's, is a
// piece of the item's own text (quoted as written, never a stem).
func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		"Work with Healthwatch and the voluntary sector as key partners.",
		"the right not to be involved in decisions; results. Of involvement",
		"have a say – doing with co-production, you said, we did",
		"", ".", "the", "co- re- under-", "Ünïcödé voice\u00a0of the patient",
		"Pamphlets and posters to hear people’s stories and LISTEN; mobilise",
	} {
		f.Add(s)
	}
	m := NewMatcher(nhse(f))
	f.Fuzz(func(t *testing.T, text string) {
		ranked := m.Match(text, 10)
		if len(ranked) != 10 {
			t.Fatalf("Match ranked %d principles, want 10", len(ranked))
		}
		seen := map[int]bool{}
		for i, c := range ranked {
			if seen[c.Number] {
				t.Fatalf("principle %d ranked twice", c.Number)
			}
			seen[c.Number] = true
			if i > 0 && c.Evident() == ranked[i-1].Evident() && c.Score > ranked[i-1].Score || i > 0 && c.Evident() && !ranked[i-1].Evident() {
				t.Fatalf("not in order (those with words to name first, then by score): %v", ranked)
			}
			for _, w := range c.Words {
				if w == "" || !strings.Contains(text, w) {
					t.Fatalf("principle %d shares %q, which is not in the text %q", c.Number, w, text)
				}
			}
			if len(c.Near) > 3 {
				t.Fatalf("principle %d names %d words near in meaning, want at most 3", c.Number, len(c.Near))
			}
			for _, n := range c.Near {
				if n.Word == "" || !strings.Contains(text, n.Word) || n.Like == "" || n.In != "" && !strings.Contains(strings.ToLower(n.In), strings.ToLower(n.Like)) {
					t.Fatalf("principle %d: near %+v is not a word of the text %q like one of the principle's", c.Number, n, text)
				}
			}
		}
	})
}

// FuzzParseNear reads any bytes as a table of words near in meaning: it
// is refused or read, never a panic, and a table read names only its
// principles' words, in sorted rows that fit.
func FuzzParseNear(f *testing.F) {
	fw, common, vector := testFramework()
	good, err := BuildNear(fw, common, vector, "test")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte(nearMagic + "\nfingerprint x\nsource y\nlike a\nlike b\nlike c\nwords 1\nz\n\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		table, _, err := parseNear(data, len(fw.Principles))
		if err != nil {
			return
		}
		for _, w := range table.words {
			for p := range table.like {
				if x, like := table.near(w, p); x < 0 || x > 1 || x > 0 && !slices.Contains(table.like[p], like) {
					t.Fatalf("near(%q, %d) = %v %q: not a word of the principle", w, p, x, like)
				}
			}
		}
	})
}
