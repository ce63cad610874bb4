package status

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/internal/closest"
	"github.com/engage-icb/engage/internal/edit"
	"github.com/engage-icb/engage/internal/schema"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Refusal is a change engage will not make, and why; the file is untouched.
type Refusal struct {
	Message string
	Hint    string
	// Field is the part of the Update refused, when it is one: Status,
	// Value, Date, Note or Evidence.
	Field string
	// Line and Column are where in the file the refusal is, when it is
	// at a place (from 1; 0 when not).
	Line, Column int
}

func (r *Refusal) Error() string {
	msg := r.Message
	if r.Line > 0 {
		msg = fmt.Sprintf("line %d, column %d: %s", r.Line, r.Column, msg)
	}
	if r.Hint == "" {
		return msg
	}
	return msg + " (" + r.Hint + ")"
}

func refuse(hint, format string, args ...any) error {
	return &Refusal{Message: fmt.Sprintf(format, args...), Hint: hint}
}

// refuseField is refuse for one field of an Update.
func refuseField(field, hint, format string, args ...any) error {
	return &Refusal{Message: fmt.Sprintf(format, args...), Hint: hint, Field: field}
}

// Invalid is a change after which the file would not validate.
type Invalid struct {
	Findings []finding.Finding
}

func (e *Invalid) Error() string {
	return fmt.Sprintf("the change would leave the file with %d new errors", len(e.Findings))
}

// Update is a delivery update to record.
type Update struct {
	ID       string
	Status   string // for SetStatus
	Value    string // for RecordMetric
	Date     string // at any precision calendar.ParseWhen reads
	Note     string
	Evidence string
	// Today is the day it is (YYYY-MM-DD): a date that begins after it
	// is refused, unless Force ("" checks nothing).
	Today string
	// Force allows a date before the item's last update, or after today.
	Force bool
}

// SetStatus records a status change of an objective or milestone: it
// appends an update to the item's log and sets its status.
func SetStatus(src []byte, u Update) ([]byte, string, error) {
	if !strategy.ValidStatus(u.Status) {
		hint := "statuses: " + strings.Join(strategy.Statuses, ", ")
		if m, ok := strategy.StatusMeant(u.Status); ok {
			hint = fmt.Sprintf("did you mean %q? %s", m, hint)
		}
		return nil, "", refuseField("Status", hint, "%q is not a status", u.Status)
	}
	day, err := checkWhen(u)
	if err != nil {
		return nil, "", err
	}
	if err := checkText(u); err != nil {
		return nil, "", err
	}
	if u.Evidence != "" && !schema.WebAddress(u.Evidence) {
		return nil, "", refuseField("Evidence", "evidence must be a public web address", "%q is not a web address (one starting https:// or http://, without spaces)", u.Evidence)
	}
	d, err := edit.Open(src)
	if err != nil {
		return nil, "", err
	}
	kind, item, err := find(d, u.ID, "objectives", "roadmap")
	if err != nil {
		return nil, "", err
	}
	old, _ := edit.Child(item, "status")
	from := "(none)"
	if old != nil {
		from = old.Value
	}
	before, err := checkAfter(item, "updates", day, u.Date, u.Force)
	if err != nil {
		return nil, "", err
	}
	entry := []edit.KV{{Key: "date", Value: u.Date}, {Key: "status", Value: u.Status}}
	if was := wasFor(item, before, old, from); was != "" {
		// The log's first status: the one it replaces is kept, so that a
		// review as of an earlier day knows it (AsOn).
		entry = append(entry, edit.KV{Key: "was", Value: was})
	}
	if u.Note != "" {
		entry = append(entry, edit.KV{Key: "note", Value: edit.Quote(u.Note)})
	}
	if u.Evidence != "" {
		entry = append(entry, edit.KV{Key: "evidence", Value: edit.Quote(u.Evidence)})
	}
	list := listOf[kind]
	index := d.Index(list, item)
	if before >= 0 {
		// Back-dated (--force): into the log in date order. The item's
		// status is its latest update's, so it stays.
		if err := d.InsertBefore(item, "updates", before, entry); err != nil {
			return nil, "", fmt.Errorf("%s %s: %w", kind, u.ID, err)
		}
		if err := checkEdit(src, d.Bytes(), list, index, func(it map[string]any) { insertEntry(it, "updates", before, entry) }); err != nil {
			return nil, "", fmt.Errorf("%s %s: %w", kind, u.ID, err)
		}
		return d.Bytes(), fmt.Sprintf("%s %s: back-dated update %s on %s recorded in date order; status stays %s", kind, u.ID, u.Status, u.Date, from), nil
	}
	if err := d.Append(item, "updates", entry); err != nil {
		return nil, "", fmt.Errorf("%s %s: %w", kind, u.ID, err)
	}
	if _, item, err = find(d, u.ID, "objectives", "roadmap"); err != nil {
		return nil, "", err
	}
	if err := d.SetString(item, "status", u.Status); err != nil {
		return nil, "", fmt.Errorf("%s %s: %w", kind, u.ID, err)
	}
	if err := checkEdit(src, d.Bytes(), list, index, func(it map[string]any) {
		insertEntry(it, "updates", -1, entry)
		it["status"] = u.Status
	}); err != nil {
		return nil, "", fmt.Errorf("%s %s: %w", kind, u.ID, err)
	}
	if from == u.Status {
		// An update of progress: the status stays.
		return d.Bytes(), fmt.Sprintf("%s %s: update on %s, still %s", kind, u.ID, u.Date, u.Status), nil
	}
	return d.Bytes(), fmt.Sprintf("%s %s: %s → %s on %s", kind, u.ID, from, u.Status, u.Date), nil
}

