package main

import (
	"os"
	"time"

	"github.com/engage-icb/engage/internal/buildinfo"
	"github.com/engage-icb/engage/internal/cmd/rootcmd"
	"github.com/engage-icb/engage/internal/cmdutil"
	"github.com/engage-icb/engage/internal/iostreams"
)

// run is engage's entry point, shared by main and the testscript scenarios.
func run() int {
	f := &cmdutil.Factory{IOStreams: iostreams.System(), Version: buildinfo.Version(), Now: time.Now}
	return rootcmd.Execute(f, os.Args[1:])
}
