package iostreams

import "testing"

func TestBackgroundAnswer(t *testing.T) {
	for _, tc := range []struct {
		answer   string
		dark, ok bool
	}{
		{"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c", true, true},
		{"\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?1;2c", false, true},
		{"\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\", true, true},
		{"\x1b]11;rgb:fd/f6/e3\x1b\\", false, true},
		{"\x1b[?1;2c", false, false},
		{"\x1b]11;rgb:zz/00/00\x1b\\", false, false},
		{"", false, false},
	} {
		dark, ok := background(tc.answer)
		if dark != tc.dark || ok != tc.ok {
			t.Errorf("background(%q) = %v, %v; want %v, %v", tc.answer, dark, ok, tc.dark, tc.ok)
		}
	}
}
