package cmdutil

import (
	"fmt"
	"os"
	"time"

	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/pkg/config"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/validate"
)

// LoadConfig reads the configuration: the file --config names, else the
// .engage.yaml found by walking up from the working directory to the top
// of its git repository (config.Find), else none (a nil Config, which
// changes nothing). A file passed over because another user owns it is
// said on standard error; with --verbose (or ENGAGE_DEBUG set) so is which
// configuration was used. A configuration with problems is reported on
// standard error with file:line:column, and ErrSilent returned.
func LoadConfig(f *Factory) (*config.Config, error) {
	path := f.ConfigPath
	if path != "" {
		f.Debugf("configuration: %s (named by --config)", path)
	} else {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		found, err := config.Find(wd)
		for _, ig := range found.Ignored {
			fmt.Fprintf(f.IOStreams.ErrOut, "engage: ignoring %s: %s; name it with --config if you trust it, or make it yours (chown)\n", ig.Path, ig.Reason)
		}
		if err != nil {
			return nil, err
		}
		where := "from here up to the top of the git repository, " + found.Top
		if !found.InRepository {
			where = "in this folder only (it is in no git repository), " + found.Top
		}
		if found.Path == "" {
			f.Debugf("configuration: none (looked for %s %s)", config.FileName, where)
			return nil, nil
		}
		f.Debugf("configuration: %s (looked for %s %s)", found.Path, config.FileName, where)
		path = found.Path
	}
	cfg, problems, err := config.Load(path, validate.RuleIDs())
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		fmt.Fprintf(f.IOStreams.ErrOut, "engage: the configuration %s has problems; fix them first:\n", path)
		_ = render.List(f.IOStreams.ErrOut, problems, "")
		return nil, ErrSilent
	}
	return cfg, nil
}

// MaxFileSize is the largest strategy file a command reads, in bytes:
// --max-file-size, else max_file_size_mb in the configuration, else the
// default.
func MaxFileSize(f *Factory, cfg *config.Config) int64 {
	switch {
	case f.MaxFileMB > 0:
		return int64(f.MaxFileMB) << 20
	case cfg != nil && cfg.MaxFileMB > 0:
		return int64(cfg.MaxFileMB) << 20
	}
	return strategy.DefaultMaxFileSize
}

// NewValidator returns the validator a command uses: as of a date, with
// the configuration (framework, severities, suppressions) and the file
// size limit.
func NewValidator(f *Factory, cfg *config.Config, asOf time.Time) (*validate.Validator, error) {
	return validate.New(validatorOptions(f, cfg, asOf))
}

// StartValidator is NewValidator for commands that go on to call Files:
// the schema is compiled while the files are read (see validate.Start).
func StartValidator(f *Factory, cfg *config.Config, asOf time.Time) *validate.Validator {
	return validate.Start(validatorOptions(f, cfg, asOf))
}

func validatorOptions(f *Factory, cfg *config.Config, asOf time.Time) validate.Options {
	return validate.Options{AsOf: asOf, Config: cfg, MaxFileSize: MaxFileSize(f, cfg)}
}