// wasFor is the status a new update at index before (-1: the end) of an
// item's log replaces, when it is the log's first to record one: the
// item's status (from) when appended to a log with none; when
// back-dated ahead of every status the log records, the was of the
// first of them (the status before the log began), if it has one; ""
// otherwise, and for not-reported, which is what no was means.
func wasFor(item *yaml.Node, before int, old *yaml.Node, from string) string {
	log, _ := edit.Child(item, "updates")
	var entries []*yaml.Node
	if log != nil && log.Kind == yaml.SequenceNode {
		entries = log.Content
	}
	status := func(u *yaml.Node, key string) string {
		if v, _ := edit.Child(u, key); v != nil {
			return v.Value
		}
		return ""
	}
	was := ""
	switch {
	case before < 0:
		if old != nil && !slices.ContainsFunc(entries, func(u *yaml.Node) bool { return status(u, "status") != "" }) {
			was = from
		}
	case before <= len(entries) && !slices.ContainsFunc(entries[:before], func(u *yaml.Node) bool { return status(u, "status") != "" }):
		if i := slices.IndexFunc(entries[before:], func(u *yaml.Node) bool { return status(u, "status") != "" }); i >= 0 {
			was = status(entries[before+i], "was")
		}
	}
	if !strategy.ValidStatus(was) || was == strategy.NotReported {
		return ""
	}
	return was
}

// checkEdit refuses an edit that changed anything but what change makes
// to entry index of list (edit.Check).
func checkEdit(before, after []byte, list string, index int, change func(item map[string]any)) error {
	return edit.Check(before, after, func(doc map[string]any) bool {
		it := edit.Item(doc, list, index)
		if it == nil {
			return false
		}
		change(it)
		return true
	})
}

// insertEntry adds an entry to an item's log at index i (-1: the end), as
// YAML reads it.
func insertEntry(item map[string]any, log string, i int, entry []edit.KV) {
	l, _ := item[log].([]any)
	e := edit.Entry(entry)
	if i < 0 || i > len(l) {
		item[log] = append(l, e)
		return
	}
	item[log] = append(l[:i:i], append([]any{e}, l[i:]...)...)
}

