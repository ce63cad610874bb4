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
		// One line pasted from Windows: what is added ends as most lines do.
		{"one stray CRLF",
			"# engage\r\nobjectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n",
			"# engage\r\nobjectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n      - date: 2024-03-31\n        status: done\n        note: \"a \\\"b\\\", c: d\"\n"},
		// Issue 16: a quote inside plain text is text, not the start of a
		// quoted value, so the entry lands in the item it is for.
		{"flow item with an apostrophe, then another",
			"objectives:\n  - {id: O1, title: the people's panel, status: planned}\n  - {id: O2, title: the board's papers}\n",
			"objectives:\n  - {id: O1, title: the people's panel, status: planned, updates: [{date: 2024-03-31, status: done, note: \"a \\\"b\\\", c: d\"}]}\n  - {id: O2, title: the board's papers}\n"},
		{"flow list with an apostrophe, then another",
			"objectives:\n  - id: O1\n    updates: [{date: 2024-01-01, note: after the board's meeting}]\n  - id: O2\n    updates: [{date: 2024-01-01, note: the panel's count}]\n",
			"objectives:\n  - id: O1\n    updates: [{date: 2024-01-01, note: after the board's meeting}, {date: 2024-03-31, status: done, note: \"a \\\"b\\\", c: d\"}]\n  - id: O2\n    updates: [{date: 2024-01-01, note: the panel's count}]\n"},
		{"flow item with quoted keys, escapes and a comment",
			"objectives:\n  - {\"id\": O1, 'title': 'it''s ]', x: \"a\\\"}\", # the board's\n     y: https://example.org/x#y}\n  - {id: O2}\n",
			"objectives:\n  - {\"id\": O1, 'title': 'it''s ]', x: \"a\\\"}\", # the board's\n     y: https://example.org/x#y, updates: [{date: 2024-03-31, status: done, note: \"a \\\"b\\\", c: d\"}]}\n  - {id: O2}\n"},
		{"anchored flow item",
			"objectives:\n  - &o1 {id: O1}\n",
			"objectives:\n  - &o1 {id: O1, updates: [{date: 2024-03-31, status: done, note: \"a \\\"b\\\", c: d\"}]}\n"},
		{"null list",
			"objectives:\n  - id: O1\n    updates: ~\n",
			"objectives:\n  - id: O1\n    updates: [{date: 2024-03-31, status: done, note: \"a \\\"b\\\", c: d\"}]\n"},
		// A block scalar that keeps its final line breaks (|+) keeps them.
		{"keep-chomped block scalar before the new entry",
			"objectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n        note: |+\n          kept\n\n\n  - id: O2\n",
			"objectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n        note: |+\n          kept\n\n\n      - date: 2024-03-31\n        status: done\n        note: \"a \\\"b\\\", c: d\"\n  - id: O2\n"},
		// FuzzApply: a last line of spaces past the text's indentation is
		// text (" "), so the new entry goes after it.
		{"block scalar ending in a line of spaces",
			"objectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n        note: |\n          kept\n             \n  - id: O2\n",
			"objectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n        note: |\n          kept\n             \n      - date: 2024-03-31\n        status: done\n        note: \"a \\\"b\\\", c: d\"\n  - id: O2\n"},
		{"strip-chomped block scalar before the new entry",
			"objectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n        note: >-\n          folded\n\n  - id: O2\n",
			"objectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n        note: >-\n          folded\n      - date: 2024-03-31\n        status: done\n        note: \"a \\\"b\\\", c: d\"\n\n  - id: O2\n"},
		// Line breaks as YAML counts them.
		{"CR only",
			"objectives:\r  - id: O1\r    updates:\r      - date: 2024-01-01\r",
			"objectives:\r  - id: O1\r    updates:\r      - date: 2024-01-01\r      - date: 2024-03-31\r        status: done\r        note: \"a \\\"b\\\", c: d\"\r"},
		{"a U+2028 earlier in the file",
			"note: \"a\u2028b\"\nobjectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n",
			"note: \"a\u2028b\"\nobjectives:\n  - id: O1\n    updates:\n      - date: 2024-01-01\n      - date: 2024-03-31\n        status: done\n        note: \"a \\\"b\\\", c: d\"\n"},
		{"a byte-order mark before a flow document",
			"\ufeff{objectives: [{id: O1}]}\n",
			"\ufeff{objectives: [{id: O1, updates: [{date: 2024-03-31, status: done, note: \"a \\\"b\\\", c: d\"}]}]}\n"},
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

func TestSetString(t *testing.T) {
	for src, want := range map[string]string{
		"objectives:\n  - id: O1\n    status: planned # was\n": "objectives:\n  - id: O1\n    status: done # was\n",
		// The quoting stays as the author wrote it.
		"objectives:\n  - id: O1\n    status: \"planned\"\n": "objectives:\n  - id: O1\n    status: \"done\"\n",
		"objectives:\n  - id: O1\n    status: 'plan''d'\n":   "objectives:\n  - id: O1\n    status: 'done'\n",
		"objectives: [{id: O1, status: planned, x: 1}]\n":    "objectives: [{id: O1, status: done, x: 1}]\n",
		"objectives:\n  - id: Ö1\n    status: planned\n":     "objectives:\n  - id: Ö1\n    status: done\n",
		// Anchors and tags stay before the value.
		"objectives:\n  - id: O1\n    status: !!str planned\n":     "objectives:\n  - id: O1\n    status: !!str done\n",
		"objectives:\n  - id: O1\n    status: &s planned\n":        "objectives:\n  - id: O1\n    status: &s done\n",
		"objectives:\n  - &o1 {id: O1, status: 'planned'}\n":       "objectives:\n  - &o1 {id: O1, status: 'done'}\n",
		"objectives:\n  - id: O1\n    status: !!str \"planned\"\n": "objectives:\n  - id: O1\n    status: !!str \"done\"\n",
		// An empty value with a tag (FuzzSetStatus): after the tag, on its line.
		"objectives:\n  - id: O1\n    status: !\n    title: x\n": "objectives:\n  - id: O1\n    status: ! done\n    title: x\n",
	} {
		d, err := Open([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.SetString(item(t, d), "status", "done"); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if got := string(d.Bytes()); got != want {
			t.Errorf("SetString(%q) = %q, want %q", src, got, want)
		}
	}
	d, _ := Open([]byte("objectives:\n  - id: O1\n    status: |\n      planned\n"))
	if err := d.SetString(item(t, d), "status", "done"); err == nil || !strings.Contains(err.Error(), "written as a block") {
		t.Errorf("SetString on a block scalar = %v, want a refusal", err)
	}
}

func TestStyled(t *testing.T) {
	for _, tt := range []struct {
		style       yaml.Style
		value, want string
	}{
		{0, "in-progress", "in-progress"},
		{0, "yes", `"yes"`},
		{0, "a: b", `"a: b"`},
		{0, "2024", `"2024"`},
		{yaml.SingleQuotedStyle, "it's", `'it''s'`},
		{yaml.SingleQuotedStyle, "a\nb", `"a\nb"`},
		{yaml.DoubleQuotedStyle, "done", `"done"`},
	} {
		if got := styled(tt.style, tt.value); got != tt.want {
			t.Errorf("styled(%v, %q) = %s, want %s", tt.style, tt.value, got, tt.want)
		}
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
