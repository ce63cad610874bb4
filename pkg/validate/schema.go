package validate

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/schema"
	"github.com/engage-icb/engage/schemas"
)

// problem is a finding before it is placed in a file.
type problem struct {
	rule, pointer, message, hint string
	node                         *yaml.Node // where it is, when known; else pointer is located
	// atKey places the finding at the key of the value at pointer (where
	// a reader adds to it) rather than at the value.
	atKey bool
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
	ps := s.s.Check(root)
	if len(ps) == 0 {
		return nil
	}
	out := make([]problem, len(ps))
	for i, p := range ps {
		out[i] = problem{rule: p.Rule, pointer: p.Pointer, node: p.Node, message: p.Message, hint: p.Hint}
	}
	return out
}
