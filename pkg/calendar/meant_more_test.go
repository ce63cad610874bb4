package calendar

import "testing"

// TestMeantMore: the forms an attack run found with no suggestion.
func TestMeantMore(t *testing.T) {
	for in, want := range map[string]string{
		"“2025-03”":            "2025-03",
		"‘March 2025’":         "2025-03",
		"Q3 2025-26":           "2025-10/2025-12",
		"Q3 FY2025/26":         "2025-10/2025-12",
		"Q1 2025/2026":         "2025-04/2025-06",
		"FY2025/26":            "2025/26",
		"FY 2025/26":           "2025/26",
		"winter 2025/26":       "2025-12/2026-02",
		"March 31, 2026":       "2026-03-31",
		"2025-03-31T00:00:00Z": "2025-03-31",
		"Sep-25":               "2025-09",
		"29 February 2025":     "",
		"fyfe 2025":            "",
		"FY2025":               "", // 2024/25 or 2025/26: not 2025
		"FY 2026":              "",
		"2025-03":              "",
	} {
		if got := Meant(in); got != want {
			t.Errorf("Meant(%q) = %q, want %q", in, got, want)
		}
	}
}
