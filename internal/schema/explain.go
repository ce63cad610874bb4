package schema

import (
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/closest"
	"github.com/engage-icb/engage/internal/pointer"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Rule IDs of structural findings: which kind of schema violation it is.
const (
	RuleUnknownKey   = "unknown-key"
	RuleMissingKey   = "missing-key"
	RuleWrongType    = "wrong-type"
	RuleNotAllowed   = "not-allowed"
	RuleBadFormat    = "bad-format"
	RuleInvalidValue = "invalid-value"
)

// Problem is a violation explained: a rule, where, what is wrong and how to
// fix it.
type Problem struct {
	Rule    string
	Pointer string
	Node    *yaml.Node // where it is written
	Message string
	Hint    string
}

// Check validates a document and explains each violation.
func (s *Schema) Check(root *yaml.Node) []Problem {
	vs := s.Validate(root)
	if len(vs) == 0 {
		return nil
	}
	out := make([]Problem, len(vs))
	for i, v := range vs {
		out[i] = s.Explain(v)
	}
	return out
}

// article is "a ", "an " or nothing (for "the word unknown").
func article(noun string) string {
	switch {
	case strings.HasPrefix(noun, "the "):
		return ""
	case noun != "" && strings.ContainsRune("aeiou", rune(noun[0])):
		return "an "
	}
	return "a "
}

// Explain turns a violation into a finding in plain English, with a hint
// that says how to fix it.
func (s *Schema) Explain(v Violation) Problem {
	p := Problem{Pointer: v.Pointer, Node: v.Node}
	field := locationWords(v.Pointer)
	prop := s.At(v.Pointer)
	switch v.Kind {
	case Additional:
		allowed := v.At.Keys()
		p.Rule = RuleUnknownKey
		p.Message = fmt.Sprintf("unknown key %q in %s", v.Name, s.noun(pointer.Parent(v.Pointer), nil))
		p.Hint = "keys allowed here: " + strings.Join(allowed, ", ")
		if m, ok := closest.Match(v.Name, allowed); ok {
			p.Hint = fmt.Sprintf("did you mean %q? %s", m, p.Hint)
		} else if strings.ContainsAny(v.Name, " \"'") {
			p.Hint = "this looks like part of a text, not a key: inside { } a comma ends a value, so put text that contains a comma or colon in quotes"
		}
	case Required:
		p.Rule = RuleMissingKey
		p.Message = fmt.Sprintf("%s is missing %q", s.noun(v.Pointer, v.Node), v.Name)
		p.Hint = fmt.Sprintf("add %s:", v.Name)
		if d := s.At(v.Pointer + "/" + v.Name).Describe(); d != "" {
			p.Hint += " " + lowerFirst(d)
		}
	case Type:
		p.Rule = RuleWrongType
		if KindOf(v.Node) == "null" {
			p.Message = fmt.Sprintf("%s is empty", field)
			p.Hint = "give it a value, or remove the key"
			if d := prop.Describe(); d != "" {
				p.Hint += "; " + lowerFirst(d)
			}
			break
		}
		want := kindNames(v.Want)
		list := len(v.Want) == 1 && v.Want[0] == "array"
		if v.At.Def != "" && v.At.Title != "" {
			want = []string{article(v.At.Title) + v.At.Title}
			if list {
				want = []string{"a list of " + v.At.Title}
			}
		}
		p.Message = fmt.Sprintf("%s should be %s, not %s", field, joinOr(want), describe(v.Node))
		p.Hint = prop.Describe()
		figureHint(&p, v)
		if list && v.Node.Kind == yaml.ScalarNode {
			key := pointer.Split(v.Pointer)
			p.Hint = fmt.Sprintf("write it as a list, in square brackets: %s: [%s]", key[len(key)-1], v.Node.Value)
			if d := prop.Describe(); d != "" {
				p.Hint += ". " + d
			}
		}
	case NoMatch:
		p.Rule = RuleWrongType
		wants := make([]string, len(v.Want))
		for i, w := range v.Want {
			wants[i] = article(w) + w
		}
		p.Message = fmt.Sprintf("%s should be %s, not %s", field, joinOr(wants), describe(v.Node))
		p.Hint = prop.Describe()
		figureHint(&p, v)
	case Enum:
		p.Rule = RuleNotAllowed
		p.Message = fmt.Sprintf("%s %s is not one of the allowed values", field, describe(v.Node))
		allowed := "use one of: " + strings.Join(v.Want, ", ")
		p.Hint = allowed
		if v.Node.Kind == yaml.ScalarNode {
			match := closest.Match
			if slices.Equal(v.Want, strategy.Statuses) {
				match = func(typed string, _ []string) (string, bool) { return strategy.StatusMeant(typed) }
			}
			meant := func(typed string) string {
				if slices.Contains(v.Want, typed) {
					return typed
				}
				m, _ := match(typed, v.Want)
				return m
			}
			if m := meant(v.Node.Value); m != "" {
				p.Hint = fmt.Sprintf("did you mean %q? %s", m, allowed)
				if d := v.At.EnumDescription(m); d != "" {
					p.Hint = fmt.Sprintf("did you mean %q? It means: %s Or %s", m, d, allowed)
				}
			}
			if hint := invisibleHint(v.Node.Value, meant); hint != "" {
				p.Hint = hint + " " + allowed
			}
		}
	case Const:
		p.Rule = RuleNotAllowed
		p.Message = fmt.Sprintf("%s must be %s, not %s", field, v.Want[0], describe(v.Node))
		p.Hint = prop.Describe()
	case Pattern:
		p.Rule = RuleBadFormat
		title := v.At.Title
		if title == "" {
			title = "value"
		}
		p.Message = fmt.Sprintf("%s %q is not a valid %s", field, v.Node.Value, title)
		p.Hint = v.At.Description
		if fix := suggestFormat(v.At.Def, v.Node.Value); fix != "" {
			p.Hint = fmt.Sprintf("did you mean %q? %s", fix, v.At.Description)
		}
		meant := func(typed string) string {
			if v.At.pattern.MatchString(typed) {
				return typed
			}
			return suggestFormat(v.At.Def, typed)
		}
		if hint := invisibleHint(v.Node.Value, meant); hint != "" {
			p.Hint = hint + " " + v.At.Description
		}
	case MinLength:
		p.Rule = RuleInvalidValue
		p.Message = fmt.Sprintf("%s is empty", field)
		p.Hint = "write the text, or remove the key"
	case Minimum:
		p.Rule = RuleInvalidValue
		p.Message = fmt.Sprintf("%s is %s, but must be at least %s", field, v.Node.Value, v.Want[0])
		p.Hint = prop.Describe()
	case Maximum:
		p.Rule = RuleInvalidValue
		p.Message = fmt.Sprintf("%s is %s, but must be at most %s", field, v.Node.Value, v.Want[0])
		p.Hint = prop.Describe()
	case UniqueItems:
		p.Rule = RuleInvalidValue
		p.Message = fmt.Sprintf("%s lists the same value twice (items %d and %d)", field, v.Dup[0]+1, v.Dup[1]+1)
		p.Hint = "remove the repeated item"
	default:
		p.Rule = RuleInvalidValue
		p.Message = fmt.Sprintf("%s has more than one of the allowed shapes", field)
		p.Hint = prop.Describe()
	}
	return p
}

// noun names the object at a pointer for messages: "objective Y1-01",
// "governance body \"ICB Board\"", "icb", or "the file".
func (s *Schema) noun(ptr string, n *yaml.Node) string {
	if ptr == "" {
		return "the file"
	}
	title := s.At(ptr).Noun()
	if title == "" {
		return locationWords(ptr)
	}
	if n != nil && n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i].Value, n.Content[i+1]
			if (k == "id" || k == "name") && val.Kind == yaml.ScalarNode && val.Value != "" {
				if k == "name" {
					return fmt.Sprintf("%s %q", title, val.Value)
				}
				return title + " " + val.Value
			}
		}
	}
	return title + " (" + locationWords(ptr) + ")"
}

