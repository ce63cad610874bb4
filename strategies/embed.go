// Package strategies holds the real ICB strategies engage ships, as data
// inside the binary: the default corpus for tests, fuzzing and examples.
package strategies

import "embed"

// FS holds every *.yaml file in strategies/.
//
//go:embed *.yaml
var FS embed.FS
