package coverage

// meanings say what each grade means, for readers of a report or the
// site (the same as the Grade constants' comments).
var meanings = map[Grade]string{
	Missing:    "Nothing in the strategy maps to the principle.",
	Stated:     "A local principle maps to it, but nothing delivers it.",
	Planned:    "An objective, milestone or metric (not dropped) delivers it.",
	Delivering: "One of those is in progress, at risk, off track or done, or an engagement activity answers it.",
	Evidenced:  "One is done, with an update linking to evidence, or an activity records what changed as a result.",
	Measured:   "A metric for it has a measured value (a baseline or an actual).",
}

// Meaning says in a sentence what a grade means.
func (g Grade) Meaning() string { return meanings[g] }
