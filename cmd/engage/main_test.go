package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/engage-icb/engage/pkg/validate"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script with what engage prints now")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"engage": func() { os.Exit(run()) },
	})
}

// TestScripts runs the scenarios in testdata/script. Each starts in a
// fresh folder holding copies of strategies/, examples/ and schemas/.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			for _, dir := range []string{"strategies", "examples", "schemas"} {
				if err := copyTree(filepath.Join("..", "..", dir), filepath.Join(env.WorkDir, dir)); err != nil {
					return err
				}
			}
			env.Setenv("NO_COLOR", "")
			env.Setenv("ENGAGE_FORCE_TTY", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// write FILE QUOTED [N] writes a Go-quoted string, N times.
			"write": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 || len(args) > 3 {
					ts.Fatalf("usage: write FILE QUOTED [N]")
				}
				s, err := strconv.Unquote(args[1])
				ts.Check(err)
				n := 1
				if len(args) == 3 {
					n, err = strconv.Atoi(args[2])
					ts.Check(err)
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Repeat(s, n)), 0o644))
			},
			// sub FILE OLD NEW replaces the first OLD in FILE with NEW.
			"sub": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: sub FILE OLD NEW")
				}
				path := ts.MkAbs(args[0])
				data, err := os.ReadFile(path)
				ts.Check(err)
				if !strings.Contains(string(data), args[1]) {
					ts.Fatalf("sub: %q not in %s", args[1], args[0])
				}
				ts.Check(os.WriteFile(path, []byte(strings.Replace(string(data), args[1], args[2], 1)), 0o644))
			},
		},
	})
}

// TestEveryRuleHasAScenario checks that each rule is shown firing, with its
// exact place, in some scenario's expected output.
func TestEveryRuleHasAScenario(t *testing.T) {
	scripts, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	re := regexp.MustCompile(`:[0-9]+:[0-9]+: (?:error|warning|info): .*\\?\[([a-z-]+)\\?\]`)
	for _, s := range scripts {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			seen[m[1]] = true
		}
	}
	for _, r := range validate.Rules {
		if !seen[r.ID] {
			t.Errorf("no scenario in testdata/script shows rule %s firing at a file:line:column", r.ID)
		}
	}
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if strings.HasSuffix(p, ".go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
