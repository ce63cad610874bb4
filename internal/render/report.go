package render

import "github.com/engage-icb/engage/pkg/report"

// ReportFormat writes an annual review in one format.
type ReportFormat = Format[*report.Report]

// Report are the formats an annual review can be written in.
var Report = NewRegistry(
	Spec[*report.Report]{Name: "markdown", Aliases: []string{"md"}, Exts: []string{".md"}, New: func(Options) ReportFormat { return ReportMarkdown{} }},
	Spec[*report.Report]{Name: "html", Exts: []string{".html", ".htm"}, New: func(Options) ReportFormat { return ReportHTML{} }},
	Spec[*report.Report]{Name: "xlsx", Exts: []string{".xlsx"}, Binary: true, New: func(Options) ReportFormat { return ReportXLSX{} }},
)
