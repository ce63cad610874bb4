// Package strategy is the strategy file format: the model of an ICB's
// strategy for working with people and communities, and a loader that reads
// YAML strictly while keeping the line and column of every value.
package strategy

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/pkg/calendar"
)

// FormatVersion is the version of the file format this package reads (the
// file's engage: key).
const FormatVersion = 1

// Kinds of document (strategy.kind).
const (
	KindStrategy       = "strategy"
	KindSelfAssessment = "self-assessment"
)

// Statuses of objectives and milestones, in the order reports list them.
const (
	NotReported = "not-reported"
	Planned     = "planned"
	InProgress  = "in-progress"
	AtRisk      = "at-risk"
	OffTrack    = "off-track"
	Done        = "done"
	Dropped     = "dropped"
)

// Statuses lists every status in report order.
var Statuses = []string{NotReported, Planned, InProgress, AtRisk, OffTrack, Done, Dropped}

// ValidStatus reports whether s is one of Statuses.
func ValidStatus(s string) bool {
	for _, v := range Statuses {
		if v == s {
			return true
		}
	}
	return false
}

// Strategy is one ICB's strategy file. Dates are kept as the text the file
// gives (2024-03-31, 2023-07, 2023/24); package calendar reads them.
type Strategy struct {
	Engage          int          `yaml:"engage"`
	ICB             ICB          `yaml:"icb"`
	Meta            Meta         `yaml:"strategy"`
	Framework       string       `yaml:"framework"`
	Vision          string       `yaml:"vision"`
	Mission         *Mission     `yaml:"mission"`
	Themes          []Theme      `yaml:"themes"`
	Principles      []Principle  `yaml:"principles"`
	Values          []Value      `yaml:"values"`
	Objectives      []Objective  `yaml:"objectives"`
	Roadmap         []Milestone  `yaml:"roadmap"`
	Metrics         []Metric     `yaml:"metrics"`
	Governance      []Body       `yaml:"governance"`
	Spectrum        []Level      `yaml:"involvement_spectrum"`
	Partners        []Partner    `yaml:"partners"`
	Activities      []Activity   `yaml:"activities"`
	SelfAssessments []Assessment `yaml:"self_assessments"`
}

// Kind is the document's kind, strategy when unnamed.
func (s *Strategy) Kind() string {
	if s.Meta.Kind == "" {
		return KindStrategy
	}
	return s.Meta.Kind
}

// Name is the ICB's short name when it has one, else its full name.
func (s *Strategy) Name() string {
	if s.ICB.Short != "" {
		return s.ICB.Short
	}
	return s.ICB.Name
}

// ICB identifies the Integrated Care Board.
type ICB struct {
	Code       string   `yaml:"code"`
	Name       string   `yaml:"name"`
	Short      string   `yaml:"short"`
	Population *Figure  `yaml:"population"`
	Places     []string `yaml:"places"`
}

// Meta describes the document itself.
type Meta struct {
	Title  string  `yaml:"title"`
	Kind   string  `yaml:"kind"`
	Period *Period `yaml:"period"`
	State  string  `yaml:"state"`
	// Published is when the strategy was first published; Versions record
	// its first publication and each refresh; Updated is when the source
	// document (a web page) says it was last changed.
	Published  string    `yaml:"published"`
	Updated    string    `yaml:"updated"`
	NextReview string    `yaml:"next_review"`
	Versions   []Version `yaml:"versions"`
	Sources    []Source  `yaml:"sources"`
}

// Version is one publication of the strategy: its first, or a refresh.
type Version struct {
	Date   string `yaml:"date"`
	Title  string `yaml:"title"`
	Note   string `yaml:"note"`
	Source string `yaml:"source"`
}

// Unknown is the value a file gives where its source does not say: a
// principle whose wording is not given, a period or an end of one that is
// not stated. engage reports it and never fills it in.
const Unknown = "unknown"

// IsUnknown reports whether a value is recorded as unknown.
func IsUnknown(s string) bool { return s == Unknown }

// Period is a span of financial years, written YYYY/YY; either end (or
// the whole period) may be Unknown.
type Period struct {
	From string `yaml:"from"`
	To   string `yaml:"to"`
}

// String writes the period as "2023/24 to 2025/26", or one year, saying
// which ends are not known.
func (p Period) String() string {
	switch {
	case IsUnknown(p.From) && IsUnknown(p.To):
		return "not stated"
	case IsUnknown(p.To):
		return "from " + p.From + ", end not stated"
	case IsUnknown(p.From):
		return "start not stated, to " + p.To
	case p.From == p.To:
		return p.From
	}
	return p.From + " to " + p.To
}

