package validate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/closest"
	"github.com/engage-icb/engage/pkg/pointer"
	"github.com/engage-icb/engage/pkg/schema"
	"github.com/engage-icb/engage/schemas"
)

// problem is a finding before it is placed in a file.
type problem struct {
	rule, pointer, message, hint string
	node                         *yaml.Node // where it is, when known; else pointer is located
}

// Schema is the compiled strategy schema.
type Schema struct {
	s *schema.Schema
}

// CompileSchema compiles the JSON Schema shipped in the binary.
func CompileSchema() (*Schema, error) {
	s, err := schema.Compile(schemas.StrategySchema)
	if err != nil {
		return nil, fmt.Errorf("strategy schema: %w", err)
	}
	return &Schema{s: s}, nil
}

// check validates a document's root and explains each violation.
func (s *Schema) check(root *yaml.Node) []problem {
	vs := s.s.Validate(root)
	if len(vs) == 0 {
		return nil
	}
	out := make([]problem, 0, len(vs))
	for _, v := range vs {
		out = append(out, s.explain(v))
	}
	return out
}

// explain turns a violation into plain English with a hint.
func (s *Schema) explain(v schema.Violation) problem {
	p := problem{pointer: v.Pointer, node: v.Node}
	field := locationWords(v.Pointer)
	prop := s.s.At(v.Pointer)
	switch v.Kind {
	case schema.Additional:
		allowed := v.At.Keys()
		p.rule = RuleUnknownKey
		p.message = fmt.Sprintf("unknown key %q in %s", v.Name, s.noun(pointer.Parent(v.Pointer), nil))
		p.hint = "keys allowed here: " + strings.Join(allowed, ", ")
		if m, ok := closest.Match(v.Name, allowed); ok {
			p.hint = fmt.Sprintf("did you mean %q? %s", m, p.hint)
		} else if strings.ContainsAny(v.Name, " \"'") {
			p.hint = "this looks like part of a text, not a key: inside { } a comma ends a value, so put text that contains a comma or colon in quotes"
		}
	case schema.Required:
		p.rule = RuleMissingKey
		p.message = fmt.Sprintf("%s is missing %q", s.noun(v.Pointer, v.Node), v.Name)
		p.hint = fmt.Sprintf("add %s:", v.Name)
		if d := s.s.At(v.Pointer + "/" + v.Name).Describe(); d != "" {
			p.hint += " " + lowerFirst(d)
		}
	case schema.Type:
		p.rule = RuleWrongType
		if schema.KindOf(v.Node) == "null" {
			p.message = fmt.Sprintf("%s is empty", field)
			p.hint = "give it a value, or remove the key"
			if d := prop.Describe(); d != "" {
				p.hint += "; " + lowerFirst(d)
			}
			break
		}
		want := kindNames(v.Want)
		if v.At.Def != "" && v.At.Title != "" {
			want = []string{"a " + v.At.Title}
		}
		p.message = fmt.Sprintf("%s should be %s, not %s", field, joinOr(want), describe(v.Node))
		p.hint = prop.Describe()
	case schema.NoMatch:
		p.rule = RuleWrongType
		wants := make([]string, len(v.Want))
		for i, w := range v.Want {
			wants[i] = "a " + w
		}
		p.message = fmt.Sprintf("%s should be %s, not %s", field, joinOr(wants), describe(v.Node))
		p.hint = prop.Describe()
	case schema.Enum:
		p.rule = RuleNotAllowed
		p.message = fmt.Sprintf("%s %s is not one of the allowed values", field, describe(v.Node))
		allowed := "use one of: " + strings.Join(v.Want, ", ")
		p.hint = allowed
		if v.Node.Kind == yaml.ScalarNode {
			if m, ok := closest.Match(v.Node.Value, v.Want); ok {
				p.hint = fmt.Sprintf("did you mean %q? %s", m, allowed)
				if d := v.At.EnumDescription(m); d != "" {
					p.hint = fmt.Sprintf("did you mean %q? It means: %s Or %s", m, d, allowed)
				}
			}
		}
	case schema.Const:
		p.rule = RuleNotAllowed
		p.message = fmt.Sprintf("%s must be %s, not %s", field, v.Want[0], describe(v.Node))
		p.hint = prop.Describe()
	case schema.Pattern:
		p.rule = RuleBadFormat
		title := v.At.Title
		if title == "" {
			title = "value"
		}
		p.message = fmt.Sprintf("%s %q is not a valid %s", field, v.Node.Value, title)
		p.hint = v.At.Description
		if fix := suggestFormat(v.At.Def, v.Node.Value); fix != "" {
			p.hint = fmt.Sprintf("did you mean %q? %s", fix, v.At.Description)
		}
	case schema.MinLength:
		p.rule = RuleInvalidValue
		p.message = fmt.Sprintf("%s is empty", field)
		p.hint = "write the text, or remove the key"
	case schema.Minimum:
		p.rule = RuleInvalidValue
		p.message = fmt.Sprintf("%s is %s, but must be at least %s", field, v.Node.Value, v.Want[0])
		p.hint = prop.Describe()
	case schema.UniqueItems:
		p.rule = RuleInvalidValue
		p.message = fmt.Sprintf("%s lists the same value twice (items %d and %d)", field, v.Dup[0]+1, v.Dup[1]+1)
		p.hint = "remove the repeated item"
	default:
		p.rule = RuleInvalidValue
		p.message = fmt.Sprintf("%s has more than one of the allowed shapes", field)
		p.hint = prop.Describe()
	}
	return p
}

// noun names the object at a pointer for messages: "objective Y1-01",
// "governance body \"ICB Board\"", "icb", or "the file".
func (s *Schema) noun(ptr string, n *yaml.Node) string {
	if ptr == "" {
		return "the file"
	}
	title := s.s.At(ptr).Noun()
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
	case "date", "monthOrDate":
		if m := ukDateRE.FindStringSubmatch(got); m != nil {
			d, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			if fix := fmt.Sprintf("%s-%02d-%02d", m[3], mo, d); realDate(fix) {
				return fix
			}
		}
		if m := slashMonthRE.FindStringSubmatch(got); m != nil && def == "monthOrDate" {
			mo, _ := strconv.Atoi(m[1])
			if fix := fmt.Sprintf("%s-%02d", m[2], mo); realDate(fix) {
				return fix
			}
		}
	case "financialYear":
		if m := dashYearRE.FindStringSubmatch(got); m != nil {
			return m[1] + "/" + m[2][len(m[2])-2:]
		}
	case "odsCode":
		if up := strings.ToUpper(strings.TrimSpace(got)); up != got && odsRE.MatchString(up) {
			return up
		}
	case "url":
		if !strings.Contains(got, "://") && strings.Contains(got, ".") && !strings.ContainsAny(got, " \t") {
			return "https://" + got
		}
	}
	return ""
}

func realDate(s string) bool {
	_, err := calendar.ParseMonthOrDate(s)
	return err == nil
}

var (
	ukDateRE     = regexp.MustCompile(`^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$`)
	slashMonthRE = regexp.MustCompile(`^([0-9]{1,2})/([0-9]{4})$`)
	dashYearRE   = regexp.MustCompile(`^([0-9]{4})[-–]([0-9]{2}|[0-9]{4})$`)
	odsRE        = regexp.MustCompile(`^[A-Z0-9]{3,5}$`)
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
	switch schema.KindOf(n) {
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
