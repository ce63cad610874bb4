//go:build unix

// Command peakrss runs a command and writes its peak resident memory, in
// kilobytes, to a file; it exits with the command's exit code.
//
//	peakrss OUTFILE COMMAND [ARG...]
//
// Linux counts the memory of the process that starts a command in the
// command's peak (the child shares it until exec), so a large test binary
// cannot measure a small command directly; this small program starts it
// instead. The hostile-input catalogue and the corpus benchmark use it.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: peakrss OUTFILE COMMAND [ARG...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[2], os.Args[3:]...) //nolint:gosec // G204: running the command given is the job
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintln(os.Stderr, "peakrss:", err)
		os.Exit(2)
	}
	var kb int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		kb = ru.Maxrss
	}
	if err := os.WriteFile(os.Args[1], []byte(strconv.FormatInt(kb, 10)+"\n"), 0o600); err != nil { //nolint:gosec // G703: the file the caller named
		fmt.Fprintln(os.Stderr, "peakrss:", err)
		os.Exit(2)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}
