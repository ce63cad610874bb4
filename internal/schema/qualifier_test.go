package schema

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/schemas"
)

// TestQualifiersAreTheSchemas: the qualifiers engage reads in figures
// (strategy.Qualifiers, for metric record, import, validate's hint and
// activity --reach) are the file format's $defs/qualifier, no more and
// no fewer.
func TestQualifiersAreTheSchemas(t *testing.T) {
	var doc struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schemas.StrategySchema, &doc); err != nil {
		t.Fatal(err)
	}
	got, want := slices.Sorted(slices.Values(strategy.Qualifiers)), slices.Sorted(slices.Values(doc.Defs["qualifier"].Enum))
	if !slices.Equal(got, want) {
		t.Errorf("strategy.Qualifiers %v; the schema's %v", got, want)
	}
	for text, want := range map[string][2]string{"over 350": {"over", "350"}, "More  than 20": {"more than", "20"}, "moreover": {"", "moreover"}, "350": {"", "350"}} {
		if q, v := strategy.SplitQualifier(text); q != want[0] || v != want[1] {
			t.Errorf("SplitQualifier(%q) = %q, %q; want %q, %q", text, q, v, want[0], want[1])
		}
	}
}
