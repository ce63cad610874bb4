package diff

import (
	"testing"

	"github.com/engage-icb/engage/internal/corpus"
	"github.com/engage-icb/engage/pkg/strategy"
)

// BenchmarkCompare42 compares the 42 ICBs' synthetic strategies with the
// same a year of delivery later (corpus.Next), from loaded strategies.
func BenchmarkCompare42(b *testing.B) {
	docs, fw, err := corpus.LoadedNationalSet(b.TempDir(), 1)
	if err != nil {
		b.Fatal(err)
	}
	news := make([]*strategy.Strategy, len(docs))
	for i, d := range docs {
		news[i] = strategy.Parse(d.Path, corpus.Next(d.Source, 1)).Strategy
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		changes := 0
		for j, d := range docs {
			c := Compare(Version{Strategy: d.Strategy, Framework: fw, FrameworkID: fw.ID}, Version{Strategy: news[j], Framework: fw, FrameworkID: fw.ID})
			changes += len(c.Changes)
		}
		if changes == 0 {
			b.Fatal("no changes found")
		}
	}
}
