package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"reflect"
	"testing"
	"time"

	"github.com/engage-icb/engage/pkg/compare"
	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/strategies"
)

type valueMarshaler struct{ n int }

func (v valueMarshaler) MarshalJSON() ([]byte, error) { return json.Marshal(fmt.Sprintf("v%d", v.n)) }

type pointerMarshaler struct{ n int }

func (p *pointerMarshaler) MarshalJSON() ([]byte, error) {
	return json.Marshal(fmt.Sprintf("p%d", p.n))
}

type textual int

func (t textual) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("t%d", int(t))), nil }

type inner struct {
	A string `json:"a"`
	B []int  `json:"b,omitempty"`
}

type embedded struct {
	inner
	C int `json:"c"`
}

type zoo struct {
	Plain      string `json:"plain"`
	HTML       string `json:"html"`
	Untagged   int
	skipped    int               //nolint:unused // unexported: encoding/json leaves it out
	Dash       int               `json:"-"`
	Omit       string            `json:"omit,omitempty"`
	OmitZero   int               `json:"omitZero,omitempty"`
	OmitFalse  bool              `json:"omitFalse,omitempty"`
	OmitNil    *inner            `json:"omitNil,omitempty"`
	OmitSlice  []string          `json:"omitSlice,omitempty"`
	OmitStruct inner             `json:"omitStruct,omitempty"`
	Nil        *inner            `json:"nil"`
	Ptr        *inner            `json:"ptr"`
	NilSlice   []inner           `json:"nilSlice"`
	Empty      []inner           `json:"empty"`
	Items      []inner           `json:"items"`
	Array      [2]inner          `json:"array"`
	Bytes      []byte            `json:"bytes"`
	Map        map[string]inner  `json:"map"`
	EmptyMap   map[string]int    `json:"emptyMap"`
	Any        any               `json:"any"`
	AnyNil     any               `json:"anyNil"`
	Time       time.Time         `json:"time"`
	Value      valueMarshaler    `json:"value"`
	Pointer    pointerMarshaler  `json:"pointer"`
	PointerPtr *pointerMarshaler `json:"pointerPtr"`
	Text       textual           `json:"text"`
	Embedded   embedded          `json:"embedded"`
	Float      float64           `json:"float"`
	Nested     [][]string        `json:"nested"`
	EmptyObj   struct{}          `json:"emptyObj"`
	Quoted     quoted            `json:"quoted"`
	Promoted   embedded          `json:"promoted"`
}

type quoted struct {
	N int `json:"n,string"`
}

type Exported struct {
	X string `json:"x"`
	Y []int  `json:"y,omitempty"`
}

type wrappers struct {
	Version int `json:"version"`
	*Exported
	inner
	Tagged   Exported `json:"tagged"`
	Conflict string   `json:"conflictFree"`
}

type conflicting struct {
	A string `json:"a"`
	inner
}

// TestJSONStreamIsEncodingJSON holds WriteJSON's streaming encoder to
// encoding/json's bytes: on a zoo of the shapes and options encoding/json
// knows, and on real results of each kind engage writes as JSON.
func TestJSONStreamIsEncodingJSON(t *testing.T) {
	z := zoo{Plain: "x", HTML: "<a href=\"x\">&</a> \u2028 \u202e \u009b", Untagged: 3, Dash: 4, Ptr: &inner{A: "p", B: []int{1, 2}},
		Empty: []inner{}, Items: []inner{{A: "1"}, {A: "2", B: []int{3}}}, Bytes: []byte("hi"),
		Map: map[string]inner{"z": {A: "z"}, "a": {A: "a"}}, EmptyMap: map[string]int{}, Any: []any{1, "two", map[string]any{"k": nil}},
		Time: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), Value: valueMarshaler{1}, Pointer: pointerMarshaler{2}, PointerPtr: &pointerMarshaler{3},
		Text: 4, Embedded: embedded{inner{A: "e"}, 5}, Float: 1.5e21, Nested: [][]string{{}, {"a"}, nil}, Quoted: quoted{7}, Promoted: embedded{inner{"x", nil}, 1}}
	if !walkable(reflect.TypeFor[zoo]()) {
		t.Fatal("the zoo must be walked field by field, or it tests nothing")
	}
	if !walkable(reflect.TypeFor[wrappers]()) || walkable(reflect.TypeFor[conflicting]()) {
		t.Fatal("embedding: wrappers must be walked, conflicting left to encoding/json")
	}
	values := map[string]any{"wrappers": wrappers{1, &Exported{"e", []int{1}}, inner{A: "i"}, Exported{X: "t"}, "c"},
		"wrappers, nil embedded": wrappers{Version: 2}, "conflicting": conflicting{"top", inner{A: "deep"}},
		"zoo": z, "pointer to zoo": &z, "zoos": []zoo{z, {}}, "nil": nil, "empty zoo": zoo{}, "a string": "s", "a number": 1}

	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var graded []coverage.Graded
	var boards []*status.Board
	files, _ := fs.Glob(strategies.FS, "*.yaml")
	for _, f := range files {
		src, _ := fs.ReadFile(strategies.FS, f)
		d := strategy.Parse("strategies/"+f, src)
		fw, _ := fws.Get(framework.Choose(d.Strategy.Framework, ""))
		graded = append(graded, coverage.GradeFile(d.Path, d.Strategy, fw))
		boards = append(boards, status.Of(d.Path, d.Strategy, fw, status.Options{AsOf: reportAsOf, StaleMonths: 6}))
	}
	values["coverage"] = graded
	values["status"] = boards
	values["compare"] = compare.Build(compareInputs(t, "../../strategies/dorset.yaml", "../../strategies/lsc.yaml", "../../strategies/mse.yaml", "../../strategies/snee.yaml"), compareAsOf)
	values["reports"] = annualReports(t)
	for _, n := range []int{0, 2, 15} {
		values[fmt.Sprintf("findings %d", n)] = sample(n)
	}
	for name, v := range values {
		var want, got bytes.Buffer
		if err := wholeJSON(&want, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := writeJSONStream(&got, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: streamed\n%s\nwant\n%s", name, limitText(got.String()), limitText(want.String()))
		}
	}
	// And through the renderers, as engage writes them.
	for _, format := range Findings.Names() {
		if format == "json" || format == "sarif" {
			f, _ := Findings.Lookup(format, Options{Version: "test"})
			var streamed, whole bytes.Buffer
			_ = f.Render(&streamed, sample(15))
			encodeJSON = wholeJSON
			_ = f.Render(&whole, sample(15))
			encodeJSON = writeJSONStream
			if streamed.String() != whole.String() {
				t.Errorf("-f %s: streamed and whole differ", format)
			}
		}
	}
}

func limitText(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "..."
	}
	return s
}
