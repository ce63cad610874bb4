package diff_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/engage-icb/engage/internal/fuzzseed"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/pkg/diff"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// FuzzDiff checks the diff engine on any pair of files: it never panics,
// a file compared with itself has no differences, A differs from B
// exactly when B differs from A, and every format can write the result.
func FuzzDiff(f *testing.F) {
	files := fuzzseed.Files()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	// Small pairs fuzz fastest: each file against a small strategy, and
	// against itself a step of delivery later.
	small := files["testdata/hostile/crlf.yaml"]
	for _, n := range names {
		f.Add(small, files[n])
		f.Add(files[n], bytes.Replace(files[n], []byte("status: not-reported"), []byte("status: done"), 1))
	}
	fws, err := framework.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		old, new := strategy.Parse("old.yaml", a), strategy.Parse("new.yaml", b)
		if old.Strategy == nil || new.Strategy == nil {
			return
		}
		ver := func(s *strategy.Strategy) diff.Version {
			id := framework.Choose(s.Framework, "")
			fw, _ := fws.Get(id)
			return diff.Version{Strategy: s, Framework: fw, FrameworkID: id}
		}
		a2, b2 := ver(old.Strategy), ver(new.Strategy)
		same := diff.Compare(a2, a2)
		if same.Differs() {
			t.Fatalf("a file differs from itself: %+v\n%s", same.Changes, a)
		}
		ab := diff.Compare(a2, b2)
		ba := diff.Compare(b2, a2)
		if ab.Differs() != ba.Differs() {
			t.Fatalf("A differs from B (%v) but B from A (%v)", ab.Differs(), ba.Differs())
		}
		for _, c := range ab.Changes {
			if c.Kind == "" || c.Op == "" {
				t.Fatalf("a change without a kind or operation: %+v", c)
			}
		}
		report := &diff.Report{Comparisons: []diff.Comparison{ab}}
		for _, name := range render.Diff.Names() {
			format, err := render.Diff.Lookup(name, render.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := format.Render(&out, report); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	})
}
