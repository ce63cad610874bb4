package schema

import "testing"

func TestFigureFix(t *testing.T) {
	for _, c := range []struct {
		text           string
		object, number bool
		want           string
	}{
		{"around 4,000", true, true, "{value: 4000, qualifier: around}"},
		{"More than  20", true, true, "{value: 20, qualifier: more than}"},
		{"about 1.8 million", true, true, "{value: 1800000, qualifier: about}"},
		{"about 2.01 million", true, true, "{value: 2010000, qualifier: about}"},
		{"1.005 million", true, true, "1005000"},
		{"12.5", false, true, ""},
		{"1,340", false, true, "1340"},
		{"1,800,000", true, true, "1800000"},
		{"over 350", false, true, ""}, // a plain number cannot say "over"
		{"4000", false, true, ""},     // already a number: a string quoted
		{"1,34", false, true, ""},
		{"lots", true, true, ""},
	} {
		if got := figureFix(c.text, c.object, c.number); got != c.want {
			t.Errorf("figureFix(%q, %v, %v) = %q, want %q", c.text, c.object, c.number, got, c.want)
		}
	}
}
