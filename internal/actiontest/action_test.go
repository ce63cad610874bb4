package actiontest

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var repoRoot, _ = filepath.Abs(filepath.Join("..", ".."))

const repository = "engage-icb/engage"

// fixture is the stand-in for GitHub the tests share: releases v1.2.0,
// v1.9.3, v1.10.0 and v2.0.0-rc.1 built here, and with ENGAGE_DIST the
// snapshot's release, under its own version.
type fixture struct {
	srv *Server
	// tag is the release the success cases install: the snapshot's when
	// ENGAGE_DIST is set, else v1.10.0.
	tag string
	// snapshot reports that tag is `make release-snapshot`'s.
	snapshot bool
	// engage is the binary the built releases hold for this machine.
	engage []byte
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	for _, tool := range []string{"bash", "curl", "tar", "unzip"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("the action's tests need %s: %v", tool, err)
		}
	}
	bin := filepath.Join(t.TempDir(), "engage")
	if out, err := exec.Command("go", "build", "-o", bin, filepath.Join(repoRoot, "cmd", "engage")).CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	engage, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	host := Platform{runtime.GOOS, runtime.GOARCH}
	binary := func(p Platform) []byte {
		if p == host {
			return engage
		}
		return []byte("not a binary for " + p.OS + "/" + p.Arch + "\n")
	}
	releases := map[string]Release{}
	for _, number := range []string{"1.2.0", "1.9.3", "1.10.0", "2.0.0-rc.1"} {
		r, err := Build(number, Platforms, binary)
		if err != nil {
			t.Fatal(err)
		}
		releases["v"+number] = r
	}
	f := &fixture{tag: "v1.10.0", engage: engage}
	if dist := os.Getenv("ENGAGE_DIST"); dist != "" {
		number, r, err := LoadDist(dist)
		if err != nil {
			t.Fatal(err)
		}
		releases["v"+number] = r
		f.tag, f.snapshot = "v"+number, true
	}
	f.srv, err = NewServer(repository, releases)
	if err != nil {
		t.Fatal(err)
	}
	f.srv.SetLatest("v1.10.0")
	t.Cleanup(f.srv.Close)
	return f
}

// run is one run of a script of scripts/action, as the runner would run it.
type run struct {
	out     string
	code    int
	outputs map[string]string
	path    string // what the script added to GITHUB_PATH
}

// runner is a runner's environment: its own tool cache, temp folder,
// output files, and the system and architecture it says it has.
type runner struct {
	t   *testing.T
	f   *fixture
	env []string
	dir string
}

func (f *fixture) runner(t *testing.T, runnerOS, runnerArch string) *runner {
	dir := t.TempDir()
	for _, d := range []string{"toolcache", "temp"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir,
		"RUNNER_OS=" + runnerOS, "RUNNER_ARCH=" + runnerArch,
		"RUNNER_TOOL_CACHE=" + filepath.Join(dir, "toolcache"), "RUNNER_TEMP=" + filepath.Join(dir, "temp"),
		"ENGAGE_DOWNLOAD_BASE=" + f.srv.DownloadBase(), "ENGAGE_API_BASE=" + f.srv.APIBase(),
		"ENGAGE_REPOSITORY=" + repository,
	}
	return &runner{t: t, f: f, env: env, dir: dir}
}

// script runs scripts/action/NAME in folder wd with the runner's
// environment and extra variables, and fresh output files.
func (r *runner) script(name, wd string, extra ...string) run {
	r.t.Helper()
	outFile := filepath.Join(r.dir, "output")
	pathFile := filepath.Join(r.dir, "path")
	for _, p := range []string{outFile, pathFile} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
	cmd := exec.Command("bash", filepath.Join(repoRoot, "scripts", "action", name))
	cmd.Dir = wd
	cmd.Env = append(append(append([]string{}, r.env...), "GITHUB_OUTPUT="+outFile, "GITHUB_PATH="+pathFile), extra...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	res := run{out: buf.String(), outputs: map[string]string{}}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.code = exit.ExitCode()
	case err != nil:
		r.t.Fatal(err)
	}
	out, _ := os.ReadFile(outFile)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			res.outputs[k] = v
		}
	}
	path, _ := os.ReadFile(pathFile)
	res.path = strings.TrimSpace(string(path))
	return res
}

func (r *runner) install(extra ...string) run { return r.script("install.sh", r.dir, extra...) }