// RecordMetric records a measured value of a metric: it appends it to the
// metric's actuals.
func RecordMetric(src []byte, u Update) ([]byte, string, error) {
	qualifier, text := strategy.SplitQualifier(u.Value)
	value, err := numberText(text, qualifier)
	if err != nil {
		return nil, "", err
	}
	day, err := checkWhen(u)
	if err != nil {
		return nil, "", err
	}
	if err := checkText(u); err != nil {
		return nil, "", err
	}
	d, err := edit.Open(src)
	if err != nil {
		return nil, "", err
	}
	_, item, err := find(d, u.ID, "metrics")
	if err != nil {
		return nil, "", err
	}
	index := d.Index("metrics", item)
	before, err := checkAfter(item, "actuals", day, u.Date, u.Force)
	if err != nil {
		return nil, "", err
	}
	entry := []edit.KV{{Key: "value", Value: value}}
	if qualifier != "" {
		entry = append(entry, edit.KV{Key: "qualifier", Value: qualifier})
	}
	entry = append(entry, edit.KV{Key: "date", Value: u.Date})
	if u.Note != "" {
		entry = append(entry, edit.KV{Key: "note", Value: edit.Quote(u.Note)})
	}
	if before >= 0 {
		err = d.InsertBefore(item, "actuals", before, entry)
	} else {
		err = d.Append(item, "actuals", entry)
	}
	if err == nil {
		err = checkEdit(src, d.Bytes(), "metrics", index, func(it map[string]any) { insertEntry(it, "actuals", before, entry) })
	}
	if err != nil {
		return nil, "", fmt.Errorf("metric %s: %w", u.ID, err)
	}
	recorded := strings.TrimSpace(qualifier + " " + value)
	if before >= 0 {
		// Back-dated (--force, or a workbook's row): said, as an
		// objective's back-dated update is.
		return d.Bytes(), fmt.Sprintf("metric %s: back-dated value %s on %s recorded in date order; the latest value stays", u.ID, recorded, u.Date), nil
	}
	return d.Bytes(), fmt.Sprintf("metric %s: %s on %s", u.ID, recorded, u.Date), nil
}

// number is a decimal number as YAML 1.2 writes one (yaml.v3 reads it as
// a number, never as text).
var number = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)
})

