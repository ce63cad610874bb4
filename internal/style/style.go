// Package style holds every lipgloss style engage uses, in one palette named
// by meaning. Colour only ever adds to words and symbols; it never carries
// meaning alone.
package style

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/pkg/coverage"
)

// The palette, named by meaning. Each colour has a shade for dark
// backgrounds and one for light (at least 4.5:1 contrast against black and
// #1e1e1e, or white and #fdf6e3, in 256 colours and true colour), and
// falls back to one of the 16 ANSI colours, which the reader's terminal
// theme draws. Meanings that go together share a colour (an error, what a
// diff removes, an off-track objective and a missing principle are all
// "bad"); no two different meanings on one screen do: a warning is amber,
// the stated grade magenta. TestPalette checks it.
var (
	colorBad       = adaptive("#ff5f5f", "203", "9", "#d70000", "160", "1")
	colorAttention = adaptive("#ffaf00", "214", "11", "#875f00", "94", "3")
	colorGood      = adaptive("#5fd787", "78", "10", "#005f00", "22", "2")
	colorDone      = adaptive("#5fafff", "75", "12", "#005faf", "25", "4")
	colorMuted     = adaptive("#8a8a8a", "245", "8", "#6c6c6c", "242", "8")
	// The grades, weakest first after missing (which is bad): a scale of
	// their own.
	colorStated     = adaptive("#ff87ff", "213", "13", "#af00af", "127", "5")
	colorPlanned    = adaptive("#5fd7d7", "80", "14", "#005f5f", "23", "6")
	colorDelivering = adaptive("#af87ff", "141", "12", "#5f5faf", "61", "4")
	colorEvidenced  = adaptive("#afd75f", "149", "10", "#5f5f00", "58", "2")
	colorMeasured   = adaptive("#00d787", "42", "10", "#005f00", "22", "2")
)

// adaptive is a colour for dark and light backgrounds, each in true
// colour, 256 colours and 16.
func adaptive(darkTrue, dark256, dark16, lightTrue, light256, light16 string) lipgloss.CompleteAdaptiveColor {
	return lipgloss.CompleteAdaptiveColor{
		Dark:  lipgloss.CompleteColor{TrueColor: darkTrue, ANSI256: dark256, ANSI: dark16},
		Light: lipgloss.CompleteColor{TrueColor: lightTrue, ANSI256: light256, ANSI: light16},
	}
}

// Theme styles text by meaning. It implements render.Theme.
type Theme struct {
	err, warn, ok, muted, bold lipgloss.Style
	grades                     map[coverage.Grade]lipgloss.Style
	statuses                   map[string]lipgloss.Style
}

// For returns the theme for a command's output: coloured when the streams
// say colour is on, in as many colours as the terminal shows, in the
// shades for its background.
func For(io *iostreams.IOStreams) *Theme {
	if !io.ColorEnabled() {
		return New(io.Out, termenv.Ascii, true)
	}
	return New(io.Out, io.ColorProfile(), io.HasDarkBackground())
}

// New returns a theme writing to w in a colour profile (termenv.Ascii for
// none), for a dark background or a light one.
func New(w io.Writer, profile termenv.Profile, dark bool) *Theme {
	r := lipgloss.NewRenderer(w)
	r.SetColorProfile(profile)
	r.SetHasDarkBackground(dark) // never query the terminal here: iostreams did
	s := r.NewStyle
	return &Theme{
		err:   s().Foreground(colorBad).Bold(true),
		warn:  s().Foreground(colorAttention).Bold(true),
		ok:    s().Foreground(colorGood).Bold(true),
		muted: s().Foreground(colorMuted),
		bold:  s().Bold(true),
		grades: map[coverage.Grade]lipgloss.Style{
			coverage.Missing:    s().Foreground(colorBad).Bold(true),
			coverage.Stated:     s().Foreground(colorStated),
			coverage.Planned:    s().Foreground(colorPlanned),
			coverage.Delivering: s().Foreground(colorDelivering),
			coverage.Evidenced:  s().Foreground(colorEvidenced),
			coverage.Measured:   s().Foreground(colorMeasured).Bold(true),
		},
		statuses: map[string]lipgloss.Style{
			"done":         s().Foreground(colorDone).Bold(true),
			"in-progress":  s().Foreground(colorGood),
			"at-risk":      s().Foreground(colorAttention).Bold(true),
			"off-track":    s().Foreground(colorBad).Bold(true),
			"planned":      s(),
			"not-reported": s().Foreground(colorMuted),
			"dropped":      s().Foreground(colorMuted).Strikethrough(true),
		},
	}
}

// Error styles something that is wrong.
func (t *Theme) Error(s string) string { return t.err.Render(s) }

// Warning styles something that needs attention.
func (t *Theme) Warning(s string) string { return t.warn.Render(s) }

// Success styles something that is fine.
func (t *Theme) Success(s string) string { return t.ok.Render(s) }

// Muted styles secondary detail.
func (t *Theme) Muted(s string) string { return t.muted.Render(s) }

// Bold styles the main point of a line.
func (t *Theme) Bold(s string) string { return t.bold.Render(s) }

// Added styles what a difference adds.
func (t *Theme) Added(s string) string { return t.ok.Render(s) }

// Removed styles what a difference removes.
func (t *Theme) Removed(s string) string { return t.err.Render(s) }

// Changed styles what a difference changes.
func (t *Theme) Changed(s string) string { return t.warn.Render(s) }

// Old styles the value a difference replaces: dimmed, so the new value
// stands out.
func (t *Theme) Old(s string) string { return t.muted.Render(s) }

// Status styles text in a delivery status's NHS BRAG colour: blue done,
// green in progress, amber at risk, red off track; the rest muted.
func (t *Theme) Status(status, s string) string {
	if st, ok := t.statuses[status]; ok {
		return st.Render(s)
	}
	return s
}

// Grade styles a coverage grade's word and symbol.
func (t *Theme) Grade(g coverage.Grade, s string) string {
	if st, ok := t.grades[g]; ok {
		return st.Render(s)
	}
	return s
}
