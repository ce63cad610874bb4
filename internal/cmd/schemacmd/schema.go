// Package schemacmd is the engage schema command.
package schemacmd

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/schemas"
)

// Options are schema's flags.
type Options struct {
	IO     *iostreams.IOStreams
	Output string
}

// NewCmdSchema returns the schema command.
func NewCmdSchema(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the strategy file format",
		Long: `Print the JSON Schema (draft 2020-12) that engage validate checks structure
against, for editors and other validators. It is the same file as
schemas/strategy.schema.json. To have VS Code check a strategy as you type,
start the file with this line, SCHEMA being the path or web address of
strategy.schema.json:

  # yaml-language-server: $schema=SCHEMA

-o writes it to a file, as UTF-8 (Windows PowerShell 5.1's > would write
UTF-16, which JSON readers refuse).`,
		Example: `  engage schema -o strategy.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			if opts.Output == "" {
				_, err := opts.IO.Out.Write(schemas.StrategySchema)
				return err
			}
			if err := cmdutil.NotYAML("-o ", opts.Output, "the schema", "strategy.schema.json"); err != nil {
				return err
			}
			if info, err := os.Stat(opts.Output); err == nil && info.IsDir() {
				return cmdutil.Usage(fmt.Errorf("%s is a folder: name the file to write, such as %s", opts.Output, filepath.Join(opts.Output, "strategy.schema.json")))
			}
			if err := atomicfile.Write(opts.Output, schemas.StrategySchema, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(opts.IO.ErrOut, "Wrote %s\n", opts.Output)
			return nil
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "file to write (default: print it)")
	return cmd
}
