// Package history builds the delivery timeline of a strategy file from its
// git history: when each objective's and milestone's status changed, in
// which commit and by whom, following the file through renames.
package history

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/gitrev"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Event is one status change of one item.
type Event struct {
	Date    string `json:"date"`
	Commit  string `json:"commit"`
	Author  string `json:"author"`
	Subject string `json:"subject"`
	// From is the status before ("" when the item first appears); To the
	// status after ("" when the item was removed).
	From string `json:"from"`
	To   string `json:"to"`
}

// Timeline is an item's status changes, oldest first.
type Timeline struct {
	Kind   string  `json:"kind"` // objective or milestone
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Events []Event `json:"events"`
}

// Skipped is a revision that was not read, and why.
type Skipped struct {
	Date   string `json:"date"`
	Commit string `json:"commit"`
	Reason string `json:"reason"`
}

// Report is a file's delivery history.
type Report struct {
	File      string     `json:"file"`
	Commits   int        `json:"commits"`
	Timelines []Timeline `json:"items"`
	// Unchanged is how many items Changed left out.
	Unchanged int       `json:"unchanged"`
	Skipped   []Skipped `json:"skipped"`

	first string // the commit of the file's first readable version
}

// Changed is the report with only the items that changed: whose status
// moved, or that were added after the file's first readable version, or
// removed. The rest (each only "added as" its one status) are counted in
// Unchanged.
func (r *Report) Changed() *Report {
	out := *r
	out.Timelines = []Timeline{}
	for _, t := range r.Timelines {
		if len(t.Events) == 1 && t.Events[0].From == "" && t.Events[0].To != "" && t.Events[0].Commit == r.first {
			out.Unchanged++
			continue
		}
		out.Timelines = append(out.Timelines, t)
	}
	return &out
}

// item is what history reads of an objective or milestone.
type item struct {
	ID     string `yaml:"id"`
	Title  string `yaml:"title"`
	Status string `yaml:"status"`
}

type snapshot struct {
	objectives, milestones []item
	problem                string
}

// Build reads every revision of path (relative to the repository's top)
// and returns the status timeline of each objective and milestone.
// Revisions where the file is absent or cannot be read are listed in
// Skipped, not hidden.
func Build(repo *gitrev.Repo, path, display string) (*Report, error) {
	commits, err := repo.Mainline(path)
	if err != nil {
		return nil, err
	}
	if len(commits) == 0 {
		if _, err := os.Stat(display); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s does not exist, and has no history in this repository", display)
		}
		return nil, fmt.Errorf("%s has no history in this repository: is it committed?", display)
	}
	// Oldest first.
	for i, j := 0, len(commits)-1; i < j; i, j = i+1, j-1 {
		commits[i], commits[j] = commits[j], commits[i]
	}
	// Revisions are read in order, so each is parsed only where it differs
	// from those before it (chunks.go).
	snaps := make([]snapshot, len(commits))
	reader := newChunkReader()
	hashes := make([]string, len(commits))
	for i, c := range commits {
		hashes[i] = c.Blob
		if c.Blob == "" {
			snaps[i].problem = "the file was deleted in this commit"
		}
	}
	tooLarge := func(i int, size int64) {
		snaps[i].problem = (&gitrev.TooLargeError{Size: size, Limit: repo.MaxSize}).Error()
	}
	if err := repo.EachBlob(hashes, func(i int, data []byte) { snaps[i] = reader.read(data) }, tooLarge); err != nil {
		return nil, fmt.Errorf("read %s from git: %w", display, err)
	}

	r := &Report{File: display, Commits: len(commits), Timelines: []Timeline{}, Skipped: []Skipped{}}
	index := map[string]int{} // kind/id → timeline
	last := map[string]string{}
	present := map[string]bool{}
	for i, c := range commits {
		s := snaps[i]
		if s.problem != "" {
			r.Skipped = append(r.Skipped, Skipped{Date: day(c.Date), Commit: c.Hash, Reason: s.problem})
			continue
		}
		if r.first == "" {
			r.first = c.Hash
		}
		now := map[string]bool{}
		record := func(kind string, it item) {
			key := kind + "/" + it.ID
			if it.ID == "" || now[key] {
				return
			}
			now[key] = true
			t, ok := index[key]
			if !ok {
				t = len(r.Timelines)
				index[key] = t
				r.Timelines = append(r.Timelines, Timeline{Kind: kind, ID: it.ID, Title: it.Title, Events: []Event{}})
			}
			r.Timelines[t].Title = it.Title
			if prev, seen := last[key]; !seen || !present[key] || prev != it.Status {
				from := prev
				if !present[key] {
					from = ""
				}
				r.Timelines[t].Events = append(r.Timelines[t].Events, event(c, from, it.Status))
			}
			last[key] = it.Status
		}
		for _, o := range s.objectives {
			record("objective", o)
		}
		for _, m := range s.milestones {
			record("milestone", m)
		}
		for key := range present {
			if present[key] && !now[key] {
				t := index[key]
				r.Timelines[t].Events = append(r.Timelines[t].Events, event(c, last[key], ""))
			}
		}
		present = now
	}
	return r, nil
}

func event(c gitrev.Commit, from, to string) Event {
	return Event{Date: day(c.Date), Commit: c.Hash, Author: c.Author, Subject: c.Subject, From: from, To: to}
}

// day keeps the date part of an ISO 8601 time.
func day(iso string) string {
	if len(iso) >= 10 {
		return iso[:10]
	}
	return iso
}

// read takes the statuses out of one revision. It reads only what history
// needs, but through the same strict loader as every command.
func read(data []byte) snapshot {
	root, problems := strategy.ReadYAML(data, "examples/minimal.yaml")
	if len(problems) > 0 {
		p := problems[0]
		return snapshot{problem: fmt.Sprintf("not a readable strategy: line %d: %s", p.Line, p.Message)}
	}
	var doc struct {
		Objectives []item `yaml:"objectives"`
		Roadmap    []item `yaml:"roadmap"`
	}
	if err := root.Decode(&doc); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return snapshot{problem: "not a readable strategy: " + err.Error()}
		}
	}
	return snapshot{objectives: doc.Objectives, milestones: doc.Roadmap}
}
