package history

import (
	"strings"
	"testing"

	"github.com/engage-icb/engage/internal/corpus"
	"github.com/engage-icb/engage/internal/gitrev"
)

func TestBuildOnGeneratedHistory(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.HistoryRepo(dir, 41, 10); err != nil {
		t.Fatal(err)
	}
	repo, err := gitrev.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = repo.Close() }()
	r, err := Build(repo, corpus.HistoryFile, corpus.HistoryFile)
	if err != nil {
		t.Fatal(err)
	}
	if r.Commits != 41 || len(r.Timelines) != 10 || len(r.Skipped) != 0 {
		t.Fatalf("commits %d, items %d, skipped %d; want 41, 10, 0", r.Commits, len(r.Timelines), len(r.Skipped))
	}
	// Each objective: added, then four updates (40 updates over 10 objectives).
	o1 := r.Timelines[0]
	want := []string{"→planned", "planned→in-progress", "in-progress→at-risk", "at-risk→in-progress", "in-progress→done"}
	if len(o1.Events) != len(want) {
		t.Fatalf("O01 events = %+v", o1.Events)
	}
	for i, e := range o1.Events {
		if got := e.From + "→" + e.To; got != want[i] {
			t.Errorf("O01 event %d = %s, want %s", i, got, want[i])
		}
	}
}

// BenchmarkBuild1000 reads the delivery history of a file with 1,000
// commits (40 objectives). Target (issue 4): under 1 second for the whole
// `engage history` process; see also cmd/engage BenchmarkProcessHistory1000.
func BenchmarkBuild1000(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.HistoryRepo(dir, 1000, 40); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		repo, err := gitrev.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		r, err := Build(repo, corpus.HistoryFile, corpus.HistoryFile)
		if err != nil || r.Commits != 1000 {
			b.Fatalf("%v, %d commits", err, r.Commits)
		}
		_ = repo.Close()
	}
}

// TestChanged keeps the items whose status moved, those added after the
// first readable version and those removed, and counts the rest.
func TestChanged(t *testing.T) {
	added := func(commit, to string) Event { return Event{Commit: commit, To: to} }
	r := &Report{first: "c1", Timelines: []Timeline{
		{ID: "same", Events: []Event{added("c1", "planned")}},
		{ID: "moved", Events: []Event{added("c1", "planned"), {Commit: "c2", From: "planned", To: "done"}}},
		{ID: "later", Events: []Event{added("c2", "planned")}},
		{ID: "removed", Events: []Event{added("c1", "planned"), {Commit: "c3", From: "planned"}}},
		{ID: "also-same", Events: []Event{added("c1", "done")}},
	}}
	got := r.Changed()
	var ids []string
	for _, tl := range got.Timelines {
		ids = append(ids, tl.ID)
	}
	if strings.Join(ids, " ") != "moved later removed" || got.Unchanged != 2 {
		t.Errorf("Changed() = %v with %d unchanged, want [moved later removed] with 2", ids, got.Unchanged)
	}
	if len(r.Timelines) != 5 || r.Unchanged != 0 {
		t.Errorf("Changed() changed the report it was called on")
	}
}
