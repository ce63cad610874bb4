package fuzzseed

import (
	"fmt"
	"strings"
)

// notes are the ways a note can be written just before where an in-place
// edit inserts: plain, quoted, and block scalars with every chomping
// indicator (clip, strip -, keep +), with trailing blank lines that keep
// chomping owns.
var notes = []string{
	"counted after the board's meeting",
	`"a \"quoted\" note, with a comma"`,
	`'it''s the panel''s count'`,
	"|\n          Workshops held.\n",
	"|-\n          Workshops held.\n\n",
	"|+\n          Workshops held.\n\n\n",
	">\n          Workshops\n          held.\n",
	">-\n          Workshops held.\n",
	">+\n          Workshops held.\n\n",
	"|2+\n            Indented by two.\n\n",
}

// block is a strategy in block style whose first objective and metric end
// with a note (NOTE), followed by items whose text has apostrophes.
const block = `engage: 1
icb: {code: QSL, name: NHS Somerset ICB}
strategy: {title: TITLE, period: {from: 2025/26, to: 2027/28}, state: draft}
principles:
  - id: P1
    text: We listen to the people's voices
  - id: P2
    text: "Our partners' views shape the board's decisions"
    national: [5]
  - id: P3
    text: The panel's work
objectives:
  - id: O1
    year: 2025/26
    title: Agree the people's panel plan
    principles: [P1]
    status: planned
    updates:
      - date: 2025-05-01
        status: planned
        note: NOTE
  - id: O2
    year: 2025/26
    title: Publish the board's papers
    principles: [P1]
    status: done
metrics:
  - id: m1
    title: People on the panel
    actuals:
      - value: 1
        date: 2025-05-01
        note: NOTE
  - id: m2
    title: Meetings held
`

// flow is the same in flow style, with quotes inside plain text, quoted
// keys and values, and comments inside the collections.
const flow = `engage: 1
icb: {code: QSL, name: NHS Somerset ICB}
strategy: {title: TITLE, period: {from: 2025/26, to: 2027/28}, state: draft}
principles:
  - {id: P1, text: We listen to the people's voices}
  - {id: P2, text: "Our partners' views", national: [5]}
  - {id: P3, 'text': 'The panel''s work'}
objectives:
  - {id: O1, year: 2025/26, title: Agree the people's panel plan, principles: [P1], status: planned}
  - {id: O2, year: 2025/26, title: "Publish the \"board's\" papers", principles: [P1], status: done}
  - {id: O3, title: Review, # the board's view
     status: 'planned'}
metrics:
  - {id: m1, title: People on the panel, actuals: [{value: 1, date: 2025-05-01, note: counted after the board's meeting}]}
  - {id: m2, title: Meetings held, actuals: [{value: 2, date: 2025-05-01, note: the panel's count}]}
`

// Layouts returns small strategies in the layouts in-place edits must
// handle (issue 16): block and flow style, every kind of note before the
// insertion point, and each with LF, CR LF and lone CR line endings, a
// byte-order mark, a lone CR among LFs, and a U+2028 in an earlier value.
func Layouts() map[string][]byte {
	docs := map[string]string{}
	for i, n := range notes {
		docs[fmt.Sprintf("block-note-%d", i)] = strings.ReplaceAll(block, "NOTE", n)
	}
	docs["flow"] = flow
	out := map[string][]byte{}
	for name, doc := range docs {
		plain := strings.ReplaceAll(doc, "TITLE", "The people's strategy")
		out[name+"-lf"] = []byte(plain)
		out[name+"-crlf"] = []byte(strings.ReplaceAll(plain, "\n", "\r\n"))
		out[name+"-cr"] = []byte(strings.ReplaceAll(plain, "\n", "\r"))
		out[name+"-bom"] = []byte("\uFEFF" + plain)
		out[name+"-mixed"] = []byte(strings.Replace(plain, "\n", "\r", 1)) // a lone CR among LFs
		out[name+"-u2028"] = []byte(strings.ReplaceAll(doc, "TITLE", "\"The people's\u2028strategy\""))
	}
	return out
}