// Known reports whether both ends of the period are stated.
func (p Period) Known() bool { return !IsUnknown(p.From) && !IsUnknown(p.To) }

// Source is a public document the file's facts come from.
type Source struct {
	Title     string `yaml:"title"`
	Publisher string `yaml:"publisher"`
	URL       string `yaml:"url"`
	Note      string `yaml:"note"`
}

// Mission is the ICB's mission statement and its aims.
type Mission struct {
	Statement string   `yaml:"statement"`
	Aims      []string `yaml:"aims"`
}

// Theme is a grouping the ICB uses for its principles.
type Theme struct {
	ID          string `yaml:"id"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
}

// Principle is one of the ICB's own principles. Its Text is Unknown when
// the source names the principle but does not give its words.
type Principle struct {
	ID          string   `yaml:"id"`
	Text        string   `yaml:"text"`
	National    []int    `yaml:"national"`
	Theme       string   `yaml:"theme"` // a theme's ID
	Commitments []string `yaml:"commitments"`
}

// Wording is the principle's words for a reader, or, when the source
// does not give them, a sentence saying so.
func (p Principle) Wording() string {
	if IsUnknown(p.Text) {
		return "(the source does not give its words)"
	}
	return p.Text
}

// Value is a local guiding value.
type Value struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
}

// Objective is something the ICB will deliver in a financial year.
type Objective struct {
	ID         string   `yaml:"id"`
	Year       Period   `yaml:"year"`
	Title      string   `yaml:"title"`
	National   []int    `yaml:"national"`
	Principles []string `yaml:"principles"`
	Owner      string   `yaml:"owner"`
	Due        string   `yaml:"due"`
	Status     string   `yaml:"status"`
	Updates    []Update `yaml:"updates"`
}

// DueBy is when an objective is due: its due date at the precision it is
// written, else its (last) financial year; false when neither can be
// read (validate reports it).
func (o Objective) DueBy() (calendar.Range, bool) {
	if r, err := calendar.ParseWhen(o.Due); err == nil {
		return r, true
	}
	if y, err := calendar.ParseYear(o.Year.To); err == nil {
		return calendar.Range{First: y.First(), Last: y.Last(), Precision: calendar.FinancialYear}, true
	}
	return calendar.Range{}, false
}

// Update is one entry of an item's delivery log. Was is the status it
// replaced, recorded on the first update of a log to set one, so that
// the item's status before the log began is known.
type Update struct {
	Date     string `yaml:"date"`
	Status   string `yaml:"status"`
	Was      string `yaml:"was"`
	Note     string `yaml:"note"`
	Evidence string `yaml:"evidence"`
}

// HasEvidence reports whether any update links to evidence.
func HasEvidence(updates []Update) bool {
	for _, u := range updates {
		if u.Evidence != "" {
			return true
		}
	}
	return false
}

// Milestone is a dated step on the roadmap.
type Milestone struct {
	ID         string   `yaml:"id"`
	From       string   `yaml:"from"`
	To         string   `yaml:"to"`
	Title      string   `yaml:"title"`
	National   []int    `yaml:"national"`
	Principles []string `yaml:"principles"`
	Objectives []string `yaml:"objectives"`
	Status     string   `yaml:"status"`
	Updates    []Update `yaml:"updates"`
}

// Metric is a measure of progress.
type Metric struct {
	ID         string        `yaml:"id"`
	Title      string        `yaml:"title"`
	Unit       string        `yaml:"unit"`
	National   []int         `yaml:"national"`
	Principles []string      `yaml:"principles"`
	Objectives []string      `yaml:"objectives"`
	Baseline   *Measurement  `yaml:"baseline"`
	Target     *Measurement  `yaml:"target"`
	Actuals    []Measurement `yaml:"actuals"`
}

// Measured reports whether the metric has a measured value: a baseline or an
// actual. A target alone is not a measurement.
func (m Metric) Measured() bool {
	return m.Baseline != nil || len(m.Actuals) > 0
}

// Measurement is a value of a metric at a time, as exactly as its source
// states it ("around 4,000": Value 4000, Qualifier around).
type Measurement struct {
	Value     float64 `yaml:"value"`
	Qualifier string  `yaml:"qualifier"`
	Date      string  `yaml:"date"`
	Note      string  `yaml:"note"`
	Source    string  `yaml:"source"`
}

// Figure is a number as its source states it: the value, how exact it is
// (Qualifier: about, over...), and what it counts (Unit). A file may write
// a bare number for an exact figure.
type Figure struct {
	Value     float64 `yaml:"value"`
	Qualifier string  `yaml:"qualifier"`
	Unit      string  `yaml:"unit"`
	Note      string  `yaml:"note"`
	Source    string  `yaml:"source"`
}

// UnmarshalYAML reads a figure written as a number (1022000) or as a set
// of keys ({value: 1022000, qualifier: about}).
func (f *Figure) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&f.Value)
	}
	type plain Figure
	return n.Decode((*plain)(f))
}

// Activity is a piece of engagement the ICB did: who took part, what they
// said, and what changed as a result ("you said, we did").
type Activity struct {
	ID          string    `yaml:"id"`
	Title       string    `yaml:"title"`
	Dates       string    `yaml:"dates"`
	Methods     []string  `yaml:"methods"`
	Reach       *Figure   `yaml:"reach"`
	Communities []string  `yaml:"communities"`
	Partners    []string  `yaml:"partners"`
	Heard       string    `yaml:"heard"`
	Changed     []Outcome `yaml:"changed"`
	National    []int     `yaml:"national"`
	Principles  []string  `yaml:"principles"`
	Objectives  []string  `yaml:"objectives"`
	Evidence    []string  `yaml:"evidence"`
	Note        string    `yaml:"note"`
}

// Outcome is what changed as a result of an activity, and when.
type Outcome struct {
	Date     string `yaml:"date"`
	Kind     string `yaml:"kind"`
	Note     string `yaml:"note"`
	Evidence string `yaml:"evidence"`
}

// KindText is the outcome's kind as a reader reads it: "service change".
func (o Outcome) KindText() string { return Words(o.Kind) }

// Words writes one of the file format's words as prose: "public-involvement"
// is "public involvement".
func Words(value string) string { return strings.ReplaceAll(value, "-", " ") }

// Kinds of outcome (what changed).
var OutcomeKinds = []string{"decision", "service-change", "plan", "information", "no-change", "other"}

// Body is a governance board, committee or group.
type Body struct {
	Name        string `yaml:"name"`
	Role        string `yaml:"role"`
	Level       string `yaml:"level"`
	ReportsTo   string `yaml:"reports_to"`
	Since       string `yaml:"since"`
	Meets       string `yaml:"meets"`
	Description string `yaml:"description"`
}

// Level is one level of the involvement spectrum.
type Level struct {
	Level       string   `yaml:"level"`
	Commitments []string `yaml:"commitments"`
}

// Partner is an organisation the ICB works with.
type Partner struct {
	Name string `yaml:"name"`
	Type string `yaml:"type"`
	Role string `yaml:"role"`
}

// Assessment is one round of self-assessment against a framework.
type Assessment struct {
	ID                string    `yaml:"id"`
	Date              string    `yaml:"date"`
	Framework         string    `yaml:"framework"`
	Method            string    `yaml:"method"`
	Participants      int       `yaml:"participants"`
	ParticipantGroups string    `yaml:"participant_groups"`
	AnalysedBy        string    `yaml:"analysed_by"`
	Report            string    `yaml:"report"`
	UsedFor           []string  `yaml:"used_for"`
	Findings          []Finding `yaml:"findings"`
}

// Rating is the latest rating the strategy's self-assessments record for
// a principle of their framework (the last in the file that gives one),
// or "" when none does.
func (s *Strategy) Rating(principle int) string {
	rating := ""
	for _, a := range s.SelfAssessments {
		for _, f := range a.Findings {
			if f.Principle == principle && f.Rating != "" {
				rating = f.Rating
			}
		}
	}
	return rating
}

// Finding is what a self-assessment round found for one principle.
type Finding struct {
	Principle    int      `yaml:"principle"`
	Rating       string   `yaml:"rating"`
	Summary      string   `yaml:"summary"`
	Strengths    []string `yaml:"strengths"`
	Improvements []string `yaml:"improvements"`
}

// UnmarshalYAML reads an objective's year: one financial year (2023/24) or a
// span {from: 2023/24, to: 2024/25}.
func (p *Period) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		p.From, p.To = n.Value, n.Value
		return nil
	}
	type plain Period
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a year must be YYYY/YY or {from, to}", n.Line)
	}
	return n.Decode((*plain)(p))
}
