// Command engage keeps an NHS Integrated Care Board's strategy for working
// with people and communities as code. See the README.
package main

import "os"

func main() { os.Exit(run()) }
