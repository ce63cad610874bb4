package site_test

import (
	"fmt"
	"io/fs"
	"time"

	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/site"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/strategies"
)

// The site of the shipped strategies: each ICB's current review, and the
// national principles across them.
func Example() {
	fws, _ := framework.Builtin()
	var inputs []site.Input
	for _, name := range []string{"lsc.yaml", "snee.yaml"} {
		src, _ := fs.ReadFile(strategies.FS, name)
		doc := strategy.Parse(name, src)
		fw, _ := fws.Get(framework.Choose(doc.Strategy.Framework, ""))
		inputs = append(inputs, site.Input{Path: name, Strategy: doc.Strategy, Framework: fw})
	}
	s := site.Build(inputs, site.Options{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	for _, icb := range s.ICBs {
		fmt.Println(icb.Page, icb.Label, icb.Current.Year)
	}
	fmt.Println(len(s.Principles), "principle pages;", s.Principles[0].Page)
	// Output:
	// qe1.html L&SC 2025/26
	// qjg.html SNEE 2024/25
	// 10 principle pages; nhse-2022-principle-1.html
}
