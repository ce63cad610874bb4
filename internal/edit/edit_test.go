package edit

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func item(t *testing.T, d *Doc) *yaml.Node {
	t.Helper()
	list, _ := Child(d.Root, "objectives")
	if list == nil || len(list.Content) == 0 {
		t.Fatal("no objectives")
	}
	return list.Content[0]
}

var entry = []KV{{"date", "2024-03-31"}, {"status", "done"}, {"note", Quote(`a "b", c: d`)}}

func TestAppend(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"block entries",
			"objectives:\n  - id: O1 # first\n    updates:\n      - date: 2024-01-01\n        status: planned\n\n# next\nroadmap: []\n",
			"objectives:\n  - id: O1 # first\n    updates:\n      - date: 2024-01-01\n        status: planned\n      - date: 2024-03-31\n        status: done\n        note: \"a \\\"b\\\", c: d\"\n\n# next\nroadmap: []\n"},
		{"flow entries",
			"objectives:\n  - id: O1\n    updates:\n      - {date: 2024-01-01, status: planned}\n",
			"objectives:\n  - id: O1\n    updates:\n      - {date: 2024-01-01, status: planned}\n      - {date: 2024-03-31, status: done, note: \"a \\\"b\\\", c: d\"}\n"},
		{"flow list",
			"objectives:\n  - id: O1\n    updates: [{date: 2024-01-01}] # log\n",
			"objectives:\n  - id: O1\n    updates: [{date: 2024-01-01}, {date: 2024-03-31, status: done, note: \"a \\\"b\\\", c: d\"}] # log\n"},
		{"empty flow list",
			"objectives:\n  - id: O1\n    updates: []\n",
			"objectives:\n  - id: O1\n    updates: [{date: 2024-03-31, status: done, note: \"a \\\"b\\\", c: d\"}]\n"},
		{"no key, block item",
			"objectives:\n  - id: O1\n    title: >-\n      Long\n      title\n  - id: O2\n",
			"objectives:\n  - id: O1\n    title: >-\n      Long\n      title\n    updates:\n      - date: 2024-03-31\n        status: done\n        note: \"a \\\"b\\\", c: d\"\n  - id: O2\n"},
		{"no key, flow item",
			"objectives:\n  - {id: O1, status: planned}\n",
			"objectives:\n  - {id: O1, status: planned, updates: [{date: 2024-03-31, status: done, note: \"a \\\"b\\\", c: d\"}]}\n"},
		{"empty value",
			"objectives:\n  - id: O1\n    updates:\n  - id: O2\n",
			"objectives:\n  - id: O1\n    updates:\n      - date: 2024-03-31\n        status: done\n        note: \"a \\\"b\\\", c: d\"\n  - id: O2\n"},
		{"no final newline",
			"objectives:\n  - id: O1\n    status: planned",
			"objectives:\n  - id: O1\n    status: planned\n    updates:\n      - date: 2024-03-31\n        status: done\n        note: \"a \\\"b\\\", c: d\"\n"},
		{"CRLF",
			"objectives:\r\n  - id: O1\r\n    updates:\r\n      - date: 2024-01-01\r\n",
			"objectives:\r\n  - id: O1\r\n    updates:\r\n      - date: 2024-01-01\r\n      - date: 2024-03-31\r\n        status: done\r\n        note: \"a \\\"b\\\", c: d\"\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Open([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if err := d.Append(item(t, d), "updates", entry); err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestSetScalar(t *testing.T) {
	for src, want := range map[string]string{
		"objectives:\n  - id: O1\n    status: planned # was\n": "objectives:\n  - id: O1\n    status: done # was\n",
		"objectives:\n  - id: O1\n    status: \"planned\"\n":   "objectives:\n  - id: O1\n    status: done\n",
		"objectives:\n  - id: O1\n    status: 'plan''d'\n":     "objectives:\n  - id: O1\n    status: done\n",
		"objectives: [{id: O1, status: planned, x: 1}]\n":      "objectives: [{id: O1, status: done, x: 1}]\n",
		"objectives:\n  - id: Ö1\n    status: planned\n":       "objectives:\n  - id: Ö1\n    status: done\n",
	} {
		d, err := Open([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.SetScalar(item(t, d), "status", "done"); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if got := string(d.Bytes()); got != want {
			t.Errorf("SetScalar(%q) = %q, want %q", src, got, want)
		}
	}
	d, _ := Open([]byte("objectives:\n  - id: O1\n    status: |\n      planned\n"))
	if err := d.SetScalar(item(t, d), "status", "done"); err == nil || !strings.Contains(err.Error(), "by hand") {
		t.Errorf("SetScalar on a block scalar = %v, want a refusal", err)
	}
}

func TestInsertBefore(t *testing.T) {
	src := "objectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n      - date: 2024-06-01\n"
	d, _ := Open([]byte(src))
	if err := d.InsertBefore(item(t, d), "updates", 1, []KV{{"date", "2024-03-01"}}); err != nil {
		t.Fatal(err)
	}
	want := "objectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n      - date: 2024-03-01\n      - date: 2024-06-01\n"
	if got := string(d.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	d, _ = Open([]byte("objectives:\n  - id: O1\n    updates: [{date: 2024-01-01}]\n"))
	if err := d.InsertBefore(item(t, d), "updates", 0, []KV{{"date", "2023-01-01"}}); err != nil {
		t.Fatal(err)
	}
	if got := string(d.Bytes()); got != "objectives:\n  - id: O1\n    updates: [{date: 2023-01-01}, {date: 2024-01-01}]\n" {
		t.Errorf("flow insert = %q", got)
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{"plain": `"plain"`, "a\nb": `"a\nb"`, `x"y\z`: `"x\"y\\z"`, "é": `"é"`} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
		var back string
		if err := yaml.Unmarshal([]byte("v: "+Quote(in)), &struct{ V *string }{&back}); err != nil || back != in {
			t.Errorf("YAML reads Quote(%q) back as %q (%v)", in, back, err)
		}
	}
}

func TestSetKey(t *testing.T) {
	tests := []struct{ name, src, want, err string }{
		{"after a folded text",
			"objectives:\n  - id: O1\n    title: >-\n      Long\n      title\n    # owner next\n    owner: Team\n  - id: O2\n",
			"objectives:\n  - id: O1\n    title: >-\n      Long\n      title\n    national: [6]\n    # owner next\n    owner: Team\n  - id: O2\n", ""},
		{"after the first key",
			"objectives:\n  - title: T\n    status: planned\n",
			"objectives:\n  - title: T\n    national: [6]\n    status: planned\n", ""},
		{"no such key: at the end",
			"objectives:\n  - id: O1 # one\n    status: planned\n\nroadmap: []\n",
			"objectives:\n  - id: O1 # one\n    status: planned\n    national: [6]\n\nroadmap: []\n", ""},
		{"flow item",
			"objectives:\n  - {id: O1, title: T}\n",
			"objectives:\n  - {id: O1, title: T, national: [6]}\n", ""},
		{"empty list",
			"objectives:\n  - id: O1\n    national: [] # none yet\n",
			"objectives:\n  - id: O1\n    national: [6] # none yet\n", ""},
		{"CRLF",
			"objectives:\r\n  - id: O1\r\n    title: T\r\n    status: planned\r\n",
			"objectives:\r\n  - id: O1\r\n    title: T\r\n    national: [6]\r\n    status: planned\r\n", ""},
		{"already set",
			"objectives:\n  - id: O1\n    national: [2]\n", "", "national already has a value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Open([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			err = d.SetKey(item(t, d), "national", "[6]", "title")
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				if string(d.Bytes()) != tt.src {
					t.Error("the document changed on error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := string(d.Bytes()); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
