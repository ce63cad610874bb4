package validate

import (
	"github.com/engage-icb/engage/internal/schema"
	"github.com/engage-icb/engage/pkg/config"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/strategy"
)

// Rule is one check engage makes. Every rule is documented in docs/rules.md
// under a heading with its ID.
type Rule struct {
	ID       string
	Severity finding.Severity
	Summary  string
}

// Rule IDs of the structural (schema) and meaning checks. The loader's own
// rule IDs are in package strategy.
const (
	RuleUnknownKey       = schema.RuleUnknownKey
	RuleMissingKey       = schema.RuleMissingKey
	RuleWrongType        = schema.RuleWrongType
	RuleNotAllowed       = schema.RuleNotAllowed
	RuleBadFormat        = schema.RuleBadFormat
	RuleInvalidValue     = schema.RuleInvalidValue
	RuleUnknownFramework = "unknown-framework"
	RuleUnknownPrinciple = "unknown-principle"
	RuleDuplicateID      = "duplicate-id"
	RuleUnresolved       = "unresolved-reference"
	RuleInvalidDate      = "invalid-date"
	RuleDateOrder        = "date-order"
	RuleOutsidePeriod    = "outside-period"
	RuleUpdateOrder      = "update-order"
	RuleStatusMismatch   = "status-mismatch"
	RuleReviewOverdue    = "review-overdue"
	RuleODSMismatch      = "ods-mismatch"
	RulePrincipleMissing = "principle-missing"
	RulePrincipleStated  = "principle-stated-only"
	RuleUnwritten        = "unwritten"
	RuleNotKnown         = "not-known"
	RuleUnmapped         = "principle-unmapped"
	RuleNotWhole         = "not-whole"
	RuleDroppedNoReason  = "dropped-without-reason"
	RuleHiddenCharacter  = "hidden-character"
)

// Rules lists every rule, in the order docs/rules.md documents them.
var Rules = []Rule{
	{strategy.RuleTooLarge, finding.Error, "The file is larger than the size limit."},
	{strategy.RuleNotText, finding.Error, "The file is not UTF-8 text."},
	{strategy.RuleSyntax, finding.Error, "The YAML cannot be read (indentation, tabs, quoting)."},
	{strategy.RuleEmpty, finding.Error, "The file is empty or holds only comments."},
	{strategy.RuleMultipleDocuments, finding.Error, "The file holds more than one YAML document."},
	{strategy.RuleNotMapping, finding.Error, "The file is a list or a single value, not a set of keys."},
	{strategy.RuleDuplicateKey, finding.Error, "The same key appears twice in one block."},
	{strategy.RuleUnsupportedYAML, finding.Error, "YAML features a strategy file may not use: merge keys, non-text keys, alias bombs."},
	{RuleUnknownKey, finding.Error, "A key the file format does not have (often a typo)."},
	{RuleMissingKey, finding.Error, "A required key is missing."},
	{RuleWrongType, finding.Error, "A value of the wrong kind: text where a number belongs, a list where a block belongs."},
	{RuleNotAllowed, finding.Error, "A value that is not one of the allowed words (status, state, role...)."},
	{RuleBadFormat, finding.Error, "A value not written in its format: dates, financial years, ODS codes, IDs, web addresses."},
	{RuleInvalidValue, finding.Error, "A value out of range, empty, or repeated in a list."},
	{RuleUnknownFramework, finding.Error, "The framework named is not one engage knows."},
	{RuleUnknownPrinciple, finding.Error, "A national principle number the framework does not have."},
	{RuleDuplicateID, finding.Error, "Two items share an ID (or two governance bodies a name)."},
	{RuleUnresolved, finding.Error, "A reference to a local principle or objective that does not exist."},
	{RuleInvalidDate, finding.Error, "A date, month or financial year in the right format that does not exist (2023-02-30, 2023/25)."},
	{RuleDateOrder, finding.Error, "Something ends before it starts."},
	{RuleOutsidePeriod, finding.Error, "An objective or milestone falls outside the strategy's period."},
	{RuleUpdateOrder, finding.Error, "A delivery log (updates, actuals) is not in date order."},
	{RuleStatusMismatch, finding.Error, "An item's status differs from its latest update."},
	{RuleReviewOverdue, finding.Warning, "The strategy's next review date has passed."},
	{RuleODSMismatch, finding.Error, "The ICB's ODS code and name belong to different ICBs."},
	{RulePrincipleMissing, finding.Error, "Nothing in the strategy answers a national principle."},
	{RulePrincipleStated, finding.Warning, "A national principle is stated but nothing delivers it."},
	{RuleUnwritten, finding.Warning, "A text is still the placeholder engage init wrote."},
	{RuleHiddenCharacter, finding.Warning, "A text holds a character no reader sees: a control character, or one that reorders text."},
	{RuleNotKnown, finding.Warning, "Something the source does not say is recorded as unknown: a principle's wording, the strategy period or an end of it, when an activity took place."},
	{RuleUnmapped, finding.Warning, "A local principle is mapped to no national principle."},
	{RuleNotWhole, finding.Error, "A count (of people, responses, groups...) is not a whole number."},
	{RuleDroppedNoReason, finding.Warning, "An item is dropped without a note saying why."},
	{config.RuleUnknownRule, finding.Error, "The configuration names a rule that does not exist."},
	{config.RuleSuppressionExpired, finding.Warning, "A suppression in the configuration has expired; its findings are reported again."},
	{config.RuleSuppressionUnused, finding.Warning, "A suppression in the configuration hides nothing."},
	{config.RuleNotConfigurable, finding.Error, "The configuration changes or suppresses a rule about reading a file, which cannot be changed."},
}

// RuleIDs lists every rule's ID.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}

// Severity is a rule's own severity (before any configuration).
func Severity(rule string) finding.Severity { return severityOf(rule) }

var ruleIndex = func() map[string]Rule {
	m := make(map[string]Rule, len(Rules))
	for _, r := range Rules {
		m[r.ID] = r
	}
	return m
}()

// LookupRule returns the rule with an ID.
func LookupRule(id string) (Rule, bool) {
	r, ok := ruleIndex[id]
	return r, ok
}

func severityOf(rule string) finding.Severity {
	if r, ok := ruleIndex[rule]; ok {
		return r.Severity
	}
	return finding.Error
}
