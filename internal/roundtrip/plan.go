package roundtrip

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/engage-icb/engage/internal/closest"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Plan is what importing a workbook into a strategy records.
type Plan struct {
	// Same says the strategy is byte for byte the file the workbook was
	// made from.
	Same bool
	// Unknown says whether the file is the one the workbook was made from
	// cannot be told: the workbook has lost its properties (PropsLost).
	Unknown bool
	// Changes are the updates to record, in the workbook's order.
	Changes []Change
	// Conflicts are items changed both in the strategy (since the workbook
	// was made) and in the workbook: they are not recorded.
	Conflicts []Conflict
	// Already are rows whose update the strategy already has (the workbook
	// was imported before).
	Already []Row
	// Out is the strategy with the changes recorded.
	Out []byte
}

// Change is one update to record.
type Change struct {
	Row     Row
	Summary string // as status set and metric record say it
}

// Conflict is an item changed on both sides.
type Conflict struct {
	Row    Row
	AsMade string // the item when the workbook was made
	Now    string // the item in the strategy now
	Asked  string // what the workbook asks to record
}

// SHA256 is the hex SHA-256 of a file's bytes, as PropSHA256 holds it.
func SHA256(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:])
}

// Build plans the import of ret into the strategy file src (at path),
// with today for rows whose date is blank. Problems (an unknown ID, a
// status engage does not know, a workbook made from another ICB's
// strategy, an update status set would refuse) stop the whole import:
// Build then returns them and no plan.
func Build(path string, src []byte, ret *Returned, today string) (*Plan, []Problem, error) {
	doc := strategy.Parse(path, src)
	s := doc.Strategy
	if s == nil || len(doc.Problems) > 0 {
		return nil, nil, fmt.Errorf("%s cannot be read as a strategy: run engage validate %s", path, path)
	}
	if ret.ICB != s.ICB.Code {
		return nil, []Problem{{
			Message: fmt.Sprintf("the workbook was made from the strategy of ICB %s, and %s is ICB %s's (%s)", ret.ICB, path, s.ICB.Code, s.ICB.Name),
			Hint:    "import it into the strategy it was made from" + madeFrom(ret)}}, nil
	}
	p := &Plan{Same: !ret.PropsLost && SHA256(src) == ret.SHA256, Unknown: ret.PropsLost, Out: src}
	items := map[string]map[string]any{"objective": {}, "milestone": {}, "metric": {}}
	index := map[string]map[string]int{"objective": {}, "milestone": {}, "metric": {}}
	ids := map[string][]string{}
	for i := range s.Objectives {
		index["objective"][s.Objectives[i].ID] = i
		items["objective"][s.Objectives[i].ID] = &s.Objectives[i]
		ids["objective"] = append(ids["objective"], s.Objectives[i].ID)
	}
	for i := range s.Roadmap {
		index["milestone"][s.Roadmap[i].ID] = i
		items["milestone"][s.Roadmap[i].ID] = &s.Roadmap[i]
		ids["milestone"] = append(ids["milestone"], s.Roadmap[i].ID)
	}
	for i := range s.Metrics {
		index["metric"][s.Metrics[i].ID] = i
		items["metric"][s.Metrics[i].ID] = &s.Metrics[i]
		ids["metric"] = append(ids["metric"], s.Metrics[i].ID)
	}
	var problems []Problem
	var rows []Row
	var edits []itemEdit
	for _, r := range ret.Rows {
		item, ok := items[r.Kind][r.ID]
		if !ok {
			pr := Problem{Where: r.Cell(HeadID), Message: fmt.Sprintf("%s has no %s with ID %q", path, r.Kind, r.ID),
				Hint: "the IDs must stay as engage wrote them"}
			if m, ok := closest.Match(r.ID, ids[r.Kind]); ok {
				pr.Hint = fmt.Sprintf("did you mean %q? ", m) + pr.Hint
			}
			problems = append(problems, pr)
			continue
		}
		date := r.Date
		if !r.DateGiven {
			date = today
		}
		if when, err := calendar.ParseWhen(date); err == nil && status.AfterToday(when, today) {
			problems = append(problems, Problem{Where: r.Cell(HeadDate), Message: fmt.Sprintf("%s is after today (%s)", date, today),
				Hint: "check the year: record what has happened, on the day it did"})
			continue
		}
		u := status.Update{ID: r.ID, Date: date, Note: r.Update, Evidence: r.Evidence, Force: true}
		var now, asked string
		var already bool
		switch it := item.(type) {
		case *strategy.Objective, *strategy.Milestone:
			cur, log := statusOf(it)
			if r.Status == "" && r.Update == "" && r.Evidence == "" {
				problems = append(problems, Problem{Where: r.Cell(HeadDate), Message: fmt.Sprintf("has a date, but the row has nothing to record for %s %s", r.Kind, r.ID),
					Hint: "choose a new status or type what happened, or clear the date"})
				continue
			}
			st, pr := statusWord(r, cur)
			if pr != nil {
				problems = append(problems, *pr)
				continue
			}
			u.Status = st
			now, asked = StateOf(item), describe(st, date, r.Update, r.Evidence)
			already = hasUpdate(log, u, r.DateGiven)
		case *strategy.Metric:
			if r.Value == "" {
				problems = append(problems, Problem{Where: r.Cell(HeadNewValue), Message: "is empty, and the row has an update or a date for metric " + r.ID,
					Hint: "type the value measured, such as 4200 or 12.5"})
				continue
			}
			u.Value = r.Value
			now, asked = StateOf(item), describe(r.Value, date, r.Update, "")
			already = hasMeasurement(it.Actuals, u, r.DateGiven)
		}
		if already {
			p.Already = append(p.Already, r)
			continue
		}
		if p.Same && r.AsMade != "" && r.AsMade != now {
			// The file is the one the workbook was made from, so every row
			// should be as made: this one's ID was changed.
			problems = append(problems, Problem{Where: r.Cell(HeadID),
				Message: fmt.Sprintf("%s %s is not the item this row was made for (it was: %s; %s %s is: %s)", r.Kind, r.ID, r.AsMade, r.Kind, r.ID, now),
				Hint:    "put the ID back as engage wrote it, and type the update in the row of the item it is for"})
			continue
		}
		if !p.Same && r.AsMade != now {
			asMade := r.AsMade
			if asMade == "" {
				asMade = "(not known: the workbook's " + HeadAsMade + " column is empty or gone)"
			}
			p.Conflicts = append(p.Conflicts, Conflict{Row: r, AsMade: asMade, Now: now, Asked: asked})
			continue
		}
		rows = append(rows, r)
		edits = append(edits, itemEdit{list: listOf[r.Kind], index: index[r.Kind][r.ID], u: u, kind: r.Kind})
	}
	// Each item alone (linear in the file), else one after another on
	// the whole file.
	out, summaries, refusals, ok := applyEach(src, doc.Root, edits)
	if !ok {
		out, summaries, refusals = src, nil, nil
		for _, e := range edits {
			next, summary, err := e.change()(out, e.u)
			if err == nil {
				out = next
			}
			summaries, refusals = append(summaries, summary), append(refusals, err)
		}
	}
	for i, r := range rows {
		err := refusals[i]
		var refusal *status.Refusal
		if errors.As(err, &refusal) {
			where := r.Place()
			if h := fieldHeads[refusal.Field]; h != "" && r.cols[h] != "" {
				where = r.Cell(h)
			}
			problems = append(problems, Problem{Where: where, Message: refusal.Message, Hint: refusal.Hint})
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s %s: %w", r.Kind, r.ID, err)
		}
		summary := summaries[i]
		if r.Update != "" {
			summary += fmt.Sprintf(": %q", r.Update)
		}
		if r.Evidence != "" {
			summary += " (evidence " + r.Evidence + ")"
		}
		p.Changes = append(p.Changes, Change{Row: r, Summary: summary})
	}
	p.Out = out
	if len(problems) > 0 {
		return nil, problems, nil
	}
	return p, nil, nil
}

