package diff_test

import (
	"fmt"

	"github.com/engage-icb/engage/pkg/diff"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Compare two versions of a strategy in its own terms.
func Example() {
	old := strategy.Parse("old.yaml", []byte(`engage: 1
icb: {code: QSL, name: NHS Somerset ICB}
strategy: {title: Example, period: {from: 2025/26, to: 2027/28}, state: draft}
principles:
  - {id: P1, text: We involve people, national: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
objectives:
  - {id: O1, year: 2025/26, title: Agree a plan, principles: [P1], status: not-reported}
`))
	new := strategy.Parse("new.yaml", []byte(`engage: 1
icb: {code: QSL, name: NHS Somerset ICB}
strategy: {title: Example, period: {from: 2025/26, to: 2027/28}, state: draft}
principles:
  - {id: P1, text: We involve people, national: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
objectives:
  - {id: O1, year: 2025/26, title: Agree a plan, principles: [P1], status: in-progress}
`))
	fws, err := framework.Builtin()
	if err != nil {
		panic(err)
	}
	version := func(d *strategy.Document) diff.Version {
		id := framework.Choose(d.Strategy.Framework, "")
		fw, _ := fws.Get(id)
		return diff.Version{Side: diff.Side{File: d.Path}, Strategy: d.Strategy, Framework: fw, FrameworkID: id}
	}
	c := diff.Compare(version(old), version(new))
	for _, ch := range c.Changes {
		for _, f := range ch.Fields {
			fmt.Printf("%s %s %s: %s → %s (%s)\n", ch.Kind, ch.ID, f.Name, f.Old, f.New, f.Note)
		}
	}
	fmt.Printf("%d principles changed grade; regressions: %d\n", len(c.Coverage), len(c.Regressions()))
	// Output:
	// objective O1 status: not-reported → in-progress (first reported)
	// 10 principles changed grade; regressions: 0
}
