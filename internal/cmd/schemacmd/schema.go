// Package schemacmd is the engage schema command.
package schemacmd

import (
	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/schemas"
)

// Options are schema's flags.
type Options struct {
	IO *iostreams.IOStreams
}

// NewCmdSchema returns the schema command.
func NewCmdSchema(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the strategy file format",
		Long: `Print the JSON Schema (draft 2020-12) that engage validate checks structure
against, for editors and other validators. It is the same file as
schemas/strategy.schema.json. To have VS Code check a strategy as you type,
start the file with this line, SCHEMA being the path or web address of
strategy.schema.json:

  # yaml-language-server: $schema=SCHEMA`,
		Example: `  engage schema > strategy.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			_, err := opts.IO.Out.Write(schemas.StrategySchema)
			return err
		},
	}
}