// fieldHeads are the columns that hold each field of a status.Update.
var fieldHeads = map[string]string{"Status": HeadNewStatus, "Value": HeadNewValue, "Date": HeadDate, "Note": HeadUpdate, "Evidence": HeadEvidence}

// listOf is the list that holds each kind of item.
var listOf = map[string]string{"objective": "objectives", "milestone": "roadmap", "metric": "metrics"}

func madeFrom(ret *Returned) string {
	if ret.Strategy == "" {
		return ""
	}
	return " (" + ret.Strategy + ")"
}

func statusOf(item any) (string, []strategy.Update) {
	switch it := item.(type) {
	case *strategy.Objective:
		return it.Status, it.Updates
	case *strategy.Milestone:
		return it.Status, it.Updates
	}
	return "", nil
}

// statusWord reads the New status cell: a status in any case, with
// spaces for hyphens ("In progress"); blank keeps the item's status (an
// update with no change of status).
func statusWord(r Row, current string) (string, *Problem) {
	if r.Status == "" {
		if current == "" {
			return "", &Problem{Where: r.Cell(HeadNewStatus), Message: fmt.Sprintf("is empty, and %s %s has no status yet", r.Kind, r.ID),
				Hint: "choose a status from the list: " + strings.Join(strategy.Statuses, ", ")}
		}
		return current, nil
	}
	w := strings.ToLower(strings.Join(strings.Fields(r.Status), "-"))
	if strategy.ValidStatus(w) {
		return w, nil
	}
	pr := &Problem{Where: r.Cell(HeadNewStatus), Message: fmt.Sprintf("%q is not a status", r.Status),
		Hint: "choose one from the list: " + strings.Join(strategy.Statuses, ", ")}
	if m, ok := strategy.StatusMeant(w); ok {
		pr.Hint = fmt.Sprintf("did you mean %q? %s", m, pr.Hint)
	}
	return "", pr
}

func describe(what, date, note, evidence string) string {
	s := what + " on " + date
	if note != "" {
		s += fmt.Sprintf(" %q", shorten(note, 60))
	}
	if evidence != "" {
		s += " (evidence " + evidence + ")"
	}
	return s
}

// hasUpdate reports whether the log already has the update (a workbook
// imported twice); a blank date matches any.
func hasUpdate(log []strategy.Update, u status.Update, dated bool) bool {
	for _, e := range log {
		if e.Status == u.Status && e.Note == u.Note && e.Evidence == u.Evidence && (!dated || e.Date == u.Date) {
			return true
		}
	}
	return false
}

func hasMeasurement(actuals []strategy.Measurement, u status.Update, dated bool) bool {
	q, text := strategy.SplitQualifier(u.Value)
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil {
		return false
	}
	for _, a := range actuals {
		if a.Value == v && a.Qualifier == q && a.Note == u.Note && (!dated || a.Date == u.Date) {
			return true
		}
	}
	return false
}
