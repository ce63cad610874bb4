package render

import "github.com/engage-icb/engage/pkg/suggest"

// SuggestFormat writes suggestions in one format.
type SuggestFormat = Format[*suggest.Result]

// Suggest are the formats suggestions can be written in.
var Suggest = NewRegistry(
	Spec[*suggest.Result]{Name: "text", New: func(o Options) SuggestFormat { return SuggestText{Options: o} }},
	Spec[*suggest.Result]{Name: "json", Exts: []string{".json"}, New: func(Options) SuggestFormat { return SuggestJSON{} }},
)
