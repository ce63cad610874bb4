package validate

import (
	"io/fs"
	"testing"

	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/strategies"
)

// BenchmarkDocument checks the four shipped strategies, already parsed:
// the structure and meaning checks alone.
func BenchmarkDocument(b *testing.B) {
	v := validator(b, "2026-11-22")
	files, _ := fs.Glob(strategies.FS, "*.yaml")
	var docs []*strategy.Document
	for _, f := range files {
		src, _ := fs.ReadFile(strategies.FS, f)
		docs = append(docs, strategy.Parse(f, src))
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			v.Document(d)
		}
	}
}

// BenchmarkNew is the per-process set-up: compiling the schema and reading
// the frameworks.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		validator(b, "2026-11-22")
	}
}
