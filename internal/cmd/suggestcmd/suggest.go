// Package suggest is the engage suggest command.
package suggestcmd

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	statuscmd "github.com/engage-icb/engage/internal/cmd/statuscmd"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
	"github.com/engage-icb/engage/internal/render"
	"github.com/engage-icb/engage/internal/safetext"
	"github.com/engage-icb/engage/internal/style"
	"github.com/engage-icb/engage/pkg/finding"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/pkg/suggest"
	"github.com/engage-icb/engage/pkg/validate"
)

// Options are suggest's flags and arguments.
type Options struct {
	IO            *iostreams.IOStreams
	Factory       *cmdutil.Factory
	Now           func() time.Time
	File          string
	All           bool
	Apply         bool
	IDs           []string
	MinConfidence float64
	Format        string
}

// NewCmdSuggest returns the suggest command.
func NewCmdSuggest(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Factory: f, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "suggest FILE",
		Short: "Suggest national principles for local principles and objectives by their wording",
		Long: `For each local principle and objective that no national principle is mapped
to, and each whose mapping looks doubtful (its words match another national
principle at least twice as well), suggest national principles by how
closely the words match the guidance's wording (TF-IDF cosine similarity).
Each suggestion has a score (0 to 1), the words that drove it, and the
item's confidence: how clearly the first suggestion beats the second.

With --apply, engage writes "national: [N]" into the file for each unmapped
item whose confidence is at least --min-confidence (or, with --id, for the
items named), touching no other line, atomically and only if the file stays
valid. A recorded mapping, even a doubtful one, is never changed: that is a
person's judgement. Suggestions are a starting point; read them before you
accept them.`,
		Example: `  engage suggest strategies/mse.yaml --all
  engage suggest my-icb.yaml --apply
  engage suggest my-icb.yaml --apply --id P3 --id O2-01
  engage suggest my-icb.yaml -f json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return suggestRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.All, "all", false, "list every principle and objective, mapped or not")
	cmd.Flags().BoolVar(&opts.Apply, "apply", false, "write the first suggestion into the file for each unmapped item (see --min-confidence and --id)")
	cmd.Flags().StringArrayVar(&opts.IDs, "id", nil, "with --apply: accept the suggestion for this item only (repeat for more)")
	cmd.Flags().Float64Var(&opts.MinConfidence, "min-confidence", suggest.DefaultMinConfidence, "with --apply: the least confidence to accept a suggestion without --id")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func suggestRun(opts *Options) error {
	if opts.Format != "text" && opts.Format != "json" {
		return cmdutil.Usage(fmt.Errorf("--format: unknown format %q: use one of json, text", opts.Format))
	}
	if len(opts.IDs) > 0 && !opts.Apply {
		return cmdutil.Usage(errors.New("--id chooses what --apply writes: add --apply"))
	}
	if opts.MinConfidence < 0 || opts.MinConfidence > 1 {
		return cmdutil.Usage(fmt.Errorf("--min-confidence %v: give a number from 0 to 1", opts.MinConfidence))
	}
	cfg, err := cmdutil.LoadConfig(opts.Factory)
	if err != nil {
		return err
	}
	v, err := cmdutil.NewValidator(cfg, opts.Now())
	if err != nil {
		return err
	}
	readable, err := cmdutil.ReadStrategies(opts.IO.ErrOut, v, []string{opts.File}, "cannot be read for suggestions", missingNational)
	if err != nil {
		return err
	}
	doc, fw := readable[0].Doc, readable[0].Framework
	items := suggest.For(doc.Strategy, fw, suggest.Options{All: opts.All})

	if opts.Apply {
		mappings, err := accepted(items, doc.Strategy, opts)
		if err != nil {
			return err
		}
		if len(mappings) == 0 {
			fmt.Fprintf(opts.IO.ErrOut, "%s: nothing to apply: no unmapped item has a suggestion with confidence of at least %.2f (name items with --id to accept others)\n", opts.File, opts.MinConfidence)
			return nil
		}
		return statuscmd.Apply(opts.Factory, opts.File, func(src []byte) ([]byte, string, error) {
			return suggest.Apply(src, mappings)
		})
	}
	if opts.Format == "json" {
		if items == nil {
			items = []suggest.Item{}
		}
		return render.WriteJSON(opts.IO.Out, struct {
			SchemaVersion int            `json:"schemaVersion"`
			File          string         `json:"file"`
			Framework     string         `json:"framework"`
			Items         []suggest.Item `json:"items"`
		}{render.SchemaVersion, opts.File, fw.ID, items})
	}
	writeText(opts.IO.Out, style.For(opts.IO), doc, fw, items, opts)
	return nil
}

// missingNational is whether a finding says a local principle has no
// national key: that is what suggest is for, so it does not stop it.
func missingNational(f finding.Finding) bool {
	rest, ok := strings.CutPrefix(f.Pointer, "/principles/")
	return ok && f.Rule == validate.RuleMissingKey && !strings.Contains(rest, "/") && strings.HasSuffix(f.Message, `missing "national"`)
}

// accepted picks the suggestions --apply writes: the first suggestion for
// each unmapped item named with --id, or else each whose confidence is
// high enough.
func accepted(items []suggest.Item, s *strategy.Strategy, opts *Options) ([]suggest.Mapping, error) {
	byID := map[string]suggest.Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	var out []suggest.Mapping
	if len(opts.IDs) > 0 {
		for _, id := range opts.IDs {
			it, ok := byID[id]
			switch {
			case !ok && !hasItem(s, id):
				return nil, cmdutil.Usage(fmt.Errorf("--id %s: the file has no principle or objective %s", id, id))
			case !ok || it.Reason != suggest.Unmapped:
				return nil, cmdutil.Usage(fmt.Errorf("--id %s is already mapped to a national principle; change a recorded mapping by hand", id))
			case it.Top().Score == 0:
				return nil, cmdutil.Usage(fmt.Errorf("--id %s: its words share nothing with any national principle; map it by hand", id))
			}
			out = append(out, suggest.Mapping{Kind: it.Kind, ID: it.ID, Number: it.Top().Number})
		}
		return out, nil
	}
	for _, it := range items {
		if applicable(it, s, opts.MinConfidence) {
			out = append(out, suggest.Mapping{Kind: it.Kind, ID: it.ID, Number: it.Top().Number})
		}
	}
	return out, nil
}

// applicable says whether --apply writes an item's first suggestion
// without --id: it is unmapped, clear enough, and not an objective that
// serves local principles (mapping those maps it).
func applicable(it suggest.Item, s *strategy.Strategy, min float64) bool {
	if it.Reason != suggest.Unmapped || it.Top().Score == 0 || it.Confidence < min {
		return false
	}
	return it.Kind != "objective" || !slices.ContainsFunc(s.Objectives, func(o strategy.Objective) bool {
		return o.ID == it.ID && len(o.Principles) > 0
	})
}

func hasItem(s *strategy.Strategy, id string) bool {
	return slices.ContainsFunc(s.Principles, func(p strategy.Principle) bool { return p.ID == id }) ||
		slices.ContainsFunc(s.Objectives, func(o strategy.Objective) bool { return o.ID == id })
}

// writeText writes the suggestions for people: each item at its
// file:line:column, then its candidates.
func writeText(w io.Writer, th *style.Theme, doc *strategy.Document, fw *framework.Framework, items []suggest.Item, opts *Options) {
	var b strings.Builder
	counts := map[string]int{}
	applied := 0
	for _, it := range items {
		counts[it.Reason]++
		if applicable(it, doc.Strategy, opts.MinConfidence) {
			applied++
		}
		line, col := doc.Locate(it.Pointer, false)
		var what string
		switch it.Reason {
		case suggest.Unmapped:
			what = fmt.Sprintf("%s %s is not mapped to a national %s", it.Kind, it.ID, fw.Noun())
		case suggest.Doubtful:
			what = fmt.Sprintf("%s %s is mapped to %s, but its words match %d better (doubtful)", it.Kind, it.ID, numbers(it.Recorded), it.Top().Number)
		default:
			what = fmt.Sprintf("%s %s is mapped to %s", it.Kind, it.ID, numbers(it.Recorded))
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s\n", doc.Path, line, col, th.Bold(what))
		fmt.Fprintf(&b, "    %s\n", th.Muted("“"+clip(safetext.Terminal(it.Text), 100)+"”"))
		if it.Top().Score == 0 {
			fmt.Fprintf(&b, "    no word in common with any national %s: map it by hand\n", fw.Noun())
			continue
		}
		for i, c := range it.Candidates {
			if c.Score == 0 {
				break
			}
			mark := "  "
			if i == 0 {
				mark = "→ "
			}
			note := ""
			if slices.Contains(it.Recorded, c.Number) {
				note = "  (recorded)"
			}
			label := fmt.Sprintf("%2d %-38s", c.Number, clip(c.Label, 38))
			fmt.Fprintf(&b, "    %s%s score %.2f  %s%s\n", mark, label, c.Score, th.Muted(strings.Join(c.Words, ", ")), note)
		}
		fmt.Fprintf(&b, "    confidence %.2f\n", it.Confidence)
	}
	if len(items) > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%d principles and %d objectives read: %d unmapped, %d doubtful", len(doc.Strategy.Principles), len(doc.Strategy.Objectives), counts[suggest.Unmapped], counts[suggest.Doubtful])
	if opts.All {
		fmt.Fprintf(&b, ", %d mapped plausibly", counts[suggest.Mapped])
	}
	b.WriteString(".\n")
	if applied > 0 {
		fmt.Fprintf(&b, "engage suggest %s --apply would map the %d unmapped with confidence of at least %.2f.\n", doc.Path, applied, opts.MinConfidence)
	}
	_, _ = io.WriteString(w, b.String())
}

func numbers(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, " and ")
}

// clip shortens s to n characters, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