// complete lists the tool cache's completion markers.
func (r *runner) complete() []string {
	m, _ := filepath.Glob(filepath.Join(r.dir, "toolcache", "engage", "*", "*.complete"))
	return m
}

func TestInstall(t *testing.T) {
	f := newFixture(t)
	number := strings.TrimPrefix(f.tag, "v")

	t.Run("success, then from the tool cache", func(t *testing.T) {
		r := f.runner(t, "Linux", "X64")
		res := r.install("ENGAGE_VERSION=" + f.tag)
		if res.code != 0 {
			t.Fatalf("install exit %d, want 0:\n%s", res.code, res.out)
		}
		want := filepath.Join(r.dir, "toolcache", "engage", number, "x64")
		if res.outputs["version"] != f.tag || res.outputs["engage"] != want+"/engage" || res.path != want {
			t.Errorf("outputs %v and GITHUB_PATH %q, want version %s, engage %s/engage, path %s", res.outputs, res.path, f.tag, want, want)
		}
		if !strings.Contains(res.out, "checked "+ArchiveName(number, Platform{"linux", "amd64"})+": SHA-256 ") {
			t.Errorf("output does not say the archive was checked:\n%s", res.out)
		}
		version, err := exec.Command(res.outputs["engage"], "--version").Output()
		if err != nil {
			t.Fatalf("the installed engage --version: %v", err)
		}
		if f.snapshot {
			// The snapshot's binary is stamped with the commit it was built from.
			head, err := exec.Command("git", "-C", repoRoot, "rev-parse", "--short=7", "HEAD").Output()
			if err != nil {
				t.Fatal(err)
			}
			wantVersion := "engage version " + f.tag + " (commit " + strings.TrimSpace(string(head)) + ", built "
			if !strings.HasPrefix(string(version), wantVersion) {
				t.Errorf("installed engage --version = %q, want it to start %q", version, wantVersion)
			}
		} else if !strings.HasPrefix(string(version), "engage version ") {
			t.Errorf("installed engage --version = %q", version)
		}
		out, err := exec.Command(res.outputs["engage"], "validate", filepath.Join(repoRoot, "strategies")).Output()
		if err != nil || !strings.Contains(string(out), "4 files checked: 0 errors") {
			t.Errorf("the installed engage validate strategies/: %v\n%s", err, out)
		}

		hits := f.srv.Hits("/download/" + f.tag + "/" + ArchiveName(number, Platform{"linux", "amd64"}))
		again := r.install("ENGAGE_VERSION=" + f.tag)
		if again.code != 0 || !strings.Contains(again.out, "from the tool cache") || again.outputs["engage"] != res.outputs["engage"] {
			t.Errorf("second install: exit %d, outputs %v, want 0 from the tool cache:\n%s", again.code, again.outputs, again.out)
		}
		if n := f.srv.Hits("/download/" + f.tag + "/" + ArchiveName(number, Platform{"linux", "amd64"})); n != hits {
			t.Errorf("second install downloaded the archive again (%d requests, want %d)", n, hits)
		}
	})

	t.Run("windows zip", func(t *testing.T) {
		r := f.runner(t, "Windows", "ARM64")
		res := r.install("ENGAGE_VERSION=" + number) // without the v
		if res.code != 0 {
			t.Fatalf("install exit %d, want 0:\n%s", res.code, res.out)
		}
		exe, err := os.ReadFile(res.outputs["engage"])
		if err != nil || !strings.HasSuffix(res.outputs["engage"], "/arm64/engage.exe") {
			t.Fatalf("outputs %v: %v", res.outputs, err)
		}
		if f.snapshot && !bytes.HasPrefix(exe, []byte("MZ")) {
			t.Errorf("engage.exe from %s does not start with MZ (a Windows program)", ArchiveName(number, Platform{"windows", "arm64"}))
		}
	})

	t.Run("wrong checksum", func(t *testing.T) {
		name := ArchiveName(number, Platform{"linux", "amd64"})
		sums := f.srv.Asset(f.tag, ChecksumsName(number))
		good := Sum(f.srv.Asset(f.tag, name))
		bad := strings.Repeat("0", 64)
		f.srv.SetAsset(f.tag, ChecksumsName(number), bytes.Replace(sums, []byte(good), []byte(bad), 1))
		defer f.srv.SetAsset(f.tag, ChecksumsName(number), sums)
		r := f.runner(t, "Linux", "X64")
		res := r.install("ENGAGE_VERSION=" + f.tag)
		want := "::error title=engage install::" + name + " does not match " + ChecksumsName(number) + ": its SHA-256 is " + good + ", the checksums file says " + bad
		if res.code != 1 || !strings.Contains(res.out, want) {
			t.Errorf("exit %d, want 1 with %q:\n%s", res.code, want, res.out)
		}
		if len(r.complete()) != 0 || res.outputs["engage"] != "" || res.path != "" {
			t.Errorf("a damaged archive was installed: markers %v, outputs %v, path %q", r.complete(), res.outputs, res.path)
		}
	})

	t.Run("missing asset for an OS", func(t *testing.T) {
		name := ArchiveName(number, Platform{"darwin", "arm64"})
		archive := f.srv.Asset(f.tag, name)
		sums := f.srv.Asset(f.tag, ChecksumsName(number))
		var kept []string
		for _, line := range strings.Split(string(sums), "\n") {
			if !strings.HasSuffix(line, name) {
				kept = append(kept, line)
			}
		}
		f.srv.SetAsset(f.tag, name, nil)
		f.srv.SetAsset(f.tag, ChecksumsName(number), []byte(strings.Join(kept, "\n")))
		defer func() {
			f.srv.SetAsset(f.tag, name, archive)
			f.srv.SetAsset(f.tag, ChecksumsName(number), sums)
		}()
		r := f.runner(t, "macOS", "ARM64")
		res := r.install("ENGAGE_VERSION=" + f.tag)
		want := "::error title=engage install::engage " + f.tag + " has no archive for darwin/arm64: " + name + " is not in " + ChecksumsName(number)
		if res.code != 1 || !strings.Contains(res.out, want) {
			t.Errorf("exit %d, want 1 with %q:\n%s", res.code, want, res.out)
		}
		// Listed but not served: the download error is named.
		f.srv.SetAsset(f.tag, ChecksumsName(number), sums)
		res = r.install("ENGAGE_VERSION=" + f.tag)
		want = "::error title=engage install::could not download " + f.srv.DownloadBase() + "/" + f.tag + "/" + name + " (curl: (22) "
		if res.code != 1 || !strings.Contains(res.out, want) || len(r.complete()) != 0 {
			t.Errorf("exit %d, markers %v, want 1 with %q and nothing installed:\n%s", res.code, r.complete(), want, res.out)
		}
	})

	t.Run("a version that does not exist", func(t *testing.T) {
		r := f.runner(t, "Linux", "X64")
		res := r.install("ENGAGE_VERSION=v9.9.9")
		want := "::error title=engage install::engage v9.9.9 is not released: there is no " + f.srv.DownloadBase() + "/v9.9.9/engage_9.9.9_checksums.txt (curl: (22) "
		if res.code != 1 || !strings.Contains(res.out, want) {
			t.Errorf("exit %d, want 1 with %q:\n%s", res.code, want, res.out)
		}
		res = r.install("ENGAGE_VERSION=main")
		want = `::error title=engage install::version "main" is not a release version: use a tag such as v1.2.0, or latest`
		if res.code != 1 || !strings.Contains(res.out, want) {
			t.Errorf("exit %d, want 1 with %q:\n%s", res.code, want, res.out)
		}
	})

	t.Run("an unsupported runner", func(t *testing.T) {
		res := f.runner(t, "Linux", "ARM").install("ENGAGE_VERSION=" + f.tag)
		want := "::error title=engage install::engage has no release for the runner's architecture ARM (there are archives for X64 and ARM64)"
		if res.code != 1 || !strings.Contains(res.out, want) {
			t.Errorf("exit %d, want 1 with %q:\n%s", res.code, want, res.out)
		}
	})

	t.Run("the version from the action's ref", func(t *testing.T) {
		tests := []struct{ version, ref, want string }{
			{"", "v1.2.0", "v1.2.0"}, // the action's own release tag
			{"", "v1", "v1.10.0"},    // newest v1.x.y, by number (not v1.9.3), never a pre-release
			{"", "v1.9", "v1.9.3"},   // newest v1.9.z
			{"", "main", "v1.10.0"},  // a branch: the latest release
			{"", "", "v1.10.0"},      // no ref: the latest release
			{"latest", "v1.2.0", "v1.10.0"},
			{"v1.9.3", "v1", "v1.9.3"}, // a named version wins
		}
		for _, tt := range tests {
			r := f.runner(t, "Linux", "X64")
			res := r.install("ENGAGE_VERSION="+tt.version, "ENGAGE_ACTION_REF="+tt.ref)
			if res.code != 0 || res.outputs["version"] != tt.want {
				t.Errorf("version %q, ref %q: exit %d, version %q, want %s:\n%s", tt.version, tt.ref, res.code, res.outputs["version"], tt.want, res.out)
			}
		}
		r := f.runner(t, "Linux", "X64")
		res := r.install("ENGAGE_ACTION_REF=v7")
		if want := "has no release v7.x for the action's tag v7"; res.code != 1 || !strings.Contains(res.out, want) {
			t.Errorf("ref v7: exit %d, want 1 with %q:\n%s", res.code, want, res.out)
		}
		f.srv.SetLatest("")
		defer f.srv.SetLatest("v1.10.0")
		res = r.install("ENGAGE_VERSION=latest")
		if want := "could not look up the latest release of engage-icb/engage at " + f.srv.APIBase(); res.code != 1 || !strings.Contains(res.out, want) {
			t.Errorf("no latest release: exit %d, want 1 with %q:\n%s", res.code, want, res.out)
		}
	})
}

