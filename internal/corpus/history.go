// Package corpus generates realistic synthetic data for engage's
// benchmarks: strategies, and git repositories of delivery updates. Output
// is deterministic from its inputs.
package corpus

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// historyStatuses is the order a generated objective's status moves in.
var historyStatuses = []string{"planned", "in-progress", "at-risk", "in-progress", "done"}

// HistoryFile is the strategy HistoryRepo commits, relative to its top.
const HistoryFile = "strategies/synthetic.yaml"

// HistoryRepo makes a git repository in dir whose file HistoryFile has
// commits commits: the first adds a strategy with objectives objectives,
// and each later one records a status update on one of them (their statuses
// move planned → in-progress → at-risk → in-progress → done and round
// again), as a team reporting delivery would. It uses git fast-import, so a
// thousand commits take well under a second.
func HistoryRepo(dir string, commits, objectives int) error {
	if out, err := run(dir, nil, "init", "-q", "-b", "main"); err != nil {
		return fmt.Errorf("git init: %w: %s", err, out)
	}
	type obj struct {
		status  int
		updates []string
	}
	objs := make([]obj, objectives)
	var stream bytes.Buffer
	start := time.Date(2023, 4, 3, 9, 0, 0, 0, time.UTC)
	for c := 0; c < commits; c++ {
		when := start.Add(time.Duration(c) * 6 * time.Hour)
		msg := "Add the strategy"
		if c > 0 {
			i := (c - 1) % objectives
			o := &objs[i]
			o.status = (o.status + 1) % len(historyStatuses)
			o.updates = append(o.updates, fmt.Sprintf("      - {date: %s, status: %s, note: Reported at the delivery group meeting}",
				when.Format(time.DateOnly), historyStatuses[o.status]))
			msg = fmt.Sprintf("O%02d %s", i+1, historyStatuses[o.status])
		}
		var doc strings.Builder
		doc.WriteString(historyHeader)
		for i, o := range objs {
			fmt.Fprintf(&doc, "  - id: O%02d\n    year: {from: 2023/24, to: 2025/26}\n    title: Objective %d of the synthetic strategy\n    national: [%d]\n    status: %s\n",
				i+1, i+1, i%10+1, historyStatuses[o.status])
			if len(o.updates) > 0 {
				doc.WriteString("    updates:\n" + strings.Join(o.updates, "\n") + "\n")
			}
		}
		fmt.Fprintf(&stream, "blob\nmark :%d\ndata %d\n%s\n", 2*c+1, doc.Len(), doc.String())
		fmt.Fprintf(&stream, "commit refs/heads/main\nmark :%d\nauthor Delivery Team <team@example.org> %d +0000\ncommitter Delivery Team <team@example.org> %d +0000\ndata %d\n%s\n",
			2*c+2, when.Unix(), when.Unix(), len(msg), msg)
		if c > 0 {
			fmt.Fprintf(&stream, "from :%d\n", 2*c)
		}
		fmt.Fprintf(&stream, "M 100644 :%d %s\n\n", 2*c+1, HistoryFile)
	}
	if out, err := run(dir, &stream, "fast-import", "--quiet"); err != nil {
		return fmt.Errorf("git fast-import: %w: %s", err, out)
	}
	if out, err := run(dir, nil, "checkout", "-q", "-f", "main"); err != nil {
		return fmt.Errorf("git checkout: %w: %s", err, out)
	}
	_, err := os.Stat(filepath.Join(dir, HistoryFile))
	return err
}

const historyHeader = `# yaml-language-server: $schema=../schemas/strategy.schema.json
engage: 1
icb:
  code: QSL
  name: NHS Somerset ICB
strategy:
  title: Synthetic strategy for benchmarks
  period: {from: 2023/24, to: 2025/26}
  state: published
principles:
  - {id: P1, text: Synthetic principle, national: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
objectives:
`

func run(dir string, stdin *bytes.Buffer, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...) //nolint:gosec // G204: git with this package's own arguments
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if stdin != nil {
		cmd.Stdin = stdin
	}
	return cmd.CombinedOutput()
}
