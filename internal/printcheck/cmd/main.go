// Command printcheck (make check-print) prints Excel workbooks to PDF with
// LibreOffice and says, page by page, what a person holding the paper
// would find wrong: text under 9 pt, a page without its sheet's header
// row, a missing page number, paper that is not A4 landscape (see package
// printcheck). Problems go to standard output, one a line; a summary of
// each workbook to standard error.
//
//	go run ./internal/printcheck/cmd [-min-size 9] [-pdf DIR] WORKBOOK.xlsx...
//
// It exits 0 when no page has a problem, 1 when one has, 2 when a
// workbook could not be read or printed.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/engage-icb/engage/internal/printcheck"
)

// Exit codes, as engage's own.
const (
	exitOK       = 0
	exitProblems = 1
	exitError    = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("printcheck", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: printcheck [-min-size PT] [-pdf DIR] WORKBOOK.xlsx...")
		flags.PrintDefaults()
	}
	var opts printcheck.Options
	flags.Float64Var(&opts.MinSize, "min-size", printcheck.DefaultMinSize, "the smallest printed text allowed, in points")
	flags.StringVar(&opts.PDFDir, "pdf", "", "keep the PDFs in this folder, named after the workbooks")
	if err := flags.Parse(args); err != nil {
		return exitError
	}
	if flags.NArg() == 0 {
		flags.Usage()
		return exitError
	}
	reports, err := printcheck.CheckAll(flags.Args(), opts)
	if err != nil {
		fmt.Fprintln(stderr, "printcheck:", err)
		return exitError
	}
	var out strings.Builder
	problems := 0
	for _, r := range reports {
		for _, p := range r.Problems {
			fmt.Fprintf(&out, "%s: %s\n", r.Workbook, p)
		}
		problems += len(r.Problems)
	}
	if _, err := io.WriteString(stdout, out.String()); err != nil {
		fmt.Fprintln(stderr, "printcheck:", err)
		return exitError
	}
	for _, r := range reports {
		fmt.Fprintf(stderr, "printcheck: %s: %d pages, smallest text %.1f pt, %d problems\n", r.Workbook, r.Pages, r.SmallestText, len(r.Problems))
	}
	if problems > 0 {
		fmt.Fprintf(stderr, "printcheck: %d problems on the printed pages of %d workbooks\n", problems, len(reports))
		return exitProblems
	}
	fmt.Fprintf(stderr, "printcheck: %d workbooks print on A4 landscape at %g pt or more, with their header rows and page numbers on every page\n", len(reports), opts.MinSize)
	return exitOK
}
