package roundtrip

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/engage-icb/engage/internal/xlsx"
	"github.com/engage-icb/engage/pkg/strategy"
)

const plan = `engage: 1
icb:
  code: QSL
  name: NHS Somerset ICB
strategy:
  title: Working with people and communities (test)
  period: {from: 2025/26, to: 2027/28}
  state: draft
principles:
  - id: P1
    text: We work in partnership with people and communities
    national: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
objectives:
  - id: O1
    year: 2025/26
    title: Agree the people's panel plan
    principles: [P1]
    status: planned
  - {id: O2, year: 2025/26, title: Publish the board's papers, principles: [P1], status: in-progress}
metrics:
  - id: panel-members
    title: People on the panel
    unit: people
    baseline: {value: 100, date: 2025-04}
`

// workbook is a report workbook as engage writes its columns to fill
// in, made from src, with rows of cells to type (by heading).
func workbook(t *testing.T, src string, objectives, metrics []map[string]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	doc := strategy.Parse("plan.yaml", []byte(src))
	for _, p := range []excelize.CustomProperty{{Name: PropStrategy, Value: "plan.yaml"}, {Name: PropICB, Value: doc.Strategy.ICB.Code}, {Name: PropSHA256, Value: SHA256([]byte(src))}} {
		if err := f.SetCustomProps(p); err != nil {
			t.Fatal(err)
		}
	}
	sheet := func(name string, heads []string, state func(id string) string, rows []map[string]any, ids []string) {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		_ = f.SetSheetRow(name, "A1", &[]any{"A title row above the table"})
		row := make([]any, len(heads))
		for i, h := range heads {
			row[i] = h
		}
		_ = f.SetSheetRow(name, "A2", &row)
		for i, id := range ids {
			vals := []any{id}
			for _, h := range heads[1:] {
				switch {
				case h == HeadAsMade:
					vals = append(vals, state(id))
				case i < len(rows) && rows[i][h] != nil:
					vals = append(vals, rows[i][h])
				default:
					vals = append(vals, nil)
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+3)
			if err := f.SetSheetRow(name, cell, &vals); err != nil {
				t.Fatal(err)
			}
		}
	}
	s := doc.Strategy
	sheet("Objectives", []string{HeadID, "Objective", HeadNewStatus, HeadUpdate, HeadEvidence, HeadDate, HeadAsMade}, func(id string) string {
		for i := range s.Objectives {
			if s.Objectives[i].ID == id {
				return StateOf(&s.Objectives[i])
			}
		}
		return ""
	}, objectives, []string{"O1", "O2"})
	sheet("Metrics", []string{HeadID, "Metric", HeadNewValue, HeadUpdate, HeadDate, HeadAsMade}, func(string) string {
		return StateOf(&s.Metrics[0])
	}, metrics, []string{"panel-members"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(t *testing.T, data []byte) *Returned {
	t.Helper()
	ret, problems, err := Read(data, xlsx.DefaultLimits)
	if err != nil || len(problems) > 0 {
		t.Fatalf("Read: %v %v", err, problems)
	}
	return ret
}

func TestImport(t *testing.T) {
	data := workbook(t, plan, []map[string]any{
		{HeadNewStatus: "Done", HeadUpdate: "Agreed by the board", HeadEvidence: "https://example.org/panel", HeadDate: "28/11/2026"},
		{HeadUpdate: "Papers for October published"},
	}, []map[string]any{{HeadNewValue: 240, HeadDate: 46000}})
	ret := read(t, data)
	if ret.ICB != "QSL" || ret.Strategy != "plan.yaml" || len(ret.Rows) != 3 {
		t.Fatalf("returned %+v", ret)
	}
	p, problems, err := Build("plan.yaml", []byte(plan), ret, "2026-12-01")
	if err != nil || problems != nil {
		t.Fatal(err, problems)
	}
	if !p.Same || len(p.Changes) != 3 || len(p.Conflicts) != 0 {
		t.Fatalf("plan: %+v", p)
	}
	want := []string{
		`objective O1: planned → done on 2026-11-28: "Agreed by the board" (evidence https://example.org/panel)`,
		`objective O2: update on 2026-12-01, still in-progress: "Papers for October published"`,
		`metric panel-members: 240 on 2025-12-09`,
	}
	for i, c := range p.Changes {
		if c.Summary != want[i] {
			t.Errorf("change %d: %s\nwant      %s", i, c.Summary, want[i])
		}
	}
	out := string(p.Out)
	for _, s := range []string{
		"    status: done\n    updates:\n      - date: 2026-11-28\n        status: done\n        was: planned\n        note: \"Agreed by the board\"\n        evidence: \"https://example.org/panel\"\n",
		`status: in-progress, updates: [{date: 2026-12-01, status: in-progress, was: in-progress, note: "Papers for October published"}]}`,
		"actuals:\n      - value: 240\n        date: 2025-12-09\n",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("the strategy lacks %q:\n%s", s, out)
		}
	}
	// The same workbook again: everything is already recorded, nothing
	// conflicts, though the file is not the one it was made from.
	again, problems, err := Build("plan.yaml", p.Out, ret, "2026-12-01")
	if err != nil || problems != nil {
		t.Fatal(err, problems)
	}
	if again.Same || len(again.Changes) != 0 || len(again.Conflicts) != 0 || len(again.Already) != 3 {
		t.Errorf("imported twice: %+v", again)
	}
}

func TestConflict(t *testing.T) {
	data := workbook(t, plan, []map[string]any{{HeadNewStatus: "done"}, {HeadNewStatus: "at-risk"}}, nil)
	ret := read(t, data)
	// Since the workbook was made, O1 was updated in the strategy.
	changed := strings.Replace(plan, "    status: planned\n", "    status: in-progress\n    updates:\n      - {date: 2026-11-20, status: in-progress, note: Started}\n", 1)
	p, problems, err := Build("plan.yaml", []byte(changed), ret, "2026-12-01")
	if err != nil || problems != nil {
		t.Fatal(err, problems)
	}
	if p.Same || len(p.Conflicts) != 1 || len(p.Changes) != 1 {
		t.Fatalf("plan: %+v", p)
	}
	c := p.Conflicts[0]
	if c.Row.ID != "O1" || c.AsMade != "status planned; 0 updates" || c.Now != "status in-progress; 1 update; last 2026-11-20" || c.Asked != "done on 2026-12-01" {
		t.Errorf("conflict: %+v", c)
	}
	if p.Changes[0].Row.ID != "O2" || !strings.Contains(string(p.Out), "status: at-risk, updates:") || strings.Contains(string(p.Out), "status: done") {
		t.Errorf("O2 should be recorded and O1 not:\n%s", p.Out)
	}
}

func TestRefusals(t *testing.T) {
	type rows = []map[string]any
	for name, c := range map[string]struct {
		objectives, metrics rows
		edit                func(f *excelize.File)
		want                string
	}{
		"status":  {objectives: rows{{HeadNewStatus: "complete"}}, want: `Objectives!C3: "complete" is not a status`},
		"similar": {objectives: rows{{HeadNewStatus: "dnoe"}}, want: `did you mean "done"?`},
		"date":    {objectives: rows{{HeadNewStatus: "done", HeadDate: "next Tuesday"}}, want: `Objectives!F3: "next Tuesday" is not a date engage can read`},
		"formula": {objectives: rows{{HeadNewStatus: "done"}}, edit: func(f *excelize.File) { _ = f.SetCellFormula("Objectives", "D3", `"Agr"&"eed"`) }, want: `Objectives!D3: holds a formula (="Agr"&"eed")`},
		"unknown": {edit: func(f *excelize.File) {
			_ = f.SetCellValue("Objectives", "A3", "O9")
			_ = f.SetCellValue("Objectives", "C3", "done")
		}, want: `Objectives!A3: plan.yaml has no objective with ID "O9"`},
		"duplicate": {objectives: rows{{HeadNewStatus: "done"}, {HeadNewStatus: "done"}}, edit: func(f *excelize.File) { _ = f.SetCellValue("Objectives", "A4", "O1") }, want: "Objectives, row 4: objective O1 has a second row of updates (the first is row 3)"},
		// The walk-through's finds: "on track" is one letter from
		// "off-track", the opposite; a heading changed by hand; an ID
		// changed to another item's.
		"on track": {objectives: rows{{HeadNewStatus: "on track"}}, want: `"on track" is not a status (did you mean "in-progress"?`},
		"on trak":  {objectives: rows{{HeadNewStatus: "on trak"}}, want: `"on trak" is not a status (choose one from the list`},
		"complete": {objectives: rows{{HeadNewStatus: "Complete"}}, want: `(did you mean "done"?`},
		"heading":  {objectives: rows{{HeadNewStatus: "done"}}, edit: func(f *excelize.File) { _ = f.SetCellValue("Objectives", "C2", "new status ") }, want: `Objectives, row 2: has no column headed "New status"`},
		"other ID": {objectives: rows{{}, {HeadNewStatus: "done"}}, edit: func(f *excelize.File) {
			_ = f.SetCellValue("Objectives", "A4", "O9")
			_ = f.SetCellValue("Objectives", "A3", "O2")
			_ = f.SetCellValue("Objectives", "A4", "O1")
		}, want: "Objectives!A4: objective O1 is not the item this row was made for"},
		"value":    {metrics: rows{{HeadUpdate: "counted"}}, want: "Metrics!C3: is empty, and the row has an update or a date for metric panel-members"},
		"number":   {metrics: rows{{HeadNewValue: "1,000"}}, want: `"1,000" is not a number`},
		"evidence": {objectives: rows{{HeadNewStatus: "done", HeadEvidence: "file://server/share/minutes.docx"}}, want: "is not a web address"},
		"icb": {objectives: rows{{HeadNewStatus: "done"}}, edit: func(f *excelize.File) {
			_ = f.SetCustomProps(excelize.CustomProperty{Name: PropICB, Value: "QE1"})
		}, want: "the workbook was made from the strategy of ICB QE1, and plan.yaml is ICB QSL's (NHS Somerset ICB)"},
	} {
		t.Run(name, func(t *testing.T) {
			data := workbook(t, plan, c.objectives, c.metrics)
			if c.edit != nil {
				f, err := excelize.OpenReader(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				c.edit(f)
				var buf bytes.Buffer
				_ = f.Write(&buf)
				data = buf.Bytes()
			}
			ret, problems, err := Read(data, xlsx.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if len(problems) == 0 {
				var p *Plan
				p, problems, err = Build("plan.yaml", []byte(plan), ret, "2026-12-01")
				if err != nil {
					t.Fatal(err)
				}
				if p != nil {
					t.Fatalf("planned %+v, want a refusal", p)
				}
			}
			var all []string
			for _, p := range problems {
				all = append(all, p.Where+": "+p.Message+" ("+p.Hint+")")
			}
			if got := strings.Join(all, "\n"); !strings.Contains(got, c.want) {
				t.Errorf("problems:\n%s\nwant %q", got, c.want)
			}
		})
	}
}

func TestUnreadable(t *testing.T) {
	plain := excelize.NewFile()
	var buf bytes.Buffer
	_ = plain.Write(&buf)
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"not a zip":     {[]byte("ID,New status\nO1,done\n"), "it is not an Excel workbook (it is not a zip file)"},
		"not engage's":  {buf.Bytes(), "it is not a workbook made by engage report"},
		"too many":      {buf.Bytes(), "the workbook holds"},
		"no input cols": {nil, "it has no columns to fill in"},
	} {
		t.Run(name, func(t *testing.T) {
			l := xlsx.DefaultLimits
			data := c.data
			switch name {
			case "too many":
				l.Entries = 2
			case "no input cols":
				f := excelize.NewFile()
				_ = f.SetCustomProps(excelize.CustomProperty{Name: PropICB, Value: "QSL"})
				_ = f.SetCustomProps(excelize.CustomProperty{Name: PropSHA256, Value: "00"})
				_, _ = f.NewSheet("Objectives")
				_ = f.SetSheetRow("Objectives", "A1", &[]any{"ID", "Status"})
				var b bytes.Buffer
				_ = f.Write(&b)
				data = b.Bytes()
			}
			_, _, err := Read(data, l)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Read: %v, want %q", err, c.want)
			}
		})
	}
}
