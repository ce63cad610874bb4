package cmdutil

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/pkg/config"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/validate"
)

// LoadConfig reads the configuration: the file --config names, else the
// .engage.yaml found by walking up from the working directory, else none
// (a nil Config, which changes nothing). A configuration with problems is
// reported on standard error with file:line:column, and ErrSilent returned.
func LoadConfig(f *Factory) (*config.Config, error) {
	path := f.ConfigPath
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		if path, err = config.Find(wd); err != nil || path == "" {
			return nil, err
		}
	}
	cfg, problems, err := config.Load(path, validate.RuleIDs())
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		var b strings.Builder
		_ = (&render.Text{Options: render.Options{Theme: render.Plain{}}}).Render(&b, &render.Findings{Findings: problems})
		text := strings.TrimSuffix(b.String(), "\n")
		text = text[:strings.LastIndex(text, "\n")+1] // drop the "0 files checked" line
		fmt.Fprintf(f.IOStreams.ErrOut, "engage: the configuration %s has problems; fix them first:\n%s", path, text)
		return nil, ErrSilent
	}
	if cfg.MaxFileMB > 0 && f.MaxFileMB == 0 { // --max-file-size wins
		strategy.SetMaxFileSize(int64(cfg.MaxFileMB) << 20)
	}
	return cfg, nil
}

// NewValidator returns the validator a command uses: as of a date, on the
// framework the configuration names (if any).
func NewValidator(cfg *config.Config, asOf time.Time) (*validate.Validator, error) {
	return validate.New(validatorOptions(cfg, asOf))
}

// StartValidator is NewValidator for commands that go on to call Files:
// the schema is compiled while the files are read (see validate.Start).
func StartValidator(cfg *config.Config, asOf time.Time) *validate.Validator {
	return validate.Start(validatorOptions(cfg, asOf))
}

func validatorOptions(cfg *config.Config, asOf time.Time) validate.Options {
	opts := validate.Options{AsOf: asOf}
	if cfg != nil {
		opts.Framework = cfg.Framework
	}
	return opts
}