// suggestFormat offers a corrected value for common slips: a date written
// the British way, a financial year with a dash, a code in lower case, a web
// address without https://.
func suggestFormat(def, got string) string {
	switch def {
	case "date", "monthOrDate", "dateText", "when":
		// What the date means in ISO, where the field takes that
		// precision: a range only where a range is allowed.
		fix := calendar.Meant(got)
		switch {
		case fix == "":
		case def == "date" && len(fix) != 10:
		case def == "monthOrDate" && (len(fix) < 7 || strings.Contains(fix, "/")):
		default:
			return fix
		}
	case "financialYear":
		// 2025-26, 2025–2026 and 2025/2026 are the financial year
		// 2025/26 when their years follow one another.
		if m := dashYearRE().FindStringSubmatch(got); m != nil {
			end := m[2] + m[3]
			start, _ := strconv.Atoi(m[1])
			if last, _ := strconv.Atoi(end[len(end)-2:]); last == (start+1)%100 {
				return m[1] + "/" + end[len(end)-2:]
			}
		}
	case "odsCode":
		if up := strings.ToUpper(strings.TrimSpace(got)); up != got && ODSCode(up) {
			return up
		}
	case "url":
		if !strings.Contains(got, "://") && strings.Contains(got, ".") && !strings.ContainsAny(got, " \t") {
			return "https://" + got
		}
	}
	return ""
}

