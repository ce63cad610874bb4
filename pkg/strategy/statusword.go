package strategy

import (
	"strings"
	"unicode"

	"github.com/engage-icb/engage/internal/closest"
)

// StatusMeant is the status someone most likely meant by a word that is
// not one, written in any case and with spaces or hyphens: a word
// progress reports use ("complete" is done, "unknown" not-reported), a
// BRAG colour as engage's reports show them ("amber" is at-risk), or the
// status a slip of the keyboard away, but never one that says the
// opposite ("on track" is one letter from off-track). It is offered as
// "did you mean", never taken without asking.
func StatusMeant(typed string) (string, bool) {
	w := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(camelWords(typed), "_", " ")), "-"))
	if ValidStatus(w) {
		return w, true
	}
	if m, ok := statusWords[w]; ok {
		return m, true
	}
	if m, ok := closest.Match(w, Statuses); ok && !negates(w, m) {
		return m, true
	}
	return "", false
}

// statusWords are what people write for a status in a progress report.
var statusWords = map[string]string{
	"complete": Done, "completed": Done, "finished": Done, "delivered": Done, "achieved": Done,
	"on-track": InProgress, "ongoing": InProgress, "started": InProgress, "underway": InProgress, "under-way": InProgress,
	"delayed": AtRisk, "not-started": Planned, "cancelled": Dropped, "canceled": Dropped, "stopped": Dropped,
	"unknown": NotReported, "not-known": NotReported,
	"blue": Done, "green": InProgress, "amber": AtRisk, "red": OffTrack,
}

// negates reports whether a suggestion says the opposite of the word
// typed: "on track" is one letter from "off-track".
func negates(typed, suggestion string) bool {
	on := func(w string) bool { return w == "on" || strings.HasPrefix(w, "on-") }
	off := func(w string) bool { return w == "off" || strings.HasPrefix(w, "off-") }
	not := func(w string) bool { return strings.HasPrefix(w, "not") }
	return on(typed) && off(suggestion) || off(typed) && on(suggestion) || not(typed) != not(suggestion)
}

// camelWords spaces the words of a camel-case word: "NotReported" is
// "Not Reported".
func camelWords(s string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