// TestValidate runs the action's validate step with the engage that its
// install step put in the tool cache, in a copy of the shipped strategies.
func TestValidate(t *testing.T) {
	f := newFixture(t)
	r := f.runner(t, "Linux", "X64")
	inst := r.install("ENGAGE_VERSION=" + f.tag)
	if inst.code != 0 {
		t.Fatalf("install exit %d:\n%s", inst.code, inst.out)
	}
	work := t.TempDir()
	for _, name := range []string{"snee.yaml", "lsc.yaml"} {
		data, err := os.ReadFile(filepath.Join(repoRoot, "strategies", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(work, "my strategies"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, "my strategies", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	summary := filepath.Join(r.dir, "summary.md")
	inputs := []string{
		"ENGAGE=" + inst.outputs["engage"], "GITHUB_STEP_SUMMARY=" + summary,
		"ENGAGE_PATHS=my strategies/snee.yaml\n  my strategies/lsc.yaml  \n", "ENGAGE_FORMATS=github\njunit=junit.xml",
		"ENGAGE_SARIF=true", "ENGAGE_SARIF_FILE=out/engage.sarif", "ENGAGE_SUMMARY=true", "ENGAGE_FAIL_ON=",
	}
	if err := os.Mkdir(filepath.Join(work, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	res := r.script("validate.sh", work, inputs...)
	if res.code != 0 || !strings.Contains(res.out, "::warning file=my strategies/lsc.yaml,line=34,col=16,title=review-overdue::") {
		t.Errorf("validate exit %d, want 0 with an annotation on lsc.yaml:\n%s", res.code, res.out)
	}
	if res.outputs["sarif-file"] != "out/engage.sarif" {
		t.Errorf("outputs %v, want sarif-file out/engage.sarif", res.outputs)
	}
	for _, p := range []string{filepath.Join(work, "out", "engage.sarif"), filepath.Join(work, "junit.xml"), summary} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("validate wrote no %s: %v", p, err)
		}
	}
	if s, _ := os.ReadFile(summary); !strings.Contains(string(s), "## engage validate") {
		t.Errorf("step summary:\n%s", s)
	}

	// A warning fails the step at fail-on warning, and the SARIF file is
	// still there for the upload step.
	res = r.script("validate.sh", work, append(inputs, "ENGAGE_FAIL_ON=warning")...)
	if res.code != 1 || res.outputs["sarif-file"] != "out/engage.sarif" {
		t.Errorf("fail-on warning: exit %d, outputs %v, want 1 and the SARIF file:\n%s", res.code, res.outputs, res.out)
	}
	// A path that does not exist: engage cannot run (exit 2), plainly.
	res = r.script("validate.sh", work, append(inputs, "ENGAGE_PATHS=nowhere.yaml", "ENGAGE_SARIF=false")...)
	if res.code != 2 || !strings.Contains(res.out, "nowhere.yaml") || res.outputs["sarif-file"] != "" {
		t.Errorf("missing path: exit %d, outputs %v, want 2 naming nowhere.yaml:\n%s", res.code, res.outputs, res.out)
	}
}
