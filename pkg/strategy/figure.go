package strategy

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/engage-icb/engage/pkg/calendar"
)

// Qualifiers are the words a source puts before a figure, as a file may
// record them: the file format's $defs/qualifier (a test holds them to
// the schema).
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
	"stakeholders": true, "leaders": true, "community leaders": true, "digital community leaders": true,
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

// History writes when the strategy was published and refreshed, newest
// first: "refreshed 2025-03; first published 2022-07". The first
// publication is published:, else the first of versions:; every later
// version is a refresh (its title and note are for the report's list).
func (m Meta) History() string {
	first := m.Published
	if first == "" && len(m.Versions) > 0 {
		first = m.Versions[0].Date
	}
	var refreshes []string
	for i := len(m.Versions) - 1; i >= 0; i-- {
		if d := m.Versions[i].Date; d != first {
			refreshes = append(refreshes, calendar.Display(d))
		}
	}
	var parts []string
	if len(refreshes) > 0 {
		parts = append(parts, "refreshed "+strings.Join(refreshes, ", "))
	}
	if first != "" {
		parts = append(parts, "first published "+calendar.Display(first))
	}
	return strings.Join(parts, "; ")
}

// ParseFigure reads a figure as a person writes it: "over 200 people",
// "at least 400 responses", "1,340", "around 50%". The qualifier, when
// there is one, must be one of Qualifiers.
func ParseFigure(s string) (Figure, error) {
	var f Figure
	q, rest := SplitQualifier(s)
	f.Qualifier, rest = q, strings.TrimSpace(rest)
	num, unit, _ := strings.Cut(rest, " ")
	if p, ok := strings.CutSuffix(num, "%"); ok {
		num, unit = p, "%"
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil || v < 0 || v != v {
		return Figure{}, fmt.Errorf("%q is not a figure: write a number, with a qualifier (%s) and a unit if the source gives them, such as \"over 200 people\"", s, strings.Join(Qualifiers, ", "))
	}
	f.Value, f.Unit = v, strings.TrimSpace(unit)
	if CountUnit(f.Unit) && v != math.Trunc(v) {
		return Figure{}, fmt.Errorf("%q: a count of %s must be a whole number", s, f.Unit)
	}
	return f, nil
}

// SplitQualifier reads a figure as a source may state it, "over 350" or
// "About  1,200": its qualifier as the file format writes it (the
// longest that fits: "more than" before "more") and the text after it;
// "" and the text as given when it has none.
func SplitQualifier(s string) (qualifier, value string) {
	t := strings.Join(strings.Fields(s), " ")
	for _, q := range qualifiersLongestFirst() {
		if len(t) > len(q) && strings.EqualFold(t[:len(q)], q) && t[len(q)] == ' ' {
			return q, t[len(q)+1:]
		}
	}
	return "", s
}

func qualifiersLongestFirst() []string {
	qs := append([]string(nil), Qualifiers...)
	sort.SliceStable(qs, func(i, j int) bool { return len(qs[i]) > len(qs[j]) })
	return qs
}
