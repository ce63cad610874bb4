package cmdutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/engage-icb/engage/pkg/calendar"
	"github.com/engage-icb/engage/pkg/config"
	"github.com/engage-icb/engage/pkg/strategy"
)

// StrategyFiles expands the paths a command was given into strategy files,
// using the configuration's paths, or ./strategies, when there are none
// (config.StrategyPaths).
func StrategyFiles(given []string, cfg *config.Config) ([]string, error) {
	paths, fallback := cfg.StrategyPaths(given)
	if fallback {
		if _, err := os.Stat(config.DefaultPath); errors.Is(err, fs.ErrNotExist) {
			return nil, Usage(fmt.Errorf("no path given and there is no ./%s folder here: name the strategy files or folders to check", config.DefaultPath))
		}
	}
	files, err := strategy.Discover(paths)
	RoomFor(files...)
	return files, err
}

// AsOf reads --as-of (YYYY-MM-DD), or returns today when it is empty.
func AsOf(flag string, now func() time.Time) (time.Time, error) {
	if flag == "" {
		return calendar.Day(now()), nil
	}
	t, err := calendar.ParseDate(flag)
	if err != nil {
		return time.Time{}, Usage(fmt.Errorf("--as-of: %w", err))
	}
	return t, nil
}
