package history

import (
	"fmt"
	"io/fs"
	"reflect"
	"testing"

	"github.com/engage-icb/engage/internal/fuzzseed"
	"github.com/engage-icb/engage/strategies"
)

// same checks the chunked reading of a revision against the full one: when
// the chunked reader answers, its answer must be the full reader's.
func same(t *testing.T, c *chunkReader, data []byte) bool {
	t.Helper()
	got, ok := c.chunked(data)
	if !ok {
		return false
	}
	want := read(data)
	if want.problem != "" {
		t.Fatalf("chunked read a revision the full reader refuses (%s):\n%s", want.problem, data)
	}
	if !equalItems(got.objectives, want.objectives) || !equalItems(got.milestones, want.milestones) {
		t.Fatalf("chunked and full readings differ:\n got %+v %+v\nwant %+v %+v\n%s", got.objectives, got.milestones, want.objectives, want.milestones, data)
	}
	return true
}

// equalItems compares item lists, an empty list and none being the same.
func equalItems(a, b []item) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

func TestChunksMatchFullReading(t *testing.T) {
	c := newChunkReader()
	files, _ := fs.Glob(strategies.FS, "*.yaml")
	for _, f := range files {
		data, _ := fs.ReadFile(strategies.FS, f)
		if !same(t, c, data) {
			t.Errorf("%s: the chunked reader fell back; shipped strategies should not need to", f)
		}
	}
	for name, src := range map[string]string{
		"anchor":          "objectives:\n  - &a {id: O1, status: done}\n",
		"inline list":     "objectives: [{id: O1, status: done}]\n",
		"flow item":       "objectives:\n  - {id: O1, status: done}\n  - {id: O2, status: planned}\n",
		"comment items":   "objectives:\n  # first\n  - id: O1\n    status: done\n\n  # second\n  - id: O2\n    status: planned\n",
		"nested list":     "objectives:\n  - id: O1\n    status: done\n    updates:\n      - {date: 2024-01-01}\n      - date: 2024-02-01\n",
		"dedented":        "objectives:\n    - id: O1\n      status: done\n  - id: O2\n",
		"quoted":          "objectives:\n  - id: \"O1\"\n    status: 'done'\n    title: \"a\n  - id: O2\"\n",
		"duplicate key":   "objectives:\n  - id: O1\n    id: O2\n",
		"duplicate top":   "objectives: []\nobjectives: []\n",
		"block scalar":    "objectives:\n  - id: O1\n    title: |\n      - id: X\n      status: done\n    status: planned\n",
		"documents":       "objectives: []\n---\nroadmap: []\n",
		"not a list item": "objectives:\n  id: O1\n",
		"broken item":     "objectives:\n  - id: [O1\n  - id: O2\n",
		"broken section":  "icb: {code: [QJG\nobjectives:\n  - id: O1\n",
		"crlf":            "objectives:\r\n  - id: O1\r\n    status: done\r\n",
		"empty item":      "objectives:\n  -\n  - id: O2\n",
	} {
		t.Run(name, func(t *testing.T) {
			same(t, newChunkReader(), []byte(src))
		})
	}
}

// Chunks seen before are not parsed again, and answers stay right as an
// item changes back and forth.
func TestChunksReuse(t *testing.T) {
	c := newChunkReader()
	for i := 0; i < 6; i++ {
		status := []string{"planned", "done"}[i%2]
		same(t, c, []byte(fmt.Sprintf("engage: 1\nobjectives:\n  - id: O1\n    status: %s\n  - id: O2\n    status: planned\n", status)))
	}
	if len(c.items) != 3 {
		t.Errorf("%d distinct items parsed, want 3", len(c.items))
	}
}

// FuzzChunks checks on any input that the chunked reader, when it answers,
// answers as the full reader does.
func FuzzChunks(f *testing.F) {
	for _, data := range fuzzseed.Files() {
		f.Add(data)
	}
	f.Add([]byte("objectives:\n  - id: O1\n    status: done\n"))
	f.Add([]byte("objectives:\n  - id: O1\n    title: |\n      x\n    status: done\nroadmap:\n  - id: R1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		same(t, newChunkReader(), data)
	})
}
