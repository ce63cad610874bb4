package status

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/engage-icb/engage/internal/edit"
	"github.com/engage-icb/engage/internal/schema"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/strategy"
)

// NewActivity is an engagement activity to record: what the ICB did, when,
// how, who took part and what they said.
type NewActivity struct {
	ID, Title, Dates string
	Methods          []string
	// Reach is who took part, as a person writes it ("over 200 people").
	Reach       string
	Communities []string
	Partners    []string
	Heard       string
	National    []int
	Principles  []string
	Objectives  []string
	Evidence    []string
	Note        string
}

// Outcome is what changed as a result of an activity, to record.
type Outcome struct {
	ID       string // the activity's
	Date     string
	Kind     string
	Note     string
	Evidence string
	Force    bool // allow a date before the activity's last outcome
}

// AddActivity appends an engagement activity to the file's activities
// (creating the list when there is none), touching no other line.
func AddActivity(src []byte, a NewActivity) ([]byte, string, error) {
	if a.ID == "" || a.Title == "" || a.Dates == "" {
		return nil, "", refuse("give --id, --title and --dates", "an activity needs an ID, a title and its dates")
	}
	if _, err := calendar.ParseWhen(a.Dates); err != nil && !strategy.IsUnknown(a.Dates) {
		return nil, "", refuse("write a day (2024-05-14), a month (2024-05), a year (2024), a range (2024-05/2024-06), or unknown when the source does not say", "--dates %q is not a real date", a.Dates)
	}
	texts := append([]string{a.ID, a.Title, a.Heard, a.Note, a.Reach}, a.Methods...)
	texts = append(append(append(texts, a.Communities...), a.Partners...), a.Evidence...)
	for _, t := range texts {
		if !utf8.ValidString(t) {
			return nil, "", refuse("type or paste it again as plain text", "%q is not valid UTF-8 text", t)
		}
	}
	for _, e := range a.Evidence {
		if !schema.WebAddress(e) {
			return nil, "", refuse("evidence must be a public web address", "%q is not a web address (one starting https:// or http://, without spaces)", e)
		}
	}
	d, err := edit.Open(src)
	if err != nil {
		return nil, "", err
	}
	if ids := itemIDs(d); slices.Contains(ids, a.ID) {
		return nil, "", refuse("choose an ID no theme, principle, objective, milestone, metric, activity or assessment has", "ID %q is already used in this file", a.ID)
	}
	entry := []edit.KV{{Key: "id", Value: edit.Text(a.ID)}, {Key: "title", Value: edit.Text(a.Title)}, {Key: "dates", Value: a.Dates}}
	add := func(key string, values []string) {
		if len(values) > 0 {
			entry = append(entry, edit.KV{Key: key, Value: flowList(values)})
		}
	}
	add("methods", a.Methods)
	if a.Reach != "" {
		f, err := strategy.ParseFigure(a.Reach)
		if err != nil {
			return nil, "", refuse("such as --reach \"over 200 people\"", "--reach: %v", err)
		}
		entry = append(entry, edit.KV{Key: "reach", Value: figure(f)})
	}
	add("communities", a.Communities)
	add("partners", a.Partners)
	if a.Heard != "" {
		entry = append(entry, edit.KV{Key: "heard", Value: edit.Text(a.Heard)})
	}
	if len(a.National) > 0 {
		nums := make([]string, len(a.National))
		for i, n := range a.National {
			nums[i] = strconv.Itoa(n)
		}
		entry = append(entry, edit.KV{Key: "national", Value: "[" + strings.Join(nums, ", ") + "]"})
	}
	add("principles", a.Principles)
	add("objectives", a.Objectives)
	add("evidence", a.Evidence)
	if a.Note != "" {
		entry = append(entry, edit.KV{Key: "note", Value: edit.Quote(a.Note)})
	}
	if err := d.Append(d.Root, "activities", entry); err != nil {
		return nil, "", fmt.Errorf("activities: %w", err)
	}
	// Whatever the file's layout, nothing but the new activity may change.
	if err := edit.Check(src, d.Bytes(), func(doc map[string]any) bool {
		list, _ := doc["activities"].([]any)
		doc["activities"] = append(list, edit.Entry(entry))
		return true
	}); err != nil {
		return nil, "", fmt.Errorf("activities: %w", err)
	}
	return d.Bytes(), fmt.Sprintf("activity %s added: %s (%s)", a.ID, a.Title, a.Dates), nil
}