var (
	dashYearRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([0-9]{4})(?:[-–]([0-9]{2}|[0-9]{4})|/([0-9]{4}))$`)
	})
)

// locationWords names the value at a pointer for people who are not
// programmers: /objectives/3/status is "status" (the line number says which
// one) and /principles/0/national/1 is "national item 2".
func locationWords(ptr string) string {
	if ptr == "" {
		return "the file"
	}
	toks := pointer.Split(ptr)
	last := toks[len(toks)-1]
	if n, err := strconv.Atoi(last); err == nil && len(toks) > 1 {
		return fmt.Sprintf("%s item %d", toks[len(toks)-2], n+1)
	}
	return last
}

var kindWords = map[string]string{
	"string": "text", "integer": "a whole number", "number": "a number",
	"boolean": "true or false", "array": "a list", "object": "a block of keys", "null": "empty",
}

func kindNames(types []string) []string {
	out := make([]string, 0, len(types))
	for _, t := range types {
		w, ok := kindWords[t]
		if !ok {
			w = t
		}
		out = append(out, w)
	}
	return out
}

func joinOr(words []string) string {
	switch len(words) {
	case 0:
		return "something else"
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// describe names a value's kind and shows it when short.
func describe(n *yaml.Node) string {
	switch KindOf(n) {
	case "object":
		return "a block of keys"
	case "array":
		return "a list"
	case "null":
		return "empty"
	case "boolean":
		return n.Value
	case "integer", "number":
		return "the number " + n.Value
	}
	if len(n.Value) > 40 {
		return "text"
	}
	return strconv.Quote(n.Value)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	if len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' {
		return s // an abbreviation such as "ODS" or "ID"
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// figureHint leads a wrong type's hint with the figure the text means,
// where it is one ("write it as {value: 4000, qualifier: around}").
func figureHint(p *Problem, v Violation) {
	if v.Node.Kind != yaml.ScalarNode {
		return
	}
	object := v.At.Def == "measurement" || v.At.Def == "figure"
	number := object || slices.Contains(v.Want, "number") || slices.Contains(v.Want, "integer")
	if fix := figureFix(v.Node.Value, object, number, v.At.Def == "measurement"); fix != "" {
		p.Hint = strings.TrimSuffix("write it as "+fix+". "+p.Hint, " ")
	}
}

// figureFix writes a figure as the source words it ("around 4,000",
// "1,340", "1.8 million") the way the file format takes it: {value: 4000,
// qualifier: around} where a qualifier is allowed (object), {value: 1340}
// where only a measurement is, 1340 where a number is; "" when the text
// is not such a figure.
func figureFix(text string, object, number, measurement bool) string {
	qualifier, t := strategy.SplitQualifier(text)
	t = strings.ToLower(strings.Join(strings.Fields(t), " "))
	scale := 1.0
	if rest, ok := strings.CutSuffix(t, " million"); ok {
		scale, t = 1e6, rest
	}
	if !figureRE().MatchString(t) {
		return ""
	}
	// In decimal, so that 2.01 million is 2010000, not 2009999.9999999998.
	n, ok := new(big.Rat).SetString(strings.ReplaceAll(t, ",", ""))
	if !ok {
		return ""
	}
	n.Mul(n, new(big.Rat).SetFloat64(scale))
	value := n.FloatString(0)
	if !n.IsInt() {
		// Every digit the source gives, and no more: 1,340.1234567 is
		// 1340.1234567 (it was rounded to 1340.123457).
		_, frac, _ := strings.Cut(t, ".")
		digits := len(frac)
		if scale != 1 {
			digits = max(0, digits-6)
		}
		value = strings.TrimRight(strings.TrimRight(n.FloatString(digits), "0"), ".")
	}
	switch {
	case qualifier != "" && object:
		return "{value: " + value + ", qualifier: " + qualifier + "}"
	case qualifier == "" && measurement:
		// A measurement is always a mapping: "1340" alone is refused.
		return "{value: " + value + "}"
	case qualifier == "" && number && value != text:
		return value
	}
	return ""
}

// figureRE is a number as people write it: 4000, 4,000, 1.8.
var figureRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$|^[0-9]+(\.[0-9]+)?$`)
})

// invisibleHint says a value holds an invisible character, as text copied
// from a report or a web page can (a word joiner keeps an ID or a status
// whole on the page, and is no letter of it), and what to write: the value
// without it (a no-break space made a space) as meant reads that, which
// is the value itself when it is allowed, or a correction ("complete" is
// done); "" when it holds none.
func invisibleHint(value string, meant func(string) string) string {
	i := strings.IndexFunc(value, safetext.Invisible)
	if i < 0 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(value[i:])
	clean := strings.Map(func(r rune) rune {
		switch {
		case r == '\u00a0' || r == '\u202f':
			return ' '
		case safetext.Invisible(r):
			return -1
		}
		return r
	}, value)
	lead := fmt.Sprintf("it holds an invisible character (U+%04X), as text copied from a report or a web page can", r)
	switch m := meant(clean); {
	case m == clean:
		return fmt.Sprintf("%s: write %q.", lead, clean)
	case m != "":
		return fmt.Sprintf("%s; without it, did you mean %q?", lead, m)
	}
	return lead + ": remove it."
}
