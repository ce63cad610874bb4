package framework

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestBuiltin(t *testing.T) {
	s, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.IDs(), ","); got != "nhse-2022,stg-2018" {
		t.Errorf("IDs() = %s, want nhse-2022,stg-2018", got)
	}
	nhse, _ := s.Get("nhse-2022")
	if len(nhse.Principles) != 10 || nhse.Declared != 10 {
		t.Errorf("nhse-2022 has %d principles (declared %d), want 10", len(nhse.Principles), nhse.Declared)
	}
	p6, _ := nhse.Principle(6)
	if want := "Provide clear and accessible public information about vision, plans and progress, to build understanding and trust."; p6.Text != want {
		t.Errorf("principle 6 = %q, want %q", p6.Text, want)
	}
	stg, _ := s.Get("stg-2018")
	if len(stg.Principles) != 9 || stg.Declared != 10 || len(stg.Missing) == 0 {
		t.Errorf("stg-2018: %d areas, declared %d, missing %v; want 9 named of 10 and the gap recorded", len(stg.Principles), stg.Declared, stg.Missing)
	}
	if _, ok := stg.Principle(10); ok {
		t.Error("stg-2018 area 10 exists, want it unnamed")
	}
}

func TestBuiltinMatchesPublicCopies(t *testing.T) {
	// The ten as the independent public copies give them (the Herts and
	// West Essex ICB constitution and report, Cheshire and Merseyside's
	// list), copied here independently of the data file.
	want := []string{
		"Put the voices of people and communities at the centre of decision-making and governance, at every level of the ICS.",
		"Start engagement early when developing plans and feed back to people and communities how their engagement has influenced activities and decisions.",
		"Understand your community’s needs, experience and aspirations for health and care, using engagement to find out if change is having the desired effect.",
		"Build relationships with excluded groups, especially those affected by inequalities.",
		"Work with Healthwatch and the voluntary, community and social enterprise (VCSE) sector as key partners.",
		"Provide clear and accessible public information about vision, plans and progress, to build understanding and trust.",
		"Use community development approaches that empower people and communities, making connections to social action.",
		"Use co-production, insight and engagement to achieve accountable health and care services.",
		"Co-produce and redesign services and tackle system priorities in partnership with people and communities.",
		"Learn from what works and build on the assets of all ICS partners – networks, relationships, activity in local places.",
	}
	// The L&SC strategy's own numbered list (seed 004), where it differs:
	// kept as a quotation, not as the national wording.
	lsc := map[int]string{
		1:  "Put the voices of people and communities at the centre of decision-making and governance, at every level of the integrated care system (ICS).",
		3:  "Seek to understand the community's needs, experience, insights and aspirations for health and care, using engagement to find out if change is having the desired effect.",
		4:  "Build relationships with excluded groups, especially those affected by inequalities and from those with protected characteristics.",
		5:  "Work with Healthwatch and the voluntary, community, faith and social enterprise (VCFSE) sector as key partners.",
		10: "Learn from what works and build on the assets of all ICS partners – networks, relationships, activity local places.",
	}
	s, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := s.Get("nhse-2022")
	for i, w := range want {
		if got := f.Principles[i].Text; got != w {
			t.Errorf("principle %d:\n got %q\nwant %q", i+1, got, w)
		}
	}
	for n, w := range lsc {
		found := false
		for _, q := range f.Principles[n-1].AlsoQuoted {
			found = found || q.Text == w
		}
		if !found {
			t.Errorf("principle %d: L&SC's wording %q is not kept under also_quoted", n, w)
		}
	}
	if len(f.Copies) < 2 || len(f.Disagreements) == 0 {
		t.Errorf("nhse-2022 names %d copies and %d disagreements; want at least two copies and the disagreements noted", len(f.Copies), len(f.Disagreements))
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, src, wantErr string
	}{
		{"unknown key", "id: x\ntitle: X\nterm: area\ndeclared: 1\nprinciples:\n  - {number: 1, label: a, text: a}\ncolour: red\n", "colour"},
		{"numbering", "id: x\ntitle: X\ndeclared: 2\nprinciples:\n  - {number: 1, label: a, text: a}\n  - {number: 3, label: b, text: b}\n", "numbered 3"},
		{"gap unexplained", "id: x\ntitle: X\ndeclared: 2\nprinciples:\n  - {number: 1, label: a, text: a}\n", "missing"},
		{"empty text", "id: x\ntitle: X\ndeclared: 1\nprinciples:\n  - {number: 1, label: a}\n", "text"},
		{"vocabulary twice", "id: x\ntitle: X\ndeclared: 1\nprinciples:\n  - {number: 1, label: a, text: a, vocabulary: [seldom heard, Seldom heard]}\n", `principle 1: vocabulary: "Seldom heard" is listed twice`},
		{"vocabulary empty", "id: x\ntitle: X\ndeclared: 1\nprinciples:\n  - {number: 1, label: a, text: a, vocabulary: [\" \"]}\n", "entry 1 is empty"},
		{"common empty", "id: x\ntitle: X\ndeclared: 1\ncommon: [people, \"\"]\nprinciples:\n  - {number: 1, label: a, text: a}\n", "common: entry 2 is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse() error = %v, want one mentioning %q", err, tt.wantErr)
			}
		})
	}
}

func TestLoadChecksFileName(t *testing.T) {
	fsys := fstest.MapFS{"other.yaml": {Data: []byte("id: x\ntitle: X\ndeclared: 1\nprinciples:\n  - {number: 1, label: a, text: a}\n")}}
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), "file name") {
		t.Errorf("Load() error = %v, want a file-name mismatch", err)
	}
}
