package status

import (
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/engage-icb/engage/internal/edit"
	"github.com/engage-icb/engage/internal/fuzzseed"
	"github.com/engage-icb/engage/pkg/strategy"
)

// FuzzSetStatus checks the in-place editor's promise on any input: after
// status set, reading the file again shows exactly the requested change
// (the status, one update at the end of the log) and nothing else.
func FuzzSetStatus(f *testing.F) {
	for _, src := range fuzzseed.Files() {
		f.Add(src, "done", "Reached 4,000: \"you said, we did\"")
	}
	for _, src := range fuzzseed.Layouts() {
		f.Add(src, "at-risk", "the board's view")
	}
	f.Add([]byte("objectives:\n  - {id: O1, status: planned}\n"), "at-risk", "")
	f.Add([]byte("objectives:\n  - id: O1\n    status: planned\n    updates: []\n"), "in-progress", "a\nb")
	f.Add([]byte("objectives:\r\n  - id: O1\r\n    status: 'planned' # x\r\n"), "done", "x")
	f.Fuzz(func(t *testing.T, src []byte, status, note string) {
		before := strategy.Parse("f.yaml", src)
		if before.Strategy == nil || before.DecodeErr != nil || len(before.Strategy.Objectives) == 0 {
			return
		}
		id := before.Strategy.Objectives[0].ID
		if id == "" {
			return // without an ID the first objective cannot be named (a later one with an empty ID would be)
		}
		u := Update{ID: id, Status: status, Date: "2999-12-31", Note: note}
		out, _, err := SetStatus(src, u)
		if errors.Is(err, edit.ErrUnsafe) && !edit.HasAlias(src) {
			t.Fatalf("the edit changed something else (caught by edit.Check): %v\n%s", err, src)
		}
		if err != nil {
			return // a refusal: nothing was changed
		}
		after := strategy.Parse("f.yaml", out)
		if after.Strategy == nil || after.DecodeErr != nil {
			t.Fatalf("the edited file cannot be read (%v %v):\n%s", after.Problems, after.DecodeErr, out)
		}
		want := *before.Strategy
		want.Objectives = append([]strategy.Objective(nil), want.Objectives...)
		o := &want.Objectives[0]
		// The log's first status keeps the one it replaced.
		was := o.Status
		if !strategy.ValidStatus(was) || was == strategy.NotReported || slices.ContainsFunc(o.Updates, func(u strategy.Update) bool { return u.Status != "" }) {
			was = ""
		}
		o.Status = status
		o.Updates = append(append([]strategy.Update(nil), o.Updates...), strategy.Update{Date: "2999-12-31", Status: status, Was: was, Note: note})
		if !reflect.DeepEqual(*after.Strategy, want) {
			t.Fatalf("the edit changed more (or less) than asked:\n got %+v\nwant %+v\n%s", after.Strategy.Objectives[0], want.Objectives[0], out)
		}
	})
}

// FuzzRecordMetric checks metric record's promise the same way: reading
// the file again shows one more measurement at the end of the metric's
// actuals, and nothing else changed.
func FuzzRecordMetric(f *testing.F) {
	for _, src := range fuzzseed.Files() {
		f.Add(src, "2100", "Panel members, from the CRM")
	}
	for _, src := range fuzzseed.Layouts() {
		f.Add(src, "-12345678901234567890", "the panel's count")
	}
	f.Add([]byte("metrics:\n  - id: m\n    title: Panel\n"), "12.5", "")
	f.Add([]byte("metrics:\n  - {id: m, title: Panel, actuals: [{value: 1, date: 2024-01-01}]}\n"), "-3", "a: b")
	f.Add([]byte("metrics:\r\n  - id: m\r\n    actuals: []\r\n"), "1e3", "x")
	f.Add([]byte("metrics:\n  - id: m\n"), "inf", "") // wrote +Inf, which YAML reads as text
	f.Fuzz(func(t *testing.T, src []byte, value, note string) {
		before := strategy.Parse("f.yaml", src)
		if before.Strategy == nil || before.DecodeErr != nil || len(before.Strategy.Metrics) == 0 {
			return
		}
		id := before.Strategy.Metrics[0].ID
		if id == "" {
			return // without an ID the first metric cannot be named (a later one with an empty ID would be)
		}
		out, _, err := RecordMetric(src, Update{ID: id, Value: value, Date: "2999-12-31", Note: note})
		if errors.Is(err, edit.ErrUnsafe) && !edit.HasAlias(src) {
			t.Fatalf("the edit changed something else (caught by edit.Check): %v\n%s", err, src)
		}
		if err != nil {
			return // a refusal: nothing was changed
		}
		after := strategy.Parse("f.yaml", out)
		if after.Strategy == nil || after.DecodeErr != nil {
			t.Fatalf("the edited file cannot be read (%v %v):\n%s", after.Problems, after.DecodeErr, out)
		}
		v, _ := strconv.ParseFloat(strings.TrimSpace(value), 64)
		want := *before.Strategy
		want.Metrics = append([]strategy.Metric(nil), want.Metrics...)
		m := &want.Metrics[0]
		m.Actuals = append(append([]strategy.Measurement(nil), m.Actuals...), strategy.Measurement{Value: v, Date: "2999-12-31", Note: note})
		if !reflect.DeepEqual(*after.Strategy, want) {
			t.Fatalf("the edit changed more (or less) than asked:\n got %+v\nwant %+v\n%s", after.Strategy.Metrics[0], want.Metrics[0], out)
		}
	})
}
