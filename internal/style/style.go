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

// The palette, in the 16 ANSI colours so the reader's terminal theme
// chooses the exact shades.
var (
	colorError   = lipgloss.Color("1") // red
	colorWarning = lipgloss.Color("3") // yellow
	colorSuccess = lipgloss.Color("2") // green
	colorInfo    = lipgloss.Color("6") // cyan
	colorBlue    = lipgloss.Color("4") // blue
	colorMuted   = lipgloss.Color("8") // grey
)

// Theme styles text by meaning. It implements render.Theme.
type Theme struct {
	err, warn, ok, muted, bold lipgloss.Style
	grades                     map[coverage.Grade]lipgloss.Style
	statuses                   map[string]lipgloss.Style
}

// For returns the theme for a command's output: coloured when the streams
// say colour is on, plain otherwise.
func For(io *iostreams.IOStreams) *Theme {
	return New(io.Out, io.ColorEnabled())
}

// New returns a theme writing to w, with or without colour.
func New(w io.Writer, color bool) *Theme {
	r := lipgloss.NewRenderer(w)
	if color {
		r.SetColorProfile(termenv.ANSI)
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	r.SetHasDarkBackground(true) // never query the terminal
	s := r.NewStyle
	return &Theme{
		err:   s().Foreground(colorError).Bold(true),
		warn:  s().Foreground(colorWarning).Bold(true),
		ok:    s().Foreground(colorSuccess).Bold(true),
		muted: s().Foreground(colorMuted),
		bold:  s().Bold(true),
		grades: map[coverage.Grade]lipgloss.Style{
			coverage.Missing:    s().Foreground(colorError).Bold(true),
			coverage.Stated:     s().Foreground(colorWarning),
			coverage.Planned:    s().Foreground(colorInfo),
			coverage.Delivering: s().Foreground(colorBlue),
			coverage.Evidenced:  s().Foreground(colorSuccess),
			coverage.Measured:   s().Foreground(colorSuccess).Bold(true),
		},
		statuses: map[string]lipgloss.Style{
			"done":         s().Foreground(colorBlue).Bold(true),
			"in-progress":  s().Foreground(colorSuccess),
			"at-risk":      s().Foreground(colorWarning).Bold(true),
			"off-track":    s().Foreground(colorError).Bold(true),
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
