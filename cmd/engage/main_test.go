package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/internal/xlsx/xlsxtest"
	"github.com/engage-icb/engage/pkg/validate"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script with what engage prints now")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"engage": func() { os.Exit(run()) },
	})
}

// TestScripts runs the scenarios in testdata/script. Each starts in a
// fresh folder holding copies of strategies/, examples/, schemas/ and
// testdata/real-shapes/.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		// [root]: the scenario runs as root (who can give a file to another
		// user); [soffice]: LibreOffice is installed.
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "root":
				return os.Geteuid() == 0, nil
			case "soffice":
				// [soffice]: LibreOffice is here. make test requires it
				// (ENGAGE_REQUIRE_SOFFICE): then its absence fails.
				_, err := exec.LookPath("soffice")
				if err != nil && os.Getenv("ENGAGE_REQUIRE_SOFFICE") != "" {
					return false, errors.New("LibreOffice (soffice) is not installed, and make test requires it: apt-get install libreoffice-calc-nogui")
				}
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			for _, dir := range []string{"strategies", "examples", "schemas", ".pre-commit-hooks.yaml", filepath.Join("testdata", "real-shapes")} {
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
			// yamlget FILE PATH prints the value at a dotted path (keys and
			// list indexes) of a YAML file.
			"yamlget": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: yamlget FILE PATH")
				}
				v, err := yamlPath(ts.ReadFile(args[0]), args[1])
				ts.Check(err)
				fmt.Fprintln(ts.Stdout(), v)
			},
			// runci FILE runs the shell steps of a CI example (a GitHub
			// workflow's run: steps and the engage action's validate step,
			// or a GitLab job's script lines) with bash, as CI would,
			// skipping the steps that install engage: the scenario's
			// engage is already on PATH.
			"runci": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: runci FILE")
				}
				steps, err := ciSteps(ts.ReadFile(args[0]))
				ts.Check(err)
				if len(steps) == 0 {
					ts.Fatalf("runci: %s has no steps that run engage", args[0])
				}
				for _, s := range steps {
					err := ts.Exec("bash", "-eo", "pipefail", "-c", s)
					if err != nil {
						if !neg {
							ts.Fatalf("step %q: %v", s, err)
						}
						return
					}
				}
				if neg {
					ts.Fatalf("every step succeeded")
				}
			},
			// xlsxcell FILE SHEET CELL prints a workbook cell's value, and
			// its formula if it holds one.
			"xlsxcell": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: xlsxcell FILE SHEET CELL")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer func() { _ = f.Close() }()
				v, err := f.GetCellValue(args[1], args[2])
				ts.Check(err)
				formula, err := f.GetCellFormula(args[1], args[2])
				ts.Check(err)
				fmt.Fprintf(ts.Stdout(), "value: %s\nformula: %s\n", v, formula)
			},
			// xlsxfill FILE SHEET ID HEADING VALUE types VALUE into the cell of
			// a workbook's sheet in the row whose ID column holds ID and the
			// column headed HEADING, as a delivery lead would: text, a
			// number (n:4200), a date (d:2026-11-28, stored as Excel stores
			// dates) or a formula (=...). ID "-" with HEADING a custom
			// property's name sets that property (VALUE "-" removes it, as
			// a program that drops custom properties does).
			"xlsxfill": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 5 {
					ts.Fatalf("usage: xlsxfill FILE SHEET ID HEADING VALUE")
				}
				ts.Check(xlsxFill(ts.MkAbs(args[0]), args[1], args[2], args[3], args[4]))
			},
			// crlf FILE ends every line of a file with CRLF, as git checks
			// text out on Windows (core.autocrlf).
			"crlf": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: crlf FILE")
				}
				data := strings.ReplaceAll(ts.ReadFile(args[0]), "\n", "\r\n")
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
			},
			// xlsxrename FILE OLD NEW renames a workbook's sheet, as Excel's
			// Rename would.
			"xlsxrename": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: xlsxrename FILE OLD NEW")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				defer func() { _ = f.Close() }()
				ts.Check(f.SetSheetName(args[1], args[2]))
				ts.Check(f.Save())
			},
			// resave FILE OUT opens a workbook in LibreOffice and saves it
			// again as OUT (.xlsx), as a delivery lead's LibreOffice would
			// (guard it with [soffice]).
			"resave": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: resave FILE OUT")
				}
				soffice, err := exec.LookPath("soffice")
				ts.Check(err)
				dir, err := os.MkdirTemp("", "resave")
				ts.Check(err)
				defer func() { _ = os.RemoveAll(dir) }()
				in := filepath.Join(dir, "in.xlsx")
				ts.Check(os.WriteFile(in, []byte(ts.ReadFile(args[0])), 0o644))
				out, err := exec.Command(soffice, xlsxtest.Profile(dir), "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(dir, "out"), in).CombinedOutput()
				if err != nil || bytes.Contains(out, []byte("Error:")) {
					ts.Fatalf("LibreOffice could not save the workbook: %v\n%s", err, out)
				}
				data, err := os.ReadFile(filepath.Join(dir, "out", "in.xlsx"))
				if err != nil {
					ts.Fatalf("LibreOffice wrote no workbook: %v\n%s", err, out)
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o644))
			},
			// sarifvalid FILE validates a SARIF file against the official
			// SARIF 2.1.0 schema in testdata/sarif.
			"sarifvalid": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: sarifvalid FILE")
				}
				v, err := jsonschema.UnmarshalJSON(strings.NewReader(ts.ReadFile(args[0])))
				ts.Check(err)
				err = sarifSchema(ts).Validate(v)
				if (err == nil) == neg {
					ts.Fatalf("sarifvalid %s: %v", args[0], err)
				}
			},
			// lock DIR takes the lock engage's writers take on a folder, and
			// holds it until the scenario ends.
			"lock": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: lock DIR")
				}
				unlock, err := atomicfile.Lock(ts.MkAbs(args[0]))
				ts.Check(err)
				ts.Defer(unlock)
			},
			// sub FILE OLD NEW replaces the first OLD in FILE with NEW; \n in
			// OLD and NEW stands for a line break, \t for a tab.
			"sub": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 3 {
					ts.Fatalf("usage: sub FILE OLD NEW")
				}
				unescape := strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace
				args[1], args[2] = unescape(args[1]), unescape(args[2])
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

