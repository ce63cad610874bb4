package status

import "testing"

// Percentages round half up, as people round: 2 of 3 is 67%, 1 of 8 is
// 13%, never the 66% and 12% that cutting off the fraction gives.
func TestPercent(t *testing.T) {
	for _, tc := range []struct{ part, whole, want int }{
		{2, 3, 67}, {1, 3, 33}, {1, 8, 13}, {3, 8, 38}, {1, 200, 1}, {0, 5, 0}, {5, 5, 100}, {1, 0, 0},
	} {
		if got := Percent(tc.part, tc.whole); got != tc.want {
			t.Errorf("Percent(%d, %d) = %d, want %d", tc.part, tc.whole, got, tc.want)
		}
	}
	for _, tc := range []struct {
		p    float64
		want int
	}{{12.5, 13}, {66.666, 67}, {12.4999, 12}, {0, 0}, {99.5, 100}} {
		if got := RoundPercent(tc.p); got != tc.want {
			t.Errorf("RoundPercent(%v) = %d, want %d", tc.p, got, tc.want)
		}
	}
}
