package roundtrip

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/strategies"
)

// TestApplyEachIsSequential holds the fast path to its promise: updating
// each item alone and putting the items back gives the file, byte for
// byte, that the updates made one after another on the whole file give,
// on every shipped strategy (every objective, milestone and metric
// updated), and in the layouts that make it step aside.
func TestApplyEachIsSequential(t *testing.T) {
	files := map[string][]byte{}
	names, _ := fs.Glob(strategies.FS, "*.yaml")
	for _, n := range names {
		files[n], _ = fs.ReadFile(strategies.FS, n)
	}
	files["plan.yaml"] = []byte(plan)
	files["crlf.yaml"] = bytes.ReplaceAll([]byte(plan), []byte("\n"), []byte("\r\n"))
	for name, src := range files {
		doc := strategy.Parse(name, src)
		var edits []itemEdit
		for i, o := range doc.Strategy.Objectives {
			edits = append(edits, itemEdit{list: "objectives", index: i, kind: "objective", u: status.Update{ID: o.ID, Status: "done", Date: "2026-12-01", Note: "Done, as the board's paper says", Force: true}})
		}
		for i, m := range doc.Strategy.Roadmap {
			edits = append(edits, itemEdit{list: "roadmap", index: i, kind: "milestone", u: status.Update{ID: m.ID, Status: "at-risk", Date: "2026-12-01", Force: true}})
		}
		for i, m := range doc.Strategy.Metrics {
			edits = append(edits, itemEdit{list: "metrics", index: i, kind: "metric", u: status.Update{ID: m.ID, Value: "42", Date: "2026-12-01", Force: true}})
		}
		fast, _, refusals, ok := applyEach(src, doc.Root, edits)
		if !ok {
			t.Errorf("%s: the fast path stepped aside", name)
			continue
		}
		slow := src
		for i, e := range edits {
			next, _, err := e.change()(slow, e.u)
			if (err == nil) != (refusals[i] == nil) {
				t.Errorf("%s %s: fast refusal %v, slow %v", name, e.u.ID, refusals[i], err)
			}
			if err == nil {
				slow = next
			}
		}
		if !bytes.Equal(fast, slow) {
			t.Errorf("%s: the fast path wrote another file than the updates one after another", name)
		}
	}
	// Where it steps aside: flow-style lists, aliases, lone CRs.
	for name, src := range map[string]string{
		"flow":  "engage: 1\nobjectives: [{id: O1, status: planned}]\n",
		"alias": "engage: 1\nobjectives:\n  - &o {id: O1, status: planned}\nroadmap:\n  - *o\n",
		"cr":    "engage: 1\robjectives:\r  - id: O1\r    status: planned\r",
	} {
		doc := strategy.Parse(name, []byte(src))
		if doc.Root == nil {
			continue
		}
		if _, _, _, ok := applyEach([]byte(src), doc.Root, []itemEdit{{list: "objectives", kind: "objective", u: status.Update{ID: "O1", Status: "done", Date: "2026-12-01"}}}); ok {
			t.Errorf("%s: the fast path did not step aside", name)
		}
	}
}