var (
	sarifOnce sync.Once
	sarifSch  *jsonschema.Schema
	sarifErr  error
)

// sarifSchema compiles the official SARIF 2.1.0 schema once.
func sarifSchema(ts *testscript.TestScript) *jsonschema.Schema {
	sarifOnce.Do(func() {
		var doc any
		data, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "sarif", "sarif-schema-2.1.0.json"))
		if err == nil {
			doc, err = jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
		}
		if err != nil {
			sarifErr = err
			return
		}
		c := jsonschema.NewCompiler()
		if sarifErr = c.AddResource("sarif.json", doc); sarifErr == nil {
			sarifSch, sarifErr = c.Compile("sarif.json")
		}
	})
	ts.Check(sarifErr)
	return sarifSch
}

// repoRoot is the repository's root folder, for files the scenarios read
// in place.
var repoRoot, _ = filepath.Abs(filepath.Join("..", ".."))

// yamlPath reads a dotted path (jobs.validate.steps.3.with.sarif_file) of a
// YAML document.
func yamlPath(src, path string) (string, error) {
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		return "", err
	}
	for _, key := range strings.Split(path, ".") {
		switch c := v.(type) {
		case map[string]any:
			v = c[key]
		case []any:
			i, err := strconv.Atoi(key)
			if err != nil || i < 0 || i >= len(c) {
				return "", fmt.Errorf("%s: no item %q", path, key)
			}
			v = c[i]
		default:
			return "", fmt.Errorf("%s: nothing at %q", path, key)
		}
	}
	if v == nil {
		return "", fmt.Errorf("%s: no value", path)
	}
	return fmt.Sprint(v), nil
}

// ciSteps lists the shell commands of a CI example that run engage.
func ciSteps(src string) ([]string, error) {
	var doc map[string]any
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return nil, err
	}
	var steps []string
	add := func(s string) {
		if strings.Contains(s, "engage") && !strings.HasPrefix(strings.TrimSpace(s), "go install") {
			steps = append(steps, s)
		}
	}
	if jobs, ok := doc["jobs"].(map[string]any); ok { // GitHub Actions
		for _, job := range jobs {
			for _, step := range job.(map[string]any)["steps"].([]any) {
				if run, ok := step.(map[string]any)["run"].(string); ok {
					add(run)
				}
				if uses, _ := step.(map[string]any)["uses"].(string); strings.HasPrefix(uses, actionUses) {
					with, _ := step.(map[string]any)["with"].(map[string]any)
					s, err := actionStep(with)
					if err != nil {
						return nil, err
					}
					add(s)
				}
			}
		}
		return steps, nil
	}
	for _, job := range doc { // GitLab CI
		if m, ok := job.(map[string]any); ok {
			if script, ok := m["script"].([]any); ok {
				for _, s := range script {
					add(fmt.Sprint(s))
				}
			}
		}
	}
	return steps, nil
}

func copyTree(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
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

// xlsxFill is the xlsxfill command.
func xlsxFill(path, sheet, id, heading, value string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	if id == "-" {
		var v any = value
		if value == "-" {
			v = nil
		}
		if err := f.SetCustomProps(excelize.CustomProperty{Name: heading, Value: v}); err != nil {
			return err
		}
		return f.Save()
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return err
	}
	col, row := -1, -1
	for i, r := range rows {
		for j, v := range r {
			if col < 0 && v == heading && i < 10 {
				col = j
			}
		}
		if col >= 0 && len(r) > 0 && strings.TrimSpace(strings.ReplaceAll(r[0], "\u2060", "")) == id {
			row = i
			break
		}
	}
	if col < 0 || row < 0 {
		return fmt.Errorf("xlsxfill: %s has no cell for ID %s under %q", sheet, id, heading)
	}
	cell, _ := excelize.CoordinatesToCellName(col+1, row+1)
	switch {
	case strings.HasPrefix(value, "="):
		return errors.Join(f.SetCellFormula(sheet, cell, value[1:]), f.Save())
	case strings.HasPrefix(value, "n:"):
		x, err := strconv.ParseFloat(value[2:], 64)
		if err != nil {
			return err
		}
		return errors.Join(f.SetCellFloat(sheet, cell, x, -1, 64), f.Save())
	case strings.HasPrefix(value, "d:"):
		t, err := time.Parse(time.DateOnly, value[2:])
		if err != nil {
			return err
		}
		return errors.Join(f.SetCellValue(sheet, cell, t), f.Save())
	}
	return errors.Join(f.SetCellStr(sheet, cell, value), f.Save())
}
