//go:build !unix

package iostreams

import (
	"os"
	"time"
)

// askBackground does not ask: Windows consoles do not answer OSC 11 the
// same way, so without COLORFGBG the background is taken as dark.
func askBackground(*os.File, time.Duration) (dark, ok bool) { return false, false }
