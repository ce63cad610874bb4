package schema

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/engage-icb/engage/schemas"
)

// webAddress is the pattern of the strategy file format's web address
// ($defs/url in schemas/strategy.schema.json), read from the schema
// itself, so that a command refusing an address before it writes one
// agrees with validate.
var webAddress = sync.OnceValues(func() (*regexp.Regexp, error) {
	var doc struct {
		Defs map[string]struct {
			Pattern string `json:"pattern"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schemas.StrategySchema, &doc); err != nil {
		return nil, err
	}
	return compilePattern(doc.Defs["url"].Pattern)
})

// WebAddress reports whether s is a web address as the strategy file
// format defines one (https:// or http://, then no spaces).
func WebAddress(s string) bool {
	re, err := webAddress()
	return err == nil && re.MatchString(s)
}

// qualifiers are the words of $defs/qualifier, longest first ("more
// than" before "more"), read from the schema like webAddress.
var qualifiers = sync.OnceValue(func() []string {
	var doc struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	if json.Unmarshal(schemas.StrategySchema, &doc) != nil {
		return nil
	}
	q := doc.Defs["qualifier"].Enum
	slices.SortStableFunc(q, func(a, b string) int { return len(b) - len(a) })
	return q
})

// SplitQualifier reads a figure as a source may state it, "over 350" or
// "About 1,200": the file format's qualifier (as the format writes it)
// and the text after it; "" and the text as given when it has none.
func SplitQualifier(s string) (qualifier, value string) {
	t := strings.Join(strings.Fields(s), " ")
	for _, q := range qualifiers() {
		if len(t) > len(q) && strings.EqualFold(t[:len(q)], q) && t[len(q)] == ' ' {
			return q, t[len(q)+1:]
		}
	}
	return "", s
}

// odsCode is the pattern of an ODS code ($defs/odsCode), read from the
// schema like webAddress.
var odsCode = sync.OnceValues(func() (*regexp.Regexp, error) {
	var doc struct {
		Defs map[string]struct {
			Pattern string `json:"pattern"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schemas.StrategySchema, &doc); err != nil {
		return nil, err
	}
	return compilePattern(doc.Defs["odsCode"].Pattern)
})

// ODSCode reports whether s is an ODS code as the file format writes one
// (QE1, QSL).
func ODSCode(s string) bool {
	re, err := odsCode()
	return err == nil && re.MatchString(s)
}
