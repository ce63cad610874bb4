package actiontest

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

type actionStep struct {
	ID    string
	Name  string
	If    string
	Run   string
	Shell string
	Uses  string
	Env   map[string]string
	With  map[string]string
}

type actionFile struct {
	Name        string
	Description string
	Inputs      map[string]struct {
		Description string
		Required    *bool
		Default     *string
	}
	Outputs map[string]struct {
		Description string
		Value       string
	}
	Runs struct {
		Using string
		Steps []actionStep
	}
}

// TestActionMetadata checks the keys GitHub requires of action.yml and the
// wiring between it and its scripts. (make test also validates it against
// SchemaStore's published schema for actions, with action-validator.)
func TestActionMetadata(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Name == "" || a.Description == "" {
		t.Errorf("action.yml needs a name and a description: got %q, %q", a.Name, a.Description)
	}
	if a.Runs.Using != "composite" || len(a.Runs.Steps) == 0 {
		t.Fatalf("runs.using = %q with %d steps, want a composite action", a.Runs.Using, len(a.Runs.Steps))
	}
	for _, want := range []string{"paths", "version", "formats", "fail-on", "upload-sarif"} {
		if _, ok := a.Inputs[want]; !ok {
			t.Errorf("action.yml has no input %q", want)
		}
	}
	for name, in := range a.Inputs {
		if in.Description == "" || in.Default == nil || in.Required == nil || *in.Required {
			t.Errorf("input %q: want a description, a default, and required: false", name)
		}
	}
	for name, out := range a.Outputs {
		if out.Description == "" || out.Value == "" {
			t.Errorf("output %q: a composite action's output needs a description and a value", name)
		}
	}

	// Every input is used, and every expression names a declared input or step.
	used := map[string]bool{}
	ids := map[string]bool{}
	for _, s := range a.Runs.Steps {
		ids[s.ID] = s.ID != ""
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %q runs a script without a shell: a composite action's run steps need one", s.Name)
		}
		if s.Run != "" && !strings.Contains(s.Run, `"$GITHUB_ACTION_PATH/`) {
			t.Errorf("step %q: run scripts by \"$GITHUB_ACTION_PATH/...\" (the github.action_path expression loses a Windows path's backslashes in bash)", s.Name)
		}
	}
	re := regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		for _, ref := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(m[1], -1) {
			if _, ok := a.Inputs[ref[1]]; !ok {
				t.Errorf("action.yml uses inputs.%s, which it does not declare", ref[1])
			}
			used[ref[1]] = true
		}
		for _, ref := range regexp.MustCompile(`steps\.([a-z-]+)\.outputs`).FindAllStringSubmatch(m[1], -1) {
			if !ids[ref[1]] {
				t.Errorf("action.yml uses the outputs of step %q, which has no such id", ref[1])
			}
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %q is declared but never used", name)
		}
	}

	// Each script's ENGAGE_ variables are set by its step, except the two
	// addresses, which a workflow may set for a mirror (and the tests do).
	overrides := map[string]bool{"ENGAGE_DOWNLOAD_BASE": true, "ENGAGE_API_BASE": true}
	for _, s := range a.Runs.Steps {
		m := regexp.MustCompile(`scripts/action/([a-z]+\.sh)`).FindStringSubmatch(s.Run)
		if m == nil {
			continue
		}
		script, err := os.ReadFile(filepath.Join(repoRoot, "scripts", "action", m[1]))
		if err != nil {
			t.Fatal(err)
		}
		var missing []string
		seen := map[string]bool{}
		for _, v := range regexp.MustCompile(`\$\{?(ENGAGE[A-Z_]*)`).FindAllStringSubmatch(string(script), -1) {
			if _, ok := s.Env[v[1]]; !ok && !overrides[v[1]] && !seen[v[1]] {
				missing = append(missing, v[1])
			}
			seen[v[1]] = true
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("step %q: %s reads %v, which the step's env does not set", s.ID, m[1], missing)
		}
	}
}

// TestActionDocs keeps docs/ci.md's table of inputs, and the README's list,
// in step with action.yml.
func TestActionDocs(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile(filepath.Join(repoRoot, "docs", "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|").FindAllStringSubmatch(string(ci), -1) {
		documented[m[1]] = true
	}
	for name := range a.Inputs {
		if !documented[name] {
			t.Errorf("docs/ci.md's table of inputs has no row for %q", name)
		}
		if !strings.Contains(string(readme), "`"+name+"`") {
			t.Errorf("the README's In CI paragraph does not name input %q", name)
		}
		delete(documented, name)
	}
	for name := range documented {
		t.Errorf("docs/ci.md documents input %q, which action.yml does not declare", name)
	}
	for name := range a.Outputs {
		if !strings.Contains(string(ci), "`"+name+"`") {
			t.Errorf("docs/ci.md does not name output %q", name)
		}
	}
}
