package corpus

import (
	"testing"
	"time"

	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/validate"
)

// The synthetic strategies must be valid, or benchmarks on them measure
// error paths.
func TestICBsAreValid(t *testing.T) {
	paths, err := ICBs(t.TempDir(), 40)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 42 {
		t.Fatalf("%d files, want 42", len(paths))
	}
	v, err := validate.New(validate.Options{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		doc, err := strategy.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range v.Document(doc) {
			if f.Severity == finding.Error {
				t.Errorf("%s:%d:%d: %s [%s]", p, f.Line, f.Column, f.Message, f.Rule)
			}
		}
	}
}
