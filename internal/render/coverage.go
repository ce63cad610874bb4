package render

import "github.com/engage-icb/engage/pkg/coverage"

// CoverageFormat writes strategies' coverage in one format.
type CoverageFormat = Format[[]coverage.Graded]

// Coverage are the formats coverage can be written in.
var Coverage = NewRegistry(
	Spec[[]coverage.Graded]{Name: "text", New: func(o Options) CoverageFormat { return CoverageText{Options: o} }, Each: &Each{Between: "\n"}},
	Spec[[]coverage.Graded]{Name: "json", Exts: []string{".json"}, New: func(Options) CoverageFormat { return CoverageJSON{} }, Each: &Each{JSONKey: "strategies"}},
)
