package style

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/engage-icb/engage/pkg/coverage"
)

// TestPalette checks that no two meanings shown on the same screen look
// the same, in every colour profile and on both backgrounds: the
// severities, the grades (and a warning beside each grade, as validate and
// coverage show them), the statuses, and a diff's parts.
func TestPalette(t *testing.T) {
	for _, profile := range []termenv.Profile{termenv.ANSI, termenv.ANSI256, termenv.TrueColor} {
		for _, dark := range []bool{true, false} {
			th := New(io.Discard, profile, dark)
			screens := map[string]map[string]string{
				"severities": {"error": th.Error("x"), "warning": th.Warning("x"), "success": th.Success("x"), "muted": th.Muted("x")},
				"diff":       {"added": th.Added("x"), "removed": th.Removed("x"), "changed": th.Changed("x"), "old": th.Old("x")},
				"statuses":   {},
				"grades":     {"warning": th.Warning("x")},
			}
			for _, g := range coverage.Grades {
				screens["grades"][g.String()] = th.Grade(g, "x")
			}
			for _, s := range []string{"done", "in-progress", "at-risk", "off-track", "planned", "not-reported", "dropped"} {
				screens["statuses"][s] = th.Status(s, "x")
			}
			for screen, looks := range screens {
				seen := map[string]string{}
				for meaning, look := range looks {
					if other, ok := seen[look]; ok {
						t.Errorf("profile %d, dark %v: on the %s screen %s and %s look the same (%q)", profile, dark, screen, meaning, other, look)
					}
					seen[look] = meaning
				}
			}
		}
	}
}

// TestContrast checks every colour's shade against the backgrounds it is
// for (WCAG's 4.5:1 for text), and that each 256-colour index is the true
// colour it stands for.
func TestContrast(t *testing.T) {
	colors := map[string]lipgloss.CompleteAdaptiveColor{
		"bad": colorBad, "attention": colorAttention, "good": colorGood, "done": colorDone, "muted": colorMuted,
		"stated": colorStated, "planned": colorPlanned, "delivering": colorDelivering, "evidenced": colorEvidenced, "measured": colorMeasured,
	}
	for name, c := range colors {
		for _, side := range []struct {
			shade lipgloss.CompleteColor
			bgs   []string
		}{{c.Dark, []string{"#000000", "#1e1e1e"}}, {c.Light, []string{"#ffffff", "#fdf6e3"}}} {
			n, err := strconv.Atoi(side.shade.ANSI256)
			if err != nil || xterm256(n) != side.shade.TrueColor {
				t.Errorf("%s: 256-colour %s is %s, not %s", name, side.shade.ANSI256, xterm256(n), side.shade.TrueColor)
			}
			for _, bg := range side.bgs {
				if r := contrast(side.shade.TrueColor, bg); r < 4.5 {
					t.Errorf("%s: %s on %s has contrast %.2f, want at least 4.5", name, side.shade.TrueColor, bg, r)
				}
			}
		}
	}
}

// xterm256 is the colour of an index of the xterm 256-colour cube or grey
// ramp.
func xterm256(n int) string {
	switch {
	case n >= 232:
		v := 8 + 10*(n-232)
		return fmt.Sprintf("#%02x%02x%02x", v, v, v)
	case n >= 16:
		steps := []int{0, 95, 135, 175, 215, 255}
		n -= 16
		return fmt.Sprintf("#%02x%02x%02x", steps[n/36], steps[n/6%6], steps[n%6])
	}
	return ""
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	hex = strings.TrimPrefix(hex, "#")
	var ch [3]float64
	for i := range ch {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			ch[i] = c / 12.92
		} else {
			ch[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
}
