package schema

import (
	"encoding/json"
	"regexp"
	"sync"

	"github.com/engage-icb/engage/schemas"
)

// webAddress is the pattern of the strategy file format's web address
// ($defs/url in schemas/strategy.schema.json), read from the schema
// itself, so that a command refusing an address before it writes one
// agrees with validate.
var webAddress = sync.OnceValues(func() (*regexp.Regexp, error) { return defPattern("url") })

// defPattern compiles the pattern of one of the schema's $defs.
func defPattern(name string) (*regexp.Regexp, error) {
	var doc struct {
		Defs map[string]struct {
			Pattern string `json:"pattern"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schemas.StrategySchema, &doc); err != nil {
		return nil, err
	}
	return compilePattern(doc.Defs[name].Pattern)
}

// WebAddress reports whether s is a web address as the strategy file
// format defines one (https:// or http://, then no spaces).
func WebAddress(s string) bool {
	re, err := webAddress()
	return err == nil && re.MatchString(s)
}

// odsCode is the pattern of an ODS code ($defs/odsCode), read from the
// schema like webAddress.
var odsCode = sync.OnceValues(func() (*regexp.Regexp, error) { return defPattern("odsCode") })

// ODSCode reports whether s is an ODS code as the file format writes one
// (QE1, QSL).
func ODSCode(s string) bool {
	re, err := odsCode()
	return err == nil && re.MatchString(s)
}
