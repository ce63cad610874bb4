// Package actiontest tests the GitHub Action (action.yml and its scripts in
// scripts/action) against a stand-in for GitHub on 127.0.0.1: release
// downloads at /download/TAG/FILE and the two API calls the install script
// makes. The releases it serves are built by the test (archives holding the
// engage binary the test builds) and, when ENGAGE_DIST names the folder
// `make release-snapshot` wrote, the snapshot's own archives.
package actiontest

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"time"
)

// Release is one release's assets, by file name.
type Release map[string][]byte

// Server serves releases as GitHub does, and counts the requests made.
type Server struct {
	*httptest.Server
	// Repository is the owner/name the API paths are under.
	Repository string

	mu       sync.Mutex
	latest   string
	releases map[string]Release
	hits     map[string]int
}

// NewServer starts a server on 127.0.0.1 serving the given releases, by tag.
func NewServer(repository string, releases map[string]Release) (*Server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen on 127.0.0.1: %w", err)
	}
	s := &Server{Repository: repository, releases: releases, hits: map[string]int{}}
	s.Server = &httptest.Server{Listener: l, Config: &http.Server{Handler: http.HandlerFunc(s.serve), ReadHeaderTimeout: 10 * time.Second}}
	s.Start()
	return s, nil
}

// DownloadBase is the address install.sh's ENGAGE_DOWNLOAD_BASE takes.
func (s *Server) DownloadBase() string { return s.URL + "/download" }

// APIBase is the address install.sh's ENGAGE_API_BASE takes.
func (s *Server) APIBase() string { return s.URL + "/api" }

// Hits is how many requests asked for path.
func (s *Server) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.mu.Unlock()
	api := "/api/repos/" + s.Repository + "/releases"
	switch {
	case r.URL.Path == api+"/latest":
		s.mu.Lock()
		latest := s.latest
		s.mu.Unlock()
		if latest == "" {
			http.Error(w, `{"message": "Not Found"}`, http.StatusNotFound)
			return
		}
		writeJSON(w, map[string]string{"tag_name": latest})
	case r.URL.Path == api:
		var list []map[string]string
		for _, tag := range s.tags() {
			list = append(list, map[string]string{"tag_name": tag, "name": "engage " + tag})
		}
		writeJSON(w, list)
	case strings.HasPrefix(r.URL.Path, "/download/"):
		tag, file, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/download/"), "/")
		data := s.Asset(tag, file)
		if data == nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write(data)
	default:
		http.NotFound(w, r)
	}
}

// SetLatest sets the tag the latest-release API call gives ("" for none:
// it answers 404, as GitHub does for a repository without releases).
func (s *Server) SetLatest(tag string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latest = tag
}

// Asset is a release's file, or nil.
func (s *Server) Asset(tag, file string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.releases[tag][file]
}

// SetAsset replaces a release's file; nil removes it.
func (s *Server) SetAsset(tag, file string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if data == nil {
		delete(s.releases[tag], file)
		return
	}
	s.releases[tag][file] = data
}

func (s *Server) tags() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var tags []string
	for t := range s.releases {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	return tags
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// Platform is one archive of a release: GOOS and GOARCH.
type Platform struct{ OS, Arch string }

// Platforms are the six archives a release has.
var Platforms = []Platform{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

// ArchiveName is a platform's archive name, as .goreleaser.yaml names it.
func ArchiveName(number string, p Platform) string {
	ext := "tar.gz"
	if p.OS == "windows" {
		ext = "zip"
	}
	return fmt.Sprintf("engage_%s_%s_%s.%s", number, p.OS, p.Arch, ext)
}

// ChecksumsName is the release's checksums file, as .goreleaser.yaml names it.
func ChecksumsName(number string) string { return "engage_" + number + "_checksums.txt" }

// Build makes a release of version number (1.2.0) with an archive for each
// platform: binary(p) gives the engage binary it holds (engage.exe on
// Windows), beside a README. The checksums file is in goreleaser's form.
func Build(number string, platforms []Platform, binary func(Platform) []byte) (Release, error) {
	r := Release{}
	sums := map[string]string{}
	for _, p := range platforms {
		name := ArchiveName(number, p)
		var data []byte
		var err error
		files := map[string][]byte{"README.md": []byte("# engage\n"), "engage": binary(p)}
		if p.OS == "windows" {
			files["engage.exe"] = files["engage"]
			delete(files, "engage")
			data, err = zipOf(files)
		} else {
			data, err = tarGzOf(files)
		}
		if err != nil {
			return nil, fmt.Errorf("build %s: %w", name, err)
		}
		r[name] = data
		sums[name] = Sum(data)
	}
	r[ChecksumsName(number)] = Checksums(sums)
	return r, nil
}

// Checksums is a checksums file as goreleaser writes it: "SUM  NAME" lines
// in order of name, for sums by file name.
func Checksums(sums map[string]string) []byte {
	var names []string
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		b.WriteString(sums[n] + "  " + n + "\n")
	}
	return []byte(b.String())
}

// Sum is data's SHA-256 in hex.
func Sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

func tarGzOf(files map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, name := range sortedKeys(files) {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(files[name])), Typeflag: tar.TypeReg}); err != nil {
			return nil, err
		}
		if _, err := tw.Write(files[name]); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func zipOf(files map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(files) {
		w, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(files[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func sortedKeys(m map[string][]byte) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
