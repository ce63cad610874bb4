package scaffold

import (
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/internal/icb"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
)

func TestStrategyForEveryICB(t *testing.T) {
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := fws.Get(framework.DefaultID)
	today := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	for _, b := range icb.All {
		data, err := Strategy(b, fw, today)
		if err != nil {
			t.Fatal(err)
		}
		d := strategy.Parse(b.Code+".yaml", data)
		if d.Strategy == nil || d.DecodeErr != nil {
			t.Fatalf("%s: %v %v", b.Code, d.Problems, d.DecodeErr)
		}
		s := d.Strategy
		if s.ICB.Code != b.Code || !b.Matches(s.ICB.Name) {
			t.Errorf("%s: icb = %+v", b.Code, s.ICB)
		}
		if len(s.Principles) != 10 || len(s.Objectives) != 1 || len(s.Roadmap) != 1 {
			t.Errorf("%s: %d principles, %d objectives, %d milestones; want 10, 1, 1", b.Code, len(s.Principles), len(s.Objectives), len(s.Roadmap))
		}
		if s.Meta.Period.From != "2025/26" || s.Meta.Period.To != "2027/28" || s.Roadmap[0].From != "2026-01" {
			t.Errorf("%s: period %v, first milestone %s", b.Code, s.Meta.Period, s.Roadmap[0].From)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") && len(line) > 84 && !strings.Contains(line, "$schema=") {
				t.Errorf("%s: comment line longer than 84 characters: %q", b.Code, line)
			}
		}
	}
}
