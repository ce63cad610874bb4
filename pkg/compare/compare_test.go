package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

var asOf = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func inputs(t testing.TB, paths ...string) []Input {
	t.Helper()
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var in []Input
	for _, p := range paths {
		doc, err := strategy.Load(p, strategy.LoadOptions{})
		if err != nil || doc.Strategy == nil {
			t.Fatalf("%s: %v", p, err)
		}
		fw, _ := fws.Get(framework.Choose(doc.Strategy.Framework, ""))
		in = append(in, Input{Path: p, Strategy: doc.Strategy, Framework: fw})
	}
	return in
}

func shipped(t testing.TB) *Comparison {
	return Build(inputs(t, "../../strategies/dorset.yaml", "../../strategies/lsc.yaml", "../../strategies/mse.yaml", "../../strategies/snee.yaml"), asOf)
}

func TestBlocks(t *testing.T) {
	c := shipped(t)
	if len(c.Blocks) != 2 || c.Blocks[0].Framework.ID != "nhse-2022" || c.Blocks[1].Framework.ID != "stg-2018" {
		t.Fatalf("blocks: %+v", c.Blocks)
	}
	var labels []string
	for _, icb := range c.Blocks[0].ICBs {
		labels = append(labels, icb.Label())
		if len(icb.Grades) != 10 || icb.Ratings != nil {
			t.Errorf("%s: %d grades, ratings %v", icb.Label(), len(icb.Grades), icb.Ratings)
		}
	}
	if got := strings.Join(labels, ","); got != "L&SC,MSE,SNEE" {
		t.Errorf("national block: %s", got)
	}
	dorset := c.Blocks[1].ICBs[0]
	if len(c.Blocks[1].Principles) != 9 || dorset.Cell(0) != "? not-reported" || dorset.SelfAssessments != 1 {
		t.Errorf("Dorset: %d areas, cell %q, %d self-assessments", len(c.Blocks[1].Principles), dorset.Cell(0), dorset.SelfAssessments)
	}
	lsc := c.Blocks[0].ICBs[0]
	if !lsc.ReviewOverdue || lsc.InvolvementBody == "" || lsc.Objectives != 24 || lsc.Cell(1) != "● measured" {
		t.Errorf("L&SC: %+v", lsc)
	}
	if mse := c.Blocks[0].ICBs[1]; mse.ReviewOverdue || mse.InvolvementBody != "" || mse.Row()[slices.Index(Detail, "public involvement body")] != "none named" {
		t.Errorf("MSE: %+v", mse)
	}
}
