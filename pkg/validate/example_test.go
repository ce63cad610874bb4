package validate_test

import (
	"fmt"
	"time"

	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/validate"
)

// Load a strategy, validate it, and print how strongly it answers each
// national principle: the same as engage validate and engage coverage,
// from another Go program.
func Example() {
	v, err := validate.New(validate.Options{AsOf: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		panic(err)
	}
	doc, err := v.Load("../../strategies/snee.yaml")
	if err != nil {
		panic(err)
	}
	findings := v.Document(doc)
	fmt.Printf("%s: %d findings\n", doc.Strategy.Name(), len(findings))
	for _, f := range findings {
		fmt.Printf("  %s [%s]: %s\n", f.Severity, f.Rule, f.Message)
	}
	fw, _ := v.Framework(doc.Strategy)
	for _, p := range coverage.Of(doc.Strategy, fw).Principles {
		fmt.Printf("%2d %-10s %s\n", p.Number, p.Grade, p.Label)
	}
	// Output:
	// SNEE: 3 findings
	//   warning [not-known]: when activity A-strategy-conversations took place is not known: the source does not say
	//   warning [not-known]: when activity A-governance-route took place is not known: the source does not say
	//   warning [not-known]: when activity A-smi-joined-up took place is not known: the source does not say
	//  1 evidenced  Voices at the centre of decisions
	//  2 evidenced  Engage early and feed back
	//  3 planned    Understand needs and experience
	//  4 evidenced  Relationships with excluded groups
	//  5 evidenced  Healthwatch and VCSE as partners
	//  6 planned    Clear, accessible public information
	//  7 planned    Community development that empowers
	//  8 planned    Co-production and accountability
	//  9 planned    Redesign services in partnership
	// 10 planned    Learn and build on assets
}
