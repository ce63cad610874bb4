package corpus

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/engage-icb/engage/internal/icb"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/validate"
)

// The synthetic strategies must be valid, or benchmarks on them measure
// error paths.
func TestICBsAreValid(t *testing.T) {
	fixed, err := ICBs(t.TempDir(), 40)
	if err != nil {
		t.Fatal(err)
	}
	national, err := NationalSet(t.TempDir(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(fixed) != 42 || len(national) != 42 {
		t.Fatalf("%d and %d files, want 42", len(fixed), len(national))
	}
	files, err := Files(t.TempDir(), 150, 1)
	if err != nil {
		t.Fatal(err)
	}
	paths := append(append(fixed, national...), files...)
	v, err := validate.New(validate.Options{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		doc, err := strategy.Load(p, strategy.LoadOptions{})
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

func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	pa, err := Files(a, 30, 7)
	if err != nil {
		t.Fatal(err)
	}
	pb, err := Files(b, 30, 7)
	if err != nil {
		t.Fatal(err)
	}
	for i := range pa {
		x, _ := os.ReadFile(pa[i])
		y, _ := os.ReadFile(pb[i])
		if !bytes.Equal(x, y) {
			t.Fatalf("%s and %s differ: the same seed must give the same corpus", pa[i], pb[i])
		}
	}
	if bytes.Equal(Strategy(icb.All[0], 20, 1), Strategy(icb.All[0], 20, 2)) {
		t.Error("different seeds gave the same strategy")
	}
}
