// Package schemas holds the data engage ships inside its binary: the JSON
// Schema of the strategy file format and the national frameworks.
package schemas

import "embed"

// StrategySchema is schemas/strategy.schema.json, the JSON Schema (draft
// 2020-12) every strategy file is validated against.
//
//go:embed strategy.schema.json
var StrategySchema []byte

// ConfigSchema is schemas/config.schema.json, the JSON Schema of
// .engage.yaml.
//
//go:embed config.schema.json
var ConfigSchema []byte

// Frameworks holds frameworks/*.yaml, one national principle set each,
// and frameworks/*.near, the tables of words near in meaning to their
// principles' words (made by `make near`; see docs/suggest.md).
//
//go:embed frameworks/*.yaml frameworks/*.near
var Frameworks embed.FS
