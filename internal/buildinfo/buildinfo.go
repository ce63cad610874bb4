// Package buildinfo says which engage this is: the version, commit and
// build date a release stamped into the binary with -ldflags -X, or, for a
// binary built by go install or go build, what the Go toolchain recorded
// (the module version, and the VCS revision, time and modified flag).
package buildinfo

import (
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// Set by a release build (.goreleaser.yaml):
//
//	-X github.com/engage-icb/engage/internal/buildinfo.version=v1.2.0
//	-X github.com/engage-icb/engage/internal/buildinfo.commit=<full hash>
//	-X github.com/engage-icb/engage/internal/buildinfo.date=<RFC 3339 commit date>
var version, commit, date string

// Info describes one build of engage.
type Info struct {
	// Version is a release tag (v1.2.0), a Go pseudo-version
	// (v0.0.0-20261201091200-abcdef123456), or "dev" when the build
	// recorded nothing.
	Version string
	// Commit is the git commit the build came from, or "" when unknown.
	Commit string
	// Date is the day of that commit (the release's build date), or the
	// zero time when unknown.
	Date time.Time
	// Modified reports a build from a work tree with uncommitted changes.
	Modified bool
}

// Read returns this binary's build information.
var Read = sync.OnceValue(func() Info {
	bi, _ := debug.ReadBuildInfo()
	return from(version, commit, date, bi)
})

// Version returns this binary's version (Read().Version).
func Version() string { return Read().Version }

// String gives the version with what is known of its commit and date:
// "v1.2.0 (commit abc1234, built 2026-12-01)".
func (i Info) String() string { return i.Version + i.Details() }

// Details gives the parenthesis String adds after the version, or "" when
// neither commit nor date is known.
func (i Info) Details() string {
	var parts []string
	if i.Commit != "" {
		c := "commit " + short(i.Commit)
		if i.Modified {
			c += " with uncommitted changes"
		}
		parts = append(parts, c)
	}
	if !i.Date.IsZero() {
		parts = append(parts, "built "+i.Date.UTC().Format(time.DateOnly))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// from works out the build information from the stamped values and what
// the toolchain recorded (bi may be nil). Stamped values win; each missing
// one is filled from bi.
func from(ldVersion, ldCommit, ldDate string, bi *debug.BuildInfo) Info {
	i := Info{Version: strings.TrimSpace(ldVersion), Commit: hexOnly(ldCommit), Date: parseDate(ldDate)}
	if bi != nil {
		var vcsTime time.Time
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if i.Commit == "" {
					i.Commit = hexOnly(s.Value)
				}
			case "vcs.time":
				vcsTime = parseDate(s.Value)
			case "vcs.modified":
				if ldCommit == "" {
					i.Modified = s.Value == "true"
				}
			}
		}
		if i.Version == "" {
			i.Version = moduleVersion(bi.Main.Version)
		}
		if stamp, rev, ok := pseudo(i.Version); ok {
			// go install of a commit records no VCS data, but its
			// pseudo-version carries the commit's time and hash.
			if i.Commit == "" {
				i.Commit = rev
			}
			if vcsTime.IsZero() {
				vcsTime = stamp
			}
			if strings.HasSuffix(i.Version, "+dirty") && ldCommit == "" {
				i.Modified = true
			}
		}
		if i.Date.IsZero() {
			i.Date = vcsTime
		}
		if i.Version == "" && i.Commit != "" {
			// (devel) with VCS data: name the build as Go names a commit.
			i.Version = "v0.0.0-" + vcsTime.UTC().Format("20060102150405") + "-" + short12(i.Commit)
			if vcsTime.IsZero() {
				i.Version = "devel-" + short12(i.Commit)
			}
			if i.Modified {
				i.Version += "+dirty"
			}
		}
	}
	if i.Version == "" {
		i.Version = "dev"
	}
	return i
}

// pseudo reads the time and commit of a Go pseudo-version
// (v0.0.0-20261201091200-abcdef123456, v1.2.4-0.20261201091200-abcdef123456,
// either with +dirty).
func pseudo(v string) (stamp time.Time, rev string, ok bool) {
	v, _, _ = strings.Cut(v, "+")
	const n = len("20261201091200-abcdef123456")
	if len(v) < n+2 || (v[len(v)-n-1] != '-' && v[len(v)-n-1] != '.') {
		return time.Time{}, "", false
	}
	ts, rev, _ := strings.Cut(v[len(v)-n:], "-")
	stamp, err := time.Parse("20060102150405", ts)
	if err != nil || len(rev) != 12 || hexOnly(rev) == "" {
		return time.Time{}, "", false
	}
	return stamp, rev, true
}

// moduleVersion is the main module's recorded version, or "" for none.
func moduleVersion(v string) string {
	if v == "(devel)" {
		return ""
	}
	return v
}

func parseDate(s string) time.Time {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}
	}
	return t
}

// hexOnly keeps a commit hash, and drops anything that is not one.
func hexOnly(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.Trim(s, "0123456789abcdef") != "" {
		return ""
	}
	return s
}

func short(c string) string {
	if len(c) > 7 {
		return c[:7]
	}
	return c
}

func short12(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}
