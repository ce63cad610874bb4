// Command coldci (make bench-release) times what a CI job with empty
// caches does before engage's first finding, two ways, one run each, side
// by side:
//
//   - the engage action: its install script downloads the Linux amd64
//     archive of a snapshot release (make release-snapshot) from a server on
//     127.0.0.1, checks it against the checksums file and unpacks it into an
//     empty tool cache; its validate script then runs engage validate on
//     strategies/ with annotations, SARIF and a step summary;
//   - go install: go install ./cmd/engage in a copy of the same commit, with
//     an empty module cache and build cache (modules come from the Go module
//     proxy, as in CI), then the same engage validate.
//
// Both are whole processes timed from outside; the checkout and the Go
// toolchain (actions/setup-go) are in neither. It prints both times and the
// ratio (docs/performance.md).
//
//	go run ./internal/coldci -dist bin/dist
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/engage-icb/engage/internal/actiontest"
)

func main() {
	dist := flag.String("dist", "bin/dist", "the folder make release-snapshot wrote")
	flag.Parse()
	if err := run(*dist); err != nil {
		fmt.Fprintln(os.Stderr, "coldci:", err)
		os.Exit(1)
	}
}

func run(dist string) error {
	repo, err := os.Getwd()
	if err != nil {
		return err
	}
	number, release, err := actiontest.LoadDist(dist)
	if err != nil {
		return err
	}
	tag := "v" + number
	srv, err := actiontest.NewServer("engage-icb/engage", map[string]actiontest.Release{tag: release})
	if err != nil {
		return err
	}
	defer srv.Close()
	tmp, err := os.MkdirTemp("", "coldci")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(tmp) }()

	action, err := timeAction(repo, tmp, srv, tag)
	if err != nil {
		return fmt.Errorf("the action's path: %w", err)
	}
	archive := actiontest.ArchiveName(number, actiontest.Platform{OS: "linux", Arch: "amd64"})
	fmt.Printf("action: download %s (%.1f MB) from 127.0.0.1, check, unpack, validate strategies/: %.2f s\n",
		archive, float64(len(release[archive]))/1e6, action.Seconds())

	goInstall, err := timeGoInstall(repo, tmp)
	if err != nil {
		return fmt.Errorf("the go install path: %w", err)
	}
	fmt.Printf("go install: empty module and build caches, go install ./cmd/engage, validate strategies/: %.2f s\n", goInstall.Seconds())
	fmt.Printf("ratio: the action's path is %.0fx faster (goal: at least 10x)\n", goInstall.Seconds()/action.Seconds())
	return nil
}

// timeAction runs the action's two scripts as a cold runner would.
func timeAction(repo, tmp string, srv *actiontest.Server, tag string) (time.Duration, error) {
	dir := filepath.Join(tmp, "action")
	for _, d := range []string{"toolcache", "temp"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o750); err != nil {
			return 0, err
		}
	}
	output := filepath.Join(dir, "output")
	env := append(os.Environ(),
		"RUNNER_OS=Linux", "RUNNER_ARCH=X64",
		"RUNNER_TOOL_CACHE="+filepath.Join(dir, "toolcache"), "RUNNER_TEMP="+filepath.Join(dir, "temp"),
		"GITHUB_OUTPUT="+output, "GITHUB_STEP_SUMMARY="+filepath.Join(dir, "summary.md"),
		"ENGAGE_DOWNLOAD_BASE="+srv.DownloadBase(), "ENGAGE_API_BASE="+srv.APIBase(), "ENGAGE_VERSION="+tag)
	start := time.Now()
	if err := command(repo, env, "bash", "scripts/action/install.sh"); err != nil {
		return 0, err
	}
	engage, err := outputOf(output, "engage")
	if err != nil {
		return 0, err
	}
	env = append(env, "ENGAGE="+engage, "ENGAGE_PATHS=strategies", "ENGAGE_FORMATS=github",
		"ENGAGE_SARIF=true", "ENGAGE_SARIF_FILE="+filepath.Join(dir, "engage.sarif"), "ENGAGE_SUMMARY=true")
	if err := command(repo, env, "bash", "scripts/action/validate.sh"); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

// timeGoInstall builds engage from a copy of the commit with empty caches,
// then runs it.
func timeGoInstall(repo, tmp string) (time.Duration, error) {
	src := filepath.Join(tmp, "src")
	if err := os.MkdirAll(src, 0o750); err != nil {
		return 0, err
	}
	// The commit's files, as a checkout gives them (not timed: both paths
	// start from a checkout).
	archive := exec.Command("git", "-C", repo, "archive", "HEAD") //nolint:gosec // G204: git with this program's own arguments
	untar := exec.Command("tar", "-x", "-C", src)                 //nolint:gosec // G204: tar into this program's own folder
	pipe, err := archive.StdoutPipe()
	if err != nil {
		return 0, err
	}
	untar.Stdin = pipe
	if err := untar.Start(); err != nil {
		return 0, err
	}
	if err := archive.Run(); err != nil {
		return 0, fmt.Errorf("git archive HEAD: %w", err)
	}
	if err := untar.Wait(); err != nil {
		return 0, err
	}
	gobin := filepath.Join(tmp, "gobin")
	env := append(os.Environ(),
		"GOMODCACHE="+filepath.Join(tmp, "gomodcache"), "GOCACHE="+filepath.Join(tmp, "gocache"),
		"GOBIN="+gobin, "GOFLAGS=-modcacherw")
	start := time.Now()
	if err := command(src, env, "go", "install", "./cmd/engage"); err != nil {
		return 0, err
	}
	if err := command(src, env, filepath.Join(gobin, "engage"), "validate", "-f", "github", "strategies"); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

// command runs a program in dir and fails with its output if it fails.
func command(dir string, env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...) //nolint:gosec // G204: the commands this benchmark times
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out.String())
	}
	return nil
}

// outputOf reads a step output from a GITHUB_OUTPUT file.
func outputOf(file, key string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	defer func() { _ = f.Close() }()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), key+"="); ok {
			return v, nil
		}
	}
	return "", errors.New("the install step gave no " + key + " output")
}
