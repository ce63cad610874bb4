package iostreams

import "testing"

// TestWidth checks where the width comes from: ENGAGE_FORCE_TTY's (as a
// measurement would), COLUMNS over it, --width over both; a number too
// small is ignored or refused.
func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		force, columns string
		flag           int
		want           int
		wantErr        bool
	}{
		{"100", "", 0, 100, false},
		{"1", "", 0, DefaultWidth, false},
		{"100", "60", 0, 60, false},
		{"100", "12", 0, 100, false},
		{"100", "wide", 0, 100, false},
		{"100", "60", 120, 120, false},
		{"100", "60", 19, 60, true},
	} {
		t.Setenv("ENGAGE_FORCE_TTY", tc.force)
		t.Setenv("COLUMNS", tc.columns)
		s := System()
		if !s.IsStdoutTTY() {
			t.Errorf("ENGAGE_FORCE_TTY=%s: not a terminal", tc.force)
		}
		if tc.flag != 0 {
			if err := s.SetWidth(tc.flag); (err != nil) != tc.wantErr {
				t.Errorf("SetWidth(%d) = %v, want error %v", tc.flag, err, tc.wantErr)
			}
		}
		if got := s.TerminalWidth(); got != tc.want {
			t.Errorf("ENGAGE_FORCE_TTY=%s COLUMNS=%s --width %d: width %d, want %d", tc.force, tc.columns, tc.flag, got, tc.want)
		}
	}
}

// TestBackground reads COLORFGBG's background; without it, a terminal
// that is not really one (forced) is taken as dark, never asked.
func TestBackground(t *testing.T) {
	for _, tc := range []struct {
		colorFGBG string
		want      bool
	}{
		{"", true},
		{"15;0", true},
		{"0;15", false},
		{"0;default;15", false},
		{"15;8", true},
		{"0;7", false},
		{"nonsense", true},
	} {
		t.Setenv("ENGAGE_FORCE_TTY", "80")
		t.Setenv("NO_COLOR", "")
		t.Setenv("COLORFGBG", tc.colorFGBG)
		if got := System().HasDarkBackground(); got != tc.want {
			t.Errorf("COLORFGBG=%q: dark %v, want %v", tc.colorFGBG, got, tc.want)
		}
	}
}

// TestColorProfile: none without colour; otherwise what TERM says, and at
// least the 16 ANSI colours.
func TestColorProfile(t *testing.T) {
	for _, tc := range []struct {
		term, noColor string
		want          string
	}{
		{"xterm-256color", "", "ANSI256"},
		{"", "", "ANSI"},
		{"xterm-256color", "1", "Ascii"},
	} {
		t.Setenv("ENGAGE_FORCE_TTY", "80")
		t.Setenv("TERM", tc.term)
		t.Setenv("COLORTERM", "")
		t.Setenv("NO_COLOR", tc.noColor)
		if got := System().ColorProfile().Name(); got != tc.want {
			t.Errorf("TERM=%q NO_COLOR=%q: profile %s, want %s", tc.term, tc.noColor, got, tc.want)
		}
	}
}
