package coverage

import (
	"testing"

	"github.com/engage-icb/engage/internal/corpus"
)

// BenchmarkOf42 grades the ten national principles for each of the 42
// ICBs' synthetic strategies (10-80 objectives each).
func BenchmarkOf42(b *testing.B) {
	docs, fw, err := corpus.LoadedNationalSet(b.TempDir(), 1)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Of(d.Strategy, fw)
		}
	}
}
