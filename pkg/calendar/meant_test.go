package calendar

import "testing"

func TestMeant(t *testing.T) {
	for text, want := range map[string]string{
		"31/03/2025": "2025-03-31", "1.4.2024": "2024-04-01", "03/2025": "2025-03", "2025-3-31": "2025-03-31", "2025-3": "2025-03",
		"March 2025": "2025-03", "by end of March 2025": "2025-03", "Sept. 2024": "2024-09", "dec 2024": "2024-12",
		"spring 2025": "2025-03/2025-05", "31 March 2025": "2025-03-31", "1st Sept 2024": "2024-09-01", "by 2025/26": "2025/26", "end of 2025": "2025",
		"31 Smarch 2025": "", "30 February 2025": "", "Winter 2025": "2025-12/2026-02",
		"Q1 2025/26": "2025-04/2025-06", "Q3 2025/26": "2025-10/2025-12", "q4 of 2025/26": "2026-01/2026-03",
		// No one reading, or already a date: nothing offered.
		"31/02/2025": "", "Q3 2025/27": "", "Smarch 2025": "", "soon": "", "2025-03": "", "2025/26": "", "Q3": "",
	} {
		if got := Meant(text); got != want {
			t.Errorf("Meant(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestTwoYears(t *testing.T) {
	for in, want := range map[string]string{"2024/2025": "2024/25", "1999/2000": "1999/00", "2024/2026": "", "2024/25": "", "2024-01/2025-12": "", "2025/2024": ""} {
		got, ok := TwoYears(in)
		if got != want || ok != (want != "") {
			t.Errorf("TwoYears(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