// thousands is a number written with commas between its thousands.
var thousands = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`) })

// numberText checks a measured value (after its qualifier, if any) and
// returns it as it will be written:
// the digits as given (a 20-digit count keeps every digit), without a
// leading + or leading zeros (yaml.v3 would read 010 as octal 8).
func numberText(s, qualifier string) (string, error) {
	t := strings.TrimSpace(s)
	if !number().MatchString(t) {
		hint := "write a plain number, such as 2100, -3 or 12.5 (no commas, units or words but a qualifier such as \"over 350\" or \"about 1200\")"
		if c := strings.ReplaceAll(t, ",", ""); thousands().MatchString(t) && number().MatchString(c) {
			hint = fmt.Sprintf("did you mean %q? %s", strings.TrimSpace(qualifier+" "+c), hint)
		}
		return "", refuseField("Value", hint, "%q is not a number", s)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) {
		return "", refuseField("Value", "write a number engage can store: up to about 1.8e308", "%q is too large a number", s)
	}
	if strings.ContainsAny(t, "eE") {
		// A spreadsheet's scientific notation: written out, as a report
		// reads it (1e3 was recorded as 1e3).
		return "", refuseField("Value", fmt.Sprintf("did you mean %q? Write the number in full", strings.TrimSpace(qualifier+" "+strconv.FormatFloat(v, 'f', -1, 64))), "%q is in scientific notation", s)
	}
	t = strings.TrimSuffix(t, ".") // 5. is 5
	sign := ""
	if t[0] == '-' || t[0] == '+' {
		sign, t = strings.TrimPrefix(t[:1], "+"), t[1:]
	}
	if i := strings.IndexAny(t, ".eE"); i != 0 {
		whole := t
		if i > 0 {
			whole = t[:i]
		}
		trimmed := strings.TrimLeft(whole, "0")
		if trimmed == "" {
			trimmed = "0"
		}
		t = trimmed + t[len(whole):]
	}
	return sign + t, nil
}

// checkDate reads --on: a date at the precision the person knows it (a
// day, a month, a year or a range), as a file may write it.
func checkDate(s string) (calendar.Range, error) {
	r, err := calendar.ParseWhen(s)
	if err != nil {
		hint := "write a day (2024-03-31), a month (2024-03), a year (2024), a financial year (2023/24) or a range (2023-09/2023-10)"
		if m := calendar.Meant(s); m != "" {
			hint = fmt.Sprintf("did you mean %q? %s", m, hint)
		}
		return calendar.Range{}, refuseField("Date", hint, "--on %q is not a real date", s)
	}
	if fy, ok := calendar.TwoYears(s); ok {
		// It would be recorded as two calendar years, and its update
		// counted in the later financial year's review.
		from, to, _ := strings.Cut(s, "/")
		return calendar.Range{}, refuseField("Date", fmt.Sprintf("did you mean the financial year %q? For the two calendar years write %s-01/%s-12", fy, from, to),
			"--on %q is two calendar years (January %s to December %s)", s, from, to)
	}
	return r, nil
}

// checkWhen reads an update's date, refusing one that begins after today
// unless forced.
func checkWhen(u Update) (calendar.Range, error) {
	day, err := checkDate(u.Date)
	if err == nil && AfterToday(day, u.Today) && !u.Force {
		return day, refuseField("Date", "check the year; add --force to record a date still to come", "%s is after today (%s)", u.Date, u.Today)
	}
	return day, err
}

// AfterToday reports whether a date begins after today (YYYY-MM-DD; ""
// is never): delivery is recorded when it has happened, and a year typed
// wrong (2052 for 2025) would hold back every real entry after it.
func AfterToday(r calendar.Range, today string) bool {
	t, err := calendar.ParseDate(today)
	return err == nil && t.Before(r.First)
}

// checkText refuses a note or evidence that is not UTF-8 text.
func checkText(u Update) error {
	for name, s := range map[string]string{"--note": u.Note, "--evidence": u.Evidence} {
		if !utf8.ValidString(s) {
			field := map[string]string{"--note": "Note", "--evidence": "Evidence"}[name]
			return refuseField(field, "type or paste it again as plain text", "%s is not valid UTF-8 text", name)
		}
	}
	return nil
}

var (
	kindOf = map[string]string{"objectives": "objective", "roadmap": "milestone", "metrics": "metric", "activities": "activity"}
	listOf = map[string]string{"objective": "objectives", "milestone": "roadmap", "metric": "metrics", "activity": "activities"}
)

// find returns the item with an ID in the named lists, refusing an ID
// more than one item has: which was meant is not for engage to guess.
func find(d *edit.Doc, id string, lists ...string) (string, *yaml.Node, error) {
	var ids, places []string
	var kind string
	var found *yaml.Node
	for _, list := range lists {
		seq, _ := edit.Child(d.Root, list)
		if seq == nil || seq.Kind != yaml.SequenceNode {
			continue
		}
		for _, item := range seq.Content {
			v, _ := edit.Child(item, "id")
			if v == nil {
				continue
			}
			if v.Value == id {
				kind, found = kindOf[list], item
				places = append(places, fmt.Sprintf("%s at line %d", kindOf[list], item.Line))
				continue
			}
			ids = append(ids, v.Value)
		}
	}
	switch {
	case len(places) > 1:
		return "", nil, refuse("give each item its own ID (engage validate reports the duplicate-id)",
			"%d items have the ID %q (%s), so which to record is not clear", len(places), id, strings.Join(places, ", "))
	case found != nil:
		return kind, found, nil
	}
	var kinds []string
	for _, l := range lists {
		kinds = append(kinds, kindOf[l])
	}
	what := strings.Join(kinds, " or ")
	hint := ""
	if m, ok := closest.Match(id, ids); ok {
		hint = fmt.Sprintf("did you mean %q?", m)
	} else if len(ids) > 0 {
		hint = "IDs here: " + strings.Join(firstN(ids, 12), ", ")
	}
	return "", nil, refuse(hint, "there is no %s with ID %q", what, id)
}

func firstN(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(s[:n:n], "…")
}

// checkAfter refuses a date certainly before the last entry of an item's
// log (as validate's update-order rule reads dates at any precision). With
// force it returns the index of the first entry dated after on, where the
// new entry goes to keep the log in date order; -1 means the end.
func checkAfter(item *yaml.Node, log string, on calendar.Range, text string, force bool) (int, error) {
	list, _ := edit.Child(item, log)
	if list == nil || list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
		return -1, nil
	}
	after := func(e *yaml.Node) bool {
		d, _ := edit.Child(e, "date")
		if d == nil {
			return false
		}
		r, err := calendar.ParseWhen(d.Value)
		return err == nil && on.Last.Before(r.First)
	}
	last := list.Content[len(list.Content)-1]
	if !after(last) {
		return -1, nil
	}
	if !force {
		d, _ := edit.Child(last, "date")
		return 0, refuseField("Date", "the log is in date order; add --force to record it in its place",
			"%s is before the last entry (%s)", text, d.Value)
	}
	for i, e := range list.Content {
		if after(e) {
			return i, nil
		}
	}
	return -1, nil
}

// Checker returns the error findings of a file's content.
type Checker func(path string, src []byte) []finding.Finding

// Added returns the errors check finds in after that before does not
// have (counted by rule: a second error of a rule is new).
func Added(check Checker, path string, before, after []byte) []finding.Finding {
	had := map[string]int{}
	for _, f := range check(path, before) {
		had[f.Rule]++
	}
	var added []finding.Finding
	for _, f := range check(path, after) {
		if had[f.Rule] > 0 {
			had[f.Rule]--
			continue
		}
		added = append(added, f)
	}
	return added
}

// UpdateOptions shape UpdateFile.
type UpdateOptions struct {
	// Load carries the file size limit.
	Load strategy.LoadOptions
	// Check finds the errors of a file's content: a change that adds one
	// is refused.
	Check Checker
	// Lock bounds the wait for another writer in the same folder, and
	// says what to do while waiting.
	Lock atomicfile.LockOptions
}

// UpdateFile applies change to the file at path (atomicfile.Edit): under
// a lock on its real folder, so concurrent updates all land, and
// replacing the real file (through any symbolic link) atomically, only if
// no other program saved it meanwhile, keeping its permissions, owner and
// group. It refuses, leaving the file untouched, a file over the size
// limit, read-only or with several names (hard links), a change that fails
// or would give the file an error it did not have before (o.Check), and a
// file that changed while it was being updated.
func UpdateFile(path string, o UpdateOptions, change func([]byte) ([]byte, string, error)) (string, error) {
	// Plain words for what is missing or is not a file (a pipe, a loop).
	if _, err := strategy.StatFile(path); err != nil {
		return "", err
	}
	var summary string
	err := atomicfile.Edit(path, atomicfile.EditOptions{Limit: o.Load.Limit(), Lock: o.Lock}, func(src []byte) ([]byte, error) {
		out, s, err := change(src)
		if err != nil {
			var r *Refusal
			if errors.As(err, &r) {
				return nil, err
			}
			// A file that is not YAML engage can read is described as
			// validate describes it, at its line and column.
			if d := strategy.Parse(path, src); d.Root == nil && len(d.Problems) > 0 {
				p := d.Problems[0]
				hint := "engage validate lists what to fix"
				if p.Hint != "" {
					hint = p.Hint + "; engage validate lists what to fix"
				}
				return nil, &Refusal{Message: p.Message, Hint: hint, Line: p.Line, Column: p.Column}
			}
			return nil, refuse("make this change by hand in an editor", "%v", err)
		}
		if added := Added(o.Check, path, src, out); len(added) > 0 {
			return nil, &Invalid{Findings: added}
		}
		summary = s
		return out, nil
	})
	var large *atomicfile.TooLargeError
	if errors.As(err, &large) {
		return "", refuse("raise the limit with --max-file-size, or max_file_size_mb in .engage.yaml", "the file is %s, over the %s limit", strategy.SizeText(large.Size), strategy.SizeText(o.Load.Limit()))
	}
	return summary, err
}
