package strategy

import (
	"strconv"
	"strings"

	"github.com/engage-icb/engage/pkg/calendar"
)

// Qualifiers are the words a source puts before a figure, as a file may
// record them.
var Qualifiers = []string{"about", "around", "approximately", "nearly", "almost", "at least", "more than", "over", "up to", "fewer than", "less than", "under"}

// countUnits name things counted one by one: their figures are whole.
var countUnits = map[string]bool{
	"people": true, "persons": true, "person": true, "residents": true, "patients": true, "members": true,
	"participants": true, "respondents": true, "responses": true, "groups": true, "organisations": true,
	"organizations": true, "partners": true, "events": true, "sessions": true, "stories": true, "volunteers": true,
	"visits": true, "attendees": true, "carers": true, "young people": true, "children": true, "adults": true,
	"practices": true, "ambassadors": true, "workshops": true, "surveys": true, "meetings": true, "contacts": true,
	"conversations": true, "households": true, "staff": true, "communities": true, "schools": true, "grants": true,
	"projects": true, "places": true, "comments": true, "submissions": true, "interviews": true,
}

// CountUnit reports whether a unit names things counted one by one
// (people, responses, groups...), whose figures must be whole.
func CountUnit(unit string) bool { return countUnits[strings.ToLower(strings.TrimSpace(unit))] }

// Number writes a value as a reader reads it, with thousands separators:
// 1340 is 1,340, 1.5 stays 1.5.
func Number(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// Amount writes a figure as its source states it: "over 200 people",
// "around 50%", "1,340 people", "about 1,800,000".
func Amount(v float64, qualifier, unit string) string {
	s := Number(v)
	switch unit {
	case "":
	case "%":
		s += "%"
	default:
		s += " " + unit
	}
	if qualifier != "" {
		s = qualifier + " " + s
	}
	return s
}

// String writes the figure as its source states it (see Amount).
func (f Figure) String() string { return Amount(f.Value, f.Qualifier, f.Unit) }

// History writes the strategy's publication history for a reader, newest
// first: "Refreshed after the review (2025); first published (2022-07)".
// With no versions recorded it is the first publication date, if known.
func (m Meta) History() string {
	if len(m.Versions) == 0 {
		if m.Published != "" {
			return "first published " + calendar.Display(m.Published)
		}
		return ""
	}
	var parts []string
	for i := len(m.Versions) - 1; i >= 0; i-- {
		v := m.Versions[i]
		title := v.Title
		if len(parts) > 0 && title != "" {
			title = strings.ToLower(title[:1]) + title[1:]
		}
		parts = append(parts, title+" ("+calendar.Display(v.Date)+")")
	}
	return strings.Join(parts, "; ")
}
