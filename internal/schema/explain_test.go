package schema

import "testing"

func TestFigureFix(t *testing.T) {
	for _, c := range []struct {
		text                        string
		object, number, measurement bool
		want                        string
	}{
		{"around 4,000", true, true, false, "{value: 4000, qualifier: around}"},
		{"More than  20", true, true, false, "{value: 20, qualifier: more than}"},
		{"about 1.8 million", true, true, false, "{value: 1800000, qualifier: about}"},
		{"about 2.01 million", true, true, false, "{value: 2010000, qualifier: about}"},
		{"1.005 million", true, true, false, "1005000"},
		{"12.5", false, true, false, ""},
		{"1,340", false, true, false, "1340"},
		{"1,800,000", true, true, false, "1800000"},
		{"over 350", false, true, false, ""}, // a plain number cannot say "over"
		{"4000", false, true, false, ""},     // already a number: a string quoted
		{"1,34", false, true, false, ""},
		{"lots", true, true, false, ""},
		// Every digit the source gives (it was rounded to 1340.123457).
		{"1,340.1234567", false, true, false, "1340.1234567"},
		{"about 2.0123456789 million", true, true, false, "{value: 2012345.6789, qualifier: about}"},
		// A measurement is a mapping: 1340 alone is refused too.
		{"1,340", true, true, true, "{value: 1340}"},
		{"around 4,000", true, true, true, "{value: 4000, qualifier: around}"},
	} {
		if got := figureFix(c.text, c.object, c.number, c.measurement); got != c.want {
			t.Errorf("figureFix(%q, %v, %v, %v) = %q, want %q", c.text, c.object, c.number, c.measurement, got, c.want)
		}
	}
}
