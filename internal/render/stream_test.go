package render

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"github.com/engage-icb/engage/pkg/coverage"
	"github.com/engage-icb/engage/pkg/framework"
	"github.com/engage-icb/engage/pkg/status"
	"github.com/engage-icb/engage/pkg/strategy"
	"github.com/engage-icb/engage/strategies"
)

// TestStreamIsRender holds every streamable format to its promise: written
// one strategy at a time, it writes exactly what Render writes for the
// whole list, with none, one or all the shipped strategies.
func TestStreamIsRender(t *testing.T) {
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var graded []coverage.Graded
	var boards []*status.Board
	files, _ := fs.Glob(strategies.FS, "*.yaml")
	for _, f := range files {
		src, _ := fs.ReadFile(strategies.FS, f)
		d := strategy.Parse("strategies/"+f, src)
		fw, _ := fws.Get(framework.Choose(d.Strategy.Framework, ""))
		graded = append(graded, coverage.GradeFile(d.Path, d.Strategy, fw))
		boards = append(boards, status.Of(d.Path, d.Strategy, fw, status.Options{AsOf: reportAsOf, StaleMonths: 6}))
	}
	check(t, Coverage, graded)
	check(t, Status, boards)
}

func check[T any](t *testing.T, reg *Registry[[]T], all []T) {
	t.Helper()
	for _, name := range reg.Names() {
		for _, list := range [][]T{nil, all[:1], all} {
			f, err := reg.Lookup(name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var want, got bytes.Buffer
			if err := f.Render(&want, list); err != nil {
				t.Fatal(err)
			}
			s, err := Stream(reg, name, Options{}, &got)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, x := range list {
				if err := s.Add(x); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, %d items: streamed\n%s\nwant\n%s", name, len(list), got.String(), want.String())
			}
		}
	}
}

// TestStatusOverview holds StatusOverview to its promise: the overview of
// several strategies reads nothing of a board that it drops.
func TestStatusOverview(t *testing.T) {
	fws, err := framework.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var whole, slim []*status.Board
	files, _ := fs.Glob(strategies.FS, "*.yaml")
	for _, f := range files {
		src, _ := fs.ReadFile(strategies.FS, f)
		d := strategy.Parse("strategies/"+f, src)
		fw, _ := fws.Get(framework.Choose(d.Strategy.Framework, ""))
		bd := status.Of(d.Path, d.Strategy, fw, status.Options{AsOf: reportAsOf, StaleMonths: 6})
		whole, slim = append(whole, bd), append(slim, StatusOverview(bd))
	}
	if len(whole) < 2 {
		t.Fatal("the overview needs two strategies or more")
	}
	for _, width := range []int{0, 60, 120} {
		var a, b bytes.Buffer
		o := Options{Theme: Plain{}, Terminal: width > 0, Width: width}
		_ = (StatusText{Options: o}).Render(&a, whole)
		_ = (StatusText{Options: o}).Render(&b, slim)
		if a.String() != b.String() {
			t.Errorf("width %d: the overview of StatusOverview's boards\n%s\ndiffers from the whole boards'\n%s", width, b.String(), a.String())
		}
	}
}

// TestStatusOverviewSameName: strategies of one ICB (a folder with an
// earlier version beside the current one) are told apart by their files,
// below the folder they share.
func TestStatusOverviewSameName(t *testing.T) {
	board := func(file string) *status.Board {
		return &status.Board{File: file, Name: "Valeford", AsOf: "2026-01-01", Objectives: status.Counts{}}
	}
	var b bytes.Buffer
	o := Options{Theme: Plain{}}
	if err := (StatusText{Options: o}).Render(&b, []*status.Board{board("shapes/activities.yaml"), board("shapes/earlier/activities.yaml"), {File: "shapes/other.yaml", Name: "Coastshire", AsOf: "2026-01-01"}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nValeford (activities.yaml) ", "\nValeford (earlier/activities.yaml) ", "\nCoastshire "} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the overview lacks %q:\n%s", want, b.String())
		}
	}
}
