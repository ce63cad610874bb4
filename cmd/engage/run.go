package main

import (
	"os"
	"time"

	"github.com/engage-icb/engage/internal/buildinfo"
	"github.com/engage-icb/engage/pkg/cmd/root"
	"github.com/engage-icb/engage/pkg/cmdutil"
	"github.com/engage-icb/engage/pkg/iostreams"
)

// run is engage's entry point, shared by main and the testscript scenarios.
func run() int {
	f := &cmdutil.Factory{IOStreams: iostreams.System(), Version: buildinfo.Version(), Now: time.Now}
	return root.Execute(f, os.Args[1:])
}
