package strategy

import (
	"reflect"
	"testing"

	"github.com/engage-icb/engage/internal/fuzzseed"
)

// seeds are the shipped strategies, the hostile-input catalogue and a few
// shapes of broken file.
func seeds(f *testing.F) {
	for _, src := range fuzzseed.Files() {
		f.Add(src)
	}
	for _, s := range []string{"", "# only\n", "- a\n", "a:\n\tb: c\n", "a: 1\na: 2\n", "x: &a [*a]\n",
		"b: &b {x: 1}\nc:\n  <<: *b\n", "a: 1\n---\nb: 2\n", "\ufeffengage: 1\r\n", "title: \"unclosed\n"} {
		f.Add([]byte(s))
	}
}

// FuzzParse checks that any input gives a Document without panicking, that
// problems have a place and an explanation, and that a file with problems
// has no model.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Parse("fuzz.yaml", src)
		for _, p := range d.Problems {
			if p.Line < 1 || p.Column < 1 || p.Message == "" || p.Hint == "" || p.Rule == "" {
				t.Fatalf("badly formed problem %+v for %q", p, src)
			}
		}
		if len(d.Problems) > 0 && d.Strategy != nil {
			t.Fatalf("a file with problems has a model: %q", src)
		}
		if d.Root != nil {
			// Every place the loader can name must be locatable.
			d.Locate("/objectives/0/status", false)
			d.Locate("/icb/code", true)
		}
	})
}

// FuzzDecode checks the fast decoder against yaml.v3's Node.Decode: when
// the fast one succeeds, Node.Decode gives no error and the same model.
func FuzzDecode(f *testing.F) {
	seeds(f)
	for _, s := range []string{"engage: 1\nicb: {code: QE1, population: 12}\n", "engage: 01\n", "engage: 0x1\n",
		"icb: {population: 1_000}\n", "metrics: [{id: m, baseline: {value: 1.50}}]\n", "metrics: [{id: m, baseline: {value: .5}}]\n",
		"vision: true\n", "vision: 12\n", "vision: 2024-01-01\n", "objectives: [{id: a, year: 2023/24}]\n",
		"objectives: [{id: a, year: {from: 2023/24}}]\n", "principles: []\n", "mission: ~\n", "icb: {places: [a, ~, 3]}\n",
		"engage: -0\n", "engage: 99999999999999999999\n", "metrics: [{baseline: {value: -2}}]\n", "vision: !!binary aGk=\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		root, problems := ReadYAML(src, "x")
		if len(problems) > 0 {
			return
		}
		var fast Strategy
		if !decodeFast(root, reflect.ValueOf(&fast).Elem()) {
			return
		}
		var slow Strategy
		if err := root.Decode(&slow); err != nil {
			t.Fatalf("the fast decoder read %q, Node.Decode says: %v", src, err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("for %q\nfast: %+v\nslow: %+v", src, fast, slow)
		}
	})
}
