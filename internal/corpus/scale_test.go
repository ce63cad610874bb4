package corpus

import (
	"strings"
	"testing"
	"time"

	"github.com/engage-icb/engage/internal/icb"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/validate"
)

// The issue 16 benchmarks' inputs are what they say: valid strategies
// (Small, OneYear, AtSize) and a file with exactly n findings.
func TestScaleInputs(t *testing.T) {
	v, err := validate.New(validate.Options{AsOf: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	errorsIn := func(name string, src []byte) []finding.Finding {
		var errs []finding.Finding
		for _, f := range v.Document(strategy.Parse(name, src)) {
			if f.Severity == finding.Error {
				errs = append(errs, f)
			}
		}
		return errs
	}
	for name, src := range map[string][]byte{"small": Small(icb.All[3], 7), "one year": OneYear(50, 1)} {
		if errs := errorsIn(name, src); len(errs) > 0 {
			t.Errorf("%s: %d errors, first %+v", name, len(errs), errs[0])
		}
	}
	if got := strings.Count(string(OneYear(50, 1)), "    year: 2024/25\n"); got != 50 {
		t.Errorf("OneYear(50): %d objectives in 2024/25", got)
	}
	if n := len(AtSize(2 << 20)); n > 2<<20 || n < 2<<20*9/10 {
		t.Errorf("AtSize(2 MB) is %d bytes", n)
	}
	if errs := errorsIn("findings", Findings(25)); len(errs) != 25 || errs[0].Rule != "not-allowed" {
		t.Errorf("Findings(25): %d errors", len(errs))
	}
}
