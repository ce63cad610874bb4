package render

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/validate"
)

// SARIF writes a SARIF 2.1.0 log, which GitHub code scanning and other
// tools read: the rules with their help, and each finding as a result with
// its file, line and column. Suppressed findings are included, marked with
// the suppression and its reason.
type SARIF struct {
	// Version is engage's version, written as the tool's.
	Version string
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	Name                 string      `json:"name"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	Help                 sarifHelp   `json:"help"`
	HelpURI              string      `json:"helpUri"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifText          `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification"`
}

var sarifLevel = map[finding.Severity]string{finding.Error: "error", finding.Warning: "warning", finding.Info: "note"}

// Render writes the log.
func (s SARIF) Render(w io.Writer, r *validate.Result) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "engage", Version: s.Version,
			InformationURI: "https://github.com/engage-icb/engage",
			Rules:          []sarifRule{},
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	index := map[string]int{}
	for i, rule := range validate.Rules {
		index[rule.ID] = i
		help := rule.Summary + " See " + RulesURL + "#" + rule.ID
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: rule.ID, Name: ruleName(rule.ID),
			ShortDescription:     sarifText{Text: rule.Summary},
			FullDescription:      sarifText{Text: rule.Summary},
			Help:                 sarifHelp{Text: help, Markdown: rule.Summary + " See [" + rule.ID + "](" + RulesURL + "#" + rule.ID + ")."},
			HelpURI:              RulesURL + "#" + rule.ID,
			DefaultConfiguration: sarifConfig{Level: sarifLevel[rule.Severity]},
		})
	}
	add := func(f finding.Finding, sup *validate.Suppressed) {
		msg := safetext.Terminal(f.Message)
		if f.Hint != "" {
			msg += ". Hint: " + safetext.Terminal(f.Hint)
		}
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel[f.Severity],
			Message: sarifText{Text: msg},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: sarifURI(f.File)},
				Region:           sarifRegion{StartLine: f.Line, StartColumn: f.Column},
			}}},
		}
		if f.Pointer != "" {
			res.Locations[0].LogicalLocations = []sarifLogical{{FullyQualifiedName: f.Pointer, Kind: "member"}}
		}
		if sup != nil {
			res.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted",
				Justification: safetext.Terminal(sup.Reason) + " (until " + sup.Expires + "; " + sup.Source + ")"}}
		}
		run.Results = append(run.Results, res)
	}
	for _, f := range r.Findings {
		add(f, nil)
	}
	for i := range r.Suppressed {
		add(r.Suppressed[i].Finding, &r.Suppressed[i])
	}
	return WriteJSON(w, sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// ruleName turns a rule ID into the PascalCase name SARIF suggests:
// unknown-key becomes UnknownKey.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// sarifURI is a file's path as a relative URI reference, as SARIF's
// artifactLocation.uri is: each part percent-encoded, so that "ICB #1.yaml"
// is not read as "ICB " and an anchor, nor "50%" as an escape.
func sarifURI(path string) string {
	parts := strings.Split(filepath.ToSlash(path), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}
