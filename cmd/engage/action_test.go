package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// actionUses is how a workflow names the engage action.
const actionUses = "engage-icb/engage@"

// actionStep is the shell command that runs the engage action's validate
// step, as action.yml wires it, for a workflow step that uses the action
// with the given inputs: each input is the step's value or action.yml's
// default, and ENGAGE is the engage on PATH. The action's install step is
// not run here (the scenario's engage is already on PATH);
// internal/actiontest tests it.
func actionStep(with map[string]any) (string, error) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		return "", err
	}
	var action struct {
		Inputs map[string]struct{ Default string }
		Runs   struct {
			Steps []struct {
				ID  string
				Run string
				Env map[string]string
			}
		}
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		return "", fmt.Errorf("action.yml: %w", err)
	}
	inputs := map[string]string{}
	for name, in := range action.Inputs {
		inputs[name] = in.Default
	}
	for name, v := range with {
		if _, ok := inputs[name]; !ok {
			return "", fmt.Errorf("the workflow gives the action input %q, which action.yml does not declare", name)
		}
		inputs[name] = fmt.Sprint(v)
	}
	for _, step := range action.Runs.Steps {
		if step.ID != "validate" {
			continue
		}
		var names []string
		for name := range step.Env {
			names = append(names, name)
		}
		sort.Strings(names)
		var cmd []string
		for _, name := range names {
			v, err := expand(step.Env[name], inputs)
			if err != nil {
				return "", fmt.Errorf("action.yml, step validate, %s: %w", name, err)
			}
			cmd = append(cmd, name+"="+shellQuote(v))
		}
		script := strings.ReplaceAll(step.Run, "$GITHUB_ACTION_PATH", repoRoot)
		return "env " + strings.Join(cmd, " ") + " " + script, nil
	}
	return "", fmt.Errorf("action.yml has no step with id validate")
}

var expression = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// expand replaces the expressions action.yml's validate step uses:
// inputs.NAME, and the install step's engage output.
func expand(s string, inputs map[string]string) (string, error) {
	var bad error
	out := expression.ReplaceAllStringFunc(s, func(m string) string {
		e := expression.FindStringSubmatch(m)[1]
		if name, ok := strings.CutPrefix(e, "inputs."); ok {
			v, ok := inputs[name]
			if !ok {
				bad = fmt.Errorf("no input %q", name)
			}
			return v
		}
		if e == "steps.install.outputs.engage" {
			return "engage"
		}
		bad = fmt.Errorf("unexpected expression %q", e)
		return ""
	})
	return out, bad
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
