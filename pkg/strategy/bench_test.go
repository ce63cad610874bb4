package strategy

import (
	"io/fs"
	"testing"

	"github.com/engage-icb/engage/strategies"
)

// BenchmarkParse reads each shipped strategy into nodes and the model.
func BenchmarkParse(b *testing.B) {
	files, _ := fs.Glob(strategies.FS, "*.yaml")
	srcs := make([][]byte, len(files))
	size := 0
	for i, f := range files {
		srcs[i], _ = fs.ReadFile(strategies.FS, f)
		size += len(srcs[i])
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for j, src := range srcs {
			if d := Parse(files[j], src); d.Strategy == nil {
				b.Fatal(d.Problems)
			}
		}
	}
}
