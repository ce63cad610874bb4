package iostreams

import (
	"strconv"
	"strings"
	"time"
)

// queryTimeout is how long engage waits for the terminal to say what its
// background is. A terminal that does not answer (or answers slower, over
// a slow link) costs no more than this, and is taken as dark.
const queryTimeout = 150 * time.Millisecond

// background reads a terminal's answer to OSC 11 (what is your background
// colour?): "\x1b]11;rgb:RRRR/GGGG/BBBB" ended by BEL or ST, each channel
// one to four hex digits. It reports whether the colour is dark (relative
// luminance under a half), and whether the answer held one.
func background(answer string) (dark, ok bool) {
	i := strings.Index(answer, "]11;rgb:")
	if i < 0 {
		return false, false
	}
	rest := answer[i+len("]11;rgb:"):]
	if j := strings.IndexAny(rest, "\x07\x1b"); j >= 0 {
		rest = rest[:j]
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 3 {
		return false, false
	}
	var ch [3]float64
	for k, p := range parts {
		if len(p) < 1 || len(p) > 4 {
			return false, false
		}
		v, err := strconv.ParseUint(p, 16, 16)
		if err != nil {
			return false, false
		}
		ch[k] = float64(v) / float64(uint64(1)<<(4*len(p))-1)
	}
	lum := 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
	return lum < 0.5, true
}