// RecordOutcome records what changed as a result of an activity: it
// appends an outcome to the activity's changed list.
func RecordOutcome(src []byte, o Outcome) ([]byte, string, error) {
	if strings.TrimSpace(o.Note) == "" {
		return nil, "", refuse("say what changed, in plain English, with --note", "an outcome needs a note saying what changed")
	}
	on, err := checkDate(o.Date)
	if err != nil {
		return nil, "", err
	}
	if o.Kind != "" && !slices.Contains(strategy.OutcomeKinds, o.Kind) {
		return nil, "", refuse("kinds: "+strings.Join(strategy.OutcomeKinds, ", "), "%q is not a kind of outcome", o.Kind)
	}
	for _, t := range []string{o.Note, o.Evidence} {
		if !utf8.ValidString(t) {
			return nil, "", refuse("type or paste it again as plain text", "%q is not valid UTF-8 text", t)
		}
	}
	if o.Evidence != "" && !schema.WebAddress(o.Evidence) {
		return nil, "", refuse("evidence must be a public web address", "%q is not a web address (one starting https:// or http://, without spaces)", o.Evidence)
	}
	d, err := edit.Open(src)
	if err != nil {
		return nil, "", err
	}
	_, item, err := find(d, o.ID, "activities")
	if err != nil {
		return nil, "", err
	}
	index := d.Index("activities", item)
	if dates, _ := edit.Child(item, "dates"); dates != nil {
		if r, err := calendar.ParseWhen(dates.Value); err == nil && on.Last.Before(r.First) && !o.Force {
			return nil, "", refuse("an outcome comes after the engagement that led to it; add --force if the date is right",
				"%s is before the activity began (%s)", o.Date, dates.Value)
		}
	}
	before, err := checkAfter(item, "changed", on, o.Date, o.Force)
	if err != nil {
		return nil, "", err
	}
	entry := []edit.KV{{Key: "date", Value: o.Date}}
	if o.Kind != "" {
		entry = append(entry, edit.KV{Key: "kind", Value: o.Kind})
	}
	entry = append(entry, edit.KV{Key: "note", Value: edit.Text(o.Note)})
	if o.Evidence != "" {
		entry = append(entry, edit.KV{Key: "evidence", Value: edit.Quote(o.Evidence)})
	}
	if before >= 0 {
		err = d.InsertBefore(item, "changed", before, entry)
	} else {
		err = d.Append(item, "changed", entry)
	}
	if err == nil {
		err = checkEdit(src, d.Bytes(), "activities", index, func(it map[string]any) { insertEntry(it, "changed", before, entry) })
	}
	if err != nil {
		return nil, "", fmt.Errorf("activity %s: %w", o.ID, err)
	}
	return d.Bytes(), fmt.Sprintf("activity %s: what changed recorded on %s", o.ID, o.Date), nil
}

// itemIDs are every ID the file's lists use.
func itemIDs(d *edit.Doc) []string {
	var ids []string
	for _, list := range []string{"themes", "principles", "objectives", "roadmap", "metrics", "activities", "self_assessments"} {
		seq, _ := edit.Child(d.Root, list)
		if seq == nil {
			continue
		}
		for _, item := range seq.Content {
			if v, _ := edit.Child(item, "id"); v != nil {
				ids = append(ids, v.Value)
			}
		}
	}
	return ids
}

// flowList writes texts as a YAML flow list of quoted strings.
func flowList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = edit.Text(v)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// figure writes a figure as YAML: a plain number, or {value, qualifier,
// unit}.
func figure(f strategy.Figure) string {
	v := strconv.FormatFloat(f.Value, 'f', -1, 64)
	if f.Qualifier == "" && f.Unit == "" {
		return v
	}
	parts := []string{"value: " + v}
	if f.Qualifier != "" {
		parts = append(parts, "qualifier: "+f.Qualifier)
	}
	if f.Unit != "" {
		parts = append(parts, "unit: "+edit.Text(f.Unit))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
